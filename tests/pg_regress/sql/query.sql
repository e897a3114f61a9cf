-- docstore_query: MongoDB equality, creation order, limit.
BEGIN;
SELECT count(*) FROM (
  SELECT docstore_create('people', d) FROM (VALUES
    ('{"name": "Ann",  "age": 30,   "status": "active",   "tags": ["a", "b"], "address": {"city": "Oslo", "zip": "0150"}}'::jsonb),
    ('{"name": "Bob",  "age": 30.0, "status": "inactive", "tags": ["b"],      "address": {"city": "Bergen"}}'),
    ('{"name": "Cid",  "age": 41,   "status": "active",   "tags": [],         "address": {"city": "Oslo"}}'),
    ('{"name": "Dee",  "age": "30", "status": "active",   "tags": ["c", "a"]}'),
    ('{"name": "Eve",  "status": null, "nested": {"deep": {"x": [1, 2, {"y": true}]}}}')
  ) AS v(d) ORDER BY d->>'name') s;
SELECT docstore_create('animals', '{"name": "Ann", "status": "active"}') IS NOT NULL AS other_collection;

-- {} and NULL match every document of the collection, in creation order.
SELECT data->>'name' AS name FROM docstore_query('people');
SELECT data->>'name' AS name FROM docstore_query('people', '{}');
SELECT data->>'name' AS name FROM docstore_query('people', NULL);
-- Equality of a top-level key; only this collection.
SELECT data->>'name' AS name FROM docstore_query('people', '{"status": "active"}');
-- Several keys: all must match.
SELECT data->>'name' AS name FROM docstore_query('people', '{"status": "active", "age": 30}');
-- Numbers compare numerically (30 = 30.0), a string "30" is not the number 30.
SELECT data->>'name' AS name FROM docstore_query('people', '{"age": 30}');
SELECT data->>'name' AS name FROM docstore_query('people', '{"age": "30"}');
-- Objects as values: exact equality (MongoDB), not containment (0.1 to 0.3.1).
SELECT data->>'name' AS name FROM docstore_query('people', '{"address": {"city": "Oslo"}}');
SELECT data->>'name' AS name FROM docstore_query('people', '{"nested": {"deep": {"x": [{"y": true}]}}}');
-- Arrays as values: the same array (order and all), or an element equal to it (MongoDB).
SELECT data->>'name' AS name FROM docstore_query('people', '{"tags": ["a"]}');
SELECT data->>'name' AS name FROM docstore_query('people', '{"tags": ["a", "b"]}');
SELECT data->>'name' AS name FROM docstore_query('people', '{"tags": []}');
-- null matches an explicit null only.
SELECT data->>'name' AS name FROM docstore_query('people', '{"status": null}');
-- Nothing matches.
SELECT count(*) FROM docstore_query('people', '{"status": "gone"}');
SELECT count(*) FROM docstore_query('nobody', '{}');

-- limit: at most that many, first in creation order; NULL means 100; 0 means none.
SELECT data->>'name' AS name FROM docstore_query('people', '{}', 2);
SELECT data->>'name' AS name FROM docstore_query('people', '{"status": "active"}', 1);
SELECT count(*) FROM docstore_query('people', '{}', 0);
SELECT count(*) FROM docstore_query('people', '{}', NULL);
-- Named arguments, as documented.
SELECT count(*) FROM docstore_query(collection => 'people', "limit" => 3);
SELECT count(*) FROM docstore_query('bulk', '{}', NULL);
SELECT count(*) FROM (SELECT docstore_create('bulk', jsonb_build_object('i', i)) FROM generate_series(1, 150) i) s;
SELECT count(*) AS default_limit FROM docstore_query('bulk');
SELECT min((data->>'i')::int), max((data->>'i')::int) FROM docstore_query('bulk', '{}', 150);
ROLLBACK;

-- The GIN index on data serves an equality: its scan count rises.
BEGIN;
SELECT count(*) FROM (SELECT docstore_create('gin', jsonb_build_object('i', i, 'even', i % 2 = 0))
                        FROM generate_series(1, 3000) i) s;
ANALYZE docstore.documents;
SELECT pg_stat_get_xact_numscans('docstore.documents_data_idx'::regclass) AS gin_scans_before;
SELECT data FROM docstore_query('gin', '{"i": 1234}');
SELECT pg_stat_get_xact_numscans('docstore.documents_data_idx'::regclass) AS gin_scans_after;
-- {} never reaches the GIN index (it would read all of it): the collection index serves it.
SELECT count(*) FROM docstore_query('gin', '{}', 5);
SELECT pg_stat_get_xact_numscans('docstore.documents_data_idx'::regclass) AS gin_scans_after_empty_filter;
-- The statement docstore_query runs for a filter, as EXPLAIN shows it.
EXPLAIN (COSTS OFF)
SELECT id, collection, data, created_at, updated_at, version
  FROM docstore.documents WHERE collection = 'gin' AND data @> '{"i": 1234}' ORDER BY collection, id LIMIT 100;
ROLLBACK;
