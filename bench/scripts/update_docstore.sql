\set k random(1, 100000)
SELECT id AS uid FROM bench_ids WHERE k = :k \gset
SELECT * FROM docstore_update('bench', :uid, jsonb_build_object('score', :k::int));
