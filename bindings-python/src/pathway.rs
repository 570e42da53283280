//! The skill ladder, pathways and the 双贯通 crosswalk in Python: a worker as a dict (dates as
//! `datetime.date` or ISO strings) in, objects with `date` and `Decimal` out.

use chrono::NaiveDate;
use pyo3::prelude::*;
use rust_decimal::Decimal;
use skillplan as core;
use skillplan::pathway as pw;

use crate::{Label, to_py_err};

/// A rung of the skill ladder.
#[pyclass(frozen, get_all, module = "skillplan")]
pub struct SkillLevel {
    id: String,
    ordinal: u32,
    national_level: Option<u32>,
    name: Label,
    /// "enterprise_internal", "certificate" or "appointed_post".
    kind: String,
    source: String,
    confidence: String,
    skill_upgrade_subsidy_cap: Option<Decimal>,
    note: Option<String>,
}

#[pymethods]
impl SkillLevel {
    fn __repr__(&self) -> String {
        format!("SkillLevel(id={:?}, name={:?})", self.id, self.name.zh)
    }
}

/// One 双贯通 route between a skill level and a professional title.
#[pyclass(frozen, get_all, module = "skillplan")]
pub struct CrosswalkEntry {
    id: String,
    /// "skill_to_title" or "title_to_skill".
    direction: String,
    level: String,
    title: String,
    years: u32,
    conditions: Label,
    source: String,
    confidence: String,
}

#[pymethods]
impl CrosswalkEntry {
    fn __repr__(&self) -> String {
        format!("CrosswalkEntry(id={:?}, years={})", self.id, self.years)
    }
}

impl From<&core::CrosswalkEntry> for CrosswalkEntry {
    fn from(x: &core::CrosswalkEntry) -> Self {
        CrosswalkEntry {
            id: x.id.clone(),
            direction: x.direction.as_str().to_owned(),
            level: x.level.clone(),
            title: x.title.clone(),
            years: x.years,
            conditions: (&x.conditions).into(),
            source: x.source.clone(),
            confidence: x.confidence.as_str().to_owned(),
        }
    }
}

/// A 技工院校 class's equivalence for a stated purpose.
#[pyclass(frozen, get_all, module = "skillplan")]
pub struct EducationEquivalence {
    school_class: String,
    class_name: Label,
    equivalent: Label,
    purpose: String,
    source: String,
    confidence: String,
    limits: Option<String>,
}

/// One condition of a route, evaluated.
#[pyclass(frozen, get_all, module = "skillplan")]
#[derive(Clone)]
pub struct ConditionProgress {
    kind: String,
    label: Label,
    met: bool,
    earliest_date: Option<NaiveDate>,
    /// 0 to 1.
    progress: Decimal,
    missing: Option<Label>,
    projected: bool,
}

/// One application route, evaluated.
#[pyclass(frozen, get_all, module = "skillplan")]
#[derive(Clone)]
pub struct RouteProgress {
    id: String,
    label: Label,
    met: bool,
    earliest_date: Option<NaiveDate>,
    progress: Decimal,
    conditions: Vec<ConditionProgress>,
}

/// Something reaching a level opens.
#[pyclass(frozen, get_all, module = "skillplan")]
#[derive(Clone)]
pub struct Unlock {
    /// "title" or "skill_upgrade_subsidy".
    kind: String,
    id: String,
    name: Label,
    years: Option<u32>,
    available_from: Option<NaiveDate>,
    amount: Option<Decimal>,
    conditions: Option<Label>,
    source: String,
    confidence: String,
}

/// A level above the worker's current one.
#[pyclass(frozen, get_all, module = "skillplan")]
#[derive(Clone)]
pub struct Step {
    level: String,
    name: Label,
    ordinal: u32,
    national_level: Option<u32>,
    kind: String,
    is_next: bool,
    can_apply_now: bool,
    earliest_date: Option<NaiveDate>,
    routes: Vec<RouteProgress>,
    unlocks: Vec<Unlock>,
    note: Option<String>,
}

#[pymethods]
impl Step {
    fn __repr__(&self) -> String {
        let date = self.earliest_date.map_or("None".to_owned(), |d| format!("'{d}'"));
        format!(
            "Step(level={:?}, can_apply_now={}, earliest_date={date})",
            self.level,
            if self.can_apply_now { "True" } else { "False" }
        )
    }
}

/// A level the worker holds.
#[pyclass(frozen, get_all, module = "skillplan")]
#[derive(Clone)]
pub struct HeldLevelView {
    level: String,
    name: Label,
    ordinal: u32,
    obtained_on: NaiveDate,
}

/// What a pathway screen shows.
#[pyclass(frozen, get_all, module = "skillplan")]
pub struct Pathway {
    as_of: NaiveDate,
    requirements: String,
    requirements_name: Label,
    held: Vec<HeldLevelView>,
    current_level: Option<String>,
    unlocked: Vec<Unlock>,
    steps: Vec<Step>,
    at_top: bool,
}

#[pymethods]
impl Pathway {
    fn __repr__(&self) -> String {
        let current = self.current_level.as_ref().map_or("None".to_owned(), |l| format!("'{l}'"));
        format!(
            "Pathway(current_level={current}, steps={}, at_top={})",
            self.steps.len(),
            if self.at_top { "True" } else { "False" }
        )
    }
}

fn unlock(u: &pw::Unlock) -> Unlock {
    Unlock {
        kind: u.kind.as_str().to_owned(),
        id: u.id.clone(),
        name: (&u.name).into(),
        years: u.years,
        available_from: u.available_from,
        amount: u.amount,
        conditions: u.conditions.as_ref().map(Label::from),
        source: u.source.clone(),
        confidence: u.confidence.as_str().to_owned(),
    }
}

impl From<&pw::Pathway> for Pathway {
    fn from(p: &pw::Pathway) -> Self {
        Pathway {
            as_of: p.as_of,
            requirements: p.requirements.clone(),
            requirements_name: (&p.requirements_name).into(),
            held: p
                .held
                .iter()
                .map(|h| HeldLevelView {
                    level: h.level.clone(),
                    name: (&h.name).into(),
                    ordinal: h.ordinal,
                    obtained_on: h.obtained_on,
                })
                .collect(),
            current_level: p.current_level.clone(),
            unlocked: p.unlocked.iter().map(unlock).collect(),
            steps: p
                .steps
                .iter()
                .map(|s| Step {
                    level: s.level.clone(),
                    name: (&s.name).into(),
                    ordinal: s.ordinal,
                    national_level: s.national_level,
                    kind: s.kind.as_str().to_owned(),
                    is_next: s.is_next,
                    can_apply_now: s.can_apply_now,
                    earliest_date: s.earliest_date,
                    routes: s
                        .routes
                        .iter()
                        .map(|r| RouteProgress {
                            id: r.id.clone(),
                            label: (&r.label).into(),
                            met: r.met,
                            earliest_date: r.earliest_date,
                            progress: r.progress,
                            conditions: r
                                .conditions
                                .iter()
                                .map(|c| ConditionProgress {
                                    kind: c.kind.as_str().to_owned(),
                                    label: (&c.label).into(),
                                    met: c.met,
                                    earliest_date: c.earliest_date,
                                    progress: c.progress,
                                    missing: c.missing.as_ref().map(Label::from),
                                    projected: c.projected,
                                })
                                .collect(),
                        })
                        .collect(),
                    unlocks: s.unlocks.iter().map(unlock).collect(),
                    note: s.note.clone(),
                })
                .collect(),
            at_top: p.at_top,
        }
    }
}

pub(crate) fn skill_levels(plan: &core::Plan) -> Vec<SkillLevel> {
    plan.skill_levels()
        .iter()
        .map(|l| SkillLevel {
            id: l.id.clone(),
            ordinal: l.ordinal,
            national_level: l.national_level,
            name: (&l.name).into(),
            kind: l.kind.as_str().to_owned(),
            source: l.source.clone(),
            confidence: l.confidence.as_str().to_owned(),
            skill_upgrade_subsidy_cap: l.skill_upgrade_subsidy_cap,
            note: l.note.clone(),
        })
        .collect()
}

pub(crate) fn education_equivalences(plan: &core::Plan) -> Vec<EducationEquivalence> {
    plan.education_equivalences()
        .iter()
        .map(|e| EducationEquivalence {
            school_class: e.school_class.clone(),
            class_name: (&e.class_name).into(),
            equivalent: (&e.equivalent).into(),
            purpose: e.purpose.clone(),
            source: e.source.clone(),
            confidence: e.confidence.as_str().to_owned(),
            limits: e.limits.clone(),
        })
        .collect()
}

/// A professional title (职称).
#[pyclass(frozen, get_all, module = "skillplan")]
pub struct Title {
    id: String,
    name: Label,
    /// "junior", "intermediate", "deputy_senior" or "senior".
    grade: String,
    series: String,
}

pub(crate) fn titles(plan: &core::Plan) -> Vec<Title> {
    plan.titles()
        .iter()
        .map(|t| Title {
            id: t.id.clone(),
            name: (&t.name).into(),
            grade: t.grade.as_str().to_owned(),
            series: t.series.clone(),
        })
        .collect()
}

pub(crate) fn crosswalk(
    entries: Result<Vec<&core::CrosswalkEntry>, core::QueryError>,
) -> PyResult<Vec<CrosswalkEntry>> {
    entries.map(|es| es.into_iter().map(CrosswalkEntry::from).collect()).map_err(|e| to_py_err(e.into()))
}

pub(crate) fn pathway(
    py: Python<'_>,
    plan: &core::Plan,
    worker: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
) -> PyResult<Pathway> {
    let as_of = crate::progress::option_date(Some(as_of.clone()), "as_of".into())?;
    let text: String = match py.import("skillplan._worker")?.call_method1("to_json", (worker,)) {
        Ok(text) => text.extract()?,
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyTypeError>(py) => {
            let message = e.value(py).to_string();
            return Err(to_py_err(pw::WorkerError::new("wrong_type", "worker", message).into()));
        }
        Err(e) => return Err(e),
    };
    py.detach(|| -> Result<pw::Pathway, core::Error> {
        let worker = pw::parse_worker_json(&text)?;
        pw::pathway(plan, &worker, as_of)
    })
    .map(|p| Pathway::from(&p))
    .map_err(to_py_err)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<SkillLevel>()?;
    m.add_class::<CrosswalkEntry>()?;
    m.add_class::<EducationEquivalence>()?;
    m.add_class::<ConditionProgress>()?;
    m.add_class::<RouteProgress>()?;
    m.add_class::<Unlock>()?;
    m.add_class::<Step>()?;
    m.add_class::<HeldLevelView>()?;
    m.add_class::<Pathway>()?;
    m.add_class::<Title>()?;
    Ok(())
}
