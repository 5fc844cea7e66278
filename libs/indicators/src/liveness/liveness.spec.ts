import { describe, expect, it } from 'vitest';
import { duePeriods, feedLiveness, type ReportFact } from './liveness';

const feed = { code: 'dn-wards', cadence: 'monthly' as const, dueDay: 10 };
const since = new Date('2026-01-01T00:00:00+07:00');
const now = new Date('2026-04-15T09:00:00+07:00');
const at = (iso: string): Date => new Date(`${iso}+07:00`);
const fact = (
  unitCode: string,
  indicator: string,
  period: string,
  submitted: string,
): ReportFact => ({
  unitCode,
  indicator,
  period,
  submittedAt: at(submitted),
});

describe('feedLiveness', () => {
  it('expects the periods whose due date has passed', () => {
    expect(duePeriods(feed, since, now).map((p) => [p.period.code, p.dueAt.toISOString()])).toEqual(
      [
        ['2026-01', '2026-02-10T17:00:00.000Z'],
        ['2026-02', '2026-03-10T17:00:00.000Z'],
        ['2026-03', '2026-04-10T17:00:00.000Z'],
      ],
    );
    expect(
      duePeriods({ ...feed, cadence: 'quarterly' }, since, now).map((p) => p.period.code),
    ).toEqual(['2026-Q1']);
    // Q1 due on 20 April is not yet expected on 15 April.
    expect(duePeriods({ ...feed, cadence: 'quarterly', dueDay: 20 }, since, now)).toEqual([]);
  });

  const reports: ReportFact[] = [
    ...['2026-01', '2026-02', '2026-03'].flatMap((p, i) => [
      fact('A', 'x', p, `2026-0${i + 2}-05T10:00:00`),
      fact('A', 'y', p, `2026-0${i + 2}-10T23:59:00`),
    ]),
    fact('B', 'x', '2026-01', '2026-02-03T08:00:00'),
    fact('B', 'y', '2026-01', '2026-02-03T08:00:00'),
    // February x came late; its correction a week later must not change that.
    fact('B', 'x', '2026-02', '2026-03-11T08:00:00'),
    fact('B', 'x', '2026-02', '2026-03-18T08:00:00'),
    fact('B', 'y', '2026-02', '2026-03-09T08:00:00'),
    // A correction of January sent in March: an old period, not a late one.
    fact('B', 'y', '2026-01', '2026-03-20T08:00:00'),
    fact('B', 'x', '2026-03', '2026-04-08T08:00:00'),
  ];
  const result = feedLiveness({
    feed,
    units: ['A', 'B', 'C'],
    indicators: ['x', 'y'],
    reports,
    since,
    now,
  });
  const byUnit = new Map(result.map((r) => [r.unitCode, r]));

  it('a unit that sent everything on time (up to 23:59 on the due day) is complete and not overdue', () => {
    expect(byUnit.get('A')).toMatchObject({
      expected: 6,
      reported: 6,
      completeness: 1,
      overdue: false,
      late: [],
      lastPeriod: '2026-03',
    });
  });

  it('flags late first submissions and missing cells', () => {
    const b = byUnit.get('B');
    expect(b).toMatchObject({ expected: 6, reported: 5, overdue: true, lastPeriod: '2026-03' });
    expect(b?.completeness).toBeCloseTo(5 / 6, 9);
    expect(b?.missing.map((m) => [m.indicator, m.period])).toEqual([['y', '2026-03']]);
    expect(b?.late.map((l) => [l.indicator, l.period, l.submittedAt.toISOString()])).toEqual([
      ['x', '2026-02', '2026-03-11T01:00:00.000Z'],
    ]);
    expect(b?.lastReportAt?.toISOString()).toBe('2026-04-08T01:00:00.000Z');
  });

  it('a silent unit is fully overdue', () => {
    expect(byUnit.get('C')).toMatchObject({
      expected: 6,
      reported: 0,
      completeness: 0,
      overdue: true,
      lastReportAt: null,
      lastPeriod: null,
    });
  });
});
