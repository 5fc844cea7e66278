-- Wall screens report in (issue 20.6): one row per screen, a display token and the tile of its
-- wall it shows, with what it last said it shows and when. Kept in the database so the admin
-- list survives a restart and every API process sees every screen; "offline" is read from
-- last_seen_at, nothing deletes rows. A token's screens go when the token row goes.
CREATE TABLE wall_screen (
  token_id       uuid NOT NULL REFERENCES display_token (id) ON DELETE CASCADE,
  tile           smallint NOT NULL CHECK (tile BETWEEN 1 AND 64),
  token_name     text NOT NULL,
  unit_code      text NOT NULL,
  tiles_cols     smallint NOT NULL CHECK (tiles_cols BETWEEN 1 AND 8),
  tiles_rows     smallint NOT NULL CHECK (tiles_rows BETWEEN 1 AND 8),
  scene_id       text,
  scene_kind     text,
  viewport_w     integer NOT NULL,
  viewport_h     integer NOT NULL,
  kiosk          boolean NOT NULL,
  build          text,
  first_seen_at  timestamptz NOT NULL,
  last_seen_at   timestamptz NOT NULL,
  PRIMARY KEY (token_id, tile)
);
