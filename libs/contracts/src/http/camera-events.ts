import { z } from 'zod';
import {
  CAMERA_EVENT_DIRECTIONS,
  CAMERA_EVENT_SOURCE_KINDS,
  CAMERA_EVENT_TYPES,
} from '../vocabulary';
import { DEVICE_ID_PATTERN, isoTime } from './common';

export const cameraEventTypeSchema = z.enum(CAMERA_EVENT_TYPES);
export const cameraEventSourceKindSchema = z.enum(CAMERA_EVENT_SOURCE_KINDS);
export const cameraEventDirectionSchema = z.enum(CAMERA_EVENT_DIRECTIONS);

/**
 * The one normalised AI-camera event, whatever sent it (Hikvision ISAPI, Frigate, a generic
 * webhook, ONVIF). `snapshotUrl` is the platform's own route, readable by whoever may read the
 * camera's unit — never the camera's or the NVR's address.
 */
export const cameraEventSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  cameraId: z.string(),
  unitCode: z.string(),
  type: cameraEventTypeSchema,
  time: isoTime,
  confidence: z.number().min(0).max(1).nullable(),
  label: z
    .string()
    .nullable()
    .meta({ description: 'The plate read (anpr) or the detector label (car, person, smoke…)' }),
  direction: cameraEventDirectionSchema.nullable(),
  zone: z.string().nullable(),
  snapshotUrl: z.string().nullable(),
  receivedAt: isoTime,
});
export type CameraEventWire = z.infer<typeof cameraEventSchema>;

/**
 * The generic webhook's body: one event or `{events: [...]}`. `eventId` (the sender's own id)
 * makes retries idempotent; `snapshot` is a base64 JPEG/PNG (data: URL or bare base64).
 */
export const genericCameraEventSchema = z
  .object({
    eventId: z.string().trim().min(1).max(200).optional(),
    camera: z.string().trim().min(1).max(200),
    type: cameraEventTypeSchema,
    time: z.union([z.string().min(1), z.number()]).optional(),
    confidence: z.number().min(0).max(1).optional(),
    label: z.string().trim().max(200).optional(),
    plate: z.string().trim().max(40).optional(),
    direction: cameraEventDirectionSchema.optional(),
    zone: z.string().trim().max(200).optional(),
    snapshot: z.string().max(14_000_000).optional(),
  })
  .strict();
export type GenericCameraEvent = z.infer<typeof genericCameraEventSchema>;

export const genericCameraEventBody = z.union([
  genericCameraEventSchema,
  z.object({ events: z.array(genericCameraEventSchema).min(1).max(100) }).strict(),
]);

/** What a webhook answers: the stored events (duplicates name the first one) and the refused. */
export const cameraEventIntakeResponse = z.object({
  accepted: z.array(z.object({ id: z.string(), duplicate: z.boolean() })),
  rejected: z.array(z.object({ reason: z.string(), message: z.string() })),
});

export const cameraEventIdParams = z.object({ id: z.uuid() });
export const cameraEventSourceParams = z.object({
  sourceId: z.string().regex(DEVICE_ID_PATTERN),
});

/** The source's secret as a URL token (Hikvision's HTTP host path can hold one). */
export const cameraEventWebhookQuery = z.object({
  token: z.string().min(1).max(200).optional(),
});

export const cameraEventListQuery = z.object({
  unit: z.string().optional().meta({ description: 'Unit code; a province includes its wards' }),
  camera: z.string().optional(),
  type: cameraEventTypeSchema.optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const cameraEventListResponse = z.object({
  items: z.array(cameraEventSchema),
  asOf: isoTime,
});

/** `?at=`: the alert's time; the camera's newest event picture at or before it. */
export const cameraEventSnapshotQuery = z.object({ at: isoTime });

/** Hourly counts per type and direction (the port gate's vehicles in and out per hour). */
export const cameraEventCountsQuery = z.object({
  unit: z.string().meta({ description: 'Unit code; a province includes its wards' }),
  camera: z.string().optional(),
  hours: z.coerce.number().int().min(1).max(168).default(24),
});

export const cameraEventCountsResponse = z.object({
  unit: z.string(),
  buckets: z.array(
    z.object({
      hour: isoTime,
      type: cameraEventTypeSchema,
      direction: cameraEventDirectionSchema.nullable(),
      count: z.number().int(),
    }),
  ),
  asOf: isoTime,
});

/**
 * Which of the sender's cameras is which of ours: Hikvision channel/IP, Frigate camera name,
 * ONVIF address (where the platform pulls from).
 */
export const cameraMappingSchema = z
  .record(z.string().trim().min(1).max(200), z.string().regex(DEVICE_ID_PATTERN))
  .meta({
    description:
      "Sender camera key → our camera id. Hikvision: `channel:<n>`, `ip:<ipAddress>` or `mac:<macAddress>`; Frigate: the camera name; generic: the `camera` field; ONVIF: the camera's ONVIF address (`10.0.0.31`, `host:port` or `http://host:port/onvif/device_service`)",
    examples: [{ 'ip:10.0.0.21': 'tq-cong-1', 'channel:1': 'tq-cong-1', gate_north: 'tq-cong-2' }],
  });

/** The source as every answer shows it: never its secret, only that one is set. */
export const cameraEventSourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: cameraEventSourceKindSchema,
  cameras: cameraMappingSchema,
  /** Frigate's HTTP API base (snapshots); null for other kinds. */
  baseUrl: z.string().nullable(),
  /** Frigate: the topic its events come on (`frigate/events`); null for other kinds. */
  mqttTopic: z.string().nullable(),
  enabled: z.boolean(),
  hasSecret: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const cameraEventSourceListResponse = z.object({
  items: z.array(cameraEventSourceSchema),
  asOf: isoTime,
});

const secret = z
  .string()
  .min(16, 'at least 16 characters')
  .max(200)
  .meta({ description: 'Write-only: stored as a hash, never returned' });
const baseUrl = z.url().refine((v) => /^https?:\/\//.test(v), 'http:// or https://');
const mqttTopic = z
  .string()
  .regex(/^[^#+]{1,200}$/, 'an MQTT topic without wildcards')
  .refine((t) => !t.includes('\u0000'), 'no NUL character');

export const cameraEventSourceCreateBody = z
  .object({
    id: z.string().regex(DEVICE_ID_PATTERN),
    name: z.string().trim().min(1).max(200),
    kind: cameraEventSourceKindSchema,
    cameras: cameraMappingSchema,
    baseUrl: baseUrl.optional(),
    mqttTopic: mqttTopic.optional().meta({ description: 'Frigate only; default frigate/events' }),
    enabled: z.boolean().default(true),
    /** Omitted: the platform makes one and shows it once, in the answer. */
    secret: secret.optional(),
  })
  .strict();
export type CameraEventSourceCreate = z.infer<typeof cameraEventSourceCreateBody>;

export const cameraEventSourcePatchBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    cameras: cameraMappingSchema.optional(),
    baseUrl: baseUrl.nullable().optional(),
    mqttTopic: mqttTopic.optional(),
    enabled: z.boolean().optional(),
    secret: secret.optional(),
    /** true: the platform makes a new secret and shows it once. */
    rotateSecret: z.boolean().optional(),
  })
  .strict();
export type CameraEventSourcePatch = z.infer<typeof cameraEventSourcePatchBody>;

/** Create and rotate answer the secret once (a generated one; a given one is not echoed). */
export const cameraEventSourceIssuedSchema = cameraEventSourceSchema.extend({
  secret: z.string().nullable().meta({ description: 'Shown once: generated secrets only' }),
});
