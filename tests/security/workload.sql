-- Every docstore function, as a victim (a superuser, or the owner) would call it: run by
-- tests/security.sh with a hostile schema first in search_path. Statements call docstore's
-- functions and nothing else, so that any planted object that runs was reached by docstore.
-- psql variables: c, the collection (a new one each run); given and fresh, two unused uuids.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset tuples_only on
\o /dev/null
SELECT public.docstore_configure(:'c', '{"history": true, "changes": true}');
SELECT public.docstore_collection_options(:'c');
SELECT id AS d1 FROM public.docstore_create(:'c', '{"name": "Ann", "age": 30, "tags": ["x", "y"], "items": [{"p": 5}], "nested": {"k": [1, 2]}}') \gset
SELECT id AS d2 FROM public.docstore_create(:'c', '{"name": "Bob", "age": 41, "s": "text"}', :'given') \gset
SELECT public.docstore_create_many(:'c', '[{"name": "Cy", "age": 25}, {"name": "Di", "age": 52, "tags": ["y"]}]');
SELECT public.docstore_read(:'c', :'d1');
SELECT public.docstore_update(:'c', :'d1', '{"status": "active"}');
SELECT public.docstore_update(:'c', :'d1', '{"status": "active"}', 2);
SELECT public.docstore_patch(:'c', :'d1', '{"$set": {"a.b": 1}, "$unset": {"zz": ""}}');
SELECT public.docstore_patch(:'c', :'d1', '{"$inc": {"age": 1}, "$push": {"tags": "z"}, "$currentDate": {"seen": true}}');
SELECT public.docstore_patch(:'c', :'d1', '{"$pull": {"tags": "z"}, "$rename": {"s": "t"}, "$min": {"age": 10}, "$addToSet": {"more": "q"}}', 5);
SELECT public.docstore_replace(:'c', :'d2', '{"name": "Bob", "age": 42}');
SELECT public.docstore_replace(:'c', :'d2', '{"name": "Bob", "age": 43}', 2);
SELECT public.docstore_upsert(:'c', :'fresh', '{"name": "Ed", "age": 60}');
SELECT public.docstore_upsert(:'c', :'fresh', '{"name": "Ed", "age": 61}');
SELECT public.docstore_query(:'c');
SELECT public.docstore_query(:'c', '{"name": "Ann"}', 10);
SELECT public.docstore_query(:'c', '{"name": "Ann", "age": 11}', 10);
SELECT public.docstore_query(:'c', '{"age": {"$gte": 30, "$lt": 50}}');
SELECT public.docstore_query(:'c', '{"age": {"$in": [25, 52, null]}, "name": {"$nin": ["x"]}}');
SELECT public.docstore_query(:'c', '{"name": {"$regex": "^a", "$options": "i"}}');
SELECT public.docstore_query(:'c', '{"$or": [{"tags": "x"}, {"age": {"$ne": 41}}], "$nor": [{"name": "Zed"}]}');
SELECT public.docstore_query(:'c', '{"tags": {"$all": ["x", "y"], "$size": 2}, "items": {"$elemMatch": {"p": {"$gt": 4}}}}');
SELECT public.docstore_query(:'c', '{"nested": {"k": [1, 2]}, "name": {"$exists": true, "$type": "string"}}');
SELECT public.docstore_query(:'c', '{"nested.k": {"$eq": [1, 2]}, "age": {"$not": {"$gt": 100}}}');
SELECT public.docstore_query(:'c', '{"nested": {"$eq": {"k": [1, 2]}}, "tags": {"$elemMatch": {"$eq": "x"}}}');
SELECT public.docstore_count(:'c');
SELECT public.docstore_count(:'c', '{"age": {"$gt": 20}}');
SELECT public.docstore_count(:'c', '{"name": "Ann"}');
SELECT public.docstore_distinct(:'c', 'tags');
SELECT public.docstore_distinct(:'c', 'age', '{"age": {"$lt": 100}}');
SELECT public.docstore_find(:'c', '{}', '{"sort": {"age": -1}, "limit": 2, "skip": 1}');
SELECT public.docstore_find(:'c', '{"age": {"$gt": 1}}', '{"sort": [{"name": 1}, {"age": -1}], "fields": {"name": 1, "nested.k": 1}}');
SELECT public.docstore_find(:'c', '{}', '{"fields": {"tags": 0}}');
\set after '{"after": "' :d1 '"}'
\set after_sorted '{"sort": {"age": 1}, "after": "' :d1 '"}'
SELECT public.docstore_find(:'c', '{}', :'after');
SELECT public.docstore_find(:'c', '{}', :'after_sorted');
SELECT public.docstore_explain(:'c', '{"age": {"$gt": 1}}', '{"sort": {"age": 1}}');
SELECT public.docstore_create_index(:'c', '{"age": 1}') AS ix \gset
SELECT public.docstore_create_index(:'c', '[{"name": 1}, {"age": -1}]', '{"unique": true}');
SELECT public.docstore_list_indexes(:'c');
SELECT public.docstore_query(:'c', '{"age": {"$gte": 30}}');
SELECT public.docstore_query(:'c', '{"age": 30}');
SELECT public.docstore_query(:'c', '{"name": {"$gt": "B"}}');
SELECT public.docstore_count(:'c', '{"age": {"$lt": 50}}');
SELECT public.docstore_find(:'c', '{"age": {"$gt": 1}}', '{"sort": {"age": 1}, "limit": 2}');
SELECT public.docstore_find(:'c', '{}', :'after_sorted');
SELECT public.docstore_distinct(:'c', 'name', '{"age": {"$gt": 1}}');
SELECT public.docstore_update_many(:'c', '{"age": {"$gt": 1}}', '{"$set": {"m": 1}}');
SELECT public.docstore_update_many(:'c', '{"name": "Ann"}', '{"$inc": {"m": 1}, "$set": {"a.c": 2}}');
SELECT public.docstore_update_many(:'c', '{}', '{"$unset": {"m": ""}}');
SELECT public.docstore_drop_index(:'c', :'ix');
SELECT public.docstore_rebuild_indexes();
SELECT public.docstore_history(:'c', :'d1');
SELECT public.docstore_read_version(:'c', :'d1', 2);
SELECT public.docstore_read_at(:'c', :'d1', '2999-01-01');
SELECT public.docstore_restore(:'c', :'d1', 2);
SELECT public.docstore_delete(:'c', :'d1');
SELECT public.docstore_restore(:'c', :'d1', 3);
SELECT version AS v FROM public.docstore_read(:'c', :'d1') \gset
SELECT public.docstore_delete(:'c', :'d1', :v);
SELECT public.docstore_delete_many(:'c', '{"name": "Cy"}');
SELECT public.docstore_changes();
SELECT cursor AS cur FROM public.docstore_changes(NULL, 3) OFFSET 2 \gset
SELECT public.docstore_changes(:'cur', 100, :'c');
SELECT public.docstore_trim_changes(:'cur');
SELECT public.docstore_list_collections();
SELECT public.docstore_grant(:'c', 'sec_reader', 'read');
SELECT public.docstore_grant('*', 'sec_reader', 'read');
SELECT public.docstore_list_grants();
SELECT public.docstore_revoke('*', 'sec_reader');
SELECT public.docstore_revoke(:'c', 'sec_reader');
SELECT public.docstore_delete_collection(:'c');
SELECT public.docstore_delete_collection(:'c', true);
