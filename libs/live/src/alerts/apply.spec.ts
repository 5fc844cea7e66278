import { describe, expect, it } from 'vitest';
import type { Alert } from './alert';
import { applyRuleTransition } from './apply';
import type { RuleTransition } from './transition-types';

const now = new Date('2026-09-15T01:00:00Z');
const readingAt = new Date('2026-09-15T00:59:30Z');
const rule = { id: 'flood', autoResolve: true };

const fire: RuleTransition = {
  type: 'fire',
  ruleId: 'flood',
  deviceId: 'wl-1',
  level: 1,
  label: 'Báo động I',
  severity: 'warning',
  value: 2.1,
  at: readingAt,
  message: 'Báo động I',
};
const up: RuleTransition = {
  ...fire,
  type: 'update',
  level: 2,
  previousLevel: 1,
  severity: 'critical',
  value: 2.6,
  message: 'Báo động II',
};
const down: RuleTransition = {
  ...fire,
  type: 'update',
  level: 1,
  previousLevel: 2,
  message: 'Báo động I',
};
const clear: RuleTransition = {
  type: 'clear',
  ruleId: 'flood',
  deviceId: 'wl-1',
  previousLevel: 1,
  value: 1.8,
  at: readingAt,
  message: 'đã trở lại bình thường',
};

function run(existing: Alert | null, t: RuleTransition, autoResolve = true) {
  return applyRuleTransition({
    existing,
    transition: t,
    rule: { ...rule, autoResolve },
    unitCode: '20194',
    now,
    newId: 'new-1',
  });
}

describe('applyRuleTransition', () => {
  const opened = run(null, fire);
  const active = opened.alert as Alert;

  it('opens a new alert on fire', () => {
    expect(opened).toMatchObject({ created: true, notify: true });
    expect(active).toMatchObject({
      id: 'new-1',
      ruleId: 'flood',
      deviceId: 'wl-1',
      unitCode: '20194',
      status: 'open',
      severity: 'warning',
      level: 1,
      value: 2.1,
      openedAt: now,
      lastValueAt: readingAt,
    });
    expect(opened.audit).toMatchObject([
      { action: 'open', from: null, to: 'open', actorKind: 'system' },
    ]);
  });

  it('follows level changes, notifying only when severity rises', () => {
    const worse = run(active, up);
    expect(worse).toMatchObject({ created: false, notify: true });
    expect(worse.alert).toMatchObject({
      severity: 'critical',
      level: 2,
      status: 'open',
      value: 2.6,
    });
    const better = run(worse.alert, down);
    expect(better.notify).toBe(false);
    expect(better.alert?.severity).toBe('warning');
  });

  it('auto-resolves on clear, or only records it when the rule does not auto-resolve', () => {
    const resolved = run({ ...active, status: 'acknowledged' }, clear);
    expect(resolved.alert).toMatchObject({ status: 'resolved', resolvedAt: now, value: 1.8 });
    expect(resolved.audit[0]).toMatchObject({
      action: 'resolve',
      from: 'acknowledged',
      to: 'resolved',
      detail: { auto: true },
    });
    const kept = run(active, clear, false);
    expect(kept.alert?.status).toBe('open');
    expect(kept.audit[0]).toMatchObject({ action: 'condition_cleared', from: 'open', to: 'open' });
    expect(run(null, clear)).toMatchObject({ alert: null, audit: [] });
  });

  it('reopens a resolved alert when the condition recurs, and starts a new one after close', () => {
    const resolved: Alert = { ...active, status: 'resolved', resolvedAt: now };
    const again = run(resolved, fire);
    expect(again).toMatchObject({ created: false, notify: true });
    expect(again.alert).toMatchObject({
      id: 'new-1',
      status: 'open',
      reopenedAt: now,
      resolvedAt: null,
    });
    expect(again.audit[0]).toMatchObject({ action: 'reopen', from: 'resolved', to: 'open' });
    const fresh = run({ ...resolved, id: 'old', status: 'closed' }, fire);
    expect(fresh).toMatchObject({ created: true });
    expect(fresh.alert?.id).toBe('new-1');
  });

  it('ignores an improving update when no alert is active, but reopens on a worsening one', () => {
    const resolved: Alert = { ...active, status: 'resolved', resolvedAt: now };
    expect(run(resolved, down).alert).toBeNull();
    expect(run(resolved, up).alert).toMatchObject({ status: 'open', level: 2 });
  });
});
