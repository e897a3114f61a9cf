-- create / read / update / delete, as the 0.1 contract gives them.
BEGIN;
SELECT id AS a FROM docstore_create('users', '{"name": "Alice", "status": "active", "tags": ["x"]}') \gset

-- A new document: version 1, created_at = updated_at = now(), a UUIDv7 id.
SELECT collection, data, version, created_at = now() AS created_now, updated_at = created_at AS fresh,
       substr(id::text, 15, 1) AS uuid_version
  FROM docstore_read('users', :'a');

-- The same id in another collection does not exist.
SELECT count(*) AS other_collection FROM docstore_read('orders', :'a');
SELECT count(*) AS other_collection_update FROM docstore_update('orders', :'a', '{"x": 1}');
SELECT docstore_delete('orders', :'a') AS other_collection_delete;
SELECT data, version FROM docstore_read('users', :'a');

-- Shallow merge: top-level keys of the patch replace the document's, others stay; nested
-- objects and arrays are replaced whole, not merged.
SELECT data, version FROM docstore_update('users', :'a', '{"status": "inactive", "tags": ["y"], "address": {"city": "Oslo"}}');
SELECT data, version FROM docstore_update('users', :'a', '{"address": {"zip": "0150"}}');
-- An empty patch changes nothing but is still an update: the version moves.
SELECT data, version FROM docstore_update('users', :'a', '{}');
-- null is a value, not a deletion.
SELECT data, version FROM docstore_update('users', :'a', '{"status": null}');

-- Absent documents: no row, false.
SELECT count(*) AS absent_read FROM docstore_read('users', '00000000-0000-7000-8000-000000000000');
SELECT count(*) AS absent_update FROM docstore_update('users', '00000000-0000-7000-8000-000000000000', '{"a": 1}');
SELECT docstore_delete('users', '00000000-0000-7000-8000-000000000000') AS absent_delete;

-- Delete: true once, then false, and gone.
SELECT docstore_delete('users', :'a') AS deleted;
SELECT docstore_delete('users', :'a') AS deleted_again;
SELECT count(*) AS after_delete FROM docstore_read('users', :'a');

-- Every function returns the six documented columns, usable unqualified in FROM and in a select list.
SELECT (docstore_create('users', '{"n": 1}')).version AS in_select_list;
SELECT * FROM docstore_create('users', '{"n": 3}') WHERE false;

-- Ids sort in creation order (UUIDv7, monotonic within a session).
SELECT bool_and(prev < id) AS ids_increase
  FROM (SELECT id, lag(id) OVER (ORDER BY ord) AS prev
          FROM generate_series(1, 200) AS ord,
               LATERAL docstore_create('ordered', jsonb_build_object('i', ord))) s
 WHERE prev IS NOT NULL;

-- A plain INSERT gets an id, timestamps and version 1 by default.
INSERT INTO docstore.documents (collection, data) VALUES ('plain', '{"k": 1}');
SELECT id IS NOT NULL AS has_id, version, created_at = now() AS created_now FROM docstore.documents WHERE collection = 'plain';

-- Collections and keys are just data.
SELECT id AS h FROM docstore_create($$x'); DROP TABLE docstore.documents; --$$, '{"a''b\"c": "v''\""}') \gset
SELECT collection, data FROM docstore_read($$x'); DROP TABLE docstore.documents; --$$, :'h');
SELECT data FROM docstore_update($$x'); DROP TABLE docstore.documents; --$$, :'h', '{"a''b\"c": 2}');
SELECT count(*) FROM docstore_query($$x'); DROP TABLE docstore.documents; --$$, '{"a''b\"c": 2}');
SELECT to_regclass('docstore.documents') IS NOT NULL AS table_still_there;
ROLLBACK;
