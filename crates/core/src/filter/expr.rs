//! `$expr`: MongoDB's aggregation expressions inside a filter (`{"$expr": {"$gt": ["$spent",
//! "$budget"]}}`), parsed into [`Expr`], compiled to one SQL expression over the document, and
//! evaluated the same way by [`eval`] (the reference the differential test compares with).
//!
//! The SQL states every operator itself (`CASE`, `AND`, `jsonb_build_array`); what SQL cannot
//! state as MongoDB means it is one call each of three immutable helpers, which share this
//! module's code with the evaluator: `docstore.expr_path` (a field path through arrays, as
//! aggregation reads it), `docstore.expr_compare` (the total order of values, missing below
//! null) and `docstore.expr_op` (arithmetic, `$abs`, `$size`, `$in`, with MongoDB's type rules).
//! A value is jsonb, and SQL NULL stands for "missing".
//!
//! Semantics, as MongoDB's aggregation (not its query operators): comparisons use the total
//! order of values across types (no type brackets; `"$a.b"` over an array of objects is the
//! array of their `b`s, compared as one value); a missing field is below null and equal only to
//! another missing field; `false`, `null`, missing and `0` are false, everything else (`""`,
//! `[]`, `{}`) is true; arithmetic on null or missing is null; on another non-number it is an
//! error (22023), as is `$divide`/`$mod` by zero (22012) and `$size` of a non-array — MongoDB
//! fails the query in each case.

use serde_json::{Map, Number, Value};

use super::ast::Path;
use crate::order::compare_values;
use crate::sql::{Param, Params};
use crate::{Error, JsonKind};

/// An aggregation expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A constant (`5`, `"x"`, `{"$literal": "$notapath"}`).
    Literal(Value),
    /// `"$a.b"`: the value at a path, as aggregation reads it (see [`path_value`]).
    Path(Path),
    /// `"$$ROOT"`, `"$$CURRENT"`: the document.
    Root,
    /// `[e, …]`: an array of values (a missing one is null).
    Array(Vec<Expr>),
    /// `$eq` … `$lte`: two values in the total order.
    Compare(Comparison, Box<Expr>, Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    /// `$cond`: if, then, else.
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `$ifNull`: the first that is neither null nor missing, else the last.
    IfNull(Vec<Expr>),
    /// Arithmetic and the other value operators ([`Op`]): left-folded over the arguments.
    Op(Op, Vec<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    Eq,
    Ne,
    Gt,
    Gte,
    Lt,
    Lte,
}

impl Comparison {
    fn sql(self) -> &'static str {
        match self {
            Comparison::Eq => "=",
            Comparison::Ne => "<>",
            Comparison::Gt => ">",
            Comparison::Gte => ">=",
            Comparison::Lt => "<",
            Comparison::Lte => "<=",
        }
    }

    fn holds(self, ordering: std::cmp::Ordering) -> bool {
        match self {
            Comparison::Eq => ordering.is_eq(),
            Comparison::Ne => ordering.is_ne(),
            Comparison::Gt => ordering.is_gt(),
            Comparison::Gte => ordering.is_ge(),
            Comparison::Lt => ordering.is_lt(),
            Comparison::Lte => ordering.is_le(),
        }
    }
}

/// The operators `docstore.expr_op` computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Subtract,
    Multiply,
    Divide,
    Mod,
    Abs,
    Size,
    In,
}

impl Op {
    pub fn name(self) -> &'static str {
        match self {
            Op::Add => "$add",
            Op::Subtract => "$subtract",
            Op::Multiply => "$multiply",
            Op::Divide => "$divide",
            Op::Mod => "$mod",
            Op::Abs => "$abs",
            Op::Size => "$size",
            Op::In => "$in",
        }
    }

    fn from_name(name: &str) -> Option<Op> {
        Some(match name {
            "$add" => Op::Add,
            "$subtract" => Op::Subtract,
            "$multiply" => Op::Multiply,
            "$divide" => Op::Divide,
            "$mod" => Op::Mod,
            "$abs" => Op::Abs,
            "$size" => Op::Size,
            "$in" => Op::In,
            _ => return None,
        })
    }
}

fn bad(operator: &str, expected: &'static str) -> Error {
    Error::BadOperand {
        operator: operator.to_string(),
        path: String::new(),
        expected,
    }
}

/// Parses an aggregation expression. `depth` bounds the nesting (as the filter's).
pub fn parse(value: &Value, depth: usize) -> Result<Expr, Error> {
    if depth > super::parse::MAX_DEPTH {
        return Err(Error::TooDeep {
            path: "$expr".into(),
            max: super::parse::MAX_DEPTH,
        });
    }
    match value {
        Value::String(s) if s == "$$ROOT" || s == "$$CURRENT" => Ok(Expr::Root),
        // MongoDB's other system variables: not supported here; any other name is undefined.
        Value::String(s) if s.starts_with("$$") => {
            let name = s[2..].split('.').next().unwrap_or_default();
            if matches!(
                name,
                "NOW"
                    | "CLUSTER_TIME"
                    | "REMOVE"
                    | "DESCEND"
                    | "PRUNE"
                    | "KEEP"
                    | "USER_ROLES"
                    | "SEARCH_META"
            ) {
                Err(Error::Unsupported {
                    what: format!("the variable {s} in $expr (only $$ROOT and $$CURRENT)"),
                    path: String::new(),
                })
            } else {
                Err(bad(
                    "$expr",
                    "defined variables: $$ROOT and $$CURRENT (a name after $$ is a variable, not a field)",
                ))
            }
        }
        Value::String(s) if s.starts_with('$') => Ok(Expr::Path(Path::parse(&s[1..])?)),
        Value::Array(items) => Ok(Expr::Array(
            items
                .iter()
                .map(|item| parse(item, depth + 1))
                .collect::<Result<_, _>>()?,
        )),
        Value::Object(map) if map.keys().any(|k| k.starts_with('$')) => operator(map, depth),
        // An object of plain keys: a constant if nothing in it is an expression.
        Value::Object(map) if !map.values().any(has_expression) => Ok(Expr::Literal(value.clone())),
        Value::Object(_) => Err(Error::Unsupported {
            what: "objects with expressions inside in $expr (write them as constants)".into(),
            path: String::new(),
        }),
        scalar => Ok(Expr::Literal(scalar.clone())),
    }
}

/// Whether a value holds a field path, a variable or an operator (is not a constant).
fn has_expression(value: &Value) -> bool {
    match value {
        Value::String(s) => s.starts_with('$'),
        Value::Array(items) => items.iter().any(has_expression),
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| k.starts_with('$') || has_expression(v)),
        _ => false,
    }
}

fn operator(map: &Map<String, Value>, depth: usize) -> Result<Expr, Error> {
    let mut entries = map.iter();
    let (Some((name, operand)), None) = (entries.next(), entries.next()) else {
        return Err(bad(
            "$expr",
            "an expression object with exactly one operator ({\"$gt\": [\"$a\", 1]})",
        ));
    };
    // An operator's arguments: an array, or a single argument written bare.
    let args = |min: usize, max: usize, expected: &'static str| -> Result<Vec<Expr>, Error> {
        let items: Vec<&Value> = match operand {
            Value::Array(items) => items.iter().collect(),
            single => vec![single],
        };
        if items.len() < min || items.len() > max {
            return Err(bad(name, expected));
        }
        items.into_iter().map(|v| parse(v, depth + 1)).collect()
    };
    let comparison = |c: Comparison| -> Result<Expr, Error> {
        let mut two = args(2, 2, "an array of two expressions")?;
        let right = two.pop().expect("two");
        let left = two.pop().expect("two");
        Ok(Expr::Compare(c, Box::new(left), Box::new(right)))
    };
    match name.as_str() {
        "$literal" => Ok(Expr::Literal(operand.clone())),
        "$eq" => comparison(Comparison::Eq),
        "$ne" => comparison(Comparison::Ne),
        "$gt" => comparison(Comparison::Gt),
        "$gte" => comparison(Comparison::Gte),
        "$lt" => comparison(Comparison::Lt),
        "$lte" => comparison(Comparison::Lte),
        "$and" => Ok(Expr::And(args(0, usize::MAX, "an array of expressions")?)),
        "$or" => Ok(Expr::Or(args(0, usize::MAX, "an array of expressions")?)),
        "$not" => Ok(Expr::Not(Box::new(
            args(1, 1, "one expression (or an array of one)")?
                .pop()
                .expect("one"),
        ))),
        "$cond" => {
            let [condition, then, otherwise] = match operand {
                Value::Object(m) => {
                    let (Some(i), Some(t), Some(e), 3) =
                        (m.get("if"), m.get("then"), m.get("else"), m.len())
                    else {
                        return Err(bad(
                            "$cond",
                            "[if, then, else] or {\"if\": …, \"then\": …, \"else\": …}",
                        ));
                    };
                    [i, t, e].map(|v| parse(v, depth + 1))
                }
                Value::Array(items) if items.len() == 3 => {
                    [&items[0], &items[1], &items[2]].map(|v| parse(v, depth + 1))
                }
                _ => {
                    return Err(bad(
                        "$cond",
                        "[if, then, else] or {\"if\": …, \"then\": …, \"else\": …}",
                    ))
                }
            };
            Ok(Expr::Cond(
                Box::new(condition?),
                Box::new(then?),
                Box::new(otherwise?),
            ))
        }
        "$ifNull" => Ok(Expr::IfNull(args(
            2,
            usize::MAX,
            "an array of two or more expressions (the last is the replacement)",
        )?)),
        other => match Op::from_name(other) {
            Some(op) => {
                let (min, max, expected) = match op {
                    Op::Add | Op::Multiply => (0, usize::MAX, "an array of expressions"),
                    Op::Subtract | Op::Divide | Op::Mod | Op::In => {
                        (2, 2, "an array of two expressions")
                    }
                    Op::Abs | Op::Size => (1, 1, "one expression (or an array of one)"),
                };
                Ok(Expr::Op(op, args(min, max, expected)?))
            }
            None => Err(Error::UnknownOperator {
                operator: other.to_string(),
                path: "$expr".into(),
            }),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The semantics, shared by the SQL helpers and the evaluator. `None` is "missing".

/// The value at a field path, as aggregation reads it: a key of an object; over an array, the
/// array of what each element gives (objects by their key, arrays recursively; elements without
/// it, and scalars, left out). `value` is the document (or the value at the first key, with
/// `keys` the rest: what `docstore.expr_path` gets).
pub fn path_value(value: Option<&Value>, keys: &[String]) -> Option<Value> {
    let value = value?;
    let Some((key, rest)) = keys.split_first() else {
        return Some(value.clone());
    };
    match value {
        Value::Object(map) => path_value(map.get(key), rest),
        Value::Array(items) => Some(Value::Array(
            items
                .iter()
                .filter(|item| item.is_object() || item.is_array())
                .filter_map(|item| path_value(Some(item), keys))
                .collect(),
        )),
        _ => None,
    }
}

/// The total order of aggregation: missing below everything, then MongoDB's order of values.
pub fn compare(a: Option<&Value>, b: Option<&Value>) -> std::cmp::Ordering {
    match (a, b) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (Some(a), Some(b)) => compare_values(a, b),
    }
}

/// Whether a value counts as true: not `false`, null, missing or a zero.
pub fn truthy(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) | Some(Value::Bool(false)) => false,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|x| x != 0.0),
        Some(_) => true,
    }
}

fn is_nullish(value: Option<&Value>) -> bool {
    matches!(value, None | Some(Value::Null))
}

/// A number as i64 when it is an integer that fits, else as f64.
enum Num {
    Int(i64),
    Float(f64),
}

fn num(op: Op, value: &Value) -> Result<Num, Error> {
    match value {
        Value::Number(n) => Ok(match n.as_i64() {
            Some(i) => Num::Int(i),
            None => Num::Float(n.to_string().parse().unwrap_or(f64::NAN)),
        }),
        other => Err(Error::ExprType {
            operator: op.name(),
            expected: "numbers",
            found: JsonKind::of(other),
        }),
    }
}

fn float(n: &Num) -> f64 {
    match n {
        Num::Int(i) => *i as f64,
        Num::Float(f) => *f,
    }
}

fn number(x: f64, op: Op) -> Result<Value, Error> {
    Number::from_f64(x)
        .map(Value::Number)
        .ok_or(Error::NumberOutOfRange {
            operator: op.name().to_string(),
            path: "$expr".into(),
        })
}

/// `op` on two values (`b` is None for the one-argument operators `$abs` and `$size`).
pub fn apply_op(op: Op, a: Option<&Value>, b: Option<&Value>) -> Result<Option<Value>, Error> {
    match op {
        Op::Size => match a {
            Some(Value::Array(items)) => Ok(Some(Value::from(items.len()))),
            other => Err(Error::ExprType {
                operator: "$size",
                expected: "an array",
                found: other.map_or(JsonKind::Null, JsonKind::of),
            }),
        },
        Op::In => match b {
            Some(Value::Array(items)) => Ok(Some(Value::Bool(
                items.iter().any(|item| compare(a, Some(item)).is_eq()),
            ))),
            other => Err(Error::ExprType {
                operator: "$in",
                expected: "an array as its second argument",
                found: other.map_or(JsonKind::Null, JsonKind::of),
            }),
        },
        Op::Abs => match a {
            None | Some(Value::Null) => Ok(Some(Value::Null)),
            Some(v) => Ok(Some(match num(op, v)? {
                Num::Int(i) if i != i64::MIN => Value::from(i.abs()),
                n => number(float(&n).abs(), op)?,
            })),
        },
        _ => {
            let (Some(a), Some(b)) = (a, b) else {
                return Ok(Some(Value::Null));
            };
            if a.is_null() || b.is_null() {
                return Ok(Some(Value::Null));
            }
            let (x, y) = (num(op, a)?, num(op, b)?);
            let zero = float(&y) == 0.0;
            if zero && matches!(op, Op::Divide | Op::Mod) {
                return Err(Error::DivisionByZero {
                    operator: op.name(),
                });
            }
            let exact = match (&x, &y) {
                (Num::Int(i), Num::Int(j)) => match op {
                    Op::Add => i.checked_add(*j),
                    Op::Subtract => i.checked_sub(*j),
                    Op::Multiply => i.checked_mul(*j),
                    Op::Mod => i.checked_rem(*j),
                    _ => None,
                },
                _ => None,
            };
            if let Some(result) = exact {
                return Ok(Some(Value::from(result)));
            }
            let (f, g) = (float(&x), float(&y));
            let result = match op {
                Op::Add => f + g,
                Op::Subtract => f - g,
                Op::Multiply => f * g,
                Op::Divide => f / g,
                _ => f % g,
            };
            Ok(Some(number(result, op)?))
        }
    }
}

/// Evaluates `expr` on `doc`; `None` is missing.
pub fn eval(expr: &Expr, doc: &Value) -> Result<Option<Value>, Error> {
    Ok(match expr {
        Expr::Literal(v) => Some(v.clone()),
        Expr::Path(Path(keys)) => path_value(Some(doc), keys),
        Expr::Root => Some(doc.clone()),
        Expr::Array(items) => Some(Value::Array(
            items
                .iter()
                .map(|e| Ok(eval(e, doc)?.unwrap_or(Value::Null)))
                .collect::<Result<_, Error>>()?,
        )),
        Expr::Compare(c, a, b) => {
            let (a, b) = (eval(a, doc)?, eval(b, doc)?);
            Some(Value::Bool(c.holds(compare(a.as_ref(), b.as_ref()))))
        }
        Expr::And(items) => {
            let mut all = true;
            for e in items {
                all &= truthy(eval(e, doc)?.as_ref());
            }
            Some(Value::Bool(all))
        }
        Expr::Or(items) => {
            let mut any = false;
            for e in items {
                any |= truthy(eval(e, doc)?.as_ref());
            }
            Some(Value::Bool(any))
        }
        Expr::Not(e) => Some(Value::Bool(!truthy(eval(e, doc)?.as_ref()))),
        Expr::Cond(c, t, e) => {
            if truthy(eval(c, doc)?.as_ref()) {
                eval(t, doc)?
            } else {
                eval(e, doc)?
            }
        }
        Expr::IfNull(items) => {
            let (last, firsts) = items.split_last().expect("parsed with two or more");
            let mut found = None;
            for e in firsts {
                let v = eval(e, doc)?;
                if !is_nullish(v.as_ref()) {
                    found = v;
                    break;
                }
            }
            match found {
                Some(v) => Some(v),
                None => eval(last, doc)?,
            }
        }
        Expr::Op(op, args) => {
            let values: Vec<Option<Value>> = args
                .iter()
                .map(|e| eval(e, doc))
                .collect::<Result<_, _>>()?;
            fold(*op, &values)?
        }
    })
}

/// `$add`/`$multiply` of any number of arguments (`$add: []` is 0, `$multiply: []` is 1; one
/// argument is combined with 0 or 1, which checks its type), the others of their one or two:
/// left-folded, pair by pair, as the SQL does.
fn fold(op: Op, values: &[Option<Value>]) -> Result<Option<Value>, Error> {
    match (op, values) {
        (Op::Add, []) => Ok(Some(Value::from(0))),
        (Op::Multiply, []) => Ok(Some(Value::from(1))),
        (Op::Abs | Op::Size, [a]) => apply_op(op, a.as_ref(), None),
        (Op::Add | Op::Multiply, [a]) => apply_op(op, a.as_ref(), Some(&identity(op))),
        (_, [first, rest @ ..]) => {
            let mut acc = first.clone();
            for v in rest {
                acc = apply_op(op, acc.as_ref(), v.as_ref())?;
            }
            Ok(acc)
        }
        _ => unreachable!("parsed with its arguments"),
    }
}

fn identity(op: Op) -> Value {
    Value::from(if op == Op::Multiply { 1 } else { 0 })
}

// ---------------------------------------------------------------------------------------------
// SQL

/// `expr` as a SQL jsonb expression over `column` (NULL: missing); values bound from `$first`.
pub fn sql(expr: &Expr, column: &str, params: &mut Params) -> String {
    let boolean = |b: String| format!("pg_catalog.to_jsonb({b})");
    match expr {
        Expr::Literal(v) => format!("{}::pg_catalog.jsonb", params.bind(Param::Jsonb(v.clone()))),
        Expr::Root => column.to_string(),
        Expr::Path(Path(keys)) => {
            let key = params.bind(Param::Text(keys[0].clone()));
            let value = format!("({column} OPERATOR(pg_catalog.->) {key}::pg_catalog.text)");
            if keys.len() == 1 {
                value
            } else {
                let rest = params.bind(Param::Jsonb(Value::from(keys[1..].to_vec())));
                format!("docstore.expr_path({value}, {rest}::pg_catalog.jsonb)")
            }
        }
        Expr::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|e| {
                    format!(
                        "COALESCE({}, 'null'::pg_catalog.jsonb)",
                        sql(e, column, params)
                    )
                })
                .collect();
            format!("pg_catalog.jsonb_build_array({})", parts.join(", "))
        }
        Expr::Compare(..) | Expr::And(_) | Expr::Or(_) | Expr::Not(_) => {
            boolean(sql_bool(expr, column, params))
        }
        Expr::Cond(c, t, e) => format!(
            "(CASE WHEN {} THEN {} ELSE {} END)",
            sql_bool(c, column, params),
            sql(t, column, params),
            sql(e, column, params)
        ),
        Expr::IfNull(items) => {
            let (last, firsts) = items.split_last().expect("parsed with two or more");
            let mut out = sql(last, column, params);
            for e in firsts.iter().rev() {
                let value = sql(e, column, params);
                out = format!(
                    "(CASE WHEN {value} IS NULL OR pg_catalog.jsonb_typeof({value}) OPERATOR(pg_catalog.=) 'null' \
                     THEN {out} ELSE {value} END)"
                );
            }
            out
        }
        Expr::Op(op, args) => {
            let call = |a: &str, b: &str, params: &mut Params| {
                let name = params.bind(Param::Text(op.name().to_string()));
                format!("docstore.expr_op({name}::pg_catalog.text, {a}, {b})")
            };
            let values: Vec<String> = args.iter().map(|e| sql(e, column, params)).collect();
            match (op, values.as_slice()) {
                (Op::Add | Op::Multiply, []) => {
                    let v = params.bind(Param::Jsonb(identity(*op)));
                    format!("{v}::pg_catalog.jsonb")
                }
                (Op::Abs | Op::Size, [a]) => call(a, "NULL::pg_catalog.jsonb", params),
                (Op::Add | Op::Multiply, [a]) => {
                    let v = params.bind(Param::Jsonb(identity(*op)));
                    call(a, &format!("{v}::pg_catalog.jsonb"), params)
                }
                (_, [first_value, rest @ ..]) => {
                    let mut acc = first_value.clone();
                    for v in rest {
                        acc = call(&acc, v, params);
                    }
                    acc
                }
                _ => unreachable!("parsed with its arguments"),
            }
        }
    }
}

/// Whether `expr` is true, as a SQL boolean (never NULL): comparisons and `$and`/`$or`/`$not`
/// stated directly, any other value through `docstore.expr_truthy`.
pub fn sql_bool(expr: &Expr, column: &str, params: &mut Params) -> String {
    match expr {
        Expr::Compare(c, a, b) => format!(
            "(docstore.expr_compare({}, {}) OPERATOR(pg_catalog.{}) 0)",
            sql(a, column, params),
            sql(b, column, params),
            c.sql()
        ),
        Expr::And(items) | Expr::Or(items) if items.is_empty() => {
            matches!(expr, Expr::And(_)).to_string()
        }
        Expr::And(items) | Expr::Or(items) => {
            let sep = if matches!(expr, Expr::And(_)) {
                " AND "
            } else {
                " OR "
            };
            let parts: Vec<String> = items.iter().map(|e| sql_bool(e, column, params)).collect();
            format!("({})", parts.join(sep))
        }
        Expr::Not(e) => format!("(NOT {})", sql_bool(e, column, params)),
        other => format!("docstore.expr_truthy({})", sql(other, column, params)),
    }
}

/// What `docstore.expr_op(op, a, b)` computes: `op` (its name) on two values, NULL for missing.
pub fn op_by_name(op: &str, a: Option<&Value>, b: Option<&Value>) -> Result<Option<Value>, Error> {
    let op = Op::from_name(op).ok_or_else(|| Error::UnknownOperator {
        operator: op.to_string(),
        path: "$expr".into(),
    })?;
    apply_op(op, a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn holds(expr: Value, doc: Value) -> Result<bool, Error> {
        let e = parse(&expr, 0)?;
        Ok(truthy(eval(&e, &doc)?.as_ref()))
    }

    #[test]
    fn comparisons_use_the_total_order_without_type_brackets() {
        // The manual's $expr page: fields compared with each other.
        let doc = json!({"spent": 450, "budget": 400});
        assert!(holds(json!({"$gt": ["$spent", "$budget"]}), doc.clone()).unwrap());
        assert!(!holds(json!({"$lt": ["$spent", "$budget"]}), doc).unwrap());
        // No type brackets: a string is above every number, null below.
        assert!(holds(json!({"$gt": ["$a", 5]}), json!({"a": "x"})).unwrap());
        assert!(holds(json!({"$lt": ["$a", 5]}), json!({"a": null})).unwrap());
        // Missing is below null and equal only to missing.
        assert!(!holds(json!({"$eq": ["$nope", null]}), json!({})).unwrap());
        assert!(holds(json!({"$lt": ["$nope", null]}), json!({})).unwrap());
        assert!(holds(json!({"$eq": ["$nope", "$other"]}), json!({})).unwrap());
        // An array path is one value: the array of the elements' values.
        let doc = json!({"a": [{"b": 1}, {"c": 2}, {"b": 3}]});
        assert!(holds(json!({"$eq": ["$a.b", [1, 3]]}), doc).unwrap());
    }

    #[test]
    fn truthiness_and_logic() {
        for (value, truth) in [
            (json!(false), false),
            (json!(null), false),
            (json!(0), false),
            (json!(0.0), false),
            (json!(""), true),
            (json!([]), true),
            (json!([false]), true),
            (json!({}), true),
            (json!(2), true),
        ] {
            assert_eq!(truthy(Some(&value)), truth, "{value}");
        }
        assert!(!truthy(None));
        let doc = json!({"a": 1, "b": 0});
        assert!(holds(json!({"$and": ["$a", {"$not": "$b"}]}), doc.clone()).unwrap());
        assert!(holds(json!({"$or": ["$b", "$a"]}), doc.clone()).unwrap());
        assert!(holds(json!({"$and": []}), doc.clone()).unwrap());
        assert!(!holds(json!({"$or": []}), doc).unwrap());
    }

    #[test]
    fn cond_if_null_and_arithmetic() {
        let doc = json!({"qty": 150, "price": 10, "none": null});
        let e = |v: Value| eval(&parse(&v, 0).unwrap(), &doc);
        assert_eq!(
            e(json!({"$cond": {"if": {"$gte": ["$qty", 100]}, "then": "big", "else": "small"}}))
                .unwrap(),
            Some(json!("big"))
        );
        assert_eq!(
            e(json!({"$cond": [{"$lt": ["$qty", 100]}, 1, 2]})).unwrap(),
            Some(json!(2))
        );
        assert_eq!(
            e(json!({"$ifNull": ["$none", "$nope", "$price"]})).unwrap(),
            Some(json!(10))
        );
        assert_eq!(
            e(json!({"$add": ["$qty", "$price", 1]})).unwrap(),
            Some(json!(161))
        );
        assert_eq!(
            e(json!({"$multiply": ["$price", 0.5]})).unwrap(),
            Some(json!(5.0))
        );
        assert_eq!(
            e(json!({"$subtract": ["$price", 15]})).unwrap(),
            Some(json!(-5))
        );
        assert_eq!(
            e(json!({"$divide": ["$qty", 4]})).unwrap(),
            Some(json!(37.5))
        );
        assert_eq!(e(json!({"$mod": ["$qty", 7]})).unwrap(), Some(json!(3)));
        assert_eq!(e(json!({"$abs": -3})).unwrap(), Some(json!(3)));
        // Null or missing operands give null.
        assert_eq!(e(json!({"$add": ["$nope", 1]})).unwrap(), Some(json!(null)));
        assert_eq!(e(json!({"$add": ["$none", 1]})).unwrap(), Some(json!(null)));
        assert_eq!(e(json!({"$size": [[1, 2, 3]]})).unwrap(), Some(json!(3)));
        assert_eq!(
            e(json!({"$in": ["$qty", [1, 150]]})).unwrap(),
            Some(json!(true))
        );
        // Errors where MongoDB fails the query.
        assert_eq!(
            e(json!({"$add": ["$qty", "x"]}))
                .unwrap_err()
                .sqlstate()
                .code(),
            "22023"
        );
        assert_eq!(
            e(json!({"$divide": ["$qty", 0]}))
                .unwrap_err()
                .sqlstate()
                .code(),
            "22012"
        );
        assert_eq!(
            e(json!({"$size": "$qty"})).unwrap_err().sqlstate().code(),
            "22023"
        );
    }

    #[test]
    fn malformed_expressions_are_refused() {
        for bad in [
            json!({"$gt": [1]}),
            json!({"$gt": 1, "$lt": 2}),
            json!({"$cond": [1, 2]}),
            json!({"$ifNull": ["$a"]}),
            json!({"$nope": [1]}),
            json!({"$subtract": [1, 2, 3]}),
            json!("$$NOW"),
            json!({"x": "$a"}),
            json!("$a..b"),
        ] {
            assert!(parse(&bad, 0).is_err(), "{bad}");
        }
        assert_eq!(
            parse(&json!({"x": 1}), 0).unwrap(),
            Expr::Literal(json!({"x": 1}))
        );
        assert_eq!(
            parse(&json!({"$literal": "$a"}), 0).unwrap(),
            Expr::Literal(json!("$a"))
        );
    }
}
