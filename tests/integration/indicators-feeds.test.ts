/**
 * Issue 5 acceptance over HTTP, on real PostgreSQL and on embedded PGlite: a department's
 * Excel CSV for the 94 Đà Nẵng wards, the same file with 5 bad rows, Σ-numerator / Σ-denominator
 * province values, status against the plans' targets, re-submission with lineage, feed scope and
 * keys, and the demo reports loaded at first start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendFactories, type Backend } from '../support/backends';
import { postgresAvailable } from '../support/databases';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasPostgres = await postgresAvailable();

/** The three indicators of the department's monthly file; 2025 targets for Đà Nẵng (48). */
const DOSSIERS = 'dx.dossiers_processed_online'; // ≥ 90 (KH 122, 2025)
const FULL_PROCESS = 'dx.full_process_online_services'; // = 100 → read as ≥ 100
const MASTERY = 'hr.officials_digital_mastery'; // = 80 → read as ≥ 80
const INDICATORS = [DOSSIERS, FULL_PROCESS, MASTERY] as const;
const PERIOD = '2025-03';

interface Ward {
  code: string;
  name: string;
}

interface Figure {
  indicator: string;
  unit: string;
  numerator: number;
  denominator: number;
}

/**
 * Deterministic ward figures with deliberately unequal denominators: big wards (denominator
 * ≥ 2,900 dossiers or officials) do better than small ones, so the mean of the wards'
 * percentages is far from Σ numerators / Σ denominators.
 */
function figures(wards: readonly Ward[]): Figure[] {
  const high = { [DOSSIERS]: 97, [FULL_PROCESS]: 96, [MASTERY]: 40 };
  const low = { [DOSSIERS]: 85, [FULL_PROCESS]: 90, [MASTERY]: 70 };
  return wards.flatMap((w, i) =>
    INDICATORS.map((indicator, k) => {
      const denominator = (40 + ((i * 97 + k * 31) % 500)) * 10;
      const pct = denominator >= 2_900 ? high[indicator] : low[indicator];
      return {
        indicator,
        unit: w.code,
        numerator: Math.round((denominator * pct) / 100),
        denominator,
      };
    }),
  );
}

/** Vietnamese Excel number: "." groups thousands, "," is the decimal mark. */
function viNumber(n: number, decimals = 0): string {
  const [int = '0', frac] = n.toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac === undefined ? grouped : `${grouped},${frac}`;
}

/** What "Save as CSV UTF-8" in Vietnamese Excel writes: BOM, ";" separators, CRLF, a title row. */
function excelCsv(
  wards: readonly Ward[],
  rows: readonly Figure[],
  edit: (cells: string[], index: number) => string[] = (c) => c,
): Buffer {
  const names = new Map(wards.map((w) => [w.code, w.name]));
  const lines = [
    'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ THÁNG 3/2025;;;;;;;;',
    'STT;Mã chỉ tiêu;Tên đơn vị;Mã phường/xã;Kỳ báo cáo;Tử số;Mẫu số;Giá trị (%);Ghi chú',
    ...rows.map((r, i) =>
      edit(
        [
          String(i + 1),
          r.indicator,
          names.get(r.unit) ?? '',
          r.unit,
          '03/2025',
          viNumber(r.numerator),
          viNumber(r.denominator),
          viNumber((r.numerator / r.denominator) * 100, 1),
          i === 0 ? 'Số liệu từ Hệ thống thông tin giải quyết TTHC' : '',
        ],
        i,
      ).join(';'),
    ),
    ';;;;;;;;',
  ];
  return Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(lines.join('\r\n') + '\r\n', 'utf8'),
  ]);
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

interface Receipt {
  submissionId: number;
  accepted: number;
  superseded: number;
  rejected: { row: number; line?: number; code: string; message: string; unitCode: string }[];
  asOf: string;
  error?: { code: string };
}

interface Evaluation {
  status: string;
  basis: string;
  expected: { op: string; value?: number };
  source: string | null;
  from: { kind: string } | null;
  target: { inheritedFrom: string | null };
}

interface ScorecardItem {
  indicator: string;
  status: string;
  value: {
    period: string;
    value: number;
    used: string;
    own: number | null;
    rolledUp: { value: number | null; coverage: { reporting: number; expected: number } } | null;
  } | null;
  coverage: { reporting: number; expected: number } | null;
  evaluations: Evaluation[];
  targets: { year: number; source: string | null }[];
  latestReport: { feed: string; submittedAt: string } | null;
  trend: { points: unknown[] };
}

const modes = backendFactories().filter((f) => f.mode !== 'timescaledb');

for (const factory of modes) {
  describe.skipIf(factory.mode === 'postgres' && !hasPostgres)(
    `indicator feeds over HTTP — ${factory.mode}`,
    () => {
      let platform: TestPlatform;
      let backend: Backend | undefined;
      let wards: Ward[] = [];
      let data: Figure[] = [];
      let key = '';
      /** Session of the administrator whose changes the change log names. */
      let danang = '';
      const feedCode = `so-tttt-${factory.mode}`;

      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the JSON shape it expects
      async function api<T>(
        path: string,
        init: RequestInit = {},
      ): Promise<{ status: number; body: T }> {
        const res = await platform.api(path, init, danang);
        return { status: res.status, body: (await res.json()) as T };
      }

      /** A feed's machine call: only the key it carries, no session. */
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the JSON shape it expects
      async function feedCall<T>(
        path: string,
        init: RequestInit,
      ): Promise<{ status: number; body: T }> {
        const res = await fetch(`${platform.httpUrl}${path}`, init);
        return { status: res.status, body: (await res.json()) as T };
      }

      function admin(body: unknown, method = 'POST'): RequestInit {
        return {
          method,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        };
      }

      function post(
        code: string,
        feedKey: string,
        body: Buffer | string,
        type = 'text/csv; charset=utf-8',
        extra: Record<string, string> = {},
      ) {
        return feedCall<Receipt>(`/api/v1/feeds/${code}/reports`, {
          method: 'POST',
          headers: { 'content-type': type, authorization: `Bearer ${feedKey}`, ...extra },
          body: typeof body === 'string' ? body : new Uint8Array(body),
        });
      }

      async function scorecard(unit: string, year: number): Promise<Map<string, ScorecardItem>> {
        const { status, body } = await api<{ items: ScorecardItem[] }>(
          `/api/v1/scorecard?unit=${unit}&year=${year}`,
        );
        expect(status).toBe(200);
        return new Map(body.items.map((i) => [i.indicator, i]));
      }

      async function createFeed(body: Record<string, unknown>): Promise<string> {
        const created = await api<{ key: string }>('/api/v1/feeds', admin(body));
        expect(created.status).toBe(201);
        return created.body.key;
      }

      beforeAll(async () => {
        backend = factory.mode === 'postgres' ? await factory.create() : undefined;
        platform = await startTestPlatform(backend ? { DATABASE_URL: backend.url } : {});
        danang = await platform.loginAs('admin', [], 'admin.danang');
        const units = await api<{ items: { code: string; name: string }[] }>(
          '/api/v1/units?parent=48',
        );
        wards = units.body.items.map((u) => ({ code: u.code, name: u.name }));
        data = figures(wards);
        key = await createFeed({
          code: feedCode,
          name: 'Sở Khoa học và Công nghệ — báo cáo chỉ tiêu của xã, phường',
          cadence: 'monthly',
          dueDay: 10,
          allowedIndicators: [...INDICATORS],
          allowedUnits: wards.map((w) => w.code),
          why: 'kế hoạch 63/KH-UBND',
        });
      });

      afterAll(async () => {
        await platform.dispose();
        await backend?.dispose();
      });

      it('accepts an Excel CSV (BOM, ";", decimal commas, Vietnamese headers) for 94 wards × 3 indicators', async () => {
        expect(wards).toHaveLength(94);
        const res = await post(feedCode, key, excelCsv(wards, data), 'text/csv; charset=utf-8', {
          'x-filename': 'bao-cao-thang-3-2025.csv',
        });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ accepted: 282, superseded: 0, rejected: [] });
        expect(Date.parse(res.body.asOf)).toBeGreaterThan(0);
      });

      it('accepts the rest of the same file with 5 bad rows and names the 5 with reasons (and dead-letters them)', async () => {
        // Data row n is on line n + 2 (title row, header row).
        const bad = new Map<number, (c: string[]) => string[]>([
          [10, (c) => c.map((v, j) => (j === 1 ? 'dx.khong_co_chi_tieu' : v))],
          [50, (c) => c.map((v, j) => (j === 3 ? '99999' : v))],
          [
            100,
            (c) =>
              c.map((v, j) =>
                j === 5 ? viNumber(Number((c[6] ?? '0').replace(/\./g, '')) + 7) : v,
              ),
          ],
          [150, (c) => c.map((v, j) => (j === 5 || j === 6 ? '' : v))],
          [200, (c) => c.map((v, j) => (j === 4 ? '13/2025' : v))],
        ]);
        const file = excelCsv(wards, data, (cells, i) => bad.get(i + 1)?.(cells) ?? cells);
        const res = await post(feedCode, key, file);
        expect(res.status).toBe(200);
        expect(res.body.accepted).toBe(277);
        expect(res.body.superseded).toBe(277);
        expect(res.body.rejected.map((r) => [r.row, r.line, r.code])).toEqual([
          [10, 12, 'unknown_indicator'],
          [50, 52, 'unknown_unit'],
          [100, 102, 'numerator_over_denominator'],
          [150, 152, 'missing_denominator'],
          [200, 202, 'period_malformed'],
        ]);
        for (const r of res.body.rejected) expect(r.message.length).toBeGreaterThan(10);
        expect(res.body.rejected[1]?.message).toContain('99999');

        const { rows } = await platform.ctx.pool.query<{
          reason: string;
          payload: string;
          detail: string;
        }>(`SELECT reason, payload, detail FROM dead_letter WHERE source = $1 ORDER BY id`, [
          `http:/api/v1/feeds/${feedCode}/reports`,
        ]);
        expect(rows.map((r) => r.reason)).toEqual([
          'unknown_indicator',
          'unknown_unit',
          'numerator_over_denominator',
          'missing_denominator',
          'period_malformed',
        ]);
        expect(rows[1]?.payload).toMatch(/^50;.*;99999;03\/2025;/);
        expect(rows[4]?.payload).toContain('13/2025');
        expect(rows[0]?.detail).toContain(`submission ${res.body.submissionId}, row 10 (line 12)`);
      });

      it('gives the province Σ numerators / Σ denominators of its wards, not the mean of their percentages', async () => {
        const rows = data.filter((f) => f.indicator === MASTERY);
        const denominators = new Set(rows.map((r) => r.denominator));
        expect(denominators.size).toBeGreaterThan(50);
        const hand =
          (sum(rows.map((r) => r.numerator)) / sum(rows.map((r) => r.denominator))) * 100;
        const mean = sum(rows.map((r) => (r.numerator / r.denominator) * 100)) / rows.length;
        expect(Math.abs(hand - mean)).toBeGreaterThan(3);

        const map = await api<{
          province: {
            value: number;
            used: string;
            numerator: number;
            denominator: number;
            rolledUp: { coverage: { reporting: number; expected: number } };
          };
          cells: { unitCode: string; value: number; status: string }[];
        }>(`/api/v1/indicators/${MASTERY}/choropleth?province=48&period=${PERIOD}`);
        expect(map.status).toBe(200);
        expect(map.body.province.used).toBe('rolled_up');
        expect(map.body.province.value).toBeCloseTo(hand, 9);
        expect(map.body.province.numerator).toBe(sum(rows.map((r) => r.numerator)));
        expect(map.body.province.denominator).toBe(sum(rows.map((r) => r.denominator)));
        expect(map.body.province.rolledUp.coverage).toMatchObject({ reporting: 94, expected: 94 });
        expect(map.body.cells).toHaveLength(94);
        const first = rows[0];
        expect(map.body.cells.find((c) => c.unitCode === first?.unit)?.value).toBeCloseTo(
          ((first?.numerator ?? 0) / (first?.denominator ?? 1)) * 100,
          9,
        );
      });

      it('computes status via the scorecard API as by hand, including no data, own value and interpolation', async () => {
        const own = await createFeed({
          code: `so-noi-vu-${factory.mode}`,
          name: 'Sở Nội vụ',
          allowedIndicators: ['dx.dossier_digitisation'],
          allowedUnits: ['48'],
          why: 'báo cáo cấp tỉnh',
        });
        const json = JSON.stringify({
          rows: [
            {
              indicator: 'dx.dossier_digitisation',
              unit: '48',
              period: '2025-12',
              numerator: 650,
              denominator: 1000,
            },
            {
              indicator: 'dx.dossier_digitisation',
              unit: '48',
              period: '2026-02',
              numerator: 770,
              denominator: 1000,
            },
          ],
        });
        expect(
          (await post(`so-noi-vu-${factory.mode}`, own, json, 'application/json')).body.accepted,
        ).toBe(2);

        const ratio = (indicator: string) => {
          const rows = data.filter((f) => f.indicator === indicator);
          return (sum(rows.map((r) => r.numerator)) / sum(rows.map((r) => r.denominator))) * 100;
        };
        const province2025 = await scorecard('48', 2025);
        const cases: [string, number | null, string][] = [
          // ≥ 90 in 2025: Σ/Σ lies between 90 and 97 (every ward is at 85 or 97 %).
          [DOSSIERS, ratio(DOSSIERS), 'on_track'],
          // "= 100" reads as ≥ 100; Σ/Σ between 90 and 96 is within 10 % → at risk.
          [FULL_PROCESS, ratio(FULL_PROCESS), 'at_risk'],
          // "= 80": Σ/Σ between 40 and 70 is below 72 (80 − 10 %) → off track.
          [MASTERY, ratio(MASTERY), 'off_track'],
          // ≥ 80 in 2025 and nobody reported 5G coverage → no data.
          ['infra.5g_coverage', null, 'no_data'],
          // The province's own report, 650 / 1,000 = 65 % against ≥ 70: within 63–70 → at risk.
          ['dx.dossier_digitisation', 65, 'at_risk'],
        ];
        expect(ratio(DOSSIERS)).toBeGreaterThanOrEqual(90);
        expect(ratio(FULL_PROCESS)).toBeGreaterThanOrEqual(90);
        expect(ratio(FULL_PROCESS)).toBeLessThan(100);
        expect(ratio(MASTERY)).toBeLessThan(72);
        for (const [indicator, value, status] of cases) {
          const item = province2025.get(indicator);
          expect(item?.status, indicator).toBe(status);
          if (value === null) expect(item?.value).toBeNull();
          else expect(item?.value?.value, indicator).toBeCloseTo(value, 9);
        }
        expect(province2025.get(DOSSIERS)?.value).toMatchObject({
          used: 'rolled_up',
          period: PERIOD,
          own: null,
        });
        expect(province2025.get(DOSSIERS)?.coverage).toMatchObject({ reporting: 94, expected: 94 });
        expect(province2025.get(DOSSIERS)?.latestReport?.feed).toBe(feedCode);
        expect(province2025.get(DOSSIERS)?.targets.map((t) => [t.year, t.source])).toEqual([
          [2025, 'DN-KH122-2025'],
        ]);
        const digitisation = province2025.get('dx.dossier_digitisation');
        expect(digitisation?.value).toMatchObject({ used: 'own', own: 65, period: '2025-12' });
        expect(digitisation?.value?.rolledUp?.coverage).toMatchObject({
          reporting: 0,
          expected: 94,
        });

        // 2026 lies between the 2025 (≥ 70) and 2030 (= 100) milestones: 70 + 30 × 1/5 = 76; 77 → on track.
        const d2026 = (await scorecard('48', 2026)).get('dx.dossier_digitisation');
        expect(d2026?.status).toBe('on_track');
        expect(d2026?.evaluations[0]?.basis).toBe('interpolated');
        expect(d2026?.evaluations[0]?.expected.value).toBeCloseTo(76, 9);

        // A ward without a plan of its own is held to the city's: ward 0 reported 85 % against ≥ 90 → at risk.
        const ward = wards[0]?.code ?? '';
        const w = (await scorecard(ward, 2025)).get(DOSSIERS);
        expect(w?.value?.value).toBeCloseTo(85, 0);
        expect(w?.status).toBe('at_risk');
        expect(w?.evaluations[0]?.target.inheritedFrom).toBe('48');

        // An Hải (20275) has its own plan (100 % by 2035): 2025 is judged from its first report
        // (the baseline), so its own 2025 value meets the 2025 expectation → on track.
        const anHai = (await scorecard('20275', 2025)).get(DOSSIERS);
        expect(anHai?.status).toBe('on_track');
        expect(anHai?.evaluations[0]).toMatchObject({
          basis: 'interpolated',
          from: { kind: 'baseline' },
        });
        expect(anHai?.evaluations[0]?.target.inheritedFrom).toBeNull();
      });

      it('replaces a re-submitted value and keeps the replaced one in the history with its lineage', async () => {
        const ward = wards[0]?.code ?? '';
        const before = data.find((f) => f.indicator === DOSSIERS && f.unit === ward);
        const res = await post(
          feedCode,
          key,
          JSON.stringify([
            {
              indicator: DOSSIERS,
              unitCode: ward,
              period: PERIOD,
              numerator: 390,
              denominator: 400,
              note: 'sửa số liệu',
            },
          ]),
          'application/json',
          { 'x-filename': 'sua-loi.json', 'x-submitted-by': encodeURIComponent('Nguyễn Văn An') },
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ accepted: 1, superseded: 1 });

        const history = await api<{
          periods: {
            period: string;
            value: number;
            current: {
              value: number;
              filename: string;
              submittedBy: string;
              rowNo: number;
              replaced: { value: number; numerator: number } | null;
            };
            versions: {
              value: number;
              current: boolean;
              filename: string | null;
              rowNo: number;
              feed: string;
              supersededBy: number | null;
            }[];
          }[];
        }>(`/api/v1/indicators/${DOSSIERS}/history?unit=${ward}`);
        expect(history.status).toBe(200);
        const march = history.body.periods.find((p) => p.period === PERIOD);
        expect(march?.value).toBeCloseTo(97.5, 9);
        expect(march?.current).toMatchObject({
          value: 97.5,
          filename: 'sua-loi.json',
          submittedBy: `Nguyễn Văn An (feed:${feedCode})`,
          rowNo: 1,
        });
        const oldValue = ((before?.numerator ?? 0) / (before?.denominator ?? 1)) * 100;
        expect(march?.current.replaced?.value).toBeCloseTo(oldValue, 9);
        // The first CSV, its resubmission (same figures, row 1 of both files) and the correction.
        expect(march?.versions.map((v) => [v.current, v.filename, v.rowNo])).toEqual([
          [true, 'sua-loi.json', 1],
          [false, null, 1],
          [false, 'bao-cao-thang-3-2025.csv', 1],
        ]);
        expect(march?.versions.every((v) => v.feed === feedCode)).toBe(true);

        // The province's rolled-up figure now uses the corrected value.
        const rows = data
          .filter((f) => f.indicator === DOSSIERS)
          .map((f) => (f.unit === ward ? { ...f, numerator: 390, denominator: 400 } : f));
        const hand =
          (sum(rows.map((r) => r.numerator)) / sum(rows.map((r) => r.denominator))) * 100;
        const card = await scorecard('48', 2025);
        expect(card.get(DOSSIERS)?.value?.value).toBeCloseTo(hand, 9);
      });

      it('rejects per row, and dead-letters, a unit outside the feed; refuses a wrong or missing key', async () => {
        const anHaiKey = await createFeed({
          code: `phuong-an-hai-${factory.mode}`,
          name: 'UBND phường An Hải',
          allowedIndicators: [DOSSIERS],
          allowedUnits: ['20275'],
        });
        const csv =
          'indicator,unit,period,numerator,denominator\n' +
          `${DOSSIERS},20275,2025-04,95,100\n` +
          `${DOSSIERS},20194,2025-04,50,100\n`;
        const mixed = await post(`phuong-an-hai-${factory.mode}`, anHaiKey, csv);
        expect(mixed.status).toBe(200);
        expect(mixed.body.accepted).toBe(1);
        expect(mixed.body.rejected).toMatchObject([
          { row: 2, line: 3, code: 'unit_not_allowed', unitCode: '20194' },
        ]);

        const only = await post(
          `phuong-an-hai-${factory.mode}`,
          anHaiKey,
          `indicator;unit;period;numerator;denominator\n${DOSSIERS};20194;2025-05;50;100\n`,
          'text/csv',
          { 'accept-language': 'en' },
        );
        expect(only.status).toBe(422);
        expect(only.body.error?.code).toBe('REPORT_NO_ROW_ACCEPTED');
        expect(only.body.rejected[0]).toMatchObject({
          code: 'unit_not_allowed',
          message: expect.stringContaining('may not report'),
        });
        const { rows } = await platform.ctx.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM dead_letter WHERE source = $1 AND reason = 'unit_not_allowed'`,
          [`http:/api/v1/feeds/phuong-an-hai-${factory.mode}/reports`],
        );
        expect(rows[0]?.n).toBe(2);

        // X-Api-Key works like the bearer header; the An Hải key does not open another feed.
        const viaHeader = await feedCall<Receipt>(
          `/api/v1/feeds/phuong-an-hai-${factory.mode}/reports`,
          {
            method: 'POST',
            headers: { 'content-type': 'text/csv', 'x-api-key': anHaiKey },
            body: `indicator,unit,period,numerator,denominator\n${DOSSIERS},20275,2025-06,96,100\n`,
          },
        );
        expect(viaHeader.status).toBe(200);
        const wrong = await post(feedCode, anHaiKey, csv);
        expect(wrong.status).toBe(401);
        expect(wrong.body).toMatchObject({ error: { code: 'FEED_KEY_INVALID' } });
        const missing = await feedCall<Receipt>(`/api/v1/feeds/${feedCode}/reports`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv' },
          body: csv,
        });
        expect(missing.status).toBe(401);
      });

      it('records who changed a target and why; lists feeds without keys', async () => {
        const created = await api<{ id: number }>(
          '/api/v1/targets',
          admin({
            indicator: DOSSIERS,
            unitCode: '20194',
            year: 2026,
            op: '>=',
            value: 92,
            ref: 'Nghị quyết HĐND phường',
            why: 'mục tiêu riêng của phường',
          }),
        );
        expect(created.status).toBe(201);
        const edited = await api<{ op: string; min: number; max: number }>(
          `/api/v1/targets/${created.body.id}`,
          admin({ op: 'between', min: 90, max: 95, why: 'điều chỉnh theo kế hoạch mới' }, 'PATCH'),
        );
        expect(edited.body).toMatchObject({ op: 'between', min: 90, max: 95 });
        const refused = await api<{ error: { code: string } }>(
          `/api/v1/targets/${created.body.id}`,
          admin({ value: 3 }, 'PATCH'),
        );
        expect(refused.status).toBe(400);
        const log = await api<{ items: { changedBy: string; reason: string; action: string }[] }>(
          `/api/v1/indicators/changes?entity=target&key=${created.body.id}`,
        );
        expect(log.body.items.map((l) => [l.action, l.changedBy, l.reason])).toEqual([
          ['update', 'admin.danang', 'điều chỉnh theo kế hoạch mới'],
          ['create', 'admin.danang', 'mục tiêu riêng của phường'],
        ]);
        const feeds = await api<{ items: { code: string }[] }>('/api/v1/feeds');
        expect(feeds.body.items.map((f) => f.code)).toContain(feedCode);
        expect(JSON.stringify(feeds.body)).not.toMatch(/iocf_|key_hash|keyHash/);
      });

      it('loaded twelve months of demo reports with late and silent wards and a province-level own value', async () => {
        const live = await api<{
          feeds: { feed: string; overdueUnits: number; lateReports: number; units: unknown[] }[];
        }>('/api/v1/feeds/liveness?feed=demo-ward-reports');
        expect(live.status).toBe(200);
        const demo = live.body.feeds[0];
        expect(demo?.units).toHaveLength(94);
        expect(demo?.overdueUnits).toBeGreaterThan(0);
        expect(demo?.lateReports).toBeGreaterThan(0);
        const history = await api<{
          periods: { used: string; rolledUp: { value: number } | null }[];
        }>('/api/v1/indicators/dx.online_public_service_usage/history?unit=48');
        expect(history.body.periods.length).toBeGreaterThanOrEqual(11);
        // The province reports its own figure; its wards' figure is rolled up alongside.
        expect(
          history.body.periods.some(
            (p) => p.used === 'own' && typeof p.rolledUp?.value === 'number',
          ),
        ).toBe(true);
      });
    },
  );
}
