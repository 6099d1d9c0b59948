#!/usr/bin/env bash
# Runs the fault-injection suite (faults.py) against a PostgreSQL cluster of its own, created here
# on a free loopback port and dropped afterwards (cluster 15/main is never touched). Needs root
# (the SQLite disk-full scenario mounts a small tmpfs), the PostgreSQL server packages and the CLI
# jar (built here when missing). Extra arguments go to faults.py, e.g. --only kill9,sigstop.
#   bash .ci/faults/run.sh            # the CI run, about 3-4 minutes
set -euo pipefail
cd "$(dirname "$0")/../.."
here=.ci/faults
if [ ! -f hpo4j-cli/target/hpo4j-cli.jar ]; then
  mvn -B -q -Dstyle.color=never -DskipTests -Dmaven.javadoc.skip=true package -pl hpo4j-cli -am
fi
VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
CLUSTER=${FAULTS_CLUSTER:-faults}
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# A password with characters that must be percent-encoded, so that every form of redaction is tried.
PASSWORD='Fz9%21Kq'
RAW_PASSWORD='Fz9!Kq'
WORK=${FAULTS_WORK:-target/faults}
rm -rf "$WORK" && mkdir -p "$WORK"
cleanup() { pg_dropcluster --stop "$VERSION" "$CLUSTER" >/dev/null 2>&1 || true; }
cleanup
trap cleanup EXIT
pg_createcluster "$VERSION" "$CLUSTER" -p "$PORT" >/dev/null
# listen_addresses stays at its default, localhost: loopback only
pg_conftool "$VERSION" "$CLUSTER" set shared_buffers 16MB
pg_conftool "$VERSION" "$CLUSTER" set max_connections 200
pg_ctlcluster "$VERSION" "$CLUSTER" start
su postgres -c "psql -p $PORT -qtAc \"CREATE ROLE faults LOGIN PASSWORD '$RAW_PASSWORD'\"" >/dev/null
su postgres -c "psql -p $PORT -qtAc 'CREATE DATABASE faults OWNER faults'" >/dev/null
nice -n 5 python3 "$here/faults.py" --work "$WORK" --pg-version "$VERSION" --pg-cluster "$CLUSTER" \
  --pg-port "$PORT" --pg-password "$PASSWORD" --pg-raw-password "$RAW_PASSWORD" "$@"
