//! `$push`'s `$sort`, and MongoDB's order of values that it sorts by.

use crate::order::type_rank;
use std::cmp::Ordering;

use serde_json::{Map, Value};

use super::apply::child;
use super::{bad, split};
use crate::Error;

/// How `$push` orders the array after inserting (`$sort`), before `$slice`.
#[derive(Debug, Clone, PartialEq)]
pub enum PushSort {
    /// `$sort: 1` or `-1`: whole elements, in MongoDB's order of values.
    Whole { ascending: bool },
    /// `$sort: {"score": 1, "a.b": -1}`: elements by these fields, the first deciding first. A
    /// missing field, and every element that is not an object, sorts as null.
    Fields(Vec<(Vec<String>, bool)>),
}

const EXPECTED: &str =
    "$sort with 1 or -1 (whole elements) or a non-empty object of fields with 1 or -1";

/// Parses `$sort`'s value as MongoDB accepts it: 1 or -1 (any number equal to them), or an
/// object of dotted fields (no empty key) each with 1 or -1.
pub(super) fn parse(value: &Value, path: &str) -> Result<PushSort, Error> {
    match value {
        Value::Number(_) => Ok(PushSort::Whole {
            ascending: direction(value).ok_or_else(|| bad("$push", path, EXPECTED))?,
        }),
        Value::Object(fields) if !fields.is_empty() => {
            let mut keys = Vec::with_capacity(fields.len());
            for (field, order) in fields {
                let ascending = direction(order).ok_or_else(|| bad("$push", path, EXPECTED))?;
                keys.push((split(field)?, ascending));
            }
            Ok(PushSort::Fields(keys))
        }
        _ => Err(bad("$push", path, EXPECTED)),
    }
}

/// `Some(true)` for 1, `Some(false)` for -1 (`1.0` and `-1.0` too), `None` otherwise.
fn direction(value: &Value) -> Option<bool> {
    let x = value.as_f64()?;
    if x == 1.0 {
        Some(true)
    } else if x == -1.0 {
        Some(false)
    } else {
        None
    }
}

/// Sorts `items` as `$sort` says. Stable: elements that compare equal keep their order.
pub(super) fn sort(items: &mut [Value], how: &PushSort) {
    match how {
        PushSort::Whole { ascending } => items.sort_by(|a, b| directed(order(a, b), *ascending)),
        PushSort::Fields(fields) => items.sort_by(|a, b| {
            fields
                .iter()
                .map(|(keys, ascending)| {
                    directed(order(sort_key(a, keys), sort_key(b, keys)), *ascending)
                })
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        }),
    }
}

fn directed(order: Ordering, ascending: bool) -> Ordering {
    if ascending {
        order
    } else {
        order.reverse()
    }
}

/// The value of `keys` in an element, null when the element is not an object or lacks it
/// (MongoDB extracts sort keys with "null if missing"); an array on the way is read by index.
fn sort_key<'a>(element: &'a Value, keys: &[String]) -> &'a Value {
    const NULL: &Value = &Value::Null;
    if !element.is_object() {
        return NULL;
    }
    keys.iter()
        .try_fold(element, |value, key| child(value, key))
        .unwrap_or(NULL)
}

/// MongoDB's order of two values: by type first (null, numbers, strings, objects, arrays,
/// booleans), then within the type. Scalars compare as [`crate::order::compare_values`] has it;
/// objects field by field in their order (the type of the values, then the field names, then
/// the values), arrays element by element, the shorter first when one is a prefix of the other.
pub(super) fn order(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => objects(x, y),
        (Value::Array(x), Value::Array(y)) => x
            .iter()
            .zip(y)
            .map(|(v, w)| type_rank(v).cmp(&type_rank(w)).then_with(|| order(v, w)))
            .find(|o| o.is_ne())
            .unwrap_or_else(|| x.len().cmp(&y.len())),
        _ => crate::order::compare_values(a, b),
    }
}

fn objects(x: &Map<String, Value>, y: &Map<String, Value>) -> Ordering {
    x.iter()
        .zip(y)
        .map(|((k, v), (l, w))| {
            type_rank(v)
                .cmp(&type_rank(w))
                .then_with(|| k.cmp(l))
                .then_with(|| order(v, w))
        })
        .find(|o| o.is_ne())
        .unwrap_or_else(|| x.len().cmp(&y.len()))
}
