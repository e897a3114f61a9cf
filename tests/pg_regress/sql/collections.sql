-- docstore_list_collections and docstore_delete_collection.
BEGIN;
SELECT count(*) FROM docstore_list_collections();
SELECT count(*) FROM (
  SELECT docstore_create(c, jsonb_build_object('i', i))
    FROM unnest(ARRAY['zebra', 'Apple', 'apple', 'ärende', 'b', $$x'); DROP TABLE docstore.documents; --$$]) AS c,
         generate_series(1, 400) AS i) s;
-- Sorted by code point, each name once.
SELECT * FROM docstore_list_collections();

-- The skip scan: the cost grows with the number of collections, not documents. 2400 documents
-- in 6 collections; listing them takes 6 entries from the collection index (one descent per
-- collection, and a last one that finds nothing) and never scans the table.
SELECT pg_stat_get_xact_tuples_returned('docstore.documents_collection_id_idx'::regclass) AS before \gset
SELECT pg_stat_get_xact_numscans('docstore.documents'::regclass) AS seq_before \gset
SELECT count(*) FROM docstore_list_collections();
SELECT pg_stat_get_xact_tuples_returned('docstore.documents_collection_id_idx'::regclass) - :before AS index_entries_read;
SELECT pg_stat_get_xact_numscans('docstore.documents'::regclass) - :seq_before AS table_scans;
EXPLAIN (COSTS OFF) SELECT * FROM docstore_list_collections();

-- delete_collection removes every document of one collection, and says whether there were any.
SELECT docstore_delete_collection('apple') AS deleted;
SELECT docstore_delete_collection('apple') AS deleted_again;
SELECT docstore_delete_collection('never') AS never_existed;
SELECT * FROM docstore_list_collections();
SELECT collection, count(*) FROM docstore.documents GROUP BY collection ORDER BY collection;
ROLLBACK;
