//! [`Filter`] → a SQL boolean expression over the column `data`, with bound parameters.

use std::cell::Cell;

use serde_json::Value;

use super::ast::{CmpOp, Cond, ElemMatch, Filter, Path};
use super::eval::array_position;
use super::jsonpath::{accessor, is_leakproof, literal, string};
use crate::{Error, JsonKind};

pub use crate::sql::{Param, Params};

/// The compiled filter. `sql` is empty when the filter matches every document.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    pub sql: String,
    pub params: Vec<Param>,
}

/// Compiles `filter`; its placeholders start at `$first_param`.
pub fn compile(filter: &Filter, first_param: usize) -> Result<Compiled, Error> {
    compile_with_indexes(filter, first_param, &[], Equalities::RowTest)
}

/// How a filter of top-level equalities (see [`top_level_equalities`]) is stated. Each form
/// gives the same rows; which helpers exist depends on the docstore SQL the database has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Equalities {
    /// The path predicate alone (docstore 0.1.0's SQL, or a statement that reads every match).
    Path,
    /// `docstore.match_eq(data, $n)` as a cheap per-row test before the path predicate (0.2.0).
    RowTest,
    /// `data OPERATOR(docstore.@=) $n` alone (0.3.0): exact, served by the GIN index on `data`,
    /// estimated and rechecked with the Rust test. Where a pair's key leads a B-tree index, the
    /// index's expressions are stated and the pairs are tested per row as with `RowTest`.
    Operator,
}

/// Compiles `filter` for a collection with B-tree indexes on `indexed` paths (see
/// `docstore_create_index`). Such a path holds no array in that collection (the index's check
/// constraint sees to it), so equality and comparisons on it can be stated on the index's own
/// expressions, exactly, and a range becomes an index range scan. `equalities` chooses how a
/// filter of top-level equalities is stated.
pub fn compile_with_indexes(
    filter: &Filter,
    first_param: usize,
    indexed: &[Path],
    equalities: Equalities,
) -> Result<Compiled, Error> {
    compile_for(
        filter,
        first_param,
        &Target {
            indexed,
            equalities,
            operators: Operators::CATALOG,
        },
    )
}

/// What the compiled SQL may use, from what the database's docstore SQL has.
#[derive(Clone, Copy, Debug)]
pub struct Target<'a> {
    /// Paths that lead a B-tree index of the collection (see [`compile_with_indexes`]).
    pub indexed: &'a [Path],
    /// How top-level equalities are stated.
    pub equalities: Equalities,
    /// The operators a path predicate and a containment on `data` are written with.
    pub operators: Operators,
}

/// The operators `data @@ path` and `data @> value` are written with: PostgreSQL's, or
/// docstore's leakproof ones of the same meaning (0.3.2), which a role under row-level security
/// may have served by the GIN index (PostgreSQL's are not leakproof, so for such a role they
/// run only after the policy, row by row).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operators {
    pub path_match: &'static str,
    pub contains: &'static str,
}

impl Operators {
    pub const CATALOG: Operators = Operators {
        path_match: "pg_catalog.@@",
        contains: "pg_catalog.@>",
    };
    pub const LEAKPROOF: Operators = Operators {
        path_match: "docstore.@@",
        contains: "docstore.@>",
    };
}

/// Compiles `filter` for `target`; its placeholders start at `$first_param`.
pub fn compile_for(
    filter: &Filter,
    first_param: usize,
    target: &Target,
) -> Result<Compiled, Error> {
    let (indexed, equalities) = (target.indexed, target.equalities);
    let pairs = top_level_equalities(filter).filter(|_| equalities != Equalities::Path);
    if let Some(pairs) = &pairs {
        let keys_indexed = indexed
            .iter()
            .any(|Path(keys)| keys.len() == 1 && pairs.get(&keys[0]).is_some());
        if equalities == Equalities::Operator && !keys_indexed {
            let mut params = Params::starting_at(first_param);
            let sql = format!(
                "data OPERATOR(docstore.@=) {}",
                params.bind(Param::Jsonb(pairs.clone()))
            );
            return Ok(Compiled {
                sql,
                params: params.into_values(),
            });
        }
    }
    let context = Context {
        indexed,
        negated: Cell::new(false),
    };
    let node = context.filter_node(filter)?;
    let mut params = Params::starting_at(first_param);
    let mut sql = match node {
        Node::True => String::new(),
        node => render_sql(&node, "data", 0, &mut params, target.operators),
    };
    if let Some(pairs) = pairs {
        // The per-row test first, the indexable predicate after (see src/matching.rs).
        let n = params.bind(Param::Jsonb(pairs));
        sql = format!("docstore.match_eq(data, {n}) AND {sql}");
    }
    Ok(Compiled {
        sql,
        params: params.into_values(),
    })
}

/// For a filter that only asks top-level keys to equal scalars (`{"status": "active", "n": 5}`,
/// null excepted: it also matches a missing key), those pairs as one object: what
/// `docstore.match_eq` tests.
pub fn top_level_equalities(filter: &Filter) -> Option<Value> {
    fn pair(filter: &Filter) -> Option<(&str, &Value)> {
        match filter {
            Filter::Field(Path(keys), Cond::Eq(value)) if keys.len() == 1 && !value.is_null() => {
                Some((keys[0].as_str(), value))
            }
            _ => None,
        }
    }
    let pairs: Vec<(&str, &Value)> = match filter {
        Filter::And(parts) if !parts.is_empty() => parts.iter().map(pair).collect::<Option<_>>()?,
        Filter::And(_) => return None,
        single => vec![pair(single)?],
    };
    let mut object = serde_json::Map::new();
    for (key, value) in pairs {
        if object.get(key).is_some_and(|seen| seen != value) {
            return None; // {"$and": [{"a": 1}, {"a": 2}]}: left to the general form
        }
        object.insert(key.to_string(), value.clone());
    }
    Some(Value::Object(object))
}

/// A condition before rendering: path predicates, or SQL the path language cannot state.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    True,
    False,
    /// A path predicate (always true or false, never unknown, so `!` is exact).
    Path(String),
    /// `column @> value`: jsonb containment, as a superset the GIN index serves (see
    /// [`containment_prefilter`]).
    Contains(Value),
    /// Some value at `at` (a path expression) — or, with `elements`, an element of an array
    /// there — passes `test`, which SQL states (the path language has no literal for objects and
    /// arrays, nor an array test it would not unwrap).
    Values {
        at: String,
        test: ValueTest,
        elements: bool,
    },
    /// `cond` on what `keys` reach as MongoDB finds it, where a key is an array position
    /// (`"items.0.price"`), which the path language cannot state exactly (lax mode reads `[0]`
    /// of a non-array as the value itself, and would look into an array taken by a position):
    /// over `docstore.path_values(data, keys)` (its values, their candidates for comparisons,
    /// whether the path runs out), each condition on one value at a time.
    Rooted {
        keys: Vec<String>,
        cond: Cond,
    },
    /// A comparison on an indexed path, in the index's expressions: the value at `keys` has
    /// type rank `rank` and its `key` expression compares with `op` to `value`.
    Indexed {
        keys: Vec<String>,
        rank: u8,
        key: &'static str,
        op: &'static str,
        value: Param,
    },
    /// `$elemMatch`: an array among the values at `path` (a path expression, lax) has an
    /// element that satisfies `elem`. SQL over the elements, since a path filter in lax mode
    /// would unwrap an element that is itself an array, which MongoDB never does.
    ElemMatch {
        path: String,
        elem: ElemMatch,
    },
    /// `$expr`: true where the expression's value is (SQL, see [`super::expr`]).
    Expr(super::expr::Expr),
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
}

/// What [`Node::Values`] asks of a value.
#[derive(Debug, Clone, PartialEq)]
enum ValueTest {
    /// Equal (jsonb's `=`: numbers by value).
    Equals(Value),
    /// Of the operand's type and ordered so against it ([`crate::order::compare_values`], in
    /// SQL `docstore.compare`).
    Compare(CmpOp, Value),
    /// An array of this length.
    Size(u64),
}

struct Context<'a> {
    indexed: &'a [Path],
    /// Whether the condition being compiled sits under an odd number of negations. A path
    /// comparison (`$.a == 1`) is unknown, not false, across types ("x" == 1); that reads as false
    /// where nothing negates it, so such places get the plain comparison (cheaper, and what the
    /// GIN index extracts best), and negated places get the `exists(… ? (…))` form, which is
    /// always true or false.
    negated: Cell<bool>,
}

impl Context<'_> {
    /// Compiles `f` with the polarity flipped (`flip`) or reset to positive (inside `exists`).
    fn with_polarity<T>(&self, negated: bool, f: impl FnOnce() -> T) -> T {
        let saved = self.negated.replace(negated);
        let out = f();
        self.negated.set(saved);
        out
    }

    /// A comparison on the values at `at`: the plain form where nothing negates it, else
    /// [`any`] with `item_pred` on each item.
    fn compare(&self, at: &str, plain: String, item_pred: &str) -> Node {
        if self.negated.get() {
            any(at, item_pred)
        } else {
            Node::Path(plain)
        }
    }
}

impl Context<'_> {
    /// The filter's condition; its paths start at `$` (the document, or an element `$elemMatch`
    /// matches as a document, which is compiled as a document of its own over that element).
    fn filter_node(&self, filter: &Filter) -> Result<Node, Error> {
        Ok(match filter {
            Filter::And(parts) => and(parts
                .iter()
                .map(|f| self.filter_node(f))
                .collect::<Result<_, _>>()?),
            Filter::Or(parts) => or(parts
                .iter()
                .map(|f| self.filter_node(f))
                .collect::<Result<_, _>>()?),
            Filter::Nor(parts) => not(or(parts
                .iter()
                .map(|f| self.with_polarity(!self.negated.get(), || self.filter_node(f)))
                .collect::<Result<_, _>>()?)),
            Filter::Field(path, cond)
                if path.0[1..].iter().any(|k| array_position(k).is_some()) =>
            {
                let exact = Node::Rooted {
                    keys: path.0.clone(),
                    cond: cond.clone(),
                };
                match positional_equalities(&path.0, cond) {
                    Some(pred) => and(vec![Node::Path(pred), exact]),
                    None => exact,
                }
            }
            Filter::Field(path, cond) => self.cond_node(path, &accessor("$", &path.0), cond)?,
            Filter::Expr(expr) => Node::Expr(expr.clone()),
        })
    }
}

/// For an equality (or `$in` of scalars, null excepted) on a path with array positions, a lax
/// path predicate every match satisfies, which the GIN index serves: each position read both
/// as a subscript and as a key (`$."items"[0]."price" == 5 || $."items"."0"."price" == 5`).
/// None for other conditions, or past three positions (eight alternatives).
fn positional_equalities(keys: &[String], cond: &Cond) -> Option<String> {
    let values: Vec<&Value> = match cond {
        Cond::Eq(v) if !v.is_null() => vec![v],
        Cond::In(vs) if !vs.is_empty() && vs.iter().all(|v| !v.is_null()) => vs.iter().collect(),
        _ => return None,
    };
    let positions = keys[1..]
        .iter()
        .filter(|k| array_position(k).is_some())
        .count();
    if positions > 3 {
        return None;
    }
    let mut accessors = vec!["$".to_string() + &string_key(&keys[0])];
    for key in &keys[1..] {
        let keyed = string_key(key);
        accessors = match array_position(key) {
            Some(i) => accessors
                .iter()
                .flat_map(|a| [format!("{a}[{i}]"), format!("{a}{keyed}")])
                .collect(),
            None => accessors.into_iter().map(|a| a + &keyed).collect(),
        };
    }
    let alternatives: Vec<String> = accessors
        .iter()
        .flat_map(|a| values.iter().map(move |v| format!("{a} == {}", literal(v))))
        .collect();
    Some(format!("({})", alternatives.join(" || ")))
}

/// For an exact equality with an object or array `value` at `keys`, containments every match
/// satisfies, which the GIN index serves: at each key the value, or an array holding it
/// (`{"a": {"b": v}}`, `{"a": {"b": [v]}}`, `{"a": [{"b": v}]}`, `{"a": [{"b": [v]}]}`) — jsonb's
/// `@>` does not see an object inside an array as contained in the object. None past three keys
/// (eight alternatives).
fn containment_prefilter(keys: &[String], value: &Value) -> Option<Vec<Node>> {
    if keys.len() > 3 {
        return None;
    }
    let mut alternatives = vec![value.clone()];
    for key in keys.iter().rev() {
        alternatives = alternatives
            .into_iter()
            .flat_map(|inner| {
                let mut plain = serde_json::Map::new();
                plain.insert(key.clone(), inner.clone());
                let mut wrapped = serde_json::Map::new();
                wrapped.insert(key.clone(), Value::Array(vec![inner]));
                [Value::Object(plain), Value::Object(wrapped)]
            })
            .collect();
    }
    Some(alternatives.into_iter().map(Node::Contains).collect())
}

/// Whether the path `keys` runs out in the document (`$`), as a path predicate — MongoDB's rule
/// for `{"a.b": null}` ([`super::eval::missing`]): the first key is missing, or along the way a
/// value is a scalar or null, or an object (a value, or an object element of an array value:
/// lax filters look one level into arrays) lacks the next key. Always true or false.
fn runs_out(keys: &[String]) -> String {
    let mut parts = vec![format!("!exists({})", accessor("$", &keys[..1]))];
    for i in 1..keys.len() {
        let p = accessor("$", &keys[..i]);
        parts.push(format!(
            "{p}.type() == \"number\" || {p}.type() == \"string\" || {p}.type() == \"boolean\" || {p}.type() == \"null\""
        ));
        parts.push(format!(
            "exists({p} ? (@.type() == \"object\" && !exists(@{})))",
            string_key(&keys[i])
        ));
    }
    if parts.len() == 1 {
        parts.pop().expect("one part")
    } else {
        format!("({})", parts.join(" || "))
    }
}

/// `."key"`: a member accessor.
fn string_key(key: &str) -> String {
    format!(".{}", string(key))
}

fn and(nodes: Vec<Node>) -> Node {
    let mut out = Vec::with_capacity(nodes.len());
    for node in nodes {
        match node {
            Node::True => {}
            Node::False => return Node::False,
            Node::And(inner) => out.extend(inner),
            node => out.push(node),
        }
    }
    match out.len() {
        0 => Node::True,
        1 => out.pop().expect("one node"),
        _ => Node::And(out),
    }
}

fn or(nodes: Vec<Node>) -> Node {
    let mut out = Vec::with_capacity(nodes.len());
    for node in nodes {
        match node {
            Node::False => {}
            Node::True => return Node::True,
            Node::Or(inner) => out.extend(inner),
            node => out.push(node),
        }
    }
    match out.len() {
        0 => Node::False,
        1 => out.pop().expect("one node"),
        _ => Node::Or(out),
    }
}

fn not(node: Node) -> Node {
    match node {
        Node::True => Node::False,
        Node::False => Node::True,
        Node::Not(inner) => *inner,
        node => Node::Not(Box::new(node)),
    }
}

/// `exists(P ? (…))`: some value at P, or element of an array there, satisfies `pred`. Lax mode
/// unwraps an array at P for the filter and would unwrap a nested array again for a comparison;
/// MongoDB looks one level deep only, so items that are themselves arrays are left out.
fn any(path: &str, pred: &str) -> Node {
    Node::Path(format!(
        "exists({path} ? (@.type() != \"array\" && ({pred})))"
    ))
}

impl Context<'_> {
    /// The condition in an index's expressions, where the path is indexed and the condition is an
    /// equality or comparison with a number or a string.
    fn indexed(&self, path: &Path, cond: &Cond) -> Option<Node> {
        if !self.indexed.contains(path) {
            return None;
        }
        let (op, value) = match cond {
            Cond::Eq(value) => ("=", value),
            Cond::Cmp(op, value) => (
                match op {
                    CmpOp::Gt => ">",
                    CmpOp::Gte => ">=",
                    CmpOp::Lt => "<",
                    CmpOp::Lte => "<=",
                },
                value,
            ),
            _ => return None,
        };
        let (rank, key, value) = match value {
            Value::Number(n) => (2, "sort_number", Param::Numeric(n.to_string())),
            Value::String(s) => (3, "sort_text", Param::Text(s.clone())),
            _ => return None,
        };
        Some(Node::Indexed {
            keys: path.0.clone(),
            rank,
            key,
            op,
            value,
        })
    }

    fn cond_node(&self, path: &Path, at: &str, cond: &Cond) -> Result<Node, Error> {
        if let Some(node) = self.indexed(path, cond) {
            return Ok(node);
        }
        Ok(match cond {
            Cond::Eq(Value::Null) => or(vec![
                Node::Path(runs_out(&path.0)),
                self.compare(at, format!("{at} == null"), "@ == null"),
            ]),
            Cond::Eq(value) => self.compare(
                at,
                format!("{at} == {}", literal(value)),
                &format!("@ == {}", literal(value)),
            ),
            Cond::EqStructure(value) => {
                let exact = Node::Values {
                    at: at.to_string(),
                    test: ValueTest::Equals(value.clone()),
                    elements: true,
                };
                match containment_prefilter(&path.0, value) {
                    Some(alternatives) => and(vec![or(alternatives), exact]),
                    None => exact,
                }
            }
            Cond::CmpStructure(op, value) => Node::Values {
                at: at.to_string(),
                test: ValueTest::Compare(*op, value.clone()),
                elements: true,
            },
            Cond::Cmp(op, value) => {
                let op = match op {
                    CmpOp::Gt => ">",
                    CmpOp::Gte => ">=",
                    CmpOp::Lt => "<",
                    CmpOp::Lte => "<=",
                };
                self.compare(
                    at,
                    format!("{at} {op} {}", literal(value)),
                    &format!("@ {op} {}", literal(value)),
                )
            }
            Cond::In(values) => {
                let mut alternatives = Vec::new();
                let scalars: Vec<String> = values
                    .iter()
                    .filter(|v| !v.is_null())
                    .map(|v| format!("@ == {}", literal(v)))
                    .collect();
                if !scalars.is_empty() {
                    let plain: Vec<String> =
                        scalars.iter().map(|s| s.replacen('@', at, 1)).collect();
                    alternatives.push(self.compare(
                        at,
                        format!("({})", plain.join(" || ")),
                        &scalars.join(" || "),
                    ));
                }
                if values.iter().any(Value::is_null) {
                    alternatives.push(self.cond_node(path, at, &Cond::Eq(Value::Null))?);
                }
                or(alternatives)
            }
            Cond::Any(conds) => or(conds
                .iter()
                .map(|c| self.cond_node(path, at, c))
                .collect::<Result<_, _>>()?),
            Cond::Exists(true) => Node::Path(format!("exists({at})")),
            Cond::Exists(false) => Node::Path(format!("!exists({at})")),
            Cond::Type(kinds) => or(kinds
                .iter()
                .map(|kind| match kind {
                    // .type() is not unwrapped in lax mode: it sees the array itself.
                    JsonKind::Array => Node::Path(format!("{at}.type() == \"array\"")),
                    kind => any(at, &format!("@.type() == {}", string(kind.name()))),
                })
                .collect()),
            Cond::Regex { pattern, flags } => self.compare(
                at,
                regex_pred(at, pattern, flags),
                &regex_pred("@", pattern, flags),
            ),
            Cond::Mod { divisor, remainder } => any(at, &mod_pred("@", *divisor, *remainder)),
            // One value at a top-level key: the path states it. Elsewhere (several values) the
            // array test and the length must hold for the same value, which the path language
            // cannot pair up (its filters would unwrap the arrays).
            Cond::Size(n) if path.0.len() == 1 && at.starts_with("$.") => {
                Node::Path(format!("({at}.type() == \"array\" && {at}.size() == {n})"))
            }
            Cond::Size(n) => Node::Values {
                at: at.to_string(),
                test: ValueTest::Size(*n),
                elements: false,
            },
            Cond::ElemMatch(elem) => {
                let exact = Node::ElemMatch {
                    path: at.to_string(),
                    elem: elem.clone(),
                };
                // The GIN index cannot serve the SQL over the elements; a path predicate that
                // every match satisfies can: the element's positive equalities, in lax mode
                // (which finds more, never less). Always true or false, so negation stays exact.
                match elem_match_equalities(elem) {
                    Some(pred) => and(vec![
                        Node::Path(format!("exists({at}[*] ? ({pred}))")),
                        exact,
                    ]),
                    None => exact,
                }
            }
            Cond::Not(inner) => {
                not(self.with_polarity(!self.negated.get(), || self.cond_node(path, at, inner))?)
            }
            Cond::All(conds) => and(conds
                .iter()
                .map(|c| self.cond_node(path, at, c))
                .collect::<Result<_, _>>()?),
        })
    }
}

/// The node as one path predicate, if it is made only of path predicates.
fn render_path(node: &Node) -> Option<String> {
    match node {
        Node::True => Some("exists($)".to_string()),
        Node::False => Some("!exists($)".to_string()),
        Node::Path(p) => Some(p.clone()),
        Node::And(nodes) | Node::Or(nodes) => {
            let parts = nodes.iter().map(render_path).collect::<Option<Vec<_>>>()?;
            let sep = if matches!(node, Node::And(_)) {
                " && "
            } else {
                " || "
            };
            Some(format!("({})", parts.join(sep)))
        }
        Node::Not(inner) => Some(format!("!({})", render_path(inner)?)),
        Node::Contains(_)
        | Node::Expr(_)
        | Node::Values { .. }
        | Node::Rooted { .. }
        | Node::Indexed { .. }
        | Node::ElemMatch { .. } => None,
    }
}

/// The node as SQL over `column` (`data`, or an array element inside `$elemMatch`); `depth`
/// numbers the aliases of nested subqueries.
fn render_sql(
    node: &Node,
    column: &str,
    depth: usize,
    params: &mut Params,
    ops: Operators,
) -> String {
    if let Some(path) = render_path(node) {
        // The leakproof operator takes no regular expression (see `is_leakproof`).
        let op = if is_leakproof(&path) {
            ops.path_match
        } else {
            Operators::CATALOG.path_match
        };
        return format!(
            "{column} OPERATOR({op}) {}",
            params.bind(Param::JsonPath(path))
        );
    }
    let (v, e) = (format!("v{depth}"), format!("e{depth}"));
    match node {
        Node::Contains(value) => format!(
            "{column} OPERATOR({}) {}",
            ops.contains,
            params.bind(Param::Jsonb(value.clone()))
        ),
        Node::Values { at, test, elements } => {
            let p = params.bind(Param::JsonPath(at.clone()));
            let pass = value_test_sql(test, params);
            let on_value = pass(&format!("{v}.x"));
            let on_element = if *elements {
                format!(
                    " OR (pg_catalog.jsonb_typeof({v}.x) OPERATOR(pg_catalog.=) 'array' \
                     AND EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements({v}.x) AS {e}(y) \
                     WHERE {}))",
                    pass(&format!("{e}.y"))
                )
            } else {
                String::new()
            };
            format!(
                "EXISTS (SELECT 1 FROM pg_catalog.jsonb_path_query({column}, {p}) AS {v}(x) \
                 WHERE {on_value}{on_element})"
            )
        }
        Node::Expr(expr) => super::expr::sql_bool(expr, column, params),
        Node::Rooted { keys, cond } => {
            // The first key in SQL (the column is an object): only that value goes to Rust.
            let k = params.bind(Param::Text(keys[0].clone()));
            let rest = params.bind(Param::Jsonb(Value::from(keys[1..].to_vec())));
            let r = format!("r{depth}");
            let body = rooted_sql(cond, &format!("{r}.p"), depth + 1, params);
            format!(
                "EXISTS (SELECT 1 FROM (SELECT docstore.path_values(({column} OPERATOR(pg_catalog.->) {k}::pg_catalog.text), \
                 {rest}::pg_catalog.jsonb) AS p) AS {r} WHERE {body})"
            )
        }
        Node::ElemMatch { path, elem } => {
            let p = params.bind(Param::JsonPath(path.clone()));
            elem_match_sql(column, &p, elem, depth, params)
        }
        Node::And(nodes) | Node::Or(nodes) => {
            // Path predicates among the parts go into one path parameter.
            let (paths, others): (Vec<&Node>, Vec<&Node>) =
                nodes.iter().partition(|n| render_path(n).is_some());
            let is_and = matches!(node, Node::And(_));
            let mut parts = Vec::new();
            if !paths.is_empty() {
                let mut paths: Vec<Node> = paths.into_iter().cloned().collect();
                let merged = match (paths.len(), is_and) {
                    (1, _) => paths.pop().expect("one node"),
                    (_, true) => Node::And(paths),
                    (_, false) => Node::Or(paths),
                };
                parts.push(render_sql(&merged, column, depth, params, ops));
            }
            for other in others {
                parts.push(render_sql(other, column, depth, params, ops));
            }
            format!("({})", parts.join(if is_and { " AND " } else { " OR " }))
        }
        Node::Indexed {
            keys,
            rank,
            key,
            op,
            value,
        } => {
            let at = crate::sql::path_value(column, keys);
            let collate = if *key == "sort_text" {
                " COLLATE pg_catalog.\"C\""
            } else {
                ""
            };
            let v = params.bind(value.clone());
            format!(
                "(docstore.sort_rank({at}) OPERATOR(pg_catalog.=) {rank} \
                 AND docstore.{key}({at}){collate} OPERATOR(pg_catalog.{op}) {v})"
            )
        }
        Node::Not(inner) => format!("NOT {}", render_sql(inner, column, depth, params, ops)),
        Node::True | Node::False | Node::Path(_) => unreachable!("rendered as a path above"),
    }
}

/// `cond` over `p`, what `docstore.path_values` returns for its path (`{"values": […],
/// "candidates": […], "missing": bool}`): existence on the values, null also where the path
/// runs out, array tests (`$size`, `$elemMatch`, containment) on the values, every other
/// condition on one candidate at a time ([`value_cond_sql`]: within its type, never unwrapped).
fn rooted_sql(cond: &Cond, p: &str, depth: usize, params: &mut Params) -> String {
    let member = |key: &str| format!("({p} OPERATOR(pg_catalog.->) '{key}')");
    let some = |key: &str, cond: &Cond, params: &mut Params| {
        let y = format!("c{depth}.y");
        format!(
            "EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements({}) AS c{depth}(y) WHERE {})",
            member(key),
            value_cond_sql(cond, &y, depth + 1, params)
        )
    };
    let missing = format!(
        "{} OPERATOR(pg_catalog.=) 'true'::pg_catalog.jsonb",
        member("missing")
    );
    match cond {
        Cond::Exists(wanted) => format!(
            "{} OPERATOR(pg_catalog.{}) '[]'::pg_catalog.jsonb",
            member("values"),
            if *wanted { "<>" } else { "=" }
        ),
        Cond::Eq(Value::Null) => format!("({missing} OR {})", some("candidates", cond, params)),
        Cond::In(values) if values.iter().any(Value::is_null) => {
            format!("({missing} OR {})", some("candidates", cond, params))
        }
        Cond::Not(inner) => format!("NOT {}", rooted_sql(inner, p, depth, params)),
        Cond::All(conds) | Cond::Any(conds) => all_or_any(
            cond,
            conds
                .iter()
                .map(|c| rooted_sql(c, p, depth, params))
                .collect(),
        ),
        Cond::Size(_) | Cond::ElemMatch(_) => some("values", cond, params),
        _ => some("candidates", cond, params),
    }
}

/// The SQL of `Cond::All` (AND) or `Cond::Any` (OR) of `parts`: `true`/`false` when empty.
fn all_or_any(cond: &Cond, parts: Vec<String>) -> String {
    let all = matches!(cond, Cond::All(_));
    if parts.is_empty() {
        return all.to_string();
    }
    format!("({})", parts.join(if all { " AND " } else { " OR " }))
}

/// `test` as SQL on a jsonb expression, its operand bound once: a function of the expression.
fn value_test_sql(test: &ValueTest, params: &mut Params) -> impl Fn(&str) -> String {
    let operand = match test {
        ValueTest::Equals(value) | ValueTest::Compare(_, value) => {
            params.bind(Param::Jsonb(value.clone()))
        }
        ValueTest::Size(_) => String::new(),
    };
    let test = test.clone();
    move |x: &str| match &test {
        ValueTest::Equals(_) => format!("{x} OPERATOR(pg_catalog.=) {operand}"),
        ValueTest::Compare(op, value) => compare_sql(x, *op, value, &operand),
        ValueTest::Size(n) => format!(
            "(pg_catalog.jsonb_typeof({x}) OPERATOR(pg_catalog.=) 'array' \
             AND pg_catalog.jsonb_array_length({x}) OPERATOR(pg_catalog.=) {n})"
        ),
    }
}

/// `x` (jsonb) of the type of `value` (an object or an array, bound at `operand`) and ordered
/// `op` against it by MongoDB's order. Never NULL for a non-NULL `x`.
fn compare_sql(x: &str, op: CmpOp, value: &Value, operand: &str) -> String {
    format!(
        "(pg_catalog.jsonb_typeof({x}) OPERATOR(pg_catalog.=) {} \
         AND docstore.compare({x}, {operand}) OPERATOR(pg_catalog.{}) 0)",
        if value.is_array() {
            "'array'"
        } else {
            "'object'"
        },
        op.symbol()
    )
}

/// `v like_regex "pattern" flag "flags"`: `$regex` on the value `v` (a path).
fn regex_pred(v: &str, pattern: &str, flags: &str) -> String {
    let flag = if flags.is_empty() {
        String::new()
    } else {
        format!(" flag {}", string(flags))
    };
    format!("{v} like_regex {}{flag}", string(pattern))
}

/// `$mod` on the value `v` (`@` or `$`) as a path predicate: only numbers whose integer part
/// fits in 64 bits count (MongoDB truncates the dividend toward zero, and leaves out what it
/// cannot convert); the remainder has the dividend's sign, as jsonpath's `%`.
fn mod_pred(v: &str, divisor: i64, remainder: i64) -> String {
    format!(
        "{v}.type() == \"number\" && {v} > -9223372036854775809 && {v} < 9223372036854775808 \
         && (({v} >= 0 && {v}.floor() % {divisor} == {remainder}) \
         || ({v} < 0 && {v}.ceiling() % {divisor} == {remainder}))"
    )
}

/// The positive scalar equalities of an `$elemMatch`, as a lax path predicate on `@` (the
/// element): `@ == 5` for the value form, `(@."b" == 5 && @."c" == "x")` for top-level fields of
/// the document form. None when there are none, or a key is a number (an array element read
/// as an object has the keys "0", "1", …, which the lax path would not find).
fn elem_match_equalities(elem: &ElemMatch) -> Option<String> {
    let mut preds = Vec::new();
    match elem {
        ElemMatch::Value(conds) => {
            for cond in conds {
                if let Cond::Eq(v) = cond {
                    if !v.is_null() {
                        preds.push(format!("@ == {}", literal(v)));
                    }
                }
            }
        }
        ElemMatch::Document(filter) => {
            let parts: Vec<&Filter> = match filter.as_ref() {
                Filter::And(parts) => parts.iter().collect(),
                single => vec![single],
            };
            for part in parts {
                if let Filter::Field(path, Cond::Eq(v)) = part {
                    let numeric = path.0.iter().any(|k| k.chars().all(|c| c.is_ascii_digit()));
                    if !v.is_null() && !numeric {
                        preds.push(format!("{} == {}", accessor("@", &path.0), literal(v)));
                    }
                }
            }
        }
    }
    (!preds.is_empty()).then(|| preds.join(" && "))
}

/// `$elemMatch` over the values bound at placeholder `path` of `column`: some array among them
/// has an element (alias `e<depth>.y`) that satisfies `elem`. As MongoDB: the arrays are the
/// values at the path (never their elements), an element that is an array is one value (a
/// comparison does not look into it), and the document form matches elements that are objects
/// (or arrays, read as objects with the keys "0", "1", …), with the filter's usual semantics inside.
fn elem_match_sql(
    column: &str,
    path: &str,
    elem: &ElemMatch,
    depth: usize,
    params: &mut Params,
) -> String {
    let (v, e) = (format!("v{depth}"), format!("e{depth}"));
    let element = format!("{e}.y");
    let holds = match elem {
        ElemMatch::Value(conds) => {
            let parts: Vec<String> = conds
                .iter()
                .map(|c| value_cond_sql(c, &element, depth + 1, params))
                .collect();
            if parts.is_empty() {
                "true".to_string()
            } else {
                parts.join(" AND ")
            }
        }
        ElemMatch::Document(filter) => {
            let context = Context {
                indexed: &[],
                negated: Cell::new(false),
            };
            let node = context
                .filter_node(filter)
                .expect("a parsed filter compiles");
            let is = |kind: &str| {
                format!("pg_catalog.jsonb_typeof({element}) OPERATOR(pg_catalog.=) '{kind}'")
            };
            match node {
                Node::True => format!("({} OR {})", is("object"), is("array")),
                Node::False => "false".to_string(),
                node => {
                    let on_object =
                        render_sql(&node, &element, depth + 1, params, Operators::CATALOG);
                    let as_object = format!(
                        "(SELECT COALESCE(pg_catalog.jsonb_object_agg((t{depth}.n OPERATOR(pg_catalog.-) 1)::pg_catalog.text, t{depth}.v), \
                         '{{}}'::pg_catalog.jsonb) FROM pg_catalog.jsonb_array_elements({element}) WITH ORDINALITY AS t{depth}(v, n))"
                    );
                    let on_array =
                        render_sql(&node, &as_object, depth + 1, params, Operators::CATALOG);
                    format!(
                        "(({} AND {on_object}) OR ({} AND {on_array}))",
                        is("object"),
                        is("array")
                    )
                }
            }
        }
    };
    format!(
        "EXISTS (SELECT 1 FROM pg_catalog.jsonb_path_query({column}, {path}) AS {v}(x), \
         pg_catalog.jsonb_array_elements(CASE WHEN pg_catalog.jsonb_typeof({v}.x) OPERATOR(pg_catalog.=) 'array' \
         THEN {v}.x END) AS {e}(y) WHERE {holds})"
    )
}

/// A condition of `$elemMatch`'s value form on one element (`value`, a jsonb expression), as
/// MongoDB applies it: to the element itself, within its type (`$gt: 4` is false for `[5]`).
/// Always true or false, never NULL, so that `$not` inside is exact.
fn value_cond_sql(cond: &Cond, value: &str, depth: usize, params: &mut Params) -> String {
    let path = |pred: String, params: &mut Params| {
        let p = params.bind(Param::JsonPath(format!("strict ({pred})")));
        format!("COALESCE({value} OPERATOR(pg_catalog.@@) {p}, false)")
    };
    let typed = |v: &Value| -> String {
        let kind = match v {
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Bool(_) => "boolean",
            _ => "null",
        };
        format!("$.type() == \"{kind}\"")
    };
    match cond {
        Cond::Eq(v) => path(format!("{} && $ == {}", typed(v), literal(v)), params),
        Cond::Cmp(op, v) => {
            let op = match op {
                CmpOp::Gt => ">",
                CmpOp::Gte => ">=",
                CmpOp::Lt => "<",
                CmpOp::Lte => "<=",
            };
            path(format!("{} && $ {op} {}", typed(v), literal(v)), params)
        }
        Cond::In(values) if values.is_empty() => "false".to_string(),
        Cond::In(values) => {
            let any: Vec<String> = values
                .iter()
                .map(|v| format!("({} && $ == {})", typed(v), literal(v)))
                .collect();
            path(any.join(" || "), params)
        }
        Cond::CmpStructure(op, v) => {
            let operand = params.bind(Param::Jsonb(v.clone()));
            compare_sql(value, *op, v, &operand)
        }
        Cond::EqStructure(v) => format!(
            "{value} OPERATOR(pg_catalog.=) {}",
            params.bind(Param::Jsonb(v.clone()))
        ),
        Cond::Exists(b) => b.to_string(),
        Cond::Type(kinds) => {
            let any: Vec<String> = kinds
                .iter()
                .map(|k| format!("$.type() == {}", string(k.name())))
                .collect();
            path(any.join(" || "), params)
        }
        Cond::Regex { pattern, flags } => path(
            format!(
                "$.type() == \"string\" && {}",
                regex_pred("$", pattern, flags)
            ),
            params,
        ),
        Cond::Size(n) => path(format!("$.type() == \"array\" && $.size() == {n}"), params),
        Cond::Mod { divisor, remainder } => path(mod_pred("$", *divisor, *remainder), params),
        Cond::ElemMatch(inner) => {
            let p = params.bind(Param::JsonPath("$".to_string()));
            elem_match_sql(value, &p, inner, depth, params)
        }
        Cond::Not(inner) => format!("NOT ({})", value_cond_sql(inner, value, depth, params)),
        Cond::All(conds) | Cond::Any(conds) => all_or_any(
            cond,
            conds
                .iter()
                .map(|c| value_cond_sql(c, value, depth, params))
                .collect(),
        ),
    }
}
