-- TimescaleDB: compress the 1-minute rollup too. With readings at one a minute it holds as many
-- rows as `reading` itself (npm run bench:compression: rollup_1m ≈ 0.8× the raw table) and the
-- raw retention (TSDB_RAW_RETENTION_DAYS) leaves it in place, so uncompressed it would become
-- the largest relation. Compressed after 10 days: beyond its 8-day refresh window (0003), so
-- the policy and the late-row refreshes only ever rewrite row-store chunks. Segments match the
-- rollup queries (one device or the units' devices, per metric); the hourly and daily rollups
-- are 60× and 1440× smaller and stay as they are. Day chunks like `reading`'s (a continuous
-- aggregate defaults to ten times its source's, 10 days): a chunk is compressed once its end is
-- 10 days old, so 10-day chunks would leave up to 20 days uncompressed. New chunks only.
SELECT set_chunk_time_interval('rollup_1m', INTERVAL '1 day');

ALTER MATERIALIZED VIEW rollup_1m SET (timescaledb.compress = true, timescaledb.compress_segmentby = 'device_id, metric', timescaledb.compress_orderby = 'bucket DESC');

SELECT add_compression_policy('rollup_1m', compress_after => INTERVAL '10 days', if_not_exists => true);
