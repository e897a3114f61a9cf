\set g random(0, 9999)
SELECT '{"group": ' || :g || '}' AS filter \gset
SELECT * FROM docstore_query('bench', :filter, 20);
