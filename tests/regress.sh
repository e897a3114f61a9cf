#!/usr/bin/env bash
# The SQL regression suite: pg_regress over tests/pg_regress against the cluster on PORT.
#   tests/regress.sh PORT
source "$(dirname "$0")/../scripts/lib.sh"
PORT=$1
OUT=$(mktemp -d /tmp/docstore-regress.XXXXXX)
PGXS=$($PG_CONFIG --pgxs)
REGRESS=$(dirname "$PGXS")/../test/regress/pg_regress
psql_at "$PORT" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS docstore_regress" -c "CREATE DATABASE docstore_regress"
set +e
"$REGRESS" --use-existing --host=127.0.0.1 --port="$PORT" --user=postgres \
  --bindir="$PG_BIN" --inputdir="$REPO/tests/pg_regress" --outputdir="$OUT" \
  --dbname=docstore_regress --schedule="$REPO/tests/pg_regress/schedule"
status=$?
set -e
if [ $status -ne 0 ]; then
  cat "$OUT/regression.diffs" >&2 || true
  # Keep the actual output for inspection (and for updating the expected files on purpose).
  rm -rf "$REPO/tests/pg_regress/results"; cp -r "$OUT/results" "$REPO/tests/pg_regress/results"
fi
rm -rf "$OUT"
exit $status
