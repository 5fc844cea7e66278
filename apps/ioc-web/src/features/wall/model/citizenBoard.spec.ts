import { describe, expect, it } from 'vitest';
import { AGE_CLASSES, OVERDUE_RGB } from '../../../shared/citizen/ageColors';
import {
  applyChange,
  casePoints,
  oldestFirst,
  rankWards,
  type BoardCase,
  type CaseChange,
  type WardFigures,
} from './citizenBoard';

const NOW = Date.parse('2026-12-06T10:00:00Z');
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

const kase = (id: string, hours: number, extra: Partial<BoardCase> = {}): BoardCase => ({
  id,
  code: `PA${id}`,
  status: 'received',
  overdue: false,
  receivedAt: hoursAgo(hours),
  unitCode: '20314',
  lat: 16.03,
  lon: 108.22,
  moderation: 'ok',
  ...extra,
});

const change = (c: Partial<CaseChange>): CaseChange => ({
  caseId: 'x',
  code: 'PAX',
  unitCode: '20314',
  status: 'received',
  overdue: false,
  moderation: 'ok',
  updatedAt: hoursAgo(0),
  lat: 16.05,
  lon: 108.2,
  ...c,
});

describe('casePoints', () => {
  it('draws open cases only, not spam, coloured by age', () => {
    const points = casePoints(
      [
        kase('1', 2),
        kase('2', 100, { overdue: true }),
        kase('3', 5, { status: 'resolved' }),
        kase('4', 5, { moderation: 'spam' }),
      ],
      NOW,
    );
    expect(points.map((p) => [p.id, p.rgb, p.overdue])).toEqual([
      ['1', AGE_CLASSES[0]?.rgb, false],
      ['2', OVERDUE_RGB, true],
    ]);
  });
});

describe('oldestFirst', () => {
  it('orders the open cases by receipt, oldest first', () => {
    const q = oldestFirst([
      kase('1', 5),
      kase('2', 50),
      kase('3', 500, { status: 'rejected' }),
      kase('4', 20, { status: 'in_progress' }),
    ]);
    expect(q.map((c) => c.id)).toEqual(['2', '4', '1']);
  });
});

describe('applyChange', () => {
  it('adds a new open case, updates a known one and drops a closed one', () => {
    const start = [kase('1', 10), kase('2', 30)];
    const added = applyChange(start, change({ caseId: '9', code: 'PA9' }));
    expect(added.map((c) => c.id)).toEqual(['1', '2', '9']);
    expect(added[2]?.receivedAt).toBe(hoursAgo(0));

    const updated = applyChange(added, change({ caseId: '1', status: 'assigned', overdue: true }));
    const one = updated.find((c) => c.id === '1');
    expect(one?.status).toBe('assigned');
    expect(one?.overdue).toBe(true);
    // The receipt time is the list's, not the change's.
    expect(one?.receivedAt).toBe(hoursAgo(10));

    const resolved = applyChange(updated, change({ caseId: '2', status: 'resolved' }));
    expect(resolved.map((c) => c.id)).toEqual(['1', '9']);
    const spam = applyChange(resolved, change({ caseId: '9', moderation: 'spam' }));
    expect(spam.map((c) => c.id)).toEqual(['1']);
    // An unknown closed case changes nothing.
    expect(applyChange(spam, change({ caseId: '7', status: 'rejected' }))).toEqual(spam);
  });
});

describe('rankWards', () => {
  const ward = (code: string, name: string, f: Partial<WardFigures>): WardFigures => ({
    unitCode: code,
    unitName: name,
    resolved: 0,
    resolvedOnTime: 0,
    onTimeRate: null,
    ratings: 0,
    satisfied: 0,
    satisfactionRate: null,
    ...f,
  });
  const units = [
    ward('1', 'Phường An Hải', { resolved: 4, resolvedOnTime: 3, onTimeRate: 0.75 }),
    ward('2', 'Phường Hải Châu', { resolved: 2, resolvedOnTime: 2, onTimeRate: 1, ratings: 2 }),
    ward('3', 'Phường Hòa Cường', {}),
    ward('4', 'Phường Thanh Khê', { resolved: 8, resolvedOnTime: 6, onTimeRate: 0.75 }),
    ward('5', 'Phường Cẩm Lệ', {}),
  ];
  it('ranks by on-time rate, more cases first on ties, unmeasured wards last by name', () => {
    expect(rankWards(units).map((r) => r.unitCode)).toEqual(['2', '4', '1', '5', '3']);
    expect(rankWards(units)[0]).toEqual({
      unitCode: '2',
      unitName: 'Phường Hải Châu',
      rate: 1,
      base: 2,
    });
  });
});
