\set k random(1, 1000000)
SELECT * FROM docstore_create('feed', jsonb_build_object('name', 'user' || :k, 'score', :k::int, 'bio', repeat('x', 900)));
