#!/bin/sh
# Runs once, when the primary's database is first created (docker-entrypoint-initdb.d): the role
# read replicas stream WAL as (REPLICATION only, no table access) and the pg_hba line that lets
# it in with a password. Each replica clones the primary with clone-primary.sh.
set -eu
: "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v pw="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE ioc_replicator WITH REPLICATION LOGIN PASSWORD :'pw';
SQL
echo 'host replication ioc_replicator all scram-sha-256' >>"$PGDATA/pg_hba.conf"
