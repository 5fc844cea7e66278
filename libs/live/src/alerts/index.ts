/**
 * Alert rules, their stateful evaluator and the alert lifecycle: pure functions, no I/O.
 * Evaluator times are `Date` in and epoch ms inside the persisted state; lifecycle times are
 * `Date`, as node-postgres returns them.
 */
export { SEVERITIES, severityRank, raiseSeverity, maxSeverity, type Severity } from './severity';
export {
  alertRuleSchema,
  ruleScopeSchema,
  severitySchema,
  comparatorSchema,
  thresholdParamsSchema,
  levelsParamsSchema,
  rateParamsSchema,
  noDataParamsSchema,
  aqiParamsSchema,
  workParamsSchema,
  parseAlertRule,
  isWorkRule,
  isDeviceRule,
  type AlertRule,
  type AlertRuleInput,
  type RuleKind,
  type RuleScope,
  type Comparator,
  type ThresholdParams,
  type LevelsParams,
  type RateParams,
  type NoDataParams,
  type AqiParams,
  type WorkParams,
  type WorkRule,
  type DeviceRule,
} from './rule';
export type { DeviceContext } from './device-context';
export {
  deviceLabel,
  metricLabels,
  type MetricLabel,
  type MetricLabels,
  type MetricNames,
} from './naming';
export { scopeMatches, ruleApplies } from './scope';
export { ruleStateSchema, initialRuleState, parseRuleState, type RuleState } from './rule-state';
export type { RuleTransition } from './transition-types';
export {
  evaluateReading,
  evaluateSilence,
  type ReadingInput,
  type SilenceInput,
  type Evaluation,
} from './evaluate';
export { ladderFor, type Ladder, type LadderStep } from './ladder';
export { formatValue, formatDuration, alarmLabel } from './format';
export {
  ALERT_STATUSES,
  ACTIVE_STATUSES,
  RULE_ENGINE,
  isActive,
  type Alert,
  type AlertStatus,
  type Assignee,
  type Actor,
  type AuditEntry,
  type AuditAction,
  type AlertNote,
  type JsonValue,
} from './alert';
export { formatAssignee, parseAssignee } from './assignee';
export {
  transition,
  auditEntry,
  ALLOWED_FROM,
  type AlertAction,
  type AlertActionType,
  type TransitionError,
  type TransitionResult,
} from './lifecycle';
export { dueEscalations, type DueEscalation, type EscalationOptions } from './escalation';
export { applyRuleTransition, type ApplyRuleTransitionInput, type RuleOutcome } from './apply';
export { alertFromRow, alertToRow, type AlertRow } from './alert-row';
