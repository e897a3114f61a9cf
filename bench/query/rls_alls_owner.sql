\set a random(0, 6)
\set u random(0, 9999)
RESET ROLE;
SELECT * FROM docstore_query('bench', ('{"tags": {"$all": ["t' || :a || '", "u' || :u || '"]}}')::jsonb, 20);
