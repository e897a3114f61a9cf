#!/usr/bin/env bash
# A 1M-row result does not grow the backend: docstore_find and docstore_query hand rows to a
# tuplestore that spills to disk past work_mem. Samples the backend's private resident memory
# (RssAnon: shared buffers do not count) every 20 ms while it reads 1M documents (about 120 MB
# of result) and compares the peak with the memory before.
#   tests/memory.sh PORT
source "$(dirname "$0")/../scripts/lib.sh"
PORT=$1
DB=docstore_memory
ROWS=${MEMORY_ROWS:-1000000}
LIMIT_MB=32
work=$(mktemp -d /tmp/docstore-memory.XXXXXX)
trap 'rm -rf "$work"' EXIT
psql_at "$PORT" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
psql_at "$PORT" -d "$DB" -c "CREATE EXTENSION docstore" \
  -c "INSERT INTO docstore.documents (collection, data)
      SELECT 'm', jsonb_build_object('i', i, 'pad', repeat('x', 100)) FROM generate_series(1, $ROWS) i"

rss_anon() { awk '/^RssAnon/ {print $2}' "/proc/$1/status" 2>/dev/null; }

measure() { # measure LABEL SQL: prints "result peak_growth_kB"
  local app="docstore_memory_$RANDOM"
  PGAPPNAME=$app psql_at "$PORT" -d "$DB" -tA -c "SELECT pg_sleep(0.5)" -c "$2" >"$work/out" &
  local client=$!
  local pid=""
  while [ -z "$pid" ]; do
    pid=$(psql_at "$PORT" -d postgres -tA -c "SELECT pid FROM pg_stat_activity WHERE application_name = '$app'")
    sleep 0.02
  done
  local base peak now
  base=$(rss_anon "$pid"); peak=$base
  while kill -0 "$client" 2>/dev/null; do
    now=$(rss_anon "$pid"); [ -n "$now" ] && [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.02
  done
  wait "$client"
  [ -n "${MEMORY_DEBUG:-}" ] && echo "pid $pid base $base peak $peak" >&2
  echo "$(tail -n1 "$work/out") $((peak - base))"
}

fail=0
for call in "docstore_find('m', '{}', '{}')" "docstore_query('m', '{\"pad\": {\"\$exists\": true}}', $ROWS)"; do
  read -r result growth <<<"$(measure "$call" "SELECT count(*) || ':' || sum(octet_length(data::text)) / 1048576 FROM $call")"
  rows=${result%%:*}; mb=${result##*:}
  if [ "$rows" = "$ROWS" ] && [ "$growth" -lt $((LIMIT_MB * 1024)) ]; then
    echo "ok - $call: $rows rows, $mb MB of documents; backend private memory peak +$((growth / 1024)) MB (limit $LIMIT_MB MB)"
  else
    echo "not ok - $call: $rows rows, $mb MB of documents; backend private memory peak +$((growth / 1024)) MB (limit $LIMIT_MB MB)"
    fail=1
  fi
done
# Control: the measurement does see a result held whole in memory.
read -r _ growth <<<"$(measure control "SELECT octet_length(jsonb_agg(data)::text) || ':0' FROM docstore.documents WHERE collection = 'm'")"
if [ "$growth" -gt $((2 * LIMIT_MB * 1024)) ]; then
  echo "ok - control: jsonb_agg of the same documents, held whole, peaks at +$((growth / 1024)) MB"
else
  echo "not ok - control: jsonb_agg peaked at only +$((growth / 1024)) MB: the measurement is blind"
  fail=1
fi
psql_at "$PORT" -d postgres -c "DROP DATABASE $DB"
exit $fail
