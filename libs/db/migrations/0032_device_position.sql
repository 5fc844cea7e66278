-- Last known position of mobile devices (vessels): device.lon/lat follow the newest reading that
-- carried a position; position_at keeps late readings from moving a device back in time.
ALTER TABLE device ADD COLUMN position_at timestamptz;
