\set g random(0, 999)
\set lim 20
SELECT '{"group": ' || :g || '}' AS filter \gset
SELECT * FROM docstore_query('bench', :filter, :lim);
