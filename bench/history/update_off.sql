\set k random(1, 30000)
SELECT * FROM docstore_update('off', lpad(:k::text, 32, '0')::uuid, jsonb_build_object('score', :k::int));
