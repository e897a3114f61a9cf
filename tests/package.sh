#!/usr/bin/env bash
# The release artifacts as a user installs them (tests/package.sh PORT): builds the Debian
# package and the Python wheel (scripts/package.sh), takes every docstore file out of the server's
# directories (as on a machine where docstore was never built), installs the .deb with dpkg,
# starts a fresh cluster on 127.0.0.1:PORT, runs the quick start and an upgrade from the oldest
# release, then the Python client from the wheel in a fresh virtualenv. At the end the package is
# removed and the build installed again, as before the test.
source "$(dirname "$0")/../scripts/lib.sh"
PORT=$1
DIR=/tmp/docstore-package-test-$(id -un)
DIST=$(mktemp -d /tmp/docstore-dist.XXXXXX)
VENV=$(mktemp -d /tmp/docstore-wheel-venv.XXXXXX)
fail=0

deb=$(bash "$REPO/scripts/package.sh" "$DIST" | tail -n 1)
check "the package is built" yes "$([ -f "$deb" ] && echo yes)"

share=$($PG_CONFIG --sharedir)/extension
lib=$($PG_CONFIG --pkglibdir)
as_root sh -c "rm -f '$share'/docstore* '$lib/docstore.so'"
check "no docstore left in the server's directories" 0 "$(find "$share" "$lib" -name 'docstore*' | wc -l)"
as_root env DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" >/dev/null
check "dpkg installed postgresql-15-docstore" ii "$(dpkg-query -W -f='${db:Status-Abbrev}' postgresql-15-docstore 2>/dev/null | cut -c1-2)"

cluster_stop "$DIR"; as_root rm -rf "$DIR"
cluster_start "$DIR" "$PORT"
trap 'cluster_stop "$DIR"' EXIT
psql_at "$PORT" -d postgres -c "CREATE DATABASE quick" -c "CREATE DATABASE old" >/dev/null
q_in quick "CREATE EXTENSION docstore" >/dev/null
quick=$(psql_at "$PORT" -d quick -tA -f "$REPO/examples/quickstart.sql" 2>&1) && ran=ok || ran=failed
check "the quick start runs on the packaged extension" ok "$ran"
check "... and its query finds Bob" 1 "$(grep -cx 'Bob' <<<"$quick")"
oldest=$(awk '{print $2}' "$REPO/sql/released.sha256" | sed -n 's#^sql/docstore--\([0-9.]*\)\.sql$#\1#p' | sort -V | head -n 1)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$REPO/Cargo.toml" | head -n 1)
q_in old "CREATE EXTENSION docstore VERSION '$oldest'" >/dev/null
q_in old "ALTER EXTENSION docstore UPDATE" >/dev/null
check "the package upgrades $oldest to $version" "$version" "$(q_in old "SELECT extversion FROM pg_extension WHERE extname = 'docstore'")"

python3 -m venv "$VENV"
"$VENV/bin/pip" install -q "$DIST"/docstore-*.whl
check "the wheel's client talks to the packaged extension" "u1 2" "$(POSTGRES_CONNECTION_STRING="postgresql://postgres@127.0.0.1:$PORT/quick" "$VENV/bin/python" - <<'PY'
from docstore import get_document_store
store = get_document_store()
doc = store.create("wheel", {"name": "u1"})
store.update("wheel", doc.id, {"n": 2})
again = store.read("wheel", doc.id)
print(again.data["name"], again.data["n"])
PY
)"

as_root env DEBIAN_FRONTEND=noninteractive dpkg -r postgresql-15-docstore >/dev/null
install_extension --release
rm -rf "$DIST" "$VENV"
exit $fail
