#!/usr/bin/env bash
# Upgrades (tests/upgrade.sh PORT), against the cluster on PORT with the current library
# installed, from every earlier release (sql/docstore--X.sql, frozen): install it from its
# script, fill it, ALTER EXTENSION docstore UPDATE (through the chain of upgrade scripts), then
# check that data and versions are untouched, every function works, and the upgraded database
# has exactly the objects (and definitions) of a fresh install of the current version.
source "$(dirname "$0")/../scripts/lib.sh"
PORT=$1
NEW=$(sed -n 's/^version = "\(.*\)"/\1/p' "$REPO/Cargo.toml" | head -n 1)
fail=0

# The frozen install scripts of the old releases, beside the current one.
OLDS=()
for script in "$REPO"/sql/docstore--[0-9]*.[0-9]*.[0-9]*.sql; do
  case $script in *--*--*) continue ;; esac
  old=${script##*/docstore--}; old=${old%.sql}
  [ "$old" = "$NEW" ] && continue
  OLDS+=("$old")
  as_root install -m 644 "$script" "$($PG_CONFIG --sharedir)/extension/docstore--$old.sql"
done

upgrade_from() {
OLD=$1
log "upgrade from $OLD"

psql_at "$PORT" -d postgres -q -c "SET client_min_messages = warning" \
  -c "DROP DATABASE IF EXISTS upgrade_old" -c "DROP DATABASE IF EXISTS upgrade_new" \
  -c "DROP ROLE IF EXISTS upgrade_writer" -c "CREATE ROLE upgrade_writer" \
  -c "CREATE DATABASE upgrade_old" -c "CREATE DATABASE upgrade_new"
# Before the old install, a role with CREATE on public plants better matches than pg_catalog's
# for what old install scripts and per-path indexes bound by name (0.3.1 closes this, see
# tests/security.sh): the upgrade must leave nothing bound to them.
psql_at "$PORT" -d upgrade_old -q <<'PLANT'
CREATE FUNCTION public.nextval(text) RETURNS bigint LANGUAGE sql SET search_path = pg_catalog
    AS $$ SELECT pg_catalog.nextval($1::regclass) $$;
CREATE FUNCTION public.planted_arrow(jsonb, jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
    AS $$ SELECT $1 OPERATOR(pg_catalog.->) ($2 OPERATOR(pg_catalog.#>>) '{}'::text[]) $$;
CREATE OPERATOR public.-> (LEFTARG = jsonb, RIGHTARG = jsonb, FUNCTION = public.planted_arrow);
PLANT
q_in upgrade_old "CREATE EXTENSION docstore VERSION '$OLD'" >/dev/null
check "release $OLD installs from its frozen script" "$OLD" "$(q_in upgrade_old "SELECT extversion FROM pg_extension WHERE extname = 'docstore'")"

# Fill it with the current library already loaded (as after installing new binaries): writes,
# updates and equality queries must work before the ALTER EXTENSION too.
q_in upgrade_old "SELECT count(*) FROM (SELECT docstore_create('c' || (i % 3), jsonb_build_object('i', i, 'tags', jsonb_build_array('t' || (i % 4)))) FROM generate_series(1, 300) i) s" >/dev/null
q_in upgrade_old "SELECT count(*) FROM (SELECT docstore_update('c1', id, '{\"u\": 1}') FROM docstore.documents WHERE collection = 'c1') s" >/dev/null
q_in upgrade_old "SELECT count(*) FROM (SELECT docstore_patch('c2', id, '{\"\$inc\": {\"i\": 1000}}') FROM docstore.documents WHERE collection = 'c2' AND (data->>'i')::int % 2 = 0) s" >/dev/null
q_in upgrade_old "SELECT docstore_create_index('c0', '{\"i\": 1}')" >/dev/null
check "before the update: an equality query works" 1 "$(q_in upgrade_old "SELECT count(*) FROM docstore_query('c1', '{\"i\": 4}')")"
# Releases before 0.3.1 bound names through the search_path; from 0.3.1 on nothing is bound to
# the plants even before the update.
case $OLD in 0.1.0 | 0.2.0 | 0.3.0) planted=t ;; *) planted=f ;; esac
check "before the update: what was planted is bound only before 0.3.1 (the check below can fail)" "$planted" \
  "$(q_in upgrade_old "SELECT ($(sed '/^--/d; s/;$//' "$REPO/tests/security/foreign_bindings.sql")) <> ''")"
granted=no  # docstore_grant exists from 0.2.0 on
q_in upgrade_old "SELECT docstore_grant('c1', 'upgrade_writer', 'write')" >/dev/null 2>&1 && granted=yes
fingerprint="SELECT count(*) || ':' || sum(version) || ':' || md5(string_agg(id::text || collection || data::text || created_at::text || updated_at::text || version, ',' ORDER BY id)) FROM docstore.documents"
before=$(q_in upgrade_old "$fingerprint")

q_in upgrade_old "ALTER EXTENSION docstore UPDATE" >/dev/null
check "ALTER EXTENSION docstore UPDATE reaches $NEW" "$NEW" "$(q_in upgrade_old "SELECT extversion FROM pg_extension WHERE extname = 'docstore'")"
check "documents, timestamps and versions untouched" "$before" "$(q_in upgrade_old "$fingerprint")"
check "after the update nothing docstore uses is bound outside pg_catalog and docstore" "" \
  "$(q_in upgrade_old "$(sed '/^--/d' "$REPO/tests/security/foreign_bindings.sql")")"
check "after the update schema docstore belongs to a superuser" t \
  "$(q_in upgrade_old "SELECT r.rolsuper FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'docstore'")"
[ "$granted" = yes ] && check "after the update a writer granted before it has only the column privileges it needs" "false false true false" \
  "$(q_in upgrade_old "SELECT has_table_privilege('upgrade_writer', 'docstore.history', 'INSERT') || ' ' || has_table_privilege('upgrade_writer', 'docstore.changes', 'INSERT') || ' ' || has_column_privilege('upgrade_writer', 'docstore.documents', 'data', 'UPDATE') || ' ' || has_column_privilege('upgrade_writer', 'docstore.documents', 'version', 'INSERT')")"

# Every object of the extension, with its definition, as text: the upgraded database and a fresh
# install must agree exactly.
q_in upgrade_new "CREATE EXTENSION docstore" >/dev/null
q_in upgrade_new "SELECT docstore_create_index('c0', '{\"i\": 1}')" >/dev/null  # the same user index on both
describe="
WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'docstore'),
members AS (SELECT d.classid, d.objid, d.objsubid FROM pg_depend d, ext
             WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e')
SELECT string_agg(line, E'\n' ORDER BY line) FROM (
  SELECT 'object ' || pg_describe_object(classid, objid, objsubid) AS line FROM members
  UNION ALL
  SELECT 'function ' || pg_get_functiondef(p.oid) || ' comment ' || coalesce(obj_description(p.oid, 'pg_proc'), '-')
    FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
   WHERE p.prokind <> 'a'
  UNION ALL
  SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull
         || ' ' || coalesce(pg_get_expr(ad.adbin, ad.adrelid), '-') || ' ' || coalesce(co.collname, '-')
    FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
    LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 100
  UNION ALL
  SELECT 'relation ' || c.relname || ' ' || c.relkind::text || ' rls ' || c.relrowsecurity || ' owner-is-creator '
         || (c.relowner = (SELECT extowner FROM pg_extension WHERE extname = 'docstore')) || ' comment '
         || coalesce(obj_description(c.oid, 'pg_class'), '-')
    FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
  UNION ALL
  SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i
   WHERE i.indrelid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass)
  UNION ALL
  SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
   WHERE conrelid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass)
  UNION ALL
  SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t
   WHERE t.tgrelid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass) AND NOT t.tgisinternal
  UNION ALL
  SELECT 'policy ' || tablename || ' ' || policyname || ' ' || cmd || ' ' || coalesce(qual, '-') || ' ' || coalesce(with_check, '-')
    FROM pg_policies WHERE schemaname = 'docstore'
  UNION ALL
  SELECT 'schema ' || n.nspname || ' owner-is-superuser ' || r.rolsuper || ' public-usage ' || has_schema_privilege('public', n.oid, 'USAGE')
    FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'docstore'
  UNION ALL
  SELECT 'dumped ' || unnest(extconfig)::regclass::text FROM pg_extension WHERE extname = 'docstore'
  UNION ALL
  SELECT 'feed ' || trimmed_before FROM docstore.feed
) s"
q_in upgrade_new "$describe" >/tmp/docstore-upgrade-new.txt
q_in upgrade_old "$describe" >/tmp/docstore-upgrade-old.txt
check "the upgraded database has exactly the objects and definitions of a fresh $NEW install ($(wc -l </tmp/docstore-upgrade-new.txt) lines compared)" "" \
  "$(diff /tmp/docstore-upgrade-new.txt /tmp/docstore-upgrade-old.txt | head -n 20)"
rm -f /tmp/docstore-upgrade-new.txt /tmp/docstore-upgrade-old.txt

# Every function works on the upgraded database.
id=$(q_in upgrade_old "SELECT id FROM docstore.documents WHERE collection = 'c1' ORDER BY id LIMIT 1")
v=$(q_in upgrade_old "SELECT version FROM docstore_read('c1', '$id')")
check "read / update keep counting versions" "$((v + 1))" "$(q_in upgrade_old "SELECT version FROM docstore_update('c1', '$id', '{\"after\": true}')")"
check "patch" "$((v + 2))" "$(q_in upgrade_old "SELECT version FROM docstore_patch('c1', '$id', '{\"\$set\": {\"p\": 1}}')")"
check "query and count (equality now one condition, docstore.@=, on the rebuilt GIN index)" "1 1 true" \
  "$(q_in upgrade_old "SELECT (SELECT count(*) FROM docstore_query('c1', '{\"i\": 4}')) || ' ' || docstore_count('c1', '{\"i\": 4}') || ' ' || (docstore_explain('c1', '{\"i\": 4}')->>'sql' LIKE '%data OPERATOR(docstore.@=) \$2%')")"
check "find with sort on the index made before the update" 100 "$(q_in upgrade_old "SELECT count(*) FROM docstore_find('c0', '{}', '{\"sort\": {\"i\": -1}, \"limit\": 500}')")"
check "distinct" 4 "$(q_in upgrade_old "SELECT count(*) FROM docstore_distinct('c0', 'tags')")"
q_in upgrade_old "SELECT docstore_configure('c2', '{\"history\": true, \"changes\": true}')" >/dev/null
hid=$(q_in upgrade_old "SELECT id FROM docstore.documents WHERE collection = 'c2' ORDER BY id LIMIT 1")
q_in upgrade_old "SELECT docstore_update('c2', '$hid', '{\"h\": 1}')" >/dev/null
check "configure, history and the feed" "2 update" \
  "$(q_in upgrade_old "SELECT count(*) || ' ' || (SELECT string_agg(op, ',') FROM docstore_changes()) FROM docstore_history('c2', '$hid')")"
check "delete and delete_collection (with purge)" "true true" \
  "$(q_in upgrade_old "SELECT docstore_delete('c1', '$id') || ' ' || docstore_delete_collection('c2', purge => true)")"
check "collections listed" "c0,c1" "$(q_in upgrade_old "SELECT string_agg(c, ',') FROM docstore_list_collections() c")"

psql_at "$PORT" -d postgres -q -c "DROP DATABASE upgrade_old" -c "DROP DATABASE upgrade_new"
}

for old in "${OLDS[@]}"; do upgrade_from "$old"; done
# The releases are those whose install scripts sql/released.sha256 records (tests/released.sh).
RELEASED=$(awk '{print $2}' "$REPO/sql/released.sha256" | sed -n 's#^sql/docstore--\([0-9.]*\)\.sql$#\1#p' | sort -V | xargs)
check "upgrades tested from every earlier release ($RELEASED)" "$RELEASED" "$(printf '%s\n' "${OLDS[@]}" | sort -V | xargs)"
exit $fail
