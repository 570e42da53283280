//! The plan's data model: one serde definition that the data file, the JSON Schema, the
//! canonical fingerprint and every binding share.
//!
//! Field names are the data file's keys. Identifiers are plain strings so that a plan for
//! another province or period loads with no code change; the loader checks that every
//! reference between them resolves (see `validate`).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{date_text, decimal_text};

/// The data format this crate reads. A file with another `format` is refused.
pub const FORMAT_VERSION: u32 = 1;

/// A whole training action plan, as written in its data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanData {
    /// Data format version; must equal 1.
    pub format: u32,
    /// Stable identifier of the plan, e.g. `jilin-2022-2025`.
    pub id: String,
    pub metadata: Metadata,
    /// Repairs of text-extraction artefacts applied to the source text, each listed.
    #[serde(default)]
    pub text_fixes: Vec<TextFix>,
    /// Every department or body the plan names.
    #[serde(default)]
    pub departments: Vec<Department>,
    /// Regions and the administrative units the notice addresses.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// Chapters 一, 二, … with their own text.
    #[serde(default)]
    pub chapters: Vec<Chapter>,
    /// Numbered measures （一）, （二）, ….
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Boxed columns 专栏1, 专栏2, ….
    #[serde(default)]
    pub columns: Vec<Column>,
    /// The quantitative targets (专栏1 in the Jilin plan).
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// The skill-level ladder, lowest first (学徒工 … 首席技师).
    // Absent sections stay out of the canonical form, so adding a section to the format leaves
    // the fingerprints of plans without it unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skill_levels: Vec<SkillLevel>,
    /// Conditions for applying to each level: a `default` set and per-occupation overrides.
    // Absent sections stay out of the canonical form, so adding a section to the format leaves
    // the fingerprints of plans without it unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub level_requirements: Vec<LevelRequirements>,
    /// Professional titles (职称) reached through the 双贯通 crosswalk.
    // Absent sections stay out of the canonical form, so adding a section to the format leaves
    // the fingerprints of plans without it unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<Title>,
    /// The 双贯通 crosswalk between skill levels and professional titles.
    // Absent sections stay out of the canonical form, so adding a section to the format leaves
    // the fingerprints of plans without it unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crosswalk: Vec<CrosswalkEntry>,
    /// Equivalences of 技工院校 classes to school diplomas, and their purposes.
    // Absent sections stay out of the canonical form, so adding a section to the format leaves
    // the fingerprints of plans without it unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub education_equivalences: Vec<EducationEquivalence>,
    /// The vocabularies of the real-name training records that counting rules refer to.
    // Absent sections stay out of the canonical form (see above).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<RecordVocabulary>,
    /// Statuses, target groups and subsidy rules for eligibility checks (（二十五）).
    // Absent sections stay out of the canonical form (see above).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<crate::eligibility::data::EligibilityData>,
}

/// A text in Chinese (as the plan writes it) and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub zh: String,
    pub en: String,
}

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
    #[schemars(with = "String")]
    pub written_on: NaiveDate,
    /// 发布日期.
    #[serde(default, with = "date_text::option")]
    #[schemars(with = "Option<String>")]
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
    #[serde(with = "date_text")]
    #[schemars(with = "String")]
    pub start: NaiveDate,
    #[serde(with = "date_text")]
    #[schemars(with = "String")]
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

/// What kind of administrative unit a region is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    Province,
    /// 地级市.
    PrefectureCity,
    /// 自治州.
    AutonomousPrefecture,
    /// A provincial management area such as 长白山管委会 (no GB/T 2260 code).
    ManagementArea,
    /// A national-level new area such as 长春新区 (no GB/T 2260 code).
    NewArea,
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
    pub name: Label,
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
    pub number: u32,
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
    pub number: u32,
    /// The chapter the measure is in.
    pub chapter: String,
    pub title: Label,
    /// The full text, the closing responsibility parenthetical included.
    pub text_zh: String,
    #[serde(default)]
    pub responsibility: Option<Responsibility>,
}

/// A boxed column (专栏).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// e.g. `专栏2`.
    pub id: String,
    pub number: u32,
    pub title: Label,
    /// The measure the column follows in the text.
    #[serde(default)]
    pub after_measure: Option<String>,
    #[serde(default)]
    pub items: Vec<ColumnItem>,
}

/// One numbered item or row of a column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ColumnItem {
    pub number: u32,
    /// The item's heading (its first sentence), or the row's name.
    pub title_zh: String,
    /// The item's whole text as written.
    pub text_zh: String,
}

/// The unit an indicator is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 人次: one per person per training or certificate.
    PersonTimes,
    /// 个: a count of things such as training bases.
    Count,
}

/// How the achieved value is compared with the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Comparator {
    /// ≥
    #[serde(rename = ">=")]
    AtLeast,
    /// >
    #[serde(rename = ">")]
    MoreThan,
    /// ≤
    #[serde(rename = "<=")]
    AtMost,
    /// <
    #[serde(rename = "<")]
    LessThan,
    /// =
    #[serde(rename = "=")]
    Equal,
}

/// 预期性 (expected, guiding) or 约束性 (binding) indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    /// 预期性
    Expected,
    /// 约束性
    Binding,
}

/// A quantitative target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable identifier, e.g. `subsidized-training`.
    pub id: String,
    /// The clause that sets it, e.g. `专栏1`.
    pub clause: String,
    /// Its row in that clause, from 1.
    pub row: u32,
    pub name: Label,
    pub unit: Unit,
    pub comparator: Comparator,
    /// The exact target in units (≥84万 → "840000"). Written as a string or an integer, never a float.
    #[serde(with = "decimal_text")]
    #[schemars(with = "decimal_text::DecimalText")]
    pub target: Decimal,
    /// The target as the plan writes it, e.g. ≥84 万.
    pub target_text_zh: String,
    pub attribute: Attribute,
    /// The indicator this one is part of (「其中」), if any.
    #[serde(default)]
    pub parent: Option<String>,
    /// Cumulative values the plan expects by given dates (annual milestones), if it sets any;
    /// progress interpolates between them instead of linearly over the period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<PlanMilestone>,
    /// Which training or base records count toward this indicator, and on which date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counting: Option<CountingRule>,
}

/// A value an indicator should have reached by a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanMilestone {
    #[serde(with = "date_text")]
    #[schemars(with = "String")]
    pub date: NaiveDate,
    #[serde(with = "decimal_text")]
    #[schemars(with = "decimal_text::DecimalText")]
    pub value: Decimal,
}

impl Unit {
    /// The value used in data files and by every binding.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::PersonTimes => "person_times",
            Unit::Count => "count",
        }
    }

    /// The unit as the plan writes it.
    pub fn label(self) -> Label {
        match self {
            Unit::PersonTimes => label("人次", "person-times"),
            Unit::Count => label("个", "units"),
        }
    }
}

impl Attribute {
    pub fn as_str(self) -> &'static str {
        match self {
            Attribute::Expected => "expected",
            Attribute::Binding => "binding",
        }
    }

    pub fn label(self) -> Label {
        match self {
            Attribute::Expected => label("预期性", "expected"),
            Attribute::Binding => label("约束性", "binding"),
        }
    }
}

impl Comparator {
    /// The value used in data files and by every binding: >=, >, <=, <, =.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::AtLeast => ">=",
            Comparator::MoreThan => ">",
            Comparator::AtMost => "<=",
            Comparator::LessThan => "<",
            Comparator::Equal => "=",
        }
    }

    /// The comparator's symbol: ≥, >, ≤, <, =.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::MoreThan => ">",
            Comparator::AtMost => "≤",
            Comparator::LessThan => "<",
            Comparator::Equal => "=",
        }
    }

    /// Whether `achieved` satisfies this comparator against `target`.
    pub fn is_satisfied(self, achieved: Decimal, target: Decimal) -> bool {
        match self {
            Comparator::AtLeast => achieved >= target,
            Comparator::MoreThan => achieved > target,
            Comparator::AtMost => achieved <= target,
            Comparator::LessThan => achieved < target,
            Comparator::Equal => achieved == target,
        }
    }
}

impl RegionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RegionKind::Province => "province",
            RegionKind::PrefectureCity => "prefecture_city",
            RegionKind::AutonomousPrefecture => "autonomous_prefecture",
            RegionKind::ManagementArea => "management_area",
            RegionKind::NewArea => "new_area",
        }
    }

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

fn label(zh: &str, en: &str) -> Label {
    Label { zh: zh.to_owned(), en: en.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_text<T: Serialize>(value: T) -> String {
        serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    #[test]
    fn as_str_is_the_serde_name() {
        for u in [Unit::PersonTimes, Unit::Count] {
            assert_eq!(u.as_str(), serde_text(u));
        }
        for a in [Attribute::Expected, Attribute::Binding] {
            assert_eq!(a.as_str(), serde_text(a));
        }
        for c in
            [Comparator::AtLeast, Comparator::MoreThan, Comparator::AtMost, Comparator::LessThan, Comparator::Equal]
        {
            assert_eq!(c.as_str(), serde_text(c));
        }
        for k in [
            RegionKind::Province,
            RegionKind::PrefectureCity,
            RegionKind::AutonomousPrefecture,
            RegionKind::ManagementArea,
            RegionKind::NewArea,
        ] {
            assert_eq!(k.as_str(), serde_text(k));
        }
    }
}

/// How sure a sourced fact is (domain-facts' scale).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    High,
    Medium,
    Low,
    Unconfirmed,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
            Confidence::Unconfirmed => "unconfirmed",
        }
    }
}

/// What a rung of the ladder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LevelKind {
    /// Set within an enterprise (学徒工).
    EnterpriseInternal,
    /// A 职业资格 or 职业技能等级 certificate level (五级 … 一级).
    Certificate,
    /// A post an enterprise appoints (评聘): 特级技师, 首席技师.
    AppointedPost,
}

impl LevelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LevelKind::EnterpriseInternal => "enterprise_internal",
            LevelKind::Certificate => "certificate",
            LevelKind::AppointedPost => "appointed_post",
        }
    }
}

/// A rung of the skill ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillLevel {
    /// Stable identifier, e.g. `senior`.
    pub id: String,
    /// Position on the ladder, 1 = lowest.
    pub ordinal: u32,
    /// The national level number of certificate levels: 5 (初级) … 1 (高级技师).
    #[serde(default)]
    pub national_level: Option<u32>,
    pub name: Label,
    pub kind: LevelKind,
    pub source: String,
    pub confidence: Confidence,
    /// Cap of the 技能提升补贴 for a certificate at this level, in yuan, where national rules set one.
    #[serde(default, with = "decimal_text::option")]
    #[schemars(with = "Option<decimal_text::DecimalText>")]
    pub skill_upgrade_subsidy_cap: Option<Decimal>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Kinds of school diplomas that routes name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SchoolType {
    /// 技工学校
    TechnicalSchool,
    /// 高级技工学校
    SeniorTechnicalSchool,
    /// 技师学院
    TechnicianCollege,
    /// 中等职业学校（中专）
    SecondaryVocational,
    /// 高等职业学校
    HigherVocational,
    /// 大专
    JuniorCollege,
    /// 本科
    Bachelor,
    /// 硕士
    Master,
    /// 博士
    Doctorate,
}

impl SchoolType {
    pub const ALL: [SchoolType; 9] = [
        SchoolType::TechnicalSchool,
        SchoolType::SeniorTechnicalSchool,
        SchoolType::TechnicianCollege,
        SchoolType::SecondaryVocational,
        SchoolType::HigherVocational,
        SchoolType::JuniorCollege,
        SchoolType::Bachelor,
        SchoolType::Master,
        SchoolType::Doctorate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SchoolType::TechnicalSchool => "technical_school",
            SchoolType::SeniorTechnicalSchool => "senior_technical_school",
            SchoolType::TechnicianCollege => "technician_college",
            SchoolType::SecondaryVocational => "secondary_vocational",
            SchoolType::HigherVocational => "higher_vocational",
            SchoolType::JuniorCollege => "junior_college",
            SchoolType::Bachelor => "bachelor",
            SchoolType::Master => "master",
            SchoolType::Doctorate => "doctorate",
        }
    }

    pub fn parse(text: &str) -> Option<SchoolType> {
        SchoolType::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn label(self) -> Label {
        let (zh, en) = match self {
            SchoolType::TechnicalSchool => ("技工学校", "technical school"),
            SchoolType::SeniorTechnicalSchool => ("高级技工学校", "senior technical school"),
            SchoolType::TechnicianCollege => ("技师学院", "technician college"),
            SchoolType::SecondaryVocational => ("中等职业学校", "secondary vocational school"),
            SchoolType::HigherVocational => ("高等职业学校", "higher vocational school"),
            SchoolType::JuniorCollege => ("大专", "junior college"),
            SchoolType::Bachelor => ("本科", "bachelor's degree"),
            SchoolType::Master => ("硕士", "master's degree"),
            SchoolType::Doctorate => ("博士", "doctorate"),
        };
        label(zh, en)
    }
}

/// One condition of an application route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Cumulative years of work in the occupation or a related one.
    YearsOfWork { years: u32 },
    /// Years of work since obtaining the certificate of `level`.
    YearsSinceLevel { level: String, years: u32 },
    /// Holds the certificate of `level`.
    HoldsLevel { level: String },
    /// An apprenticeship in the occupation completed (学徒期满).
    ApprenticeshipCompleted,
    /// A diploma of one of `schools`; final-year students count when `final_year_students`.
    Diploma {
        schools: Vec<SchoolType>,
        #[serde(default)]
        final_year_students: bool,
    },
    /// Years of work since obtaining a 预备技师 certificate.
    YearsSincePreparatoryTechnician { years: u32 },
}

/// One way to qualify for a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: String,
    /// The level this route leads to.
    pub to: String,
    /// The route as the standard words it.
    pub label: Label,
    /// All must hold.
    pub conditions: Vec<Condition>,
}

/// The application routes of an occupation (or the `default` template).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelRequirements {
    /// `default`, or an occupation code (职业分类大典 code such as 4-07-02-03) or name.
    pub occupation: String,
    pub name: Label,
    pub source: String,
    pub confidence: Confidence,
    /// The highest level this occupation's standard has.
    #[serde(default)]
    pub max_level: Option<String>,
    /// For an occupation: replaces the default's routes for the levels it names.
    #[serde(default)]
    pub routes: Vec<Route>,
}

/// Grade of a professional title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TitleGrade {
    /// 初级 (助理)
    Junior,
    /// 中级
    Intermediate,
    /// 副高级
    DeputySenior,
    /// 正高级
    Senior,
}

impl TitleGrade {
    pub fn as_str(self) -> &'static str {
        match self {
            TitleGrade::Junior => "junior",
            TitleGrade::Intermediate => "intermediate",
            TitleGrade::DeputySenior => "deputy_senior",
            TitleGrade::Senior => "senior",
        }
    }
}

/// A professional title (职称).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub id: String,
    pub name: Label,
    pub grade: TitleGrade,
    /// The 职称 series, e.g. `engineering`.
    pub series: String,
}

/// Which way a crosswalk entry leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CrosswalkDirection {
    /// Holding a skill level, apply for a title.
    SkillToTitle,
    /// Holding a title, apply for a skill level.
    TitleToSkill,
}

impl CrosswalkDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            CrosswalkDirection::SkillToTitle => "skill_to_title",
            CrosswalkDirection::TitleToSkill => "title_to_skill",
        }
    }
}

/// One 双贯通 route between a skill level and a professional title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkEntry {
    pub id: String,
    pub direction: CrosswalkDirection,
    pub level: String,
    pub title: String,
    /// Years of (technical) work needed after obtaining the starting level or title.
    pub years: u32,
    /// Further conditions as the rule words them.
    pub conditions: Label,
    pub source: String,
    pub confidence: Confidence,
}

/// An education equivalence of a 技工院校 class, for a stated purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EducationEquivalence {
    /// The class: `intermediate-class`, `senior-class`, `preparatory-technician-class`.
    pub school_class: String,
    pub class_name: Label,
    pub equivalent: Label,
    /// What the equivalence is for, e.g. `title_application` (职称申报).
    pub purpose: String,
    pub source: String,
    pub confidence: Confidence,
    /// Where it does not hold.
    #[serde(default)]
    pub limits: Option<String>,
}

/// The values that the coded fields of training and base records may take (（九）, （十八）).
/// A record may give a value by its id, its Chinese name or one of its aliases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordVocabulary {
    /// Where these categories come from.
    pub source: String,
    /// 就业技能培训, 岗位技能提升培训, …
    pub training_types: Vec<Term>,
    /// Groups a trainee belongs to: 农民工, 脱贫劳动力, 退役军人, …
    pub groups: Vec<Term>,
    /// 职业资格证书, 职业技能等级证书, …
    pub certificate_kinds: Vec<Term>,
    /// 公共实训基地, 职业技能实训基地, 职业技能竞赛集训基地.
    pub base_kinds: Vec<Term>,
}

/// One value of a record vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable identifier, e.g. `apprenticeship`.
    pub id: String,
    pub name: Label,
    /// Other spellings record systems use, e.g. `企业新型学徒制`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// The kind of record a counting rule counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordSubject {
    /// A person's training (and the certificate it led to): one row per person per training.
    Training,
    /// A training base (公共实训基地 …).
    Base,
}

/// The record fields a counting rule can test or date by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordField {
    TrainingType,
    Subsidised,
    Groups,
    StartDate,
    EndDate,
    CompletionDate,
    CertificateKind,
    CertificateLevel,
    CertificateDate,
    BaseKind,
    DesignatedDate,
}

impl RecordField {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordField::TrainingType => "training_type",
            RecordField::Subsidised => "subsidised",
            RecordField::Groups => "groups",
            RecordField::StartDate => "start_date",
            RecordField::EndDate => "end_date",
            RecordField::CompletionDate => "completion_date",
            RecordField::CertificateKind => "certificate_kind",
            RecordField::CertificateLevel => "certificate_level",
            RecordField::CertificateDate => "certificate_date",
            RecordField::BaseKind => "base_kind",
            RecordField::DesignatedDate => "designated_date",
        }
    }
}

/// How an indicator counts records: which ones, and which of their dates places them in time.
/// Compiled once when the plan loads; a rule that names an unknown field or value is a load
/// error with its path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountingRule {
    pub subject: RecordSubject,
    /// The date that places a counted record in a month (a date field of the subject).
    pub date: RecordField,
    /// The condition a record must meet; absent, every record of the subject counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<RecordCondition>,
    /// Why the rule reads so: the clause and, where the plan is silent, the default chosen.
    pub source: String,
    /// What the plan does not settle and this rule assumes (shown with every count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unconfirmed: Option<String>,
}

/// A condition over one record: exactly one of `all`, `any`, `not`, or a `field` with one test.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordCondition {
    /// Every condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<RecordCondition>>,
    /// At least one condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<RecordCondition>>,
    /// The condition does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<RecordCondition>>,
    /// The field a test reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<RecordField>,
    /// The field equals this term id, level id, or (for `subsidised`) true or false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<ConditionValue>,
    /// The field is one of these term ids.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
    /// `groups` includes at least one of these group ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_any: Option<Vec<String>>,
    /// `certificate_level` is this skill level or higher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<String>,
    /// The field is given (true) or absent (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
}

/// The value of an `equals` test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ConditionValue {
    Flag(bool),
    Text(String),
}
