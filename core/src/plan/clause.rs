//! Clause references: parsing what people write (（二十五）, (25), 专栏2, 专栏2.1, 三) and
//! resolving it to the plan's text.

use serde::Serialize;

use crate::basics::closed_set::closed_set;
use crate::model::Label;
use crate::plan::Plan;

closed_set! {
    /// What kind of clause a reference points to.
    pub enum ClauseKind {
        /// A chapter: 一, 二, ….
        Chapter = "chapter",
        /// A numbered measure: （一）, （二）, ….
        Measure = "measure",
        /// A boxed column: 专栏1, ….
        Column = "column",
        /// An item of a column: 专栏2.1, ….
        ColumnItem = "column_item",
    }
}

/// A clause of the plan with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Clause {
    /// The canonical id: 三, （二十五）, 专栏2 or 专栏2.1.
    pub id: String,
    /// Chapter, measure, column or column item.
    pub kind: ClauseKind,
    /// The clause's heading.
    pub title: Label,
    /// The clause's text as written; for a column, its items, one `N. text` line each.
    pub text_zh: String,
    /// The enclosing clause: a measure's chapter, an item's column.
    pub parent: Option<String>,
}

/// A parsed reference, not yet looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClauseRef {
    Chapter(u32),
    Measure(u32),
    Column(u32),
    ColumnItem(u32, u32),
}

impl ClauseRef {
    pub(crate) fn parse(text: &str) -> Option<ClauseRef> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(rest) = t.strip_prefix("专栏") {
            return match rest.split_once(['.', '-', '．']) {
                Some((col, item)) => Some(ClauseRef::ColumnItem(col.parse().ok()?, item.parse().ok()?)),
                None => Some(ClauseRef::Column(rest.parse().ok()?)),
            };
        }
        let bracketed = t.strip_prefix(['（', '(']).and_then(|s| s.strip_suffix(['）', ')']));
        if let Some(inner) = bracketed {
            return Some(ClauseRef::Measure(number(inner)?));
        }
        if let Ok(n) = t.parse::<u32>() {
            return Some(ClauseRef::Measure(n));
        }
        let n = chinese_number(&t)?;
        // A single numeral 一…十 names a chapter; 十一 and above can only be measures.
        if t.chars().count() == 1 { Some(ClauseRef::Chapter(n)) } else { Some(ClauseRef::Measure(n)) }
    }

    pub(crate) fn resolve(self, plan: &Plan) -> Option<Clause> {
        let data = plan.data();
        match self {
            ClauseRef::Chapter(n) => data.chapters.iter().find(|c| c.number == n).map(|c| Clause {
                id: c.id.clone(),
                kind: ClauseKind::Chapter,
                title: c.title.clone(),
                text_zh: c.text_zh.clone(),
                parent: None,
            }),
            ClauseRef::Measure(n) => plan.measure_by_number(n).map(|m| Clause {
                id: m.id.clone(),
                kind: ClauseKind::Measure,
                title: m.title.clone(),
                text_zh: m.text_zh.clone(),
                parent: Some(m.chapter.clone()),
            }),
            ClauseRef::Column(n) => data.columns.iter().find(|c| c.number == n).map(|c| Clause {
                id: c.id.clone(),
                kind: ClauseKind::Column,
                title: c.title.clone(),
                text_zh: c.items.iter().map(|i| format!("{}. {}", i.number, i.text_zh)).collect::<Vec<_>>().join("\n"),
                parent: c.after_measure.clone(),
            }),
            ClauseRef::ColumnItem(n, k) => {
                let column = data.columns.iter().find(|c| c.number == n)?;
                let item = column.items.iter().find(|i| i.number == k)?;
                Some(Clause {
                    id: format!("{}.{}", column.id, item.number),
                    kind: ClauseKind::ColumnItem,
                    title: Label {
                        zh: item.title_zh.clone(),
                        en: format!("{}, item {}", column.title.en, item.number),
                    },
                    text_zh: item.text_zh.clone(),
                    parent: Some(column.id.clone()),
                })
            }
        }
    }
}

fn number(text: &str) -> Option<u32> {
    text.parse().ok().or_else(|| chinese_number(text))
}

/// 一 … 九十九 written with 十 (as clause numbers are).
pub(crate) fn chinese_number(text: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| (i / '一'.len_utf8()) as u32 + 1);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [d] if *d == '十' => Some(10),
        [d] => digit(*d),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number("一"), Some(1));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十三"), Some(13));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("二十七"), Some(27));
        assert_eq!(chinese_number("零"), None);
        assert_eq!(chinese_number("十十"), None);
    }

    #[test]
    fn references() {
        assert_eq!(ClauseRef::parse("（二十五）"), Some(ClauseRef::Measure(25)));
        assert_eq!(ClauseRef::parse("(十三)"), Some(ClauseRef::Measure(13)));
        assert_eq!(ClauseRef::parse("25"), Some(ClauseRef::Measure(25)));
        assert_eq!(ClauseRef::parse("(7)"), Some(ClauseRef::Measure(7)));
        assert_eq!(ClauseRef::parse("二十五"), Some(ClauseRef::Measure(25)));
        assert_eq!(ClauseRef::parse("三"), Some(ClauseRef::Chapter(3)));
        assert_eq!(ClauseRef::parse("专栏 2"), Some(ClauseRef::Column(2)));
        assert_eq!(ClauseRef::parse("专栏2.3"), Some(ClauseRef::ColumnItem(2, 3)));
        assert_eq!(ClauseRef::parse("专栏x"), None);
        assert_eq!(ClauseRef::parse(""), None);
    }
}
