//! Eligibility for Python: profiles and offers as dicts (or JSON text) in; a decision as the
//! dataclasses of `skillplan.eligibility`, or a roster's answers as a DataFrame, out. The core
//! decides with the GIL released. No logic lives here.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods, PyList};
use skillplan as core;
use skillplan::arrow_array::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use skillplan::arrow_array::{RecordBatch, RecordBatchIterator};
use skillplan::eligibility as el;

use crate::{guard, to_py_err};

/// The JSON text of a profile, offer or list of them, through `skillplan.eligibility.to_json`;
/// a value JSON cannot hold is the wrong type at `what`.
fn json_text(py: Python<'_>, value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    match py.import("skillplan.eligibility")?.call_method1("to_json", (value,)) {
        Ok(text) => text.extract(),
        Err(e) if e.is_instance_of::<PyTypeError>(py) => {
            let message = e.value(py).to_string();
            Err(to_py_err(el::ProfileError::at_path("wrong_type", what, message).into()))
        }
        Err(e) => Err(e),
    }
}

fn offer_text(py: Python<'_>, offer: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
    match offer {
        None => Ok("{}".into()),
        Some(o) if o.is_none() => Ok("{}".into()),
        Some(o) => json_text(py, o, "offer"),
    }
}

fn decisions<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("skillplan.eligibility")?.call_method1("decisions_from_json", (text,))
}

pub(crate) fn check<'py>(
    py: Python<'py>,
    plan: &core::Plan,
    profile: &Bound<'py, PyAny>,
    offer: Option<&Bound<'py, PyAny>>,
    as_of: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = crate::progress::option_date(Some(as_of.clone()), "as_of".into())?;
    let profile = json_text(py, profile, "profile")?;
    let offer = offer_text(py, offer)?;
    let text = py
        .detach(|| el::check_json(plan, &profile, &offer, as_of).map(|d| serde_json::to_string(&d).unwrap_or_default()))
        .map_err(to_py_err)?;
    decisions(py, &text)
}

pub(crate) fn check_batch<'py>(
    py: Python<'py>,
    plan: &core::Plan,
    profiles: &Bound<'py, PyAny>,
    offer: Option<&Bound<'py, PyAny>>,
    as_of: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = crate::progress::option_date(Some(as_of.clone()), "as_of".into())?;
    let list = profiles.cast::<PyList>().map_err(|_| PyTypeError::new_err("profiles must be a list of dicts"))?;
    let values: Vec<String> =
        list.iter().enumerate().map(|(i, p)| json_text(py, &p, &format!("profiles[{i}]"))).collect::<PyResult<_>>()?;
    let offer = offer_text(py, offer)?;
    let text = py
        .detach(|| -> Result<String, core::Error> {
            let offer = el::parse_offer_json(plan, &offer)?;
            let parsed: Vec<serde_json::Value> = values
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    serde_json::from_str(t).map_err(|e| {
                        core::Error::from(el::ProfileError::at_syntax("profile", e.line(), e.column()).in_batch(i))
                    })
                })
                .collect::<Result<_, _>>()?;
            let views = el::check_batch(plan, &parsed, &offer, as_of)?;
            Ok(serde_json::to_string(&views).unwrap_or_default())
        })
        .map_err(to_py_err)?;
    decisions(py, &text)
}

/// An Arrow stream of the roster's answers, handed to pyarrow through the PyCapsule interface.
#[pyclass(module = "skillplan")]
pub struct RosterAnswers {
    batches: Option<Vec<RecordBatch>>,
}

#[pymethods]
impl RosterAnswers {
    /// The Arrow PyCapsule stream protocol: can be read once.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &mut self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        guard("__arrow_c_stream__", || {
            let _ = requested_schema;
            let batches = self.batches.take().ok_or_else(|| PyTypeError::new_err("the answers were already read"))?;
            let Some(schema) = batches.first().map(RecordBatch::schema) else {
                return Err(PyTypeError::new_err("no answers"));
            };
            let reader = RecordBatchIterator::new(batches.into_iter().map(Ok), schema);
            let stream = FFI_ArrowArrayStream::new(Box::new(reader));
            PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
        })
    }
}

pub(crate) fn frame<'py>(
    py: Python<'py>,
    plan: &core::Plan,
    roster: &Bound<'py, PyAny>,
    offer: Option<&Bound<'py, PyAny>>,
    as_of: &Bound<'py, PyAny>,
    output: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = crate::progress::option_date(Some(as_of.clone()), "as_of".into())?;
    let offer = offer_text(py, offer)?;
    let batches = if roster.hasattr("__arrow_c_stream__")? {
        let capsule = roster.call_method1("__arrow_c_stream__", (py.None(),))?;
        let capsule = capsule
            .cast::<PyCapsule>()
            .map_err(|_| PyTypeError::new_err("__arrow_c_stream__ did not return a capsule"))?;
        let pointer = capsule.pointer_checked(Some(c"arrow_array_stream"))?;
        // SAFETY: the capsule holds an ArrowArrayStream (checked by name); from_raw moves the
        // stream out and leaves a released one, which the capsule's destructor then skips.
        let reader = unsafe { RecordBatchStreamReader::from_raw(pointer.as_ptr().cast::<FFI_ArrowArrayStream>()) }
            .map_err(|e| {
                to_py_err(
                    el::ProfileError::at_path(
                        "unsupported_type",
                        "roster",
                        format!("cannot import the Arrow data: {}", e.to_string().chars().take(80).collect::<String>()),
                    )
                    .into(),
                )
            })?;
        py.detach(|| -> Result<Vec<RecordBatch>, core::Error> {
            let offer = el::parse_offer_json(plan, &offer)?;
            el::decide_roster(plan, reader, &offer, as_of)
        })
    } else if let Ok(list) = roster.cast::<PyList>() {
        let texts: Vec<String> =
            list.iter().enumerate().map(|(i, p)| json_text(py, &p, &format!("rows[{i}]"))).collect::<PyResult<_>>()?;
        py.detach(|| -> Result<Vec<RecordBatch>, core::Error> {
            let offer = el::parse_offer_json(plan, &offer)?;
            let values: Vec<serde_json::Value> =
                texts.iter().map(|t| serde_json::from_str(t).unwrap_or_default()).collect();
            el::decide_roster_values(plan, &values, &offer, as_of).map(|b| vec![b])
        })
    } else {
        return Err(PyTypeError::new_err(
            "eligibility_frame takes an Arrow table or DataFrame (pyarrow, polars, pandas) or a list of dicts",
        ));
    }
    .map_err(to_py_err)?;
    let answers = Bound::new(py, RosterAnswers { batches: Some(batches) })?;
    py.import("skillplan.eligibility")?.call_method1("_frame", (answers, output))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RosterAnswers>()?;
    Ok(())
}
