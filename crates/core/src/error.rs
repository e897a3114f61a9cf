//! The one error type of docstore and the SQLSTATE each variant is reported with.

use std::fmt;

use crate::JsonKind;

/// The SQLSTATEs docstore raises itself. The extension maps each onto pgrx's `PgSqlErrorCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SqlState {
    /// 22004 `null_value_not_allowed`
    NullValueNotAllowed,
    /// 22023 `invalid_parameter_value`
    InvalidParameterValue,
    /// 23000 `integrity_constraint_violation`
    IntegrityConstraintViolation,
    /// 0A000 `feature_not_supported`
    FeatureNotSupported,
    /// 40001 `serialization_failure`
    SerializationFailure,
    /// 23505 `unique_violation`
    UniqueViolation,
    /// 42P07 `duplicate_table` (a relation, here an index, that exists)
    DuplicateObject,
    /// 2201B `invalid_regular_expression`
    InvalidRegularExpression,
    /// 22003 `numeric_value_out_of_range`
    NumericValueOutOfRange,
    /// 22012 `division_by_zero`
    DivisionByZero,
}

impl SqlState {
    /// The five-character code, as PostgreSQL prints it.
    pub fn code(self) -> &'static str {
        match self {
            SqlState::NullValueNotAllowed => "22004",
            SqlState::InvalidParameterValue => "22023",
            SqlState::IntegrityConstraintViolation => "23000",
            SqlState::FeatureNotSupported => "0A000",
            SqlState::SerializationFailure => "40001",
            SqlState::UniqueViolation => "23505",
            SqlState::DuplicateObject => "42P07",
            SqlState::InvalidRegularExpression => "2201B",
            SqlState::NumericValueOutOfRange => "22003",
            SqlState::DivisionByZero => "22012",
        }
    }
}

/// Everything a caller can get wrong. Messages name the argument and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A required argument was SQL NULL.
    NullArgument { argument: &'static str },
    /// A collection name outside 1..=255 characters.
    CollectionNameLength { chars: usize },
    /// A JSON argument (document, patch, filter) whose top level is not an object.
    NotAnObject {
        argument: &'static str,
        found: JsonKind,
    },
    /// A negative `limit`.
    NegativeLimit { limit: i64 },
    /// An UPDATE tried to change a column that identifies a document.
    ImmutableColumn { column: &'static str },
    /// A `$`-key that is not a known operator.
    UnknownOperator { operator: String, path: String },
    /// An operator whose operand has the wrong shape.
    BadOperand {
        operator: String,
        path: String,
        expected: &'static str,
    },
    /// A dotted path with an empty key (`"a..b"`, `""`).
    BadPath { path: String },
    /// `$inc` / `$mul` whose result (or operand) is not a finite double.
    NumberOutOfRange { operator: String, path: String },
    /// A dotted path with more keys than documents can nest (`path`: its beginning).
    PathTooLong {
        path: String,
        keys: usize,
        max: usize,
    },
    /// An object mixing operators and plain keys (`{"$gt": 1, "x": 2}`).
    MixedOperators { path: String, key: String },
    /// A filter nested too deeply.
    TooDeep { path: String, max: usize },
    /// Something the query language does not support (yet).
    Unsupported { what: String, path: String },
    /// A `docstore_find` option with a wrong value.
    BadOption {
        option: &'static str,
        expected: &'static str,
    },
    /// A `docstore_find` option that does not exist.
    UnknownOption {
        option: String,
        allowed: &'static str,
    },
    /// An update document with a plain key among (or instead of) operators.
    MixedUpdate { key: String, allowed: &'static str },
    /// Two update operators on the same or overlapping paths.
    ConflictingUpdate { first: String, second: String },
    /// `expected_version` differs from the stored version.
    VersionConflict { expected: i64, found: i64 },
    /// A document id that is taken (ids are unique across collections).
    DuplicateId { id: String },
    /// `docstore_create_index` for an index the collection has.
    DuplicateIndex { collection: String, name: String },
    /// A `$regex` PostgreSQL refuses, with PostgreSQL's message.
    InvalidRegex { path: String, message: String },
    /// A document at version 2147483647 cannot be updated.
    VersionAtMaximum,
    /// A JSON argument that must be an array.
    NotAnArray {
        argument: &'static str,
        found: JsonKind,
    },
    /// An element of an array argument that is not a JSON object.
    BadElement { argument: &'static str, index: i64 },
    /// An `$expr` operator met a value of a type it does not take (MongoDB fails the query).
    ExprType {
        operator: &'static str,
        expected: &'static str,
        found: JsonKind,
    },
    /// `$divide` or `$mod` by zero in `$expr` (MongoDB fails the query).
    DivisionByZero { operator: &'static str },
}

/// "at path \"a.b\"", or "at the top level".
fn at(path: &str) -> String {
    if path.is_empty() {
        "at the top level".to_string()
    } else {
        format!("at path \"{path}\"")
    }
}

impl Error {
    pub fn sqlstate(&self) -> SqlState {
        match self {
            Error::NullArgument { .. } => SqlState::NullValueNotAllowed,
            Error::CollectionNameLength { .. }
            | Error::NotAnObject { .. }
            | Error::NegativeLimit { .. }
            | Error::UnknownOperator { .. }
            | Error::BadOperand { .. }
            | Error::BadPath { .. }
            | Error::PathTooLong { .. }
            | Error::MixedOperators { .. }
            | Error::TooDeep { .. }
            | Error::BadOption { .. }
            | Error::UnknownOption { .. }
            | Error::MixedUpdate { .. }
            | Error::ConflictingUpdate { .. } => SqlState::InvalidParameterValue,
            Error::Unsupported { .. } => SqlState::FeatureNotSupported,
            Error::VersionConflict { .. } => SqlState::SerializationFailure,
            Error::DuplicateId { .. } => SqlState::UniqueViolation,
            Error::DuplicateIndex { .. } => SqlState::DuplicateObject,
            Error::InvalidRegex { .. } => SqlState::InvalidRegularExpression,
            Error::VersionAtMaximum | Error::NumberOutOfRange { .. } => {
                SqlState::NumericValueOutOfRange
            }
            Error::NotAnArray { .. } | Error::BadElement { .. } | Error::ExprType { .. } => {
                SqlState::InvalidParameterValue
            }
            Error::DivisionByZero { .. } => SqlState::DivisionByZero,
            Error::ImmutableColumn { .. } => SqlState::IntegrityConstraintViolation,
        }
    }

    /// A hint for the user, where there is something useful to say beyond the message.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Error::NullArgument { argument: "filter" } => {
                Some("pass '{}' (or NULL) to match every document")
            }
            Error::NullArgument { .. } => None,
            Error::CollectionNameLength { .. } => None,
            Error::NotAnObject { .. } => Some("wrap the value in an object, e.g. {\"value\": ...}"),
            Error::NegativeLimit { .. } => Some("pass 0 for no rows, or NULL for the default of 100"),
            Error::ImmutableColumn { .. } => {
                Some("id, collection and created_at are fixed when a document is created; create a new document instead")
            }
            Error::UnknownOperator { .. } => Some(
                "operators: $eq $ne $gt $gte $lt $lte $in $nin $exists $type $regex $options $mod $size $all $elemMatch $not, and $and $or $nor $expr $comment at the top level; in $expr: $eq $ne $gt $gte $lt $lte $and $or $not $cond $ifNull $add $subtract $multiply $divide $mod $abs $size $in $literal",
            ),
            Error::MixedOperators { .. } => {
                Some("use either operators ({\"$gt\": 1}) or a plain object to match it exactly")
            }
            Error::BadOperand { .. }
            | Error::BadPath { .. }
            | Error::PathTooLong { .. }
            | Error::TooDeep { .. }
            | Error::Unsupported { .. }
            | Error::BadOption { .. }
            | Error::UnknownOption { .. }
            | Error::ConflictingUpdate { .. } => None,
            Error::VersionConflict { .. } => Some("read the document again and retry with its version"),
            Error::DuplicateId { .. } => {
                Some("ids are unique across all collections; omit the id to get a new one")
            }
            Error::InvalidRegex { .. } => Some("patterns are PostgreSQL regular expressions (POSIX ARE)"),
            Error::DuplicateIndex { .. } | Error::VersionAtMaximum => None,
            Error::NumberOutOfRange { .. } => {
                Some("numbers are stored as JSON, which has no infinity: the result must be a finite double")
            }
            Error::NotAnArray { .. } | Error::BadElement { .. } => None,
            Error::ExprType { .. } | Error::DivisionByZero { .. } => None,
            Error::MixedUpdate { .. } => Some("to replace fields, use {\"$set\": {...}}; to replace the document, docstore_update merges and docstore_replace replaces"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NullArgument { argument } => write!(f, "{argument} must not be NULL"),
            Error::CollectionNameLength { chars } => write!(
                f,
                "collection name must be 1 to {} characters, got {chars}",
                crate::args::MAX_COLLECTION_CHARS
            ),
            Error::NotAnObject { argument, found } => {
                write!(
                    f,
                    "{argument} must be a JSON object, got {}",
                    found.with_article()
                )
            }
            Error::NegativeLimit { limit } => {
                write!(f, "limit must be 0 or greater, got {limit}")
            }
            Error::ImmutableColumn { column } => write!(
                f,
                "column \"{column}\" of docstore.documents cannot be changed by an update"
            ),
            Error::UnknownOperator { operator, path } => {
                write!(f, "unknown operator \"{operator}\" {}", at(path))
            }
            Error::BadOperand {
                operator,
                path,
                expected,
            } => {
                write!(f, "{operator} {} expects {expected}", at(path))
            }
            Error::NumberOutOfRange { operator, path } => write!(
                f,
                "{operator} {} gives a number out of the double range",
                at(path)
            ),
            Error::PathTooLong { path, keys, max } => write!(
                f,
                "the path \"{path}…\" has {keys} keys; at most {max} (documents nest at most {max} levels)"
            ),
            Error::BadPath { path } => {
                write!(
                    f,
                    "invalid path \"{path}\": the keys of a dotted path must not be empty"
                )
            }
            Error::MixedOperators { path, key } => write!(
                f,
                "the condition {} mixes operators with the plain key \"{key}\"",
                at(path)
            ),
            Error::TooDeep { path, max } => {
                write!(f, "the filter nests deeper than {max} levels {}", at(path))
            }
            Error::Unsupported { what, path } => {
                write!(f, "{what} is not supported ({})", at(path))
            }
            Error::BadOption { option, expected } => {
                write!(f, "option {option} expects {expected}")
            }
            Error::UnknownOption { option, allowed } => {
                write!(f, "unknown option \"{option}\" (options: {allowed})")
            }
            Error::MixedUpdate { key, allowed } => write!(
                f,
                "update must hold only operators, got the plain key \"{key}\" (operators: {allowed})"
            ),
            Error::ConflictingUpdate { first, second } => {
                write!(f, "update operators conflict: {first} and {second} touch the same path")
            }
            Error::NotAnArray { argument, found } => {
                write!(f, "{argument} must be a JSON array, got {}", found.with_article())
            }
            Error::BadElement { argument, index } => write!(
                f,
                "{argument}[{index}] must be a JSON object; nothing was created"
            ),
            Error::ExprType {
                operator,
                expected,
                found,
            } => write!(
                f,
                "{operator} in $expr expects {expected}, found {} in a document",
                found.with_article()
            ),
            Error::DivisionByZero { operator } => {
                write!(f, "{operator} in $expr: division by zero in a document")
            }
            Error::DuplicateId { id } => write!(f, "a document with id {id} already exists"),
            Error::DuplicateIndex { collection, name } => {
                write!(f, "collection \"{collection}\" already has this index: {name}")
            }
            Error::InvalidRegex { path, message } => write!(
                f,
                "$regex at path \"{path}\" is not a valid regular expression: {message}"
            ),
            Error::VersionAtMaximum => write!(f, "document version is at its maximum (2147483647)"),
            Error::VersionConflict { expected, found } => write!(
                f,
                "version conflict: expected version {expected}, the document is at version {found}"
            ),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_the_documented_sqlstate() {
        let cases = [
            (Error::NullArgument { argument: "id" }, "22004"),
            (Error::CollectionNameLength { chars: 0 }, "22023"),
            (
                Error::NotAnObject {
                    argument: "data",
                    found: JsonKind::Array,
                },
                "22023",
            ),
            (Error::NegativeLimit { limit: -1 }, "22023"),
            (Error::ImmutableColumn { column: "id" }, "23000"),
            (
                Error::VersionConflict {
                    expected: 1,
                    found: 2,
                },
                "40001",
            ),
            (Error::DuplicateId { id: "x".into() }, "23505"),
            (
                Error::PathTooLong {
                    path: "a.a".into(),
                    keys: 101,
                    max: 100,
                },
                "22023",
            ),
            (
                Error::NumberOutOfRange {
                    operator: "$inc".into(),
                    path: "n".into(),
                },
                "22003",
            ),
            (
                Error::DuplicateIndex {
                    collection: "c".into(),
                    name: "n".into(),
                },
                "42P07",
            ),
            (
                Error::InvalidRegex {
                    path: "a".into(),
                    message: "m".into(),
                },
                "2201B",
            ),
            (Error::VersionAtMaximum, "22003"),
        ];
        for (error, code) in cases {
            assert_eq!(error.sqlstate().code(), code, "{error}");
        }
    }

    #[test]
    fn messages_name_the_argument_and_what_is_allowed() {
        assert_eq!(
            Error::NullArgument {
                argument: "collection"
            }
            .to_string(),
            "collection must not be NULL"
        );
        assert_eq!(
            Error::CollectionNameLength { chars: 256 }.to_string(),
            "collection name must be 1 to 255 characters, got 256"
        );
        assert_eq!(
            Error::NotAnObject {
                argument: "patch",
                found: JsonKind::String
            }
            .to_string(),
            "patch must be a JSON object, got a string"
        );
        assert_eq!(
            Error::NegativeLimit { limit: -5 }.to_string(),
            "limit must be 0 or greater, got -5"
        );
        assert_eq!(
            Error::ImmutableColumn {
                column: "created_at"
            }
            .to_string(),
            "column \"created_at\" of docstore.documents cannot be changed by an update"
        );
    }
}
