\set p random(0, 9999)
SELECT '{"items": [{"p": ' || :p || '}]}' AS contains \gset
SELECT id, collection, data, created_at, updated_at, version FROM docstore.documents WHERE collection = 'bench' AND data @> :contains AND data -> 'items' -> 0 -> 'p' = to_jsonb(:p::int) ORDER BY collection, id LIMIT 20;
