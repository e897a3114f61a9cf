\set g random(0, 9999)
SELECT '{"group": ' || :g || '}' AS filter \gset
SELECT count(*) FROM docstore.documents WHERE collection = 'bench' AND data @> :filter;
