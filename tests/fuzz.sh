#!/usr/bin/env bash
# Bad input at scale (tests/fuzz.sh PORT [CASES, default 20000] [SEED, default: random]) against
# the cluster on PORT: tests/fuzz_test.py sends CASES random calls through the SQL functions;
# then the server log must show no backend terminated by a signal. The full run of the README:
#   tests/fuzz.sh PORT 100000
source "$(dirname "$0")/../scripts/lib.sh"
PORT=$1
CASES=${2:-20000}
SEED=${3:-$RANDOM}
DB=docstore_fuzz
LOG=${FUZZ_SERVER_LOG:-/tmp/docstore-test-$(id -un)/server.log}
psql_at "$PORT" -d postgres -q -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
psql_at "$PORT" -d "$DB" -q -c "CREATE EXTENSION docstore" \
  -c "SELECT count(*) FROM docstore_create_many('fz', (SELECT jsonb_agg(jsonb_build_object('a', i, 'b', jsonb_build_object('c', i % 3), 'tags', jsonb_build_array(i, 'x'))) FROM generate_series(1, 50) i))" >/dev/null
signals_before=$(grep -c "terminated by signal" "$LOG" 2>/dev/null || true)
venv=$(ensure_venv)
status=0
"$venv/bin/python" "$REPO/tests/fuzz_test.py" "postgresql://postgres@127.0.0.1:$PORT/$DB" "$CASES" "$SEED" || status=1
signals_after=$(grep -c "terminated by signal" "$LOG" 2>/dev/null || true)
if [ "$signals_after" = "$signals_before" ]; then echo "ok - the server log has no backend terminated by a signal"
else echo "not ok - the server log shows $((signals_after - signals_before)) backends terminated by a signal"; status=1; fi
psql_at "$PORT" -d postgres -q -c "DROP DATABASE $DB"
exit $status
