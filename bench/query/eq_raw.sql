\set g random(0, 9999)
SELECT '{"group": ' || :g || '}' AS filter \gset
SELECT id, collection, data, created_at, updated_at, version FROM docstore.documents WHERE collection = 'bench' AND data @> :filter ORDER BY collection, id LIMIT 20;
