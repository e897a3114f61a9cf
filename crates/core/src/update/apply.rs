//! Applying a parsed [`Update`] to one document, as MongoDB does: paths created, refused where
//! MongoDB refuses them (through a scalar or null, `$rename` through arrays), array-element
//! keys expanded against the document as it was.

use serde_json::{Map, Number, Value};

use super::*;

/// Applies `update` to `doc`; `now` is what `$currentDate` stores. The same as [`apply_with`]
/// with no arrayFilters and no query: `$[]` works, `$[<identifier>]` and `$` are errors.
pub fn apply(doc: &Value, update: &Update, now: &str) -> Result<Value, Error> {
    apply_with(doc, update, now, &ApplyContext::default())
}

/// Applies `update` to `doc`, its `$[<identifier>]` keys selecting the elements that
/// `context.array_filters` match and its `$` keys the element that `context.positional` (the
/// query) matched, all in `doc` as it was before the update. On an error nothing of the update
/// is kept: the caller gets the error, not a half-updated document. Unused arrayFilters are
/// [`check_array_filters`]'s business (once per statement, not per document).
pub fn apply_with(
    doc: &Value,
    update: &Update,
    now: &str,
    context: &ApplyContext,
) -> Result<Value, Error> {
    let mut targets = Vec::with_capacity(update.0.len());
    for (name, keys, _) in &update.0 {
        targets.push(paths::concrete(doc, keys, name, context)?);
    }
    // Paths without array-element keys were checked against each other by `parse`.
    if targets.iter().any(Option::is_some) {
        paths::check_concrete(update, &targets)?;
    }
    let mut out = doc.clone();
    for ((name, keys, op), concrete) in update.0.iter().zip(&targets) {
        match concrete {
            None => apply_one(&mut out, name, keys, op, now)?,
            Some(paths) => {
                for keys in paths {
                    apply_one(&mut out, name, keys, op, now)?;
                }
            }
        }
    }
    Ok(out)
}

/// One operator on one path of `doc`.
fn apply_one(
    doc: &mut Value,
    name: &str,
    keys: &[String],
    op: &Op,
    now: &str,
) -> Result<(), Error> {
    let path = keys.join(".");
    let missing = exists(doc, keys).is_none();
    match op {
        Op::Set(value) => *slot(doc, keys, name, &path)? = value.clone(),
        Op::Unset => {
            // MongoDB: $unset of what is not there, even through a scalar, changes nothing.
            remove(doc, keys);
        }
        Op::Inc(by) => {
            let target = slot(doc, keys, name, &path)?;
            let current = match target {
                Value::Null if missing => Number::from(0),
                Value::Number(n) => n.clone(),
                _ => return Err(not_a_number(name, &path)),
            };
            *target = Value::Number(
                arithmetic(&current, by, |a, b| a + b, i64::checked_add)
                    .ok_or_else(|| out_of_range(name, &path))?,
            );
        }
        Op::Mul(by) => {
            let target = slot(doc, keys, name, &path)?;
            *target = Value::Number(match target {
                // MongoDB: $mul on a missing field sets it to 0.
                Value::Null if missing => Number::from(0),
                Value::Number(n) => arithmetic(n, by, |a, b| a * b, i64::checked_mul)
                    .ok_or_else(|| out_of_range(name, &path))?,
                _ => return Err(not_a_number(name, &path)),
            });
        }
        Op::Min(value) | Op::Max(value) => {
            let target = slot(doc, keys, name, &path)?;
            let order = crate::order::compare_values(value, target);
            let replace = missing
                || (matches!(op, Op::Min(_)) && order.is_lt())
                || (matches!(op, Op::Max(_)) && order.is_gt());
            if replace {
                *target = value.clone();
            }
        }
        Op::Rename(to) => rename(doc, keys, to, &path)?,
        Op::CurrentDate => *slot(doc, keys, name, &path)? = Value::from(now),
        Op::Push {
            each,
            position,
            sort,
            slice,
        } => push_into(
            array(doc, keys, name, &path)?,
            each,
            *position,
            sort.as_ref(),
            *slice,
        ),
        Op::AddToSet(values) => {
            let items = array(doc, keys, name, &path)?;
            for value in values {
                if !items.iter().any(|i| filter::eval::json_equal(i, value)) {
                    items.push(value.clone());
                }
            }
        }
        // Removing from what is not there changes nothing, unless the path could not even be
        // created (a scalar or an array in the way): MongoDB refuses that.
        Op::Pull(_) | Op::PullAll(_) | Op::Pop(_) if missing => viable(doc, keys, name, &path)?,
        Op::Pull(pull) => {
            let items = array(doc, keys, name, &path)?;
            items.retain(|item| !pulls(pull, item));
        }
        Op::PullAll(values) => {
            let items = array(doc, keys, name, &path)?;
            items.retain(|item| !values.iter().any(|v| filter::eval::json_equal(item, v)));
        }
        Op::Pop(last) => {
            let items = array(doc, keys, name, &path)?;
            if *last {
                items.pop();
            } else if !items.is_empty() {
                items.remove(0);
            }
        }
    }
    Ok(())
}

fn not_a_number(operator: &str, path: &str) -> Error {
    bad(
        operator,
        path,
        "a number in the document (it holds another type)",
    )
}

/// `$push`'s steps in MongoDB's order: insert at `$position` (or the end), then `$sort`, then
/// `$slice`.
fn push_into(
    items: &mut Vec<Value>,
    each: &[Value],
    position: Option<i64>,
    sort: Option<&PushSort>,
    slice: Option<i64>,
) {
    let at = match position {
        None => items.len(),
        Some(p) if p < 0 => items.len().saturating_sub(p.unsigned_abs() as usize),
        Some(p) => (p as usize).min(items.len()),
    };
    items.splice(at..at, each.iter().cloned());
    if let Some(how) = sort {
        sort::sort(items, how);
    }
    if let Some(n) = slice {
        let keep = n.unsigned_abs() as usize;
        if n >= 0 {
            items.truncate(keep);
        } else if items.len() > keep {
            items.drain(..items.len() - keep);
        }
    }
}

/// Whether `$pull` removes `item`.
fn pulls(pull: &Pull, item: &Value) -> bool {
    match pull {
        Pull::Equal(value) => filter::eval::json_equal(item, value),
        Pull::Condition(f) => {
            filter::eval::matches(f, &serde_json::json!({ "v": item })).unwrap_or(false)
        }
        Pull::Document(f) => item.is_object() && filter::eval::matches(f, item).unwrap_or(false),
    }
}

/// `$rename` as MongoDB has it: nothing to do when the source is missing (but an error when
/// its path is blocked), and neither path may go through an array.
fn rename(doc: &mut Value, from: &[String], to: &[String], path: &str) -> Result<(), Error> {
    viable(doc, from, "$rename", path)?;
    if exists(doc, from).is_none() {
        return Ok(());
    }
    if through_array(doc, from) {
        return Err(bad(
            "$rename",
            path,
            "a source field outside arrays (MongoDB: the source field cannot be an array element)",
        ));
    }
    let target = to.join(".");
    if through_array(doc, to) {
        return Err(bad(
            "$rename",
            &target,
            "a target field outside arrays (MongoDB: the destination field cannot be an array element)",
        ));
    }
    if let Some(value) = remove(doc, from) {
        *slot(doc, to, "$rename", &target)? = value;
    }
    Ok(())
}

/// `a` op `b`: exact in 64-bit integers where both are integers and the result fits, else in
/// doubles (as MongoDB computes). `None` when an operand or the result is not a finite double:
/// JSON has no infinity, and storing anything else would be a different answer.
fn arithmetic(
    a: &Number,
    b: &Number,
    float: impl Fn(f64, f64) -> f64,
    int: impl Fn(i64, i64) -> Option<i64>,
) -> Option<Number> {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        if let Some(r) = int(x, y) {
            return Some(Number::from(r));
        }
    }
    let x: f64 = a.to_string().parse().ok()?;
    let y: f64 = b.to_string().parse().ok()?;
    if !(x.is_finite() && y.is_finite()) {
        return None;
    }
    Number::from_f64(float(x, y))
}

fn out_of_range(operator: &str, path: &str) -> Error {
    Error::NumberOutOfRange {
        operator: operator.to_string(),
        path: path.to_string(),
    }
}

/// An array index in a path: digits only (`"01"` is 1, `"+1"` and `"-1"` are field names);
/// too many digits for a `usize` reads as an index past any array.
pub(super) fn index(key: &str) -> Option<usize> {
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(key.parse().unwrap_or(usize::MAX))
}

/// The child of `value` at `key`: a field of an object, an element of an array.
pub(super) fn child<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value {
        Value::Object(map) => map.get(key),
        Value::Array(items) => index(key).and_then(|i| items.get(i)),
        _ => None,
    }
}

/// The value at `keys`, if any (objects and array indexes).
fn exists<'a>(doc: &'a Value, keys: &[String]) -> Option<&'a Value> {
    keys.iter().try_fold(doc, |value, key| child(value, key))
}

/// Whether a value on the way to `keys` (not the last one) is an array.
fn through_array(doc: &Value, keys: &[String]) -> bool {
    let Some((_, parents)) = keys.split_last() else {
        return false;
    };
    let mut current = doc;
    for key in parents {
        match child(current, key) {
            Some(Value::Array(_)) => return true,
            Some(next) => current = next,
            None => return false,
        }
    }
    false
}

/// The error for a value in the way of a path: MongoDB's "Cannot create field 'b' in element
/// {a: 1}" (`PathNotViable`).
fn blocked(operator: &str, path: &str, by: JsonKind) -> Error {
    bad(
        operator,
        path,
        match by {
            JsonKind::Array => "a path through objects (an array is in the way)",
            JsonKind::Null => "a path through objects (null is in the way)",
            _ => "a path through objects (a scalar is in the way)",
        },
    )
}

/// Ok when `keys` exists in `doc` or could be created there; the error of [`blocked`] when a
/// value on the way can hold no such field (a scalar, null, or an array asked for a name).
fn viable(doc: &Value, keys: &[String], operator: &str, path: &str) -> Result<(), Error> {
    let mut current = doc;
    for key in keys {
        let holds = match current {
            Value::Object(_) => true,
            Value::Array(_) => index(key).is_some(),
            _ => false,
        };
        if !holds {
            return Err(blocked(operator, path, JsonKind::of(current)));
        }
        match child(current, key) {
            Some(next) => current = next,
            None => return Ok(()),
        }
    }
    Ok(())
}

/// How far past an array's end a path may set an element (the gap is filled with nulls).
const MAX_PADDING: usize = 10_000;

/// The slot at `keys`, created if missing: objects on the way, array indexes past the end padded
/// with nulls (MongoDB's rule); `Value::Null` when new. An existing value in the way that can
/// hold no such field (a scalar, null, an array asked for a name) is an error naming the path.
fn slot<'a>(
    doc: &'a mut Value,
    keys: &[String],
    operator: &str,
    path: &str,
) -> Result<&'a mut Value, Error> {
    let mut current = doc;
    for (i, key) in keys.iter().enumerate() {
        let fresh = if i + 1 == keys.len() {
            Value::Null
        } else {
            Value::Object(Map::new())
        };
        current = step(current, key, fresh, operator, path)?;
    }
    Ok(current)
}

/// One key down from `current`, creating the child as `fresh` when it is missing.
fn step<'a>(
    current: &'a mut Value,
    key: &str,
    fresh: Value,
    operator: &str,
    path: &str,
) -> Result<&'a mut Value, Error> {
    match current {
        Value::Object(map) => Ok(map.entry(key.to_string()).or_insert(fresh)),
        Value::Array(items) => match index(key) {
            // Padding with nulls is MongoDB's rule; past this it would only exhaust memory.
            Some(i) if i > items.len() + MAX_PADDING => Err(bad(
                operator,
                path,
                "an array index at most 10000 past the array's end",
            )),
            Some(i) => {
                if items.len() <= i {
                    items.resize(i, Value::Null);
                    items.push(fresh);
                }
                Ok(&mut items[i])
            }
            None => Err(blocked(operator, path, JsonKind::Array)),
        },
        other => Err(blocked(operator, path, JsonKind::of(other))),
    }
}

/// The array at `keys`, created empty if missing. A value that is there and is not an array
/// (null included) is an error, as in MongoDB.
fn array<'a>(
    doc: &'a mut Value,
    keys: &[String],
    operator: &str,
    path: &str,
) -> Result<&'a mut Vec<Value>, Error> {
    let missing = exists(doc, keys).is_none();
    let target = slot(doc, keys, operator, path)?;
    if missing {
        *target = Value::Array(Vec::new());
    }
    match target {
        Value::Array(items) => Ok(items),
        _ => Err(bad(
            operator,
            path,
            "an array in the document (it holds another type)",
        )),
    }
}

fn remove(doc: &mut Value, keys: &[String]) -> Option<Value> {
    let (last, parents) = keys.split_last()?;
    let mut current = doc;
    for key in parents {
        current = match current {
            Value::Object(map) => map.get_mut(key)?,
            Value::Array(items) => items.get_mut(index(key)?)?,
            _ => return None,
        };
    }
    match current {
        Value::Object(map) => map.remove(last),
        Value::Array(items) => {
            // MongoDB's $unset on an array element sets it to null (the array keeps its length).
            let slot = items.get_mut(index(last)?)?;
            Some(std::mem::replace(slot, Value::Null))
        }
        _ => None,
    }
}
