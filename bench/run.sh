#!/usr/bin/env bash
# Benchmark: each docstore function against the equivalent raw SQL on the same table, indexes and
# trigger, measured side by side in one run on a throwaway cluster (127.0.0.1:54331).
#   bench/run.sh [seconds per measurement, default 10] [runs, default 3]
# For each operation and run, pgbench -M prepared drives the docstore script, then the raw one
# (2 clients); the figure is the latency of the measured statement (pgbench -r), the ratio is
# raw latency / docstore latency (1.00 = as fast as raw SQL, higher is better), median of the runs.
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

log "plans (EXPLAIN of the statements the functions run)"
psql_at "$PORT" -d bench <<'SQL'
SELECT id AS rid FROM bench_ids WHERE k = 500 \gset
EXPLAIN (COSTS OFF) SELECT * FROM docstore_read('bench', :'rid');
EXPLAIN (COSTS OFF) SELECT * FROM docstore.documents WHERE collection = 'bench' AND data @> '{"group": 17}' ORDER BY id LIMIT 20;
SQL

# The latency (ms) of the last statement of a pgbench -r report.
last_statement_latency() { awk '/^ +[0-9.]+ +[0-9]+ +/ {l=$1} /^ +[0-9.]+ +[A-Z\\]/ {l=$1} END {print l}'; }

measure() {
  local script=$1
  "$PGBENCH" -n -M prepared -c 2 -j 2 -T "$SECONDS_EACH" -r -h 127.0.0.1 -p "$PORT" -U postgres \
    -f "$SCRIPTS/$script" bench 2>/dev/null | last_statement_latency
}

declare -A ratios
results=$(mktemp)
for run in $(seq 1 "$RUNS"); do
  for op in create read update query; do
    fn=$(measure "${op}_docstore.sql")
    raw=$(measure "${op}_raw.sql")
    ratio=$(awk -v r="$raw" -v f="$fn" 'BEGIN {printf "%.3f", r / f}')
    printf '%s %s %s %s %s\n' "$op" "$run" "$fn" "$raw" "$ratio" >>"$results"
    log "run $run: $op docstore ${fn} ms, raw ${raw} ms, ratio $ratio"
  done
done

echo
echo "| operation | docstore latency (ms, median) | raw SQL latency (ms, median) | ratio raw/docstore (median of $RUNS) | target |"
echo "|---|---|---|---|---|"
for op in create read update query; do
  target=0.95; [ "$op" = read ] && target=0.90
  awk -v op="$op" -v t="$target" '
    $1 == op { f[n] = $3; r[n] = $4; q[n] = $5; n++ }
    function median(a, n,   i, j, x) { for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x } return a[int(n / 2)] }
    END { printf "| %s | %.3f | %.3f | %.2f | >= %s |\n", op, median(f, n), median(r, n), median(q, n), t }' "$results"
done
rm -f "$results"
