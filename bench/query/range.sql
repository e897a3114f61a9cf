\set n random(1, 999990)
SELECT '{"n": {"$gte": ' || :n || ', "$lt": ' || (:n + 10) || '}}' AS filter \gset
SELECT count(*) FROM docstore_find('bench', :filter, '{}');
