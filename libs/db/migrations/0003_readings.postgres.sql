-- Plain PostgreSQL / PGlite: the platform maintains the rollups itself, in the same transaction
-- that inserts new readings (see libs/ingest writer), so late data corrects them at once.

CREATE TABLE reading (
  time       timestamptz      NOT NULL,
  device_id  text             NOT NULL,
  metric     text             NOT NULL,
  value      double precision NOT NULL,
  unit_code  text,
  PRIMARY KEY (device_id, metric, time)
);
CREATE INDEX reading_time_idx ON reading (time DESC);
CREATE INDEX reading_unit_metric_time_idx ON reading (unit_code, metric, time DESC);

CREATE TABLE rollup_1m (
  bucket     timestamptz      NOT NULL,
  device_id  text             NOT NULL,
  metric     text             NOT NULL,
  unit_code  text,
  n          bigint           NOT NULL,
  sum        double precision NOT NULL,
  min        double precision NOT NULL,
  max        double precision NOT NULL,
  UNIQUE NULLS NOT DISTINCT (device_id, metric, bucket, unit_code)
);
CREATE INDEX rollup_1m_unit_idx ON rollup_1m (unit_code, metric, bucket);

CREATE TABLE rollup_1h (LIKE rollup_1m INCLUDING ALL);
CREATE TABLE rollup_1d (LIKE rollup_1m INCLUDING ALL);
