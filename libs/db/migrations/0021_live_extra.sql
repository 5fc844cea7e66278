-- Live operations, second part (issue 6): the same in every storage mode.

-- Escalation after a fraction of a minute (drills, tests: 0.5 = 30 s). The CHECK of 0020
-- (NULL or > 0) still applies to the new type.
ALTER TABLE alert_rule ALTER COLUMN escalate_after_min TYPE double precision;

-- What a notification says: its event and the payload as it was when the change happened, so a
-- retry re-sends the same message even if the alert has moved on since.
ALTER TABLE notification_attempt ADD COLUMN event text;
ALTER TABLE notification_attempt ADD COLUMN payload jsonb;

-- Newest value per device and metric, kept by the live service from the writer's committed
-- rows (only ever moved forward in time), so "latest" reads cost O(devices) instead of a scan of
-- the reading hypertable. unit_code is the unit of that reading (mobile devices move).
CREATE TABLE device_latest (
  device_id  text             NOT NULL,
  metric     text             NOT NULL,
  time       timestamptz      NOT NULL,
  value      double precision NOT NULL,
  unit_code  text,
  PRIMARY KEY (device_id, metric)
);
CREATE INDEX device_latest_unit_idx ON device_latest (unit_code, metric);

INSERT INTO device_latest (device_id, metric, time, value, unit_code)
SELECT DISTINCT ON (device_id, metric) device_id, metric, time, value, unit_code
FROM reading
WHERE time > now() - interval '7 days'
ORDER BY device_id, metric, time DESC;
