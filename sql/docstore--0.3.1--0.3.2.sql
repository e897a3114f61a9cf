-- docstore 0.3.1 → 0.3.2 (ALTER EXTENSION docstore UPDATE TO '0.3.2'): MongoDB's query
-- semantics (issue #13). Adds the functions the new filters compile to; nothing stored changes.

-- Nothing below resolves a name through the caller's search_path.
SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);

CREATE FUNCTION docstore."compare"(
	"a" jsonb, /* Json */
	"b" jsonb /* Json */
) RETURNS INT /* i32 */
IMMUTABLE STRICT PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'compare_wrapper';
COMMENT ON FUNCTION docstore.compare(jsonb, jsonb) IS
'Internal: MongoDB''s order of two values (-1, 0, 1): null, numbers, strings, objects, arrays, booleans; objects pair by pair (type, key, value) in jsonb''s key order, arrays element by element. What $gt/$gte/$lt/$lte with an object or array operand compile to.
Errors: 22023 a value nested more than 128 levels deep.';

CREATE FUNCTION docstore."path_values"(
	"data" jsonb, /* Json */
	"keys" jsonb /* Json */
) RETURNS jsonb /* Json */
IMMUTABLE STRICT PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'path_values_wrapper';
COMMENT ON FUNCTION docstore.path_values(jsonb, jsonb) IS
'Internal: the values at the path keys (a JSON array of keys) of data as MongoDB finds them, a key that is an array position ("0", "12") also taking that element of an array, as a JSON array. What a filter on a path with array positions ("items.0.price") is evaluated over.
Errors: 22023 data nested more than 128 levels deep.';
