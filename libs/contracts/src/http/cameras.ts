import { z } from 'zod';
import { CAMERA_KINDS, CAMERA_STATUSES } from '../vocabulary';
import { DEVICE_ID_PATTERN, isoTime } from './common';

export const cameraKindSchema = z.enum(CAMERA_KINDS);
export const cameraStatusSchema = z.enum(CAMERA_STATUSES);

const unitCode = z.string().regex(/^\d{2}(\d{3})?$/, 'a 2-digit province or 5-digit commune code');
const name = z.string().trim().min(1).max(200);
const tags = z.array(z.string().trim().min(1).max(40)).max(20);

/**
 * A path on the media server (MediaMTX `paths:` key, go2rtc stream name): it ends up in URLs the
 * browser opens, so a safe alphabet, no leading slash and no `..`.
 */
export const mediaPathSchema = z
  .string()
  .regex(
    /^(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9_.~/-]{0,127}$/,
    'a media server path: letters, digits, _ - . ~ /, not starting with / nor holding .., ≤ 128',
  )
  .meta({ examples: ['tho-quang/cong-1'] });

/**
 * An MJPEG or snapshot URL the browser may open: http(s) without user:password@ — credentials go
 * in `credentials`, which no answer ever carries.
 */
const snapshotUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return ['http:', 'https:'].includes(u.protocol) && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, 'an http:// or https:// URL without user:password@ (put credentials in credentials)');

/**
 * How the media server reaches the camera: a user name and password, or the full source URL
 * (`rtsp://user:pass@10.0.0.5:554/Streaming/Channels/101`). Write-only: stored on the server,
 * never answered, logged nor audited.
 */
export const cameraCredentialsSchema = z
  .object({
    username: z.string().max(200).optional(),
    password: z.string().max(200).optional(),
    sourceUrl: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
  .refine((c) => c.username !== undefined || c.password !== undefined || c.sourceUrl, {
    message: 'give username/password or sourceUrl',
  })
  .meta({ description: 'Write-only: never returned by any route' });

/** A camera as every answer shows it: no credential, only whether one is stored. */
export const cameraSchema = z.object({
  id: z.string().meta({ examples: ['tq-cong-1'] }),
  name: z.string(),
  kind: cameraKindSchema,
  lon: z.number(),
  lat: z.number(),
  unitCode: z.string(),
  whepPath: z.string().nullable().meta({ description: 'WebRTC (WHEP) path on the media server' }),
  hlsPath: z.string().nullable().meta({ description: 'LL-HLS/HLS path on the media server' }),
  snapshotUrl: z.string().nullable().meta({ description: 'MJPEG or snapshot URL' }),
  tags: z.array(z.string()),
  status: cameraStatusSchema,
  statusCheckedAt: isoTime.nullable(),
  hasCredentials: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type CameraView = z.infer<typeof cameraSchema>;

export const cameraListResponse = z.object({
  items: z.array(cameraSchema),
  asOf: isoTime,
});

export const cameraIdParams = z.object({ id: z.string().min(1).max(128) });

export const cameraListQuery = z.object({
  unit: z
    .string()
    .optional()
    .meta({ description: 'Unit code; a province includes its wards. Omitted: every camera' }),
  kind: cameraKindSchema.optional(),
});

const streams = {
  whepPath: mediaPathSchema.nullable().optional(),
  hlsPath: mediaPathSchema.nullable().optional(),
  snapshotUrl: snapshotUrl.nullable().optional(),
};

export const cameraCreateBody = z
  .object({
    id: z
      .string()
      .regex(DEVICE_ID_PATTERN, 'letters, digits, . _ - (starting with a letter or digit, ≤ 64)'),
    name,
    kind: cameraKindSchema,
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    unitCode: unitCode
      .optional()
      .meta({ description: 'Omitted: the unit that holds the position' }),
    ...streams,
    tags: tags.default([]),
    credentials: cameraCredentialsSchema.optional(),
  })
  .strict()
  .refine((b) => b.whepPath || b.hlsPath || b.snapshotUrl, {
    message: 'give at least one of whepPath, hlsPath, snapshotUrl',
    path: ['hlsPath'],
  });
export type CameraCreate = z.infer<typeof cameraCreateBody>;

export const cameraPatchBody = z
  .object({
    name: name.optional(),
    kind: cameraKindSchema.optional(),
    lon: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    unitCode: unitCode.optional(),
    ...streams,
    tags: tags.optional(),
    /** null removes the stored credential. */
    credentials: cameraCredentialsSchema.nullable().optional(),
  })
  .strict()
  .refine((b) => (b.lon === undefined) === (b.lat === undefined), {
    message: 'give lon and lat together',
    path: ['lat'],
  });
export type CameraPatch = z.infer<typeof cameraPatchBody>;

/** `POST /api/v1/cameras/{id}/view`: what the browser plays, valid until `expiresAt`. */
export const cameraViewResponse = z.object({
  cameraId: z.string(),
  token: z.string().meta({ description: 'Short-lived viewing token (query parameter `token`)' }),
  expiresAt: isoTime,
  whepUrl: z.string().nullable().meta({ description: 'WHEP endpoint, token included' }),
  hlsUrl: z.string().nullable().meta({ description: 'HLS playlist, token included' }),
  snapshotUrl: z.string().nullable(),
});
export type CameraViewGrant = z.infer<typeof cameraViewResponse>;

/**
 * What MediaMTX POSTs to its external HTTP authentication (`authMethod: http`,
 * `authHTTPAddress`). Unknown fields are kept: newer media servers add some.
 */
export const mediaAuthRequest = z.looseObject({
  user: z.string().max(512).default(''),
  password: z.string().max(512).default(''),
  token: z.string().max(4096).optional(),
  ip: z.string().max(64).optional(),
  action: z.string().min(1).max(32),
  path: z.string().max(512).default(''),
  protocol: z.string().max(32).optional(),
  id: z.string().max(128).nullable().optional(),
  query: z.string().max(4096).default(''),
});
export type MediaAuthRequest = z.infer<typeof mediaAuthRequest>;

export const mediaAuthResponse = z.object({ allowed: z.literal(true) });
