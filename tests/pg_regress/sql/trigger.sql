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
UPDATE docstore.documents SET created_at = created_at, updated_at = '2000-01-01' WHERE id = :'b';
SELECT updated_at = now() AS updated_now, created_at <= updated_at AS ordered FROM docstore.documents WHERE id = :'b';

-- id, collection and created_at cannot change: 23000, nothing written.
\set VERBOSITY default
UPDATE docstore.documents SET collection = 'elsewhere' WHERE id = :'a';
UPDATE docstore.documents SET id = gen_random_uuid() WHERE id = :'a';
UPDATE docstore.documents SET created_at = created_at - interval '1 day' WHERE id = :'a';
\set VERBOSITY terse
SELECT collection, version FROM docstore_read('trig', :'a');

-- INSERT and DELETE do not go through the trigger; version stays as given by default.
SELECT version FROM docstore_create('trig', '{}') ORDER BY 1;
SELECT docstore_delete_collection('trig');
