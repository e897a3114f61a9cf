//! Rules for the arguments of docstore's SQL functions.
//!
//! Each check takes the argument as the SQL boundary received it (`None` for SQL NULL) and either
//! returns the value to use or the [`Error`] to raise. Nothing here touches the database, so a
//! failed check always means nothing was written.

use crate::Error;

/// The longest collection name, in characters (not bytes).
pub const MAX_COLLECTION_CHARS: usize = 255;

/// What `docstore_query` returns at most when `limit` is NULL.
pub const DEFAULT_LIMIT: i64 = 100;

/// A collection name must be present and 1 to 255 characters long. Any characters are allowed:
/// the name is always bound as a parameter, never pasted into SQL.
pub fn collection(name: Option<&str>) -> Result<&str, Error> {
    let name = required("collection", name)?;
    // Counting chars walks the string; skip it when the byte length already proves the point
    // (255 chars take at most 1020 UTF-8 bytes and at least 255).
    let ok = match name.len() {
        0 => false,
        1..=MAX_COLLECTION_CHARS => true,
        n if n > 4 * MAX_COLLECTION_CHARS => false,
        _ => name.chars().count() <= MAX_COLLECTION_CHARS,
    };
    if ok {
        Ok(name)
    } else {
        Err(Error::CollectionNameLength {
            chars: name.chars().count(),
        })
    }
}

/// `limit`: NULL means [`DEFAULT_LIMIT`], negative is an error, 0 means no rows.
pub fn limit(limit: Option<i32>) -> Result<i64, Error> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if n < 0 => Err(Error::NegativeLimit { limit: n.into() }),
        Some(n) => Ok(n.into()),
    }
}

/// Any argument that must not be SQL NULL.
pub fn required<T>(argument: &'static str, value: Option<T>) -> Result<T, Error> {
    value.ok_or(Error::NullArgument { argument })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn collection_names_of_1_to_255_characters_pass_unchanged() {
        assert_eq!(collection(Some("users")), Ok("users"));
        assert_eq!(collection(Some("x")), Ok("x"));
        let longest = "é".repeat(255); // 510 bytes, 255 characters
        assert_eq!(collection(Some(&longest)), Ok(longest.as_str()));
        let hostile = "x'); DROP TABLE docstore.documents; --";
        assert_eq!(collection(Some(hostile)), Ok(hostile));
    }

    #[test]
    fn collection_names_outside_the_bounds_are_rejected_with_their_length() {
        assert_eq!(
            collection(Some("")),
            Err(Error::CollectionNameLength { chars: 0 })
        );
        let long = "a".repeat(256);
        assert_eq!(
            collection(Some(&long)),
            Err(Error::CollectionNameLength { chars: 256 })
        );
        let long_multibyte = "日".repeat(256);
        assert_eq!(
            collection(Some(&long_multibyte)),
            Err(Error::CollectionNameLength { chars: 256 })
        );
        let very_long = "a".repeat(5000);
        assert_eq!(
            collection(Some(&very_long)),
            Err(Error::CollectionNameLength { chars: 5000 })
        );
    }

    #[test]
    fn a_null_collection_is_a_null_argument() {
        assert_eq!(
            collection(None),
            Err(Error::NullArgument {
                argument: "collection"
            })
        );
    }

    #[test]
    fn limit_defaults_to_100_and_rejects_negatives() {
        assert_eq!(limit(None), Ok(100));
        assert_eq!(limit(Some(0)), Ok(0));
        assert_eq!(limit(Some(7)), Ok(7));
        assert_eq!(limit(Some(i32::MAX)), Ok(i64::from(i32::MAX)));
        assert_eq!(limit(Some(-1)), Err(Error::NegativeLimit { limit: -1 }));
        assert_eq!(
            limit(Some(i32::MIN)),
            Err(Error::NegativeLimit {
                limit: i32::MIN.into()
            })
        );
    }

    #[test]
    fn required_names_the_missing_argument() {
        assert_eq!(
            required("id", None::<u8>),
            Err(Error::NullArgument { argument: "id" })
        );
        assert_eq!(required("id", Some(3)), Ok(3));
    }

    proptest! {
        #[test]
        fn collection_accepts_exactly_the_names_of_1_to_255_chars(name in "\\PC{0,300}") {
            let chars = name.chars().count();
            let result = collection(Some(&name));
            if (1..=MAX_COLLECTION_CHARS).contains(&chars) {
                prop_assert_eq!(result, Ok(name.as_str()));
            } else {
                prop_assert_eq!(result, Err(Error::CollectionNameLength { chars }));
            }
        }
    }
}
