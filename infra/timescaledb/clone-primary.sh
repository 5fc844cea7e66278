#!/bin/sh
# A read replica's first start: while its data directory is empty, copy the primary with
# pg_basebackup -R (which writes primary_conninfo and standby.signal, so the server starts as a
# hot standby streaming WAL) through a physical replication slot named after the replica, so
# the primary keeps the WAL the replica has not received yet (bounded by max_slot_wal_keep_size
# in postgresql.conf). Later starts find the directory and just resume streaming.
# Runs as the postgres OS user. Env: PGDATA, PRIMARY_HOST (PRIMARY_PORT, default 5432),
# REPLICATION_PASSWORD, REPLICA_NAME.
set -eu
: "${PGDATA:?}" "${PRIMARY_HOST:?}" "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"
slot=$(printf '%s' "${REPLICA_NAME:-replica_1}" | tr -c 'a-z0-9_' '_')
if [ -s "$PGDATA/PG_VERSION" ]; then exit 0; fi
until pg_isready -h "$PRIMARY_HOST" -p "${PRIMARY_PORT:-5432}" -q; do
  echo "waiting for the primary at $PRIMARY_HOST"
  sleep 2
done
mkdir -p "$PGDATA"
chmod 700 "$PGDATA"
PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -p "${PRIMARY_PORT:-5432}" -U ioc_replicator \
  -D "$PGDATA" -R -X stream -C -S "$slot" --checkpoint=fast --progress
