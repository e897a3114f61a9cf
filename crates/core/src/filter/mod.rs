//! The query language: MongoDB-style filters → an AST → SQL over `data` with `$n` parameters.
//!
//! - [`parse`] turns filter JSON into a [`Filter`], with errors naming the operator and the path.
//! - [`compile`] turns a [`Filter`] into a SQL boolean expression and its bound values. Almost
//!   every condition becomes one SQL/JSON path predicate, so a whole filter is usually the single
//!   clause `data @@ $n` (one kept plan for every filter, served by the GIN index for equalities);
//!   top-level equalities become `data @> $n` (exactly 0.1's statement); the few conditions a
//!   path expression cannot state (structural equality of objects and arrays, containment below
//!   the top level) become SQL of their own.
//! - [`eval`] is a reference evaluator of the same semantics over `serde_json` values, for
//!   differential tests against what PostgreSQL returns.
//!
//! Values never reach SQL text: they travel inside the path expression (itself a bound
//! parameter, written by [`jsonpath`] with JSON string escapes) or as bound jsonb parameters.

mod ast;
mod compile;
pub mod eval;
pub mod expr;
mod jsonpath;
mod parse;
mod regex;

pub use ast::{CmpOp, Cond, ElemMatch, Filter, Path};
pub use compile::{
    compile, compile_for, compile_with_indexes, top_level_equalities, Compiled, Equalities,
    Operators, Param, Target,
};
pub use jsonpath::{accessor, is_leakproof};
pub use parse::parse;

#[cfg(test)]
mod tests;
