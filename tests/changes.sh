#!/usr/bin/env bash
# History and change feed under concurrency, against the cluster on PORT (tests/changes.sh PORT
# [SECONDS, default 15]):
#  1. 8 writers run transactions of mixed length (creates, updates of two documents, deletes;
#     some held open with pg_sleep so that they commit after transactions that started and took
#     their sequence numbers later; one in ten rolled back) while a reader follows
#     docstore_changes with cursors. At the end the reader holds every committed change exactly
#     once, each document's changes in version order, and nothing of a rolled-back transaction.
#  2. 8 clients x 250 updates of one document with history on: docstore_history holds versions
#     1..2001 exactly once each.
source "$(dirname "$0")/../scripts/lib.sh"
PORT=$1
SECONDS_LOAD=${2:-15}
DB=docstore_changes
PGBENCH=$PG_BIN/pgbench
work=$(mktemp -d /tmp/docstore-changes.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail=0

psql_at "$PORT" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
q "CREATE EXTENSION docstore" >/dev/null
q "SELECT docstore_configure('feed', '{\"changes\": true, \"history\": true}')" >/dev/null
q "CREATE TABLE pool AS SELECT k, (SELECT id FROM docstore_create('feed', jsonb_build_object('k', k))) AS id FROM generate_series(1, 50) AS k" >/dev/null

# Writers. A transaction creates a document, or updates two pool documents (in key order, so no
# deadlock), or deletes one document it did not take from the pool; then it may sleep up to 90
# ms before it commits, and one in ten rolls back. Writes of a rolled-back transaction carry
# "rb": true, so none of them may ever reach the reader.
cat >"$work/writer.sql" <<'SQL'
\set op random(1, 10)
\set a random(1, 50)
\set b random(1, 50)
\set hold random(0, 3)
\set rb random(1, 10)
BEGIN;
\if :op <= 3
SELECT id FROM docstore_create('feed', jsonb_build_object('client', :client_id, 'rb', :rb = 1));
\elif :op <= 9
SELECT version FROM pool, docstore_update('feed', pool.id, jsonb_build_object('client', :client_id, 'rb', :rb = 1))
 WHERE pool.k IN (least(:a, :b), greatest(:a, :b)) ORDER BY pool.k;
\else
SELECT docstore_delete('feed', d.id) FROM docstore.documents AS d
 WHERE d.collection = 'feed' AND NOT d.data ? 'k' ORDER BY d.id LIMIT 1 FOR UPDATE SKIP LOCKED;
\endif
SELECT pg_sleep(:hold * 0.03);
\if :rb = 1
ROLLBACK;
\else
COMMIT;
\endif
SQL

# The reader: follows the feed of collection 'feed' with cursors, 200 rows a call, until the
# writers are done and a call returns nothing.
reader() {
  local cursor="" page="$work/page" empty=0 arg
  : >"$work/read.txt"
  while :; do
    if [ -z "$cursor" ]; then arg=NULL; else arg="'$cursor'"; fi
    psql_at "$PORT" -d "$DB" -tA -F'|' -c \
      "SELECT cursor, id, op, version, coalesce(data->>'rb', '') FROM docstore_changes($arg, 200, 'feed')" >"$page"
    if [ -s "$page" ]; then
      cat "$page" >>"$work/read.txt"
      cursor=$(tail -n 1 "$page" | cut -d'|' -f1)
      empty=0
    else
      if [ -f "$work/writers.done" ]; then
        empty=$((empty + 1))
        [ $empty -ge 2 ] && break
      fi
      sleep 0.05
    fi
  done
}

reader &
reader_pid=$!
"$PGBENCH" -n -h 127.0.0.1 -p "$PORT" -U postgres -c 8 -j 8 -T "$SECONDS_LOAD" -f "$work/writer.sql" "$DB" \
  >"$work/writers.log" 2>&1 || { cat "$work/writers.log" >&2; echo "not ok - writers failed"; exit 1; }
touch "$work/writers.done"
wait "$reader_pid"

# seq, id, op, version, rb of every change the reader got, in its order.
awk -F'|' '{ n = split($1, c, "/"); print c[n] "|" $2 "|" $3 "|" $4 "|" $5 }' "$work/read.txt" >"$work/got.txt"
q "SELECT seq FROM docstore.changes WHERE collection = 'feed' ORDER BY seq" >"$work/committed.txt"
transactions=$(grep -oP 'number of transactions actually processed: \K[0-9]+' "$work/writers.log")
echo "# $transactions writer transactions, $(wc -l <"$work/committed.txt") committed changes, $(wc -l <"$work/got.txt") read in $(cut -d'|' -f1 "$work/read.txt" | cut -d/ -f1-2 | sort -u | wc -l) batches"
check "the reader got every committed change exactly once" "$(cat "$work/committed.txt")" "$(cut -d'|' -f1 "$work/got.txt" | sort -n)"
check "the reader got no change twice" "" "$(cut -d'|' -f1 "$work/got.txt" | sort | uniq -d | head -3)"
check "nothing of a rolled-back transaction reached the reader" 0 "$(grep -c '|true$' "$work/got.txt" || true)"
check "each document's changes in version order (a delete repeats the last version)" 0 "$(awk -F'|' '
  { if (($2 in last) && !($4 > last[$2] || ($3 == "delete" && $4 == last[$2]))) bad++; last[$2] = $4 }
  END { print bad + 0 }' "$work/got.txt")"
check "every pool document: its changes are a create and one update per version" 50 \
  "$(q "SELECT count(*) FROM pool, docstore_read('feed', pool.id) AS d
         WHERE d.version = (SELECT count(*) FROM docstore.changes AS c WHERE c.id = pool.id)")"
check "rolled-back transactions wrote changes that vanished (the test saw rollbacks)" yes \
  "$(q "SELECT CASE WHEN (SELECT last_value FROM docstore.change_seq) > (SELECT count(*) FROM docstore.changes) THEN 'yes' ELSE 'no' END")"
check "transactions took sequence numbers out of transaction order (the hard case happened)" yes \
  "$(q "SELECT CASE WHEN EXISTS (SELECT 1 FROM docstore.changes a JOIN docstore.changes b ON a.seq < b.seq AND a.xid > b.xid) THEN 'yes' ELSE 'no' END")"
check "the history of every pool document holds each version once" 50 \
  "$(q "SELECT count(*) FROM pool, docstore_read('feed', pool.id) AS d
         WHERE (SELECT count(DISTINCT version) || '/' || count(*) || '/' || min(version) || '/' || max(version)
                  FROM docstore_history('feed', pool.id)) = d.version || '/' || d.version || '/1/' || d.version")"

# NOTIFY docstore_changes (no payload: see the README's security model) when a change commits,
# not before.
psql_at "$PORT" -d "$DB" -c "LISTEN docstore_changes" -c "SELECT pg_sleep(2)" >"$work/listen.txt" 2>&1 &
listener=$!
sleep 0.5
q "BEGIN; SELECT docstore_create('feed', '{\"notify\": 1}'); SELECT docstore_create('feed', '{\"notify\": 2}'); COMMIT;" >/dev/null
q "BEGIN; SELECT docstore_create('feed', '{\"notify\": 3}'); ROLLBACK;" >/dev/null
wait "$listener"
check "a listener got one notification for the committed transaction, none for the rolled-back one" 1 \
  "$(grep -c 'notification "docstore_changes" received' "$work/listen.txt")"

# 2. History under concurrency.
q "SELECT docstore_configure('counter', '{\"history\": true}')" >/dev/null
id=$(q "SELECT id FROM docstore_create('counter', '{\"n\": 0}')")
cat >"$work/update.sql" <<SQL
SELECT version FROM docstore_patch('counter', '$id', '{"\$inc": {"n": 1}}');
SQL
"$PGBENCH" -n -M prepared -h 127.0.0.1 -p "$PORT" -U postgres -c 8 -j 8 -t 250 -f "$work/update.sql" "$DB" >"$work/counter.log" 2>&1
check "8 clients x 250 updates with history on: versions in the history" "2001 2001 1 2001" \
  "$(q "SELECT count(*) || ' ' || count(DISTINCT version) || ' ' || min(version) || ' ' || max(version) FROM docstore_history('counter', '$id')")"
check "each past version holds the count it had" 0 \
  "$(q "SELECT count(*) FROM docstore_history('counter', '$id') WHERE (data->>'n')::int <> version - 1")"

psql_at "$PORT" -d postgres -c "DROP DATABASE $DB" >/dev/null
exit $fail
