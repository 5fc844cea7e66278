-- Decommissioned devices (DELETE /api/v1/devices/:id): the row stays, so readings, rollups and
-- alerts keep naming a known device and the id is never re-used for another device's history;
-- the token is replaced by an unusable one and the DevEUI released.
ALTER TABLE device ADD COLUMN decommissioned_at timestamptz;
