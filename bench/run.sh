#!/usr/bin/env bash
# Benchmark: each docstore function against the equivalent raw SQL on the same table, indexes and
# trigger, measured side by side in one run on a throwaway cluster (127.0.0.1:54331).
#   bench/run.sh [seconds per measurement, default 10] [runs, default 3]
# For each operation and run, one pgbench -M prepared run (2 clients, VACUUM ANALYZE before)
# drives the docstore script and the raw one together, each transaction picking one at random,
# so both sides see the same moments of a shared machine (measure_pair in bench/lib.sh); the
# figure is each side's mean latency of its measured statement. The ratio is raw latency /
# docstore latency (1.00 = as fast as raw SQL, higher is better), median of the runs.
source "$(dirname "$0")/../scripts/lib.sh"

SECONDS_EACH=${1:-10}
RUNS=${2:-3}
PORT=${BENCH_PORT:-54331}
DIR=${BENCH_CLUSTER:-/tmp/docstore-bench-$(id -un)}
SCRIPTS=$REPO/bench/scripts
source "$REPO/bench/lib.sh"

ensure_packages
ensure_pgrx
install_extension --release
bench_cluster "$DIR"
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
SELECT jsonb_path_query_array(docstore_explain('bench', '{"group": 17}', '{"limit": 20}'), 'strict $.**."Node Type"')
  AS docstore_query_plan_nodes;
SQL

results=$(mktemp)
for run in $(seq 1 "$RUNS"); do
  for op in create read update query; do
    read -r fn raw < <(measure_pair "$SCRIPTS/${op}_docstore.sql" "$SCRIPTS/${op}_raw.sql")
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
  fn=$(awk -v op="$op" '$1 == op {print $3}' "$results" | median)
  raw=$(awk -v op="$op" '$1 == op {print $4}' "$results" | median)
  ratio=$(awk -v op="$op" '$1 == op {print $5}' "$results" | median)
  printf '| %s | %.3f | %.3f | %.2f | >= %s |\n' "$op" "$fn" "$raw" "$ratio" "$target"
done
rm -f "$results"
