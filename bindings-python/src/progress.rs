//! Progress in Python: host values (dicts, DataFrames, Decimal, int, str, date) become the core's
//! text inputs, and the core's report becomes Python objects with `Decimal` and `date`.
//! Floats are refused with the core's typed error: they are not exact.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rust_decimal::Decimal;
use skillplan as core;
use skillplan::progress::observations::{self, ObservationInput};
use skillplan::progress::{self, Milestone, ProgressOptions, RegionalTarget, Thresholds};

use crate::{Label, guard, to_py_err};

fn options_error(path: String, message: &str) -> PyErr {
    to_py_err(core::OptionsError { path, message: message.to_owned() }.into())
}

/// A mapping's item, or an object's attribute (for rows of DataFrames and records alike).
fn field<'py>(item: &Bound<'py, PyAny>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
    let value = if let Ok(map) = item.cast::<PyDict>() {
        map.get_item(key)?
    } else if item.hasattr("__getitem__")? && !item.is_instance_of::<PyString>() {
        item.get_item(key).ok()
    } else {
        item.getattr(key).ok()
    };
    Ok(value.filter(|v| !v.is_none() && !is_nan(v)))
}

/// pandas writes missing cells as float NaN.
fn is_nan(value: &Bound<'_, PyAny>) -> bool {
    value.extract::<f64>().is_ok_and(f64::is_nan) && value.is_instance_of::<pyo3::types::PyFloat>()
}

enum Bad {
    Float,
    Type(&'static str),
}

/// A value as exact decimal text: str, int or Decimal; floats and bools are refused.
fn decimal_text(value: &Bound<'_, PyAny>) -> Result<String, Bad> {
    if value.is_instance_of::<pyo3::types::PyBool>() {
        return Err(Bad::Type("a decimal string, an int or a Decimal"));
    }
    if value.is_instance_of::<pyo3::types::PyFloat>() {
        return Err(Bad::Float);
    }
    if let Ok(s) = value.extract::<String>() {
        return Ok(s);
    }
    if value.is_instance_of::<pyo3::types::PyInt>() {
        return value.str().map(|s| s.to_string()).map_err(|_| Bad::Type("a decimal"));
    }
    // Decimal('1E+3') prints with an exponent; format(d, "f") writes its plain digits.
    if value.get_type().name().is_ok_and(|n| n == "Decimal") {
        let builtins = value.py().import("builtins").map_err(|_| Bad::Type("a decimal"))?;
        return builtins
            .call_method1("format", (value, "f"))
            .and_then(|s| s.extract::<String>())
            .map_err(|_| Bad::Type("a finite Decimal"));
    }
    Err(Bad::Type("a decimal string, an int or a Decimal"))
}

/// A date as ISO text: `datetime.date`, a midnight `datetime`/`Timestamp`, or str.
fn date_text(value: &Bound<'_, PyAny>) -> Result<String, Bad> {
    if let Ok(s) = value.extract::<String>() {
        return Ok(s);
    }
    if value.hasattr("hour").unwrap_or(false) {
        let midnight = ["hour", "minute", "second", "microsecond"]
            .iter()
            .all(|a| value.getattr(*a).and_then(|v| v.extract::<i64>()).is_ok_and(|v| v == 0));
        if !midnight {
            return Err(Bad::Type("a date (a datetime with a time of day is not one)"));
        }
    }
    match value.call_method0("isoformat").and_then(|s| s.extract::<String>()) {
        Ok(text) => Ok(text.chars().take(10).collect()),
        Err(_) => Err(Bad::Type("a date or an ISO date string")),
    }
}

fn text(value: &Bound<'_, PyAny>) -> Result<String, Bad> {
    value.extract::<String>().map_err(|_| Bad::Type("a string"))
}

/// Rows of a pandas or polars DataFrame, or the items of any iterable.
fn rows<'py>(source: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let source = if source.hasattr("to_dicts")? {
        source.call_method0("to_dicts")?
    } else if source.hasattr("to_dict")? && source.hasattr("columns")? {
        source.call_method1("to_dict", ("records",))?
    } else {
        source.clone()
    };
    source.try_iter()?.collect()
}

/// Converts host observations into the core's text inputs.
pub fn observation_inputs(source: &Bound<'_, PyAny>) -> PyResult<Vec<ObservationInput>> {
    let mut inputs = Vec::new();
    for (i, item) in rows(source)?.iter().enumerate() {
        let convert =
            |key: &'static str, f: fn(&Bound<'_, PyAny>) -> Result<String, Bad>| -> PyResult<Option<String>> {
                match field(item, key)? {
                    None => Ok(None),
                    Some(v) => f(&v).map(Some).map_err(|bad| {
                        to_py_err(
                            match bad {
                                Bad::Float => observations::float_refused(i, key),
                                Bad::Type(expected) => observations::wrong_type(i, key, expected),
                            }
                            .into(),
                        )
                    }),
                }
            };
        inputs.push(ObservationInput {
            indicator: convert("indicator", text)?.unwrap_or_default(),
            region: convert("region", text)?,
            date: convert("date", date_text)?.unwrap_or_default(),
            value: convert("value", decimal_text)?.unwrap_or_default(),
            kind: convert("kind", text)?,
        });
    }
    Ok(inputs)
}

fn option_decimal(value: Option<Bound<'_, PyAny>>, path: String) -> PyResult<Decimal> {
    let value = value.ok_or_else(|| options_error(path.clone(), "missing"))?;
    let text = decimal_text(&value).map_err(|bad| match bad {
        Bad::Float => {
            options_error(path.clone(), "a binary float is not an exact decimal; pass a string, an int or a Decimal")
        }
        Bad::Type(expected) => options_error(path.clone(), &format!("expected {expected}")),
    })?;
    core::decimal_text::parse(text.trim()).map_err(|m| options_error(path, &m))
}

pub(crate) fn option_date(value: Option<Bound<'_, PyAny>>, path: String) -> PyResult<NaiveDate> {
    let value = value.ok_or_else(|| options_error(path.clone(), "missing"))?;
    let text = date_text(&value).map_err(|_| options_error(path.clone(), "expected a date"))?;
    core::date_text::parse(&text).map_err(|m| options_error(path, &m))
}

fn option_text(value: Option<Bound<'_, PyAny>>, path: String) -> PyResult<String> {
    value.and_then(|v| v.extract::<String>().ok()).ok_or_else(|| options_error(path, "expected a string"))
}

/// Builds the core options from keyword arguments.
pub fn options(
    as_of: &Bound<'_, PyAny>,
    milestones: Option<&Bound<'_, PyAny>>,
    regional_targets: Option<&Bound<'_, PyAny>>,
    thresholds: Option<&Bound<'_, PyAny>>,
) -> PyResult<ProgressOptions> {
    let mut options = ProgressOptions::new(option_date(Some(as_of.clone()), "as_of".into())?);
    if let Some(ms) = milestones {
        for (i, m) in rows(ms)?.iter().enumerate() {
            options.milestones.push(Milestone {
                indicator: option_text(field(m, "indicator")?, format!("milestones[{i}].indicator"))?,
                date: option_date(field(m, "date")?, format!("milestones[{i}].date"))?,
                value: option_decimal(field(m, "value")?, format!("milestones[{i}].value"))?,
            });
        }
    }
    if let Some(ts) = regional_targets {
        for (i, t) in rows(ts)?.iter().enumerate() {
            options.regional_targets.push(RegionalTarget {
                indicator: option_text(field(t, "indicator")?, format!("regional_targets[{i}].indicator"))?,
                region: option_text(field(t, "region")?, format!("regional_targets[{i}].region"))?,
                target: option_decimal(field(t, "target")?, format!("regional_targets[{i}].target"))?,
            });
        }
    }
    if let Some(th) = thresholds {
        options.thresholds = Thresholds {
            on_track: option_decimal(field(th, "on_track")?, "thresholds.on_track".into())?,
            behind: option_decimal(field(th, "behind")?, "thresholds.behind".into())?,
        };
    }
    Ok(options)
}

/// Weights as a mapping {region: weight} or pairs [(region, weight), …].
pub fn weights(source: &Bound<'_, PyAny>) -> PyResult<Vec<(String, Decimal)>> {
    let pairs: Vec<Bound<'_, PyAny>> = match source.cast::<PyDict>() {
        Ok(map) => map.items().iter().collect(),
        Err(_) => source.try_iter()?.collect::<PyResult<_>>()?,
    };
    pairs
        .iter()
        .enumerate()
        .map(|(i, pair)| {
            let region = pair.get_item(0).ok().and_then(|r| r.extract::<String>().ok());
            let region =
                region.ok_or_else(|| options_error(format!("weights[{i}].region"), "expected a region id or code"))?;
            let weight = option_decimal(pair.get_item(1).ok(), format!("weights[{i}].weight"))?;
            Ok((region, weight))
        })
        .collect()
}

/// One projection method's result with its intermediate values.
#[pyclass(frozen, module = "skillplan")]
pub struct Projection {
    inner: progress::Projection,
}

#[pymethods]
impl Projection {
    #[getter]
    fn method(&self) -> PyResult<&str> {
        guard("method", || Ok({ self.inner.method.as_str() }))
    }
    #[getter]
    fn applicable(&self) -> PyResult<bool> {
        guard("applicable", || Ok({ self.inner.applicable }))
    }
    #[getter]
    fn note(&self) -> PyResult<Option<String>> {
        guard("note", || Ok({ self.inner.note.clone() }))
    }
    #[getter]
    fn base_date(&self) -> PyResult<Option<NaiveDate>> {
        guard("base_date", || Ok({ self.inner.base_date }))
    }
    #[getter]
    fn base_value(&self) -> PyResult<Option<Decimal>> {
        guard("base_value", || Ok({ self.inner.base_value }))
    }
    #[getter]
    fn latest_date(&self) -> PyResult<Option<NaiveDate>> {
        guard("latest_date", || Ok({ self.inner.latest_date }))
    }
    #[getter]
    fn latest_value(&self) -> PyResult<Option<Decimal>> {
        guard("latest_value", || Ok({ self.inner.latest_value }))
    }
    #[getter]
    fn points(&self) -> PyResult<Option<u32>> {
        guard("points", || Ok({ self.inner.points }))
    }
    #[getter]
    fn rate(&self) -> PyResult<Option<Decimal>> {
        guard("rate", || Ok({ self.inner.rate }))
    }
    #[getter]
    fn required_rate(&self) -> PyResult<Option<Decimal>> {
        guard("required_rate", || Ok({ self.inner.required_rate }))
    }
    #[getter]
    fn projected_value(&self) -> PyResult<Option<Decimal>> {
        guard("projected_value", || Ok({ self.inner.projected_value }))
    }
    #[getter]
    fn index(&self) -> PyResult<Option<Decimal>> {
        guard("index", || Ok({ self.inner.index }))
    }
    /// The method's class, e.g. will_meet, substantial_progress.
    #[getter]
    fn classification(&self) -> PyResult<Option<&str>> {
        guard("classification", || Ok({ self.inner.classification.map(|c| c.as_str()) }))
    }
    fn __repr__(&self) -> String {
        format!(
            "Projection(method={:?}, applicable={}, index={:?}, classification={:?})",
            self.inner.method,
            self.inner.applicable,
            self.inner.index.map(|d| d.to_string()),
            self.inner.classification
        )
    }
}

/// Where one indicator (whole area or a region) stands as of a date.
#[pyclass(frozen, module = "skillplan")]
pub struct IndicatorProgress {
    inner: progress::IndicatorProgress,
}

#[pymethods]
impl IndicatorProgress {
    #[getter]
    fn indicator(&self) -> PyResult<&str> {
        guard("indicator", || Ok({ self.inner.indicator.as_str() }))
    }
    #[getter]
    fn name(&self) -> PyResult<Label> {
        guard("name", || Ok({ (&self.inner.name).into() }))
    }
    #[getter]
    fn region(&self) -> PyResult<Option<String>> {
        guard("region", || Ok({ self.inner.region.clone() }))
    }
    #[getter]
    fn clause(&self) -> PyResult<&str> {
        guard("clause", || Ok({ self.inner.clause.as_str() }))
    }
    #[getter]
    fn unit(&self) -> PyResult<&str> {
        guard("unit", || Ok({ self.inner.unit.as_str() }))
    }
    #[getter]
    fn comparator(&self) -> PyResult<&str> {
        guard("comparator", || Ok({ self.inner.comparator.as_str() }))
    }
    #[getter]
    fn target(&self) -> PyResult<Decimal> {
        guard("target", || Ok({ self.inner.target }))
    }
    #[getter]
    fn as_of(&self) -> PyResult<NaiveDate> {
        guard("as_of", || Ok({ self.inner.as_of }))
    }
    #[getter]
    fn achieved(&self) -> PyResult<Option<Decimal>> {
        guard("achieved", || Ok({ self.inner.achieved }))
    }
    #[getter]
    fn achieved_on(&self) -> PyResult<Option<NaiveDate>> {
        guard("achieved_on", || Ok({ self.inner.achieved_on }))
    }
    #[getter]
    fn source(&self) -> PyResult<&str> {
        guard("source", || Ok({ self.inner.source.as_str() }))
    }
    #[getter]
    fn completion(&self) -> PyResult<Option<Decimal>> {
        guard("completion", || Ok({ self.inner.completion }))
    }
    #[getter]
    fn gap(&self) -> PyResult<Option<Decimal>> {
        guard("gap", || Ok({ self.inner.gap }))
    }
    #[getter]
    fn elapsed(&self) -> PyResult<Decimal> {
        guard("elapsed", || Ok({ self.inner.elapsed }))
    }
    #[getter]
    fn expected(&self) -> PyResult<Decimal> {
        guard("expected", || Ok({ self.inner.expected }))
    }
    #[getter]
    fn expected_method(&self) -> PyResult<&str> {
        guard("expected_method", || Ok({ self.inner.expected_method.as_str() }))
    }
    #[getter]
    fn performance(&self) -> PyResult<Option<Decimal>> {
        guard("performance", || Ok({ self.inner.performance }))
    }
    #[getter]
    fn status(&self) -> PyResult<&str> {
        guard("status", || Ok({ self.inner.status.as_str() }))
    }
    #[getter]
    fn status_label(&self) -> PyResult<Label> {
        guard("status_label", || Ok({ (&self.inner.status.label()).into() }))
    }
    #[getter]
    fn remaining_days(&self) -> PyResult<i64> {
        guard("remaining_days", || Ok({ self.inner.remaining_days }))
    }
    #[getter]
    fn required_per_month(&self) -> PyResult<Option<Decimal>> {
        guard("required_per_month", || Ok({ self.inner.required_per_month }))
    }
    #[getter]
    fn required_per_year(&self) -> PyResult<Option<Decimal>> {
        guard("required_per_year", || Ok({ self.inner.required_per_year }))
    }
    #[getter]
    fn achieved_per_month(&self) -> PyResult<Option<Decimal>> {
        guard("achieved_per_month", || Ok({ self.inner.achieved_per_month }))
    }
    #[getter]
    fn projections(&self) -> PyResult<Vec<Projection>> {
        guard("projections", || {
            Ok({ self.inner.projections.iter().map(|p| Projection { inner: p.clone() }).collect() })
        })
    }
    /// The projection of `method` (linear_trend, escap_current_status,
    /// escap_anticipated_progress, unsd_cagr), applicable or not.
    fn projection(&self, method: &str) -> PyResult<Option<Projection>> {
        guard("projection", || {
            Ok({
                self.inner
                    .projections
                    .iter()
                    .find(|p| p.method.as_str() == method)
                    .map(|p| Projection { inner: p.clone() })
            })
        })
    }
    fn __repr__(&self) -> String {
        format!(
            "IndicatorProgress(indicator={:?}, region={:?}, achieved={:?}, status={:?})",
            self.inner.indicator,
            self.inner.region,
            self.inner.achieved.map(|d| d.to_string()),
            self.inner.status.as_str()
        )
    }
}

/// The parts (「其中」) of an indicator against their whole.
#[pyclass(frozen, get_all, module = "skillplan")]
pub struct PartsCheck {
    whole: String,
    parts: Vec<String>,
    whole_achieved: Option<Decimal>,
    parts_achieved: Option<Decimal>,
    whole_target: Decimal,
    parts_target: Decimal,
    consistent: bool,
}

/// Something suspicious in the observations that did not stop the computation.
#[pyclass(frozen, get_all, name = "ProgressWarning", module = "skillplan")]
pub struct Warning {
    code: String,
    indicator: String,
    region: Option<String>,
    message: String,
}

#[pymethods]
impl Warning {
    fn __repr__(&self) -> String {
        format!("ProgressWarning(code={:?}, indicator={:?}, message={:?})", self.code, self.indicator, self.message)
    }
}

/// A region's share of an indicator's target.
#[pyclass(frozen, get_all, name = "RegionalTarget", module = "skillplan")]
pub struct RegionalTargetResult {
    indicator: String,
    region: String,
    target: Decimal,
}

#[pymethods]
impl RegionalTargetResult {
    fn __repr__(&self) -> String {
        format!("RegionalTarget(indicator={:?}, region={:?}, target={})", self.indicator, self.region, self.target)
    }
}

impl From<RegionalTarget> for RegionalTargetResult {
    fn from(t: RegionalTarget) -> Self {
        RegionalTargetResult { indicator: t.indicator, region: t.region, target: t.target }
    }
}

/// Every indicator of a plan as of a date.
#[pyclass(frozen, module = "skillplan")]
pub struct Report {
    inner: progress::Report,
}

impl From<progress::Report> for Report {
    fn from(inner: progress::Report) -> Self {
        Report { inner }
    }
}

impl From<progress::IndicatorProgress> for IndicatorProgress {
    fn from(inner: progress::IndicatorProgress) -> Self {
        IndicatorProgress { inner }
    }
}

#[pymethods]
impl Report {
    #[getter]
    fn plan_id(&self) -> PyResult<&str> {
        guard("plan_id", || Ok({ self.inner.plan_id.as_str() }))
    }
    #[getter]
    fn fingerprint(&self) -> PyResult<&str> {
        guard("fingerprint", || Ok({ self.inner.fingerprint.as_str() }))
    }
    #[getter]
    fn as_of(&self) -> PyResult<NaiveDate> {
        guard("as_of", || Ok({ self.inner.as_of }))
    }
    #[getter]
    fn period_start(&self) -> PyResult<NaiveDate> {
        guard("period_start", || Ok({ self.inner.period_start }))
    }
    #[getter]
    fn period_end(&self) -> PyResult<NaiveDate> {
        guard("period_end", || Ok({ self.inner.period_end }))
    }
    #[getter]
    fn is_final(&self) -> PyResult<bool> {
        guard("is_final", || Ok({ self.inner.is_final }))
    }
    #[getter]
    fn indicators(&self) -> PyResult<Vec<IndicatorProgress>> {
        guard("indicators", || Ok({ self.inner.indicators.iter().cloned().map(IndicatorProgress::from).collect() }))
    }
    #[getter]
    fn regions(&self) -> PyResult<Vec<IndicatorProgress>> {
        guard("regions", || Ok({ self.inner.regions.iter().cloned().map(IndicatorProgress::from).collect() }))
    }
    #[getter]
    fn parts(&self) -> PyResult<Vec<PartsCheck>> {
        guard("parts", || {
            Ok({
                self.inner
                    .parts
                    .iter()
                    .map(|p| PartsCheck {
                        whole: p.whole.clone(),
                        parts: p.parts.clone(),
                        whole_achieved: p.whole_achieved,
                        parts_achieved: p.parts_achieved,
                        whole_target: p.whole_target,
                        parts_target: p.parts_target,
                        consistent: p.consistent,
                    })
                    .collect()
            })
        })
    }
    #[getter]
    fn warnings(&self) -> PyResult<Vec<Warning>> {
        guard("warnings", || {
            Ok({
                self.inner
                    .warnings
                    .iter()
                    .map(|w| Warning {
                        code: w.code.as_str().to_owned(),
                        indicator: w.indicator.clone(),
                        region: w.region.clone(),
                        message: w.message.clone(),
                    })
                    .collect()
            })
        })
    }
    /// The report as JSON (decimals as strings).
    fn to_json(&self) -> PyResult<String> {
        guard("to_json", || Ok({ self.inner.to_json() }))
    }
    /// One row per indicator (and region) with the projections as columns, as CSV.
    fn to_csv(&self) -> PyResult<String> {
        guard("to_csv", || Ok({ self.inner.to_csv() }))
    }
    /// The rows of `to_csv` as dicts, with `Decimal`, `date` and `None` values.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        guard("to_records", || {
            let list = PyList::empty(py);
            for row in self.inner.rows() {
                let d = PyDict::new(py);
                d.set_item("indicator", row.indicator)?;
                d.set_item("name_zh", row.name_zh)?;
                d.set_item("name_en", row.name_en)?;
                d.set_item("region", row.region)?;
                d.set_item("clause", row.clause)?;
                d.set_item("unit", row.unit.as_str())?;
                d.set_item("comparator", row.comparator.as_str())?;
                d.set_item("target", row.target)?;
                d.set_item("as_of", row.as_of)?;
                d.set_item("achieved", row.achieved)?;
                d.set_item("achieved_on", row.achieved_on)?;
                d.set_item("source", row.source.as_str())?;
                d.set_item("completion", row.completion)?;
                d.set_item("gap", row.gap)?;
                d.set_item("elapsed", row.elapsed)?;
                d.set_item("expected", row.expected)?;
                d.set_item("expected_method", row.expected_method.as_str())?;
                d.set_item("performance", row.performance)?;
                d.set_item("status", row.status.as_str())?;
                d.set_item("remaining_days", row.remaining_days)?;
                d.set_item("required_per_month", row.required_per_month)?;
                d.set_item("required_per_year", row.required_per_year)?;
                d.set_item("achieved_per_month", row.achieved_per_month)?;
                d.set_item("linear_trend_projected", row.linear_trend_projected)?;
                d.set_item("linear_trend_class", row.linear_trend_class.map(|c| c.as_str()))?;
                d.set_item("escap_current_status_index", row.escap_current_status_index)?;
                d.set_item("escap_anticipated_projected", row.escap_anticipated_projected)?;
                d.set_item("escap_anticipated_index", row.escap_anticipated_index)?;
                d.set_item("escap_anticipated_class", row.escap_anticipated_class.map(|c| c.as_str()))?;
                d.set_item("unsd_cagr_rate", row.unsd_cagr_rate)?;
                d.set_item("unsd_cagr_required_rate", row.unsd_cagr_required_rate)?;
                d.set_item("unsd_cagr_projected", row.unsd_cagr_projected)?;
                d.set_item("unsd_cagr_index", row.unsd_cagr_index)?;
                d.set_item("unsd_cagr_class", row.unsd_cagr_class.map(|c| c.as_str()))?;
                list.append(d)?;
            }
            Ok(list)
        })
    }
    /// The records as a pandas DataFrame (decimal columns hold exact `Decimal` objects).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("to_pandas", || {
            let pandas = py.import("pandas")?;
            pandas.call_method1("DataFrame", (self.to_records(py)?,))
        })
    }
    fn __repr__(&self) -> String {
        format!(
            "Report(plan_id={:?}, as_of={}, indicators={}, regions={}, warnings={})",
            self.inner.plan_id,
            self.inner.as_of,
            self.inner.indicators.len(),
            self.inner.regions.len(),
            self.inner.warnings.len()
        )
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Report>()?;
    m.add_class::<IndicatorProgress>()?;
    m.add_class::<Projection>()?;
    m.add_class::<PartsCheck>()?;
    m.add_class::<Warning>()?;
    m.add_class::<RegionalTargetResult>()?;
    Ok(())
}

/// Observations read from a CSV or JSON file, as dicts of text, ready for `Plan.progress`.
#[pyfunction]
pub fn read_observations<'py>(py: Python<'py>, path: std::path::PathBuf) -> PyResult<Bound<'py, PyList>> {
    guard("read_observations", || {
        let inputs = py.detach(|| observations::read_file(&path));
        let inputs = inputs.map_err(to_py_err)?;
        let list = PyList::empty(py);
        for o in inputs {
            let d = PyDict::new(py);
            d.set_item("indicator", o.indicator)?;
            d.set_item("region", o.region)?;
            d.set_item("date", o.date)?;
            d.set_item("value", o.value)?;
            d.set_item("kind", o.kind)?;
            list.append(d)?;
        }
        Ok(list)
    })
}

pub(crate) fn report(
    plan: &core::Plan,
    py: Python<'_>,
    inputs: Vec<ObservationInput>,
    options: ProgressOptions,
) -> PyResult<Report> {
    py.detach(|| -> Result<progress::Report, core::Error> {
        let obs = observations::Observations::new(plan, &inputs)?;
        progress::report(plan, &obs, &options)
    })
    .map(Report::from)
    .map_err(to_py_err)
}

pub(crate) fn indicator(
    plan: &core::Plan,
    py: Python<'_>,
    inputs: Vec<ObservationInput>,
    options: ProgressOptions,
    id: &str,
    region: Option<&str>,
) -> PyResult<IndicatorProgress> {
    py.detach(|| -> Result<progress::IndicatorProgress, core::Error> {
        let obs = observations::Observations::new(plan, &inputs)?;
        progress::indicator(plan, &obs, &options, id, region)
    })
    .map(IndicatorProgress::from)
    .map_err(to_py_err)
}

pub(crate) fn decompose(
    plan: &core::Plan,
    indicator: &str,
    weights: Vec<(String, Decimal)>,
) -> PyResult<Vec<RegionalTargetResult>> {
    progress::decompose(plan, indicator, &weights)
        .map(|ts| ts.into_iter().map(RegionalTargetResult::from).collect())
        .map_err(to_py_err)
}
