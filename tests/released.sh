#!/usr/bin/env bash
# Released SQL files never change (tests/released.sh): every install script of an earlier release
# (sql/docstore--X.sql) and every upgrade script to an earlier release (sql/docstore--X--Y.sql)
# must be listed in sql/released.sha256 with its checksum, and match it. Freezing a release means
# adding its files' lines (sha256sum sql/docstore--X.sql >> sql/released.sha256) in its release
# commit; the current version's install script is generated and its upgrade script still open.
source "$(dirname "$0")/../scripts/lib.sh"
CURRENT=$(sed -n 's/^version = "\(.*\)"/\1/p' "$REPO/Cargo.toml" | head -n 1)
MANIFEST=$REPO/sql/released.sha256
fail=0
cd "$REPO" || exit 1
released=()
for file in sql/docstore--*.sql; do
  name=${file#sql/docstore--}; name=${name%.sql}
  target=${name##*--}  # the version a file installs or upgrades to
  [ "$target" = "$CURRENT" ] && continue
  released+=("$file")
done
listed=$(awk '{print $2}' "$MANIFEST" | sort)
check "every released SQL file is in sql/released.sha256" "$(printf '%s\n' "${released[@]}" | sort)" "$listed"
if sha256sum --quiet -c "$MANIFEST" >/dev/null 2>&1; then verdict=ok
else verdict=$(sha256sum --quiet -c "$MANIFEST" 2>&1 | head -n 3); fi
check "released SQL files are unchanged (sha256sum -c sql/released.sha256)" ok "$verdict"
exit $fail
