\set k random(1, 100000)
SELECT id AS uid FROM bench_ids WHERE k = :k \gset
UPDATE docstore.documents SET data = data || jsonb_build_object('score', :k::int) WHERE collection = 'bench' AND id = :uid RETURNING *;
