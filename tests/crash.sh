#!/usr/bin/env bash
# Crash safety (tests/crash.sh [ROUNDS, default 3] [SECONDS of load per round, default 4]): a
# throwaway cluster on 127.0.0.1:54335; 8 writers create and patch documents (history and feed
# on) while the postmaster and every server process are SIGKILLed; after each restart (crash
# recovery) every acknowledged write must be there and nothing half-written visible
# (tests/crash_test.py has the checks).
source "$(dirname "$0")/../scripts/lib.sh"
ROUNDS=${1:-3}
SECONDS_LOAD=${2:-4}
PORT=${CRASH_PORT:-54335}
DIR=/tmp/docstore-crash-$(id -un)

cluster_stop "$DIR"; as_root rm -rf "$DIR"
cluster_start "$DIR" "$PORT"
trap 'cluster_stop "$DIR"; as_root rm -rf "$DIR"' EXIT
psql_at "$PORT" -d postgres -c "CREATE DATABASE crash" >/dev/null
psql_at "$PORT" -d crash -c "CREATE EXTENSION docstore" >/dev/null
venv=$(ensure_venv)

# SIGKILL the postmaster and, in the same instant, every process it started: no shutdown of any
# kind, as if the machine had lost power (the operating system's cache survives, as it would
# with fsync on).
kill_all="pid=\$(head -n 1 '$DIR/postmaster.pid'); kids=\$(pgrep -P \$pid); kill -9 \$pid \$kids 2>/dev/null; while kill -0 \$pid 2>/dev/null || pgrep -P \$pid >/dev/null; do sleep 0.1; done"
start="bash -c 'source \"$REPO/scripts/lib.sh\"; cluster_start \"$DIR\" $PORT >/dev/null'"
"$venv/bin/python" "$REPO/tests/crash_test.py" "postgresql://postgres@127.0.0.1:$PORT/crash" \
  "$ROUNDS" "$SECONDS_LOAD" "$kill_all" "$start"
status=$?
echo "# crash recoveries in the server log: $(grep -c 'database system was interrupted\|was not properly shut down' "$DIR/server.log" || true)"
exit $status
