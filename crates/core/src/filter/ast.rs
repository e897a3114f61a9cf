//! The filter AST.

use serde_json::Value;

use crate::JsonKind;

/// A dotted path, split into its keys: `"address.city"` → `["address", "city"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path(pub Vec<String>);

/// The most keys a dotted path may have: MongoDB's limit on how deep documents nest (100
/// levels), so no path longer than this can address anything. It also bounds every recursion
/// over a path (in the update operators, the projection, the compilers), which a path of
/// 100,000 keys would otherwise take past the stack (a crash of the backend, not an error).
pub const MAX_PATH_KEYS: usize = 100;

impl Path {
    /// Splits a dotted path (`"address.city"`); every key must be non-empty and there may be
    /// at most [`MAX_PATH_KEYS`] of them. The one path parser of filters, updates, sorts,
    /// projections, distinct and index keys.
    pub fn parse(dotted: &str) -> Result<Path, crate::Error> {
        let keys = dotted.split('.').count();
        if keys > MAX_PATH_KEYS {
            return Err(crate::Error::PathTooLong {
                path: dotted.chars().take(40).collect(),
                keys,
                max: MAX_PATH_KEYS,
            });
        }
        if dotted.split('.').any(str::is_empty) {
            return Err(crate::Error::BadPath {
                path: dotted.to_string(),
            });
        }
        Ok(Path(dotted.split('.').map(str::to_string).collect()))
    }

    pub fn dotted(&self) -> String {
        self.0.join(".")
    }
}

/// A boolean condition on a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    And(Vec<Filter>),
    Or(Vec<Filter>),
    Nor(Vec<Filter>),
    Field(Path, Cond),
    /// `$expr`: an aggregation expression on the document, true where its value is.
    Expr(super::expr::Expr),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Gt,
    Gte,
    Lt,
    Lte,
}

impl CmpOp {
    /// Whether `ordering` (of a value against the operand) satisfies the operator.
    pub fn holds(self, ordering: std::cmp::Ordering) -> bool {
        match self {
            CmpOp::Gt => ordering.is_gt(),
            CmpOp::Gte => ordering.is_ge(),
            CmpOp::Lt => ordering.is_lt(),
            CmpOp::Lte => ordering.is_le(),
        }
    }

    /// The SQL and path-language operator.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Gt => ">",
            CmpOp::Gte => ">=",
            CmpOp::Lt => "<",
            CmpOp::Lte => "<=",
        }
    }

    pub fn operator(self) -> &'static str {
        match self {
            CmpOp::Gt => "$gt",
            CmpOp::Gte => "$gte",
            CmpOp::Lt => "$lt",
            CmpOp::Lte => "$lte",
        }
    }
}

/// A condition on the values at a path. Unless said otherwise, it holds when the value there,
/// or any element of an array there, satisfies it (MongoDB's rule).
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// Equal to a scalar (`{"f": 5}`, `{"f": {"$eq": 5}}`). `null` also matches a missing field.
    Eq(Value),
    /// Exactly equal to an object or array (`{"$eq": {...}}`).
    EqStructure(Value),
    /// `$gt`, `$gte`, `$lt`, `$lte` on a number, a string or a boolean, within its type
    /// (MongoDB's type brackets: `{"$gt": 5}` never matches a string; `false` < `true`).
    Cmp(CmpOp, Value),
    /// `$gt`, `$gte`, `$lt`, `$lte` on an object or an array: the values at the path, and the
    /// elements of arrays there, of the operand's type, in MongoDB's order of that type
    /// ([`crate::order::compare_values`]).
    CmpStructure(CmpOp, Value),
    /// `$in`: equal to one of the scalars.
    In(Vec<Value>),
    /// `$exists`
    Exists(bool),
    /// `$type`: one of these kinds.
    Type(Vec<JsonKind>),
    /// `$regex` with `$options` flags (subset of "imsx").
    Regex { pattern: String, flags: String },
    /// `$size`: an array of exactly this length.
    Size(u64),
    /// `$mod`: a number whose integer part (truncated toward zero, within 64-bit integers)
    /// leaves this remainder divided by this divisor (the remainder has the dividend's sign).
    Mod { divisor: i64, remainder: i64 },
    /// `$elemMatch`: an array with an element that satisfies it.
    ElemMatch(ElemMatch),
    /// `$not`, and `$ne` / `$nin` (`Not(Eq)`, `Not(In)`): true where the inner one is not,
    /// missing fields included.
    Not(Box<Cond>),
    /// Several operators on one path: all must hold.
    All(Vec<Cond>),
    /// At least one must hold (`$in` with objects or arrays among its values).
    Any(Vec<Cond>),
}

/// What `$elemMatch` asks of an element.
#[derive(Debug, Clone, PartialEq)]
pub enum ElemMatch {
    /// Operators on the element itself: `{"$gte": 80, "$lt": 85}`.
    Value(Vec<Cond>),
    /// A filter on an object element: `{"product": "x", "score": {"$gte": 8}}`.
    Document(Box<Filter>),
}

impl Filter {
    /// Every `$regex` in the filter: (dotted path, pattern, flags), for validation before use.
    pub fn regexes(&self) -> Vec<(String, &str, &str)> {
        let mut out = Vec::new();
        self.collect_regexes("", &mut out);
        out
    }

    fn collect_regexes<'a>(&'a self, prefix: &str, out: &mut Vec<(String, &'a str, &'a str)>) {
        match self {
            Filter::And(parts) | Filter::Or(parts) | Filter::Nor(parts) => {
                parts.iter().for_each(|p| p.collect_regexes(prefix, out))
            }
            Filter::Field(path, cond) => {
                let dotted = if prefix.is_empty() {
                    path.dotted()
                } else {
                    format!("{prefix}.{}", path.dotted())
                };
                cond.collect_regexes(&dotted, out);
            }
            Filter::Expr(_) => {}
        }
    }
}

impl Cond {
    fn collect_regexes<'a>(&'a self, path: &str, out: &mut Vec<(String, &'a str, &'a str)>) {
        match self {
            Cond::Regex { pattern, flags } => out.push((path.to_string(), pattern, flags)),
            Cond::Not(inner) => inner.collect_regexes(path, out),
            Cond::All(conds) | Cond::Any(conds) => {
                conds.iter().for_each(|c| c.collect_regexes(path, out))
            }
            Cond::ElemMatch(ElemMatch::Value(conds)) => {
                conds.iter().for_each(|c| c.collect_regexes(path, out))
            }
            Cond::ElemMatch(ElemMatch::Document(filter)) => filter.collect_regexes(path, out),
            _ => {}
        }
    }
}
