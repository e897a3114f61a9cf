//! A reference evaluator of the filter semantics, over `serde_json` values. It states what the
//! compiled SQL must return; the differential tests compare the two on generated documents.
//! `None` means "not evaluated here" (regular expressions), and such cases are skipped.

use serde_json::Value;

use super::ast::{CmpOp, Cond, ElemMatch, Filter};
use crate::JsonKind;

/// Whether `doc` matches `filter`.
pub fn matches(filter: &Filter, doc: &Value) -> Option<bool> {
    Some(match filter {
        Filter::And(parts) => {
            let mut all = true;
            for part in parts {
                all &= matches(part, doc)?;
            }
            all
        }
        Filter::Or(parts) => {
            let mut any = false;
            for part in parts {
                any |= matches(part, doc)?;
            }
            any
        }
        Filter::Nor(parts) => !matches(&Filter::Or(parts.clone()), doc)?,
        Filter::Field(path, cond) => cond_holds(cond, &At::new(doc, &path.0))?,
        // A runtime error (MongoDB fails the query) is "not evaluated here".
        Filter::Expr(expr) => super::expr::truthy(super::expr::eval(expr, doc).ok()?.as_ref()),
    })
}

/// What a path reaches in a document, as MongoDB finds it (see [`values_at`] and [`missing`]).
pub struct At<'a> {
    pub values: Vec<Reached<'a>>,
    /// Whether the path runs out somewhere (see [`missing`]): what `{"path": null}` matches
    /// besides a null value.
    pub missing: bool,
}

impl<'a> At<'a> {
    pub fn new(doc: &'a Value, keys: &[String]) -> At<'a> {
        At {
            values: values_at(doc, keys),
            missing: missing(doc, keys),
        }
    }

    /// What a comparison looks at: each value, and the elements of an array value unless it was
    /// taken whole (MongoDB looks one level into arrays, no deeper).
    pub fn candidates(&self) -> Vec<&'a Value> {
        let mut out = Vec::new();
        for reached in &self.values {
            out.push(reached.value);
            if let (Value::Array(items), false) = (reached.value, reached.whole) {
                out.extend(items.iter());
            }
        }
        out
    }

    fn values(&self) -> impl Iterator<Item = &'a Value> + '_ {
        self.values.iter().map(|r| r.value)
    }
}

/// A value a path reaches. `whole`: taken by an array position as the path's last key
/// (`"a.0"` of `{"a": [[42]]}` is `[42]`, which MongoDB compares as one value, not by its
/// elements).
#[derive(Clone, Copy, Debug)]
pub struct Reached<'a> {
    pub value: &'a Value,
    pub whole: bool,
}

/// The values at a path, as MongoDB finds them: a key applied to an object is its member; applied
/// to an array, it is the member of each element that is an object (one level: an element that
/// is an array is not looked into) and, when the key is an array position (`"0"`, `"12"`), also
/// the element at that position. Without positions this is what lax SQL/JSON path mode finds.
pub fn values_at<'a>(doc: &'a Value, keys: &[String]) -> Vec<Reached<'a>> {
    let mut current = vec![Reached {
        value: doc,
        whole: false,
    }];
    for key in keys {
        let position = array_position(key);
        let mut next = Vec::new();
        for reached in current {
            let plain = |value| Reached {
                value,
                whole: false,
            };
            match reached.value {
                Value::Object(map) => next.extend(map.get(key).map(plain)),
                Value::Array(items) => {
                    if let Some(i) = position {
                        next.extend(items.get(i).map(|value| Reached { value, whole: true }));
                    }
                    for item in items {
                        if let Value::Object(map) = item {
                            next.extend(map.get(key).map(plain));
                        }
                    }
                }
                _ => {}
            }
        }
        current = next;
    }
    // Only a position that is the last key takes its value whole.
    if keys.last().is_some_and(|k| array_position(k).is_none()) {
        current.iter_mut().for_each(|r| r.whole = false);
    }
    current
}

/// Whether a path runs out in `value` (MongoDB's rule for `{"a.b": null}`): a key missing from an
/// object on the way, or a value on the way that is neither an object nor an array (`{"a": 4}`
/// has no `a.b`); through an array, only its object elements (and the element at a position)
/// are followed — scalars and nested arrays in it, and an empty array, contribute nothing.
pub fn missing(value: &Value, keys: &[String]) -> bool {
    let Some((key, rest)) = keys.split_first() else {
        return false;
    };
    match value {
        Value::Object(map) => map.get(key).is_none_or(|v| missing(v, rest)),
        Value::Array(items) => {
            array_position(key)
                .and_then(|i| items.get(i))
                .is_some_and(|v| missing(v, rest))
                || items.iter().any(|e| e.is_object() && missing(e, keys))
        }
        _ => true,
    }
}

/// The array position a path key names, if it is one: decimal digits without a leading zero
/// (MongoDB reads `"01"` as a field name only).
pub fn array_position(key: &str) -> Option<usize> {
    let digits = !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit());
    (digits && (key == "0" || !key.starts_with('0')))
        .then(|| key.parse().ok())
        .flatten()
}

/// What a comparison looks at: the candidates that are not arrays themselves.
fn compared<'a>(at: &At<'a>) -> Vec<&'a Value> {
    at.candidates()
        .into_iter()
        .filter(|v| !v.is_array())
        .collect()
}

/// The integer part of a number (truncated toward zero) if it fits in 64 bits, as `$mod` reads
/// a document's value.
fn integer_part(value: &Value) -> Option<i128> {
    let Value::Number(n) = value else {
        return None;
    };
    if let Some(i) = n.as_i64() {
        return Some(i128::from(i));
    }
    let text = n.to_string();
    // Exact for integers written without a fraction or exponent (the f64 parse is not).
    if let Ok(i) = text.parse::<i128>() {
        return (i >= i128::from(i64::MIN) && i <= i128::from(i64::MAX)).then_some(i);
    }
    let x: f64 = text.parse().ok()?;
    (x.is_finite() && x > -9_223_372_036_854_775_809.0 && x < 9_223_372_036_854_775_808.0)
        .then(|| x.trunc() as i128)
}

fn number(value: &Value) -> Option<f64> {
    value
        .as_f64()
        .or_else(|| value.as_number().and_then(|n| n.to_string().parse().ok()))
}

/// Scalar equality as the path language has it: numbers by value, no equality across types.
fn scalar_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(_), Value::Number(_)) => number(a) == number(b),
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Null, Value::Null) => true,
        _ => false,
    }
}

/// Deep equality as jsonb's `=` has it (numbers by value).
pub fn json_equal(a: &Value, b: &Value) -> bool {
    deep_eq(a, b)
}

/// Deep equality as jsonb's `=` has it.
fn deep_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| deep_eq(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| deep_eq(v, w))
        }
        _ => scalar_eq(a, b),
    }
}

fn compare(op: CmpOp, a: &Value, b: &Value) -> bool {
    let ordering = match (a, b) {
        (Value::Number(_), Value::Number(_)) => number(a).partial_cmp(&number(b)),
        (Value::String(x), Value::String(y)) => Some(x.as_str().cmp(y.as_str())),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        _ => None,
    };
    ordering.is_some_and(|o| op.holds(o))
}

/// A comparison with an object or an array operand: values of its type only, in MongoDB's order.
fn compare_structure(op: CmpOp, a: &Value, b: &Value) -> bool {
    JsonKind::of(a) == JsonKind::of(b) && op.holds(crate::order::compare_values(a, b))
}

/// Whether `cond` holds for what its path reaches.
fn cond_holds(cond: &Cond, at: &At) -> Option<bool> {
    Some(match cond {
        Cond::Eq(Value::Null) => at.missing || compared(at).iter().any(|v| v.is_null()),
        Cond::Eq(target) => compared(at).iter().any(|v| scalar_eq(v, target)),
        // The values themselves (an array as a whole) and the elements of arrays among them.
        Cond::EqStructure(target) => at.candidates().iter().any(|v| deep_eq(v, target)),
        Cond::Cmp(op, target) => compared(at).iter().any(|v| compare(*op, v, target)),
        Cond::CmpStructure(op, target) => at
            .candidates()
            .iter()
            .any(|v| compare_structure(*op, v, target)),
        Cond::In(targets) => {
            let scalars = targets.iter().filter(|t| !t.is_null());
            let mut hit = false;
            for target in scalars {
                hit |= compared(at).iter().any(|v| scalar_eq(v, target));
            }
            hit || (targets.iter().any(Value::is_null) && cond_holds(&Cond::Eq(Value::Null), at)?)
        }
        Cond::Exists(wanted) => at.values.is_empty() != *wanted,
        Cond::Type(kinds) => kinds.iter().any(|k| match k {
            JsonKind::Array => at.values().any(|v| v.is_array()),
            k => compared(at).iter().any(|v| JsonKind::of(v) == *k),
        }),
        Cond::Regex { .. } => return None,
        Cond::Mod { divisor, remainder } => compared(at).iter().any(|v| {
            integer_part(v).is_some_and(|x| x % i128::from(*divisor) == i128::from(*remainder))
        }),
        Cond::Size(n) => at
            .values()
            .any(|v| matches!(v, Value::Array(items) if items.len() as u64 == *n)),
        // The arrays among the values at the path (not their elements), and their elements as
        // MongoDB sees them: each one value, an array element never unwrapped.
        Cond::ElemMatch(elem) => {
            let mut hit = false;
            for value in at.values() {
                if let Value::Array(items) = value {
                    hit |= some_element(elem, items)?;
                }
            }
            hit
        }
        Cond::Not(inner) => !cond_holds(inner, at)?,
        Cond::Any(conds) => {
            let mut any = false;
            for c in conds {
                any |= cond_holds(c, at)?;
            }
            any
        }
        Cond::All(conds) => {
            let mut all = true;
            for c in conds {
                all &= cond_holds(c, at)?;
            }
            all
        }
    })
}

/// Whether some element of an array satisfies `$elemMatch` (`None`: not evaluated here).
fn some_element(elem: &ElemMatch, items: &[Value]) -> Option<bool> {
    let mut hit = false;
    for element in items {
        hit |= element_holds(elem, element)?;
    }
    Some(hit)
}

/// Whether one array element satisfies `$elemMatch`'s conditions.
fn element_holds(elem: &ElemMatch, element: &Value) -> Option<bool> {
    match elem {
        ElemMatch::Value(conds) => {
            let mut all = true;
            for c in conds {
                all &= single(c, element)?;
            }
            Some(all)
        }
        // Objects, and arrays read as objects with the keys "0", "1", … (MongoDB matches any
        // embedded document or array element against the filter).
        ElemMatch::Document(filter) => match element {
            Value::Object(_) => matches(filter, element),
            Value::Array(items) => {
                let object: serde_json::Map<String, Value> = items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (i.to_string(), v.clone()))
                    .collect();
                matches(filter, &Value::Object(object))
            }
            _ => Some(false),
        },
    }
}

/// A condition of `$elemMatch`'s value form on one element, which is one value: within its
/// type, an array compared as a whole.
fn single(cond: &Cond, e: &Value) -> Option<bool> {
    Some(match cond {
        Cond::Eq(target) => scalar_eq(e, target) && !e.is_array() && !e.is_object(),
        Cond::EqStructure(target) => deep_eq(e, target),
        Cond::Cmp(op, target) => compare(*op, e, target),
        Cond::CmpStructure(op, target) => compare_structure(*op, e, target),
        Cond::In(targets) => targets.iter().any(|t| scalar_eq(e, t)),
        Cond::Exists(wanted) => *wanted,
        Cond::Type(kinds) => kinds.contains(&JsonKind::of(e)),
        Cond::Regex { .. } => return None,
        Cond::Size(n) => matches!(e, Value::Array(items) if items.len() as u64 == *n),
        Cond::Mod { divisor, remainder } => {
            integer_part(e).is_some_and(|x| x % i128::from(*divisor) == i128::from(*remainder))
        }
        Cond::ElemMatch(inner) => match e {
            Value::Array(items) => some_element(inner, items)?,
            _ => false,
        },
        Cond::Not(inner) => !single(inner, e)?,
        Cond::All(conds) => {
            let mut all = true;
            for c in conds {
                all &= single(c, e)?;
            }
            all
        }
        Cond::Any(conds) => {
            let mut any = false;
            for c in conds {
                any |= single(c, e)?;
            }
            any
        }
    })
}
