import {
  ALERT_ACTION_FROM,
  assignablePeopleResponse,
  type AlertStatus,
  type AssignablePersonWire,
} from '@ioc/contracts';
import { call } from '../../../shared/api/call';
import { apiGet } from '../../../shared/api/client';

/** Roles the API lets work alerts (`alerts.work`); leaders read and follow. */
const ALERT_WORKERS = new Set(['admin', 'province_operator', 'ward_operator']);

export function canWorkAlerts(role: string): boolean {
  return ALERT_WORKERS.has(role);
}

/** What the tablet offers on an alert; `take` is "assign to me", `assign` hands to someone else. */
export type TabletAlertAction = 'acknowledge' | 'take' | 'assign' | 'note' | 'resolve';

/**
 * The actions a person may take on an alert in its status, by the API's own table, less
 * taking one already theirs.
 */
export function alertActionsFor(
  status: AlertStatus,
  assignee: string | null,
  username: string,
): TabletAlertAction[] {
  const legal = (a: keyof typeof ALERT_ACTION_FROM) => ALERT_ACTION_FROM[a].includes(status);
  const out: TabletAlertAction[] = [];
  if (legal('acknowledge')) out.push('acknowledge');
  if (legal('assign') && assignee !== `user:${username}`) out.push('take');
  if (legal('assign')) out.push('assign');
  if (legal('note')) out.push('note');
  if (legal('resolve')) out.push('resolve');
  return out;
}

export type AlertStep =
  | { action: 'acknowledge' }
  | { action: 'assign'; assignee: string }
  | { action: 'note'; text: string }
  | { action: 'resolve'; reason?: string };

/** Sends one step with the person's session; the API audits it and pushes the change. */
export async function postAlertStep(id: string, step: AlertStep): Promise<void> {
  const { action, ...body } = step;
  await call('POST', `/api/v1/alerts/${encodeURIComponent(id)}/${action}`, { body });
}

/** Whom an alert may be handed to: a person (by username) or an office (by id). */
export type AssigneeKind = 'person' | 'office';

export function assigneeOf(kind: AssigneeKind, id: string): string {
  return kind === 'person' ? `user:${id}` : `department:${id}`;
}

/** The people of the alert's unit and the units above it, less the asker (who "takes" it). */
export async function fetchAssignablePeople(
  alertId: string,
  self: string,
  signal?: AbortSignal,
): Promise<AssignablePersonWire[]> {
  const list = assignablePeopleResponse.parse(
    await apiGet(`/api/v1/alerts/${encodeURIComponent(alertId)}/assignable-people`, signal),
  );
  return list.items.filter((p) => p.username !== self);
}
