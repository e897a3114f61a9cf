//! Update operators (`docstore_patch`): parse an update document, then apply it to a document.
//!
//! Applied inside PostgreSQL by the immutable function `docstore.apply_update(data, update, now)`
//! in `UPDATE … SET data = docstore.apply_update(data, $3, $4)`, so every patch is one row-locked
//! statement. The parse step runs first, on its own, so a malformed update is refused (22023)
//! before any row is touched.
//!
//! Paths may hold MongoDB's array-element keys: `$[]` (every element), `$[<identifier>]` (the
//! elements an arrayFilters entry matches, [`parse_array_filters`]) and `$` (the element the
//! query matched); [`apply_with`] takes what they refer to in an [`ApplyContext`]. The tests in
//! `update/mongodb.rs` hold this module to MongoDB's own tests and manual.

use serde_json::{Map, Number, Value};

use crate::filter::{self, Filter};
use crate::{Error, JsonKind};

mod paths;
mod sort;

pub use paths::{check_array_filters, parse_array_filters, ApplyContext};
pub use sort::PushSort;

/// One operator on one path.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Set(Value),
    Unset,
    Inc(Number),
    Mul(Number),
    Min(Value),
    Max(Value),
    Rename(Vec<String>),
    CurrentDate,
    /// `$push`: insert `each` at `position` (the end by default), then `sort`, then `slice`.
    Push {
        each: Vec<Value>,
        position: Option<i64>,
        sort: Option<PushSort>,
        slice: Option<i64>,
    },
    Pull(Pull),
    PullAll(Vec<Value>),
    AddToSet(Vec<Value>),
    Pop(bool),
}

/// What `$pull` removes.
#[derive(Debug, Clone, PartialEq)]
pub enum Pull {
    /// Elements equal to this value.
    Equal(Value),
    /// Elements meeting a condition (`{"$gte": 6}`), held as a filter on `{"v": element}`.
    Condition(Filter),
    /// Object elements matching a filter (`{"score": 8, "item": "B"}`).
    Document(Filter),
}

/// A parsed update: (operator name, path, operation), in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct Update(pub Vec<(&'static str, Vec<String>, Op)>);

impl Update {
    /// Whether a path has the positional `$` (the element the query matched).
    pub fn has_positional(&self) -> bool {
        self.0
            .iter()
            .any(|(_, keys, _)| keys.iter().any(|k| k == "$"))
    }

    /// The update as `data || set - unset` when it only sets and unsets top-level keys (the
    /// common case): PostgreSQL's own jsonb operators then do the work, with no round trip of
    /// the document through Rust. `None` for anything else.
    pub fn as_merge(&self) -> Option<(Value, Vec<String>)> {
        let mut set = Map::new();
        let mut unset = Vec::new();
        for (_, keys, op) in &self.0 {
            let [key] = keys.as_slice() else { return None };
            match op {
                Op::Set(value) => {
                    set.insert(key.clone(), value.clone());
                }
                Op::Unset => unset.push(key.clone()),
                _ => return None,
            }
        }
        Some((Value::Object(set), unset))
    }
}

const OPERATORS: &str =
    "$set $unset $inc $mul $min $max $rename $currentDate $push $pull $pullAll $addToSet $pop";

fn bad(operator: &str, path: &str, expected: &'static str) -> Error {
    Error::BadOperand {
        operator: operator.to_string(),
        path: path.to_string(),
        expected,
    }
}

fn split(path: &str) -> Result<Vec<String>, Error> {
    crate::filter::Path::parse(path).map(|p| p.0)
}

fn number(value: &Value, operator: &str, path: &str) -> Result<Number, Error> {
    match value {
        Value::Number(n) => Ok(n.clone()),
        _ => Err(bad(operator, path, "a number")),
    }
}

/// Parses an update document: every key an operator, each with an object of paths.
pub fn parse(update: &Value) -> Result<Update, Error> {
    let Value::Object(map) = update else {
        return Err(Error::NotAnObject {
            argument: "update",
            found: crate::JsonKind::of(update),
        });
    };
    if map.is_empty() {
        return Err(Error::BadOperand {
            operator: "update".into(),
            path: String::new(),
            expected: "at least one operator",
        });
    }
    let mut ops: Vec<(&'static str, Vec<String>, Op)> = Vec::new();
    for (operator, fields) in map {
        let name: &'static str = match operator.as_str() {
            "$set" => "$set",
            "$unset" => "$unset",
            "$inc" => "$inc",
            "$mul" => "$mul",
            "$min" => "$min",
            "$max" => "$max",
            "$rename" => "$rename",
            "$currentDate" => "$currentDate",
            "$push" => "$push",
            "$pull" => "$pull",
            "$pullAll" => "$pullAll",
            "$addToSet" => "$addToSet",
            "$pop" => "$pop",
            other if other.starts_with('$') => {
                return Err(Error::UnknownOperator {
                    operator: other.to_string(),
                    path: String::new(),
                })
            }
            plain => {
                return Err(Error::MixedUpdate {
                    key: plain.to_string(),
                    allowed: OPERATORS,
                })
            }
        };
        let Value::Object(fields) = fields else {
            return Err(bad(name, "", "an object of paths"));
        };
        for (path, arg) in fields {
            let keys = split(path)?;
            if name == "$rename" && keys.iter().any(|k| paths::is_dynamic(k)) {
                return Err(bad(
                    name,
                    path,
                    "a source path without $, $[] or $[<identifier>] (MongoDB: the source field for $rename may not be dynamic)",
                ));
            }
            paths::check(name, &keys, path)?;
            let op = match name {
                "$set" => Op::Set(arg.clone()),
                "$unset" => Op::Unset,
                "$inc" => Op::Inc(number(arg, name, path)?),
                "$mul" => Op::Mul(number(arg, name, path)?),
                "$min" => Op::Min(arg.clone()),
                "$max" => Op::Max(arg.clone()),
                "$rename" => rename_target(arg, &keys, path)?,
                "$currentDate" => match arg {
                    Value::Bool(true) => Op::CurrentDate,
                    Value::Object(o) if o.get("$type").and_then(Value::as_str) == Some("date") => {
                        Op::CurrentDate
                    }
                    _ => return Err(bad(name, path, "true (an ISO 8601 timestamp is stored)")),
                },
                "$push" => push(arg, path)?,
                "$addToSet" => match arg {
                    Value::Object(o) if o.contains_key("$each") => {
                        match (o.len(), o.get("$each")) {
                            (1, Some(Value::Array(each))) => Op::AddToSet(each.clone()),
                            _ => {
                                return Err(bad(name, path, "{\"$each\": [...]} and nothing else"))
                            }
                        }
                    }
                    value => Op::AddToSet(vec![value.clone()]),
                },
                "$pull" => Op::Pull(pull(arg, path)?),
                "$pullAll" => match arg {
                    Value::Array(values) => Op::PullAll(values.clone()),
                    _ => return Err(bad(name, path, "an array")),
                },
                "$pop" => match integer(arg) {
                    Some(1) => Op::Pop(true),
                    Some(-1) => Op::Pop(false),
                    _ => return Err(bad(name, path, "1 (last) or -1 (first)")),
                },
                _ => unreachable!("every operator is matched above"),
            };
            for (other_name, other_keys, other_op) in &ops {
                let targets = |k: &[String], o: &Op| -> Vec<Vec<String>> {
                    match o {
                        Op::Rename(to) => vec![k.to_vec(), to.clone()],
                        _ => vec![k.to_vec()],
                    }
                };
                for a in targets(&keys, &op) {
                    for b in targets(other_keys, other_op) {
                        if paths::conflict(&a, &b) {
                            return Err(Error::ConflictingUpdate {
                                first: format!("{other_name} {}", b.join(".")),
                                second: format!("{name} {}", a.join(".")),
                            });
                        }
                    }
                }
            }
            ops.push((name, keys, op));
        }
    }
    Ok(Update(ops))
}

/// What `$pull` removes, read as MongoDB reads it (`PullNode::init`): an object whose first key
/// is an operator on a value (`$gte`, `$in`, `$elemMatch`, …) is a condition on each element;
/// any other object (fields, `$and`/`$or`/`$nor`, or `{}`) is a filter on each element that is
/// an object; anything else is a value to remove where equal.
fn pull(arg: &Value, path: &str) -> Result<Pull, Error> {
    let Value::Object(o) = arg else {
        return Ok(Pull::Equal(arg.clone()));
    };
    let on_value = o.keys().next().is_some_and(|first| {
        first.starts_with('$') && !matches!(first.as_str(), "$and" | "$or" | "$nor" | "$comment")
    });
    let parsed = if on_value {
        // Parsed at the pull's own path, so that errors name it; evaluated on {"v": element}.
        let at = if path.starts_with('$') { "v" } else { path };
        match filter::parse(&serde_json::json!({ at: arg }))? {
            Filter::Field(_, cond) => {
                Pull::Condition(Filter::Field(filter::Path(vec!["v".into()]), cond))
            }
            _ => return Err(bad("$pull", path, "a condition on the elements")),
        }
    } else {
        Pull::Document(filter::parse(arg)?)
    };
    let (Pull::Condition(f) | Pull::Document(f)) = &parsed else {
        return Ok(parsed);
    };
    // The evaluator of this crate has no regular expressions: refused, not silently unmatched.
    if !f.regexes().is_empty() {
        return Err(Error::Unsupported {
            what: "$regex inside $pull".into(),
            path: path.to_string(),
        });
    }
    Ok(parsed)
}

/// `$rename`'s target: a path other than the source and not on the same path (neither a prefix
/// of the other), as MongoDB requires.
fn rename_target(arg: &Value, from: &[String], path: &str) -> Result<Op, Error> {
    let Value::String(to) = arg else {
        return Err(bad("$rename", path, "the new path, a string"));
    };
    let to = split(to)?;
    if to.iter().any(|k| paths::is_dynamic(k)) {
        return Err(bad(
            "$rename",
            path,
            "a new path without $, $[] or $[<identifier>] (MongoDB: the destination field for $rename may not be dynamic)",
        ));
    }
    if to == from {
        return Err(bad("$rename", path, "a different path to rename to"));
    }
    if to.starts_with(from) || from.starts_with(&to) {
        return Err(bad(
            "$rename",
            path,
            "a new path not on the same path (neither may be a prefix of the other)",
        ));
    }
    Ok(Op::Rename(to))
}

/// An integer as MongoDB reads one for `$slice`, `$position` and `$pop`: a number with no
/// fractional part (`2.0` is 2, `2.1` is refused) within 64-bit integers.
fn integer(value: &Value) -> Option<i64> {
    let Value::Number(n) = value else {
        return None;
    };
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    let x: f64 = n.to_string().parse().ok()?;
    // -2^63 <= x < 2^63
    (x.fract() == 0.0 && (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x))
        .then_some(x as i64)
}

/// `$push`'s value: one value to append, or `{"$each": [...]}` with the modifiers `$position`,
/// `$sort` and `$slice`. The modifiers need `$each` (the manual: "To use the $sort modifier, it
/// must appear with the $each modifier"), so an object of them without it is refused rather
/// than appended as a value.
fn push(arg: &Value, path: &str) -> Result<Op, Error> {
    let one = |value: &Value| Op::Push {
        each: vec![value.clone()],
        position: None,
        sort: None,
        slice: None,
    };
    let Value::Object(o) = arg else {
        return Ok(one(arg));
    };
    if !o.contains_key("$each") {
        if o.keys()
            .any(|k| matches!(k.as_str(), "$position" | "$sort" | "$slice"))
        {
            return Err(bad(
                "$push",
                path,
                "$each beside $position, $sort and $slice (they modify the insertion of $each)",
            ));
        }
        return Ok(one(arg));
    }
    let mut each = Vec::new();
    let (mut position, mut sort, mut slice) = (None, None, None);
    for (k, v) in o {
        match (k.as_str(), v) {
            ("$each", Value::Array(items)) => each = items.clone(),
            ("$each", _) => return Err(bad("$push", path, "$each with an array")),
            ("$position", v) => {
                position = Some(
                    integer(v).ok_or_else(|| bad("$push", path, "$position with an integer"))?,
                )
            }
            ("$sort", v) => sort = Some(sort::parse(v, path)?),
            ("$slice", v) => {
                slice =
                    Some(integer(v).ok_or_else(|| bad("$push", path, "$slice with an integer"))?)
            }
            (other, _) => {
                return Err(Error::UnknownOperator {
                    operator: other.to_string(),
                    path: path.to_string(),
                })
            }
        }
    }
    Ok(Op::Push {
        each,
        position,
        sort,
        slice,
    })
}

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
fn index(key: &str) -> Option<usize> {
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(key.parse().unwrap_or(usize::MAX))
}

/// The child of `value` at `key`: a field of an object, an element of an array.
fn child<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
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

#[cfg(test)]
mod mongodb;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(doc: Value, update: Value) -> Value {
        apply(&doc, &parse(&update).unwrap(), "2026-01-01T00:00:00Z").unwrap()
    }

    fn refused(update: Value) -> String {
        let e = parse(&update).unwrap_err();
        format!("{}: {e}", e.sqlstate().code())
    }

    #[test]
    fn set_unset_inc_mul_min_max_rename_current_date() {
        let doc = json!({"a": 1, "b": {"c": 2}, "n": 5, "s": "x"});
        assert_eq!(
            run(doc.clone(), json!({"$set": {"b.d.e": 3, "a": [1]}})),
            json!({"a": [1], "b": {"c": 2, "d": {"e": 3}}, "n": 5, "s": "x"})
        );
        assert_eq!(
            run(doc.clone(), json!({"$unset": {"b.c": "", "zz": ""}})),
            json!({"a": 1, "b": {}, "n": 5, "s": "x"})
        );
        assert_eq!(
            run(doc.clone(), json!({"$inc": {"n": 2, "new": -1}})),
            json!({"a": 1, "b": {"c": 2}, "n": 7, "new": -1, "s": "x"})
        );
        assert_eq!(
            run(json!({"p": 10}), json!({"$inc": {"p": 0.5}})),
            json!({"p": 10.5})
        );
        assert_eq!(
            run(json!({"p": 10}), json!({"$mul": {"p": 1.5, "q": 2}})),
            json!({"p": 15.0, "q": 0})
        );
        assert_eq!(
            run(
                json!({"lo": 5, "hi": 5}),
                json!({"$min": {"lo": 3}, "$max": {"hi": 3}})
            ),
            json!({"lo": 3, "hi": 5})
        );
        assert_eq!(
            run(json!({"lo": 5}), json!({"$max": {"lo": 9, "new": 1}})),
            json!({"lo": 9, "new": 1})
        );
        assert_eq!(
            run(
                doc.clone(),
                json!({"$rename": {"s": "t.u", "missing": "m"}})
            ),
            json!({"a": 1, "b": {"c": 2}, "n": 5, "t": {"u": "x"}})
        );
        assert_eq!(
            run(json!({}), json!({"$currentDate": {"at": true}})),
            json!({"at": "2026-01-01T00:00:00Z"})
        );
    }

    #[test]
    fn array_operators_follow_mongodb_examples() {
        // $push with $each, $position, $slice (MongoDB manual examples).
        assert_eq!(
            run(
                json!({"scores": [44, 78, 38, 80]}),
                json!({"$push": {"scores": 89}})
            ),
            json!({"scores": [44, 78, 38, 80, 89]})
        );
        assert_eq!(
            run(
                json!({"scores": [100]}),
                json!({"$push": {"scores": {"$each": [50, 60, 70], "$position": 0}}})
            ),
            json!({"scores": [50, 60, 70, 100]})
        );
        assert_eq!(
            run(
                json!({"scores": [40, 50, 60]}),
                json!({"$push": {"scores": {"$each": [80, 78, 86], "$slice": -5}}})
            ),
            json!({"scores": [50, 60, 80, 78, 86]})
        );
        assert_eq!(
            run(
                json!({"s": [1, 2]}),
                json!({"$push": {"s": {"$each": [3], "$position": -1}}})
            ),
            json!({"s": [1, 3, 2]})
        );
        assert_eq!(
            run(json!({}), json!({"$push": {"new": {"$each": [1, 2]}}})),
            json!({"new": [1, 2]})
        );
        // $addToSet
        assert_eq!(
            run(
                json!({"tags": ["a", "b"]}),
                json!({"$addToSet": {"tags": {"$each": ["b", "c", "c"]}}})
            ),
            json!({"tags": ["a", "b", "c"]})
        );
        assert_eq!(
            run(json!({"n": [1]}), json!({"$addToSet": {"n": 1.0}})),
            json!({"n": [1]})
        );
        // $pull by value, by condition, by document; $pullAll; $pop
        assert_eq!(
            run(json!({"v": [1, 2, 3, 2]}), json!({"$pull": {"v": 2}})),
            json!({"v": [1, 3]})
        );
        assert_eq!(
            run(
                json!({"votes": [3, 5, 6, 7, 7, 8]}),
                json!({"$pull": {"votes": {"$gte": 6}}})
            ),
            json!({"votes": [3, 5]})
        );
        assert_eq!(
            run(
                json!({"results": [{"item": "A", "score": 5}, {"item": "B", "score": 8}]}),
                json!({"$pull": {"results": {"score": 8, "item": "B"}}})
            ),
            json!({"results": [{"item": "A", "score": 5}]})
        );
        assert_eq!(
            run(
                json!({"s": [0, 2, 5, 5, 1, 0]}),
                json!({"$pullAll": {"s": [0, 5]}})
            ),
            json!({"s": [2, 1]})
        );
        assert_eq!(
            run(json!({"s": [1, 2, 3]}), json!({"$pop": {"s": -1}})),
            json!({"s": [2, 3]})
        );
        assert_eq!(
            run(json!({"s": [1, 2, 3]}), json!({"$pop": {"s": 1}})),
            json!({"s": [1, 2]})
        );
        assert_eq!(
            run(json!({}), json!({"$pop": {"s": 1}, "$pull": {"t": 1}})),
            json!({})
        );
    }

    #[test]
    fn paths_longer_than_documents_nest_are_refused_before_any_recursion() {
        let long = vec!["a"; 100_000].join(".");
        for op in ["$set", "$inc", "$unset", "$push", "$rename"] {
            let value = if op == "$rename" {
                json!("b")
            } else {
                json!(1)
            };
            let message = refused(json!({ op: { long.clone(): value } }));
            assert!(
                message.contains("has 100000 keys; at most 100"),
                "{op}: {message}"
            );
        }
        let message = refused(json!({"$rename": {"a": long}}));
        assert!(message.contains("has 100000 keys"), "{message}");
        // 100 keys is still a path.
        let hundred = vec!["a"; 100].join(".");
        assert!(parse(&json!({"$set": { hundred: 1 }})).is_ok());
    }

    #[test]
    fn arithmetic_beyond_the_double_range_is_an_error_not_zero() {
        for (doc, update) in [
            (json!({"n": 1e308}), json!({"$inc": {"n": 1e308}})),
            (json!({"n": 1e308}), json!({"$mul": {"n": 10}})),
            (json!({"n": -1e308}), json!({"$inc": {"n": -1e308}})),
        ] {
            let update = parse(&update).unwrap();
            let error = apply(&doc, &update, "now").unwrap_err();
            assert_eq!(error.sqlstate().code(), "22003", "{error}");
            assert!(
                error.to_string().contains("out of the double range"),
                "{error}"
            );
        }
        // Large but finite stays exact where it can.
        assert_eq!(
            run(json!({"n": 9007199254740993i64}), json!({"$inc": {"n": 1}})),
            json!({"n": 9007199254740994i64})
        );
    }

    #[test]
    fn far_array_indexes_are_refused() {
        let err = apply(
            &json!({"a": []}),
            &parse(&json!({"$set": {"a.4000000000": 1}})).unwrap(),
            "now",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"$set at path "a.4000000000" expects an array index at most 10000 past the array's end"#
        );
    }

    #[test]
    fn array_indexes_in_paths() {
        assert_eq!(
            run(json!({"a": [1, 2]}), json!({"$set": {"a.1": 9, "a.3": 4}})),
            json!({"a": [1, 9, null, 4]})
        );
        assert_eq!(
            run(json!({"a": [{"b": 1}]}), json!({"$inc": {"a.0.b": 1}})),
            json!({"a": [{"b": 2}]})
        );
    }

    #[test]
    fn bad_updates_name_operator_and_path() {
        assert_eq!(
            refused(json!({"$foo": {"a": 1}})),
            r#"22023: unknown operator "$foo" at the top level"#
        );
        assert_eq!(
            refused(json!({"$set": {"a": 1}, "b": 2})),
            r#"22023: update must hold only operators, got the plain key "b" (operators: $set $unset $inc $mul $min $max $rename $currentDate $push $pull $pullAll $addToSet $pop)"#
        );
        assert_eq!(
            refused(json!({"$set": {"a.b": 1}, "$inc": {"a": 1}})),
            "22023: update operators conflict: $set a.b and $inc a touch the same path"
        );
        assert_eq!(
            refused(json!({"$set": {"a": 1}, "$rename": {"b": "a"}})),
            "22023: update operators conflict: $set a and $rename a touch the same path"
        );
        assert_eq!(
            refused(json!({"$inc": {"a": "1"}})),
            r#"22023: $inc at path "a" expects a number"#
        );
        assert_eq!(
            refused(json!({"$pop": {"a": 2}})),
            r#"22023: $pop at path "a" expects 1 (last) or -1 (first)"#
        );
        assert_eq!(
            refused(json!({})),
            "22023: update at the top level expects at least one operator"
        );
        assert_eq!(
            refused(json!({"$set": {"a..b": 1}})),
            r#"22023: invalid path "a..b": the keys of a dotted path must not be empty"#
        );
        let doc = json!({"s": "x", "n": 1});
        let err = |u: Value| {
            apply(&doc, &parse(&u).unwrap(), "now")
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(json!({"$inc": {"s": 1}})),
            r#"$inc at path "s" expects a number in the document (it holds another type)"#
        );
        assert_eq!(
            err(json!({"$push": {"n": 1}})),
            r#"$push at path "n" expects an array in the document (it holds another type)"#
        );
        assert_eq!(
            err(json!({"$set": {"s.t": 1}})),
            r#"$set at path "s.t" expects a path through objects (a scalar is in the way)"#
        );
    }

    #[test]
    fn top_level_set_and_unset_become_a_merge() {
        let u = parse(&json!({"$set": {"a": 1, "b": {"c": 2}}, "$unset": {"d": ""}})).unwrap();
        assert_eq!(
            u.as_merge(),
            Some((json!({"a": 1, "b": {"c": 2}}), vec!["d".to_string()]))
        );
        assert_eq!(
            parse(&json!({"$set": {"a.b": 1}})).unwrap().as_merge(),
            None
        );
        assert_eq!(parse(&json!({"$inc": {"a": 1}})).unwrap().as_merge(), None);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn scalar() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            (-5i64..5).prop_map(Value::from),
            Just(json!(1.5)),
            "[a-c]{0,2}".prop_map(Value::from),
        ]
    }

    fn value() -> impl Strategy<Value = Value> {
        scalar().prop_recursive(2, 12, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
                prop::collection::btree_map("[a-c]", inner, 0..3)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn path() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-c]",
            "[a-c]\\.[a-c]",
            "[a-c]\\.[0-2]",
            Just("$x".to_string()),
            Just("a..b".to_string()),
            // Array-element keys, well placed or not.
            "[a-c]\\.\\$(\\.[a-c])?",
            "[a-c]\\.\\$\\[\\](\\.[a-c])?",
            "[a-c]\\.\\$\\[[ij]\\](\\.[a-c])?",
            "[a-c]\\.\\$\\[\\]\\.\\$\\[[ij]\\]",
            Just("$[]".to_string()),
            Just("$".to_string()),
            Just("a.$[I]".to_string()),
            Just("a.$[i".to_string()),
            Just("a.$.b.$".to_string()),
        ]
    }

    /// arrayFilters: mostly well formed (`[{"i": …}, {"j.b": …}]`), sometimes not.
    fn array_filters() -> impl Strategy<Value = Value> {
        let key = prop_oneof![
            Just("i"),
            Just("j"),
            Just("i.a"),
            Just("j.b"),
            Just("I"),
            Just("$or"),
            Just("$and"),
            Just("$i"),
        ];
        let entry = prop::collection::btree_map(key, value(), 0..3)
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()));
        prop_oneof![
            4 => prop::collection::vec(entry, 0..3).prop_map(Value::from),
            1 => value(),
        ]
    }

    /// A query for `$`: conditions on the paths the updates use.
    fn query() -> impl Strategy<Value = Value> {
        prop::collection::btree_map(path(), value(), 0..3)
            .prop_map(|m| Value::Object(m.into_iter().collect()))
    }

    fn update() -> impl Strategy<Value = Value> {
        let op = prop_oneof![
            Just("$set"),
            Just("$unset"),
            Just("$inc"),
            Just("$mul"),
            Just("$min"),
            Just("$max"),
            Just("$rename"),
            Just("$currentDate"),
            Just("$push"),
            Just("$pull"),
            Just("$pullAll"),
            Just("$addToSet"),
            Just("$pop"),
            Just("$bogus"),
            Just("plain")
        ];
        prop::collection::vec((op, prop::collection::vec((path(), value()), 1..3)), 1..3).prop_map(
            |ops| {
                Value::Object(
                    ops.into_iter()
                        .map(|(op, fields)| {
                            (op.to_string(), Value::Object(fields.into_iter().collect()))
                        })
                        .collect(),
                )
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]
        /// Any update either parses or is a typed error; a parsed one either applies or is a
        /// typed error; nothing panics, and a failed apply leaves no partial result to use.
        #[test]
        fn updates_parse_and_apply_or_fail_cleanly(doc in value(), update in update()) {
            let doc = match doc { Value::Object(_) => doc, other => json!({"v": other}) };
            match parse(&update) {
                Ok(parsed) => {
                    if let Err(e) = apply(&doc, &parsed, "now") {
                        prop_assert_eq!(e.sqlstate().code(), "22023");
                    }
                }
                Err(e) => prop_assert_eq!(e.sqlstate().code(), "22023"),
            }
        }

        /// With arrayFilters and a query for `$`, whatever they hold: each parses or is a typed
        /// error, and the update applies or is a typed error; nothing panics.
        #[test]
        fn array_element_updates_apply_or_fail_cleanly(
            doc in value(),
            update in update(),
            filters in array_filters(),
            query in query(),
        ) {
            let doc = match doc { Value::Object(_) => doc, other => json!({"a": [other]}) };
            let array_filters = match parse_array_filters(&filters) {
                Ok(f) => f,
                Err(e) => {
                    prop_assert!(["22023", "0A000"].contains(&e.sqlstate().code()), "{}", e);
                    Vec::new()
                }
            };
            let positional = filter::parse(&query).ok();
            let context = ApplyContext { array_filters, positional };
            if let Ok(parsed) = parse(&update) {
                if let Err(e) = check_array_filters(&parsed, &context.array_filters) {
                    prop_assert_eq!(e.sqlstate().code(), "22023");
                }
                if let Err(e) = apply_with(&doc, &parsed, "now", &context) {
                    prop_assert!(["22023", "22003"].contains(&e.sqlstate().code()), "{}", e);
                }
            }
        }

        /// $set then reading the path gives the value; $unset then the key is gone; the merge
        /// form of a top-level update gives the same document as the applier.
        #[test]
        fn set_and_unset_do_what_they_say(doc in value(), key in "[a-c]", v in value()) {
            let doc = match doc { Value::Object(_) => doc, other => json!({"v": other}) };
            let set = parse(&json!({"$set": {key.clone(): v.clone()}})).unwrap();
            let after = apply(&doc, &set, "now").unwrap();
            prop_assert_eq!(after.get(&key), Some(&v));
            let (merge, _) = set.as_merge().unwrap();
            let mut merged = doc.as_object().unwrap().clone();
            merged.extend(merge.as_object().unwrap().clone());
            prop_assert_eq!(&Value::Object(merged), &after);
            let unset = parse(&json!({"$unset": {key.clone(): ""}})).unwrap();
            let after = apply(&after, &unset, "now").unwrap();
            prop_assert!(after.get(&key).is_none());
        }
    }
}
