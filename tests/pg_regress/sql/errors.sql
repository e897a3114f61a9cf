-- Bad input: a clear ERROR with its SQLSTATE, and nothing written.
-- pg_temp.err runs a statement and shows "SQLSTATE: message" (or "no error").
CREATE FUNCTION pg_temp.err(statement text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE statement;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT id AS a FROM docstore_create('errors', '{"k": 1}') \gset

-- NULL collection, id, data or patch: 22004.
SELECT pg_temp.err($$SELECT docstore_create(NULL, '{}')$$);
SELECT pg_temp.err($$SELECT docstore_create('c', NULL)$$);
SELECT pg_temp.err($$SELECT * FROM docstore_read(NULL, gen_random_uuid())$$);
SELECT pg_temp.err($$SELECT * FROM docstore_read('c', NULL)$$);
SELECT pg_temp.err($$SELECT docstore_update(NULL, gen_random_uuid(), '{}')$$);
SELECT pg_temp.err($$SELECT docstore_update('c', NULL, '{}')$$);
SELECT pg_temp.err($$SELECT docstore_update('c', gen_random_uuid(), NULL)$$);
SELECT pg_temp.err($$SELECT docstore_delete(NULL, gen_random_uuid())$$);
SELECT pg_temp.err($$SELECT docstore_delete('c', NULL)$$);
SELECT pg_temp.err($$SELECT docstore_query(NULL)$$);
SELECT pg_temp.err($$SELECT docstore_delete_collection(NULL)$$);

-- Collection names of 0 or more than 255 characters: 22023, whatever the function.
SELECT pg_temp.err($$SELECT docstore_create('', '{}')$$);
SELECT pg_temp.err(format($$SELECT docstore_create(%L, '{}')$$, repeat('a', 256)));
SELECT pg_temp.err(format($$SELECT docstore_create(%L, '{}')$$, repeat('é', 256)));
SELECT pg_temp.err($$SELECT * FROM docstore_read('', gen_random_uuid())$$);
SELECT pg_temp.err($$SELECT docstore_update('', gen_random_uuid(), '{}')$$);
SELECT pg_temp.err($$SELECT docstore_delete('', gen_random_uuid())$$);
SELECT pg_temp.err($$SELECT docstore_query('')$$);
SELECT pg_temp.err($$SELECT docstore_delete_collection('')$$);
-- 255 characters is fine (multibyte characters count as one).
SELECT pg_temp.err(format($$SELECT docstore_create(%L, '{}')$$, repeat('é', 255)));

-- data, patch or filter that is not a JSON object: 22023, naming the argument and what it got.
SELECT pg_temp.err($$SELECT docstore_create('c', '[1, 2]')$$);
SELECT pg_temp.err($$SELECT docstore_create('c', '"text"')$$);
SELECT pg_temp.err($$SELECT docstore_create('c', '42')$$);
SELECT pg_temp.err($$SELECT docstore_create('c', 'true')$$);
SELECT pg_temp.err($$SELECT docstore_create('c', 'null')$$);
SELECT pg_temp.err(format($$SELECT docstore_update('errors', %L, '[]')$$, :'a'));
SELECT pg_temp.err($$SELECT docstore_query('errors', '[{"k": 1}]')$$);
SELECT pg_temp.err($$SELECT docstore_query('errors', '"k"')$$);

-- Negative limit: 22023. 0 and NULL are fine.
SELECT pg_temp.err($$SELECT docstore_query('errors', '{}', -1)$$);
SELECT pg_temp.err($$SELECT docstore_query('errors', '{}', 0)$$);
SELECT pg_temp.err($$SELECT docstore_query('errors', NULL, NULL)$$);

-- Malformed literals: PostgreSQL's own input errors (22P02).
SELECT pg_temp.err($$SELECT * FROM docstore_read('c', 'not-a-uuid')$$);
SELECT pg_temp.err($$SELECT docstore_create('c', '{"a": ')$$);

-- The checks run even when the call would find nothing to do.
SELECT pg_temp.err($$SELECT * FROM docstore_read(repeat('x', 300), '00000000-0000-0000-0000-000000000000')$$);
SELECT pg_temp.err($$SELECT docstore_query('', '{}', 0)$$);

-- The plain table enforces the same shape.
SELECT pg_temp.err($$INSERT INTO docstore.documents (collection, data) VALUES ('', '{}')$$);
SELECT pg_temp.err($$INSERT INTO docstore.documents (collection, data) VALUES ('c', '[]')$$);

-- A statement that fails part-way leaves nothing behind.
SELECT pg_temp.err($$SELECT docstore_create('c', d) FROM (VALUES ('{"ok": 1}'::jsonb), ('[]')) AS v(d)$$);

-- Errors carry a hint where one helps.
\set VERBOSITY default
SELECT docstore_query('errors', '{}', -3);
SELECT docstore_create('errors', '[1]');
\set VERBOSITY terse

-- Nothing of the above was written: one document in 'errors' and none in 'c'.
SELECT left(collection, 6) AS collection, char_length(collection) AS chars, count(*)
  FROM docstore.documents GROUP BY collection ORDER BY collection;
SELECT data, version FROM docstore_read('errors', :'a');
SELECT docstore_delete_collection('errors');
SELECT docstore_delete_collection(repeat('é', 255));
