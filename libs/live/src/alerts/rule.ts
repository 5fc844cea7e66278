import type { z } from 'zod';
import {
  alertRuleSchema,
  aqiParamsSchema,
  comparatorSchema,
  levelsParamsSchema,
  noDataParamsSchema,
  rateParamsSchema,
  ruleScopeSchema,
  thresholdParamsSchema,
  workParamsSchema,
} from '@ioc/contracts';

/**
 * Alert rule definitions, as stored in `alert_rule` (params and scope are jsonb). The schemas are
 * the admin API's contract (libs/contracts http/alert-rules.ts); a malformed rule is refused when
 * it is saved rather than misfiring later. Parsed rules have every default applied.
 */
export {
  alertRuleSchema,
  aqiCategoryCodeSchema,
  aqiParamsSchema,
  comparatorSchema,
  levelsParamsSchema,
  noDataParamsSchema,
  rateParamsSchema,
  ruleScopeSchema,
  severitySchema,
  thresholdParamsSchema,
  workParamsSchema,
} from '@ioc/contracts';

export type RuleScope = z.infer<typeof ruleScopeSchema>;
export type Comparator = z.infer<typeof comparatorSchema>;
export type ThresholdParams = z.infer<typeof thresholdParamsSchema>;
export type LevelsParams = z.infer<typeof levelsParamsSchema>;
export type RateParams = z.infer<typeof rateParamsSchema>;
export type NoDataParams = z.infer<typeof noDataParamsSchema>;
export type AqiParams = z.infer<typeof aqiParamsSchema>;
export type WorkParams = z.infer<typeof workParamsSchema>;

/** A validated rule, defaults applied. */
export type AlertRule = z.infer<typeof alertRuleSchema>;
/** What an API client or seed file may send (defaults optional). */
export type AlertRuleInput = z.input<typeof alertRuleSchema>;
export type RuleKind = AlertRule['kind'];

/** Rules on plan tasks, reporting periods and citizen reports, evaluated on a timer (work-alerts.ts). */
export type WorkRule = Extract<
  AlertRule,
  { kind: 'task_overdue' | 'report_late' | 'citizen_overdue' | 'dossier_overdue' }
>;
/** Rules on device readings and silence (the alert engine). */
export type DeviceRule = Exclude<AlertRule, WorkRule>;

export function isWorkRule(rule: AlertRule): rule is WorkRule {
  return (
    rule.kind === 'task_overdue' ||
    rule.kind === 'report_late' ||
    rule.kind === 'citizen_overdue' ||
    rule.kind === 'dossier_overdue'
  );
}

export function isDeviceRule(rule: AlertRule): rule is DeviceRule {
  return !isWorkRule(rule);
}

/** Validates a rule; throws zod's ZodError listing every problem. */
export function parseAlertRule(input: unknown): AlertRule {
  return alertRuleSchema.parse(input);
}
