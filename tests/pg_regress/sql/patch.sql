-- docstore_patch: update operators in one statement, optimistic concurrency with expected_version.
BEGIN;
SELECT id AS a FROM docstore_create('p', '{"name": "Ann", "n": 1, "tags": ["a"], "scores": [44, 78, 38, 80], "address": {"city": "Oslo"}}') \gset
SELECT data, version FROM docstore_patch('p', :'a', '{"$set": {"address.zip": "0150", "name": "Anne"}, "$inc": {"n": 2}}');
SELECT data, version FROM docstore_patch('p', :'a', '{"$unset": {"address": ""}, "$push": {"scores": {"$each": [90, 91], "$slice": -3}}, "$addToSet": {"tags": {"$each": ["a", "b"]}}}');
SELECT data, version FROM docstore_patch('p', :'a', '{"$pull": {"scores": {"$gte": 91}}, "$rename": {"name": "full_name"}, "$mul": {"n": 10}, "$min": {"low": 5}}');
SELECT data->'seen' ? 'x' AS not_a_string, (data->>'seen') ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$' AS iso_timestamp
  FROM docstore_patch('p', :'a', '{"$currentDate": {"seen": true}}');
-- More operators, with MongoDB's manual examples.
SELECT id AS b FROM docstore_create('p', '{"scores": [0, 2, 5, 5, 1, 0], "tags": ["x"], "hi": 5, "results": [{"item": "A", "score": 5}, {"item": "B", "score": 8}]}') \gset
SELECT data FROM docstore_patch('p', :'b', '{"$pullAll": {"scores": [0, 5]}, "$addToSet": {"tags": "x"}, "$max": {"hi": 9}, "$pull": {"results": {"score": 8, "item": "B"}}}');
SELECT data FROM docstore_patch('p', :'b', '{"$pop": {"scores": -1}, "$push": {"tags": {"$each": ["w"], "$position": 0}}, "$min": {"hi": 2}}');
SELECT data FROM docstore_patch('p', :'b', '{"$set": {"scores.0": 7, "deep.new.path": true}, "$unset": {"results": ""}}');
-- Absent: no row; another collection: no row.
SELECT count(*) FROM docstore_patch('p', '00000000-0000-7000-8000-000000000000', '{"$set": {"a": 1}}');
SELECT count(*) FROM docstore_patch('other', :'a', '{"$set": {"a": 1}}');
-- expected_version: the right version wins; a stale one is 40001 with both versions; absent is no row.
SELECT version FROM docstore_read('p', :'a');
SELECT data->'n', version FROM docstore_patch('p', :'a', '{"$inc": {"n": 1}}', 5);
SAVEPOINT s;
\set VERBOSITY default
SELECT * FROM docstore_patch('p', :'a', '{"$inc": {"n": 1}}', 5);
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
SELECT count(*) FROM docstore_patch('p', '00000000-0000-7000-8000-000000000000', '{"$inc": {"n": 1}}', 1);
SELECT data->'n', version FROM docstore_read('p', :'a');
-- Bad updates: 22023 naming operator and path; nothing written.
\set VERBOSITY terse
SELECT * FROM docstore_patch('p', :'a', '{"$set": {"x": 1}, "y": 2}');
ROLLBACK TO s;
SELECT * FROM docstore_patch('p', :'a', '{"$set": {"x.y": 1}, "$unset": {"x": ""}}');
ROLLBACK TO s;
SELECT * FROM docstore_patch('p', :'a', '{"$inc": {"full_name": 1}}');
ROLLBACK TO s;
SELECT * FROM docstore_patch('p', :'a', '{"$bogus": {"x": 1}}');
ROLLBACK TO s;
SELECT * FROM docstore_patch('p', :'a', '[]');
ROLLBACK TO s;
SELECT * FROM docstore_patch('p', :'a', NULL);
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO s;
\set VERBOSITY default
SELECT data->'n', version FROM docstore_read('p', :'a');
ROLLBACK;
