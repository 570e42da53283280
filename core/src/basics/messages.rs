//! The message catalogue: every sentence an explanation shows, in Chinese and English, is data
//! (`core/messages/explanations.toml`), not a `format!` in the code that decides. A module names
//! its messages with [`messages!`] (an enum whose variants are the catalogue's keys) and renders
//! one only when a host asks for the explanation, in one language or both.
//!
//! A template's `{name}` is replaced by the argument of that name; a list argument is joined by
//! the language's separator from the catalogue's `[join]` table. Rendering counts itself per
//! thread ([`rendered_on_this_thread`]), so that a test can show that reading an answer renders
//! nothing.

use std::cell::Cell;
use std::collections::BTreeMap;

/// The catalogue, embedded: read once per message set, on its first rendering.
pub(crate) const CATALOGUE: &str = include_str!("../../messages/explanations.toml");

closed_set! {
    /// A language an explanation is written in.
    pub enum Lang {
        /// Chinese.
        Zh = "zh",
        /// English.
        En = "en",
    }
}

/// A value a template shows.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Arg<'a> {
    /// A number, written in full.
    Num(i64),
    /// The same text in both languages (a date, a field path).
    Text(&'a str),
    /// A text for each language: Chinese, then English.
    Both(&'a str, &'a str),
    /// Names (Chinese, English), joined by the language's list separator (`[join.list]`).
    List(&'a [(&'a str, &'a str)]),
    /// Names joined as within a phrase (`[join.inline]`).
    Inline(&'a [(&'a str, &'a str)]),
}

thread_local! {
    static RENDERED: Cell<u64> = const { Cell::new(0) };
}

/// How many messages this thread has rendered since it started. Answers render none; only
/// explanations do.
pub fn rendered_on_this_thread() -> u64 {
    RENDERED.with(Cell::get)
}

/// One message set's templates, in the order of its keys.
#[derive(Debug)]
pub(crate) struct Catalogue {
    templates: Vec<[String; 2]>,
    join: [[String; 2]; 2],
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, [String; 2]>) {
    for (key, value) in table {
        let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        let Some(t) = value.as_table() else { continue };
        match (t.get("zh").and_then(|v| v.as_str()), t.get("en").and_then(|v| v.as_str())) {
            (Some(zh), Some(en)) if t.len() == 2 => {
                out.insert(path, [zh.to_owned(), en.to_owned()]);
            }
            _ => flatten(&path, t, out),
        }
    }
}

/// The messages of `section` of `text`, by dotted key; and the separators of lists and of
/// names within a phrase, each in Chinese and English.
pub(crate) fn section(text: &str, section: &str) -> (BTreeMap<String, [String; 2]>, [[String; 2]; 2]) {
    let table: toml::Table = text.parse().unwrap_or_default();
    let mut messages = BTreeMap::new();
    if let Some(t) = table.get(section).and_then(|v| v.as_table()) {
        flatten("", t, &mut messages);
    }
    let sep = |kind: &str, lang: &str| {
        let j = table.get("join").and_then(|j| j.get(kind)).and_then(|k| k.get(lang));
        j.and_then(|v| v.as_str()).unwrap_or(", ").to_owned()
    };
    (messages, [[sep("list", "zh"), sep("list", "en")], [sep("inline", "zh"), sep("inline", "en")]])
}

impl Catalogue {
    /// The templates of `keys` in `section` of the embedded catalogue. A key it lacks renders
    /// as empty text: the catalogue test (`every_message_has_a_template`) keeps that from
    /// happening, and a missing sentence must not fail a decision.
    pub(crate) fn load(section_name: &str, keys: &[&str]) -> Catalogue {
        let (mut messages, join) = section(CATALOGUE, section_name);
        let templates = keys.iter().map(|k| messages.remove(*k).unwrap_or_default()).collect();
        Catalogue { templates, join }
    }

    fn push_names(&self, out: &mut String, items: &[(&str, &str)], join: usize, lang: Lang) {
        for (i, (zh, en)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(&self.join[join][lang as usize]);
            }
            out.push_str(if lang == Lang::Zh { zh } else { en });
        }
    }

    /// Renders message `index` in `lang`.
    pub(crate) fn render(&self, index: usize, lang: Lang, args: &[(&str, Arg<'_>)]) -> String {
        RENDERED.with(|n| n.set(n.get() + 1));
        let l = lang as usize;
        let template = self.templates.get(index).map_or("", |t| t[l].as_str());
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let name = &after[..close];
            match args.iter().find(|(n, _)| *n == name).map(|(_, a)| *a) {
                Some(Arg::Num(n)) => out.push_str(&n.to_string()),
                Some(Arg::Text(t)) => out.push_str(t),
                Some(Arg::Both(zh, en)) => out.push_str(if lang == Lang::Zh { zh } else { en }),
                Some(Arg::List(items)) => self.push_names(&mut out, items, 0, lang),
                Some(Arg::Inline(items)) => self.push_names(&mut out, items, 1, lang),
                // An unknown placeholder stays as written, so that the catalogue test sees it.
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// Names the messages of one catalogue section: `$name::Variant.render(lang, args)` and
/// `.both(args)`; `$name::KEYS` lists the keys, in order, for the catalogue test.
macro_rules! messages {
    (
        $(#[$doc:meta])*
        $vis:vis enum $name:ident in $section:literal {
            $( $variant:ident = $key:literal ),+ $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name {
            $( #[doc = $key] $variant ),+
        }

        impl $name {
            /// The catalogue section.
            #[allow(dead_code)]
            pub(crate) const SECTION: &'static str = $section;
            /// Every key, in the order of the variants.
            pub(crate) const KEYS: &'static [&'static str] = &[$($key),+];

            fn catalogue() -> &'static $crate::basics::messages::Catalogue {
                static CATALOGUE: std::sync::OnceLock<$crate::basics::messages::Catalogue> = std::sync::OnceLock::new();
                CATALOGUE.get_or_init(|| $crate::basics::messages::Catalogue::load($section, Self::KEYS))
            }

            /// The message in `lang`.
            pub(crate) fn render(
                self,
                lang: $crate::basics::messages::Lang,
                args: &[(&str, $crate::basics::messages::Arg<'_>)],
            ) -> String {
                Self::catalogue().render(self as usize, lang, args)
            }

            /// The message in Chinese, then English.
            #[allow(dead_code)]
            pub(crate) fn both(self, args: &[(&str, $crate::basics::messages::Arg<'_>)]) -> [String; 2] {
                [
                    self.render($crate::basics::messages::Lang::Zh, args),
                    self.render($crate::basics::messages::Lang::En, args),
                ]
            }
        }
    };
}

pub(crate) use messages;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every key of a message set has a template in both languages, the section has no other
    /// key, and every placeholder is one of `names`.
    pub(crate) fn check_section(section_name: &str, keys: &[&str], names: &[&str]) {
        let (messages, _) = section(CATALOGUE, section_name);
        let missing: Vec<_> = keys.iter().filter(|k| !messages.contains_key(**k)).collect();
        let extra: Vec<_> = messages.keys().filter(|k| !keys.contains(&k.as_str())).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{section_name}: missing {missing:?}, not used {extra:?}");
        for (key, [zh, en]) in &messages {
            for text in [zh, en] {
                let mut rest = text.as_str();
                while let Some(open) = rest.find('{') {
                    let close = rest[open..].find('}').map(|c| open + c).expect("a closed placeholder");
                    let name = &rest[open + 1..close];
                    assert!(names.contains(&name), "{section_name}.{key}: unknown placeholder {{{name}}}");
                    rest = &rest[close + 1..];
                }
            }
        }
    }

    #[test]
    fn the_catalogue_parses_and_has_separators() {
        let table: toml::Table = CATALOGUE.parse().expect("explanations.toml is TOML");
        assert!(table.contains_key("join"));
    }

    #[test]
    fn rendering_fills_arguments_and_counts() {
        let c = Catalogue {
            templates: vec![["{n}次：{names}".into(), "{n} times: {names}".into()]],
            join: [["、".into(), "; ".into()], ["、".into(), ", ".into()]],
        };
        let before = rendered_on_this_thread();
        let names = [("甲", "a"), ("乙", "b")];
        let args = [("n", Arg::Num(3)), ("names", Arg::List(&names))];
        assert_eq!(c.render(0, Lang::Zh, &args), "3次：甲、乙");
        assert_eq!(c.render(0, Lang::En, &args), "3 times: a; b");
        assert_eq!(rendered_on_this_thread(), before + 2);
    }
}
