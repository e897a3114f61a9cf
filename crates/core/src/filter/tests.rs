use serde_json::{json, Value};

use super::*;

fn sql(filter: Value) -> (String, Vec<Param>) {
    let compiled = compile(&parse(&filter).unwrap(), 3).unwrap();
    (compiled.sql, compiled.params)
}

/// The guard that keeps nested arrays out of comparisons (see `compile::any`), removed so that
/// the expected texts below show the conditions themselves.
const GUARD: &str = "@.type() != \"array\" && (";

fn strip_guards(text: &str) -> String {
    let mut out = text.to_string();
    while let Some(start) = out.find(GUARD) {
        let mut depth = 1;
        let mut end = start + GUARD.len();
        for (offset, c) in out[start + GUARD.len()..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                end = start + GUARD.len() + offset;
                break;
            }
        }
        out = format!(
            "{}{}{}",
            &out[..start],
            &out[start + GUARD.len()..end],
            &out[end + 1..]
        );
    }
    out
}

#[test]
fn comparisons_leave_out_nested_arrays() {
    let (_, params) = sql(json!({"c": 2}));
    assert_eq!(
        params,
        vec![
            Param::JsonPath(r#"$."c" == 2"#.into()),
            Param::Jsonb(json!({"c": 2}))
        ]
    );
    // Negated, the always-definite form, which leaves nested arrays out explicitly.
    let (_, params) = sql(json!({"c": {"$ne": 2}}));
    assert_eq!(
        params,
        vec![Param::JsonPath(
            r#"!(exists($."c" ? (@.type() != "array" && (@ == 2))))"#.into()
        )]
    );
}

fn one_path(filter: Value) -> String {
    let equalities = top_level_equalities(&parse(&filter).expect("a valid filter"));
    match (sql(filter), equalities) {
        ((sql, params), None) if sql == "data OPERATOR(pg_catalog.@@) $3" => match &params[..] {
            [Param::JsonPath(p)] => strip_guards(p),
            other => panic!("expected one path parameter, got {other:?}"),
        },
        // Top-level equalities: the per-row test first, with the pairs, then the same path.
        ((sql, params), Some(pairs))
            if sql == "docstore.match_eq(data, $4) AND data OPERATOR(pg_catalog.@@) $3" =>
        {
            match &params[..] {
                [Param::JsonPath(p), Param::Jsonb(j)] if *j == pairs => strip_guards(p),
                other => panic!("expected a path and the pairs, got {other:?}"),
            }
        }
        other => panic!("expected `data OPERATOR(pg_catalog.@@) $3`, got {other:?}"),
    }
}

#[test]
fn top_level_equalities_are_tested_per_row_by_match_eq() {
    let pairs = |filter: Value| top_level_equalities(&parse(&filter).unwrap());
    assert_eq!(
        pairs(json!({"status": "active", "n": 5, "ok": true})),
        Some(json!({"status": "active", "n": 5, "ok": true}))
    );
    assert_eq!(pairs(json!({"n": {"$eq": 5}})), Some(json!({"n": 5})));
    assert_eq!(
        pairs(json!({"$and": [{"a": 1}, {"a": 1}]})),
        Some(json!({"a": 1}))
    );
    for other in [
        json!({"a": null}),
        json!({"a.b": 1}),
        json!({"a": {"$gt": 1}}),
        json!({"a": {"b": 1}}),
        json!({"a": [1]}),
        json!({"a": 1, "b": {"$ne": 2}}),
        json!({"$or": [{"a": 1}]}),
        json!({"$and": [{"a": 1}, {"a": 2}]}),
        json!({}),
    ] {
        assert_eq!(pairs(other.clone()), None, "{other}");
    }
}

#[test]
fn with_the_operator_top_level_equalities_are_one_indexable_condition() {
    let compiled = |filter: Value, indexed: &[Path], equalities| {
        let c = compile_with_indexes(&parse(&filter).unwrap(), 3, indexed, equalities).unwrap();
        (c.sql, c.params)
    };
    assert_eq!(
        compiled(
            json!({"status": "active", "n": 5}),
            &[],
            Equalities::Operator
        ),
        (
            "data OPERATOR(docstore.@=) $3".to_string(),
            vec![Param::Jsonb(json!({"status": "active", "n": 5}))]
        )
    );
    assert_eq!(
        compiled(json!({"n": {"$eq": 5}}), &[], Equalities::Operator).1,
        vec![Param::Jsonb(json!({"n": 5}))]
    );
    // A key that leads a B-tree index keeps the index's expressions, with the per-row test.
    let indexed = [Path(vec!["n".to_string()])];
    let (text, params) = compiled(json!({"n": 5, "s": "x"}), &indexed, Equalities::Operator);
    assert!(text.starts_with("docstore.match_eq(data, $"), "{text}");
    assert!(!text.contains("docstore.@="), "{text}");
    assert_eq!(
        params.last(),
        Some(&Param::Jsonb(json!({"n": 5, "s": "x"})))
    );
    // Anything but top-level equalities is compiled as without the operator.
    for other in [
        json!({"a": null}),
        json!({"a.b": 1}),
        json!({"a": {"$gt": 1}}),
    ] {
        let filter = parse(&other).unwrap();
        assert_eq!(
            compile_with_indexes(&filter, 3, &[], Equalities::Operator),
            compile_with_indexes(&filter, 3, &[], Equalities::Path),
            "{other}"
        );
    }
    // Without the helpers: the path predicate alone.
    assert_eq!(
        compiled(json!({"status": "active"}), &[], Equalities::Path).0,
        "data OPERATOR(pg_catalog.@@) $3"
    );
}

fn error(filter: Value) -> String {
    match parse(&filter).and_then(|f| compile(&f, 1)) {
        Ok(c) => panic!("expected an error, compiled {c:?}"),
        Err(e) => format!("{}: {e}", e.sqlstate().code()),
    }
}

#[test]
fn the_empty_filter_compiles_to_nothing() {
    assert_eq!(sql(json!({})), (String::new(), vec![]));
}

#[test]
fn equality_and_comparisons_are_one_path_predicate() {
    assert_eq!(
        one_path(json!({"status": "active"})),
        r#"$."status" == "active""#
    );
    assert_eq!(
        one_path(json!({"address.city": "Oslo", "age": {"$gte": 18, "$lt": 65}})),
        r#"($."address"."city" == "Oslo" && $."age" >= 18 && $."age" < 65)"#
    );
    let exact: Value = serde_json::from_str(r#"{"n": {"$eq": 1.50}}"#).unwrap();
    assert_eq!(one_path(exact), r#"$."n" == 1.50"#);
}

#[test]
fn null_matches_null_or_missing_and_ne_null_the_rest() {
    assert_eq!(
        one_path(json!({"f": null})),
        r#"(!exists($."f") || $."f" == null)"#
    );
    assert_eq!(
        one_path(json!({"f": {"$ne": null}})),
        r#"!((!exists($."f") || exists($."f" ? (@ == null))))"#
    );
    assert_eq!(
        one_path(json!({"f": {"$type": "null"}})),
        r#"exists($."f" ? (@.type() == "null"))"#
    );
}

#[test]
fn in_nin_exists_type_regex_size() {
    assert_eq!(
        one_path(json!({"t": {"$in": ["a", 1]}})),
        r#"($."t" == "a" || $."t" == 1)"#
    );
    assert_eq!(
        one_path(json!({"t": {"$nin": ["a", null]}})),
        r#"!((exists($."t" ? (@ == "a")) || !exists($."t") || exists($."t" ? (@ == null))))"#
    );
    assert_eq!(
        one_path(json!({"t": {"$exists": false}})),
        r#"!exists($."t")"#
    );
    assert_eq!(
        one_path(json!({"t": {"$type": ["array", "string"]}})),
        r#"($."t".type() == "array" || exists($."t" ? (@.type() == "string")))"#
    );
    assert_eq!(
        one_path(json!({"name": {"$regex": "^al", "$options": "ix"}})),
        r#"$."name" like_regex "^al" flag "i""#
    );
    assert_eq!(
        one_path(json!({"t": {"$size": 2}})),
        r#"($."t".type() == "array" && $."t".size() == 2)"#
    );
}

#[test]
fn logical_operators() {
    assert_eq!(
        one_path(json!({"$or": [{"a": 1}, {"b": {"$gt": 2}}]})),
        r#"($."a" == 1 || $."b" > 2)"#
    );
    assert_eq!(
        one_path(json!({"$nor": [{"a": 1}, {"b": 2}]})),
        r#"!((exists($."a" ? (@ == 1)) || exists($."b" ? (@ == 2))))"#
    );
    assert_eq!(
        one_path(json!({"a": {"$not": {"$gt": 5}}})),
        r#"!(exists($."a" ? (@ > 5)))"#
    );
    assert_eq!(one_path(json!({"a": {"$all": []}})), r#"!exists($)"#);
}

#[test]
fn elem_match_on_values_and_documents() {
    // SQL over the elements of the arrays at the path: a path filter in lax mode would unwrap an
    // element that is an array ([[85]] would match {"$gte": 80, "$lt": 90}); MongoDB does not.
    let elements = "EXISTS (SELECT 1 FROM pg_catalog.jsonb_path_query(data, $3) AS v0(x), \
         pg_catalog.jsonb_array_elements(CASE WHEN pg_catalog.jsonb_typeof(v0.x) OPERATOR(pg_catalog.=) 'array' \
         THEN v0.x END) AS e0(y) WHERE ";
    let (text, params) = sql(json!({"scores": {"$elemMatch": {"$gte": 80, "$lt": 85}}}));
    assert_eq!(
        text,
        format!("{elements}COALESCE(e0.y OPERATOR(pg_catalog.@@) $4, false) AND COALESCE(e0.y OPERATOR(pg_catalog.@@) $5, false))")
    );
    assert_eq!(
        params,
        vec![
            Param::JsonPath(r#"$."scores""#.into()),
            Param::JsonPath(r#"strict ($.type() == "number" && $ >= 80)"#.into()),
            Param::JsonPath(r#"strict ($.type() == "number" && $ < 85)"#.into()),
        ]
    );
    // The document form: objects, and arrays read as objects with the keys "0", "1", … Its
    // positive equalities also as a lax path predicate first, which every match satisfies and
    // the GIN index serves.
    let (text, params) =
        sql(json!({"items": {"$elemMatch": {"product": "x", "score": {"$gte": 8}}}}));
    assert!(text.starts_with("(data OPERATOR(pg_catalog.@@) $3 AND EXISTS (SELECT 1 FROM pg_catalog.jsonb_path_query(data, $4) AS v0(x)"), "{text}");
    assert!(text.contains("((pg_catalog.jsonb_typeof(e0.y) OPERATOR(pg_catalog.=) 'object' AND e0.y OPERATOR(pg_catalog.@@) $5) OR (pg_catalog.jsonb_typeof(e0.y) OPERATOR(pg_catalog.=) 'array' AND (SELECT COALESCE(pg_catalog.jsonb_object_agg("), "{text}");
    assert_eq!(
        params[0],
        Param::JsonPath(r#"exists($."items"[*] ? (@."product" == "x"))"#.into())
    );
    assert_eq!(
        params[2],
        Param::JsonPath(r#"($."product" == "x" && $."score" >= 8)"#.into())
    );
    // The value form: its scalar equalities; none for a numeric key (arrays read as objects).
    let (_, params) = sql(json!({"a": {"$elemMatch": {"$eq": 5, "$type": "number"}}}));
    assert_eq!(
        params[0],
        Param::JsonPath(r#"exists($."a"[*] ? (@ == 5))"#.into())
    );
    let (text, _) = sql(json!({"a": {"$elemMatch": {"0": 5}}}));
    assert!(text.starts_with(elements), "{text}");
    // {} is the document form: an element that is an object or an array.
    let (text, _) = sql(json!({"a": {"$elemMatch": {}}}));
    assert!(text.ends_with("WHERE (pg_catalog.jsonb_typeof(e0.y) OPERATOR(pg_catalog.=) 'object' OR pg_catalog.jsonb_typeof(e0.y) OPERATOR(pg_catalog.=) 'array'))"), "{text}");
    // Objects and arrays inside, which 0.3 refused: compiled like anywhere else.
    assert!(parse(&json!({"a": {"$elemMatch": {"b": {"c": 1}}}}))
        .and_then(|f| compile(&f, 1))
        .is_ok());
    assert!(parse(&json!({"a": {"$elemMatch": {"b": {"$in": [[1]]}}}}))
        .and_then(|f| compile(&f, 1))
        .is_ok());
    // Nested, in the value form: the element must itself be an array.
    let (text, _) = sql(json!({"a": {"$elemMatch": {"$elemMatch": {"$gt": 4}}}}));
    assert!(
        text.contains("AS e1(y) WHERE COALESCE(e1.y OPERATOR(pg_catalog.@@)"),
        "{text}"
    );
}

#[test]
fn objects_and_arrays_are_exact_equality_with_a_containment_prefilter() {
    // MongoDB: {"tags": ["a"]} is the array ["a"] exactly, or an element equal to it; the
    // containments first (served by the GIN index), the exact test after.
    let (text, params) = sql(json!({"tags": ["a"]}));
    assert_eq!(
        text,
        "((data OPERATOR(pg_catalog.@>) $3 OR data OPERATOR(pg_catalog.@>) $4) AND EXISTS (SELECT 1 FROM pg_catalog.jsonb_path_query(data, $5) AS v0(x) WHERE v0.x OPERATOR(pg_catalog.=) $6 OR (pg_catalog.jsonb_typeof(v0.x) OPERATOR(pg_catalog.=) 'array' AND EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements(v0.x) AS e0(y) WHERE e0.y OPERATOR(pg_catalog.=) $6))))"
    );
    assert_eq!(
        params,
        vec![
            Param::Jsonb(json!({"tags": ["a"]})),
            Param::Jsonb(json!({"tags": [["a"]]})),
            Param::JsonPath(r#"$."tags""#.into()),
            Param::Jsonb(json!(["a"])),
        ]
    );
    // Two keys: the value or an array holding it at each (four containments).
    let (_, params) = sql(json!({"a.b": {"x": 1}}));
    assert_eq!(
        params[..4],
        [
            Param::Jsonb(json!({"a": {"b": {"x": 1}}})),
            Param::Jsonb(json!({"a": [{"b": {"x": 1}}]})),
            Param::Jsonb(json!({"a": {"b": [{"x": 1}]}})),
            Param::Jsonb(json!({"a": [{"b": [{"x": 1}]}]})),
        ]
    );
    let (text, _) = sql(json!({"a": {"$eq": [1, 2]}}));
    assert!(
        text.starts_with("((data OPERATOR(pg_catalog.@>) $3 OR data OPERATOR(pg_catalog.@>) $4) AND EXISTS (SELECT 1 FROM pg_catalog.jsonb_path_query(data, $5) AS v0(x) WHERE v0.x OPERATOR(pg_catalog.=) $6 OR"),
        "{text}"
    );
    // Negated: NOT (prefilter AND exact) is NOT exact, since every exact match passes the
    // prefilter.
    let (text, _) = sql(json!({"$or": [{"a": {"$ne": {"k": 1}}}, {"b": 2}]}));
    assert!(
        text.starts_with("(data OPERATOR(pg_catalog.@@) $3 OR NOT ((data OPERATOR(pg_catalog.@>)"),
        "{text}"
    );
}

#[test]
fn hostile_keys_and_values_stay_inside_string_literals() {
    let p = one_path(json!({"a\") || true || (\"": "x\" || true"}));
    assert_eq!(p, r#"$."a\") || true || (\"" == "x\" || true""#);
}

#[test]
fn mod_reads_its_operands_as_mongodb_does() {
    use crate::filter::Cond;
    let cond = |operand: Value| match parse(&json!({"a": {"$mod": operand}})) {
        Ok(Filter::Field(_, cond)) => Ok(cond),
        Ok(other) => panic!("{other:?}"),
        Err(e) => Err(format!("{}: {e}", e.sqlstate().code())),
    };
    // Truncated toward zero (jstests/core/query/mod/mod.js: NumberDecimal(5.001), 2.1).
    assert_eq!(
        cond(json!([5.001, 2.1])),
        Ok(Cond::Mod {
            divisor: 5,
            remainder: 2
        })
    );
    assert_eq!(
        cond(json!([-10, -5])),
        Ok(Cond::Mod {
            divisor: -10,
            remainder: -5
        })
    );
    assert_eq!(
        cond(json!([10000000000i64, -5000000000i64])),
        Ok(Cond::Mod {
            divisor: 10000000000,
            remainder: -5000000000
        })
    );
    // Errors (BadValue in MongoDB): arity, a zero divisor (also after truncation), not numbers,
    // not within 64-bit integers.
    for bad in [
        json!([10]),
        json!([10, 1, 1]),
        json!([]),
        json!([0, 1]),
        json!([0.001, 1.001]),
        json!(["a", 0]),
        json!(["a", "b"]),
        json!([1e19, 1]),
        json!([1, 1e19]),
        json!(5),
        json!({"d": 1}),
    ] {
        let e = cond(bad.clone()).unwrap_err();
        assert!(
            e.starts_with("22023: $mod at path \"a\" expects [divisor, remainder]"),
            "{bad}: {e}"
        );
    }
}

#[test]
fn mod_is_one_exists_predicate_over_the_numbers_there() {
    let text = one_path(json!({"a": {"$mod": [4, 0]}}));
    // (one_path strips the guard that leaves nested arrays out.)
    assert!(
        text.starts_with("exists($.\"a\" ? (@.type() == \"number\" && @ > -9223372036854775809"),
        "{text}"
    );
    assert!(
        text.contains("@.floor() % 4 == 0") && text.contains("@.ceiling() % 4 == 0"),
        "{text}"
    );
}

#[test]
fn in_takes_regular_expressions_and_refuses_other_operators() {
    use crate::filter::Cond;
    let cond = |f: Value| match parse(&f) {
        Ok(Filter::Field(_, cond)) => cond,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        cond(json!({"x": {"$in": [1, {"$regex": "^a", "$options": "i"}]}})),
        Cond::Any(vec![
            Cond::In(vec![json!(1)]),
            Cond::Regex {
                pattern: "^a".into(),
                flags: "i".into()
            }
        ])
    );
    // $nin: none of them. Plain objects still compare exactly.
    assert!(matches!(
        cond(json!({"x": {"$nin": [{"$regex": "b"}]}})),
        Cond::Not(_)
    ));
    assert_eq!(
        cond(json!({"x": {"$in": [{"y": 1}]}})),
        Cond::Any(vec![Cond::In(vec![]), Cond::EqStructure(json!({"y": 1}))])
    );
    // jstests/core/query/in/in7.js: no $elemMatch (nor any other operator) inside $in / $nin.
    for f in [
        json!({"a": {"$in": [{"$elemMatch": {"b": 1}}]}}),
        json!({"a": {"$nin": [{"$elemMatch": {"b": 1}}]}}),
        json!({"a": {"$not": {"$in": [{"$elemMatch": {"b": 1}}]}}}),
        json!({"a": {"$in": [{"$gt": 1}]}}),
        json!({"a": {"$in": [{"$regex": "a", "x": 1}]}}),
    ] {
        assert!(
            error(f.clone()).starts_with("22023: $"),
            "{f}: {}",
            error(f.clone())
        );
    }
    // A bad pattern inside $in is found like any other.
    let filter = parse(&json!({"a": {"$in": [{"$regex": "(x"}]}})).unwrap();
    assert_eq!(filter.regexes().len(), 1);
}

#[test]
fn all_of_elem_matches() {
    use crate::filter::{Cond, ElemMatch};
    let Filter::Field(_, cond) =
        parse(&json!({"a": {"$all": [{"$elemMatch": {"b": 1}}, {"$elemMatch": {"$gt": 2}}]}}))
            .unwrap()
    else {
        panic!()
    };
    let Cond::All(conds) = cond else {
        panic!("{cond:?}")
    };
    assert!(matches!(conds[0], Cond::ElemMatch(ElemMatch::Document(_))));
    assert!(matches!(conds[1], Cond::ElemMatch(ElemMatch::Value(_))));
    // MongoDB does not mix them.
    assert!(error(json!({"a": {"$all": [{"$elemMatch": {"b": 1}}, 5]}}))
        .contains("only {\"$elemMatch\": …} objects"));
}

#[test]
fn comment_is_no_condition() {
    assert_eq!(
        parse(&json!({"$comment": "why"})).unwrap(),
        Filter::And(vec![])
    );
    assert_eq!(
        parse(&json!({"$comment": {"any": "value"}, "a": 1})).unwrap(),
        parse(&json!({"a": 1})).unwrap()
    );
    // Only where filters are: as a field operator it is unknown, as in MongoDB.
    assert!(error(json!({"a": {"$comment": "x"}})).contains("unknown operator \"$comment\""));
}

#[test]
fn paths_of_more_than_100_keys_are_refused() {
    let long = vec!["a"; 100_000].join(".");
    assert!(error(json!({ long.clone(): 1 })).starts_with(
        "22023: the path \"a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.…\" has 100000 keys; at most 100"
    ));
    // Inside $elemMatch and under $and too, and in find's sort and fields.
    let nested = json!({"$and": [{"x": {"$elemMatch": { long.clone(): 1 }}}]});
    assert!(error(nested).contains("has 100000 keys"));
    for option in ["sort", "fields"] {
        let options = json!({ option: { long.clone(): 1 } });
        let e = crate::find::parse_options(&options).unwrap_err();
        assert!(e.to_string().contains("has 100000 keys"), "{option}: {e}");
    }
    assert!(crate::find::distinct_path(&long).is_err());
    let hundred = vec!["a"; 100].join(".");
    assert!(parse(&json!({ hundred: 1 })).is_ok());
}

#[test]
fn errors_name_the_operator_and_the_path() {
    assert_eq!(
        error(json!({"a": {"$foo": 1}})),
        r#"22023: unknown operator "$foo" at path "a""#
    );
    assert_eq!(
        error(json!({"$where": "1"})),
        r#"22023: unknown operator "$where" at the top level"#
    );
    assert_eq!(
        error(json!({"a.b": {"$in": 5}})),
        r#"22023: $in at path "a.b" expects an array"#
    );
    assert_eq!(
        error(json!({"a": {"$size": -1}})),
        r#"22023: $size at path "a" expects a non-negative integer"#
    );
    assert_eq!(
        error(json!({"a": {"$size": 1.5}})),
        r#"22023: $size at path "a" expects a non-negative integer"#
    );
    assert_eq!(
        error(json!({"a": {"$exists": 1}})),
        r#"22023: $exists at path "a" expects true or false"#
    );
    assert_eq!(
        error(json!({"a": {"$type": "date"}})),
        r#"22023: $type at path "a" expects the type names string, number (double, int, long, decimal), boolean (bool), object, array or null, or their BSON numbers 2, 1 (16, 18, 19), 8, 3, 4, 10"#
    );
    assert_eq!(
        error(json!({"a": {"$regex": "x", "$options": "g"}})),
        r#"22023: $options at path "a" expects a string of the flags i, m, s and x"#
    );
    assert_eq!(
        error(json!({"a": {"$options": "i"}})),
        r#"22023: $options at path "a" expects to stand beside $regex"#
    );
    assert_eq!(
        error(json!({"$or": []})),
        r#"22023: $or at the top level expects a non-empty array of filter objects"#
    );
    assert_eq!(
        error(json!({"$and": [1]})),
        r#"22023: $and at the top level expects a non-empty array of filter objects"#
    );
    assert_eq!(
        error(json!({"a..b": 1})),
        r#"22023: invalid path "a..b": the keys of a dotted path must not be empty"#
    );
    assert_eq!(
        error(json!({"a": {"$gt": 1, "x": 2}})),
        r#"22023: the condition at path "a" mixes operators with the plain key "x""#
    );
    assert_eq!(
        error(json!({"a": {"$not": 5}})),
        r#"22023: $not at path "a" expects an object of operators"#
    );
    assert_eq!(
        error(json!([1])),
        r#"22023: filter must be a JSON object, got an array"#
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let mut filter = json!({"a": 1});
    for _ in 0..100 {
        filter = json!({"$and": [filter]});
    }
    assert!(error(filter).starts_with("22023: the filter nests deeper than 64 levels"));
}

#[test]
fn the_reference_evaluator_follows_mongodb_examples() {
    let doc = json!({
        "name": "Ann", "age": 30, "tags": ["a", "b"], "scores": [82, 90],
        "address": {"city": "Oslo"}, "items": [{"product": "x", "score": 9}, {"product": "y", "score": 2}],
        "nothing": null
    });
    let yes = |f: Value| eval::matches(&parse(&f).unwrap(), &doc).unwrap();
    assert!(yes(json!({"tags": "a"})), "scalar matches an array element");
    assert!(yes(json!({"age": 30.0})));
    assert!(!yes(json!({"age": "30"})));
    assert!(yes(json!({"age": {"$gt": 5}})));
    assert!(
        !yes(json!({"name": {"$gt": 5}})),
        "comparisons are type-bracketed"
    );
    assert!(yes(json!({"name": {"$gt": "A"}})));
    assert!(yes(json!({"missing": null})) && yes(json!({"nothing": null})));
    assert!(!yes(json!({"nothing": {"$ne": null}})) && yes(json!({"age": {"$ne": null}})));
    assert!(
        !yes(json!({"missing": {"$type": "null"}})) && yes(json!({"nothing": {"$type": "null"}}))
    );
    assert!(yes(
        json!({"scores": {"$elemMatch": {"$gte": 80, "$lt": 85}}})
    ));
    assert!(!yes(
        json!({"scores": {"$elemMatch": {"$gte": 85, "$lt": 88}}})
    ));
    assert!(yes(
        json!({"items": {"$elemMatch": {"product": "x", "score": {"$gte": 8}}}})
    ));
    assert!(!yes(
        json!({"items": {"$elemMatch": {"product": "y", "score": {"$gte": 8}}}})
    ));
    assert!(yes(json!({"items.score": 2})), "paths traverse arrays");
    assert!(
        yes(json!({"tags": {"$all": ["b", "a"]}})) && !yes(json!({"tags": {"$all": ["a", "c"]}}))
    );
    assert!(yes(json!({"tags": {"$size": 2}})) && !yes(json!({"tags": {"$size": 3}})));
    assert!(yes(json!({"address": {"city": "Oslo"}})));
    assert!(
        yes(json!({"$or": [{"age": 1}, {"name": "Ann"}]}))
            && !yes(json!({"$nor": [{"age": 1}, {"name": "Ann"}]}))
    );
    assert!(yes(json!({"age": {"$nin": [1, 2]}})) && !yes(json!({"age": {"$in": [1, 2]}})));
    assert!(
        yes(json!({"address": {"$eq": {"city": "Oslo"}}})) && !yes(json!({"address": {"$eq": {}}}))
    );
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// Any JSON at all, with operator-like keys mixed in.
    fn any_json() -> impl Strategy<Value = Value> {
        let key = prop_oneof![
            "[a-c]{1,2}",
            Just("$and".to_string()),
            Just("$or".to_string()),
            Just("$nor".to_string()),
            Just("$eq".to_string()),
            Just("$ne".to_string()),
            Just("$gt".to_string()),
            Just("$in".to_string()),
            Just("$nin".to_string()),
            Just("$exists".to_string()),
            Just("$type".to_string()),
            Just("$regex".to_string()),
            Just("$options".to_string()),
            Just("$size".to_string()),
            Just("$all".to_string()),
            Just("$elemMatch".to_string()),
            Just("$not".to_string()),
            Just("$bogus".to_string()),
            Just("a..b".to_string()),
            Just("".to_string()),
            "\\PC{0,4}",
        ];
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            "\\PC{0,6}".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 40, 4, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                prop::collection::vec((key.clone(), inner), 0..4)
                    .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Any JSON either compiles or is refused with a typed error (22023 or 0A000); nothing
        /// panics, and what compiles has its parameters numbered from the start given.
        #[test]
        fn any_json_compiles_or_is_a_typed_error(json in any_json()) {
            match parse(&json).and_then(|f| compile(&f, 5)) {
                Ok(compiled) => {
                    for n in 0..compiled.params.len() {
                        let placeholder = format!("${}", 5 + n);
                        prop_assert!(compiled.sql.contains(&placeholder));
                    }
                }
                Err(e) => prop_assert!(matches!(e.sqlstate().code(), "22023" | "0A000"), "{e}"),
            }
        }
    }
}
