//! docstore's pure core.
//!
//! Everything here is plain Rust with no PostgreSQL dependency, so `cargo test -p docstore-core`
//! runs without a server. The extension crate calls these functions at its SQL boundary and maps
//! [`Error`] onto PostgreSQL error reports in exactly one place (`src/error.rs`).
//!
//! Later compilers (filters, update operators) belong here too.

pub mod args;
pub mod collections;
pub mod error;
pub mod filter;
pub mod find;
pub mod ids;
pub mod indexes;
pub mod jsonb_binary;
pub mod jsonb_shape;
pub mod order;
pub mod sql;
pub mod update;

pub use error::{Error, SqlState};
pub use jsonb_shape::JsonKind;
