-- The old Python library's quick start, in SQL. Run by ./run.sh and checked by the test suite.
\set QUIET on
-- Create Alice.
SELECT id AS alice FROM docstore_create('users',
    '{"name": "Alice", "email": "alice@example.com", "status": "active"}') \gset
-- Read her back.
SELECT data, version FROM docstore_read('users', :'alice');
-- Update one field (a shallow merge); the version goes to 2.
SELECT data, version FROM docstore_update('users', :'alice', '{"status": "inactive"}');
-- Query by content.
SELECT docstore_create('users', '{"name": "Bob", "status": "active"}') IS NOT NULL AS bob_created;
SELECT data->>'name' AS active_user FROM docstore_query('users', '{"status": "active"}', 100);
-- Collections, then clean up.
SELECT docstore_list_collections() AS collection;
SELECT docstore_delete('users', :'alice') AS deleted;
SELECT docstore_delete_collection('users') AS collection_deleted;
