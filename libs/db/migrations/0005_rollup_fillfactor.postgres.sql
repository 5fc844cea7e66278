-- Plain PostgreSQL / PGlite: the ingest writer folds every batch into the 1m/1h/1d rollups with
-- in-place upserts of n/sum/min/max. Free space on each page lets those updates be HOT (no new
-- index entries, no index bloat), which makes the upserts markedly cheaper. Only new pages get
-- the setting; a table rewritten later (VACUUM FULL) gets it throughout.
ALTER TABLE rollup_1m SET (fillfactor = 50);
ALTER TABLE rollup_1h SET (fillfactor = 50);
ALTER TABLE rollup_1d SET (fillfactor = 50);
