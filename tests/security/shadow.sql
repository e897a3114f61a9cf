-- A hostile schema "shadow": a copy of (nearly) every operator, function and aggregate of
-- pg_catalog, with the same signature, and a domain named after each type docstore's SQL could
-- name. Each copy records that it ran (shadow.hits) and then does what the original does, so
-- that code which resolves a name through a search_path with shadow before pg_catalog keeps
-- working and is caught. Run by the hostile role; nothing in it needs privileges.
SET search_path = pg_catalog;
-- (schema shadow is made for the hostile role by the test, which owns it)
GRANT USAGE ON SCHEMA shadow TO PUBLIC;
CREATE TABLE shadow.hits (what text NOT NULL);
GRANT INSERT, SELECT ON shadow.hits TO PUBLIC;
CREATE FUNCTION shadow.hit(what text) RETURNS boolean
    LANGUAGE sql VOLATILE SET search_path = pg_catalog
    AS $$ INSERT INTO shadow.hits VALUES (what || ' (in: ' || left(current_query(), 120) || ')') RETURNING true $$;
CREATE TABLE shadow.planted (kind text, n integer);
GRANT SELECT ON shadow.planted TO PUBLIC;

DO $plant$
DECLARE
    p record;
    args text;
    call text;
    made integer := 0;
    plantable constant text[] := ARRAY['anyelement', 'anyarray', 'anynonarray', 'anycompatible',
        'anycompatiblearray', 'anycompatiblenonarray', 'void', 'record'];
BEGIN
    -- Functions (not aggregates, not "any"/internal/cstring/trigger arguments or results).
    FOR p IN
        SELECT f.oid, f.proname, f.proretset, f.pronargs, f.provariadic, f.proallargtypes IS NOT NULL AS has_out,
               pg_catalog.pg_get_function_arguments(f.oid) AS arguments,
               pg_catalog.pg_get_function_result(f.oid) AS result
          FROM pg_catalog.pg_proc AS f
         WHERE f.pronamespace = 'pg_catalog'::regnamespace AND f.prokind = 'f'
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(f.proargtypes::oid[] || f.prorettype) AS t(oid)
                             JOIN pg_catalog.pg_type AS ty ON ty.oid = t.oid
                            WHERE ty.typtype = 'p' AND NOT ty.typname = ANY (plantable))
    LOOP
        SELECT pg_catalog.string_agg(CASE WHEN p.provariadic <> 0 AND i = p.pronargs THEN 'VARIADIC ' ELSE '' END || '$' || i, ', ' ORDER BY i)
          INTO args FROM pg_catalog.generate_series(1, p.pronargs) AS i;
        call := 'pg_catalog.' || pg_catalog.quote_ident(p.proname) || '(' || coalesce(args, '') || ')';
        call := CASE WHEN p.proretset OR p.has_out THEN 'SELECT * FROM ' || call ELSE 'SELECT ' || call END;
        BEGIN
            EXECUTE pg_catalog.format(
                'CREATE FUNCTION shadow.%I(%s) RETURNS %s LANGUAGE sql VOLATILE SET search_path = pg_catalog AS %L',
                p.proname, p.arguments, p.result,
                'SELECT shadow.hit(' || pg_catalog.quote_literal('function ' || p.oid::regprocedure::text) || '); ' || call);
            made := made + 1;
        EXCEPTION WHEN OTHERS THEN NULL;
        END;
    END LOOP;
    INSERT INTO shadow.planted VALUES ('function', made);

    -- Operators, each over a function that records the call and applies the original.
    made := 0;
    FOR p IN
        SELECT o.oid, o.oprname, o.oprleft, o.oprright, o.oprresult
          FROM pg_catalog.pg_operator AS o
         WHERE o.oprnamespace = 'pg_catalog'::regnamespace AND o.oprkind IN ('b', 'l') AND o.oprcode <> 0
    LOOP
        BEGIN
            IF p.oprleft = 0 THEN
                EXECUTE pg_catalog.format(
                    'CREATE FUNCTION shadow.%I(r %s) RETURNS %s LANGUAGE sql VOLATILE SET search_path = pg_catalog AS %L',
                    'op_' || p.oid, pg_catalog.format_type(p.oprright, NULL), pg_catalog.format_type(p.oprresult, NULL),
                    'SELECT shadow.hit(' || pg_catalog.quote_literal('operator ' || p.oid::regoperator::text) || '); '
                    || 'SELECT OPERATOR(pg_catalog.' || p.oprname || ') $1');
                EXECUTE pg_catalog.format('CREATE OPERATOR shadow.%s (RIGHTARG = %s, FUNCTION = shadow.%I)',
                    p.oprname, pg_catalog.format_type(p.oprright, NULL), 'op_' || p.oid);
            ELSE
                EXECUTE pg_catalog.format(
                    'CREATE FUNCTION shadow.%I(l %s, r %s) RETURNS %s LANGUAGE sql VOLATILE SET search_path = pg_catalog AS %L',
                    'op_' || p.oid, pg_catalog.format_type(p.oprleft, NULL), pg_catalog.format_type(p.oprright, NULL),
                    pg_catalog.format_type(p.oprresult, NULL),
                    'SELECT shadow.hit(' || pg_catalog.quote_literal('operator ' || p.oid::regoperator::text) || '); '
                    || 'SELECT $1 OPERATOR(pg_catalog.' || p.oprname || ') $2');
                EXECUTE pg_catalog.format('CREATE OPERATOR shadow.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = shadow.%I)',
                    p.oprname, pg_catalog.format_type(p.oprleft, NULL), pg_catalog.format_type(p.oprright, NULL), 'op_' || p.oid);
            END IF;
            made := made + 1;
        EXCEPTION WHEN OTHERS THEN NULL;
        END;
    END LOOP;
    INSERT INTO shadow.planted VALUES ('operator', made);

    -- Aggregates: count(*), and min/max/sum/string_agg/array_agg/jsonb_agg/bool_* over the
    -- types docstore handles, as SQL aggregates that record every row they see.
    made := 0;
    EXECUTE $$CREATE FUNCTION shadow.count_step(bigint) RETURNS bigint LANGUAGE sql SET search_path = pg_catalog
              AS 'SELECT shadow.hit(''aggregate count(*)''); SELECT $1 + 1'$$;
    EXECUTE 'CREATE AGGREGATE shadow.count(*) (SFUNC = shadow.count_step, STYPE = bigint, INITCOND = ''0'')';
    made := made + 1;
    FOR p IN SELECT t AS typ FROM pg_catalog.unnest(ARRAY['integer', 'bigint', 'text', 'numeric', 'xid8', 'timestamptz', 'uuid', 'jsonb']) AS t
    LOOP
        BEGIN
            EXECUTE pg_catalog.format($f$CREATE FUNCTION shadow.%I(s %s, v %s) RETURNS %s LANGUAGE sql SET search_path = pg_catalog
                AS 'SELECT shadow.hit(''aggregate max(%s)''); SELECT CASE WHEN $1 IS NULL OR $2 > $1 THEN $2 ELSE $1 END'$f$,
                'max_step_' || p.typ, p.typ, p.typ, p.typ, p.typ);
            EXECUTE pg_catalog.format('CREATE AGGREGATE shadow.max(%s) (SFUNC = shadow.%I, STYPE = %s)', p.typ, 'max_step_' || p.typ, p.typ);
            EXECUTE pg_catalog.format($f$CREATE FUNCTION shadow.%I(s %s, v %s) RETURNS %s LANGUAGE sql SET search_path = pg_catalog
                AS 'SELECT shadow.hit(''aggregate min(%s)''); SELECT CASE WHEN $1 IS NULL OR $2 < $1 THEN $2 ELSE $1 END'$f$,
                'min_step_' || p.typ, p.typ, p.typ, p.typ, p.typ);
            EXECUTE pg_catalog.format('CREATE AGGREGATE shadow.min(%s) (SFUNC = shadow.%I, STYPE = %s)', p.typ, 'min_step_' || p.typ, p.typ);
            made := made + 2;
        EXCEPTION WHEN OTHERS THEN NULL;
        END;
    END LOOP;
    EXECUTE $$CREATE FUNCTION shadow.string_agg_step(s text, v text, d text) RETURNS text LANGUAGE sql SET search_path = pg_catalog
              AS 'SELECT shadow.hit(''aggregate string_agg(text,text)''); SELECT CASE WHEN $1 IS NULL THEN $2 ELSE $1 || $3 || $2 END'$$;
    EXECUTE 'CREATE AGGREGATE shadow.string_agg(text, text) (SFUNC = shadow.string_agg_step, STYPE = text)';
    EXECUTE $$CREATE FUNCTION shadow.sum_step(s bigint, v integer) RETURNS bigint LANGUAGE sql SET search_path = pg_catalog
              AS 'SELECT shadow.hit(''aggregate sum(integer)''); SELECT coalesce($1, 0) + $2'$$;
    EXECUTE 'CREATE AGGREGATE shadow.sum(integer) (SFUNC = shadow.sum_step, STYPE = bigint)';
    EXECUTE $$CREATE FUNCTION shadow.jsonb_agg_step(s jsonb, v anyelement) RETURNS jsonb LANGUAGE sql SET search_path = pg_catalog
              AS 'SELECT shadow.hit(''aggregate jsonb_agg(anyelement)''); SELECT coalesce($1, ''[]'') || pg_catalog.to_jsonb($2)'$$;
    EXECUTE 'CREATE AGGREGATE shadow.jsonb_agg(anyelement) (SFUNC = shadow.jsonb_agg_step, STYPE = jsonb)';
    EXECUTE $$CREATE FUNCTION shadow.array_agg_step(s anyarray, v anynonarray) RETURNS anyarray LANGUAGE sql SET search_path = pg_catalog
              AS 'SELECT shadow.hit(''aggregate array_agg(anynonarray)''); SELECT pg_catalog.array_append($1, $2)'$$;
    EXECUTE 'CREATE AGGREGATE shadow.array_agg(anynonarray) (SFUNC = shadow.array_agg_step, STYPE = anyarray)';
    EXECUTE $$CREATE FUNCTION shadow.bool_or_step(s boolean, v boolean) RETURNS boolean LANGUAGE sql SET search_path = pg_catalog
              AS 'SELECT shadow.hit(''aggregate bool_or(boolean)''); SELECT coalesce($1, false) OR $2'$$;
    EXECUTE 'CREATE AGGREGATE shadow.bool_or(boolean) (SFUNC = shadow.bool_or_step, STYPE = boolean)';
    INSERT INTO shadow.planted VALUES ('aggregate', made + 6);

    -- Types: a domain for every type name docstore's SQL could write, checked on every cast.
    made := 0;
    FOR p IN SELECT t AS typ FROM pg_catalog.unnest(ARRAY['text', 'jsonb', 'json', 'uuid', 'jsonpath', 'timestamptz',
                 'timestamp', 'xid8', 'pg_snapshot', 'regrole', 'regclass', 'oid', 'name', 'int2', 'int4', 'int8',
                 'float8', 'bool', 'varchar', 'bytea', 'char', 'date']) AS t
    LOOP
        BEGIN
            EXECUTE pg_catalog.format('CREATE DOMAIN shadow.%I AS pg_catalog.%I CHECK (shadow.hit(%L))',
                                      p.typ, p.typ, 'type ' || p.typ);
            made := made + 1;
        EXCEPTION WHEN OTHERS THEN NULL;
        END;
    END LOOP;
    INSERT INTO shadow.planted VALUES ('type', made);
END $plant$;
