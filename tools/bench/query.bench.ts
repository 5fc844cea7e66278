/**
 * npm run bench:query — ward rollup queries over ≥ 10M readings, against the same answer
 * computed from the raw rows in the same run.
 *
 * A dedicated database is filled with SQL generate_series straight into `reading` (250 devices
 * in 25 wards of Đà Nẵng, 2 metrics, one reading a minute for 14 days = 10.08M rows) and into
 * the rollups (tables in PostgreSQL mode; continuous aggregates refreshed in TimescaleDB mode,
 * reported too when TIMESCALE_URL is set). Then each query shape runs through the platform's
 * query layer (RollupService, as GET /api/v1/rollups does) and as a GROUP BY over `reading`,
 * and the two answers are compared cell by cell.
 */
import { cpus } from 'node:os';
import pg from 'pg';
import { createPool, migrate, type Pool, type StorageMode } from '@ioc/db';
import { bucketStart, RollupService, type RollupSeries, type LiveUnits } from '@ioc/live';
import { createTestDatabase } from '../../tests/support/databases';
import { testEnv } from '../../tests/support/env';

const DEVICES = 250;
const WARDS = 25;
/** `--days=N` for a quick smaller run; the default makes 10.08M readings. */
const DAYS = Number(/--days=(\d+)/.exec(process.argv.slice(2).join(' '))?.[1] ?? 14);
const METRICS = ['pm25', 'temperature'];
const RUNS = 40;
const RAW_RUNS = 12;

interface Shape {
  name: string;
  bucket: '1m' | '1h' | '1d';
  spanMs: number;
  province: boolean;
  sqlBucket: string;
}

const H = 3_600_000;
const SHAPES: Shape[] = [
  {
    name: 'ward, 1h buckets, last 24 h',
    bucket: '1h',
    spanMs: 24 * H,
    province: false,
    sqlBucket: "date_trunc('hour', time)",
  },
  {
    name: 'ward, 1h buckets, last 7 days',
    bucket: '1h',
    spanMs: 7 * 24 * H,
    province: false,
    sqlBucket: "date_trunc('hour', time)",
  },
  {
    name: 'ward, 1d buckets, last 14 days',
    bucket: '1d',
    spanMs: 14 * 24 * H,
    province: false,
    sqlBucket: "date_trunc('day', time, 'Asia/Ho_Chi_Minh')",
  },
  {
    name: 'province, 1h buckets, last 24 h',
    bucket: '1h',
    spanMs: 24 * H,
    province: true,
    sqlBucket: "date_trunc('hour', time)",
  },
];

function pct(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? Number.NaN;
}

async function wardCodes(pool: Pool): Promise<{ province: string; wards: string[] }> {
  const { rows } = await pool.query<{ code: string }>(
    "SELECT code FROM admin_unit WHERE parent_code = '48' ORDER BY code LIMIT $1",
    [WARDS],
  );
  return { province: '48', wards: rows.map((r) => r.code) };
}

/** Enough of the admin tree for the query layer (the platform seeds the full one). */
async function seedUnits(pool: Pool): Promise<void> {
  await pool.query(
    `INSERT INTO admin_unit (code, name, short_name, level, parent_code, name_folded)
     VALUES ('48', 'Thành phố Đà Nẵng', 'Đà Nẵng', 'province', NULL, 'da nang')
     ON CONFLICT DO NOTHING`,
  );
  await pool.query(
    `INSERT INTO admin_unit (code, name, short_name, level, parent_code, name_folded)
     SELECT (20000 + g * 3)::text, 'Phường ' || g, 'P' || g, 'ward', '48', 'p' || g FROM generate_series(1, $1) g
     ON CONFLICT DO NOTHING`,
    [WARDS],
  );
}

class Tree implements LiveUnits {
  constructor(
    private readonly province: string,
    private readonly wards: string[],
  ) {}
  parentOf(code: string): string | null {
    return this.wards.includes(code) ? this.province : null;
  }
  exists(code: string): Promise<boolean> {
    return Promise.resolve(code === this.province || this.wards.includes(code));
  }
  selfAndDescendants(code: string): Promise<string[]> {
    return Promise.resolve(code === this.province ? [code, ...this.wards] : [code]);
  }
}

async function generate(
  pool: Pool,
  mode: StorageMode,
  wards: string[],
  endMs: number,
): Promise<number> {
  const started = performance.now();
  const end = new Date(Math.floor(endMs / 60_000) * 60_000);
  const args = [end, DAYS, DEVICES, wards];
  const insert = `
    INSERT INTO reading (time, device_id, metric, value, unit_code)
    SELECT t, 'qb-' || d, m,
           CASE m WHEN 'pm25' THEN 20 + 15 * sin(extract(epoch FROM t) / 5400.0 + d) + (d % 7)
                  ELSE 27 + 4 * sin(extract(epoch FROM t) / 43200.0) + (d % 3) * 0.5 END,
           ($4::text[])[1 + d % array_length($4::text[], 1)]
    FROM generate_series($1::timestamptz - make_interval(days => $2), $1::timestamptz - interval '1 minute', interval '1 minute') t,
         generate_series(0, $3 - 1) d,
         unnest(ARRAY['pm25', 'temperature']) m`;
  if (mode === 'timescaledb') {
    // Keep background jobs (compression, policy refreshes) out of the measurement.
    await pool.query(
      "SELECT alter_job(job_id, scheduled => false) FROM timescaledb_information.jobs WHERE proc_name <> 'policy_telemetry'",
    );
    await pool.query(insert, args);
    for (const rel of ['rollup_1m', 'rollup_1h', 'rollup_1d']) {
      await pool.query(
        `CALL refresh_continuous_aggregate('${rel}', NULL, $1::timestamptz - interval '1 hour')`,
        [end],
      );
    }
  } else {
    // Bulk load: indexes are built once afterwards, as a restore would.
    await pool.query('ALTER TABLE reading DROP CONSTRAINT reading_pkey');
    await pool.query('DROP INDEX reading_time_idx, reading_unit_metric_time_idx');
    await pool.query(insert, args);
    await pool.query('ALTER TABLE reading ADD PRIMARY KEY (device_id, metric, time)');
    await pool.query('CREATE INDEX reading_time_idx ON reading (time DESC)');
    await pool.query(
      'CREATE INDEX reading_unit_metric_time_idx ON reading (unit_code, metric, time DESC)',
    );
    const fold = (table: string, bucket: string) =>
      pool.query(`INSERT INTO ${table} (bucket, device_id, metric, unit_code, n, sum, min, max)
                  SELECT ${bucket}, device_id, metric, unit_code, count(*), sum(value), min(value), max(value)
                  FROM reading GROUP BY 1, 2, 3, 4`);
    await fold('rollup_1m', "date_trunc('minute', time)");
    await fold('rollup_1h', "date_trunc('hour', time)");
    await fold('rollup_1d', "date_trunc('day', time, 'Asia/Ho_Chi_Minh')");
  }
  await pool.query('ANALYZE');
  return performance.now() - started;
}

interface Cell {
  metric: string;
  bucket: string;
  n: number;
  sum: number;
  min: number;
  max: number;
}

async function raw(
  pool: Pool,
  shape: Shape,
  units: string[],
  from: Date,
  to: Date,
): Promise<Cell[]> {
  const { rows } = await pool.query<{
    metric: string;
    bucket: Date;
    n: number;
    sum: number;
    min: number;
    max: number;
  }>(
    `SELECT metric, ${shape.sqlBucket} AS bucket, count(*)::bigint AS n, sum(value) AS sum, min(value) AS min, max(value) AS max
     FROM reading WHERE unit_code = ANY($1::text[]) AND metric = ANY($2::text[]) AND time >= $3 AND time < $4
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [units, METRICS, from, to],
  );
  return rows.map((r) => ({
    metric: r.metric,
    bucket: r.bucket.toISOString(),
    n: r.n,
    sum: r.sum,
    min: r.min,
    max: r.max,
  }));
}

function same(a: RollupSeries['items'], b: Cell[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return (
      y !== undefined &&
      x.metric === y.metric &&
      x.bucket === y.bucket &&
      x.n === y.n &&
      x.min === y.min &&
      x.max === y.max &&
      Math.abs(x.sum - y.sum) <= 1e-9 * Math.max(1, Math.abs(y.sum))
    );
  });
}

async function benchMode(label: string, adminUrl: string, prefix: string): Promise<void> {
  const db = await createTestDatabase(adminUrl, prefix);
  const pool = createPool(db.url, 4);
  try {
    const probe = new pg.Client({ connectionString: db.url });
    await probe.connect();
    const ts = await probe.query<{ ok: boolean }>(
      "SELECT coalesce(current_setting('shared_preload_libraries', true), '') LIKE '%timescaledb%' AS ok",
    );
    await probe.end();
    const mode: StorageMode =
      ts.rows[0]?.ok && label === 'timescaledb' ? 'timescaledb' : 'postgres';
    await migrate(pool, mode);
    await seedUnits(pool);
    const { province, wards } = await wardCodes(pool);
    const end = Date.now();
    const genMs = await generate(pool, mode, wards, end);
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::bigint AS n FROM reading');
    process.stdout.write(
      `\n${label}: ${(rows[0]?.n ?? 0).toLocaleString('en')} readings (${String(DEVICES)} devices, ${String(wards.length)} wards, ${String(DAYS)} days × 1/min × ${String(METRICS.length)} metrics), generated in ${(genMs / 1000).toFixed(0)} s\n`,
    );
    const service = new RollupService(pool, new Tree(province, wards));
    for (const shape of SHAPES) {
      // Whole buckets on both sides, so both paths aggregate exactly the same rows.
      const to = new Date(bucketStart(shape.bucket, end - H));
      const from = new Date(bucketStart(shape.bucket, to.getTime() - shape.spanMs));
      const pick = (i: number) =>
        shape.province ? province : (wards[i % wards.length] ?? province);
      const unitsOf = (code: string) => (code === province ? [province, ...wards] : [code]);
      const query = (i: number) =>
        service.series({
          unit: pick(i),
          metric: METRICS.join(','),
          bucket: shape.bucket,
          from: from.toISOString(),
          to: to.toISOString(),
          limit: '10000',
        });
      // Warm both paths, then check they agree.
      for (let i = 0; i < 3; i++) {
        await query(i);
        await raw(pool, shape, unitsOf(pick(i)), from, to);
      }
      let agree = true;
      for (let i = 0; i < 3; i++) {
        const a = await query(i);
        const b = await raw(pool, shape, unitsOf(pick(i)), from, to);
        agree &&= same(a.items, b) && a.nextCursor === null;
      }
      const fast: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await query(i);
        fast.push(performance.now() - t);
      }
      const slow: number[] = [];
      for (let i = 0; i < RAW_RUNS; i++) {
        const t = performance.now();
        await raw(pool, shape, unitsOf(pick(i)), from, to);
        slow.push(performance.now() - t);
      }
      const p95r = pct(fast, 0.95);
      const p95raw = pct(slow, 0.95);
      process.stdout.write(
        `  ${shape.name.padEnd(34)} rollups p50 ${pct(fast, 0.5).toFixed(1).padStart(6)} ms  p95 ${p95r.toFixed(1).padStart(6)} ms | raw rows p50 ${pct(slow, 0.5).toFixed(0).padStart(5)} ms  p95 ${p95raw.toFixed(0).padStart(5)} ms | ${(p95raw / p95r).toFixed(0).padStart(4)}× faster | same answer: ${agree ? 'yes' : 'NO'}\n`,
      );
    }
  } finally {
    await pool.end();
    await db.drop();
  }
}

async function main(): Promise<void> {
  process.stdout.write(
    `bench:query — ${String(cpus().length)} CPUs; targets: ward rollup p95 ≤ 50 ms, ≥ 20× faster than raw rows\n`,
  );
  await benchMode('postgres', testEnv.postgresAdminUrl, 'ioc_bench_query');
  if (testEnv.timescaleAdminUrl)
    await benchMode('timescaledb', testEnv.timescaleAdminUrl, 'ioc_bench_query_ts');
  else process.stdout.write('\n(timescaledb: set TIMESCALE_URL to report it too)\n');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench:query failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
