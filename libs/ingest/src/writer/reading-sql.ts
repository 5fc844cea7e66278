/**
 * SQL of the batched writer. New readings are inserted idempotently on (device, metric, time);
 * in postgres/pglite mode the same statement folds only the rows actually inserted into the
 * 1m/1h/1d rollups, so duplicates never count twice and late rows correct past buckets.
 *
 * Rows are inserted and rollups upserted in key order, so concurrent writers (several
 * collector processes) take row locks in the same order and wait for each other instead of
 * deadlocking. The statement answers the count of new rows only: shipping every row back to
 * the client cost more CPU than encoding it.
 */
const ROLLUP = (table: string, bucketExpr: string) => `
  ${table} AS (
    INSERT INTO ${table} AS r (bucket, device_id, metric, unit_code, n, sum, min, max)
    SELECT ${bucketExpr}, device_id, metric, unit_code, count(*), sum(value), min(value), max(value)
    FROM ins GROUP BY 2, 3, 1, 4 ORDER BY 2, 3, 1, 4
    ON CONFLICT (device_id, metric, bucket, unit_code) DO UPDATE
      SET n = r.n + EXCLUDED.n, sum = r.sum + EXCLUDED.sum,
          min = LEAST(r.min, EXCLUDED.min), max = GREATEST(r.max, EXCLUDED.max)
  )`;

export function insertReadingsSql(source: string, maintainRollups: boolean): string {
  const rollups = maintainRollups
    ? `,${ROLLUP('rollup_1m', "date_trunc('minute', time)")},${ROLLUP('rollup_1h', "date_trunc('hour', time)")},${ROLLUP(
        'rollup_1d',
        "date_trunc('day', time, 'Asia/Ho_Chi_Minh')",
      )}`
    : '';
  return `
WITH src AS (
  SELECT DISTINCT ON (device_id, metric, time) time, device_id, metric, value, unit_code FROM ${source}
  ORDER BY device_id, metric, time
),
ins AS (
  INSERT INTO reading (time, device_id, metric, value, unit_code)
  SELECT time, device_id, metric, value, unit_code FROM src
  ON CONFLICT DO NOTHING
  RETURNING time, device_id, metric, value, unit_code
),
seen AS (
  UPDATE device d SET last_seen = now()
  FROM (SELECT DISTINCT device_id FROM src) s WHERE d.id = s.device_id
)${rollups}
SELECT count(*)::int AS inserted FROM ins`;
}

export const UNNEST_SOURCE =
  'unnest($1::timestamptz[], $2::text[], $3::text[], $4::float8[], $5::text[]) AS u(time, device_id, metric, value, unit_code)';

export const STAGE_TABLE = 'reading_stage';
export const CREATE_STAGE_SQL = `CREATE TEMP TABLE IF NOT EXISTS ${STAGE_TABLE}
  (time timestamptz, device_id text, metric text, value float8, unit_code text) ON COMMIT DELETE ROWS`;
export const COPY_STAGE_SQL = `COPY ${STAGE_TABLE} (time, device_id, metric, value, unit_code) FROM STDIN`;
