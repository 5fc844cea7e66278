import { z } from 'zod';
import { defineDecoder } from './define-decoder';
import { parseJsonPayload } from './json-payload';
import { firstIssue } from './zod-issue';
import { decodeUplink, optionalTime, type LorawanContext, type Reception } from './lorawan';
import { olderNetworkServer } from './lorawan-legacy';

// ChirpStack v4 "up" event, JSON marshaler (protobuf JSON mapping: camelCase, defaults omitted).
const upEvent = z.object({
  time: z.string().optional(),
  deviceInfo: z.object({ devEui: z.string(), deviceName: z.string().optional() }),
  object: z.unknown().optional(),
  data: z.string().optional(),
  rxInfo: z.array(z.unknown()).optional(),
});

const rxInfo = z.object({
  rssi: z.number().optional(),
  snr: z.number().optional(),
  gwTime: z.string().optional(),
  nsTime: z.string().optional(),
});

/** ChirpStack v4 HTTP integration, `?event=up`, JSON marshaler. */
export const chirpstackV4Decoder = defineDecoder<LorawanContext>(
  'chirpstack-v4',
  (payload, ctx) => {
    const parsed = parseJsonPayload(payload);
    if (!parsed.ok) return { readings: [], rejects: [parsed.reject] };
    const older = olderNetworkServer(parsed.value);
    if (older !== undefined)
      return { readings: [], rejects: [{ reason: 'bad_shape', message: older }] };
    const msg = upEvent.safeParse(parsed.value);
    if (!msg.success) {
      const message = `not a ChirpStack v4 up event: ${firstIssue(msg.error)}`;
      return { readings: [], rejects: [{ reason: 'bad_shape', message }] };
    }
    const receptions: Reception[] = (msg.data.rxInfo ?? []).flatMap((raw) => {
      const rx = rxInfo.safeParse(raw);
      if (!rx.success) return [];
      return [
        {
          rssi: rx.data.rssi,
          snr: rx.data.snr,
          gatewayTime: optionalTime(rx.data.gwTime),
          serverTime: optionalTime(rx.data.nsTime),
        },
      ];
    });
    return decodeUplink(
      {
        devEui: msg.data.deviceInfo.devEui,
        decoded: msg.data.object,
        receptions,
        // `time` is when ChirpStack finished de-duplicating the uplink: a network-server time.
        serverTimes: [optionalTime(msg.data.time)],
        hasRawPayload: (msg.data.data ?? '') !== '',
      },
      ctx,
    );
  },
);
