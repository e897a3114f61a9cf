//! SQL text that must contain a user string as a constant: only path keys, and only where an
//! expression index has to match the expression exactly (a bound parameter never matches an
//! index expression). Everything else is bound as `$n`.
//!
//! Every operator, function, type and collation in the SQL docstore generates is named with its
//! schema (`OPERATOR(pg_catalog.->)`, `pg_catalog.jsonb_typeof`, `COLLATE pg_catalog."C"`), so that
//! nothing in the caller's `search_path` can stand in for it: PostgreSQL resolves unqualified
//! names through the path at parse time, and re-parses a kept plan whenever the path differs
//! (CVE-2018-1058). `tests/security.sh` runs every function with a copy of each of pg_catalog's
//! operators, functions and type names first in the path.

/// A string literal, exactly as PostgreSQL's `quote_literal` writes it: `'` and `\` doubled, and
/// `E` before the literal if it has a backslash, so it reads the same whatever
/// `standard_conforming_strings` says. (Checked against PostgreSQL's own function by the
/// in-backend tests.)
pub fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 3);
    if s.contains('\\') {
        out.push('E');
    }
    out.push('\'');
    for c in s.chars() {
        if c == '\'' || c == '\\' {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// The value at a path of `column`, as an expression:
/// `(d.data OPERATOR(pg_catalog.->) 'address' OPERATOR(pg_catalog.->) 'city')`.
/// `->` on an array with a text key is NULL, like a missing key.
pub fn path_value(column: &str, keys: &[String]) -> String {
    let mut out = format!("({column}");
    for key in keys {
        out.push_str(" OPERATOR(pg_catalog.->) ");
        out.push_str(&literal(key));
    }
    out.push(')');
    out
}

/// A value bound to a `$n` placeholder of a generated statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    /// A SQL/JSON path expression, bound as `jsonpath`.
    JsonPath(String),
    /// A JSON value, bound as `jsonb`.
    Jsonb(serde_json::Value),
    /// A number (its JSON text), bound as `numeric`.
    Numeric(String),
    /// A string, bound as `text`.
    Text(String),
    /// A document id (its text), bound as `uuid`.
    Uuid(String),
    /// A count (`LIMIT`, `OFFSET`), bound as `bigint`.
    Count(i64),
}

/// The placeholders of one statement: every compiler that writes part of it asks for the next
/// `$n` here, so no compiler numbers parameters itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    first: usize,
    values: Vec<Param>,
}

impl Params {
    /// Placeholders from `$first` on (the statement's own come before).
    pub fn starting_at(first: usize) -> Params {
        Params {
            first,
            values: Vec::new(),
        }
    }

    /// Binds `param`; returns its placeholder (`$n`).
    pub fn bind(&mut self, param: Param) -> String {
        self.values.push(param);
        format!("${}", self.first + self.values.len() - 1)
    }

    /// The number the next placeholder gets.
    pub fn next(&self) -> usize {
        self.first + self.values.len()
    }

    /// The bound values, in placeholder order.
    pub fn into_values(self) -> Vec<Param> {
        self.values
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_from_the_first() {
        let mut params = Params::starting_at(3);
        assert_eq!(params.bind(Param::Count(1)), "$3");
        assert_eq!(params.bind(Param::Text("a".into())), "$4");
        assert_eq!(params.next(), 5);
        assert_eq!(
            params.into_values(),
            vec![Param::Count(1), Param::Text("a".into())]
        );
    }

    #[test]
    fn literals_double_quotes_and_backslashes() {
        assert_eq!(literal("age"), "'age'");
        assert_eq!(literal("it's"), "'it''s'");
        assert_eq!(literal(r"a\b"), r"E'a\\b'");
        assert_eq!(literal("x'); DROP TABLE t; --"), "'x''); DROP TABLE t; --'");
        assert_eq!(literal(""), "''");
    }

    #[test]
    fn path_values_chain_arrows() {
        assert_eq!(
            path_value("d.data", &["a".into(), "b'c".into()]),
            "(d.data OPERATOR(pg_catalog.->) 'a' OPERATOR(pg_catalog.->) 'b''c')"
        );
    }
}
