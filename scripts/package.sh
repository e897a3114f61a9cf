#!/usr/bin/env bash
# Release artifacts, the usual way to install them:
#   scripts/package.sh [OUT]   → OUT/postgresql-15-docstore_VERSION_ARCH.deb (dpkg -i, then
#                                CREATE EXTENSION docstore) and OUT/docstore-VERSION-…whl (the
#                                Python client: pip install). OUT defaults to target/dist.
# The .deb holds what `cargo pgrx package` builds (the library, the control file, this version's
# install script, the frozen install scripts of earlier releases and every upgrade script) under
# PostgreSQL 15's Debian directories, and depends on the server package.
source "$(dirname "$0")/lib.sh"
OUT=${1:-$REPO/target/dist}
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' "$REPO/Cargo.toml" | head -n 1)
ARCH=$(dpkg --print-architecture)
STAGE=$(mktemp -d /tmp/docstore-package.XXXXXX)
mkdir -p "$OUT"

ensure_packages
ensure_pgrx
log "cargo pgrx package (release)"
(cd "$REPO" && cargo pgrx package --pg-config "$PG_CONFIG" --out-dir "$STAGE/root") 2>&1 |
  grep -vE 'Discovered|Writing|Copying' >&2 || true
# pgrx packs the upgrade scripts; the frozen install scripts of earlier releases (what
# `ALTER EXTENSION docstore UPDATE` starts from on an upgraded server) go beside them.
share=$STAGE/root$($PG_CONFIG --sharedir)/extension
test -f "$share/docstore.control" || { log "cargo pgrx package made no control file"; exit 1; }
for frozen in "$REPO"/sql/docstore--[0-9]*.[0-9]*.[0-9]*.sql; do
  case $frozen in *--*--*) ;; *) install -m 644 "$frozen" "$share/" ;; esac
done
mkdir -p "$STAGE/root/DEBIAN"
cat >"$STAGE/root/DEBIAN/control" <<CONTROL
Package: postgresql-15-docstore
Version: $VERSION
Architecture: $ARCH
Maintainer: docstore maintainers <maintainers@users.noreply.example>
Depends: postgresql-15
Section: database
Priority: optional
Description: JSON documents in named collections inside PostgreSQL 15
 docstore: CREATE EXTENSION docstore gives MongoDB-style documents, filters,
 update operators, history and a change feed as SQL functions.
CONTROL
deb=$OUT/postgresql-15-docstore_${VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group --build "$STAGE/root" "$deb" >/dev/null
log "built $deb"

log "Python client wheel"
python3 -m pip wheel --quiet --no-deps --wheel-dir "$OUT" "$REPO/clients/python" >&2
ls "$OUT"/docstore-*.whl >/dev/null
rm -rf "$STAGE"
echo "$deb"
