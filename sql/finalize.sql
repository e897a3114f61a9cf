-- docstore finalize: storage, the version trigger and the hand-declared functions.
-- Runs after every function pgrx generates (docstore.uuid_v7, docstore.version_bump, …).
--
-- Name resolution (see README, "Security model"): this script runs as a superuser with the
-- extension's schema (public, writable by others) on its search_path, so every function and
-- operator it binds is schema-qualified or an exact match in pg_catalog; SQL function bodies are
-- SQL-standard (BEGIN ATOMIC / RETURN: parsed here, bound to what is found now, never re-parsed
-- in a caller's search_path); PL/pgSQL functions run with SET search_path = pg_catalog, pg_temp.

------------------------------------------------------------------------------------------------
-- Storage
------------------------------------------------------------------------------------------------

-- The counter inside every id: one sequence, so ids are ordered across sessions.
CREATE SEQUENCE docstore.id_seq;

CREATE TABLE docstore.documents (
    id          uuid        NOT NULL DEFAULT docstore.uuid_v7(pg_catalog.nextval('docstore.id_seq'::pg_catalog.regclass)),
    -- "C": names compare and sort by code point, whatever the database's locale.
    collection  text        COLLATE "C" NOT NULL,
    data        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    version     integer     NOT NULL DEFAULT 1,
    -- The key is id alone, so the table can be distributed by id (Citus).
    CONSTRAINT documents_pkey PRIMARY KEY (id),
    CONSTRAINT documents_collection_length CHECK (pg_catalog.char_length(collection) BETWEEN 1 AND 255),
    CONSTRAINT documents_data_is_object CHECK (pg_catalog.jsonb_typeof(data) OPERATOR(pg_catalog.=) 'object')
);
COMMENT ON TABLE docstore.documents IS 'every docstore document; version and updated_at are kept by the trigger version_bump';

-- "A collection in creation order": id order is creation order (see docstore.uuid_v7).
CREATE INDEX documents_collection_id_idx ON docstore.documents (collection, id);
-- Equality filters (src/matching.rs). docstore.match_eq(data, pairs): every top-level key of
-- pairs (scalars) is in data with that value, or with an array holding it: MongoDB's equality,
-- which @> cannot state. The operator docstore.@= is the same test; the compiler states
-- {"status": "active", "group": 17} as data OPERATOR(docstore.@=) '{"status": "active",
-- "group": 17}'. Estimated by matchingsel (the test run over the statistics sample, as for @>).
-- match_eq's support function gives the function-call form selectivity 1: in the form docstore
-- 0.2.0 compiled (match_eq before a path predicate), the path predicate carries the estimate.
-- LEAKPROOF (since 0.3.0): it raises no error and has no effect whatever its arguments (a
-- malformed value is simply no match), so PostgreSQL may use @= as an index condition for a
-- role under row-level security, where jsonb's own operators must wait for the policy.
CREATE FUNCTION docstore.match_eq_support(internal) RETURNS internal
    LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'docstore_match_eq_support';
CREATE FUNCTION docstore.match_eq(data jsonb, filter jsonb) RETURNS boolean
    LANGUAGE c IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE COST 1 SUPPORT docstore.match_eq_support
    AS 'MODULE_PATHNAME', 'docstore_match_eq';
COMMENT ON FUNCTION docstore.match_eq(jsonb, jsonb) IS
'Internal: whether every top-level key of filter (scalars) is in data with that value or with an array holding it (MongoDB equality).';
COMMENT ON FUNCTION docstore.match_eq_support(internal) IS 'Internal: planner support of docstore.match_eq (selectivity 1).';
-- The estimator: PostgreSQL's matchingsel (the test over the statistics sample), except for a
-- role under row-level security, which gets matchingsel's default: the sample holds every
-- collection's documents, and an estimate over it would tell a reader of one collection which
-- values another holds (src/matching.rs).
CREATE FUNCTION docstore.match_eq_sel(internal, oid, internal, integer) RETURNS float8
    LANGUAGE c STABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'docstore_match_eq_sel';
COMMENT ON FUNCTION docstore.match_eq_sel(internal, oid, internal, integer) IS
'Internal: the restriction estimator of docstore.@= (matchingsel, without the statistics for a role under row-level security).';
CREATE OPERATOR docstore.@= (
    LEFTARG = jsonb, RIGHTARG = jsonb, FUNCTION = docstore.match_eq,
    RESTRICT = docstore.match_eq_sel, JOIN = pg_catalog.matchingjoinsel
);
COMMENT ON OPERATOR docstore.@= (jsonb, jsonb) IS
'data @= pairs: every top-level key of pairs (scalars) is in data with that value, or with an array holding it (MongoDB equality)';

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

-- The GIN operator class of documents.data: PostgreSQL's jsonb_path_ops (same entries, same
-- support functions, same @>, @?, @@) plus docstore.@=, searched as @> with the same object
-- (strategy 20, read as @>'s 7 by the three wrappers): every matching document holds every
-- entry of the pairs (arrays are transparent to jsonb_path_ops' path hashes), and the operator
-- rechecks the candidates.
CREATE FUNCTION docstore.gin_extract_query(jsonb, internal, int2, internal, internal, internal, internal)
    RETURNS internal LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'docstore_gin_extract_query';
CREATE FUNCTION docstore.gin_consistent(internal, int2, jsonb, int4, internal, internal, internal, internal)
    RETURNS boolean LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'docstore_gin_consistent';
CREATE FUNCTION docstore.gin_triconsistent(internal, int2, jsonb, int4, internal, internal, internal)
    RETURNS "char" LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'docstore_gin_triconsistent';
COMMENT ON FUNCTION docstore.gin_extract_query(jsonb, internal, int2, internal, internal, internal, internal) IS
'Internal: GIN extractQuery of docstore.jsonb_match_ops (gin_extract_jsonb_query_path; @= and docstore.@> as @>, docstore.@@ as @@).';
COMMENT ON FUNCTION docstore.gin_consistent(internal, int2, jsonb, int4, internal, internal, internal, internal) IS
'Internal: GIN consistent of docstore.jsonb_match_ops (gin_consistent_jsonb_path; @= and docstore.@> as @>, docstore.@@ as @@).';
COMMENT ON FUNCTION docstore.gin_triconsistent(internal, int2, jsonb, int4, internal, internal, internal) IS
'Internal: GIN triConsistent of docstore.jsonb_match_ops (gin_triconsistent_jsonb_path; @= and docstore.@> as @>, docstore.@@ as @@).';
CREATE OPERATOR CLASS docstore.jsonb_match_ops FOR TYPE jsonb USING gin AS
    OPERATOR 7 pg_catalog.@> (jsonb, jsonb),
    OPERATOR 15 pg_catalog.@? (jsonb, jsonpath),
    OPERATOR 16 pg_catalog.@@ (jsonb, jsonpath),
    OPERATOR 20 docstore.@= (jsonb, jsonb),
    FUNCTION 1 pg_catalog.btint4cmp(int4, int4),
    FUNCTION 2 pg_catalog.gin_extract_jsonb_path(jsonb, internal, internal),
    FUNCTION 3 docstore.gin_extract_query(jsonb, internal, int2, internal, internal, internal, internal),
    FUNCTION 4 docstore.gin_consistent(internal, int2, jsonb, int4, internal, internal, internal, internal),
    FUNCTION 6 docstore.gin_triconsistent(internal, int2, jsonb, int4, internal, internal, internal),
    STORAGE int4;
-- docstore's leakproof @> and @@, searched as jsonb_path_ops' 7 and 16 (added to the family, as
-- the 0.3.1 → 0.3.2 upgrade adds them).
ALTER OPERATOR FAMILY docstore.jsonb_match_ops USING gin ADD
    OPERATOR 21 docstore.@> (jsonb, jsonb),
    OPERATOR 22 docstore.@@ (jsonb, jsonpath);

-- Filters on documents: @>, @@, @? and docstore.@= (above), with jsonb_path_ops' entries.
CREATE INDEX documents_data_idx ON docstore.documents USING gin (data docstore.jsonb_match_ops);

CREATE TRIGGER version_bump
    BEFORE UPDATE ON docstore.documents
    FOR EACH ROW EXECUTE FUNCTION docstore.version_bump();

-- Per-path indexes (docstore_create_index): one row per index, the index itself is on
-- docstore.documents.
CREATE TABLE docstore.indexes (
    name        text        NOT NULL PRIMARY KEY,
    collection  text        COLLATE "C" NOT NULL,
    keys        jsonb       NOT NULL,
    options     jsonb       NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT pg_catalog.now()
);
CREATE INDEX indexes_collection_idx ON docstore.indexes (collection);
COMMENT ON TABLE docstore.indexes IS 'per-path indexes made by docstore_create_index';

-- Per-collection options (docstore_configure). Both off by default.
CREATE TABLE docstore.collections (
    name        text        COLLATE "C" NOT NULL PRIMARY KEY,
    history     boolean     NOT NULL DEFAULT false,
    changes     boolean     NOT NULL DEFAULT false,
    CONSTRAINT collections_name_length CHECK (pg_catalog.char_length(name) BETWEEN 1 AND 255)
);
COMMENT ON TABLE docstore.collections IS 'per-collection options set by docstore_configure';

-- Past versions of documents of collections with history on, written by the triggers: the
-- version an update or delete replaced, valid from its updated_at until the write that ended it.
CREATE TABLE docstore.history (
    collection  text        COLLATE "C" NOT NULL,
    id          uuid        NOT NULL,
    version     integer     NOT NULL,
    data        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    valid_from  timestamptz NOT NULL,
    valid_to    timestamptz NOT NULL,
    operation   text        NOT NULL,
    CONSTRAINT history_pkey PRIMARY KEY (collection, id, version),
    CONSTRAINT history_operation CHECK (operation IN ('update', 'delete'))
);
COMMENT ON TABLE docstore.history IS 'past versions of documents of collections with history on; operation is the write that ended the version';

-- The change feed of collections with changes on, written by the triggers. seq is taken while
-- the document's row is locked, so a document's changes have increasing seq; xid is the writing
-- transaction, which docstore_changes compares with snapshots so that a reader never skips a
-- change that commits late (see the README).
CREATE SEQUENCE docstore.change_seq;
CREATE TABLE docstore.changes (
    seq         bigint      NOT NULL DEFAULT pg_catalog.nextval('docstore.change_seq'::pg_catalog.regclass) PRIMARY KEY,
    xid         xid8        NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
    collection  text        COLLATE "C" NOT NULL,
    id          uuid        NOT NULL,
    op          text        NOT NULL,
    version     integer     NOT NULL,
    data        jsonb,
    changed_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT changes_op CHECK (op IN ('create', 'update', 'delete'))
);
CREATE INDEX changes_xid_idx ON docstore.changes (xid);
COMMENT ON TABLE docstore.changes IS 'the change feed of collections with changes on; read it with docstore_changes';

-- Where the feed was trimmed: every change of a transaction older than trimmed_before is gone.
CREATE TABLE docstore.feed (
    one             boolean NOT NULL DEFAULT true PRIMARY KEY CHECK (one),
    trimmed_before  xid8    NOT NULL
);
INSERT INTO docstore.feed (trimmed_before) VALUES ('3');
COMMENT ON TABLE docstore.feed IS 'the change feed''s trim point (docstore_trim_changes)';

CREATE TRIGGER track_before
    BEFORE INSERT OR DELETE ON docstore.documents
    FOR EACH ROW EXECUTE FUNCTION docstore.track();
CREATE TRIGGER track_after
    AFTER INSERT ON docstore.documents
    FOR EACH ROW EXECUTE FUNCTION docstore.track();

-- Without this, pg_dump skips the table's rows: they belong to the extension.
SELECT pg_catalog.pg_extension_config_dump('docstore.documents', '');
SELECT pg_catalog.pg_extension_config_dump('docstore.id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('docstore.indexes', '');
SELECT pg_catalog.pg_extension_config_dump('docstore.collections', '');
SELECT pg_catalog.pg_extension_config_dump('docstore.history', '');
-- Not the change feed: its cursors are transaction ids of this cluster, which mean nothing in
-- another one. A restored database starts an empty feed.

------------------------------------------------------------------------------------------------
-- Functions implemented in Rust as version-1 C functions (src/api.rs)
------------------------------------------------------------------------------------------------

CREATE FUNCTION docstore_create(collection text, data jsonb, id uuid DEFAULT NULL)
    RETURNS SETOF docstore.document
    LANGUAGE c VOLATILE PARALLEL UNSAFE ROWS 1
    AS 'MODULE_PATHNAME', 'docstore_create';
COMMENT ON FUNCTION docstore_create(text, jsonb, uuid) IS
'Creates a document in collection and returns it (one row, version 1, a new UUIDv7 id unless id is given).
Errors: 22004 collection or data is NULL; 22023 collection is not 1 to 255 characters, or data is not a JSON object; 23505 a document with that id exists (ids are unique across collections).';

CREATE FUNCTION docstore_update(collection text, id uuid, patch jsonb, expected_version integer DEFAULT NULL)
    RETURNS SETOF docstore.document
    LANGUAGE c VOLATILE PARALLEL UNSAFE ROWS 1
    AS 'MODULE_PATHNAME', 'docstore_update';
COMMENT ON FUNCTION docstore_update(text, uuid, jsonb, integer) IS
'Shallow-merges patch into the document (top-level keys of patch replace the document''s, jsonb ||), increments version and returns the document; no row if collection has no document id. With expected_version, the document must be at that version.
Errors: 22004 collection, id or patch is NULL; 22023 collection is not 1 to 255 characters, or patch is not a JSON object; 40001 expected_version differs from the stored version.';

CREATE FUNCTION docstore_replace(collection text, id uuid, data jsonb, expected_version integer DEFAULT NULL)
    RETURNS SETOF docstore.document
    LANGUAGE c VOLATILE PARALLEL UNSAFE ROWS 1
    AS 'MODULE_PATHNAME', 'docstore_replace';
COMMENT ON FUNCTION docstore_replace(text, uuid, jsonb, integer) IS
'Replaces the document''s data whole, version + 1; no row if absent. With expected_version, the document must be at that version.
Errors: 22004 collection, id or data is NULL; 22023 collection is not 1 to 255 characters, or data is not a JSON object; 40001 expected_version differs from the stored version.';

CREATE FUNCTION docstore_upsert(collection text, id uuid, data jsonb)
    RETURNS SETOF docstore.document
    LANGUAGE c VOLATILE PARALLEL UNSAFE ROWS 1
    AS 'MODULE_PATHNAME', 'docstore_upsert';
COMMENT ON FUNCTION docstore_upsert(text, uuid, jsonb) IS
'Creates the document with that id (version 1) or replaces its data (version + 1); one row.
Errors: 22004 collection, id or data is NULL; 22023 collection is not 1 to 255 characters, or data is not a JSON object; 23505 the id belongs to a document of another collection.';

CREATE FUNCTION docstore_create_many(collection text, docs jsonb)
    RETURNS SETOF docstore.document
    LANGUAGE c VOLATILE PARALLEL UNSAFE ROWS 1000
    AS 'MODULE_PATHNAME', 'docstore_create_many';
COMMENT ON FUNCTION docstore_create_many(text, jsonb) IS
'Creates one document per element of docs (a JSON array of objects), in one set-based INSERT, and returns them in order.
Errors: 22004 collection or docs is NULL; 22023 collection is not 1 to 255 characters, docs is not an array, or an element is not an object (the message names its index; nothing is created).';

CREATE FUNCTION docstore_update_many(collection text, filter jsonb, "update" jsonb, options jsonb DEFAULT NULL)
    RETURNS bigint
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'docstore_update_many';
COMMENT ON FUNCTION docstore_update_many(text, jsonb, jsonb, jsonb) IS
'Applies update operators (as docstore_patch) to every document of collection that matches filter (as docstore_query), in one set-based UPDATE; returns how many. A NULL filter means {}. Paths may hold $ (the first element of the array that filter matched), $[] (every element) and $[<identifier>] (the elements options.arrayFilters matches: {"arrayFilters": [{"<identifier>": condition}, ...]}).
Errors: as docstore_patch and docstore_query; 22023 bad options or arrayFilters (an identifier without its filter, a filter not used), $ where filter matched no element of the array; one failing document fails the whole call.';

CREATE FUNCTION docstore_delete_many(collection text, filter jsonb)
    RETURNS bigint
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'docstore_delete_many';
COMMENT ON FUNCTION docstore_delete_many(text, jsonb) IS
'Deletes every document of collection that matches filter, in one set-based DELETE; returns how many. A NULL filter means {}.
Errors: as docstore_query.';

CREATE FUNCTION docstore_patch(collection text, id uuid, "update" jsonb, expected_version integer DEFAULT NULL, options jsonb DEFAULT NULL)
    RETURNS SETOF docstore.document
    LANGUAGE c VOLATILE PARALLEL UNSAFE ROWS 1
    AS 'MODULE_PATHNAME', 'docstore_patch';
COMMENT ON FUNCTION docstore_patch(text, uuid, jsonb, integer, jsonb) IS
'Applies MongoDB update operators ($set $unset $inc $mul $min $max $rename $currentDate $push with $each/$position/$slice/$sort, $pull, $pullAll, $addToSet with $each, $pop; dotted paths, intermediate objects created; $[] for every element of an array and $[<identifier>] for the elements options.arrayFilters matches) in one row-locked UPDATE, version + 1; no row if absent. With expected_version, the document must be at that version.
Errors: 22004 collection, id or update is NULL; 22023 collection is not 1 to 255 characters, update is not an object of operators, an unknown operator, operators on overlapping paths, a wrong operand, a path MongoDB refuses (through a scalar, a $rename through an array) or a document value of the wrong type (the message names operator and path), bad options or arrayFilters, the positional $ (docstore_update_many takes it); 40001 expected_version differs from the stored version (the message gives both).';

CREATE FUNCTION docstore_query(collection text, filter jsonb DEFAULT '{}', "limit" integer DEFAULT 100)
    RETURNS SETOF docstore.document
    LANGUAGE c STABLE PARALLEL RESTRICTED ROWS 100
    AS 'MODULE_PATHNAME', 'docstore_query';
COMMENT ON FUNCTION docstore_query(text, jsonb, integer) IS
'Documents of collection that match filter, in creation order, at most limit. Filters are MongoDB-style, with MongoDB''s semantics: {"field": value}, dotted paths (array positions included), and the operators $eq $ne $gt $gte $lt $lte $in $nin $exists $type $regex $options $mod $size $all $elemMatch $not $and $or $nor $expr $comment (see the README). A NULL filter means {}, a NULL limit means 100.
Errors: 22004 collection is NULL; 22023 collection is not 1 to 255 characters, filter is not a JSON object or not a valid filter (the message names the operator and the path), limit is negative, or a $expr meets a value of a type its operator does not take; 22012 a $expr divides by zero; 2201B an invalid $regex; 0A000 an unsupported construct (a PCRE-only regular expression, $$NOW).';

CREATE FUNCTION docstore_count(collection text, filter jsonb DEFAULT '{}')
    RETURNS bigint
    LANGUAGE c STABLE PARALLEL RESTRICTED
    AS 'MODULE_PATHNAME', 'docstore_count';
COMMENT ON FUNCTION docstore_count(text, jsonb) IS
'The number of documents of collection that match filter (the query language of docstore_query). A NULL filter means {}.
Errors: as docstore_query (limit aside).';

CREATE FUNCTION docstore_find(collection text, filter jsonb DEFAULT '{}', options jsonb DEFAULT '{}')
    RETURNS SETOF docstore.document
    LANGUAGE c STABLE PARALLEL RESTRICTED ROWS 100
    AS 'MODULE_PATHNAME', 'docstore_find';
COMMENT ON FUNCTION docstore_find(text, jsonb, jsonb) IS
'Documents of collection that match filter (as docstore_query), with options: sort ({"age": -1}, or [{"age": -1}, {"name": 1}] for several keys, since jsonb does not keep key order; ties by id, so deterministic), limit, skip, fields (projection: {"name": 1, "address.city": 1} includes, {"bio": 0} excludes; data holds the projected document) and after (keyset paging: the id of the last row of the previous page). Without sort: creation order. NULL filter or options mean {}.
Errors: as docstore_query; 22023 options is not a JSON object, an invalid option (the message names it), a sort on two arrays of one document under one first key (MongoDB refuses parallel arrays).';

CREATE FUNCTION docstore_distinct(collection text, path text, filter jsonb DEFAULT '{}')
    RETURNS SETOF jsonb
    LANGUAGE c STABLE PARALLEL RESTRICTED
    AS 'MODULE_PATHNAME', 'docstore_distinct';
COMMENT ON FUNCTION docstore_distinct(text, text, jsonb) IS
'The distinct values at path (dotted; an array''s elements count one by one) among the documents of collection that match filter, in docstore_find''s sort order. Numbers compare by value (1 and 1.0 are one value).
Errors: 22004 collection or path is NULL; 22023 collection is not 1 to 255 characters, an invalid path, or an invalid filter; 2201B an invalid $regex.';

------------------------------------------------------------------------------------------------
-- Functions implemented with #[pg_extern] (src/api.rs); their DDL is generated
------------------------------------------------------------------------------------------------

COMMENT ON FUNCTION docstore_delete(text, uuid, integer) IS
'Deletes the document id of collection; true if there was one. With expected_version, the document must be at that version.
Errors: 22004 collection or id is NULL; 22023 collection is not 1 to 255 characters; 40001 expected_version differs from the stored version.';

COMMENT ON FUNCTION docstore_delete_collection(text, boolean) IS
'Deletes every document of collection; true if there was any. Its history (the versions the delete keeps, for collections with history on) and its options stay unless purge is true; the change feed keeps what it recorded until trimmed.
Errors: 22004 collection is NULL; 22023 collection is not 1 to 255 characters.';

COMMENT ON FUNCTION docstore_explain(text, jsonb, jsonb) IS
'The statement docstore_find would run for these arguments (values as $n placeholders), its parameters, and PostgreSQL''s plan for it (EXPLAIN FORMAT JSON; nothing is run). Shows which index serves a query.
Errors: as docstore_find.';
COMMENT ON FUNCTION docstore_create_index(text, jsonb, jsonb) IS
'Creates a B-tree index for collection on the paths of keys ({"age": 1}, or [{"customer.id": 1}, {"created": -1}] for several) and returns its name. Options: unique (true: no two documents of the collection with equal values). Filters on the first path (equality and $gt/$gte/$lt/$lte with a number or string) and docstore_find sorts on the paths use it. The indexed paths may not hold arrays (nor lie under arrays) in this collection: a write that would break this fails with 23514.
Errors: 22004 collection or keys is NULL; 22023 collection is not 1 to 255 characters, bad keys or options; 42P07 the index exists; 23514 a document of the collection holds an array on the paths; 23505 duplicates for a unique index.';
COMMENT ON FUNCTION docstore_rebuild_indexes() IS
'Re-creates the indexes listed in docstore.indexes that do not exist, and returns how many: run it after pg_restore, which restores the list but not indexes on the extension''s table. Until then queries do not count on those indexes (results stay exact).';
COMMENT ON FUNCTION docstore_drop_index(text, text) IS
'Drops the index name of collection (and its no-arrays rule); true if it existed.
Errors: 22004 collection or name is NULL; 22023 collection is not 1 to 255 characters.';
COMMENT ON FUNCTION docstore.apply_update(jsonb, jsonb, text) IS
'Internal: a document with update operators applied (docstore_patch).';
COMMENT ON FUNCTION docstore.compare(jsonb, jsonb) IS
'Internal: MongoDB''s order of two values (-1, 0, 1): null, numbers, strings, objects, arrays, booleans; objects pair by pair (type, key, value) in jsonb''s key order, arrays element by element. What $gt/$gte/$lt/$lte with an object or array operand compile to.
Errors: 22023 a value nested more than 128 levels deep.';
COMMENT ON FUNCTION docstore.path_values(jsonb, jsonb) IS
'Internal: what a path reaches as MongoDB finds it, a key that is an array position ("0", "12") also taking that element of an array: value is the value at the path''s first key (NULL: missing), rest the keys after it; {"values": [...], "candidates": [...], "missing": bool} (the values; what comparisons look at; whether the path runs out). What a filter on a path with array positions ("items.0.price") is evaluated over.
Errors: 22023 a value nested more than 128 levels deep.';
COMMENT ON FUNCTION docstore.sort_keys(jsonb, jsonb, jsonb) IS
'Internal: a document''s sort key on paths that begin with the same key (docstore_find''s sort on paths no index covers): value is the value at that key, rests the keys after it for each path, descending each path''s direction; for each path [v] with its part of the best entry (arrays counted by their elements, paths through one array paired per element, as MongoDB), or [] for an empty array, which sorts below null and missing.
Errors: 22023 parallel arrays (two arrays of one document side by side, which MongoDB refuses to sort on), a value nested more than 128 levels deep.';
COMMENT ON FUNCTION docstore.apply_update(jsonb, jsonb, text, jsonb) IS
'Internal: a document with update operators applied, with the arrayFilters and the query that $[<identifier>] and $ refer to (docstore_update_many, docstore_patch).';
COMMENT ON FUNCTION docstore.expr_path(jsonb, jsonb) IS
'Internal: $expr''s field path through arrays: the value at the path''s first key (NULL: missing), the keys after it; aggregation''s reading (an array of objects gives the array of their values).
Errors: 22023 a value nested more than 128 levels deep.';
COMMENT ON FUNCTION docstore.expr_compare(jsonb, jsonb) IS
'Internal: $expr''s total order of two values (NULL: missing, below everything; then null, numbers, strings, objects, arrays, booleans): -1, 0 or 1.';
COMMENT ON FUNCTION docstore.expr_truthy(jsonb) IS
'Internal: whether a $expr value counts as true: not false, null, missing (NULL) or a zero.';
COMMENT ON FUNCTION docstore.expr_op(text, jsonb, jsonb) IS
'Internal: $expr''s $add, $subtract, $multiply, $divide, $mod, $abs, $size and $in on two values (NULL: missing; null or missing operands of arithmetic give null).
Errors: 22023 a value of a type the operator does not take (as MongoDB fails the query); 22012 division by zero.';
COMMENT ON FUNCTION docstore.project(jsonb, jsonb) IS
'Internal: a document projected by a fields spec of docstore_find ({"path": true} includes, {"path": false} excludes).';
COMMENT ON FUNCTION docstore.check_read_args(text, uuid) IS
'Internal: the argument checks of docstore_read.';
COMMENT ON FUNCTION docstore.uuid_v7(bigint) IS
'A UUIDv7 (RFC 9562) with the given counter after the millisecond timestamp; with nextval(''docstore.id_seq'') the default of docstore.documents.id, ordered by creation across sessions.';
COMMENT ON FUNCTION docstore.version_bump() IS
'Trigger: on every UPDATE of docstore.documents sets version = OLD.version + 1 and updated_at = now(), and rejects changes to id, collection and created_at (SQLSTATE 23000).';

------------------------------------------------------------------------------------------------
-- Functions in SQL, inlined into the calling query by the planner
------------------------------------------------------------------------------------------------

-- MongoDB's sort order of values, as four keys (see docstore_find):
-- missing and null, numbers (by value), strings (by code point), objects, arrays, booleans.
CREATE FUNCTION docstore.sort_rank(value jsonb) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE pg_catalog.jsonb_typeof(value) WHEN 'number' THEN 2 WHEN 'string' THEN 3 WHEN 'object' THEN 4
                                    WHEN 'array' THEN 5 WHEN 'boolean' THEN 6 ELSE 1 END;
CREATE FUNCTION docstore.sort_number(value jsonb) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN pg_catalog.jsonb_typeof(value) OPERATOR(pg_catalog.=) 'number' THEN value::pg_catalog.numeric END;
CREATE FUNCTION docstore.sort_text(value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN pg_catalog.jsonb_typeof(value) OPERATOR(pg_catalog.=) 'string'
                THEN (value OPERATOR(pg_catalog.#>>) '{}'::pg_catalog.text[]) COLLATE pg_catalog."C" END;
CREATE FUNCTION docstore.sort_other(value jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN pg_catalog.jsonb_typeof(value) OPERATOR(pg_catalog.=) ANY ('{object,array,boolean}'::pg_catalog.text[])
                THEN value END;
COMMENT ON FUNCTION docstore.sort_other(jsonb) IS 'Internal: the sort key of objects, arrays and booleans (jsonb order; NULL for other types).';
CREATE FUNCTION docstore.sort_key_rank(key jsonb) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN key OPERATOR(pg_catalog.=) '[]'::pg_catalog.jsonb THEN 0
                ELSE docstore.sort_rank(key OPERATOR(pg_catalog.->) 0) END;
COMMENT ON FUNCTION docstore.sort_key_rank(jsonb) IS 'Internal: the type rank of a path''s part of a docstore.sort_keys result: 0 for an empty array (below null and missing), else docstore.sort_rank of the picked value.';
COMMENT ON FUNCTION docstore.sort_rank(jsonb) IS 'Internal: the type rank of a value in MongoDB''s sort order.';
COMMENT ON FUNCTION docstore.sort_number(jsonb) IS 'Internal: a number''s sort key (NULL for other types).';
COMMENT ON FUNCTION docstore.sort_text(jsonb) IS 'Internal: a string''s sort key (NULL for other types); compare with COLLATE "C".';

-- Inlinable: LANGUAGE sql, STABLE, not STRICT, a single SELECT. The argument checks are a
-- constant qual, evaluated once before the scan (or folded away at plan time).
CREATE FUNCTION docstore_read(collection text, id uuid)
    RETURNS SETOF docstore.document
    LANGUAGE sql STABLE PARALLEL SAFE ROWS 1
BEGIN ATOMIC
    SELECT d.id, d.collection, d.data, d.created_at, d.updated_at, d.version
      FROM docstore.documents AS d
     WHERE docstore.check_read_args($1, $2)
       AND d.collection OPERATOR(pg_catalog.=) $1
       AND d.id OPERATOR(pg_catalog.=) $2;
END;
COMMENT ON FUNCTION docstore_read(text, uuid) IS
'The document id of collection (one row), or no row.
Errors: 22004 collection or id is NULL; 22023 collection is not 1 to 255 characters.';

-- A skip scan over documents_collection_id_idx: one index descent per collection, so the cost
-- grows with the number of collections, not of documents.
CREATE FUNCTION docstore_list_collections()
    RETURNS SETOF text
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    WITH RECURSIVE names(name) AS (
        (SELECT d.collection FROM docstore.documents AS d ORDER BY d.collection LIMIT 1)
        UNION ALL
        SELECT (SELECT d.collection FROM docstore.documents AS d
                 WHERE d.collection OPERATOR(pg_catalog.>) names.name ORDER BY d.collection LIMIT 1)
          FROM names
         WHERE names.name IS NOT NULL
    )
    SELECT name FROM names WHERE name IS NOT NULL ORDER BY name;
END;
CREATE FUNCTION docstore_list_indexes(collection text)
    RETURNS TABLE (name text, keys jsonb, options jsonb)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT i.name, i.keys, i.options FROM docstore.indexes AS i
     WHERE i.collection OPERATOR(pg_catalog.=) $1 ORDER BY i.name;
END;
COMMENT ON FUNCTION docstore_list_indexes(text) IS 'The indexes docstore_create_index made for collection.';

COMMENT ON FUNCTION docstore_list_collections() IS
'Names of the collections that hold documents, sorted by code point.';

------------------------------------------------------------------------------------------------
-- History and the change feed (PL/pgSQL: each is one or two set-based statements)
------------------------------------------------------------------------------------------------

COMMENT ON FUNCTION docstore_configure(text, jsonb) IS
'Sets options of collection and returns all its options: history (true: every update and delete keeps the replaced version, see docstore_history) and changes (true: every create, update and delete is recorded in the change feed, see docstore_changes). Options not given keep their value; both are off by default. Takes effect for writes that start after the call commits.
Errors: 22004 collection or options is NULL; 22023 collection is not 1 to 255 characters, options is not an object, an unknown option or a value that is not a boolean.';
COMMENT ON FUNCTION docstore_collection_options(text) IS
'The options of collection, every one with its value: {"history": …, "changes": …}.
Errors: 22004 collection is NULL; 22023 collection is not 1 to 255 characters.';
COMMENT ON FUNCTION docstore.restoring(text, uuid) IS
'Internal: marks the next insert of document id of collection as its restore (docstore_restore): the insert trigger gives it the version after its history''s newest and its created_at.';
COMMENT ON FUNCTION docstore.track() IS
'Trigger: keeps history and records the change feed for collections configured so (BEFORE INSERT OR DELETE, AFTER INSERT on docstore.documents).';

-- Raises 22004 when value is NULL (the argument checks of the functions below).
CREATE FUNCTION docstore.require(value anyelement, argument text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF value IS NULL THEN
        RAISE EXCEPTION '% must not be NULL', argument
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    RETURN true;
END $$;
COMMENT ON FUNCTION docstore.require(anyelement, text) IS 'Internal: 22004 if value is NULL.';

CREATE FUNCTION docstore_history(collection text, id uuid)
    RETURNS TABLE (id uuid, collection text, version integer, data jsonb,
                   valid_from timestamptz, valid_to timestamptz, operation text)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT d.id, d.collection, d.version, d.data, d.updated_at, NULL::timestamptz, NULL::pg_catalog.text
      FROM docstore.documents AS d
     WHERE docstore.check_read_args($1, $2) AND d.collection OPERATOR(pg_catalog.=) $1 AND d.id OPERATOR(pg_catalog.=) $2
    UNION ALL
    SELECT h.id, h.collection, h.version, h.data, h.valid_from, h.valid_to, h.operation
      FROM docstore.history AS h
     WHERE docstore.check_read_args($1, $2) AND h.collection OPERATOR(pg_catalog.=) $1 AND h.id OPERATOR(pg_catalog.=) $2
     ORDER BY 3 DESC;
END;
COMMENT ON FUNCTION docstore_history(text, uuid) IS
'Every version of the document id of collection, newest first: the current one (valid_to and operation NULL) and, for collections with history on, each past version with the time it was valid [valid_from, valid_to) and the write that ended it (update or delete). A deleted document has only past versions; no row for an id never seen.
Errors: 22004 collection or id is NULL; 22023 collection is not 1 to 255 characters.';

CREATE FUNCTION docstore_read_version(collection text, id uuid, version integer)
    RETURNS SETOF docstore.document
    LANGUAGE sql STABLE PARALLEL SAFE ROWS 1
BEGIN ATOMIC
    SELECT d.id, d.collection, d.data, d.created_at, d.updated_at, d.version
      FROM docstore.documents AS d
     WHERE docstore.check_read_args($1, $2) AND docstore.require($3, 'version'::pg_catalog.text)
       AND d.collection OPERATOR(pg_catalog.=) $1 AND d.id OPERATOR(pg_catalog.=) $2 AND d.version OPERATOR(pg_catalog.=) $3
    UNION ALL
    SELECT h.id, h.collection, h.data, h.created_at, h.valid_from, h.version
      FROM docstore.history AS h
     WHERE docstore.check_read_args($1, $2) AND docstore.require($3, 'version'::pg_catalog.text)
       AND h.collection OPERATOR(pg_catalog.=) $1 AND h.id OPERATOR(pg_catalog.=) $2 AND h.version OPERATOR(pg_catalog.=) $3;
END;
COMMENT ON FUNCTION docstore_read_version(text, uuid, integer) IS
'Version version of the document id of collection (updated_at is when that version was written), or no row: from the history for past versions.
Errors: 22004 collection, id or version is NULL; 22023 collection is not 1 to 255 characters.';

CREATE FUNCTION docstore_read_at(collection text, id uuid, at timestamptz)
    RETURNS SETOF docstore.document
    LANGUAGE sql STABLE PARALLEL SAFE ROWS 1
BEGIN ATOMIC
    SELECT d.id, d.collection, d.data, d.created_at, d.updated_at, d.version
      FROM docstore.documents AS d
     WHERE docstore.check_read_args($1, $2) AND docstore.require($3, 'at'::pg_catalog.text)
       AND d.collection OPERATOR(pg_catalog.=) $1 AND d.id OPERATOR(pg_catalog.=) $2 AND d.updated_at OPERATOR(pg_catalog.<=) $3
    UNION ALL
    SELECT h.id, h.collection, h.data, h.created_at, h.valid_from, h.version
      FROM docstore.history AS h
     WHERE docstore.check_read_args($1, $2) AND docstore.require($3, 'at'::pg_catalog.text)
       AND h.collection OPERATOR(pg_catalog.=) $1 AND h.id OPERATOR(pg_catalog.=) $2
       AND h.valid_from OPERATOR(pg_catalog.<=) $3 AND $3 OPERATOR(pg_catalog.<) h.valid_to;
END;
COMMENT ON FUNCTION docstore_read_at(text, uuid, timestamptz) IS
'The version of the document id of collection that was current at time at, or no row (not yet created, or deleted by then). Times are transaction start times, as updated_at.
Errors: 22004 collection, id or at is NULL; 22023 collection is not 1 to 255 characters.';

CREATE FUNCTION docstore_restore(collection text, id uuid, version integer)
    RETURNS SETOF docstore.document
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE ROWS 1 SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    old docstore.document;
BEGIN
    PERFORM docstore.require(version, 'version');
    SELECT * INTO old FROM @extschema@.docstore_read_version(collection, id, version);
    IF NOT FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY
        UPDATE docstore.documents AS d SET data = old.data
         WHERE d.collection = old.collection AND d.id = old.id
        RETURNING d.id, d.collection, d.data, d.created_at, d.updated_at, d.version;
    IF FOUND THEN
        RETURN;
    END IF;
    -- Deleted: it comes back with its id, its creation time and the next version number, which
    -- the insert trigger takes from the history (docstore.restoring marks the id for it: a
    -- writer may not set versions or times itself).
    PERFORM docstore.restoring(old.collection, old.id);
    RETURN QUERY
        INSERT INTO docstore.documents AS d (id, collection, data)
        VALUES (old.id, old.collection, old.data)
        RETURNING d.id, d.collection, d.data, d.created_at, d.updated_at, d.version;
END $$;
COMMENT ON FUNCTION docstore_restore(text, uuid, integer) IS
'Writes the content of version version of the document id of collection as a new version (history is never rewritten) and returns the document; a deleted document comes back with its id and the next version number. No row if that version does not exist.
Errors: 22004 collection, id or version is NULL; 22023 collection is not 1 to 255 characters; 23505 a deleted document''s id was taken meanwhile.';

-- The change feed. A cursor is "prev/cur/seq": the reader has every change of a transaction
-- visible in snapshot prev, and of the changes of transactions visible in snapshot cur but not
-- in prev (one batch, in seq order) those up to seq. A batch is fixed once cur is taken: every
-- transaction in it had ended, so nothing can join it later, and a transaction that commits
-- later is not visible in cur, so it falls into a later batch. Within a batch seq order is a
-- document's version order (seq is taken with the row locked); across batches too, since a
-- later version commits after an earlier one.
CREATE FUNCTION docstore.changes_snapshot() RETURNS pg_snapshot
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    -- The current snapshot, with this transaction's own xid (if any) counted as running:
    -- its changes are handed out only after it commits, like everyone's.
    SELECT CASE WHEN own IS NULL OR own OPERATOR(pg_catalog.>=) pg_catalog.pg_snapshot_xmax(s) THEN s
           ELSE pg_catalog.concat_ws(':', LEAST(pg_catalog.pg_snapshot_xmin(s), own), pg_catalog.pg_snapshot_xmax(s),
                    (SELECT COALESCE(pg_catalog.string_agg(x::pg_catalog.text, ',' ORDER BY x), '')
                       FROM (SELECT pg_catalog.pg_snapshot_xip(s) UNION SELECT own) AS xs(x)))::pg_catalog.pg_snapshot
           END
      FROM (SELECT pg_catalog.pg_current_snapshot(), pg_catalog.pg_current_xact_id_if_assigned()) AS c(s, own);
END;
COMMENT ON FUNCTION docstore.changes_snapshot() IS 'Internal: the snapshot that decides which changes docstore_changes hands out.';

-- Checks docstore_changes' arguments and reads its cursor: the batch (prev, cur) to finish after
-- seq last, and the snapshot now that ends the next batch (NULL if nothing ended since cur).
CREATE FUNCTION docstore.changes_start(after text, "limit" integer, collection text,
                                       OUT prev pg_snapshot, OUT cur pg_snapshot, OUT last bigint,
                                       OUT now pg_snapshot, OUT lim integer)
    LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    trimmed xid8;
    parts text[];
BEGIN
    lim := coalesce("limit", 1000);
    IF lim < 0 THEN
        RAISE EXCEPTION 'limit must be 0 or greater, got %', lim USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF char_length(collection) NOT BETWEEN 1 AND 255 THEN
        RAISE EXCEPTION 'collection name must be 1 to 255 characters, got %', char_length(collection)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT f.trimmed_before INTO trimmed FROM docstore.feed AS f;
    IF after IS NULL THEN
        -- From the oldest change kept.
        prev := (trimmed || ':' || trimmed || ':')::pg_snapshot;
        cur := prev;
        last := 0;
    ELSE
        parts := regexp_match(after, '^(\d{1,20}:\d{1,20}:[\d,]*)/(\d{1,20}:\d{1,20}:[\d,]*)/(\d{1,19})$');
        BEGIN
            prev := parts[1]::pg_snapshot;
            cur := parts[2]::pg_snapshot;
        EXCEPTION WHEN invalid_text_representation THEN
            parts := NULL;
        END;
        IF parts IS NULL THEN
            RAISE EXCEPTION 'after is not a cursor of docstore_changes: "%"', left(after, 100)
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'pass the cursor column of a row docstore_changes returned, or NULL to start from the oldest change';
        END IF;
        last := parts[3]::bigint;
        IF pg_snapshot_xmin(prev) < trimmed THEN
            RAISE EXCEPTION 'the change feed was trimmed past this cursor: changes it has not read are gone'
                USING ERRCODE = 'object_not_in_prerequisite_state',
                      HINT = 'read everything again from the oldest change kept (after => NULL)';
        END IF;
    END IF;
    now := docstore.changes_snapshot();
    IF now::text = cur::text THEN
        now := NULL;
    END IF;
END $$;
COMMENT ON FUNCTION docstore.changes_start(text, integer, text) IS 'Internal: the argument checks and cursor of docstore_changes.';

CREATE FUNCTION docstore_changes(after text DEFAULT NULL, "limit" integer DEFAULT 1000, collection text DEFAULT NULL)
    RETURNS TABLE (cursor text, collection text, id uuid, op text, version integer, data jsonb, changed_at timestamptz)
    LANGUAGE sql STABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
    -- k's values reach the scans as InitPlan parameters (not a join), so that the first
    -- scan streams changes_pkey in order and stops at the limit.
    WITH k AS MATERIALIZED (SELECT * FROM docstore.changes_start($1, $2, $3))
    SELECT r.cursor, r.collection, r.id, r.op, r.version, r.data, r.changed_at
      FROM ((SELECT 1 AS batch, c.seq,
                    pg_catalog.concat((SELECT pg_catalog.concat_ws('/', k.prev, k.cur, '') FROM k), c.seq) AS cursor,
                    c.collection, c.id, c.op, c.version, c.data, c.changed_at
               FROM docstore.changes AS c
              -- The rest of the cursor's batch: walks changes_pkey from the cursor on.
              WHERE c.seq OPERATOR(pg_catalog.>) (SELECT k.last FROM k)
                AND pg_catalog.pg_visible_in_snapshot(c.xid, (SELECT k.cur FROM k))
                AND NOT pg_catalog.pg_visible_in_snapshot(c.xid, (SELECT k.prev FROM k))
                AND ($3 IS NULL OR c.collection OPERATOR(pg_catalog.=) $3)
              ORDER BY c.seq
              LIMIT (SELECT k.lim FROM k))
            UNION ALL
            (SELECT 2, c.seq, pg_catalog.concat((SELECT pg_catalog.concat_ws('/', k.cur, k.now, '') FROM k), c.seq),
                    c.collection, c.id, c.op, c.version, c.data, c.changed_at
               FROM docstore.changes AS c
              -- The next batch, which may start at any seq (a transaction that ended late
              -- took its numbers early): its candidates are the transactions from cur's xmin
              -- on, found by changes_xid_idx (seq + 0: not by walking all of changes_pkey).
              WHERE (SELECT k.now IS NOT NULL FROM k)
                AND c.xid OPERATOR(pg_catalog.>=) (SELECT pg_catalog.pg_snapshot_xmin(k.cur) FROM k)
                AND c.xid OPERATOR(pg_catalog.<) (SELECT pg_catalog.pg_snapshot_xmax(k.now) FROM k)
                AND pg_catalog.pg_visible_in_snapshot(c.xid, (SELECT k.now FROM k))
                AND NOT pg_catalog.pg_visible_in_snapshot(c.xid, (SELECT k.cur FROM k))
                AND ($3 IS NULL OR c.collection OPERATOR(pg_catalog.=) $3)
              ORDER BY c.seq OPERATOR(pg_catalog.+) 0
              LIMIT (SELECT k.lim FROM k))) AS r
     ORDER BY r.batch, r.seq
     LIMIT (SELECT k.lim FROM k);
END;
COMMENT ON FUNCTION docstore_changes(text, integer, text) IS
'The change feed: creates, updates and deletes of collections with changes on, at most limit rows, in order; only collection''s if given. Pass the cursor of the last row read as after to continue exactly there (NULL: from the oldest change kept). A reader that follows cursors never skips a committed change and never sees one twice, also when transactions commit in another order than they wrote; a change is handed out once no running transaction can precede it, and a document''s changes come in version order. op is create, update or delete; version is the version written (for a delete, the version deleted); data is the document written (NULL for a delete). LISTEN docstore_changes to be notified when changes commit (the payload is empty: what changed is what docstore_changes shows the listener).
Errors: 22023 after is not a cursor, limit is negative, or collection is not 1 to 255 characters; 55000 the feed was trimmed past after (changes the reader has not read are gone).';

CREATE FUNCTION docstore_trim_changes(before text)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    horizon xid8;
    n bigint;
BEGIN
    PERFORM docstore.require(before, 'before');
    IF before !~ '^\d{1,20}:\d{1,20}:[\d,]*/\d{1,20}:\d{1,20}:[\d,]*/\d{1,19}$' THEN
        RAISE EXCEPTION 'before is not a cursor of docstore_changes: "%"', left(before, 100)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Everything of a transaction older than the cursor's first snapshot's xmin was read.
    horizon := pg_snapshot_xmin(split_part(before, '/', 1)::pg_snapshot);
    UPDATE docstore.feed SET trimmed_before = greatest(trimmed_before, horizon)
    RETURNING trimmed_before INTO horizon;
    DELETE FROM docstore.changes WHERE xid < horizon;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;
COMMENT ON FUNCTION docstore_trim_changes(text) IS
'Deletes the changes that a reader at cursor before has read for certain (every change of a transaction that had ended before the cursor''s batches began) and returns how many. A reader whose cursor is older than the trim point gets an error (55000) instead of silently missing changes.
Errors: 22004 before is NULL; 22023 before is not a cursor.';

------------------------------------------------------------------------------------------------
-- Access control (README, "Security model"): table privileges decide whether a role may use
-- docstore at all, row-level security which collections it sees and changes. The functions are
-- SECURITY INVOKER, so both apply to them exactly as to plain SQL. The table owner (who created
-- the extension, or a superuser) bypasses row-level security, as PostgreSQL does for owners.
-- Writers get only the columns they write (id, collection, data): versions and times are the
-- triggers', and the history and the feed are written by the triggers with the table owner's
-- rights (as PostgreSQL's foreign-key triggers do), never by a writer directly.
------------------------------------------------------------------------------------------------

-- Who may read or write which collection ('*': every collection).
CREATE TABLE docstore.grants (
    collection  text        COLLATE "C" NOT NULL,
    role        regrole     NOT NULL,
    access      text        NOT NULL,
    CONSTRAINT grants_pkey PRIMARY KEY (collection, role),
    CONSTRAINT grants_access CHECK (access IN ('read', 'write'))
);
COMMENT ON TABLE docstore.grants IS 'per-collection access (docstore_grant); read by the row-level security policies';
SELECT pg_catalog.pg_extension_config_dump('docstore.grants', '');

-- Whether the current role (or a role it is a member of) may read (or, with write = true,
-- write) collection. A SQL-standard body: bound here, at install, so that no caller's
-- search_path can put another pg_has_role or = in its place. It reads docstore.grants under
-- that table's own policy (the grants that apply to the caller), which is exactly what it needs.
-- In C (src/access.rs): the same EXISTS over docstore.grants, computed once per collection,
-- role and command instead of once per row.
CREATE FUNCTION docstore.allowed(collection text, write boolean) RETURNS boolean
    LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'docstore_allowed';
COMMENT ON FUNCTION docstore.allowed(text, boolean) IS 'Internal: the row-level security test of docstore_grant (a grant of the current role, or of a role it is a member of, on collection or ''*''; a write grant if write), computed once per collection, role and command.';

ALTER TABLE docstore.documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON docstore.documents FOR SELECT USING (docstore.allowed(collection, false));
CREATE POLICY insert ON docstore.documents FOR INSERT WITH CHECK (docstore.allowed(collection, true));
CREATE POLICY update ON docstore.documents FOR UPDATE
    USING (docstore.allowed(collection, true)) WITH CHECK (docstore.allowed(collection, true));
CREATE POLICY delete ON docstore.documents FOR DELETE USING (docstore.allowed(collection, true));
ALTER TABLE docstore.history ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON docstore.history FOR SELECT USING (docstore.allowed(collection, false));
ALTER TABLE docstore.changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON docstore.changes FOR SELECT USING (docstore.allowed(collection, false));
-- The metadata: a role sees the grants that apply to it, and the options and indexes of the
-- collections it may read.
ALTER TABLE docstore.grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON docstore.grants FOR SELECT
    USING (pg_catalog.pg_has_role(role::pg_catalog.oid, 'MEMBER'::pg_catalog.text));
ALTER TABLE docstore.collections ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON docstore.collections FOR SELECT USING (docstore.allowed(name, false));
ALTER TABLE docstore.indexes ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON docstore.indexes FOR SELECT USING (docstore.allowed(collection, false));

-- The table privileges each access needs: to read, SELECT on the tables (row-level security
-- keeps it to its collections); to write, also INSERT of the columns a write names, UPDATE of
-- data, DELETE, and the id sequence (the default of id).
CREATE FUNCTION docstore.table_privileges(role regrole, access text, do_grant boolean) RETURNS void
    LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    verb text := CASE WHEN do_grant THEN 'GRANT' ELSE 'REVOKE' END;
    word text := CASE WHEN do_grant THEN 'TO' ELSE 'FROM' END;
BEGIN
    EXECUTE format('%s SELECT ON docstore.documents, docstore.history, docstore.changes, docstore.collections, docstore.indexes, docstore.feed, docstore.grants %s %I',
                   verb, word, role::text);
    IF access = 'write' OR NOT do_grant THEN
        EXECUTE format('%s INSERT (id, collection, data), UPDATE (data) ON docstore.documents %s %I', verb, word, role::text);
        EXECUTE format('%s DELETE ON docstore.documents %s %I', verb, word, role::text);
        EXECUTE format('%s USAGE ON SEQUENCE docstore.id_seq %s %I', verb, word, role::text);
    END IF;
END $$;
COMMENT ON FUNCTION docstore.table_privileges(regrole, text, boolean) IS 'Internal: the GRANTs behind docstore_grant.';

CREATE FUNCTION docstore_grant(collection text, role regrole, access text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM docstore.require(collection, 'collection');
    PERFORM docstore.require(role, 'role');
    PERFORM docstore.require(access, 'access');
    IF collection <> '*' AND char_length(collection) NOT BETWEEN 1 AND 255 THEN
        RAISE EXCEPTION 'collection name must be 1 to 255 characters, got %', char_length(collection)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF access NOT IN ('read', 'write') THEN
        RAISE EXCEPTION 'access must be ''read'' or ''write'', got "%"', left(access, 100)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO docstore.grants AS g (collection, role, access) VALUES ($1, $2, $3)
        ON CONFLICT ON CONSTRAINT grants_pkey DO UPDATE SET access = EXCLUDED.access;
    PERFORM docstore.table_privileges(role, CASE WHEN EXISTS (
        SELECT 1 FROM docstore.grants AS g WHERE g.role::oid = $2::oid AND g.access = 'write') THEN 'write' ELSE 'read' END, true);
END $$;
COMMENT ON FUNCTION docstore_grant(text, regrole, text) IS
'Lets role (and its members) read, or read and write, the documents of collection (''*'': of every collection) — through the docstore functions and through plain SQL on docstore.documents, its history and its changes. Grants the table privileges this needs; row-level security keeps the role to its collections. Run by the owner of the docstore tables (who created the extension) or a superuser.
Errors: 22004 an argument is NULL; 22023 collection is not 1 to 255 characters (or *), access is not read or write; 42501 the caller may not grant.';

CREATE FUNCTION docstore_revoke(collection text, role regrole)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    removed boolean;
    left_access text;
BEGIN
    PERFORM docstore.require(collection, 'collection');
    PERFORM docstore.require(role, 'role');
    DELETE FROM docstore.grants AS g WHERE g.collection = $1 AND g.role::oid = $2::oid;
    removed := FOUND;
    SELECT max(g.access) INTO left_access FROM docstore.grants AS g WHERE g.role::oid = $2::oid;  -- 'write' > 'read'
    IF left_access IS NULL THEN
        PERFORM docstore.table_privileges(role, 'write', false);
    ELSIF left_access = 'read' THEN
        PERFORM docstore.table_privileges(role, 'write', false);
        PERFORM docstore.table_privileges(role, 'read', true);
    END IF;
    RETURN removed;
END $$;
COMMENT ON FUNCTION docstore_revoke(text, regrole) IS
'Takes back what docstore_grant gave role on collection (''*'': the every-collection grant); true if there was such a grant. When the role has no grant left, its table privileges go too.
Errors: 22004 an argument is NULL; 42501 the caller may not revoke.';

CREATE FUNCTION docstore_list_grants()
    RETURNS TABLE (collection text, role regrole, access text)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT g.collection, g.role, g.access FROM docstore.grants AS g
     ORDER BY g.collection, g.role::pg_catalog.text;
END;
COMMENT ON FUNCTION docstore_list_grants() IS 'The grants made by docstore_grant that the caller may see: all of them for the owner, the ones that apply to it for anyone else.';

-- Who owns what. The schema docstore stays with the superuser who ran this script (for a
-- trusted install, the bootstrap superuser), like every function in it: no other role can add
-- an overload, an operator or a view to it, or rename what docstore's statements name. Everyone
-- may look names up in it (its tables have no PUBLIC privileges). The role that creates the
-- extension owns the storage (a database owner can create it: the extension is trusted): as
-- owner it bypasses row-level security, configures collections, creates per-path indexes (made
-- by docstore_create_index with the schema owner's right to create in the schema, after checking
-- that the caller owns the tables) and grants access (docstore_grant).
GRANT USAGE ON SCHEMA docstore TO PUBLIC;
ALTER TABLE docstore.documents OWNER TO @extowner@;
ALTER TABLE docstore.indexes OWNER TO @extowner@;
ALTER TABLE docstore.collections OWNER TO @extowner@;
ALTER TABLE docstore.history OWNER TO @extowner@;
ALTER TABLE docstore.changes OWNER TO @extowner@;
ALTER TABLE docstore.feed OWNER TO @extowner@;
ALTER TABLE docstore.grants OWNER TO @extowner@;
ALTER SEQUENCE docstore.id_seq OWNER TO @extowner@;
ALTER SEQUENCE docstore.change_seq OWNER TO @extowner@;
