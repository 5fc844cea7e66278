import { z } from 'zod';
import { SEVERITIES } from './severity';

/**
 * Alert rule definitions, as stored in `alert_rule` (params and scope are jsonb). Validated with
 * zod because they arrive from the admin UI and the database, and a malformed rule must be
 * refused when it is saved rather than misfire later. Parsed rules have every default applied.
 */

export const severitySchema = z.enum(SEVERITIES);

/** AND across the fields that are present, OR within a field; an empty scope matches every device. */
export const ruleScopeSchema = z.object({
  /** Ward/commune codes, or province codes (matched against the device's province). */
  unitCodes: z.array(z.string().min(1)).optional(),
  deviceKinds: z.array(z.string().min(1)).optional(),
  deviceIds: z.array(z.string().min(1)).optional(),
});
export type RuleScope = z.infer<typeof ruleScopeSchema>;

export const comparatorSchema = z.enum(['>', '>=', '<', '<=']);
export type Comparator = z.infer<typeof comparatorSchema>;

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
export type ThresholdParams = z.infer<typeof thresholdParamsSchema>;

const stepSchema = z.object({
  value: z.number(),
  severity: severitySchema.optional(),
  label: z.string().min(1).optional(),
});

/**
 * Multi-level thresholds, e.g. a hydrological station's báo động I/II/III water levels. Steps are
 * given in order of increasing alarm; when omitted the device's configured levels are used
 * (DeviceContext.levels), so one rule serves every station. A level is reached at ≥ (above) or
 * ≤ (below) its value and left when the value is `hysteresis` past it the other way.
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
export type LevelsParams = z.infer<typeof levelsParamsSchema>;

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
export type RateParams = z.infer<typeof rateParamsSchema>;

export const noDataParamsSchema = z.object({
  /** The device is silent when nothing arrived for factor × its expected interval. */
  factor: z.number().min(1).default(3),
});
export type NoDataParams = z.infer<typeof noDataParamsSchema>;

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
export type AqiParams = z.infer<typeof aqiParamsSchema>;

const ruleBase = {
  id: z.string().min(1),
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

export const alertRuleSchema = z.discriminatedUnion('kind', [
  z.object({ ...ruleBase, kind: z.literal('threshold'), params: thresholdParamsSchema }),
  z.object({ ...ruleBase, kind: z.literal('levels'), params: levelsParamsSchema }),
  z.object({ ...ruleBase, kind: z.literal('rate'), params: rateParamsSchema }),
  z.object({ ...ruleBase, kind: z.literal('no_data'), params: noDataParamsSchema }),
  z.object({ ...ruleBase, kind: z.literal('aqi'), params: aqiParamsSchema }),
]);

/** A validated rule, defaults applied. */
export type AlertRule = z.infer<typeof alertRuleSchema>;
/** What an API client or seed file may send (defaults optional). */
export type AlertRuleInput = z.input<typeof alertRuleSchema>;
export type RuleKind = AlertRule['kind'];

/** Validates a rule; throws zod's ZodError listing every problem. */
export function parseAlertRule(input: unknown): AlertRule {
  return alertRuleSchema.parse(input);
}
