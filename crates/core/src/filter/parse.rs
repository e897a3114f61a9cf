//! Filter JSON → [`Filter`].

use serde_json::{Map, Value};

use super::ast::{CmpOp, Cond, ElemMatch, Filter, Path};
use crate::{Error, JsonKind};

/// How deeply `$and`/`$or`/`$nor`/`$elemMatch`/`$not` may nest.
pub const MAX_DEPTH: usize = 64;

/// Parses a filter (a JSON object). `{}` is `And([])`: every document.
pub fn parse(filter: &Value) -> Result<Filter, Error> {
    match filter {
        Value::Object(map) => document(map, "", 0),
        other => Err(Error::NotAnObject {
            argument: "filter",
            found: JsonKind::of(other),
        }),
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Object(_) | Value::Array(_))
}

fn bad(operator: &str, path: &str, expected: &'static str) -> Error {
    Error::BadOperand {
        operator: operator.to_string(),
        path: path.to_string(),
        expected,
    }
}

/// `prefix` is the path of the enclosing `$elemMatch` (for messages), "" at the top level.
fn document(map: &Map<String, Value>, prefix: &str, depth: usize) -> Result<Filter, Error> {
    if depth > MAX_DEPTH {
        return Err(Error::TooDeep {
            path: prefix.to_string(),
            max: MAX_DEPTH,
        });
    }
    let mut parts = Vec::with_capacity(map.len());
    for (key, value) in map {
        parts.push(match key.as_str() {
            // MongoDB: a comment for the logs, no condition.
            "$comment" => continue,
            // MongoDB: $expr only at the top level of the query (and in its $and/$or/$nor).
            "$expr" if prefix.is_empty() => Filter::Expr(super::expr::parse(value, depth + 1)?),
            "$expr" => {
                return Err(bad(
                    "$expr",
                    prefix,
                    "to stand at the top level of the filter (or in its $and, $or, $nor), not inside $elemMatch",
                ))
            }
            "$and" | "$or" | "$nor" => {
                let Value::Array(items) = value else {
                    return Err(bad(key, prefix, "a non-empty array of filter objects"));
                };
                if items.is_empty() {
                    return Err(bad(key, prefix, "a non-empty array of filter objects"));
                }
                let filters = items
                    .iter()
                    .map(|item| match item {
                        Value::Object(m) => document(m, prefix, depth + 1),
                        _ => Err(bad(key, prefix, "a non-empty array of filter objects")),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                match key.as_str() {
                    "$and" => Filter::And(filters),
                    "$or" => Filter::Or(filters),
                    _ => Filter::Nor(filters),
                }
            }
            op if op.starts_with('$') => {
                return Err(Error::UnknownOperator {
                    operator: op.to_string(),
                    path: prefix.to_string(),
                })
            }
            field => {
                let path = path(field, prefix)?;
                let dotted = join(prefix, field);
                Filter::Field(path, condition(value, &dotted, depth)?)
            }
        });
    }
    Ok(if parts.len() == 1 {
        parts.pop().expect("one part")
    } else {
        Filter::And(parts)
    })
}

fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_string()
    } else {
        format!("{prefix}.{field}")
    }
}

fn path(field: &str, prefix: &str) -> Result<Path, Error> {
    Path::parse(field).map_err(|e| match e {
        Error::BadPath { .. } => Error::BadPath {
            path: join(prefix, field),
        },
        other => other,
    })
}

/// A regular expression: `$regex`'s pattern and the `$options` beside it.
fn regex(pattern: &Value, options: Option<&Value>, path: &str) -> Result<Cond, Error> {
    let Value::String(pattern) = pattern else {
        return Err(bad("$regex", path, "a string"));
    };
    let flags = match options {
        None => String::new(),
        Some(Value::String(f)) if f.chars().all(|c| "imsx".contains(c)) => {
            let mut f: Vec<char> = f.chars().collect();
            f.sort_unstable();
            f.dedup();
            f.into_iter().collect()
        }
        Some(_) => return Err(bad("$options", path, "a string of the flags i, m, s and x")),
    };
    // PostgreSQL's path regexes lack "x": strip the pattern here instead. Then MongoDB's PCRE
    // syntax becomes the ARE that matches the same strings (super::regex).
    let (pattern, flags) = if flags.contains('x') {
        (extended(pattern), flags.replace('x', ""))
    } else {
        (pattern.clone(), flags)
    };
    Ok(Cond::Regex {
        pattern: super::regex::to_are(&pattern, flags.contains('m'), path)?,
        flags,
    })
}

/// `$mod`'s `[divisor, remainder]`, as MongoDB reads them: numbers truncated toward zero that
/// fit in 64-bit integers, the divisor not 0.
fn modulo(operand: &Value, path: &str) -> Result<Cond, Error> {
    const EXPECTED: &str = "[divisor, remainder]: two numbers within 64-bit integers (truncated toward zero), the divisor not 0";
    let integer = |value: &Value| -> Option<i64> {
        let Value::Number(n) = value else {
            return None;
        };
        if let Some(i) = n.as_i64() {
            return Some(i);
        }
        let x: f64 = n.to_string().parse().ok()?;
        // -2^63 <= trunc(x) < 2^63
        (x.is_finite() && x > -9_223_372_036_854_775_809.0 && x < 9_223_372_036_854_775_808.0)
            .then(|| x.trunc() as i64)
    };
    match operand {
        Value::Array(items) if items.len() == 2 => match (integer(&items[0]), integer(&items[1])) {
            (Some(divisor), Some(remainder)) if divisor != 0 => {
                Ok(Cond::Mod { divisor, remainder })
            }
            _ => Err(bad("$mod", path, EXPECTED)),
        },
        _ => Err(bad("$mod", path, EXPECTED)),
    }
}

/// The condition a field's value states: a plain value or an object of operators.
fn condition(value: &Value, path: &str, depth: usize) -> Result<Cond, Error> {
    match value {
        Value::Object(map) if map.keys().any(|k| k.starts_with('$')) => {
            if let Some(plain) = map.keys().find(|k| !k.starts_with('$')) {
                return Err(Error::MixedOperators {
                    path: path.to_string(),
                    key: plain.clone(),
                });
            }
            operators(map, path, depth)
        }
        // MongoDB: an object or array value is exact equality (with the value, or with an
        // element of an array there), as {"$eq": …}.
        Value::Object(_) | Value::Array(_) => Ok(Cond::EqStructure(value.clone())),
        scalar => Ok(Cond::Eq(scalar.clone())),
    }
}

fn operators(map: &Map<String, Value>, path: &str, depth: usize) -> Result<Cond, Error> {
    if depth > MAX_DEPTH {
        return Err(Error::TooDeep {
            path: path.to_string(),
            max: MAX_DEPTH,
        });
    }
    let mut conds = Vec::with_capacity(map.len());
    for (op, operand) in map {
        let cond = match op.as_str() {
            "$eq" => eq(operand),
            "$ne" => Cond::Not(Box::new(eq(operand))),
            "$gt" | "$gte" | "$lt" | "$lte" => {
                let cmp = match op.as_str() {
                    "$gt" => CmpOp::Gt,
                    "$gte" => CmpOp::Gte,
                    "$lt" => CmpOp::Lt,
                    _ => CmpOp::Lte,
                };
                // MongoDB's type brackets: a comparison only meets values of the operand's
                // type. null's bracket is null and missing: $gte/$lte null are $eq null,
                // $gt/$lt null match nothing.
                match operand {
                    Value::Null if matches!(cmp, CmpOp::Gte | CmpOp::Lte) => Cond::Eq(Value::Null),
                    Value::Null => Cond::In(Vec::new()),
                    Value::Object(_) | Value::Array(_) => Cond::CmpStructure(cmp, operand.clone()),
                    scalar => Cond::Cmp(cmp, scalar.clone()),
                }
            }
            "$in" | "$nin" => {
                let Value::Array(values) = operand else {
                    return Err(bad(op, path, "an array"));
                };
                // Scalars by equality (one path predicate); regular expressions
                // ({"$regex": …, "$options": …}, MongoDB's extended JSON) as $regex; other
                // objects and arrays by exact equality. MongoDB refuses operators inside $in.
                let (scalars, structured): (Vec<Value>, Vec<Value>) =
                    values.iter().cloned().partition(is_scalar);
                let mut any = Vec::new();
                for value in structured {
                    match &value {
                        Value::Object(m) if m.keys().any(|k| k.starts_with('$')) => {
                            if !is_regex_object(m) {
                                return Err(bad(
                                    op,
                                    path,
                                    "an array of values and regular expressions ({\"$regex\": …, \"$options\": …}); no other operator may stand inside it",
                                ));
                            }
                            any.push(regex(&m["$regex"], m.get("$options"), path)?);
                        }
                        _ => any.push(Cond::EqStructure(value)),
                    }
                }
                let cond = if any.is_empty() {
                    Cond::In(scalars)
                } else {
                    any.insert(0, Cond::In(scalars));
                    Cond::Any(any)
                };
                if op == "$in" {
                    cond
                } else {
                    Cond::Not(Box::new(cond))
                }
            }
            "$exists" => match operand {
                Value::Bool(b) => Cond::Exists(*b),
                _ => return Err(bad(op, path, "true or false")),
            },
            "$type" => Cond::Type(types(operand, path)?),
            "$regex" => regex(operand, map.get("$options"), path)?,
            "$options" => {
                if map.contains_key("$regex") {
                    continue;
                }
                return Err(bad(op, path, "to stand beside $regex"));
            }
            "$mod" => modulo(operand, path)?,
            "$size" => match operand.as_u64() {
                Some(n) => Cond::Size(n),
                None => return Err(bad(op, path, "a non-negative integer")),
            },
            "$all" => {
                let Value::Array(values) = operand else {
                    return Err(bad(op, path, "an array"));
                };
                let elem_match = |v: &Value| matches!(v, Value::Object(m) if m.len() == 1 && m.contains_key("$elemMatch"));
                if values.is_empty() {
                    // MongoDB: {$all: []} matches no document.
                    Cond::In(Vec::new())
                } else if values.iter().all(elem_match) {
                    // {"$all": [{"$elemMatch": …}, …]}: every one of them.
                    let mut conds = Vec::with_capacity(values.len());
                    for value in values {
                        let Value::Object(m) = value else {
                            unreachable!("checked to be objects")
                        };
                        conds.push(operators(m, path, depth + 1)?);
                    }
                    Cond::All(conds)
                } else if values.iter().any(elem_match) {
                    return Err(bad(
                        op,
                        path,
                        "values, or only {\"$elemMatch\": …} objects (MongoDB does not mix them)",
                    ));
                } else {
                    // Values by equality; regular expressions ({"$regex": …}) as $regex.
                    let mut conds = Vec::with_capacity(values.len());
                    for value in values {
                        conds.push(match value {
                            Value::Object(m) if is_regex_object(m) => {
                                regex(&m["$regex"], m.get("$options"), path)?
                            }
                            value => eq(value),
                        });
                    }
                    Cond::All(conds)
                }
            }
            "$elemMatch" => {
                let Value::Object(inner) = operand else {
                    return Err(bad(op, path, "an object"));
                };
                // {} is the document form (MongoDB: any element that is an object or array).
                let on_value = !inner.is_empty()
                    && inner.keys().all(|k| {
                        k.starts_with('$') && !matches!(k.as_str(), "$and" | "$or" | "$nor")
                    });
                if on_value {
                    match operators(inner, path, depth + 1)? {
                        Cond::All(conds) => Cond::ElemMatch(ElemMatch::Value(conds)),
                        cond => Cond::ElemMatch(ElemMatch::Value(vec![cond])),
                    }
                } else {
                    Cond::ElemMatch(ElemMatch::Document(Box::new(document(
                        inner,
                        path,
                        depth + 1,
                    )?)))
                }
            }
            "$not" => match operand {
                Value::Object(inner)
                    if !inner.is_empty() && inner.keys().all(|k| k.starts_with('$')) =>
                {
                    Cond::Not(Box::new(operators(inner, path, depth + 1)?))
                }
                _ => return Err(bad(op, path, "an object of operators")),
            },
            other => {
                return Err(Error::UnknownOperator {
                    operator: other.to_string(),
                    path: path.to_string(),
                })
            }
        };
        conds.push(cond);
    }
    Ok(if conds.len() == 1 {
        conds.pop().expect("one condition")
    } else {
        Cond::All(conds)
    })
}

/// `{"$regex": …}` or `{"$regex": …, "$options": …}`: MongoDB's extended JSON for `/…/flags`.
fn is_regex_object(m: &Map<String, Value>) -> bool {
    m.contains_key("$regex") && m.keys().all(|k| k == "$regex" || k == "$options")
}

fn eq(operand: &Value) -> Cond {
    if is_scalar(operand) {
        Cond::Eq(operand.clone())
    } else {
        Cond::EqStructure(operand.clone())
    }
}

fn types(operand: &Value, path: &str) -> Result<Vec<JsonKind>, Error> {
    let names: Vec<&Value> = match operand {
        Value::Array(items) if !items.is_empty() => items.iter().collect(),
        Value::String(_) | Value::Number(_) => vec![operand],
        _ => {
            return Err(bad(
                "$type",
                path,
                "a type name or a non-empty array of type names",
            ))
        }
    };
    names
        .into_iter()
        .map(|name| match (name.as_str(), name.as_i64()) {
            // MongoDB's type names, and its BSON type numbers for them.
            (Some("string"), _) | (_, Some(2)) => Ok(JsonKind::String),
            (Some("number" | "double" | "int" | "long" | "decimal"), _)
            | (_, Some(1 | 16 | 18 | 19)) => Ok(JsonKind::Number),
            (Some("boolean" | "bool"), _) | (_, Some(8)) => Ok(JsonKind::Boolean),
            (Some("object"), _) | (_, Some(3)) => Ok(JsonKind::Object),
            (Some("array"), _) | (_, Some(4)) => Ok(JsonKind::Array),
            (Some("null"), _) | (_, Some(10)) => Ok(JsonKind::Null),
            _ => Err(bad(
                "$type",
                path,
                "the type names string, number (double, int, long, decimal), boolean (bool), object, array or null, or their BSON numbers 2, 1 (16, 18, 19), 8, 3, 4, 10",
            )),
        })
        .collect()
}

/// The `x` ("extended") option: whitespace and `#` comments (to the end of the line) outside
/// character classes are not part of the pattern; escaped characters are kept.
fn extended(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '#' if !in_class => {
                for skipped in chars.by_ref() {
                    if skipped == '\n' {
                        break;
                    }
                }
            }
            c if c.is_whitespace() && !in_class => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::extended;

    #[test]
    fn extended_patterns_drop_whitespace_and_comments_outside_classes() {
        assert_eq!(extended("j o u r"), "jour");
        assert_eq!(extended("a b # comment\n c"), "abc");
        assert_eq!(extended("[ a]\\ b"), "[ a]\\ b");
    }
}
