\set p random(0, 9999)
SELECT '{"items.0.p": ' || :p || '}' AS filter \gset
SELECT * FROM docstore_query('bench', :filter, 20);
