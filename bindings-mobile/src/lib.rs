//! Kotlin and Swift binding of skillplan (uniffi, proc-macros): records, enums and a sealed
//! error type that mirror the core model. Decimals cross as exact strings (Kotlin
//! `java.math.BigDecimal`), dates as ISO strings (Kotlin `java.time.LocalDate`). No logic here.

mod eligibility;
mod pathway;
mod progress;
mod records;

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use skillplan as core;

uniffi::setup_scaffolding!();

/// An exact decimal. Named so that Swift's Foundation `Decimal` is not shadowed.
pub type ExactDecimal = Decimal;
/// A calendar date. Named so that Swift's Foundation `Date` is not shadowed.
pub type CalendarDate = NaiveDate;

uniffi::custom_type!(ExactDecimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| Ok(core::decimal_text::parse(&s).map_err(lift_error)?),
});

uniffi::custom_type!(CalendarDate, String, {
    remote,
    lower: |d| d.format("%Y-%m-%d").to_string(),
    // Any date the host's type holds crosses (LocalDate's text, years past 9999 signed); what
    // is out of range for a use is that call's typed error, not uniffi's untyped lift error.
    try_lift: |s| Ok(NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| lift_error(e.to_string()))?),
});

fn lift_error(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, message)
}

/// Every error of the library: a stable `code`, a `path` to the offending input, and detail.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum SkillplanError {
    /// A plan that cannot be read or is invalid (codes PLAN_*).
    #[error("{code} at {path}: {detail}")]
    Plan { code: String, path: String, reason: Option<String>, detail: String, issues: Vec<Issue> },
    /// A query named something the plan does not have (codes UNKNOWN_*).
    #[error("{code} at {path}: {detail}")]
    NotFound { code: String, path: String, detail: String },
    /// Input that cannot be used: observations, options, a worker or records (codes INVALID_*,
    /// TOO_MANY_INVALID_RECORDS).
    #[error("{code} at {path}: {detail}")]
    InvalidInput { code: String, path: String, reason: Option<String>, detail: String },
    /// A fault inside skillplan, a bug (code INTERNAL): the call failed, the library and the
    /// app go on. `detail` names the operation and nothing of the input.
    #[error("{code}: {detail}")]
    Internal { code: String, path: String, detail: String },
}

/// Runs the body of an exported call under the core's fault guard: a panic inside becomes
/// `SkillplanError.Internal`, never uniffi's untyped panic error (in Swift, a crash for a
/// non-throwing call). That is why every exported function here throws.
pub(crate) fn guard<T>(
    operation: &'static str,
    body: impl FnOnce() -> Result<T, SkillplanError>,
) -> Result<T, SkillplanError> {
    core::host::catch(operation, body).unwrap_or_else(|e| Err(e.into()))
}

/// Makes the next call of `operation` (an exported function's name as Kotlin and Swift spell
/// it, e.g. `checkEligibilityJson`, or `*` for any) fail with `SkillplanError.Internal`, once:
/// for testing an app's error path. Nothing else changes.
#[uniffi::export]
pub fn inject_fault(operation: String) {
    core::host::inject_fault(&operation);
}

impl From<core::Error> for SkillplanError {
    fn from(e: core::Error) -> Self {
        let code = e.code().as_str().to_owned();
        let path = e.path();
        let detail = e.to_string();
        match e {
            core::Error::Plan(_) => SkillplanError::Plan {
                code,
                path,
                reason: e.reason().map(str::to_owned),
                issues: e.issues().iter().map(Issue::from).collect(),
                detail,
            },
            core::Error::Query(_) => SkillplanError::NotFound { code, path, detail },
            core::Error::Internal(_) => SkillplanError::Internal { code, path, detail },
            core::Error::Observation(_)
            | core::Error::Options(_)
            | core::Error::Worker(_)
            | core::Error::Records(_)
            | core::Error::Profile(_) => {
                SkillplanError::InvalidInput { code, path, reason: e.reason().map(str::to_owned), detail }
            }
        }
    }
}

impl From<core::QueryError> for SkillplanError {
    fn from(e: core::QueryError) -> Self {
        core::Error::from(e).into()
    }
}

/// One problem found in a plan file.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Issue {
    pub reason: String,
    pub path: String,
    pub message: String,
}

impl From<&core::Issue> for Issue {
    fn from(i: &core::Issue) -> Self {
        Issue { reason: i.reason.as_str().to_owned(), path: i.path.clone(), message: i.message.clone() }
    }
}

/// A text in Chinese (as the plan writes it) and English.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Label {
    pub zh: String,
    pub en: String,
}

impl From<&core::Label> for Label {
    fn from(l: &core::Label) -> Self {
        Label { zh: l.zh.clone(), en: l.en.clone() }
    }
}

/// A closed date interval.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Period {
    pub start: CalendarDate,
    pub end: CalendarDate,
}

/// Who issued the plan, when, under which number, for which period.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Metadata {
    pub title: Label,
    pub notice_title_zh: Option<String>,
    pub document_number: String,
    pub index_number: Option<String>,
    pub issuers: Vec<String>,
    pub written_on: CalendarDate,
    pub published_on: Option<CalendarDate>,
    pub period: Period,
    pub addressees: Vec<String>,
    pub basis_documents: Vec<Label>,
    pub source_url: Option<String>,
    pub notice_text_zh: Option<String>,
    pub preamble_zh: Option<String>,
}

impl From<&core::Metadata> for Metadata {
    fn from(m: &core::Metadata) -> Self {
        Metadata {
            title: (&m.title).into(),
            notice_title_zh: m.notice_title_zh.clone(),
            document_number: m.document_number.clone(),
            index_number: m.index_number.clone(),
            issuers: m.issuers.clone(),
            written_on: m.written_on,
            published_on: m.published_on,
            period: Period { start: m.period.start, end: m.period.end },
            addressees: m.addressees.clone(),
            basis_documents: m.basis_documents.iter().map(Label::from).collect(),
            source_url: m.source_url.clone(),
            notice_text_zh: m.notice_text_zh.clone(),
            preamble_zh: m.preamble_zh.clone(),
        }
    }
}

/// 人次 (person-times) or 个 (count). Not named `Unit`, which is Kotlin's unit type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum IndicatorUnit {
    PersonTimes,
    Count,
}

/// How achieved is compared with target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Comparator {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Equal,
}

/// 预期性 (expected) or 约束性 (binding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Attribute {
    Expected,
    Binding,
}

/// A quantitative target of the plan (专栏1 row).
#[derive(Debug, Clone, uniffi::Record)]
pub struct Indicator {
    pub id: String,
    pub clause: String,
    pub row: u32,
    pub name: Label,
    pub unit: IndicatorUnit,
    pub comparator: Comparator,
    pub target: ExactDecimal,
    pub target_text_zh: String,
    pub attribute: Attribute,
    pub parent: Option<String>,
}

impl From<core::Unit> for IndicatorUnit {
    fn from(u: core::Unit) -> Self {
        match u {
            core::Unit::PersonTimes => IndicatorUnit::PersonTimes,
            core::Unit::Count => IndicatorUnit::Count,
        }
    }
}

impl From<core::Comparator> for Comparator {
    fn from(c: core::Comparator) -> Self {
        match c {
            core::Comparator::AtLeast => Comparator::AtLeast,
            core::Comparator::MoreThan => Comparator::MoreThan,
            core::Comparator::AtMost => Comparator::AtMost,
            core::Comparator::LessThan => Comparator::LessThan,
            core::Comparator::Equal => Comparator::Equal,
        }
    }
}

impl From<&core::Indicator> for Indicator {
    fn from(i: &core::Indicator) -> Self {
        Indicator {
            id: i.id.clone(),
            clause: i.clause.clone(),
            row: i.row,
            name: (&i.name).into(),
            unit: i.unit.into(),
            comparator: i.comparator.into(),
            target: i.target,
            target_text_zh: i.target_text_zh.clone(),
            attribute: match i.attribute {
                core::Attribute::Expected => Attribute::Expected,
                core::Attribute::Binding => Attribute::Binding,
            },
            parent: i.parent.clone(),
        }
    }
}

/// Who the plan makes responsible for a measure.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Responsibility {
    pub text_zh: String,
    pub lead: Option<String>,
    pub departments: Vec<String>,
    pub all_relevant: bool,
    pub by_division_of_duties: bool,
}

/// A numbered measure such as （二十五）.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Measure {
    pub id: String,
    pub number: u32,
    pub chapter: String,
    pub title: Label,
    pub text_zh: String,
    pub responsibility: Option<Responsibility>,
}

impl From<&core::Measure> for Measure {
    fn from(m: &core::Measure) -> Self {
        Measure {
            id: m.id.clone(),
            number: m.number,
            chapter: m.chapter.clone(),
            title: (&m.title).into(),
            text_zh: m.text_zh.clone(),
            responsibility: m.responsibility.as_ref().map(|r| Responsibility {
                text_zh: r.text_zh.clone(),
                lead: r.lead.clone(),
                departments: r.departments.clone(),
                all_relevant: r.all_relevant,
                by_division_of_duties: r.by_division_of_duties,
            }),
        }
    }
}

/// One numbered item of a column.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ColumnItem {
    pub number: u32,
    pub title_zh: String,
    pub text_zh: String,
}

/// A boxed column (专栏).
#[derive(Debug, Clone, uniffi::Record)]
pub struct Column {
    pub id: String,
    pub number: u32,
    pub title: Label,
    pub after_measure: Option<String>,
    pub items: Vec<ColumnItem>,
}

impl From<&core::Column> for Column {
    fn from(c: &core::Column) -> Self {
        Column {
            id: c.id.clone(),
            number: c.number,
            title: (&c.title).into(),
            after_measure: c.after_measure.clone(),
            items: c
                .items
                .iter()
                .map(|i| ColumnItem { number: i.number, title_zh: i.title_zh.clone(), text_zh: i.text_zh.clone() })
                .collect(),
        }
    }
}

/// What kind of clause a reference points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ClauseKind {
    Chapter,
    Measure,
    Column,
    ColumnItem,
}

/// A clause of the plan with its text.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Clause {
    pub id: String,
    pub kind: ClauseKind,
    pub title: Label,
    pub text_zh: String,
    pub parent: Option<String>,
}

impl From<core::Clause> for Clause {
    fn from(c: core::Clause) -> Self {
        Clause {
            id: c.id,
            kind: match c.kind {
                core::ClauseKind::Chapter => ClauseKind::Chapter,
                core::ClauseKind::Measure => ClauseKind::Measure,
                core::ClauseKind::Column => ClauseKind::Column,
                core::ClauseKind::ColumnItem => ClauseKind::ColumnItem,
            },
            title: (&c.title).into(),
            text_zh: c.text_zh,
            parent: c.parent,
        }
    }
}

/// A department or body named in the plan.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Department {
    pub id: String,
    pub short_zh: String,
    pub full_zh: String,
    pub en: String,
    pub aliases: Vec<String>,
}

impl From<&core::Department> for Department {
    fn from(d: &core::Department) -> Self {
        Department {
            id: d.id.clone(),
            short_zh: d.short_zh.clone(),
            full_zh: d.full_zh.clone(),
            en: d.en.clone(),
            aliases: d.aliases.clone(),
        }
    }
}

/// What kind of administrative unit a region is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RegionKind {
    Province,
    PrefectureCity,
    AutonomousPrefecture,
    ManagementArea,
    NewArea,
}

/// A region or administrative unit.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Region {
    pub id: String,
    /// GB/T 2260 code; null for units that have none (长白山管委会, 长春新区).
    pub code: Option<String>,
    pub name: Label,
    pub kind: RegionKind,
    pub parent: Option<String>,
    pub note: Option<String>,
}

impl From<&core::Region> for Region {
    fn from(r: &core::Region) -> Self {
        Region {
            id: r.id.clone(),
            code: r.code.clone(),
            name: (&r.name).into(),
            kind: match r.kind {
                core::RegionKind::Province => RegionKind::Province,
                core::RegionKind::PrefectureCity => RegionKind::PrefectureCity,
                core::RegionKind::AutonomousPrefecture => RegionKind::AutonomousPrefecture,
                core::RegionKind::ManagementArea => RegionKind::ManagementArea,
                core::RegionKind::NewArea => RegionKind::NewArea,
            },
            parent: r.parent.clone(),
            note: r.note.clone(),
        }
    }
}

fn convert_all<'a, S: 'a, T: From<&'a S>>(items: impl IntoIterator<Item = &'a S>) -> Vec<T> {
    items.into_iter().map(T::from).collect()
}

/// A loaded, validated plan. Immutable and thread-safe.
#[derive(uniffi::Object)]
pub struct Plan {
    pub(crate) inner: core::Plan,
}

#[uniffi::export]
impl Plan {
    /// Stable identifier of the plan, e.g. "jilin-2022-2025".
    pub fn id(&self) -> Result<String, SkillplanError> {
        guard("id", || Ok({ self.inner.id().to_owned() }))
    }

    /// SHA-256 of the plan's canonical form: equal fingerprints mean the same definition.
    pub fn fingerprint(&self) -> Result<String, SkillplanError> {
        guard("fingerprint", || Ok({ self.inner.fingerprint().to_owned() }))
    }

    pub fn metadata(&self) -> Result<Metadata, SkillplanError> {
        guard("metadata", || Ok({ self.inner.metadata().into() }))
    }

    /// All indicators, in the plan's order.
    pub fn indicators(&self) -> Result<Vec<Indicator>, SkillplanError> {
        guard("indicators", || Ok({ convert_all(self.inner.indicators()) }))
    }

    /// One indicator by id.
    pub fn indicator(&self, id: String) -> Result<Indicator, SkillplanError> {
        guard("indicator", || Ok(self.inner.indicator(&id)?.into()))
    }

    /// The indicators that are parts (「其中」) of `id`.
    pub fn parts(&self, id: String) -> Result<Vec<Indicator>, SkillplanError> {
        guard("parts", || Ok(convert_all(self.inner.parts(&id)?)))
    }

    pub fn measures(&self) -> Result<Vec<Measure>, SkillplanError> {
        guard("measures", || Ok({ convert_all(self.inner.measures()) }))
    }

    /// A measure by label ("（二十五）", "(二十五)") or number ("25").
    pub fn measure(&self, id: String) -> Result<Measure, SkillplanError> {
        guard("measure", || Ok(self.inner.measure(&id)?.into()))
    }

    pub fn columns(&self) -> Result<Vec<Column>, SkillplanError> {
        guard("columns", || Ok({ convert_all(self.inner.columns()) }))
    }

    /// Any clause: "三", "（二十五）", "25", "专栏2", "专栏2.1".
    pub fn clause(&self, id: String) -> Result<Clause, SkillplanError> {
        guard("clause", || Ok(self.inner.clause(&id)?.into()))
    }

    pub fn departments(&self) -> Result<Vec<Department>, SkillplanError> {
        guard("departments", || Ok({ convert_all(self.inner.departments()) }))
    }

    /// A department by id, short name (省教育厅), full name or alias.
    pub fn department(&self, name: String) -> Result<Department, SkillplanError> {
        guard("department", || Ok(self.inner.department(&name)?.into()))
    }

    /// The measures that name `department` as responsible (lead or listed).
    pub fn measures_for_department(&self, department: String) -> Result<Vec<Measure>, SkillplanError> {
        guard("measuresForDepartment", || Ok(convert_all(self.inner.measures_for_department(&department)?)))
    }

    /// The measures assigned to 「所有相关部门」.
    pub fn measures_for_all_relevant(&self) -> Result<Vec<Measure>, SkillplanError> {
        guard("measuresForAllRelevant", || Ok({ convert_all(self.inner.measures_for_all_relevant()) }))
    }

    pub fn regions(&self) -> Result<Vec<Region>, SkillplanError> {
        guard("regions", || Ok({ convert_all(self.inner.regions()) }))
    }

    /// A region by id ("changchun") or GB/T 2260 code ("220100").
    pub fn region(&self, id_or_code: String) -> Result<Region, SkillplanError> {
        guard("region", || Ok(self.inner.region(&id_or_code)?.into()))
    }

    /// The canonical JSON form of the plan (the fingerprint's input).
    pub fn to_json(&self) -> Result<String, SkillplanError> {
        guard("toJson", || Ok({ self.inner.to_canonical_json() }))
    }
}

/// The embedded Jilin 2022–2025 plan (吉人社联〔2022〕145号).
#[uniffi::export]
pub fn default_plan() -> Result<Arc<Plan>, SkillplanError> {
    guard("defaultPlan", || Ok(Arc::new(Plan { inner: core::Plan::jilin_2022_2025()? })))
}

/// Loads and validates a plan file (TOML).
#[uniffi::export]
pub fn load_plan(path: String) -> Result<Arc<Plan>, SkillplanError> {
    guard("loadPlan", || Ok(Arc::new(Plan { inner: core::Plan::from_path(path)? })))
}

/// Loads and validates a plan from TOML text.
#[uniffi::export]
pub fn load_plan_str(text: String) -> Result<Arc<Plan>, SkillplanError> {
    guard("loadPlanStr", || Ok(Arc::new(Plan { inner: core::Plan::from_str(&text)? })))
}

/// Loads and validates a plan from bytes, which must be UTF-8.
#[uniffi::export]
pub fn load_plan_bytes(bytes: Vec<u8>) -> Result<Arc<Plan>, SkillplanError> {
    guard("loadPlanBytes", || Ok(Arc::new(Plan { inner: core::Plan::from_bytes(&bytes)? })))
}
