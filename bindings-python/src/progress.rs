//! Progress in Python: observations and options read under the core's host-value policy (a
//! DataFrame's rows, dicts or objects; `Decimal`, int, str and `date`), the report computed
//! without the GIL, and the answer converted into the generated classes, with the core's own
//! JSON and CSV at hand through [`NativeReport`].

use pyo3::prelude::*;
use serde_json::{Map, Value};
use skillplan as core;
use skillplan::host::options;
use skillplan::host::value::Argument;
use skillplan::progress::observations::{self, Observations};
use skillplan::progress::{self, ProgressOptions};

use crate::host::{self, row_values};
use crate::to_py::to_py;
use crate::to_py_err;

const OBSERVATION_FIELDS: [&str; 5] = ["indicator", "region", "date", "value", "kind"];

/// The arguments of a progress call, read.
pub(crate) struct Call {
    observations: Vec<Value>,
    options: ProgressOptions,
}

impl Call {
    pub(crate) fn read(
        observations: &Bound<'_, PyAny>,
        as_of: &Bound<'_, PyAny>,
        milestones: Option<&Bound<'_, PyAny>>,
        regional_targets: Option<&Bound<'_, PyAny>>,
        thresholds: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Call> {
        let observations = row_values(observations, Argument::Observations, &OBSERVATION_FIELDS)?;
        let as_of = host::as_of(as_of)?;
        let mut given = Map::new();
        if let Some(m) = milestones {
            given.insert(
                "milestones".into(),
                Value::Array(row_values(m, Argument::Options, &["indicator", "date", "value"])?),
            );
        }
        if let Some(t) = regional_targets {
            let rows = row_values(t, Argument::Options, &["indicator", "region", "target"])?;
            given.insert("regional_targets".into(), Value::Array(rows));
        }
        if let Some(t) = thresholds {
            given.insert("thresholds".into(), host::json(t, Argument::Options)?);
        }
        let options = options::progress(as_of, &Value::Object(given)).map_err(to_py_err)?;
        Ok(Call { observations, options })
    }

    fn observations(&self, plan: &core::Plan) -> Result<Observations, core::Error> {
        Ok(Observations::new(plan, &observations::from_values(&self.observations)?)?)
    }
}

/// The core's report, for the JSON and CSV it writes itself.
#[pyclass(frozen, module = "skillplan")]
pub(crate) struct NativeReport {
    inner: progress::Report,
}

#[pymethods]
impl NativeReport {
    /// The report as JSON (decimals as strings).
    fn to_json(&self) -> PyResult<String> {
        crate::guard("to_json", || Ok(self.inner.to_json()))
    }

    /// One row per indicator (and region) with the projections as columns, as CSV.
    fn to_csv(&self) -> PyResult<String> {
        crate::guard("to_csv", || Ok(self.inner.to_csv()))
    }

    /// The rows of `to_csv` as dicts, with `Decimal`, `date` and `None` values.
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::guard("to_records", || to_py(py, &self.inner.rows()))
    }
}

pub(crate) fn report<'py>(py: Python<'py>, plan: &core::Plan, call: Call) -> PyResult<Bound<'py, PyAny>> {
    let report = py
        .detach(|| call.observations(plan).and_then(|obs| progress::report(plan, &obs, &call.options)))
        .map_err(to_py_err)?;
    let object = to_py(py, &report)?;
    // The class is frozen: the native report is attached as the dataclass machinery would.
    let native = Bound::new(py, NativeReport { inner: report })?;
    py.import("builtins")?.getattr("object")?.call_method1("__setattr__", (&object, "_native", native))?;
    Ok(object)
}

pub(crate) fn indicator<'py>(
    py: Python<'py>,
    plan: &core::Plan,
    call: Call,
    id: &str,
    region: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let row = py
        .detach(|| call.observations(plan).and_then(|obs| progress::indicator(plan, &obs, &call.options, id, region)));
    crate::answer(py, row)
}
