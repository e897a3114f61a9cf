-- docstore 0.1.0 → 0.2.0 (ALTER EXTENSION docstore UPDATE TO '0.2.0'), written for this release
-- and frozen with it. Adds: history of versions and the change feed (collection options, the
-- track trigger, their tables and functions), docstore.match_eq for equality filters, access
-- control (docstore_grant, row-level security, storage owned by the extension's owner), and
-- docstore_delete_collection's purge argument. tests/upgrade.sh checks that an upgraded
-- database has exactly the objects of a fresh 0.2.0 install.

-- docstore_delete_collection gains purge (same C symbol, one more argument).
DROP FUNCTION docstore_delete_collection(text);
CREATE FUNCTION "docstore_delete_collection"(
	"collection" TEXT,
	"purge" bool DEFAULT false
) RETURNS bool
VOLATILE PARALLEL UNSAFE
LANGUAGE c
AS 'MODULE_PATHNAME', 'docstore_delete_collection_wrapper';

CREATE FUNCTION "docstore_collection_options"(
	"collection" TEXT
) RETURNS jsonb
STABLE PARALLEL SAFE
LANGUAGE c
AS 'MODULE_PATHNAME', 'docstore_collection_options_wrapper';

CREATE FUNCTION "docstore_configure"(
	"collection" TEXT,
	"options" jsonb
) RETURNS jsonb
VOLATILE PARALLEL UNSAFE
LANGUAGE c
AS 'MODULE_PATHNAME', 'docstore_configure_wrapper';

CREATE FUNCTION docstore."track"()
	RETURNS TRIGGER
	LANGUAGE c
	AS 'MODULE_PATHNAME', 'track_wrapper';

-- Per-collection options (docstore_configure). Both off by default.
CREATE TABLE docstore.collections (
    name        text        COLLATE "C" NOT NULL PRIMARY KEY,
    history     boolean     NOT NULL DEFAULT false,
    changes     boolean     NOT NULL DEFAULT false,
    CONSTRAINT collections_name_length CHECK (char_length(name) BETWEEN 1 AND 255)
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
    seq         bigint      NOT NULL DEFAULT nextval('docstore.change_seq') PRIMARY KEY,
    xid         xid8        NOT NULL DEFAULT pg_current_xact_id(),
    collection  text        COLLATE "C" NOT NULL,
    id          uuid        NOT NULL,
    op          text        NOT NULL,
    version     integer     NOT NULL,
    data        jsonb,
    changed_at  timestamptz NOT NULL DEFAULT now(),
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

SELECT pg_catalog.pg_extension_config_dump('docstore.collections', '');
SELECT pg_catalog.pg_extension_config_dump('docstore.history', '');

-- The per-row test of top-level equality filters, which the compiler puts before the
-- indexable path predicate (src/matching.rs). Its support function gives it selectivity 1: the
-- path predicate beside it carries the estimate.
CREATE FUNCTION docstore.match_eq_support(internal) RETURNS internal
    LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'docstore_match_eq_support';
CREATE FUNCTION docstore.match_eq(data jsonb, filter jsonb) RETURNS boolean
    LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE COST 1 SUPPORT docstore.match_eq_support
    AS 'MODULE_PATHNAME', 'docstore_match_eq';
COMMENT ON FUNCTION docstore.match_eq(jsonb, jsonb) IS
'Internal: whether every top-level key of filter (scalars) is in data with that value or with an array holding it (MongoDB equality).';
COMMENT ON FUNCTION docstore.match_eq_support(internal) IS 'Internal: planner support of docstore.match_eq (selectivity 1).';

COMMENT ON FUNCTION docstore_delete_collection(text, boolean) IS
'Deletes every document of collection; true if there was any. Its history (the versions the delete keeps, for collections with history on) and its options stay unless purge is true; the change feed keeps what it recorded until trimmed.
Errors: 22004 collection is NULL; 22023 collection is not 1 to 255 characters.';

------------------------------------------------------------------------------------------------
-- History and the change feed (PL/pgSQL: each is one or two set-based statements)
------------------------------------------------------------------------------------------------

COMMENT ON FUNCTION docstore_configure(text, jsonb) IS
'Sets options of collection and returns all its options: history (true: every update and delete keeps the replaced version, see docstore_history) and changes (true: every create, update and delete is recorded in the change feed, see docstore_changes). Options not given keep their value; both are off by default. Takes effect for writes that start after the call commits.
Errors: 22004 collection or options is NULL; 22023 collection is not 1 to 255 characters, options is not an object, an unknown option or a value that is not a boolean.';
COMMENT ON FUNCTION docstore_collection_options(text) IS
'The options of collection, every one with its value: {"history": …, "changes": …}.
Errors: 22004 collection is NULL; 22023 collection is not 1 to 255 characters.';
COMMENT ON FUNCTION docstore.track() IS
'Trigger: keeps history and records the change feed for collections configured so (BEFORE INSERT OR DELETE, AFTER INSERT on docstore.documents).';

-- Raises 22004 when value is NULL (the argument checks of the functions below).
CREATE FUNCTION docstore.require(value anyelement, argument text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
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
    AS $$
        SELECT d.id, d.collection, d.version, d.data, d.updated_at, NULL::timestamptz, NULL::text
          FROM docstore.documents AS d
         WHERE docstore.check_read_args($1, $2) AND d.collection = $1 AND d.id = $2
        UNION ALL
        SELECT h.id, h.collection, h.version, h.data, h.valid_from, h.valid_to, h.operation
          FROM docstore.history AS h
         WHERE docstore.check_read_args($1, $2) AND h.collection = $1 AND h.id = $2
         ORDER BY 3 DESC
    $$;
COMMENT ON FUNCTION docstore_history(text, uuid) IS
'Every version of the document id of collection, newest first: the current one (valid_to and operation NULL) and, for collections with history on, each past version with the time it was valid [valid_from, valid_to) and the write that ended it (update or delete). A deleted document has only past versions; no row for an id never seen.
Errors: 22004 collection or id is NULL; 22023 collection is not 1 to 255 characters.';

CREATE FUNCTION docstore_read_version(collection text, id uuid, version integer)
    RETURNS SETOF docstore.document
    LANGUAGE sql STABLE PARALLEL SAFE ROWS 1
    AS $$
        SELECT d.id, d.collection, d.data, d.created_at, d.updated_at, d.version
          FROM docstore.documents AS d
         WHERE docstore.check_read_args($1, $2) AND docstore.require($3, 'version')
           AND d.collection = $1 AND d.id = $2 AND d.version = $3
        UNION ALL
        SELECT h.id, h.collection, h.data, h.created_at, h.valid_from, h.version
          FROM docstore.history AS h
         WHERE docstore.check_read_args($1, $2) AND docstore.require($3, 'version')
           AND h.collection = $1 AND h.id = $2 AND h.version = $3
    $$;
COMMENT ON FUNCTION docstore_read_version(text, uuid, integer) IS
'Version version of the document id of collection (updated_at is when that version was written), or no row: from the history for past versions.
Errors: 22004 collection, id or version is NULL; 22023 collection is not 1 to 255 characters.';

CREATE FUNCTION docstore_read_at(collection text, id uuid, at timestamptz)
    RETURNS SETOF docstore.document
    LANGUAGE sql STABLE PARALLEL SAFE ROWS 1
    AS $$
        SELECT d.id, d.collection, d.data, d.created_at, d.updated_at, d.version
          FROM docstore.documents AS d
         WHERE docstore.check_read_args($1, $2) AND docstore.require($3, 'at')
           AND d.collection = $1 AND d.id = $2 AND d.updated_at <= $3
        UNION ALL
        SELECT h.id, h.collection, h.data, h.created_at, h.valid_from, h.version
          FROM docstore.history AS h
         WHERE docstore.check_read_args($1, $2) AND docstore.require($3, 'at')
           AND h.collection = $1 AND h.id = $2 AND h.valid_from <= $3 AND $3 < h.valid_to
    $$;
COMMENT ON FUNCTION docstore_read_at(text, uuid, timestamptz) IS
'The version of the document id of collection that was current at time at, or no row (not yet created, or deleted by then). Times are transaction start times, as updated_at.
Errors: 22004 collection, id or at is NULL; 22023 collection is not 1 to 255 characters.';

CREATE FUNCTION docstore_restore(collection text, id uuid, version integer)
    RETURNS SETOF docstore.document
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE ROWS 1
    AS $$
DECLARE
    old docstore.document;
BEGIN
    PERFORM docstore.require(version, 'version');
    SELECT * INTO old FROM docstore_read_version(collection, id, version);
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
    -- Deleted: it comes back with its id, its creation time and the next version number.
    RETURN QUERY
        INSERT INTO docstore.documents AS d (id, collection, data, created_at, version)
        SELECT old.id, old.collection, old.data, old.created_at,
               coalesce((SELECT max(h.version) FROM docstore.history AS h
                          WHERE h.collection = old.collection AND h.id = old.id), old.version) + 1
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
    AS $$
        -- The current snapshot, with this transaction's own xid (if any) counted as running:
        -- its changes are handed out only after it commits, like everyone's.
        SELECT CASE WHEN own IS NULL OR own >= pg_snapshot_xmax(s) THEN s
               ELSE (least(pg_snapshot_xmin(s), own) || ':' || pg_snapshot_xmax(s) || ':' ||
                     (SELECT coalesce(string_agg(x::text, ',' ORDER BY x), '')
                        FROM (SELECT pg_snapshot_xip(s) UNION SELECT own) AS xs(x)))::pg_snapshot
               END
          FROM (SELECT pg_current_snapshot(), pg_current_xact_id_if_assigned()) AS c(s, own)
    $$;
COMMENT ON FUNCTION docstore.changes_snapshot() IS 'Internal: the snapshot that decides which changes docstore_changes hands out.';

-- Checks docstore_changes' arguments and reads its cursor: the batch (prev, cur) to finish after
-- seq last, and the snapshot now that ends the next batch (NULL if nothing ended since cur).
CREATE FUNCTION docstore.changes_start(after text, "limit" integer, collection text,
                                       OUT prev pg_snapshot, OUT cur pg_snapshot, OUT last bigint,
                                       OUT now pg_snapshot, OUT lim integer)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
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
    AS $$
        -- k's values reach the scans as InitPlan parameters (not a join), so that the first
        -- scan streams changes_pkey in order and stops at the limit.
        WITH k AS MATERIALIZED (SELECT * FROM docstore.changes_start($1, $2, $3))
        SELECT r.cursor, r.collection, r.id, r.op, r.version, r.data, r.changed_at
          FROM ((SELECT 1 AS batch, c.seq,
                        (SELECT k.prev || '/' || k.cur || '/' FROM k) || c.seq AS cursor,
                        c.collection, c.id, c.op, c.version, c.data, c.changed_at
                   FROM docstore.changes AS c
                  -- The rest of the cursor's batch: walks changes_pkey from the cursor on.
                  WHERE c.seq > (SELECT k.last FROM k)
                    AND pg_visible_in_snapshot(c.xid, (SELECT k.cur FROM k))
                    AND NOT pg_visible_in_snapshot(c.xid, (SELECT k.prev FROM k))
                    AND ($3 IS NULL OR c.collection = $3)
                  ORDER BY c.seq
                  LIMIT (SELECT k.lim FROM k))
                UNION ALL
                (SELECT 2, c.seq, (SELECT k.cur || '/' || k.now || '/' FROM k) || c.seq,
                        c.collection, c.id, c.op, c.version, c.data, c.changed_at
                   FROM docstore.changes AS c
                  -- The next batch, which may start at any seq (a transaction that ended late
                  -- took its numbers early): its candidates are the transactions from cur's xmin
                  -- on, found by changes_xid_idx (seq + 0: not by walking all of changes_pkey).
                  WHERE (SELECT k.now IS NOT NULL FROM k)
                    AND c.xid >= (SELECT pg_snapshot_xmin(k.cur) FROM k)
                    AND c.xid < (SELECT pg_snapshot_xmax(k.now) FROM k)
                    AND pg_visible_in_snapshot(c.xid, (SELECT k.now FROM k))
                    AND NOT pg_visible_in_snapshot(c.xid, (SELECT k.cur FROM k))
                    AND ($3 IS NULL OR c.collection = $3)
                  ORDER BY c.seq + 0
                  LIMIT (SELECT k.lim FROM k))) AS r
         ORDER BY r.batch, r.seq
         LIMIT (SELECT k.lim FROM k)
    $$;
COMMENT ON FUNCTION docstore_changes(text, integer, text) IS
'The change feed: creates, updates and deletes of collections with changes on, at most limit rows, in order; only collection''s if given. Pass the cursor of the last row read as after to continue exactly there (NULL: from the oldest change kept). A reader that follows cursors never skips a committed change and never sees one twice, also when transactions commit in another order than they wrote; a change is handed out once no running transaction can precede it, and a document''s changes come in version order. op is create, update or delete; version is the version written (for a delete, the version deleted); data is the document written (NULL for a delete). LISTEN docstore_changes to be notified (payload: the collection) when changes commit.
Errors: 22023 after is not a cursor, limit is negative, or collection is not 1 to 255 characters; 55000 the feed was trimmed past after (changes the reader has not read are gone).';

CREATE FUNCTION docstore_trim_changes(before text)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
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
-- Access control: table privileges decide whether a role may use docstore at all, row-level
-- security which collections it sees and changes. The functions are SECURITY INVOKER, so both
-- apply to them exactly as to plain SQL. The table owner (who created the extension, or a
-- superuser) bypasses row-level security, as PostgreSQL does for owners.
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
-- write) collection.
CREATE FUNCTION docstore.allowed(collection text, write boolean) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT EXISTS (SELECT 1 FROM docstore.grants AS g
                        WHERE g.collection IN ($1, '*')
                          AND (NOT $2 OR g.access = 'write')
                          AND pg_has_role(g.role, 'MEMBER'))
    $$;
COMMENT ON FUNCTION docstore.allowed(text, boolean) IS 'Internal: the row-level security test of docstore_grant.';

ALTER TABLE docstore.documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON docstore.documents FOR SELECT USING (docstore.allowed(collection, false));
CREATE POLICY insert ON docstore.documents FOR INSERT WITH CHECK (docstore.allowed(collection, true));
CREATE POLICY update ON docstore.documents FOR UPDATE
    USING (docstore.allowed(collection, true)) WITH CHECK (docstore.allowed(collection, true));
CREATE POLICY delete ON docstore.documents FOR DELETE USING (docstore.allowed(collection, true));
ALTER TABLE docstore.history ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON docstore.history FOR SELECT USING (docstore.allowed(collection, false));
CREATE POLICY insert ON docstore.history FOR INSERT WITH CHECK (docstore.allowed(collection, true));
ALTER TABLE docstore.changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON docstore.changes FOR SELECT USING (docstore.allowed(collection, false));
CREATE POLICY insert ON docstore.changes FOR INSERT WITH CHECK (docstore.allowed(collection, true));

-- The table privileges each access needs (the trigger writes history and changes as the
-- writing role; reads consult options, indexes and the feed's trim point).
CREATE FUNCTION docstore.table_privileges(role regrole, access text, do_grant boolean) RETURNS void
    LANGUAGE plpgsql VOLATILE
    AS $$
DECLARE
    verb text := CASE WHEN do_grant THEN 'GRANT' ELSE 'REVOKE' END;
    word text := CASE WHEN do_grant THEN 'TO' ELSE 'FROM' END;
BEGIN
    EXECUTE format('%s USAGE ON SCHEMA docstore %s %I', verb, word, role::text);
    EXECUTE format('%s SELECT ON docstore.documents, docstore.history, docstore.changes, docstore.collections, docstore.indexes, docstore.feed, docstore.grants %s %I',
                   verb, word, role::text);
    IF access = 'write' OR NOT do_grant THEN
        EXECUTE format('%s INSERT, UPDATE, DELETE ON docstore.documents %s %I', verb, word, role::text);
        EXECUTE format('%s INSERT ON docstore.history, docstore.changes %s %I', verb, word, role::text);
        EXECUTE format('%s USAGE ON SEQUENCE docstore.id_seq, docstore.change_seq %s %I', verb, word, role::text);
    END IF;
END $$;
COMMENT ON FUNCTION docstore.table_privileges(regrole, text, boolean) IS 'Internal: the GRANTs behind docstore_grant.';

CREATE FUNCTION docstore_grant(collection text, role regrole, access text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
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
        SELECT 1 FROM docstore.grants AS g WHERE g.role = $2 AND g.access = 'write') THEN 'write' ELSE 'read' END, true);
END $$;
COMMENT ON FUNCTION docstore_grant(text, regrole, text) IS
'Lets role (and its members) read, or read and write, the documents of collection (''*'': of every collection) — through the docstore functions and through plain SQL on docstore.documents, its history and its changes. Grants the table privileges this needs; row-level security keeps the role to its collections. Run by the owner of the docstore tables (who created the extension) or a superuser.
Errors: 22004 an argument is NULL; 22023 collection is not 1 to 255 characters (or *), access is not read or write; 42501 the caller may not grant.';

CREATE FUNCTION docstore_revoke(collection text, role regrole)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    AS $$
DECLARE
    removed boolean;
    left_access text;
BEGIN
    PERFORM docstore.require(collection, 'collection');
    PERFORM docstore.require(role, 'role');
    DELETE FROM docstore.grants AS g WHERE g.collection = $1 AND g.role = $2;
    removed := FOUND;
    SELECT max(g.access) INTO left_access FROM docstore.grants AS g WHERE g.role = $2;  -- 'write' > 'read'
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
    AS $$ SELECT g.collection, g.role, g.access FROM docstore.grants AS g ORDER BY g.collection, g.role::text $$;
COMMENT ON FUNCTION docstore_list_grants() IS 'Every grant made by docstore_grant.';

-- The role that creates the extension owns docstore's storage (a database owner can create it:
-- the extension is trusted). As owner it bypasses row-level security, may create per-path
-- indexes, and is the one who grants access (docstore_grant). The functions stay owned by the
-- bootstrap superuser and run with the caller's rights.
ALTER SCHEMA docstore OWNER TO @extowner@;
ALTER TABLE docstore.documents OWNER TO @extowner@;
ALTER TABLE docstore.indexes OWNER TO @extowner@;
ALTER TABLE docstore.collections OWNER TO @extowner@;
ALTER TABLE docstore.history OWNER TO @extowner@;
ALTER TABLE docstore.changes OWNER TO @extowner@;
ALTER TABLE docstore.feed OWNER TO @extowner@;
ALTER TABLE docstore.grants OWNER TO @extowner@;
ALTER SEQUENCE docstore.id_seq OWNER TO @extowner@;
ALTER SEQUENCE docstore.change_seq OWNER TO @extowner@;
