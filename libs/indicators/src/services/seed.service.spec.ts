import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FEED, PROVINCE_DEMO_FEED } from '../demo/generate';
import { FeedRepository } from '../repo/feed.repository';
import { createTestDb, fixtureIndicatorUnits, type TestDb } from '../testing/pglite';
import { IndicatorSeedService } from './seed.service';

/** The platform's own feeds: citizen-report rates (0051), connectors (0074), dossiers (0075). */
const BUILT_IN_FEEDS = ['phan-anh-hien-truong', 'ket-noi-he-thong', 'dich-vu-cong'];

describe('IndicatorSeedService on PostgreSQL (PGlite)', { timeout: 120_000 }, () => {
  let db: TestDb;
  const units = fixtureIndicatorUnits();

  beforeAll(async () => {
    db = await createTestDb();
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('seeds the catalogue once; a repeat inserts nothing', async () => {
    const seeder = new IndicatorSeedService(db, units);
    expect(await seeder.seed({ province: '48', demo: false })).toEqual({
      catalogue: { sources: 4, indicators: 153, targets: 408 },
      demo: null,
    });
    expect((await seeder.seed({ province: '48', demo: false })).catalogue).toEqual({
      sources: 0,
      indicators: 0,
      targets: 0,
    });
  });

  it('loads no demo reports for a province without wards', async () => {
    const seeder = new IndicatorSeedService(db, units);
    expect((await seeder.seed({ province: '99', demo: true })).demo).toBeNull();
    // Only the platform's built-in feeds.
    expect((await new FeedRepository(db).list()).map((f) => f.code).sort()).toEqual(
      [...BUILT_IN_FEEDS].sort(),
    );
  });

  it("loads the demo reports of the province's wards on the first run only", async () => {
    const seeder = new IndicatorSeedService(db, units);
    const now = new Date('2026-04-20T03:00:00Z');
    const first = await seeder.seed({ province: '48', demo: true, now });
    expect(first.demo).toMatchObject({ submissions: expect.any(Number), rows: expect.any(Number) });
    expect(first.demo?.rows).toBeGreaterThan(0);
    const feeds = await new FeedRepository(db).list();
    expect(feeds.map((f) => f.code).sort()).toEqual(
      [DEMO_FEED, PROVINCE_DEMO_FEED, ...BUILT_IN_FEEDS].sort(),
    );
    const stored = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM indicator_report WHERE submitted_at <= $1',
      [now],
    );
    expect(stored.rows[0]?.n).toBeGreaterThanOrEqual(first.demo?.rows ?? 0);
    expect((await seeder.seed({ province: '48', demo: true, now })).demo).toBeNull();
  });
});
