-- The functions, operators, types, collations and operator classes that docstore's objects are
-- bound to (column defaults, constraints, policies, triggers, indexes, SQL-standard function
-- bodies) and that are neither in pg_catalog nor docstore's own, as one line: must be empty.
-- Used by tests/security.sh and tests/upgrade.sh.
WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'docstore'),
members AS (SELECT d.classid, d.objid FROM pg_depend AS d, ext
             WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'),
rels AS (SELECT objid FROM members WHERE classid = 'pg_class'::regclass),
dependents AS (
  SELECT classid, objid FROM members
  UNION SELECT 'pg_attrdef'::regclass, oid FROM pg_attrdef WHERE adrelid IN (SELECT objid FROM rels)
  UNION SELECT 'pg_constraint'::regclass, oid FROM pg_constraint WHERE conrelid IN (SELECT objid FROM rels)
  UNION SELECT 'pg_policy'::regclass, oid FROM pg_policy WHERE polrelid IN (SELECT objid FROM rels)
  UNION SELECT 'pg_trigger'::regclass, oid FROM pg_trigger WHERE tgrelid IN (SELECT objid FROM rels)
  UNION SELECT 'pg_class'::regclass, indexrelid FROM pg_index WHERE indrelid IN (SELECT objid FROM rels)),
refs AS (SELECT DISTINCT d.refclassid, d.refobjid FROM pg_depend AS d
           JOIN dependents AS x ON d.classid = x.classid AND d.objid = x.objid
          WHERE d.deptype IN ('n', 'a'))
SELECT coalesce(string_agg(pg_describe_object(r.refclassid, r.refobjid, 0), '; ' ORDER BY 1), '')
  FROM refs AS r
 WHERE r.refclassid IN ('pg_proc'::regclass, 'pg_operator'::regclass, 'pg_type'::regclass,
                        'pg_collation'::regclass, 'pg_opclass'::regclass)
   AND NOT EXISTS (SELECT 1 FROM members AS m WHERE m.classid = r.refclassid AND m.objid = r.refobjid)
   AND coalesce(CASE r.refclassid
         WHEN 'pg_proc'::regclass THEN (SELECT pronamespace FROM pg_proc WHERE oid = r.refobjid)
         WHEN 'pg_operator'::regclass THEN (SELECT oprnamespace FROM pg_operator WHERE oid = r.refobjid)
         WHEN 'pg_type'::regclass THEN (SELECT typnamespace FROM pg_type WHERE oid = r.refobjid)
         WHEN 'pg_collation'::regclass THEN (SELECT collnamespace FROM pg_collation WHERE oid = r.refobjid)
         WHEN 'pg_opclass'::regclass THEN (SELECT opcnamespace FROM pg_opclass WHERE oid = r.refobjid) END,
       0) <> 'pg_catalog'::regnamespace;
