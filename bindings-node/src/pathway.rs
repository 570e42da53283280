//! The skill ladder, pathways and the 双贯通 crosswalk for Node: a worker as a plain object
//! (ISO date strings) in, plain objects out.

use napi::Env;
use napi::bindgen_prelude::*;
use napi_derive::napi;
use skillplan as core;
use skillplan::pathway as pw;

use crate::{Label, throw};

/// A rung of the skill ladder.
#[napi(object)]
pub struct SkillLevel {
    pub id: String,
    pub ordinal: u32,
    pub national_level: Option<u32>,
    pub name: Label,
    #[napi(ts_type = "'enterprise_internal' | 'certificate' | 'appointed_post'")]
    pub kind: String,
    pub source: String,
    #[napi(ts_type = "'high' | 'medium' | 'low' | 'unconfirmed'")]
    pub confidence: String,
    /// Cap of the 技能提升补贴 in yuan, as a decimal string.
    pub skill_upgrade_subsidy_cap: Option<String>,
    pub note: Option<String>,
}

/// One 双贯通 route between a skill level and a professional title.
#[napi(object)]
pub struct CrosswalkEntry {
    pub id: String,
    #[napi(ts_type = "'skill_to_title' | 'title_to_skill'")]
    pub direction: String,
    pub level: String,
    pub title: String,
    pub years: u32,
    pub conditions: Label,
    pub source: String,
    pub confidence: String,
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

/// A professional title (职称).
#[napi(object)]
pub struct Title {
    pub id: String,
    pub name: Label,
    #[napi(ts_type = "'junior' | 'intermediate' | 'deputy_senior' | 'senior'")]
    pub grade: String,
    pub series: String,
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

/// A 技工院校 class's equivalence for a stated purpose.
#[napi(object)]
pub struct EducationEquivalence {
    pub school_class: String,
    pub class_name: Label,
    pub equivalent: Label,
    pub purpose: String,
    pub source: String,
    pub confidence: String,
    pub limits: Option<String>,
}

/// One condition of a route, evaluated. Dates ISO, progress a decimal string 0–1.
#[napi(object)]
pub struct ConditionProgress {
    pub kind: String,
    pub label: Label,
    pub met: bool,
    pub earliest_date: Option<String>,
    pub progress: String,
    pub missing: Option<Label>,
    pub projected: bool,
}

/// One application route, evaluated.
#[napi(object)]
pub struct RouteProgress {
    pub id: String,
    pub label: Label,
    pub met: bool,
    pub earliest_date: Option<String>,
    pub progress: String,
    pub conditions: Vec<ConditionProgress>,
}

/// Something reaching a level opens.
#[napi(object)]
pub struct Unlock {
    #[napi(ts_type = "'title' | 'skill_upgrade_subsidy'")]
    pub kind: String,
    pub id: String,
    pub name: Label,
    pub years: Option<u32>,
    pub available_from: Option<String>,
    pub amount: Option<String>,
    pub conditions: Option<Label>,
    pub source: String,
    pub confidence: String,
}

/// A level above the worker's current one.
#[napi(object)]
pub struct Step {
    pub level: String,
    pub name: Label,
    pub ordinal: u32,
    pub national_level: Option<u32>,
    #[napi(ts_type = "'enterprise_internal' | 'certificate' | 'appointed_post'")]
    pub kind: String,
    pub is_next: bool,
    pub can_apply_now: bool,
    pub earliest_date: Option<String>,
    pub routes: Vec<RouteProgress>,
    pub unlocks: Vec<Unlock>,
    pub note: Option<String>,
}

/// A level the worker holds.
#[napi(object)]
pub struct HeldLevelView {
    pub level: String,
    pub name: Label,
    pub ordinal: u32,
    pub obtained_on: String,
}

/// What a pathway screen shows.
#[napi(object)]
pub struct Pathway {
    pub as_of: String,
    pub requirements: String,
    pub requirements_name: Label,
    pub held: Vec<HeldLevelView>,
    pub current_level: Option<String>,
    pub unlocked: Vec<Unlock>,
    pub steps: Vec<Step>,
    pub at_top: bool,
}

fn text<T: ToString>(v: Option<T>) -> Option<String> {
    v.map(|x| x.to_string())
}

fn unlock(u: &pw::Unlock) -> Unlock {
    Unlock {
        kind: u.kind.as_str().to_owned(),
        id: u.id.clone(),
        name: (&u.name).into(),
        years: u.years,
        available_from: text(u.available_from),
        amount: text(u.amount),
        conditions: u.conditions.as_ref().map(Label::from),
        source: u.source.clone(),
        confidence: u.confidence.as_str().to_owned(),
    }
}

impl From<&pw::Pathway> for Pathway {
    fn from(p: &pw::Pathway) -> Self {
        Pathway {
            as_of: p.as_of.to_string(),
            requirements: p.requirements.clone(),
            requirements_name: (&p.requirements_name).into(),
            held: p
                .held
                .iter()
                .map(|h| HeldLevelView {
                    level: h.level.clone(),
                    name: (&h.name).into(),
                    ordinal: h.ordinal,
                    obtained_on: h.obtained_on.to_string(),
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
                    earliest_date: text(s.earliest_date),
                    routes: s
                        .routes
                        .iter()
                        .map(|r| RouteProgress {
                            id: r.id.clone(),
                            label: (&r.label).into(),
                            met: r.met,
                            earliest_date: text(r.earliest_date),
                            progress: r.progress.to_string(),
                            conditions: r
                                .conditions
                                .iter()
                                .map(|c| ConditionProgress {
                                    kind: c.kind.as_str().to_owned(),
                                    label: (&c.label).into(),
                                    met: c.met,
                                    earliest_date: text(c.earliest_date),
                                    progress: c.progress.to_string(),
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
            skill_upgrade_subsidy_cap: text(l.skill_upgrade_subsidy_cap),
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

pub(crate) fn pathway(env: &Env, plan: &core::Plan, worker: Unknown<'_>, as_of: &str) -> Result<Pathway> {
    let run = || -> std::result::Result<pw::Pathway, core::Error> {
        let worker = crate::eligibility::js_json(env, worker)
            .map_err(|problem| pw::WorkerError::new("wrong_type", "worker", problem))?;
        let worker = pw::worker_from_value(&worker)?;
        let as_of =
            core::date_text::parse(as_of).map_err(|m| core::OptionsError { path: "as_of".into(), message: m })?;
        pw::pathway(plan, &worker, as_of)
    };
    run().map(|p| Pathway::from(&p)).map_err(|e| throw(env, e))
}
