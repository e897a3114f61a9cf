-- docstore 0.2.0 → 0.3.0 (ALTER EXTENSION docstore UPDATE TO '0.3.0'), written for this release
-- and frozen with it. Adds the operator docstore.@= (MongoDB equality on top-level keys, the
-- test docstore.match_eq already made) and the GIN operator class docstore.jsonb_match_ops
-- (jsonb_path_ops plus @=), and rebuilds documents_data_idx with it, so that equality filters
-- are one indexable condition; marks docstore.match_eq LEAKPROOF (see finalize.sql), so that
-- roles under row-level security get that index too. Rebuilding the index reads every document
-- once. tests/upgrade.sh checks that an upgraded database has exactly the objects of a fresh
-- 0.3.0 install.

ALTER FUNCTION docstore.match_eq(jsonb, jsonb) LEAKPROOF;

CREATE OPERATOR docstore.@= (
    LEFTARG = jsonb, RIGHTARG = jsonb, FUNCTION = docstore.match_eq,
    RESTRICT = matchingsel, JOIN = matchingjoinsel
);
COMMENT ON OPERATOR docstore.@= (jsonb, jsonb) IS
'data @= pairs: every top-level key of pairs (scalars) is in data with that value, or with an array holding it (MongoDB equality)';

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
'Internal: GIN extractQuery of docstore.jsonb_match_ops (gin_extract_jsonb_query_path, @= as @>).';
COMMENT ON FUNCTION docstore.gin_consistent(internal, int2, jsonb, int4, internal, internal, internal, internal) IS
'Internal: GIN consistent of docstore.jsonb_match_ops (gin_consistent_jsonb_path, @= as @>).';
COMMENT ON FUNCTION docstore.gin_triconsistent(internal, int2, jsonb, int4, internal, internal, internal) IS
'Internal: GIN triConsistent of docstore.jsonb_match_ops (gin_triconsistent_jsonb_path, @= as @>).';
CREATE OPERATOR CLASS docstore.jsonb_match_ops FOR TYPE jsonb USING gin AS
    OPERATOR 7 @> (jsonb, jsonb),
    OPERATOR 15 @? (jsonb, jsonpath),
    OPERATOR 16 @@ (jsonb, jsonpath),
    OPERATOR 20 docstore.@= (jsonb, jsonb),
    FUNCTION 1 btint4cmp(int4, int4),
    FUNCTION 2 gin_extract_jsonb_path(jsonb, internal, internal),
    FUNCTION 3 docstore.gin_extract_query(jsonb, internal, int2, internal, internal, internal, internal),
    FUNCTION 4 docstore.gin_consistent(internal, int2, jsonb, int4, internal, internal, internal, internal),
    FUNCTION 6 docstore.gin_triconsistent(internal, int2, jsonb, int4, internal, internal, internal),
    STORAGE int4;

-- The GIN index of documents, rebuilt with that class: @>, @@, @? and now @=.
DROP INDEX docstore.documents_data_idx;
CREATE INDEX documents_data_idx ON docstore.documents USING gin (data docstore.jsonb_match_ops);
