#!/usr/bin/env bash
# Makes a local PostgreSQL server available for hpo4j-jdbc's tests: installs Debian's package when
# missing, starts a cluster on 127.0.0.1, creates the role and database "hpo4j", and prints the
# storage URL (only that, on stdout) to export as HPO4J_PG_URL. Idempotent: safe to run again while the server is up.
#   export HPO4J_PG_URL="$(bash .ci/postgres.sh)"
set -euo pipefail
log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  log "installing postgresql from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
  log "creating cluster $VERSION/main"
  pg_createcluster "$VERSION" main >&2
fi
PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
  log "starting cluster $VERSION/main on port $PORT"
  pg_ctlcluster "$VERSION" main start >&2
fi
for _ in $(seq 1 30); do
  if su postgres -c "psql -p $PORT -qtAc 'SELECT 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

PSQL="psql -p $PORT -v ON_ERROR_STOP=1 -qtA"
if [ "$(su postgres -c "$PSQL -c \"SELECT 1 FROM pg_roles WHERE rolname='hpo4j'\"")" != "1" ]; then
  su postgres -c "$PSQL -c \"CREATE ROLE hpo4j LOGIN PASSWORD 'hpo4j'\"" >&2
fi
if [ "$(su postgres -c "$PSQL -c \"SELECT 1 FROM pg_database WHERE datname='hpo4j'\"")" != "1" ]; then
  su postgres -c "$PSQL -c \"CREATE DATABASE hpo4j OWNER hpo4j\"" >&2
fi
# max_connections defaults to 100: enough for 8 worker processes with pools of 8 plus the tests.
echo "postgresql://hpo4j:hpo4j@127.0.0.1:$PORT/hpo4j"
