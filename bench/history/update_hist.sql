\set k random(100001, 130000)
SELECT * FROM docstore_update('hist', lpad(:k::text, 32, '0')::uuid, jsonb_build_object('score', :k::int));
