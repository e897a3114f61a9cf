# Shared set-up for ./run.sh, ./test.sh and bench/run.sh. Source it; do not run it.
# Works as root (the server then runs as the "postgres" OS user, since initdb refuses root)
# and as a normal user with sudo (for apt-get and for installing into PostgreSQL's directories).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_BIN=/usr/lib/postgresql/15/bin
PG_CONFIG=$PG_BIN/pg_config
PGRX_VERSION=0.18.1
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Runs a command as the OS user that owns the server.
as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_packages() {
  local missing=()
  for p in postgresql-15 postgresql-server-dev-15 postgresql-contrib libclang-dev clang sudo python3-venv shellcheck; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_pgrx() {
  if ! cargo pgrx --version 2>/dev/null | grep -q "$PGRX_VERSION"; then
    log "installing cargo-pgrx $PGRX_VERSION (a few minutes, once)"
    cargo install cargo-pgrx --version "$PGRX_VERSION" --locked
  fi
  if ! grep -qs "pg15" "${PGRX_HOME:-$HOME/.pgrx}/config.toml"; then
    cargo pgrx init --pg15 "$PG_CONFIG" >/dev/null
  fi
}

# Builds the extension and installs it into the system PostgreSQL 15.
install_extension() {
  local profile=${1:---release}
  log "building and installing docstore ($profile)"
  (cd "$REPO" && if [ "$(id -u)" = 0 ]; then
     cargo pgrx install "$profile" --pg-config "$PG_CONFIG"
   else
     cargo pgrx install "$profile" --sudo --pg-config "$PG_CONFIG"
   fi) 2>&1 | grep -vE 'Discovered|Writing|Copying|Finished installing' >&2 || true
  test -f "$($PG_CONFIG --sharedir)/extension/docstore.control" || { log "install failed"; exit 1; }
}

# cluster_start DIR PORT: a throwaway cluster on 127.0.0.1:PORT, superuser "postgres",
# trust authentication on loopback only. Reuses DIR if it already holds a cluster.
cluster_start() {
  local dir=$1 port=$2
  if [ ! -f "$dir/PG_VERSION" ]; then
    log "creating a cluster in $dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_server_user "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 100
shared_buffers = 256MB
fsync = on
CONF
  fi
  if ! as_server_user "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$port"
    # RUST_BACKTRACE in the server's environment would make pgrx append backtraces to errors.
    (unset RUST_BACKTRACE; as_server_user "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w start >/dev/null)
  fi
}

cluster_stop() {
  local dir=$1
  as_server_user "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

# psql against the cluster on PORT: psql_at PORT [psql args…]
psql_at() {
  local port=$1; shift
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

# q SQL: what SQL returns in database $DB on $PORT (tuples only, unaligned).
# shellcheck disable=SC2153  # PORT and DB are the calling test's
q() { psql_at "$PORT" -d "$DB" -tAc "$1"; }
# q_in DB SQL: the same in database DB.
q_in() { psql_at "$PORT" -d "$1" -tAc "$2"; }

# as ROLE SQL…: each SQL in one session of ROLE on database $DB (extra connection options in
# $AS_OPTIONS); prints the first line of output, or the SQLSTATE of an error.
as() {
  local role=$1 sql commands=()
  shift
  for sql in "$@"; do commands+=(-c "$sql"); done
  psql "host=127.0.0.1 port=$PORT dbname=$DB user=$role${AS_OPTIONS:+ options='$AS_OPTIONS'}" \
    -X -q -tA -v ON_ERROR_STOP=1 -v VERBOSITY=sqlstate "${commands[@]}" 2>&1 |
    sed -E 's/^ERROR:  ([0-9A-Z]{5}).*/\1/' | head -n 1 || true
}

# A Python virtualenv with the client (psycopg 3) for the Python-driven tests; prints its path.
ensure_venv() {
  local venv
  venv=/tmp/docstore-venv-$(id -un)
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
  if ! "$venv/bin/python" -c "import docstore, psycopg, pytest" 2>/dev/null; then
    "$venv/bin/pip" install -q --upgrade pip >&2
    "$venv/bin/pip" install -q "$REPO/clients/python[test]" >&2
  fi
  echo "$venv"
}

# For the test scripts: check NAME EXPECTED ACTUAL prints "ok - NAME" or "not ok - …" and sets
# fail=1 on a mismatch.
# check NAME EXPECTED ACTUAL: prints ok or not ok; sets the caller's fail=1 on a mismatch.
check() {
  # shellcheck disable=SC2034  # fail is the calling script's
  if [ "$2" = "$3" ]; then echo "ok - $1"; else echo "not ok - $1: expected $2, got $3"; fail=1; fi
}
