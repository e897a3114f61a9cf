#!/usr/bin/env bash
# The SQL regression suite: pg_regress over tests/pg_regress against the cluster on PORT.
#   tests/regress.sh PORT                 every test of tests/pg_regress/schedule
#   tests/regress.sh PORT NAME…           only these (setup runs first: it creates the extension)
#   tests/regress.sh PORT --accept NAME…  run them and make their output the expected one
#                                         (review the diff with git before committing it)
source "$(dirname "$0")/../scripts/lib.sh"
PORT=$1; shift
ACCEPT=no
if [ "${1:-}" = --accept ]; then ACCEPT=yes; shift; fi
[ "$ACCEPT" = no ] || [ $# -gt 0 ] || { echo "--accept needs the names of the tests to accept" >&2; exit 2; }
OUT=$(mktemp -d /tmp/docstore-regress.XXXXXX)
PGXS=$($PG_CONFIG --pgxs)
REGRESS=$(dirname "$PGXS")/../test/regress/pg_regress
psql_at "$PORT" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS docstore_regress" -c "CREATE DATABASE docstore_regress"
if [ $# -gt 0 ]; then
  for name in "$@"; do
    [ -f "$REPO/tests/pg_regress/sql/$name.sql" ] || { echo "no test $name in tests/pg_regress/sql" >&2; exit 2; }
  done
  tests=(setup "$@")
else
  tests=(--schedule="$REPO/tests/pg_regress/schedule")
fi
set +e
"$REGRESS" --use-existing --host=127.0.0.1 --port="$PORT" --user=postgres \
  --bindir="$PG_BIN" --inputdir="$REPO/tests/pg_regress" --outputdir="$OUT" \
  --dbname=docstore_regress "${tests[@]}"
status=$?
set -e
if [ "$ACCEPT" = yes ]; then
  for name in "$@"; do cp "$OUT/results/$name.out" "$REPO/tests/pg_regress/expected/$name.out"; done
  echo "accepted: $* (git diff tests/pg_regress/expected shows what changed)"
  status=0
elif [ $status -ne 0 ]; then
  cat "$OUT/regression.diffs" >&2 || true
  # Keep the actual output for inspection.
  rm -rf "$REPO/tests/pg_regress/results"; cp -r "$OUT/results" "$REPO/tests/pg_regress/results"
fi
rm -rf "$OUT"
exit $status
