//! The skill ladder, pathways and the 双贯通 crosswalk for Kotlin and Swift: a typed worker in,
//! the core's own pathway out (its types are declared to uniffi in `remote`).

use skillplan as core;
use skillplan::pathway as pw;

use crate::{
    CalendarDate, CrosswalkEntry, EducationEquivalence, Pathway, Plan, SchoolType, SkillLevel, SkillplanError, Title,
    guard,
};

pub use skillplan::pathway::HeldLevel;

/// A level the worker holds, and since when (the core's own record).
#[uniffi::remote(Record)]
pub struct HeldLevel {
    /// A skill level id, e.g. `junior`.
    pub level: String,
    /// When the certificate (or post) was obtained.
    pub obtained_on: CalendarDate,
}

/// A diploma, finished or in the final year.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Diploma {
    /// The kind of school.
    pub school: SchoolType,
    /// When the diploma was (or will be) obtained.
    #[uniffi(default = None)]
    pub graduated_on: Option<CalendarDate>,
    /// In the final year of study (在校应届毕业生).
    #[uniffi(default = false)]
    pub final_year: bool,
}

/// What is known of a worker; unknown facts stay null and routes that need them say so.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Worker {
    /// Occupation code or name with its own requirements; the default template otherwise.
    #[uniffi(default = None)]
    pub occupation: Option<String>,
    /// Start of (continuous) work in the occupation or a related one.
    #[uniffi(default = None)]
    pub work_started_on: Option<CalendarDate>,
    /// The levels held.
    #[uniffi(default = [])]
    pub levels: Vec<HeldLevel>,
    /// When an apprenticeship in the occupation was completed.
    #[uniffi(default = None)]
    pub apprenticeship_completed_on: Option<CalendarDate>,
    /// School diplomas.
    #[uniffi(default = [])]
    pub diplomas: Vec<Diploma>,
    /// Date of a 预备技师 certificate, if any.
    #[uniffi(default = None)]
    pub preparatory_technician_on: Option<CalendarDate>,
}

impl From<&Worker> for pw::Worker {
    fn from(w: &Worker) -> Self {
        pw::Worker {
            occupation: w.occupation.clone(),
            work_started_on: w.work_started_on,
            levels: w.levels.clone(),
            apprenticeship_completed_on: w.apprenticeship_completed_on,
            diplomas: w
                .diplomas
                .iter()
                .map(|d| pw::Diploma {
                    school: d.school.as_str().to_owned(),
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
                Ok(Diploma { school, graduated_on: d.graduated_on, final_year: d.final_year })
            })
            .collect::<Result<Vec<_>, SkillplanError>>()?;
        Ok(Worker {
            occupation: w.occupation,
            work_started_on: w.work_started_on,
            levels: w.levels,
            apprenticeship_completed_on: w.apprenticeship_completed_on,
            diplomas,
            preparatory_technician_on: w.preparatory_technician_on,
        })
    })
}

#[uniffi::export]
impl Plan {
    /// The ladder, lowest level first (学徒工 … 首席技师).
    pub fn skill_levels(&self) -> Result<Vec<SkillLevel>, SkillplanError> {
        guard("skillLevels", || Ok(self.inner.skill_levels().to_vec()))
    }

    /// The professional titles (职称) the crosswalk leads to.
    pub fn titles(&self) -> Result<Vec<Title>, SkillplanError> {
        guard("titles", || Ok(self.inner.titles().to_vec()))
    }

    /// The 双贯通 crosswalk entries of a level, both directions.
    pub fn crosswalk_for_level(&self, level: String) -> Result<Vec<CrosswalkEntry>, SkillplanError> {
        guard("crosswalkForLevel", || Ok(self.inner.crosswalk_for_level(&level)?.into_iter().cloned().collect()))
    }

    /// The 双贯通 crosswalk entries of a title (id or Chinese name), both directions.
    pub fn crosswalk_for_title(&self, title: String) -> Result<Vec<CrosswalkEntry>, SkillplanError> {
        guard("crosswalkForTitle", || Ok(self.inner.crosswalk_for_title(&title)?.into_iter().cloned().collect()))
    }

    /// Equivalences of 技工院校 classes (中级工班 ≈ 中专 …) and their limits.
    pub fn education_equivalences(&self) -> Result<Vec<EducationEquivalence>, SkillplanError> {
        guard("educationEquivalences", || Ok(self.inner.education_equivalences().to_vec()))
    }

    /// A worker's pathway as of `as_of`: levels held, every level above with its routes, the
    /// earliest date to apply and what each level unlocks.
    pub fn pathway(&self, worker: Worker, as_of: CalendarDate) -> Result<Pathway, SkillplanError> {
        guard("pathway", || Ok(pw::pathway(&self.inner, &pw::Worker::from(&worker), as_of)?))
    }
}
