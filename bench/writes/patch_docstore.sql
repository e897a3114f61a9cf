\set k random(1, 100000)
SELECT * FROM docstore_patch('bench', lpad(:k::text, 32, '0')::uuid, jsonb_build_object('$set', jsonb_build_object('score', :k::int)));
