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

# measure_pair A B [SECONDS]: both scripts in one pgbench -M prepared run (weight 1 each, the
# clients pick one at random per transaction), so both see the same moments of a shared, noisy
# machine; prints the mean latency (ms) of each script's measured statement: "A B". With one
# SQL statement in a script (\set lines aside) that is the mean of its transactions in pgbench's
# per-transaction log (microsecond times, so a 20 µs read keeps its digits); with helper
# statements (a \gset) it is the last statement's figure from -r, helpers excluded.
measure_pair() {
  local a=$1 b=$2 seconds=${3:-$SECONDS_EACH} logs
  logs=$(mktemp -d); chmod 777 "$logs"
  psql_at "$PORT" -d bench -c "VACUUM ANALYZE docstore.documents" >/dev/null
  "$PGBENCH" -n -M prepared -c $CLIENTS -j $CLIENTS -T "$seconds" -r -l --log-prefix="$logs/tx" \
    -h 127.0.0.1 -p "$PORT" -U postgres -f "$a@1" -f "$b@1" bench 2>/dev/null >"$logs/report"
  local out="" n script
  for n in 0 1; do
    script=$a; [ $n = 1 ] && script=$b
    # shellcheck disable=SC1003  # a regular expression: lines starting with a backslash
    if [ "$(grep -cv '^\\' "$script")" = 1 ]; then
      out="$out $(cat "$logs"/tx.* | awk -v s=$n '$4 == s { t += $3; k++ } END { printf "%.5f", t / k / 1000 }')"
    else
      out="$out $(awk -v s=$((n + 1)) '/^SQL script/ { i++ } i == s && /^ +[0-9.]+ +[0-9]+ +[^ \\]/ { last = $1 } END { print last }' "$logs/report")"
    fi
  done
  rm -rf "$logs"
  echo "${out# }"
}

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# pair NAME A_SCRIPT B_SCRIPT RUN [SECONDS]: measure_pair, appended to "$results" as
# "NAME a b b/a" (the ratio of B's latency to A's: above 1 when A is faster).
# shellcheck disable=SC2154  # results is the calling runner's
pair() {
  local a b
  read -r a b < <(measure_pair "$2" "$3" "${5:-$SECONDS_EACH}")
  echo "$1 $a $b $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", b / a}')" >>"$results"
  log "run $4: $1: $(basename "$2" .sql) $a ms, $(basename "$3" .sql) $b ms"
}

# col KEY N: the median of column N of the "$results" lines for KEY.
col() { awk -v k="$1" -v c="$2" '$1 == k {print $c}' "$results" | median; }

# A throwaway cluster for benchmarks, stopped when the calling script exits.
bench_cluster() {
  local dir=$1
  cluster_stop "$dir"; as_root rm -rf "$dir"
  cluster_start "$dir" "$PORT"
  # shellcheck disable=SC2064  # the directory is fixed now, on purpose
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
