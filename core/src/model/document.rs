//! The plan as a document: who issued it and when, its chapters, measures （一）… and columns
//! 专栏…, the departments it names and the regions it addresses.

use chrono::NaiveDate;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::basics::closed_set::closed_set;

use crate::basics::date_text;

use super::{Label, label};

/// Who issued the plan, when, under which number, for which period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// Title of the plan itself.
    pub title: Label,
    /// Title of the notice that issued it (印发通知), if any.
    #[serde(default)]
    pub notice_title_zh: Option<String>,
    /// 发文字号, e.g. 吉人社联〔2022〕145号.
    pub document_number: String,
    /// 索引号 of the government information-disclosure catalogue.
    #[serde(default)]
    pub index_number: Option<String>,
    /// Issuing departments, by department id, in the order the notice signs them.
    #[serde(default)]
    pub issuers: Vec<String>,
    /// 成文日期.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub written_on: NaiveDate,
    /// 发布日期.
    #[serde(default, with = "date_text::option")]
    #[schemars(with = "Option<crate::basics::date_text::DateText>")]
    pub published_on: Option<NaiveDate>,
    /// The period the targets cover, both ends inclusive.
    pub period: Period,
    /// Addressees of the notice, as written (主送).
    #[serde(default)]
    pub addressees: Vec<String>,
    /// The documents the plan says it is based on (依据).
    #[serde(default)]
    pub basis_documents: Vec<Label>,
    /// Where the text was published.
    #[serde(default)]
    pub source_url: Option<String>,
    /// The body of the issuing notice.
    #[serde(default)]
    pub notice_text_zh: Option<String>,
    /// The plan's opening paragraph (before chapter 一).
    #[serde(default)]
    pub preamble_zh: Option<String>,
}

/// A closed date interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The first day, an ISO date.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub start: NaiveDate,
    /// The last day (included), an ISO date.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub end: NaiveDate,
}

/// One repair of the source text, so that every change to the plan's words is visible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextFix {
    /// The clause the repair is in, e.g. `（三）`.
    pub clause: String,
    /// The text as extracted.
    pub found: String,
    /// The text as encoded in this file.
    pub fixed: String,
    /// Why it was changed.
    pub reason: String,
}

/// A department or body named in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Stable identifier, e.g. `hrss`.
    pub id: String,
    /// The short name as the plan writes it, e.g. 省人社厅.
    pub short_zh: String,
    /// The full official name, e.g. 吉林省人力资源和社会保障厅.
    pub full_zh: String,
    /// English name.
    pub en: String,
    /// Other forms the plan writes, e.g. 教育厅 without 省.
    #[serde(default)]
    pub aliases: Vec<String>,
}

closed_set! {
    /// What kind of administrative unit a region is.
    pub enum RegionKind {
        /// 省.
        Province = "province",
        /// 地级市.
        PrefectureCity = "prefecture_city",
        /// 自治州.
        AutonomousPrefecture = "autonomous_prefecture",
        /// A provincial management area such as 长白山管委会 (no GB/T 2260 code).
        ManagementArea = "management_area",
        /// A national-level new area such as 长春新区 (no GB/T 2260 code).
        NewArea = "new_area",
    }
}

impl RegionKind {
    /// The kind as the plan writes it (地级市, 自治州, …).
    pub fn label(self) -> Label {
        match self {
            RegionKind::Province => label("省", "province"),
            RegionKind::PrefectureCity => label("地级市", "prefecture-level city"),
            RegionKind::AutonomousPrefecture => label("自治州", "autonomous prefecture"),
            RegionKind::ManagementArea => label("管委会", "management area"),
            RegionKind::NewArea => label("国家级新区", "national new area"),
        }
    }
}

/// A region that targets and records can be attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Stable identifier, e.g. `changchun`.
    pub id: String,
    /// GB/T 2260 code, six digits; absent for units that have none.
    #[serde(default)]
    pub code: Option<String>,
    /// The region's name, e.g. 长春市.
    pub name: Label,
    /// What kind of administrative unit it is.
    pub kind: RegionKind,
    /// The enclosing region's id.
    #[serde(default)]
    pub parent: Option<String>,
    /// Provenance or caveats, e.g. why a unit has no code.
    #[serde(default)]
    pub note: Option<String>,
}

/// A chapter (一、指导思想 …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// The chapter numeral as written, e.g. `三`.
    pub id: String,
    /// The chapter's number (三 → 3), by which queries find it.
    pub number: u32,
    /// The chapter's heading.
    pub title: Label,
    /// The chapter's own text, outside its measures (may be empty).
    #[serde(default)]
    pub text_zh: String,
    /// The measures in the chapter, by id.
    #[serde(default)]
    pub measures: Vec<String>,
}

/// Who the plan makes responsible for a measure: the closing 「（…按职责分工负责）」.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    /// The parenthetical as written.
    pub text_zh: String,
    /// The lead department: the one named first, by the convention of joint documents.
    #[serde(default)]
    pub lead: Option<String>,
    /// Every department named, in the order written (the lead included).
    #[serde(default)]
    pub departments: Vec<String>,
    /// 「所有相关部门」: every relevant department, none named.
    #[serde(default)]
    pub all_relevant: bool,
    /// 「按职责分工负责」 (each within its remit) rather than a sole 「负责」.
    #[serde(default)]
    pub by_division_of_duties: bool,
}

/// A numbered measure, e.g. （二十五）加大职业技能培训投入力度.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The number as written, with full-width brackets, e.g. `（二十五）`.
    pub id: String,
    /// The measure's number (（二十五） → 25), by which queries find it.
    pub number: u32,
    /// The chapter the measure is in.
    pub chapter: String,
    /// The measure's heading.
    pub title: Label,
    /// The full text, the closing responsibility parenthetical included.
    pub text_zh: String,
    /// Who the measure makes responsible, when its text says.
    #[serde(default)]
    pub responsibility: Option<Responsibility>,
}

/// A boxed column (专栏).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// e.g. `专栏2`.
    pub id: String,
    /// The column's number (专栏2 → 2), by which queries find it.
    pub number: u32,
    /// The column's heading.
    pub title: Label,
    /// The measure the column follows in the text.
    #[serde(default)]
    pub after_measure: Option<String>,
    /// The column's items or rows, numbered from 1 in order.
    #[serde(default)]
    pub items: Vec<ColumnItem>,
}

/// One numbered item or row of a column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ColumnItem {
    /// The item's number, from 1; it must equal its position.
    pub number: u32,
    /// The item's heading (its first sentence), or the row's name.
    pub title_zh: String,
    /// The item's whole text as written.
    pub text_zh: String,
}
