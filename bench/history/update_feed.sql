\set k random(200001, 230000)
SELECT * FROM docstore_update('feed', lpad(:k::text, 32, '0')::uuid, jsonb_build_object('score', :k::int));
