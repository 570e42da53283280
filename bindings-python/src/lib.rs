//! Python binding of skillplan: each call reads its arguments under the core's host-value policy
//! (`host`), calls the core, and converts the answer through its serde form into the classes
//! generated from the core's boundary types (`to_py`); core errors become the exceptions of
//! `skillplan.errors` by their class. No logic lives here.

mod decision;
mod eligibility;
mod host;
mod progress;
mod records;
mod to_py;

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::Serialize;
use skillplan as core;
use skillplan::ErrorClass;
use skillplan::host::value::Argument;

use to_py::to_py;

/// Runs the body of an exported call under the core's fault guard: a panic inside (a bug) is
/// raised as `skillplan.InternalError` (code INTERNAL), never as pyo3's `PanicException`.
pub(crate) fn guard<T>(operation: &'static str, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    core::host::catch(operation, body).unwrap_or_else(|e| Err(to_py_err(e)))
}

/// The `skillplan.errors` class of each kind of error: every class, no catch-all.
fn exception_class(class: ErrorClass) -> &'static str {
    match class {
        ErrorClass::Plan => "PlanError",
        ErrorClass::NotFound => "NotFoundError",
        ErrorClass::InvalidInput => "InvalidInputError",
        ErrorClass::Internal => "InternalError",
    }
}

/// Raises the `skillplan.errors` exception of the core error's class.
pub(crate) fn to_py_err(e: impl Into<core::Error>) -> PyErr {
    let e = e.into();
    Python::attach(|py| build_exception(py, &e).unwrap_or_else(|import_failure| import_failure))
}

fn build_exception(py: Python<'_>, e: &core::Error) -> PyResult<PyErr> {
    let class = py.import("skillplan.errors")?.getattr(exception_class(e.code().class()))?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("code", e.code().as_str())?;
    kwargs.set_item("path", e.path())?;
    kwargs.set_item("reason", e.reason())?;
    kwargs.set_item("issues", to_py(py, &e.issues())?)?;
    Ok(PyErr::from_value(class.call((e.to_string(),), Some(&kwargs))?))
}

/// The answer of a core call, converted; its error raised.
pub(crate) fn answer<'py, T: Serialize, E: Into<core::Error>>(
    py: Python<'py>,
    result: Result<T, E>,
) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &result.map_err(to_py_err)?)
}

/// A loaded, validated plan. Immutable; safe to share between threads.
#[pyclass(frozen, module = "skillplan")]
pub(crate) struct Plan {
    // Shared with the tallies counted under it.
    pub(crate) inner: std::sync::Arc<core::Plan>,
}

#[pymethods]
impl Plan {
    /// Stable identifier of the plan, e.g. "jilin-2022-2025".
    #[getter]
    fn id(&self) -> PyResult<&str> {
        guard("id", || Ok(self.inner.id()))
    }

    /// SHA-256 of the plan's canonical form: equal fingerprints mean the same definition.
    #[getter]
    fn fingerprint(&self) -> PyResult<&str> {
        guard("fingerprint", || Ok(self.inner.fingerprint()))
    }

    /// Who issued the plan, when, under which number, for which period.
    #[getter]
    fn metadata<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("metadata", || to_py(py, self.inner.metadata()))
    }

    /// All indicators, in the plan's order.
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("indicators", || to_py(py, self.inner.indicators()))
    }

    /// One indicator by id; raises NotFoundError (UNKNOWN_INDICATOR).
    fn indicator<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        guard("indicator", || answer(py, self.inner.indicator(id)))
    }

    /// The indicators that are parts (「其中」) of `id`.
    fn parts<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        guard("parts", || answer(py, self.inner.parts(id)))
    }

    /// The measures （一）…, in the plan's order.
    fn measures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("measures", || to_py(py, self.inner.measures()))
    }

    /// A measure by label ("（二十五）", "(二十五)") or number ("25").
    fn measure<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        guard("measure", || answer(py, self.inner.measure(id)))
    }

    /// The boxed columns 专栏1…, each with its items.
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("columns", || to_py(py, self.inner.columns()))
    }

    /// Any clause: "三", "（二十五）", "25", "专栏2", "专栏2.1".
    fn clause<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        guard("clause", || answer(py, self.inner.clause(id)))
    }

    /// The departments the plan names.
    fn departments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("departments", || to_py(py, self.inner.departments()))
    }

    /// A department by id, short name (省教育厅), full name or alias.
    fn department<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        guard("department", || answer(py, self.inner.department(name)))
    }

    /// The measures that name `department` as responsible (lead or listed).
    fn measures_for_department<'py>(&self, py: Python<'py>, department: &str) -> PyResult<Bound<'py, PyAny>> {
        guard("measures_for_department", || answer(py, self.inner.measures_for_department(department)))
    }

    /// The measures assigned to 「所有相关部门」.
    fn measures_for_all_relevant<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("measures_for_all_relevant", || to_py(py, &self.inner.measures_for_all_relevant()))
    }

    /// The regions and administrative units, with GB/T 2260 codes.
    fn regions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("regions", || to_py(py, self.inner.regions()))
    }

    /// A region by id ("changchun") or GB/T 2260 code ("220100").
    fn region<'py>(&self, py: Python<'py>, id_or_code: &str) -> PyResult<Bound<'py, PyAny>> {
        guard("region", || answer(py, self.inner.region(id_or_code)))
    }

    /// The canonical JSON form of the plan (the fingerprint's input).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard("to_json", || Ok(py.detach(|| self.inner.to_canonical_json())))
    }

    /// Progress of every indicator as of `as_of`, from observations: a pandas or polars
    /// DataFrame, or any iterable of dicts (or objects) with the keys indicator, date, value
    /// and optionally region and kind. Values are str, int or Decimal; floats are refused.
    #[pyo3(signature = (observations, as_of, *, milestones=None, regional_targets=None, thresholds=None))]
    fn progress<'py>(
        &self,
        py: Python<'py>,
        observations: &Bound<'py, PyAny>,
        as_of: &Bound<'py, PyAny>,
        milestones: Option<&Bound<'py, PyAny>>,
        regional_targets: Option<&Bound<'py, PyAny>>,
        thresholds: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard("progress", || {
            let call = progress::Call::read(observations, as_of, milestones, regional_targets, thresholds)?;
            progress::report(py, &self.inner, call)
        })
    }

    /// Progress of one indicator, for the whole area or (with `region`) a region that has a
    /// target in `regional_targets`.
    #[pyo3(signature = (observations, indicator, as_of, *, region=None, milestones=None, regional_targets=None, thresholds=None))]
    #[allow(clippy::too_many_arguments)]
    fn indicator_progress<'py>(
        &self,
        py: Python<'py>,
        observations: &Bound<'py, PyAny>,
        indicator: &str,
        as_of: &Bound<'py, PyAny>,
        region: Option<&str>,
        milestones: Option<&Bound<'py, PyAny>>,
        regional_targets: Option<&Bound<'py, PyAny>>,
        thresholds: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard("indicator_progress", || {
            let call = progress::Call::read(observations, as_of, milestones, regional_targets, thresholds)?;
            progress::indicator(py, &self.inner, call, indicator, region)
        })
    }

    /// Splits an indicator's target over regions by weights ({region: weight} or pairs) so the
    /// parts add up exactly to the target (largest remainder).
    fn decompose<'py>(
        &self,
        py: Python<'py>,
        indicator: &str,
        weights: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard("decompose", || {
            let weights = core::host::options::weights(&host::json(weights, Argument::Options)?).map_err(to_py_err)?;
            answer(py, core::progress::decompose(&self.inner, indicator, &weights))
        })
    }

    /// The skill ladder, lowest level first (学徒工 … 首席技师).
    fn skill_levels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("skill_levels", || to_py(py, self.inner.skill_levels()))
    }

    /// The professional titles (职称) the crosswalk leads to.
    fn titles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("titles", || to_py(py, self.inner.titles()))
    }

    /// The 双贯通 crosswalk entries of a level, both directions.
    fn crosswalk_for_level<'py>(&self, py: Python<'py>, level: &str) -> PyResult<Bound<'py, PyAny>> {
        guard("crosswalk_for_level", || answer(py, self.inner.crosswalk_for_level(level)))
    }

    /// The 双贯通 crosswalk entries of a title (id or Chinese name), both directions.
    fn crosswalk_for_title<'py>(&self, py: Python<'py>, title: &str) -> PyResult<Bound<'py, PyAny>> {
        guard("crosswalk_for_title", || answer(py, self.inner.crosswalk_for_title(title)))
    }

    /// Equivalences of 技工院校 classes (中级工班 ≈ 中专 …) and their limits.
    fn education_equivalences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("education_equivalences", || to_py(py, self.inner.education_equivalences()))
    }

    /// A worker's pathway as of `as_of`. `worker` is a dict with any of occupation,
    /// work_started_on, levels [{level, obtained_on}], apprenticeship_completed_on,
    /// diplomas [{school, graduated_on, final_year}], preparatory_technician_on; dates are
    /// `datetime.date` or ISO strings.
    fn pathway<'py>(
        &self,
        py: Python<'py>,
        worker: &Bound<'py, PyAny>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard("pathway", || {
            let as_of = host::as_of(as_of)?;
            let worker = host::json(worker, Argument::Worker)?;
            let pathway = py.detach(|| -> Result<_, core::Error> {
                let worker = core::pathway::worker_from_value(&worker)?;
                core::pathway::pathway(&self.inner, &worker, as_of)
            });
            answer(py, pathway)
        })
    }

    /// Which target groups a person is in and, for each subsidy of （二十五）, eligible /
    /// not_eligible / undetermined with the amount, the checks, what would make it eligible and
    /// the values that are unconfirmed defaults. `profile` and `offer` are dicts (dates as
    /// `datetime.date` or ISO text) or JSON text; raises InvalidInputError (INVALID_PROFILE,
    /// INVALID_OFFER) with the path of the field. `subsidies` keeps only those subsidies;
    /// `explain=False` gives the summary (statuses, amounts, failed checks, missing facts).
    #[pyo3(signature = (profile, offer=None, *, as_of, subsidies=None, explain=None))]
    fn check_eligibility<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyAny>,
        offer: Option<&Bound<'py, PyAny>>,
        as_of: &Bound<'py, PyAny>,
        subsidies: Option<&Bound<'py, PyAny>>,
        explain: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard("check_eligibility", || {
            let options = eligibility::options(subsidies, explain)?;
            eligibility::check(py, &self.inner, profile, offer, as_of, &options)
        })
    }

    /// `check_eligibility` for a list of profiles and one offer: the decisions in order, each
    /// the single call's, decided on all cores; the first bad profile raises with its index
    /// (`profiles[3].sex`).
    #[pyo3(signature = (profiles, offer=None, *, as_of, subsidies=None, explain=None))]
    fn check_eligibility_batch<'py>(
        &self,
        py: Python<'py>,
        profiles: &Bound<'py, PyAny>,
        offer: Option<&Bound<'py, PyAny>>,
        as_of: &Bound<'py, PyAny>,
        subsidies: Option<&Bound<'py, PyAny>>,
        explain: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard("check_eligibility_batch", || {
            let options = eligibility::options(subsidies, explain)?;
            eligibility::check_batch(py, &self.inner, profiles, offer, as_of, &options)
        })
    }

    /// A roster's answers for one offer: one row per person (in order) with `target_groups`
    /// and, per subsidy, `<id>` (status), `<id>_amount` (Decimal) and `<id>_missing`. The
    /// roster is a pyarrow table, a polars or pandas DataFrame whose columns are profile fields,
    /// or a list of dicts; decided on all cores without the GIL. `output`: pandas, polars, arrow.
    /// Table columns may be Chinese headers (出生日期, 户籍, 就业状态, …) or be named by
    /// `columns={"source header": "field"}`; text dates, flags and lists are read in export forms.
    #[pyo3(signature = (roster, offer=None, *, as_of, output="pandas", columns=None))]
    fn eligibility_frame<'py>(
        &self,
        py: Python<'py>,
        roster: &Bound<'py, PyAny>,
        offer: Option<&Bound<'py, PyAny>>,
        as_of: &Bound<'py, PyAny>,
        output: &str,
        columns: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard("eligibility_frame", || {
            if !matches!(output, "pandas" | "polars" | "arrow") {
                let e = core::OptionsError {
                    path: "output".into(),
                    message: "output must be pandas, polars or arrow".into(),
                };
                return Err(to_py_err(e));
            }
            let mapping = records::options(&[("columns", columns)])?.columns;
            eligibility::frame(py, &self.inner, roster, offer, as_of, output, mapping.as_ref())
        })
    }

    /// Counts training and base records by the plan's counting rules: a CSV or JSON Lines file
    /// (path), anything with the Arrow PyCapsule interface (pyarrow, polars and pandas
    /// DataFrames), or a list of dicts. Invalid records are skipped and listed (up to
    /// `max_rejected`, else `TOO_MANY_INVALID_RECORDS`); `strict=True` fails on the first.
    /// Files may be UTF-8 or GB18030 (`encoding="auto"`), Excel workbooks (`sheet=`), and have
    /// Chinese headers; `columns={"source header": "field"}` maps others.
    #[pyo3(signature = (source, *, strict=None, max_rejected=None, source_name=None, encoding=None, columns=None, sheet=None))]
    #[allow(clippy::too_many_arguments)]
    fn count_records(
        &self,
        py: Python<'_>,
        source: &Bound<'_, PyAny>,
        strict: Option<&Bound<'_, PyAny>>,
        max_rejected: Option<&Bound<'_, PyAny>>,
        source_name: Option<&Bound<'_, PyAny>>,
        encoding: Option<&Bound<'_, PyAny>>,
        columns: Option<&Bound<'_, PyAny>>,
        sheet: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<records::Tally> {
        guard("count_records", || {
            let options = records::options(&[
                ("strict", strict),
                ("max_rejected", max_rejected),
                ("source_name", source_name),
                ("encoding", encoding),
                ("columns", columns),
                ("sheet", sheet),
            ])?;
            records::count(py, &self.inner, source, &options)
        })
    }

    /// Writes a copy of the CSV export at `input` to `output` (UTF-8) with its 身份证号 column
    /// replaced by `person_key` = HMAC-SHA256(salt, ID); rows whose ID is not valid under GB 11643
    /// are left out and listed. Returns `{rows_read, rows_written, rows_rejected, rejections}`.
    #[pyo3(signature = (input, output, *, salt, encoding=None, columns=None, strict=None, max_rejected=None))]
    #[allow(clippy::too_many_arguments)]
    fn hash_keys<'py>(
        &self,
        py: Python<'py>,
        input: PathBuf,
        output: PathBuf,
        salt: Vec<u8>,
        encoding: Option<&Bound<'_, PyAny>>,
        columns: Option<&Bound<'_, PyAny>>,
        strict: Option<&Bound<'_, PyAny>>,
        max_rejected: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard("hash_keys", || {
            let options = records::options(&[
                ("encoding", encoding),
                ("columns", columns),
                ("strict", strict),
                ("max_rejected", max_rejected),
            ])?;
            let plan = &self.inner;
            answer(py, py.detach(|| core::host::hash_key_file(plan, &input, &output, &salt, &options)))
        })
    }

    fn __repr__(&self) -> String {
        format!("Plan(id={:?}, fingerprint={:?})", self.inner.id(), &self.inner.fingerprint()[..12])
    }
}

fn loaded(result: Result<core::Plan, core::Error>) -> PyResult<Plan> {
    result.map(|inner| Plan { inner: inner.into() }).map_err(to_py_err)
}

/// The embedded Jilin 2022–2025 plan (吉人社联〔2022〕145号).
#[pyfunction]
fn default_plan(py: Python<'_>) -> PyResult<Plan> {
    guard("default_plan", || loaded(py.detach(core::Plan::jilin_2022_2025)))
}

/// Loads and validates a plan file (TOML).
#[pyfunction]
fn load_plan(py: Python<'_>, path: PathBuf) -> PyResult<Plan> {
    guard("load_plan", || loaded(py.detach(|| core::Plan::from_path(&path))))
}

/// Loads and validates a plan from TOML text (str) or bytes (which must be UTF-8).
#[pyfunction]
fn loads_plan(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Plan> {
    guard("loads_plan", || {
        if let Ok(s) = text.extract::<String>() {
            loaded(py.detach(|| core::Plan::from_str(&s)))
        } else if let Ok(b) = text.extract::<Vec<u8>>() {
            loaded(py.detach(|| core::Plan::from_bytes(&b)))
        } else {
            Err(pyo3::exceptions::PyTypeError::new_err("loads_plan takes str or bytes"))
        }
    })
}

/// The JSON Schema of the plan data format.
#[pyfunction]
fn json_schema() -> PyResult<String> {
    guard("json_schema", || Ok(core::json_schema()))
}

/// Observations read from a CSV or JSON file (UTF-8 or GB18030, or as `encoding` says), as
/// dicts of text, ready for `Plan.progress`.
#[pyfunction]
#[pyo3(signature = (path, *, encoding="auto"))]
fn read_observations<'py>(py: Python<'py>, path: PathBuf, encoding: &str) -> PyResult<Bound<'py, PyAny>> {
    guard("read_observations", || {
        let encoding = core::host::encoding(encoding).map_err(to_py_err)?;
        answer(py, py.detach(|| core::progress::observations::read_file_in(&path, encoding)))
    })
}

/// The person key of one ID number: HMAC-SHA256(salt, the ID normalised under GB 11643) as 64
/// hex digits. An ID that is not valid raises `InvalidInputError` (the number is never shown).
#[pyfunction]
#[pyo3(signature = (id_number, *, salt))]
fn person_key(id_number: &str, salt: Vec<u8>) -> PyResult<String> {
    guard("person_key", || core::records::person_key(&salt, id_number).map_err(to_py_err))
}

/// Makes the next call of `operation` (an exported function's name, e.g. `check_eligibility`,
/// or `*` for any) raise `InternalError`, once, in any thread: for testing a host's error path.
#[pyfunction]
fn inject_fault(operation: &str) {
    core::host::inject_fault(operation);
}

/// Every error code with the name of the `skillplan.errors` class it raises.
#[pyfunction]
fn _error_classes() -> Vec<(&'static str, &'static str)> {
    core::ErrorCode::ALL.iter().map(|c| (c.as_str(), exception_class(c.class()))).collect()
}

#[pymodule]
fn _skillplan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(default_plan, m)?)?;
    m.add_function(wrap_pyfunction!(load_plan, m)?)?;
    m.add_function(wrap_pyfunction!(loads_plan, m)?)?;
    m.add_function(wrap_pyfunction!(json_schema, m)?)?;
    m.add_function(wrap_pyfunction!(inject_fault, m)?)?;
    m.add_function(wrap_pyfunction!(read_observations, m)?)?;
    m.add_function(wrap_pyfunction!(person_key, m)?)?;
    m.add_function(wrap_pyfunction!(_error_classes, m)?)?;
    // The version of the native library itself, so `skillplan.__version__` names the code that
    // runs even in a development install whose metadata is older.
    m.add("__version__", core::VERSION)?;
    m.add_class::<Plan>()?;
    m.add_class::<progress::NativeReport>()?;
    m.add_class::<records::Tally>()?;
    m.add_class::<eligibility::RosterAnswers>()?;
    m.add_class::<decision::PyDecision>()?;
    m.add_class::<decision::PySubsidy>()?;
    m.add_class::<decision::PyCheck>()?;
    Ok(())
}
