-- Open data (libs/opendata): what an administrator has published, and the history of mobile
-- devices' positions that SensorThings HistoricalLocations read. Nothing is public by default:
-- a subject without a row is not published.
CREATE TABLE open_publication (
  subject     text NOT NULL CHECK (subject IN ('device_kind', 'device', 'metric', 'indicator')),
  key         text NOT NULL,
  public      boolean NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text,
  PRIMARY KEY (subject, key)
);

-- One row: how positions are rounded on public routes (NULL = exact), and the licence the
-- catalogue states. Rounding to 3 decimals (~110 m) is the default for privacy.
CREATE TABLE open_data_setting (
  id                boolean PRIMARY KEY DEFAULT true CHECK (id),
  position_decimals integer CHECK (position_decimals IS NULL OR position_decimals BETWEEN 0 AND 7),
  licence_id        text NOT NULL,
  licence_url       text NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  updated_by        text
);
INSERT INTO open_data_setting (position_decimals, licence_id, licence_url)
VALUES (3, 'CC-BY-4.0', 'https://creativecommons.org/licenses/by/4.0/');

-- A device is public when its own row says so, else when its kind's row says so; a
-- decommissioned device never is. Every public route reads through these views, so the rule
-- has one owner.
CREATE VIEW open_public_device AS
SELECT d.*
FROM device d
WHERE d.decommissioned_at IS NULL
  AND COALESCE(
    (SELECT p.public FROM open_publication p WHERE p.subject = 'device' AND p.key = d.id),
    (SELECT p.public FROM open_publication p WHERE p.subject = 'device_kind' AND p.key = d.kind),
    false);

CREATE VIEW open_public_metric AS
SELECT m.*
FROM metric m
JOIN open_publication p ON p.subject = 'metric' AND p.key = m.code AND p.public;

CREATE VIEW open_public_indicator AS
SELECT i.*
FROM indicator i
JOIN open_publication p ON p.subject = 'indicator' AND p.key = i.code AND p.public;

-- Positions of mobile devices (vessels) over time: written when a reading moves a mobile
-- device (libs/live latest repository), read as SensorThings HistoricalLocations.
CREATE TABLE device_position (
  device_id  text NOT NULL REFERENCES device (id),
  time       timestamptz NOT NULL,
  lon        double precision NOT NULL,
  lat        double precision NOT NULL,
  PRIMARY KEY (device_id, time)
);
