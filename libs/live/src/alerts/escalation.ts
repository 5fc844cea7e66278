import { RULE_ENGINE, type Alert, type AuditEntry } from './alert';
import { transition } from './lifecycle';
import type { Severity } from './severity';

export interface DueEscalation {
  /** The alert after escalation (severity one step up, escalations + 1). */
  alert: Alert;
  audit: AuditEntry;
  previousSeverity: Severity;
  /** Always true: an escalation exists to reach someone; send the notifications again. */
  renotify: true;
}

export interface EscalationOptions {
  /**
   * Escalations per alert before the timer stops. Default 3: info reaches emergency in 3 steps,
   * and past that repeating the page every N minutes only trains people to ignore it.
   */
  maxEscalations?: number;
}

/**
 * The alerts nobody acknowledged in time, escalated. An alert is due when it is still `open` and
 * N minutes have passed since the latest of: opening, reopening, its previous escalation —
 * so escalations repeat every N minutes up to `maxEscalations`. N comes from the alert's rule
 * (`escalateAfterMin`); null/undefined/≤ 0 means the rule never escalates.
 */
export function dueEscalations(
  alerts: readonly Alert[],
  now: Date,
  escalateAfterMin: (alert: Alert) => number | null | undefined,
  options: EscalationOptions = {},
): DueEscalation[] {
  const max = options.maxEscalations ?? 3;
  const out: DueEscalation[] = [];
  for (const alert of alerts) {
    if (alert.status !== 'open' || alert.escalations >= max) continue;
    const minutes = escalateAfterMin(alert);
    if (minutes === null || minutes === undefined || !(minutes > 0)) continue;
    const clock = Math.max(
      alert.openedAt.getTime(),
      alert.reopenedAt?.getTime() ?? 0,
      alert.escalatedAt?.getTime() ?? 0,
    );
    if (now.getTime() - clock < minutes * 60_000) continue;
    const result = transition(alert, { type: 'escalate' }, RULE_ENGINE, now);
    if (!result.ok) continue;
    out.push({
      alert: result.alert,
      audit: { ...result.audit, detail: { ...result.audit.detail, afterMin: minutes } },
      previousSeverity: alert.severity,
      renotify: true,
    });
  }
  return out;
}
