import type { DossierListResponse, DossierRate, DossierStatsResponse } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { dossierBoard, percentText } from './dossierBoard';

// 2026-12-07 10:00 in Việt Nam (UTC+7): "today" ends at 2026-12-07T17:00:00Z.
const NOW = Date.parse('2026-12-07T03:00:00Z');

const open = (code: string, unitCode: string, dueAt: string) => ({
  code,
  procedureCode: 'P1',
  fieldCode: 'F1',
  unitCode,
  receivedAt: '2026-12-01T01:00:00.000Z',
  dueAt,
  finishedAt: null,
  onlineFullProcess: false,
  status: 'Đang xử lý',
  officer: null,
  overdue: Date.parse(dueAt) < NOW,
  onTime: null,
  source: 'push:admin',
});

const list = (items: ReturnType<typeof open>[]): DossierListResponse => ({
  asOf: new Date(NOW).toISOString(),
  items,
});

const rate = (key: string, total: number, finished: number, onTime: number, online = 0) =>
  ({
    key,
    total,
    finished,
    finishedOnTime: onTime,
    overdue: finished - onTime,
    online,
    onTimeRate: finished === 0 ? null : onTime / finished,
    overdueRate: total === 0 ? null : (finished - onTime) / total,
  }) satisfies DossierRate;

const stats = (byUnit: DossierRate[]): DossierStatsResponse => ({
  asOf: new Date(NOW).toISOString(),
  byUnit,
  byField: [],
});

const rows = { units: 2, wards: 2 };

describe('dossierBoard', () => {
  it('waits for both answers', () => {
    expect(dossierBoard(null, stats([]), rows, NOW, 1000)).toBeNull();
    expect(dossierBoard(list([]), null, rows, NOW, 1000)).toBeNull();
  });

  it('counts due today in Việt Nam time, apart from the overdue ones', () => {
    const board = dossierBoard(
      list([
        open('a', '20314', '2026-12-07T02:59:00Z'), // past due an hour ago: overdue
        open('b', '20314', '2026-12-07T16:59:00Z'), // 23:59 today in Việt Nam
        open('c', '20314', '2026-12-07T17:00:00Z'), // 00:00 tomorrow in Việt Nam
        open('d', '20275', '2026-12-07T05:00:00Z'),
      ]),
      stats([]),
      rows,
      NOW,
      1000,
    );
    expect(board?.dueToday).toBe(2);
    expect(board?.overdueTotal).toBe(1);
  });

  it('lists units by overdue count, most first, and counts the rest as "+N"', () => {
    const past = '2026-12-01T00:00:00Z';
    const board = dossierBoard(
      list([
        open('a1', 'A', past),
        open('b1', 'B', past),
        open('b2', 'B', past),
        open('c1', 'C', past),
        open('c2', 'C', past),
        open('c3', 'C', past),
        open('d1', 'D', past),
      ]),
      stats([]),
      rows,
      NOW,
      1000,
    );
    expect(board?.overdueUnits).toEqual([
      { unitCode: 'C', overdue: 3 },
      { unitCode: 'B', overdue: 2 },
    ]);
    // A and D tie at one each: both beyond the two rows.
    expect(board?.otherUnitsOverdue).toBe(2);
    expect(board?.overdueTotal).toBe(7);
  });

  it('ranks wards lowest on-time rate first, leaves out wards with nothing finished', () => {
    const board = dossierBoard(
      list([]),
      stats([
        rate('W1', 10, 4, 4, 5), // 100 %
        rate('W2', 10, 4, 1, 5), // 25 %
        rate('W3', 10, 0, 0, 0), // nothing finished: no rate
        rate('W4', 10, 8, 6, 0), // 75 %
        rate('W5', 10, 2, 0, 0), // 0 %
      ]),
      rows,
      NOW,
      1000,
    );
    expect(board?.wards.map((w) => [w.unitCode, w.rate])).toEqual([
      ['W5', 0],
      ['W2', 0.25],
    ]);
    expect(board?.otherWards).toBe(2);
    // Σ online / Σ total over every unit: 10 of 50.
    expect(board?.onlineShare).toBeCloseTo(0.2);
  });

  it('has no online share without dossiers, and says when the open list filled its page', () => {
    const board = dossierBoard(
      list([open('a', 'A', '2026-12-09T00:00:00Z')]),
      stats([]),
      rows,
      NOW,
      1,
    );
    expect(board?.onlineShare).toBeNull();
    expect(board?.capped).toBe(true);
  });
});

describe('percentText', () => {
  const num = (v: number) => String(v);
  it('rounds to a whole percent and says "—" for nothing to measure', () => {
    expect(percentText(2 / 3, num)).toBe('67%');
    expect(percentText(0, num)).toBe('0%');
    expect(percentText(1, num)).toBe('100%');
    expect(percentText(null, num)).toBe('—');
  });
});
