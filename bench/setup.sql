-- Benchmark data: 100k documents of about 1 KB in collection 'bench', 100 in each of 1000 "group"s.
-- Ids are the document number as 32 decimal digits (a valid uuid), so that the read benchmark
-- can name a random document in its one statement: lpad(k::text, 32, '0')::uuid.
CREATE EXTENSION IF NOT EXISTS docstore;
TRUNCATE docstore.documents;
INSERT INTO docstore.documents (id, collection, data)
SELECT lpad(k::text, 32, '0')::uuid, 'bench', jsonb_build_object(
         'name', 'user' || k,
         'email', 'user' || k || '@example.com',
         'status', CASE WHEN k % 2 = 0 THEN 'active' ELSE 'inactive' END,
         'group', k % 1000,
         'tags', jsonb_build_array('t' || (k % 7), 't' || (k % 11)),
         'bio', (SELECT string_agg(md5(k::text || i::text), ' ') FROM generate_series(1, 26) AS i))
  FROM generate_series(1, 100000) AS k;
VACUUM ANALYZE docstore.documents;
