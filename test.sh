#!/usr/bin/env bash
# Every test: installs what is missing, then runs
#   formatting, shellcheck and clippy, the pure-Rust unit tests (docstore-core), the in-backend #[pg_test]s,
#   the checksums of released SQL files,
#   and, against a fresh throwaway cluster on 127.0.0.1:${DOCSTORE_TEST_PORT:-54330}: the SQL
#   regression suite (pg_regress), the multi-connection tests, upgrades, privileges, the security
#   suite, the pg_dump round trip, fuzz, soak, crash, memory and the Python client's pytest suite;
#   last, the Debian package and the wheel installed as a user would (tests/package.sh).
# Ends with "N passed, N failed" and exits non-zero if anything failed.
source "$(dirname "$0")/scripts/lib.sh"

PORT=${DOCSTORE_TEST_PORT:-54330}
DIR=/tmp/docstore-test-$(id -un)
PGTEST_DIR=/tmp/docstore-pgtest-$(id -un)
passed=0; failed=0; failures=()

step() { # step NAME COMMAND…
  local name=$1; shift
  log "$name"
  if "$@"; then passed=$((passed + 1)); echo "ok - $name"
  else failed=$((failed + 1)); failures+=("$name"); echo "not ok - $name"; fi
}

pg_tests() {
  as_root rm -rf "$PGTEST_DIR"; mkdir -p "$PGTEST_DIR"
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PGTEST_DIR"
    (cd "$REPO" && cargo pgrx test pg15 --runas postgres --pgdata "$PGTEST_DIR/data")
  else
    # --runas makes pgrx install with sudo; the server runs as this user.
    (cd "$REPO" && cargo pgrx test pg15 --runas "$(id -un)" --pgdata "$PGTEST_DIR/data")
  fi
}

python_tests() {
  local venv
  venv=$(ensure_venv)
  "$venv/bin/pip" install -q "$REPO/clients/python[test]" >/dev/null
  psql_at "$PORT" -d postgres -c "SET client_min_messages = warning" \
    -c "DROP DATABASE IF EXISTS docstore_python" -c "CREATE DATABASE docstore_python"
  (cd "$REPO/clients/python" &&
    DOCSTORE_TEST_DSN="postgresql://postgres@127.0.0.1:$PORT/docstore_python" "$venv/bin/python" -m pytest -q tests)
}

ensure_packages
ensure_pgrx
cd "$REPO"

step "cargo fmt --check" cargo fmt --all -- --check
step "shellcheck (every script, .shellcheckrc)" shellcheck -x ./*.sh scripts/*.sh tests/*.sh bench/*.sh .ci/run
step "cargo clippy (no warnings)" cargo clippy --workspace --all-targets -- -D warnings
step "unit tests: docstore-core" cargo test -p docstore-core
step "in-backend tests: cargo pgrx test" pg_tests
step "released SQL files unchanged (sql/released.sha256)" bash tests/released.sh

install_extension ""
cluster_stop "$DIR"; as_root rm -rf "$DIR"
cluster_start "$DIR" "$PORT"
trap 'cluster_stop "$DIR"' EXIT
step "SQL regression suite (pg_regress)" bash tests/regress.sh "$PORT"
step "multi-connection tests" bash tests/concurrency.sh "$PORT"
step "history and change feed under concurrency" bash tests/changes.sh "$PORT"
step "upgrade from 0.1.0 (ALTER EXTENSION UPDATE)" bash tests/upgrade.sh "$PORT"
step "privileges: trusted install, grants, row-level security" bash tests/privileges.sh "$PORT"
step "security: hostile roles plant and forge, nothing runs or leaks" bash tests/security.sh "$PORT"
step "pg_dump / pg_restore round trip" bash tests/dump_restore.sh "$PORT"
step "fuzz: 20000 random calls, no XX000, no crash" bash tests/fuzz.sh "$PORT" 20000
step "soak: 64 clients, 20 s" bash tests/soak.sh "$PORT" 20 64
step "crash safety: SIGKILL mid-load, 3 rounds" bash tests/crash.sh 3 4
step "1M-row results keep backend memory flat" bash tests/memory.sh "$PORT"
step "Python client (pytest)" python_tests
step "release artifacts: the Debian package and the wheel, installed as a user would" \
  bash tests/package.sh "$((PORT + 1))"

echo
[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
