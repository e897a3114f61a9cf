-- Conformance with MongoDB on paths through arrays, null and missing fields, $exists, $size,
-- numeric path components and sorts on arrays: cases taken from MongoDB's own server tests
-- (jstests/…), its manual and the PyMongo tests that drive the manual's examples, each with the
-- result that source expects, copied from it (never from docstore's output). A row's "same" is t
-- when docstore gives MongoDB's answer; the last query counts them. Documents without a JSON form
-- (undefined, MinKey, dates, …) are left out, and with them from the expected lists of the cases
-- that name documents; NumberInt/NumberLong/NumberDecimal become JSON numbers. Where the expected
-- result changed in MongoDB's master (dotted paths to null through arrays, tagged requires_fcv_90),
-- the expectation is the 8.x one (tests tagged requires_fcv_80 or older), which current releases
-- give. Where a test gives no _id, the documents get their place in the test's insert (from 0) as
-- _id, or none when the test only counts.
BEGIN;
-- ids(collection, filter): the (integer) _id values of the matching documents, in order.
CREATE FUNCTION pg_temp.ids(c text, f jsonb) RETURNS int[] LANGUAGE sql AS
$$ SELECT coalesce(array_agg((data->>'_id')::int ORDER BY (data->>'_id')::int), '{}') FROM docstore_query(c, f, 10000) $$;
-- sids(collection, filter): the (string) _id values of the matching documents, by code point.
CREATE FUNCTION pg_temp.sids(c text, f jsonb) RETURNS text[] LANGUAGE sql AS
$$ SELECT coalesce(array_agg(data->>'_id' ORDER BY data->>'_id' COLLATE "C"), '{}') FROM docstore_query(c, f, 10000) $$;
-- tried_ids(collection, filter): ids(), or NULL (a difference) where docstore rejects the filter.
CREATE FUNCTION pg_temp.tried_ids(c text, f jsonb) RETURNS int[] LANGUAGE plpgsql AS $$
BEGIN RETURN pg_temp.ids(c, f);
EXCEPTION WHEN OTHERS THEN RETURN NULL; END $$;
CREATE FUNCTION pg_temp.n(c text, f jsonb) RETURNS bigint LANGUAGE sql AS $$ SELECT docstore_count(c, f) $$;
CREATE FUNCTION pg_temp.err(c text, f jsonb) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM docstore_count(c, f); RETURN 'no error';
EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END $$;
-- order(collection, filter, sort): the _id values of the matching documents in the order
-- docstore_find returns them with that sort (an array of one-key objects, or one object).
-- MongoDB's tests break ties by _id; docstore breaks them by creation, so the documents are
-- created in _id order, and a test's explicit _id key is kept as a sort key.
CREATE FUNCTION pg_temp.order(c text, f jsonb, sort jsonb) RETURNS int[] LANGUAGE sql AS
$$ SELECT coalesce(array_agg((data->>'_id')::int ORDER BY ord), '{}')
   FROM docstore_find(c, f, jsonb_build_object('sort', sort))
        WITH ORDINALITY AS t(id, collection, data, created_at, updated_at, version, ord) $$;
CREATE TEMP TABLE results (source text, "case" text, same boolean);

-------------------------------------------------------------------------------------------------
-- $gt/$gte/$lt/$lte with null, boolean, object and array operands (type bracketing); arrays
-- compared with arrays.
-------------------------------------------------------------------------------------------------

-- jstests/core/query/type_bracket.js @05a9f6fe (run as aggregate $match). _id 2 was NumberLong(1),
-- _id 3 NumberDecimal("2.0"), _id 7 Number.MAX_VALUE; the test's other documents (MinKey, dates,
-- timestamps, BinData, regular expressions, DBRef, ObjectId, Code, NaN, MaxKey) have no JSON form.
SELECT count(*) FROM docstore_create_many('tb_bracket', '[
  {"_id": 1, "a": null}, {"_id": 2, "a": 1}, {"_id": 3, "a": 2.0}, {"_id": 4, "a": 3}, {"_id": 5, "a": ""},
  {"_id": 6, "a": "hello"}, {"_id": 7, "a": 1.7976931348623157e308}, {"_id": 12, "a": {"c": "hello"}},
  {"_id": 13, "a": {}}, {"_id": 14, "a": []}, {"_id": 15, "a": [1, 2, 3]}, {"_id": 16, "a": [{"c": "1"}, {"d": "2"}]},
  {"_id": 26, "a": true}, {"_id": 27, "a": false}, {"_id": 29, "b": ""}, {"_id": 30, "a": 0}]');
INSERT INTO results VALUES
  ('type_bracket.js', '{"a":{"$gt":0}} → 2, 3, 4, 7, 15', pg_temp.ids('tb_bracket', '{"a": {"$gt": 0}}') = '{2,3,4,7,15}'),
  ('type_bracket.js', '{"a":{"$lte":0}} → 30', pg_temp.ids('tb_bracket', '{"a": {"$lte": 0}}') = '{30}'),
  ('type_bracket.js', '{"a":{"$lt":0}} → none', pg_temp.ids('tb_bracket', '{"a": {"$lt": 0}}') = '{}'),
  ('type_bracket.js', '{"a":{"$gt":"h"}} → 6', pg_temp.ids('tb_bracket', '{"a": {"$gt": "h"}}') = '{6}'),
  ('type_bracket.js', '{"a":{"$lte":"h"}} → 5', pg_temp.ids('tb_bracket', '{"a": {"$lte": "h"}}') = '{5}'),
  -- (the test also lists _id 20, a {$regularExpression: …} object, and 22, a DBRef: no JSON form)
  ('type_bracket.js', '{"a":{"$gte":{}}} → 12, 13, 16', pg_temp.ids('tb_bracket', '{"a": {"$gte": {}}}') = '{12,13,16}'),
  ('type_bracket.js', '{"a":{"$lte":{}}} → 13', pg_temp.ids('tb_bracket', '{"a": {"$lte": {}}}') = '{13}'),
  ('type_bracket.js', '{"a":{"$gt":[1]}} → 15, 16', pg_temp.ids('tb_bracket', '{"a": {"$gt": [1]}}') = '{15,16}'),
  ('type_bracket.js', '{"a":{"$gt":[{}]}} → 16', pg_temp.ids('tb_bracket', '{"a": {"$gt": [{}]}}') = '{16}'),
  ('type_bracket.js', '{"a":{"$lte":[1]}} → 14', pg_temp.ids('tb_bracket', '{"a": {"$lte": [1]}}') = '{14}'),
  ('type_bracket.js', '{"a":{"$eq":null}} → 1, 29', pg_temp.ids('tb_bracket', '{"a": {"$eq": null}}') = '{1,29}'),
  ('type_bracket.js', '{"a":{"$gte":null}} → 1, 29', pg_temp.ids('tb_bracket', '{"a": {"$gte": null}}') = '{1,29}'),
  ('type_bracket.js', '{"a":{"$lte":null}} → 1, 29', pg_temp.ids('tb_bracket', '{"a": {"$lte": null}}') = '{1,29}'),
  ('type_bracket.js', '{"a":{"$gt":null}} → none', pg_temp.ids('tb_bracket', '{"a": {"$gt": null}}') = '{}'),
  ('type_bracket.js', '{"a":{"$lt":null}} → none', pg_temp.ids('tb_bracket', '{"a": {"$lt": null}}') = '{}'),
  ('type_bracket.js', '{"a":{"$gte":false}} → 26, 27', pg_temp.ids('tb_bracket', '{"a": {"$gte": false}}') = '{26,27}'),
  ('type_bracket.js', '{"a":{"$lt":false}} → none', pg_temp.ids('tb_bracket', '{"a": {"$lt": false}}') = '{}');

-- jstests/core/query/objectfind.js @591928c6: objects compare pair by pair, in their fields' order
-- (k13 {e, d} differs from and is greater than {d, e}). _id = place in the test's insert.
SELECT count(*) FROM docstore_create_many('tb_objfind', '[
  {"_id": 0, "a": {"b": "d", "c": "e"}}, {"_id": 1, "a": {"c": "b", "e": "d"}}, {"_id": 2, "a": {"c": "b", "e": "d", "h": "g"}},
  {"_id": 3, "a": {"c": "b", "e": {"a": "a"}}}, {"_id": 4, "a": {"c": "d", "e": "b"}}, {"_id": 5, "a": {"d": "b", "e": "c"}},
  {"_id": 6, "a": {"d": "c"}}, {"_id": 7, "a": {"d": "c", "b": "e"}}, {"_id": 8, "a": {"d": "c", "e": "b"}},
  {"_id": 9, "a": {"d": "c", "e": "b", "g": "h"}}, {"_id": 10, "a": {"d": "c", "e": "f"}}, {"_id": 11, "a": {"d": "e", "b": "c"}},
  {"_id": 12, "a": {"d": "e", "c": "b"}}, {"_id": 13, "a": {"e": "b", "d": "c"}}, {"_id": 14, "a": {"e": "d", "c": "b"}}]');
INSERT INTO results VALUES
  ('objectfind.js', '{"a":{"$eq":{"d":"c","e":"b"}}} → 8', pg_temp.ids('tb_objfind', '{"a": {"$eq": {"d": "c", "e": "b"}}}') = '{8}'),
  ('objectfind.js', '{"a":{"$lt":{"d":"c","e":"b"}}} → 0 to 7', pg_temp.ids('tb_objfind', '{"a": {"$lt": {"d": "c", "e": "b"}}}') = '{0,1,2,3,4,5,6,7}'),
  ('objectfind.js', '{"a":{"$gt":{"d":"c","e":"b"}}} → 9 to 14', pg_temp.ids('tb_objfind', '{"a": {"$gt": {"d": "c", "e": "b"}}}') = '{9,10,11,12,13,14}'),
  ('objectfind.js', '{"a":{"$eq":{"c":"b","e":"d"}}} → 1', pg_temp.ids('tb_objfind', '{"a": {"$eq": {"c": "b", "e": "d"}}}') = '{1}'),
  ('objectfind.js', '{"a":{"$lt":{"c":"b","e":"d"}}} → 0', pg_temp.ids('tb_objfind', '{"a": {"$lt": {"c": "b", "e": "d"}}}') = '{0}'),
  ('objectfind.js', '{"a":{"$gt":{"c":"b","e":"d"}}} → 2 to 14', pg_temp.ids('tb_objfind', '{"a": {"$gt": {"c": "b", "e": "d"}}}') = '{2,3,4,5,6,7,8,9,10,11,12,13,14}'),
  ('objectfind.js', '{"a":{"$eq":{}}} → count 0', pg_temp.n('tb_objfind', '{"a": {"$eq": {}}}') = 0),
  ('objectfind.js', '{"a":{"$lt":{}}} → count 0', pg_temp.n('tb_objfind', '{"a": {"$lt": {}}}') = 0),
  ('objectfind.js', '{"a":{"$gt":{}}} → count 15', pg_temp.n('tb_objfind', '{"a": {"$gt": {}}}') = 15);

-- jstests/core/index/index_bounds_object.js @07c8efab (counts): A = {a: {b: 1}}; B = A and {a: {}};
-- C (after remove({})) = {a: "string"}, {a: true}.
SELECT count(*) FROM docstore_create_many('tb_ibo_a', '[{"a": {"b": 1}}]');
SELECT count(*) FROM docstore_create_many('tb_ibo_b', '[{"a": {"b": 1}}, {"a": {}}]');
SELECT count(*) FROM docstore_create_many('tb_ibo_c', '[{"a": "string"}, {"a": true}]');
INSERT INTO results VALUES
  ('index_bounds_object.js', 'A: {"a":{"$gt":{"b":0}}} → count 1', pg_temp.n('tb_ibo_a', '{"a": {"$gt": {"b": 0}}}') = 1),
  ('index_bounds_object.js', 'A: {"a":{"$gt":{"b":2}}} → count 0', pg_temp.n('tb_ibo_a', '{"a": {"$gt": {"b": 2}}}') = 0),
  ('index_bounds_object.js', 'A: {"a":{"$gte":{"b":1}}} → count 1', pg_temp.n('tb_ibo_a', '{"a": {"$gte": {"b": 1}}}') = 1),
  ('index_bounds_object.js', 'A: {"a":{"$gte":{"b":1,"c":2}}} → count 0', pg_temp.n('tb_ibo_a', '{"a": {"$gte": {"b": 1, "c": 2}}}') = 0),
  ('index_bounds_object.js', 'A: {"a":{"$lt":{"b":2}}} → count 1', pg_temp.n('tb_ibo_a', '{"a": {"$lt": {"b": 2}}}') = 1),
  ('index_bounds_object.js', 'A: {"a":{"$lte":{"b":1}}} → count 1', pg_temp.n('tb_ibo_a', '{"a": {"$lte": {"b": 1}}}') = 1),
  ('index_bounds_object.js', 'B: {"a":{"$gt":{}}} → count 1', pg_temp.n('tb_ibo_b', '{"a": {"$gt": {}}}') = 1),
  ('index_bounds_object.js', 'B: {"a":{"$gte":{}}} → count 2', pg_temp.n('tb_ibo_b', '{"a": {"$gte": {}}}') = 2),
  ('index_bounds_object.js', 'B: {"a":{"$lt":{}}} → count 0', pg_temp.n('tb_ibo_b', '{"a": {"$lt": {}}}') = 0),
  ('index_bounds_object.js', 'B: {"a":{"$lte":{}}} → count 1', pg_temp.n('tb_ibo_b', '{"a": {"$lte": {}}}') = 1),
  ('index_bounds_object.js', 'B: {"a":{"$gt":{},"$lt":{"b":2}}} → count 1', pg_temp.n('tb_ibo_b', '{"a": {"$gt": {}, "$lt": {"b": 2}}}') = 1),
  ('index_bounds_object.js', 'B: {"a":{"$gte":{},"$lt":{"b":2}}} → count 2', pg_temp.n('tb_ibo_b', '{"a": {"$gte": {}, "$lt": {"b": 2}}}') = 2),
  ('index_bounds_object.js', 'B: {"a":{"$lt":{},"$gte":{}}} → count 0', pg_temp.n('tb_ibo_b', '{"a": {"$lt": {}, "$gte": {}}}') = 0),
  ('index_bounds_object.js', 'C: {"a":{"$gt":{}}} → count 0', pg_temp.n('tb_ibo_c', '{"a": {"$gt": {}}}') = 0),
  ('index_bounds_object.js', 'C: {"a":{"$gte":{}}} → count 0', pg_temp.n('tb_ibo_c', '{"a": {"$gte": {}}}') = 0),
  ('index_bounds_object.js', 'C: {"a":{"$lt":{}}} → count 0', pg_temp.n('tb_ibo_c', '{"a": {"$lt": {}}}') = 0),
  ('index_bounds_object.js', 'C: {"a":{"$lte":{}}} → count 0', pg_temp.n('tb_ibo_c', '{"a": {"$lte": {}}}') = 0);

-- jstests/core/query/array/arrayfind10.js @169f8dc2: arrays and array operands (each block is
-- inserted, queried and dropped; _id = place in the block's insert). Blocks 1 to 5 name documents,
-- block 6 counts.
SELECT count(*) FROM docstore_create_many('tb_af10_1', '[{"_id": 0, "a": "foo"}, {"_id": 1, "a": ["foo"]},
  {"_id": 2, "a": [["foo"]]}, {"_id": 3, "a": [[["foo"]]]}]');
SELECT count(*) FROM docstore_create_many('tb_af10_2', '[{"_id": 0, "a": [123, "foo"]}, {"_id": 1, "a": ["foo", 123]},
  {"_id": 2, "a": ["bar", "foo"]}, {"_id": 3, "a": ["bar", "baz", "foo"]}, {"_id": 4, "a": ["bar", "baz", 123]}]');
SELECT count(*) FROM docstore_create_many('tb_af10_3', '[{"_id": 0, "a": [{}, {"b": "foo"}]}, {"_id": 1, "a": [{"b": "foo"}, {}]},
  {"_id": 2, "a": [{"b": 123}, {"b": "foo"}]}, {"_id": 3, "a": [{"b": "foo"}, {"b": 123}]},
  {"_id": 4, "a": [{"b": "bar"}, {"b": "foo"}]}, {"_id": 5, "a": [{"b": "bar"}, {"b": "baz"}, {"b": "foo"}]},
  {"_id": 6, "a": [{"b": "bar"}, {"b": "baz"}, {"b": 123}]}]');
SELECT count(*) FROM docstore_create_many('tb_af10_4', '[{"_id": 0, "a": [{"b": [{"c": [5, 7]}]}]},
  {"_id": 1, "a": [{"b": []}, {"b": [{"c": [5, 7]}]}]}]');
SELECT count(*) FROM docstore_create_many('tb_af10_5', '[
  {"_id": 0, "a": 1}, {"_id": 1, "a": 2}, {"_id": 2, "a": 3}, {"_id": 3, "a": [1]}, {"_id": 4, "a": [1, 2]},
  {"_id": 5, "a": [2]}, {"_id": 6, "a": [3]}, {"_id": 7, "a": [3, 1]}, {"_id": 8, "a": [3, 2]}, {"_id": 9, "a": [3, 2, 1]},
  {"_id": 10, "a": [[1]]}, {"_id": 11, "a": [[2]]}, {"_id": 12, "a": [[3]]}, {"_id": 13, "a": [[[1]]]},
  {"_id": 14, "a": [[[2]]]}, {"_id": 15, "a": [[[3]]]}, {"_id": 16, "a": [1, [[2]]]}, {"_id": 17, "a": [3, [1]]},
  {"_id": 18, "a": [3, [[2]]]}, {"_id": 19, "a": [3, [[2]], 1]}, {"_id": 20, "a": [[1], 2]}, {"_id": 21, "a": [[1], [2]]},
  {"_id": 22, "a": [[3], 1]}, {"_id": 23, "a": [[3], 2]}, {"_id": 24, "a": [[3], 2, 1]}, {"_id": 25, "a": [[3], [1]]},
  {"_id": 26, "a": [[3], [[2]]]}, {"_id": 27, "a": [[3], [[2]], 1]}]');
SELECT count(*) FROM docstore_create_many('tb_af10_6', '[{"a": [1]}, {"a": [1, 1]}, {"a": [1, 2]}, {"a": [1, 2, 3]},
  {"a": [1, 3]}, {"a": [2]}, {"a": [2, 1]}, {"a": [2, 1, 3]}, {"a": [2, 2]}, {"a": [2, 3]}, {"a": [3, 1]},
  {"a": [3, 2]}, {"a": [3, 3]}]');
INSERT INTO results VALUES
  ('arrayfind10.js', 'block 1: {"a":"foo"} → 0, 1', pg_temp.ids('tb_af10_1', '{"a": "foo"}') = '{0,1}'),
  ('arrayfind10.js', 'block 2: {"a":"foo"} → 0, 1, 2, 3', pg_temp.ids('tb_af10_2', '{"a": "foo"}') = '{0,1,2,3}'),
  ('arrayfind10.js', 'block 3: {"a.b":"foo"} → 0 to 5', pg_temp.ids('tb_af10_3', '{"a.b": "foo"}') = '{0,1,2,3,4,5}'),
  ('arrayfind10.js', 'block 4: {"a.b.c":5} → 0, 1', pg_temp.ids('tb_af10_4', '{"a.b.c": 5}') = '{0,1}'),
  ('arrayfind10.js', 'block 4: {"a.b.c":{"$eq":5}} → 0, 1', pg_temp.ids('tb_af10_4', '{"a.b.c": {"$eq": 5}}') = '{0,1}'),
  ('arrayfind10.js', 'block 4: {"a.b.c":{"$in":[5]}} → 0, 1', pg_temp.ids('tb_af10_4', '{"a.b.c": {"$in": [5]}}') = '{0,1}'),
  ('arrayfind10.js', 'block 4: {"a.b.c":{"$size":2}} → 0, 1', pg_temp.ids('tb_af10_4', '{"a.b.c": {"$size": 2}}') = '{0,1}'),
  ('arrayfind10.js', 'block 4: {"a.b.c":{"$elemMatch":{"$eq":5}}} → 0, 1', pg_temp.ids('tb_af10_4', '{"a.b.c": {"$elemMatch": {"$eq": 5}}}') = '{0,1}'),
  ('arrayfind10.js', 'block 5: {"a":{"$eq":[2]}} → 5, 11, 21', pg_temp.ids('tb_af10_5', '{"a": {"$eq": [2]}}') = '{5,11,21}'),
  ('arrayfind10.js', 'block 5: {"a":{"$lt":[2]}} → 3, 4, 10, 16, 17, 20, 21, 25', pg_temp.ids('tb_af10_5', '{"a": {"$lt": [2]}}') = '{3,4,10,16,17,20,21,25}'),
  ('arrayfind10.js', 'block 5: {"a":{"$gt":[2]}} → 6 to 27', pg_temp.ids('tb_af10_5', '{"a": {"$gt": [2]}}') = '{6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27}'),
  ('arrayfind10.js', 'block 5: {"a":{"$eq":[1,2]}} → 4', pg_temp.ids('tb_af10_5', '{"a": {"$eq": [1, 2]}}') = '{4}'),
  ('arrayfind10.js', 'block 5: {"a":{"$lt":[1,2]}} → 3, 10, 17, 20, 21, 25', pg_temp.ids('tb_af10_5', '{"a": {"$lt": [1, 2]}}') = '{3,10,17,20,21,25}'),
  ('arrayfind10.js', 'block 5: {"a":{"$gt":[1,2]}} → 5 to 27', pg_temp.ids('tb_af10_5', '{"a": {"$gt": [1, 2]}}') = '{5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27}'),
  ('arrayfind10.js', 'block 6: {"a":{"$eq":[2,2]}} → count 1', pg_temp.n('tb_af10_6', '{"a": {"$eq": [2, 2]}}') = 1),
  ('arrayfind10.js', 'block 6: {"a":{"$lt":[2,2]}} → count 8', pg_temp.n('tb_af10_6', '{"a": {"$lt": [2, 2]}}') = 8),
  ('arrayfind10.js', 'block 6: {"a":{"$lte":[2,2]}} → count 9', pg_temp.n('tb_af10_6', '{"a": {"$lte": [2, 2]}}') = 9),
  ('arrayfind10.js', 'block 6: {"a":{"$gt":[2,2]}} → count 4', pg_temp.n('tb_af10_6', '{"a": {"$gt": [2, 2]}}') = 4),
  ('arrayfind10.js', 'block 6: {"a":{"$gte":[2,2]}} → count 5', pg_temp.n('tb_af10_6', '{"a": {"$gte": [2, 2]}}') = 5),
  ('arrayfind10.js', 'block 6: {"a":{"$eq":[1]}} → count 1', pg_temp.n('tb_af10_6', '{"a": {"$eq": [1]}}') = 1),
  ('arrayfind10.js', 'block 6: {"a":{"$lt":[1]}} → count 0', pg_temp.n('tb_af10_6', '{"a": {"$lt": [1]}}') = 0),
  ('arrayfind10.js', 'block 6: {"a":{"$lte":[1]}} → count 1', pg_temp.n('tb_af10_6', '{"a": {"$lte": [1]}}') = 1),
  ('arrayfind10.js', 'block 6: {"a":{"$gt":[1]}} → count 12', pg_temp.n('tb_af10_6', '{"a": {"$gt": [1]}}') = 12),
  ('arrayfind10.js', 'block 6: {"a":{"$gte":[1]}} → count 13', pg_temp.n('tb_af10_6', '{"a": {"$gte": [1]}}') = 13),
  ('arrayfind10.js', 'block 6: {"a":{"$eq":[3]}} → count 0', pg_temp.n('tb_af10_6', '{"a": {"$eq": [3]}}') = 0),
  ('arrayfind10.js', 'block 6: {"a":{"$lt":[3]}} → count 10', pg_temp.n('tb_af10_6', '{"a": {"$lt": [3]}}') = 10),
  ('arrayfind10.js', 'block 6: {"a":{"$lte":[3]}} → count 10', pg_temp.n('tb_af10_6', '{"a": {"$lte": [3]}}') = 10),
  ('arrayfind10.js', 'block 6: {"a":{"$gt":[3]}} → count 3', pg_temp.n('tb_af10_6', '{"a": {"$gt": [3]}}') = 3),
  ('arrayfind10.js', 'block 6: {"a":{"$gte":[3]}} → count 3', pg_temp.n('tb_af10_6', '{"a": {"$gte": [3]}}') = 3),
  ('arrayfind10.js', 'block 6: {"a":{"$eq":[1,2,3]}} → count 1', pg_temp.n('tb_af10_6', '{"a": {"$eq": [1, 2, 3]}}') = 1),
  ('arrayfind10.js', 'block 6: {"a":{"$lt":[1,2,3]}} → count 3', pg_temp.n('tb_af10_6', '{"a": {"$lt": [1, 2, 3]}}') = 3),
  ('arrayfind10.js', 'block 6: {"a":{"$lte":[1,2,3]}} → count 4', pg_temp.n('tb_af10_6', '{"a": {"$lte": [1, 2, 3]}}') = 4),
  ('arrayfind10.js', 'block 6: {"a":{"$gt":[1,2,3]}} → count 9', pg_temp.n('tb_af10_6', '{"a": {"$gt": [1, 2, 3]}}') = 9),
  ('arrayfind10.js', 'block 6: {"a":{"$gte":[1,2,3]}} → count 10', pg_temp.n('tb_af10_6', '{"a": {"$gte": [1, 2, 3]}}') = 10);

-- jstests/core/query/array/array_match4.js @07c8efab, arrayfind3.js @45b27a38, arrayfind4.js
-- @169f8dc2, array1.js @169f8dc2, array_match1.js @1ffbc6c2, arrayfind9.js @169f8dc2 (counts; where
-- a test replaces its documents, one collection per set).
SELECT count(*) FROM docstore_create_many('tb_am4', '[{"a": [1, 2]}]');
SELECT count(*) FROM docstore_create_many('tb_af3', '[{"a": [1, 2]}, {"a": [1, 2, 6]}, {"a": [1, 4, 6]}]');
SELECT count(*) FROM docstore_create_many('tb_af4_1', '[{"a": []}]');
SELECT count(*) FROM docstore_create_many('tb_af4_2', '[{"a": [[]]}]');
SELECT count(*) FROM docstore_create_many('tb_array1_1', '[{"a": [[1, 2]]}]');
SELECT count(*) FROM docstore_create_many('tb_array1_2', '[{"a": [[1, 2]]}, {"a": [1, 2]}]');
SELECT count(*) FROM docstore_create_many('tb_am1_1', '[{"_id": 1, "a": [5, 5]}, {"_id": 2, "a": [6, 6]}, {"_id": 3, "a": [5, 5]}]');
SELECT count(*) FROM docstore_create_many('tb_am1_2', '[{"_id": 1, "a": {"b": [5, 5]}}, {"_id": 2, "a": {"b": [6, 6]}}, {"_id": 3, "a": {"b": [5, 5]}}]');
SELECT count(*) FROM docstore_create_many('tb_af9_1', '[{"a": [{}]}]');
SELECT count(*) FROM docstore_create_many('tb_af9_2', '[{"a": [[]]}]');
SELECT count(*) FROM docstore_create_many('tb_af9_3', '[{"a": [["x"]]}]');
SELECT count(*) FROM docstore_create_many('tb_af9_4', '[{"a": [{"b": [0, 2]}]}]');
INSERT INTO results VALUES
  ('array_match4.js', '[1,2]: {"a":[1,2]} → count 1', pg_temp.n('tb_am4', '{"a": [1, 2]}') = 1),
  ('array_match4.js', '[1,2]: {"a":{"$gte":[1,2]}} → count 1', pg_temp.n('tb_am4', '{"a": {"$gte": [1, 2]}}') = 1),
  ('arrayfind3.js', 'A1 {"a":{"$gte":3,"$lte":5}} → count 2', pg_temp.n('tb_af3', '{"a": {"$gte": 3, "$lte": 5}}') = 2),
  ('arrayfind3.js', 'A2 {"a":{"$elemMatch":{"$gte":3,"$lte":5}}} → count 1', pg_temp.n('tb_af3', '{"a": {"$elemMatch": {"$gte": 3, "$lte": 5}}}') = 1),
  ('arrayfind4.js', '[]: {"a":[]} → count 1', pg_temp.n('tb_af4_1', '{"a": []}') = 1),
  ('arrayfind4.js', '[]: {"a":{"$in":[[]]}} → count 1', pg_temp.n('tb_af4_1', '{"a": {"$in": [[]]}}') = 1),
  ('arrayfind4.js', '[[]]: {"a":[]} → count 1', pg_temp.n('tb_af4_2', '{"a": []}') = 1),
  ('arrayfind4.js', '[[]]: {"a":{"$in":[[]]}} → count 1', pg_temp.n('tb_af4_2', '{"a": {"$in": [[]]}}') = 1),
  ('array1.js', '[[1,2]]: {"a":[1,2]} → count 1', pg_temp.n('tb_array1_1', '{"a": [1, 2]}') = 1),
  ('array1.js', '[[1,2]] and [1,2]: {"a":[1,2]} → count 2', pg_temp.n('tb_array1_2', '{"a": [1, 2]}') = 2),
  ('array_match1.js', '{"a":[5,5]} → count 2', pg_temp.n('tb_am1_1', '{"a": [5, 5]}') = 2),
  ('array_match1.js', '{"a":[6,6]} → count 1', pg_temp.n('tb_am1_1', '{"a": [6, 6]}') = 1),
  ('array_match1.js', '{"a.b":[5,5]} → count 2', pg_temp.n('tb_am1_2', '{"a.b": [5, 5]}') = 2),
  ('array_match1.js', '{"a.b":[6,6]} → count 1', pg_temp.n('tb_am1_2', '{"a.b": [6, 6]}') = 1),
  ('arrayfind9.js', '[{}]: {"a":{"$elemMatch":{"$gte":{}}}} → count 1', pg_temp.n('tb_af9_1', '{"a": {"$elemMatch": {"$gte": {}}}}') = 1),
  ('arrayfind9.js', '[[]]: {"a":{"$elemMatch":{"$in":[[]]}}} → count 1', pg_temp.n('tb_af9_2', '{"a": {"$elemMatch": {"$in": [[]]}}}') = 1),
  ('arrayfind9.js', '[["x"]]: {"a":{"$elemMatch":{"0":"x"}}} → count 1', pg_temp.n('tb_af9_3', '{"a": {"$elemMatch": {"0": "x"}}}') = 1),
  ('arrayfind9.js', '[{"b":[0,2]}]: {"a":{"$elemMatch":{"b":{"$gte":1,"$lte":1}}}} → count 1', pg_temp.n('tb_af9_4', '{"a": {"$elemMatch": {"b": {"$gte": 1, "$lte": 1}}}}') = 1);

-- MongoDB manual, "Type Bracketing in Query Predicates"
-- (https://www.mongodb.com/docs/manual/reference/mql/query-predicates/type-bracketing/).
SELECT count(*) FROM docstore_create_many('tb_manual', '[{"_id": "apples", "qty": 5}, {"_id": "bananas", "qty": 7},
  {"_id": "apricots", "qty": 3}, {"_id": "oranges", "qty": {"in stock": 8, "ordered": 12}}, {"_id": "avocados", "qty": "fourteen"}]');
INSERT INTO results VALUES
  ('manual type bracketing', '{"qty":{"$gt":4}} → apples, bananas', pg_temp.sids('tb_manual', '{"qty": {"$gt": 4}}') = '{apples,bananas}');

-------------------------------------------------------------------------------------------------
-- null and missing fields, $ne: null, $in/$nin with null, $exists, through arrays (the 8.x
-- expectations where master changed them).
-------------------------------------------------------------------------------------------------

-- jstests/core/query/null_query_semantics.js @1704949c (the version tagged requires_fcv_80;
-- phase 1 and the undotted cases of phase 2 are the same in master's @056154d0). Phase 1: no
-- arrays. (a_subobject_b_undefined and a_undefined have no JSON form.)
SELECT count(*) FROM docstore_create_many('nq_phase1', '[{"_id": "a_empty_subobject", "a": {}}, {"_id": "a_null", "a": null},
  {"_id": "a_number", "a": 4}, {"_id": "a_subobject_b_not_null", "a": {"b": "hi"}}, {"_id": "a_subobject_b_null", "a": {"b": null}},
  {"_id": "no_a"}]');
INSERT INTO results VALUES
  ('null_query_semantics.js', 'phase 1 {"a":{"$eq":null}} → a_null, no_a', pg_temp.sids('nq_phase1', '{"a": {"$eq": null}}') = '{a_null,no_a}'),
  ('null_query_semantics.js', 'phase 1 {"a":{"$ne":null}} → a_empty_subobject, a_number, a_subobject_b_not_null, a_subobject_b_null',
   pg_temp.sids('nq_phase1', '{"a": {"$ne": null}}') = '{a_empty_subobject,a_number,a_subobject_b_not_null,a_subobject_b_null}'),
  ('null_query_semantics.js', 'phase 1 {"a":{"$in":[null,4]}} → a_null, a_number, no_a', pg_temp.sids('nq_phase1', '{"a": {"$in": [null, 4]}}') = '{a_null,a_number,no_a}'),
  ('null_query_semantics.js', 'phase 1 {"$or":[{"a":null},{"a":4}]} → a_null, a_number, no_a', pg_temp.sids('nq_phase1', '{"$or": [{"a": null}, {"a": 4}]}') = '{a_null,a_number,no_a}'),
  ('null_query_semantics.js', 'phase 1 {"a":{"$nin":[null,4]}} → a_empty_subobject, a_subobject_b_not_null, a_subobject_b_null',
   pg_temp.sids('nq_phase1', '{"a": {"$nin": [null, 4]}}') = '{a_empty_subobject,a_subobject_b_not_null,a_subobject_b_null}'),
  ('null_query_semantics.js', 'phase 1 {"a":{"$nin":[null,/^hi.*/]}} → a_empty_subobject, a_number, a_subobject_b_not_null, a_subobject_b_null',
   pg_temp.sids('nq_phase1', '{"a": {"$nin": [null, {"$regex": "^hi.*"}]}}') = '{a_empty_subobject,a_number,a_subobject_b_not_null,a_subobject_b_null}'),
  ('null_query_semantics.js', 'phase 1 {"a":{"$exists":false}} → no_a', pg_temp.sids('nq_phase1', '{"a": {"$exists": false}}') = '{no_a}'),
  ('null_query_semantics.js', 'phase 1 {"a.b":{"$eq":null}} → a_empty_subobject, a_null, a_number, a_subobject_b_null, no_a',
   pg_temp.sids('nq_phase1', '{"a.b": {"$eq": null}}') = '{a_empty_subobject,a_null,a_number,a_subobject_b_null,no_a}'),
  ('null_query_semantics.js', 'phase 1 {"a.b":{"$ne":null}} → a_subobject_b_not_null', pg_temp.sids('nq_phase1', '{"a.b": {"$ne": null}}') = '{a_subobject_b_not_null}'),
  ('null_query_semantics.js', 'phase 1 {"a.b":{"$exists":false}} → no_a, a_empty_subobject, a_null, a_number',
   pg_temp.sids('nq_phase1', '{"a.b": {"$exists": false}}') = '{a_empty_subobject,a_null,a_number,no_a}'),
  ('null_query_semantics.js', 'phase 1 {"a":{"$elemMatch":{"$eq":null}}} → none', pg_temp.sids('nq_phase1', '{"a": {"$elemMatch": {"$eq": null}}}') = '{}'),
  ('null_query_semantics.js', 'phase 1 {"a":{"$elemMatch":{"$ne":null}}} → none', pg_temp.sids('nq_phase1', '{"a": {"$elemMatch": {"$ne": null}}}') = '{}'),
  ('null_query_semantics.js', 'phase 1 {"a.b":{"$elemMatch":{"$eq":null}}} → none', pg_temp.sids('nq_phase1', '{"a.b": {"$elemMatch": {"$eq": null}}}') = '{}'),
  ('null_query_semantics.js', 'phase 1 {"a.b":{"$elemMatch":{"$ne":null}}} → none', pg_temp.sids('nq_phase1', '{"a.b": {"$elemMatch": {"$ne": null}}}') = '{}'),
  ('null_query_semantics.js', 'phase 1 {"a":{"$elemMatch":{"b":{"$eq":null}}}} → none', pg_temp.sids('nq_phase1', '{"a": {"$elemMatch": {"b": {"$eq": null}}}}') = '{}'),
  ('null_query_semantics.js', 'phase 1 {"a":{"$elemMatch":{"b":{"$ne":null}}}} → none', pg_temp.sids('nq_phase1', '{"a": {"$elemMatch": {"b": {"$ne": null}}}}') = '{}');

-- null_query_semantics.js @1704949c, phase 2: phase 1's documents and arrays (the test's
-- a_object_array_b_mix_null_undefined_missing, a_object_array_some_b_undefined and
-- a_value_array_with_undefined have no JSON form). The dotted cases are the 8.x ones (master,
-- @056154d0, also matches a_double_array, a_empty_array and the value arrays on "a.b": null).
SELECT count(*) FROM docstore_create_many('nq_phase2', '[{"_id": "a_empty_subobject", "a": {}}, {"_id": "a_null", "a": null},
  {"_id": "a_number", "a": 4}, {"_id": "a_subobject_b_not_null", "a": {"b": "hi"}}, {"_id": "a_subobject_b_null", "a": {"b": null}},
  {"_id": "no_a"}, {"_id": "a_double_array", "a": [[]]}, {"_id": "a_empty_array", "a": []},
  {"_id": "a_object_array_no_b_nulls", "a": [{"b": 1}, {"b": 3}, {"b": "string"}]},
  {"_id": "a_object_array_some_b_nulls", "a": [{"b": null}, {"b": 3}, {"b": null}]},
  {"_id": "a_object_array_some_b_missing", "a": [{"b": 3}, {}]}, {"_id": "a_value_array_all_nulls", "a": [null, null]},
  {"_id": "a_value_array_no_nulls", "a": [1, "string", 4]}, {"_id": "a_value_array_with_null", "a": [1, "string", null, 4]}]');
INSERT INTO results VALUES
  ('null_query_semantics.js', 'phase 2 {"a":{"$eq":null}} → a_null, a_value_array_all_nulls, a_value_array_with_null, no_a',
   pg_temp.sids('nq_phase2', '{"a": {"$eq": null}}') = '{a_null,a_value_array_all_nulls,a_value_array_with_null,no_a}'),
  ('null_query_semantics.js', 'phase 2 {"a":{"$ne":null}} → a_double_array, a_empty_array, a_empty_subobject, a_number, a_object_array_no_b_nulls, a_object_array_some_b_nulls, a_object_array_some_b_missing, a_subobject_b_not_null, a_subobject_b_null, a_value_array_no_nulls',
   pg_temp.sids('nq_phase2', '{"a": {"$ne": null}}') = '{a_double_array,a_empty_array,a_empty_subobject,a_number,a_object_array_no_b_nulls,a_object_array_some_b_missing,a_object_array_some_b_nulls,a_subobject_b_not_null,a_subobject_b_null,a_value_array_no_nulls}'),
  ('null_query_semantics.js', 'phase 2 {"a":{"$not":{"$gte":null}}} → the 10 of $ne: null',
   pg_temp.sids('nq_phase2', '{"a": {"$not": {"$gte": null}}}') = '{a_double_array,a_empty_array,a_empty_subobject,a_number,a_object_array_no_b_nulls,a_object_array_some_b_missing,a_object_array_some_b_nulls,a_subobject_b_not_null,a_subobject_b_null,a_value_array_no_nulls}'),
  ('null_query_semantics.js', 'phase 2 {"a":{"$in":[null,75]}} → a_null, no_a, a_value_array_all_nulls, a_value_array_with_null',
   pg_temp.sids('nq_phase2', '{"a": {"$in": [null, 75]}}') = '{a_null,a_value_array_all_nulls,a_value_array_with_null,no_a}'),
  ('null_query_semantics.js', 'phase 2 {"$or":[{"a":null},{"a":75}]} → a_null, no_a, a_value_array_all_nulls, a_value_array_with_null',
   pg_temp.sids('nq_phase2', '{"$or": [{"a": null}, {"a": 75}]}') = '{a_null,a_value_array_all_nulls,a_value_array_with_null,no_a}'),
  ('null_query_semantics.js', 'phase 2 {"a":{"$nin":[null,75]}} → the 10 of $ne: null',
   pg_temp.sids('nq_phase2', '{"a": {"$nin": [null, 75]}}') = '{a_double_array,a_empty_array,a_empty_subobject,a_number,a_object_array_no_b_nulls,a_object_array_some_b_missing,a_object_array_some_b_nulls,a_subobject_b_not_null,a_subobject_b_null,a_value_array_no_nulls}'),
  ('null_query_semantics.js', 'phase 2 {"a":{"$nin":[null,[]]}} → a_empty_subobject, a_number, a_subobject_b_not_null, a_subobject_b_null, a_object_array_no_b_nulls, a_object_array_some_b_nulls, a_object_array_some_b_missing, a_value_array_no_nulls',
   pg_temp.sids('nq_phase2', '{"a": {"$nin": [null, []]}}') = '{a_empty_subobject,a_number,a_object_array_no_b_nulls,a_object_array_some_b_missing,a_object_array_some_b_nulls,a_subobject_b_not_null,a_subobject_b_null,a_value_array_no_nulls}'),
  ('null_query_semantics.js', 'phase 2 {"a":{"$elemMatch":{"$eq":null}}} → a_value_array_all_nulls, a_value_array_with_null',
   pg_temp.sids('nq_phase2', '{"a": {"$elemMatch": {"$eq": null}}}') = '{a_value_array_all_nulls,a_value_array_with_null}'),
  ('null_query_semantics.js', 'phase 2 {"a":{"$elemMatch":{"$ne":null}}} → a_double_array, a_object_array_no_b_nulls, a_object_array_some_b_nulls, a_object_array_some_b_missing, a_value_array_no_nulls, a_value_array_with_null',
   pg_temp.sids('nq_phase2', '{"a": {"$elemMatch": {"$ne": null}}}') = '{a_double_array,a_object_array_no_b_nulls,a_object_array_some_b_missing,a_object_array_some_b_nulls,a_value_array_no_nulls,a_value_array_with_null}'),
  ('null_query_semantics.js', 'phase 2 {"a.b":{"$elemMatch":{"$eq":null}}} → none', pg_temp.sids('nq_phase2', '{"a.b": {"$elemMatch": {"$eq": null}}}') = '{}'),
  ('null_query_semantics.js', 'phase 2 {"a.b":{"$elemMatch":{"$ne":null}}} → none', pg_temp.sids('nq_phase2', '{"a.b": {"$elemMatch": {"$ne": null}}}') = '{}'),
  ('null_query_semantics.js', 'phase 2 {"a":{"$elemMatch":{"b":{"$eq":null}}}} → a_double_array, a_object_array_some_b_nulls, a_object_array_some_b_missing',
   pg_temp.sids('nq_phase2', '{"a": {"$elemMatch": {"b": {"$eq": null}}}}') = '{a_double_array,a_object_array_some_b_missing,a_object_array_some_b_nulls}'),
  ('null_query_semantics.js', 'phase 2 {"a":{"$elemMatch":{"b":{"$ne":null}}}} → a_object_array_no_b_nulls, a_object_array_some_b_nulls, a_object_array_some_b_missing',
   pg_temp.sids('nq_phase2', '{"a": {"$elemMatch": {"b": {"$ne": null}}}}') = '{a_object_array_no_b_nulls,a_object_array_some_b_missing,a_object_array_some_b_nulls}'),
  -- dotted, 8.x:
  ('null_query_semantics.js', 'phase 2 {"a.b":{"$eq":null}} → a_empty_subobject, a_null, a_number, a_subobject_b_null, no_a, a_object_array_some_b_nulls, a_object_array_some_b_missing (8.x)',
   pg_temp.sids('nq_phase2', '{"a.b": {"$eq": null}}') = '{a_empty_subobject,a_null,a_number,a_object_array_some_b_missing,a_object_array_some_b_nulls,a_subobject_b_null,no_a}'),
  ('null_query_semantics.js', 'phase 2 {"a.b":{"$ne":null}} → a_subobject_b_not_null, a_double_array, a_empty_array, a_object_array_no_b_nulls, a_value_array_all_nulls, a_value_array_no_nulls, a_value_array_with_null (8.x)',
   pg_temp.sids('nq_phase2', '{"a.b": {"$ne": null}}') = '{a_double_array,a_empty_array,a_object_array_no_b_nulls,a_subobject_b_not_null,a_value_array_all_nulls,a_value_array_no_nulls,a_value_array_with_null}'),
  ('null_query_semantics.js', 'phase 2 {"a.b":{"$in":[null,75]}} → the 7 of "a.b" $eq: null (8.x)',
   pg_temp.sids('nq_phase2', '{"a.b": {"$in": [null, 75]}}') = '{a_empty_subobject,a_null,a_number,a_object_array_some_b_missing,a_object_array_some_b_nulls,a_subobject_b_null,no_a}'),
  ('null_query_semantics.js', 'phase 2 {"$or":[{"a.b":null},{"a.b":75}]} → the 7 of "a.b" $eq: null (8.x)',
   pg_temp.sids('nq_phase2', '{"$or": [{"a.b": null}, {"a.b": 75}]}') = '{a_empty_subobject,a_null,a_number,a_object_array_some_b_missing,a_object_array_some_b_nulls,a_subobject_b_null,no_a}'),
  ('null_query_semantics.js', 'phase 2 {"a.b":{"$nin":[null,75]}} → the 7 of "a.b" $ne: null (8.x)',
   pg_temp.sids('nq_phase2', '{"a.b": {"$nin": [null, 75]}}') = '{a_double_array,a_empty_array,a_object_array_no_b_nulls,a_subobject_b_not_null,a_value_array_all_nulls,a_value_array_no_nulls,a_value_array_with_null}'),
  ('null_query_semantics.js', 'phase 2 {"a.b":{"$nin":[null,/^str.*/]}} → a_subobject_b_not_null, a_double_array, a_empty_array, a_value_array_all_nulls, a_value_array_no_nulls, a_value_array_with_null (8.x)',
   pg_temp.sids('nq_phase2', '{"a.b": {"$nin": [null, {"$regex": "^str.*"}]}}') = '{a_double_array,a_empty_array,a_subobject_b_not_null,a_value_array_all_nulls,a_value_array_no_nulls,a_value_array_with_null}');

-- jstests/core/query/dotted_path_in_null.js @a4f458fe (untagged, 8.x; master's requires_fcv_90
-- version expects 2, 3, 4, 5).
SELECT count(*) FROM docstore_create_many('nq_dpin', '[{"_id": 1, "a": [{"b": 5}]}, {"_id": 2, "a": [{}]}, {"_id": 3, "a": []},
  {"_id": 4, "a": [{}, {"b": 5}]}, {"_id": 5, "a": [5, {"b": 5}]}]');
INSERT INTO results VALUES
  ('dotted_path_in_null.js', '{"a.b":{"$in":[null]}} → 2, 4 (8.x)', pg_temp.ids('nq_dpin', '{"a.b": {"$in": [null]}}') = '{2,4}');

-- jstests/aggregation/sources/match/match.js @e3d5dea9 (8.x; "Missing, null, $exists matching",
-- then its $elemMatch-with-null documents; _id 4 [undefined] has no JSON form).
SELECT count(*) FROM docstore_create_many('nq_match', '[{"_id": 0}, {"_id": 1, "a": null}, {"_id": 2, "a": []}, {"_id": 3, "a": 0},
  {"_id": 4, "a": [[]]}, {"_id": 5, "a": [2, 2, 2]}]');
SELECT count(*) FROM docstore_create_many('nq_match_em', '[{"_id": 3, "a": [[{"x": {"y": 1}}]]}, {"_id": 5, "a": [["blah"]]},
  {"_id": 6, "a": [[]]}, {"_id": 7, "a": [null]}, {"_id": 8, "a": [2]}, {"_id": 9, "a": []}, {"_id": 10, "a": [{"x": 1}]},
  {"_id": 11, "a": [{"y": 1}]}]');
INSERT INTO results VALUES
  ('match.js', '{"a":null} → 0, 1', pg_temp.ids('nq_match', '{"a": null}') = '{0,1}'),
  ('match.js', '{"x":null} → 0 to 5', pg_temp.ids('nq_match', '{"x": null}') = '{0,1,2,3,4,5}'),
  ('match.js', '{"a.y":null} → 0, 1, 3 (8.x)', pg_temp.ids('nq_match', '{"a.y": null}') = '{0,1,3}'),
  ('match.js', '{"a.y.z":null} → 0, 1, 3 (8.x)', pg_temp.ids('nq_match', '{"a.y.z": null}') = '{0,1,3}'),
  ('match.js', '{"a":{"$elemMatch":{"x":null}}} → 3, 5, 6, 11', pg_temp.ids('nq_match_em', '{"a": {"$elemMatch": {"x": null}}}') = '{3,5,6,11}'),
  ('match.js', '{"a":{"$elemMatch":{"x.y":null}}} → 3, 5, 6, 10, 11', pg_temp.ids('nq_match_em', '{"a": {"$elemMatch": {"x.y": null}}}') = '{3,5,6,10,11}'),
  ('match.js', '{"a":{"$elemMatch":{"x.y.z":null}}} → 3, 5, 6, 10, 11', pg_temp.ids('nq_match_em', '{"a": {"$elemMatch": {"x.y.z": null}}}') = '{3,5,6,10,11}');

-- jstests/core/query/array/arrayfind5.js @4be00f9a (8.x; counts, one document each).
SELECT count(*) FROM docstore_create_many('nq_af5_1', '[{"a": [{}, {"b": 1}]}]');
SELECT count(*) FROM docstore_create_many('nq_af5_2', '[{"a": [5, {"b": 1}]}]');
INSERT INTO results VALUES
  ('arrayfind5.js', '[{},{"b":1}]: {"a.b":1} → count 1', pg_temp.n('nq_af5_1', '{"a.b": 1}') = 1),
  ('arrayfind5.js', '[{},{"b":1}]: {"a":{"$elemMatch":{"b":1}}} → count 1', pg_temp.n('nq_af5_1', '{"a": {"$elemMatch": {"b": 1}}}') = 1),
  ('arrayfind5.js', '[{},{"b":1}]: {"a.b":null} → count 1', pg_temp.n('nq_af5_1', '{"a.b": null}') = 1),
  ('arrayfind5.js', '[{},{"b":1}]: {"a":{"$elemMatch":{"b":null}}} → count 1', pg_temp.n('nq_af5_1', '{"a": {"$elemMatch": {"b": null}}}') = 1),
  ('arrayfind5.js', '[5,{"b":1}]: {"a.b":1} → count 1', pg_temp.n('nq_af5_2', '{"a.b": 1}') = 1),
  ('arrayfind5.js', '[5,{"b":1}]: {"a":{"$elemMatch":{"b":1}}} → count 1', pg_temp.n('nq_af5_2', '{"a": {"$elemMatch": {"b": 1}}}') = 1),
  ('arrayfind5.js', '[5,{"b":1}]: {"a.b":null} → count 0 (8.x)', pg_temp.n('nq_af5_2', '{"a.b": null}') = 0),
  ('arrayfind5.js', '[5,{"b":1}]: {"a":{"$elemMatch":{"b":null}}} → count 0', pg_temp.n('nq_af5_2', '{"a": {"$elemMatch": {"b": null}}}') = 0);

-- jstests/core/query/exists/exists.js @45b27a38 (counts; then {r: [{s: 1}]} alone: found = 1).
SELECT count(*) FROM docstore_create_many('nq_exists', '[{}, {"a": 1}, {"a": {"b": 1}}, {"a": {"b": {"c": 1}}}, {"a": {"b": {"c": {"d": null}}}}]');
SELECT count(*) FROM docstore_create_many('nq_exists_r', '[{"r": [{"s": 1}]}]');
INSERT INTO results VALUES
  ('exists.js', '{"a":null} → count 1', pg_temp.n('nq_exists', '{"a": null}') = 1),
  ('exists.js', '{"a":{"$ne":null}} → count 4', pg_temp.n('nq_exists', '{"a": {"$ne": null}}') = 4),
  ('exists.js', '{"a":{"$exists":true}} → count 4', pg_temp.n('nq_exists', '{"a": {"$exists": true}}') = 4),
  ('exists.js', '{"a":{"$exists":false}} → count 1', pg_temp.n('nq_exists', '{"a": {"$exists": false}}') = 1),
  ('exists.js', '{"a.b":null} → count 2', pg_temp.n('nq_exists', '{"a.b": null}') = 2),
  ('exists.js', '{"a.b":{"$ne":null}} → count 3', pg_temp.n('nq_exists', '{"a.b": {"$ne": null}}') = 3),
  ('exists.js', '{"a.b":{"$exists":true}} → count 3', pg_temp.n('nq_exists', '{"a.b": {"$exists": true}}') = 3),
  ('exists.js', '{"a.b":{"$exists":false}} → count 2', pg_temp.n('nq_exists', '{"a.b": {"$exists": false}}') = 2),
  ('exists.js', '{"a.b.c":null} → count 3', pg_temp.n('nq_exists', '{"a.b.c": null}') = 3),
  ('exists.js', '{"a.b.c":{"$ne":null}} → count 2', pg_temp.n('nq_exists', '{"a.b.c": {"$ne": null}}') = 2),
  ('exists.js', '{"a.b.c":{"$exists":true}} → count 2', pg_temp.n('nq_exists', '{"a.b.c": {"$exists": true}}') = 2),
  ('exists.js', '{"a.b.c":{"$exists":false}} → count 3', pg_temp.n('nq_exists', '{"a.b.c": {"$exists": false}}') = 3),
  ('exists.js', '{"a.b.c.d":null} → count 5', pg_temp.n('nq_exists', '{"a.b.c.d": null}') = 5),
  ('exists.js', '{"a.b.c.d":{"$ne":null}} → count 0', pg_temp.n('nq_exists', '{"a.b.c.d": {"$ne": null}}') = 0),
  ('exists.js', '{"a.b.c.d":{"$exists":true}} → count 1', pg_temp.n('nq_exists', '{"a.b.c.d": {"$exists": true}}') = 1),
  ('exists.js', '{"a.b.c.d":{"$exists":false}} → count 4', pg_temp.n('nq_exists', '{"a.b.c.d": {"$exists": false}}') = 4),
  ('exists.js', '{"r":[{"s":1}]}: {"r.s":{"$exists":true}} → found', pg_temp.n('nq_exists_r', '{"r.s": {"$exists": true}}') = 1),
  ('exists.js', '{"r":[{"s":1}]}: {"r.s":{"$exists":false}} → not found', pg_temp.n('nq_exists_r', '{"r.s": {"$exists": false}}') = 0),
  ('exists.js', '{"r":[{"s":1}]}: {"r.t":{"$exists":true}} → not found', pg_temp.n('nq_exists_r', '{"r.t": {"$exists": true}}') = 0),
  ('exists.js', '{"r":[{"s":1}]}: {"r.t":{"$exists":false}} → found', pg_temp.n('nq_exists_r', '{"r.t": {"$exists": false}}') = 1);

-- jstests/core/query/exists/exists9.js @169f8dc2 (counts; three sets of documents).
SELECT count(*) FROM docstore_create_many('nq_ex9_1', '[{"a": {}}]');
SELECT count(*) FROM docstore_create_many('nq_ex9_2', '[{}, {"a": []}]');
SELECT count(*) FROM docstore_create_many('nq_ex9_3', '[{"a": {"0": 1}}, {"a": []}]');
INSERT INTO results VALUES
  ('exists9.js', '{"a":{}}: {"a.b":{"$exists":false}} → count 1', pg_temp.n('nq_ex9_1', '{"a.b": {"$exists": false}}') = 1),
  ('exists9.js', '{"a":{}}: {"a.b":{"$exists":true}} → count 0', pg_temp.n('nq_ex9_1', '{"a.b": {"$exists": true}}') = 0),
  ('exists9.js', '{}, {"a":[]}: {"a":{"$exists":true}} → count 1', pg_temp.n('nq_ex9_2', '{"a": {"$exists": true}}') = 1),
  ('exists9.js', '{}, {"a":[]}: {"a":{"$exists":false}} → count 1', pg_temp.n('nq_ex9_2', '{"a": {"$exists": false}}') = 1),
  ('exists9.js', '{"a":{"0":1}}, {"a":[]}: {"a.0":{"$exists":true}} → count 1', pg_temp.n('nq_ex9_3', '{"a.0": {"$exists": true}}') = 1),
  ('exists9.js', '{"a":{"0":1}}, {"a":[]}: {"a.0":{"$exists":false}} → count 1', pg_temp.n('nq_ex9_3', '{"a.0": {"$exists": false}}') = 1);

-- jstests/core/query/exists/existsa.js @169f8dc2 (counts; two sets of documents).
SELECT count(*) FROM docstore_create_many('nq_exa_1', '[{}, {"a": 1}, {"a": {"x": 1}, "b": 1}]');
SELECT count(*) FROM docstore_create_many('nq_exa_2', '[{"a": [{}]}, {"a": [{"b": 1}]}, {"a": [{"b": [1]}]}]');
INSERT INTO results VALUES
  ('existsa.js', '{"a":{"$exists":false}} → count 1', pg_temp.n('nq_exa_1', '{"a": {"$exists": false}}') = 1),
  ('existsa.js', '{"a":{"$not":{"$exists":true}}} → count 1', pg_temp.n('nq_exa_1', '{"a": {"$not": {"$exists": true}}}') = 1),
  ('existsa.js', '{"$nor":[{"a":{"$exists":true}}]} → count 1', pg_temp.n('nq_exa_1', '{"$nor": [{"a": {"$exists": true}}]}') = 1),
  ('existsa.js', '{"a.x":{"$exists":false}} → count 2', pg_temp.n('nq_exa_1', '{"a.x": {"$exists": false}}') = 2),
  ('existsa.js', '{"b":{"$exists":false}} → count 2', pg_temp.n('nq_exa_1', '{"b": {"$exists": false}}') = 2),
  ('existsa.js', '{"a":{"$exists":true}} → count 2', pg_temp.n('nq_exa_1', '{"a": {"$exists": true}}') = 2),
  ('existsa.js', '{"$nor":[{"a":{"$exists":false}}]} → count 2', pg_temp.n('nq_exa_1', '{"$nor": [{"a": {"$exists": false}}]}') = 2),
  ('existsa.js', '{"$nor":[{"a.x":{"$exists":false}}]} → count 1', pg_temp.n('nq_exa_1', '{"$nor": [{"a.x": {"$exists": false}}]}') = 1),
  ('existsa.js', '{"a":{"$not":{"$exists":false}}} → count 2', pg_temp.n('nq_exa_1', '{"a": {"$not": {"$exists": false}}}') = 2),
  ('existsa.js', '{"a":{"$elemMatch":{"b":{"$exists":false}}}} → count 1', pg_temp.n('nq_exa_2', '{"a": {"$elemMatch": {"b": {"$exists": false}}}}') = 1),
  ('existsa.js', '{"a":{"$elemMatch":{"b":{"$exists":true}}}} → count 2', pg_temp.n('nq_exa_2', '{"a": {"$elemMatch": {"b": {"$exists": true}}}}') = 2),
  ('existsa.js', '{"a.b":{"$elemMatch":{"$not":{"$exists":false}}}} → count 1', pg_temp.n('nq_exa_2', '{"a.b": {"$elemMatch": {"$not": {"$exists": false}}}}') = 1);

-- jstests/core/query/exists/existsb.js @73612fec (counts).
SELECT count(*) FROM docstore_create_many('nq_exb', '[{}, {"a": 1}, {"b": 1}, {"a": 1, "b": null}, {"a": 1, "b": 1}]');
INSERT INTO results VALUES
  ('existsb.js', '{"a":{"$exists":true}} → count 3', pg_temp.n('nq_exb', '{"a": {"$exists": true}}') = 3),
  ('existsb.js', '{"a":{"$exists":false}} → count 2', pg_temp.n('nq_exb', '{"a": {"$exists": false}}') = 2),
  ('existsb.js', '{"b":{"$exists":true}} → count 3', pg_temp.n('nq_exb', '{"b": {"$exists": true}}') = 3),
  ('existsb.js', '{"b":{"$exists":false}} → count 2', pg_temp.n('nq_exb', '{"b": {"$exists": false}}') = 2),
  ('existsb.js', '{"a":1,"b":{"$exists":true}} → count 2', pg_temp.n('nq_exb', '{"a": 1, "b": {"$exists": true}}') = 2),
  ('existsb.js', '{"a":1,"b":{"$exists":false}} → count 1', pg_temp.n('nq_exb', '{"a": 1, "b": {"$exists": false}}') = 1),
  ('existsb.js', '{"a":{"$exists":true},"b":1} → count 1', pg_temp.n('nq_exb', '{"a": {"$exists": true}, "b": 1}') = 1),
  ('existsb.js', '{"a":{"$exists":false},"b":1} → count 1', pg_temp.n('nq_exb', '{"a": {"$exists": false}, "b": 1}') = 1),
  ('existsb.js', '{"a":{"$exists":true},"b":{"$exists":true}} → count 2', pg_temp.n('nq_exb', '{"a": {"$exists": true}, "b": {"$exists": true}}') = 2),
  ('existsb.js', '{"a":{"$exists":true},"b":{"$exists":false}} → count 1', pg_temp.n('nq_exb', '{"a": {"$exists": true}, "b": {"$exists": false}}') = 1),
  ('existsb.js', '{"a":{"$exists":false},"b":{"$exists":true}} → count 1', pg_temp.n('nq_exb', '{"a": {"$exists": false}, "b": {"$exists": true}}') = 1),
  ('existsb.js', '{"a":{"$exists":false},"b":{"$exists":false}} → count 1', pg_temp.n('nq_exb', '{"a": {"$exists": false}, "b": {"$exists": false}}') = 1);

-- MongoDB manual, "Query for Null or Missing Fields" (mongodb/docs
-- source/tutorial/query-for-null-fields.txt); PyMongo test/test_examples.py test_query_null
-- (mongodb/mongo-python-driver @00b67265, Examples 39 to 41) asserts the counts 2, 1, 1.
SELECT count(*) FROM docstore_create_many('nq_manual', '[{"_id": 1, "item": null}, {"_id": 2}]');
INSERT INTO results VALUES
  ('manual null fields', '{"item":null} → 1, 2', pg_temp.ids('nq_manual', '{"item": null}') = '{1,2}'),
  -- (docstore takes no type numbers: the filter is an error there)
  ('manual null fields', '{"item":{"$type":10}} → 1', pg_temp.tried_ids('nq_manual', '{"item": {"$type": 10}}') = '{1}'),
  ('manual null fields', '{"item":{"$exists":false}} → 2', pg_temp.ids('nq_manual', '{"item": {"$exists": false}}') = '{2}');

-------------------------------------------------------------------------------------------------
-- $size on dotted paths and nested arrays.
-------------------------------------------------------------------------------------------------

-- jstests/core/query/find/find_size.js @591928c6 (counts; steps 1 to 3 add documents to the same
-- collection, step 4 starts again, step 5 adds to it, step 6 starts again). Its arrayfind10.js
-- case is above (block 4), the manual's {tags: {$size: 3}} below (Example 28).
SELECT count(*) FROM docstore_create_many('sz_1', '[{"a": [{"b": [1, 2, 3]}, {"b": 1}]}, {"a": [1, [2], [3]]}, {"a": [1, [2]]},
  {"a": [[1, [1]]]}, {"a": [[[1]]]}, {"a": 1}, {"a": {}}]');
SELECT count(*) FROM docstore_create_many('sz_2', '[{"a": [{"b": [1, 2, 3]}, {"b": 1}]}, {"a": [1, [2], [3]]}, {"a": [1, [2]]},
  {"a": [[1, [1]]]}, {"a": [[[1]]]}, {"a": 1}, {"a": {}}, {"a": {"b": [1, 2]}}, {"a": {"b": {"c": [1]}}}]');
SELECT count(*) FROM docstore_create_many('sz_3', '[{"a": [{"b": [1, 2, 3]}, {"b": 1}]}, {"a": [1, [2], [3]]}, {"a": [1, [2]]},
  {"a": [[1, [1]]]}, {"a": [[[1]]]}, {"a": 1}, {"a": {}}, {"a": {"b": [1, 2]}}, {"a": {"b": {"c": [1]}}},
  {"a": {"b": {"c": [1, [2]]}}, "b": {"a": {"c": []}, "b": {"a": [[1, 2, 3]]}}}]');
SELECT count(*) FROM docstore_create_many('sz_4', '[{"a": [{"b": [1, 2, 3]}, {"b": 1}]}, {"a": [{"b": [1, [2]]}, {"b": [1]}]},
  {"a": [{"b": [{"c": [1]}, {"c": []}]}, {"b": [1]}]}, {"a": {"b": [1, [2], [[3]]]}}, {"a": {"b": [1, 2, 3]}},
  {"b": {"a": [1, [2], [[3]]]}}, {"b": {"a": []}}]');
SELECT count(*) FROM docstore_create_many('sz_5', '[{"a": [{"b": [1, 2, 3]}, {"b": 1}]}, {"a": [{"b": [1, [2]]}, {"b": [1]}]},
  {"a": [{"b": [{"c": [1]}, {"c": []}]}, {"b": [1]}]}, {"a": {"b": [1, [2], [[3]]]}}, {"a": {"b": [1, 2, 3]}},
  {"b": {"a": [1, [2], [[3]]]}}, {"b": {"a": []}}, {"a": []}, {"a": []}, {"a": {"b": []}}]');
SELECT count(*) FROM docstore_create_many('sz_6', '[{"a": []}, {"a": []}, {"a": [1]}, {"a": [1, 2, 3, 4]}]');
INSERT INTO results VALUES
  ('find_size.js', 'step 1 {"a":{"$size":3}} → count 1', pg_temp.n('sz_1', '{"a": {"$size": 3}}') = 1),
  ('find_size.js', 'step 1 {"a":{"$size":2}} → count 2', pg_temp.n('sz_1', '{"a": {"$size": 2}}') = 2),
  ('find_size.js', 'step 1 {"a":{"$size":1}} → count 2', pg_temp.n('sz_1', '{"a": {"$size": 1}}') = 2),
  ('find_size.js', 'step 1 {"a":{"$size":4}} → count 0', pg_temp.n('sz_1', '{"a": {"$size": 4}}') = 0),
  ('find_size.js', 'step 1 {"b":{"$size":1}} → count 0', pg_temp.n('sz_1', '{"b": {"$size": 1}}') = 0),
  ('find_size.js', 'step 2 {"a.b":{"$size":2}} → count 1', pg_temp.n('sz_2', '{"a.b": {"$size": 2}}') = 1),
  ('find_size.js', 'step 2 {"a.b.c":{"$size":1}} → count 1', pg_temp.n('sz_2', '{"a.b.c": {"$size": 1}}') = 1),
  ('find_size.js', 'step 2 {"a.b.c.d":{"$size":1}} → count 0', pg_temp.n('sz_2', '{"a.b.c.d": {"$size": 1}}') = 0),
  ('find_size.js', 'step 2 {"a.b":{"$size":1}} → count 0', pg_temp.n('sz_2', '{"a.b": {"$size": 1}}') = 0),
  ('find_size.js', 'step 3 {"a.b.c":{"$size":2}} → count 1', pg_temp.n('sz_3', '{"a.b.c": {"$size": 2}}') = 1),
  ('find_size.js', 'step 3 {"b.a.c":{"$size":0}} → count 1', pg_temp.n('sz_3', '{"b.a.c": {"$size": 0}}') = 1),
  ('find_size.js', 'step 3 {"b.b.a":{"$size":1}} → count 1', pg_temp.n('sz_3', '{"b.b.a": {"$size": 1}}') = 1),
  ('find_size.js', 'step 3 {"b.b.a":{"$size":0}} → count 0', pg_temp.n('sz_3', '{"b.b.a": {"$size": 0}}') = 0),
  ('find_size.js', 'step 3 {"a.b.b.a":{"$size":1}} → count 0', pg_temp.n('sz_3', '{"a.b.b.a": {"$size": 1}}') = 0),
  ('find_size.js', 'step 4 {"a.b":{"$size":3}} → count 3', pg_temp.n('sz_4', '{"a.b": {"$size": 3}}') = 3),
  ('find_size.js', 'step 4 {"a.b":{"$size":2}} → count 2', pg_temp.n('sz_4', '{"a.b": {"$size": 2}}') = 2),
  ('find_size.js', 'step 4 {"a.b.c":{"$size":1}} → count 1', pg_temp.n('sz_4', '{"a.b.c": {"$size": 1}}') = 1),
  ('find_size.js', 'step 4 {"a.b.c":{"$size":0}} → count 1', pg_temp.n('sz_4', '{"a.b.c": {"$size": 0}}') = 1),
  ('find_size.js', 'step 4 {"b.a":{"$size":3}} → count 1', pg_temp.n('sz_4', '{"b.a": {"$size": 3}}') = 1),
  ('find_size.js', 'step 4 {"b.a":{"$size":0}} → count 1', pg_temp.n('sz_4', '{"b.a": {"$size": 0}}') = 1),
  ('find_size.js', 'step 4 {"a.b.c":{"$size":3}} → count 0', pg_temp.n('sz_4', '{"a.b.c": {"$size": 3}}') = 0),
  ('find_size.js', 'step 4 {"a.b.c.d":{"$size":1}} → count 0', pg_temp.n('sz_4', '{"a.b.c.d": {"$size": 1}}') = 0),
  ('find_size.js', 'step 5 {"a":{"$size":0}} → count 2', pg_temp.n('sz_5', '{"a": {"$size": 0}}') = 2),
  ('find_size.js', 'step 5 {"a.b":{"$size":0}} → count 1', pg_temp.n('sz_5', '{"a.b": {"$size": 0}}') = 1),
  ('find_size.js', 'step 6 {"a":{"$size":0}} → count 2 (also NumberLong(0))', pg_temp.n('sz_6', '{"a": {"$size": 0}}') = 2),
  ('find_size.js', 'step 6 {"a":{"$size":4}} → count 1', pg_temp.n('sz_6', '{"a": {"$size": 4}}') = 1),
  -- the command fails in MongoDB; 22023 here.
  ('find_size.js', '{"a":{"$size":-1}} is an error', pg_temp.err('sz_6', '{"a": {"$size": -1}}') = '22023'),
  ('find_size.js', '{"a":{"$size":"str"}} is an error', pg_temp.err('sz_6', '{"a": {"$size": "str"}}') = '22023'),
  ('find_size.js', '{"a":{"$size":3.2}} is an error', pg_temp.err('sz_6', '{"a": {"$size": 3.2}}') = '22023'),
  ('find_size.js', '{"a":{"$size":0.1}} is an error', pg_temp.err('sz_6', '{"a": {"$size": 0.1}}') = '22023');

-------------------------------------------------------------------------------------------------
-- Numeric path components: array positions and object keys.
-------------------------------------------------------------------------------------------------

-- jstests/core/query/match_numeric_components.js @05a9f6fe.
SELECT count(*) FROM docstore_create_many('np_mnc', '[
  {"_id": 0, "a": 42}, {"_id": 1, "a": [42]}, {"_id": 2, "a": {"0": 42}}, {"_id": 3, "a": [[42]]}, {"_id": 4, "a": [{"0": 42}]},
  {"_id": 5, "a": {"0": [42]}}, {"_id": 6, "a": {"0": {"0": 42}}}, {"_id": 7, "a": [[[42]]]}, {"_id": 8, "a": [[{"0": 42}]]},
  {"_id": 9, "a": [{"0": [42]}]}, {"_id": 10, "a": [{"0": {"0": 42}}]}, {"_id": 11, "a": {"0": [[42]]}},
  {"_id": 12, "a": {"0": [{"0": 42}]}}, {"_id": 13, "a": {"0": {"0": [42]}}}, {"_id": 14, "a": {"0": {"0": {"0": 42}}}},
  {"_id": 15, "a": [[[[42]]]]}, {"_id": 16, "a": [[[{"0": 42}]]]}, {"_id": 17, "a": [[{"0": [42]}]]},
  {"_id": 18, "a": [[{"0": {"0": 42}}]]}, {"_id": 19, "a": [{"0": [[42]]}]}, {"_id": 20, "a": [{"0": [{"0": 42}]}]},
  {"_id": 21, "a": [{"0": {"0": [42]}}]}, {"_id": 22, "a": [{"0": {"0": {"0": 42}}}]}, {"_id": 23, "a": {"0": [[[42]]]}},
  {"_id": 24, "a": {"0": [[{"0": 42}]]}}, {"_id": 25, "a": {"0": [{"0": [42]}]}}, {"_id": 26, "a": {"0": [{"0": {"0": 42}}]}},
  {"_id": 27, "a": {"0": {"0": [[42]]}}}, {"_id": 28, "a": {"0": {"0": [{"0": 42}]}}}, {"_id": 29, "a": {"0": {"0": {"0": [42]}}}},
  {"_id": 30, "a": {"0": {"0": {"0": {"0": 42}}}}}]');
SELECT count(*) FROM docstore_create_many('np_mnc_b', '[{"_id": 1, "b": "hello"}, {"_id": 2, "b": {"0": "hello"}},
  {"_id": 3, "b": ["hello", "abc", "abc"]}]');
SELECT count(*) FROM docstore_create_many('np_mnc_c', '[{"_id": 42, "a": [["b"], ["c"]]}]');
SELECT count(*) FROM docstore_create_many('np_mnc_d', '[{"_id": 0, "f0": "zz", "f1": 5}, {"_id": 1, "f0": "zz", "f1": [3, 5]},
  {"_id": 4, "f0": "zz", "f1": [3, 5, [7, 9]]}, {"_id": 2, "f0": "zz", "f1": [[3, 5], [5, 7]]},
  {"_id": 3, "f0": "zz", "f1": [[[0], [3, 5]], [[0], [5, 7]]]}]');
SELECT count(*) FROM docstore_create_many('np_mnc_e1', '[{"_id": 1, "f1": [[42, 5], [77, 99]]}]');
SELECT count(*) FROM docstore_create_many('np_mnc_e2', '[{"_id": 1, "f1": [[42, 5], [77, 99]]}, {"_id": 2, "f1": {"0": [42, 5], "1": [77, 99]}}]');
SELECT count(*) FROM docstore_create_many('np_mnc_f1', '[{"_id": 1, "0": [42, 5]}]');
SELECT count(*) FROM docstore_create_many('np_mnc_f2', '[{"_id": 1, "0": [42, 5]}, {"_id": 2, "0": {"0": [42], "1": [5]}}]');
SELECT count(*) FROM docstore_create_many('np_mnc_g', '[{"_id": 1, "a": {"9223372036854776000": 42}},
  {"_id": 2, "a": {"9223372036854776000": [42]}}, {"_id": 3, "a": {"9223372036854776000": [0, 42]}},
  {"_id": 4, "a": {"9223372036854776000": [{"9223372036854776000": 42}]}}]');
INSERT INTO results VALUES
  ('match_numeric_components.js', '{"a.0":42} → 1, 2, 4, 5, 9', pg_temp.ids('np_mnc', '{"a.0": 42}') = '{1,2,4,5,9}'),
  ('match_numeric_components.js', '{"a.0":{"$ne":42}} → 0, 3, 6, 7, 8, 10 to 30',
   pg_temp.ids('np_mnc', '{"a.0": {"$ne": 42}}') = '{0,3,6,7,8,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30}'),
  ('match_numeric_components.js', '{"a.0.0":42} → 3, 4, 5, 6, 8, 9, 10, 12, 13, 17, 20, 21, 25',
   pg_temp.ids('np_mnc', '{"a.0.0": 42}') = '{3,4,5,6,8,9,10,12,13,17,20,21,25}'),
  ('match_numeric_components.js', '{"a.0":{"$gt":41}} → 1, 2, 4, 5, 9', pg_temp.ids('np_mnc', '{"a.0": {"$gt": 41}}') = '{1,2,4,5,9}'),
  ('match_numeric_components.js', '{"a.0":{"$in":[41,42,43]}} → 1, 2, 4, 5, 9', pg_temp.ids('np_mnc', '{"a.0": {"$in": [41, 42, 43]}}') = '{1,2,4,5,9}'),
  ('match_numeric_components.js', '{"a.0":{"$nin":[41,42,43]}} → 0, 3, 6, 7, 8, 10 to 30',
   pg_temp.ids('np_mnc', '{"a.0": {"$nin": [41, 42, 43]}}') = '{0,3,6,7,8,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30}'),
  ('match_numeric_components.js', '{"a.0":{"$exists":false}} → 0', pg_temp.ids('np_mnc', '{"a.0": {"$exists": false}}') = '{0}'),
  ('match_numeric_components.js', '{"a.0":{"$exists":true}} → 1 to 30',
   pg_temp.ids('np_mnc', '{"a.0": {"$exists": true}}') = '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30}'),
  ('match_numeric_components.js', '{"a":{"$elemMatch":{"0.0":{"$eq":42}}}} → 7, 8, 9, 10, 16, 17, 20, 21',
   pg_temp.ids('np_mnc', '{"a": {"$elemMatch": {"0.0": {"$eq": 42}}}}') = '{7,8,9,10,16,17,20,21}'),
  ('match_numeric_components.js', '{"_id":{"$lt":15},"a.0":{"$gt":41}} → 1, 2, 4, 5, 9', pg_temp.ids('np_mnc', '{"_id": {"$lt": 15}, "a.0": {"$gt": 41}}') = '{1,2,4,5,9}'),
  ('match_numeric_components.js', '{"a.0":{"$all":[42]}} → 1, 2, 4, 5, 9', pg_temp.ids('np_mnc', '{"a.0": {"$all": [42]}}') = '{1,2,4,5,9}'),
  ('match_numeric_components.js', '{"a.0":{"$all":[{"$elemMatch":{"0":42}}]}} → 7, 8, 11, 12, 15, 17, 19, 20, 23, 25',
   pg_temp.ids('np_mnc', '{"a.0": {"$all": [{"$elemMatch": {"0": 42}}]}}') = '{7,8,11,12,15,17,19,20,23,25}'),
  ('match_numeric_components.js', '{"a.0":{"$type":"number"}} → 1, 2, 4, 5, 9', pg_temp.ids('np_mnc', '{"a.0": {"$type": "number"}}') = '{1,2,4,5,9}'),
  ('match_numeric_components.js', '{"a.0":{"$mod":[42,0]}} → 1, 2, 4, 5, 9', pg_temp.ids('np_mnc', '{"a.0": {"$mod": [42, 0]}}') = '{1,2,4,5,9}'),
  ('match_numeric_components.js', '{"$or":[{"a.0":42},{"notARealField":123}]} → 1, 2, 4, 5, 9',
   pg_temp.ids('np_mnc', '{"$or": [{"a.0": 42}, {"notARealField": 123}]}') = '{1,2,4,5,9}'),
  ('match_numeric_components.js', '{"b.0":{"$regex":"hello"}} → 2, 3', pg_temp.ids('np_mnc_b', '{"b.0": {"$regex": "hello"}}') = '{2,3}'),
  ('match_numeric_components.js', '{"b.0":{"$all":[/^hello/]}} → 2, 3', pg_temp.ids('np_mnc_b', '{"b.0": {"$all": [{"$regex": "^hello"}]}}') = '{2,3}'),
  ('match_numeric_components.js', '{"b.0":{"$not":/^h/}} → 1', pg_temp.ids('np_mnc_b', '{"b.0": {"$not": {"$regex": "^h"}}}') = '{1}'),
  ('match_numeric_components.js', '{"a.0":{"$elemMatch":{"$in":["b"]}}} → 42', pg_temp.ids('np_mnc_c', '{"a.0": {"$elemMatch": {"$in": ["b"]}}}') = '{42}'),
  ('match_numeric_components.js', '{"f1.0":{"$elemMatch":{"$eq":5}}} → 2', pg_temp.ids('np_mnc_d', '{"f1.0": {"$elemMatch": {"$eq": 5}}}') = '{2}'),
  ('match_numeric_components.js', '{"f1.0":{"$elemMatch":{"$eq":[3,5]}}} → 3', pg_temp.ids('np_mnc_d', '{"f1.0": {"$elemMatch": {"$eq": [3, 5]}}}') = '{3}'),
  ('match_numeric_components.js', '{"f0":"zz","f1.0":{"$elemMatch":{"$eq":5}}} → 2', pg_temp.ids('np_mnc_d', '{"f0": "zz", "f1.0": {"$elemMatch": {"$eq": 5}}}') = '{2}'),
  ('match_numeric_components.js', '{"f1.0.1":{"$elemMatch":{"$eq":3}}} → 3', pg_temp.ids('np_mnc_d', '{"f1.0.1": {"$elemMatch": {"$eq": 3}}}') = '{3}'),
  ('match_numeric_components.js', '[[42,5],[77,99]]: {"f1.0":{"$elemMatch":{"$eq":5}}} → 1', pg_temp.ids('np_mnc_e1', '{"f1.0": {"$elemMatch": {"$eq": 5}}}') = '{1}'),
  ('match_numeric_components.js', '+ {"0":[42,5],"1":[77,99]}: {"f1.0":{"$elemMatch":{"$eq":5}}} → 1, 2', pg_temp.ids('np_mnc_e2', '{"f1.0": {"$elemMatch": {"$eq": 5}}}') = '{1,2}'),
  ('match_numeric_components.js', '{"0":[42,5]}: {"0":{"$elemMatch":{"$eq":5}}} → 1', pg_temp.ids('np_mnc_f1', '{"0": {"$elemMatch": {"$eq": 5}}}') = '{1}'),
  ('match_numeric_components.js', '+ {"0":{"0":[42],"1":[5]}}: {"0.1":{"$elemMatch":{"$eq":5}}} → 2', pg_temp.ids('np_mnc_f2', '{"0.1": {"$elemMatch": {"$eq": 5}}}') = '{2}'),
  ('match_numeric_components.js', '{"a.9223372036854776000":42} → 1, 2, 3', pg_temp.ids('np_mnc_g', '{"a.9223372036854776000": 42}') = '{1,2,3}'),
  ('match_numeric_components.js', '{"a.9223372036854776000.1":42} → 3', pg_temp.ids('np_mnc_g', '{"a.9223372036854776000.1": 42}') = '{3}'),
  ('match_numeric_components.js', '{"a.9223372036854776000.9223372036854776000":42} → 4', pg_temp.ids('np_mnc_g', '{"a.9223372036854776000.9223372036854776000": 42}') = '{4}');

-- jstests/core/query/array/array_match2.js @43b87324, array_match3.js @43b87324 (counts; one
-- document at a time for array_match2).
SELECT count(*) FROM docstore_create_many('np_am2_1', '[{"a": [{"1": 4}, 5]}]');
SELECT count(*) FROM docstore_create_many('np_am2_2', '[{"a": [{"1": {"foo": 4}}, {"foo": 5}]}]');
SELECT count(*) FROM docstore_create_many('np_am2_3', '[{"a": [{"1": {"foo": 4}}, {}]}]');
SELECT count(*) FROM docstore_create_many('np_am3', '[{"a": {"0": 5}}, {"a": [5]}]');
INSERT INTO results VALUES
  ('array_match2.js', '[{"1":4},5]: {"a.1":4} → count 1', pg_temp.n('np_am2_1', '{"a.1": 4}') = 1),
  ('array_match2.js', '[{"1":4},5]: {"a.1":5} → count 1', pg_temp.n('np_am2_1', '{"a.1": 5}') = 1),
  ('array_match2.js', '[{"1":{"foo":4}},{"foo":5}]: {"a.1.foo":4} → count 1', pg_temp.n('np_am2_2', '{"a.1.foo": 4}') = 1),
  ('array_match2.js', '[{"1":{"foo":4}},{"foo":5}]: {"a.1.foo":5} → count 1', pg_temp.n('np_am2_2', '{"a.1.foo": 5}') = 1),
  ('array_match2.js', '[{"1":{"foo":4}},{}]: {"a.1":{"$exists":true}} → count 1', pg_temp.n('np_am2_3', '{"a.1": {"$exists": true}}') = 1),
  ('array_match2.js', '[{"1":{"foo":4}},{}]: {"a.1.foo":{"$exists":true}} → count 1', pg_temp.n('np_am2_3', '{"a.1.foo": {"$exists": true}}') = 1),
  ('array_match3.js', '{"a":{"0":5}}, {"a":[5]}: {"a.0":5} → count 2', pg_temp.n('np_am3', '{"a.0": 5}') = 2);

-- jstests/core/query/array/array4.js @4be00f9a (regular expressions written {"$regex": …}; three
-- sets of documents).
SELECT count(*) FROM docstore_create_many('np_a4_1', '[{"_id": 0, "a": ["1", "2", "3"]}, {"_id": 1, "a": ["2", "1"]}]');
SELECT count(*) FROM docstore_create_many('np_a4_2', '[{"_id": 2, "a": {"0": "1"}}, {"_id": 3, "a": ["2", "1"]}]');
SELECT count(*) FROM docstore_create_many('np_a4_3', '[{"_id": 4, "a": ["0", "1", "2", "3", "4", "5", "6", "1", "1", "1", "2", "3", "2", "1"]},
  {"_id": 5, "a": ["2", "1"]}]');
INSERT INTO results VALUES
  ('array4.js', '{"a.0":/1/} → 0', pg_temp.ids('np_a4_1', '{"a.0": {"$regex": "1"}}') = '{0}'),
  ('array4.js', '{"a.0":/1/} on {"0":"1"} and ["2","1"] → 2', pg_temp.ids('np_a4_2', '{"a.0": {"$regex": "1"}}') = '{2}'),
  ('array4.js', '{"a.12":/2/} → 4', pg_temp.ids('np_a4_3', '{"a.12": {"$regex": "2"}}') = '{4}');

-- jstests/core/query/exists/exists8.js @43b87324 (each document alone in the collection; count 1
-- = match).
SELECT count(*) FROM docstore_create_many('np_ex8_1', '[{"a": [1]}]');
SELECT count(*) FROM docstore_create_many('np_ex8_2', '[{"a": [1, 2]}]');
SELECT count(*) FROM docstore_create_many('np_ex8_3', '[{"a": [{}]}]');
SELECT count(*) FROM docstore_create_many('np_ex8_4', '[{"a": [{}, {}]}]');
SELECT count(*) FROM docstore_create_many('np_ex8_5', '[{"a": [{"b": 2}, {"a": 1}]}]');
SELECT count(*) FROM docstore_create_many('np_ex8_6', '[{"a": [[1]]}]');
SELECT count(*) FROM docstore_create_many('np_ex8_7', '[{"a": [[[1]]]}]');
SELECT count(*) FROM docstore_create_many('np_ex8_8', '[{"a": [[{"b": 1}]]}]');
SELECT count(*) FROM docstore_create_many('np_ex8_9', '[{"a": [[], [{"b": 1}]]}]');
INSERT INTO results VALUES
  ('exists8.js', '[1]: {"a.0":{"$exists":true}} → count 1', pg_temp.n('np_ex8_1', '{"a.0": {"$exists": true}}') = 1),
  ('exists8.js', '[1]: {"a.1":{"$exists":false}} → count 1', pg_temp.n('np_ex8_1', '{"a.1": {"$exists": false}}') = 1),
  ('exists8.js', '[1]: {"a.0":{"$exists":false}} → count 0', pg_temp.n('np_ex8_1', '{"a.0": {"$exists": false}}') = 0),
  ('exists8.js', '[1]: {"a.1":{"$exists":true}} → count 0', pg_temp.n('np_ex8_1', '{"a.1": {"$exists": true}}') = 0),
  ('exists8.js', '[1,2]: {"a.0":{"$exists":true}} → count 1', pg_temp.n('np_ex8_2', '{"a.0": {"$exists": true}}') = 1),
  ('exists8.js', '[1,2]: {"a.1":{"$exists":false}} → count 0', pg_temp.n('np_ex8_2', '{"a.1": {"$exists": false}}') = 0),
  ('exists8.js', '[1,2]: {"a.0":{"$exists":false}} → count 0', pg_temp.n('np_ex8_2', '{"a.0": {"$exists": false}}') = 0),
  ('exists8.js', '[1,2]: {"a.1":{"$exists":true}} → count 1', pg_temp.n('np_ex8_2', '{"a.1": {"$exists": true}}') = 1),
  ('exists8.js', '[{}]: {"a.0":{"$exists":true}} → count 1', pg_temp.n('np_ex8_3', '{"a.0": {"$exists": true}}') = 1),
  ('exists8.js', '[{}]: {"a.1":{"$exists":false}} → count 1', pg_temp.n('np_ex8_3', '{"a.1": {"$exists": false}}') = 1),
  ('exists8.js', '[{}]: {"a.0":{"$exists":false}} → count 0', pg_temp.n('np_ex8_3', '{"a.0": {"$exists": false}}') = 0),
  ('exists8.js', '[{}]: {"a.1":{"$exists":true}} → count 0', pg_temp.n('np_ex8_3', '{"a.1": {"$exists": true}}') = 0),
  ('exists8.js', '[{},{}]: {"a.0":{"$exists":true}} → count 1', pg_temp.n('np_ex8_4', '{"a.0": {"$exists": true}}') = 1),
  ('exists8.js', '[{},{}]: {"a.1":{"$exists":false}} → count 0', pg_temp.n('np_ex8_4', '{"a.1": {"$exists": false}}') = 0),
  ('exists8.js', '[{},{}]: {"a.0":{"$exists":false}} → count 0', pg_temp.n('np_ex8_4', '{"a.0": {"$exists": false}}') = 0),
  ('exists8.js', '[{},{}]: {"a.1":{"$exists":true}} → count 1', pg_temp.n('np_ex8_4', '{"a.1": {"$exists": true}}') = 1),
  ('exists8.js', '[{"b":2},{"a":1}]: {"a.a":{"$exists":true}} → count 1', pg_temp.n('np_ex8_5', '{"a.a": {"$exists": true}}') = 1),
  ('exists8.js', '[{"b":2},{"a":1}]: {"a.1.a":{"$exists":true}} → count 1', pg_temp.n('np_ex8_5', '{"a.1.a": {"$exists": true}}') = 1),
  ('exists8.js', '[{"b":2},{"a":1}]: {"a.0.a":{"$exists":false}} → count 1', pg_temp.n('np_ex8_5', '{"a.0.a": {"$exists": false}}') = 1),
  ('exists8.js', '[[1]]: {"a.0":{"$exists":true}} → count 1', pg_temp.n('np_ex8_6', '{"a.0": {"$exists": true}}') = 1),
  ('exists8.js', '[[1]]: {"a.0.0":{"$exists":true}} → count 1', pg_temp.n('np_ex8_6', '{"a.0.0": {"$exists": true}}') = 1),
  ('exists8.js', '[[1]]: {"a.0.0":{"$exists":false}} → count 0', pg_temp.n('np_ex8_6', '{"a.0.0": {"$exists": false}}') = 0),
  ('exists8.js', '[[1]]: {"a.0.0.0":{"$exists":true}} → count 0', pg_temp.n('np_ex8_6', '{"a.0.0.0": {"$exists": true}}') = 0),
  ('exists8.js', '[[1]]: {"a.0.0.0":{"$exists":false}} → count 1', pg_temp.n('np_ex8_6', '{"a.0.0.0": {"$exists": false}}') = 1),
  ('exists8.js', '[[[1]]]: {"a.0.0.0":{"$exists":true}} → count 1', pg_temp.n('np_ex8_7', '{"a.0.0.0": {"$exists": true}}') = 1),
  ('exists8.js', '[[{"b":1}]]: {"a.b":{"$exists":true}} → count 0', pg_temp.n('np_ex8_8', '{"a.b": {"$exists": true}}') = 0),
  ('exists8.js', '[[{"b":1}]]: {"a.b":{"$exists":false}} → count 1', pg_temp.n('np_ex8_8', '{"a.b": {"$exists": false}}') = 1),
  ('exists8.js', '[[{"b":1}]]: {"a.0.b":{"$exists":true}} → count 1', pg_temp.n('np_ex8_8', '{"a.0.b": {"$exists": true}}') = 1),
  ('exists8.js', '[[{"b":1}]]: {"a.0.b":{"$exists":false}} → count 0', pg_temp.n('np_ex8_8', '{"a.0.b": {"$exists": false}}') = 0),
  ('exists8.js', '[[],[{"b":1}]]: {"a.0.b":{"$exists":true}} → count 0', pg_temp.n('np_ex8_9', '{"a.0.b": {"$exists": true}}') = 0),
  ('exists8.js', '[[],[{"b":1}]]: {"a.0.b":{"$exists":false}} → count 1', pg_temp.n('np_ex8_9', '{"a.0.b": {"$exists": false}}') = 1),
  ('exists8.js', '[[],[{"b":1}]]: {"a.1.b":{"$exists":true}} → count 1', pg_temp.n('np_ex8_9', '{"a.1.b": {"$exists": true}}') = 1),
  ('exists8.js', '[[],[{"b":1}]]: {"a.1.b":{"$exists":false}} → count 0', pg_temp.n('np_ex8_9', '{"a.1.b": {"$exists": false}}') = 0),
  ('exists8.js', '[[],[{"b":1}]]: {"a.1.0.b":{"$exists":true}} → count 1', pg_temp.n('np_ex8_9', '{"a.1.0.b": {"$exists": true}}') = 1),
  ('exists8.js', '[[],[{"b":1}]]: {"a.1.0.b":{"$exists":false}} → count 0', pg_temp.n('np_ex8_9', '{"a.1.0.b": {"$exists": false}}') = 0),
  ('exists8.js', '[[],[{"b":1}]]: {"a.1.1.b":{"$exists":true}} → count 0', pg_temp.n('np_ex8_9', '{"a.1.1.b": {"$exists": true}}') = 0),
  ('exists8.js', '[[],[{"b":1}]]: {"a.1.1.b":{"$exists":false}} → count 1', pg_temp.n('np_ex8_9', '{"a.1.1.b": {"$exists": false}}') = 1);

-- jstests/aggregation/sources/match/dotted_numeric_path.js @0b12606a ($match, then $count).
SELECT count(*) FROM docstore_create_many('np_dnp', '[{"_id": 1, "quizzes": [{"score": 100}]}, {"_id": 2, "quizzes": [{"score": 200}]}]');
INSERT INTO results VALUES
  ('dotted_numeric_path.js', '{"quizzes.0.score":{"$gt":0}} → count 2', pg_temp.n('np_dnp', '{"quizzes.0.score": {"$gt": 0}}') = 2);

-- MongoDB manual, "Query an Array" and "Query an Array of Embedded Documents" (mongodb/docs
-- source/tutorial/query-arrays.txt, …); the counts are asserted by PyMongo test/test_examples.py
-- (mongodb/mongo-python-driver @00b67265, Examples 20 to 37, included into those pages).
SELECT count(*) FROM docstore_create_many('np_inv_arr', '[
  {"item": "journal", "qty": 25, "tags": ["blank", "red"], "dim_cm": [14, 21]},
  {"item": "notebook", "qty": 50, "tags": ["red", "blank"], "dim_cm": [14, 21]},
  {"item": "paper", "qty": 100, "tags": ["red", "blank", "plain"], "dim_cm": [14, 21]},
  {"item": "planner", "qty": 75, "tags": ["blank", "red"], "dim_cm": [22.85, 30]},
  {"item": "postcard", "qty": 45, "tags": ["blue"], "dim_cm": [10, 15.25]}]');
SELECT count(*) FROM docstore_create_many('np_inv_emb', '[
  {"item": "journal", "instock": [{"warehouse": "A", "qty": 5}, {"warehouse": "C", "qty": 15}]},
  {"item": "notebook", "instock": [{"warehouse": "C", "qty": 5}]},
  {"item": "paper", "instock": [{"warehouse": "A", "qty": 60}, {"warehouse": "B", "qty": 15}]},
  {"item": "planner", "instock": [{"warehouse": "A", "qty": 40}, {"warehouse": "B", "qty": 5}]},
  {"item": "postcard", "instock": [{"warehouse": "B", "qty": 15}, {"warehouse": "C", "qty": 35}]}]');
INSERT INTO results VALUES
  ('manual query arrays', 'Ex. 21 {"tags":["red","blank"]} → count 1', pg_temp.n('np_inv_arr', '{"tags": ["red", "blank"]}') = 1),
  ('manual query arrays', 'Ex. 22 {"tags":{"$all":["red","blank"]}} → count 4', pg_temp.n('np_inv_arr', '{"tags": {"$all": ["red", "blank"]}}') = 4),
  ('manual query arrays', 'Ex. 23 {"tags":"red"} → count 4', pg_temp.n('np_inv_arr', '{"tags": "red"}') = 4),
  ('manual query arrays', 'Ex. 24 {"dim_cm":{"$gt":25}} → count 1', pg_temp.n('np_inv_arr', '{"dim_cm": {"$gt": 25}}') = 1),
  ('manual query arrays', 'Ex. 25 {"dim_cm":{"$gt":15,"$lt":20}} → count 4', pg_temp.n('np_inv_arr', '{"dim_cm": {"$gt": 15, "$lt": 20}}') = 4),
  ('manual query arrays', 'Ex. 26 {"dim_cm":{"$elemMatch":{"$gt":22,"$lt":30}}} → count 1', pg_temp.n('np_inv_arr', '{"dim_cm": {"$elemMatch": {"$gt": 22, "$lt": 30}}}') = 1),
  ('manual query arrays', 'Ex. 27 {"dim_cm.1":{"$gt":25}} → count 1', pg_temp.n('np_inv_arr', '{"dim_cm.1": {"$gt": 25}}') = 1),
  ('manual query arrays', 'Ex. 28 {"tags":{"$size":3}} → count 1', pg_temp.n('np_inv_arr', '{"tags": {"$size": 3}}') = 1),
  ('manual query arrays', 'Ex. 30 {"instock":{"warehouse":"A","qty":5}} → count 1', pg_temp.n('np_inv_emb', '{"instock": {"warehouse": "A", "qty": 5}}') = 1),
  ('manual query arrays', 'Ex. 31 {"instock":{"qty":5,"warehouse":"A"}} → count 0 (field order)', pg_temp.n('np_inv_emb', '{"instock": {"qty": 5, "warehouse": "A"}}') = 0),
  ('manual query arrays', 'Ex. 32 {"instock.0.qty":{"$lte":20}} → count 3', pg_temp.n('np_inv_emb', '{"instock.0.qty": {"$lte": 20}}') = 3),
  ('manual query arrays', 'Ex. 33 {"instock.qty":{"$lte":20}} → count 5', pg_temp.n('np_inv_emb', '{"instock.qty": {"$lte": 20}}') = 5),
  ('manual query arrays', 'Ex. 34 {"instock":{"$elemMatch":{"qty":5,"warehouse":"A"}}} → count 1', pg_temp.n('np_inv_emb', '{"instock": {"$elemMatch": {"qty": 5, "warehouse": "A"}}}') = 1),
  ('manual query arrays', 'Ex. 35 {"instock":{"$elemMatch":{"qty":{"$gt":10,"$lte":20}}}} → count 3', pg_temp.n('np_inv_emb', '{"instock": {"$elemMatch": {"qty": {"$gt": 10, "$lte": 20}}}}') = 3),
  ('manual query arrays', 'Ex. 36 {"instock.qty":{"$gt":10,"$lte":20}} → count 4', pg_temp.n('np_inv_emb', '{"instock.qty": {"$gt": 10, "$lte": 20}}') = 4),
  ('manual query arrays', 'Ex. 37 {"instock.qty":5,"instock.warehouse":"A"} → count 2', pg_temp.n('np_inv_emb', '{"instock.qty": 5, "instock.warehouse": "A"}') = 2);

-------------------------------------------------------------------------------------------------
-- Sorts on fields that hold arrays (results in order). The documents are created in _id order.
-------------------------------------------------------------------------------------------------

-- jstests/core/query/sort/sort_array.js @07c8efab.
SELECT count(*) FROM docstore_create_many('so_sa1', '[{"_id": 0, "a": [3, 0, 1]}, {"_id": 1, "a": [8, 4, -1]}]');
SELECT count(*) FROM docstore_create_many('so_sa2', '[{"_id": 0, "a": [3, 0, 1]}, {"_id": 1, "a": [0, 4, -1]}]');
SELECT count(*) FROM docstore_create_many('so_sa3', '[{"_id": 0, "x": [{"y": [4, 0, 1], "z": 7}, {"y": 0, "z": 9}]},
  {"_id": 1, "x": [{"y": 1, "z": 7}, {"y": 0, "z": [8, 6]}]}]');
SELECT count(*) FROM docstore_create_many('so_sa4', '[{"_id": 0, "d": 3, "e": [1, 2, 3]}, {"_id": 1, "d": [0, 4, -1], "e": 4}]');
SELECT count(*) FROM docstore_create_many('so_sa5', '[
  {"_id": 0, "a": 1, "b": {"c": 1}, "d": [{"e": {"f": 1, "g": [6, 5, 4]}}, {"e": {"g": [3, 2, 1]}}]},
  {"_id": 1, "a": 2, "b": {"c": 2}, "d": [{"e": {"f": 2, "g": [5, 4, 3]}}, {"e": {"g": [2, 1, 0]}}]}]');
SELECT count(*) FROM docstore_create_many('so_sa6', '[{"_id": 0, "a": [{"b": 2, "c": 0}, {"b": 1, "c": 4}]},
  {"_id": 1, "a": [{"b": 1, "c": 5}, {"b": 2, "c": 1}]}, {"_id": 2, "a": [{"b": 1, "c": 2}, {"b": 2, "c": 3}]}]');
SELECT count(*) FROM docstore_create_many('so_sa7', '[{"_id": 0, "a": [{"x": 2}]}, {"_id": 1, "a": [{"x": 1}]}, {"_id": 2, "a": [{"x": 3}]}]');
SELECT count(*) FROM docstore_create_many('so_sa8', '[{"_id": 0, "a": [{"x": 2}, {"x": 3}]}, {"_id": 1, "a": [{"x": 1}, {"x": 4}]},
  {"_id": 2, "a": [{"x": 3}, {"x": 4}]}]');
INSERT INTO results VALUES
  ('sort_array.js', '{"a":{"$gte":2}} sort {"a":1} → 1, 0', pg_temp.order('so_sa1', '{"a": {"$gte": 2}}', '{"a": 1}') = '{1,0}'),
  ('sort_array.js', '{"a":{"$gte":2}} sort {"a":-1} → 1, 0', pg_temp.order('so_sa2', '{"a": {"$gte": 2}}', '{"a": -1}') = '{1,0}'),
  ('sort_array.js', '{} sort {"a":-1} → 1, 0', pg_temp.order('so_sa2', '{}', '{"a": -1}') = '{1,0}'),
  ('sort_array.js', '{} sort {"a":1} → 1, 0', pg_temp.order('so_sa2', '{}', '{"a": 1}') = '{1,0}'),
  ('sort_array.js', '{} sort {"x.y":1,"x.z":-1} → 0, 1', pg_temp.order('so_sa3', '{}', '[{"x.y": 1}, {"x.z": -1}]') = '{0,1}'),
  ('sort_array.js', '{} sort {"x.y":-1,"x.z":1} → 0, 1', pg_temp.order('so_sa3', '{}', '[{"x.y": -1}, {"x.z": 1}]') = '{0,1}'),
  ('sort_array.js', '{"x.y":1} sort {"x.z":-1} → 0, 1', pg_temp.order('so_sa3', '{"x.y": 1}', '{"x.z": -1}') = '{0,1}'),
  ('sort_array.js', '{"x.y":1} sort {"x.y":-1} → 0, 1', pg_temp.order('so_sa3', '{"x.y": 1}', '{"x.y": -1}') = '{0,1}'),
  ('sort_array.js', '{"x.y":1,"x.z":1} sort {"x.y":-1,"x.z":-1} → none', pg_temp.order('so_sa3', '{"x.y": 1, "x.z": 1}', '[{"x.y": -1}, {"x.z": -1}]') = '{}'),
  ('sort_array.js', '{"x.y":1} sort {"x":-1} → 0, 1', pg_temp.order('so_sa3', '{"x.y": 1}', '{"x": -1}') = '{0,1}'),
  ('sort_array.js', '{"d":1} sort {"e":1} → none', pg_temp.order('so_sa4', '{"d": 1}', '{"e": 1}') = '{}'),
  ('sort_array.js', '{} sort {"d.e.g":1} → 1, 0', pg_temp.order('so_sa5', '{}', '{"d.e.g": 1}') = '{1,0}'),
  ('sort_array.js', '{"a.b":1} sort {"a.c":1} → 0, 1, 2', pg_temp.order('so_sa6', '{"a.b": 1}', '{"a.c": 1}') = '{0,1,2}'),
  ('sort_array.js', '[{"x":2}], [{"x":1}], [{"x":3}]: sort {"a.x":1} → 1, 0, 2', pg_temp.order('so_sa7', '{}', '{"a.x": 1}') = '{1,0,2}'),
  ('sort_array.js', '[{"x":2},{"x":3}], [{"x":1},{"x":4}], [{"x":3},{"x":4}]: sort {"a.x":1} → 1, 0, 2', pg_temp.order('so_sa8', '{}', '{"a.x": 1}') = '{1,0,2}');

-- jstests/core/query/sort/sort_dotted_paths.js @b6fcc56b, blocks A, B, D, E, F, G, H (block C
-- and the parallel arrays of sort_dotted_paths_parallel_arrays.js are errors in MongoDB: left
-- out). Block A: _id 2 (a: undefined) and 9 (a: [undefined]) have no JSON form; leaving them out
-- of the test's lists keeps the order of the others. Blocks E and F sort on two paths under the
-- same array, which MongoDB keys element by element jointly, like a compound multikey index.
SELECT count(*) FROM docstore_create_many('so_sda', '[{"_id": 1, "a": 1}, {"_id": 3, "a": null}, {"_id": 4, "a": {}},
  {"_id": 5, "a": []}, {"_id": 6, "a": [1]}, {"_id": 7, "a": [[1]]}, {"_id": 8}]');
SELECT count(*) FROM docstore_create_many('so_sdb', '[{"_id": 1, "a": 1, "b": [2]}, {"_id": 2, "a": 2, "b": []},
  {"_id": 3, "a": [], "b": 4}, {"_id": 4, "a": [1], "b": 4}, {"_id": 5, "a": [2, 3], "b": 2}, {"_id": 6, "a": 2, "b": [3, 5]},
  {"_id": 7, "a": 1, "b": [1, 3]}, {"_id": 8, "a": [1, 2], "b": 3}, {"_id": 9, "a": 2, "b": 3}]');
SELECT count(*) FROM docstore_create_many('so_sdd', '[{"_id": 1, "a": {"b": 2}}, {"_id": 2, "a": {"b": []}}, {"_id": 3, "a": {"b": [2, 3]}},
  {"_id": 4, "a": {"c": 1}}, {"_id": 5, "a": []}, {"_id": 6, "a": [{"b": [5]}]}, {"_id": 7, "a": [{"b": [4, 5]}, {"b": 7}]},
  {"_id": 8, "a": [{"b": [1, 3]}, {"b": [2, 5]}]}, {"_id": 9, "a": [{"b": []}, {"b": [1, 3]}]}]');
SELECT count(*) FROM docstore_create_many('so_sde', '[{"_id": 1, "a": [{"b": 4, "c": 1}, {"b": 1, "c": 2}]},
  {"_id": 2, "a": [{"b": 2, "c": 1}, {"b": 4, "c": 2}]}, {"_id": 3, "a": [{"b": 6, "c": 1}, {"b": 9, "c": 2}]},
  {"_id": 4, "a": [{"b": 4, "c": 1}, {"b": 5, "c": 3}]}, {"_id": 5, "a": [{"b": 2, "c": 1}, {"b": 7, "c": 3}]},
  {"_id": 6, "a": [{"b": 5, "c": 1}, {"b": 3, "c": 3}]}, {"_id": 7, "a": [{"b": 7, "c": 2}, {"b": 2, "c": 3}]},
  {"_id": 8, "a": [{"b": 3, "c": 2}, {"b": 8, "c": 3}]}, {"_id": 9, "a": [{"b": 8, "c": 2}, {"b": 6, "c": 3}]}]');
SELECT count(*) FROM docstore_create_many('so_sdf', '[{"_id": 1, "a": [{"b": [4, 1], "c": 1}, {"b": [1, 5], "c": 2}]},
  {"_id": 2, "a": [{"b": 2, "c": [1, 3]}, {"b": 4, "c": [2, 4]}]}, {"_id": 3, "a": [{"b": [6, 4], "c": 1}, {"b": [9, 7], "c": 2}]},
  {"_id": 4, "a": [{"b": 4, "c": [1, 2]}, {"b": 5, "c": [3, 2]}]}, {"_id": 5, "a": [{"b": [2, 3], "c": 1}, {"b": [7, 6], "c": 3}]},
  {"_id": 6, "a": [{"b": 5, "c": []}, {"b": 3, "c": 3}]}, {"_id": 7, "a": [{"b": [], "c": 2}, {"b": 2, "c": 3}]},
  {"_id": 8, "a": [{"b": 3, "c": [2]}, {"b": 8, "c": [3]}]}, {"_id": 9, "a": [{"b": [8], "c": 2}, {"b": [6], "c": 3}]}]');
SELECT count(*) FROM docstore_create_many('so_sdg', '[{"_id": 1, "a": {"b": 1}, "c": [{"d": [4, 1]}, {"d": [1, 5]}]},
  {"_id": 2, "a": [{"b": [1, 3]}, {"b": [2, 4]}], "c": {"d": 2}}, {"_id": 3, "a": {"b": 1}, "c": [{"d": [6, 4]}, {"d": [9, 7]}]},
  {"_id": 4, "a": [{"b": [2]}, {"b": [3, 2]}], "c": {"d": 4}}, {"_id": 5, "a": {"b": 1}, "c": [{"d": [2, 3]}, {"d": [7, 6]}]},
  {"_id": 6, "a": [{"b": []}, {"b": 3}], "c": {"d": 4}}, {"_id": 7, "a": {"b": 2}, "c": [{"d": []}, {"d": 2}]},
  {"_id": 8, "a": [{"b": [2]}, {"b": [3]}], "c": {"d": 3}}, {"_id": 9, "a": {"b": 3}, "c": [{"d": [8]}, {"d": [6]}]}]');
SELECT count(*) FROM docstore_create_many('so_sdh', '[{"_id": 1, "a": {"b": {"c": 2}}}, {"_id": 2, "a": {"b": {"c": []}}},
  {"_id": 3, "a": [{"b": []}, {"b": {"c": []}}]}, {"_id": 4, "a": [{"b": {"c": 1}}]}, {"_id": 5, "a": {"b": [{"c": 3}, {"d": 1}]}},
  {"_id": 6, "a": {"b": [{"c": [5]}]}}, {"_id": 7, "a": []}, {"_id": 8, "a": {"b": [{"c": [1, 3]}, {"c": [2, 5]}]}},
  {"_id": 9, "a": [{"b": [{"c": []}, {"c": [1, 3]}]}]}]');
INSERT INTO results VALUES
  ('sort_dotted_paths.js', 'A sort {"a":1,"_id":1} → 5, 3, 8, 1, 6, 4, 7', pg_temp.order('so_sda', '{}', '[{"a": 1}, {"_id": 1}]') = '{5,3,8,1,6,4,7}'),
  ('sort_dotted_paths.js', 'A sort {"a":-1,"_id":1} → 7, 4, 1, 6, 3, 8, 5', pg_temp.order('so_sda', '{}', '[{"a": -1}, {"_id": 1}]') = '{7,4,1,6,3,8,5}'),
  ('sort_dotted_paths.js', 'B sort {"a":1,"b":1,"_id":1} → 3, 7, 1, 8, 4, 2, 5, 6, 9', pg_temp.order('so_sdb', '{}', '[{"a": 1}, {"b": 1}, {"_id": 1}]') = '{3,7,1,8,4,2,5,6,9}'),
  ('sort_dotted_paths.js', 'B sort {"a":1,"b":-1,"_id":1} → 3, 4, 7, 8, 1, 6, 9, 5, 2', pg_temp.order('so_sdb', '{}', '[{"a": 1}, {"b": -1}, {"_id": 1}]') = '{3,4,7,8,1,6,9,5,2}'),
  ('sort_dotted_paths.js', 'B sort {"a":-1,"b":1,"_id":1} → 5, 2, 6, 8, 9, 7, 1, 4, 3', pg_temp.order('so_sdb', '{}', '[{"a": -1}, {"b": 1}, {"_id": 1}]') = '{5,2,6,8,9,7,1,4,3}'),
  ('sort_dotted_paths.js', 'B sort {"a":-1,"b":-1,"_id":1} → 5, 6, 8, 9, 2, 4, 7, 1, 3', pg_temp.order('so_sdb', '{}', '[{"a": -1}, {"b": -1}, {"_id": 1}]') = '{5,6,8,9,2,4,7,1,3}'),
  ('sort_dotted_paths.js', 'D sort {"a.b":1,"_id":1} → 2, 9, 4, 5, 8, 1, 3, 7, 6', pg_temp.order('so_sdd', '{}', '[{"a.b": 1}, {"_id": 1}]') = '{2,9,4,5,8,1,3,7,6}'),
  ('sort_dotted_paths.js', 'D sort {"a.b":1,"_id":-1} → 9, 2, 5, 4, 8, 3, 1, 7, 6', pg_temp.order('so_sdd', '{}', '[{"a.b": 1}, {"_id": -1}]') = '{9,2,5,4,8,3,1,7,6}'),
  ('sort_dotted_paths.js', 'D sort {"a.b":-1,"_id":1} → 7, 6, 8, 3, 9, 1, 4, 5, 2', pg_temp.order('so_sdd', '{}', '[{"a.b": -1}, {"_id": 1}]') = '{7,6,8,3,9,1,4,5,2}'),
  ('sort_dotted_paths.js', 'D sort {"a.b":-1,"_id":-1} → 7, 8, 6, 9, 3, 1, 5, 4, 2', pg_temp.order('so_sdd', '{}', '[{"a.b": -1}, {"_id": -1}]') = '{7,8,6,9,3,1,5,4,2}'),
  ('sort_dotted_paths.js', 'E sort {"a.c":1,"a.b":1,"_id":1} → 2, 5, 1, 4, 6, 3, 8, 7, 9', pg_temp.order('so_sde', '{}', '[{"a.c": 1}, {"a.b": 1}, {"_id": 1}]') = '{2,5,1,4,6,3,8,7,9}'),
  ('sort_dotted_paths.js', 'E sort {"a.c":1,"a.b":-1,"_id":1} → 3, 6, 1, 4, 2, 5, 9, 7, 8', pg_temp.order('so_sde', '{}', '[{"a.c": 1}, {"a.b": -1}, {"_id": 1}]') = '{3,6,1,4,2,5,9,7,8}'),
  ('sort_dotted_paths.js', 'E sort {"a.c":-1,"a.b":1,"_id":1} → 7, 6, 4, 9, 5, 8, 1, 2, 3', pg_temp.order('so_sde', '{}', '[{"a.c": -1}, {"a.b": 1}, {"_id": 1}]') = '{7,6,4,9,5,8,1,2,3}'),
  ('sort_dotted_paths.js', 'E sort {"a.c":-1,"a.b":-1,"_id":1} → 8, 5, 9, 4, 6, 7, 3, 2, 1', pg_temp.order('so_sde', '{}', '[{"a.c": -1}, {"a.b": -1}, {"_id": 1}]') = '{8,5,9,4,6,7,3,2,1}'),
  ('sort_dotted_paths.js', 'E sort {"a.c":1,"a":1,"_id":1} → 2, 5, 1, 4, 6, 3, 8, 7, 9', pg_temp.order('so_sde', '{}', '[{"a.c": 1}, {"a": 1}, {"_id": 1}]') = '{2,5,1,4,6,3,8,7,9}'),
  ('sort_dotted_paths.js', 'E sort {"a.c":1,"a":-1,"_id":1} → 3, 6, 1, 4, 2, 5, 9, 7, 8', pg_temp.order('so_sde', '{}', '[{"a.c": 1}, {"a": -1}, {"_id": 1}]') = '{3,6,1,4,2,5,9,7,8}'),
  ('sort_dotted_paths.js', 'E sort {"a.c":-1,"a":1,"_id":1} → 7, 6, 4, 9, 5, 8, 1, 2, 3', pg_temp.order('so_sde', '{}', '[{"a.c": -1}, {"a": 1}, {"_id": 1}]') = '{7,6,4,9,5,8,1,2,3}'),
  ('sort_dotted_paths.js', 'E sort {"a.c":-1,"a":-1,"_id":1} → 8, 5, 9, 4, 6, 7, 3, 2, 1', pg_temp.order('so_sde', '{}', '[{"a.c": -1}, {"a": -1}, {"_id": 1}]') = '{8,5,9,4,6,7,3,2,1}'),
  ('sort_dotted_paths.js', 'F sort {"a.c":1,"a.b":1,"_id":1} → 6, 1, 2, 5, 3, 4, 7, 8, 9', pg_temp.order('so_sdf', '{}', '[{"a.c": 1}, {"a.b": 1}, {"_id": 1}]') = '{6,1,2,5,3,4,7,8,9}'),
  ('sort_dotted_paths.js', 'F sort {"a.c":1,"a.b":-1,"_id":1} → 6, 3, 1, 4, 5, 2, 9, 8, 7', pg_temp.order('so_sdf', '{}', '[{"a.c": 1}, {"a.b": -1}, {"_id": 1}]') = '{6,3,1,4,5,2,9,8,7}'),
  ('sort_dotted_paths.js', 'F sort {"a.c":-1,"a.b":1,"_id":1} → 2, 7, 6, 4, 5, 9, 8, 1, 3', pg_temp.order('so_sdf', '{}', '[{"a.c": -1}, {"a.b": 1}, {"_id": 1}]') = '{2,7,6,4,5,9,8,1,3}'),
  ('sort_dotted_paths.js', 'F sort {"a.c":-1,"a.b":-1,"_id":1} → 2, 8, 5, 9, 4, 6, 7, 3, 1', pg_temp.order('so_sdf', '{}', '[{"a.c": -1}, {"a.b": -1}, {"_id": 1}]') = '{2,8,5,9,4,6,7,3,1}'),
  ('sort_dotted_paths.js', 'F sort {"a.b":1,"a":1,"_id":1} → 7, 1, 2, 5, 6, 8, 4, 3, 9', pg_temp.order('so_sdf', '{}', '[{"a.b": 1}, {"a": 1}, {"_id": 1}]') = '{7,1,2,5,6,8,4,3,9}'),
  ('sort_dotted_paths.js', 'F sort {"a.b":1,"a":-1,"_id":1} → 7, 1, 5, 2, 8, 6, 3, 4, 9', pg_temp.order('so_sdf', '{}', '[{"a.b": 1}, {"a": -1}, {"_id": 1}]') = '{7,1,5,2,8,6,3,4,9}'),
  ('sort_dotted_paths.js', 'F sort {"a.b":-1,"a":1,"_id":1} → 3, 8, 9, 5, 6, 4, 1, 2, 7', pg_temp.order('so_sdf', '{}', '[{"a.b": -1}, {"a": 1}, {"_id": 1}]') = '{3,8,9,5,6,4,1,2,7}'),
  ('sort_dotted_paths.js', 'F sort {"a.b":-1,"a":-1,"_id":1} → 3, 9, 8, 5, 1, 4, 6, 2, 7', pg_temp.order('so_sdf', '{}', '[{"a.b": -1}, {"a": -1}, {"_id": 1}]') = '{3,9,8,5,1,4,6,2,7}'),
  ('sort_dotted_paths.js', 'G sort {"a.b":1,"c.d":1,"_id":1} → 6, 1, 2, 5, 3, 7, 8, 4, 9', pg_temp.order('so_sdg', '{}', '[{"a.b": 1}, {"c.d": 1}, {"_id": 1}]') = '{6,1,2,5,3,7,8,4,9}'),
  ('sort_dotted_paths.js', 'G sort {"a.b":1,"c.d":-1,"_id":1} → 6, 3, 5, 1, 2, 4, 8, 7, 9', pg_temp.order('so_sdg', '{}', '[{"a.b": 1}, {"c.d": -1}, {"_id": 1}]') = '{6,3,5,1,2,4,8,7,9}'),
  ('sort_dotted_paths.js', 'G sort {"a.b":-1,"c.d":1,"_id":1} → 2, 8, 4, 6, 9, 7, 1, 5, 3', pg_temp.order('so_sdg', '{}', '[{"a.b": -1}, {"c.d": 1}, {"_id": 1}]') = '{2,8,4,6,9,7,1,5,3}'),
  ('sort_dotted_paths.js', 'G sort {"a.b":-1,"c.d":-1,"_id":1} → 2, 9, 4, 6, 8, 7, 3, 5, 1', pg_temp.order('so_sdg', '{}', '[{"a.b": -1}, {"c.d": -1}, {"_id": 1}]') = '{2,9,4,6,8,7,3,5,1}'),
  ('sort_dotted_paths.js', 'H sort {"a.b.c":1,"_id":1} → 2, 3, 9, 5, 7, 4, 8, 1, 6', pg_temp.order('so_sdh', '{}', '[{"a.b.c": 1}, {"_id": 1}]') = '{2,3,9,5,7,4,8,1,6}'),
  ('sort_dotted_paths.js', 'H sort {"a.b.c":1,"_id":-1} → 9, 3, 2, 7, 5, 8, 4, 1, 6', pg_temp.order('so_sdh', '{}', '[{"a.b.c": 1}, {"_id": -1}]') = '{9,3,2,7,5,8,4,1,6}'),
  ('sort_dotted_paths.js', 'H sort {"a.b.c":-1,"_id":1} → 6, 8, 5, 9, 1, 4, 3, 7, 2', pg_temp.order('so_sdh', '{}', '[{"a.b.c": -1}, {"_id": 1}]') = '{6,8,5,9,1,4,3,7,2}'),
  ('sort_dotted_paths.js', 'H sort {"a.b.c":-1,"_id":-1} → 8, 6, 9, 5, 1, 4, 7, 3, 2', pg_temp.order('so_sdh', '{}', '[{"a.b.c": -1}, {"_id": -1}]') = '{8,6,9,5,1,4,7,3,2}');

-- jstests/core/query/sort/sort_dotted_paths_numeric.js @591928c6: sorts on "a.0" and "a.0.b", over
-- sort_dotted_paths.js's block A (without _id 2 and 9, as above) and block F documents.
SELECT count(*) FROM docstore_create_many('so_sdn_a', '[{"_id": 1, "a": 1}, {"_id": 3, "a": null}, {"_id": 4, "a": {}},
  {"_id": 5, "a": []}, {"_id": 6, "a": [1]}, {"_id": 7, "a": [[1]]}, {"_id": 8}]');
SELECT count(*) FROM docstore_create_many('so_sdn_f', '[{"_id": 1, "a": [{"b": [4, 1], "c": 1}, {"b": [1, 5], "c": 2}]},
  {"_id": 2, "a": [{"b": 2, "c": [1, 3]}, {"b": 4, "c": [2, 4]}]}, {"_id": 3, "a": [{"b": [6, 4], "c": 1}, {"b": [9, 7], "c": 2}]},
  {"_id": 4, "a": [{"b": 4, "c": [1, 2]}, {"b": 5, "c": [3, 2]}]}, {"_id": 5, "a": [{"b": [2, 3], "c": 1}, {"b": [7, 6], "c": 3}]},
  {"_id": 6, "a": [{"b": 5, "c": []}, {"b": 3, "c": 3}]}, {"_id": 7, "a": [{"b": [], "c": 2}, {"b": 2, "c": 3}]},
  {"_id": 8, "a": [{"b": 3, "c": [2]}, {"b": 8, "c": [3]}]}, {"_id": 9, "a": [{"b": [8], "c": 2}, {"b": [6], "c": 3}]}]');
INSERT INTO results VALUES
  ('sort_dotted_paths_numeric.js', 'A sort {"a.0":1,"_id":1} → 1, 3, 4, 5, 8, 6, 7', pg_temp.order('so_sdn_a', '{}', '[{"a.0": 1}, {"_id": 1}]') = '{1,3,4,5,8,6,7}'),
  ('sort_dotted_paths_numeric.js', 'A sort {"a.0":-1,"_id":1} → 7, 6, 1, 3, 4, 5, 8', pg_temp.order('so_sdn_a', '{}', '[{"a.0": -1}, {"_id": 1}]') = '{7,6,1,3,4,5,8}'),
  ('sort_dotted_paths_numeric.js', 'F sort {"a.0.b":1,"_id":1} → 7, 1, 2, 5, 8, 3, 4, 6, 9', pg_temp.order('so_sdn_f', '{}', '[{"a.0.b": 1}, {"_id": 1}]') = '{7,1,2,5,8,3,4,6,9}'),
  ('sort_dotted_paths_numeric.js', 'F sort {"a.0.b":1,"_id":-1} → 7, 1, 5, 2, 8, 4, 3, 6, 9', pg_temp.order('so_sdn_f', '{}', '[{"a.0.b": 1}, {"_id": -1}]') = '{7,1,5,2,8,4,3,6,9}'),
  ('sort_dotted_paths_numeric.js', 'F sort {"a.0.b":-1,"_id":1} → 9, 3, 6, 1, 4, 5, 8, 2, 7', pg_temp.order('so_sdn_f', '{}', '[{"a.0.b": -1}, {"_id": 1}]') = '{9,3,6,1,4,5,8,2,7}'),
  ('sort_dotted_paths_numeric.js', 'F sort {"a.0.b":-1,"_id":-1} → 9, 3, 6, 4, 1, 8, 5, 2, 7', pg_temp.order('so_sdn_f', '{}', '[{"a.0.b": -1}, {"_id": -1}]') = '{9,3,6,4,1,8,5,2,7}');

-- jstests/core/query/sort/sort6.js @43b87324 (a null or missing c sorts first ascending, last descending).
SELECT count(*) FROM docstore_create_many('so_s6_1', '[{"_id": 1, "c": null}, {"_id": 2, "c": 1}, {"_id": 3, "c": 2}]');
SELECT count(*) FROM docstore_create_many('so_s6_2', '[{"_id": 1}, {"_id": 2, "c": 1}, {"_id": 3, "c": 2}]');
INSERT INTO results VALUES
  ('sort6.js', 'c null: sort {"c":-1} → 3, 2, 1', pg_temp.order('so_s6_1', '{}', '{"c": -1}') = '{3,2,1}'),
  ('sort6.js', 'c null: sort {"c":1} → 1, 2, 3', pg_temp.order('so_s6_1', '{}', '{"c": 1}') = '{1,2,3}'),
  ('sort6.js', 'c missing: sort {"c":-1} → 3, 2, 1', pg_temp.order('so_s6_2', '{}', '{"c": -1}') = '{3,2,1}'),
  ('sort6.js', 'c missing: sort {"c":1} → 1, 2, 3', pg_temp.order('so_s6_2', '{}', '{"c": 1}') = '{1,2,3}');

SELECT source, "case" FROM results WHERE same IS NOT TRUE ORDER BY 1, 2;  -- the differences
SELECT count(*) FILTER (WHERE same) AS conforming, count(*) AS cases FROM results;
ROLLBACK;
