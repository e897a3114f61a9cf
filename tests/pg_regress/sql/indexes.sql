-- Per-path indexes: created, listed, used by filters (ranges) and sorts (no Sort node), dropped.
BEGIN;
SELECT count(*) FROM (SELECT docstore_create(CASE WHEN i % 10 = 0 THEN 'small' ELSE 'big' END,
                                             jsonb_build_object('age', i % 1000, 'name', 'n' || (i % 97), 'c', jsonb_build_object('id', i % 50)))
                        FROM generate_series(1, 20000) i) s;
SELECT docstore_create_index('big', '{"age": 1}') AS age_idx \gset
SELECT docstore_create_index('big', '[{"c.id": 1}, {"name": -1}]') AS cid_idx \gset
SELECT name ~ '^docstore_[0-9a-f]{16}$' AS named, keys, options FROM docstore_list_indexes('big') ORDER BY keys::text;
SELECT count(*) FROM docstore_list_indexes('small');
ANALYZE docstore.documents;
CREATE FUNCTION pg_temp.nodes(filter jsonb, options jsonb) RETURNS jsonb LANGUAGE sql AS
$$ SELECT jsonb_path_query_array(docstore_explain('big', filter, options), 'strict $.**."Node Type"') $$;
CREATE FUNCTION pg_temp.uses(filter jsonb, options jsonb, index text) RETURNS boolean LANGUAGE sql AS
$$ SELECT docstore_explain('big', filter, options)::text LIKE '%' || index || '%' $$;

-- A range on the indexed path is an index scan; results are those of the unindexed semantics.
SELECT pg_temp.uses('{"age": {"$gt": 990}}', '{}', :'age_idx') AS range_uses_index;
SELECT count(*) AS gt_990 FROM docstore_find('big', '{"age": {"$gt": 990}}');
SELECT count(*) AS between FROM docstore_find('big', '{"age": {"$gte": 10, "$lt": 20}}');
SELECT docstore_count('big', '{"age": 5}') AS eq_5, docstore_count('big', '{"age": {"$lte": 2}}') AS lte_2;
SELECT docstore_count('small', '{"age": {"$gt": 990}}') AS other_collection_unindexed;
-- Sort + limit on the indexed path: the index gives the order, no Sort node; both directions.
SELECT pg_temp.nodes('{}', '{"sort": {"age": -1}, "limit": 5}') AS desc_plan;
SELECT pg_temp.nodes('{}', '{"sort": {"age": 1}, "limit": 5}') AS asc_plan;
SELECT string_agg(data->>'age', ' ') FROM docstore_find('big', '{}', '{"sort": {"age": -1}, "limit": 5}');
SELECT string_agg(data->>'age', ' ') FROM docstore_find('big', '{"age": {"$gte": 500}}', '{"sort": {"age": 1}, "limit": 5}');
SELECT pg_temp.nodes('{"c.id": 7}', '{"sort": [{"c.id": 1}, {"name": -1}], "limit": 3}') AS compound_plan;
SELECT string_agg(data->>'name', ' ') FROM docstore_find('big', '{"c.id": 7}', '{"sort": [{"c.id": 1}, {"name": -1}], "limit": 3}');
-- Strings compare by code point on the index too.
SELECT docstore_count('big', '{"c.id": {"$gte": 45}}') AS cid_ge_45;
-- Arrays are kept out of the indexed paths of this collection (23514); other collections are free.
\set VERBOSITY terse
SAVEPOINT s;
SELECT docstore_create('big', '{"age": [1, 2]}');
ROLLBACK TO s;
SELECT docstore_create('big', '{"c": [{"id": 1}]}');
ROLLBACK TO s;
SELECT docstore_create('small', '{"age": [1, 2]}') IS NOT NULL AS other_collection_takes_arrays;
-- Bad keys and options (22023), a second index with the same keys (42P07).
SELECT docstore_create_index('big', '{"a": 1, "b": 1}');
ROLLBACK TO s;
SELECT docstore_create_index('big', '{"a": 2}');
ROLLBACK TO s;
SELECT docstore_create_index('big', '{"a": 1}', '{"sparse": true}');
ROLLBACK TO s;
SELECT docstore_create_index('big', '{"age": 1}');
ROLLBACK TO s;
-- Unique
SELECT docstore_create_index('small', '{"name": 1}', '{"unique": true}');
ROLLBACK TO s;
SELECT docstore_create_index('u', '{"email": 1}', '{"unique": true}') IS NOT NULL AS unique_created;
SELECT docstore_create('u', '{"email": "a@x"}') IS NOT NULL AS first;
SELECT docstore_create('u', '{"email": "a@x"}');
ROLLBACK TO s;
SELECT docstore_create_index('u', '{"email": 1}', '{"unique": true}') IS NOT NULL AS unique_created;
SELECT docstore_create('u', '{"other": 1}') IS NOT NULL AS one_missing_is_fine;
SELECT docstore_create('u', '{"email": "b@x"}') IS NOT NULL AS another_value_is_fine;
SELECT docstore_create('u', '{"other": 2}');
ROLLBACK TO s;
\set VERBOSITY default
-- Dropping: true once, then false; arrays are allowed again.
SELECT docstore_drop_index('big', :'age_idx') AS dropped, docstore_drop_index('big', :'age_idx') AS again;
SELECT docstore_drop_index('big', 'docstore_0000000000000000') AS unknown;
SELECT docstore_create('big', '{"age": [1, 2]}') IS NOT NULL AS arrays_allowed_again;
SELECT count(*) FROM docstore_list_indexes('big');
ROLLBACK;
