import { ACTIVE_ALERT_STATUSES, type AlertStatus } from '@ioc/contracts';
import type { Severity } from './severity';

/**
 * Alert lifecycle:
 *
 *   open ──acknowledge──▶ acknowledged ──start──▶ in_progress
 *    │  ╲──────────────────start─────────────────▶    │
 *    └────────────── resolve (any active) ──────────▶ resolved ──close──▶ closed
 *                                     open ◀──reopen──┘
 *
 * - "Active" = open, acknowledged, in_progress: at most one active alert per rule × device
 *   (database partial unique index).
 * - resolved → open (reopen): the condition recurred, or an operator finds the fix did not hold,
 *   before the alert was closed. It is the same incident, so it keeps its history, notes and
 *   escalation count; it needs a fresh acknowledgement and its escalation clock restarts.
 * - closed is final (reviewed and archived). A recurrence after closing opens a new alert.
 * - Escalation applies to alerts still `open` (nobody acknowledged) after the rule's
 *   escalate_after_min: severity one step up, re-notify. An operator may also escalate by hand.
 */
export { ALERT_STATUSES, type AlertStatus } from '@ioc/contracts';

export const ACTIVE_STATUSES: readonly AlertStatus[] = ACTIVE_ALERT_STATUSES;

export function isActive(status: AlertStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** Alerts are assigned to a person or to a department (Sở, phòng, ward office). */
export interface Assignee {
  kind: 'user' | 'department';
  id: string;
}

/** Who did something: a signed-in user, the platform itself (rule engine, timers), or a machine client. */
export interface Actor {
  kind: 'user' | 'system' | 'machine';
  id: string;
}

/** The rule engine, as the actor of automatic changes. */
export const RULE_ENGINE: Actor = Object.freeze({ kind: 'system', id: 'rule-engine' });

export interface Alert {
  id: string;
  ruleId: string;
  deviceId: string | null;
  unitCode: string | null;
  status: AlertStatus;
  severity: Severity;
  /** Level on the rule's ladder (1 for single-level rules, báo động number, AQI category). */
  level: number | null;
  value: number | null;
  message: string;
  assignee: Assignee | null;
  openedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** Last reopen; restarts the escalation clock. */
  reopenedAt: Date | null;
  /** Time of the reading behind `value`. */
  lastValueAt: Date | null;
  escalations: number;
  escalatedAt: Date | null;
  updatedAt: Date;
}

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type AuditAction =
  | 'open'
  | 'acknowledge'
  | 'start'
  | 'assign'
  | 'note'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'escalate'
  | 'update'
  | 'condition_cleared';

/** One audit_log row about an alert. `from` is null when the alert is created. */
export interface AuditEntry {
  who: string;
  actorKind: Actor['kind'];
  action: AuditAction;
  from: AlertStatus | null;
  to: AlertStatus;
  at: Date;
  targetKind: 'alert';
  targetId: string;
  unitCode: string | null;
  detail: { [key: string]: JsonValue };
}

/** An alert_note row to insert. */
export interface AlertNote {
  alertId: string;
  author: string;
  text: string;
  at: Date;
}
