-- docstore 0.3.0 → 0.3.1 (ALTER EXTENSION docstore UPDATE TO '0.3.1'), the security release,
-- written for it and frozen with it. It closes in place what a fresh 0.3.1 install has closed
-- (README, "Security model"; tests/security.sh shows each hole):
--   - every function docstore's SQL defines, re-made with schema-qualified names: SQL-standard
--     bodies, PL/pgSQL with SET search_path = pg_catalog, pg_temp (the policy function
--     docstore.allowed among them);
--   - defaults, constraints and per-path indexes bound to a function or operator outside
--     pg_catalog and docstore (planted in public before they were made) re-made: defaults always
--     (cheap), the others only where bound so (re-making a constraint reads the table);
--   - schema docstore handed to the superuser running this script (the owner of the storage may
--     no longer add objects to it or rename it), with USAGE for everyone;
--   - writers' privileges cut to the columns they write, no INSERT into the history or the feed
--     (the triggers write them as the table owner);
--   - row-level security on docstore.grants, docstore.collections and docstore.indexes;
--   - docstore.@= estimated by docstore.match_eq_sel (no statistics for a role under RLS).
-- tests/upgrade.sh checks that an upgraded database has exactly the objects of a fresh 0.3.1
-- install, and that what was planted before the 0.3.0 install is bound no more.

-- Nothing below resolves a name through the caller's search_path.
SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);

CREATE FUNCTION docstore."restoring"(
	"collection" TEXT, /* & str */
	"id" uuid /* pgrx :: Uuid */
) RETURNS void
STRICT VOLATILE PARALLEL UNSAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'restoring_wrapper';
COMMENT ON FUNCTION docstore.restoring(text, uuid) IS
'Internal: marks the next insert of document id of collection as its restore (docstore_restore): the insert trigger gives it the version after its history''s newest and its created_at.';

CREATE FUNCTION docstore.match_eq_sel(internal, oid, internal, integer) RETURNS float8
    LANGUAGE c STABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'docstore_match_eq_sel';
COMMENT ON FUNCTION docstore.match_eq_sel(internal, oid, internal, integer) IS
'Internal: the restriction estimator of docstore.@= (matchingsel, without the statistics for a role under row-level security).';
ALTER OPERATOR docstore.@= (jsonb, jsonb) SET (RESTRICT = docstore.match_eq_sel);

-- Defaults, with qualified names (re-binds a nextval(text) planted before the install).
ALTER TABLE docstore.documents
    ALTER COLUMN id SET DEFAULT docstore.uuid_v7(pg_catalog.nextval('docstore.id_seq'::pg_catalog.regclass)),
    ALTER COLUMN created_at SET DEFAULT pg_catalog.now(),
    ALTER COLUMN updated_at SET DEFAULT pg_catalog.now();
ALTER TABLE docstore.indexes ALTER COLUMN created_at SET DEFAULT pg_catalog.now();
ALTER TABLE docstore.changes
    ALTER COLUMN seq SET DEFAULT pg_catalog.nextval('docstore.change_seq'::pg_catalog.regclass),
    ALTER COLUMN xid SET DEFAULT pg_catalog.pg_current_xact_id(),
    ALTER COLUMN changed_at SET DEFAULT pg_catalog.now();

-- The functions, as finalize.sql defines them in 0.3.1.
CREATE OR REPLACE FUNCTION docstore.sort_rank(value jsonb) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE pg_catalog.jsonb_typeof(value) WHEN 'number' THEN 2 WHEN 'string' THEN 3 WHEN 'object' THEN 4
                                    WHEN 'array' THEN 5 WHEN 'boolean' THEN 6 ELSE 1 END;

CREATE OR REPLACE FUNCTION docstore.sort_number(value jsonb) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN pg_catalog.jsonb_typeof(value) OPERATOR(pg_catalog.=) 'number' THEN value::pg_catalog.numeric END;

CREATE OR REPLACE FUNCTION docstore.sort_text(value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN pg_catalog.jsonb_typeof(value) OPERATOR(pg_catalog.=) 'string'
                THEN (value OPERATOR(pg_catalog.#>>) '{}'::pg_catalog.text[]) COLLATE pg_catalog."C" END;

CREATE OR REPLACE FUNCTION docstore.sort_other(value jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN pg_catalog.jsonb_typeof(value) OPERATOR(pg_catalog.=) ANY ('{object,array,boolean}'::pg_catalog.text[])
                THEN value END;

CREATE OR REPLACE FUNCTION @extschema@.docstore_read(collection text, id uuid)
    RETURNS SETOF docstore.document
    LANGUAGE sql STABLE PARALLEL SAFE ROWS 1
BEGIN ATOMIC
    SELECT d.id, d.collection, d.data, d.created_at, d.updated_at, d.version
      FROM docstore.documents AS d
     WHERE docstore.check_read_args($1, $2)
       AND d.collection OPERATOR(pg_catalog.=) $1
       AND d.id OPERATOR(pg_catalog.=) $2;
END;

CREATE OR REPLACE FUNCTION @extschema@.docstore_list_collections()
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

CREATE OR REPLACE FUNCTION @extschema@.docstore_list_indexes(collection text)
    RETURNS TABLE (name text, keys jsonb, options jsonb)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT i.name, i.keys, i.options FROM docstore.indexes AS i
     WHERE i.collection OPERATOR(pg_catalog.=) $1 ORDER BY i.name;
END;

CREATE OR REPLACE FUNCTION docstore.require(value anyelement, argument text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF value IS NULL THEN
        RAISE EXCEPTION '% must not be NULL', argument
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    RETURN true;
END $$;

CREATE OR REPLACE FUNCTION @extschema@.docstore_history(collection text, id uuid)
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

CREATE OR REPLACE FUNCTION @extschema@.docstore_read_version(collection text, id uuid, version integer)
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

CREATE OR REPLACE FUNCTION @extschema@.docstore_read_at(collection text, id uuid, at timestamptz)
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

CREATE OR REPLACE FUNCTION @extschema@.docstore_restore(collection text, id uuid, version integer)
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

CREATE OR REPLACE FUNCTION docstore.changes_snapshot() RETURNS pg_snapshot
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

CREATE OR REPLACE FUNCTION docstore.changes_start(after text, "limit" integer, collection text,
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

CREATE OR REPLACE FUNCTION @extschema@.docstore_changes(after text DEFAULT NULL, "limit" integer DEFAULT 1000, collection text DEFAULT NULL)
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

CREATE OR REPLACE FUNCTION @extschema@.docstore_trim_changes(before text)
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

CREATE OR REPLACE FUNCTION docstore.allowed(collection text, write boolean) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN EXISTS (SELECT 1 FROM docstore.grants AS g
                    WHERE (g.collection OPERATOR(pg_catalog.=) allowed.collection
                           OR g.collection OPERATOR(pg_catalog.=) '*'::pg_catalog.text)
                      AND (NOT allowed.write OR g.access OPERATOR(pg_catalog.=) 'write'::pg_catalog.text)
                      AND pg_catalog.pg_has_role(g.role::pg_catalog.oid, 'MEMBER'::pg_catalog.text));

CREATE OR REPLACE FUNCTION docstore.table_privileges(role regrole, access text, do_grant boolean) RETURNS void
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

CREATE OR REPLACE FUNCTION @extschema@.docstore_grant(collection text, role regrole, access text)
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

CREATE OR REPLACE FUNCTION @extschema@.docstore_revoke(collection text, role regrole)
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

CREATE OR REPLACE FUNCTION @extschema@.docstore_list_grants()
    RETURNS TABLE (collection text, role regrole, access text)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT g.collection, g.role, g.access FROM docstore.grants AS g
     ORDER BY g.collection, g.role::pg_catalog.text;
END;

COMMENT ON FUNCTION @extschema@.docstore_changes(text, integer, text) IS
'The change feed: creates, updates and deletes of collections with changes on, at most limit rows, in order; only collection''s if given. Pass the cursor of the last row read as after to continue exactly there (NULL: from the oldest change kept). A reader that follows cursors never skips a committed change and never sees one twice, also when transactions commit in another order than they wrote; a change is handed out once no running transaction can precede it, and a document''s changes come in version order. op is create, update or delete; version is the version written (for a delete, the version deleted); data is the document written (NULL for a delete). LISTEN docstore_changes to be notified when changes commit (the payload is empty: what changed is what docstore_changes shows the listener).
Errors: 22023 after is not a cursor, limit is negative, or collection is not 1 to 255 characters; 55000 the feed was trimmed past after (changes the reader has not read are gone).';
COMMENT ON FUNCTION @extschema@.docstore_list_grants() IS 'The grants made by docstore_grant that the caller may see: all of them for the owner, the ones that apply to it for anyone else.';

-- Constraints and per-path indexes bound to a function or operator neither in pg_catalog nor
-- docstore's own: docstore's checks are re-made from their 0.3.1 definitions; a per-path index
-- and its no-arrays rule are dropped and made again by docstore_rebuild_indexes below.
DO $$
DECLARE
    ext oid := (SELECT e.oid FROM pg_extension AS e WHERE e.extname = 'docstore');
    c record;
    checks CONSTANT jsonb := '{
        "documents_collection_length": "CHECK (pg_catalog.char_length(collection) BETWEEN 1 AND 255)",
        "documents_data_is_object": "CHECK (pg_catalog.jsonb_typeof(data) OPERATOR(pg_catalog.=) ''object'')",
        "collections_name_length": "CHECK (pg_catalog.char_length(name) BETWEEN 1 AND 255)",
        "history_operation": "CHECK (operation IN (''update'', ''delete''))",
        "changes_op": "CHECK (op IN (''create'', ''update'', ''delete''))",
        "grants_access": "CHECK (access IN (''read'', ''write''))"}';
BEGIN
    FOR c IN
        SELECT o.classid, o.objid, o.rel, o.name
          FROM (SELECT 'pg_constraint'::regclass AS classid, con.oid AS objid, con.conrelid AS rel, con.conname::text AS name
                  FROM pg_constraint AS con WHERE con.conrelid IN (SELECT d.objid FROM pg_depend AS d
                        WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext AND d.classid = 'pg_class'::regclass)
                UNION ALL
                SELECT 'pg_class'::regclass, i.indexrelid, i.indrelid, (SELECT r.relname::text FROM pg_class AS r WHERE r.oid = i.indexrelid)
                  FROM pg_index AS i WHERE i.indrelid = 'docstore.documents'::regclass) AS o
         WHERE EXISTS (
               SELECT 1 FROM pg_depend AS d
                WHERE d.classid = o.classid AND d.objid = o.objid AND d.deptype IN ('n', 'a')
                  AND d.refclassid IN ('pg_proc'::regclass, 'pg_operator'::regclass)
                  AND NOT EXISTS (SELECT 1 FROM pg_depend AS m WHERE m.classid = d.refclassid AND m.objid = d.refobjid
                                     AND m.refclassid = 'pg_extension'::regclass AND m.refobjid = ext AND m.deptype = 'e')
                  AND coalesce((SELECT p.pronamespace FROM pg_proc AS p WHERE d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid),
                               (SELECT op.oprnamespace FROM pg_operator AS op WHERE d.refclassid = 'pg_operator'::regclass AND op.oid = d.refobjid))
                      <> 'pg_catalog'::regnamespace)
    LOOP
        IF checks ? c.name THEN
            EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I, ADD CONSTRAINT %I %s', c.rel::regclass, c.name, c.name, checks ->> c.name);
        ELSIF c.name ~ '^docstore_[0-9a-f]{16}(_no_arrays)?$' THEN
            EXECUTE format('ALTER TABLE docstore.documents DROP CONSTRAINT IF EXISTS %I', left(c.name, 25) || '_no_arrays');
            EXECUTE format('DROP INDEX IF EXISTS docstore.%I', left(c.name, 25));
        END IF;
    END LOOP;
END $$;
SELECT @extschema@.docstore_rebuild_indexes();

-- Row-level security: no direct writes to the history or the feed (the triggers write them as
-- the owner); the metadata filtered like the documents.
DROP POLICY insert ON docstore.history;
DROP POLICY insert ON docstore.changes;
ALTER TABLE docstore.grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON docstore.grants FOR SELECT
    USING (pg_catalog.pg_has_role(role::pg_catalog.oid, 'MEMBER'::pg_catalog.text));
ALTER TABLE docstore.collections ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON docstore.collections FOR SELECT USING (docstore.allowed(name, false));
ALTER TABLE docstore.indexes ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON docstore.indexes FOR SELECT USING (docstore.allowed(collection, false));

-- Who owns what: the schema to the superuser running this (as a fresh install leaves it); every
-- granted role's privileges made again as docstore_grant makes them now.
ALTER SCHEMA docstore OWNER TO CURRENT_USER;
GRANT USAGE ON SCHEMA docstore TO PUBLIC;
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT g.role, max(g.access) AS access FROM docstore.grants AS g GROUP BY g.role LOOP
        EXECUTE format('REVOKE ALL ON docstore.documents, docstore.history, docstore.changes FROM %I', r.role::text);
        EXECUTE format('REVOKE ALL ON SEQUENCE docstore.id_seq, docstore.change_seq FROM %I', r.role::text);
        EXECUTE format('REVOKE ALL ON SCHEMA docstore FROM %I', r.role::text);
        PERFORM docstore.table_privileges(r.role, r.access, true);
    END LOOP;
END $$;
