\set g random(0, 9999)
RESET ROLE;
SELECT * FROM docstore_query('bench', ('{"group": ' || :g || '}')::jsonb, 20);
