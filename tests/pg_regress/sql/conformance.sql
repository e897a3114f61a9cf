-- Conformance with MongoDB: cases taken from MongoDB's own server tests (jstests/…) and manual,
-- each with the result that source expects, copied from it (never from docstore's output). A
-- row's "same" is t when docstore gives MongoDB's answer; the last query counts them. MongoDB
-- types without a JSON form (NaN, Infinity, NumberDecimal, NumberLong) become the JSON number
-- of the same value, or are left out where JSON has none (noted at the case).
BEGIN;
-- ids(collection, filter): the _id values of the matching documents, in order.
CREATE FUNCTION pg_temp.ids(c text, f jsonb) RETURNS int[] LANGUAGE sql AS
$$ SELECT coalesce(array_agg((data->>'_id')::int ORDER BY (data->>'_id')::int), '{}') FROM docstore_query(c, f, 10000) $$;
CREATE FUNCTION pg_temp.n(c text, f jsonb) RETURNS bigint LANGUAGE sql AS $$ SELECT docstore_count(c, f) $$;
CREATE FUNCTION pg_temp.err(c text, f jsonb) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM docstore_count(c, f); RETURN 'no error';
EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END $$;
CREATE TEMP TABLE results (source text, "case" text, same boolean);

-- jstests/core/query/mod/mod.js: divisors and remainders beyond 32 bits; decimals.
SELECT count(*) FROM docstore_create_many('mod1', '[
  {"_id": 1, "a": 4000000000}, {"_id": 2, "a": 15000000000}, {"_id": 3, "a": -4000000000},
  {"_id": 4, "a": -15000000000}, {"_id": 5, "a": 4000000000.12345}, {"_id": 6, "a": 15000000000.12345},
  {"_id": 7, "a": -4000000000.12345}, {"_id": 8, "a": -15000000000.12345}, {"_id": 9, "a": 4000000000.12345},
  {"_id": 10, "a": 15000000000.12345}, {"_id": 11, "a": -4000000000.12345}, {"_id": 12, "a": -15000000000.12345}]');
INSERT INTO results VALUES
  ('mod.js', 'a $mod [4000000000, 0]', pg_temp.ids('mod1', '{"a": {"$mod": [4000000000, 0]}}') = '{1,3,5,7,9,11}'),
  ('mod.js', 'a $mod [-4000000000, 0]', pg_temp.ids('mod1', '{"a": {"$mod": [-4000000000, 0]}}') = '{1,3,5,7,9,11}'),
  ('mod.js', 'a $mod [10000000000, 5000000000]', pg_temp.ids('mod1', '{"a": {"$mod": [10000000000, 5000000000]}}') = '{2,6,10}'),
  ('mod.js', 'a $mod [10000000000, -5000000000]', pg_temp.ids('mod1', '{"a": {"$mod": [10000000000, -5000000000]}}') = '{4,8,12}'),
  ('mod.js', 'a $mod [-10000000000, 5000000000]', pg_temp.ids('mod1', '{"a": {"$mod": [-10000000000, 5000000000]}}') = '{2,6,10}'),
  ('mod.js', 'a $mod [-10000000000, -5000000000]', pg_temp.ids('mod1', '{"a": {"$mod": [-10000000000, -5000000000]}}') = '{4,8,12}');

-- mod.js: the dividend is truncated.
SELECT count(*) FROM docstore_create_many('mod2', '[{"_id": 1, "a": 4.2}, {"_id": 2, "a": 4.5}, {"_id": 3, "a": 4.7},
  {"_id": 4, "a": 4.2}, {"_id": 5, "a": 4.5}, {"_id": 6, "a": 4.7}]');
INSERT INTO results VALUES
  ('mod.js', 'a $mod [4, 0] truncates 4.2, 4.5, 4.7', pg_temp.ids('mod2', '{"a": {"$mod": [4, 0]}}') = '{1,2,3,4,5,6}');

-- mod.js: basic use, arrays, nested arrays, dotted paths, operand types, non-numbers.
SELECT count(*) FROM docstore_create_many('mod3', '[
  {"_id": 1, "str": "abc123", "a": 0}, {"_id": 2, "str": "xyz123", "a": 5}, {"_id": 3, "str": "ijk123", "a": 12},
  {"_id": 4, "s": "array", "a": [0, 7]}, {"_id": 5, "s": "array", "a": [1, 7]}, {"_id": 6, "s": "array", "a": [-5]},
  {"_id": 7, "arr": [1, [2, 3], [[4]]]}, {"_id": 8, "arr": [{"b": [1, 2, 3]}, {"b": [5]}]},
  {"_id": 9, "arr": [{"b": [-1]}, {"b": [5]}]}, {"_id": 10, "arr": "string"}]');
INSERT INTO results VALUES
  ('mod.js', 'a $mod [-10, -5]: 1', pg_temp.n('mod3', '{"a": {"$mod": [-10, -5]}}') = 1),
  ('mod.js', 'a $mod [4, -1]: 1', pg_temp.n('mod3', '{"a": {"$mod": [4, -1]}}') = 1),
  ('mod.js', 'a $mod [5, 0]: 4', pg_temp.n('mod3', '{"a": {"$mod": [5, 0]}}') = 4),
  ('mod.js', 'a $mod [12, 0]: 3', pg_temp.n('mod3', '{"a": {"$mod": [12, 0]}}') = 3),
  ('mod.js', 'a $mod [12, 1]: 1', pg_temp.n('mod3', '{"a": {"$mod": [12, 1]}}') = 1),
  ('mod.js', 'arr $mod [1, 0]: 1 (nested arrays not entered)', pg_temp.n('mod3', '{"arr": {"$mod": [1, 0]}}') = 1),
  ('mod.js', 'arr $mod [4, 0]: 0', pg_temp.n('mod3', '{"arr": {"$mod": [4, 0]}}') = 0),
  ('mod.js', 'arr.b $mod [3, 0]: 1', pg_temp.n('mod3', '{"arr.b": {"$mod": [3, 0]}}') = 1),
  ('mod.js', 'arr.b $mod [5, 0]: 2', pg_temp.n('mod3', '{"arr.b": {"$mod": [5, 0]}}') = 2),
  ('mod.js', 'arr.b.c $mod [5, 0]: 0', pg_temp.n('mod3', '{"arr.b.c": {"$mod": [5, 0]}}') = 0),
  ('mod.js', 'a $mod [1, NumberLong(0)]: 6', pg_temp.n('mod3', '{"a": {"$mod": [1, 0]}}') = 6),
  ('mod.js', 'a $mod [NumberLong(5), NumberDecimal(2.1)]: 3', pg_temp.n('mod3', '{"a": {"$mod": [5, 2.1]}}') = 3),
  ('mod.js', 'a $mod [NumberDecimal(5.001), NumberDecimal(2.1)]: 3', pg_temp.n('mod3', '{"a": {"$mod": [5.001, 2.1]}}') = 3),
  ('mod.js', 'a $mod [NumberInt(7), NumberInt(1)]: 1', pg_temp.n('mod3', '{"a": {"$mod": [7, 1]}}') = 1),
  ('mod.js', 'str $mod [10, 1]: 0 (a string)', pg_temp.n('mod3', '{"str": {"$mod": [10, 1]}}') = 0),
  ('mod.js', 's $mod [10, 1]: 0', pg_temp.n('mod3', '{"s": {"$mod": [10, 1]}}') = 0),
  ('mod.js', 'noField $mod [10, 1]: 0', pg_temp.n('mod3', '{"noField": {"$mod": [10, 1]}}') = 0),
  -- BadValue in MongoDB; 22023 here.
  ('mod.js', '$mod [0, 1] is an error', pg_temp.err('mod3', '{"a": {"$mod": [0, 1]}}') = '22023'),
  ('mod.js', '$mod [0, 0] is an error', pg_temp.err('mod3', '{"a": {"$mod": [0, 0]}}') = '22023'),
  ('mod.js', '$mod [0.001, 1.001] is an error (divisor truncates to 0)', pg_temp.err('mod3', '{"a": {"$mod": [0.001, 1.001]}}') = '22023'),
  ('mod.js', '$mod [1, 0, 0] is an error', pg_temp.err('mod3', '{"a": {"$mod": [1, 0, 0]}}') = '22023'),
  ('mod.js', '$mod [0.1] is an error', pg_temp.err('mod3', '{"a": {"$mod": [0.1]}}') = '22023'),
  ('mod.js', '$mod [10, 1, 1] is an error', pg_temp.err('mod3', '{"a": {"$mod": [10, 1, 1]}}') = '22023'),
  ('mod.js', '$mod [10] is an error', pg_temp.err('mod3', '{"a": {"$mod": [10]}}') = '22023'),
  ('mod.js', '$mod ["a", 0] is an error', pg_temp.err('mod3', '{"a": {"$mod": ["a", 0]}}') = '22023'),
  ('mod.js', '$mod ["a", "b"] is an error', pg_temp.err('mod3', '{"a": {"$mod": ["a", "b"]}}') = '22023');
-- (mod.js' NaN and Infinity documents have no JSON form.)

-- jstests/core/query/mod/mod_special_values.js: operands beyond 64-bit integers are errors
-- (NaN and Infinity have no JSON form); dividends beyond them match nothing; dividends truncate.
SELECT count(*) FROM docstore_create_many('mod4', '[{"_id": 1, "attribute": -1e19}, {"_id": 2, "attribute": 1e19}]');
SELECT count(*) FROM docstore_create_many('mod5', '[{"_id": 1, "attribute": 14.5}, {"_id": 2, "attribute": 14.50001},
  {"_id": 3, "attribute": 15.01}, {"_id": 4, "attribute": 14.5}, {"_id": 5, "attribute": 14.50001},
  {"_id": 6, "attribute": 15.01}, {"_id": 7, "attribute": 24}, {"_id": 8, "attribute": 34}]');
INSERT INTO results VALUES
  ('mod_special_values.js', '$mod [1e19, 1] is an error', pg_temp.err('mod4', '{"attribute": {"$mod": [1e19, 1]}}') = '22023'),
  ('mod_special_values.js', '$mod [1, 1e19] is an error', pg_temp.err('mod4', '{"attribute": {"$mod": [1, 1e19]}}') = '22023'),
  ('mod_special_values.js', 'dividends -1e19 and 1e19 (decimal) match nothing', pg_temp.ids('mod4', '{"attribute": {"$mod": [1, 0]}}') = '{}'),
  ('mod_special_values.js', 'dividends truncate: $mod [10, 4]', pg_temp.ids('mod5', '{"attribute": {"$mod": [10, 4]}}') = '{1,2,4,5,7,8}');

-- MongoDB manual, $mod: "Use $mod to Select Documents", "Not Enough Elements Error", "Too Many
-- Elements Error", "Floating Point Arguments". (Negative dividends: mod.js above.)
SELECT count(*) FROM docstore_create_many('inventory', '[{"_id": 1, "item": "abc123", "qty": 0},
  {"_id": 2, "item": "xyz123", "qty": 5}, {"_id": 3, "item": "ijk123", "qty": 12}]');
INSERT INTO results VALUES
  ('manual $mod', 'qty $mod [4, 0]', pg_temp.ids('inventory', '{"qty": {"$mod": [4, 0]}}') = '{1,3}'),
  ('manual $mod', 'qty $mod [4.0, 0]', pg_temp.ids('inventory', '{"qty": {"$mod": [4.0, 0]}}') = '{1,3}'),
  ('manual $mod', 'qty $mod [4] is an error', pg_temp.err('inventory', '{"qty": {"$mod": [4]}}') = '22023'),
  ('manual $mod', 'qty $mod [] is an error', pg_temp.err('inventory', '{"qty": {"$mod": []}}') = '22023'),
  ('manual $mod', 'qty $mod [4, 1, 2, 3] is an error', pg_temp.err('inventory', '{"qty": {"$mod": [4, 1, 2, 3]}}') = '22023');

-- MongoDB manual, $comment: a comment is no condition (here beside the manual's $mod example).
INSERT INTO results VALUES
  ('manual $comment', '{"$comment": "Find even values.", "qty": {"$mod": [4, 0]}}',
   pg_temp.ids('inventory', '{"$comment": "Find even values.", "qty": {"$mod": [4, 0]}}') = '{1,3}'),
  ('manual $comment', 'a comment alone matches every document', pg_temp.n('inventory', '{"$comment": "all"}') = 3);

-- jstests/core/query/elemmatch/elemmatch_value.js (the _id values are the documents' places in
-- the test's insert, 1 to 18; the expected documents are the test's, by those places).
SELECT count(*) FROM docstore_create_many('em_value', '[
  {"_id": 1, "a": 5}, {"_id": 2, "a": [5]}, {"_id": 3, "a": [3, 7]}, {"_id": 4, "a": [[5]]},
  {"_id": 5, "a": [[3, 7]]}, {"_id": 6, "a": [[[5]]]}, {"_id": 7, "a": [[[3, 7]]]}, {"_id": 8, "a": {"b": 5}},
  {"_id": 9, "a": {"b": [5]}}, {"_id": 10, "a": {"b": [3, 7]}}, {"_id": 11, "a": [{"b": 5}]},
  {"_id": 12, "a": [{"b": 3}, {"b": 7}]}, {"_id": 13, "a": [{"b": [5]}]}, {"_id": 14, "a": [{"b": [3, 7]}]},
  {"_id": 15, "a": [[{"b": 5}]]}, {"_id": 16, "a": [[{"b": 3}, {"b": 7}]]}, {"_id": 17, "a": [[{"b": [5]}]]},
  {"_id": 18, "a": [[{"b": [3, 7]}]]}]');
INSERT INTO results VALUES
  ('elemmatch_value.js', 'a $elemMatch {$lt: 6, $gt: 4}', pg_temp.ids('em_value', '{"a": {"$elemMatch": {"$lt": 6, "$gt": 4}}}') = '{2}'),
  ('elemmatch_value.js', 'a.b $elemMatch {$lt: 6, $gt: 4}', pg_temp.ids('em_value', '{"a.b": {"$elemMatch": {"$lt": 6, "$gt": 4}}}') = '{9,13}'),
  ('elemmatch_value.js', 'a $elemMatch {$elemMatch: {$lt: 6, $gt: 4}}', pg_temp.ids('em_value', '{"a": {"$elemMatch": {"$elemMatch": {"$lt": 6, "$gt": 4}}}}') = '{4}'),
  ('elemmatch_value.js', 'a $elemMatch {$type: "number"}', pg_temp.ids('em_value', '{"a": {"$elemMatch": {"$type": "number"}}}') = '{2,3}'),
  ('elemmatch_value.js', 'a $elemMatch {$type: "array"}', pg_temp.ids('em_value', '{"a": {"$elemMatch": {"$type": "array"}}}') = '{4,5,6,7,15,16,17,18}'),
  ('elemmatch_value.js', 'a $elemMatch {b: {$lt: 6, $gt: 4}}', pg_temp.ids('em_value', '{"a": {"$elemMatch": {"b": {"$lt": 6, "$gt": 4}}}}') = '{11,13,14}'),
  ('elemmatch_value.js', 'a $elemMatch {b: {$elemMatch: {$lt: 6, $gt: 4}}}', pg_temp.ids('em_value', '{"a": {"$elemMatch": {"b": {"$elemMatch": {"$lt": 6, "$gt": 4}}}}}') = '{13}'),
  ('elemmatch_value.js', 'a $elemMatch {$elemMatch: {b: {$lt: 6, $gt: 4}}}', pg_temp.ids('em_value', '{"a": {"$elemMatch": {"$elemMatch": {"b": {"$lt": 6, "$gt": 4}}}}}') = '{15,17,18}');

-- jstests/core/query/elemmatch/elemmatch_object.js (places 1 to 13 in each of its two inserts).
SELECT count(*) FROM docstore_create_many('em_object', '[
  {"_id": 1, "a": {"b": 1, "c": 4}}, {"_id": 2, "a": [{"b": 1, "c": 4}]}, {"_id": 3, "a": [{"b": 2, "c": 3}]},
  {"_id": 4, "a": [{"b": 1, "c": 2}, {"b": 3, "c": 4}]}, {"_id": 5, "a": [{"b": 1, "c": 2}, {"b": 3, "c": 4}, {"b": 1, "c": 4}]},
  {"_id": 6, "a": [{"b": [], "c": []}]}, {"_id": 7, "a": [{"b": [12, 2], "c": [13, 3]}]},
  {"_id": 8, "a": [{"b": [11, 1], "c": [14, 4]}]}, {"_id": 9, "a": [{"b": {"w": 1, "x": 2}, "c": {"y": 3, "z": 4}}]},
  {"_id": 10, "a": [{"b": [{"w": 5, "x": 6}, {"w": 1, "x": 2}], "c": [{"y": 7, "z": 8}, {"y": 3, "z": 4}]}]},
  {"_id": 11, "a": [{"b": [{"w": 5, "x": 2}, {"w": 1, "x": 6}], "c": [{"y": 7, "z": 4}, {"y": 3, "z": 8}]}]},
  {"_id": 12, "a": [{"b": [{"w": 5, "x": 6}, {"w": 1, "x": 2}], "c": [{"y": 7, "z": 4}, {"y": 3, "z": 8}]}]},
  {"_id": 13, "a": [{"b": [{"w": [11, 1], "x": [12, 2]}], "c": [{"y": [13, 3], "z": [14, 4]}]}]}]');
SELECT count(*) FROM docstore_create_many('em_empty', '[{"_id": 1}, {"_id": 2, "a": 1}, {"_id": 3, "a": "foo"},
  {"_id": 4, "a": []}, {"_id": 5, "a": {}}, {"_id": 6, "a": [1]}, {"_id": 7, "a": ["foo"]}, {"_id": 8, "a": [[]]},
  {"_id": 9, "a": [{}]}, {"_id": 10, "a": [[1]]}, {"_id": 11, "a": [1, []]}, {"_id": 12, "a": [1, {}]},
  {"_id": 13, "a": [{"b": 1}]}]');
INSERT INTO results VALUES
  ('elemmatch_object.js', 'a $elemMatch {b: 2}', pg_temp.ids('em_object', '{"a": {"$elemMatch": {"b": 2}}}') = '{3,7}'),
  ('elemmatch_object.js', 'a $elemMatch {b: 1}', pg_temp.ids('em_object', '{"a": {"$elemMatch": {"b": 1}}}') = '{2,4,5,8}'),
  ('elemmatch_object.js', 'a $elemMatch {b: 1, c: 4}', pg_temp.ids('em_object', '{"a": {"$elemMatch": {"b": 1, "c": 4}}}') = '{2,5,8}'),
  ('elemmatch_object.js', 'a $elemMatch {b: {$elemMatch: {}}, c: {$elemMatch: {}}}',
   pg_temp.ids('em_object', '{"a": {"$elemMatch": {"b": {"$elemMatch": {}}, "c": {"$elemMatch": {}}}}}') = '{10,11,12,13}'),
  ('elemmatch_object.js', 'a $elemMatch {b: {$elemMatch: {w: 1, x: 2}}, c: {$elemMatch: {}}}',
   pg_temp.ids('em_object', '{"a": {"$elemMatch": {"b": {"$elemMatch": {"w": 1, "x": 2}}, "c": {"$elemMatch": {}}}}}') = '{10,12,13}'),
  ('elemmatch_object.js', 'a $elemMatch {b: {$elemMatch: {w: 1, x: 2}}, c: {$elemMatch: {y: 3, z: 4}}}',
   pg_temp.ids('em_object', '{"a": {"$elemMatch": {"b": {"$elemMatch": {"w": 1, "x": 2}}, "c": {"$elemMatch": {"y": 3, "z": 4}}}}}') = '{10,13}'),
  ('elemmatch_object.js', 'a $elemMatch {}', pg_temp.ids('em_empty', '{"a": {"$elemMatch": {}}}') = '{8,9,10,11,12,13}'),
  ('elemmatch_object.js', 'a $elemMatch {$or: [{}, {}]}', pg_temp.ids('em_empty', '{"a": {"$elemMatch": {"$or": [{}, {}]}}}') = '{8,9,10,11,12,13}');

-- jstests/core/query/all/all4.js ($all and $elemMatch on a missing field; the test saves one
-- document after another and counts each time) and all5.js ($all/$elemMatch/null, one document
-- at a time: here one collection per document).
SELECT count(*) FROM docstore_create_many('all4_1', '[{}]');
SELECT count(*) FROM docstore_create_many('all4_2', '[{}, {"a": 1}]');
SELECT count(*) FROM docstore_create_many('all4_3', '[{}, {"a": 1}, {"a": [{"b": 1}]}]');
INSERT INTO results VALUES
  ('all4.js', '{} only: $all []', pg_temp.n('all4_1', '{"a": {"$all": []}}') = 0),
  ('all4.js', '{} only: $all [1]', pg_temp.n('all4_1', '{"a": {"$all": [1]}}') = 0),
  ('all4.js', '{} only: $all [{$elemMatch: {b: 1}}]', pg_temp.n('all4_1', '{"a": {"$all": [{"$elemMatch": {"b": 1}}]}}') = 0),
  ('all4.js', '+ {a: 1}: $all []', pg_temp.n('all4_2', '{"a": {"$all": []}}') = 0),
  ('all4.js', '+ {a: 1}: $all [1]', pg_temp.n('all4_2', '{"a": {"$all": [1]}}') = 1),
  ('all4.js', '+ {a: 1}: $all [{$elemMatch: {b: 1}}]', pg_temp.n('all4_2', '{"a": {"$all": [{"$elemMatch": {"b": 1}}]}}') = 0),
  ('all4.js', '+ {a: [{b: 1}]}: $all []', pg_temp.n('all4_3', '{"a": {"$all": []}}') = 0),
  ('all4.js', '+ {a: [{b: 1}]}: $all [1]', pg_temp.n('all4_3', '{"a": {"$all": [1]}}') = 1),
  ('all4.js', '+ {a: [{b: 1}]}: $all [{$elemMatch: {b: 1}}]', pg_temp.n('all4_3', '{"a": {"$all": [{"$elemMatch": {"b": 1}}]}}') = 1);
SELECT count(*) FROM docstore_create_many('all5', '[{"_id": 1}, {"_id": 2, "a": 1}, {"_id": 3, "a": []}, {"_id": 4, "a": [1]},
  {"_id": 5, "a": [{}]}, {"_id": 6, "a": [{"c": 1}]}, {"_id": 7, "a": [{"b": null}]}, {"_id": 8, "a": [{"b": 1}]}]');
INSERT INTO results VALUES
  ('all5.js', 'a $elemMatch {b: null}: {a: [{}]}, {a: [{c: 1}]}, {a: [{b: null}]}', pg_temp.ids('all5', '{"a": {"$elemMatch": {"b": null}}}') = '{5,6,7}'),
  ('all5.js', 'a $all [{$elemMatch: {b: null}}]: the same', pg_temp.ids('all5', '{"a": {"$all": [{"$elemMatch": {"b": null}}]}}') = '{5,6,7}');

-- jstests/core/query/in/in7.js: $elemMatch inside $in or $nin is an error (also under $not).
INSERT INTO results VALUES
  ('in7.js', '$in [{$elemMatch: {b: 1}}] is an error', pg_temp.err('all4_1', '{"a": {"$in": [{"$elemMatch": {"b": 1}}]}}') = '22023'),
  ('in7.js', '$not {$in [{$elemMatch}]} is an error', pg_temp.err('all4_1', '{"a": {"$not": {"$in": [{"$elemMatch": {"b": 1}}]}}}') = '22023'),
  ('in7.js', '$nin [{$elemMatch: {b: 1}}] is an error', pg_temp.err('all4_1', '{"a": {"$nin": [{"$elemMatch": {"b": 1}}]}}') = '22023'),
  ('in7.js', '$not {$nin [{$elemMatch}]} is an error', pg_temp.err('all4_1', '{"a": {"$not": {"$nin": [{"$elemMatch": {"b": 1}}]}}}') = '22023');

-- jstests/core/query/in/in_with_mixed_values.js: regular expressions inside $in, written as
-- {"$regex": …} (MongoDB's extended JSON for /…/). Its first collection also holds a regular
-- expression as a value (x: /^ab/), which JSON cannot: the cases whose count includes it are
-- left out, the others kept (a /^a/ in $in does not match the stored /^ab/).
SELECT count(*) FROM docstore_create_many('inmix1', '[{"x": 1}, {"x": 2}, {"x": 3}, {"x": "ab"}, {"x": "ac"}, {"x": "ad"}]');
SELECT count(*) FROM docstore_create_many('inmix2', '[{"x": 1}, {"x": 2}, {"x": 3}, {"x": "ab"}, {"x": "ac"}, {"x": "ad"},
  {"x": [1]}, {"x": [1, 2]}, {"x": [1, "ab"]}, {"x": ["ac", 2]}, {"x": {"y": 1}}, {"x": {"y": "ab"}}, {"x": {"y": [99, {"z": 1}]}}]');
SELECT count(*) FROM docstore_create_many('inmix3', '[{"x": 1, "y": {"z": 1}}, {"x": 1, "y": {"z": 2}}, {"x": 1, "y": {"z": 3}},
  {"x": 2, "y": {"z": "ab"}}, {"x": 2, "y": {"z": "ac"}}, {"x": 2, "y": {"z": "ad"}}]');
INSERT INTO results VALUES
  ('in_with_mixed_values.js', 'x $in [1, /^a/]: 4', pg_temp.n('inmix1', '{"x": {"$in": [1, {"$regex": "^a"}]}}') = 4),
  ('in_with_mixed_values.js', 'x $in [/^a/, 1]: 4', pg_temp.n('inmix1', '{"x": {"$in": [{"$regex": "^a"}, 1]}}') = 4),
  ('in_with_mixed_values.js', 'x $in [/^a/, 1, 2]: 5', pg_temp.n('inmix1', '{"x": {"$in": [{"$regex": "^a"}, 1, 2]}}') = 5),
  ('in_with_mixed_values.js', 'x $in [/^a/, 1, 2, 3]: 6', pg_temp.n('inmix1', '{"x": {"$in": [{"$regex": "^a"}, 1, 2, 3]}}') = 6),
  ('in_with_mixed_values.js', 'composite: x $in [1, /^a/]: 8', pg_temp.n('inmix2', '{"x": {"$in": [1, {"$regex": "^a"}]}}') = 8),
  ('in_with_mixed_values.js', 'composite: x $in [2, /^a/]: 7', pg_temp.n('inmix2', '{"x": {"$in": [2, {"$regex": "^a"}]}}') = 7),
  ('in_with_mixed_values.js', 'composite: x $in [[1, 2], /^a/]: 6', pg_temp.n('inmix2', '{"x": {"$in": [[1, 2], {"$regex": "^a"}]}}') = 6),
  ('in_with_mixed_values.js', 'composite: x $in [/^a/]: 5', pg_temp.n('inmix2', '{"x": {"$in": [{"$regex": "^a"}]}}') = 5),
  ('in_with_mixed_values.js', 'composite: x.y $in [1, 2]: 1', pg_temp.n('inmix2', '{"x.y": {"$in": [1, 2]}}') = 1),
  ('in_with_mixed_values.js', 'composite: x.y $in [1, /^a/]: 2', pg_temp.n('inmix2', '{"x.y": {"$in": [1, {"$regex": "^a"}]}}') = 2),
  ('in_with_mixed_values.js', 'composite: x $in [{y: 1}, /^z/]: 1', pg_temp.n('inmix2', '{"x": {"$in": [{"y": 1}, {"$regex": "^z"}]}}') = 1),
  ('in_with_mixed_values.js', 'composite: x $in [{z: 1}, /^z/]: 0', pg_temp.n('inmix2', '{"x": {"$in": [{"z": 1}, {"$regex": "^z"}]}}') = 0),
  ('in_with_mixed_values.js', 'composite: x $in [{y: 99}, /^z/]: 0', pg_temp.n('inmix2', '{"x": {"$in": [{"y": 99}, {"$regex": "^z"}]}}') = 0),
  ('in_with_mixed_values.js', 'composite: x.y $in [{z: 10}, {z: 1}, /^z/]: 1', pg_temp.n('inmix2', '{"x.y": {"$in": [{"z": 10}, {"z": 1}, {"$regex": "^z"}]}}') = 1),
  ('in_with_mixed_values.js', 'composite: x.y $in [{z: 10}, {z: 11}, /^z/]: 0', pg_temp.n('inmix2', '{"x.y": {"$in": [{"z": 10}, {"z": 11}, {"$regex": "^z"}]}}') = 0),
  ('in_with_mixed_values.js', 'dotted: y.z $in [1, /^a/]: 4', pg_temp.n('inmix3', '{"y.z": {"$in": [1, {"$regex": "^a"}]}}') = 4),
  ('in_with_mixed_values.js', 'dotted: y.z $in [/^a/, 1]: 4', pg_temp.n('inmix3', '{"y.z": {"$in": [{"$regex": "^a"}, 1]}}') = 4),
  ('in_with_mixed_values.js', 'dotted: y.z $in [1, /^ab/]: 2', pg_temp.n('inmix3', '{"y.z": {"$in": [1, {"$regex": "^ab"}]}}') = 2),
  ('in_with_mixed_values.js', 'dotted: y.z $in [1, 2, /^ab/]: 3', pg_temp.n('inmix3', '{"y.z": {"$in": [1, 2, {"$regex": "^ab"}]}}') = 3),
  ('in_with_mixed_values.js', 'dotted: y.z $in [1, 2, 3, /^ab/]: 4', pg_temp.n('inmix3', '{"y.z": {"$in": [1, 2, 3, {"$regex": "^ab"}]}}') = 4),
  ('in_with_mixed_values.js', 'dotted: y.z $in [1, 2, 3, /^ab/, /^ac/]: 5', pg_temp.n('inmix3', '{"y.z": {"$in": [1, 2, 3, {"$regex": "^ab"}, {"$regex": "^ac"}]}}') = 5),
  ('in_with_mixed_values.js', 'dotted: y.z $in [1, 2, 3, /^a/]: 6', pg_temp.n('inmix3', '{"y.z": {"$in": [1, 2, 3, {"$regex": "^a"}]}}') = 6),
  ('in_with_mixed_values.js', 'dotted: y.z $in [/^a/, 1, 2, 3]: 6', pg_temp.n('inmix3', '{"y.z": {"$in": [{"$regex": "^a"}, 1, 2, 3]}}') = 6),
  ('in_with_mixed_values.js', 'dotted: y.z $in ["ab", "ac", "ad", 1, 2, 3]: 6', pg_temp.n('inmix3', '{"y.z": {"$in": ["ab", "ac", "ad", 1, 2, 3]}}') = 6),
  ('in_with_mixed_values.js', 'dotted: y.z $in ["ac", "ad", 1, 2, 3]: 5', pg_temp.n('inmix3', '{"y.z": {"$in": ["ac", "ad", 1, 2, 3]}}') = 5),
  ('in_with_mixed_values.js', 'dotted: y.z $in ["ad", 1, 2, 3]: 4', pg_temp.n('inmix3', '{"y.z": {"$in": ["ad", 1, 2, 3]}}') = 4),
  ('in_with_mixed_values.js', 'dotted: y.z $in ["ad", /^a/]: 3', pg_temp.n('inmix3', '{"y.z": {"$in": ["ad", {"$regex": "^a"}]}}') = 3),
  ('in_with_mixed_values.js', 'dotted: y.z $in ["foo", 999]: 0', pg_temp.n('inmix3', '{"y.z": {"$in": ["foo", 999]}}') = 0),
  ('in_with_mixed_values.js', 'dotted: y.z $in [999, /no/]: 0', pg_temp.n('inmix3', '{"y.z": {"$in": [999, {"$regex": "no"}]}}') = 0),
  ('in_with_mixed_values.js', 'dotted: y.z $in ["bar", /0-9/]: 0', pg_temp.n('inmix3', '{"y.z": {"$in": ["bar", {"$regex": "0-9"}]}}') = 0);

-- jstests/core/query/array/arrayfind1.js, arrayfind6.js, arrayfind7.js, arrayfindb.js ($elemMatch
-- in its other forms; the tests' runs "with an index" need arrays on indexed paths, which
-- docstore's B-tree indexes refuse, so only the runs without one). arrayfind1's A3 states
-- MongoDB's exact equality with a plain object value (containment in docstore until 0.3.1).
SELECT count(*) FROM docstore_create_many('af1a', '[{"a": [{"x": 1}]}, {"a": [{"x": 1, "y": 2, "z": 1}]}, {"a": [{"x": 1, "y": 1, "z": 3}]}]');
SELECT count(*) FROM docstore_create_many('af1b', '[{"a": [{"x": 1}]}, {"a": [{"x": 1, "y": 2, "z": 1}]}, {"a": [{"x": 1, "y": 1, "z": 3}]},
  {"a": [{"x": 2}]}, {"a": [{"x": 3}]}, {"a": [{"x": 4}]}]');
SELECT count(*) FROM docstore_create_many('af6', '[{"a": [{"b": 1, "c": 2}]}]');
SELECT count(*) FROM docstore_create_many('af7', '[{"a": [{"b": [{"c": 1, "d": 2}]}]}]');
SELECT count(*) FROM docstore_create_many('af7_1', '[{"a": [{"b": [{"c": 1}]}]}, {"a": {"b": {"c": [10, 11]}}}]');
SELECT count(*) FROM docstore_create_many('af7_2', '[{"a": [{"b": [{"c": 2}]}]}, {"a": {"b": {"c": [10, 11]}}}]');
SELECT count(*) FROM docstore_create_many('af7_3', '[{"a": [{"b": [{"c": 1}], "d": [{"e": 1}]}]}, {"a": {"b": {"c": [10, 11]}}}]');
SELECT count(*) FROM docstore_create_many('af7_4', '[{"a": [{"b": [{"c": 1}], "x": 1}]}, {"a": {"b": {"c": [10, 11]}}}]');
SELECT count(*) FROM docstore_create_many('af7_5', '[{"a": [{"b": [{"c": [1]}]}]}, {"a": {"b": {"c": [10, 11]}}}]');
SELECT count(*) FROM docstore_create_many('afb1', '[{"a": [{"b": 1, "c": 25}, {"a": 3, "b": 59}]}]');
SELECT count(*) FROM docstore_create_many('afb2', '[{"a": [{"b": 1}, {"c": 1}]}, {"a": [{"b": 2}, {"c": 1}]}, {"a": [{"b": 1}, {"c": 2}]}]');
INSERT INTO results VALUES
  ('arrayfind1.js', 'A1 {}: 3', pg_temp.n('af1a', '{}') = 3),
  ('arrayfind1.js', 'A2 a.y: 2: 1', pg_temp.n('af1a', '{"a.y": 2}') = 1),
  ('arrayfind1.js', 'A3 a: {x: 1}: 1 (exact equality with an object)', pg_temp.n('af1a', '{"a": {"x": 1}}') = 1),
  ('arrayfind1.js', 'A4 a $elemMatch {x: 1}: 3', pg_temp.n('af1a', '{"a": {"$elemMatch": {"x": 1}}}') = 3),
  ('arrayfind1.js', 'B1 a $elemMatch {x: 2}: 1', pg_temp.n('af1b', '{"a": {"$elemMatch": {"x": 2}}}') = 1),
  ('arrayfind1.js', 'B2 a $elemMatch {x: {$gt: 2}}: 2', pg_temp.n('af1b', '{"a": {"$elemMatch": {"x": {"$gt": 2}}}}') = 2),
  ('arrayfind1.js', 'D2.1 a.x: 1: 3', pg_temp.n('af1b', '{"a.x": 1}') = 3),
  ('arrayfind1.js', 'D2.2 a.x $gt 1: 3', pg_temp.n('af1b', '{"a.x": {"$gt": 1}}') = 3),
  ('arrayfind1.js', 'E1 a {$ne: 2, $elemMatch: {x: {$gt: 2}}}: 2', pg_temp.n('af1b', '{"a": {"$ne": 2, "$elemMatch": {"x": {"$gt": 2}}}}') = 2),
  ('arrayfind6.js', 'a $elemMatch {b: 1, c: 2}: 1', pg_temp.n('af6', '{"a": {"$elemMatch": {"b": 1, "c": 2}}}') = 1),
  ('arrayfind6.js', 'a $not $elemMatch {b: 1, c: 2}: 0', pg_temp.n('af6', '{"a": {"$not": {"$elemMatch": {"b": 1, "c": 2}}}}') = 0),
  ('arrayfind6.js', 'a $not $elemMatch {b: 1, c: 3}: 1', pg_temp.n('af6', '{"a": {"$not": {"$elemMatch": {"b": 1, "c": 3}}}}') = 1),
  ('arrayfind6.js', 'a $not $elemMatch {b: {$ne: 1}, c: 3}: 1', pg_temp.n('af6', '{"a": {"$not": {"$elemMatch": {"b": {"$ne": 1}, "c": 3}}}}') = 1),
  ('arrayfind6.js', 'a $not $elemMatch {b: {$ne: 2}, c: 3}: 1', pg_temp.n('af6', '{"a": {"$not": {"$elemMatch": {"b": {"$ne": 2}, "c": 3}}}}') = 1),
  ('arrayfind7.js', 'nested $elemMatch {b: {$elemMatch: {c: 1, d: 2}}}: 1', pg_temp.n('af7', '{"a": {"$elemMatch": {"b": {"$elemMatch": {"c": 1, "d": 2}}}}}') = 1),
  ('arrayfind7.js', 'two constraints in a nested $elemMatch: 1', pg_temp.n('af7_1', '{"a": {"$elemMatch": {"b": {"$elemMatch": {"c": {"$gte": 1, "$lte": 1}}}}}}') = 1),
  ('arrayfind7.js', 'one constraint containing the other: 1', pg_temp.n('af7_2', '{"a": {"$elemMatch": {"b": {"$elemMatch": {"c": {"$gte": 1, "$in": [2]}}}}}}') = 1),
  ('arrayfind7.js', 'two nested $elemMatch: 1', pg_temp.n('af7_3', '{"a": {"$elemMatch": {"d": {"$elemMatch": {"e": {"$lte": 1}}}, "b": {"$elemMatch": {"c": {"$gte": 1}}}}}}') = 1),
  ('arrayfind7.js', 'a.x and a nested $elemMatch: 1', pg_temp.n('af7_4', '{"a.x": 1, "a": {"$elemMatch": {"b": {"$elemMatch": {"c": {"$gte": 1}}}}}}') = 1),
  ('arrayfind7.js', '$elemMatch on b.c inside $elemMatch: 1', pg_temp.n('af7_5', '{"a": {"$elemMatch": {"b.c": {"$elemMatch": {"$gte": 1, "$lte": 1}}}}}') = 1),
  ('arrayfindb.js', 'case 1: $elemMatch {b: {$gte: 2, $lt: 4}, c: 25}: 0', pg_temp.n('afb1', '{"a": {"$elemMatch": {"b": {"$gte": 2, "$lt": 4}, "c": 25}}}') = 0),
  ('arrayfindb.js', 'case 2: $elemMatch {$or: [{b: 2}, {c: 2}]}: 2', pg_temp.n('afb2', '{"a": {"$elemMatch": {"$or": [{"b": 2}, {"c": 2}]}}}') = 2);

SELECT source, "case" FROM results WHERE same IS NOT TRUE ORDER BY 1, 2;  -- the differences (each one in the README)
SELECT count(*) FILTER (WHERE same) AS conforming, count(*) AS cases FROM results;
ROLLBACK;
