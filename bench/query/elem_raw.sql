\set p random(0, 9999)
SELECT '{"items": [{"p": ' || :p || '}]}' AS contains \gset
SELECT id, collection, data, created_at, updated_at, version FROM docstore.documents WHERE collection = 'bench' AND data @> :contains AND EXISTS (SELECT 1 FROM jsonb_array_elements(data -> 'items') AS e(v) WHERE e.v -> 'p' = to_jsonb(:p::int) AND jsonb_typeof(e.v -> 'q') = 'number' AND (e.v ->> 'q')::numeric >= 3) ORDER BY collection, id LIMIT 20;
