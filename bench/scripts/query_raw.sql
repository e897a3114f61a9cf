\set g random(0, 999)
\set lim 20
SELECT '{"group": ' || :g || '}' AS filter \gset
SELECT id, collection, data, created_at, updated_at, version FROM docstore.documents WHERE collection = 'bench' AND data @> :filter ORDER BY collection, id LIMIT :lim;
