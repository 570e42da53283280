//! Eligibility decisions as native Python objects over the core's [`Decided`]: status, amount,
//! version, check codes with their numbers and missing facts are read straight from the compact
//! answer (interned strings, cached `Decimal`s); names, explanations and what would qualify are
//! rendered by the core only when an attribute or `explain()` asks, and `to_dict()` /
//! `to_json()` give the whole explained form. No rule and no sentence is written here.

use std::sync::{Arc, Mutex};

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyTuple};
use pyo3::{IntoPyObjectExt, intern};
use rust_decimal::Decimal;
use skillplan as core;
use skillplan::eligibility::{Decided, Lang, Status, SubsidyKind, Tri};

use crate::guard;

fn status_text(py: Python<'_>, s: Status) -> &Bound<'_, PyString> {
    match s {
        Status::Eligible => intern!(py, "eligible"),
        Status::NotEligible => intern!(py, "not_eligible"),
        Status::Undetermined => intern!(py, "undetermined"),
    }
}

fn tri_text(py: Python<'_>, t: Tri) -> &Bound<'_, PyString> {
    match t {
        Tri::Yes => intern!(py, "yes"),
        Tri::No => intern!(py, "no"),
        Tri::Unknown => intern!(py, "unknown"),
    }
}

/// The `decimal.Decimal` of an amount. Amounts come from the plan's tables, a handful of
/// values, so each is made once and shared (a `Decimal` is immutable).
fn amount(py: Python<'_>, value: Decimal) -> PyResult<Py<PyAny>> {
    static MADE: Mutex<Vec<(Decimal, Py<PyAny>)>> = Mutex::new(Vec::new());
    let mut made = MADE.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, d)) = made.iter().find(|(v, _)| *v == value) {
        return Ok(d.clone_ref(py));
    }
    let d = value.into_py_any(py)?;
    if made.len() < 256 {
        made.push((value, d.clone_ref(py)));
    }
    Ok(d)
}

fn lang(text: &str) -> PyResult<Lang> {
    core::host::options::lang(text).map_err(crate::to_py_err)
}

fn json_to_py<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import(intern!(py, "json"))?.call_method1(intern!(py, "loads"), (text,))
}

/// A value of the explained form, as the classes of `skillplan.eligibility` build it.
fn explained<'py, T: serde::Serialize>(py: Python<'py>, builder: &str, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).unwrap_or_default();
    py.import(intern!(py, "skillplan.eligibility"))?.call_method1(builder, (json_to_py(py, &text)?,))
}

/// Target groups and the subsidies of （二十五） for one person and offer, as of a date.
#[pyclass(frozen, module = "skillplan", name = "EligibilityDecision")]
pub(crate) struct PyDecision {
    plan: Arc<core::Plan>,
    decided: Arc<Decided>,
    subsidies: PyOnceLock<Py<PyTuple>>,
    groups: PyOnceLock<Py<PyAny>>,
}

impl PyDecision {
    pub(crate) fn new(plan: &Arc<core::Plan>, decided: Decided) -> PyDecision {
        PyDecision {
            plan: Arc::clone(plan),
            decided: Arc::new(decided),
            subsidies: PyOnceLock::new(),
            groups: PyOnceLock::new(),
        }
    }

    fn subsidy_list<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        let list = self.subsidies.get_or_try_init(py, || -> PyResult<Py<PyTuple>> {
            let items = self
                .decided
                .shown()
                .map(|index| {
                    Py::new(
                        py,
                        PySubsidy {
                            plan: Arc::clone(&self.plan),
                            decided: Arc::clone(&self.decided),
                            index,
                            checks: PyOnceLock::new(),
                            view: PyOnceLock::new(),
                        },
                    )
                })
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyTuple::new(py, items)?.unbind())
        })?;
        Ok(list.bind(py))
    }
}

#[pymethods]
impl PyDecision {
    /// The date decided for.
    #[getter]
    fn as_of(&self) -> chrono::NaiveDate {
        self.decided.decision.as_of
    }

    /// One answer per subsidy asked for, in the plan's order. A tuple: it holds only native
    /// objects, so Python's collector stops tracking it, and many decisions held at once (a
    /// batch) cost it nothing.
    #[getter]
    fn subsidies<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        Ok(self.subsidy_list(py)?.clone())
    }

    /// The answer for one subsidy: training_subsidy, skill_upgrade_subsidy, evaluation_subsidy
    /// or living_allowance. Raises KeyError for another id or one not asked for.
    fn subsidy<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let wanted = SubsidyKind::parse(id).and_then(|k| self.decided.position(k));
        let at = wanted.and_then(|p| self.decided.shown().position(|i| i == p));
        match at {
            Some(at) => self.subsidy_list(py)?.get_item(at),
            None => Err(PyKeyError::new_err(id.to_owned())),
        }
    }

    /// The plan's target groups the person is in or may be in, with the reasons (explained on
    /// first access).
    #[getter]
    fn target_groups<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("EligibilityDecision.target_groups", || {
            let groups = self.groups.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
                Ok(explained(py, "_groups_from_list", &self.decided.groups_view(&self.plan))?.unbind())
            })?;
            Ok(groups.bind(py).clone())
        })
    }

    /// The whole decision as text in one language ("zh" or "en").
    #[pyo3(signature = (lang = "zh"))]
    fn explain(&self, lang: &str) -> PyResult<String> {
        let lang = self::lang(lang)?;
        guard("EligibilityDecision.explain", || Ok(self.decided.explain(&self.plan, lang)))
    }

    /// The whole explained decision as JSON text (the form of the HTTP example and the corpus).
    fn to_json(&self) -> PyResult<String> {
        guard("EligibilityDecision.to_json", || {
            Ok(serde_json::to_string(&self.decided.view(&self.plan)).unwrap_or_default())
        })
    }

    /// The whole explained decision as dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.to_json()?)
    }

    /// The answer without explanations (a `DecisionSummary`).
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("EligibilityDecision.summary", || crate::to_py::to_py(py, &self.decided.summary(&self.plan)))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyDecision>().is_ok_and(|o| o.get().decided == self.decided)
    }

    fn __repr__(&self) -> String {
        let parts: Vec<String> = self
            .decided
            .shown()
            .map(|i| {
                let s = &self.decided.decision.subsidies[i];
                match s.amount {
                    Some(a) => format!("{}={} {a}", s.kind, s.status),
                    None => format!("{}={}", s.kind, s.status),
                }
            })
            .collect();
        format!("EligibilityDecision(as_of={}, {})", self.decided.decision.as_of, parts.join(", "))
    }
}

/// The answer for one subsidy of （二十五）.
#[pyclass(frozen, module = "skillplan", name = "SubsidyDecision")]
pub(crate) struct PySubsidy {
    plan: Arc<core::Plan>,
    decided: Arc<Decided>,
    index: usize,
    checks: PyOnceLock<Py<PyTuple>>,
    view: PyOnceLock<Py<PyAny>>,
}

impl PySubsidy {
    fn outcome(&self) -> &core::eligibility::SubsidyOutcome {
        &self.decided.decision.subsidies[self.index]
    }

    /// The explained form of this subsidy, made on first need.
    fn view<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyAny>> {
        let view = self.view.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
            let v = self.decided.subsidy_view(&self.plan, self.index);
            Ok(explained(py, "_subsidy_from_dict", &v)?.unbind())
        })?;
        Ok(view.bind(py))
    }

    fn explained_attr<'py>(&self, py: Python<'py>, name: &'static str) -> PyResult<Bound<'py, PyAny>> {
        guard("SubsidyDecision", || self.view(py)?.getattr(name))
    }
}

#[pymethods]
impl PySubsidy {
    /// Which subsidy: training_subsidy, skill_upgrade_subsidy, evaluation_subsidy or living_allowance.
    #[getter]
    fn id(&self) -> &'static str {
        self.outcome().kind.as_str()
    }

    /// eligible, not_eligible or undetermined.
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        status_text(py, self.outcome().status).clone()
    }

    /// Yuan, as a `decimal.Decimal`, where the rules define an amount; else None.
    #[getter]
    fn amount(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        self.outcome().amount.map(|a| amount(py, a)).transpose()
    }

    /// The id of the rule version applied (e.g. "2025"), or None.
    #[getter]
    fn version_id(&self) -> Option<&str> {
        self.decided.version_id(&self.plan, self.index)
    }

    /// The codes of the checks that failed.
    #[getter]
    fn failed(&self) -> Vec<&'static str> {
        self.outcome().failed().map(|c| c.as_str()).collect()
    }

    /// The facts the answer lacks, by path.
    #[getter]
    fn missing_facts(&self) -> Vec<&'static str> {
        self.outcome().missing().names().collect()
    }

    /// Every check made, in order (a tuple): its code, outcome and numbers; its explanation on access.
    #[getter]
    fn checks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let list = self.checks.get_or_try_init(py, || -> PyResult<Py<PyTuple>> {
            let items = (0..self.outcome().checks.len())
                .map(|check| {
                    Py::new(
                        py,
                        PyCheck {
                            plan: Arc::clone(&self.plan),
                            decided: Arc::clone(&self.decided),
                            index: self.index,
                            check,
                        },
                    )
                })
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyTuple::new(py, items)?.unbind())
        })?;
        Ok(list.bind(py).clone())
    }

    /// The rule version applied, with its dates and source (`RuleVersion`), or None.
    #[getter]
    fn version<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.explained_attr(py, "version")
    }

    /// The subsidy's name (`Label`).
    #[getter]
    fn name<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.explained_attr(py, "name")
    }

    /// The fund that pays it (`Label`).
    #[getter]
    fn fund<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.explained_attr(py, "fund")
    }

    /// The plan's clauses, e.g. （二十五）.
    #[getter]
    fn clauses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.explained_attr(py, "clauses")
    }

    /// For not_eligible and undetermined: the changes and facts that would make it eligible.
    #[getter]
    fn to_qualify<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.explained_attr(py, "to_qualify")
    }

    /// The values of the version applied that are documented defaults, not confirmed facts.
    #[getter]
    fn unconfirmed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.explained_attr(py, "unconfirmed")
    }

    /// This subsidy as text in one language ("zh" or "en").
    #[pyo3(signature = (lang = "zh"))]
    fn explain(&self, lang: &str) -> PyResult<String> {
        let lang = self::lang(lang)?;
        guard("SubsidyDecision.explain", || {
            Ok(self.decided.explain_subsidy(&self.plan, self.index, lang).unwrap_or_default())
        })
    }

    /// This subsidy's explained form as dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("SubsidyDecision.to_dict", || {
            let text = serde_json::to_string(&self.decided.subsidy_view(&self.plan, self.index)).unwrap_or_default();
            json_to_py(py, &text)
        })
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PySubsidy>().is_ok_and(|o| {
            let o = o.get();
            o.index == self.index && o.decided.decision.subsidies[o.index] == *self.outcome()
        })
    }

    fn __repr__(&self) -> String {
        let o = self.outcome();
        let amount = o.amount.map(|a| format!(", amount={a}")).unwrap_or_default();
        format!("SubsidyDecision(id={}, status={}{amount})", o.kind, o.status)
    }
}

/// One check of a subsidy rule: its code, outcome and numbers; the explanation on demand.
#[pyclass(frozen, module = "skillplan", name = "Check")]
pub(crate) struct PyCheck {
    plan: Arc<core::Plan>,
    decided: Arc<Decided>,
    index: usize,
    check: usize,
}

impl PyCheck {
    fn result(&self) -> &core::eligibility::CheckResult {
        &self.decided.decision.subsidies[self.index].checks[self.check]
    }
}

#[pymethods]
impl PyCheck {
    /// What was checked (a `CheckKind` code).
    #[getter]
    fn check(&self) -> &'static str {
        self.result().check.as_str()
    }

    /// yes, no, or unknown for want of a fact.
    #[getter]
    fn outcome<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        tri_text(py, self.result().outcome).clone()
    }

    /// What the person has (months, times, hours), where the check counts.
    #[getter]
    fn have(&self) -> Option<u32> {
        self.result().have
    }

    /// What the rule needs or allows, where the check counts.
    #[getter]
    fn need(&self) -> Option<u32> {
        self.result().need
    }

    /// The date the check used (the rule version's date, the application deadline), if any.
    #[getter]
    fn date(&self) -> Option<chrono::NaiveDate> {
        self.result().date
    }

    /// The facts an unknown outcome lacks, by path.
    #[getter]
    fn missing_facts(&self) -> Vec<&'static str> {
        self.result().lacking.names().collect()
    }

    /// What the check found, in Chinese and English (a `Label`), rendered on access.
    #[getter]
    fn explanation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard("Check.explanation", || {
            let label = self.decided.check_explanation(&self.plan, self.index, self.check);
            let (zh, en) = label.map_or_else(Default::default, |l| (l.zh, l.en));
            py.import(intern!(py, "skillplan._types"))?.getattr(intern!(py, "Label"))?.call1((zh, en))
        })
    }

    /// What the check found, in one language ("zh" or "en").
    #[pyo3(signature = (lang = "zh"))]
    fn explain(&self, lang: &str) -> PyResult<String> {
        let lang = self::lang(lang)?;
        guard("Check.explain", || {
            Ok(self.decided.explain_check(&self.plan, self.index, self.check, lang).unwrap_or_default())
        })
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyCheck>().is_ok_and(|o| o.get().result() == self.result())
    }

    fn __repr__(&self) -> String {
        let c = self.result();
        format!("Check(check={}, outcome={})", c.check, c.outcome)
    }
}

/// A list of decisions as Python objects.
pub(crate) fn decisions<'py>(
    py: Python<'py>,
    plan: &Arc<core::Plan>,
    decided: Vec<Decided>,
) -> PyResult<Bound<'py, PyList>> {
    let items = decided.into_iter().map(|d| Py::new(py, PyDecision::new(plan, d))).collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}
