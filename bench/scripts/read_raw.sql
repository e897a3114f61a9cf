\set k random(1, 100000)
SELECT id, collection, data, created_at, updated_at, version FROM docstore.documents WHERE collection = 'bench' AND id = lpad(:k::text, 32, '0')::uuid;
