/**
 * npm run bench:compression — what TimescaleDB compression of `reading` saves, and what it costs
 * the platform's reads. Sizes the TSDB_COMPRESS_AFTER_DAYS / TSDB_RAW_RETENTION_DAYS defaults.
 *
 * A dedicated TimescaleDB database (TIMESCALE_URL; skipped without it) is migrated as the platform
 * migrates it and filled by COPY with the demo simulator's own values (simulatedValues: diurnal
 * air quality with noise, tides, showers, batteries) for a mixed fleet at one reading a minute
 * per metric for `--days` days. It measures bytes per reading (hypertable_detailed_size ÷ rows)
 * before and after compressing every chunk older than a day, the compression ratio, and the p95
 * of the platform's reads over the compressed days: rollup series through RollupService (what
 * GET /api/v1/rollups runs) and the raw-row paths (a SensorThings Observations history of one
 * datastream, a ward's hourly GROUP BY over raw rows as the continuous-aggregate refresh does).
 */
import { cpus } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { createPool, migrate, type Pool } from '@ioc/db';
import { RollupService, type LiveUnits } from '@ioc/live';
import { simulatedValues } from '../../apps/api/src/demo/simulated-values';
import { createTestDatabase } from '../../tests/support/databases';
import { testEnv } from '../../tests/support/env';

const argv = process.argv.slice(2).join(' ');
const DAYS = Number(/--days=(\d+)/.exec(argv)?.[1] ?? 7);
/** Devices per kind: air quality reports 8 metrics, water level and rain gauges 2 each. */
const PER_KIND = Number(/--devices=(\d+)/.exec(argv)?.[1] ?? 12);
const KINDS = ['air_quality', 'air_quality', 'water_level', 'rain_gauge'] as const;
const WARDS = 10;
const RUNS = 30;
const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

interface Device {
  id: string;
  kind: string;
  seed: number;
  unit: string;
}

function pct(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? Number.NaN;
}

class Tree implements LiveUnits {
  constructor(private readonly wards: string[]) {}
  parentOf(code: string): string | null {
    return this.wards.includes(code) ? '48' : null;
  }
  exists(code: string): Promise<boolean> {
    return Promise.resolve(code === '48' || this.wards.includes(code));
  }
  selfAndDescendants(code: string): Promise<string[]> {
    return Promise.resolve(code === '48' ? [code, ...this.wards] : [code]);
  }
}

/** COPY text lines of every device's simulated values, minute by minute, oldest first. */
function* lines(devices: Device[], fromMs: number, toMs: number): Generator<string> {
  for (let t = fromMs; t < toMs; t += MIN) {
    const at = new Date(t);
    const iso = at.toISOString();
    let chunk = '';
    for (const d of devices) {
      for (const [metric, value] of Object.entries(simulatedValues(d.kind, d.seed, at))) {
        chunk += `${iso}\t${d.id}\t${metric}\t${String(value)}\t${d.unit}\n`;
      }
    }
    yield chunk;
  }
}

interface Size {
  rows: number;
  bytes: number;
}

async function size(pool: Pool): Promise<Size> {
  const { rows } = await pool.query<{ rows: number; bytes: number }>(
    `SELECT (SELECT count(*) FROM reading)::bigint AS rows,
            (SELECT total_bytes FROM hypertable_detailed_size('reading'))::bigint AS bytes`,
  );
  return { rows: rows[0]?.rows ?? 0, bytes: rows[0]?.bytes ?? 0 };
}

/** Sizes of the continuous aggregates' materialisations, which the raw retention keeps. */
async function caggSizes(pool: Pool): Promise<{ name: string; bytes: number }[]> {
  const { rows } = await pool.query<{ name: string; bytes: number }>(
    `SELECT view_name AS name,
            (SELECT total_bytes FROM hypertable_detailed_size(
               format('%I.%I', materialization_hypertable_schema, materialization_hypertable_name)::regclass))::bigint AS bytes
     FROM timescaledb_information.continuous_aggregates ORDER BY view_name DESC`,
  );
  return rows;
}

type Query = (i: number) => Promise<unknown>;

async function p95(query: Query): Promise<number> {
  for (let i = 0; i < 3; i++) await query(i);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await query(i);
    ms.push(performance.now() - t);
  }
  return pct(ms, 0.95);
}

async function main(): Promise<void> {
  const admin = testEnv.timescaleAdminUrl;
  if (!admin) {
    process.stdout.write(
      'bench:compression — skipped: set TIMESCALE_URL to a TimescaleDB server\n',
    );
    return;
  }
  const db = await createTestDatabase(admin, 'ioc_bench_compress');
  const pool = createPool(db.url, 4);
  try {
    await migrate(pool, 'timescaledb');
    // Background jobs (policies, refreshes) stay out of the measurement; this run compresses.
    await pool.query(
      "SELECT alter_job(job_id, scheduled => false) FROM timescaledb_information.jobs WHERE proc_name <> 'policy_telemetry'",
    );
    const wards = Array.from({ length: WARDS }, (_, i) => String(20_000 + i * 3));
    const devices: Device[] = KINDS.flatMap((kind, k) =>
      Array.from({ length: PER_KIND }, (_, i) => ({
        id: `cb-${String(k)}-${String(i)}`,
        kind,
        seed: k * 1000 + i,
        unit: wards[i % WARDS] ?? '48',
      })),
    );
    const end = Math.floor(Date.now() / H) * H;
    const start = end - DAYS * D;
    const loadStarted = performance.now();
    const client = await pool.connect();
    try {
      await pipeline(
        Readable.from(lines(devices, start, end)),
        client.query(
          copyFrom('COPY reading (time, device_id, metric, value, unit_code) FROM STDIN'),
        ),
      );
    } finally {
      client.release();
    }
    for (const rel of ['rollup_1m', 'rollup_1h', 'rollup_1d']) {
      await pool.query(`CALL refresh_continuous_aggregate('${rel}', NULL, $1::timestamptz)`, [
        new Date(end - H),
      ]);
    }
    await pool.query('ANALYZE');
    const loadS = (performance.now() - loadStarted) / 1000;
    const series = new Set(
      devices.flatMap((d) => Object.keys(simulatedValues(d.kind, d.seed, new Date(end)))),
    );

    const service = new RollupService(pool, new Tree(wards));
    // Reads over days 2–4 back: compressed in the second pass.
    const qTo = new Date(end - 2 * D);
    const aq = devices.filter((d) => d.kind === 'air_quality');
    const queries: [string, Query][] = [
      [
        'rollups: ward, 1h buckets, 7 days',
        (i) =>
          service.series({
            unit: wards[i % WARDS],
            metric: 'pm25,pm10',
            bucket: '1h',
            from: new Date(qTo.getTime() - 7 * D).toISOString(),
            to: qTo.toISOString(),
            limit: '10000',
          }),
      ],
      [
        'rollups: device, 1m buckets, 24 h',
        (i) =>
          service.series({
            device: aq[i % aq.length]?.id,
            metric: 'pm25',
            bucket: '1m',
            from: new Date(qTo.getTime() - D).toISOString(),
            to: qTo.toISOString(),
            limit: '10000',
          }),
      ],
      [
        'raw: one datastream, 24 h (STA history)',
        (i) =>
          pool.query(
            `SELECT time, value FROM reading WHERE device_id = $1 AND metric = $2
               AND time >= $3 AND time < $4 ORDER BY time DESC`,
            [aq[i % aq.length]?.id, 'pm25', new Date(qTo.getTime() - D), qTo],
          ),
      ],
      [
        'raw: ward, 1h GROUP BY, 24 h (refresh)',
        (i) =>
          pool.query(
            `SELECT metric, date_trunc('hour', time) AS bucket, count(*), sum(value), min(value), max(value)
             FROM reading WHERE unit_code = ANY($1::text[]) AND time >= $2 AND time < $3
             GROUP BY 1, 2`,
            [[wards[i % WARDS]], new Date(qTo.getTime() - D), qTo],
          ),
      ],
    ];

    const before = await size(pool);
    const caggsBefore = await caggSizes(pool);
    const hot: number[] = [];
    for (const [, q] of queries) hot.push(await p95(q));

    const compressStarted = performance.now();
    const { rows: chunks } = await pool.query<{ n: number }>(
      `SELECT count(compress_chunk(c, if_not_compressed => true))::int AS n
       FROM show_chunks('reading', older_than => $1::timestamptz) c`,
      [new Date(end - D)],
    );
    // The 1-minute rollup too (migration 0076), as its policy would.
    await pool.query(
      `SELECT count(compress_chunk(c, if_not_compressed => true))
       FROM show_chunks('rollup_1m', older_than => $1::timestamptz) c`,
      [new Date(end - D)],
    );
    const compressS = (performance.now() - compressStarted) / 1000;
    await pool.query('ANALYZE');
    const after = await size(pool);
    const caggsAfter = await caggSizes(pool);
    // The compressed chunks alone: their bytes before and after, over the rows they hold.
    const { rows: stats } = await pool.query<{ before: number; after: number; rows: number }>(
      `SELECT s.before_compression_total_bytes::bigint AS before,
              s.after_compression_total_bytes::bigint AS after,
              (SELECT count(*) FROM reading WHERE time < (
                 SELECT max(range_end) FROM timescaledb_information.chunks
                 WHERE hypertable_name = 'reading' AND is_compressed))::bigint AS rows
       FROM hypertable_compression_stats('reading') s`,
    );
    const cold: number[] = [];
    for (const [, q] of queries) cold.push(await p95(q));
    // Control: the same chunks decompressed again, so machine noise between passes shows.
    await pool.query(
      `SELECT count(decompress_chunk(c, if_compressed => true))
       FROM (SELECT show_chunks('reading') UNION ALL SELECT show_chunks('rollup_1m')) s(c)`,
    );
    await pool.query('ANALYZE');
    const again: number[] = [];
    for (const [, q] of queries) again.push(await p95(q));

    const mb = (b: number) => (b / 1_048_576).toFixed(1);
    const per = (bytes: number, rows: number) => (rows > 0 ? bytes / rows : Number.NaN).toFixed(1);
    const st = stats[0] ?? { before: 0, after: 0, rows: 0 };
    const col = (v: string, w = 14) => v.padStart(w);
    process.stdout.write(
      `bench:compression — ${String(cpus().length)} CPUs, TimescaleDB\n` +
        `${before.rows.toLocaleString('en')} readings: ${String(devices.length)} devices (${String(series.size)} metrics), ` +
        `${String(DAYS)} days × 1/min, simulator values; loaded + aggregates refreshed in ${loadS.toFixed(0)} s; ` +
        `${String(chunks[0]?.n ?? 0)} day chunks (${st.rows.toLocaleString('en')} readings) compressed in ${compressS.toFixed(1)} s\n\n` +
        `                                          uncompressed    compressed\n` +
        `  compressed chunks: size (MB)          ${col(mb(st.before))}${col(mb(st.after))}   ratio ${(st.before / st.after).toFixed(1)}×\n` +
        `  compressed chunks: bytes per reading  ${col(per(st.before, st.rows))}${col(per(st.after, st.rows))}\n` +
        `  whole hypertable: size (MB)           ${col(mb(before.bytes))}${col(mb(after.bytes))}   ratio ${(before.bytes / after.bytes).toFixed(1)}×\n` +
        `  whole hypertable: bytes per reading   ${col(per(before.bytes, before.rows))}${col(per(after.bytes, after.rows))}\n` +
        caggsBefore
          .map(
            (c, i) =>
              `  ${`${c.name} (kept past raw retention) (MB)`.padEnd(38)}${col(mb(c.bytes))}${col(mb(caggsAfter[i]?.bytes ?? 0))}\n`,
          )
          .join('') +
        '\n' +
        `  p95 over compressed days (ms)         uncompressed    compressed  decompressed again\n` +
        queries
          .map(
            ([name], i) =>
              `  ${name.padEnd(38)}${col((hot[i] ?? 0).toFixed(1))}${col((cold[i] ?? 0).toFixed(1))}${col((again[i] ?? 0).toFixed(1), 20)}\n`,
          )
          .join(''),
    );
  } finally {
    await pool.end();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench:compression failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
