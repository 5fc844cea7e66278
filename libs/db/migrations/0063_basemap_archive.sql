-- The street basemap the platform serves itself (issue 20.7, `ioc basemap import`): the archive
-- file lives in DATA_DIR/basemap under its content hash; this row says which one is in use, so
-- every API process (and the CLI) agrees on it without a restart. At most one row: one active
-- archive per platform. (0062 is left to the personal-notifications branch.)
CREATE TABLE basemap_archive (
  singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  id            text NOT NULL CHECK (id ~ '^[0-9a-f]{16}$'),
  sha256        text NOT NULL,
  size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
  tile_type     text NOT NULL,
  min_zoom      smallint NOT NULL,
  max_zoom      smallint NOT NULL,
  bbox_west     double precision NOT NULL,
  bbox_south    double precision NOT NULL,
  bbox_east     double precision NOT NULL,
  bbox_north    double precision NOT NULL,
  source_name   text NOT NULL,
  imported_at   timestamptz NOT NULL DEFAULT now(),
  imported_by   text NOT NULL
);
