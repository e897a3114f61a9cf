\set k random(1, 1000000)
INSERT INTO untracked (collection, data) VALUES ('off', jsonb_build_object('name', 'user' || :k, 'score', :k::int, 'bio', repeat('x', 900))) RETURNING *;
