import { isActive, RULE_ENGINE, type Alert, type AuditEntry } from './alert';
import { auditEntry, transition } from './lifecycle';
import { severityRank } from './severity';
import type { RuleTransition } from './transition-types';

export interface ApplyRuleTransitionInput {
  /**
   * The newest alert of this rule × device that is not closed (active or resolved), or null.
   * Closed alerts are history: a new firing opens a new alert.
   */
  existing: Alert | null;
  transition: RuleTransition;
  rule: { id: string; autoResolve: boolean };
  unitCode: string | null;
  now: Date;
  /** Id for the alert if one has to be created (ids are minted by the caller, keeping this pure). */
  newId: string;
}

export interface RuleOutcome {
  /** The alert to write (insert if `created`, else update), or null when nothing changes. */
  alert: Alert | null;
  audit: AuditEntry[];
  created: boolean;
  /** Send notifications: a new or reopened alert, or one whose severity went up. */
  notify: boolean;
}

const NOTHING: RuleOutcome = { alert: null, audit: [], created: false, notify: false };

/**
 * Joins the rule evaluator to the alert lifecycle:
 * - fire → a new open alert; or the resolved one reopened (same incident, before it was closed);
 * - update → the active alert's level/severity/message follow the condition; if no alert is
 *   active (an operator resolved it while the condition held) only a worsening reopens it;
 * - clear → resolved by the rule engine when the rule auto-resolves; otherwise the alert stays
 *   with an audit note that the condition cleared, for an operator to resolve.
 * Times: `openedAt`/status times are the platform's `now`; `lastValueAt` is the reading's time.
 */
export function applyRuleTransition(input: ApplyRuleTransitionInput): RuleOutcome {
  const { existing, transition: t, now } = input;
  const active = existing && isActive(existing.status) ? existing : null;

  if (t.type === 'clear') {
    if (!active) return NOTHING;
    const withValue: Alert = { ...active, value: t.value, lastValueAt: t.at };
    if (input.rule.autoResolve) {
      const r = transition(
        withValue,
        { type: 'resolve', reason: 'condition cleared' },
        RULE_ENGINE,
        now,
      );
      if (!r.ok) return NOTHING;
      return {
        alert: { ...r.alert, message: t.message },
        audit: [{ ...r.audit, detail: { ...r.audit.detail, auto: true, value: t.value } }],
        created: false,
        notify: false,
      };
    }
    const next: Alert = { ...withValue, updatedAt: now };
    return {
      alert: next,
      audit: [
        auditEntry(active, next, 'condition_cleared', RULE_ENGINE, now, {
          value: t.value,
          message: t.message,
        }),
      ],
      created: false,
      notify: false,
    };
  }

  const fields = {
    severity: t.severity,
    level: t.level,
    value: t.value,
    message: t.message,
    lastValueAt: t.at,
    updatedAt: now,
  };

  if (active) {
    const next: Alert = { ...active, ...fields };
    const worse = severityRank(t.severity) > severityRank(active.severity);
    return {
      alert: next,
      audit: [
        auditEntry(active, next, 'update', RULE_ENGINE, now, {
          levelFrom: active.level,
          levelTo: t.level,
          severityFrom: active.severity,
          severityTo: t.severity,
          value: t.value,
        }),
      ],
      created: false,
      notify: worse,
    };
  }

  if (t.type === 'update' && t.level <= t.previousLevel) return NOTHING;

  if (existing?.status === 'resolved') {
    const r = transition(
      existing,
      { type: 'reopen', reason: 'condition recurred' },
      RULE_ENGINE,
      now,
    );
    if (!r.ok) return NOTHING;
    const next: Alert = { ...r.alert, ...fields };
    return {
      alert: next,
      audit: [
        {
          ...r.audit,
          to: next.status,
          detail: { ...r.audit.detail, level: t.level, severity: t.severity, value: t.value },
        },
      ],
      created: false,
      notify: true,
    };
  }

  const created: Alert = {
    id: input.newId,
    ruleId: input.rule.id,
    deviceId: t.deviceId,
    unitCode: input.unitCode,
    status: 'open',
    assignee: null,
    openedAt: now,
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
    reopenedAt: null,
    escalations: 0,
    escalatedAt: null,
    ...fields,
  };
  return {
    alert: created,
    audit: [
      auditEntry(
        created,
        created,
        'open',
        RULE_ENGINE,
        now,
        { level: t.level, severity: t.severity, value: t.value },
        null,
      ),
    ],
    created: true,
    notify: true,
  };
}
