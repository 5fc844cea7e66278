import { z } from 'zod';
import { ALERT_RULE_KINDS, ALERT_SEVERITIES } from '../vocabulary';
import { isoTime } from './common';

/**
 * Alert rule definitions, as the admin API takes them and `alert_rule` stores them (params and
 * scope as jsonb). A malformed rule is refused when it is saved rather than misfiring later;
 * parsed rules have every default applied.
 */

export const severitySchema = z.enum(ALERT_SEVERITIES);

/** AND across the fields that are present, OR within a field; an empty scope matches every device. */
export const ruleScopeSchema = z.object({
  /** Ward/commune codes, or province codes (matched against the device's province). */
  unitCodes: z.array(z.string().min(1)).optional(),
  deviceKinds: z.array(z.string().min(1)).optional(),
  deviceIds: z.array(z.string().min(1)).optional(),
});

export const comparatorSchema = z.enum(['>', '>=', '<', '<=']);

const metric = z.string().min(1);
/** Minimum time (s) the condition must hold before the alert fires; filters one-reading spikes. */
const forS = z.number().min(0).default(0);

export const thresholdParamsSchema = z
  .object({
    metric,
    comparator: comparatorSchema,
    value: z.number(),
    /**
     * Hysteresis: once fired the alert clears only when the value no longer satisfies the
     * comparator against this level (e.g. fire > 40, clear at 38: stays active at 39).
     * Defaults to `value`.
     */
    clear: z.number().optional(),
    forS,
    /** Unit of measure shown in messages (from the metric catalogue). */
    uom: z.string().optional(),
  })
  .refine(
    (p) =>
      p.clear === undefined ||
      (p.comparator.startsWith('>') ? p.clear <= p.value : p.clear >= p.value),
    { message: 'clear must be on the normal side of value (≤ for > and >=, ≥ for < and <=)' },
  );

const stepSchema = z.object({
  value: z.number(),
  severity: severitySchema.optional(),
  label: z.string().min(1).optional(),
});

/**
 * Multi-level thresholds, e.g. a hydrological station's báo động I/II/III water levels. Steps are
 * given in order of increasing alarm; when omitted the device's configured levels are used, so
 * one rule serves every station. A level is reached at ≥ (above) or ≤ (below) its value and left
 * when the value is `hysteresis` past it the other way.
 */
export const levelsParamsSchema = z
  .object({
    metric,
    direction: z.enum(['above', 'below']).default('above'),
    steps: z.array(stepSchema).min(1).optional(),
    /** Severity per step when a step has none; default warning, critical, emergency, emergency… */
    severities: z.array(severitySchema).optional(),
    /** Label per step when a step has none; default "Báo động I", "Báo động II", … */
    labels: z.array(z.string().min(1)).optional(),
    hysteresis: z.number().min(0).default(0),
    forS,
    uom: z.string().optional(),
  })
  .refine(
    (p) =>
      p.steps === undefined ||
      p.steps.every((s, i, all) => {
        const prev = all[i - 1];
        if (!prev) return true;
        return p.direction === 'above' ? s.value > prev.value : s.value < prev.value;
      }),
    { message: 'steps must be strictly increasing (above) or decreasing (below)' },
  );

export const rateParamsSchema = z
  .object({
    metric,
    /** Change (in the metric's unit) within the window that fires the alert. */
    delta: z.number().positive(),
    windowS: z.number().positive(),
    direction: z.enum(['rise', 'fall', 'either']).default('rise'),
    /** Change below which an active alert clears (hysteresis); defaults to delta. */
    clearDelta: z.number().positive().optional(),
    uom: z.string().optional(),
  })
  .refine((p) => p.clearDelta === undefined || p.clearDelta <= p.delta, {
    message: 'clearDelta must not exceed delta',
  });

export const noDataParamsSchema = z.object({
  /** The device is silent when nothing arrived for factor × its expected interval. */
  factor: z.number().min(1).default(3),
});

export const aqiCategoryCodeSchema = z.enum(['moderate', 'poor', 'bad', 'very_bad', 'hazardous']);

/**
 * VN_AQI categories as alarm levels: fires at `minCategory` and steps up with the category. Fed
 * with computed AQI values under `metric` (the rule engine does not compute the index itself).
 */
export const aqiParamsSchema = z.object({
  metric: metric.default('vn_aqi'),
  minCategory: aqiCategoryCodeSchema.default('poor'),
  /** Index points below a category's lower bound before stepping down (stops 100/101 flapping). */
  hysteresis: z.number().min(0).default(5),
  forS,
  severities: z.partialRecord(aqiCategoryCodeSchema, severitySchema).optional(),
});

/**
 * `task_overdue` / `report_late` / `citizen_overdue`: one alert per overdue task, late report
 * period or overdue citizen report in scope (`scope.unitCodes`: a unit covers its wards), raised
 * once the due date is more than `graceDays` days past and resolved when the task is done, the
 * report submitted or the citizen report resolved (or rejected, or marked spam).
 */
export const workParamsSchema = z.object({
  graceDays: z.number().int().min(0).max(365).default(0),
});

export const ruleIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'letters, digits, _ . : - (≤ 128)');

function ruleOf<I extends z.ZodType>(id: I) {
  const base = {
    id,
    name: z.string().min(1),
    scope: ruleScopeSchema.default({}),
    /** Severity of single-level kinds (threshold, rate, no_data). */
    severity: severitySchema.default('warning'),
    /** Resolve the alert automatically when the condition clears. */
    autoResolve: z.boolean().default(true),
    /** Escalate an alert nobody acknowledged after this many minutes; null = never. */
    escalateAfterMin: z.number().positive().nullable().default(null),
    webhookUrl: z.url().nullable().default(null),
    enabled: z.boolean().default(true),
  };
  return z.discriminatedUnion('kind', [
    z.object({ ...base, kind: z.literal('threshold'), params: thresholdParamsSchema }),
    z.object({ ...base, kind: z.literal('levels'), params: levelsParamsSchema }),
    z.object({ ...base, kind: z.literal('rate'), params: rateParamsSchema }),
    z.object({ ...base, kind: z.literal('no_data'), params: noDataParamsSchema }),
    z.object({ ...base, kind: z.literal('aqi'), params: aqiParamsSchema }),
    z.object({ ...base, kind: z.literal('task_overdue'), params: workParamsSchema.prefault({}) }),
    z.object({ ...base, kind: z.literal('report_late'), params: workParamsSchema.prefault({}) }),
    z.object({
      ...base,
      kind: z.literal('citizen_overdue'),
      params: workParamsSchema.prefault({}),
    }),
    z.object({
      ...base,
      kind: z.literal('dossier_overdue'),
      params: workParamsSchema.prefault({}),
    }),
  ]);
}

/** A complete rule, as stored. */
export const alertRuleSchema = ruleOf(z.string().min(1));

/** `POST /api/v1/alert-rules`: a rule whose `id` may be left out (a UUID is chosen). */
export const createRuleBody = ruleOf(ruleIdSchema.optional());

export const ruleListSchema = z.object({
  enabled: z.enum(['true', 'false']).optional(),
  kind: z.enum(ALERT_RULE_KINDS).optional(),
});

/** PATCH body: any of the editable fields; params are merged into the current ones. */
export const rulePatchSchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    scope: ruleScopeSchema.optional(),
    severity: severitySchema.optional(),
    autoResolve: z.boolean().optional(),
    escalateAfterMin: z.number().positive().nullable().optional(),
    webhookUrl: z.url().nullable().optional(),
    enabled: z.boolean().optional(),
    kind: z.string().optional(),
  })
  .strict();

/** A rule as the API answers it: the parsed rule (defaults applied) and its bookkeeping. */
export const ruleViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ALERT_RULE_KINDS),
    scope: ruleScopeSchema.default({}),
    severity: severitySchema,
    autoResolve: z.boolean(),
    escalateAfterMin: z.number().nullable().default(null),
    webhookUrl: z.string().nullable().default(null),
    enabled: z.boolean(),
    params: z.record(z.string(), z.unknown()).default({}),
    createdBy: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'AlertRule' });
export type RuleViewWire = z.output<typeof ruleViewSchema>;

export const ruleListResponse = z.object({ asOf: isoTime, items: z.array(ruleViewSchema) });
