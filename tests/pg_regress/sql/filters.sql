-- The query language: every operator, with MongoDB's documented examples where they exist.
-- docstore_query returns documents in creation order, so outputs are deterministic.
BEGIN;
SELECT count(*) FROM (SELECT docstore_create('inventory', d) FROM (VALUES
  (1, '{"item": "journal",  "qty": 25,  "tags": ["blank", "red"],         "size": {"h": 14, "w": 21, "uom": "cm"},   "status": "A", "dim": [14, 21]}'::jsonb),
  (2, '{"item": "notebook", "qty": 50,  "tags": ["red", "blank"],         "size": {"h": 8.5, "w": 11, "uom": "in"},  "status": "A", "dim": [14, 21]}'),
  (3, '{"item": "paper",    "qty": 100, "tags": ["red", "blank", "plain"], "size": {"h": 8.5, "w": 11, "uom": "in"},  "status": "D", "dim": [14, 21]}'),
  (4, '{"item": "planner",  "qty": 75,  "tags": ["blank", "red"],         "size": {"h": 22.85, "w": 30, "uom": "cm"}, "status": "D", "dim": [22.85, 30]}'),
  (5, '{"item": "postcard", "qty": 45,  "tags": ["blue"],                 "size": {"h": 10, "w": 15.25, "uom": "cm"}, "status": "A", "dim": [10, 15.25]}'),
  (6, '{"item": "Journal",  "qty": "25", "tags": "red", "status": null,   "instock": [{"warehouse": "A", "qty": 5}, {"warehouse": "C", "qty": 15}]}'),
  (7, '{"item": "tape",     "tags": [["red"]], "instock": [{"warehouse": "C", "qty": 5}, {"warehouse": "B", "qty": 40}], "scores": [82, 85, 88]}')
) AS v(n, d) ORDER BY n) s;
CREATE FUNCTION pg_temp.q(filter jsonb) RETURNS text LANGUAGE sql AS
$$ SELECT coalesce(string_agg(data->>'item', ', '), '(none)') FROM docstore_query('inventory', filter, 100) $$;
CREATE FUNCTION pg_temp.err(filter jsonb) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM docstore_query('inventory', filter); RETURN 'no error';
EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE || ': ' || SQLERRM; END $$;

-- Equality: a scalar matches the value or an element of an array there (one level deep).
SELECT pg_temp.q('{"status": "D"}');
SELECT pg_temp.q('{"tags": "red"}');
SELECT pg_temp.q('{"qty": 25}');
SELECT pg_temp.q('{"qty": "25"}');
SELECT pg_temp.q('{"size.uom": "in"}');
SELECT pg_temp.q('{"instock.warehouse": "B"}');
SELECT pg_temp.q('{"size.h": 8.50}');
-- Objects and arrays as plain values: exact equality, as MongoDB (containment until 0.3.1).
SELECT pg_temp.q('{"size": {"uom": "cm"}}');
SELECT pg_temp.q('{"tags": ["red", "blank"]}');
SELECT pg_temp.q('{"instock": [{"warehouse": "A"}]}');
SELECT pg_temp.q('{"size.uom": {"$eq": "cm"}}');
-- $eq with an object or array: exact equality (MongoDB's meaning).
SELECT pg_temp.q('{"tags": {"$eq": ["red", "blank"]}}');
SELECT pg_temp.q('{"size": {"$eq": {"h": 14, "w": 21, "uom": "cm"}}}');
SELECT pg_temp.q('{"size": {"$eq": {"h": 14, "w": 21}}}');
SELECT pg_temp.q('{"tags": {"$eq": ["red"]}}');
-- $ne: everything else, missing fields included.
SELECT pg_temp.q('{"status": {"$ne": "A"}}');
SELECT pg_temp.q('{"tags": {"$ne": "red"}}');
-- Comparisons stay within a type: numbers with numbers, strings with strings (by code point).
SELECT pg_temp.q('{"qty": {"$gt": 45}}');
SELECT pg_temp.q('{"qty": {"$gte": 45, "$lt": 100}}');
SELECT pg_temp.q('{"qty": {"$lte": 25}}');
SELECT pg_temp.q('{"item": {"$lt": "n"}}');
SELECT pg_temp.q('{"item": {"$gte": "p"}}');
SELECT pg_temp.q('{"scores": {"$gt": 87}}');
SELECT pg_temp.q('{"instock.qty": {"$gte": 40}}');
-- $in / $nin
SELECT pg_temp.q('{"status": {"$in": ["A", "D"]}}');
SELECT pg_temp.q('{"qty": {"$in": [5, 25, "25"]}}');
SELECT pg_temp.q('{"status": {"$in": [null]}}');
SELECT pg_temp.q('{"status": {"$nin": ["A", "D"]}}');
SELECT pg_temp.q('{"tags": {"$in": ["blue", "plain"]}}');
-- Objects and arrays in $in / $nin / $all compare exactly, as $eq does.
SELECT pg_temp.q('{"size": {"$in": [{"h": 14, "w": 21, "uom": "cm"}, "x"]}}');
SELECT pg_temp.q('{"tags": {"$in": [["red", "blank"], "blue"]}}');
SELECT pg_temp.q('{"tags": {"$all": [["red"]]}}');
SELECT pg_temp.q('{"size": {"$nin": [{"h": 14, "w": 21, "uom": "cm"}]}}');
-- null: null or missing; $ne null: present and not null; $type null: an explicit null only.
SELECT pg_temp.q('{"status": null}');
SELECT pg_temp.q('{"status": {"$ne": null}}');
SELECT pg_temp.q('{"status": {"$type": "null"}}');
SELECT pg_temp.q('{"scores": null}');
-- $exists
SELECT pg_temp.q('{"instock": {"$exists": true}}');
SELECT pg_temp.q('{"qty": {"$exists": false}}');
SELECT pg_temp.q('{"size.uom": {"$exists": true}}');
-- $type (a number or an array containing one counts as a number; "array" is the array itself)
SELECT pg_temp.q('{"qty": {"$type": "string"}}');
SELECT pg_temp.q('{"tags": {"$type": "array"}}');
SELECT pg_temp.q('{"tags": {"$type": "string"}}');
SELECT pg_temp.q('{"size": {"$type": ["object", "null"]}}');
SELECT pg_temp.q('{"dim": {"$type": "number"}}');
-- $regex with $options (PostgreSQL regular expressions)
SELECT pg_temp.q('{"item": {"$regex": "^p"}}');
SELECT pg_temp.q('{"item": {"$regex": "^j", "$options": "i"}}');
SELECT pg_temp.q('{"item": {"$regex": "j o u r", "$options": "ix"}}');
SELECT pg_temp.q('{"tags": {"$regex": "^bl"}}');
-- Arrays: $size, $all, $elemMatch
SELECT pg_temp.q('{"tags": {"$size": 3}}');
SELECT pg_temp.q('{"tags": {"$size": 1}}');
SELECT pg_temp.q('{"tags": {"$all": ["red", "blank"]}}');
SELECT pg_temp.q('{"tags": {"$all": ["red", "plain"]}}');
SELECT pg_temp.q('{"tags": {"$all": []}}');
SELECT pg_temp.q('{"scores": {"$elemMatch": {"$gte": 80, "$lt": 85}}}');
SELECT pg_temp.q('{"scores": {"$elemMatch": {"$gte": 89}}}');
SELECT pg_temp.q('{"instock": {"$elemMatch": {"qty": 5, "warehouse": "A"}}}');
SELECT pg_temp.q('{"instock": {"$elemMatch": {"qty": {"$gt": 10, "$lte": 20}}}}');
-- Without $elemMatch, conditions on array elements may be met by different elements.
SELECT pg_temp.q('{"instock.qty": 5, "instock.warehouse": "A"}');
SELECT pg_temp.q('{"dim": {"$elemMatch": {"$gt": 15, "$lt": 20}}}');
SELECT pg_temp.q('{"dim": {"$gt": 15, "$lt": 20}}');
-- Nested arrays are not looked into: {"tags": "red"} does not match [["red"]].
SELECT pg_temp.q('{"tags": [["red"]]}');
-- Logical operators
SELECT pg_temp.q('{"$or": [{"status": "A"}, {"qty": {"$lt": 30}}]}');
SELECT pg_temp.q('{"status": "A", "$or": [{"qty": {"$lt": 30}}, {"item": {"$regex": "^p"}}]}');
SELECT pg_temp.q('{"$and": [{"tags": "red"}, {"tags": "blank"}]}');
SELECT pg_temp.q('{"$nor": [{"status": "A"}, {"qty": {"$lt": 50}}]}');
SELECT pg_temp.q('{"qty": {"$not": {"$gt": 45}}}');
SELECT pg_temp.q('{"item": {"$not": {"$regex": "^p"}}}');
-- Keys are data: quotes and path syntax in keys and values change nothing.
SELECT pg_temp.q('{"it\")em": "journal"}');
SELECT pg_temp.q('{"item": "journal\") || true || (\""}');

-- Errors name the operator and the path (22023; 2201B for a bad regular expression).
SELECT pg_temp.err('{"qty": {"$foo": 1}}');
SELECT pg_temp.err('{"$where": "1 == 1"}');
SELECT pg_temp.err('{"tags": {"$in": "red"}}');
SELECT pg_temp.err('{"tags": {"$size": -1}}');
SELECT pg_temp.err('{"tags": {"$size": "2"}}');
SELECT pg_temp.err('{"qty": {"$gt": {"a": 1}}}');
SELECT pg_temp.err('{"qty": {"$exists": "yes"}}');
SELECT pg_temp.err('{"qty": {"$type": "date"}}');
SELECT pg_temp.err('{"item": {"$regex": "(unclosed"}}');
SELECT pg_temp.err('{"item": {"$regex": "a", "$options": "g"}}');
SELECT pg_temp.err('{"$or": {"a": 1}}');
SELECT pg_temp.err('{"a..b": 1}');
SELECT pg_temp.err('{"size": {"$gt": 1, "h": 2}}');
-- (0.3 refused object and array values inside $elemMatch; since 0.3.1 they mean what they mean
-- elsewhere: no element has a warehouse holding ["A"].)
SELECT pg_temp.q('{"instock": {"$elemMatch": {"warehouse": ["A"]}}}');

-- docstore_count: the same filters, counted.
SELECT docstore_count('inventory') AS all_docs, docstore_count('inventory', NULL) AS null_filter,
       docstore_count('inventory', '{"tags": "red"}') AS red, docstore_count('inventory', '{"qty": {"$gte": 50}}') AS qty_50,
       docstore_count('nothing', '{}') AS empty_collection;
CREATE FUNCTION pg_temp.count_err(collection text, filter jsonb) RETURNS text LANGUAGE plpgsql AS $$
BEGIN RETURN docstore_count(collection, filter)::text;
EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE || ': ' || SQLERRM; END $$;
SELECT pg_temp.count_err('inventory', '{"qty": {"$gte": []}}');
SELECT pg_temp.count_err('inventory', '[]');
SELECT pg_temp.count_err(NULL, '{}');
SELECT pg_temp.count_err('', '{}');
ROLLBACK;

-- Top-level equalities are one condition, data OPERATOR(docstore.@=) pairs: docstore.match_eq
-- (binary jsonb, read in Rust), served by the GIN index. MongoDB's rule: the value, or an
-- element of an array there (one level); numbers by value; strings exactly; nothing for missing
-- keys.
SELECT v AS value,
       docstore.match_eq(jsonb_build_object('k', v), '{"k": 1}') AS eq_1,
       docstore.match_eq(jsonb_build_object('k', v), '{"k": 1.0}') AS eq_1_0,
       docstore.match_eq(jsonb_build_object('k', v), '{"k": "1"}') AS eq_string_1,
       docstore.match_eq(jsonb_build_object('k', v), '{"k": true}') AS eq_true
  FROM (VALUES ('1'::jsonb), ('1.00'), ('-1'), ('10000'), ('"1"'), ('[2, 1]'), ('[[1]]'), ('{"k": 1}'),
               ('true'), ('[true]'), ('null'), ('[]')) AS t(v)
 ORDER BY v::text;
SELECT docstore.match_eq('{"a": 1, "b": "x", "c": [1, 2]}', f) AS matches, f AS filter
  FROM (VALUES ('{"a": 1, "b": "x"}'::jsonb), ('{"a": 1, "b": "y"}'), ('{"c": 2, "a": 1}'),
               ('{"missing": 1}'), ('{"b": "x", "a": 2}'), ('{"a": 123456789012345678901234567890}')) AS t(f)
 ORDER BY f::text;
-- The same answers through docstore_query, and the plan keeps the GIN index.
SELECT count(*) FROM docstore_create_many('eqtest',
  '[{"k": 1}, {"k": 1.0}, {"k": [3, 1]}, {"k": [[1]]}, {"k": "1"}, {"j": 1}, {"k": 1, "s": "x"}]');
SELECT data FROM docstore_query('eqtest', '{"k": 1}') ORDER BY data::text;
SELECT data FROM docstore_query('eqtest', '{"k": 1, "s": "x"}') ORDER BY data::text;
SELECT docstore_explain('eqtest', '{"k": 1}')->>'sql' LIKE '%AND data OPERATOR(docstore.@=) $2 ORDER BY%' AS one_condition,
       docstore_explain('eqtest', '{"k": 1}')->'params'->'$2' AS pairs;
-- Through the GIN index (docstore.jsonb_match_ops: jsonb_path_ops plus @=), the same rows as
-- without it: strings and numbers inside arrays included. PostgreSQL's own operators keep it.
CREATE TEMP TABLE eq_expected AS
SELECT f::text AS filter, (SELECT array_agg(data::text ORDER BY data::text) FROM docstore.documents
                            WHERE collection = 'eqtest' AND data OPERATOR(docstore.@=) f) AS rows
  FROM (VALUES ('{"k": 1}'::jsonb), ('{"k": 3}'), ('{"k": "1"}'), ('{"k": 1, "s": "x"}'), ('{"j": 1.0}')) AS t(f);
SELECT count(*) FROM docstore_create_many('eqtest', '[{"tags": ["x", "y"]}, {"tags": "x"}, {"tags": [["x"]]}]');
BEGIN;
SET LOCAL enable_seqscan = off;
SET LOCAL enable_indexscan = off;
EXPLAIN (COSTS OFF) SELECT data FROM docstore.documents WHERE data OPERATOR(docstore.@=) '{"k": 1}' AND collection || '' = 'eqtest';
SELECT e.filter, e.rows IS NOT DISTINCT FROM
       (SELECT array_agg(data::text ORDER BY data::text) FROM docstore.documents
         WHERE data OPERATOR(docstore.@=) e.filter::jsonb AND collection || '' = 'eqtest') AS same_rows_with_the_index
  FROM eq_expected e ORDER BY e.filter;
SELECT data FROM docstore.documents WHERE data OPERATOR(docstore.@=) '{"tags": "x"}' ORDER BY data::text;
-- Documents stored compressed (big 1) or out of line uncompressed (big 2, TOAST) are read the same way.
SELECT count(*) FROM docstore_create_many('eqtest', jsonb_build_array(
  jsonb_build_object('big', 1, 'pad', repeat('x', 100000)),
  jsonb_build_object('big', 2, 'pad', (SELECT string_agg(md5(i::text), '') FROM generate_series(1, 3000) i))));
SELECT data->'big' AS big, length(data->>'pad') AS pad,
       pg_column_size(data) < octet_length(data::text) AS stored_compressed
  FROM docstore.documents WHERE data OPERATOR(docstore.@=) '{"big": 1}' OR data OPERATOR(docstore.@=) '{"big": 2}'
 ORDER BY 1;
EXPLAIN (COSTS OFF) SELECT data FROM docstore.documents WHERE data @> '{"k": 1}';
EXPLAIN (COSTS OFF) SELECT data FROM docstore.documents WHERE data @@ '$.k == 1';
EXPLAIN (COSTS OFF) SELECT data FROM docstore.documents WHERE data @? '$.k ? (@ == 1)';
ROLLBACK;
