export {
  REJECT_REASONS,
  type RejectReason,
  type Reject,
  type DecodeResult,
  type Decoder,
} from './types';
export { defineDecoder } from './define-decoder';
export { parseJsonPayload, type ParsedPayload } from './json-payload';
export { parseTimestamp, parseRfc3339, type ParsedTime } from './timestamp';
export { CANONICAL_UOM, defaultUomLookup, type UomLookup } from './metric-units';
export { toCanonicalUnit, isConvertible } from './unit-conversion';
export { nativeJsonDecoder, type NativeJsonContext } from './native-json.decoder';
export { gatewayBatchDecoder, type GatewayBatchContext } from './gateway-batch.decoder';
export { senmlDecoder, type SenmlContext } from './senml.decoder';
export { DEFAULT_SENML_ALIASES, splitSenmlName, deviceIdFromNamePart } from './senml-names';
export {
  deviceTelemetryDecoder,
  looksLikeSenml,
  type DeviceTelemetryContext,
} from './device-telemetry.decoder';
export {
  normalizeDevEui,
  MAX_GATEWAY_SKEW_MS,
  type LorawanContext,
  type LorawanDevice,
  type LorawanProfile,
} from './lorawan';
export { peekDevEui } from './lorawan-peek';
export { ttnV3Decoder } from './ttn-v3.decoder';
export { chirpstackV4Decoder } from './chirpstack-v4.decoder';
