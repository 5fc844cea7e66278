import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorChanged } from '@ioc/contracts';
import { FeedRepository } from '../repo/feed.repository';
import { createTestDb, failure, fixtureIndicatorUnits, type TestDb } from '../testing/pglite';
import {
  ReportIntakeService,
  type ReportDeadLetter,
  type ReportUpload,
} from './report-intake.service';

const NOW = new Date('2026-04-20T03:00:00Z');
const VNEID = 'dx.vneid_accounts';

describe('ReportIntakeService on PostgreSQL (PGlite)', { timeout: 120_000 }, () => {
  let db: TestDb;
  let service: ReportIntakeService;
  let key: string;
  const units = fixtureIndicatorUnits();
  const deadLetters: ReportDeadLetter[] = [];
  const saved: IndicatorChanged[][] = [];
  const registry = new Registry();

  const upload = (csv: string, over: Partial<ReportUpload> = {}): ReportUpload => ({
    feedCode: 'dn-wards',
    key,
    body: Buffer.from(csv, 'utf8'),
    contentType: 'text/csv',
    filename: 'thang3.csv',
    submittedBy: null,
    language: 'vi',
    ...over,
  });
  const rowsCounted = async (outcome: string, reason: string): Promise<number> => {
    const metric = await registry.getSingleMetric('ioc_indicator_report_rows_total')?.get();
    return (
      metric?.values.find((v) => v.labels.outcome === outcome && v.labels.reason === reason)
        ?.value ?? 0
    );
  };

  beforeAll(async () => {
    db = await createTestDb({ catalogue: true });
    ({ key } = await new FeedRepository(db).create(
      {
        code: 'dn-wards',
        name: 'Phường Đà Nẵng',
        cadence: 'monthly',
        allowedIndicators: [VNEID],
        allowedUnits: ['20194', '20197'],
      },
      { who: 'admin', why: 'test' },
    ));
    service = new ReportIntakeService(
      db,
      units,
      {
        insertMany: (items) => {
          deadLetters.push(...items);
          return Promise.resolve();
        },
      },
      { clock: () => NOW, registry, onReportSaved: (changes) => saved.push(changes) },
    );
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('refuses a missing key without a trace, a wrong one with a dead letter', async () => {
    const missing = await failure(service.submitReport(upload('x', { key: undefined })));
    expect([missing.kind, missing.code]).toEqual(['unauthorized', 'FEED_KEY_MISSING']);
    expect(deadLetters).toEqual([]);

    const wrong = await failure(service.submitReport(upload('x', { key: `${key}x` })));
    expect([wrong.kind, wrong.code]).toEqual(['unauthorized', 'FEED_KEY_INVALID']);
    expect(deadLetters.splice(0)).toEqual([
      {
        reason: 'feed_key_invalid',
        detail: 'unknown feed, revoked feed or wrong key',
        source: 'http:/api/v1/feeds/dn-wards/reports',
        receivedAt: NOW,
      },
    ]);
    const badCode = await failure(service.submitReport(upload('x', { feedCode: '../etc' })));
    expect(badCode.code).toBe('FEED_KEY_INVALID');
    expect(deadLetters.splice(0)[0]?.source).toBe('http:/api/v1/feeds/?/reports');
    expect(await rowsCounted('refused', 'feed_key_invalid')).toBe(2);
  });

  it('refuses a file it cannot read whole, in the language asked for, and keeps it', async () => {
    const err = await failure(service.submitReport(upload('', { language: 'en' })));
    expect([err.kind, err.code]).toEqual(['invalid', 'REPORT_EMPTY_FILE']);
    expect(err.message).toBe('The file has no data rows');
    expect(err.details).toMatchObject({ messageEn: 'The file has no data rows' });
    expect(deadLetters.splice(0)).toMatchObject([
      { reason: 'empty_file', source: expect.any(String) },
    ]);
    expect(saved).toEqual([]);
  });

  it('stores good rows, answers each bad one with its reason and dead-letters its line', async () => {
    const csv =
      'Mã chỉ tiêu;Mã xã;Kỳ;Tử số;Mẫu số\n' +
      `${VNEID};20194;2026-03;8.000;10.000\n` +
      `${VNEID};20197;2026-03;900;1.000\n` +
      `${VNEID};20200;2026-03;1;2\n`;
    const receipt = await service.submitReport(upload(csv, { submittedBy: 'Nguyễn Văn A' }));
    expect(receipt).toMatchObject({
      feed: 'dn-wards',
      rowCount: 3,
      accepted: 2,
      superseded: 0,
      asOf: NOW.toISOString(),
    });
    expect(receipt.rejected).toEqual([
      expect.objectContaining({ row: 3, line: 4, code: 'unit_not_allowed', unitCode: '20200' }),
    ]);
    expect(receipt.rejected[0]?.message).toBe(receipt.rejected[0]?.messageVi);
    expect(deadLetters.splice(0)).toEqual([
      expect.objectContaining({
        reason: 'unit_not_allowed',
        payload: `${VNEID};20200;2026-03;1;2`,
        detail: expect.stringContaining(`submission ${receipt.submissionId}, row 3 (line 4)`),
      }),
    ]);
    const stored = await db.query<{ submitted_by: string }>(
      'SELECT submitted_by FROM indicator_submission WHERE id = $1',
      [receipt.submissionId],
    );
    expect(stored.rows[0]?.submitted_by).toBe('Nguyễn Văn A (feed:dn-wards)');
    expect(saved.splice(0)).toEqual([
      [
        { unitCode: '20194', indicatorCode: VNEID, period: '2026-03', feedCode: 'dn-wards' },
        { unitCode: '20197', indicatorCode: VNEID, period: '2026-03', feedCode: 'dn-wards' },
      ],
    ]);
    expect(await rowsCounted('accepted', '')).toBe(2);
    expect(await rowsCounted('rejected', 'unit_not_allowed')).toBe(1);
  });

  it('supersedes a re-submitted period and tells once per unit, indicator and period', async () => {
    const receipt = await service.submitReport(
      upload(
        JSON.stringify([
          {
            indicator: VNEID,
            unitCode: '20194',
            period: '2026-03',
            numerator: 85,
            denominator: 100,
          },
        ]),
        { contentType: 'application/json', filename: null, language: 'en' },
      ),
    );
    expect(receipt).toMatchObject({ accepted: 1, superseded: 1, rejected: [] });
    expect(saved.splice(0)).toEqual([
      [{ unitCode: '20194', indicatorCode: VNEID, period: '2026-03', feedCode: 'dn-wards' }],
    ]);
  });

  it('tells nothing when no row was stored', async () => {
    const receipt = await service.submitReport(
      upload(`Mã chỉ tiêu;Mã xã;Kỳ;Tử số;Mẫu số\ndx.nope;20194;2026-03;1;2\n`, {
        language: 'en',
      }),
    );
    expect(receipt.accepted).toBe(0);
    expect(receipt.rejected[0]?.message).toBe(receipt.rejected[0]?.messageEn);
    expect(saved).toEqual([]);
    deadLetters.splice(0);
  });

  it('records computed rows for a built-in feed without a key, as a report would be', async () => {
    const feeds = new FeedRepository(db);
    await feeds.create(
      {
        code: 'platform-built-in',
        name: 'Tính trên nền tảng',
        cadence: 'monthly',
        allowedIndicators: [VNEID],
        allowedUnits: ['20194'],
      },
      { who: 'admin', why: 'test' },
    );
    // A built-in feed's key hash is no SHA-256: no key can ever match it.
    await db.query(`UPDATE feed SET key_hash = '-' WHERE code = 'platform-built-in'`);
    expect(await feeds.verifyKey('platform-built-in', '-')).toBeNull();

    const row = { indicatorCode: VNEID, unitCode: '20194', period: '2026-04', numerator: 3 };
    const receipt = await service.recordComputed(
      'platform-built-in',
      [
        { ...row, denominator: 4 },
        { ...row, unitCode: '20197', denominator: 5 },
      ],
      'platform:citizen',
    );
    expect(receipt).toMatchObject({ feed: 'platform-built-in', rowCount: 2, accepted: 1 });
    expect(receipt.rejected.map((r) => [r.code, r.unitCode])).toEqual([
      ['unit_not_allowed', '20197'],
    ]);
    expect(deadLetters.splice(0)).toEqual([
      expect.objectContaining({ reason: 'unit_not_allowed', source: 'platform:platform-built-in' }),
    ]);
    const stored = await db.query<{ value: number; submitted_by: string }>(
      `SELECT r.value, s.submitted_by FROM indicator_report r
         JOIN indicator_submission s ON s.id = r.submission_id
        WHERE r.submission_id = $1`,
      [receipt.submissionId],
    );
    expect(stored.rows.map((r) => [r.value, r.submitted_by])).toEqual([
      [75, 'platform:citizen (feed:platform-built-in)'],
    ]);
    expect(saved.splice(0)).toEqual([
      [
        {
          unitCode: '20194',
          indicatorCode: VNEID,
          period: '2026-04',
          feedCode: 'platform-built-in',
        },
      ],
    ]);

    const again = await service.recordComputed(
      'platform-built-in',
      [{ ...row, numerator: 4, denominator: 4 }],
      'platform:citizen',
    );
    expect(again).toMatchObject({ accepted: 1, superseded: 1 });
    saved.splice(0);

    const unknown = await failure(service.recordComputed('khong-co', [], 'platform:citizen'));
    expect([unknown.kind, unknown.code]).toEqual(['not_found', 'FEED_NOT_FOUND']);
  });
});
