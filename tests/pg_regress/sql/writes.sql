-- replace, upsert, create with an id, expected_version everywhere, bulk and set-based writes.
BEGIN;
SELECT id AS a FROM docstore_create('w', '{"n": 1, "keep": "x"}') \gset
-- replace: the data whole; version + 1; absent: no row.
SELECT data, version FROM docstore_replace('w', :'a', '{"n": 2}');
SELECT count(*) FROM docstore_replace('w', '00000000-0000-7000-8000-000000000000', '{"n": 2}');
-- expected_version on update, replace, delete.
SELECT data, version FROM docstore_update('w', :'a', '{"m": 1}', 2);
SELECT data, version FROM docstore_replace('w', :'a', '{"n": 3}', 3);
\set VERBOSITY terse
SAVEPOINT s;
SELECT * FROM docstore_update('w', :'a', '{"m": 2}', 1);
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
SELECT * FROM docstore_replace('w', :'a', '{"n": 9}', 99);
ROLLBACK TO s;
SELECT docstore_delete('w', :'a', 3);
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
SELECT docstore_delete('w', '00000000-0000-7000-8000-000000000000', 1) AS absent_is_false;
SELECT data, version FROM docstore_read('w', :'a');
SELECT docstore_delete('w', :'a', 4) AS deleted_at_its_version;
-- create with an id; a taken id is 23505, in any collection.
SELECT id, data, version FROM docstore_create('w', '{"given": true}', '11111111-1111-7111-8111-111111111111');
SELECT * FROM docstore_create('other', '{}', '11111111-1111-7111-8111-111111111111');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
-- upsert: creates (version 1), then replaces (version 2); an id of another collection is 23505.
SELECT data, version FROM docstore_upsert('w', '22222222-2222-7222-8222-222222222222', '{"u": 1}');
SELECT data, version FROM docstore_upsert('w', '22222222-2222-7222-8222-222222222222', '{"u": 2}');
SAVEPOINT s;
SELECT * FROM docstore_upsert('other', '22222222-2222-7222-8222-222222222222', '{"u": 3}');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
-- create_many: one statement, in order; a bad element names its index and nothing is written.
SELECT data, version FROM docstore_create_many('bulk', '[{"i": 1}, {"i": 2}, {"i": 3}]');
SELECT count(*) FROM docstore_create_many('bulk', '[]');
SAVEPOINT s;
SELECT * FROM docstore_create_many('bulk', '[{"i": 4}, "five", {"i": 6}]');
ROLLBACK TO s;
SELECT * FROM docstore_create_many('bulk', '{"i": 1}');
ROLLBACK TO s;
SELECT string_agg(data->>'i', ',') FROM docstore_query('bulk');
-- update_many and delete_many: set-based, with the query language.
SELECT docstore_update_many('bulk', '{"i": {"$gte": 2}}', '{"$inc": {"i": 10}, "$set": {"touched": true}}') AS updated;
SELECT data, version FROM docstore_query('bulk');
SELECT docstore_update_many('bulk', NULL, '{"$unset": {"touched": ""}}') AS updated_all;
SAVEPOINT s;
SELECT docstore_update_many('bulk', '{}', '{"i": 1}');
ROLLBACK TO s;
SELECT docstore_delete_many('bulk', '{"i": {"$gt": 11}}') AS deleted;
SELECT docstore_delete_many('bulk', '{"i": {"$gt": 11}}') AS deleted_again;
SELECT string_agg(data->>'i', ',') FROM docstore_query('bulk');
SELECT docstore_delete_many('bulk', '{}') AS deleted_rest;
SAVEPOINT s;
SELECT docstore_delete_many('bulk', '{"i": {"$foo": 1}}');
ROLLBACK TO s;
\set VERBOSITY default
ROLLBACK;
-- Everything above ran in one transaction that rolled back: nothing is left of it.
SELECT count(*) AS left_behind FROM docstore.documents WHERE collection IN ('w', 'other', 'bulk');
