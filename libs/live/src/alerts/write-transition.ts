import { randomUUID } from 'node:crypto';
import { notificationFor, type NotificationEvent } from '../notifications/notifier.service';
import { isActive, type Alert } from './alert';
import type { AlertTransaction } from './alert-transaction';
import { alertView } from './alert-view';
import { applyRuleTransition } from './apply';
import type { AlertRule } from './rule';
import type { RuleTransition } from './transition-types';

/**
 * One rule transition through the alert lifecycle, written in the caller's transaction with its
 * audit rows and queued notifications. Shared by the reading/no-data engine and the work-alert
 * timer, so both open, reopen and resolve alerts (and page) the same way. Null when nothing
 * changed.
 */
export async function writeRuleTransition(
  tx: AlertTransaction,
  rule: AlertRule,
  unitCode: string | null,
  t: RuleTransition,
  now: Date,
): Promise<Alert | null> {
  const existing = await tx.alerts.latestNotClosed(rule.id, t.deviceId);
  const out = applyRuleTransition({
    existing,
    transition: t,
    rule: { id: rule.id, autoResolve: rule.autoResolve },
    unitCode,
    now,
    newId: randomUUID(),
  });
  if (!out.alert) return null;
  if (out.created) await tx.alerts.insert(out.alert);
  else await tx.alerts.update(out.alert);
  for (const a of out.audit) await tx.alerts.appendAudit(a);
  if (out.notify) {
    const event: NotificationEvent = out.created
      ? 'alert.opened'
      : existing && !isActive(existing.status)
        ? 'alert.reopened'
        : 'alert.worsened';
    const n = notificationFor(alertView(out.alert, rule.name), event, rule);
    if (n) await tx.notifications.enqueue(n);
  }
  return out.alert;
}
