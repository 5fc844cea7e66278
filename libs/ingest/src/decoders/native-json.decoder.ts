import { defineDecoder } from './define-decoder';
import { decodeNativeElement } from './native-element';
import { parseJsonPayload } from './json-payload';
import type { DecodeResult } from './types';

export interface NativeJsonContext {
  /** The authenticated device (MQTT username / bearer token); never taken from the payload. */
  deviceId: string;
}

/**
 * Native v1 device payload: `{"ts", "values": {...}, "pos"?}` or an array of those
 * (store-and-forward batches, each element judged on its own).
 */
export const nativeJsonDecoder = defineDecoder<NativeJsonContext>('native-json', (payload, ctx) =>
  decodeNativeValue(payload, ctx.deviceId),
);

/** Shared with the device-telemetry dispatcher, which has already parsed the payload. */
export function decodeNativeValue(payload: unknown, deviceId: string): DecodeResult {
  const out: DecodeResult = { readings: [], rejects: [] };
  const parsed = parseJsonPayload(payload);
  if (!parsed.ok) {
    out.rejects.push({ ...parsed.reject, deviceId });
    return out;
  }
  if (Array.isArray(parsed.value)) {
    parsed.value.forEach((element: unknown, index) => {
      decodeNativeElement(element, deviceId, index, out);
    });
  } else {
    decodeNativeElement(parsed.value, deviceId, undefined, out);
  }
  return out;
}
