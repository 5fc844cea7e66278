import { z } from 'zod';
import { BUCKET_SIZES } from '../vocabulary';
import { cursorParam, instantParam, isoTime, limitParam, unitCodeParam } from './common';

const metricList = z
  .string()
  .regex(/^[a-z0-9_]{1,40}(,[a-z0-9_]{1,40}){0,49}$/, 'comma-separated metric codes')
  .transform((v) => v.split(','))
  .meta({ description: 'Comma-separated metric codes', examples: ['pm25,pm10'] });

// ── Rollups ───────────────────────────────────────────────────────────────────────────────────

export const rollupQuerySchema = z
  .object({
    unit: unitCodeParam.optional(),
    device: z.string().min(1).max(128).optional(),
    metric: metricList.optional(),
    bucket: z.enum(BUCKET_SIZES).default('1h'),
    from: instantParam.optional(),
    to: instantParam.optional(),
    /** `unit`: one series per unit of the requested one (a province: per ward) instead of combined. */
    by: z
      .enum(['unit'])
      .optional()
      .meta({ description: 'unit: one series per ward of a province instead of combined' }),
    limit: limitParam(1000, 10_000),
    cursor: cursorParam.optional(),
  })
  .refine((q) => (q.unit === undefined) !== (q.device === undefined), {
    message: 'give exactly one of unit or device',
    path: ['unit'],
  })
  .refine((q) => !(q.by === 'unit' && q.device !== undefined), {
    message: 'by=unit needs unit, not device',
    path: ['by'],
  });
export type RollupQuery = z.input<typeof rollupQuerySchema>;

export const rollupPointSchema = z.object({
  metric: z.string(),
  unitCode: z.string().nullable().optional().meta({ description: 'With by=unit' }),
  bucket: isoTime.meta({ description: 'Bucket start; day buckets start at local midnight' }),
  n: z.number().int(),
  sum: z.number(),
  min: z.number(),
  max: z.number(),
  mean: z.number().nullable().meta({ description: 'Σsum / Σn' }),
});
export type RollupPoint = z.output<typeof rollupPointSchema>;

export const rollupSeriesSchema = z.object({
  asOf: isoTime,
  unit: z.string().optional(),
  device: z.string().optional(),
  bucket: z.enum(BUCKET_SIZES),
  from: isoTime,
  to: isoTime,
  items: z.array(rollupPointSchema),
  nextCursor: z.string().nullable(),
});
export type RollupSeries = z.output<typeof rollupSeriesSchema>;

// ── Latest values ─────────────────────────────────────────────────────────────────────────────

export const latestQuerySchema = z.object({
  unit: unitCodeParam,
  metric: metricList.optional(),
  /** Values older than this do not count in a unit's aggregate (still listed per device). */
  maxAgeS: z.coerce
    .number()
    .int()
    .positive()
    .max(30 * 86_400)
    .default(3600),
  limit: limitParam(500, 5000),
  cursor: cursorParam.optional(),
});
export type LatestQuery = z.input<typeof latestQuerySchema>;

export const latestValueSchema = z.object({ value: z.number(), time: isoTime, ageS: z.number() });
export type LatestValueView = z.output<typeof latestValueSchema>;

export const latestDeviceSchema = z.object({
  deviceId: z.string(),
  kind: z.string().nullable(),
  unitCode: z.string().nullable(),
  values: z.record(z.string(), latestValueSchema),
});
export type LatestDevice = z.output<typeof latestDeviceSchema>;

export const latestUnitSchema = z.object({
  unitCode: z.string(),
  metric: z.string(),
  devices: z.number().int().meta({ description: 'Devices fresh enough (maxAgeS) to count' }),
  mean: z.number(),
  min: z.number(),
  max: z.number(),
  newest: isoTime,
  ageS: z.number(),
});
export type LatestUnit = z.output<typeof latestUnitSchema>;

export const latestViewSchema = z.object({
  asOf: isoTime,
  unit: z.string(),
  maxAgeS: z.number(),
  devices: z.array(latestDeviceSchema),
  units: z.array(latestUnitSchema),
  nextCursor: z.string().nullable(),
});
export type LatestView = z.output<typeof latestViewSchema>;

// ── VN_AQI ────────────────────────────────────────────────────────────────────────────────────

export const aqiQuerySchema = z.object({
  unit: unitCodeParam,
  period: z.enum(['hour', 'day']).default('hour'),
  /** Any instant inside the hour/day wanted; default: the latest complete hour/day. */
  at: instantParam.optional(),
  /** `normalised`: the Nowcast's w = 1/2 case as a weighted mean; default: the decision's text. */
  nowcast: z.enum(['decision', 'normalised']).default('decision'),
});

export const AQI_CATEGORY_CODES = [
  'good',
  'moderate',
  'poor',
  'bad',
  'very_bad',
  'hazardous',
] as const;

export const aqiCategorySchema = z.object({
  index: z.number().int(),
  code: z.enum(AQI_CATEGORY_CODES),
  labelVi: z.string(),
  labelEn: z.string(),
  colourVi: z.string(),
  colourEn: z.string(),
  hex: z.string(),
  rgb: z.tuple([z.number(), z.number(), z.number()]),
});

export const aqiValueSchema = z.object({
  aqi: z.number().int(),
  category: aqiCategorySchema,
  dominant: z.string(),
  subIndices: z.array(
    z.object({
      column: z.string(),
      concentration: z.number(),
      aqi: z.number(),
      exceedsScale: z.boolean(),
    }),
  ),
  missing: z.array(z.string()),
  exceedsScale: z.boolean(),
  nowcast: z.object({ pm25: z.number().optional(), pm10: z.number().optional() }).optional(),
});

export const aqiViewSchema = z.object({
  asOf: isoTime,
  unit: z.string(),
  period: z.enum(['hour', 'day']),
  start: isoTime,
  end: isoTime,
  complete: z.boolean(),
  method: z.object({
    decision: z.string(),
    issuedBy: z.string(),
    issuedOn: z.string(),
    url: z.string(),
    nowcast: z.enum(['decision', 'normalised']),
  }),
  stations: z.array(
    z.object({
      deviceId: z.string(),
      unitCode: z.string().nullable(),
      index: aqiValueSchema.nullable(),
      reason: z.string().optional(),
    }),
  ),
  units: z.array(
    z.object({
      unitCode: z.string(),
      stations: z.number().int(),
      index: aqiValueSchema.nullable(),
      reason: z.string().optional(),
      worstStation: z.object({ deviceId: z.string(), aqi: z.number() }).nullable(),
    }),
  ),
  categories: z.array(aqiCategorySchema),
});
