-- Benchmark data: 100k documents of about 1 KB in collection 'bench', 100 in each of 1000 "group"s.
CREATE EXTENSION IF NOT EXISTS docstore;
TRUNCATE docstore.documents;
INSERT INTO docstore.documents (collection, data)
SELECT 'bench', jsonb_build_object(
         'name', 'user' || k,
         'email', 'user' || k || '@example.com',
         'status', CASE WHEN k % 2 = 0 THEN 'active' ELSE 'inactive' END,
         'group', k % 1000,
         'tags', jsonb_build_array('t' || (k % 7), 't' || (k % 11)),
         'bio', (SELECT string_agg(md5(k::text || i::text), ' ') FROM generate_series(1, 26) AS i))
  FROM generate_series(1, 100000) AS k;
DROP TABLE IF EXISTS bench_ids;
CREATE TABLE bench_ids AS
SELECT row_number() OVER (ORDER BY id)::int AS k, id FROM docstore.documents WHERE collection = 'bench';
ALTER TABLE bench_ids ADD PRIMARY KEY (k);
VACUUM ANALYZE docstore.documents;
VACUUM ANALYZE bench_ids;
