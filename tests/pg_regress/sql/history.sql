-- Collection options, history of versions, restore, and the change feed.
CREATE FUNCTION pg_temp.err(statement text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE statement;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- Options: both off by default; configure sets the given ones and keeps the others.
SELECT docstore_collection_options('h');
SELECT docstore_configure('h', '{"history": true}');
SELECT docstore_configure('h', '{}');
SELECT docstore_configure('h', '{"changes": true}');
SELECT docstore_collection_options('h');
SELECT name, history, changes FROM docstore.collections ORDER BY name;
-- Bad options: 22004 / 22023, nothing written.
SELECT pg_temp.err($$SELECT docstore_configure(NULL, '{}')$$);
SELECT pg_temp.err($$SELECT docstore_configure('h', NULL)$$);
SELECT pg_temp.err($$SELECT docstore_configure('', '{}')$$);
SELECT pg_temp.err($$SELECT docstore_configure('h', '[]')$$);
SELECT pg_temp.err($$SELECT docstore_configure('h', '{"histroy": true}')$$);
SELECT pg_temp.err($$SELECT docstore_configure('h', '{"history": "yes"}')$$);
SELECT pg_temp.err($$SELECT docstore_collection_options(NULL)$$);
SELECT docstore_collection_options('h');

-- A collection without history keeps no past versions and records no changes.
SELECT id AS plain FROM docstore_create('plain', '{"v": 1}') \gset
SELECT version FROM docstore_update('plain', :'plain', '{"v": 2}');
SELECT version, data, valid_to, operation FROM docstore_history('plain', :'plain');
SELECT count(*) AS plain_history FROM docstore.history WHERE collection = 'plain';
SELECT count(*) AS plain_changes FROM docstore.changes WHERE collection = 'plain';

-- History: every update path and the delete keep the version they replace.
SELECT id AS a FROM docstore_create('h', '{"name": "alice"}') \gset
SELECT version FROM docstore_update('h', :'a', '{"status": "new"}');
SELECT version FROM docstore_patch('h', :'a', '{"$inc": {"n": 1}}');
SELECT version FROM docstore_replace('h', :'a', '{"name": "alice", "status": "active"}');
UPDATE docstore.documents SET data = data || '{"plain_sql": true}' WHERE id = :'a';
SELECT version, data, valid_to IS NULL AS current, operation FROM docstore_history('h', :'a');
-- Each past version was valid from its own write until the next one.
SELECT count(*) AS contiguous FROM docstore.history AS h
 WHERE h.id = :'a' AND h.valid_to = coalesce(
   (SELECT n.valid_from FROM docstore.history AS n WHERE n.id = h.id AND n.version = h.version + 1),
   (SELECT d.updated_at FROM docstore.documents AS d WHERE d.id = h.id AND d.version = h.version + 1));
SELECT version, data FROM docstore_read_version('h', :'a', 2);
SELECT version, data FROM docstore_read_version('h', :'a', 5);
SELECT count(*) FROM docstore_read_version('h', :'a', 6);
-- Another collection's id behaves as absent.
SELECT count(*) FROM docstore_history('plain', :'a');
SELECT count(*) FROM docstore_read_version('plain', :'a', 1);

-- read_at: the version current at a time (times are transaction start times).
CREATE TEMP TABLE moments (version int, at timestamptz);
INSERT INTO moments SELECT version, valid_from FROM docstore_history('h', :'a');
SELECT m.version, r.version AS read_at_version FROM moments AS m
  LEFT JOIN LATERAL docstore_read_at('h', :'a', m.at) AS r ON true ORDER BY m.version;
SELECT count(*) AS before_creation FROM docstore_read_at('h', :'a', (SELECT min(at) FROM moments) - interval '1 second');

-- Restore writes old content as a new version; history is never rewritten.
SELECT version, data FROM docstore_restore('h', :'a', 1);
SELECT count(*) AS versions, max(version) FROM docstore_history('h', :'a');
SELECT count(*) FROM docstore_restore('h', :'a', 99);

-- Delete keeps the last version; restore brings the document back with its id and creation time.
SELECT created_at AS born FROM docstore_read('h', :'a') \gset
SELECT docstore_delete('h', :'a');
SELECT version, operation FROM docstore_history('h', :'a') LIMIT 2;
SELECT count(*) AS read_after_delete FROM docstore_read('h', :'a');
SELECT id = :'a' AS same_id, version, data, created_at = :'born' AS same_created_at
  FROM docstore_restore('h', :'a', 3);
SELECT version, valid_to IS NULL AS current, operation FROM docstore_history('h', :'a') LIMIT 3;
-- Created again with the same id after a delete: its versions continue.
SELECT docstore_delete('h', :'a');
SELECT version FROM docstore_create('h', '{"again": true}', :'a');
SELECT count(*) = count(DISTINCT version) AS versions_unique FROM docstore_history('h', :'a');

-- Bad arguments: 22004 / 22023.
SELECT pg_temp.err($$SELECT * FROM docstore_history(NULL, gen_random_uuid())$$);
SELECT pg_temp.err($$SELECT * FROM docstore_history('h', NULL)$$);
SELECT pg_temp.err($$SELECT * FROM docstore_read_version('h', gen_random_uuid(), NULL)$$);
SELECT pg_temp.err($$SELECT * FROM docstore_read_at('h', gen_random_uuid(), NULL)$$);
SELECT pg_temp.err($$SELECT * FROM docstore_restore('h', gen_random_uuid(), NULL)$$);
SELECT pg_temp.err($$SELECT * FROM docstore_restore('', gen_random_uuid(), 1)$$);

-- The change feed: creates, updates and deletes of collections with changes on, in order.
SELECT docstore_configure('feed', '{"changes": true}');
SELECT id AS f FROM docstore_create('feed', '{"n": 1}') \gset
SELECT version FROM docstore_patch('feed', :'f', '{"$set": {"n": 2}}');
SELECT count(*) FROM docstore_create_many('feed', '[{"n": 10}, {"n": 11}]');
SELECT version FROM docstore_upsert('feed', :'f', '{"n": 3}');
SELECT docstore_delete('feed', :'f');
SELECT collection, op, version, data FROM docstore_changes(NULL, 100, 'feed');
-- Cursors: the last row's cursor continues exactly there; limit pages.
SELECT cursor AS c2 FROM docstore_changes(NULL, 2, 'feed') OFFSET 1 \gset
SELECT op, version, data FROM docstore_changes(:'c2', 2, 'feed');
SELECT cursor AS c6 FROM docstore_changes(NULL, 100, 'feed') OFFSET 5 \gset
SELECT count(*) AS after_the_last FROM docstore_changes(:'c6', 100, 'feed');
-- A change written later comes after the last cursor.
SELECT count(*) FROM docstore_create('feed', '{"n": 20}');
SELECT op, data FROM docstore_changes(:'c6', 100, 'feed');
-- Without a collection: every collection with changes on ('h' has them on too).
SELECT collection, count(*) FROM docstore_changes(NULL, 1000) GROUP BY collection ORDER BY collection;
-- A transaction does not see its own changes in the feed until it commits.
BEGIN;
SELECT count(*) FROM docstore_create('feed', '{"n": 30}');
SELECT count(*) AS own_before_commit FROM docstore_changes(NULL, 100, 'feed') WHERE data->>'n' = '30';
COMMIT;
SELECT count(*) AS own_after_commit FROM docstore_changes(NULL, 100, 'feed') WHERE data->>'n' = '30';
-- Rolled back: never in the feed.
BEGIN;
SELECT count(*) FROM docstore_create('feed', '{"n": 40}');
ROLLBACK;
SELECT count(*) AS rolled_back FROM docstore_changes(NULL, 100, 'feed') WHERE data->>'n' = '40';
-- Turned off: no more changes recorded.
SELECT docstore_configure('feed', '{"changes": false}');
SELECT count(*) FROM docstore_create('feed', '{"n": 50}');
SELECT count(*) AS while_off FROM docstore_changes(NULL, 100, 'feed') WHERE data->>'n' = '50';

-- Trim: changes a reader has read for certain go; a cursor behind the trim point is an error.
SELECT cursor AS old FROM docstore_changes(NULL, 1, 'feed') \gset
SELECT docstore_configure('feed', '{"changes": true}');
SELECT count(*) FROM docstore_create('feed', '{"n": 60}');
SELECT cursor AS newest FROM (SELECT cursor, row_number() OVER () AS n FROM docstore_changes(:'old', 1000, 'feed')) AS s
 ORDER BY n DESC LIMIT 1 \gset
SELECT count(*) FROM docstore_create('feed', '{"n": 70}');
SELECT cursor AS newer FROM docstore_changes(:'newest', 1000, 'feed') \gset
SELECT docstore_trim_changes(:'newer') > 0 AS trimmed;
SELECT op, data FROM docstore_changes(:'newer', 100, 'feed');
SELECT pg_temp.err(format('SELECT * FROM docstore_changes(%L)', :'old'));
SELECT count(*) > 0 AS from_the_oldest_kept FROM docstore_changes(NULL, 100, 'feed');

-- An INSERT that brings a past updated_at (pg_restore, an import) loads an existing document:
-- it keeps its version and is not a new change; one with the default times is.
INSERT INTO docstore.documents (collection, data, created_at, updated_at, version)
VALUES ('feed', '{"n": 90}', now() - interval '1 day', now() - interval '1 day', 7);
INSERT INTO docstore.documents (collection, data) VALUES ('feed', '{"n": 91}');
SELECT data->>'n' AS n, version FROM docstore.documents WHERE collection = 'feed' AND data->>'n' IN ('90', '91') ORDER BY 1;
SELECT data->>'n' AS n, op FROM docstore_changes(NULL, 100, 'feed') WHERE data->>'n' IN ('90', '91') ORDER BY 1;

-- Bad arguments.
SELECT pg_temp.err($$SELECT * FROM docstore_changes('not a cursor')$$);
SELECT pg_temp.err($$SELECT * FROM docstore_changes('5:1:/5:1:/1')$$);
SELECT pg_temp.err($$SELECT * FROM docstore_changes(NULL, -1)$$);
SELECT pg_temp.err($$SELECT * FROM docstore_changes(NULL, 10, '')$$);
SELECT pg_temp.err($$SELECT docstore_trim_changes(NULL)$$);
SELECT pg_temp.err($$SELECT docstore_trim_changes('x')$$);

-- Deleting a collection: its history stays unless purge => true.
SELECT docstore_delete_collection('h');
SELECT count(*) > 0 AS history_kept FROM docstore.history WHERE collection = 'h';
SELECT docstore_delete_collection('h', purge => true);
SELECT count(*) AS history_purged FROM docstore.history WHERE collection = 'h';
SELECT docstore_collection_options('h');
