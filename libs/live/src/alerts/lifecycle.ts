import { ALERT_ACTION_FROM } from '@ioc/contracts';
import type {
  Actor,
  Alert,
  AlertNote,
  AlertStatus,
  Assignee,
  AuditEntry,
  JsonValue,
} from './alert';
import { formatAssignee } from './assignee';
import { raiseSeverity } from './severity';

/** Operator (and escalation) actions on an alert. See ./alert.ts for the state diagram. */
export type AlertAction =
  | { type: 'acknowledge' }
  | { type: 'start' }
  | { type: 'assign'; assignee: Assignee | null }
  | { type: 'note'; text: string }
  | { type: 'resolve'; reason?: string }
  | { type: 'close' }
  | { type: 'reopen'; reason?: string }
  | { type: 'escalate' };

export type AlertActionType = AlertAction['type'];

/** The statuses each action is legal from (the wire's table: screens offer the same). */
export const ALLOWED_FROM: Readonly<Record<AlertActionType, readonly AlertStatus[]>> =
  ALERT_ACTION_FROM;

export interface TransitionError {
  code: 'illegal_transition' | 'invalid_action';
  action: AlertActionType;
  from: AlertStatus;
  message: string;
}

export type TransitionResult =
  | { ok: true; alert: Alert; audit: AuditEntry; note?: AlertNote }
  | { ok: false; error: TransitionError };

const MAX_NOTE_LENGTH = 10_000;

export function auditEntry(
  alert: Alert,
  next: Alert,
  action: AuditEntry['action'],
  actor: Actor,
  at: Date,
  detail: { [key: string]: JsonValue } = {},
  from: AlertStatus | null = alert.status,
): AuditEntry {
  return {
    who: actor.id,
    actorKind: actor.kind,
    action,
    from,
    to: next.status,
    at,
    targetKind: 'alert',
    targetId: alert.id,
    unitCode: alert.unitCode,
    detail,
  };
}

function fail(
  alert: Alert,
  action: AlertActionType,
  code: TransitionError['code'],
  message: string,
): TransitionResult {
  return { ok: false, error: { code, action, from: alert.status, message } };
}

/**
 * Applies an action. Pure: returns the new alert and the audit entry to append (and the note row
 * for `note`), or a typed error when the action is not legal from the alert's status. Who may do
 * what (roles, unit scope) is the API's concern, not this state machine's.
 */
export function transition(
  alert: Alert,
  action: AlertAction,
  actor: Actor,
  now: Date,
): TransitionResult {
  if (!ALLOWED_FROM[action.type].includes(alert.status)) {
    return fail(
      alert,
      action.type,
      'illegal_transition',
      `Cannot ${action.type} an alert that is ${alert.status}`,
    );
  }
  const touched: Alert = { ...alert, updatedAt: now };
  const done = (next: Alert, detail: { [key: string]: JsonValue } = {}): TransitionResult => ({
    ok: true,
    alert: next,
    audit: auditEntry(alert, next, action.type, actor, now, detail),
  });

  switch (action.type) {
    case 'acknowledge':
      return done({ ...touched, status: 'acknowledged', acknowledgedAt: now });
    case 'start':
      return done({
        ...touched,
        status: 'in_progress',
        acknowledgedAt: alert.acknowledgedAt ?? now,
      });
    case 'assign': {
      if (action.assignee !== null && action.assignee.id.trim() === '') {
        return fail(alert, 'assign', 'invalid_action', 'Assignee id is empty');
      }
      return done(
        { ...touched, assignee: action.assignee },
        {
          assignee: action.assignee ? formatAssignee(action.assignee) : null,
          previous: alert.assignee ? formatAssignee(alert.assignee) : null,
        },
      );
    }
    case 'note': {
      const text = action.text.trim();
      if (text === '' || text.length > MAX_NOTE_LENGTH) {
        return fail(
          alert,
          'note',
          'invalid_action',
          `A note needs 1–${MAX_NOTE_LENGTH} characters`,
        );
      }
      const result = done(touched, { length: text.length });
      return result.ok
        ? { ...result, note: { alertId: alert.id, author: actor.id, text, at: now } }
        : result;
    }
    case 'resolve':
      return done(
        { ...touched, status: 'resolved', resolvedAt: now },
        action.reason ? { reason: action.reason } : {},
      );
    case 'close':
      return done({ ...touched, status: 'closed', closedAt: now });
    case 'reopen':
      return done(
        {
          ...touched,
          status: 'open',
          resolvedAt: null,
          acknowledgedAt: null,
          reopenedAt: now,
        },
        action.reason ? { reason: action.reason } : {},
      );
    case 'escalate': {
      const severity = raiseSeverity(alert.severity);
      return done(
        {
          ...touched,
          severity,
          escalations: alert.escalations + 1,
          escalatedAt: now,
        },
        { severityFrom: alert.severity, severityTo: severity, escalations: alert.escalations + 1 },
      );
    }
  }
}
