//! Eligibility for Python: profiles and offers as dicts (read under the core's host-value policy)
//! or JSON text in; a decision as a native object (`decision`) or the summary, or a roster's
//! answers as a DataFrame, out. Batches and rosters are decided with the GIL released.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods, PyList, PyString};
use serde_json::Value;
use skillplan as core;
use skillplan::arrow_array::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use skillplan::arrow_array::{RecordBatch, RecordBatchIterator};
use std::sync::Arc;

use skillplan::eligibility::{self as el, Decided};
use skillplan::host::batch;
use skillplan::host::options::DecisionOptions;
use skillplan::host::value::Argument;

use crate::decision;
use crate::host;
use crate::to_py::to_py;
use crate::{guard, to_py_err};

/// A profile or offer as JSON: a str is JSON text; anything else a host value, read under the
/// core's policy for documents (refused whole, wrong type at `path`, for what JSON cannot hold).
fn document(value: &Bound<'_, PyAny>, argument: Argument<'_>, path: &str) -> PyResult<Value> {
    match value.cast::<PyString>() {
        Ok(text) => el::parse_json(text.to_str()?, path).map_err(to_py_err),
        Err(_) => host::json(value, argument),
    }
}

fn offer_value(offer: Option<&Bound<'_, PyAny>>) -> PyResult<Value> {
    match offer {
        Some(o) if !o.is_none() => document(o, Argument::Offer, "offer"),
        _ => Ok(Value::Object(Default::default())),
    }
}

/// The decision options of a call, read by the core from its keyword arguments.
pub(crate) fn options(
    subsidies: Option<&Bound<'_, PyAny>>,
    explain: Option<&Bound<'_, PyAny>>,
) -> PyResult<DecisionOptions> {
    let mut given = serde_json::Map::new();
    for (key, value) in [("subsidies", subsidies), ("explain", explain)] {
        if let Some(v) = value {
            given.insert(key.to_owned(), host::json(v, Argument::Options)?);
        }
    }
    core::host::options::decision(&Value::Object(given)).map_err(to_py_err)
}

/// Native decision objects (`EligibilityDecision`), or the generated `DecisionSummary` for
/// `explain=False`.
fn answers<'py>(
    py: Python<'py>,
    plan: &Arc<core::Plan>,
    decided: Vec<Decided>,
    options: &DecisionOptions,
) -> PyResult<Bound<'py, PyList>> {
    if options.explain {
        decision::decisions(py, plan, decided)
    } else {
        let summaries: Vec<_> = decided.iter().map(|d| d.summary(plan)).collect();
        Ok(to_py(py, &summaries)?.cast_into::<PyList>()?)
    }
}

pub(crate) fn check<'py>(
    py: Python<'py>,
    plan: &Arc<core::Plan>,
    profile: &Bound<'py, PyAny>,
    offer: Option<&Bound<'py, PyAny>>,
    as_of: &Bound<'py, PyAny>,
    options: &DecisionOptions,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = host::as_of(as_of)?;
    let profile = document(profile, Argument::Profile("profile"), "profile")?;
    let offer = offer_value(offer)?;
    // One decision is quicker than releasing and taking back the GIL around it.
    let decided = batch::decided_value(plan, &profile, &offer, as_of, options).map_err(to_py_err)?;
    if options.explain {
        Ok(Bound::new(py, decision::PyDecision::new(plan, decided))?.into_any())
    } else {
        to_py(py, &decided.summary(plan))
    }
}

pub(crate) fn check_batch<'py>(
    py: Python<'py>,
    plan: &Arc<core::Plan>,
    profiles: &Bound<'py, PyAny>,
    offer: Option<&Bound<'py, PyAny>>,
    as_of: &Bound<'py, PyAny>,
    options: &DecisionOptions,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = host::as_of(as_of)?;
    let list = profiles.cast::<PyList>().map_err(|_| PyTypeError::new_err("profiles must be a list of dicts"))?;
    // Each profile is read as it comes (its host value, then the profile), so that no list of
    // intermediate values is held; the first bad one by index raises. Deciding runs on all cores.
    let profiles: Vec<el::Profile> = list
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let path = format!("profiles[{i}]");
            let value = document(&p, Argument::Profile(&path), &path)?;
            el::profile_from_value(plan, &value).map_err(|e| to_py_err(e.in_batch(i)))
        })
        .collect::<PyResult<_>>()?;
    let offer = offer_value(offer)?;
    let decided = py.detach(|| batch::decided_profiles(plan, profiles, &offer, as_of, options)).map_err(to_py_err)?;
    Ok(answers(py, plan, decided, options)?.into_any())
}

/// An Arrow stream of the roster's answers, handed to pyarrow through the PyCapsule interface.
#[pyclass(module = "skillplan")]
pub(crate) struct RosterAnswers {
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
    mapping: Option<&core::records::ColumnMapping>,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = host::as_of(as_of)?;
    let offer = offer_value(offer)?;
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
                to_py_err(el::ProfileError::at_path(
                    "unsupported_type",
                    "roster",
                    format!("cannot import the Arrow data: {}", e.to_string().chars().take(80).collect::<String>()),
                ))
            })?;
        py.detach(|| -> Result<Vec<RecordBatch>, core::Error> {
            let offer = el::offer_from_value(plan, &offer)?;
            el::decide_roster(plan, reader, &offer, as_of, mapping)
        })
    } else if let Ok(list) = roster.cast::<PyList>() {
        let values: Vec<Value> = list.iter().map(|p| host::json(&p, Argument::Roster)).collect::<PyResult<_>>()?;
        py.detach(|| -> Result<Vec<RecordBatch>, core::Error> {
            let offer = el::offer_from_value(plan, &offer)?;
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
