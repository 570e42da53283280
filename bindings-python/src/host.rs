//! Python values as the core's host-value policy reads them ([`skillplan::host::value`]): this
//! module only says what a value is — the policy (NaN, infinities, datetimes, depth) is the
//! core's. Also the rows of a DataFrame or any iterable, for arguments that are tables.

use std::borrow::Cow;

use chrono::NaiveDate;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde_json::Value;
use skillplan::host::value::{self, Argument, HostKind, HostValue};

use crate::to_py_err;

/// An integer (Python's, numpy's): as i64, or as its digits when it does not fit.
fn int_kind<'a, V>(v: &Bound<'_, PyAny>, type_name: &str) -> HostKind<'a, V> {
    match v.extract::<i64>() {
        Ok(i) => HostKind::Int(i),
        Err(_) => {
            v.str().map_or_else(|_| HostKind::Unsupported(type_name.to_owned()), |s| HostKind::BigInt(s.to_string()))
        }
    }
}

/// A Python value, for the host-value policy.
pub(crate) struct Py<'py>(pub Bound<'py, PyAny>);

fn date_of(v: &Bound<'_, PyAny>) -> Option<NaiveDate> {
    let py = v.py();
    let part = |name: &Bound<'_, PyString>| v.getattr(name).ok()?.extract::<i64>().ok();
    let (y, m, d) = (part(intern!(py, "year"))?, part(intern!(py, "month"))?, part(intern!(py, "day"))?);
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

/// True when `v` is exactly a `datetime.date` (not a datetime), by its type object.
fn is_plain_date(v: &Bound<'_, PyAny>) -> bool {
    static DATE: PyOnceLock<pyo3::Py<PyType>> = PyOnceLock::new();
    let py = v.py();
    let date = DATE.get_or_try_init(py, || -> PyResult<pyo3::Py<PyType>> {
        Ok(py.import(intern!(py, "datetime"))?.getattr(intern!(py, "date"))?.cast_into::<PyType>()?.unbind())
    });
    date.is_ok_and(|d| v.get_type().is(d.bind(py)))
}

impl<'py> HostValue for Py<'py> {
    fn kind(&self) -> HostKind<'_, Self> {
        let v = &self.0;
        if v.is_none() {
            return HostKind::Null;
        }
        if let Ok(b) = v.cast::<PyBool>() {
            return HostKind::Bool(b.is_true());
        }
        if let Ok(s) = v.cast::<PyString>() {
            return match s.to_str() {
                Ok(text) => HostKind::Text(Cow::Owned(text.to_owned())),
                Err(_) => HostKind::Unsupported("str with unpaired surrogates".into()),
            };
        }
        if let Ok(f) = v.cast::<PyFloat>() {
            return HostKind::Float(f.value());
        }
        // The common kinds first, by type check alone: probing an attribute a value lacks
        // raises (and formats) an AttributeError, which costs more than a whole decision.
        if v.is_instance_of::<PyInt>() {
            return int_kind(v, "int");
        }
        if let Ok(list) = v.cast::<PyList>() {
            return HostKind::List(list.iter().map(Py).collect());
        }
        if let Ok(tuple) = v.cast::<PyTuple>() {
            return HostKind::List(tuple.iter().map(Py).collect());
        }
        if let Ok(dict) = v.cast::<PyDict>() {
            let entries = dict.iter().map(|(k, x)| {
                let key = match k.cast::<PyString>() {
                    Ok(s) => s.to_str().map(str::to_owned).unwrap_or_default(),
                    Err(_) => k.str().map(|s| s.to_string()).unwrap_or_default(),
                };
                (key, Py(x))
            });
            return HostKind::Map(entries.collect());
        }
        if is_plain_date(v)
            && let Some(date) = date_of(v)
        {
            return HostKind::Date(date);
        }
        let type_name = v.get_type().name().map(|n| n.to_string()).unwrap_or_default();
        // pandas' missing datetime is the NaN of its column.
        if type_name == "NaTType" {
            return HostKind::Float(f64::NAN);
        }
        if type_name != "Decimal" && v.hasattr("__index__").unwrap_or(false) {
            return int_kind(v, &type_name);
        }
        if type_name == "Decimal" {
            let text = v.call_method1("__format__", ("f",)).and_then(|s| s.extract::<String>());
            return match text {
                Ok(t) => HostKind::Decimal(value::plain_decimal(&t).unwrap_or(t)),
                Err(_) => HostKind::Unsupported(type_name),
            };
        }
        // datetime.datetime and pandas.Timestamp have a time of day; datetime.date does not.
        if v.hasattr("isoformat").unwrap_or(false)
            && let Some(date) = date_of(v)
        {
            if !v.hasattr("hour").unwrap_or(false) {
                return HostKind::Date(date);
            }
            let midnight = ["hour", "minute", "second", "microsecond", "nanosecond"]
                .iter()
                .all(|a| v.getattr(*a).map_or(true, |x| x.extract::<i64>().is_ok_and(|n| n == 0)));
            return HostKind::DateTime { date, midnight };
        }
        HostKind::Unsupported(type_name)
    }
}

/// Reads a Python value under the policy for `argument`.
pub(crate) fn json(value: &Bound<'_, PyAny>, argument: Argument<'_>) -> PyResult<Value> {
    value::to_json(&Py(value.clone()), argument).map_err(to_py_err)
}

/// The rows of a pandas or polars DataFrame (as dicts), or the items of any iterable.
pub(crate) fn rows<'py>(source: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let source = if source.hasattr("to_dicts")? {
        source.call_method0("to_dicts")?
    } else if source.hasattr("to_dict")? && source.hasattr("columns")? {
        source.call_method1("to_dict", ("records",))?
    } else {
        source.clone()
    };
    source.try_iter()?.collect()
}

/// Each row of a table argument, read under its policy; a row that is an object with attributes
/// (a dataclass, a named tuple) is read by the fields `fields` names.
pub(crate) fn row_values(source: &Bound<'_, PyAny>, argument: Argument<'_>, fields: &[&str]) -> PyResult<Vec<Value>> {
    rows(source)?
        .into_iter()
        .map(|row| {
            if row.is_instance_of::<PyDict>() {
                return json(&row, argument);
            }
            let object = PyDict::new(row.py());
            for field in fields {
                let value = match row.get_item(*field) {
                    Ok(v) => Some(v),
                    Err(_) => row.getattr(*field).ok(),
                };
                if let Some(v) = value {
                    object.set_item(*field, v)?;
                }
            }
            json(&object.into_any(), argument)
        })
        .collect()
}

/// The as-of date of a call: a `datetime.date` (or a datetime at midnight) or ISO text.
pub(crate) fn as_of(value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    skillplan::host::options::as_of(&json(value, Argument::Options)?).map_err(to_py_err)
}
