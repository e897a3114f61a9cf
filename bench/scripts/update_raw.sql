\set k random(1, 100000)
UPDATE docstore.documents SET data = data || jsonb_build_object('score', :k::int) WHERE collection = 'bench' AND id = lpad(:k::text, 32, '0')::uuid RETURNING *;
