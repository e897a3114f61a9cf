-- 1M documents of about 300 bytes in collection 'bench': "n" unique, "group" with 100 documents
-- each, "age" 0..99.
CREATE EXTENSION IF NOT EXISTS docstore;
INSERT INTO docstore.documents (collection, data)
SELECT 'bench', jsonb_build_object(
         'n', i, 'group', i % 10000, 'age', i % 100,
         'name', 'user' || i, 'email', 'user' || i || '@example.com',
         'tags', jsonb_build_array('t' || (i % 7), 't' || (i % 11)),
         'bio', repeat(md5(i::text), 4))
  FROM generate_series(1, 1000000) AS i;
VACUUM ANALYZE docstore.documents;
