\set a random(0, 89)
SELECT '{"age": {"$gte": ' || :a || '}}' AS filter \gset
SELECT * FROM docstore_find('bench', :filter, '{"sort": {"n": -1}, "limit": 10}');
