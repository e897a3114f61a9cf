//! Update document JSON → [`Update`]: every operator, path and operand checked before any row
//! is touched (22023 naming the operator and the path).

use serde_json::Value;

use super::{bad, number, split, Op, Pull, Update, OPERATORS};
use super::{paths, sort};
use crate::filter::{self, Filter};
use crate::Error;

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
