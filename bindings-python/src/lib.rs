//! Python binding of skillplan: converts core types to Python classes (`Decimal`, `date`, `str`)
//! and core errors to the exceptions of `skillplan.errors`. No logic lives here.

mod eligibility;
mod pathway;
mod progress;
mod records;

use std::path::PathBuf;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rust_decimal::Decimal;
use skillplan as core;

/// Runs the body of an exported call under the core's fault guard: a panic inside (a bug) is
/// raised as `skillplan.InternalError` (code INTERNAL), never as pyo3's `PanicException`.
pub(crate) fn guard<T>(operation: &'static str, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    core::host::catch(operation, body).unwrap_or_else(|e| Err(to_py_err(e)))
}

/// Raises the `skillplan.errors` exception that matches the core error's code.
pub(crate) fn to_py_err(e: core::Error) -> PyErr {
    Python::attach(|py| match build_exception(py, &e) {
        Ok(err) => err,
        Err(import_failure) => import_failure,
    })
}

fn build_exception(py: Python<'_>, e: &core::Error) -> PyResult<PyErr> {
    let errors = py.import("skillplan.errors")?;
    let class_name = match e.code() {
        core::ErrorCode::UnknownIndicator
        | core::ErrorCode::UnknownClause
        | core::ErrorCode::UnknownDepartment
        | core::ErrorCode::UnknownRegion => "NotFoundError",
        core::ErrorCode::UnknownLevel | core::ErrorCode::UnknownTitle => "NotFoundError",
        core::ErrorCode::InvalidObservation | core::ErrorCode::InvalidOptions | core::ErrorCode::InvalidWorker => {
            "InvalidInputError"
        }
        core::ErrorCode::InvalidProfile | core::ErrorCode::InvalidOffer => "InvalidInputError",
        core::ErrorCode::InvalidRecord
        | core::ErrorCode::TooManyInvalidRecords
        | core::ErrorCode::InvalidRecordSource
        | core::ErrorCode::InvalidTally => "InvalidInputError",
        core::ErrorCode::Internal => "InternalError",
        _ => "PlanError",
    };
    let issues: Vec<Issue> = e.issues().iter().map(Issue::from).collect();
    let kwargs = PyDict::new(py);
    kwargs.set_item("code", e.code().as_str())?;
    kwargs.set_item("path", e.path())?;
    kwargs.set_item("reason", e.reason())?;
    kwargs.set_item("issues", issues)?;
    let instance = errors.getattr(class_name)?.call((e.to_string(),), Some(&kwargs))?;
    Ok(PyErr::from_value(instance))
}

/// One problem found in a plan file.
#[pyclass(frozen, get_all, module = "skillplan")]
#[derive(Clone)]
struct Issue {
    reason: String,
    path: String,
    message: String,
}

#[pymethods]
impl Issue {
    fn __repr__(&self) -> String {
        format!("Issue(reason={:?}, path={:?}, message={:?})", self.reason, self.path, self.message)
    }
}

impl From<&core::Issue> for Issue {
    fn from(i: &core::Issue) -> Self {
        Issue { reason: i.reason.as_str().to_owned(), path: i.path.clone(), message: i.message.clone() }
    }
}

/// A text in Chinese and English.
#[pyclass(frozen, get_all, eq, module = "skillplan")]
#[derive(Clone, PartialEq)]
pub(crate) struct Label {
    zh: String,
    en: String,
}

#[pymethods]
impl Label {
    #[new]
    fn new(zh: String, en: String) -> Self {
        Label { zh, en }
    }
    fn __repr__(&self) -> String {
        format!("Label(zh={:?}, en={:?})", self.zh, self.en)
    }
    fn __str__(&self) -> String {
        self.zh.clone()
    }
}

impl From<&core::Label> for Label {
    fn from(l: &core::Label) -> Self {
        Label { zh: l.zh.clone(), en: l.en.clone() }
    }
}

/// A closed date interval.
#[pyclass(frozen, get_all, eq, module = "skillplan")]
#[derive(Clone, PartialEq)]
struct Period {
    start: NaiveDate,
    end: NaiveDate,
}

#[pymethods]
impl Period {
    fn __repr__(&self) -> String {
        format!("Period(start={}, end={})", self.start, self.end)
    }
}

/// Who issued the plan, when, under which number, for which period.
#[pyclass(frozen, get_all, module = "skillplan")]
struct Metadata {
    title: Label,
    notice_title_zh: Option<String>,
    document_number: String,
    index_number: Option<String>,
    issuers: Vec<String>,
    written_on: NaiveDate,
    published_on: Option<NaiveDate>,
    period: Period,
    addressees: Vec<String>,
    basis_documents: Vec<Label>,
    source_url: Option<String>,
    notice_text_zh: Option<String>,
    preamble_zh: Option<String>,
}

#[pymethods]
impl Metadata {
    fn __repr__(&self) -> String {
        format!(
            "Metadata(document_number={:?}, period={}..{})",
            self.document_number, self.period.start, self.period.end
        )
    }
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

/// A quantitative target of the plan (专栏1 row).
#[pyclass(frozen, get_all, module = "skillplan")]
struct Indicator {
    id: String,
    clause: String,
    row: u32,
    name: Label,
    /// "person_times" (人次) or "count" (个).
    unit: String,
    /// ">=", ">", "<=", "<" or "=".
    comparator: String,
    target: Decimal,
    target_text_zh: String,
    /// "expected" (预期性) or "binding" (约束性).
    attribute: String,
    parent: Option<String>,
}

#[pymethods]
impl Indicator {
    fn __repr__(&self) -> String {
        format!("Indicator(id={:?}, target={} {}, parent={:?})", self.id, self.comparator, self.target, self.parent)
    }
}

impl From<&core::Indicator> for Indicator {
    fn from(i: &core::Indicator) -> Self {
        Indicator {
            id: i.id.clone(),
            clause: i.clause.clone(),
            row: i.row,
            name: (&i.name).into(),
            unit: i.unit.as_str().to_owned(),
            comparator: i.comparator.as_str().to_owned(),
            target: i.target,
            target_text_zh: i.target_text_zh.clone(),
            attribute: i.attribute.as_str().to_owned(),
            parent: i.parent.clone(),
        }
    }
}

/// Who the plan makes responsible for a measure.
#[pyclass(frozen, get_all, module = "skillplan")]
#[derive(Clone)]
struct Responsibility {
    text_zh: String,
    lead: Option<String>,
    departments: Vec<String>,
    all_relevant: bool,
    by_division_of_duties: bool,
}

/// A numbered measure such as （二十五）.
#[pyclass(frozen, get_all, module = "skillplan")]
struct Measure {
    id: String,
    number: u32,
    chapter: String,
    title: Label,
    text_zh: String,
    responsibility: Option<Responsibility>,
}

#[pymethods]
impl Measure {
    fn __repr__(&self) -> String {
        format!("Measure(id={:?}, title={:?})", self.id, self.title.zh)
    }
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
#[pyclass(frozen, get_all, module = "skillplan")]
#[derive(Clone)]
struct ColumnItem {
    number: u32,
    title_zh: String,
    text_zh: String,
}

/// A boxed column (专栏).
#[pyclass(frozen, get_all, module = "skillplan")]
struct Column {
    id: String,
    number: u32,
    title: Label,
    after_measure: Option<String>,
    items: Vec<ColumnItem>,
}

#[pymethods]
impl Column {
    fn __repr__(&self) -> String {
        format!("Column(id={:?}, title={:?}, items={})", self.id, self.title.zh, self.items.len())
    }
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

/// A clause of the plan with its text.
#[pyclass(frozen, get_all, module = "skillplan")]
struct Clause {
    id: String,
    /// "chapter", "measure", "column" or "column_item".
    kind: String,
    title: Label,
    text_zh: String,
    parent: Option<String>,
}

#[pymethods]
impl Clause {
    fn __repr__(&self) -> String {
        format!("Clause(id={:?}, kind={:?}, title={:?})", self.id, self.kind, self.title.zh)
    }
}

impl From<core::Clause> for Clause {
    fn from(c: core::Clause) -> Self {
        Clause {
            id: c.id,
            kind: c.kind.as_str().to_owned(),
            title: (&c.title).into(),
            text_zh: c.text_zh,
            parent: c.parent,
        }
    }
}

/// A department or body named in the plan.
#[pyclass(frozen, get_all, module = "skillplan")]
struct Department {
    id: String,
    short_zh: String,
    full_zh: String,
    en: String,
    aliases: Vec<String>,
}

#[pymethods]
impl Department {
    fn __repr__(&self) -> String {
        format!("Department(id={:?}, short_zh={:?})", self.id, self.short_zh)
    }
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

/// A region or administrative unit.
#[pyclass(frozen, get_all, module = "skillplan")]
struct Region {
    id: String,
    /// GB/T 2260 code, or None for units that have none (长白山管委会, 长春新区).
    code: Option<String>,
    name: Label,
    /// "province", "prefecture_city", "autonomous_prefecture", "management_area" or "new_area".
    kind: String,
    parent: Option<String>,
    note: Option<String>,
}

#[pymethods]
impl Region {
    fn __repr__(&self) -> String {
        format!("Region(id={:?}, code={:?}, name={:?})", self.id, self.code, self.name.zh)
    }
}

impl From<&core::Region> for Region {
    fn from(r: &core::Region) -> Self {
        Region {
            id: r.id.clone(),
            code: r.code.clone(),
            name: (&r.name).into(),
            kind: r.kind.as_str().to_owned(),
            parent: r.parent.clone(),
            note: r.note.clone(),
        }
    }
}

/// A loaded, validated plan. Immutable; safe to share between threads.
#[pyclass(frozen, module = "skillplan")]
pub(crate) struct Plan {
    // Shared with the tallies counted under it.
    pub(crate) inner: std::sync::Arc<core::Plan>,
}

fn convert_all<'a, S: 'a, T: From<&'a S>>(items: impl IntoIterator<Item = &'a S>) -> Vec<T> {
    items.into_iter().map(T::from).collect()
}

#[pymethods]
impl Plan {
    /// Stable identifier of the plan, e.g. "jilin-2022-2025".
    #[getter]
    fn id(&self) -> PyResult<&str> {
        guard("id", || Ok({ self.inner.id() }))
    }

    /// SHA-256 of the plan's canonical form: equal fingerprints mean the same definition.
    #[getter]
    fn fingerprint(&self) -> PyResult<&str> {
        guard("fingerprint", || Ok({ self.inner.fingerprint() }))
    }

    #[getter]
    fn metadata(&self) -> PyResult<Metadata> {
        guard("metadata", || Ok({ self.inner.metadata().into() }))
    }

    /// All indicators, in the plan's order.
    fn indicators(&self) -> PyResult<Vec<Indicator>> {
        guard("indicators", || Ok({ convert_all(self.inner.indicators()) }))
    }

    /// One indicator by id; raises NotFoundError (UNKNOWN_INDICATOR).
    fn indicator(&self, id: &str) -> PyResult<Indicator> {
        guard("indicator", || self.inner.indicator(id).map(Indicator::from).map_err(|e| to_py_err(e.into())))
    }

    /// The indicators that are parts (「其中」) of `id`.
    fn parts(&self, id: &str) -> PyResult<Vec<Indicator>> {
        guard("parts", || self.inner.parts(id).map(convert_all).map_err(|e| to_py_err(e.into())))
    }

    fn measures(&self) -> PyResult<Vec<Measure>> {
        guard("measures", || Ok({ convert_all(self.inner.measures()) }))
    }

    /// A measure by label ("（二十五）", "(二十五)") or number ("25").
    fn measure(&self, id: &str) -> PyResult<Measure> {
        guard("measure", || self.inner.measure(id).map(Measure::from).map_err(|e| to_py_err(e.into())))
    }

    fn columns(&self) -> PyResult<Vec<Column>> {
        guard("columns", || Ok({ convert_all(self.inner.columns()) }))
    }

    /// Any clause: "三", "（二十五）", "25", "专栏2", "专栏2.1".
    fn clause(&self, id: &str) -> PyResult<Clause> {
        guard("clause", || self.inner.clause(id).map(Clause::from).map_err(|e| to_py_err(e.into())))
    }

    fn departments(&self) -> PyResult<Vec<Department>> {
        guard("departments", || Ok({ convert_all(self.inner.departments()) }))
    }

    /// A department by id, short name (省教育厅), full name or alias.
    fn department(&self, name: &str) -> PyResult<Department> {
        guard("department", || self.inner.department(name).map(Department::from).map_err(|e| to_py_err(e.into())))
    }

    /// The measures that name `department` as responsible (lead or listed).
    fn measures_for_department(&self, department: &str) -> PyResult<Vec<Measure>> {
        guard("measures_for_department", || {
            self.inner.measures_for_department(department).map(convert_all).map_err(|e| to_py_err(e.into()))
        })
    }

    /// The measures assigned to 「所有相关部门」.
    fn measures_for_all_relevant(&self) -> PyResult<Vec<Measure>> {
        guard("measures_for_all_relevant", || Ok({ convert_all(self.inner.measures_for_all_relevant()) }))
    }

    fn regions(&self) -> PyResult<Vec<Region>> {
        guard("regions", || Ok({ convert_all(self.inner.regions()) }))
    }

    /// A region by id ("changchun") or GB/T 2260 code ("220100").
    fn region(&self, id_or_code: &str) -> PyResult<Region> {
        guard("region", || self.inner.region(id_or_code).map(Region::from).map_err(|e| to_py_err(e.into())))
    }

    /// The canonical JSON form of the plan (the fingerprint's input).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard("to_json", || Ok({ py.detach(|| self.inner.to_canonical_json()) }))
    }

    /// Progress of every indicator as of `as_of`, from observations: a pandas or polars
    /// DataFrame, or any iterable of dicts (or objects) with the keys indicator, date, value
    /// and optionally region and kind. Values are str, int or Decimal; floats are refused.
    #[pyo3(signature = (observations, as_of, *, milestones=None, regional_targets=None, thresholds=None))]
    fn progress(
        &self,
        py: Python<'_>,
        observations: &Bound<'_, PyAny>,
        as_of: &Bound<'_, PyAny>,
        milestones: Option<&Bound<'_, PyAny>>,
        regional_targets: Option<&Bound<'_, PyAny>>,
        thresholds: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<progress::Report> {
        guard("progress", || {
            let inputs = progress::observation_inputs(observations)?;
            let options = progress::options(as_of, milestones, regional_targets, thresholds)?;
            progress::report(&self.inner, py, inputs, options)
        })
    }

    /// Progress of one indicator, for the whole area or (with `region`) a region that has a
    /// target in `regional_targets`.
    #[pyo3(signature = (observations, indicator, as_of, *, region=None, milestones=None, regional_targets=None, thresholds=None))]
    #[allow(clippy::too_many_arguments)]
    fn indicator_progress(
        &self,
        py: Python<'_>,
        observations: &Bound<'_, PyAny>,
        indicator: &str,
        as_of: &Bound<'_, PyAny>,
        region: Option<&str>,
        milestones: Option<&Bound<'_, PyAny>>,
        regional_targets: Option<&Bound<'_, PyAny>>,
        thresholds: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<progress::IndicatorProgress> {
        guard("indicator_progress", || {
            let inputs = progress::observation_inputs(observations)?;
            let options = progress::options(as_of, milestones, regional_targets, thresholds)?;
            progress::indicator(&self.inner, py, inputs, options, indicator, region)
        })
    }

    /// The skill ladder, lowest level first (学徒工 … 首席技师).
    fn skill_levels(&self) -> PyResult<Vec<pathway::SkillLevel>> {
        guard("skill_levels", || Ok({ pathway::skill_levels(&self.inner) }))
    }

    /// The professional titles (职称) the crosswalk leads to.
    fn titles(&self) -> PyResult<Vec<pathway::Title>> {
        guard("titles", || Ok({ pathway::titles(&self.inner) }))
    }

    /// The 双贯通 crosswalk entries of a level, both directions.
    fn crosswalk_for_level(&self, level: &str) -> PyResult<Vec<pathway::CrosswalkEntry>> {
        guard("crosswalk_for_level", || pathway::crosswalk(self.inner.crosswalk_for_level(level)))
    }

    /// The 双贯通 crosswalk entries of a title (id or Chinese name), both directions.
    fn crosswalk_for_title(&self, title: &str) -> PyResult<Vec<pathway::CrosswalkEntry>> {
        guard("crosswalk_for_title", || pathway::crosswalk(self.inner.crosswalk_for_title(title)))
    }

    /// Equivalences of 技工院校 classes (中级工班 ≈ 中专 …) and their limits.
    fn education_equivalences(&self) -> PyResult<Vec<pathway::EducationEquivalence>> {
        guard("education_equivalences", || Ok({ pathway::education_equivalences(&self.inner) }))
    }

    /// A worker's pathway as of `as_of`. `worker` is a dict with any of occupation,
    /// work_started_on, levels [{level, obtained_on}], apprenticeship_completed_on,
    /// diplomas [{school, graduated_on, final_year}], preparatory_technician_on; dates are
    /// `datetime.date` or ISO strings.
    fn pathway(
        &self,
        py: Python<'_>,
        worker: &Bound<'_, PyAny>,
        as_of: &Bound<'_, PyAny>,
    ) -> PyResult<pathway::Pathway> {
        guard("pathway", || pathway::pathway(py, &self.inner, worker, as_of))
    }

    /// Which target groups a person is in and, for each subsidy of （二十五）, eligible /
    /// not_eligible / undetermined with the amount, the checks, what would make it eligible and
    /// the values that are unconfirmed defaults. `profile` and `offer` are dicts (dates as
    /// `datetime.date` or ISO text) or JSON text; raises InvalidInputError (INVALID_PROFILE,
    /// INVALID_OFFER) with the path of the field.
    #[pyo3(signature = (profile, offer=None, *, as_of))]
    fn check_eligibility<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyAny>,
        offer: Option<&Bound<'py, PyAny>>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard("check_eligibility", || eligibility::check(py, &self.inner, profile, offer, as_of))
    }

    /// `check_eligibility` for a list of profiles and one offer: the decisions in order, each
    /// the single call's; the first bad profile raises with its index (`profiles[3].sex`).
    #[pyo3(signature = (profiles, offer=None, *, as_of))]
    fn check_eligibility_batch<'py>(
        &self,
        py: Python<'py>,
        profiles: &Bound<'py, PyAny>,
        offer: Option<&Bound<'py, PyAny>>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard("check_eligibility_batch", || eligibility::check_batch(py, &self.inner, profiles, offer, as_of))
    }

    /// A roster's answers for one offer: one row per person (in order) with `target_groups`
    /// and, per subsidy, `<id>` (status), `<id>_amount` (Decimal) and `<id>_missing`. The
    /// roster is a pyarrow table, a polars or pandas DataFrame whose columns are profile fields,
    /// or a list of dicts; decided on all cores without the GIL. `output`: pandas, polars, arrow.
    #[pyo3(signature = (roster, offer=None, *, as_of, output="pandas"))]
    fn eligibility_frame<'py>(
        &self,
        py: Python<'py>,
        roster: &Bound<'py, PyAny>,
        offer: Option<&Bound<'py, PyAny>>,
        as_of: &Bound<'py, PyAny>,
        output: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard("eligibility_frame", || {
            if !matches!(output, "pandas" | "polars" | "arrow") {
                return Err(to_py_err(
                    core::OptionsError {
                        path: "output".into(),
                        message: "output must be pandas, polars or arrow".into(),
                    }
                    .into(),
                ));
            }
            eligibility::frame(py, &self.inner, roster, offer, as_of, output)
        })
    }

    /// Splits an indicator's target over regions by weights ({region: weight} or pairs) so the
    /// parts add up exactly to the target (largest remainder).
    fn decompose(&self, indicator: &str, weights: &Bound<'_, PyAny>) -> PyResult<Vec<progress::RegionalTargetResult>> {
        guard("decompose", || progress::decompose(&self.inner, indicator, progress::weights(weights)?))
    }

    /// Counts training and base records by the plan's counting rules: a CSV or JSON Lines file
    /// (path), anything with the Arrow PyCapsule interface (pyarrow, polars and pandas
    /// DataFrames), or a list of dicts. Invalid records are skipped and listed (up to
    /// `max_rejected`, else `TOO_MANY_INVALID_RECORDS`); `strict=True` fails on the first.
    #[pyo3(signature = (source, *, strict=false, max_rejected=1000, source_name=None))]
    fn count_records(
        &self,
        py: Python<'_>,
        source: &Bound<'_, PyAny>,
        strict: bool,
        max_rejected: u64,
        source_name: Option<String>,
    ) -> PyResult<records::Tally> {
        guard("count_records", || {
            let options = core::CountOptions { strict, max_rejected, source: source_name };
            records::count(py, &self.inner, source, &options)
        })
    }

    fn __repr__(&self) -> String {
        format!("Plan(id={:?}, fingerprint={:?})", self.inner.id(), &self.inner.fingerprint()[..12])
    }
}

/// The embedded Jilin 2022–2025 plan (吉人社联〔2022〕145号).
#[pyfunction]
fn default_plan(py: Python<'_>) -> PyResult<Plan> {
    guard("default_plan", || {
        py.detach(core::Plan::jilin_2022_2025).map(|inner| Plan { inner: inner.into() }).map_err(to_py_err)
    })
}

/// Loads and validates a plan file (TOML).
#[pyfunction]
fn load_plan(py: Python<'_>, path: PathBuf) -> PyResult<Plan> {
    guard("load_plan", || {
        py.detach(|| core::Plan::from_path(&path)).map(|inner| Plan { inner: inner.into() }).map_err(to_py_err)
    })
}

/// Loads and validates a plan from TOML text (str) or bytes (which must be UTF-8).
#[pyfunction]
fn loads_plan(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Plan> {
    guard("loads_plan", || {
        let result = if let Ok(s) = text.extract::<String>() {
            py.detach(|| core::Plan::from_str(&s))
        } else if let Ok(b) = text.extract::<Vec<u8>>() {
            py.detach(|| core::Plan::from_bytes(&b))
        } else {
            return Err(pyo3::exceptions::PyTypeError::new_err("loads_plan takes str or bytes"));
        };
        result.map(|inner| Plan { inner: inner.into() }).map_err(to_py_err)
    })
}

/// The JSON Schema of the plan data format.
#[pyfunction]
fn json_schema() -> PyResult<String> {
    guard("json_schema", || Ok({ core::json_schema() }))
}

/// Makes the next call of `operation` (an exported function's name, e.g. `check_eligibility`,
/// or `*` for any) raise `InternalError`, once, in any thread: for testing a host's error path.
#[pyfunction]
fn inject_fault(operation: &str) {
    core::host::inject_fault(operation);
}

#[pymodule]
fn _skillplan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(default_plan, m)?)?;
    m.add_function(wrap_pyfunction!(load_plan, m)?)?;
    m.add_function(wrap_pyfunction!(loads_plan, m)?)?;
    m.add_function(wrap_pyfunction!(json_schema, m)?)?;
    m.add_function(wrap_pyfunction!(inject_fault, m)?)?;
    m.add_function(wrap_pyfunction!(progress::read_observations, m)?)?;
    progress::register(m)?;
    records::register(m)?;
    pathway::register(m)?;
    eligibility::register(m)?;
    m.add_class::<Plan>()?;
    m.add_class::<Metadata>()?;
    m.add_class::<Period>()?;
    m.add_class::<Label>()?;
    m.add_class::<Indicator>()?;
    m.add_class::<Measure>()?;
    m.add_class::<Responsibility>()?;
    m.add_class::<Column>()?;
    m.add_class::<ColumnItem>()?;
    m.add_class::<Clause>()?;
    m.add_class::<Department>()?;
    m.add_class::<Region>()?;
    m.add_class::<Issue>()?;
    Ok(())
}
