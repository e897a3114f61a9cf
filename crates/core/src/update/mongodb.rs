//! Update operators against MongoDB's own expectations: every expected document or refusal here
//! is copied from a MongoDB server test (jstests, or the unit tests under src/mongo/db/update/ of
//! mongodb/mongo) or from the MongoDB manual, cited in a comment on each case.

use serde_json::{json, Value};

use super::*;

const NOW: &str = "2026-01-01T00:00:00Z";

/// `update` applied to `doc` (both must be accepted).
fn run(doc: Value, update: Value) -> Value {
    let parsed = parse(&update).unwrap_or_else(|e| panic!("{update}: {e}"));
    apply(&doc, &parsed, NOW).unwrap_or_else(|e| panic!("{update} on {doc}: {e}"))
}

/// The error of applying an accepted `update` to `doc` (MongoDB: a write error; the document
/// stays as it was, which `apply` guarantees by returning no document at all).
fn fails(doc: Value, update: Value) -> Error {
    let parsed = parse(&update).unwrap_or_else(|e| panic!("{update}: {e}"));
    match apply(&doc, &parsed, NOW) {
        Ok(after) => panic!("{update} on {doc} gave {after}, MongoDB refuses it"),
        Err(e) => {
            assert_eq!(e.sqlstate().code(), "22023", "{e}");
            e
        }
    }
}

/// The error of parsing `update` (MongoDB: refused before any document is read).
fn refused(update: Value) -> Error {
    match parse(&update) {
        Ok(parsed) => panic!("{update} parsed as {parsed:?}, MongoDB refuses it"),
        Err(e) => {
            assert_eq!(e.sqlstate().code(), "22023", "{e}");
            e
        }
    }
}

#[test]
fn set_and_inc_refuse_paths_through_scalars_and_arrays() {
    // src/mongo/db/update/set_node_test.cpp: ApplyPathNotViable
    // ("Cannot create field 'b' in element {a: 1}").
    let e = fails(json!({"a": 1}), json!({"$set": {"a.b": 2}}));
    assert_eq!(
        e.to_string(),
        r#"$set at path "a.b" expects a path through objects (a scalar is in the way)"#
    );
    // set_node_test.cpp: ApplyNonViablePath ("Cannot create field '2' in element {a: 0}").
    fails(json!({"a": 0}), json!({"$set": {"a.2.b": 2}}));
    // set_node_test.cpp: ApplyPathNotViableArrray ("Cannot create field 'b' in element
    // {a: [ { b: 1 } ]}"); jstests/core/write/update/update_arrayFilters.js: "Include an
    // implicit array traversal in a path in an update modifier".
    let e = fails(json!({"a": [{"b": 1}]}), json!({"$set": {"a.b": 2}}));
    assert!(e.to_string().contains("an array is in the way"), "{e}");
    // src/mongo/db/update/arithmetic_node_test.cpp: ApplyNonViablePathToInc
    // ("Cannot create field 'b' in element {a: 5}").
    fails(json!({"a": 5}), json!({"$inc": {"a.b": 5}}));
    for op in ["$mul", "$min", "$max"] {
        fails(json!({"a": 5}), json!({ op: {"a.b": 5} }));
    }
    fails(json!({"a": 5}), json!({"$currentDate": {"a.b": true}}));
    fails(json!({"a": 5}), json!({"$push": {"a.b": 1}}));
    fails(json!({"a": 5}), json!({"$addToSet": {"a.b": 1}}));
}

#[test]
fn null_is_a_value_in_the_way_not_a_missing_field() {
    // src/mongo/db/update/path_support.cpp, findLongestPrefix: only an object or an array can be
    // traversed ("default: viable = false"), so a null on the way is not viable.
    let e = fails(json!({"a": null}), json!({"$set": {"a.b": 1}}));
    assert!(e.to_string().contains("null is in the way"), "{e}");
    // src/mongo/db/update/push_node.cpp, performPush: an existing element that is not an array
    // ("The field 'a' must be an array but is of type null").
    fails(json!({"a": null}), json!({"$push": {"a": 1}}));
    fails(json!({"a": null}), json!({"$addToSet": {"a": 1}}));
}

#[test]
fn set_pads_arrays_with_nulls_and_numeric_keys_name_fields_of_objects() {
    // src/mongo/db/update/set_node_test.cpp: ApplyPaddingArray.
    assert_eq!(
        run(json!({"a": [{"b": 0}]}), json!({"$set": {"a.2.b": 2}})),
        json!({"a": [{"b": 0}, null, {"b": 2}]})
    );
    // set_node_test.cpp: ApplyEmptyArray.
    assert_eq!(
        run(json!({"a": []}), json!({"$set": {"a.2.b": 2}})),
        json!({"a": [null, null, {"b": 2}]})
    );
    // set_node_test.cpp: ApplyNumericObject, ApplyEmptyObject.
    assert_eq!(
        run(json!({"a": {"b": 0}}), json!({"$set": {"a.2.b": 2}})),
        json!({"a": {"b": 0, "2": {"b": 2}}})
    );
    assert_eq!(
        run(json!({"a": {}}), json!({"$set": {"a.2.b": 2}})),
        json!({"a": {"2": {"b": 2}}})
    );
    // set_node_test.cpp: ApplyCreatePath, ApplyNormalArray.
    assert_eq!(
        run(json!({"a": {"d": 5}}), json!({"$set": {"a.b.c": 6}})),
        json!({"a": {"d": 5, "b": {"c": 6}}})
    );
    assert_eq!(
        run(
            json!({"a": [{"b": 0}, {"b": 1}]}),
            json!({"$set": {"a.2.b": 2}})
        ),
        json!({"a": [{"b": 0}, {"b": 1}, {"b": 2}]})
    );
}

#[test]
fn pop_follows_update_modifier_pop() {
    // jstests/core/write/update/update_modifier_pop.js, in its order.
    // "$pop with value of 0 / -2 / 2.5 / 1.1 / a nested object fails to parse."
    for bad in [json!(0), json!(-2), json!(2.5), json!(1.1), json!({"b": 1})] {
        refused(json!({"$pop": {"a.b": bad}}));
    }
    // "$pop is a no-op when the path does not exist."
    assert_eq!(run(json!({}), json!({"$pop": {"a.b": 1}})), json!({}));
    // "$pop is a no-op when the path partially exists."
    assert_eq!(
        run(json!({"a": {"c": 1}}), json!({"$pop": {"a.b": 1}})),
        json!({"a": {"c": 1}})
    );
    // "$pop fails when the path is blocked by a scalar element."
    fails(json!({"a": {"b": 1}}), json!({"$pop": {"a.b.c": 1}}));
    // "$pop fails when the path is blocked by an array element."
    fails(json!({"a": {"b": [1, 2]}}), json!({"$pop": {"a.b.c": 1}}));
    // "$pop fails when the path exists but is not an array."
    fails(json!({"a": {"b": {"c": 1}}}), json!({"$pop": {"a.b": 1}}));
    // "$pop is a no-op when the path contains an empty array."
    assert_eq!(
        run(json!({"a": {"b": []}}), json!({"$pop": {"a.b": 1}})),
        json!({"a": {"b": []}})
    );
    // "Successfully pop from the end of an array." / "... from the beginning of an array."
    let popped = run(json!({"a": {"b": [1, 2, 3]}}), json!({"$pop": {"a.b": 1}}));
    assert_eq!(popped, json!({"a": {"b": [1, 2]}}));
    assert_eq!(
        run(popped, json!({"$pop": {"a.b": -1}})),
        json!({"a": {"b": [2]}})
    );
    // "$pop from a nested array."
    assert_eq!(
        run(json!({"a": [1, [2, 3, 4]]}), json!({"$pop": {"a.1": 1}})),
        json!({"a": [1, [2, 3]]})
    );
    // "$pop is a no-op when array element in path does not exist."
    assert_eq!(
        run(
            json!({"a": [{"b": 0}, {"b": 1}]}),
            json!({"$pop": {"a.2.b": 1}})
        ),
        json!({"a": [{"b": 0}, {"b": 1}]})
    );
}

#[test]
fn pull_on_missing_blocked_and_non_array_paths() {
    // src/mongo/db/update/pull_node_test.cpp: ApplyToNonViablePathFails ("Cannot use the part
    // (b) of (a.b) to traverse the element ({a: 1})").
    fails(json!({"a": 1}), json!({"$pull": {"a.b": {"$lt": 1}}}));
    fails(json!({"a": 1}), json!({"$pullAll": {"a.b": [1]}}));
    // pull_node_test.cpp: ApplyToMissingElement, TargetNotFound.
    assert_eq!(
        run(
            json!({"a": {"b": {"c": {}}}}),
            json!({"$pull": {"a.b.c.d": {"$lt": 1}}})
        ),
        json!({"a": {"b": {"c": {}}}})
    );
    assert_eq!(
        run(json!({}), json!({"$pull": {"a": {"$lt": 1}}})),
        json!({})
    );
    // pull_node_test.cpp: ApplyToStringFails, ApplyToObjectFails ("Cannot apply $pull to a
    // non-array value").
    fails(json!({"a": "foo"}), json!({"$pull": {"a": {"$lt": 1}}}));
    fails(
        json!({"a": {"foo": "bar"}}),
        json!({"$pull": {"a": {"$lt": 1}}}),
    );
    // jstests/core/query/pull/pull.js, SERVER-6047: $pull creates no empty nested documents.
    assert_eq!(
        run(json!({"m": 1}), json!({"$pull": {"a.b": [1]}})),
        json!({"m": 1})
    );
    // src/mongo/db/update/push_node_test.cpp: ApplyToNonArrayFails ("The field 'a' must be an
    // array but is of type int").
    fails(json!({"a": 1}), json!({"$push": {"a": 1}}));
}

#[test]
fn push_slice_and_position_take_integral_doubles_only() {
    // src/mongo/db/update/push_node_test.cpp: SliceClauseWithIntegerDoubleSucceeds,
    // PositionClauseWithIntegerDoubleSucceeds, SliceClauseWithNonIntegerFails,
    // PositionClauseWithNonIntegerFails, SliceClauseWithObjectFails, SliceClauseWithArrayFails,
    // SliceClauseWithStringFails, PositionClauseWithObjectFails.
    parse(&json!({"$push": {"x": {"$each": [1, 2], "$slice": 2.0}}})).unwrap();
    parse(&json!({"$push": {"x": {"$each": [1, 2], "$position": -2.0}}})).unwrap();
    for bad in [json!(-2.1), json!({"a": 1}), json!([1, 2]), json!("-1")] {
        refused(json!({"$push": {"x": {"$each": [1, 2], "$slice": bad}}}));
    }
    for bad in [json!(-2.1), json!({"a": 1})] {
        refused(json!({"$push": {"x": {"$each": [1, 2], "$position": bad}}}));
    }
    // push_node_test.cpp: ApplyToPopulatedArrayWithSliceValues ({a: [2, 3]}, $each [1]).
    for (slice, expected) in [
        (-4, json!([2, 3, 1])),
        (-3, json!([2, 3, 1])),
        (-2, json!([3, 1])),
        (-1, json!([1])),
        (0, json!([])),
        (1, json!([2])),
        (2, json!([2, 3])),
        (3, json!([2, 3, 1])),
        (4, json!([2, 3, 1])),
    ] {
        assert_eq!(
            run(
                json!({"a": [2, 3]}),
                json!({"$push": {"a": {"$each": [1], "$slice": slice}}})
            ),
            json!({ "a": expected }),
            "$slice {slice}"
        );
    }
    // push_node_test.cpp: ApplyToPopulatedArrayWithNegativePosition,
    // ApplyToPopulatedArrayWithOutOfBoundsNegativePosition, PushWithMinIntAsPosition,
    // ApplyMultipleElementsPushWithNegativePosition, ApplyToSingletonArrayWithLargePosition.
    let five = json!({"a": [0, 1, 2, 3, 4]});
    for (each, position, expected) in [
        (json!([5]), json!(-2), json!([0, 1, 2, 5, 3, 4])),
        (json!([5]), json!(-1000), json!([5, 0, 1, 2, 3, 4])),
        (json!([5]), json!(i64::MIN), json!([5, 0, 1, 2, 3, 4])),
        (json!([5, 6, 7]), json!(-2), json!([0, 1, 2, 5, 6, 7, 3, 4])),
    ] {
        assert_eq!(
            run(
                five.clone(),
                json!({"$push": {"a": {"$each": each, "$position": position}}})
            ),
            json!({ "a": expected })
        );
    }
    assert_eq!(
        run(
            json!({"a": [0]}),
            json!({"$push": {"a": {"$each": [1], "$position": 1000}}})
        ),
        json!({"a": [0, 1]})
    );
}

/// jstests/core/query/rename/rename_operator.js: the document of its second group of `bad`
/// cases.
fn rename_doc() -> Value {
    json!({"a": [1], "b": {"c": [2]}, "d": [{"e": 3}], "f": 4})
}

#[test]
fn rename_refuses_what_rename_operator_js_refuses() {
    // jstests/core/query/rename/rename_operator.js: bad(...) cases refused before any document.
    refused(json!({"$rename": {"a": "a"}}));
    refused(json!({"$rename": {"": "a"}}));
    refused(json!({"$rename": {"a": ""}}));
    refused(json!({"$rename": {".a": "b"}}));
    refused(json!({"$rename": {"a": ".b"}}));
    refused(json!({"$rename": {"a.": "b"}}));
    refused(json!({"$rename": {"a": "b."}}));
    refused(json!({"$rename": {"a.b": "a"}}));
    // rename_operator.js: "Only bad if input doc has field resulting in conflict" (MongoDB
    // finds these conflicts while parsing, whatever the document).
    refused(json!({"$set": {"b": 1}, "$rename": {"a": "b"}}));
    refused(json!({"$rename": {"a": "b"}, "$set": {"b": 1}}));
    refused(json!({"$rename": {"a": "b"}, "$set": {"a": 1}}));
    refused(json!({"$set": {"b.c": 1}, "$rename": {"a": "b"}}));
    refused(json!({"$set": {"b": 1}, "$rename": {"a": "b.c"}}));
    refused(json!({"$rename": {"a": "b"}, "$set": {"b.c": 1}}));
    refused(json!({"$rename": {"a": "b.c"}, "$set": {"b": 1}}));
    // rename_operator.js: the bad(...) cases on {a: [1], b: {c: [2]}, d: [{e: 3}], f: 4}.
    for (from, to) in [
        ("a.0", "f"),
        ("a.0", "g"),
        ("f", "a.0"),
        ("b.c.0", "f"),
        ("f", "b.c.0"),
        ("d.e", "d.f"),
        ("d.e", "f"),
        ("d.f", "d.e"),
        ("f", "d.e"),
        ("d.0.e", "d.f"),
        ("d.0.e", "f"),
        ("d.f", "d.0.e"),
        ("f", "d.0.e"),
        ("f.g", "a"),
        ("a", "f.g"),
    ] {
        fails(rename_doc(), json!({"$rename": { from: to }}));
    }
    let e = fails(rename_doc(), json!({"$rename": {"a.0": "g"}}));
    assert!(e.to_string().contains("source field"), "{e}");
    let e = fails(rename_doc(), json!({"$rename": {"f": "d.e"}}));
    assert!(e.to_string().contains("destination field"), "{e}");
}

#[test]
fn rename_does_what_rename_operator_js_expects() {
    // jstests/core/query/rename/rename_operator.js: good(start, mod, expected), every case.
    for (start, update, expected) in [
        (
            json!({"a": 1}),
            json!({"$rename": {"a": "b"}}),
            json!({"b": 1}),
        ),
        (
            json!({"a": 1}),
            json!({"$rename": {"a": "bb"}}),
            json!({"bb": 1}),
        ),
        (
            json!({"b": 1}),
            json!({"$rename": {"b": "a"}}),
            json!({"a": 1}),
        ),
        (
            json!({"bb": 1}),
            json!({"$rename": {"bb": "a"}}),
            json!({"a": 1}),
        ),
        (
            json!({"a": {"y": 1}}),
            json!({"$rename": {"a.y": "a.z"}}),
            json!({"a": {"z": 1}}),
        ),
        (
            json!({"a": {"yy": 1}}),
            json!({"$rename": {"a.yy": "a.z"}}),
            json!({"a": {"z": 1}}),
        ),
        (
            json!({"a": {"z": 1}}),
            json!({"$rename": {"a.z": "a.y"}}),
            json!({"a": {"y": 1}}),
        ),
        (
            json!({"a": {"zz": 1}}),
            json!({"$rename": {"a.zz": "a.y"}}),
            json!({"a": {"y": 1}}),
        ),
        (
            json!({"a": {"c": 1}}),
            json!({"$rename": {"a": "b"}}),
            json!({"b": {"c": 1}}),
        ),
        (
            json!({"aa": {"c": 1}}),
            json!({"$rename": {"aa": "b"}}),
            json!({"b": {"c": 1}}),
        ),
        (
            json!({"a": 1, "b": 2}),
            json!({"$rename": {"a": "b"}}),
            json!({"b": 1}),
        ),
        (
            json!({"aa": 1, "b": 2}),
            json!({"$rename": {"aa": "b"}}),
            json!({"b": 1}),
        ),
        (
            json!({"a": 1, "bb": 2}),
            json!({"$rename": {"a": "bb"}}),
            json!({"bb": 1}),
        ),
        (
            json!({"a": 1}),
            json!({"$rename": {"a": "b.c"}}),
            json!({"b": {"c": 1}}),
        ),
        (
            json!({"aa": 1}),
            json!({"$rename": {"aa": "b.c"}}),
            json!({"b": {"c": 1}}),
        ),
        (
            json!({"a": 1, "b": {}}),
            json!({"$rename": {"a": "b.c"}}),
            json!({"b": {"c": 1}}),
        ),
        (
            json!({"aa": 1, "b": {}}),
            json!({"$rename": {"aa": "b.c"}}),
            json!({"b": {"c": 1}}),
        ),
        (
            json!({"a": 1}),
            json!({"$rename": {"b": "c"}}),
            json!({"a": 1}),
        ),
        (
            json!({"aa": 1}),
            json!({"$rename": {"b": "c"}}),
            json!({"aa": 1}),
        ),
        (json!({}), json!({"$rename": {"b": "c"}}), json!({})),
        (
            json!({"a": {"b": 1, "c": 2}}),
            json!({"$rename": {"a.b": "d"}}),
            json!({"a": {"c": 2}, "d": 1}),
        ),
        (
            json!({"a": {"bb": 1, "c": 2}}),
            json!({"$rename": {"a.bb": "d"}}),
            json!({"a": {"c": 2}, "d": 1}),
        ),
        (
            json!({"a": {"b": 1}}),
            json!({"$rename": {"a.b": "d"}}),
            json!({"a": {}, "d": 1}),
        ),
        (
            json!({"a": [5]}),
            json!({"$rename": {"a": "b"}}),
            json!({"b": [5]}),
        ),
        (
            json!({"aa": [5]}),
            json!({"$rename": {"aa": "b"}}),
            json!({"b": [5]}),
        ),
        (
            json!({"0": 1}),
            json!({"$rename": {"0": "5"}}),
            json!({"5": 1}),
        ),
        (
            json!({"a": 1, "b": 2}),
            json!({"$rename": {"a": "c"}, "$set": {"b": 5}}),
            json!({"b": 5, "c": 1}),
        ),
        (
            json!({"aa": 1, "b": 2}),
            json!({"$rename": {"aa": "c"}, "$set": {"b": 5}}),
            json!({"b": 5, "c": 1}),
        ),
        (
            json!({"a": 1, "b": 2}),
            json!({"$rename": {"z": "c"}, "$set": {"b": 5}}),
            json!({"a": 1, "b": 5}),
        ),
        (
            json!({"aa": 1, "b": 2}),
            json!({"$rename": {"z": "c"}, "$set": {"b": 5}}),
            json!({"aa": 1, "b": 5}),
        ),
        // "(formerly) rewriting single field"
        (
            json!({"a": {"z": 1, "b": 1}}),
            json!({"$rename": {"a.b": "a.c"}}),
            json!({"a": {"c": 1, "z": 1}}),
        ),
        (
            json!({"a": {"z": 1, "tomato": 1}}),
            json!({"$rename": {"a.tomato": "a.potato"}}),
            json!({"a": {"potato": 1, "z": 1}}),
        ),
        (
            json!({"a": {"z": 1, "b": 1, "c": 1}}),
            json!({"$rename": {"a.b": "a.c"}}),
            json!({"a": {"c": 1, "z": 1}}),
        ),
        (
            json!({"a": {"z": 1, "tomato": 1, "potato": 1}}),
            json!({"$rename": {"a.tomato": "a.potato"}}),
            json!({"a": {"potato": 1, "z": 1}}),
        ),
        (
            json!({"a": {"z": 1, "b": 1}}),
            json!({"$rename": {"a.b": "a.cc"}}),
            json!({"a": {"cc": 1, "z": 1}}),
        ),
        (
            json!({"a": {"z": 1, "b": 1, "c": 1}}),
            json!({"$rename": {"a.b": "aa.c"}}),
            json!({"a": {"c": 1, "z": 1}, "aa": {"c": 1}}),
        ),
        // "invalid target, but missing source"
        (
            json!({"a": 1, "c": 4}),
            json!({"$rename": {"b": "c.d"}}),
            json!({"a": 1, "c": 4}),
        ),
    ] {
        assert_eq!(
            run(start.clone(), update.clone()),
            expected,
            "{update} on {start}"
        );
    }
}

#[test]
fn push_sort_follows_push_sort_js() {
    // jstests/core/query/push/push_sort.js, "Valid Cases" _id 1 to 7, in its order.
    for (x, modifiers, expected) in [
        (
            json!([{"a": 1}, {"a": 2}]),
            json!({"$each": [{"a": 3}], "$slice": -5, "$sort": {"a": 1}}),
            json!([{"a": 1}, {"a": 2}, {"a": 3}]),
        ),
        (
            json!([{"a": 1}, {"a": 3}]),
            json!({"$each": [{"a": 2}], "$slice": -2, "$sort": {"a": 1}}),
            json!([{"a": 2}, {"a": 3}]),
        ),
        (
            json!([{"a": 1}, {"a": 3}]),
            json!({"$each": [{"a": 2}], "$slice": -5, "$sort": {"a": -1}}),
            json!([{"a": 3}, {"a": 2}, {"a": 1}]),
        ),
        (
            json!([{"a": 1}, {"a": 3}]),
            json!({"$each": [{"a": 2}], "$slice": -2, "$sort": {"a": -1}}),
            json!([{"a": 2}, {"a": 1}]),
        ),
        (
            json!([{"a": 1, "b": 2}, {"a": 3, "b": 1}]),
            json!({"$each": [{"a": 2, "b": 3}], "$slice": -2, "$sort": {"b": 1}}),
            json!([{"a": 1, "b": 2}, {"a": 2, "b": 3}]),
        ),
        (
            json!([{"a": {"b": 2}}, {"a": {"b": 1}}]),
            json!({"$each": [{"a": {"b": 3}}], "$slice": -5, "$sort": {"a.b": 1}}),
            json!([{"a": {"b": 1}}, {"a": {"b": 2}}, {"a": {"b": 3}}]),
        ),
        (
            json!([{"a": {"b": 2}}, {"a": {"b": 1}}]),
            json!({"$each": [{"a": {"b": 3}}], "$slice": -2, "$sort": {"a.b": 1}}),
            json!([{"a": {"b": 2}}, {"a": {"b": 3}}]),
        ),
    ] {
        assert_eq!(
            run(
                json!({ "x": x }),
                json!({"$push": {"x": modifiers.clone()}})
            ),
            json!({ "x": expected }),
            "{modifiers}"
        );
    }
    // push_sort.js, "Invalid Cases" on {_id: 100, x: [{a: 1}]}: accepted ones.
    for modifiers in [
        json!({"$each": [2], "$slice": -2, "$sort": {"a": 1}}),
        json!({"$each": [{"a": 2}, 1], "$slice": -2, "$sort": {"a": 1}}),
        json!({"$each": [{"a": 2}], "$slice": 2, "$sort": {"a": 1}}),
        json!({"$each": [{"a": 2}], "$slice": -2, "$sort": 1}),
    ] {
        run(json!({"x": [{"a": 1}]}), json!({"$push": {"x": modifiers}}));
    }
    // push_sort.js: refused ones (BadValue): an empty pattern, a fractional $slice, a pattern
    // value other than 1/-1, the keys 'a.' and '', an unknown clause.
    for modifiers in [
        json!({"$each": [{"a": 2}], "$slice": -2, "$sort": {}}),
        json!({"$each": [{"a": 2}], "$slice": -2.1, "$sort": {"a": 1}}),
        json!({"$each": [{"a": 2}], "$slice": -2, "$sort": {"a": -2}}),
        json!({"$each": [{"a": 2}], "$slice": -2, "$sort": {"a.": 1}}),
        json!({"$each": [{"a": 2}], "$slice": -2, "$sort": {"": 1}}),
        json!({"$each": [{"a": 2}], "$slice": -2, "$xxx": {"s": 1}}),
    ] {
        refused(json!({"$push": {"x": modifiers}}));
    }
    // push_sort.js: "Existing values are validated in the array do not have to be objects during
    // a $sort with $each."
    run(
        json!({"x": [1, "foo"]}),
        json!({"$push": {"x": {"$each": [{"a": 2}], "$slice": -2, "$sort": {"a": 1}}}}),
    );
}

#[test]
fn push_sort_without_each_is_refused_as_the_manual_says() {
    // MongoDB manual, reference/operator/update/sort: "Trying to use the $sort modifier without
    // the $each modifier results in an error." (The 5.0+ server instead appends {$sort: ...} as
    // a value, jstests/core/query/push/push_sort.js _id 8; docstore follows the manual.)
    let e = refused(json!({"$push": {"x": {"$sort": {"a": -1}}}}));
    assert_eq!(
        e.to_string(),
        r#"$push at path "x" expects $each beside $position, $sort and $slice (they modify the insertion of $each)"#
    );
    refused(json!({"$push": {"x": {"$slice": -1}}}));
    refused(json!({"$push": {"x": {"$position": 0}}}));
}

#[test]
fn push_sort_values_and_patterns_follow_push_node_test() {
    // src/mongo/db/update/push_node_test.cpp: ApplyWithNumericSort, ApplyWithReverseNumericSort,
    // ApplyWithMixedSort, ApplyWithReverseMixedSort, ApplyWithEmbeddedFieldSort.
    for (doc, modifiers, expected) in [
        (
            json!([3]),
            json!({"$each": [2, -1], "$sort": 1}),
            json!([-1, 2, 3]),
        ),
        (
            json!([3]),
            json!({"$each": [4, -1], "$sort": -1}),
            json!([4, 3, -1]),
        ),
        (
            json!([3, "t", {"b": 1}, {"a": 1}]),
            json!({"$each": [4, -1], "$sort": 1}),
            json!([-1, 3, 4, "t", {"a": 1}, {"b": 1}]),
        ),
        (
            json!([3, "t", {"b": 1}, {"a": 1}]),
            json!({"$each": [4, -1], "$sort": -1}),
            json!([{"b": 1}, {"a": 1}, "t", 4, 3, -1]),
        ),
        (
            json!([3, "t", {"b": 1}, {"a": 1}]),
            json!({"$each": [4, -1], "$sort": {"a": 1}}),
            json!([3, "t", {"b": 1}, 4, -1, {"a": 1}]),
        ),
    ] {
        assert_eq!(
            run(
                json!({ "a": doc }),
                json!({"$push": {"a": modifiers.clone()}})
            ),
            json!({ "a": expected }),
            "{modifiers}"
        );
    }
    // push_node_test.cpp: SortClauseWithArrayFails, SortClauseWithInvalidSortPatternFails,
    // SortClauseWithEmptyPathFails, SortClauseWithEmptyFieldNamesFails,
    // SortClauseWithEmptyFieldSuffixFails, SortClauseWithEmptyFieldPrefixFails,
    // SortClauseWithEmptyFieldInfixFails, SortClauseWithEmptyObjectFails.
    for sort in [
        json!([{"a": 1}]),
        json!({"a": 100}),
        json!({"": 1}),
        json!({".": 1}),
        json!({"a.": 1}),
        json!({".b": 1}),
        json!({"a..b": 1}),
        json!({}),
    ] {
        refused(
            json!({"$push": {"x": {"$each": [{"a": 1}, {"a": 2}], "$slice": -2.0, "$sort": sort}}}),
        );
    }
}

#[test]
fn push_sort_and_slice_follow_push_node_test_generator() {
    // src/mongo/db/update/push_node_test.cpp: ApplyToPopulatedArrayWithSortAndSliceValues. Its
    // expected arrays are computed by the test itself: the four items sorted by (a, b) or (b, a)
    // with each direction, then cut by $slice; the same computation here.
    let items = [(2, 3), (3, 1), (2, 1), (1, 1)];
    for sort_a_first in [false, true] {
        for order_a in [-1i64, 1] {
            for order_b in [-1i64, 1] {
                for slice in -5i64..=5 {
                    let mut expected = items.to_vec();
                    expected.sort_by(|l, r| {
                        let (mut lp, mut rp) = (*l, *r);
                        if order_a == -1 {
                            std::mem::swap(&mut lp.0, &mut rp.0);
                        }
                        if order_b == -1 {
                            std::mem::swap(&mut lp.1, &mut rp.1);
                        }
                        if !sort_a_first {
                            lp = (lp.1, lp.0);
                            rp = (rp.1, rp.0);
                        }
                        lp.cmp(&rp)
                    });
                    let n = slice.unsigned_abs() as usize;
                    if slice >= 0 && n < expected.len() {
                        expected.truncate(n);
                    } else if slice < 0 && n < expected.len() {
                        expected.drain(..expected.len() - n);
                    }
                    let sort = if sort_a_first {
                        json!({"a": order_a, "b": order_b})
                    } else {
                        json!({"b": order_b, "a": order_a})
                    };
                    let update = json!({"$push": {"a": {
                        "$each": [{"a": 2, "b": 1}, {"a": 1, "b": 1}],
                        "$slice": slice,
                        "$sort": sort,
                    }}});
                    let expected: Vec<Value> = expected
                        .into_iter()
                        .map(|(a, b)| json!({"a": a, "b": b}))
                        .collect();
                    assert_eq!(
                        run(
                            json!({"a": [{"a": 2, "b": 3}, {"a": 3, "b": 1}]}),
                            update.clone()
                        ),
                        json!({ "a": expected }),
                        "{update}"
                    );
                }
            }
        }
    }
}

#[test]
fn push_sort_by_fields_follows_push_sorter_test() {
    // src/mongo/db/update/push_sorter_test.cpp: the original objects and the index each one has
    // once sorted, for NormalOrder, MixedOrder, ExtraFields, MissingFields, NestedFields,
    // SimpleNestedFields, NestedInnerObjectDescending, NestedInnerObjectAscending.
    let nested = [
        json!({"a": {"b": {"c": 2, "d": 0}}}),
        json!({"a": {"b": {"c": 1, "d": 2}}}),
        json!({"a": {"b": {"c": 3, "d": 1}}}),
    ];
    let plain = [
        json!({"b": 1, "a": 1}),
        json!({"a": 3, "b": 2}),
        json!({"b": 3, "a": 2}),
    ];
    for (objects, pattern, sorted_index) in [
        (plain.to_vec(), json!({"a": 1, "b": 1}), [0, 2, 1]),
        (plain.to_vec(), json!({"b": 1, "a": -1}), [0, 1, 2]),
        (
            vec![
                json!({"b": 1, "c": 2, "a": 1}),
                json!({"c": 1, "a": 3, "b": 2}),
                json!({"b": 3, "a": 2}),
            ],
            json!({"a": 1, "b": 1}),
            [0, 2, 1],
        ),
        (
            vec![
                json!({"a": 2, "b": 2}),
                json!({"a": 1}),
                json!({"a": 3, "b": 3, "c": 3}),
            ],
            json!({"b": 1, "c": 1}),
            [1, 0, 2],
        ),
        (nested.to_vec(), json!({"a.b": 1}), [1, 0, 2]),
        (
            vec![
                json!({"a": {"b": -1}}),
                json!({"a": {"b": -100}}),
                json!({"a": {"b": 34}}),
            ],
            json!({"a.b": 1}),
            [1, 0, 2],
        ),
        (nested.to_vec(), json!({"a.b.d": -1}), [2, 0, 1]),
        (nested.to_vec(), json!({"a.b.d": 1}), [0, 2, 1]),
    ] {
        let after = run(
            json!({ "x": objects.clone() }),
            json!({"$push": {"x": {"$each": [], "$sort": pattern.clone()}}}),
        );
        for (original, index) in objects.iter().zip(sorted_index) {
            assert_eq!(&after["x"][index], original, "{pattern}: {after}");
        }
    }
}

#[test]
fn push_sort_follows_the_manual() {
    // MongoDB manual, reference/operator/update/sort: "Sort Array of Documents by a Field in the
    // Documents", "Sort Array Elements That Are Not Documents", "Update Array Using Sort Only".
    assert_eq!(
        run(
            json!({"quizzes": [{"id": 1, "score": 6}, {"id": 2, "score": 9}]}),
            json!({"$push": {"quizzes": {
                "$each": [{"id": 3, "score": 8}, {"id": 4, "score": 7}, {"id": 5, "score": 6}],
                "$sort": {"score": 1}
            }}})
        ),
        json!({"quizzes": [
            {"id": 1, "score": 6},
            {"id": 5, "score": 6},
            {"id": 4, "score": 7},
            {"id": 3, "score": 8},
            {"id": 2, "score": 9}
        ]})
    );
    assert_eq!(
        run(
            json!({"tests": [89, 70, 89, 50]}),
            json!({"$push": {"tests": {"$each": [40, 60], "$sort": 1}}})
        ),
        json!({"tests": [40, 50, 60, 70, 89, 89]})
    );
    assert_eq!(
        run(
            json!({"tests": [89, 70, 100, 20]}),
            json!({"$push": {"tests": {"$each": [], "$sort": -1}}})
        ),
        json!({"tests": [100, 89, 70, 20]})
    );
}

#[test]
fn push_with_each_sort_and_slice_follows_the_manual() {
    // MongoDB manual, includes/example-push-with-multiple-modifiers.rst ("Use $push Operator with
    // Multiple Modifiers"): insert, then sort, then slice, whatever the order of the modifiers.
    let quizzes = json!({"quizzes": [
        {"wk": 1, "score": 10},
        {"wk": 2, "score": 8},
        {"wk": 3, "score": 5},
        {"wk": 4, "score": 6}
    ]});
    let expected = json!({"quizzes": [
        {"wk": 1, "score": 10},
        {"wk": 2, "score": 8},
        {"wk": 5, "score": 8}
    ]});
    assert_eq!(
        run(
            quizzes.clone(),
            json!({"$push": {"quizzes": {
                "$each": [{"wk": 5, "score": 8}, {"wk": 6, "score": 7}, {"wk": 7, "score": 6}],
                "$sort": {"score": -1},
                "$slice": 3
            }}})
        ),
        expected
    );
    assert_eq!(
        run(
            quizzes,
            json!({"$push": {"quizzes": {
                "$slice": 3,
                "$sort": {"score": -1},
                "$each": [{"wk": 5, "score": 8}, {"wk": 6, "score": 7}, {"wk": 7, "score": 6}]
            }}})
        ),
        expected
    );
}

#[test]
fn pull_with_or_and_nor_conditions_on_documents() {
    // jstests/core/query/pull/pull_or.js, both updates.
    let doc = json!({"a": {"b": [{"x": 1}, {"y": "y"}, {"x": 2}, {"z": "z"}]}});
    assert_eq!(
        run(
            doc.clone(),
            json!({"$pull": {"a.b": {"y": {"$exists": true}}}})
        ),
        json!({"a": {"b": [{"x": 1}, {"x": 2}, {"z": "z"}]}})
    );
    assert_eq!(
        run(
            doc.clone(),
            json!({"$pull": {"a.b": {"$or": [{"y": {"$exists": true}}, {"z": {"$exists": true}}]}}})
        ),
        json!({"a": {"b": [{"x": 1}, {"x": 2}]}})
    );
    // src/mongo/db/update/pull_node_test.cpp: ApplyComplexDocAndMatching1/2/3 (the same
    // document; the third pulls by $in of documents).
    assert_eq!(
        run(
            doc,
            json!({"$pull": {"a.b": {"$in": [{"x": 1}, {"y": "y"}]}}})
        ),
        json!({"a": {"b": [{"x": 2}, {"z": "z"}]}})
    );
}

#[test]
fn pull_by_value_condition_and_document_follows_pull_tests() {
    // jstests/core/query/pull/pull_remove1.js: $lt 6 keeps the elements >= 6.
    assert_eq!(
        run(
            json!({"a": [1, 2, 3, 4, 5, 6, 7, 8]}),
            json!({"$pull": {"a": {"$lt": 6}}})
        ),
        json!({"a": [6, 7, 8]})
    );
    // jstests/core/query/pull/pull.js: pulling 2 then 6; twice 2; the last element.
    let once = run(json!({"a": [1, 2, 3]}), json!({"$pull": {"a": 2}}));
    assert_eq!(
        run(once.clone(), json!({"$pull": {"a": 6}})),
        json!({"a": [1, 3]})
    );
    assert_eq!(run(once, json!({"$pull": {"a": 2}})), json!({"a": [1, 3]}));
    assert_eq!(
        run(json!({"a": [2]}), json!({"$pull": {"a": 2}})),
        json!({"a": []})
    );
    // jstests/core/query/pull/pull2.js, its sequence A to G.
    let mut doc = json!({"a": [{"x": 1}, {"x": 1, "b": 2}]});
    doc = run(doc, json!({"$pull": {"a": {"x": 1}}}));
    assert_eq!(doc, json!({"a": []}), "B");
    doc = run(doc, json!({"$push": {"a": {"x": 1}}}));
    doc = run(doc, json!({"$push": {"a": {"x": 1, "b": 2}}}));
    doc = run(doc, json!({"$pullAll": {"a": [{"x": 1}]}}));
    assert_eq!(doc["a"].as_array().map(Vec::len), Some(1), "D");
    for x in [2, 3, 4] {
        doc = run(doc, json!({"$push": {"a": {"x": x, "b": 2}}}));
    }
    doc = run(doc, json!({"$pull": {"a": {"x": {"$lt": 3}}}}));
    assert_eq!(
        doc,
        json!({"a": [{"x": 3, "b": 2}, {"x": 4, "b": 2}]}),
        "F, G"
    );
    // src/mongo/db/update/pull_node_test.cpp: ApplyToArrayMatchingNone/One/Several/All,
    // ApplyScalarValueMod, ApplyObjectValueMod, DocumentationExample1/2a/2b,
    // ApplyPullWithObjectValueToArrayWithNonObjectValue.
    for (doc, update, expected) in [
        (json!([2, 3, 4, 5]), json!({"$lt": 1}), json!([2, 3, 4, 5])),
        (json!([0, 1, 2, 3]), json!({"$lt": 1}), json!([1, 2, 3])),
        (
            json!([0, 1, 0, 2, 0, 3, 0, 4, 0, 5]),
            json!({"$lt": 1}),
            json!([1, 2, 3, 4, 5]),
        ),
        (json!([0, -1, -2, -3, -4, -5]), json!({"$lt": 1}), json!([])),
        (json!([1, 2, 1, 2, 1, 2]), json!(1), json!([2, 2, 2])),
        (
            json!([{"x": 1}, {"y": 2}, {"x": 1}, {"y": 2}]),
            json!({"y": 2}),
            json!([{"x": 1}, {"x": 1}]),
        ),
        (
            json!(["vme", "de", "pse", "tsc", "msr", "pae", "mce"]),
            json!("msr"),
            json!(["vme", "de", "pse", "tsc", "pae", "mce"]),
        ),
        (json!([3, 5, 6, 7, 7, 8]), json!(7), json!([3, 5, 6, 8])),
        (
            json!([3, 5, 6, 7, 7, 8]),
            json!({"$gt": 6}),
            json!([3, 5, 6]),
        ),
        (json!([{"x": 1}, 2]), json!({"x": 1}), json!([2])),
    ] {
        assert_eq!(
            run(json!({ "a": doc }), json!({"$pull": {"a": update.clone()}})),
            json!({ "a": expected }),
            "{update}"
        );
    }
    // pull_node_test.cpp: InitWithBadMatchExpressionFails, InitWithBadTopLevelOperatorFails,
    // InitWithWhereFails, InitWithExprElemFails, InitWithTextFails, InitWithJSONSchemaFails.
    for bad in [
        json!({"b": {"$foo": 1}}),
        json!({"$foo": 1}),
        json!({"$where": "this.a == this.b"}),
        json!({"$expr": {"$eq": [5, 5]}}),
        json!({"$text": {"$search": "str"}}),
        json!({"$jsonSchema": {}}),
    ] {
        refused(json!({"$pull": {"a": bad}}));
    }
    let e = refused(json!({"$pull": {"a.b": {"$foo": 1}}}));
    assert_eq!(e.to_string(), r#"unknown operator "$foo" at path "a.b""#);
}

#[test]
fn pull_follows_the_manual() {
    // MongoDB manual, reference/operator/update/pull: "Remove All Items That Equal a Specified
    // Value" ($in, and a value).
    assert_eq!(
        run(
            json!({
                "fruits": ["apples", "pears", "oranges", "grapes", "bananas"],
                "vegetables": ["carrots", "celery", "squash", "carrots"]
            }),
            json!({"$pull": {"fruits": {"$in": ["apples", "oranges"]}, "vegetables": "carrots"}})
        ),
        json!({"fruits": ["pears", "grapes", "bananas"], "vegetables": ["celery", "squash"]})
    );
    assert_eq!(
        run(
            json!({
                "fruits": ["plums", "kiwis", "oranges", "bananas", "apples"],
                "vegetables": ["broccoli", "zucchini", "carrots", "onions"]
            }),
            json!({"$pull": {"fruits": {"$in": ["apples", "oranges"]}, "vegetables": "carrots"}})
        ),
        json!({
            "fruits": ["plums", "kiwis", "bananas"],
            "vegetables": ["broccoli", "zucchini", "onions"]
        })
    );
    // "Remove All Items That Match a Specified $pull Condition".
    assert_eq!(
        run(
            json!({"votes": [3, 5, 6, 7, 7, 8]}),
            json!({"$pull": {"votes": {"$gte": 6}}})
        ),
        json!({"votes": [3, 5]})
    );
    // "Remove Items from an Array of Documents": a document condition applies to each element
    // as though it were a top-level document...
    let by_fields = json!({"$pull": {"results": {"score": 8, "item": "B"}}});
    assert_eq!(
        run(
            json!({"results": [
                {"item": "A", "score": 5},
                {"item": "B", "score": 8, "comment": "Strongly agree"}
            ]}),
            by_fields.clone()
        ),
        json!({"results": [{"item": "A", "score": 5}]})
    );
    let second = json!({"results": [
        {"item": "C", "score": 8, "comment": "Strongly agree"},
        {"item": "B", "score": 4}
    ]});
    assert_eq!(run(second.clone(), by_fields), second);
    // ... so $elemMatch on those elements (objects, not arrays) pulls nothing ...
    let first = json!({"results": [
        {"item": "A", "score": 5},
        {"item": "B", "score": 8, "comment": "Strongly agree"}
    ]});
    assert_eq!(
        run(
            first.clone(),
            json!({"$pull": {"results": {"$elemMatch": {"score": 8, "item": "B"}}}})
        ),
        first
    );
    // ... but it matches the arrays inside them.
    let nested =
        json!({"$pull": {"results": {"answers": {"$elemMatch": {"q": 2, "a": {"$gte": 8}}}}}});
    assert_eq!(
        run(
            json!({"results": [
                {"item": "A", "score": 5, "answers": [{"q": 1, "a": 4}, {"q": 2, "a": 6}]},
                {"item": "B", "score": 8, "answers": [{"q": 1, "a": 8}, {"q": 2, "a": 9}]}
            ]}),
            nested.clone()
        ),
        json!({"results": [
            {"item": "A", "score": 5, "answers": [{"q": 1, "a": 4}, {"q": 2, "a": 6}]}
        ]})
    );
    assert_eq!(
        run(
            json!({"results": [
                {"item": "C", "score": 8, "answers": [{"q": 1, "a": 8}, {"q": 2, "a": 7}]},
                {"item": "B", "score": 4, "answers": [{"q": 1, "a": 0}, {"q": 2, "a": 8}]}
            ]}),
            nested
        ),
        json!({"results": [
            {"item": "C", "score": 8, "answers": [{"q": 1, "a": 8}, {"q": 2, "a": 7}]}
        ]})
    );
}

#[test]
fn pull_of_an_empty_object_is_a_filter_on_object_elements() {
    // src/mongo/db/update/pull_node.cpp, PullNode::init: an object whose first field is not an
    // operator (here there is none) is an ObjectMatcher, and ObjectMatcher::match is true for an
    // object element the filter matches (the empty filter matches every one) and false for any
    // other element.
    assert_eq!(
        run(
            json!({"a": [1, {"b": 1}, {}, [2], null]}),
            json!({"$pull": {"a": {}}})
        ),
        json!({"a": [1, [2], null]})
    );
}

#[test]
fn pull_by_regex_is_refused_not_ignored() {
    // src/mongo/db/update/pull_node_test.cpp: SERVER_3988 pulls 'xyz' with /yz/. This crate's
    // evaluator has no regular expressions, so docstore refuses such a $pull (0A000) rather than
    // remove nothing.
    let e = parse(&json!({"$pull": {"y": {"$regex": "yz"}}})).unwrap_err();
    assert_eq!(e.sqlstate().code(), "0A000", "{e}");
    let e = parse(&json!({"$pull": {"y": {"s": {"$regex": "yz"}}}})).unwrap_err();
    assert_eq!(e.sqlstate().code(), "0A000", "{e}");
}

/// `update` applied to `doc` with these arrayFilters (both accepted, and matching one to one).
fn run_filtered(doc: Value, update: Value, array_filters: Value) -> Value {
    let parsed = parse(&update).unwrap_or_else(|e| panic!("{update}: {e}"));
    let context = ApplyContext {
        array_filters: parse_array_filters(&array_filters)
            .unwrap_or_else(|e| panic!("{array_filters}: {e}")),
        positional: None,
    };
    check_array_filters(&parsed, &context.array_filters)
        .unwrap_or_else(|e| panic!("{update} with {array_filters}: {e}"));
    apply_with(&doc, &parsed, NOW, &context)
        .unwrap_or_else(|e| panic!("{update} with {array_filters} on {doc}: {e}"))
}

/// The error of `update` with these arrayFilters on `doc`, wherever it arises first: parsing
/// the update, parsing the filters, checking them against each other, or applying.
fn filtered_error(doc: Value, update: Value, array_filters: Value) -> Error {
    let result = parse(&update).and_then(|parsed| {
        let array_filters = parse_array_filters(&array_filters)?;
        check_array_filters(&parsed, &array_filters)?;
        let context = ApplyContext {
            array_filters,
            positional: None,
        };
        apply_with(&doc, &parsed, NOW, &context)
    });
    match result {
        Ok(after) => panic!("{update} with {array_filters} gave {after}, MongoDB refuses it"),
        Err(e) => {
            assert_eq!(e.sqlstate().code(), "22023", "{e}");
            e
        }
    }
}

#[test]
fn array_filters_are_parsed_and_matched_as_update_array_filters_js_says() {
    // jstests/core/write/update/update_arrayFilters.js, "Tests for update", in its order.
    let set_i = json!({"$set": {"a.$[i]": 5}});
    // "Non-array arrayFilters fails to parse." / "Non-object array filter fails to parse."
    filtered_error(json!({}), set_i.clone(), json!({"i": 0}));
    filtered_error(json!({}), set_i.clone(), json!(["bad"]));
    // "Bad array filter fails to parse." ("Expected a single top-level field name")
    let e = filtered_error(json!({}), set_i.clone(), json!([{"i": 0, "j": 0}]));
    assert!(e.to_string().contains("one identifier per filter"), "{e}");
    // "Multiple array filters with the same id fails to parse."
    let e = filtered_error(
        json!({}),
        json!({"$set": {"a.$[i]": 5, "a.$[j]": 6}}),
        json!([{"i": 0}, {"j": 0}, {"i": 1}]),
    );
    assert!(e.to_string().contains("one filter per identifier"), "{e}");
    // "Unused array filter fails to parse." ("The array filter for identifier 'j' was not used
    // in the update")
    let e = filtered_error(json!({}), set_i.clone(), json!([{"i": 0}, {"j": 0}]));
    assert_eq!(
        e.to_string(),
        r#"arrayFilters at path "j" expects an identifier the update uses as $[<identifier>] (this filter is not used)"#
    );
    // "Array filter without a top-level field name fails to parse.", and $text, $where, $expr
    // inside an array filter.
    for bad in [
        json!([{"$alwaysTrue": 1}]),
        json!([{"$text": {"$search": "foo"}}]),
        json!([{"$where": "this.a == 2"}]),
        json!([{"$expr": {"$eq": ["$foo", "$bar"]}}]),
    ] {
        filtered_error(json!({}), set_i.clone(), bad);
    }
    // "Good value for arrayFilters succeeds." (on a document the update does not find: only
    // parsing and checking are tested).
    for (update, filters) in [
        (
            json!({"$set": {"a.$[i]": 5, "a.$[j]": 6}}),
            json!([{"i": 0}, {"j": 0}]),
        ),
        (set_i, json!([{"$or": [{"i": 0}, {"$and": [{}]}]}])),
    ] {
        let parsed = parse(&update).unwrap();
        let filters = parse_array_filters(&filters).unwrap();
        check_array_filters(&parsed, &filters).unwrap();
    }
}

#[test]
fn every_modifier_takes_array_filters_and_all_elements() {
    // jstests/core/write/update/update_arrayFilters.js, "Tests for individual update modifiers"
    // (all but $setOnInsert and $bit, which docstore does not have).
    for (doc, update, filters, expected) in [
        // $set
        (
            json!([0, 1, 0, 1]),
            json!({"$set": {"a.$[i]": 2}}),
            json!([{"i": 0}]),
            json!([2, 1, 2, 1]),
        ),
        (
            json!([0, 1, 0, 1]),
            json!({"$set": {"a.$[]": 3}}),
            json!([]),
            json!([3, 3, 3, 3]),
        ),
        // $unset
        (
            json!([0, 1, 0, 1]),
            json!({"$unset": {"a.$[i]": true}}),
            json!([{"i": 0}]),
            json!([null, 1, null, 1]),
        ),
        (
            json!([null, 1, null, 1]),
            json!({"$unset": {"a.$[]": true}}),
            json!([]),
            json!([null, null, null, null]),
        ),
        // $inc
        (
            json!([0, 1, 0, 1]),
            json!({"$inc": {"a.$[i]": 1}}),
            json!([{"i": 1}]),
            json!([0, 2, 0, 2]),
        ),
        (
            json!([0, 1, 0, 1]),
            json!({"$inc": {"a.$[]": 1}}),
            json!([]),
            json!([1, 2, 1, 2]),
        ),
        // $mul
        (
            json!([0, 2, 0, 2]),
            json!({"$mul": {"a.$[i]": 3}}),
            json!([{"i": 2}]),
            json!([0, 6, 0, 6]),
        ),
        (
            json!([1, 2, 1, 2]),
            json!({"$mul": {"a.$[]": 3}}),
            json!([]),
            json!([3, 6, 3, 6]),
        ),
        // $min
        (
            json!([{"b": 0, "c": 1}, {"b": 0, "c": -1}, {"b": 1, "c": 1}]),
            json!({"$min": {"a.$[i].c": 0}}),
            json!([{"i.b": 0}]),
            json!([{"b": 0, "c": 0}, {"b": 0, "c": -1}, {"b": 1, "c": 1}]),
        ),
        (
            json!([{"b": 0, "c": 0}, {"b": 0, "c": -1}, {"b": 1, "c": 1}]),
            json!({"$min": {"a.$[].c": 0}}),
            json!([]),
            json!([{"b": 0, "c": 0}, {"b": 0, "c": -1}, {"b": 1, "c": 0}]),
        ),
        // $max
        (
            json!([{"b": 0, "c": 1}, {"b": 0, "c": -1}, {"b": 1, "c": -1}]),
            json!({"$max": {"a.$[i].c": 0}}),
            json!([{"i.b": 0}]),
            json!([{"b": 0, "c": 1}, {"b": 0, "c": 0}, {"b": 1, "c": -1}]),
        ),
        (
            json!([{"b": 0, "c": 1}, {"b": 0, "c": 0}, {"b": 1, "c": -1}]),
            json!({"$max": {"a.$[].c": 0}}),
            json!([]),
            json!([{"b": 0, "c": 1}, {"b": 0, "c": 0}, {"b": 1, "c": 0}]),
        ),
        // $currentDate
        (
            json!([0, 1]),
            json!({"$currentDate": {"a.$[i]": true}}),
            json!([{"i": 0}]),
            json!([NOW, 1]),
        ),
        (
            json!([0, 1]),
            json!({"$currentDate": {"a.$[]": true}}),
            json!([]),
            json!([NOW, NOW]),
        ),
        // $addToSet
        (
            json!([[0], [1]]),
            json!({"$addToSet": {"a.$[i]": 2}}),
            json!([{"i": 0}]),
            json!([[0, 2], [1]]),
        ),
        (
            json!([[0], [1]]),
            json!({"$addToSet": {"a.$[]": 2}}),
            json!([]),
            json!([[0, 2], [1, 2]]),
        ),
        // $pop
        (
            json!([[0, 1], [1, 2]]),
            json!({"$pop": {"a.$[i]": 1}}),
            json!([{"i": 0}]),
            json!([[0], [1, 2]]),
        ),
        (
            json!([[0]]),
            json!({"$pop": {"a.$[]": 1}}),
            json!([]),
            json!([[]]),
        ),
        // $pullAll
        (
            json!([[0, 1, 2, 3], [1, 2, 3, 4]]),
            json!({"$pullAll": {"a.$[i]": [0, 2]}}),
            json!([{"i": 0}]),
            json!([[1, 3], [1, 2, 3, 4]]),
        ),
        (
            json!([[0, 1, 2, 3], [1, 2, 3, 4]]),
            json!({"$pullAll": {"a.$[]": [0, 2]}}),
            json!([]),
            json!([[1, 3], [1, 3, 4]]),
        ),
        // $pull
        (
            json!([[0, 1], [1, 2]]),
            json!({"$pull": {"a.$[i]": 1}}),
            json!([{"i": 2}]),
            json!([[0, 1], [2]]),
        ),
        (
            json!([[0, 1], [1, 2]]),
            json!({"$pull": {"a.$[]": 1}}),
            json!([]),
            json!([[0], [2]]),
        ),
        // $push
        (
            json!([[0, 1], [2, 3]]),
            json!({"$push": {"a.$[i]": 4}}),
            json!([{"i": 0}]),
            json!([[0, 1, 4], [2, 3]]),
        ),
        (
            json!([[0, 1], [2, 3]]),
            json!({"$push": {"a.$[]": 4}}),
            json!([]),
            json!([[0, 1, 4], [2, 3, 4]]),
        ),
    ] {
        assert_eq!(
            run_filtered(json!({ "a": doc }), update.clone(), filters),
            json!({ "a": expected }),
            "{update}"
        );
    }
    // update_arrayFilters.js, $rename: never dynamic, and a filter it does not use is refused.
    refused(json!({"$rename": {"a.$[i]": "b"}}));
    refused(json!({"$rename": {"a.$[]": "b"}}));
    refused(json!({"$rename": {"a": "b.$[]"}}));
    let e = filtered_error(
        json!({"a": [1]}),
        json!({"$rename": {"a": "b"}}),
        json!([{"i": 0}]),
    );
    assert!(e.to_string().contains("this filter is not used"), "{e}");
    assert_eq!(
        run(json!({"a": [0], "b": [1]}), json!({"$rename": {"a": "b"}})),
        json!({"b": [0]})
    );
}

#[test]
fn array_filters_examples_of_update_array_filters_js() {
    // jstests/core/write/update/update_arrayFilters.js, "Examples", in its order.
    for (doc, update, filters, expected) in [
        (
            json!({"a": [{"b": 0}, {"b": 1}]}),
            json!({"$set": {"a.$[].b": 2}}),
            json!([]),
            json!({"a": [{"b": 2}, {"b": 2}]}),
        ),
        (
            json!({"a": [{"b": 0}, {"b": 1}]}),
            json!({"$set": {"a.$[i].b": 2}}),
            json!([{"i.b": 0}]),
            json!({"a": [{"b": 2}, {"b": 1}]}),
        ),
        (
            json!({"a": [0, 1]}),
            json!({"$set": {"a.$[i]": 2}}),
            json!([{"i": 0}]),
            json!({"a": [2, 1]}),
        ),
        (
            json!({"a": [[0, 1], [0, 1]]}),
            json!({"$set": {"a.$[].$[j]": 2}}),
            json!([{"j": 0}]),
            json!({"a": [[2, 1], [2, 1]]}),
        ),
        (
            json!({"a": [{"b": 0, "c": [{"d": 0}, {"d": 1}]}, {"b": 1, "c": [{"d": 0}, {"d": 1}]}]}),
            json!({"$set": {"a.$[i].c.$[j].d": 2}}),
            json!([{"i.b": 0}, {"j.d": 0}]),
            json!({"a": [{"b": 0, "c": [{"d": 2}, {"d": 1}]}, {"b": 1, "c": [{"d": 0}, {"d": 1}]}]}),
        ),
        (
            json!({"a": [0, 1, 3]}),
            json!({"$set": {"a.$[i]": 2}}),
            json!([{"$or": [{"i": 0}, {"i": 3}]}]),
            json!({"a": [2, 1, 2]}),
        ),
    ] {
        assert_eq!(
            run_filtered(doc, update.clone(), filters),
            expected,
            "{update}"
        );
    }
    // jstests/core/write/update/update_modifier_pop.js: "$pop with arrayFilters."
    assert_eq!(
        run_filtered(
            json!({"a": [{"b": [1, 2]}, {"b": [4, 5]}, {"b": [2, 3]}]}),
            json!({"$pop": {"a.$[i].b": -1}}),
            json!([{"i.b": 2}])
        ),
        json!({"a": [{"b": [2]}, {"b": [4, 5]}, {"b": [3]}]})
    );
}

#[test]
fn array_filters_error_cases_of_update_array_filters_js() {
    // jstests/core/write/update/update_arrayFilters.js, "Error cases", in its order.
    // "Provide an <id> with no array filter." ("No array filter found for identifier 'i' in path
    // 'a.$[i]'")
    let e = filtered_error(json!({}), json!({"$set": {"a.$[i]": 0}}), json!([]));
    assert_eq!(
        e.to_string(),
        r#"$set at path "a.$[i]" expects an arrayFilters entry for each $[<identifier>] of the path"#
    );
    let e = fails(json!({"a": [0]}), json!({"$set": {"a.$[i]": 0}}));
    assert!(e.to_string().contains("arrayFilters entry"), "{e}");
    // "Use an <id> at the same position as a $, integer, or field name." ("Updating the path
    // 'a.$' would create a conflict at 'a'", and 'a.0', 'a.b')
    for other in ["a.$", "a.0", "a.b"] {
        refused(json!({"$set": {"a.$[i]": 0, other: 0}}));
    }
    // "<id> contains special characters or does not begin with a lowercase letter."
    filtered_error(
        json!({}),
        json!({"$set": {"a.$[$i]": 1}}),
        json!([{"$i": 0}]),
    );
    filtered_error(json!({}), json!({"$set": {"a.$[I]": 1}}), json!([{"I": 0}]));
    // ("Cannot create field '$[i' in element {a: [ 0.0 ]}": MongoDB reads "$[i" as a field of
    // the array; docstore refuses the key while parsing.)
    refused(json!({"$set": {"a.$[i.j]": 1, "b.$[i]": 1}}));
    // src/mongo/db/update/update_object_node.cpp, parseArrayFilterIdentifier: "Cannot have
    // array filter identifier (i.e. '$[<id>]') element in the first position in path".
    refused(json!({"$set": {"$[i]": 1}}));
    refused(json!({"$set": {"$[].a": 1}}));
    refused(json!({"$set": {"$": 1}}));
    // update_object_node.cpp: "Too many positional (i.e. '$') elements found in path".
    refused(json!({"$set": {"a.$.b.$": 1}}));
    // src/mongo/db/update/update_array_node.cpp, UpdateArrayNode::apply: "The path 'a' must
    // exist in the document in order to apply array updates." and "Cannot apply array updates
    // to non-array element"; the manual's reference/operator/update/positional-filtered
    // ("The path 'myArray' must exist in the document in order to apply array updates.").
    let e = fails(json!({}), json!({"$set": {"a.$[]": 1}}));
    assert!(e.to_string().contains("to be in the document"), "{e}");
    fails(json!({}), json!({"$unset": {"a.$[]": 1}}));
    let e = fails(json!({"a": 1}), json!({"$set": {"a.$[]": 1}}));
    assert!(e.to_string().contains("holds another type"), "{e}");
    fails(
        json!({"a": [{"b": 1}]}),
        json!({"$set": {"a.$[].c.$[]": 1}}),
    );
}

#[test]
fn nested_array_filters_conflict_only_where_they_meet() {
    // jstests/core/write/update/update_arrayFilters.js, "Nested array update conflict detection".
    // "a.$[i].b.$[k].c" and "a.$[j].b.$[k].d" are not a conflict, even if i and j are not
    // disjoint.
    assert_eq!(
        run_filtered(
            json!({"a": [{"x": 0, "b": [{"y": 0, "c": 0, "d": 0}]}]}),
            json!({"$set": {"a.$[i].b.$[k].c": 1, "a.$[j].b.$[k].d": 1}}),
            json!([{"i.x": 0}, {"j.x": 0}, {"k.y": 0}])
        ),
        json!({"a": [{"x": 0, "b": [{"y": 0, "c": 1, "d": 1}]}]})
    );
    // "a.$[i].b.$[k].c" and "a.$[j].b.$[k].c" are a conflict iff i and j are not disjoint.
    let doc = json!({"a": [{"x": 0, "b": [{"y": 0, "c": 0}]}, {"x": 1, "b": [{"y": 0, "c": 0}]}]});
    let same = json!({"$set": {"a.$[i].b.$[k].c": 1, "a.$[j].b.$[k].c": 2}});
    let e = filtered_error(
        doc.clone(),
        same.clone(),
        json!([{"i.x": 0}, {"j.x": 0}, {"k.y": 0}]),
    );
    assert!(e.to_string().contains("a.0.b.0.c"), "{e}");
    assert_eq!(
        run_filtered(doc, same, json!([{"i.x": 0}, {"j.x": 1}, {"k.y": 0}])),
        json!({"a": [{"x": 0, "b": [{"y": 0, "c": 1}]}, {"x": 1, "b": [{"y": 0, "c": 2}]}]})
    );
    // "a.$[i].b.$[k].c" and "a.$[j].b.$[m].c" are a conflict iff k and m intersect for some
    // element of a matching i and j.
    let doc = json!({"a": [
        {"x": 0, "b": [{"y": 0, "c": 0}]},
        {"x": 1, "b": [{"y": 0, "c": 0}, {"y": 1, "c": 0}]}
    ]});
    let update = json!({"$set": {"a.$[i].b.$[k].c": 1, "a.$[j].b.$[m].c": 2}});
    let e = filtered_error(
        doc.clone(),
        update.clone(),
        json!([{"i.x": 0}, {"j.x": 0}, {"k.y": 0}, {"m.y": 0}]),
    );
    assert!(e.to_string().contains("a.0.b.0.c"), "{e}");
    assert_eq!(
        run_filtered(
            doc,
            update,
            json!([{"i.x": 1}, {"j.x": 1}, {"k.y": 0}, {"m.y": 1}])
        ),
        json!({"a": [
            {"x": 0, "b": [{"y": 0, "c": 0}]},
            {"x": 1, "b": [{"y": 0, "c": 1}, {"y": 1, "c": 2}]}
        ]})
    );
}

#[test]
fn all_and_filtered_positional_follow_the_manual() {
    // MongoDB manual, reference/operator/update/positional-all: "Update All Elements in an
    // Array", "Update All Documents in an Array", "Update Arrays Specified Using a Negation
    // Query Operator" (the query is not the update's business: the matching documents).
    for (grades, expected) in [
        (json!([85, 82, 80]), json!([95, 92, 90])),
        (json!([88, 90, 92]), json!([98, 100, 102])),
        (json!([85, 100, 90]), json!([95, 110, 100])),
    ] {
        assert_eq!(
            run(
                json!({ "grades": grades }),
                json!({"$inc": {"grades.$[]": 10}})
            ),
            json!({ "grades": expected })
        );
    }
    assert_eq!(
        run(
            json!({"grades": [
                {"grade": 80, "mean": 75, "std": 8},
                {"grade": 85, "mean": 90, "std": 6},
                {"grade": 85, "mean": 85, "std": 8}
            ]}),
            json!({"$inc": {"grades.$[].std": -2}})
        ),
        json!({"grades": [
            {"grade": 80, "mean": 75, "std": 6},
            {"grade": 85, "mean": 90, "std": 4},
            {"grade": 85, "mean": 85, "std": 6}
        ]})
    );
    // reference/operator/update/positional-filtered: "Update All Array Elements That Match
    // arrayFilters".
    for (grades, expected) in [
        (json!([95, 92, 90]), json!([95, 92, 90])),
        (json!([98, 100, 102]), json!([98, 100, 100])),
        (json!([95, 110, 100]), json!([95, 100, 100])),
    ] {
        assert_eq!(
            run_filtered(
                json!({ "grades": grades }),
                json!({"$set": {"grades.$[element]": 100}}),
                json!([{"element": {"$gte": 100}}])
            ),
            json!({ "grades": expected })
        );
    }
    // "Update All Documents That Match arrayFilters in an Array".
    assert_eq!(
        run_filtered(
            json!({"grades": [
                {"grade": 80, "mean": 75, "std": 6},
                {"grade": 85, "mean": 90, "std": 4},
                {"grade": 85, "mean": 85, "std": 6}
            ]}),
            json!({"$set": {"grades.$[elem].mean": 100}}),
            json!([{"elem.grade": {"$gte": 85}}])
        ),
        json!({"grades": [
            {"grade": 80, "mean": 75, "std": 6},
            {"grade": 85, "mean": 100, "std": 4},
            {"grade": 85, "mean": 100, "std": 6}
        ]})
    );
    // "Update All Array Elements that Match Multiple Conditions".
    assert_eq!(
        run_filtered(
            json!({"grades": [
                {"grade": 90, "mean": 100, "std": 6},
                {"grade": 87, "mean": 100, "std": 3},
                {"grade": 85, "mean": 100, "std": 4}
            ]}),
            json!({"$inc": {"grades.$[elem].std": -1}}),
            json!([{"elem.grade": {"$gte": 80}, "elem.std": {"$gte": 5}}])
        ),
        json!({"grades": [
            {"grade": 90, "mean": 100, "std": 5},
            {"grade": 87, "mean": 100, "std": 3},
            {"grade": 85, "mean": 100, "std": 4}
        ]})
    );
    // "Update Array Elements Using a Negation Operator".
    assert_eq!(
        run_filtered(
            json!({"degrees": [
                {"level": "Master", "major": "Biology"},
                {"level": "Bachelor", "major": "Biology"}
            ]}),
            json!({"$set": {"degrees.$[degree].gradcampaign": 1}}),
            json!([{"degree.level": {"$ne": "Bachelor"}}])
        ),
        json!({"degrees": [
            {"level": "Master", "major": "Biology", "gradcampaign": 1},
            {"level": "Bachelor", "major": "Biology"}
        ]})
    );
    // "Update Nested Arrays in Conjunction with $[]", both updates.
    let students3 = json!({"grades": [
        {"type": "quiz", "questions": [10, 8, 5]},
        {"type": "quiz", "questions": [8, 9, 6]},
        {"type": "hw", "questions": [5, 4, 3]},
        {"type": "exam", "questions": [25, 10, 23, 0]}
    ]});
    assert_eq!(
        run_filtered(
            students3.clone(),
            json!({"$inc": {"grades.$[t].questions.$[score]": 2}}),
            json!([{"t.type": "quiz"}, {"score": {"$gte": 8}}])
        ),
        json!({"grades": [
            {"type": "quiz", "questions": [12, 10, 5]},
            {"type": "quiz", "questions": [10, 11, 6]},
            {"type": "hw", "questions": [5, 4, 3]},
            {"type": "exam", "questions": [25, 10, 23, 0]}
        ]})
    );
    // (The manual shows the update "regardless of type" without its result: accepted only.)
    run_filtered(
        students3,
        json!({"$inc": {"grades.$[].questions.$[score]": 2}}),
        json!([{"score": {"$gte": 8}}]),
    );
}

/// `update` applied to `doc`, selected by `query` (the filter `$` takes its element from).
fn run_positional(doc: Value, query: Value, update: Value) -> Value {
    let parsed = parse(&update).unwrap_or_else(|e| panic!("{update}: {e}"));
    let query = filter::parse(&query).unwrap_or_else(|e| panic!("{query}: {e}"));
    // The query did select the document.
    assert_eq!(filter::eval::matches(&query, &doc), Some(true), "{doc}");
    let context = ApplyContext {
        array_filters: Vec::new(),
        positional: Some(query),
    };
    apply_with(&doc, &parsed, NOW, &context).unwrap_or_else(|e| panic!("{update} on {doc}: {e}"))
}

/// The error of `update` on `doc` selected by `query`.
fn positional_error(doc: Value, query: Value, update: Value) -> Error {
    let parsed = parse(&update).unwrap_or_else(|e| panic!("{update}: {e}"));
    let context = ApplyContext {
        array_filters: Vec::new(),
        positional: Some(filter::parse(&query).unwrap()),
    };
    match apply_with(&doc, &parsed, NOW, &context) {
        Ok(after) => panic!("{update} on {doc} gave {after}, MongoDB refuses it"),
        Err(e) => {
            assert_eq!(e.sqlstate().code(), "22023", "{e}");
            e
        }
    }
}

#[test]
fn positional_follows_update_arraymatch_js() {
    // jstests/core/write/update/update_arraymatch1.js: {"a.x": 2}, $inc "a.$.y".
    assert_eq!(
        run_positional(
            json!({"a": [{"x": 1, "y": 1}, {"x": 2, "y": 2}, {"x": 3, "y": 3}]}),
            json!({"a.x": 2}),
            json!({"$inc": {"a.$.y": 1}})
        ),
        json!({"a": [{"x": 1, "y": 1}, {"x": 2, "y": 3}, {"x": 3, "y": 3}]})
    );
    // update_arraymatch2.js: A1 and B1.
    assert_eq!(
        run_positional(
            json!({"x": [1, 2, 3]}),
            json!({"x": 2}),
            json!({"$inc": {"x.$": 1}})
        ),
        json!({"x": [1, 3, 3]})
    );
    assert_eq!(
        run_positional(
            json!({"x": {"y": [8, 7, 6]}}),
            json!({"x.y": 7}),
            json!({"$inc": {"x.y.$": 1}})
        ),
        json!({"x": {"y": [8, 8, 6]}})
    );
    // update_arraymatch3.js: {'comments.by': 'joe'}, $inc 'comments.$.votes'.
    assert_eq!(
        run_positional(
            json!({"title": "ABC", "comments": [{"by": "joe", "votes": 3}, {"by": "jane", "votes": 7}]}),
            json!({"comments.by": "joe"}),
            json!({"$inc": {"comments.$.votes": 1}})
        ),
        json!({"title": "ABC", "comments": [{"by": "joe", "votes": 4}, {"by": "jane", "votes": 7}]})
    );
    // update_arraymatch4.js: {arr: "A1"}, $set "arr.$".
    assert_eq!(
        run_positional(
            json!({"arr": ["A1", "B1", "C1"]}),
            json!({"arr": "A1"}),
            json!({"$set": {"arr.$": "A2"}})
        ),
        json!({"arr": ["A2", "B1", "C1"]})
    );
    // update_arraymatch5.js: two positional paths into the same element.
    assert_eq!(
        run_positional(
            json!({"abc": {"visible": true}, "testarray": [{"foobar_id": 316, "visible": true, "xxx": 1}]}),
            json!({"testarray.foobar_id": 316}),
            json!({"$set": {"testarray.$.visible": true, "testarray.$.xxx": 2}})
        ),
        json!({"abc": {"visible": true}, "testarray": [{"foobar_id": 316, "visible": true, "xxx": 2}]})
    );
    // update_arraymatch6.js: {'a.id': 1}, $set 'a.$.x'.
    let after = run_positional(
        json!({"a": [{"id": 1, "x": [5, 6, 7]}, {"id": 2, "x": [8, 9, 10]}]}),
        json!({"a.id": 1}),
        json!({"$set": {"a.$.x": [1, 1, 1]}}),
    );
    assert_eq!(after["a"][0]["x"][0], json!(1));
    // update_arraymatch7.js: {'a.b': 'match'}, $inc 'a.$.count'.
    assert_eq!(
        run_positional(
            json!({"a": [{"b": "match", "count": 0}]}),
            json!({"a.b": "match"}),
            json!({"$inc": {"a.$.count": 1}})
        ),
        json!({"a": [{"b": "match", "count": 1}]})
    );
    // update_arraymatch8.js: array.$.name, array.$, array.$.123a.name, array.$.123a.
    for (doc, query, update, expected) in [
        (
            json!({"array": [{"name": "old"}]}),
            json!({"array.name": "old"}),
            json!({"$set": {"array.$.name": "new"}}),
            json!({"array": [{"name": "new"}]}),
        ),
        (
            json!({"array": [{"name": "old"}]}),
            json!({"array.name": "old"}),
            json!({"$set": {"array.$": {"name": "new"}}}),
            json!({"array": [{"name": "new"}]}),
        ),
        (
            json!({"array": [{"123a": {"name": "old"}}]}),
            json!({"array.123a.name": "old"}),
            json!({"$set": {"array.$.123a.name": "new"}}),
            json!({"array": [{"123a": {"name": "new"}}]}),
        ),
        (
            json!({"array": [{"123a": {"name": "old"}}]}),
            json!({"array.123a.name": "old"}),
            json!({"$set": {"array.$.123a": {"name": "new"}}}),
            json!({"array": [{"123a": {"name": "new"}}]}),
        ),
    ] {
        assert_eq!(
            run_positional(doc, query, update.clone()),
            expected,
            "{update}"
        );
    }
    // jstests/core/write/update/update_modifier_pop.js: "$pop with the positional ($) operator."
    assert_eq!(
        run_positional(
            json!({"a": [{"b": [1, 2, 3]}, {"b": [4, 5, 6]}]}),
            json!({"a.b": 5}),
            json!({"$pop": {"a.$.b": 1}})
        ),
        json!({"a": [{"b": [1, 2, 3]}, {"b": [4, 5]}]})
    );
    // src/mongo/db/update/set_node_test.cpp: ApplyPositional (matched field "1").
    assert_eq!(
        run_positional(
            json!({"a": [0, 1, 2]}),
            json!({"a": 1}),
            json!({"$set": {"a.$": 6}})
        ),
        json!({"a": [0, 6, 2]})
    );
}

#[test]
fn positional_ignores_array_offsets_as_update_array_offset_positional_js() {
    // jstests/core/write/update/update_array_offset_positional.js: "If there is no implicit
    // array traversal, the positional operator cannot be used."
    for (doc, query, update) in [
        (
            json!({"a": [0]}),
            json!({"a.0": 0}),
            json!({"$set": {"a.$": 1}}),
        ),
        (
            json!({"a": [{"b": 0}]}),
            json!({"a.0.b": 0}),
            json!({"$set": {"a.$.b": 1}}),
        ),
        (
            json!({"a": [[0]]}),
            json!({"a.0.0": 0}),
            json!({"$set": {"a.$.0": 1}}),
        ),
        (
            json!({"a": [{"b": [0]}]}),
            json!({"a.0.b.0": 0}),
            json!({"$set": {"a.$.b.0": 1}}),
        ),
    ] {
        positional_error(doc, query, update);
    }
    // "Array offset matches are not used to provide values for the positional operator on a
    // different path."
    for (doc, query) in [
        (json!({"a": [0, 1], "b": [0]}), json!({"a": 1, "b.0": 0})),
        (
            json!({"a": [0, 1], "b": [{"c": 0}]}),
            json!({"a": 1, "b.0.c": 0}),
        ),
        (
            json!({"a": [0, 1], "b": [[0]]}),
            json!({"a": 1, "b.0.0": 0}),
        ),
        (
            json!({"a": [0, 1], "b": [{"c": [0]}]}),
            json!({"a": 1, "b.0.c.0": 0}),
        ),
    ] {
        let mut expected = doc.clone();
        expected["a"] = json!([0, 2]);
        let parsed = parse(&json!({"$set": {"a.$": 2}})).unwrap();
        let context = ApplyContext {
            array_filters: Vec::new(),
            positional: Some(filter::parse(&query).unwrap()),
        };
        assert_eq!(
            apply_with(&doc, &parsed, NOW, &context).unwrap(),
            expected,
            "{query}"
        );
    }
}

#[test]
fn positional_follows_the_manual() {
    // MongoDB manual, reference/operator/update/positional: "Update Values in an Array".
    assert_eq!(
        run_positional(
            json!({"grades": [80, 85, 90]}),
            json!({"grades": 80}),
            json!({"$set": {"grades.$": 82}})
        ),
        json!({"grades": [82, 85, 90]})
    );
    // "Update Documents in an Array".
    let grades = json!({"grades": [
        {"grade": 80, "mean": 75, "std": 8},
        {"grade": 85, "mean": 90, "std": 5},
        {"grade": 90, "mean": 85, "std": 3}
    ]});
    let expected = json!({"grades": [
        {"grade": 80, "mean": 75, "std": 8},
        {"grade": 85, "mean": 90, "std": 6},
        {"grade": 90, "mean": 85, "std": 3}
    ]});
    assert_eq!(
        run_positional(
            grades.clone(),
            json!({"grades.grade": 85}),
            json!({"$set": {"grades.$.std": 6}})
        ),
        expected
    );
    // "Update Embedded Documents Using Multiple Field Matches": the first element meeting the
    // whole $elemMatch, the second one.
    assert_eq!(
        run_positional(
            grades,
            json!({"grades": {"$elemMatch": {"grade": {"$lte": 90}, "mean": {"$gt": 80}}}}),
            json!({"$set": {"grades.$.std": 6}})
        ),
        expected
    );
    // "Unsets": "the positional $ operator does not remove the matching element from the array
    // but rather sets it to null".
    assert_eq!(
        run_positional(
            json!({"grades": [80, 85, 90]}),
            json!({"grades": 85}),
            json!({"$unset": {"grades.$": ""}})
        ),
        json!({"grades": [80, null, 90]})
    );
    // "Negations": "If the query matches the array using a negation operator, such as $ne, $not,
    // or $nin, then you cannot use the positional operator to update values from this array."
    for query in [
        json!({"grades": {"$ne": 100}}),
        json!({"grades": {"$nin": [100]}}),
        json!({"grades": {"$not": {"$gt": 95}}}),
        json!({"$nor": [{"grades": 100}]}),
    ] {
        positional_error(
            json!({"grades": [80, 85, 90]}),
            query,
            json!({"$set": {"grades.$": 0}}),
        );
    }
    // "However, if the negated portion of the query is inside of an $elemMatch expression, then
    // you can use the positional operator to update this field." (no result shown: accepted)
    run_positional(
        json!({"grades": [80, 85, 90]}),
        json!({"grades": {"$elemMatch": {"$ne": 80}}}),
        json!({"$set": {"grades.$": 0}}),
    );
    // The array "must appear as part of the query document": without a query, and with a query
    // on other fields only, $ has no element. (src/mongo/db/update/update_object_node.cpp:
    // "The positional operator did not find the match needed from the query.")
    let e = fails(json!({"grades": [80]}), json!({"$set": {"grades.$": 82}}));
    assert!(e.to_string().contains("did not find the match"), "{e}");
    positional_error(
        json!({"name": "x", "grades": [80]}),
        json!({"name": "x"}),
        json!({"$set": {"grades.$": 82}}),
    );
}

#[test]
fn positional_takes_its_element_from_the_query_on_that_array_only() {
    // jstests/core/write/update/update_arraymatch2.js, B2: the 5.0+ server sets y.2 from the
    // match of {x: 92} in the other array x (MongoDB keeps one matched index per query). docstore
    // follows the manual instead ("the array field must appear as part of the query document")
    // and refuses: a known difference.
    positional_error(
        json!({"x": [90, 91, 92], "y": ["a", "b", "c"]}),
        json!({"x": 92}),
        json!({"$set": {"y.$": "z"}}),
    );
}

#[test]
fn positional_and_an_index_to_the_same_element_conflict() {
    // src/mongo/db/update/update_object_node.cpp, UpdateObjectNode::apply: the positional child
    // is merged with the child named like the matched index (createUpdateNodeByMerging), and two
    // updates of the same path cannot merge ("Update created a conflict at 'a.0'"); an index to
    // another element merges fine.
    let doc = json!({"a": [5, 6]});
    let e = positional_error(
        doc.clone(),
        json!({"a": 5}),
        json!({"$set": {"a.$": 1, "a.0": 2}}),
    );
    assert!(matches!(e, Error::ConflictingUpdate { .. }), "{e}");
    run_positional(doc, json!({"a": 5}), json!({"$set": {"a.$": 1, "a.1": 2}}));
}

#[test]
fn operators_on_overlapping_paths_conflict() {
    // src/mongo/db/update/update_object_node.cpp, parseAndMerge: "Updating the path 'a.b' would
    // create a conflict at 'a'" (a leaf where the path needs an inner node), "... at 'a'" for
    // the same path twice.
    let e = refused(json!({"$set": {"a": 1}, "$inc": {"a.b": 1}}));
    assert!(matches!(e, Error::ConflictingUpdate { .. }), "{e}");
    refused(json!({"$set": {"a": 1}, "$inc": {"a": 1}}));
    refused(json!({"$inc": {"a.b": 1}, "$unset": {"a": 1}}));
    // ... and siblings do not conflict (rename_operator.js: {$rename: {a: "c"}, $set: {b: 5}}).
    parse(&json!({"$set": {"a.b": 1}, "$inc": {"a.c": 1}})).unwrap();
}

#[test]
fn set_past_the_end_of_an_array_pads_with_nulls() {
    // src/mongo/db/update/set_node_test.cpp: ApplyPaddingArray / ApplyEmptyArray pad the gap
    // with nulls (MongoDB's path_support.cpp: maybePadTo).
    assert_eq!(
        run(json!({"a": [1]}), json!({"$set": {"a.5": 1}})),
        json!({"a": [1, null, null, null, null, 1]})
    );
}
