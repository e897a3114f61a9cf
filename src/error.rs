//! The one place where docstore's errors become PostgreSQL errors.

use docstore_core::{Error, SqlState};
use pgrx::pg_sys::panic::ErrorReport;
use pgrx::{PgLogLevel, PgSqlErrorCode};

fn code(state: SqlState) -> PgSqlErrorCode {
    match state {
        SqlState::NullValueNotAllowed => PgSqlErrorCode::ERRCODE_NULL_VALUE_NOT_ALLOWED,
        SqlState::InvalidParameterValue => PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
        SqlState::IntegrityConstraintViolation => {
            PgSqlErrorCode::ERRCODE_INTEGRITY_CONSTRAINT_VIOLATION
        }
        SqlState::FeatureNotSupported => PgSqlErrorCode::ERRCODE_FEATURE_NOT_SUPPORTED,
        SqlState::SerializationFailure => PgSqlErrorCode::ERRCODE_T_R_SERIALIZATION_FAILURE,
        SqlState::UniqueViolation => PgSqlErrorCode::ERRCODE_UNIQUE_VIOLATION,
        SqlState::DuplicateObject => PgSqlErrorCode::ERRCODE_DUPLICATE_TABLE,
        SqlState::InvalidRegularExpression => PgSqlErrorCode::ERRCODE_INVALID_REGULAR_EXPRESSION,
        SqlState::NumericValueOutOfRange => PgSqlErrorCode::ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE,
        SqlState::DivisionByZero => PgSqlErrorCode::ERRCODE_DIVISION_BY_ZERO,
    }
}

/// The report for `error`, raised from the SQL function `function`.
pub fn report(error: &Error, function: &'static str) -> ErrorReport {
    let report = ErrorReport::new(code(error.sqlstate()), error.to_string(), function);
    match error.hint() {
        Some(hint) => report.set_hint(hint),
        None => report,
    }
}

/// Raises `error` as an ERROR: the current statement (and transaction) is aborted, so nothing the
/// call may have written survives.
pub fn raise(error: Error, function: &'static str) -> ! {
    report(&error, function).report(PgLogLevel::ERROR);
    unreachable!("an ERROR report does not return")
}

/// Unwraps a check's result or raises its error.
pub trait OrRaise<T> {
    fn or_raise(self, function: &'static str) -> T;
}

impl<T> OrRaise<T> for Result<T, Error> {
    fn or_raise(self, function: &'static str) -> T {
        self.unwrap_or_else(|error| raise(error, function))
    }
}
