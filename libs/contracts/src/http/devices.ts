import { z } from 'zod';
import { DEVICE_ID_PATTERN, isoTime } from './common';

const latestMap = z.record(z.string(), z.object({ value: z.number(), time: isoTime }));

/**
 * A device on the map (`GET /api/v1/devices`, the wall and the tablet): where it is, when it was
 * last heard, its latest value per metric. Mobile devices (vessels) carry their last position.
 */
export const deviceViewSchema = z
  .object({
    id: z.string(),
    kind: z.string().default('unknown'),
    unitCode: z.string().nullable().default(null),
    lon: z.number().nullable().default(null),
    lat: z.number().nullable().default(null),
    lastSeen: isoTime.nullable().default(null),
    latest: latestMap.default({}),
    name: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'Display name given at registration' }),
    mobile: z.boolean().optional(),
    positionAt: isoTime
      .nullable()
      .optional()
      .meta({ description: 'Time of the last position (mobile)' }),
    intervalS: z.number().optional().meta({ description: 'Expected reporting interval (s)' }),
    gatewayId: z.string().nullable().optional(),
    alarmLevels: z
      .array(z.number())
      .nullable()
      .optional()
      .meta({ description: "The station's alarm levels (báo động I–III), when it has its own" }),
  })
  .meta({ id: 'DeviceView' });
export type DeviceView = z.output<typeof deviceViewSchema>;

/** What the devices API answers: every field, and the MQTT topic the device publishes to. */
export const deviceDetailSchema = deviceViewSchema
  .extend({
    name: z.string().nullable().default(null),
    mobile: z.boolean().default(false),
    positionAt: isoTime.nullable().default(null),
    intervalS: z.number().int(),
    gatewayId: z.string().nullable().default(null),
    alarmLevels: z.array(z.number()).nullable().default(null),
    mqttTopic: z.string().meta({ examples: ['ioc/v1/telemetry/aq-hc-01'] }),
  })
  .meta({ id: 'DeviceDetail' });
export type DeviceDetail = z.output<typeof deviceDetailSchema>;

export const DEVICE_PLACEMENTS = ['given', 'located', 'none'] as const;

/** `POST /devices` and `POST /devices/{id}/rotate`: the token appears in this answer only. */
export const issuedDeviceTokenSchema = z.object({
  device: deviceDetailSchema,
  token: z.string().meta({ description: 'Shown once; only its hash is stored' }),
  placement: z
    .enum(DEVICE_PLACEMENTS)
    .optional()
    .meta({ description: 'How the unit was decided (register only)' }),
});
export type IssuedDeviceToken = z.output<typeof issuedDeviceTokenSchema>;

export const deviceListResponse = z.object({ asOf: isoTime, items: z.array(deviceDetailSchema) });

// ── Requests ──────────────────────────────────────────────────────────────────────────────────

export const deviceIdSchema = z
  .string()
  .regex(DEVICE_ID_PATTERN, 'letters, digits, . _ - (starting with a letter or digit, ≤ 64)');
export const deviceIdParams = z.object({ id: z.string().min(1).max(128) });
export const deviceListQuery = z.object({
  unit: z
    .string()
    .optional()
    .meta({ description: 'Unit code; a province includes its wards. Omitted: every device' }),
});

/**
 * The kinds of device the platform knows, each named in both UI languages and counted on the
 * wall's fleet card. A device is registered as one of them: a free-text kind (a typo, `toaster`)
 * would split the fleet counts and the open-data publication by kind. Devices of a kind stored
 * before this list keep it; they can only be re-kinded to one of these.
 */
export const DEVICE_KINDS = [
  'air_quality',
  'water_level',
  'rain_gauge',
  'weather',
  'traffic_counter',
  'noise',
  'energy',
  'wifi_hotspot',
  'loudspeaker',
  'vessel',
  'gateway',
  'camera',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const deviceKindSchema = z.enum(DEVICE_KINDS, {
  error: () => `one of ${DEVICE_KINDS.join(', ')}`,
});
const kind = deviceKindSchema;
const unitCode = z.string().regex(/^\d{2}(\d{3})?$/, 'a 2-digit province or 5-digit commune code');
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const name = z.string().trim().min(1).max(200);
const intervalS = z.number().int().min(1).max(86_400);
/**
 * A station's own alarm levels (mức báo động I, II, III of QĐ 05/2020/QĐ-TTg for water levels),
 * in the unit of the metric its `levels` rule watches, in order I → III: rising for a flood
 * station, falling for a low-water one.
 */
export const alarmLevelsSchema = z
  .array(z.number())
  .min(1)
  .max(3)
  .refine(
    (v) =>
      v.every((x, i) => i === 0 || x > (v[i - 1] ?? x)) ||
      v.every((x, i) => i === 0 || x < (v[i - 1] ?? x)),
    'levels I → III must all rise or all fall',
  )
  .meta({
    description: "The station's alarm levels (báo động I–III) in order, e.g. [1.7, 1.8, 1.88] m",
  });
const profile = z.strictObject({
  fieldMap: z.record(z.string(), z.string().min(1)).optional(),
  scale: z.record(z.string(), z.number()).optional(),
  position: z.strictObject({ lon: z.string().min(1), lat: z.string().min(1) }).optional(),
});

const bothOrNeither = (
  v: { lon?: number | undefined; lat?: number | undefined },
  ctx: z.RefinementCtx,
) => {
  if ((v.lon === undefined) !== (v.lat === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [v.lon === undefined ? 'lon' : 'lat'],
      message: 'lon and lat go together',
    });
  }
};

/** Body of `POST /api/v1/devices` (and what `ioc devices add` builds from its flags). */
export const registerDeviceSchema = z
  .strictObject({
    id: deviceIdSchema,
    kind,
    name: name.optional(),
    unitCode: unitCode.optional(),
    lon: lon.optional(),
    lat: lat.optional(),
    /** Mobile devices (vessels) are placed in a unit per reading from the reading's position. */
    mobile: z.boolean().optional(),
    gatewayId: z.string().regex(DEVICE_ID_PATTERN, 'a registered gateway id').optional(),
    devEui: z
      .string()
      .transform((v) => v.replace(/[-:]/g, '').toUpperCase())
      .refine((v) => /^[0-9A-F]{16}$/.test(v), '16 hexadecimal digits (an EUI-64)')
      .optional()
      .meta({ description: 'LoRaWAN DevEUI (EUI-64) that webhook uplinks are mapped by' }),
    intervalS: intervalS
      .optional()
      .meta({ description: 'Expected reporting interval, default 300 s' }),
    profile: profile.optional().meta({
      description: 'How decoded LoRaWAN payload fields map onto metric codes (fieldMap, scale)',
    }),
    alarmLevels: alarmLevelsSchema.optional(),
  })
  .superRefine(bothOrNeither);
export type RegisterDeviceInput = z.input<typeof registerDeviceSchema>;

/** Body of `PATCH /api/v1/devices/{id}`: move/place, rename, re-kind, interval, alarm levels. */
export const updateDeviceSchema = z
  .strictObject({
    name: name.nullable().optional(),
    kind: kind.optional(),
    intervalS: intervalS.optional(),
    lon: lon.optional(),
    lat: lat.optional(),
    unitCode: unitCode.optional(),
    mobile: z.boolean().optional(),
    /** null removes the station's levels (its `levels` rules then skip it). */
    alarmLevels: alarmLevelsSchema.nullable().optional(),
  })
  .superRefine(bothOrNeither)
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateDeviceInput = z.input<typeof updateDeviceSchema>;
