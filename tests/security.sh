#!/usr/bin/env bash
# Security (tests/security.sh PORT), against the cluster on PORT (trust authentication on
# loopback): hostile roles plant and forge, victims use docstore, and every check asks whether
# anything planted ran or anything leaked. The roles:
#   sec_owner   owns the database (no superuser) and creates the extension: owns the storage
#   sec_planter may CREATE in public (granted by the owner), has a schema of its own
#   sec_writer  may write collection A;  sec_reader may read A;  sec_b may write B
#   sec_nobody  was granted nothing
# and the victims: the superuser postgres, the owner, and restricted roles. The classes:
#   1. row-level security bypassed through the policy's name resolution
#   2. a backend crash through recursion (very long paths)
#   3. code run as the victim through search_path (planted in public, or a schema first in it)
#   4. objects planted before CREATE EXTENSION bound into the install
#   5. the owner adding code to the schema that holds superuser-owned functions
#   6. writers forging what the triggers own (versions, times, history, the feed)
#   7. the planner's estimates as an oracle over other collections
#   8. metadata: grants, options, indexes, NOTIFY payloads
#   9. errors: a cancelled regex compilation reported as bad input; arithmetic overflow
#
# To see a check fail without its protection, take the protection away right after the install:
#   SECURITY_ABLATE="ALTER OPERATOR docstore.@= (jsonb, jsonb) SET (RESTRICT = matchingsel)" tests/security.sh PORT
# (run as the superuser; the README's security model lists which protection each check tests).
source "$(dirname "$0")/../scripts/lib.sh"
PORT=$1
DB=docstore_security
HERE="$REPO/tests/security"
fail=0
ROLES="sec_owner sec_planter sec_writer sec_reader sec_b sec_nobody"

conn() { echo "host=127.0.0.1 port=$PORT dbname=$DB user=$1"; }
# What planted code ran, as one line (empty: nothing).
hits() {
  psql_at "$PORT" -d "$DB" -tA -c "SELECT coalesce(string_agg(DISTINCT what, '; '), '') FROM (
    SELECT what FROM planter.hits UNION ALL SELECT what FROM shadow.hits) AS h"
}
clear_hits() { psql_at "$PORT" -d "$DB" -q -c "TRUNCATE planter.hits, shadow.hits"; }
# What docstore's objects are bound to outside pg_catalog and docstore: must be nothing.
FOREIGN_BINDINGS=$(cat "$HERE/foreign_bindings.sql")
# workload ROLE SEARCH_PATH COLLECTION: every docstore function (tests/security/workload.sql),
# with that search_path; prints "ok" or the error.
workload() {
  PGOPTIONS="-c search_path=$2" psql "$(conn "$1")" -X -v c="$3" -v given="$(uuid)" -v fresh="$(uuid)" -f "$HERE/workload.sql" 2>&1 | grep -E 'ERROR|FATAL' | head -n 3 || true
}
uuid() { cat /proc/sys/kernel/random/uuid; }
started() { psql_at "$PORT" -d postgres -tA -c "SELECT pg_postmaster_start_time()"; }

psql_at "$PORT" -d postgres -q <<SQL
SET client_min_messages = warning;
DROP DATABASE IF EXISTS $DB;
$(for r in $ROLES; do echo "DROP ROLE IF EXISTS $r;"; done)
$(for r in $ROLES; do echo "CREATE ROLE $r LOGIN;"; done)
CREATE DATABASE $DB OWNER sec_owner;
SQL
psql_at "$PORT" -d "$DB" -q <<SQL
CREATE SCHEMA planter AUTHORIZATION sec_planter;
CREATE SCHEMA shadow AUTHORIZATION sec_planter;
CREATE SCHEMA sec_reader AUTHORIZATION sec_reader;
CREATE SCHEMA sec_writer AUTHORIZATION sec_writer;
SQL
as sec_owner "GRANT CREATE ON SCHEMA public TO sec_planter" >/dev/null

# 4. Before the install, the planter plants in public what the install script could bind:
#    better matches than pg_catalog's for calls with untyped literals or binary-coercible types.
psql "$(conn sec_planter)" -X -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE TABLE planter.hits (what text NOT NULL);
GRANT USAGE ON SCHEMA planter TO PUBLIC;
GRANT INSERT, SELECT ON planter.hits TO PUBLIC;
CREATE FUNCTION planter.hit(text) RETURNS boolean LANGUAGE sql SET search_path = pg_catalog
    AS $$ INSERT INTO planter.hits VALUES ($1 || ' (in: ' || left(current_query(), 120) || ')') RETURNING true $$;
CREATE FUNCTION public.nextval(text) RETURNS bigint LANGUAGE sql SET search_path = pg_catalog
    AS $$ SELECT planter.hit('public.nextval(text)'); SELECT pg_catalog.nextval($1::regclass) $$;
CREATE FUNCTION planter.path_text(jsonb, jsonb) RETURNS text LANGUAGE sql SET search_path = pg_catalog
    AS $$ SELECT planter.hit('public.#>>(jsonb,jsonb)'); SELECT $1 OPERATOR(pg_catalog.#>>) '{}'::text[] $$;
CREATE OPERATOR public.#>> (LEFTARG = jsonb, RIGHTARG = jsonb, FUNCTION = planter.path_text);
CREATE FUNCTION planter.arrow(jsonb, jsonb) RETURNS jsonb LANGUAGE sql SET search_path = pg_catalog
    AS $$ SELECT planter.hit('public.->(jsonb,jsonb)'); SELECT $1 OPERATOR(pg_catalog.->) ($2 OPERATOR(pg_catalog.#>>) '{}'::text[]) $$;
CREATE OPERATOR public.-> (LEFTARG = jsonb, RIGHTARG = jsonb, FUNCTION = planter.arrow);
CREATE FUNCTION public.pg_has_role(regrole, text) RETURNS boolean LANGUAGE sql SET search_path = pg_catalog
    AS $$ SELECT planter.hit('public.pg_has_role(regrole,text)'); SELECT true $$;
CREATE FUNCTION planter.role_eq(regrole, regrole) RETURNS boolean LANGUAGE sql SET search_path = pg_catalog
    AS $$ SELECT planter.hit('public.=(regrole,regrole)'); SELECT $1::oid OPERATOR(pg_catalog.=) $2::oid $$;
CREATE OPERATOR public.= (LEFTARG = regrole, RIGHTARG = regrole, FUNCTION = planter.role_eq);
CREATE FUNCTION planter.xid_cat(xid8, text) RETURNS text LANGUAGE sql SET search_path = pg_catalog
    AS $$ SELECT planter.hit('public.||(xid8,text)'); SELECT $1::text || $2 $$;
CREATE OPERATOR public.|| (LEFTARG = xid8, RIGHTARG = text, FUNCTION = planter.xid_cat);
CREATE FUNCTION planter.snapshot_cat(pg_snapshot, text) RETURNS text LANGUAGE sql SET search_path = pg_catalog
    AS $$ SELECT planter.hit('public.||(pg_snapshot,text)'); SELECT $1::text || $2 $$;
CREATE OPERATOR public.|| (LEFTARG = pg_snapshot, RIGHTARG = text, FUNCTION = planter.snapshot_cat);
CREATE FUNCTION planter.bigint_cat(text, bigint) RETURNS text LANGUAGE sql SET search_path = pg_catalog
    AS $$ SELECT planter.hit('public.||(text,bigint)'); SELECT $1 || $2::text $$;
CREATE OPERATOR public.|| (LEFTARG = text, RIGHTARG = bigint, FUNCTION = planter.bigint_cat);
CREATE FUNCTION public.format(text, text) RETURNS text LANGUAGE sql SET search_path = pg_catalog
    AS $$ SELECT planter.hit('public.format(text,text)'); SELECT pg_catalog.format($1, $2) $$;
CREATE FUNCTION public.format(text, text, text, text) RETURNS text LANGUAGE sql SET search_path = pg_catalog
    AS $$ SELECT planter.hit('public.format(text,text,text,text)'); SELECT pg_catalog.format($1, $2, $3, $4) $$;
SQL
# ... and a copy of every pg_catalog operator, function, aggregate and type name in its schema
# "shadow", for victims whose search_path puts shadow first (a database owner can set that for
# every session: ALTER DATABASE … SET search_path).
psql "$(conn sec_planter)" -X -q -v ON_ERROR_STOP=1 -f "$HERE/shadow.sql"
check "the shadow schema copies pg_catalog (functions, operators, aggregates, types > 2000, 700, 20, 20)" "t" \
  "$(as postgres "SELECT bool_and(n > CASE kind WHEN 'function' THEN 2000 WHEN 'operator' THEN 700 ELSE 20 END) FROM shadow.planted")"

# CVE-2020-14350's pattern: objects made before the install, for the install to adopt. The
# owner makes schema docstore (with a function in it) and a docstore_read in public, each in a
# database of its own: the install must refuse, not take them over.
for pre in "CREATE SCHEMA docstore; CREATE FUNCTION docstore.require(integer, text) RETURNS boolean LANGUAGE sql AS 'SELECT true'" \
           "CREATE FUNCTION public.docstore_read(text, uuid) RETURNS SETOF record LANGUAGE sql AS 'SELECT 1'"; do
  psql_at "$PORT" -d postgres -q -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS ${DB}_pre" -c "CREATE DATABASE ${DB}_pre OWNER sec_owner"
  psql "host=127.0.0.1 port=$PORT dbname=${DB}_pre user=sec_owner" -X -q -c "$pre"
  check "the install refuses an object made before it (${pre%%(*})" 42P06-or-42723 \
    "$(psql "host=127.0.0.1 port=$PORT dbname=${DB}_pre user=sec_owner" -X -tA -v VERBOSITY=sqlstate -c "CREATE EXTENSION docstore" 2>&1 |
       sed -E 's/^ERROR:  (42P06|42723).*/42P06-or-42723/' | head -n 1)"
  psql_at "$PORT" -d postgres -q -c "DROP DATABASE ${DB}_pre"
done

check "a database owner (no superuser) creates the extension" "" \
  "$(as sec_owner "CREATE EXTENSION docstore")"
[ -n "${SECURITY_ABLATE:-}" ] && as postgres "$SECURITY_ABLATE" >/dev/null
check "4. the install bound nothing planted (every object docstore's objects use is pg_catalog's or docstore's own)" "" \
  "$(as postgres "$FOREIGN_BINDINGS")"

# 3. The victims use every function: planted objects in public must not run, nor copies of
#    pg_catalog in a schema first in search_path.
clear_hits
check "3. the superuser runs every docstore function (search_path \"\$user\", public)" "" \
  "$(workload postgres '"$user",public' w1)"
check "3. ... nothing planted in public ran" "" "$(hits)"
clear_hits
check "3. the superuser runs every docstore function (search_path shadow, pg_catalog, public)" "" \
  "$(workload postgres 'shadow,pg_catalog,public' w2)"
check "3. ... no copy in shadow ran" "" "$(hits)"
clear_hits
check "3. the owner runs every docstore function (search_path shadow, pg_catalog, public)" "" \
  "$(workload sec_owner 'shadow,pg_catalog,public' w3)"
check "3. ... no copy in shadow ran" "" "$(hits)"
as postgres "SELECT docstore_create_index('w1', '{\"age\": 1}'), docstore_create_index('w1', '{\"nested.k\": -1}', '{\"unique\": true}')" >/dev/null
check "3. per-path indexes and their rules are bound to pg_catalog's operators only" "" \
  "$(as postgres "$FOREIGN_BINDINGS")"
clear_hits
as sec_writer "SELECT 1" >/dev/null

# The data the other checks use.
as sec_owner "SELECT docstore_configure('A', '{\"history\": true, \"changes\": true}'), docstore_configure('B', '{\"history\": true, \"changes\": true}')" >/dev/null
as sec_owner "SELECT count(*) FROM docstore_create_many('A', (SELECT jsonb_agg(jsonb_build_object('n', i, 'tier', 'basic')) FROM generate_series(1, 50) i))" >/dev/null
as sec_owner "SELECT count(*) FROM docstore_create_many('B', (SELECT jsonb_agg(jsonb_build_object('n', i, 'tier', CASE WHEN i % 10 < 9 THEN 'gold' ELSE 'basic' END, 'secret', 's' || i::text)) FROM generate_series(1, 2000) i))" >/dev/null
as sec_owner "SELECT docstore_create_index('B', '{\"n\": 1}')" >/dev/null
as sec_owner "SELECT docstore_grant('A', 'sec_writer', 'write'), docstore_grant('A', 'sec_reader', 'read'), docstore_grant('B', 'sec_b', 'write')" >/dev/null
as postgres "ANALYZE docstore.documents" >/dev/null
a_id=$(as sec_owner "SELECT id FROM docstore.documents WHERE collection = 'A' ORDER BY id LIMIT 1")
b_id=$(as sec_owner "SELECT id FROM docstore.documents WHERE collection = 'B' ORDER BY id LIMIT 1")

# 1. Restricted roles plant always-true copies of what a policy could call, in their own
#    schemas, first in their own search_path, then reach for B.
for role in sec_reader sec_writer; do
  psql "$(conn "$role")" -X -q -v ON_ERROR_STOP=1 <<SQL
CREATE FUNCTION $role.pg_has_role(regrole, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE FUNCTION $role.pg_has_role(oid, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE FUNCTION $role.pg_has_role(name, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE FUNCTION $role.yes(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR $role.= (LEFTARG = text, RIGHTARG = text, FUNCTION = $role.yes);
CREATE FUNCTION $role.yes_oid(oid, oid) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR $role.= (LEFTARG = oid, RIGHTARG = oid, FUNCTION = $role.yes_oid);
CREATE FUNCTION $role.yes_role(regrole, regrole) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR $role.= (LEFTARG = regrole, RIGHTARG = regrole, FUNCTION = $role.yes_role);
SQL
done
path_r="SET search_path = sec_reader, pg_catalog, public"
path_w="SET search_path = sec_writer, pg_catalog, public"
check "1. the reader, with its planted overloads first, reads none of B (docstore_query)" 0 \
  "$(as sec_reader "$path_r" "SELECT count(*) FROM docstore_query('B')")"
check "1. ... none of B (docstore_count, find, read, distinct)" "0 0 0 0" \
  "$(as sec_reader "$path_r" "SELECT docstore_count('B')::text || ' ' || (SELECT count(*)::text FROM docstore_find('B')) || ' ' || (SELECT count(*)::text FROM docstore_read('B', '$b_id')) || ' ' || (SELECT count(*)::text FROM docstore_distinct('B', 'secret'))")"
check "1. ... none of B by plain SQL (documents, history, changes)" "50 0" \
  "$(as sec_reader "$path_r" "SELECT count(*) || ' ' || (SELECT count(*)::text FROM docstore.changes WHERE collection OPERATOR(pg_catalog.=) 'B') FROM docstore.documents")"
check "1. ... it still reads A" 50 "$(as sec_reader "$path_r" "SELECT count(*) FROM docstore_query('A', '{}', 1000)")"
check "1. the writer, with its planted overloads first, cannot create in B" 42501 \
  "$(as sec_writer "$path_w" "SELECT count(*) FROM docstore_create('B', '{}')")"
check "1. ... nor update, patch or delete B" "0 0 false 0" \
  "$(as sec_writer "$path_w" "SELECT (SELECT count(*) FROM docstore_update('B', '$b_id', '{\"x\": 1}'))::text || ' ' || (SELECT count(*)::text FROM docstore_patch('B', '$b_id', '{\"\$set\": {\"x\": 1}}')) || ' ' || docstore_delete('B', '$b_id') || ' ' || docstore_update_many('B', '{}', '{\"\$set\": {\"x\": 1}}')::text")"
check "1. ... nor write B by plain SQL" 42501 \
  "$(as sec_writer "$path_w" "INSERT INTO docstore.documents (collection, data) VALUES ('B', '{}')")"
check "1. B is untouched" "2000 0" "$(as sec_owner "SELECT count(*)::text || ' ' || (count(*) FILTER (WHERE data ? 'x'))::text FROM docstore.documents WHERE collection = 'B'")"

# 5. The owner (the database owner) cannot add code where docstore's functions live, nor move
#    the schema or the tables that docstore's statements name.
check "5. the owner cannot create functions in schema docstore" 42501 \
  "$(as sec_owner "BEGIN; CREATE FUNCTION docstore.require(integer, text) RETURNS boolean LANGUAGE sql AS 'SELECT true'; ROLLBACK")"
check "5. ... nor operators" 42501 \
  "$(as sec_owner "BEGIN; CREATE OPERATOR docstore.@= (LEFTARG = jsonb, RIGHTARG = text, FUNCTION = pg_catalog.jsonb_exists); ROLLBACK")"
check "5. ... nor tables or views" 42501 "$(as sec_owner "BEGIN; CREATE VIEW docstore.fake AS SELECT 1; ROLLBACK")"
check "5. ... nor rename the schema" 42501 "$(as sec_owner "BEGIN; ALTER SCHEMA docstore RENAME TO moved; ROLLBACK")"
check "5. ... nor rename docstore's tables" 42501 "$(as sec_owner "BEGIN; ALTER TABLE docstore.grants RENAME TO moved; ROLLBACK")"
check "5. the owner still creates and drops per-path indexes" "t t" \
  "$(as sec_owner "SELECT docstore_create_index('A', '{\"tier\": 1}') IS NOT NULL" ) $(as sec_owner "SELECT docstore_drop_index('A', name) FROM docstore_list_indexes('A')")"

# 6. Writers cannot forge what the triggers own.
check "6. a writer cannot insert a version or times of its own" 42501 \
  "$(as sec_writer "INSERT INTO docstore.documents (collection, data, version, updated_at, created_at) VALUES ('A', '{}', 777, '2001-01-01', '2001-01-01')")"
check "6. ... nor set them by UPDATE" 42501 "$(as sec_writer "UPDATE docstore.documents SET version = 777 WHERE id = '$a_id'")"
check "6. a plain INSERT by a writer is version 1, now, and in the feed" "1 true 1" \
  "$(as sec_writer "WITH i AS (INSERT INTO docstore.documents (collection, data) VALUES ('A', '{\"plain\": 1}') RETURNING id, version, updated_at) SELECT version || ' ' || (updated_at = now()) FROM i" \
  ) $(as sec_owner "SELECT count(*) FROM docstore.changes WHERE collection = 'A' AND data ? 'plain' AND op = 'create'")"
check "6. a writer cannot insert into the history" 42501 \
  "$(as sec_writer "INSERT INTO docstore.history (collection, id, version, data, created_at, valid_from, valid_to, operation) VALUES ('A', '$a_id', 99, '{\"forged\": 1}', now(), now(), now(), 'update')")"
check "6. ... nor into the feed" 42501 \
  "$(as sec_writer "INSERT INTO docstore.changes (collection, id, op, version, data) VALUES ('A', '$a_id', 'update', 99, '{\"forged\": 1}')")"
check "6. ... nor take feed sequence numbers" 42501 "$(as sec_writer "SELECT pg_catalog.nextval('docstore.change_seq')")"
check "6. the triggers still keep the writer's history and feed" "2 2 1" \
  "$(as sec_writer "SELECT version FROM docstore_update('A', '$a_id', '{\"w\": 1}')") $(as sec_writer "SELECT count(*) FROM docstore_history('A', '$a_id')") $(as sec_writer "SELECT count(*) FROM docstore_changes(NULL, 10000, 'A') WHERE id = '$a_id' AND op = 'update' AND version = 2")"
check "6. a writer restores a deleted document: its id, created_at and the next version" "t 3" \
  "$(as sec_writer "SELECT docstore_delete('A', '$a_id')") $(as sec_writer "SELECT version FROM docstore_restore('A', '$a_id', 1)")"
check "6. ... created_at is the original one" t \
  "$(as sec_owner "SELECT d.created_at = h.created_at FROM docstore.documents d JOIN docstore.history h USING (collection, id) WHERE d.id = '$a_id' AND h.version = 1")"

# 7. The planner's estimates say nothing about other collections.
# The estimated rows of docstore_find's plan: est ROLE COLLECTION FILTER (search_path without
# public, where the planted ->(jsonb,jsonb) would catch this harness's own ->).
est() { as "$1" "SET search_path = pg_catalog" "SELECT (public.docstore_explain('$2', '$3')->'plan'->0->'Plan'->>'Plan Rows')::float"; }
gold=$(est sec_owner B '{"tier": "gold"}'); absent=$(est sec_owner B '{"tier": "absent"}')
check "7. for the owner the estimates tell values apart (the check can tell: $gold vs $absent rows)" t \
  "$(as sec_owner "SELECT $gold::float > 10 * $absent::float")"
gold=$(est sec_reader B '{"tier": "gold"}'); absent=$(est sec_reader B '{"tier": "absent"}')
check "7. a reader of A gets the same estimate for B's common value and an absent one ($gold vs $absent rows)" \
  "t" "$(as sec_reader "SELECT $gold::float = $absent::float")"
# Plain EXPLAIN's estimate: the rows of its top plan node.
explain_rows() {
  psql "$(conn "$1")" -X -q -tA -c "SET search_path = pg_catalog" \
    -c "EXPLAIN SELECT * FROM docstore.documents WHERE collection = 'A' AND data OPERATOR(docstore.@=) '$2'" 2>&1 |
    sed -nE '1s/.*rows=([0-9]+).*/\1/p'
}
gold=$(explain_rows sec_reader '{"tier": "gold"}'); absent=$(explain_rows sec_reader '{"tier": "absent"}')
check "7. ... also by plain EXPLAIN of @= ($gold vs $absent rows)" "t" "$([ -n "$gold" ] && [ "$gold" = "$absent" ] && echo t)"

# 8. Metadata.
check "8. a reader sees only the grants that apply to it" "A:sec_reader:read" \
  "$(as sec_reader "SELECT string_agg(collection || ':' || role || ':' || access, ' ') FROM docstore_list_grants()")"
check "8. ... also in docstore.grants" 1 "$(as sec_reader "SELECT count(*) FROM docstore.grants")"
check "8. ... no options of B" "0 {\"changes\": false, \"history\": false}" \
  "$(as sec_reader "SELECT count(*) FROM docstore.collections WHERE name <> 'A'") $(as sec_reader "SELECT docstore_collection_options('B')")"
check "8. ... no indexes of B" "0 0" \
  "$(as sec_reader "SELECT count(*) FROM docstore.indexes WHERE collection <> 'A'") $(as sec_reader "SELECT count(*) FROM docstore_list_indexes('B')")"
check "8. the owner sees them all" "3 2 1" \
  "$(as sec_owner "SELECT (SELECT count(*) FROM docstore_list_grants()) || ' ' || (SELECT count(*)::text FROM docstore.collections WHERE name IN ('A', 'B')) || ' ' || (SELECT count(*)::text FROM docstore_list_indexes('B'))")"
listen_out=$(mktemp)
psql "$(conn sec_nobody)" -X -q -c "LISTEN docstore_changes" -c "SELECT pg_sleep(2)" -c "SELECT 1" >"$listen_out" 2>&1 &
listener=$!
sleep 1
as sec_b "SELECT count(*) FROM docstore_create('B', '{\"n\": -1}')" >/dev/null
wait $listener
check "8. a role with no grant is notified of changes" 1 "$(grep -c 'Asynchronous notification "docstore_changes"' "$listen_out")"
check "8. ... with no payload (it would name the collection)" 0 "$(grep -c 'with payload' "$listen_out")"
rm -f "$listen_out"

# 2. Very long paths: a clean error, never a crash.
before=$(started)
long="' || repeat('a.', 99999) || 'a' || '"
check "2. apply_update with a 100,000-segment \$set path: 22023" 22023 \
  "$(as sec_writer "SELECT docstore.apply_update('{}', jsonb_build_object('\$set', jsonb_build_object('$long', 1)), 'now')")"
for op in '$set' '$inc' '$rename' '$unset' '$push'; do
  value=1; [ "$op" = '$rename' ] && value="'b'"
  check "2. docstore_patch with a 100,000-segment $op path: 22023" 22023 \
    "$(as sec_writer "SELECT count(*) FROM docstore_patch('A', '$a_id', jsonb_build_object('$op', jsonb_build_object('$long', $value)))")"
done
check "2. update_many with a 100,000-segment path: 22023" 22023 \
  "$(as sec_writer "SELECT docstore_update_many('A', '{}', jsonb_build_object('\$inc', jsonb_build_object('$long', 1)))")"
check "2. a filter with a 100,000-segment path: 22023" 22023 \
  "$(as sec_writer "SELECT docstore_count('A', jsonb_build_object('$long', 1))")"
check "2. find sort and fields with a 100,000-segment path: 22023 22023" "22023 22023" \
  "$(as sec_writer "SELECT count(*) FROM docstore_find('A', '{}', jsonb_build_object('sort', jsonb_build_object('$long', 1)))") $(as sec_writer "SELECT count(*) FROM docstore_find('A', '{}', jsonb_build_object('fields', jsonb_build_object('$long', 1)))")"
check "2. distinct and an index with a 100,000-segment path: 22023 22023" "22023 22023" \
  "$(as sec_writer "SELECT count(*) FROM docstore_distinct('A', '$long')") $(as sec_owner "SELECT docstore_create_index('A', jsonb_build_object('$long', 1))")"
check "2. docstore.project with a 100,000-segment path: 22023" 22023 \
  "$(as sec_writer "SELECT docstore.project('{}', jsonb_build_object('$long', 1))")"
check "2. the server never restarted" "$before" "$(started)"

# 9. Errors keep their cause.
check "9. a cancelled \$regex compilation is a cancellation (57014), not an invalid regex" 57014 \
  "$(as sec_writer "SET statement_timeout = '100ms'" "SELECT docstore_count('A', '{\"name\": {\"\$regex\": \"(((a|b){1,30}){1,30}){1,30}\"}}')")"
as sec_writer "SELECT docstore_patch('A', '$a_id', '{\"\$set\": {\"big\": 1e308}}')" >/dev/null
v=$(as sec_writer "SELECT version FROM docstore_read('A', '$a_id')")
check "9. \$inc past the double range: 22003" 22003 \
  "$(as sec_writer "SELECT count(*) FROM docstore_patch('A', '$a_id', '{\"\$inc\": {\"big\": 1e308}}')")"
check "9. ... nothing written" "$v" "$(as sec_writer "SELECT version FROM docstore_read('A', '$a_id')")"
check "9. \$mul past the double range: 22003" 22003 \
  "$(as sec_writer "SELECT count(*) FROM docstore_patch('A', '$a_id', '{\"\$mul\": {\"big\": 1e10}}')")"

check "nothing planted ran during any of this" "" "$(hits)"

psql_at "$PORT" -d postgres -q -c "SET client_min_messages = warning" -c "DROP DATABASE $DB" \
  -c "DROP ROLE ${ROLES// /, }"
exit $fail
