/**
 * Smoke test of the repositories on PGlite (embedded PostgreSQL, no extensions) with the real
 * migrations 0001 + 0010. Server PostgreSQL is covered by the integration suite.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Queryable } from '@ioc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexIndicators, loadCatalogue } from '../catalogue/load';
import { feedLiveness } from '../liveness/liveness';
import { parseReportCsv } from '../report/parse';
import { validateReportRows } from '../report/validate';
import { fixtureUnits } from '../testing/fixtures';
import { listIndicators, seedCatalogue, updateIndicator } from './catalogue.repository';
import {
  createFeed,
  listFeeds,
  revokeFeed,
  rotateFeedKey,
  verifyFeedKey,
  type Feed,
} from './feed.repository';
import {
  currentReportsBetween,
  currentValues,
  reportFacts,
  reportHistory,
  saveSubmission,
} from './report.repository';
import {
  createTarget,
  listChangeLog,
  listTargets,
  retireTarget,
  updateTarget,
} from './target.repository';
import { loadUnitDirectory } from './unit.repository';

const MIGRATIONS = resolve(import.meta.dirname, '../../../db/migrations');
const pg = new PGlite();
const db: Queryable = {
  async query(text, values) {
    const r = await pg.query(text, values);
    return { rows: r.rows as never[], rowCount: r.affectedRows ?? r.rows.length };
  },
};
const catalogue = loadCatalogue();
const actor = { who: 'admin@danang', why: 'test' };

beforeAll(async () => {
  await pg.exec(readFileSync(resolve(MIGRATIONS, '0001_core.sql'), 'utf8'));
  await pg.exec(readFileSync(resolve(MIGRATIONS, '0010_indicators.sql'), 'utf8'));
  await db.query(
    `INSERT INTO admin_unit (code, name, short_name, level, parent_code, name_folded)
     SELECT code, name, name, level, parent_code, name FROM jsonb_to_recordset($1::jsonb)
       AS u(code text, name text, level text, parent_code text)`,
    [
      JSON.stringify(
        fixtureUnits().map((u) => ({
          code: u.code,
          name: u.name,
          level: u.level,
          parent_code: u.parentCode,
        })),
      ),
    ],
  );
}, 60_000);

afterAll(async () => {
  await pg.close();
});

describe('indicator repositories on PGlite', () => {
  let feed: Feed;
  let key: string;

  it('seeds the catalogue once; a second seed inserts nothing', async () => {
    expect(await seedCatalogue(db, catalogue)).toEqual({
      sources: 4,
      indicators: 153,
      targets: 408,
    });
    expect(await seedCatalogue(db, catalogue)).toEqual({ sources: 0, indicators: 0, targets: 0 });
    const stored = await listIndicators(db);
    expect(stored).toHaveLength(153);
    expect(stored.find((i) => i.code === 'dx.vneid_accounts')?.measuredAt).toEqual([
      'province',
      'commune',
    ]);
    expect(
      await listTargets(db, { indicators: ['infra.5g_coverage'], unitCodes: ['48'] }),
    ).toHaveLength(5);
  });

  it('creates feeds whose key is shown once and verified by hash', async () => {
    const created = await createFeed(db, {
      code: 'dn-wards',
      name: 'Xã, phường Đà Nẵng',
      cadence: 'monthly',
      allowedIndicators: ['dx.vneid_accounts', 'dx.online_public_service_usage'],
      allowedUnits: null,
    });
    feed = created.feed;
    key = created.key;
    expect(feed).toMatchObject({
      code: 'dn-wards',
      dueDay: 10,
      allowedUnits: null,
      revokedAt: null,
    });
    expect(await verifyFeedKey(db, 'dn-wards', key)).toMatchObject({ code: 'dn-wards' });
    expect(await verifyFeedKey(db, 'dn-wards', `${key}x`)).toBeNull();
    const { rows } = await db.query<{ key_hash: string }>('SELECT key_hash FROM feed');
    expect(rows[0]?.key_hash).not.toContain(key);
  });

  it('rotates and revokes keys', async () => {
    const other = await createFeed(db, {
      code: 'old-feed',
      name: 'x',
      cadence: 'yearly',
      allowedIndicators: null,
      allowedUnits: null,
    });
    const next = await rotateFeedKey(db, 'old-feed');
    expect(next).not.toBeNull();
    expect(await verifyFeedKey(db, 'old-feed', other.key)).toBeNull();
    expect(await verifyFeedKey(db, 'old-feed', next ?? '')).not.toBeNull();
    expect(await revokeFeed(db, 'old-feed')).toBe(true);
    expect(await verifyFeedKey(db, 'old-feed', next ?? '')).toBeNull();
    expect((await listFeeds(db)).map((f) => f.code)).toEqual(['dn-wards']);
  });

  it('saves a submission, supersedes on re-submission and keeps the lineage', async () => {
    const units = await loadUnitDirectory(db);
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
    const saved = await saveSubmission(db, {
      feed: feed.code,
      submittedBy: 'phuong-hai-van',
      submittedAt: new Date('2026-04-05T03:00:00Z'),
      filename: 'thang3.csv',
      contentType: 'text/csv',
      rowCount: parsed.rows.length,
      ...first,
    });
    expect(saved).toMatchObject({ inserted: 2, superseded: 0 });

    const fix = validateReportRows(
      parseReportCsv(
        'Mã chỉ tiêu;Mã xã;Kỳ;Tử số;Mẫu số\ndx.vneid_accounts;20194;2026-03;8.500;10.000\n',
      ).ok
        ? [
            {
              row: 1,
              indicator: 'dx.vneid_accounts',
              unitCode: '20194',
              period: '2026-03',
              value: null,
              numerator: 8500,
              denominator: 10000,
              note: 'sửa',
            },
          ]
        : [],
      ctx,
    );
    const resaved = await saveSubmission(db, {
      feed: feed.code,
      submittedBy: 'phuong-hai-van',
      submittedAt: new Date('2026-04-12T03:00:00Z'),
      rowCount: 1,
      ...fix,
    });
    expect(resaved).toMatchObject({ inserted: 1, superseded: 1 });

    const current = await currentValues(db, { unitCodes: ['20194', '20197'], period: '2026-03' });
    expect(current.map((c) => [c.unitCode, c.value, c.numerator, c.submissionId])).toEqual([
      ['20194', 85, 8500, resaved.submissionId],
      ['20197', 90, 900, saved.submissionId],
    ]);
    expect(current[0]?.periodStart).toBe('2026-03-01');
    expect(
      await currentReportsBetween(db, {
        unitCodes: ['20194'],
        from: '2026-01-01',
        to: '2026-12-31',
      }),
    ).toHaveLength(1);

    const history = await reportHistory(db, { indicator: 'dx.vneid_accounts', unitCode: '20194' });
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

    const facts = await reportFacts(db, feed.code, '2026-01-01');
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
    const t = await createTarget(
      db,
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
    const u = await updateTarget(
      db,
      t.id,
      { year: 2028, rule: { op: 'between', min: 90, max: 95 }, source: null, ref: 'sửa' },
      { who: 'lead@hai-van', why: 'kế hoạch mới' },
    );
    expect(u).toMatchObject({ op: 'between', min: 90, max: 95, year: 2028 });
    expect(await retireTarget(db, t.id, actor)).toMatchObject({ id: t.id });
    expect(await retireTarget(db, t.id, actor)).toBeNull();

    const log = await listChangeLog(db, { entity: 'target', entityKey: String(t.id) });
    expect(log.map((l) => l.action)).toEqual(['retire', 'update', 'create']);
    expect(log[1]).toMatchObject({
      changedBy: 'lead@hai-van',
      reason: 'kế hoạch mới',
      before: { year: 2027, op: '>=' },
      after: { year: 2028, op: 'between' },
    });

    const seeded = (
      await listTargets(db, { indicators: ['dx.vneid_accounts'], unitCodes: ['48'] })
    )[0];
    await retireTarget(db, seeded?.id ?? 0, actor);
    expect((await seedCatalogue(db, catalogue)).targets).toBe(0);
    expect(
      (await listTargets(db, { indicators: ['dx.vneid_accounts'], unitCodes: ['48'] })).map(
        (x) => x.id,
      ),
    ).not.toContain(seeded?.id);

    const edited = await updateIndicator(
      db,
      'dx.vneid_accounts',
      { notes: 'Mẫu số: dân số từ 14 tuổi', leadAgencyVi: 'Công an thành phố' },
      actor,
    );
    expect(edited).toMatchObject({
      notes: 'Mẫu số: dân số từ 14 tuổi',
      leadAgencyVi: 'Công an thành phố',
      unit: 'percent',
    });
    const cleared = await updateIndicator(db, 'dx.vneid_accounts', { notes: null }, actor);
    expect(cleared?.notes).toBeNull();
    expect(cleared?.leadAgencyVi).toBe('Công an thành phố');
    expect(await updateIndicator(db, 'dx.nope', { notes: 'x' }, actor)).toBeNull();
    expect((await listChangeLog(db, { entity: 'indicator' })).length).toBe(2);
  });
});
