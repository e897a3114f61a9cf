\set k random(1, 100000)
SELECT * FROM docstore_read('bench', lpad(:k::text, 32, '0')::uuid);
