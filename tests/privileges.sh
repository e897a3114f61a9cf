#!/usr/bin/env bash
# Privileges (tests/privileges.sh PORT), against the cluster on PORT with trust authentication:
#  1. The extension is trusted: a database owner without superuser creates it, owns its storage,
#     and its queries use the GIN index.
#  2. A role with no grants can neither read nor write, through the functions or the table.
#  3. docstore_grant: a role sees and changes only its collections, by every function and by
#     plain SQL (row-level security); '*' grants every collection; docstore_revoke takes it back.
#  4. Under row-level security an equality filter still uses the GIN index.
source "$(dirname "$0")/../scripts/lib.sh"
PORT=$1
DB=docstore_privileges
fail=0
# as_indexed ROLE SQL: as `as` (scripts/lib.sh), with only bitmap scans on, so that a plan shows
# which index the role's filter can use (a small table is otherwise read whole, whatever the
# index could do).
as_indexed() { AS_OPTIONS="-c enable_seqscan=off -c enable_indexscan=off" as "$@"; }

psql_at "$PORT" -d postgres -q <<SQL
SET client_min_messages = warning;
DROP DATABASE IF EXISTS $DB;
DROP ROLE IF EXISTS ds_owner; DROP ROLE IF EXISTS ds_nobody; DROP ROLE IF EXISTS ds_app_a;
DROP ROLE IF EXISTS ds_app_b; DROP ROLE IF EXISTS ds_reader; DROP ROLE IF EXISTS ds_team;
CREATE ROLE ds_owner LOGIN;  -- not a superuser
CREATE ROLE ds_nobody LOGIN;
CREATE ROLE ds_app_a LOGIN;
CREATE ROLE ds_app_b LOGIN;
CREATE ROLE ds_reader LOGIN;
CREATE ROLE ds_team;         -- a group: its members get its grants
GRANT ds_team TO ds_app_b;
CREATE DATABASE $DB OWNER ds_owner;
SQL

# 1. Trusted: the database owner creates the extension.
check "a database owner (no superuser) creates the extension" "CREATE EXTENSION" \
  "$(psql "host=127.0.0.1 port=$PORT dbname=$DB user=ds_owner" -X -c "CREATE EXTENSION docstore" 2>&1)"
# PRIVILEGES_ABLATE="<SQL>": run as superuser after the install, to see a check fail without
# the protection it checks (e.g. ALTER FUNCTION docstore.jsonb_path_match(jsonb, jsonpath) NOT LEAKPROOF).
[ -z "${PRIVILEGES_ABLATE:-}" ] || psql_at "$PORT" -d "$DB" -q -c "$PRIVILEGES_ABLATE"
check "it owns the storage" ds_owner "$(as ds_owner "SELECT tableowner FROM pg_tables WHERE schemaname = 'docstore' AND tablename = 'documents'")"
as ds_owner "SELECT count(*) FROM docstore_create_many('a', '[{\"n\": 1}, {\"n\": 2}]')" >/dev/null
as ds_owner "SELECT count(*) FROM docstore_create_many('b', '[{\"n\": 1}, {\"n\": 2}, {\"n\": 3}]')" >/dev/null
check "the owner reads every collection" 5 "$(as ds_owner "SELECT count(*) FROM docstore.documents")"
check "the owner bypasses row-level security (no policy in its plans)" f \
  "$(as ds_owner "SELECT docstore_explain('a', '{\"n\": 1}')::text LIKE '%allowed%'")"
check "the owner may create per-path indexes" t "$(as ds_owner "SELECT docstore_create_index('a', '{\"n\": 1}') IS NOT NULL")"

# 2. No grants: nothing, either way.
a_id=$(as ds_owner "SELECT id FROM docstore.documents WHERE collection = 'a' ORDER BY id LIMIT 1")
b_id=$(as ds_owner "SELECT id FROM docstore.documents WHERE collection = 'b' ORDER BY id LIMIT 1")
for statement in "SELECT count(*) FROM docstore_query('a')" "SELECT docstore_count('a')" \
  "SELECT count(*) FROM docstore_read('a', '$a_id')" "SELECT count(*) FROM docstore_create('a', '{}')" \
  "SELECT count(*) FROM docstore_update('a', '$a_id', '{\"x\": 1}')" "SELECT docstore_delete('a', '$a_id')" \
  "SELECT count(*) FROM docstore.documents" "DELETE FROM docstore.documents" \
  "SELECT count(*) FROM docstore_changes()" "SELECT count(*) FROM docstore_history('a', '$a_id')"; do
  check "no grants: $statement is refused (42501)" 42501 "$(as ds_nobody "$statement")"
done

# 3. Per-collection grants.
as ds_owner "SELECT docstore_grant('a', 'ds_app_a', 'write')" >/dev/null
as ds_owner "SELECT docstore_grant('b', 'ds_team', 'write')" >/dev/null
as ds_owner "SELECT docstore_grant('*', 'ds_reader', 'read')" >/dev/null
as ds_owner "SELECT docstore_configure('a', '{\"history\": true, \"changes\": true}'), docstore_configure('b', '{\"history\": true, \"changes\": true}')" >/dev/null
check "a granted role's plans carry the policy" t \
  "$(as ds_app_a "SELECT docstore_explain('a', '{\"n\": 1}')::text LIKE '%allowed%'")"
check "app_a sees its collection" 2 "$(as ds_app_a "SELECT count(*) FROM docstore_query('a')")"
check "app_a does not see b (docstore_query)" 0 "$(as ds_app_a "SELECT count(*) FROM docstore_query('b')")"
check "app_a does not see b (docstore_find)" 0 "$(as ds_app_a "SELECT count(*) FROM docstore_find('b')")"
check "app_a does not see b (docstore_count)" 0 "$(as ds_app_a "SELECT docstore_count('b')")"
check "app_a does not see b (docstore_read)" 0 "$(as ds_app_a "SELECT count(*) FROM docstore_read('b', '$b_id')")"
check "app_a does not see b (docstore_distinct)" 0 "$(as ds_app_a "SELECT count(*) FROM docstore_distinct('b', 'n')")"
check "app_a does not see b (plain SELECT)" "a" "$(as ds_app_a "SELECT string_agg(DISTINCT collection, ',') FROM docstore.documents")"
check "app_a lists only its collection" "a" "$(as ds_app_a "SELECT string_agg(c, ',') FROM docstore_list_collections() AS c")"
check "app_a writes its collection" 1 "$(as ds_app_a "SELECT count(*) FROM docstore_create('a', '{\"n\": 9}')")"
check "app_a updates its collection (history and feed written as app_a)" 2 "$(as ds_app_a "SELECT version FROM docstore_update('a', '$a_id', '{\"by\": \"a\"}')")"
check "app_a cannot create in b (row-level security, 42501)" 42501 "$(as ds_app_a "SELECT count(*) FROM docstore_create('b', '{}')")"
check "app_a cannot update b (no row)" 0 "$(as ds_app_a "SELECT count(*) FROM docstore_update('b', '$b_id', '{\"by\": \"a\"}')")"
check "app_a cannot patch b (no row)" 0 "$(as ds_app_a "SELECT count(*) FROM docstore_patch('b', '$b_id', '{\"\$set\": {\"by\": \"a\"}}')")"
check "app_a cannot delete in b" f "$(as ds_app_a "SELECT docstore_delete('b', '$b_id')")"
check "app_a cannot update_many / delete_many in b" "0|0" "$(as ds_app_a "SELECT docstore_update_many('b', '{}', '{\"\$set\": {\"x\": 1}}') || '|' || docstore_delete_many('b', '{}')")"
check "app_a cannot change b by plain SQL" "UPDATE 0" "$(psql "host=127.0.0.1 port=$PORT dbname=$DB user=ds_app_a" -X -c "UPDATE docstore.documents SET data = '{}' WHERE collection = 'b'" 2>&1)"
check "app_a cannot move a document into b" 42501 "$(as ds_app_a "INSERT INTO docstore.documents (collection, data) VALUES ('b', '{}')")"
check "app_a sees only a's history" "0 2" "$(as ds_app_a "SELECT (SELECT count(*) FROM docstore_history('b', '$b_id')) || ' ' || (SELECT count(*) FROM docstore_history('a', '$a_id'))")"
check "app_a's feed holds only a" "a" "$(as ds_app_a "SELECT string_agg(DISTINCT collection, ',') FROM docstore_changes()")"
check "b is untouched" "3 0" "$(as ds_owner "SELECT count(*) || ' ' || count(*) FILTER (WHERE data ? 'by' OR data ? 'x') FROM docstore.documents WHERE collection = 'b'")"
check "a member of a granted group writes b" 1 "$(as ds_app_b "SELECT count(*) FROM docstore_create('b', '{\"n\": 4}')")"
check "... and not a" 0 "$(as ds_app_b "SELECT count(*) FROM docstore_query('a')")"
check "'*' read: the reader sees every collection" "a,b" "$(as ds_reader "SELECT string_agg(DISTINCT collection, ',' ORDER BY collection) FROM docstore.documents")"
check "'*' read: the reader cannot write" 42501 "$(as ds_reader "SELECT count(*) FROM docstore_create('a', '{}')")"
check "the reader cannot update by plain SQL" 42501 "$(as ds_reader "UPDATE docstore.documents SET data = '{}'")"
check "only the owner grants" 42501 "$(as ds_app_a "SELECT docstore_grant('b', 'ds_app_a', 'write')")"
check "docstore_list_grants" "*:ds_reader:read a:ds_app_a:write b:ds_team:write" \
  "$(as ds_owner "SELECT string_agg(collection || ':' || role || ':' || access, ' ' ORDER BY collection) FROM docstore_list_grants()")"
check "bad access is 22023" 22023 "$(as ds_owner "SELECT docstore_grant('a', 'ds_app_a', 'admin')")"
check "revoke" t "$(as ds_owner "SELECT docstore_revoke('a', 'ds_app_a')")"
check "after revoke app_a is refused" 42501 "$(as ds_app_a "SELECT count(*) FROM docstore_query('a')")"
check "revoking what was not granted is false" f "$(as ds_owner "SELECT docstore_revoke('a', 'ds_app_a')")"

# 4. Under row-level security, equality filters still use the GIN index: docstore.@= is
#    leakproof, so PostgreSQL may use it as an index condition before the policy's check.
as ds_owner "SELECT count(*) FROM docstore_create_many('big', (SELECT jsonb_agg(jsonb_build_object('n', i, 'k', i % 100, 'o', jsonb_build_object('k', i), 'tags', jsonb_build_array('t' || (i % 50), 'u' || (i % 7)), 'items', jsonb_build_array(jsonb_build_object('p', i), jsonb_build_object('p', i + 1)))) FROM generate_series(1, 50000) i))" >/dev/null
as ds_owner "ANALYZE docstore.documents" >/dev/null
check "the reader's equality filter is served by the GIN index" t \
  "$(as_indexed ds_reader "SELECT docstore_explain('big', '{\"n\": 17}')::text LIKE '%documents_data_idx%'")"
check "... under the policy" t "$(as_indexed ds_reader "SELECT docstore_explain('big', '{\"n\": 17}')::text LIKE '%allowed%'")"
check "... with the right rows" "1 1" "$(as ds_reader "SELECT (SELECT count(*) FROM docstore_query('big', '{\"n\": 17}')) || ' ' || docstore_count('big', '{\"n\": 17}')")"
# Every other filter the GIN index can serve is served for the reader too: docstore's filters
# use docstore.@@ and docstore.@> (leakproof twins of jsonb's, which are not leakproof and would
# run after the policy, row by row). Rows as the owner's (who is not under the policy).
for filter in '{"o.k": 17}' '{"n": {"$in": [17, 40000]}}' '{"tags": {"$all": ["t17", "u3"]}}' \
  '{"o": {"k": 17}}' '{"items": {"$elemMatch": {"p": 18}}}' '{"items.0.p": 17}' \
  '{"$or": [{"o.k": 17}, {"tags": "t3", "n": {"$gt": 4990}}]}'; do
  check "the reader's $filter is served by the GIN index" t \
    "$(as_indexed ds_reader "SELECT docstore_explain('big', '$filter')::text LIKE '%documents_data_idx%'")"
  check "... with the owner's rows" "$(as ds_owner "SELECT docstore_count('big', '$filter')")" \
    "$(as ds_reader "SELECT docstore_count('big', '$filter')")"
done
check "a reader's own docstore.@@ with a regular expression is refused before any row" 22023 \
  "$(as ds_reader "SELECT count(*) FROM docstore.documents WHERE data OPERATOR(docstore.@@) '\$.n like_regex \"^1\"'")"
check "... and with a variable" 22023 \
  "$(as ds_reader "SELECT count(*) FROM docstore.documents WHERE data OPERATOR(docstore.@@) '\$.n == \$x'")"

psql_at "$PORT" -d postgres -q -c "SET client_min_messages = warning" -c "DROP DATABASE $DB" \
  -c "DROP ROLE ds_owner" -c "DROP ROLE ds_nobody" -c "DROP ROLE ds_app_a" -c "DROP ROLE ds_app_b" -c "DROP ROLE ds_reader" -c "DROP ROLE ds_team"
exit $fail
