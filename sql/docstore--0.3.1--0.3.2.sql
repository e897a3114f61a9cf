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
	"value" jsonb, /* Option < Json > */
	"rest" jsonb /* Option < Json > */
) RETURNS jsonb /* Json */
IMMUTABLE PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'path_values_wrapper';
COMMENT ON FUNCTION docstore.path_values(jsonb, jsonb) IS
'Internal: what a path reaches as MongoDB finds it, a key that is an array position ("0", "12") also taking that element of an array: value is the value at the path''s first key (NULL: missing), rest the keys after it; {"values": [...], "candidates": [...], "missing": bool} (the values; what comparisons look at; whether the path runs out). What a filter on a path with array positions ("items.0.price") is evaluated over.
Errors: 22023 a value nested more than 128 levels deep.';


-- Leakproof twins of jsonb's @> and @@ (0.3.2), for the GIN index of documents.data. PostgreSQL
-- runs a role's own conditions after a row-level security policy unless they are leakproof
-- (they could otherwise raise an error, or call a function, that tells what the hidden rows
-- hold), and jsonb's operators are not marked so: for a role under docstore_grant's policies
-- the GIN index served only docstore.@= before. docstore's filters compile to these instead.
-- @> (jsonb_contains) raises no error for any document. @@ in silent mode raises none either,
-- except for a like_regex pattern (compiled when a string reaches it) or a variable (looked up
-- when evaluation reaches it): docstore.jsonb_path_match refuses such paths before it looks at
-- any document (src/matching.rs), and docstore's compiler keeps pg_catalog.@@ for them.
CREATE FUNCTION docstore.jsonb_contains(jsonb, jsonb) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
    AS 'jsonb_contains';
COMMENT ON FUNCTION docstore.jsonb_contains(jsonb, jsonb) IS
'Internal: jsonb''s @> (jsonb_contains), leakproof: the function of docstore.@>.';
CREATE FUNCTION docstore.jsonb_path_match(jsonb, jsonpath) RETURNS boolean
    LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
    AS 'MODULE_PATHNAME', 'docstore_jsonb_path_match';
COMMENT ON FUNCTION docstore.jsonb_path_match(jsonb, jsonpath) IS
'Internal: jsonb''s @@ (jsonb_path_match_opr, errors suppressed), leakproof: the function of docstore.@@.
Errors: 22023 the path has a like_regex or a variable (whatever the documents hold).';
CREATE OPERATOR docstore.@> (
    LEFTARG = jsonb, RIGHTARG = jsonb, FUNCTION = docstore.jsonb_contains,
    RESTRICT = docstore.match_eq_sel, JOIN = pg_catalog.matchingjoinsel
);
COMMENT ON OPERATOR docstore.@> (jsonb, jsonb) IS
'data @> value: jsonb containment (as pg_catalog.@>), leakproof, served by docstore.jsonb_match_ops';
CREATE OPERATOR docstore.@@ (
    LEFTARG = jsonb, RIGHTARG = jsonpath, FUNCTION = docstore.jsonb_path_match,
    RESTRICT = docstore.match_eq_sel, JOIN = pg_catalog.matchingjoinsel
);
COMMENT ON OPERATOR docstore.@@ (jsonb, jsonpath) IS
'data @@ path: the path predicate (as pg_catalog.@@; no like_regex, no variables), leakproof, served by docstore.jsonb_match_ops';
ALTER OPERATOR FAMILY docstore.jsonb_match_ops USING gin ADD
    OPERATOR 21 docstore.@> (jsonb, jsonb),
    OPERATOR 22 docstore.@@ (jsonb, jsonpath);
COMMENT ON FUNCTION docstore.gin_extract_query(jsonb, internal, int2, internal, internal, internal, internal) IS
'Internal: GIN extractQuery of docstore.jsonb_match_ops (gin_extract_jsonb_query_path; @= and docstore.@> as @>, docstore.@@ as @@).';
COMMENT ON FUNCTION docstore.gin_consistent(internal, int2, jsonb, int4, internal, internal, internal, internal) IS
'Internal: GIN consistent of docstore.jsonb_match_ops (gin_consistent_jsonb_path; @= and docstore.@> as @>, docstore.@@ as @@).';
COMMENT ON FUNCTION docstore.gin_triconsistent(internal, int2, jsonb, int4, internal, internal, internal) IS
'Internal: GIN triConsistent of docstore.jsonb_match_ops (gin_triconsistent_jsonb_path; @= and docstore.@> as @>, docstore.@@ as @@).';

-- Sorts on paths that may hold arrays (MongoDB's rules: the smallest or largest element).
CREATE  FUNCTION docstore."sort_keys"(
	"value" jsonb, /* Option < Json > */
	"rests" jsonb, /* Option < Json > */
	"descending" jsonb /* Option < Json > */
) RETURNS jsonb /* Json */
IMMUTABLE PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'sort_keys_wrapper';
COMMENT ON FUNCTION docstore.sort_keys(jsonb, jsonb, jsonb) IS
'Internal: a document''s sort key on paths that begin with the same key (docstore_find''s sort on paths no index covers): value is the value at that key, rests the keys after it for each path, descending each path''s direction; for each path [v] with its part of the best entry (arrays counted by their elements, paths through one array paired per element, as MongoDB), or [] for an empty array, which sorts below null and missing.
Errors: 22023 parallel arrays (two arrays of one document side by side, which MongoDB refuses to sort on), a value nested more than 128 levels deep.';
CREATE FUNCTION docstore.sort_key_rank(key jsonb) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN key OPERATOR(pg_catalog.=) '[]'::pg_catalog.jsonb THEN 0
                ELSE docstore.sort_rank(key OPERATOR(pg_catalog.->) 0) END;
COMMENT ON FUNCTION docstore.sort_key_rank(jsonb) IS 'Internal: the type rank of a path''s part of a docstore.sort_keys result: 0 for an empty array (below null and missing), else docstore.sort_rank of the picked value.';

-- Update options (arrayFilters) and the context of $ and $[<identifier>].
CREATE  FUNCTION docstore."apply_update"(
	"data" jsonb, /* Option < Json > */
	"update" jsonb, /* Option < Json > */
	"now" TEXT, /* Option < & str > */
	"context" jsonb /* Option < Json > */
) RETURNS jsonb /* Option < Json > */
IMMUTABLE PARALLEL SAFE 
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'apply_update_with_wrapper';
COMMENT ON FUNCTION docstore.apply_update(jsonb, jsonb, text, jsonb) IS
'Internal: a document with update operators applied, with the arrayFilters and the query that $[<identifier>] and $ refer to (docstore_update_many, docstore_patch).';
DROP FUNCTION @extschema@.docstore_update_many(text, jsonb, jsonb);
CREATE FUNCTION @extschema@.docstore_update_many(collection text, filter jsonb, "update" jsonb, options jsonb DEFAULT NULL)
    RETURNS bigint
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'docstore_update_many';
COMMENT ON FUNCTION @extschema@.docstore_update_many(text, jsonb, jsonb, jsonb) IS
'Applies update operators (as docstore_patch) to every document of collection that matches filter (as docstore_query), in one set-based UPDATE; returns how many. A NULL filter means {}. Paths may hold $ (the first element of the array that filter matched), $[] (every element) and $[<identifier>] (the elements options.arrayFilters matches: {"arrayFilters": [{"<identifier>": condition}, ...]}).
Errors: as docstore_patch and docstore_query; 22023 bad options or arrayFilters (an identifier without its filter, a filter not used), $ where filter matched no element of the array; one failing document fails the whole call.';
DROP FUNCTION @extschema@.docstore_patch(text, uuid, jsonb, integer);
CREATE FUNCTION @extschema@.docstore_patch(collection text, id uuid, "update" jsonb, expected_version integer DEFAULT NULL, options jsonb DEFAULT NULL)
    RETURNS SETOF docstore.document
    LANGUAGE c VOLATILE PARALLEL UNSAFE ROWS 1
    AS 'MODULE_PATHNAME', 'docstore_patch';
COMMENT ON FUNCTION @extschema@.docstore_patch(text, uuid, jsonb, integer, jsonb) IS
'Applies MongoDB update operators ($set $unset $inc $mul $min $max $rename $currentDate $push with $each/$position/$slice/$sort, $pull, $pullAll, $addToSet with $each, $pop; dotted paths, intermediate objects created; $[] for every element of an array and $[<identifier>] for the elements options.arrayFilters matches) in one row-locked UPDATE, version + 1; no row if absent. With expected_version, the document must be at that version.
Errors: 22004 collection, id or update is NULL; 22023 collection is not 1 to 255 characters, update is not an object of operators, an unknown operator, operators on overlapping paths, a wrong operand, a path MongoDB refuses (through a scalar, a $rename through an array) or a document value of the wrong type (the message names operator and path), bad options or arrayFilters, the positional $ (docstore_update_many takes it); 40001 expected_version differs from the stored version (the message gives both).';

-- $expr (aggregation expressions in filters): the helpers its SQL calls.
CREATE  FUNCTION docstore."expr_path"(
	"value" jsonb, /* Option < Json > */
	"rest" jsonb /* Option < Json > */
) RETURNS jsonb /* Option < Json > */
IMMUTABLE PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'expr_path_wrapper';
COMMENT ON FUNCTION docstore.expr_path(jsonb, jsonb) IS
'Internal: $expr''s field path through arrays: the value at the path''s first key (NULL: missing), the keys after it; aggregation''s reading (an array of objects gives the array of their values).
Errors: 22023 a value nested more than 128 levels deep.';
CREATE  FUNCTION docstore."expr_compare"(
	"a" jsonb, /* Option < Json > */
	"b" jsonb /* Option < Json > */
) RETURNS INT /* i32 */
IMMUTABLE PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'expr_compare_wrapper';
COMMENT ON FUNCTION docstore.expr_compare(jsonb, jsonb) IS
'Internal: $expr''s total order of two values (NULL: missing, below everything; then null, numbers, strings, objects, arrays, booleans): -1, 0 or 1.';
CREATE  FUNCTION docstore."expr_truthy"(
	"value" jsonb /* Option < Json > */
) RETURNS bool /* bool */
IMMUTABLE PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'expr_truthy_wrapper';
COMMENT ON FUNCTION docstore.expr_truthy(jsonb) IS
'Internal: whether a $expr value counts as true: not false, null, missing (NULL) or a zero.';
CREATE  FUNCTION docstore."expr_op"(
	"op" TEXT, /* Option < & str > */
	"a" jsonb, /* Option < Json > */
	"b" jsonb /* Option < Json > */
) RETURNS jsonb /* Option < Json > */
IMMUTABLE PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'expr_op_wrapper';
COMMENT ON FUNCTION docstore.expr_op(text, jsonb, jsonb) IS
'Internal: $expr''s $add, $subtract, $multiply, $divide, $mod, $abs, $size and $in on two values (NULL: missing; null or missing operands of arithmetic give null).
Errors: 22023 a value of a type the operator does not take (as MongoDB fails the query); 22012 division by zero.';

-- The row-level security test in C, once per collection, role and command (src/access.rs); the
-- policies keep referring to the same function.
CREATE OR REPLACE FUNCTION docstore.allowed(collection text, write boolean) RETURNS boolean
    LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'docstore_allowed';
COMMENT ON FUNCTION docstore.allowed(text, boolean) IS 'Internal: the row-level security test of docstore_grant (a grant of the current role, or of a role it is a member of, on collection or ''*''; a write grant if write), computed once per collection, role and command.';

-- The query functions' comments: the operators and errors 0.3.2 adds.
COMMENT ON FUNCTION @extschema@.docstore_query(text, jsonb, integer) IS
'Documents of collection that match filter, in creation order, at most limit. Filters are MongoDB-style, with MongoDB''s semantics: {"field": value}, dotted paths (array positions included), and the operators $eq $ne $gt $gte $lt $lte $in $nin $exists $type $regex $options $mod $size $all $elemMatch $not $and $or $nor $expr $comment (see the README). A NULL filter means {}, a NULL limit means 100.
Errors: 22004 collection is NULL; 22023 collection is not 1 to 255 characters, filter is not a JSON object or not a valid filter (the message names the operator and the path), limit is negative, or a $expr meets a value of a type its operator does not take; 22012 a $expr divides by zero; 2201B an invalid $regex; 0A000 an unsupported construct (a PCRE-only regular expression, $$NOW).';
COMMENT ON FUNCTION @extschema@.docstore_count(text, jsonb) IS
'The number of documents of collection that match filter (the query language of docstore_query). A NULL filter means {}.
Errors: as docstore_query (limit aside).';
COMMENT ON FUNCTION @extschema@.docstore_find(text, jsonb, jsonb) IS
'Documents of collection that match filter (as docstore_query), with options: sort ({"age": -1}, or [{"age": -1}, {"name": 1}] for several keys, since jsonb does not keep key order; ties by id, so deterministic), limit, skip, fields (projection: {"name": 1, "address.city": 1} includes, {"bio": 0} excludes; data holds the projected document) and after (keyset paging: the id of the last row of the previous page). Without sort: creation order. NULL filter or options mean {}.
Errors: as docstore_query; 22023 options is not a JSON object, an invalid option (the message names it), a sort on two arrays of one document under one first key (MongoDB refuses parallel arrays).';
