#!/usr/bin/env bash
# History and change-feed benchmarks (a throwaway cluster on 127.0.0.1:54334), in one run:
#  - docstore_update with history on vs off, and with changes on vs off,
#  - docstore_create with changes on vs off,
#  - what docstore's history/feed triggers cost a plain INSERT when no option is on (the same
#    table and indexes without those triggers),
#  - reading the feed: 100k changes followed with cursors, 1000 a call.
#   bench/history.sh [seconds per measurement, default 10] [runs, default 3]
# pgbench -M prepared, 2 clients, the two scripts of a pair mixed in one run (measure_pair in
# bench/lib.sh), mean latency of the measured statement; ratios are medians.
source "$(dirname "$0")/../scripts/lib.sh"

SECONDS_EACH=${1:-10}
RUNS=${2:-3}
PORT=${BENCH_PORT:-54334}
DIR=${BENCH_CLUSTER:-/tmp/docstore-bench-history-$(id -un)}
H=$REPO/bench/history
source "$REPO/bench/lib.sh"

ensure_packages
ensure_pgrx
install_extension --release
bench_cluster "$DIR"
log "loading 3 x 30k documents of ~1 KB"
psql_at "$PORT" -d bench -f "$H/setup.sql" >/dev/null

results=$(mktemp)
# pair NAME ON_SCRIPT OFF_SCRIPT RUN (bench/lib.sh): latency with the option on and off, in one run.
for run in $(seq 1 "$RUNS"); do
  pair update_history "$H/update_hist.sql" "$H/update_off.sql" "$run"
  pair update_changes "$H/update_feed.sql" "$H/update_off.sql" "$run"
  pair create_changes "$H/create_feed.sql" "$H/create_off.sql" "$run"
  pair triggers_off "$H/insert_triggers.sql" "$H/insert_no_triggers.sql" "$run"
done

log "reading the feed: 100k changes, 1000 a call"
psql_at "$PORT" -d bench -c "SELECT docstore_configure('reader', '{\"changes\": true}')" \
  -c "SELECT count(*) FROM docstore_create_many('reader', (SELECT jsonb_agg(jsonb_build_object('i', i, 'bio', repeat('x', 200))) FROM generate_series(1, 100000) AS i))" >/dev/null
for run in $(seq 1 "$RUNS"); do
  psql_at "$PORT" -d bench -tA 2>&1 <<'SQL' | grep -oP 'NOTICE:  feed \K.*' | sed 's/^/read /' >>"$results"
DO $$
DECLARE
  c text; r record; n bigint := 0; got int; t0 timestamptz := clock_timestamp();
BEGIN
  LOOP
    got := 0;
    FOR r IN SELECT * FROM docstore_changes(c, 1000, 'reader') LOOP
      got := got + 1; c := r.cursor;
    END LOOP;
    n := n + got;
    EXIT WHEN got = 0;
  END LOOP;
  RAISE NOTICE 'feed % %', n, round(n / extract(epoch FROM clock_timestamp() - t0));
END $$;
SQL
  log "run $run: read $(tail -n 1 "$results" | cut -d' ' -f2) changes, $(tail -n 1 "$results" | cut -d' ' -f3) a second"
done

echo
echo "| measurement | option on (ms, median) | off (ms, median) | ratio (off/on, median of runs) | target |"
echo "|---|---|---|---|---|"
printf '| docstore_update, history on vs off | %s | %s | %.2f | >= 0.70 |\n' "$(col update_history 2)" "$(col update_history 3)" "$(col update_history 4)"
printf '| docstore_update, changes on vs off | %s | %s | %.2f | >= 0.70 |\n' "$(col update_changes 2)" "$(col update_changes 3)" "$(col update_changes 4)"
printf '| docstore_create, changes on vs off | %s | %s | %.2f | >= 0.70 |\n' "$(col create_changes 2)" "$(col create_changes 3)" "$(col create_changes 4)"
printf '| plain INSERT, no option on: with the history/feed triggers vs without | %s | %s | %.2f | (the price of having the feature) |\n' "$(col triggers_off 2)" "$(col triggers_off 3)" "$(col triggers_off 4)"
printf '| reading the feed with cursors, 1000 changes a call (changes/s, median) | %s | | | >= 50000 |\n' "$(col read 3)"
rm -f "$results"
