-- docstore finalize: storage, the version trigger and the hand-declared functions.
-- Runs after every function pgrx generates (docstore.uuid_v7, docstore.version_bump, …).

------------------------------------------------------------------------------------------------
-- Storage
------------------------------------------------------------------------------------------------

-- The counter inside every id: one sequence, so ids are ordered across sessions.
CREATE SEQUENCE docstore.id_seq;

CREATE TABLE docstore.documents (
    id          uuid        NOT NULL DEFAULT docstore.uuid_v7(nextval('docstore.id_seq')),
    -- "C": names compare and sort by code point, whatever the database's locale.
    collection  text        COLLATE "C" NOT NULL,
    data        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer     NOT NULL DEFAULT 1,
    -- The key is id alone, so the table can be distributed by id (Citus).
    CONSTRAINT documents_pkey PRIMARY KEY (id),
    CONSTRAINT documents_collection_length CHECK (char_length(collection) BETWEEN 1 AND 255),
    CONSTRAINT documents_data_is_object CHECK (jsonb_typeof(data) = 'object')
);
COMMENT ON TABLE docstore.documents IS 'every docstore document; version and updated_at are kept by the trigger version_bump';

-- "A collection in creation order": id order is creation order (see docstore.uuid_v7).
CREATE INDEX documents_collection_id_idx ON docstore.documents (collection, id);
-- Containment (@>) on documents. jsonb_path_ops: smaller and faster than jsonb_ops for @>.
CREATE INDEX documents_data_idx ON docstore.documents USING gin (data jsonb_path_ops);

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
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX indexes_collection_idx ON docstore.indexes (collection);
COMMENT ON TABLE docstore.indexes IS 'per-path indexes made by docstore_create_index';

-- Without this, pg_dump skips the table's rows: they belong to the extension.
SELECT pg_catalog.pg_extension_config_dump('docstore.documents', '');
SELECT pg_catalog.pg_extension_config_dump('docstore.id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('docstore.indexes', '');

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

CREATE FUNCTION docstore_update_many(collection text, filter jsonb, "update" jsonb)
    RETURNS bigint
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'docstore_update_many';
COMMENT ON FUNCTION docstore_update_many(text, jsonb, jsonb) IS
'Applies update operators (as docstore_patch) to every document of collection that matches filter (as docstore_query), in one set-based UPDATE; returns how many. A NULL filter means {}.
Errors: as docstore_patch and docstore_query; one failing document fails the whole call.';

CREATE FUNCTION docstore_delete_many(collection text, filter jsonb)
    RETURNS bigint
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'docstore_delete_many';
COMMENT ON FUNCTION docstore_delete_many(text, jsonb) IS
'Deletes every document of collection that matches filter, in one set-based DELETE; returns how many. A NULL filter means {}.
Errors: as docstore_query.';

CREATE FUNCTION docstore_patch(collection text, id uuid, "update" jsonb, expected_version integer DEFAULT NULL)
    RETURNS SETOF docstore.document
    LANGUAGE c VOLATILE PARALLEL UNSAFE ROWS 1
    AS 'MODULE_PATHNAME', 'docstore_patch';
COMMENT ON FUNCTION docstore_patch(text, uuid, jsonb, integer) IS
'Applies MongoDB update operators ($set $unset $inc $mul $min $max $rename $currentDate $push with $each/$position/$slice, $pull, $pullAll, $addToSet with $each, $pop; dotted paths, intermediate objects created) in one row-locked UPDATE, version + 1; no row if absent. With expected_version, the document must be at that version.
Errors: 22004 collection, id or update is NULL; 22023 collection is not 1 to 255 characters, update is not an object of operators, an unknown operator, operators on overlapping paths, a wrong operand or a document value of the wrong type (the message names operator and path); 40001 expected_version differs from the stored version (the message gives both).';

CREATE FUNCTION docstore_query(collection text, filter jsonb DEFAULT '{}', "limit" integer DEFAULT 100)
    RETURNS SETOF docstore.document
    LANGUAGE c STABLE PARALLEL RESTRICTED ROWS 100
    AS 'MODULE_PATHNAME', 'docstore_query';
COMMENT ON FUNCTION docstore_query(text, jsonb, integer) IS
'Documents of collection that match filter, in creation order, at most limit. Filters are MongoDB-style: {"field": value}, dotted paths, and the operators $eq $ne $gt $gte $lt $lte $in $nin $exists $type $regex $options $size $all $elemMatch $not $and $or $nor (see the README). A NULL filter means {}, a NULL limit means 100.
Errors: 22004 collection is NULL; 22023 collection is not 1 to 255 characters, filter is not a JSON object or not a valid filter (the message names the operator and the path), or limit is negative; 2201B an invalid $regex; 0A000 an unsupported construct.';

CREATE FUNCTION docstore_count(collection text, filter jsonb DEFAULT '{}')
    RETURNS bigint
    LANGUAGE c STABLE PARALLEL RESTRICTED
    AS 'MODULE_PATHNAME', 'docstore_count';
COMMENT ON FUNCTION docstore_count(text, jsonb) IS
'The number of documents of collection that match filter (the query language of docstore_query). A NULL filter means {}.
Errors: 22004 collection is NULL; 22023 collection is not 1 to 255 characters, or filter is not a JSON object or not a valid filter; 2201B an invalid $regex.';

CREATE FUNCTION docstore_find(collection text, filter jsonb DEFAULT '{}', options jsonb DEFAULT '{}')
    RETURNS SETOF docstore.document
    LANGUAGE c STABLE PARALLEL RESTRICTED ROWS 100
    AS 'MODULE_PATHNAME', 'docstore_find';
COMMENT ON FUNCTION docstore_find(text, jsonb, jsonb) IS
'Documents of collection that match filter (as docstore_query), with options: sort ({"age": -1}, or [{"age": -1}, {"name": 1}] for several keys, since jsonb does not keep key order; ties by id, so deterministic), limit, skip, fields (projection: {"name": 1, "address.city": 1} includes, {"bio": 0} excludes; data holds the projected document) and after (keyset paging: the id of the last row of the previous page). Without sort: creation order. NULL filter or options mean {}.
Errors: 22004 collection is NULL; 22023 collection is not 1 to 255 characters, filter or options is not a JSON object, an invalid filter or option (the message names it); 2201B an invalid $regex.';

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

COMMENT ON FUNCTION docstore_delete_collection(text) IS
'Deletes every document of collection; true if there was any.
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
    RETURN CASE jsonb_typeof(value) WHEN 'number' THEN 2 WHEN 'string' THEN 3 WHEN 'object' THEN 4
                                    WHEN 'array' THEN 5 WHEN 'boolean' THEN 6 ELSE 1 END;
CREATE FUNCTION docstore.sort_number(value jsonb) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN jsonb_typeof(value) = 'number' THEN value::numeric END;
CREATE FUNCTION docstore.sort_text(value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN jsonb_typeof(value) = 'string' THEN (value #>> '{}') COLLATE "C" END;
CREATE FUNCTION docstore.sort_other(value jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN jsonb_typeof(value) IN ('object', 'array', 'boolean') THEN value END;
COMMENT ON FUNCTION docstore.sort_other(jsonb) IS 'Internal: the sort key of objects, arrays and booleans (jsonb order; NULL for other types).';
COMMENT ON FUNCTION docstore.sort_rank(jsonb) IS 'Internal: the type rank of a value in MongoDB''s sort order.';
COMMENT ON FUNCTION docstore.sort_number(jsonb) IS 'Internal: a number''s sort key (NULL for other types).';
COMMENT ON FUNCTION docstore.sort_text(jsonb) IS 'Internal: a string''s sort key (NULL for other types); compare with COLLATE "C".';

-- Inlinable: LANGUAGE sql, STABLE, not STRICT, a single SELECT. The argument checks are a
-- constant qual, evaluated once before the scan (or folded away at plan time).
CREATE FUNCTION docstore_read(collection text, id uuid)
    RETURNS SETOF docstore.document
    LANGUAGE sql STABLE PARALLEL SAFE ROWS 1
    AS $$
        SELECT d.id, d.collection, d.data, d.created_at, d.updated_at, d.version
          FROM docstore.documents AS d
         WHERE docstore.check_read_args($1, $2)
           AND d.collection = $1
           AND d.id = $2
    $$;
COMMENT ON FUNCTION docstore_read(text, uuid) IS
'The document id of collection (one row), or no row.
Errors: 22004 collection or id is NULL; 22023 collection is not 1 to 255 characters.';

-- A skip scan over documents_collection_id_idx: one index descent per collection, so the cost
-- grows with the number of collections, not of documents.
CREATE FUNCTION docstore_list_collections()
    RETURNS SETOF text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        WITH RECURSIVE names(name) AS (
            (SELECT d.collection FROM docstore.documents AS d ORDER BY d.collection LIMIT 1)
            UNION ALL
            SELECT (SELECT d.collection FROM docstore.documents AS d
                     WHERE d.collection > names.name ORDER BY d.collection LIMIT 1)
              FROM names
             WHERE names.name IS NOT NULL
        )
        SELECT name FROM names WHERE name IS NOT NULL ORDER BY name
    $$;
CREATE FUNCTION docstore_list_indexes(collection text)
    RETURNS TABLE (name text, keys jsonb, options jsonb)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT i.name, i.keys, i.options FROM docstore.indexes AS i WHERE i.collection = $1 ORDER BY i.name $$;
COMMENT ON FUNCTION docstore_list_indexes(text) IS 'The indexes docstore_create_index made for collection.';

COMMENT ON FUNCTION docstore_list_collections() IS
'Names of the collections that hold documents, sorted by code point.';
