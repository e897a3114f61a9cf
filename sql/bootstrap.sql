-- docstore bootstrap: runs before any function pgrx generates.

-- Storage and internals live here; the user-facing functions live in the extension's schema
-- (public unless CREATE EXTENSION … SCHEMA says otherwise).
CREATE SCHEMA docstore;
COMMENT ON SCHEMA docstore IS 'docstore storage and internals';

-- The row every document-returning function returns.
CREATE TYPE docstore.document AS (
    id          uuid,
    collection  text COLLATE "C",
    data        jsonb,
    created_at  timestamptz,
    updated_at  timestamptz,
    version     integer
);
COMMENT ON TYPE docstore.document IS 'a document as docstore functions return it';
