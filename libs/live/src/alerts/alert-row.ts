import { ALERT_STATUSES, type Alert, type AlertStatus } from './alert';
import { formatAssignee, parseAssignee } from './assignee';
import { SEVERITIES, type Severity } from './severity';

/** An `alert` row as node-postgres returns it (timestamptz → Date, double precision → number). */
export interface AlertRow {
  id: string;
  rule_id: string;
  device_id: string | null;
  unit_code: string | null;
  status: string;
  severity: string;
  level: number | null;
  value: number | null;
  message: string;
  assignee: string | null;
  opened_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  reopened_at: Date | null;
  last_value_at: Date | null;
  escalations: number;
  escalated_at: Date | null;
  updated_at: Date;
}

function oneOf<T extends string>(values: readonly T[], v: string, what: string): T {
  const found = values.find((x) => x === v);
  if (found === undefined) throw new RangeError(`Unknown ${what} "${v}"`);
  return found;
}

export function alertFromRow(row: AlertRow): Alert {
  return {
    id: row.id,
    ruleId: row.rule_id,
    deviceId: row.device_id,
    unitCode: row.unit_code,
    status: oneOf<AlertStatus>(ALERT_STATUSES, row.status, 'alert status'),
    severity: oneOf<Severity>(SEVERITIES, row.severity, 'severity'),
    level: row.level,
    value: row.value,
    message: row.message,
    assignee: parseAssignee(row.assignee),
    openedAt: row.opened_at,
    acknowledgedAt: row.acknowledged_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    reopenedAt: row.reopened_at,
    lastValueAt: row.last_value_at,
    escalations: row.escalations,
    escalatedAt: row.escalated_at,
    updatedAt: row.updated_at,
  };
}

export function alertToRow(alert: Alert): AlertRow {
  return {
    id: alert.id,
    rule_id: alert.ruleId,
    device_id: alert.deviceId,
    unit_code: alert.unitCode,
    status: alert.status,
    severity: alert.severity,
    level: alert.level,
    value: alert.value,
    message: alert.message,
    assignee: alert.assignee ? formatAssignee(alert.assignee) : null,
    opened_at: alert.openedAt,
    acknowledged_at: alert.acknowledgedAt,
    resolved_at: alert.resolvedAt,
    closed_at: alert.closedAt,
    reopened_at: alert.reopenedAt,
    last_value_at: alert.lastValueAt,
    escalations: alert.escalations,
    escalated_at: alert.escalatedAt,
    updated_at: alert.updatedAt,
  };
}
