#!/bin/sh
# Runs once, when the database is first created (docker-entrypoint-initdb.d), before the
# platform's migrations: the role EMQX logs in as to authenticate devices. It can call
# mqtt_device_token_hash(id) (granted by migration 0049) and nothing else.
set -eu
: "${EMQX_DB_PASSWORD:?set EMQX_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v pw="$EMQX_DB_PASSWORD" <<'SQL'
CREATE ROLE ioc_emqx LOGIN PASSWORD :'pw' NOINHERIT;
REVOKE ALL ON SCHEMA public FROM ioc_emqx;
SQL
