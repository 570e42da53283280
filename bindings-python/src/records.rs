//! Records and tallies for Python: a path, an Arrow PyCapsule stream or array (pyarrow, polars,
//! pandas) or a list of dicts goes to the core's counting; the tally comes back as a class
//! with dicts, a DataFrame and JSON. Counting runs without the GIL.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyCapsule, PyCapsuleMethods, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::Value;
use skillplan as core;
use skillplan::arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema};
use skillplan::arrow_array::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use skillplan::arrow_array::{RecordBatch, StructArray};

use crate::{guard, to_py_err};

/// A Python value as the JSON value the core reads: floats stay floats (and are refused there);
/// dates become ISO text; anything else an empty object, refused as the wrong type.
fn to_value(v: &Bound<'_, PyAny>, depth: usize) -> Value {
    if v.is_none() {
        Value::Null
    } else if let Ok(b) = v.cast::<PyBool>() {
        Value::Bool(b.is_true())
    } else if let Ok(s) = v.cast::<PyString>() {
        Value::String(s.to_string_lossy().into_owned())
    } else if v.is_instance_of::<PyInt>() || v.hasattr("__index__").unwrap_or(false) && !v.is_instance_of::<PyFloat>() {
        match v.extract::<i64>() {
            Ok(i) => Value::from(i),
            Err(_) => Value::Object(Default::default()),
        }
    } else if let Ok(f) = v.cast::<PyFloat>() {
        // NaN (a missing value in pandas) is absent, as None is; an infinity is a value of the
        // wrong type (an empty object, which no field takes), as a fraction is.
        let x = f.value();
        if x.is_nan() {
            Value::Null
        } else {
            serde_json::Number::from_f64(x).map(Value::Number).unwrap_or_else(|| Value::Object(Default::default()))
        }
    } else if let Ok(list) = v.cast::<PyList>() {
        if depth > 2 {
            return Value::Object(Default::default());
        }
        Value::Array(list.iter().map(|x| to_value(&x, depth + 1)).collect())
    } else if let Ok(t) = v.cast::<PyTuple>() {
        if depth > 2 {
            return Value::Object(Default::default());
        }
        Value::Array(t.iter().map(|x| to_value(&x, depth + 1)).collect())
    } else if v.hasattr("isoformat").unwrap_or(false) && v.hasattr("year").unwrap_or(false) {
        let iso: String = v.call_method0("isoformat").and_then(|s| s.extract()).unwrap_or_default();
        Value::String(iso)
    } else if let Ok(d) = v.cast::<PyDict>() {
        if depth > 0 {
            return Value::Object(Default::default());
        }
        let mut map = serde_json::Map::new();
        for (k, x) in d.iter() {
            let key = k.str().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            map.insert(key, to_value(&x, depth + 1));
        }
        Value::Object(map)
    } else {
        Value::Object(Default::default())
    }
}

fn is_path(source: &Bound<'_, PyAny>) -> bool {
    source.is_instance_of::<PyString>() || source.hasattr("__fspath__").unwrap_or(false)
}

/// Counts `source` into a new tally.
pub fn count(
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
    } else if let Ok(list) = source.cast::<PyList>() {
        let values: Vec<Value> = list.iter().map(|x| to_value(&x, 0)).collect();
        py.detach(|| tally.add_values(plan, &values, options)).map_err(to_py_err)?;
    } else if source.hasattr("__iter__")? && !source.is_instance_of::<PyDict>() {
        let values: Vec<Value> = source.try_iter()?.map(|x| x.map(|x| to_value(&x, 0))).collect::<PyResult<_>>()?;
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

fn json_to_py<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

/// Counts of records by indicator × region × month under one plan's rules, with what was read,
/// counted and rejected. Tallies of parts of the records merge into the tally of the whole.
#[pyclass(module = "skillplan")]
pub struct Tally {
    plan: Arc<core::Plan>,
    inner: core::Tally,
}

#[pymethods]
impl Tally {
    /// Rows read, valid or not.
    #[getter]
    fn rows_read(&self) -> PyResult<u64> {
        guard("rows_read", || Ok({ self.inner.rows_read }))
    }
    /// Rows that counted toward at least one indicator.
    #[getter]
    fn rows_counted(&self) -> PyResult<u64> {
        guard("rows_counted", || Ok({ self.inner.rows_counted }))
    }
    /// Rows refused as invalid (and skipped).
    #[getter]
    fn rows_rejected(&self) -> PyResult<u64> {
        guard("rows_rejected", || Ok({ self.inner.rows_rejected }))
    }
    /// Columns or keys the inputs had that the record format does not, so were not read.
    #[getter]
    fn ignored_columns(&self) -> PyResult<Vec<String>> {
        guard("ignored_columns", || Ok({ self.inner.ignored_columns().to_vec() }))
    }
    /// The refused records (up to 1000): dicts of source, row, field, code, message.
    #[getter]
    fn rejections<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("rejections", || json_to_py(py, &serde_json::to_string(self.inner.rejections()).unwrap_or_default()))
    }
    /// Counted records per indicator, for the whole area and period.
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("totals", || {
            let text = py.detach(|| serde_json::to_string(&self.inner.totals(&self.plan)).unwrap_or_default());
            json_to_py(py, &text)
        })
    }
    /// Counted records of one indicator in a region and the regions inside it.
    fn region_total(&self, indicator: &str, region: &str) -> PyResult<u64> {
        guard("region_total", || self.inner.count_in_region(&self.plan, indicator, region).map_err(to_py_err))
    }
    /// Everything the tally says, as plain dicts and lists.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("summary", || {
            let text = py.detach(|| serde_json::to_string(&self.inner.summary(&self.plan)).unwrap_or_default());
            json_to_py(py, &text)
        })
    }
    /// The non-zero counts: dicts of indicator, region, month (YYYY-MM), count.
    fn cells<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("cells", || {
            let text = py.detach(|| serde_json::to_string(&self.inner.cells()).unwrap_or_default());
            json_to_py(py, &text)
        })
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
        guard("observations", || {
            let text = py.detach(|| {
                self.inner.observations(&self.plan).map(|obs| serde_json::to_string(&obs).unwrap_or_default())
            });
            json_to_py(py, &text.map_err(to_py_err)?)
        })
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
        guard("to_json", || Ok({ py.detach(|| self.inner.to_json()) }))
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

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Tally>()?;
    Ok(())
}
