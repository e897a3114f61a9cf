\set k random(1, 100000)
SELECT id AS rid FROM bench_ids WHERE k = :k \gset
SELECT id, collection, data, created_at, updated_at, version FROM docstore.documents WHERE collection = 'bench' AND id = :rid;
