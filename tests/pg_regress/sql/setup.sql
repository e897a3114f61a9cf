-- Every regression file runs in the database pg_regress creates; install docstore once.
CREATE EXTENSION docstore;
SELECT extname, extversion FROM pg_extension WHERE extname = 'docstore';
-- Functions live in the extension's schema (public), storage in schema docstore.
SELECT p.proname, n.nspname
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE p.proname LIKE 'docstore\_%'
 ORDER BY p.proname;
SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'docstore' ORDER BY c.relname;
-- The result columns of every document-returning function.
SELECT attnum, attname, format_type(atttypid, atttypmod) FROM pg_attribute
 WHERE attrelid = 'docstore.document'::regclass AND attnum > 0 ORDER BY attnum;
-- Registered for pg_dump.
SELECT extconfig::regclass[] FROM pg_extension WHERE extname = 'docstore';
