import type { Queryable } from '@ioc/db';
import type { Aggregate } from './aggregate';
import { ROLLUP_RELATION, type BucketSize } from './buckets';

export interface RollupCell extends Aggregate {
  bucket: Date;
  metric: string;
  /** Set when the query groups by unit. */
  unitCode?: string | null;
}

export interface SeriesSelector {
  size: BucketSize;
  /** Rows of these units, combined (a province: itself and its wards). */
  unitCodes?: readonly string[];
  /** Rows of one device (across the units it was in). */
  deviceId?: string;
  metrics: readonly string[] | null;
  from: Date;
  to: Date;
  /** Group per unit instead of combining the units. */
  byUnit: boolean;
  /** Keyset: rows strictly after this (unit, metric, bucket). */
  after?: { unitCode?: string | null; metric: string; bucket: Date } | undefined;
  limit: number;
}

interface CellRow {
  unit_code?: string | null;
  metric: string;
  bucket: Date;
  n: number;
  sum: number;
  min: number;
  max: number;
}

const toCell = (r: CellRow): RollupCell => ({
  bucket: r.bucket,
  metric: r.metric,
  n: r.n,
  sum: r.sum,
  min: r.min,
  max: r.max,
  ...(r.unit_code !== undefined ? { unitCode: r.unit_code } : {}),
});

/**
 * Reads the rollup relations, which have the same columns in every storage mode (tables kept by
 * the writer in PostgreSQL/PGlite, continuous aggregates with real-time aggregation in
 * TimescaleDB). Cells of several devices or units in one bucket are combined in SQL as Σn, Σsum,
 * min, max — the mean is derived by the caller, never averaged. In TimescaleDB it also refreshes
 * the continuous aggregates on demand (late rows, see CaggRefresher).
 */
export class RollupRepository {
  constructor(private readonly db: Queryable) {}

  async series(s: SeriesSelector): Promise<RollupCell[]> {
    const rel = ROLLUP_RELATION[s.size];
    const byDevice = s.deviceId !== undefined;
    // Unit rows only (unit_code = ANY never matches NULL), so the unit key is never null.
    const filter = byDevice ? 'device_id = $1' : 'unit_code = ANY($1::text[])';
    const key = s.byUnit ? 'unit_code, metric, bucket' : 'metric, bucket';
    const afterSql = s.byUnit
      ? `($5::text IS NULL OR (unit_code, metric, bucket) > ($7::text, $5::text, $6::timestamptz))`
      : `($5::text IS NULL OR (metric, bucket) > ($5::text, $6::timestamptz))`;
    const sql = `
      SELECT ${s.byUnit ? 'unit_code,' : ''} metric, bucket,
             sum(n)::bigint AS n, sum(sum) AS sum, min(min) AS min, max(max) AS max
      FROM ${rel}
      WHERE ${filter}
        AND ($2::text[] IS NULL OR metric = ANY($2::text[]))
        AND bucket >= $3 AND bucket < $4
        AND ${afterSql}
      GROUP BY ${key}
      ORDER BY ${key}
      LIMIT ${String(Math.max(1, Math.floor(s.limit)))}`;
    const params: unknown[] = [
      byDevice ? s.deviceId : [...(s.unitCodes ?? [])],
      s.metrics ? [...s.metrics] : null,
      s.from,
      s.to,
      s.after?.metric ?? null,
      s.after?.bucket ?? null,
    ];
    if (s.byUnit) params.push(s.after?.unitCode ?? '');
    const { rows } = await this.db.query<CellRow>(sql, params);
    return rows.map(toCell);
  }

  /**
   * Current 1-minute cells for WebSocket pushes: for each target (group unit, metric, bucket),
   * the combination of the member units' rows. A province target lists all its wards as members.
   */
  async minuteCells(
    targets: readonly { group: string; metric: string; bucket: Date }[],
    members: readonly { group: string; unitCode: string }[],
  ): Promise<(RollupCell & { group: string })[]> {
    if (targets.length === 0) return [];
    const { rows } = await this.db.query<CellRow & { grp: string }>(
      `WITH t AS (SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS t(grp, metric, bucket)),
            m AS (SELECT * FROM unnest($4::text[], $5::text[]) AS m(grp, unit_code))
       SELECT t.grp, t.metric, t.bucket,
              sum(r.n)::bigint AS n, sum(r.sum) AS sum, min(r.min) AS min, max(r.max) AS max
       FROM t
       JOIN m ON m.grp = t.grp
       JOIN rollup_1m r ON r.unit_code = m.unit_code AND r.metric = t.metric AND r.bucket = t.bucket
       GROUP BY t.grp, t.metric, t.bucket`,
      [
        targets.map((t) => t.group),
        targets.map((t) => t.metric),
        targets.map((t) => t.bucket),
        members.map((m) => m.group),
        members.map((m) => m.unitCode),
      ],
    );
    return rows.map((r) => ({ ...toCell(r), group: r.grp }));
  }

  /**
   * Hourly means per device and metric (Σsum/Σn of the hour) for AQI: `unit_code` is the unit
   * the readings were taken in.
   */
  async hourlyMeans(
    unitCodes: readonly string[],
    metrics: readonly string[],
    from: Date,
    to: Date,
  ): Promise<
    {
      deviceId: string;
      unitCode: string | null;
      metric: string;
      bucket: Date;
      n: number;
      sum: number;
    }[]
  > {
    const { rows } = await this.db.query<{
      device_id: string;
      unit_code: string | null;
      metric: string;
      bucket: Date;
      n: number;
      sum: number;
    }>(
      `SELECT device_id, unit_code, metric, bucket, sum(n)::bigint AS n, sum(sum) AS sum
       FROM rollup_1h
       WHERE unit_code = ANY($1::text[]) AND metric = ANY($2::text[]) AND bucket >= $3 AND bucket < $4
       GROUP BY device_id, unit_code, metric, bucket`,
      [[...unitCodes], [...metrics], from, to],
    );
    return rows.map((r) => ({
      deviceId: r.device_id,
      unitCode: r.unit_code,
      metric: r.metric,
      bucket: r.bucket,
      n: r.n,
      sum: r.sum,
    }));
  }

  /** Minute buckets in which each device reported anything (fleet uptime), as epoch ms. */
  async presence(
    size: '1m' | '1h',
    deviceIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    if (deviceIds.length === 0) return out;
    const { rows } = await this.db.query<{ device_id: string; times: (string | number)[] }>(
      `SELECT device_id, array_agg(ms ORDER BY ms) AS times
       FROM (SELECT DISTINCT device_id, (extract(epoch FROM bucket) * 1000)::bigint AS ms
             FROM ${ROLLUP_RELATION[size]}
             WHERE device_id = ANY($1::text[]) AND bucket >= $2 AND bucket < $3) p
       GROUP BY device_id`,
      [[...deviceIds], from, to],
    );
    for (const r of rows) out.set(r.device_id, r.times.map(Number));
    return out;
  }

  /** TimescaleDB only: materialises the buckets of [from, to) of one continuous aggregate. */
  async refreshAggregate(size: BucketSize, from: Date, to: Date): Promise<void> {
    await this.db.query(
      `CALL refresh_continuous_aggregate('${ROLLUP_RELATION[size]}', $1::timestamptz, $2::timestamptz)`,
      [from, to],
    );
  }

  /** TimescaleDB only: the continuous aggregate's materialisation watermark, when it has one. */
  async aggregateWatermark(size: BucketSize): Promise<Date | null> {
    const { rows } = await this.db.query<{ wm: Date | null }>(
      `SELECT _timescaledb_functions.to_timestamp(_timescaledb_functions.cagg_watermark(mat_hypertable_id)) AS wm
       FROM _timescaledb_catalog.continuous_agg WHERE user_view_name = $1`,
      [ROLLUP_RELATION[size]],
    );
    return rows[0]?.wm ?? null;
  }
}
