import { z } from 'zod';
import {
  DIRECTIONS,
  INDICATOR_UNITS,
  MEASURED_AT,
  NUMERIC_OPS,
  ROLLUPS,
  TARGET_OPS,
  indicatorSchema,
  indicatorSourceSchema as sourceSchema,
} from '@ioc/contracts';

/**
 * The platform's own indicator catalogue format (`libs/indicators/seed/catalogue.json`).
 * It carries the same facts as the research catalogue in shared/data/indicators/ but with the
 * platform's naming (camelCase, `unitCode` for the area) and a stable `key` per target so that
 * seeding is idempotent even where one document sets two different values for the same
 * indicator × unit × year (known conflicts are kept, never merged).
 */

// The catalogue's word lists and its indicator and source shapes are the API's (libs/contracts).
export {
  DIRECTIONS,
  INDICATOR_UNITS,
  MEASURED_AT,
  NUMERIC_OPS,
  ROLLUPS,
  TARGET_OPS,
  indicatorSchema,
  sourceSchema,
};

export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type Rollup = (typeof ROLLUPS)[number];
export type MeasuredAt = (typeof MEASURED_AT)[number];
export type NumericOp = (typeof NUMERIC_OPS)[number];
export type TargetOp = (typeof TARGET_OPS)[number];

const unitCode = z.string().regex(/^(\d{2}|\d{5})$/, 'a 2-digit province or 5-digit commune code');
const year = z.number().int().min(2000).max(2100);

const targetCommon = {
  key: z.string().min(1),
  indicator: z.string().min(1),
  unitCode,
  year,
  source: z.string().min(1),
  ref: z.string().min(1),
};

export const targetSchema = z.discriminatedUnion('op', [
  z.object({ ...targetCommon, op: z.enum(NUMERIC_OPS), value: z.number() }),
  z
    .object({ ...targetCommon, op: z.literal('between'), min: z.number(), max: z.number() })
    .refine((t) => t.min <= t.max, { message: 'min must not exceed max' }),
  z.object({ ...targetCommon, op: z.literal('reached') }),
]);

export const CATALOGUE_FORMAT = 'ioc.indicator-catalogue.v1';

export const catalogueSchema = z
  .object({
    format: z.literal(CATALOGUE_FORMAT),
    upstream: z.object({
      path: z.string(),
      version: z.number().int(),
      generatedFrom: z.string(),
    }),
    sources: z.array(sourceSchema),
    indicators: z.array(indicatorSchema),
    targets: z.array(targetSchema),
  })
  .superRefine((c, ctx) => {
    // Referential integrity is checked here so a bad seed fails at load, not half-way through seeding.
    const sources = new Set(c.sources.map((s) => s.id));
    const indicators = new Set(c.indicators.map((i) => i.code));
    const keys = new Set<string>();
    if (indicators.size !== c.indicators.length) {
      ctx.addIssue({ code: 'custom', message: 'duplicate indicator code', path: ['indicators'] });
    }
    c.targets.forEach((t, i) => {
      if (!indicators.has(t.indicator)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown indicator ${t.indicator}`,
          path: ['targets', i],
        });
      }
      if (!sources.has(t.source)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown source ${t.source}`,
          path: ['targets', i],
        });
      }
      if (keys.has(t.key)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate target key ${t.key}`,
          path: ['targets', i],
        });
      }
      keys.add(t.key);
    });
  });

export type IndicatorSource = z.infer<typeof sourceSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type CatalogueTarget = z.infer<typeof targetSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;

/** The comparator part of a target, shared by seeded targets, stored targets and interpolations. */
export type TargetRule =
  | { op: NumericOp; value: number }
  | { op: 'between'; min: number; max: number }
  | { op: 'reached' };
