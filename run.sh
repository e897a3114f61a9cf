#!/usr/bin/env bash
# The main job: installs what is missing, builds docstore, starts a throwaway PostgreSQL 15 on
# 127.0.0.1:${DOCSTORE_PORT:-54329} with docstore installed in database "docstore", runs the quick
# start and prints how to connect. The server keeps running; a second call reuses it.
# Stop it with: ./run.sh stop
source "$(dirname "$0")/scripts/lib.sh"

PORT=${DOCSTORE_PORT:-54329}
DIR=${DOCSTORE_CLUSTER:-/tmp/docstore-cluster-$(id -un)}

if [ "${1:-}" = stop ]; then cluster_stop "$DIR"; log "stopped"; exit 0; fi

ensure_packages
ensure_pgrx
install_extension --release
cluster_start "$DIR" "$PORT"
psql_at "$PORT" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'docstore'" | grep -q 1 \
  || psql_at "$PORT" -d postgres -c "CREATE DATABASE docstore"
psql_at "$PORT" -d docstore -c "CREATE EXTENSION IF NOT EXISTS docstore"

log "quick start (examples/quickstart.sql)"
psql_at "$PORT" -d docstore -e -f "$REPO/examples/quickstart.sql"

cat <<MSG

docstore is running. Connect with:
  psql -h 127.0.0.1 -p $PORT -U postgres docstore
  (connection string: postgresql://postgres@127.0.0.1:$PORT/docstore)
Stop it with: ./run.sh stop
MSG
