-- Core schema shared by both storage modes. Hot-table specifics (hypertable, rollups) follow in 0003.

CREATE TABLE ioc_meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE admin_unit (
  code         text NOT NULL,
  name         text NOT NULL,            -- full name with type prefix: "Phường Hải Vân"
  short_name   text NOT NULL,            -- "Hải Vân"
  name_en      text,
  level        text NOT NULL CHECK (level IN ('province', 'ward', 'commune', 'special_zone')),
  parent_code  text,
  geom         jsonb,                    -- GeoJSON MultiPolygon, WGS84
  label_lon    double precision,
  label_lat    double precision,
  area_km2     double precision,
  population   integer,
  approximate  boolean NOT NULL DEFAULT false,
  name_folded  text NOT NULL,            -- diacritic-free search key
  valid_from   date NOT NULL DEFAULT DATE '2025-07-01',
  valid_to     date,                     -- set when a merger retires the unit
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (code)
);
CREATE INDEX admin_unit_parent_idx ON admin_unit (parent_code);

CREATE TABLE metric (
  code         text PRIMARY KEY,
  uom          text NOT NULL,            -- canonical unit of measure
  name_vi      text NOT NULL,
  name_en      text NOT NULL,
  category     text NOT NULL,
  min_value    double precision NOT NULL,
  max_value    double precision NOT NULL,
  CHECK (min_value < max_value)
);

CREATE TABLE device (
  id                 text PRIMARY KEY,
  kind               text NOT NULL,      -- air_quality, water_level, rain_gauge, traffic_counter, noise, energy, wifi_hotspot, loudspeaker, vessel, gateway...
  unit_code          text REFERENCES admin_unit (code),
  lon                double precision,
  lat                double precision,
  mobile             boolean NOT NULL DEFAULT false,
  gateway_id         text REFERENCES device (id),
  dev_eui            text UNIQUE,
  profile            jsonb NOT NULL DEFAULT '{}'::jsonb,
  expected_interval_s integer NOT NULL DEFAULT 300,
  token_hash         text NOT NULL,
  token_rotated_at   timestamptz NOT NULL DEFAULT now(),
  created_at         timestamptz NOT NULL DEFAULT now(),
  last_seen          timestamptz,
  name               text
);
CREATE INDEX device_unit_idx ON device (unit_code);
-- Machine tokens are high-entropy and hashed with SHA-256, so a bearer token is found by its hash.
CREATE UNIQUE INDEX device_token_hash_idx ON device (token_hash);

CREATE TABLE dead_letter (
  id           bigserial PRIMARY KEY,
  received_at  timestamptz NOT NULL DEFAULT now(),
  reason       text NOT NULL,
  detail       text,
  source       text NOT NULL,            -- topic or route
  device_id    text,
  payload      text                      -- bounded excerpt of the raw payload
);
CREATE INDEX dead_letter_received_idx ON dead_letter (received_at);
