#!/usr/bin/env bash
# Write benchmarks (a throwaway cluster on 127.0.0.1:54333), docstore against raw SQL in one run:
#  - docstore_patch {$set} vs UPDATE … jsonb_set (2 clients, 100k documents of ~1 KB),
#  - docstore_create_many of 1000-document batches vs COPY of the same rows, and vs one
#    docstore_create per document,
#  - docstore_update_many on 100k matching documents vs the equivalent raw UPDATE.
#   bench/writes.sh [seconds per measurement, default 10] [runs, default 3]
source "$(dirname "$0")/../scripts/lib.sh"

SECONDS_EACH=${1:-10}
RUNS=${2:-3}
PORT=${BENCH_PORT:-54333}
DIR=${BENCH_CLUSTER:-/tmp/docstore-bench-writes-$(id -un)}
W=$REPO/bench/writes
source "$REPO/bench/lib.sh"

ensure_packages
ensure_pgrx
install_extension --release
bench_cluster "$DIR"
log "loading 100k documents of ~1 KB and a 1000-document batch"
psql_at "$PORT" -d bench -f "$REPO/bench/setup.sql" >/dev/null
psql_at "$PORT" -d bench <<SQL >/dev/null
CREATE TABLE batch AS
SELECT jsonb_agg(jsonb_build_object('i', i, 'name', 'n' || i, 'bio', repeat('x', 200)) ORDER BY i) AS docs
  FROM generate_series(1, 1000) AS i;
COPY (SELECT 'copy', e FROM batch, jsonb_array_elements(docs) AS e) TO '$DIR/batch.tsv';
SQL
echo "COPY docstore.documents (collection, data) FROM '$DIR/batch.tsv';" >"$DIR/copy.sql"

results=$(mktemp)
for run in $(seq 1 "$RUNS"); do
  read -r fn raw < <(measure_pair "$W/patch_docstore.sql" "$W/patch_raw.sql")
  echo "patch $fn $raw" >>"$results"; log "run $run: patch docstore $fn ms, raw $raw ms"
  many=$(measure_transactions "$W/create_many.sql" 20)
  copy=$(measure_transactions "$DIR/copy.sql" 20)
  one=$(measure_transactions "$W/create_one.sql" 2000)
  echo "bulk $many $copy $one" >>"$results"; log "run $run: 1000 docs: create_many $many ms, COPY $copy ms; one create $one ms"
  if [ $((run % 2)) = 1 ]; then fn=$(measure_transactions "$W/update_many_docstore.sql" 1); raw=$(measure_transactions "$W/update_many_raw.sql" 1)
  else raw=$(measure_transactions "$W/update_many_raw.sql" 1); fn=$(measure_transactions "$W/update_many_docstore.sql" 1); fi
  echo "many $fn $raw" >>"$results"; log "run $run: update_many 100k docstore $fn ms, raw $raw ms"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
patch_fn=$(col patch 2); patch_raw=$(col patch 3)
many=$(col bulk 2); copy=$(col bulk 3); one=$(col bulk 4)
um_fn=$(col many 2); um_raw=$(col many 3)
echo
echo "| measurement | docstore | comparison | ratio | target |"
echo "|---|---|---|---|---|"
echo "| docstore_patch \`\$set\` vs \`UPDATE … jsonb_set\` (ms, median) | $patch_fn | $patch_raw | $(ratio "$patch_raw" "$patch_fn") | >= 0.90 |"
echo "| docstore_create_many, 1000-document batches vs COPY (rows/s) | $(awk -v m="$many" 'BEGIN {printf "%.0f", 1000000 / m}') | $(awk -v m="$copy" 'BEGIN {printf "%.0f", 1000000 / m}') | $(ratio "$copy" "$many") | >= 0.70 |"
echo "| docstore_create_many vs one docstore_create per document (rows/s) | $(awk -v m="$many" 'BEGIN {printf "%.0f", 1000000 / m}') | $(awk -v m="$one" 'BEGIN {printf "%.0f", 1000 / m}') | $(ratio "$(awk -v o="$one" 'BEGIN {print o * 1000}')" "$many")x | >= 20x |"
echo "| docstore_update_many on 100k matching vs raw UPDATE (ms, median) | $um_fn | $um_raw | $(ratio "$um_raw" "$um_fn") | >= 0.90 |"
rm -f "$results"
