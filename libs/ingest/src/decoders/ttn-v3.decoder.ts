import { z } from 'zod';
import { defineDecoder } from './define-decoder';
import { parseJsonPayload } from './json-payload';
import { firstIssue } from './zod-issue';
import { decodeUplink, optionalTime, type LorawanContext, type Reception } from './lorawan';
import { olderNetworkServer } from './lorawan-legacy';

// Only the fields we read; The Things Stack omits empty/zero fields, so almost all are optional.
const envelope = z.object({
  end_device_ids: z.object({ device_id: z.string().optional(), dev_eui: z.string().optional() }),
  received_at: z.string().optional(),
  uplink_message: z
    .object({
      decoded_payload: z.unknown().optional(),
      frm_payload: z.string().optional(),
      rx_metadata: z.array(z.unknown()).optional(),
      received_at: z.string().optional(),
    })
    .optional(),
});

const rxMetadata = z.object({
  time: z.string().optional(),
  rssi: z.number().optional(),
  channel_rssi: z.number().optional(),
  snr: z.number().optional(),
});

/**
 * The Things Stack v3 `uplink_message` webhook (JSON format). Other message types (join
 * accepts, downlink events) posted to the same URL are refused as `bad_shape`.
 */
export const ttnV3Decoder = defineDecoder<LorawanContext>('ttn-v3', (payload, ctx) => {
  const parsed = parseJsonPayload(payload);
  if (!parsed.ok) return { readings: [], rejects: [parsed.reject] };
  const older = olderNetworkServer(parsed.value);
  if (older !== undefined)
    return { readings: [], rejects: [{ reason: 'bad_shape', message: older }] };
  const msg = envelope.safeParse(parsed.value);
  if (!msg.success) {
    return {
      readings: [],
      rejects: [{ reason: 'bad_shape', message: `not a TTS v3 message: ${firstIssue(msg.error)}` }],
    };
  }
  const { end_device_ids: ids, uplink_message: up, received_at: receivedAt } = msg.data;
  if (up === undefined) {
    return {
      readings: [],
      rejects: [{ reason: 'bad_shape', message: 'TTS v3 message has no uplink_message' }],
    };
  }
  if (ids.dev_eui === undefined) {
    const who = ids.device_id === undefined ? '' : ` (device_id ${ids.device_id.slice(0, 60)})`;
    return {
      readings: [],
      rejects: [{ reason: 'bad_shape', message: `uplink without dev_eui${who}` }],
    };
  }
  // A malformed gateway entry only loses that gateway's link figures, not the uplink.
  const receptions: Reception[] = (up.rx_metadata ?? []).flatMap((raw) => {
    const rx = rxMetadata.safeParse(raw);
    if (!rx.success) return [];
    return [
      {
        rssi: rx.data.rssi ?? rx.data.channel_rssi,
        snr: rx.data.snr,
        gatewayTime: optionalTime(rx.data.time),
        serverTime: undefined,
      },
    ];
  });
  return decodeUplink(
    {
      devEui: ids.dev_eui,
      decoded: up.decoded_payload,
      receptions,
      serverTimes: [optionalTime(up.received_at), optionalTime(receivedAt)],
      hasRawPayload: (up.frm_payload ?? '') !== '',
    },
    ctx,
  );
});
