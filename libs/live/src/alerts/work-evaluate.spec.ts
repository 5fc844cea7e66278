import { describe, expect, it } from 'vitest';
import { isWorkRule, parseAlertRule, type AlertRuleInput, type WorkRule } from './rule';
import { parseRuleState, type RuleState } from './rule-state';
import { daysPastDue, evaluateWork, type WorkChange } from './work-evaluate';
import type { WorkSignal } from './work-signals';

// 16 Nov 2026, 08:00 in Viet Nam.
const NOW = new Date('2026-11-16T01:00:00Z');
const parentOf = (u: string): string | null => (u.length === 5 ? '48' : null);

function rule(input: Partial<AlertRuleInput> & Pick<AlertRuleInput, 'kind'>): WorkRule {
  const r = parseAlertRule({ id: 'r1', name: 'Theo dõi', ...input });
  if (!isWorkRule(r)) throw new Error('not a work rule');
  return r;
}

const task = (key: string, unitCode: string, dueDate = '2026-11-10'): WorkSignal => ({
  key,
  unitCode,
  title: `Nhiệm vụ ${key}`,
  dueDate,
});

/** Applies the changes' states, as the timer persists them (through JSON, like jsonb). */
function persist(states: Map<string, RuleState>, changes: WorkChange[]): Map<string, RuleState> {
  const next = new Map(states);
  for (const c of changes) next.set(c.key, parseRuleState(JSON.parse(JSON.stringify(c.state))));
  return next;
}

describe('daysPastDue', () => {
  it('counts calendar days in Viet Nam (UTC+7), not UTC', () => {
    // 17:30 UTC on the 15th is already 00:30 on the 16th in Hà Nội.
    expect(daysPastDue('2026-11-15', new Date('2026-11-15T17:30:00Z'))).toBe(1);
    expect(daysPastDue('2026-11-15', new Date('2026-11-15T16:30:00Z'))).toBe(0);
    expect(daysPastDue('2026-11-10', NOW)).toBe(6);
    expect(daysPastDue('15/11/2026', NOW)).toBeNaN();
  });
});

describe('evaluateWork', () => {
  it('fires once per key in scope (a province covers its wards), with a Vietnamese message', () => {
    const r = rule({ kind: 'task_overdue', scope: { unitCodes: ['48'] }, severity: 'critical' });
    const signals = [
      task('task:A', '20314'),
      task('task:A', '20314'),
      task('task:B', '48'),
      task('task:C', '75001'),
    ];
    const changes = evaluateWork(r, signals, new Map(), NOW, (u) =>
      u === '75001' ? '75' : parentOf(u),
    );
    expect(changes.map((c) => [c.key, c.transition.type, c.unitCode])).toEqual([
      ['task:A', 'fire', '20314'],
      ['task:B', 'fire', '48'],
    ]);
    const fire = changes[0]?.transition;
    expect(fire).toMatchObject({ deviceId: 'task:A', severity: 'critical', value: 6, level: 1 });
    expect(fire?.message).toBe(
      'Theo dõi: nhiệm vụ “Nhiệm vụ task:A” quá hạn 6 ngày (hạn 10/11/2026)',
    );
  });

  it('does not fire again while the key stays, and clears it when the key is gone', () => {
    const r = rule({ kind: 'report_late', scope: { unitCodes: ['20314'] } });
    const late = {
      ...task('report:20314:2026-10', '20314', '2026-11-15'),
      title: 'Phường Hải Châu',
    };
    const first = evaluateWork(r, [late], new Map(), NOW, parentOf);
    expect(first.map((c) => c.transition.type)).toEqual(['fire']);
    expect(first[0]?.transition.message).toBe(
      'Theo dõi: Phường Hải Châu chưa nộp báo cáo, trễ hạn 1 ngày (hạn 15/11/2026)',
    );
    let states = persist(new Map(), first);

    const later = new Date(NOW.getTime() + 3 * 86_400_000);
    expect(evaluateWork(r, [late], states, later, parentOf)).toEqual([]);

    const gone = evaluateWork(r, [], states, later, parentOf);
    expect(gone.map((c) => [c.key, c.transition.type])).toEqual([
      ['report:20314:2026-10', 'clear'],
    ]);
    expect(gone[0]?.transition.message).toContain('đã nộp báo cáo');
    states = persist(states, gone);
    expect(evaluateWork(r, [], states, later, parentOf)).toEqual([]);
    // Late again (reopened and not resubmitted): a new firing.
    expect(evaluateWork(r, [late], states, later, parentOf).map((c) => c.transition.type)).toEqual([
      'fire',
    ]);
  });

  it('holds back keys within graceDays and clears a fired key that leaves the scope', () => {
    const r = rule({ kind: 'task_overdue', params: { graceDays: 3 } });
    const recent = task('task:new', '20314', '2026-11-14');
    const old = task('task:old', '20314', '2026-11-12');
    const changes = evaluateWork(r, [recent, old], new Map(), NOW, parentOf);
    expect(changes.map((c) => c.key)).toEqual(['task:old']);

    const narrowed = rule({ kind: 'task_overdue', scope: { unitCodes: ['20305'] } });
    const cleared = evaluateWork(narrowed, [old], persist(new Map(), changes), NOW, parentOf);
    expect(cleared.map((c) => [c.key, c.transition.type])).toEqual([['task:old', 'clear']]);
  });

  it('defaults graceDays to 0 and takes the port’s word for an unreadable due date', () => {
    const r = rule({ kind: 'task_overdue' });
    expect(r.params).toEqual({ graceDays: 0 });
    const odd = task('task:odd', '20314', 'không rõ');
    const [c] = evaluateWork(r, [odd], new Map(), NOW, parentOf);
    expect(c?.transition).toMatchObject({ type: 'fire', value: 0 });
    expect(c?.transition.message).toBe(
      'Theo dõi: nhiệm vụ “Nhiệm vụ task:odd” quá hạn (hạn không rõ)',
    );
  });

  it('watches overdue citizen reports of the scope and clears them once handled', () => {
    const r = rule({ kind: 'citizen_overdue', scope: { unitCodes: ['48'] } });
    expect(isWorkRule(r)).toBe(true);
    const overdue: WorkSignal = {
      key: 'citizen:PA7K3M9QX2RT',
      unitCode: '20314',
      title: 'Phản ánh PA7K3M9QX2RT — Đèn đường hư hỏng',
      dueDate: '2026-11-13',
    };
    const elsewhere = { ...overdue, key: 'citizen:PAZZZZZZZZZZ', unitCode: '75001' };
    const fired = evaluateWork(r, [overdue, elsewhere], new Map(), NOW, (u) =>
      u === '75001' ? '75' : parentOf(u),
    );
    expect(fired.map((c) => [c.key, c.transition.type, c.unitCode])).toEqual([
      ['citizen:PA7K3M9QX2RT', 'fire', '20314'],
    ]);
    expect(fired[0]?.transition.message).toBe(
      'Theo dõi: Phản ánh PA7K3M9QX2RT — Đèn đường hư hỏng quá hạn xử lý 3 ngày (hạn 13/11/2026)',
    );
    const cleared = evaluateWork(r, [], persist(new Map(), fired), NOW, parentOf);
    expect(cleared.map((c) => [c.key, c.transition.type])).toEqual([
      ['citizen:PA7K3M9QX2RT', 'clear'],
    ]);
    expect(cleared[0]?.transition.message).toContain('đã được giải quyết');
  });
});
