-- Administrative-unit import bookkeeping (libs/geo).
-- content_hash: hash of every imported field, so a re-import reports unchanged units (and skips
-- rewriting them) without comparing multi-megabyte geometries.
-- bbox_*: bounding box of geom, so neighbour and viewport queries can pre-filter in plain SQL
-- (no PostGIS in the embedded mode).
ALTER TABLE admin_unit ADD COLUMN content_hash text;
ALTER TABLE admin_unit ADD COLUMN bbox_west double precision;
ALTER TABLE admin_unit ADD COLUMN bbox_south double precision;
ALTER TABLE admin_unit ADD COLUMN bbox_east double precision;
ALTER TABLE admin_unit ADD COLUMN bbox_north double precision;
CREATE INDEX admin_unit_level_idx ON admin_unit (level);
