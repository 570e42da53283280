//! The skill ladder, pathways and the 双贯通 crosswalk for Kotlin and Swift.

use skillplan as core;
use skillplan::model;
use skillplan::pathway as pw;

use crate::{CalendarDate, ExactDecimal, Label, Plan, SkillplanError, guard};

/// What a rung of the ladder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum LevelKind {
    EnterpriseInternal,
    Certificate,
    AppointedPost,
}

impl From<model::LevelKind> for LevelKind {
    fn from(k: model::LevelKind) -> Self {
        match k {
            model::LevelKind::EnterpriseInternal => LevelKind::EnterpriseInternal,
            model::LevelKind::Certificate => LevelKind::Certificate,
            model::LevelKind::AppointedPost => LevelKind::AppointedPost,
        }
    }
}

/// School diplomas the application routes name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SchoolType {
    TechnicalSchool,
    SeniorTechnicalSchool,
    TechnicianCollege,
    SecondaryVocational,
    HigherVocational,
    JuniorCollege,
    Bachelor,
    Master,
    Doctorate,
}

impl From<model::SchoolType> for SchoolType {
    fn from(s: model::SchoolType) -> Self {
        match s {
            model::SchoolType::TechnicalSchool => SchoolType::TechnicalSchool,
            model::SchoolType::SeniorTechnicalSchool => SchoolType::SeniorTechnicalSchool,
            model::SchoolType::TechnicianCollege => SchoolType::TechnicianCollege,
            model::SchoolType::SecondaryVocational => SchoolType::SecondaryVocational,
            model::SchoolType::HigherVocational => SchoolType::HigherVocational,
            model::SchoolType::JuniorCollege => SchoolType::JuniorCollege,
            model::SchoolType::Bachelor => SchoolType::Bachelor,
            model::SchoolType::Master => SchoolType::Master,
            model::SchoolType::Doctorate => SchoolType::Doctorate,
        }
    }
}

impl From<SchoolType> for model::SchoolType {
    fn from(s: SchoolType) -> Self {
        match s {
            SchoolType::TechnicalSchool => model::SchoolType::TechnicalSchool,
            SchoolType::SeniorTechnicalSchool => model::SchoolType::SeniorTechnicalSchool,
            SchoolType::TechnicianCollege => model::SchoolType::TechnicianCollege,
            SchoolType::SecondaryVocational => model::SchoolType::SecondaryVocational,
            SchoolType::HigherVocational => model::SchoolType::HigherVocational,
            SchoolType::JuniorCollege => model::SchoolType::JuniorCollege,
            SchoolType::Bachelor => model::SchoolType::Bachelor,
            SchoolType::Master => model::SchoolType::Master,
            SchoolType::Doctorate => model::SchoolType::Doctorate,
        }
    }
}

/// A rung of the skill ladder.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SkillLevel {
    pub id: String,
    pub ordinal: u32,
    pub national_level: Option<u32>,
    pub name: Label,
    pub kind: LevelKind,
    pub source: String,
    /// high, medium, low or unconfirmed.
    pub confidence: String,
    pub skill_upgrade_subsidy_cap: Option<ExactDecimal>,
    pub note: Option<String>,
}

/// One 双贯通 route between a skill level and a professional title.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CrosswalkEntry {
    pub id: String,
    /// skill_to_title or title_to_skill.
    pub direction: String,
    pub level: String,
    pub title: String,
    pub years: u32,
    pub conditions: Label,
    pub source: String,
    pub confidence: String,
}

impl From<&model::CrosswalkEntry> for CrosswalkEntry {
    fn from(x: &model::CrosswalkEntry) -> Self {
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
#[derive(Debug, Clone, uniffi::Record)]
pub struct Title {
    pub id: String,
    pub name: Label,
    /// junior, intermediate, deputy_senior or senior.
    pub grade: String,
    pub series: String,
}

/// A 技工院校 class's equivalence for a stated purpose.
#[derive(Debug, Clone, uniffi::Record)]
pub struct EducationEquivalence {
    pub school_class: String,
    pub class_name: Label,
    pub equivalent: Label,
    pub purpose: String,
    pub source: String,
    pub confidence: String,
    pub limits: Option<String>,
}

/// A level the worker holds.
#[derive(Debug, Clone, uniffi::Record)]
pub struct HeldLevel {
    pub level: String,
    pub obtained_on: CalendarDate,
}

/// A diploma, finished or in the final year.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Diploma {
    pub school: SchoolType,
    #[uniffi(default = None)]
    pub graduated_on: Option<CalendarDate>,
    #[uniffi(default = false)]
    pub final_year: bool,
}

/// What is known of a worker; unknown facts stay null and routes that need them say so.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Worker {
    #[uniffi(default = None)]
    pub occupation: Option<String>,
    #[uniffi(default = None)]
    pub work_started_on: Option<CalendarDate>,
    #[uniffi(default = [])]
    pub levels: Vec<HeldLevel>,
    #[uniffi(default = None)]
    pub apprenticeship_completed_on: Option<CalendarDate>,
    #[uniffi(default = [])]
    pub diplomas: Vec<Diploma>,
    #[uniffi(default = None)]
    pub preparatory_technician_on: Option<CalendarDate>,
}

impl From<&Worker> for pw::Worker {
    fn from(w: &Worker) -> Self {
        pw::Worker {
            occupation: w.occupation.clone(),
            work_started_on: w.work_started_on,
            levels: w
                .levels
                .iter()
                .map(|h| pw::HeldLevel { level: h.level.clone(), obtained_on: h.obtained_on })
                .collect(),
            apprenticeship_completed_on: w.apprenticeship_completed_on,
            diplomas: w
                .diplomas
                .iter()
                .map(|d| pw::Diploma {
                    school: model::SchoolType::from(d.school).as_str().to_owned(),
                    graduated_on: d.graduated_on,
                    final_year: d.final_year,
                })
                .collect(),
            preparatory_technician_on: w.preparatory_technician_on,
        }
    }
}

/// A worker from JSON text (ISO dates, school type names).
#[uniffi::export]
pub fn parse_worker_json(text: String) -> Result<Worker, SkillplanError> {
    guard("parseWorkerJson", || {
        let w = pw::parse_worker_json(&text).map_err(core::Error::from)?;
        let diplomas = w
            .diplomas
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let school =
                    pw::school(&d.school, format!("worker.diplomas[{i}].school")).map_err(core::Error::from)?;
                Ok(Diploma { school: school.into(), graduated_on: d.graduated_on, final_year: d.final_year })
            })
            .collect::<Result<Vec<_>, SkillplanError>>()?;
        Ok(Worker {
            occupation: w.occupation,
            work_started_on: w.work_started_on,
            levels: w.levels.into_iter().map(|h| HeldLevel { level: h.level, obtained_on: h.obtained_on }).collect(),
            apprenticeship_completed_on: w.apprenticeship_completed_on,
            diplomas,
            preparatory_technician_on: w.preparatory_technician_on,
        })
    })
}

/// One condition of a route, evaluated.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ConditionProgress {
    pub kind: String,
    pub label: Label,
    pub met: bool,
    pub earliest_date: Option<CalendarDate>,
    /// 0 to 1, for a progress bar.
    pub progress: ExactDecimal,
    pub missing: Option<Label>,
    pub projected: bool,
}

/// One application route, evaluated.
#[derive(Debug, Clone, uniffi::Record)]
pub struct RouteProgress {
    pub id: String,
    pub label: Label,
    pub met: bool,
    pub earliest_date: Option<CalendarDate>,
    pub progress: ExactDecimal,
    pub conditions: Vec<ConditionProgress>,
}

/// Something reaching a level opens.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Unlock {
    /// title or skill_upgrade_subsidy.
    pub kind: String,
    pub id: String,
    pub name: Label,
    pub years: Option<u32>,
    pub available_from: Option<CalendarDate>,
    pub amount: Option<ExactDecimal>,
    pub conditions: Option<Label>,
    pub source: String,
    pub confidence: String,
}

/// A level above the worker's current one.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Step {
    pub level: String,
    pub name: Label,
    pub ordinal: u32,
    pub national_level: Option<u32>,
    pub kind: LevelKind,
    pub is_next: bool,
    pub can_apply_now: bool,
    pub earliest_date: Option<CalendarDate>,
    pub routes: Vec<RouteProgress>,
    pub unlocks: Vec<Unlock>,
    pub note: Option<String>,
}

/// A level the worker holds, with its name.
#[derive(Debug, Clone, uniffi::Record)]
pub struct HeldLevelView {
    pub level: String,
    pub name: Label,
    pub ordinal: u32,
    pub obtained_on: CalendarDate,
}

/// What a pathway screen shows.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Pathway {
    pub as_of: CalendarDate,
    pub requirements: String,
    pub requirements_name: Label,
    pub held: Vec<HeldLevelView>,
    pub current_level: Option<String>,
    pub unlocked: Vec<Unlock>,
    pub steps: Vec<Step>,
    pub at_top: bool,
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
                    kind: s.kind.into(),
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

#[uniffi::export]
impl Plan {
    /// The skill ladder, lowest level first.
    pub fn skill_levels(&self) -> Result<Vec<SkillLevel>, SkillplanError> {
        guard("skillLevels", || {
            Ok({
                self.inner
                    .skill_levels()
                    .iter()
                    .map(|l| SkillLevel {
                        id: l.id.clone(),
                        ordinal: l.ordinal,
                        national_level: l.national_level,
                        name: (&l.name).into(),
                        kind: l.kind.into(),
                        source: l.source.clone(),
                        confidence: l.confidence.as_str().to_owned(),
                        skill_upgrade_subsidy_cap: l.skill_upgrade_subsidy_cap,
                        note: l.note.clone(),
                    })
                    .collect()
            })
        })
    }

    /// The professional titles reached through 双贯通.
    pub fn titles(&self) -> Result<Vec<Title>, SkillplanError> {
        guard("titles", || {
            Ok({
                self.inner
                    .titles()
                    .iter()
                    .map(|t| Title {
                        id: t.id.clone(),
                        name: (&t.name).into(),
                        grade: t.grade.as_str().to_owned(),
                        series: t.series.clone(),
                    })
                    .collect()
            })
        })
    }

    /// The crosswalk entries of a level, both directions.
    pub fn crosswalk_for_level(&self, level: String) -> Result<Vec<CrosswalkEntry>, SkillplanError> {
        guard("crosswalkForLevel", || {
            Ok(self.inner.crosswalk_for_level(&level)?.into_iter().map(CrosswalkEntry::from).collect())
        })
    }

    /// The crosswalk entries of a title (id or Chinese name), both directions.
    pub fn crosswalk_for_title(&self, title: String) -> Result<Vec<CrosswalkEntry>, SkillplanError> {
        guard("crosswalkForTitle", || {
            Ok(self.inner.crosswalk_for_title(&title)?.into_iter().map(CrosswalkEntry::from).collect())
        })
    }

    /// Equivalences of 技工院校 classes.
    pub fn education_equivalences(&self) -> Result<Vec<EducationEquivalence>, SkillplanError> {
        guard("educationEquivalences", || {
            Ok({
                self.inner
                    .education_equivalences()
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
            })
        })
    }

    /// A worker's pathway as of `as_of`: levels held, every level above with its routes, the
    /// earliest date to apply and what each level unlocks.
    pub fn pathway(&self, worker: Worker, as_of: CalendarDate) -> Result<Pathway, SkillplanError> {
        guard("pathway", || Ok(Pathway::from(&pw::pathway(&self.inner, &pw::Worker::from(&worker), as_of)?)))
    }
}
