/**
 * The indicator repositories (libs/indicators) against real PostgreSQL (embedded PGlite when
 * there is no server) with every migration applied: seeding, feeds and keys, submissions with supersession and lineage,
 * batch saves, target and catalogue edits with their change log.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, migrate, type Pool, type Queryable } from '@ioc/db';
import { UnitDirectory } from '@ioc/geo';
import {
  CatalogueRepository,
  ChangeLogRepository,
  FeedRepository,
  ReportRepository,
  SubmissionRepository,
  TargetRepository,
  feedLiveness,
  indexIndicators,
  loadCatalogue,
  parseReportCsv,
  parseReportJson,
  validateReportRows,
  type Feed,
} from '@ioc/indicators';
import { backendFactories, type Backend } from '../support/backends';
import { postgresAvailable } from '../support/databases';

const hasPostgres = await postgresAvailable();
const UNITS_CSV = resolve(
  import.meta.dirname,
  '../../libs/indicators/fixtures/admin-units-48-75.csv',
);
const catalogue = loadCatalogue();
const actor = { who: 'admin@danang', why: 'test' };

/** Đà Nẵng (48) and Đồng Nai (75) with their communes, from the lib's fixture. */
function fixtureUnits(): {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}[] {
  const rows = parse<{
    province_code: string;
    unit_code: string;
    full_name: string;
    level: string;
  }>(readFileSync(UNITS_CSV, 'utf8'), { columns: true, skip_empty_lines: true });
  return [
    { code: '48', name: 'Thành phố Đà Nẵng', level: 'province', parent_code: null },
    { code: '75', name: 'Tỉnh Đồng Nai', level: 'province', parent_code: null },
    ...rows.map((r) => ({
      code: r.unit_code,
      name: r.full_name,
      level: r.level,
      parent_code: r.province_code,
    })),
  ];
}

// PostgreSQL when it is there, else PGlite: the HTTP suite (indicators-feeds) runs the same
// repositories end to end on both, and a second PGlite boot here would only cost time.
const backends = backendFactories().filter((f) => f.mode === (hasPostgres ? 'postgres' : 'pglite'));

for (const factory of backends) {
  describe(`indicator repositories on ${factory.mode}`, () => {
    let backend: Backend;
    let pool: Pool;
    let db: Queryable;
    let catalogueRepo: CatalogueRepository;
    let targets: TargetRepository;
    let changeLog: ChangeLogRepository;
    let feeds: FeedRepository;
    let submissions: SubmissionRepository;
    let reports: ReportRepository;

    beforeAll(async () => {
      backend = await factory.create();
      pool = createPool(backend.url, backend.embedded ? 1 : 4);
      db = pool;
      catalogueRepo = new CatalogueRepository(db);
      targets = new TargetRepository(db);
      changeLog = new ChangeLogRepository(db);
      feeds = new FeedRepository(db);
      submissions = new SubmissionRepository(db);
      reports = new ReportRepository(db);
      await migrate(pool, factory.mode);
      await db.query(
        `INSERT INTO admin_unit (code, name, short_name, level, parent_code, name_folded)
       SELECT code, name, name, level, parent_code, name FROM jsonb_to_recordset($1::jsonb)
         AS u(code text, name text, level text, parent_code text)`,
        [JSON.stringify(fixtureUnits())],
      );
    });

    afterAll(async () => {
      await pool.end();
      await backend.dispose();
    });

    let feed: Feed;
    let key: string;

    it('seeds the catalogue once; a second seed inserts nothing', async () => {
      expect(await catalogueRepo.seed(catalogue)).toEqual({
        sources: 4,
        indicators: 153,
        targets: 408,
      });
      expect(await catalogueRepo.seed(catalogue)).toEqual({
        sources: 0,
        indicators: 0,
        targets: 0,
      });
      // The catalogue's 153, and the platform's own two that migration 0050 adds (citizen reports).
      const stored = await catalogueRepo.listIndicators();
      expect(stored.map((i) => i.code).sort()).toEqual(
        [
          ...catalogue.indicators.map((i) => i.code),
          'svc.citizen_report_ontime',
          'svc.citizen_report_satisfaction',
        ].sort(),
      );
      expect(stored.find((i) => i.code === 'dx.vneid_accounts')?.measuredAt).toEqual([
        'province',
        'commune',
      ]);
      expect(
        await targets.list({ indicators: ['infra.5g_coverage'], unitCodes: ['48'] }),
      ).toHaveLength(5);
    });

    it('creates feeds whose key is shown once and verified by hash', async () => {
      const created = await feeds.create(
        {
          code: 'dn-wards',
          name: 'Xã, phường Đà Nẵng',
          cadence: 'monthly',
          allowedIndicators: ['dx.vneid_accounts', 'dx.online_public_service_usage'],
          allowedUnits: null,
        },
        actor,
      );
      feed = created.feed;
      key = created.key;
      expect(feed).toMatchObject({
        code: 'dn-wards',
        dueDay: 10,
        allowedUnits: null,
        revokedAt: null,
      });
      expect(await feeds.verifyKey('dn-wards', key)).toMatchObject({ code: 'dn-wards' });
      expect(await feeds.verifyKey('dn-wards', `${key}x`)).toBeNull();
      const { rows } = await db.query<{ key_hash: string }>('SELECT key_hash FROM feed');
      expect(rows[0]?.key_hash).not.toContain(key);
    });

    it('rotates and revokes keys', async () => {
      const other = await feeds.create(
        {
          code: 'old-feed',
          name: 'x',
          cadence: 'yearly',
          allowedIndicators: null,
          allowedUnits: null,
        },
        actor,
      );
      const next = await feeds.rotateKey('old-feed', {
        who: 'admin@danang',
        why: 'key leaked',
      });
      expect(next).not.toBeNull();
      expect(await feeds.verifyKey('old-feed', other.key)).toBeNull();
      expect(await feeds.verifyKey('old-feed', next ?? '')).not.toBeNull();
      expect(await feeds.revoke('old-feed', actor)).toBe(true);
      expect(await feeds.verifyKey('old-feed', next ?? '')).toBeNull();
      // Beside the platform's built-in feeds (citizen reports 0051, connectors 0074, dossiers
      // 0075), which have no usable key; in code order.
      expect((await feeds.list()).map((f) => f.code)).toEqual([
        'dich-vu-cong',
        'dn-wards',
        'ket-noi-he-thong',
        'phan-anh-hien-truong',
      ]);
      const audit = await db.query<{
        actor: string;
        action: string;
        why: string;
        detail: string;
      }>(
        `SELECT actor, action, detail->>'why' AS why, detail::text AS detail FROM audit_log
       WHERE target_kind = 'feed' AND target_id = 'old-feed' ORDER BY id`,
      );
      expect(audit.rows.map((r) => [r.action, r.actor, r.why])).toEqual([
        ['feed.create', 'admin@danang', 'test'],
        ['feed.rotate_key', 'admin@danang', 'key leaked'],
        ['feed.revoke', 'admin@danang', 'test'],
      ]);
      expect(audit.rows.some((r) => r.detail.includes('key_hash'))).toBe(false);
    });

    it('saves a submission, supersedes on re-submission and keeps the lineage', async () => {
      const units = await new UnitDirectory(db).snapshot();
      const ctx = {
        indicators: indexIndicators(catalogue),
        units,
        feed,
        now: new Date('2026-04-20T00:00:00Z'),
      };
      const csv =
        'Mã chỉ tiêu;Mã xã;Kỳ;Tử số;Mẫu số\ndx.vneid_accounts;20194;2026-03;8.000;10.000\ndx.vneid_accounts;20197;2026-03;900;1.000\ndx.vneid_accounts;99999;2026-03;1;2\n';
      const parsed = parseReportCsv(csv);
      if (!parsed.ok) throw new Error('parse');
      const first = validateReportRows(parsed.rows, ctx);
      expect(first.rejected.map((r) => r.code)).toEqual(['unknown_unit']);
      const saved = await submissions.save({
        feed: feed.code,
        submittedBy: 'phuong-hai-van',
        submittedAt: new Date('2026-04-05T03:00:00Z'),
        filename: 'thang3.csv',
        contentType: 'text/csv',
        rowCount: parsed.rows.length,
        ...first,
      });
      expect(saved).toMatchObject({ inserted: 2, superseded: 0 });

      // A JSON correction of one ward's figure, with a note.
      const correction = parseReportJson([
        {
          indicator: 'dx.vneid_accounts',
          unitCode: '20194',
          period: '2026-03',
          numerator: 8500,
          denominator: 10000,
          note: 'sửa',
        },
      ]);
      if (!correction.ok) throw new Error('parse');
      const fix = validateReportRows(correction.rows, ctx);
      const resaved = await submissions.save({
        feed: feed.code,
        submittedBy: 'phuong-hai-van',
        submittedAt: new Date('2026-04-12T03:00:00Z'),
        rowCount: 1,
        ...fix,
      });
      expect(resaved).toMatchObject({ inserted: 1, superseded: 1 });

      const current = await reports.currentValues({
        unitCodes: ['20194', '20197'],
        period: '2026-03',
      });
      expect(current.map((c) => [c.unitCode, c.value, c.numerator, c.submissionId])).toEqual([
        ['20194', 85, 8500, resaved.submissionId],
        ['20197', 90, 900, saved.submissionId],
      ]);
      expect(current[0]?.periodStart).toBe('2026-03-01');
      expect(
        await reports.currentReportsBetween({
          unitCodes: ['20194'],
          from: '2026-01-01',
          to: '2026-12-31',
        }),
      ).toHaveLength(1);

      const history = await reports.history({
        indicator: 'dx.vneid_accounts',
        unitCode: '20194',
      });
      expect(history).toHaveLength(2);
      expect(history[0]).toMatchObject({
        current: true,
        value: 85,
        note: 'sửa',
        submittedBy: 'phuong-hai-van',
        replaced: { value: 80, numerator: 8000, submissionId: saved.submissionId },
      });
      expect(history[1]).toMatchObject({
        current: false,
        value: 80,
        filename: 'thang3.csv',
        rowNo: 1,
        supersededBy: history[0]?.id,
        replaced: null,
      });
      expect(history[1]?.supersededAt?.toISOString()).toBe('2026-04-12T03:00:00.000Z');

      const facts = await reports.facts(feed.code, '2026-01-01');
      expect(facts).toHaveLength(3);
      const live = feedLiveness({
        feed,
        units: ['20194'],
        indicators: ['dx.vneid_accounts'],
        reports: facts,
        since: new Date('2026-03-01T00:00:00+07:00'),
        now: new Date('2026-04-20T00:00:00+07:00'),
      });
      expect(live[0]).toMatchObject({ expected: 1, reported: 1, late: [], overdue: false });
    });

    it('edits targets and the catalogue with a change log; a retired seed target stays retired', async () => {
      const t = await targets.create(
        {
          indicator: 'dx.vneid_accounts',
          unitCode: '20194',
          year: 2027,
          rule: { op: '>=', value: 90 },
          source: null,
          ref: 'Nghị quyết HĐND phường',
        },
        actor,
      );
      expect(t).toMatchObject({ op: '>=', value: 90, year: 2027, seedKey: null });
      const u = await targets.update(
        t.id,
        { year: 2028, rule: { op: 'between', min: 90, max: 95 }, source: null, ref: 'sửa' },
        { who: 'lead@hai-van', why: 'kế hoạch mới' },
      );
      expect(u).toMatchObject({ op: 'between', min: 90, max: 95, year: 2028 });
      expect(await targets.retire(t.id, actor)).toMatchObject({ id: t.id });
      expect(await targets.retire(t.id, actor)).toBeNull();

      const log = await changeLog.list({ entity: 'target', entityKey: String(t.id) });
      expect(log.map((l) => l.action)).toEqual(['retire', 'update', 'create']);
      expect(log[1]).toMatchObject({
        changedBy: 'lead@hai-van',
        reason: 'kế hoạch mới',
        before: { year: 2027, op: '>=' },
        after: { year: 2028, op: 'between' },
      });

      const seeded = (
        await targets.list({ indicators: ['dx.vneid_accounts'], unitCodes: ['48'] })
      )[0];
      await targets.retire(seeded?.id ?? 0, actor);
      expect((await catalogueRepo.seed(catalogue)).targets).toBe(0);
      expect(
        (await targets.list({ indicators: ['dx.vneid_accounts'], unitCodes: ['48'] })).map(
          (x) => x.id,
        ),
      ).not.toContain(seeded?.id);

      const edited = await catalogueRepo.updateIndicator(
        'dx.vneid_accounts',
        { notes: 'Mẫu số: dân số từ 14 tuổi', leadAgencyVi: 'Công an thành phố' },
        actor,
      );
      expect(edited).toMatchObject({
        notes: 'Mẫu số: dân số từ 14 tuổi',
        leadAgencyVi: 'Công an thành phố',
        unit: 'percent',
      });
      const cleared = await catalogueRepo.updateIndicator(
        'dx.vneid_accounts',
        { notes: null },
        actor,
      );
      expect(cleared?.notes).toBeNull();
      expect(cleared?.leadAgencyVi).toBe('Công an thành phố');
      expect(await catalogueRepo.updateIndicator('dx.nope', { notes: 'x' }, actor)).toBeNull();
      expect((await changeLog.list({ entity: 'indicator' })).length).toBe(2);
    });
    it('saves a batch of submissions in time order: later versions supersede earlier ones', async () => {
      const units = await new UnitDirectory(db).snapshot();
      const ctx = {
        indicators: indexIndicators(catalogue),
        units,
        feed,
        now: new Date('2026-04-20T00:00:00Z'),
      };
      const rows = (numerator: number) =>
        validateReportRows(
          [
            {
              row: 1,
              indicator: 'dx.online_public_service_usage',
              unitCode: '20200',
              period: '2026-02',
              value: null,
              numerator,
              denominator: 200,
              note: null,
            },
          ],
          ctx,
        ).accepted;
      const at = (day: number) => new Date(`2026-03-${String(day).padStart(2, '0')}T03:00:00Z`);
      const base = { feed: feed.code, submittedBy: 'batch', rowCount: 1, rejected: [] };
      // Given out of order on purpose: the 7th supersedes the 5th, the 9th supersedes the 7th.
      const results = await submissions.saveMany([
        { ...base, submittedAt: at(9), accepted: rows(150) },
        { ...base, submittedAt: at(5), accepted: rows(100) },
        { ...base, submittedAt: at(7), accepted: rows(120) },
      ]);
      expect(results.map((r) => r.superseded)).toEqual([1, 0, 1]);
      const history = await reports.history({
        indicator: 'dx.online_public_service_usage',
        unitCode: '20200',
      });
      expect(history.map((h) => [h.numerator, h.current])).toEqual([
        [150, true],
        [120, false],
        [100, false],
      ]);
      expect(history[0]?.replaced).toMatchObject({
        numerator: 120,
        submissionId: results[2]?.submissionId,
      });
      expect(history[2]?.supersededAt?.toISOString()).toBe(at(7).toISOString());
      // A single later save supersedes the batch's current row.
      const single = await submissions.save({
        ...base,
        submittedAt: at(10),
        accepted: rows(160),
      });
      expect(single.superseded).toBe(1);
      const current = await reports.currentValues({ unitCodes: ['20200'], period: '2026-02' });
      expect(current.map((c) => c.numerator)).toEqual([160]);
    });

    it('adds an indicator with a change-log entry and refuses a duplicate code', async () => {
      const indicator = {
        code: 'dx.ward_test_indicator',
        nameVi: 'Chỉ tiêu thử',
        nameEn: 'Test indicator',
        domain: 'digital_transformation',
        unit: 'percent' as const,
        direction: 'higher_is_better' as const,
        rollup: 'ratio' as const,
        numeratorVi: 'Tử',
        denominatorVi: 'Mẫu',
        measuredAt: ['province' as const, 'commune' as const],
        leadAgencyVi: 'Sở KH&CN',
        notes: null,
      };
      expect(await catalogueRepo.createIndicator(indicator, actor)).toEqual(indicator);
      expect(await catalogueRepo.createIndicator(indicator, actor)).toBeNull();
      const log = await changeLog.list({ entity: 'indicator', entityKey: indicator.code });
      expect(log.map((l) => [l.action, l.changedBy, l.reason])).toEqual([
        ['create', 'admin@danang', 'test'],
      ]);
      const t = await targets.create(
        {
          indicator: indicator.code,
          unitCode: '48',
          year: 2030,
          rule: { op: '>=', value: 50 },
          source: null,
          ref: null,
        },
        actor,
      );
      expect(await targets.get(t.id)).toMatchObject({ id: t.id, op: '>=', value: 50 });
      expect(await targets.get(99_999_999)).toBeNull();
    });
  });
}
