const ROLLUP = (table: string, bucketExpr: string) => `
  ${table} AS (
    INSERT INTO ${table} AS r (bucket, device_id, metric, unit_code, n, sum, min, max)
    SELECT ${bucketExpr}, device_id, metric, unit_code, count(*), sum(value), min(value), max(value)
    FROM ins GROUP BY 2, 3, 1, 4 ORDER BY 2, 3, 1, 4
    ON CONFLICT (device_id, metric, bucket, unit_code) DO UPDATE
      SET n = r.n + EXCLUDED.n, sum = r.sum + EXCLUDED.sum,
          min = LEAST(r.min, EXCLUDED.min), max = GREATEST(r.max, EXCLUDED.max)
  )`;
export const B = `
WITH src AS (
  SELECT DISTINCT ON (device_id, metric, time) time, device_id, metric, value, unit_code FROM reading_stage ORDER BY device_id, metric, time
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
),${ROLLUP('rollup_1m', "date_trunc('minute', time)")},${ROLLUP('rollup_1h', "date_trunc('hour', time)")},${ROLLUP('rollup_1d', "date_trunc('day', time, 'Asia/Ho_Chi_Minh')")}
SELECT count(*)::int AS inserted FROM ins`;
