#!/usr/bin/env bash
# Soak (tests/soak.sh PORT [SECONDS, default 20] [CLIENTS, default 64]) against the cluster on
# PORT: CLIENTS pgbench clients run a mix of reads, queries, counts, creates, merges, patches and
# optimistic-concurrency replaces (which race on a few hot documents, so 40001 happens) for
# SECONDS. Checks: no error but the expected version conflicts, backend memory flat (private
# memory of the same backends after the first tenth of the run and at the end), throughput
# steady (the last third's mean tps within a factor of 2 of the first third's). Prints tps, p50
# and p99 latency. The README's long run: tests/soak.sh PORT 600 64.
source "$(dirname "$0")/../scripts/lib.sh"
PORT=$1
SECONDS_RUN=${2:-20}
CLIENTS=${3:-64}
DB=docstore_soak
PGBENCH=$PG_BIN/pgbench
work=$(mktemp -d /tmp/docstore-soak.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail=0

psql_at "$PORT" -d postgres -q -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
q "CREATE EXTENSION docstore" >/dev/null
q "SELECT docstore_configure('soak', '{\"history\": true, \"changes\": true}')" >/dev/null
q "CREATE TABLE keys AS SELECT k, (SELECT id FROM docstore_create('soak', jsonb_build_object('k', k, 'group', k % 100, 'n', 0, 'bio', repeat('x', 300)))) AS id FROM generate_series(1, 10000) AS k" >/dev/null
q "CREATE UNIQUE INDEX ON keys (k)" >/dev/null
q "SELECT docstore_create_index('soak', '{\"k\": 1}')" >/dev/null
q "VACUUM ANALYZE" >/dev/null

cat >"$work/read.sql" <<'SQL'
\set k random(1, 10000)
SELECT id AS did FROM keys WHERE k = :k \gset
SELECT version FROM docstore_read('soak', :did);
SQL
cat >"$work/query.sql" <<'SQL'
\set g random(0, 99)
SELECT count(*) FROM docstore_query('soak', jsonb_build_object('group', :g::int), 20);
SELECT count(*) FROM docstore_find('soak', jsonb_build_object('k', jsonb_build_object('$gte', :g::int * 100)), '{"sort": {"k": 1}, "limit": 10}');
SQL
cat >"$work/count.sql" <<'SQL'
\set g random(0, 99)
SELECT docstore_count('soak', jsonb_build_object('group', :g::int));
SQL
cat >"$work/create.sql" <<'SQL'
SELECT id FROM docstore_create('soak_new', jsonb_build_object('client', :client_id::int, 'bio', repeat('y', 300)));
SQL
cat >"$work/update.sql" <<'SQL'
\set k random(1, 10000)
SELECT id AS did FROM keys WHERE k = :k \gset
SELECT version FROM docstore_update('soak', :did, jsonb_build_object('last', :client_id::int));
SQL
cat >"$work/patch.sql" <<'SQL'
\set k random(1, 10000)
SELECT id AS did FROM keys WHERE k = :k \gset
SELECT version FROM docstore_patch('soak', :did, '{"$inc": {"n": 1}}');
SQL
cat >"$work/race.sql" <<'SQL'
\set k random(1, 5)
SELECT id AS did FROM keys WHERE k = :k \gset
SELECT version AS v FROM docstore_read('soak', :did) \gset
SELECT version FROM docstore_replace('soak', :did, jsonb_build_object('k', :k::int, 'group', :k::int, 'n', :v::int), :v::int);
SQL

# Private memory (KB) of this database's backends, one line each: pid kb.
backend_memory() {
  for pid in $(pgrep -f "postgres: [a-z]+ $DB "); do
    awk -v pid="$pid" '/^Private_(Clean|Dirty):/ {kb += $2} END {if (kb) print pid, kb}' "/proc/$pid/smaps_rollup" 2>/dev/null || true
  done
}

log "soak: $CLIENTS clients for $SECONDS_RUN s"
(cd "$work" && "$PGBENCH" -n -M prepared -h 127.0.0.1 -p "$PORT" -U postgres -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" \
  --progress=$(( SECONDS_RUN >= 60 ? 10 : 2 )) --failures-detailed -l --log-prefix="$work/lat" \
  -f read.sql@30 -f query.sql@20 -f count.sql@5 -f create.sql@10 -f update.sql@15 -f patch.sql@15 -f race.sql@5 \
  "$DB" >"$work/pgbench.out" 2>"$work/pgbench.err") &
bench=$!
sleep $(( SECONDS_RUN / 10 + 2 ))
backend_memory >"$work/mem.start"
sleep $(( SECONDS_RUN * 8 / 10 - 2 > 0 ? SECONDS_RUN * 8 / 10 - 2 : 1 ))
backend_memory >"$work/mem.end"
wait $bench || { cat "$work/pgbench.err" >&2; echo "not ok - pgbench failed"; exit 1; }

transactions=$(grep -oP 'number of transactions actually processed: \K[0-9]+' "$work/pgbench.out")
failed=$(grep -oP 'number of failed transactions: \K[0-9]+' "$work/pgbench.out" | head -n 1)
serialization=$(grep -oP 'number of serialization failures: \K[0-9]+' "$work/pgbench.out" | head -n 1)
tps=$(grep -oP 'tps = \K[0-9.]+' "$work/pgbench.out" | head -n 1)
errors=$(grep -v "progress:" "$work/pgbench.err" | grep -c "ERROR" || true)
check "no error but expected version conflicts (40001)" "$failed" "$serialization"
check "no client aborted" 0 "$errors"
# Latency of every transaction (µs, field 3 of pgbench's log).
cat "$work"/lat.* | awk '{print $3}' | sort -n >"$work/lat.sorted"
n=$(wc -l <"$work/lat.sorted")
p50=$(awk -v n="$n" 'NR == int(n * 0.50) + 1 {printf "%.2f", $1 / 1000}' "$work/lat.sorted")
p99=$(awk -v n="$n" 'NR == int(n * 0.99) + 1 {printf "%.2f", $1 / 1000}' "$work/lat.sorted")
# Throughput per interval from --progress; first third vs last third.
grep -oP 'progress: [0-9.]+ s, \K[0-9.]+(?= tps)' "$work/pgbench.err" >"$work/tps"
steady=$(awk '{v[NR] = $1} END {t = int(NR / 3); if (t < 1) {print "yes"; exit}
  for (i = 1; i <= t; i++) a += v[i]; for (i = NR - t + 1; i <= NR; i++) b += v[i];
  r = b / a; print (r > 0.5 && r < 2) ? "yes" : "no (" a / t " then " b / t " tps)"}' "$work/tps")
check "throughput steady (last third within 2x of the first)" yes "$steady"
# Memory: the same backends, start vs end; flat = each grew by less than 16 MB.
grown=$(join <(sort "$work/mem.start") <(sort "$work/mem.end") | awk '$3 - $2 > 16384 {n++} END {print n + 0}')
compared=$(join <(sort "$work/mem.start") <(sort "$work/mem.end") | wc -l)
mem=$(join <(sort "$work/mem.start") <(sort "$work/mem.end") | awk '{a += $2; b += $3} END {if (NR) printf "%.1f MB -> %.1f MB", a / NR / 1024, b / NR / 1024}')
check "backend memory flat ($compared backends, mean private memory $mem)" 0 "$grown"
check "the data is consistent: versions = 1 + updates (history holds every replaced version)" 0 \
  "$(q "SELECT count(*) FROM docstore.documents d WHERE collection = 'soak' AND version - 1 <> (SELECT count(*) FROM docstore.history h WHERE h.collection = 'soak' AND h.id = d.id)")"
echo "# soak: $CLIENTS clients, ${SECONDS_RUN} s: $transactions transactions, $tps tps, p50 $p50 ms, p99 $p99 ms, $serialization version conflicts"
psql_at "$PORT" -d postgres -q -c "DROP DATABASE $DB"
exit $fail
