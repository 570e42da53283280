//! Text as messages may show it: what a person typed is cut short and stripped of anything
//! shaped like an ID number before any message, path or `Debug` text repeats it.

use std::borrow::Cow;

/// What stands for a withheld number in messages and paths.
const WITHHELD: &str = "<number withheld>";

/// At most this many characters of an input appear in a message.
pub const SHOWN_CHARS: usize = 40;

/// At most 40 characters of an input, for messages: enough to recognise a typo, never a whole
/// record pasted where an id was expected, and never an ID number ([`redact`]).
pub fn shown(text: &str) -> String {
    redact(&text.chars().take(SHOWN_CHARS).collect::<String>()).into_owned()
}

/// Withholds every run of 15 or more digits (an X may end it): the shape of a 身份证号 (15 or 18
/// characters) or of any long account number a person typed into the wrong field. Applied to
/// every message, path and `Debug` text an error shows, whatever built it.
pub fn redact(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let mut out: Option<String> = None;
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start >= 15 {
                if i < b.len() && (b[i] == b'X' || b[i] == b'x') {
                    i += 1;
                }
                let o = out.get_or_insert_with(String::new);
                o.push_str(&text[copied..start]);
                o.push_str(WITHHELD);
                copied = i;
            }
        } else {
            i += 1;
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
    }
}

/// `str::trim`, skipping the Unicode scan when both ends are visible ASCII (almost always, for
/// the fields of a record).
#[inline]
pub fn trim(text: &str) -> &str {
    match text.as_bytes() {
        [] => text,
        [first, .., last] | [first @ last] if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::{redact, trim};

    #[test]
    fn long_digit_runs_are_withheld_and_the_rest_kept() {
        assert_eq!(redact("profile.110105194912310021"), "profile.<number withheld>");
        assert_eq!(redact("id 11010519491231002X and 110105491231002."), "id <number withheld> and <number withheld>.");
        assert_eq!(redact("rows[12].region: 220100 is 2023-05-01"), "rows[12].region: 220100 is 2023-05-01");
        assert_eq!(redact("the value 1000000000000001 is above 10^15"), "the value <number withheld> is above 10^15");
    }

    #[test]
    fn trim_is_str_trim() {
        for text in ["", " a ", "a", "ab", "\u{3000}长春\u{3000}", "\tx"] {
            assert_eq!(trim(text), text.trim());
        }
    }
}
