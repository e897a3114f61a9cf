\set k random(1, 100000)
SELECT id AS rid FROM bench_ids WHERE k = :k \gset
SELECT * FROM docstore_read('bench', :rid);
