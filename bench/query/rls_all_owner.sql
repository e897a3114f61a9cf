\set a random(0, 6)
\set b random(0, 10)
RESET ROLE;
SELECT * FROM docstore_query('bench', ('{"tags": {"$all": ["t' || :a || '", "t' || :b || '"]}}')::jsonb, 20);
