-- 30k documents of ~1 KB in each of three collections: 'off' (no options), 'hist' (history on),
-- 'feed' (changes on); ids are k as a uuid, so the scripts address them without a lookup.
CREATE EXTENSION IF NOT EXISTS docstore;
SELECT docstore_configure('hist', '{"history": true}');
SELECT docstore_configure('feed', '{"changes": true}');
INSERT INTO docstore.documents (id, collection, data)
SELECT lpad(k::text, 32, '0')::uuid, c.name,
       jsonb_build_object('name', 'user' || k, 'score', k, 'bio', repeat('x', 900))
  FROM (VALUES ('off', 0), ('hist', 100000), ('feed', 200000)) AS c(name, base),
       generate_series(c.base + 1, c.base + 30000) AS k;
-- The same table and indexes without docstore's triggers, for the cost of the triggers themselves.
CREATE TABLE untracked (LIKE docstore.documents INCLUDING ALL);
VACUUM ANALYZE;
