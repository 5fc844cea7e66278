import { defineDecoder } from './define-decoder';
import { isRecord } from './guards';
import { parseJsonPayload } from './json-payload';
import { decodeNativeValue } from './native-json.decoder';
import { decodeSenmlValue, type SenmlContext } from './senml.decoder';

export interface DeviceTelemetryContext extends Omit<SenmlContext, 'deviceId'> {
  /** The authenticated device (MQTT username / bearer token). */
  deviceId: string;
}

// Keys that only a SenML record has; a native element always has "values" instead.
const SENML_KEYS = ['bn', 'bt', 'bu', 'bv', 'bver', 'n', 'v', 'vb', 'vs', 'vd', 's', 't', 'u'];

/** True when a parsed payload is a SenML pack rather than a native (batch) payload. */
export function looksLikeSenml(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  // The first object decides: a leading junk element must not flip a whole pack to "native".
  const first: unknown = value.find(isRecord);
  return (
    isRecord(first) &&
    !Object.hasOwn(first, 'values') &&
    SENML_KEYS.some((k) => Object.hasOwn(first, k))
  );
}

/**
 * What a device may publish on `ioc/v1/telemetry/{deviceId}` or POST to /api/v1/telemetry:
 * the native payload or a SenML pack, told apart by shape so devices need no content type.
 */
export const deviceTelemetryDecoder = defineDecoder<DeviceTelemetryContext>(
  'device-telemetry',
  (payload, ctx) => {
    const parsed = parseJsonPayload(payload);
    if (!parsed.ok)
      return { readings: [], rejects: [{ ...parsed.reject, deviceId: ctx.deviceId }] };
    return looksLikeSenml(parsed.value)
      ? decodeSenmlValue(parsed.value, ctx)
      : decodeNativeValue(parsed.value, ctx.deviceId);
  },
);
