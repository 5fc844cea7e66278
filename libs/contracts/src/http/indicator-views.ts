import { z } from 'zod';
import { INDICATOR_STATUSES } from '../vocabulary';
import { isoTime } from './common';
import { DIRECTIONS, INDICATOR_UNITS, ROLLUPS, targetRuleSchema } from './indicators';

export const indicatorStatusSchema = z.enum(INDICATOR_STATUSES);

const unitHeader = z.object({
  code: z.string(),
  name: z.string().nullable(),
  level: z.string(),
  parentCode: z.string().nullable(),
});

/** Where a figure comes from: one stored report row. */
const reportRef = z.object({
  reportId: z.number().int(),
  feed: z.string(),
  unitCode: z.string(),
  period: z.string(),
  submissionId: z.number().int(),
  submittedAt: isoTime,
});

const coverage = z.object({
  reporting: z.number().int(),
  expected: z.number().int(),
  missing: z.array(z.string()),
});

const rolledUp = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  coverage,
});

const used = z.enum(['own', 'rolled_up']).nullable();

/** The value of one indicator for one unit and period. */
const seriesPoint = z.object({
  period: z.string(),
  value: z.number().nullable(),
  used,
  own: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  rolledUp: rolledUp.nullable(),
  latest: reportRef.nullable(),
});

/** A target as evaluated for one unit (own plan, or the province's inherited by a ward). */
const appliedTarget = targetRuleSchema.extend({
  year: z.number().int(),
  source: z.string().nullable(),
  ref: z.string().nullable().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  unitCode: z.string().optional(),
  inheritedFrom: z.string().nullable().optional(),
  indicator: z.string().optional(),
  seedKey: z.string().nullable().optional(),
  retiredAt: isoTime.nullable().optional(),
});

const evaluation = z.object({
  status: indicatorStatusSchema,
  basis: z.enum(['target', 'interpolated', 'carried_forward', 'milestone_pending', 'final_target']),
  expected: targetRuleSchema,
  target: appliedTarget,
  from: z
    .object({
      year: z.number().int(),
      value: z.number(),
      kind: z.enum(['target', 'baseline']),
      source: z.string().nullable(),
    })
    .nullable(),
  source: z.string().nullable(),
});

const sourceTitles = z.record(
  z.string(),
  z.object({
    titleVi: z.string(),
    titleEn: z.string().nullable(),
    issuedOn: z.string().nullable(),
  }),
);

export const scorecardItemSchema = z.object({
  indicator: z.string(),
  year: z.number().int(),
  status: indicatorStatusSchema,
  evaluations: z.array(evaluation),
  value: seriesPoint.nullable(),
  coverage: coverage.nullable(),
  targets: z.array(appliedTarget),
  trend: z.object({
    direction: z.enum(['improving', 'worsening', 'stable']).nullable(),
    points: z.array(z.object({ period: z.string(), value: z.number(), used })),
  }),
  latestReport: reportRef.nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  domain: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(DIRECTIONS),
  rollup: z.enum(ROLLUPS),
});
export type ScorecardItem = z.output<typeof scorecardItemSchema>;

export const scorecardResponse = z.object({
  asOf: isoTime,
  unit: unitHeader,
  year: z.number().int(),
  summary: z.record(indicatorStatusSchema, z.number().int()),
  items: z.array(scorecardItemSchema),
  sources: sourceTitles,
});

export const scorecardQuery = z.object({
  unit: z.string().meta({ description: 'Unit code', examples: ['20314'] }),
  year: z.string().optional().meta({ description: 'Default: this year (Vietnam)' }),
  all: z.string().optional().meta({ description: 'true: also indicators without target or data' }),
});

const choroplethCell = z.object({
  status: indicatorStatusSchema,
  evaluations: z.array(evaluation),
  unitCode: z.string(),
  period: z.string().nullable(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  latestReport: reportRef.nullable(),
});

export const choroplethResponse = z.object({
  asOf: isoTime,
  indicator: z.string(),
  year: z.number().int(),
  period: z.string().nullable(),
  province: choroplethCell.extend({
    own: z.number().nullable(),
    used,
    rolledUp: z.object({ value: z.number().nullable(), coverage }).nullable(),
  }),
  cells: z.array(choroplethCell),
  sources: sourceTitles,
});

export const choroplethQuery = z.object({
  province: z.string().meta({ description: 'Province code', examples: ['48'] }),
  period: z.string().optional().meta({ description: '2026-03, 2026-Q1 or 2026' }),
  year: z.string().optional(),
});

const reportVersion = z.looseObject({
  id: z.number().int(),
  period: z.string(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string().nullable(),
  current: z.boolean(),
  feed: z.string(),
  submissionId: z.number().int(),
  submittedBy: z.string(),
  submittedAt: isoTime,
  filename: z.string().nullable(),
  rowNo: z.number().int(),
  supersededAt: isoTime.nullable(),
  supersededBy: z.number().int().nullable(),
  replaced: z.looseObject({ id: z.number().int(), value: z.number() }).nullable(),
});

export const historyResponse = z.object({
  asOf: isoTime,
  indicator: z.string(),
  unit: unitHeader,
  periods: z.array(
    z.object({
      period: z.string(),
      value: z.number().nullable(),
      used,
      current: reportVersion.nullable(),
      versions: z.array(reportVersion),
      rolledUp: rolledUp.nullable(),
    }),
  ),
});

export const historyQuery = z.object({
  unit: z.string().meta({ description: 'Unit code' }),
  period: z.string().optional(),
});
