# Shared by the benchmark runners. Source after scripts/lib.sh; set PORT, SECONDS_EACH first.
PGBENCH=$PG_BIN/pgbench
CLIENTS=2

# The mean latency (ms) of the measured statement (the last one) of a pgbench -r report: from
# the tps when the script has one statement (more digits than -r's microseconds), else from the
# per-statement figures (helper statements such as a \gset are excluded).
statement_latency() {
  awk -v clients=$CLIENTS '
    /^tps = / { tps = $3 }
    /^ +[0-9.]+ +[0-9]+ +[^ \\\\]/ { n++; last = $1 }
    END { if (n == 1) printf "%.5f\n", clients * 1000 / tps; else print last }'
}

# measure SCRIPT [SECONDS]: VACUUM ANALYZE, then pgbench -M prepared on database bench.
measure() {
  local script=$1 seconds=${2:-$SECONDS_EACH}
  psql_at "$PORT" -d bench -c "VACUUM ANALYZE docstore.documents" >/dev/null
  "$PGBENCH" -n -M prepared -c $CLIENTS -j $CLIENTS -T "$seconds" -r -h 127.0.0.1 -p "$PORT" \
    -U postgres -f "$script" bench 2>/dev/null | statement_latency
}

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# A throwaway cluster for benchmarks, stopped when the calling script exits.
bench_cluster() {
  local dir=$1
  cluster_stop "$dir"; as_root rm -rf "$dir"
  cluster_start "$dir" "$PORT"
  trap "cluster_stop '$dir'" EXIT
  psql_at "$PORT" -d postgres -c "CREATE DATABASE bench"
}

# measure_transactions SCRIPT N: one client runs SCRIPT N times; prints ms per transaction.
measure_transactions() {
  local script=$1 n=$2
  psql_at "$PORT" -d bench -c "VACUUM ANALYZE docstore.documents" >/dev/null
  "$PGBENCH" -n -M prepared -c 1 -j 1 -t "$n" -h 127.0.0.1 -p "$PORT" -U postgres -f "$script" bench 2>/dev/null |
    awk '/^tps = / { printf "%.3f\n", 1000 / $3 }'
}
