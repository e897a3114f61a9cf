#!/usr/bin/env bash
# Benchmark: each docstore function against the equivalent raw SQL on the same table, indexes and
# trigger, measured side by side in one run on a throwaway cluster (127.0.0.1:54331).
#   bench/run.sh [seconds per measurement, default 10] [runs, default 3]
# For each operation and run, pgbench -M prepared drives the docstore script and the raw one
# (2 clients, alternating which goes first, VACUUM ANALYZE before each); the figure is the mean
# latency of the measured statement: from pgbench -r where a script has a helper statement (the
# \gset that picks a random id, excluded from the figure), from the tps where the script is the
# one statement (more digits than -r's microseconds, which matters for a 20 µs read). The ratio
# is raw latency / docstore latency (1.00 = as fast as raw SQL, higher is better), median of
# the runs.
source "$(dirname "$0")/../scripts/lib.sh"

SECONDS_EACH=${1:-10}
RUNS=${2:-3}
PORT=${BENCH_PORT:-54331}
DIR=${BENCH_CLUSTER:-/tmp/docstore-bench-$(id -un)}
PGBENCH=$PG_BIN/pgbench
SCRIPTS=$REPO/bench/scripts

ensure_packages
ensure_pgrx
install_extension --release
cluster_stop "$DIR"; as_root rm -rf "$DIR"
cluster_start "$DIR" "$PORT"
trap 'cluster_stop "$DIR"' EXIT
psql_at "$PORT" -d postgres -c "CREATE DATABASE bench"
log "loading 100k documents of ~1 KB"
psql_at "$PORT" -d bench -f "$REPO/bench/setup.sql"

log "plans: docstore_read (inlined), and the statements docstore_update / docstore_query run"
psql_at "$PORT" -d bench <<'SQL'
SELECT lpad('500', 32, '0')::uuid AS rid \gset
EXPLAIN (COSTS OFF) SELECT * FROM docstore_read('bench', :'rid');
EXPLAIN (COSTS OFF) UPDATE docstore.documents SET data = data || '{"score": 1}' WHERE collection = 'bench' AND id = :'rid'
  RETURNING id, collection, data, created_at, updated_at, version;
EXPLAIN (COSTS OFF) SELECT id, collection, data, created_at, updated_at, version FROM docstore.documents
  WHERE collection = 'bench' AND data @> '{"group": 17}' ORDER BY collection, id LIMIT 20;
SQL

# The mean latency (ms) of the measured statement (the last one) of a pgbench -r report: from
# the tps when the script has one statement, else from the per-statement figures.
CLIENTS=2
statement_latency() {
  awk -v clients=$CLIENTS '
    /^tps = / { tps = $3 }
    /^ +[0-9.]+ +[0-9]+ +[^ \\\\]/ { n++; last = $1 }
    END { if (n == 1) printf "%.5f\n", clients * 1000 / tps; else print last }'
}

measure() {
  local script=$1
  psql_at "$PORT" -d bench -c "VACUUM ANALYZE docstore.documents" >/dev/null
  "$PGBENCH" -n -M prepared -c $CLIENTS -j $CLIENTS -T "$SECONDS_EACH" -r -h 127.0.0.1 -p "$PORT" \
    -U postgres -f "$SCRIPTS/$script" bench 2>/dev/null | statement_latency
}

declare -A ratios
results=$(mktemp)
for run in $(seq 1 "$RUNS"); do
  for op in create read update query; do
    if [ $((run % 2)) = 1 ]; then
      fn=$(measure "${op}_docstore.sql"); raw=$(measure "${op}_raw.sql")
    else
      raw=$(measure "${op}_raw.sql"); fn=$(measure "${op}_docstore.sql")
    fi
    ratio=$(awk -v r="$raw" -v f="$fn" 'BEGIN {printf "%.3f", r / f}')
    printf '%s %s %s %s %s\n' "$op" "$run" "$fn" "$raw" "$ratio" >>"$results"
    log "run $run: $op docstore ${fn} ms, raw ${raw} ms, ratio $ratio"
  done
done

echo
echo "| operation | docstore latency (ms, median) | raw SQL latency (ms, median) | ratio raw/docstore (median of $RUNS) | target |"
echo "|---|---|---|---|---|"
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
for op in create read update query; do
  target=0.95; [ "$op" = read ] && target=0.90
  fn=$(awk -v op="$op" '$1 == op {print $3}' "$results" | median)
  raw=$(awk -v op="$op" '$1 == op {print $4}' "$results" | median)
  ratio=$(awk -v op="$op" '$1 == op {print $5}' "$results" | median)
  printf '| %s | %.3f | %.3f | %.2f | >= %s |\n' "$op" "$fn" "$raw" "$ratio" "$target"
done
rm -f "$results"
