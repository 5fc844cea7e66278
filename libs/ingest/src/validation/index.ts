export type { MetricSpec, MetricLookup, ValidatedReading } from './types';
export { metricSpecsFromRows, type MetricRow } from './catalogue';
export { checkPayloadSize, payloadByteLength } from './payload-size';
export {
  validateReadings,
  DEFAULT_MAX_AGE_MS,
  DEFAULT_MAX_FUTURE_MS,
  type ValidationOptions,
  type ValidationResult,
} from './validate-readings';
