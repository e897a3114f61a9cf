#!/usr/bin/env bash
# Query-language benchmark on 1M documents (a throwaway cluster on 127.0.0.1:54332):
#  - selective equality: docstore_query vs the hand-written @> statement (same plan shape),
#  - docstore_count vs SELECT count(*),
#  - a range on an indexed path vs the same range without the index,
#  - sort + limit on an indexed path: the plan has no Sort node,
#  - $elemMatch and an array position ("items.0.p") vs the hand-written SQL (GIN on both sides),
#  - a reader under row-level security vs the owner: equality, $in, $all (same index),
#  - $regex run by PostgreSQL (docstore) vs handing each document to Rust first (what a PCRE
#    engine in Rust would cost at least: docstore.path_values per row).
#   bench/query.sh [seconds per measurement, default 10] [runs, default 3]
# pgbench -M prepared, 2 clients, docstore and comparison scripts mixed in one run (measure_pair
# in bench/lib.sh); figures are the measured statement's mean latency (helper \gset statements
# excluded); ratios are medians of the runs.
source "$(dirname "$0")/../scripts/lib.sh"

SECONDS_EACH=${1:-10}
RUNS=${2:-3}
PORT=${BENCH_PORT:-54332}
DIR=${BENCH_CLUSTER:-/tmp/docstore-bench-query-$(id -un)}
Q=$REPO/bench/query
source "$REPO/bench/lib.sh"

ensure_packages
ensure_pgrx
install_extension --release
bench_cluster "$DIR"
log "loading 1M documents"
psql_at "$PORT" -d bench -f "$Q/setup.sql"

results=$(mktemp)
# Same plan on both sides: custom plans for every execution, so the raw statement cannot drift
# to a generic plan that walks the collection index (PostgreSQL's estimate for a parameter in
# `@>` is blind), and both run Bitmap Index Scan on the GIN index.
export PGOPTIONS="-c plan_cache_mode=force_custom_plan"
for run in $(seq 1 "$RUNS"); do
  pair equality "$Q/eq_docstore.sql" "$Q/eq_raw.sql" "$run"
  pair count "$Q/count_docstore.sql" "$Q/count_raw.sql" "$run"
  pair elem "$Q/elem_docstore.sql" "$Q/elem_raw.sql" "$run"
  pair position "$Q/pos_docstore.sql" "$Q/pos_raw.sql" "$run"
  # The owner's latency over the reader's (docstore's script is the reader's here).
  pair rls_eq "$Q/rls_eq_reader.sql" "$Q/rls_eq_owner.sql" "$run"
  pair rls_in "$Q/rls_in_reader.sql" "$Q/rls_in_owner.sql" "$run"
  pair rls_alls "$Q/rls_alls_reader.sql" "$Q/rls_alls_owner.sql" "$run"
  pair rls_all "$Q/rls_all_reader.sql" "$Q/rls_all_owner.sql" "$run"
  pair regex "$Q/regex_docstore.sql" "$Q/regex_rust.sql" "$run" 15
done
unset PGOPTIONS
log "plans: equality through docstore, and the hand-written statement"
psql_at "$PORT" -d bench -tAc "SELECT jsonb_path_query_array(docstore_explain('bench', '{\"group\": 17}', '{\"limit\": 20}'), 'strict \$.**.\"Node Type\"')"
psql_at "$PORT" -d bench -c "EXPLAIN (COSTS OFF) SELECT id FROM docstore.documents WHERE collection = 'bench' AND data @> '{\"group\": 17}' ORDER BY collection, id LIMIT 20"

log "plans: \$elemMatch and an array position (the GIN index serves both), the reader's \$all"
for f in '{"items": {"$elemMatch": {"p": 17, "q": {"$gte": 3}}}}' '{"items.0.p": 17}'; do
  psql_at "$PORT" -d bench -tAc "SELECT jsonb_path_query_array(docstore_explain('bench', '$f', '{\"limit\": 20}'), 'strict \$.**.\"Node Type\"')"
done
psql_at "$PORT" -d bench -tAc "SET ROLE bench_reader; SELECT jsonb_path_query_array(docstore_explain('bench', '{\"group\": {\"\$in\": [17, 18]}}', '{\"limit\": 20}'), 'strict \$.**.\"Node Type\"')"

log "range on n: with the index, then without"
psql_at "$PORT" -d bench -tAc "SELECT docstore_create_index('bench', '{\"n\": 1}')" >"$results.index"
for run in $(seq 1 "$RUNS"); do echo "indexed $(measure "$Q/range.sql")" >>"$results"; done
psql_at "$PORT" -d bench -c "SELECT docstore_drop_index('bench', '$(cat "$results.index")')" >/dev/null
for run in $(seq 1 "$RUNS"); do echo "unindexed $(measure "$Q/range.sql")" >>"$results"; done
log "sort + limit on an indexed path"
psql_at "$PORT" -d bench -tAc "SELECT docstore_create_index('bench', '{\"n\": 1}')" >/dev/null
sort_plan=$(psql_at "$PORT" -d bench -tAc "SELECT jsonb_path_query_array(docstore_explain('bench', '{\"age\": {\"\$gte\": 50}}', '{\"sort\": {\"n\": -1}, \"limit\": 10}'), 'strict \$.**.\"Node Type\"')")
range_plan=$(psql_at "$PORT" -d bench -tAc "SELECT jsonb_path_query_array(docstore_explain('bench', '{\"n\": {\"\$gte\": 500, \"\$lt\": 510}}'), 'strict \$.**.\"Node Type\"')")
for run in $(seq 1 "$RUNS"); do echo "sorted $(measure "$Q/sort.sql")" >>"$results"; done

echo
echo "| measurement | docstore (ms, median) | comparison (ms, median) | ratio | target |"
echo "|---|---|---|---|---|"
printf '| selective equality (100 of 1M match, limit 20): docstore_query vs hand-written `@>` | %.3f | %.3f | %.2f | >= 0.95 |\n' "$(col equality 2)" "$(col equality 3)" "$(col equality 4)"
printf '| docstore_count vs `SELECT count(*) … @>` | %.3f | %.3f | %.2f | >= 0.95 |\n' "$(col count 2)" "$(col count 3)" "$(col count 4)"
printf '| $elemMatch {p, q $gte} (limit 20) vs hand-written @> + EXISTS over the elements | %.3f | %.3f | %.2f | >= 0.95 |\n' "$(col elem 2)" "$(col elem 3)" "$(col elem 4)"
printf '| array position items.0.p (limit 20) vs hand-written @> + data->items->0->p | %.3f | %.3f | %.2f | >= 0.95 |\n' "$(col position 2)" "$(col position 3)" "$(col position 4)"
printf '| reader under RLS vs owner: equality (limit 20) | %.3f | %.3f | %.2f | >= 0.90 |\n' "$(col rls_eq 2)" "$(col rls_eq 3)" "$(col rls_eq 4)"
printf '| reader under RLS vs owner: $in of two (limit 20) | %.3f | %.3f | %.2f | >= 0.90 |\n' "$(col rls_in 2)" "$(col rls_in 3)" "$(col rls_in 4)"
printf '| reader under RLS vs owner: $all of two tags, selective (about 14 of 1M, limit 20) | %.3f | %.3f | %.2f | >= 0.90 |\n' "$(col rls_alls 2)" "$(col rls_alls 3)" "$(col rls_alls 4)"
printf '| reader under RLS vs owner: $all of two frequent tags (13,000 of 1M, limit 20) | %.3f | %.3f | %.2f | (no statistics: see README) |\n' "$(col rls_all 2)" "$(col rls_all 3)" "$(col rls_all 4)"
printf '| $regex ^user1234 over 1M (count): in PostgreSQL vs each document handed to Rust first | %.3f | %.3f | %.2f | (decision) |\n' "$(col regex 2)" "$(col regex 3)" "$(col regex 4)"
indexed=$(col indexed 2); unindexed=$(col unindexed 2)
printf '| range (10 of 1M) on an indexed path vs without the index | %.3f | %.3f | %.0fx faster | >= 100x |\n' "$indexed" "$unindexed" "$(awk -v a="$unindexed" -v b="$indexed" 'BEGIN {print a / b}')"
printf '| sort {n: -1} + limit 10 on an indexed path | %.3f | plan: %s | no Sort node: %s | no full sort |\n' "$(col sorted 2)" "$sort_plan" "$(echo "$sort_plan" | grep -q '"Sort"' && echo no || echo yes)"
echo
echo "range plan with the index: $range_plan"
rm -f "$results" "$results.index"
