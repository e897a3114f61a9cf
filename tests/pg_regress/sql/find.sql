-- docstore_find: sort (MongoDB's order of types), limit, skip, fields, keyset paging.
BEGIN;
SELECT count(*) FROM (SELECT docstore_create('p', d) FROM (VALUES
  (1, '{"n": "Ann", "age": 30, "a": {"c": "Oslo", "z": 1}, "items": [{"p": 1, "q": 2}, {"p": 3}]}'::jsonb),
  (2, '{"n": "Bob", "age": "41"}'), (3, '{"n": "Cid", "age": 50}'), (4, '{"n": "Dee"}'),
  (5, '{"n": "Eve", "age": 30}'), (6, '{"n": "Fay", "age": null}'), (7, '{"n": "Gus", "age": [1]}'),
  (8, '{"n": "Hal", "age": true}'), (9, '{"n": "Ivy", "age": {"x": 1}}'), (10, '{"n": "Jo", "age": 2.5}')
) AS v(i, d) ORDER BY i) s;
CREATE FUNCTION pg_temp.names(filter jsonb, options jsonb) RETURNS text LANGUAGE sql AS
$$ SELECT coalesce(string_agg(data->>'n', ' '), '(none)') FROM docstore_find('p', filter, options) $$;
CREATE FUNCTION pg_temp.err(options jsonb) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM docstore_find('p', '{}', options); RETURN 'no error';
EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE || ': ' || SQLERRM; END $$;

-- Without sort: creation order; NULL filter and options mean {}.
SELECT pg_temp.names('{}', '{}');
SELECT pg_temp.names(NULL, NULL);
-- Sort: missing and null, numbers, strings (code point), objects, arrays, booleans; ties by id.
SELECT pg_temp.names('{}', '{"sort": {"age": 1}}');
SELECT pg_temp.names('{}', '{"sort": {"age": -1}}');
SELECT pg_temp.names('{}', '{"sort": [{"age": 1}, {"n": -1}]}');
SELECT pg_temp.names('{"age": {"$type": "number"}}', '{"sort": {"age": -1}}');
SELECT pg_temp.names('{}', '{"sort": {"a.c": -1}}');
-- limit and skip
SELECT pg_temp.names('{}', '{"sort": {"age": 1}, "limit": 3}');
SELECT pg_temp.names('{}', '{"sort": {"age": 1}, "limit": 3, "skip": 3}');
SELECT pg_temp.names('{}', '{"limit": 0}');
SELECT pg_temp.names('{}', '{"skip": 100}');
-- Keyset paging: each page starts after the id of the last row of the previous one, and the
-- pages together are exactly the sorted result.
CREATE TEMP TABLE pages (page int, n text, id uuid);
DO $$
DECLARE
  options jsonb := '{"sort": [{"age": -1}], "limit": 3}';
  last uuid;
  pageno int := 0;
  got int;
BEGIN
  LOOP
    pageno := pageno + 1;
    INSERT INTO pages SELECT pageno, data->>'n', id
      FROM docstore_find('p', '{}', CASE WHEN last IS NULL THEN options ELSE options || jsonb_build_object('after', last) END);
    GET DIAGNOSTICS got = ROW_COUNT;
    EXIT WHEN got = 0 OR pageno > 10;
    SELECT id INTO last FROM pages WHERE page = pageno ORDER BY ctid DESC LIMIT 1;
  END LOOP;
END $$;
SELECT page, string_agg(n, ' ' ORDER BY ctid) FROM pages GROUP BY page ORDER BY page;
SELECT (SELECT string_agg(n, ' ' ORDER BY page, ctid) FROM pages) = pg_temp.names('{}', '{"sort": {"age": -1}}') AS pages_are_the_sorted_result;
-- Paging in creation order, with a filter.
SELECT id AS cur FROM docstore_find('p', '{}', '{"limit": 1, "skip": 4}') \gset
SELECT pg_temp.names('{"age": {"$exists": true}}', jsonb_build_object('after', :'cur'));
-- fields: include or exclude paths (through arrays); id and the other columns stay.
SELECT data FROM docstore_find('p', '{"n": "Ann"}', '{"fields": {"n": 1, "a.c": 1, "items.p": 1}}');
SELECT data FROM docstore_find('p', '{"n": "Ann"}', '{"fields": {"a": 0, "items.q": 0}}');
SELECT data FROM docstore_find('p', '{"n": "Dee"}', '{"fields": {"age": 1}}');
SELECT count(*) FILTER (WHERE id IS NOT NULL AND version = 1) FROM docstore_find('p', '{}', '{"fields": {"n": 1}}');
-- Errors name the option (22023).
SELECT pg_temp.err('{"sort": {"age": 1, "n": 1}}');
SELECT pg_temp.err('{"sort": {"age": 2}}');
SELECT pg_temp.err('{"sort": []}');
SELECT pg_temp.err('{"limit": -1}');
SELECT pg_temp.err('{"skip": "2"}');
SELECT pg_temp.err('{"fields": {"a": 1, "b": 0}}');
SELECT pg_temp.err('{"fields": {}}');
SELECT pg_temp.err('{"after": "nope"}');
SELECT pg_temp.err('{"limt": 1}');
SELECT pg_temp.err('[]');
SELECT pg_temp.err('{"sort": {"a..b": 1}}');
ROLLBACK;

-- docstore_distinct: values at a path, array elements one by one, in sort order.
BEGIN;
SELECT count(*) FROM (SELECT docstore_create('d', d) FROM (VALUES
  (1, '{"n": "Ann", "age": 30, "tags": ["a", "b"], "a": {"c": "Oslo"}}'::jsonb),
  (2, '{"n": "Bob", "age": "41", "tags": "a", "a": [{"c": "Rome"}, {"c": "Oslo"}]}'),
  (3, '{"n": "Cid", "age": 30.0, "tags": [["a"]]}'), (4, '{"n": "Dee", "age": null}')
) AS v(i, d) ORDER BY i) s;
SELECT * FROM docstore_distinct('d', 'tags');
SELECT * FROM docstore_distinct('d', 'age');
SELECT docstore_distinct('d', 'a.c');
SELECT docstore_distinct('d', 'age', '{"n": {"$in": ["Ann", "Cid"]}}');
SELECT count(*) FROM docstore_distinct('d', 'missing');
SELECT count(*) FROM docstore_distinct('nothing', 'tags');
\set VERBOSITY terse
SELECT docstore_distinct('d', 'a..b');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
SELECT docstore_distinct('d', NULL);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default

-- docstore_explain: the statement docstore_find runs, its parameters, and the plan.
BEGIN;
SELECT count(*) FROM (SELECT docstore_create('x', jsonb_build_object('i', i)) FROM generate_series(1, 2000) i) s;
ANALYZE docstore.documents;
SELECT e->>'sql' AS sql, e->'params' AS params
  FROM docstore_explain('x', '{"i": 7}', '{"limit": 5}') AS e;
-- The GIN index serves an equality; the plan names it.
SELECT docstore_explain('x', '{"i": 7}')::text LIKE '%documents_data_idx%' AS gin_index_used;
SELECT jsonb_path_query_array(docstore_explain('x', '{"i": 7}'), 'strict $.**."Index Name"') AS indexes;
ROLLBACK;

-- $elemMatch is SQL over the array elements (exact, as MongoDB); its positive equalities also
-- go into a path predicate first, which the GIN index serves (issue #13: "served by the GIN
-- index where an equality inside them allows it").
BEGIN;
SELECT count(*) FROM docstore_create_many('em', (SELECT jsonb_agg(jsonb_build_object('items',
  jsonb_build_array(jsonb_build_object('sku', 's' || (i % 500)::text, 'qty', i % 7), jsonb_build_object('sku', 'z', 'qty', 0))))
  FROM generate_series(1, 3000) i));
ANALYZE docstore.documents;
SELECT docstore_explain('em', '{"items": {"$elemMatch": {"sku": "s17", "qty": {"$gte": 3}}}}')::text LIKE '%documents_data_idx%' AS gin_index_used,
       docstore_count('em', '{"items": {"$elemMatch": {"sku": "s17", "qty": {"$gte": 3}}}}') AS matches,
       (SELECT count(*) FROM docstore.documents WHERE collection = 'em'
           AND EXISTS (SELECT 1 FROM jsonb_array_elements(data->'items') e
                        WHERE e->>'sku' = 's17' AND (e->>'qty')::int >= 3)) AS by_hand;
SELECT docstore_explain('em', '{"items.sku": {"$elemMatch": {"$eq": "s17"}}}')::text LIKE '%documents_data_idx%' AS value_form_gin,
       docstore_count('em', '{"items.sku": {"$elemMatch": {"$eq": "s17"}}}') AS none_since_sku_is_no_array;
-- An array position: exact over docstore.path_values, after a lax path predicate the GIN index
-- serves (the position read both as a subscript and as a key).
SELECT docstore_explain('em', '{"items.0.sku": "s17"}')::text LIKE '%documents_data_idx%' AS position_gin,
       docstore_count('em', '{"items.0.sku": "s17"}') AS position_matches,
       (SELECT count(*) FROM docstore.documents WHERE collection = 'em'
           AND data->'items'->0->>'sku' = 's17') AS position_by_hand,
       docstore_count('em', '{"items.1.sku": "s17"}') AS second_position_none;
ROLLBACK;
