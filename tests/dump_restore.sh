#!/usr/bin/env bash
# pg_dump / pg_restore keep every document (tests/dump_restore.sh PORT): ids, collections, data,
# timestamps and versions come back identical, and the restored database works.
source "$(dirname "$0")/../scripts/lib.sh"
PORT=$1
work=$(mktemp -d /tmp/docstore-dump.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail=0
fingerprint="SELECT count(*) || ':' || md5(string_agg(id::text || collection || data::text || created_at::text || updated_at::text || version, ',' ORDER BY id)) FROM docstore.documents"

psql_at "$PORT" -d postgres -q -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS dump_src" -c "DROP DATABASE IF EXISTS dump_dst" -c "CREATE DATABASE dump_src" -c "CREATE DATABASE dump_dst"
q_in dump_src "CREATE EXTENSION docstore" >/dev/null
q_in dump_src "SELECT count(*) FROM (SELECT docstore_create('c' || (i % 5), jsonb_build_object('i', i, 'k', repeat('x', i % 50))) FROM generate_series(1, 1000) i) s" >/dev/null
q_in dump_src "UPDATE docstore.documents SET data = data || '{\"updated\": true}' WHERE (data->>'i')::int % 3 = 0" >/dev/null
q_in dump_src "SELECT count(*) FROM (SELECT docstore_create('big', jsonb_build_object('pad', repeat('abc', 100000)))) s" >/dev/null
q_in dump_src "SELECT docstore_create_index('c2', '{\"i\": 1}')" >/dev/null
q_in dump_src "SELECT docstore_configure('hc', '{\"history\": true, \"changes\": true}')" >/dev/null
q_in dump_src "SELECT count(*) FROM (SELECT docstore_create('hc', jsonb_build_object('i', i)) FROM generate_series(1, 20) i) s" >/dev/null
q_in dump_src "UPDATE docstore.documents SET data = data || '{\"v\": 2}' WHERE collection = 'hc'" >/dev/null
q_in dump_src "SELECT docstore_delete('hc', id) FROM docstore.documents WHERE collection = 'hc' AND (data->>'i')::int <= 5" >/dev/null
history="SELECT count(*) || ':' || md5(string_agg(collection || id || version || data::text || valid_from || valid_to || operation, ',' ORDER BY collection, id, version)) FROM docstore.history"
before=$(q_in dump_src "$fingerprint")

for format in custom plain; do
  q_in postgres "DROP DATABASE IF EXISTS dump_dst" >/dev/null; q_in postgres "CREATE DATABASE dump_dst" >/dev/null
  if [ $format = custom ]; then
    "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PORT" -U postgres -Fc -f "$work/db.dump" dump_src
    "$PG_BIN/pg_restore" -h 127.0.0.1 -p "$PORT" -U postgres -d dump_dst "$work/db.dump"
  else
    "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PORT" -U postgres -f "$work/db.sql" dump_src
    psql_at "$PORT" -d dump_dst -f "$work/db.sql" >/dev/null
  fi
  check "$format dump: every document back, identical" "$before" "$(q_in dump_dst "$fingerprint")"
  check "$format dump: collection options kept" '{"changes": true, "history": true}' "$(q_in dump_dst "SELECT docstore_collection_options('hc')")"
  check "$format dump: history kept, identical" "$(q_in dump_src "$history")" "$(q_in dump_dst "$history")"
  check "$format dump: the change feed starts empty (its cursors belong to the old cluster)" 0 "$(q_in dump_dst "SELECT count(*) FROM docstore_changes()")"
  check "$format dump: versions kept" "$(q_in dump_src "SELECT sum(version) FROM docstore.documents")" "$(q_in dump_dst "SELECT sum(version) FROM docstore.documents")"
  hid=$(q_in dump_dst "SELECT id FROM docstore.documents WHERE collection = 'hc' ORDER BY id LIMIT 1")
  q_in dump_dst "SELECT docstore_update('hc', '$hid', '{\"v\": 3}')" >/dev/null
  check "$format dump: history and feed go on after restore" "3 update 3" "$(q_in dump_dst "SELECT count(*) || ' ' || (SELECT op || ' ' || version FROM docstore_changes()) FROM docstore_history('hc', '$hid')")"
  id=$(q_in dump_dst "SELECT id FROM docstore.documents WHERE collection = 'c3' AND version = 2 ORDER BY id LIMIT 1")
  check "$format dump: updates still bump versions" 3 "$(q_in dump_dst "SELECT version FROM docstore_update('c3', '$id', '{\"again\": true}')")"
  q_in dump_dst "SELECT docstore_create('c1', '{\"new\": true}')" >/dev/null
  check "$format dump: functions work" 201 "$(q_in dump_dst "SELECT count(*) FROM docstore_query('c1', '{}', 1000)")"
  # Per-path indexes: the list comes back, the index does not; queries stay exact meanwhile
  # (an array on the path is found), and docstore_rebuild_indexes makes it again.
  check "$format dump: index listed" 1 "$(q_in dump_dst "SELECT count(*) FROM docstore_list_indexes('c2')")"
  q_in dump_dst "SELECT docstore_create('c2', '{\"i\": [2000, 2001]}')" >/dev/null
  check "$format dump: exact without the index (the array is found)" 1 "$(q_in dump_dst "SELECT docstore_count('c2', '{\"i\": {\"\$gte\": 1999}}')")"
  q_in dump_dst "SELECT docstore_delete_collection('c1')" >/dev/null
  q_in dump_dst "DELETE FROM docstore.documents WHERE collection = 'c2' AND data->'i' = '[2000, 2001]'" >/dev/null
  check "$format dump: docstore_rebuild_indexes makes it" 1 "$(q_in dump_dst "SELECT docstore_rebuild_indexes()")"
  check "$format dump: the rebuilt index serves ranges" t "$(q_in dump_dst "SELECT docstore_explain('c2', '{\"i\": {\"\$gte\": 990}}')::text LIKE '%docstore_%Index%' OR docstore_explain('c2', '{\"i\": {\"\$gte\": 990}}')::text ~ 'docstore_[0-9a-f]{16}'")"
done
psql_at "$PORT" -d postgres -c "DROP DATABASE dump_src" -c "DROP DATABASE dump_dst"
exit $fail
