//! MongoDB's `$regex` is PCRE (without Unicode properties for `\d`, `\w`, `\s`, `\b`: they are
//! ASCII — MongoDB's open SERVER-23881 asks for Unicode-aware `\w` and `\b`);
//! the regular expressions that run are PostgreSQL's (ARE, in the path language's
//! `like_regex`), which read some of the same text differently — `\b` is a backspace there, not
//! a word boundary; `\w` takes letters of every script; `$` does not match before a final
//! newline; `\Q…\E` is an error. [`to_are`] rewrites a PCRE pattern into the ARE pattern that
//! matches the same strings, and refuses (0A000, naming the construct) what it cannot rewrite
//! exactly, so that a pattern never silently means something else.
//!
//! Why not a PCRE engine: the pattern would run in Rust per row, on every candidate document
//! handed over from the executor, where the ARE runs inside PostgreSQL's path evaluation with
//! no conversion (see the README for the measurement).

use crate::Error;

fn unsupported(construct: &str, path: &str) -> Error {
    Error::Unsupported {
        what: format!("the regular expression construct {construct} (PCRE) in $regex"),
        path: path.to_string(),
    }
}

/// PCRE's `\s`: space, \t, \n, \v, \f, \r.
const SPACE: &str = r" \t\n\v\f\r";

/// The ARE text of a PCRE `pattern` (already stripped of `x`'s whitespace and comments);
/// `multiline` is the `m` option. Errors name the first construct that has no exact ARE form.
pub fn to_are(pattern: &str, multiline: bool, path: &str) -> Result<String, Error> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let Some(&e) = chars.get(i + 1) else {
                    return Err(unsupported("a trailing backslash", path));
                };
                i += 2;
                match e {
                    'd' => out.push_str("[0-9]"),
                    'D' => out.push_str("[^0-9]"),
                    'w' => out.push_str("[A-Za-z0-9_]"),
                    'W' => out.push_str("[^A-Za-z0-9_]"),
                    's' => out.push_str(&format!("[{SPACE}]")),
                    'S' => out.push_str(&format!("[^{SPACE}]")),
                    'b' => out.push_str(r"\y"),
                    'B' => out.push_str(r"\Y"),
                    'A' => out.push_str(r"\A"),
                    'z' => out.push_str(r"\Z"),
                    'Z' => out.push_str(r"(?=\n?\Z)"),
                    'N' => out.push_str(r"[^\n]"),
                    'E' => {} // a stray \E is nothing (PCRE)
                    'Q' => {
                        // Literal up to \E (or the end).
                        while i < chars.len() {
                            if chars[i] == '\\' && chars.get(i + 1) == Some(&'E') {
                                i += 2;
                                break;
                            }
                            push_literal(&mut out, chars[i]);
                            i += 1;
                        }
                    }
                    'x' => {
                        let (code, used) = hex_escape(&chars[i..], path)?;
                        i += used;
                        out.push_str(&format!("\\U{code:08X}"));
                    }
                    'n' | 't' | 'r' | 'f' | 'e' | 'a' => {
                        out.push('\\');
                        out.push(e);
                    }
                    '1'..='9' => {
                        out.push('\\');
                        out.push(e);
                    }
                    other if other.is_ascii_alphanumeric() => {
                        return Err(unsupported(&format!("\\{other}"), path));
                    }
                    other => push_literal(&mut out, other),
                }
            }
            '[' => {
                let (class, used) = class(&chars[i..], path)?;
                out.push_str(&class);
                i += used;
            }
            '(' if chars.get(i + 1) == Some(&'?') => {
                let rest: String = chars[i + 2..].iter().take(3).collect();
                if rest.starts_with(':')
                    || rest.starts_with('=')
                    || rest.starts_with('!')
                    || rest.starts_with("<=")
                    || rest.starts_with("<!")
                {
                    let take = if rest.starts_with('<') { 4 } else { 3 };
                    out.extend(&chars[i..i + take]);
                    i += take;
                } else if rest.starts_with('#') {
                    // A comment group.
                    while i < chars.len() && chars[i] != ')' {
                        i += 1;
                    }
                    i += 1;
                } else if rest.starts_with("P<") || rest.starts_with('<') || rest.starts_with('\'')
                {
                    // A named group: the name does not change what matches.
                    let close = if rest.starts_with('\'') { '\'' } else { '>' };
                    let mut j = i + 2;
                    while j < chars.len() && chars[j] != close {
                        j += 1;
                    }
                    if j >= chars.len() {
                        return Err(unsupported("an unterminated group name", path));
                    }
                    out.push('(');
                    i = j + 1;
                } else {
                    return Err(unsupported(
                        &format!("(?{rest}… (options inside the pattern, atomic groups, recursion: use $options)"),
                        path,
                    ));
                }
            }
            '$' if !multiline => {
                // PCRE: at the end, or before a newline that ends the string.
                out.push_str(r"(?=\n?\Z)");
                i += 1;
            }
            '*' | '+' | '?' | '}' if chars.get(i + 1) == Some(&'+') => {
                return Err(unsupported(
                    &format!("the possessive quantifier {c}+"),
                    path,
                ));
            }
            '{' => {
                // A bound ({n}, {n,}, {n,m}) stays; any other brace is a literal in PCRE.
                let mut j = i + 1;
                while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == ',') {
                    j += 1;
                }
                let body: String = chars[i + 1..j].iter().collect();
                let bound = chars.get(j) == Some(&'}')
                    && !body.is_empty()
                    && body.chars().next().is_some_and(|d| d.is_ascii_digit())
                    && body.matches(',').count() <= 1;
                if bound {
                    out.extend(&chars[i..=j]);
                    i = j + 1;
                } else {
                    out.push_str(r"\{");
                    i += 1;
                }
            }
            '}' => {
                out.push_str(r"\}");
                i += 1;
            }
            other => {
                out.push(other);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// A character written so that ARE reads it as itself.
fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_punctuation() {
        out.push('\\');
    }
    out.push(c);
}

/// `\xhh` (one or two hex digits) or `\x{h…}` after the `\x`: the code point and how many chars
/// it took.
fn hex_escape(rest: &[char], path: &str) -> Result<(u32, usize), Error> {
    let bad = || unsupported("a malformed \\x escape", path);
    if rest.first() == Some(&'{') {
        let end = rest.iter().position(|&c| c == '}').ok_or_else(bad)?;
        let digits: String = rest[1..end].iter().collect();
        let code = u32::from_str_radix(&digits, 16).map_err(|_| bad())?;
        char::from_u32(code).ok_or_else(bad)?;
        return Ok((code, end + 1));
    }
    let digits: String = rest
        .iter()
        .take(2)
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    if digits.is_empty() {
        return Ok((0, 0)); // PCRE: \x alone is NUL
    }
    Ok((
        u32::from_str_radix(&digits, 16).map_err(|_| bad())?,
        digits.len(),
    ))
}

/// A bracket expression starting at `chars[0] == '['`: its ARE text and length.
fn class(chars: &[char], path: &str) -> Result<(String, usize), Error> {
    let mut out = String::from("[");
    let mut i = 1;
    if chars.get(i) == Some(&'^') {
        out.push('^');
        i += 1;
    }
    // A `]` first is a literal.
    if chars.get(i) == Some(&']') {
        out.push_str(r"\]");
        i += 1;
    }
    while i < chars.len() {
        match chars[i] {
            ']' => {
                out.push(']');
                return Ok((out, i + 1));
            }
            '[' if chars.get(i + 1) == Some(&':') => {
                let end = (i + 2..chars.len().saturating_sub(1))
                    .find(|&j| chars[j] == ':' && chars[j + 1] == ']')
                    .ok_or_else(|| unsupported("an unterminated [: class", path))?;
                let name: String = chars[i + 2..end].iter().collect();
                out.push_str(match name.as_str() {
                    "digit" => "0-9",
                    "alpha" => "A-Za-z",
                    "alnum" => "A-Za-z0-9",
                    "upper" => "A-Z",
                    "lower" => "a-z",
                    "space" => SPACE,
                    "xdigit" => "0-9A-Fa-f",
                    "word" => "A-Za-z0-9_",
                    "blank" => r" \t",
                    _ => return Err(unsupported(&format!("[:{name}:]"), path)),
                });
                i = end + 2;
            }
            '\\' => {
                let Some(&e) = chars.get(i + 1) else {
                    return Err(unsupported("a trailing backslash", path));
                };
                i += 2;
                match e {
                    'd' => out.push_str("0-9"),
                    'w' => out.push_str("A-Za-z0-9_"),
                    's' => out.push_str(SPACE),
                    'b' => out.push_str(r"\b"), // backspace, in both
                    'n' | 't' | 'r' | 'f' | 'e' | 'a' => {
                        out.push('\\');
                        out.push(e);
                    }
                    'x' => {
                        let (code, used) = hex_escape(&chars[i..], path)?;
                        i += used;
                        out.push_str(&format!("\\U{code:08X}"));
                    }
                    other if other.is_ascii_alphanumeric() => {
                        return Err(unsupported(
                            &format!("\\{other} in a character class"),
                            path,
                        ));
                    }
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
            }
            other => {
                out.push(other);
                i += 1;
            }
        }
    }
    Err(unsupported("an unterminated character class", path))
}

#[cfg(test)]
mod tests {
    use super::to_are;

    fn are(p: &str) -> String {
        to_are(p, false, "f").unwrap()
    }

    #[test]
    fn pcre_classes_and_anchors_become_their_are_forms() {
        assert_eq!(are(r"^\d+$"), r"^[0-9]+(?=\n?\Z)");
        assert_eq!(are(r"\bcat\b"), r"\ycat\y");
        assert_eq!(are(r"\w\W\s"), r"[A-Za-z0-9_][^A-Za-z0-9_][ \t\n\v\f\r]");
        assert_eq!(are(r"[\d_a-f]"), r"[0-9_a-f]");
        assert_eq!(are(r"[[:alpha:]]"), r"[A-Za-z]");
        assert_eq!(are(r"\Qa.b*\E+"), r"a\.b\*+");
        assert_eq!(are(r"\x41\x{263A}"), r"\U00000041\U0000263A");
        assert_eq!(are(r"(?<year>\d{4})"), r"([0-9]{4})");
        assert_eq!(are(r"a{x}"), r"a\{x\}");
        assert_eq!(are(r"(?:ab)+(?=c)(?<!d)"), r"(?:ab)+(?=c)(?<!d)");
        assert_eq!(to_are("a$", true, "f").unwrap(), "a$");
    }

    #[test]
    fn what_has_no_exact_are_form_is_refused() {
        for p in [
            r"\p{L}",
            r"a*+",
            r"(?i)abc",
            r"(?>a)",
            r"\R",
            r"\K",
            r"[\D]",
            r"[[:graph:]]",
            r"\u0041",
            r"[abc",
        ] {
            let e = to_are(p, false, "f").unwrap_err();
            assert_eq!(e.sqlstate().code(), "0A000", "{p}: {e}");
        }
    }
}
