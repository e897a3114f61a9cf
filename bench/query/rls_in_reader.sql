\set g random(0, 9998)
SET ROLE bench_reader;
SELECT * FROM docstore_query('bench', ('{"group": {"$in": [' || :g || ', ' || (:g + 1) || ']}}')::jsonb, 20);
