\set a random(0, 6)
\set u random(0, 9999)
SET ROLE bench_reader;
SELECT * FROM docstore_query('bench', ('{"tags": {"$all": ["t' || :a || '", "u' || :u || '"]}}')::jsonb, 20);
