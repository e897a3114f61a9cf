//! Per-collection options (`docstore_configure`): which collections keep a history of versions
//! and which record their writes in the change feed.

use serde_json::{Map, Value};

use crate::Error;

/// The options `docstore_configure` knows, as their names list them in errors.
pub const ALLOWED: &str = "history, changes";

/// A collection's options. Both are off by default, so writes that need neither pay nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Every update and delete keeps the replaced version in `docstore.history`.
    pub history: bool,
    /// Every create, update and delete is recorded in `docstore.changes`.
    pub changes: bool,
}

/// The options a `docstore_configure` call sets; the ones it leaves out keep their value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub history: Option<bool>,
    pub changes: Option<bool>,
}

impl Options {
    /// These options with `settings` applied.
    #[must_use]
    pub fn with(self, settings: Settings) -> Options {
        Options {
            history: settings.history.unwrap_or(self.history),
            changes: settings.changes.unwrap_or(self.changes),
        }
    }

    /// The options as the JSON object `docstore_collection_options` returns.
    #[must_use]
    pub fn to_json(self) -> Value {
        serde_json::json!({ "history": self.history, "changes": self.changes })
    }

    /// The options packed into two bits (history 1, changes 2), as the trigger's cache holds them.
    #[must_use]
    pub fn bits(self) -> i32 {
        i32::from(self.history) | (i32::from(self.changes) << 1)
    }

    /// The options from [`Options::bits`].
    #[must_use]
    pub fn from_bits(bits: i32) -> Options {
        Options {
            history: bits & 1 != 0,
            changes: bits & 2 != 0,
        }
    }
}

/// Reads the options object of `docstore_configure`: only known keys, each a boolean.
pub fn parse(options: &Map<String, Value>) -> Result<Settings, Error> {
    let mut settings = Settings::default();
    for (key, value) in options {
        let slot = match key.as_str() {
            "history" => &mut settings.history,
            "changes" => &mut settings.changes,
            _ => {
                return Err(Error::UnknownOption {
                    option: key.clone(),
                    allowed: ALLOWED,
                })
            }
        };
        let Value::Bool(on) = value else {
            return Err(Error::BadOption {
                option: if key == "history" {
                    "history"
                } else {
                    "changes"
                },
                expected: "true or false",
            });
        };
        *slot = Some(*on);
    }
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        value.as_object().expect("an object").clone()
    }

    #[test]
    fn known_options_are_read_and_others_keep_their_value() {
        let settings = parse(&object(json!({"history": true}))).unwrap();
        assert_eq!(
            settings,
            Settings {
                history: Some(true),
                changes: None
            }
        );
        let before = Options {
            history: false,
            changes: true,
        };
        assert_eq!(
            before.with(settings),
            Options {
                history: true,
                changes: true
            }
        );
        assert_eq!(
            Options::default().with(Settings::default()),
            Options::default()
        );
        assert_eq!(
            parse(&object(json!({}))).unwrap(),
            Settings::default(),
            "an empty object changes nothing"
        );
    }

    #[test]
    fn unknown_keys_and_non_booleans_are_rejected() {
        let error = parse(&object(json!({"histroy": true}))).unwrap_err();
        assert_eq!(error.sqlstate().code(), "22023");
        assert!(error.to_string().contains("histroy"), "{error}");
        assert!(error.to_string().contains(ALLOWED), "{error}");
        for bad in [json!(1), json!("true"), json!(null), json!([true])] {
            let error = parse(&object(json!({"changes": bad}))).unwrap_err();
            assert_eq!(error.sqlstate().code(), "22023");
            assert!(error.to_string().contains("changes"), "{error}");
        }
    }

    #[test]
    fn bits_round_trip() {
        for history in [false, true] {
            for changes in [false, true] {
                let options = Options { history, changes };
                assert_eq!(Options::from_bits(options.bits()), options);
            }
        }
        assert_eq!(
            Options {
                history: true,
                changes: false
            }
            .to_json(),
            json!({"history": true, "changes": false})
        );
    }
}
