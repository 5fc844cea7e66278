import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisposableDb } from '@ioc/db';
import { citizenTestDb, fakeUnits, PROVINCE } from '../testing/fakes';
import { CitizenStatsService } from './citizen-stats.service';

/** A case row written directly: stats read the table, whichever path wrote it. */
async function insertCase(
  db: DisposableDb,
  c: {
    unit: string;
    received: string;
    deadline: string;
    status?: string;
    resolved?: string;
    rating?: number;
    rated?: string;
    moderation?: string;
    duplicateOf?: string;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO citizen_report (code, category_code, description, lat, lon, unit_code, status,
       moderation, duplicate_of, client_key, source, received_at, deadline_at, resolved_at,
       rating, rated_at)
     VALUES ('PA' || upper(substr(md5(random()::text), 1, 10)), 'khac', 'mô tả phản ánh', 16, 108,
       $1, $2, $3, $4, 'k', 'web', $5, $6, $7, $8, $9)
     RETURNING id::text AS id`,
    [
      c.unit,
      c.status ?? 'received',
      c.moderation ?? 'ok',
      c.duplicateOf ?? null,
      c.received,
      c.deadline,
      c.resolved ?? null,
      c.rating ?? null,
      c.rated ?? null,
    ],
  );
  return rows[0]?.id ?? '';
}

describe('CitizenStatsService', () => {
  let db: DisposableDb;
  let stats: CitizenStatsService;

  beforeAll(async () => {
    db = await citizenTestDb();
    // 10 March 2026, 09:00 in Vietnam.
    stats = new CitizenStatsService(db, {
      units: fakeUnits,
      now: () => new Date('2026-03-10T02:00:00Z'),
    });
    // Hải Châu, March: 3 resolved (2 on time), ratings 5 and 3; one open and overdue.
    await insertCase(db, {
      unit: '20314',
      received: '2026-03-02T02:00:00Z',
      deadline: '2026-03-05T16:59:59.999Z',
      status: 'resolved',
      resolved: '2026-03-04T02:00:00Z',
      rating: 5,
      rated: '2026-03-04T05:00:00Z',
    });
    await insertCase(db, {
      unit: '20314',
      received: '2026-03-02T03:00:00Z',
      deadline: '2026-03-05T16:59:59.999Z',
      status: 'resolved',
      resolved: '2026-03-06T02:00:00Z',
      rating: 3,
      rated: '2026-03-06T05:00:00Z',
    });
    const orig = await insertCase(db, {
      unit: '20314',
      received: '2026-03-03T02:00:00Z',
      deadline: '2026-03-06T16:59:59.999Z',
      status: 'resolved',
      resolved: '2026-03-05T02:00:00Z',
    });
    await insertCase(db, {
      unit: '20314',
      received: '2026-03-04T02:00:00Z',
      deadline: '2026-03-09T16:59:59.999Z',
    });
    // Not counted: a duplicate, a spam case, a case received in February and still open
    // (counted as open and overdue, not as received in March).
    await insertCase(db, {
      unit: '20314',
      received: '2026-03-03T02:30:00Z',
      deadline: '2026-03-06T16:59:59.999Z',
      duplicateOf: orig,
    });
    await insertCase(db, {
      unit: '20314',
      received: '2026-03-03T02:00:00Z',
      deadline: '2026-03-06T16:59:59.999Z',
      status: 'resolved',
      resolved: '2026-03-04T02:00:00Z',
      rating: 1,
      rated: '2026-03-04T03:00:00Z',
      moderation: 'spam',
    });
    await insertCase(db, {
      unit: '20275',
      received: '2026-02-26T02:00:00Z',
      deadline: '2026-03-03T16:59:59.999Z',
      status: 'assigned',
    });
    // An Hải, March: 1 resolved late, rated 4.
    await insertCase(db, {
      unit: '20275',
      received: '2026-03-02T02:00:00Z',
      deadline: '2026-03-04T16:59:59.999Z',
      status: 'resolved',
      resolved: '2026-03-06T02:00:00Z',
      rating: 4,
      rated: '2026-03-07T02:00:00Z',
    });
  }, 60_000);
  afterAll(() => db.close());

  it('counts a ward’s month: received, open, overdue, on time and satisfaction', async () => {
    const s = await stats.stats({ unit: '20314', month: '2026-03' });
    expect(s.units).toHaveLength(1);
    expect(s.total).toEqual({
      received: 4,
      open: 1,
      overdue: 1,
      resolved: 3,
      resolvedOnTime: 2,
      onTimeRate: 2 / 3,
      ratings: 2,
      satisfied: 1,
      satisfactionRate: 0.5,
      avgRating: 4,
    });
  });

  it('sums the province from its wards’ counts, never averaging their rates', async () => {
    const s = await stats.stats({ unit: PROVINCE, month: '2026-03' });
    expect(s.units.map((u) => [u.unitCode, u.unitName, u.onTimeRate])).toEqual([
      ['20275', 'Phường An Hải', 0],
      ['20314', 'Phường Hải Châu', 2 / 3],
    ]);
    // (2 + 0) / (3 + 1) = 0.5, not the mean of 2/3 and 0 (= 1/3).
    expect(s.total).toMatchObject({
      received: 5,
      open: 2,
      overdue: 2,
      resolved: 4,
      resolvedOnTime: 2,
      onTimeRate: 0.5,
      ratings: 3,
      satisfied: 2,
      satisfactionRate: 2 / 3,
      avgRating: 4,
    });
    expect(s).toMatchObject({ month: '2026-03', unitCode: PROVINCE });
  });

  it('gives null rates for a month with nothing resolved or rated, and the current month by default', async () => {
    const feb = await stats.stats({ unit: '20275', month: '2026-02' });
    expect(feb.total).toMatchObject({
      received: 1,
      resolved: 0,
      onTimeRate: null,
      satisfactionRate: null,
      avgRating: null,
    });
    expect((await stats.stats({ unit: '20314' })).month).toBe('2026-03');
  });

  it('hands the indicator feed numerators and denominators per ward and month', async () => {
    expect(await stats.indicatorRows('20314', '2026-03')).toEqual([
      {
        indicatorCode: 'svc.citizen_report_ontime',
        unitCode: '20314',
        period: '2026-03',
        numerator: 2,
        denominator: 3,
      },
      {
        indicatorCode: 'svc.citizen_report_satisfaction',
        unitCode: '20314',
        period: '2026-03',
        numerator: 1,
        denominator: 2,
      },
    ]);
    expect(await stats.indicatorRows('20314', '2026-02')).toEqual([]);
  });

  it('finds the two indicators the migration created', async () => {
    const { rows } = await db.query<{ code: string; rollup: string; unit: string }>(
      `SELECT code, rollup, unit FROM indicator WHERE code LIKE 'svc.citizen%' ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: 'svc.citizen_report_ontime', rollup: 'ratio', unit: 'percent' },
      { code: 'svc.citizen_report_satisfaction', rollup: 'ratio', unit: 'percent' },
    ]);
  });
});
