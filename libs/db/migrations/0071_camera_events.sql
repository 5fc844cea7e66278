-- AI-camera events (issue 15.3): the sources that send them (a Hikvision camera or NVR, a Frigate
-- instance, a generic webhook, an ONVIF pull-point) and the normalised events they produced.

-- A source's secret is kept as a SHA-256 hash (it is high-entropy: made by the platform or at
-- least 16 characters), so a webhook's secret is checked without the secret being stored.
-- `cameras` maps the sender's camera key (Hikvision `ip:`/`channel:`/`mac:`, Frigate's camera
-- name, the generic `camera` field) to a registered camera.
CREATE TABLE camera_event_source (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('hikvision', 'generic', 'frigate', 'onvif')),
  cameras      jsonb NOT NULL DEFAULT '{}'::jsonb,
  base_url     text,
  -- Frigate: the MQTT topic its events come on (its `mqtt.topic_prefix` + `/events`).
  mqtt_topic   text,
  enabled      boolean NOT NULL DEFAULT true,
  secret_hash  text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per real-world event: `dedupe_key` is the sender's own identity of the event
-- (Frigate's event id, a Hikvision notification's channel + time + type + plate, a generic
-- `eventId`), so a retry or Frigate's update/end of the same event finds the row it made.
-- No foreign key to camera or source: a removed camera's history stays until retention.
CREATE TABLE camera_event (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source_id      text NOT NULL,
  camera_id      text NOT NULL,
  unit_code      text NOT NULL,
  type           text NOT NULL CHECK (type IN ('anpr', 'vehicle', 'person', 'smoke', 'fire', 'intrusion', 'crowd', 'other')),
  time           timestamptz NOT NULL,
  confidence     double precision CHECK (confidence BETWEEN 0 AND 1),
  label          text,
  direction      text CHECK (direction IN ('in', 'out')),
  zone           text,
  dedupe_key     text NOT NULL,
  received_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX camera_event_dedupe_uq ON camera_event (source_id, dedupe_key);
CREATE INDEX camera_event_unit_time_idx ON camera_event (unit_code, time DESC);
CREATE INDEX camera_event_camera_time_idx ON camera_event (camera_id, time DESC);

-- Snapshots, re-encoded to JPEG without metadata (as citizen photos are), in a table of their
-- own so that event lists never read the bytes; pruned with the events (CAMERA_EVENT_RETENTION_DAYS).
CREATE TABLE camera_event_snapshot (
  event_id      uuid PRIMARY KEY REFERENCES camera_event (id) ON DELETE CASCADE,
  content_type  text NOT NULL,
  width         int NOT NULL,
  height        int NOT NULL,
  data          bytea NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Events as counts: each stored event is also a reading of value 1 on the camera (as a device
-- of kind `camera`), so the hourly rollups' `sum` is the number of events per hour and unit,
-- and the alert rules evaluate them like any reading.
INSERT INTO metric (code, uom, name_vi, name_en, category, min_value, max_value, unit_vi, unit_en, decimals) VALUES
  ('vehicles_in',      'count', 'Xe vào',                    'Vehicles in',          'camera', 0, 1000, 'xe', 'vehicles', 0),
  ('vehicles_out',     'count', 'Xe ra',                     'Vehicles out',         'camera', 0, 1000, 'xe', 'vehicles', 0),
  ('camera_anpr',      'count', 'Biển số nhận dạng',         'Plates read',          'camera', 0, 1000, 'lượt', 'reads', 0),
  ('camera_vehicle',   'count', 'Phương tiện phát hiện',     'Vehicles detected',    'camera', 0, 1000, 'lượt', 'detections', 0),
  ('camera_person',    'count', 'Người phát hiện',           'People detected',      'camera', 0, 1000, 'lượt', 'detections', 0),
  ('camera_smoke',     'count', 'Cảnh báo khói',             'Smoke warnings',       'camera', 0, 1000, 'lượt', 'warnings', 0),
  ('camera_fire',      'count', 'Cảnh báo cháy',             'Fire warnings',        'camera', 0, 1000, 'lượt', 'warnings', 0),
  ('camera_intrusion', 'count', 'Xâm nhập vùng cấm',         'Intrusions',           'camera', 0, 1000, 'lượt', 'intrusions', 0),
  ('camera_crowd',     'count', 'Tụ tập đông người',         'Crowds',               'camera', 0, 1000, 'lượt', 'crowds', 0),
  ('camera_other',     'count', 'Sự kiện camera khác',       'Other camera events',  'camera', 0, 1000, 'lượt', 'events', 0);
