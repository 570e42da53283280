//! Kotlin and Swift binding of skillplan (uniffi, proc-macros): the core's own types, declared
//! to uniffi as remote types in the generated `remote` module, and a sealed error type by the
//! core's error classes. Decimals cross as exact strings (Kotlin `java.math.BigDecimal`), dates
//! as ISO strings (Kotlin `java.time.LocalDate`). No logic here.

mod direct;
mod eligibility;
mod pathway;
mod progress;
mod records;
mod remote;

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use skillplan as core;

pub use remote::*;

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
        let reason = e.reason().map(str::to_owned);
        // Every class, no catch-all: a new code has a class in the core or does not compile.
        match e.code().class() {
            ErrorClass::Plan => SkillplanError::Plan { code, path, reason, issues: e.issues(), detail },
            ErrorClass::NotFound => SkillplanError::NotFound { code, path, detail },
            ErrorClass::InvalidInput => SkillplanError::InvalidInput { code, path, reason, detail },
            ErrorClass::Internal => SkillplanError::Internal { code, path, detail },
        }
    }
}

impl From<core::QueryError> for SkillplanError {
    fn from(e: core::QueryError) -> Self {
        core::Error::from(e).into()
    }
}

/// A quantitative target of the plan (专栏1 row). Declared here rather than taken from the core,
/// whose indicator also carries its counting rule: a recursive condition uniffi cannot express.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Indicator {
    /// Stable identifier, e.g. `subsidized-training`.
    pub id: String,
    /// The clause that sets it, e.g. `专栏1`.
    pub clause: String,
    /// Its row in that clause, from 1.
    pub row: u32,
    /// The indicator's name as the plan writes it.
    pub name: Label,
    /// What the target counts: 人次 or 个.
    pub unit: IndicatorUnit,
    /// How the achieved value is compared with the target.
    pub comparator: Comparator,
    /// The exact target in units (≥84万 → 840000).
    pub target: ExactDecimal,
    /// The target as the plan writes it, e.g. ≥84 万.
    pub target_text_zh: String,
    /// 预期性 or 约束性.
    pub attribute: Attribute,
    /// The indicator this one is part of (「其中」), if any.
    pub parent: Option<String>,
}

impl From<&core::Indicator> for Indicator {
    fn from(i: &core::Indicator) -> Self {
        Indicator {
            id: i.id.clone(),
            clause: i.clause.clone(),
            row: i.row,
            name: i.name.clone(),
            unit: i.unit,
            comparator: i.comparator,
            target: i.target,
            target_text_zh: i.target_text_zh.clone(),
            attribute: i.attribute,
            parent: i.parent.clone(),
        }
    }
}

fn indicators<'a>(items: impl IntoIterator<Item = &'a core::Indicator>) -> Vec<Indicator> {
    items.into_iter().map(Indicator::from).collect()
}

/// A loaded, validated plan. Immutable and thread-safe.
#[derive(uniffi::Object)]
pub struct Plan {
    pub(crate) inner: Arc<core::Plan>,
}

#[uniffi::export]
impl Plan {
    /// Stable identifier of the plan, e.g. "jilin-2022-2025".
    pub fn id(&self) -> Result<String, SkillplanError> {
        guard("id", || Ok(self.inner.id().to_owned()))
    }

    /// SHA-256 of the plan's canonical form: equal fingerprints mean the same definition.
    pub fn fingerprint(&self) -> Result<String, SkillplanError> {
        guard("fingerprint", || Ok(self.inner.fingerprint().to_owned()))
    }

    pub fn metadata(&self) -> Result<Metadata, SkillplanError> {
        guard("metadata", || Ok(self.inner.metadata().clone()))
    }

    /// All indicators, in the plan's order.
    pub fn indicators(&self) -> Result<Vec<Indicator>, SkillplanError> {
        guard("indicators", || Ok(indicators(self.inner.indicators())))
    }

    /// One indicator by id.
    pub fn indicator(&self, id: String) -> Result<Indicator, SkillplanError> {
        guard("indicator", || Ok(self.inner.indicator(&id)?.into()))
    }

    /// The indicators that are parts (「其中」) of `id`.
    pub fn parts(&self, id: String) -> Result<Vec<Indicator>, SkillplanError> {
        guard("parts", || Ok(indicators(self.inner.parts(&id)?)))
    }

    pub fn measures(&self) -> Result<Vec<Measure>, SkillplanError> {
        guard("measures", || Ok(self.inner.measures().to_vec()))
    }

    /// A measure by label ("（二十五）", "(二十五)") or number ("25").
    pub fn measure(&self, id: String) -> Result<Measure, SkillplanError> {
        guard("measure", || Ok(self.inner.measure(&id)?.clone()))
    }

    pub fn columns(&self) -> Result<Vec<Column>, SkillplanError> {
        guard("columns", || Ok(self.inner.columns().to_vec()))
    }

    /// Any clause: "三", "（二十五）", "25", "专栏2", "专栏2.1".
    pub fn clause(&self, id: String) -> Result<Clause, SkillplanError> {
        guard("clause", || Ok(self.inner.clause(&id)?))
    }

    pub fn departments(&self) -> Result<Vec<Department>, SkillplanError> {
        guard("departments", || Ok(self.inner.departments().to_vec()))
    }

    /// A department by id, short name (省教育厅), full name or alias.
    pub fn department(&self, name: String) -> Result<Department, SkillplanError> {
        guard("department", || Ok(self.inner.department(&name)?.clone()))
    }

    /// The measures that name `department` as responsible (lead or listed).
    pub fn measures_for_department(&self, department: String) -> Result<Vec<Measure>, SkillplanError> {
        guard("measuresForDepartment", || {
            Ok(self.inner.measures_for_department(&department)?.into_iter().cloned().collect())
        })
    }

    /// The measures assigned to 「所有相关部门」.
    pub fn measures_for_all_relevant(&self) -> Result<Vec<Measure>, SkillplanError> {
        guard("measuresForAllRelevant", || Ok(self.inner.measures_for_all_relevant().into_iter().cloned().collect()))
    }

    pub fn regions(&self) -> Result<Vec<Region>, SkillplanError> {
        guard("regions", || Ok(self.inner.regions().to_vec()))
    }

    /// A region by id ("changchun") or GB/T 2260 code ("220100").
    pub fn region(&self, id_or_code: String) -> Result<Region, SkillplanError> {
        guard("region", || Ok(self.inner.region(&id_or_code)?.clone()))
    }

    /// The canonical JSON form of the plan (the fingerprint's input).
    pub fn to_json(&self) -> Result<String, SkillplanError> {
        guard("toJson", || Ok(self.inner.to_canonical_json()))
    }
}

/// The version of this library and of the skillplan core inside it (one version for every
/// package: the workspace's `Cargo.toml`).
#[uniffi::export]
pub fn skillplan_version() -> String {
    skillplan::VERSION.to_owned()
}

/// The embedded Jilin 2022–2025 plan (吉人社联〔2022〕145号).
#[uniffi::export]
pub fn default_plan() -> Result<Arc<Plan>, SkillplanError> {
    guard("defaultPlan", || Ok(Arc::new(Plan { inner: Arc::new(core::Plan::jilin_2022_2025()?) })))
}

/// Loads and validates a plan file (TOML).
#[uniffi::export]
pub fn load_plan(path: String) -> Result<Arc<Plan>, SkillplanError> {
    guard("loadPlan", || Ok(Arc::new(Plan { inner: Arc::new(core::Plan::from_path(path)?) })))
}

/// Loads and validates a plan from TOML text.
#[uniffi::export]
pub fn load_plan_str(text: String) -> Result<Arc<Plan>, SkillplanError> {
    guard("loadPlanStr", || Ok(Arc::new(Plan { inner: Arc::new(core::Plan::from_str(&text)?) })))
}

/// Every error code with the class of error it is, as `SkillplanException` has them (Plan,
/// NotFound, InvalidInput, Internal).
#[uniffi::export]
pub fn error_classes() -> Vec<ErrorCodeClass> {
    core::ErrorCode::ALL.iter().map(|c| ErrorCodeClass { code: c.as_str().to_owned(), class: c.class() }).collect()
}

/// An error code and its class.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ErrorCodeClass {
    /// The stable code, e.g. `PLAN_INVALID`.
    pub code: String,
    /// The class of error it is.
    pub class: ErrorClass,
}

/// Loads and validates a plan from bytes, which must be UTF-8.
#[uniffi::export]
pub fn load_plan_bytes(bytes: Vec<u8>) -> Result<Arc<Plan>, SkillplanError> {
    guard("loadPlanBytes", || Ok(Arc::new(Plan { inner: Arc::new(core::Plan::from_bytes(&bytes)?) })))
}

/// The path of a fact in the profile or the offer, as the JSON formats and every binding write
/// it (`profile.unemployment_insurance_months`): what a form maps to its field.
#[uniffi::export]
pub fn fact_path(fact: Fact) -> String {
    fact.as_str().to_owned()
}
