\set g random(0, 9999)
SET ROLE bench_reader;
SELECT * FROM docstore_query('bench', ('{"group": ' || :g || '}')::jsonb, 20);
