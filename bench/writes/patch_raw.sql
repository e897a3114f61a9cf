\set k random(1, 100000)
UPDATE docstore.documents SET data = jsonb_set(data, '{score}', to_jsonb(:k::int)) WHERE collection = 'bench' AND id = lpad(:k::text, 32, '0')::uuid RETURNING *;
