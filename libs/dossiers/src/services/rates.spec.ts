import { describe, expect, it } from 'vitest';
import { onlineIndicators, rateOf, ratesBy } from './rates';

const now = new Date('2026-03-10T00:00:00Z');
const d = (dueAt: string, finishedAt: string | null, online = false, extra = {}) => ({
  dueAt,
  finishedAt,
  onlineFullProcess: online,
  unitCode: '20275',
  procedureCode: 'P1',
  fieldCode: 'F1',
  ...extra,
});

describe('dossier rates', () => {
  it('counts on time over finished and overdue (open past due or late) over all', () => {
    const r = rateOf(
      '20275',
      [
        d('2026-03-05T00:00:00Z', '2026-03-04T00:00:00Z', true), // on time
        d('2026-03-05T00:00:00Z', '2026-03-06T00:00:00Z'), // late
        d('2026-03-08T00:00:00Z', null), // open, overdue
        d('2026-03-12T00:00:00Z', null, true), // open, not due
      ],
      now,
    );
    expect(r).toEqual({
      key: '20275',
      total: 4,
      finished: 2,
      finishedOnTime: 1,
      overdue: 2,
      online: 2,
      onTimeRate: 0.5,
      overdueRate: 0.5,
    });
    expect(rateOf('x', [d('2026-03-12T00:00:00Z', null)], now).onTimeRate).toBeNull();
  });

  it('groups by a key', () => {
    const list = [
      d('2026-03-05T00:00:00Z', null, false, { fieldCode: 'B' }),
      d('2026-03-12T00:00:00Z', null, false, { fieldCode: 'A' }),
    ];
    expect(ratesBy(list, (x) => x.fieldCode, now).map((r) => [r.key, r.overdue])).toEqual([
      ['A', 0],
      ['B', 1],
    ]);
  });

  it('computes the online indicators per unit as numerator and denominator', () => {
    const rows = onlineIndicators(
      [
        { unitCode: '20275', procedureCode: 'P1', onlineFullProcess: true },
        { unitCode: '20275', procedureCode: 'P1', onlineFullProcess: false },
        { unitCode: '20275', procedureCode: 'P2', onlineFullProcess: false },
        { unitCode: '20314', procedureCode: 'P3', onlineFullProcess: true },
      ],
      '2026-03',
    );
    expect(rows).toEqual([
      {
        indicatorCode: 'dx.dossiers_processed_online',
        unitCode: '20275',
        period: '2026-03',
        numerator: 1,
        denominator: 3,
      },
      {
        indicatorCode: 'dx.full_process_online_services',
        unitCode: '20275',
        period: '2026-03',
        numerator: 1,
        denominator: 2,
      },
      {
        indicatorCode: 'dx.dossiers_processed_online',
        unitCode: '20314',
        period: '2026-03',
        numerator: 1,
        denominator: 1,
      },
      {
        indicatorCode: 'dx.full_process_online_services',
        unitCode: '20314',
        period: '2026-03',
        numerator: 1,
        denominator: 1,
      },
    ]);
  });
});
