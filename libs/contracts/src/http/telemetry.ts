import { z } from 'zod';

/**
 * Every reason a message or a single reading can be refused. The same codes label dead-letter
 * rows and the rejection counters, so they are part of the operator-facing contract: add, never
 * rename.
 */
export const INGEST_REJECT_REASONS = [
  'malformed_json',
  'bad_shape',
  'unknown_device',
  'unknown_metric',
  'not_numeric',
  'out_of_range',
  'future_timestamp',
  'too_old',
  'bad_timestamp',
  'oversize',
  'topic_not_owned',
  'not_fronted_by_gateway',
  'unknown_dev_eui',
  'duplicate',
  'unit_conversion',
  'auth_failed',
  // LoRaWAN: decoded fields the device profile does not map, and uplinks with raw bytes only.
  'not_mapped',
  'not_decoded',
] as const;
export type IngestRejectReason = (typeof INGEST_REJECT_REASONS)[number];

export const ingestRejectionSchema = z.object({
  reason: z.enum(INGEST_REJECT_REASONS),
  message: z.string(),
  deviceId: z.string().optional(),
  index: z.number().int().optional().meta({ description: 'Position of the element in its batch' }),
});

/** What an ingest route answers: rows committed (202 = durable), every element refused with why. */
export const ingestAnswerSchema = z
  .object({
    accepted: z.number().int(),
    rejected: z.array(ingestRejectionSchema),
  })
  .meta({ id: 'IngestAnswer' });
export type IngestAnswer = z.output<typeof ingestAnswerSchema>;

/** ChirpStack posts every event type to one URL; events other than `up` are acknowledged only. */
export const chirpstackIgnoredSchema = z.object({
  accepted: z.literal(0),
  ignored: z.string().meta({ description: 'The event that was not an uplink' }),
});

// ── Request bodies (documentation: the decoders read the raw bytes and refuse per element) ──

const values = z
  .record(z.string(), z.number())
  .meta({ description: 'Metric code → value, e.g. {"pm25": 41.2, "temp": 31.5}' });
const ts = z
  .union([z.string(), z.number()])
  .optional()
  .meta({ description: 'ISO-8601 or epoch ms; omitted = time of receipt' });

export const nativeReadingSchema = z
  .object({
    ts,
    values,
    pos: z
      .object({ lon: z.number(), lat: z.number() })
      .optional()
      .meta({ description: 'WGS84 position (mobile devices); or top-level lon and lat' }),
    lon: z.number().optional(),
    lat: z.number().optional(),
  })
  .meta({ id: 'NativeReading', description: 'One reading of one device' });

export const senmlRecordSchema = z
  .looseObject({
    bn: z.string().optional(),
    bt: z.number().optional(),
    n: z.string().optional(),
    u: z.string().optional(),
    v: z.number().optional(),
    t: z.number().optional(),
  })
  .meta({ id: 'SenMLRecord', description: 'RFC 8428 SenML record' });

export const telemetryBodySchema = z
  .union([
    nativeReadingSchema,
    z.array(nativeReadingSchema).meta({ description: 'Store-and-forward batch of one device' }),
    z.array(senmlRecordSchema).meta({ description: 'SenML pack (application/senml+json)' }),
    z
      .record(z.string(), z.array(nativeReadingSchema))
      .meta({ description: 'Gateway batch: device id → readings, for the devices it fronts' }),
  ])
  .meta({ id: 'TelemetryBody' });

export const webhookHeaders = z.object({
  'x-webhook-secret': z.string().meta({ description: 'The secret configured for this webhook' }),
});

export const chirpstackQuery = z.object({
  event: z
    .string()
    .optional()
    .meta({ description: 'ChirpStack event type; only `up` carries measurements' }),
});

/** The Things Stack v3 uplink message (the fields the platform reads). */
export const ttnUplinkSchema = z
  .looseObject({
    end_device_ids: z.looseObject({ device_id: z.string().optional(), dev_eui: z.string() }),
    received_at: z.string().optional(),
    uplink_message: z.looseObject({
      decoded_payload: z.record(z.string(), z.unknown()).optional(),
      received_at: z.string().optional(),
      rx_metadata: z.array(z.record(z.string(), z.unknown())).optional(),
    }),
  })
  .meta({ id: 'TtnUplink' });

/** ChirpStack v4 uplink event (`?event=up`; the fields the platform reads). */
export const chirpstackUplinkSchema = z
  .looseObject({
    deviceInfo: z.looseObject({ devEui: z.string() }),
    time: z.string().optional(),
    object: z.record(z.string(), z.unknown()).optional(),
    rxInfo: z.array(z.record(z.string(), z.unknown())).optional(),
  })
  .meta({ id: 'ChirpStackUplink' });
