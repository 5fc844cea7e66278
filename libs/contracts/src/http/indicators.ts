import { z } from 'zod';
import { isoTime } from './common';

/** Units of measure of indicators. */
export const INDICATOR_UNITS = [
  'percent',
  'count',
  'index',
  'rank',
  'per_10k_people',
  'per_1k_people',
  'per_person',
  'percent_of_grdp',
  'percent_of_budget',
  'percent_per_year',
  'milestone',
] as const;
export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
/** `sum` is not used by the Resolution 57 catalogue yet but is the rule for additive counts. */
export const ROLLUPS = ['ratio', 'sum', 'share_of_units', 'min', 'all', 'none'] as const;
export const MEASURED_AT = ['province', 'commune'] as const;
export const NUMERIC_OPS = ['>=', '<=', '='] as const;
export const TARGET_OPS = [...NUMERIC_OPS, 'between', 'reached'] as const;

const unitCode = z.string().regex(/^(\d{2}|\d{5})$/, 'a 2-digit province or 5-digit commune code');
const year = z.number().int().min(2000).max(2100);

/** A plan document targets come from (a provincial plan implementing Resolution 57, …). */
export const indicatorSourceSchema = z
  .object({
    id: z.string().min(1),
    titleVi: z.string().min(1),
    titleEn: z.string().min(1),
    issuerVi: z.string().min(1),
    unitCode,
    issuedOn: z.iso.date().nullable(),
    seedFile: z.string().nullable(),
  })
  .meta({ id: 'IndicatorSource' });

/** An indicator of the Resolution 57 catalogue. */
export const indicatorSchema = z
  .object({
    code: z
      .string()
      .regex(/^(infra|hr|st|inno|dx|city)\.[a-z0-9_]+$/)
      .meta({ examples: ['dx.online_public_service_usage'] }),
    nameVi: z.string().min(1),
    nameEn: z.string().min(1),
    domain: z.string().min(1),
    unit: z.enum(INDICATOR_UNITS),
    direction: z.enum(DIRECTIONS),
    rollup: z.enum(ROLLUPS),
    numeratorVi: z.string().nullable(),
    denominatorVi: z.string().nullable(),
    measuredAt: z.array(z.enum(MEASURED_AT)).min(1),
    leadAgencyVi: z.string().min(1),
    notes: z.string().nullable(),
  })
  .refine((i) => i.rollup === 'none' || i.measuredAt.includes('commune'), {
    message: 'an indicator that rolls up must be measurable at commune level',
  })
  .meta({ id: 'Indicator' });

/** The comparator of a target: op with value, min and max for `between`, nothing for `reached`. */
export const targetRuleSchema = z
  .object({
    op: z.enum(TARGET_OPS),
    value: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .meta({ id: 'TargetRule' });

/** A stored plan target of an indicator for a unit and year. */
export const storedTargetSchema = targetRuleSchema
  .extend({
    id: z.number().int(),
    indicator: z.string(),
    unitCode: z.string(),
    year: z.number().int(),
    source: z.string().nullable(),
    ref: z.string().nullable(),
    seedKey: z.string().nullable(),
    retiredAt: isoTime.nullable(),
  })
  .meta({ id: 'Target' });

export const catalogueResponse = z.object({
  asOf: isoTime,
  sources: z.array(indicatorSourceSchema),
  items: z.array(indicatorSchema),
});

export const indicatorResponse = z.object({
  asOf: isoTime,
  indicator: indicatorSchema,
  targets: z.array(storedTargetSchema),
});

export const targetListResponse = z.object({ asOf: isoTime, items: z.array(storedTargetSchema) });

export const changeLogResponse = z.object({
  asOf: isoTime,
  items: z.array(
    z.object({
      id: z.number().int(),
      changedAt: isoTime,
      changedBy: z.string(),
      reason: z.string(),
      entity: z.enum(['indicator', 'target', 'source']),
      entityKey: z.string(),
      action: z.enum(['create', 'update', 'retire']),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});

// ── Queries (checked further by the indicator services, which name the bad parameter) ────────

export const catalogueQuery = z.object({
  domain: z.string().optional().meta({ description: 'Domain or code prefix, e.g. dx' }),
  level: z.string().optional().meta({ description: 'province or commune (ward, special_zone)' }),
});
export const changesQuery = z.object({
  entity: z.string().optional().meta({ description: 'indicator or target' }),
  key: z.string().optional(),
  limit: z.string().optional().meta({ description: 'Integer 1–1000, default 200' }),
});
export const targetsQuery = z.object({
  indicator: z.string().optional().meta({ description: 'Comma-separated indicator codes' }),
  unit: z.string().optional().meta({
    description: 'Comma-separated unit codes; callers scoped to units must name theirs',
  }),
  retired: z.string().optional().meta({ description: 'true: include retired targets' }),
});
export const targetIdParams = z.object({ id: z.coerce.number().int() });

// ── Admin bodies: every change says why (kept in the change log with who) ────────────────────

/** Why a change is made: kept in the change log with who made it. */
export const whySchema = z
  .string({
    error: (i) => (i.input === undefined ? 'required: say why the change is made' : 'text'),
  })
  .trim()
  .min(2, 'say why (at least 2 characters)')
  .max(500);
const text = z.string().trim().min(1).max(500);
const nullableText = z.string().trim().max(2000).nullable();
const finite = z.number().refine(Number.isFinite, 'a finite number');

export const indicatorCreateBody = z.object({ indicator: indicatorSchema, why: whySchema });

export const indicatorPatchBody = z
  .object({
    nameVi: text.optional(),
    nameEn: text.optional(),
    numeratorVi: nullableText.optional(),
    denominatorVi: nullableText.optional(),
    leadAgencyVi: text.optional(),
    notes: nullableText.optional(),
    why: whySchema,
  })
  .strict()
  .refine((p) => Object.keys(p).some((k) => k !== 'why'), {
    message: 'nothing to change: give at least one field besides why',
  });

/** A comparator as sent: op with value, or min and max for `between`, or nothing for `reached`. */
export const targetRuleFields = {
  op: z.enum(TARGET_OPS),
  value: finite.nullish(),
  min: finite.nullish(),
  max: finite.nullish(),
};

export const targetCreateBody = z
  .object({
    indicator: z.string().min(1),
    unitCode,
    year,
    ...targetRuleFields,
    source: z.string().min(1).nullish(),
    ref: nullableText.optional(),
    why: whySchema,
  })
  .strict();

/** Fields of a target edit; those left out keep their stored value. */
export const targetPatchBody = z
  .object({
    year: year.optional(),
    op: targetRuleFields.op.optional(),
    value: targetRuleFields.value,
    min: targetRuleFields.min,
    max: targetRuleFields.max,
    source: z.string().min(1).nullish(),
    ref: nullableText.optional(),
    why: whySchema,
  })
  .strict();

export const reasonBody = z.object({ why: whySchema }).strict();
/** Optional reason (rotating a feed key). */
export const optionalReasonBody = z.object({ why: whySchema.optional() }).optional();
