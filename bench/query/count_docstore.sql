\set g random(0, 9999)
SELECT '{"group": ' || :g || '}' AS filter \gset
SELECT docstore_count('bench', :filter);
