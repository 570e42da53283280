//! Records and tallies for Python: a path, an Arrow PyCapsule stream or array (pyarrow, polars,
//! pandas) or a list of dicts (read under the core's host-value policy) goes to the core's
//! counting; the tally comes back as a class with dicts, a DataFrame and JSON. Counting runs
//! without the GIL.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods, PyDict, PyList, PyString};
use serde_json::{Map, Value};
use skillplan as core;
use skillplan::arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema};
use skillplan::arrow_array::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use skillplan::arrow_array::{RecordBatch, StructArray};

use skillplan::host::value::Argument;

use crate::host;
use crate::to_py::to_py;
use crate::{guard, to_py_err};

fn is_path(source: &Bound<'_, PyAny>) -> bool {
    source.is_instance_of::<PyString>() || source.hasattr("__fspath__").unwrap_or(false)
}

/// Counts `source` into a new tally.
pub(crate) fn count(
    py: Python<'_>,
    plan: &Arc<core::Plan>,
    source: &Bound<'_, PyAny>,
    options: &core::CountOptions,
) -> PyResult<Tally> {
    let mut tally = core::Tally::new(plan);
    if is_path(source) {
        let path: PathBuf = source.extract()?;
        py.detach(|| tally.add_path(plan, &path, options, None)).map_err(to_py_err)?;
    } else if source.hasattr("__arrow_c_stream__")? {
        let capsule = source.call_method1("__arrow_c_stream__", (py.None(),))?;
        let capsule = capsule
            .cast::<PyCapsule>()
            .map_err(|_| PyTypeError::new_err("__arrow_c_stream__ did not return a capsule"))?;
        let pointer = capsule.pointer_checked(Some(c"arrow_array_stream"))?;
        // SAFETY: the capsule holds an ArrowArrayStream (checked by name); from_raw moves the
        // stream out and leaves a released one, which the capsule's destructor then skips.
        let reader = unsafe { RecordBatchStreamReader::from_raw(pointer.as_ptr().cast::<FFI_ArrowArrayStream>()) }
            .map_err(|e| to_py_err(arrow_error(&e.to_string())))?;
        py.detach(|| tally.add_arrow_stream(plan, reader, options)).map_err(to_py_err)?;
    } else if source.hasattr("__arrow_c_array__")? {
        let pair = source.call_method1("__arrow_c_array__", (py.None(),))?;
        let (schema, array): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair.extract()?;
        let schema = schema
            .cast::<PyCapsule>()
            .map_err(|_| PyTypeError::new_err("__arrow_c_array__ did not return capsules"))?;
        let array =
            array.cast::<PyCapsule>().map_err(|_| PyTypeError::new_err("__arrow_c_array__ did not return capsules"))?;
        let schema_ptr = schema.pointer_checked(Some(c"arrow_schema"))?.as_ptr().cast::<FFI_ArrowSchema>();
        let array_ptr = array.pointer_checked(Some(c"arrow_array"))?.as_ptr().cast::<FFI_ArrowArray>();
        // SAFETY: named capsules of the Arrow C data interface; the array is moved out (leaving
        // a released one for the capsule's destructor) and the schema only borrowed.
        let data = unsafe {
            let array = FFI_ArrowArray::from_raw(array_ptr);
            skillplan::arrow_array::ffi::from_ffi(array, &*schema_ptr)
        }
        .map_err(|e| to_py_err(arrow_error(&e.to_string())))?;
        let batch = RecordBatch::from(StructArray::from(data));
        py.detach(|| tally.add_arrow_batch(plan, &batch, options, 0)).map_err(to_py_err)?;
    } else if source.is_instance_of::<PyList>() || (source.hasattr("__iter__")? && !source.is_instance_of::<PyDict>()) {
        let values: Vec<Value> =
            source.try_iter()?.map(|x| x.and_then(|x| host::json(&x, Argument::Records))).collect::<PyResult<_>>()?;
        py.detach(|| tally.add_values(plan, &values, options)).map_err(to_py_err)?;
    } else {
        return Err(PyTypeError::new_err(
            "count_records takes a path, an Arrow table or DataFrame (pyarrow, polars, pandas), or a list of dicts",
        ));
    }
    Ok(Tally { plan: plan.clone(), inner: tally })
}

fn arrow_error(message: &str) -> core::Error {
    core::RecordsError {
        code: core::ErrorCode::InvalidRecordSource,
        reason: "stream",
        path: String::new(),
        message: format!("cannot import the Arrow data: {}", message.chars().take(80).collect::<String>()),
    }
    .into()
}

/// Counts of records by indicator × region × month under one plan's rules, with what was read,
/// counted and rejected. Tallies of parts of the records merge into the tally of the whole.
#[pyclass(module = "skillplan")]
pub(crate) struct Tally {
    plan: Arc<core::Plan>,
    inner: core::Tally,
}

#[pymethods]
impl Tally {
    /// Rows read, valid or not.
    #[getter]
    fn rows_read(&self) -> PyResult<u64> {
        guard("rows_read", || Ok(self.inner.rows_read))
    }
    /// Rows that counted toward at least one indicator.
    #[getter]
    fn rows_counted(&self) -> PyResult<u64> {
        guard("rows_counted", || Ok(self.inner.rows_counted))
    }
    /// Rows refused as invalid (and skipped).
    #[getter]
    fn rows_rejected(&self) -> PyResult<u64> {
        guard("rows_rejected", || Ok(self.inner.rows_rejected))
    }
    /// Columns or keys the inputs had that the record format does not, so were not read.
    #[getter]
    fn ignored_columns(&self) -> PyResult<Vec<String>> {
        guard("ignored_columns", || Ok(self.inner.ignored_columns().to_vec()))
    }
    /// The refused records (up to 1000): dicts of source, row, field, code, message.
    #[getter]
    fn rejections<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("rejections", || to_py(py, self.inner.rejections()))
    }
    /// Counted records per indicator, for the whole area and period.
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("totals", || to_py(py, &py.detach(|| self.inner.totals(&self.plan))))
    }
    /// Counted records of one indicator in a region and the regions inside it.
    fn region_total(&self, indicator: &str, region: &str) -> PyResult<u64> {
        guard("region_total", || self.inner.count_in_region(&self.plan, indicator, region).map_err(to_py_err))
    }
    /// Everything the tally says, as plain dicts and lists.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("summary", || to_py(py, &py.detach(|| self.inner.summary(&self.plan))))
    }
    /// The non-zero counts: dicts of indicator, region, month (YYYY-MM), count.
    fn cells<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("cells", || to_py(py, &py.detach(|| self.inner.cells())))
    }
    /// The non-zero counts as a pandas DataFrame (indicator, region, month, count).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("to_pandas", || {
            let pandas = py.import("pandas")?;
            let kwargs = PyDict::new(py);
            kwargs.set_item("columns", vec!["indicator", "region", "month", "count"])?;
            pandas.call_method("DataFrame", (self.cells(py)?,), Some(&kwargs))
        })
    }
    /// Monthly observations (dicts of text) for `Plan.progress`.
    fn observations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("observations", || crate::answer(py, py.detach(|| self.inner.observations(&self.plan))))
    }
    /// Adds another tally of the same plan into this one.
    fn merge(&mut self, py: Python<'_>, other: PyRef<'_, Tally>) -> PyResult<()> {
        guard("merge", || {
            let other = &other.inner;
            py.detach(|| self.inner.merge(other)).map_err(to_py_err)
        })
    }
    /// The tally as JSON, to merge in another process (`Tally.from_json`).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard("to_json", || Ok(py.detach(|| self.inner.to_json())))
    }
    /// Reads a tally written by `to_json` under the same plan.
    #[staticmethod]
    fn from_json(py: Python<'_>, plan: PyRef<'_, crate::Plan>, text: &str) -> PyResult<Tally> {
        guard("from_json", || {
            let core_plan = &plan.inner;
            let inner = py.detach(|| core::Tally::from_json(core_plan, text)).map_err(to_py_err)?;
            Ok(Tally { plan: plan.inner.clone(), inner })
        })
    }
    fn __repr__(&self) -> String {
        format!(
            "Tally(rows_read={}, rows_counted={}, rows_rejected={})",
            self.inner.rows_read, self.inner.rows_counted, self.inner.rows_rejected
        )
    }
}

/// The counting options of a call, read by the core from its keyword arguments (those given:
/// `strict`, `max_rejected`, `source_name`, `encoding`, `columns`, `sheet`).
pub(crate) fn options(given: &[(&str, Option<&Bound<'_, PyAny>>)]) -> PyResult<core::CountOptions> {
    let mut map = Map::new();
    for (key, value) in given {
        if let Some(v) = value {
            map.insert((*key).to_owned(), host::json(v, Argument::Options)?);
        }
    }
    core::host::options::count(&Value::Object(map)).map_err(to_py_err)
}
