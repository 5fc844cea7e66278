import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexIndicators, loadCatalogue } from '../catalogue/load';
import { FeedRepository } from '../repo/feed.repository';
import { SubmissionRepository } from '../repo/submission.repository';
import { validateReportRows } from '../report/validate';
import { fixtureLookup } from '../testing/fixtures';
import { createTestDb, failure, fixtureIndicatorUnits, type TestDb } from '../testing/pglite';
import { FeedAdminService } from './feed-admin.service';

/** The platform's own feeds: citizen-report rates (0051), connectors (0074), dossiers (0075). */
const BUILT_IN_FEEDS = ['phan-anh-hien-truong', 'ket-noi-he-thong', 'dich-vu-cong'];
const byCode = (codes: string[]) => [...codes].sort();

const NOW = new Date('2026-04-20T03:00:00Z');
const VNEID = 'dx.vneid_accounts';

describe('FeedAdminService on PostgreSQL (PGlite)', { timeout: 120_000 }, () => {
  let db: TestDb;
  let service: FeedAdminService;
  const units = fixtureIndicatorUnits();

  beforeAll(async () => {
    db = await createTestDb({ catalogue: true });
    service = new FeedAdminService(db, units, { clock: () => NOW });
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('refuses a feed naming unknown indicators or units, all problems at once', async () => {
    const err = await failure(
      service.createFeed(
        { code: 'bad-feed', name: 'x', allowedIndicators: ['dx.nope'], allowedUnits: ['99999'] },
        'admin',
      ),
    );
    expect([err.kind, err.code]).toEqual(['invalid', 'FEED_INVALID']);
    expect(err.details).toEqual({
      issues: [
        { path: 'allowedIndicators', message: 'unknown indicator dx.nope' },
        { path: 'allowedUnits', message: 'unknown unit 99999' },
      ],
    });
    expect((await failure(service.createFeed({ code: 'A B', name: 'x' }, 'admin'))).code).toBe(
      'FEED_INVALID',
    );
  });

  it('registers a feed whose key opens it once, audited; refuses the same code twice', async () => {
    const { feed, key } = await service.createFeed(
      {
        code: 'dn-two',
        name: 'Hai phường',
        allowedIndicators: [VNEID],
        allowedUnits: ['20194', '20197'],
      },
      'admin@danang',
    );
    expect(feed).toMatchObject({ code: 'dn-two', cadence: 'monthly', dueDay: 10 });
    expect(await new FeedRepository(db).verifyKey('dn-two', key)).toMatchObject({ code: 'dn-two' });
    const dup = await failure(service.createFeed({ code: 'dn-two', name: 'again' }, 'admin'));
    expect([dup.kind, dup.code]).toEqual(['conflict', 'FEED_EXISTS']);
    const audit = await db.query<{ actor: string; why: string }>(
      `SELECT actor, detail->>'why' AS why FROM audit_log WHERE action = 'feed.create'`,
    );
    expect(audit.rows).toEqual([{ actor: 'admin@danang', why: 'feed created' }]);
  });

  it('rotates a key (a reason is optional) and revokes a feed (a reason is required)', async () => {
    const rotated = await service.rotateFeed('dn-two', undefined, 'admin');
    expect(rotated.feed).toBe('dn-two');
    expect(await new FeedRepository(db).verifyKey('dn-two', rotated.key)).not.toBeNull();
    expect((await failure(service.rotateFeed('nope', { why: 'lộ khoá' }, 'admin'))).code).toBe(
      'FEED_NOT_FOUND',
    );

    await service.createFeed({ code: 'old-feed', name: 'cũ' }, 'admin');
    expect((await failure(service.revokeFeed('old-feed', {}, 'admin'))).code).toBe('FEED_INVALID');
    expect(await service.revokeFeed('old-feed', { why: 'ngừng' }, 'admin')).toEqual({
      feed: 'old-feed',
      revoked: true,
    });
    expect((await failure(service.revokeFeed('old-feed', { why: 'ngừng' }, 'admin'))).code).toBe(
      'FEED_NOT_FOUND',
    );
    // Beside the platform's built-in feeds, in code order; the revoked one only when asked.
    expect((await service.listFeeds()).items.map((f) => f.code)).toEqual(
      byCode(['dn-two', ...BUILT_IN_FEEDS]),
    );
    expect((await service.listFeeds(true)).items.map((f) => f.code)).toEqual(
      byCode(['dn-two', 'old-feed', ...BUILT_IN_FEEDS]),
    );
    const audit = await db.query<{ action: string; why: string }>(
      `SELECT action, detail->>'why' AS why FROM audit_log WHERE target_id = 'dn-two' ORDER BY id`,
    );
    expect(audit.rows.map((r) => [r.action, r.why])).toEqual([
      ['feed.create', 'feed created'],
      ['feed.rotate_key', 'key rotated'],
    ]);
  });

  it('answers liveness per unit with names: what came, late, and what is missing', async () => {
    const feed = await new FeedRepository(db).get('dn-two');
    if (feed === null) throw new Error('feed');
    const row = (r: number, unitCode: string, period: string) => ({
      row: r,
      indicator: VNEID,
      unitCode,
      period,
      value: null,
      numerator: 80,
      denominator: 100,
      note: null,
    });
    const save = async (submittedAt: string, rows: ReturnType<typeof row>[]) => {
      const at = new Date(submittedAt);
      const { accepted, rejected } = validateReportRows(rows, {
        indicators: indexIndicators(loadCatalogue()),
        units: fixtureLookup(),
        feed,
        now: at,
      });
      expect(rejected).toEqual([]);
      await new SubmissionRepository(db).save({
        feed: 'dn-two',
        submittedBy: 'test',
        submittedAt: at,
        rowCount: rows.length,
        accepted,
        rejected,
      });
    };
    await save('2026-02-05T03:00:00Z', [row(1, '20194', '2026-01')]);
    await save('2026-03-20T03:00:00Z', [row(1, '20194', '2026-02')]); // due 10 March: late
    await save('2026-04-02T03:00:00Z', [row(1, '20194', '2026-03')]);

    const answer = await service.liveness({ feed: 'dn-two', since: '2026-01-01' });
    expect(answer).toMatchObject({ asOf: NOW.toISOString(), since: '2026-01-01' });
    expect(answer.feeds).toHaveLength(1);
    const [view] = answer.feeds;
    const byUnit = new Map(view?.units.map((u) => [u.unitCode, u]));
    expect(byUnit.get('20194')).toMatchObject({
      unitName: fixtureLookup().get('20194')?.name,
      reported: 3,
      overdue: false,
      lateCount: 1,
      missingCount: 0,
      lastPeriod: '2026-03',
    });
    expect(byUnit.get('20194')?.late.map((l) => l.period)).toEqual(['2026-02']);
    expect(byUnit.get('20197')).toMatchObject({ reported: 0, overdue: true, missingCount: 3 });
    // Newest missing cell first.
    expect(byUnit.get('20197')?.missing.map((m) => m.period)).toEqual([
      '2026-03',
      '2026-02',
      '2026-01',
    ]);

    const one = await service.liveness({ feed: 'dn-two', since: '2026-01-01', unit: '20197' });
    expect(one.feeds[0]?.units.map((u) => u.unitCode)).toEqual(['20197']);
  });

  it('refuses liveness of an unknown feed or from a malformed day', async () => {
    expect((await failure(service.liveness({ feed: 'nope' }))).code).toBe('FEED_NOT_FOUND');
    expect((await failure(service.liveness({ since: '1/1/2026' }))).code).toBe('SINCE_INVALID');
    // Twelve months back from April 2026 by default.
    expect((await service.liveness({})).since).toBe('2025-04-01');
  });
});
