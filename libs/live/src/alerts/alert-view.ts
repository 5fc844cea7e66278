import type { Alert } from './alert';
import { formatAssignee } from './assignee';

/** An alert as the API and the WebSocket send it: ISO times, assignee as "user:<id>"/"department:<code>". */
export interface AlertView {
  id: string;
  ruleId: string;
  ruleName: string | null;
  deviceId: string | null;
  unitCode: string | null;
  status: Alert['status'];
  severity: Alert['severity'];
  level: number | null;
  value: number | null;
  message: string;
  assignee: string | null;
  openedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenedAt: string | null;
  lastValueAt: string | null;
  escalations: number;
  escalatedAt: string | null;
  updatedAt: string;
  /** Where to plot it: the device's position (last known for mobile devices); null if unknown. */
  lon: number | null;
  lat: number | null;
  /** A picture of what raised it (an AI camera's snapshot), on live deliveries. */
  snapshotUrl?: string | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function alertView(
  a: Alert,
  ruleName: string | null = null,
  position: { lon: number; lat: number } | null = null,
): AlertView {
  return {
    id: a.id,
    ruleId: a.ruleId,
    ruleName,
    deviceId: a.deviceId,
    unitCode: a.unitCode,
    status: a.status,
    severity: a.severity,
    level: a.level,
    value: a.value,
    message: a.message,
    assignee: a.assignee ? formatAssignee(a.assignee) : null,
    openedAt: a.openedAt.toISOString(),
    acknowledgedAt: iso(a.acknowledgedAt),
    resolvedAt: iso(a.resolvedAt),
    closedAt: iso(a.closedAt),
    reopenedAt: iso(a.reopenedAt),
    lastValueAt: iso(a.lastValueAt),
    escalations: a.escalations,
    escalatedAt: iso(a.escalatedAt),
    updatedAt: a.updatedAt.toISOString(),
    lon: position?.lon ?? null,
    lat: position?.lat ?? null,
  };
}
