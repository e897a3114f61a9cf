#!/usr/bin/env bash
# Multi-connection tests against the cluster on PORT (tests/concurrency.sh PORT):
#  1. 8 clients update one document 250 times each: no update is lost, final version 2001.
#  2. 8 clients create 250 documents each: exactly 2000 documents, 2000 distinct ids.
#  3. 8 clients mix updates and reads of 20 documents: every version equals 1 + its updates.
#  4. Documents created one after another, each in a new session: ids in creation order.
#  5. 8 clients x 250 docstore_patch $inc on one field: exactly 2000, version 2001.
#  6. 8 clients race docstore_patch with expected_version: one winner per version, the losers
#     get 40001, no increment lost or doubled.
source "$(dirname "$0")/../scripts/lib.sh"
PORT=$1
DB=docstore_concurrency
PGBENCH=$PG_BIN/pgbench
work=$(mktemp -d /tmp/docstore-concurrency.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail=0
bench() { "$PGBENCH" -n -M prepared -h 127.0.0.1 -p "$PORT" -U postgres "$@" "$DB" >"$work/pgbench.log" 2>&1 \
  || { cat "$work/pgbench.log" >&2; echo "not ok - pgbench failed"; exit 1; }; }

# race SCRIPT: 8 clients run it 100 times each; pgbench counts 40001 as a failure, not an abort.
# Sets won and lost.
race() {
  "$PGBENCH" -n -M prepared -h 127.0.0.1 -p "$PORT" -U postgres -c 8 -j 8 -t 100 --failures-detailed \
    -f "$1" "$DB" >"$work/race.log" 2>&1
  won=$(grep -oP 'number of transactions actually processed: \K[0-9]+' "$work/race.log")
  lost=$(grep -oP 'number of serialization failures: \K[0-9]+' "$work/race.log")
}

psql_at "$PORT" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
q "CREATE EXTENSION docstore" >/dev/null

# 1. One document, 8 × 250 merge updates, each client writing its own key.
id=$(q "SELECT id FROM docstore_create('counter', '{\"n\": 0}')")
cat >"$work/update.sql" <<SQL
SELECT version FROM docstore_update('counter', '$id', jsonb_build_object('client' || :client_id, :client_id::int));
SQL
bench -c 8 -j 8 -t 250 -f "$work/update.sql"
check "8 clients x 250 updates of one document: version" 2001 "$(q "SELECT version FROM docstore_read('counter', '$id')")"
check "every client's key is in the document" 9 "$(q "SELECT count(*) FROM docstore_read('counter', '$id'), jsonb_object_keys(data)")"
check "pgbench saw no failed transaction" 0 "$(grep -oP 'number of failed transactions: \K[0-9]+' "$work/pgbench.log")"

# 2. 8 × 250 creates.
cat >"$work/create.sql" <<'SQL'
SELECT id FROM docstore_create('parallel', jsonb_build_object('client', :client_id::int));
SQL
bench -c 8 -j 8 -t 250 -f "$work/create.sql"
check "8 clients x 250 creates: documents" 2000 "$(q "SELECT count(*) FROM docstore.documents WHERE collection = 'parallel'")"
check "8 clients x 250 creates: distinct ids" 2000 "$(q "SELECT count(DISTINCT id) FROM docstore.documents WHERE collection = 'parallel'")"
check "each client created 250" "250" "$(q "SELECT DISTINCT count(*) FROM docstore.documents WHERE collection = 'parallel' GROUP BY data->'client'")"
check "docstore_query sees all of them" 2000 "$(q "SELECT count(*) FROM docstore_query('parallel', '{}', 5000)")"

# 3. Mixed: updates of 20 documents, reads in between; versions account for every update.
q "SELECT count(*) FROM (SELECT docstore_create('mixed', jsonb_build_object('k', k, 'n', 0)) FROM generate_series(1, 20) k) s" >/dev/null
q "CREATE TABLE mixed_ids AS SELECT (data->>'k')::int AS k, id FROM docstore.documents WHERE collection = 'mixed'" >/dev/null
q "CREATE TABLE mixed_log (id uuid, version int)" >/dev/null
cat >"$work/mixed.sql" <<'SQL'
\set k random(1, 20)
SELECT id AS mid FROM mixed_ids WHERE k = :k \gset
INSERT INTO mixed_log SELECT id, version FROM docstore_update('mixed', :mid, jsonb_build_object('last', :client_id::int));
SELECT version FROM docstore_read('mixed', :mid);
SQL
bench -c 8 -j 8 -t 200 -f "$work/mixed.sql"
check "mixed load: versions = 1 + updates, for all 20 documents" 20 \
  "$(q "SELECT count(*) FROM docstore.documents d WHERE collection = 'mixed' AND version = 1 + (SELECT count(*) FROM mixed_log l WHERE l.id = d.id)")"
check "mixed load: no version returned twice" 0 \
  "$(q "SELECT count(*) FROM (SELECT id, version FROM mixed_log GROUP BY 1, 2 HAVING count(*) > 1) s")"

# 4. Each create in its own session (a new backend process), one after another.
for i in $(seq 1 40); do q "SELECT docstore_create('sessions', jsonb_build_object('i', $i))" >/dev/null; done
check "creates from 40 sessions in a row: id order is creation order" \
  "$(seq -s, 1 40)" "$(q "SELECT string_agg(data->>'i', ',') FROM docstore_query('sessions', '{}', 100)")"

# 5. $inc from 8 clients on one document.
inc_id=$(q "SELECT id FROM docstore_create('inc', '{\"n\": 0}')")
cat >"$work/inc.sql" <<SQL
SELECT version FROM docstore_patch('inc', '$inc_id', '{"\$inc": {"n": 1}}');
SQL
bench -c 8 -j 8 -t 250 -f "$work/inc.sql"
check "8 clients x 250 \$inc: the field" 2000 "$(q "SELECT data->>'n' FROM docstore_read('inc', '$inc_id')")"
check "8 clients x 250 \$inc: the version" 2001 "$(q "SELECT version FROM docstore_read('inc', '$inc_id')")"

# 6. Optimistic concurrency: read the version, patch with it; pgbench counts 40001 as failures.
race_id=$(q "SELECT id FROM docstore_create('race', '{\"n\": 0}')")
cat >"$work/race.sql" <<SQL
SELECT version AS v FROM docstore_read('race', '$race_id') \gset
SELECT version FROM docstore_patch('race', '$race_id', '{"\$inc": {"n": 1}}', :v);
SQL
race "$work/race.sql"
check "expected_version race: every attempt won or got 40001" 800 "$((won + lost))"
check "expected_version race: some attempts lost (the race happened)" yes "$([ "${lost:-0}" -gt 0 ] && echo yes || echo no)"
check "expected_version race: n = the winners" "$won" "$(q "SELECT data->>'n' FROM docstore_read('race', '$race_id')")"
check "expected_version race: version = 1 + the winners" "$((won + 1))" "$(q "SELECT version FROM docstore_read('race', '$race_id')")"

# 7. The same race with docstore_replace: one winner per version.
rep_id=$(q "SELECT id FROM docstore_create('rep', '{\"w\": 0}')")
cat >"$work/replace.sql" <<SQL
SELECT version AS v FROM docstore_read('rep', '$rep_id') \gset
SELECT version FROM docstore_replace('rep', '$rep_id', jsonb_build_object('w', :client_id::int, 'v', :v::int), :v);
SQL
race "$work/replace.sql"
check "replace race: every attempt won or got 40001" 800 "$((won + lost))"
check "replace race: version = 1 + the winners (one winner per version)" "$((won + 1))" "$(q "SELECT version FROM docstore_read('rep', '$rep_id')")"
check "replace race: the last winner wrote against the version before it" "$won" "$(q "SELECT data->>'v' FROM docstore_read('rep', '$rep_id')")"

psql_at "$PORT" -d postgres -c "DROP DATABASE $DB"
exit $fail
