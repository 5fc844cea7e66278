import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reading } from '@ioc/contracts';
import { postgresAvailable } from '../support/databases';
import { backendFactories, modeTitle, type Backend } from '../support/backends';
import { startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Rollup correctness in every storage mode: a generated dataset with late and duplicate
 * readings goes through the ReadingWriter in several batches; every unit × metric × bucket the
 * API returns must equal a hand computation over the raw rows (first stored value wins a
 * duplicate, as the hot table's idempotent insert does).
 */

const hasPostgres = await postgresAvailable();
const factories = new Map(backendFactories().map((f) => [f.mode, f]));

interface Mode {
  name: string;
  needs: boolean;
  backend?: () => Promise<Backend>;
}
const modes: Mode[] = [
  { name: 'pglite', needs: true },
  { name: 'postgres', needs: hasPostgres, backend: () => factories.get('postgres')!.create() },
];
const tsdb = factories.get('timescaledb');
if (tsdb)
  modes.push({
    name: modeTitle('timescaledb', tsdb),
    needs: tsdb.available,
    backend: () => tsdb.create(),
  });

// --- the hand computation ------------------------------------------------------------------
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const SIZES = {
  '1m': (t: number) => Math.floor(t / MIN) * MIN,
  '1h': (t: number) => Math.floor(t / HOUR) * HOUR,
  '1d': (t: number) => Math.floor((t + 7 * HOUR) / DAY) * DAY - 7 * HOUR,
} as const;
type Size = keyof typeof SIZES;

interface Cell {
  n: number;
  sum: number;
  min: number;
  max: number;
}

/** Raw rows as the table keeps them: the first value stored for (device, metric, time). */
class Model {
  readonly rows = new Map<string, Reading>();
  add(batch: readonly Reading[]): void {
    for (const r of batch) {
      const k = `${r.deviceId}|${r.metric}|${String(r.time.getTime())}`;
      if (!this.rows.has(k)) this.rows.set(k, r);
    }
  }
  cells(size: Size, include: (r: Reading) => boolean): Map<string, Cell> {
    const out = new Map<string, Cell>();
    for (const r of this.rows.values()) {
      if (!include(r)) continue;
      const k = `${r.metric}|${new Date(SIZES[size](r.time.getTime())).toISOString()}`;
      const c = out.get(k);
      if (!c) out.set(k, { n: 1, sum: r.value, min: r.value, max: r.value });
      else {
        c.n++;
        c.sum += r.value;
        c.min = Math.min(c.min, r.value);
        c.max = Math.max(c.max, r.value);
      }
    }
    return out;
  }
}

/** Deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WARDS = ['20314', '20305', '20194'];
const PROVINCE = '48';
const METRICS = ['pm25', 'temperature'];

function dataset(now: number) {
  const rand = prng(20_260_101);
  const devices = [
    { id: 'rt-a', unit: '20314' },
    { id: 'rt-b', unit: '20314' },
    { id: 'rt-c', unit: '20305' },
    { id: 'rt-d', unit: '20194' },
  ];
  const start = Math.floor((now - 50 * HOUR) / 1000) * 1000;
  const all: Reading[] = [];
  for (const d of devices) {
    for (const metric of METRICS) {
      for (
        let t = start + Math.floor(rand() * 400_000);
        t < now - 2 * MIN;
        t += 420_000 + Math.floor(rand() * 60_000)
      ) {
        const value =
          Math.round((metric === 'pm25' ? 5 + rand() * 120 : 20 + rand() * 15) * 10) / 10;
        all.push({ time: new Date(t), deviceId: d.id, metric, value, unitCode: d.unit });
      }
    }
  }
  // A mobile device: its readings belong to the ward it was in at the time.
  for (let t = start + 90_000; t < now - 2 * MIN; t += 600_000) {
    const unit = Math.floor((t - start) / (6 * HOUR)) % 2 === 0 ? '20305' : '20194';
    all.push({
      time: new Date(t),
      deviceId: 'rt-m',
      metric: 'pm25',
      value: Math.round(rand() * 900) / 10,
      unitCode: unit,
    });
  }
  // Late: every other reading of an old hour (44–45 h ago) is held back to a later batch.
  const lateFrom = now - 45 * HOUR;
  const lateTo = now - 44 * HOUR;
  const late: Reading[] = [];
  const onTime: Reading[] = [];
  all.forEach((r, i) => {
    const t = r.time.getTime();
    (t >= lateFrom && t < lateTo && i % 2 === 1 ? late : onTime).push(r);
  });
  const cut = Math.floor(onTime.length * 0.6);
  const batch1 = onTime.slice(0, cut);
  const batch2 = onTime.slice(cut);
  // Re-sent rows with other values (store-and-forward replays): must not count or change values.
  const replays = batch1
    .filter((_, i) => i % 37 === 0)
    .map((r) => ({ ...r, value: r.value + 1000 }));
  // Duplicates inside one batch (same value).
  const twice = late.slice(0, 10);
  const batch3 = [...late, ...replays, ...twice];
  // Everything of batch 2 again, plus fresh readings in the current minute.
  const fresh: Reading[] = devices.map((d, i) => ({
    time: new Date(now - 1000 * (i + 1)),
    deviceId: d.id,
    metric: 'pm25',
    value: 40 + i,
    unitCode: d.unit,
  }));
  const batch4 = [...batch2, ...fresh];
  return {
    batches: [batch1, batch2, batch3, batch4],
    start,
    devices: [...devices.map((d) => d.id), 'rt-m'],
  };
}

interface ApiPoint {
  metric: string;
  bucket: string;
  unitCode?: string;
  n: number;
  sum: number;
  min: number;
  max: number;
  mean: number | null;
}

async function fetchAll(
  platform: TestPlatform,
  params: Record<string, string>,
): Promise<ApiPoint[]> {
  const out: ApiPoint[] = [];
  let cursor: string | null = null;
  do {
    const qs = new URLSearchParams({ ...params, limit: '2000', ...(cursor ? { cursor } : {}) });
    const res = await platform.api(`/api/v1/rollups?${qs.toString()}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: ApiPoint[]; nextCursor: string | null };
    out.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

function expectSame(actual: ApiPoint[], expected: Map<string, Cell>, what: string): void {
  const got = new Map(actual.map((p) => [`${p.metric}|${p.bucket}`, p]));
  expect([...got.keys()].sort(), `${what}: bucket set`).toEqual([...expected.keys()].sort());
  for (const [k, e] of expected) {
    const a = got.get(k)!;
    expect(a.n, `${what} ${k} n`).toBe(e.n);
    expect(a.min, `${what} ${k} min`).toBe(e.min);
    expect(a.max, `${what} ${k} max`).toBe(e.max);
    expect(a.sum, `${what} ${k} sum`).toBeCloseTo(e.sum, 6);
    expect(a.mean, `${what} ${k} mean`).toBeCloseTo(e.sum / e.n, 9);
  }
}

for (const mode of modes) {
  describe.skipIf(!mode.needs)(`rollups — ${mode.name}`, () => {
    let platform: TestPlatform;
    let backend: Backend | undefined;
    const now = Date.now();
    const data = dataset(now);
    const model = new Model();
    const from = new Date(data.start - DAY).toISOString();
    const to = new Date(now + MIN).toISOString();

    async function compareAll(label: string): Promise<void> {
      for (const size of Object.keys(SIZES) as Size[]) {
        for (const unit of [...WARDS, PROVINCE]) {
          const units = unit === PROVINCE ? new Set(WARDS) : new Set([unit]);
          const actual = await fetchAll(platform, {
            unit,
            metric: METRICS.join(','),
            bucket: size,
            from,
            to,
          });
          expectSame(
            actual,
            model.cells(size, (r) => units.has(r.unitCode ?? '')),
            `${label} ${mode.name} unit ${unit} ${size}`,
          );
        }
        // The province split per ward in one request.
        const perWard = await fetchAll(platform, {
          unit: PROVINCE,
          by: 'unit',
          metric: METRICS.join(','),
          bucket: size,
          from,
          to,
        });
        for (const w of WARDS) {
          expectSame(
            perWard.filter((p) => p.unitCode === w),
            model.cells(size, (r) => r.unitCode === w),
            `${label} ${mode.name} by=unit ${w} ${size}`,
          );
        }
        for (const device of data.devices) {
          const actual = await fetchAll(platform, { device, bucket: size, from, to });
          expectSame(
            actual,
            model.cells(size, (r) => r.deviceId === device),
            `${label} ${mode.name} device ${device} ${size}`,
          );
        }
      }
    }

    beforeAll(async () => {
      backend = await mode.backend?.();
      platform = await startTestPlatform({ ...(backend ? { DATABASE_URL: backend.url } : {}) });
    });

    afterAll(async () => {
      await platform.dispose();
      await backend?.dispose();
    });

    it('equals a hand computation after on-time batches', async () => {
      for (const batch of data.batches.slice(0, 2)) {
        await platform.ctx.writer.enqueue(batch);
        model.add(batch);
      }
      await platform.ctx.live.idle();
      await compareAll('on-time');
    });

    it('stays equal after late rows for an old bucket and duplicates', async () => {
      if (mode.name === 'timescaledb') {
        // What the refresh policies do every few minutes: materialise everything but the open
        // buckets. Late rows below the watermark then need the platform's targeted refresh.
        await platform.ctx.pool.query(
          "CALL refresh_continuous_aggregate('rollup_1m', NULL, date_trunc('minute', now()) - interval '1 minute')",
        );
        await platform.ctx.pool.query(
          "CALL refresh_continuous_aggregate('rollup_1h', NULL, date_trunc('hour', now()) - interval '1 hour')",
        );
        await platform.ctx.pool.query(
          "CALL refresh_continuous_aggregate('rollup_1d', NULL, date_trunc('day', now(), 'Asia/Ho_Chi_Minh') - interval '1 day')",
        );
        await compareAll('materialised');
      }
      for (const batch of data.batches.slice(2)) {
        await platform.ctx.writer.enqueue(batch);
        model.add(batch);
      }
      await platform.ctx.live.idle();
      const { rows } = await platform.ctx.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM reading WHERE device_id LIKE 'rt-%'",
      );
      expect(rows[0]?.n).toBe(model.rows.size);
      await compareAll('late');
      if (mode.name === 'timescaledb')
        expect(platform.ctx.live.refresher?.refreshes).toBeGreaterThan(0);
    });

    it('serves the latest value per device and per unit with its age', async () => {
      const res = await platform.api(`/api/v1/latest?unit=${PROVINCE}&metric=pm25`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        devices: {
          deviceId: string;
          values: Record<string, { value: number; time: string; ageS: number }>;
        }[];
        units: { unitCode: string; metric: string; devices: number; mean: number }[];
      };
      const newest = new Map<string, Reading>();
      for (const r of model.rows.values()) {
        if (r.metric !== 'pm25') continue;
        const p = newest.get(r.deviceId);
        if (!p || p.time < r.time) newest.set(r.deviceId, r);
      }
      for (const [id, r] of newest) {
        const d = body.devices.find((x) => x.deviceId === id);
        expect(d?.values.pm25?.value, id).toBe(r.value);
        expect(d?.values.pm25?.time).toBe(r.time.toISOString());
        expect(d?.values.pm25?.ageS).toBeGreaterThanOrEqual(0);
      }
      const ward = body.units.find((u) => u.unitCode === '20314' && u.metric === 'pm25');
      expect(ward?.devices).toBe(2);
      expect(ward?.mean).toBeCloseTo(
        ((newest.get('rt-a')?.value ?? 0) + (newest.get('rt-b')?.value ?? 0)) / 2,
        9,
      );
      expect(body.units.find((u) => u.unitCode === PROVINCE)).toBeDefined();
    });

    it('refuses bad queries with JSON errors', async () => {
      const cases: [string, number][] = [
        ['/api/v1/rollups?unit=48&bucket=2m', 400],
        ['/api/v1/rollups?bucket=1h', 400],
        ['/api/v1/rollups?unit=99999', 404],
        ['/api/v1/rollups?unit=48&from=yesterday', 400],
        ['/api/v1/rollups?unit=48&cursor=zzz', 400],
      ];
      for (const [url, status] of cases) {
        const res = await platform.api(url);
        expect(res.status, url).toBe(status);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code, url).toMatch(/^[A-Z_]+$/);
      }
    });
  });
}
