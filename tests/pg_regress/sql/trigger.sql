-- The version trigger fires on every update path.
SELECT id AS a FROM docstore_create('trig', '{"n": 0}') \gset
SELECT id AS b FROM docstore_create('trig', '{"n": 0}') \gset

-- A plain UPDATE bumps the version too, and what it sets for version is ignored.
UPDATE docstore.documents SET data = '{"n": 1}' WHERE id = :'a';
UPDATE docstore.documents SET data = '{"n": 2}', version = 100 WHERE id = :'a';
UPDATE docstore.documents SET version = 1 WHERE id = :'a';
SELECT data, version FROM docstore_read('trig', :'a');
-- A multi-row update bumps each row once.
UPDATE docstore.documents SET data = data || '{"multi": true}' WHERE collection = 'trig';
SELECT data, version FROM docstore.documents WHERE collection = 'trig' ORDER BY id;

-- updated_at is the updating transaction's time; created_at stays.
BEGIN;
UPDATE docstore.documents SET created_at = created_at, updated_at = '2000-01-01' WHERE id = :'b';
SELECT updated_at = now() AS updated_now, created_at < updated_at AS after_creation, version
  FROM docstore.documents WHERE id = :'b';
COMMIT;

-- id, collection and created_at cannot change: 23000, nothing written.
\set VERBOSITY default
UPDATE docstore.documents SET collection = 'elsewhere' WHERE id = :'a';
\echo :LAST_ERROR_SQLSTATE
UPDATE docstore.documents SET id = gen_random_uuid() WHERE id = :'a';
\echo :LAST_ERROR_SQLSTATE
UPDATE docstore.documents SET created_at = created_at - interval '1 day' WHERE id = :'a';
\echo :LAST_ERROR_SQLSTATE
-- Setting them to the values they have is not a change.
UPDATE docstore.documents SET id = id, collection = collection, created_at = created_at WHERE id = :'a';
\set VERBOSITY terse
SELECT collection, version FROM docstore_read('trig', :'a');

-- INSERT does not go through the trigger: a new document has version 1, or what a restore
-- (a plain INSERT) gives it.
SELECT version FROM docstore_create('trig', '{}');
INSERT INTO docstore.documents (collection, data, version) VALUES ('trig', '{"restored": true}', 7);
SELECT data, version FROM docstore.documents WHERE collection = 'trig' AND data ? 'restored';
SELECT docstore_delete_collection('trig');
