\set p random(0, 9999)
SELECT '{"items": {"$elemMatch": {"p": ' || :p || ', "q": {"$gte": 3}}}}' AS filter \gset
SELECT * FROM docstore_query('bench', :filter, 20);
