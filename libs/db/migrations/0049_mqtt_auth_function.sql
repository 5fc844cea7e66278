-- What an external MQTT broker (EMQX, infra/emqx) may read to authenticate a device: the token
-- hash of one active device, through a function, instead of logging in as the database owner.
-- The broker's role (ioc_emqx, created by infra/timescaledb/init-emqx-role.sh) gets EXECUTE on
-- this function and nothing else: no table, no other row, no write.
CREATE FUNCTION mqtt_device_token_hash(p_id text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT token_hash FROM device WHERE id = p_id AND decommissioned_at IS NULL $$;

REVOKE ALL ON FUNCTION mqtt_device_token_hash(text) FROM PUBLIC;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ioc_emqx') THEN
    GRANT EXECUTE ON FUNCTION mqtt_device_token_hash(text) TO ioc_emqx;
  END IF;
END
$$;
