-- Camera registry (issue 15.1): cameras the province's media server (MediaMTX, go2rtc) plays.
-- The platform keeps where a camera is, which unit it belongs to (its scope) and the media
-- server's paths; the streams themselves never pass through it.
CREATE TABLE camera (
  id                 text PRIMARY KEY,
  name               text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('traffic', 'security', 'port', 'flood')),
  lon                double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat                double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  unit_code          text NOT NULL REFERENCES admin_unit (code),
  whep_path          text,
  hls_path           text,
  snapshot_url       text,
  tags               text[] NOT NULL DEFAULT '{}',
  status             text NOT NULL DEFAULT 'unknown' CHECK (status IN ('unknown', 'online', 'offline')),
  status_checked_at  timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX camera_unit_idx ON camera (unit_code);
-- The auth hook finds a camera by the path the media server asks about.
CREATE INDEX camera_whep_path_idx ON camera (whep_path);
CREATE INDEX camera_hls_path_idx ON camera (hls_path);

-- How the media server reaches the camera. A table of its own so that no query that answers a
-- route can select it by accident (SELECT camera.* never sees it); deleted with the camera.
CREATE TABLE camera_credential (
  camera_id   text PRIMARY KEY REFERENCES camera (id) ON DELETE CASCADE,
  username    text,
  password    text,
  source_url  text,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The key viewing tokens are signed with when CAMERA_TOKEN_SECRET is not set: made once by the
-- first process that needs it and shared by every API process (as vapid_key is for Web Push).
CREATE TABLE camera_token_key (
  id          smallint PRIMARY KEY CHECK (id = 1),
  secret      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
