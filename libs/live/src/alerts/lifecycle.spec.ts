import { describe, expect, it } from 'vitest';
import type { Actor, Alert } from './alert';
import { alertFromRow, alertToRow } from './alert-row';
import { parseAssignee } from './assignee';
import { dueEscalations } from './escalation';
import { transition, type AlertAction, type TransitionResult } from './lifecycle';

const T0 = new Date('2026-09-15T00:00:00Z');
const at = (m: number): Date => new Date(T0.getTime() + m * 60_000);
const op: Actor = { kind: 'user', id: 'op.hai' };

function alert(over: Partial<Alert> = {}): Alert {
  return {
    id: 'a1',
    ruleId: 'flood',
    deviceId: 'wl-1',
    unitCode: '20194',
    status: 'open',
    severity: 'warning',
    level: 1,
    value: 2.1,
    message: 'Báo động I',
    assignee: null,
    openedAt: T0,
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
    reopenedAt: null,
    lastValueAt: T0,
    escalations: 0,
    escalatedAt: null,
    updatedAt: T0,
    ...over,
  };
}

function ok(r: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('transition', () => {
  it('walks open → acknowledged → in_progress → resolved → closed with an audit entry each', () => {
    const steps: AlertAction[] = [
      { type: 'acknowledge' },
      { type: 'start' },
      { type: 'resolve', reason: 'đã xử lý' },
      { type: 'close' },
    ];
    let a = alert();
    const audit = steps.map((s, i) => {
      const r = ok(transition(a, s, op, at(i + 1)));
      a = r.alert;
      return [r.audit.action, r.audit.from, r.audit.to, r.audit.who, r.audit.at.getTime()];
    });
    expect(audit).toEqual([
      ['acknowledge', 'open', 'acknowledged', 'op.hai', at(1).getTime()],
      ['start', 'acknowledged', 'in_progress', 'op.hai', at(2).getTime()],
      ['resolve', 'in_progress', 'resolved', 'op.hai', at(3).getTime()],
      ['close', 'resolved', 'closed', 'op.hai', at(4).getTime()],
    ]);
    expect(a).toMatchObject({
      acknowledgedAt: at(1),
      resolvedAt: at(3),
      closedAt: at(4),
      updatedAt: at(4),
    });
  });

  it('returns a typed error for illegal transitions', () => {
    const r = transition(alert(), { type: 'close' }, op, at(1));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'illegal_transition',
        action: 'close',
        from: 'open',
        message: 'Cannot close an alert that is open',
      },
    });
    expect(
      transition(alert({ status: 'acknowledged' }), { type: 'acknowledge' }, op, at(1)).ok,
    ).toBe(false);
    expect(transition(alert({ status: 'closed' }), { type: 'reopen' }, op, at(1)).ok).toBe(false);
    expect(
      transition(
        alert({ status: 'resolved' }),
        { type: 'assign', assignee: { kind: 'user', id: 'x' } },
        op,
        at(1),
      ).ok,
    ).toBe(false);
  });

  it('start from open implies acknowledgement', () => {
    expect(ok(transition(alert(), { type: 'start' }, op, at(5))).alert).toMatchObject({
      status: 'in_progress',
      acknowledgedAt: at(5),
    });
  });

  it('assigns to a user or a department, and rejects an empty id', () => {
    const r = ok(
      transition(
        alert(),
        { type: 'assign', assignee: { kind: 'department', id: 'so-nnmt' } },
        op,
        at(1),
      ),
    );
    expect(r.alert.assignee).toEqual({ kind: 'department', id: 'so-nnmt' });
    expect(r.audit).toMatchObject({
      action: 'assign',
      from: 'open',
      to: 'open',
      detail: { assignee: 'department:so-nnmt', previous: null },
    });
    const bad = transition(
      alert(),
      { type: 'assign', assignee: { kind: 'user', id: ' ' } },
      op,
      at(1),
    );
    expect(bad.ok || bad.error.code).toBe('invalid_action');
  });

  it('takes notes on any status, closed included', () => {
    const r = ok(
      transition(
        alert({ status: 'closed' }),
        { type: 'note', text: '  Đã kiểm tra hiện trường ' },
        op,
        at(9),
      ),
    );
    expect(r.note).toEqual({
      alertId: 'a1',
      author: 'op.hai',
      text: 'Đã kiểm tra hiện trường',
      at: at(9),
    });
    expect(r.alert.status).toBe('closed');
    expect(transition(alert(), { type: 'note', text: '   ' }, op, at(9)).ok).toBe(false);
  });

  it('reopens a resolved alert: fresh acknowledgement needed, escalation clock restarted', () => {
    const r = ok(
      transition(
        alert({ status: 'resolved', resolvedAt: at(10), acknowledgedAt: at(2), escalations: 1 }),
        { type: 'reopen' },
        op,
        at(20),
      ),
    );
    expect(r.alert).toMatchObject({
      status: 'open',
      resolvedAt: null,
      acknowledgedAt: null,
      reopenedAt: at(20),
      escalations: 1,
    });
    expect(r.audit).toMatchObject({ action: 'reopen', from: 'resolved', to: 'open' });
  });
});

describe('dueEscalations', () => {
  const after15 = (): number => 15;

  it('escalates open alerts not acknowledged within N minutes, one severity step each time', () => {
    // opened at 0, N = 15: due at 15 → critical; next due 15 min after that escalation
    const first = dueEscalations([alert()], at(16), after15);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ previousSeverity: 'warning', renotify: true });
    expect(first[0]?.alert).toMatchObject({
      severity: 'critical',
      escalations: 1,
      escalatedAt: at(16),
      status: 'open',
    });
    expect(first[0]?.audit).toMatchObject({
      action: 'escalate',
      who: 'rule-engine',
      actorKind: 'system',
      detail: { severityFrom: 'warning', severityTo: 'critical', afterMin: 15 },
    });

    const escalated = first[0]?.alert ?? alert();
    expect(dueEscalations([escalated], at(30), after15)).toEqual([]);
    expect(dueEscalations([escalated], at(31), after15)[0]?.alert.severity).toBe('emergency');
  });

  it('leaves acknowledged alerts, rules without escalation, and alerts at the cap alone', () => {
    expect(dueEscalations([alert({ status: 'acknowledged' })], at(60), after15)).toEqual([]);
    expect(dueEscalations([alert()], at(60), () => null)).toEqual([]);
    expect(
      dueEscalations([alert({ escalations: 3, severity: 'emergency' })], at(600), after15),
    ).toEqual([]);
    expect(
      dueEscalations([alert({ escalations: 3 })], at(600), after15, { maxEscalations: 5 }),
    ).toHaveLength(1);
  });

  it('keeps emergency at emergency but still re-notifies', () => {
    const [d] = dueEscalations([alert({ severity: 'emergency' })], at(20), after15);
    expect(d?.alert).toMatchObject({ severity: 'emergency', escalations: 1 });
    expect(d?.renotify).toBe(true);
  });

  it('measures from the reopen time', () => {
    const reopened = alert({ reopenedAt: at(50) });
    expect(dueEscalations([reopened], at(60), after15)).toEqual([]);
    expect(dueEscalations([reopened], at(65), after15)).toHaveLength(1);
  });
});

describe('persistence helpers', () => {
  it('round-trips an alert through its row shape', () => {
    const a = alert({ assignee: { kind: 'user', id: 'ops:lan' } });
    const row = alertToRow(a);
    expect(row.assignee).toBe('user:ops:lan');
    expect(alertFromRow(row)).toEqual(a);
    expect(() => alertFromRow({ ...row, status: 'pending' })).toThrow(RangeError);
    expect(parseAssignee('robot:1')).toBeNull();
  });
});
