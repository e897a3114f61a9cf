-- 1M documents of about 350 bytes in collection 'bench': "n" unique, "group" with 100 documents
-- each, "age" 0..99, "tags" three (t0..t6, t0..t10, u0..u9999), "items" two objects (p: 0..9999 in
-- the first, q: 0..6).
CREATE EXTENSION IF NOT EXISTS docstore;
INSERT INTO docstore.documents (collection, data)
SELECT 'bench', jsonb_build_object(
         'n', i, 'group', i % 10000, 'age', i % 100,
         'name', 'user' || i, 'email', 'user' || i || '@example.com',
         'tags', jsonb_build_array('t' || (i % 7), 't' || (i % 11), 'u' || (i % 10000)),
         'items', jsonb_build_array(jsonb_build_object('p', i % 10000, 'q', i % 7),
                                    jsonb_build_object('p', (i + 1) % 10000, 'q', 3)),
         'bio', repeat(md5(i::text), 4))
  FROM generate_series(1, 1000000) AS i;
VACUUM ANALYZE docstore.documents;
-- A reader under row-level security (docstore_grant): the restricted-role pairs.
DO $$ BEGIN CREATE ROLE bench_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
SELECT docstore_grant('bench', 'bench_reader', 'read');
