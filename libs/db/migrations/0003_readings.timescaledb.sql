-- ioc:no-transaction
-- TimescaleDB: reading is a hypertable with compression and retention; rollups are continuous
-- aggregates with the same column names as the plain-PostgreSQL rollup tables. Continuous
-- aggregates cannot be created inside a transaction, hence the marker above.

CREATE EXTENSION IF NOT EXISTS timescaledb;

CREATE TABLE reading (
  time       timestamptz      NOT NULL,
  device_id  text             NOT NULL,
  metric     text             NOT NULL,
  value      double precision NOT NULL,
  unit_code  text,
  PRIMARY KEY (device_id, metric, time)
);

SELECT create_hypertable('reading', by_range('time', INTERVAL '1 day'));

CREATE INDEX reading_unit_metric_time_idx ON reading (unit_code, metric, time DESC);

ALTER TABLE reading SET (timescaledb.compress, timescaledb.compress_segmentby = 'device_id, metric', timescaledb.compress_orderby = 'time DESC');

SELECT add_compression_policy('reading', INTERVAL '8 days');

SELECT add_retention_policy('reading', INTERVAL '400 days');

CREATE MATERIALIZED VIEW rollup_1m WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS SELECT time_bucket(INTERVAL '1 minute', time) AS bucket, device_id, metric, unit_code, count(*) AS n, sum(value) AS sum, min(value) AS min, max(value) AS max FROM reading GROUP BY 1, 2, 3, 4 WITH NO DATA;

CREATE MATERIALIZED VIEW rollup_1h WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS SELECT time_bucket(INTERVAL '1 hour', bucket) AS bucket, device_id, metric, unit_code, sum(n)::bigint AS n, sum(sum) AS sum, min(min) AS min, max(max) AS max FROM rollup_1m GROUP BY 1, 2, 3, 4 WITH NO DATA;

CREATE MATERIALIZED VIEW rollup_1d WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS SELECT time_bucket(INTERVAL '1 day', bucket, 'Asia/Ho_Chi_Minh') AS bucket, device_id, metric, unit_code, sum(n)::bigint AS n, sum(sum) AS sum, min(min) AS min, max(max) AS max FROM rollup_1h GROUP BY 1, 2, 3, 4 WITH NO DATA;

SELECT add_continuous_aggregate_policy('rollup_1m', start_offset => INTERVAL '8 days', end_offset => INTERVAL '1 minute', schedule_interval => INTERVAL '1 minute');

SELECT add_continuous_aggregate_policy('rollup_1h', start_offset => INTERVAL '8 days', end_offset => INTERVAL '1 hour', schedule_interval => INTERVAL '5 minutes');

SELECT add_continuous_aggregate_policy('rollup_1d', start_offset => INTERVAL '9 days', end_offset => INTERVAL '1 day', schedule_interval => INTERVAL '30 minutes');
