import { defineDecoder } from './define-decoder';
import { describe, isRecord } from './guards';
import { parseJsonPayload } from './json-payload';
import { decodeNativeElement } from './native-element';
import type { DecodeResult } from './types';

export interface GatewayBatchContext {
  /** The authenticated gateway (MQTT username / bearer token). */
  gatewayId: string;
  /** Devices this gateway may speak for; anything else is refused per device. */
  frontedDeviceIds: ReadonlySet<string>;
}

/**
 * Gateway batch `{"<deviceId>": [{"ts", "values"}, ...], ...}`. A device the gateway does not
 * front is refused once (with its id) and the other devices are still decoded.
 */
export const gatewayBatchDecoder = defineDecoder<GatewayBatchContext>(
  'gateway-batch',
  (payload, ctx) => {
    const out: DecodeResult = { readings: [], rejects: [] };
    const parsed = parseJsonPayload(payload);
    if (!parsed.ok) {
      out.rejects.push(parsed.reject);
      return out;
    }
    if (!isRecord(parsed.value)) {
      out.rejects.push({
        reason: 'bad_shape',
        message: `gateway batch must be an object keyed by device id, got ${describe(parsed.value)}`,
      });
      return out;
    }
    for (const [deviceId, elements] of Object.entries(parsed.value)) {
      if (!ctx.frontedDeviceIds.has(deviceId)) {
        out.rejects.push({
          reason: 'not_fronted_by_gateway',
          message: `gateway ${ctx.gatewayId} does not front device ${deviceId.slice(0, 80)}`,
          deviceId,
        });
        continue;
      }
      // A single element is tolerated as a batch of one: cheap, and common in hand-written clients.
      if (Array.isArray(elements)) {
        elements.forEach((element: unknown, index) => {
          decodeNativeElement(element, deviceId, index, out);
        });
      } else {
        decodeNativeElement(elements, deviceId, undefined, out);
      }
    }
    return out;
  },
);
