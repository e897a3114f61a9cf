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
# The scratch database keeps its documents between calls, unless the extension's SQL changed
# since the last call (a rebuilt docstore of the same version): then it is made afresh.
script="$($PG_CONFIG --sharedir)/extension/docstore--$(grep -m1 '^version' "$REPO/Cargo.toml" | cut -d'"' -f2).sql"
# (pgrx writes the script's statements in varying order: the stamp is over the sorted lines)
stamp="$(sort "$script" | md5sum | cut -d" " -f1)"
# An older release is upgraded in place (ALTER EXTENSION docstore UPDATE keeps the documents).
version=$(grep -m1 '^version' "$REPO/Cargo.toml" | cut -d'"' -f2)
installed=$(psql_at "$PORT" -d docstore -tAc "SELECT extversion FROM pg_extension WHERE extname = 'docstore'")
if [ -n "$installed" ] && [ "$installed" != "$version" ] &&
  psql_at "$PORT" -d docstore -c "ALTER EXTENSION docstore UPDATE TO '$version'" >/dev/null 2>&1; then
  log "docstore upgraded from $installed to $version in database docstore"
  psql_at "$PORT" -d docstore -c "COMMENT ON EXTENSION docstore IS 'docstore (run.sh: sql $stamp)'" >/dev/null
fi
if [ "$(psql_at "$PORT" -d docstore -tAc "SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'docstore'" | grep -o 'sql [0-9a-f]*' | cut -d' ' -f2)" != "$stamp" ]; then
  log "installing docstore in database docstore (its SQL changed since the last run: the scratch database is reset)"
  psql_at "$PORT" -d docstore -c "DROP EXTENSION IF EXISTS docstore CASCADE" -c "CREATE EXTENSION docstore" \
    -c "COMMENT ON EXTENSION docstore IS 'docstore (run.sh: sql $stamp)'" 2>&1 | grep -v NOTICE || true
fi

log "quick start (examples/quickstart.sql)"
psql_at "$PORT" -d docstore -e -f "$REPO/examples/quickstart.sql"

cat <<MSG

docstore is running. Connect with:
  psql -h 127.0.0.1 -p $PORT -U postgres docstore
  (connection string: postgresql://postgres@127.0.0.1:$PORT/docstore)
Stop it with: ./run.sh stop
MSG
