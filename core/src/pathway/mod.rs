//! A worker's skill-level pathway (（十九）): the levels held, every level above with each
//! application route and what of it is met, the earliest date the worker can apply, and what
//! each level unlocks (双贯通 titles, the 技能提升补贴 cap). Also the crosswalk queries.
//!
//! Work is assumed continuous from the dates given (`work_started_on`, certificate dates); a
//! level not yet held is assumed obtained on the earliest day the worker can apply for it, so
//! the dates of later levels are the earliest possible ones. Years are added on the calendar:
//! from 2020-02-29, one year is 2021-02-28 (chrono's month arithmetic clamps to the month's end).

mod worker;

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::basics::closed_set::closed_set;
use crate::basics::decimal_text::round;
use crate::basics::messages::{Arg, messages};
use crate::basics::{date_text, decimal_text};
use crate::error::{Error, OptionsError};
use crate::model::{Condition, Confidence, Label, LevelKind, Route, SchoolType, SkillLevel};
use crate::plan::Plan;

pub use crate::error::WorkerError;
use worker::check_worker;
pub use worker::{Diploma, HeldLevel, Worker, parse_worker_json, school, worker_from_value};

closed_set! {
    /// What a condition of a route asks for.
    pub enum ConditionKind {
        /// Cumulative years of work in the occupation.
        YearsOfWork = "years_of_work",
        /// Years of work since a level's certificate.
        YearsSinceLevel = "years_since_level",
        /// A level's certificate.
        HoldsLevel = "holds_level",
        /// An apprenticeship completed.
        ApprenticeshipCompleted = "apprenticeship_completed",
        /// A diploma of one of the schools named.
        Diploma = "diploma",
        /// Years of work since a 预备技师 certificate.
        YearsSincePreparatoryTechnician = "years_since_preparatory_technician",
    }
}

closed_set! {
    /// What reaching a level opens.
    pub enum UnlockKind {
        /// A professional title through the 双贯通 crosswalk.
        Title = "title",
        /// The 技能提升补贴 cap of the level.
        SkillUpgradeSubsidy = "skill_upgrade_subsidy",
    }
}

/// One condition of a route, evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ConditionProgress {
    /// What the condition asks for.
    pub kind: ConditionKind,
    /// The condition in words, in Chinese and English.
    pub label: Label,
    /// True when the condition is met on the as-of date.
    pub met: bool,
    /// When it is (or will first be) met; absent when it cannot be met with what is known.
    #[serde(with = "date_text::option")]
    #[schemars(with = "Option<crate::basics::date_text::DateText>")]
    pub earliest_date: Option<NaiveDate>,
    /// 0 to 1, for a progress bar: time served ÷ time required, or 0/1.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub progress: Decimal,
    /// What is missing, when the condition cannot be met with what is known.
    pub missing: Option<Label>,
    /// True when the date assumes that a level the worker does not hold yet is obtained on the
    /// earliest day one can apply for it.
    pub projected: bool,
}

/// One application route to a level, evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RouteProgress {
    /// The route's id in the plan's requirements.
    pub id: String,
    /// The route in words, in Chinese and English.
    pub label: Label,
    /// True when every condition is met on the as-of date.
    pub met: bool,
    /// When the last of its conditions is (or will first be) met, and never before the latest
    /// level held was obtained; absent when a condition cannot be dated with what is known.
    #[serde(with = "date_text::option")]
    #[schemars(with = "Option<crate::basics::date_text::DateText>")]
    pub earliest_date: Option<NaiveDate>,
    /// The least advanced condition's progress.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub progress: Decimal,
    /// Each condition of the route, evaluated, in the plan's order.
    pub conditions: Vec<ConditionProgress>,
}

/// Something reaching a level opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Unlock {
    /// A title (双贯通) or the 技能提升补贴 cap.
    pub kind: UnlockKind,
    /// The title id, or the level id for a subsidy.
    pub id: String,
    /// What it is called, in Chinese and English.
    pub name: Label,
    /// Years after the level that a title needs.
    pub years: Option<u32>,
    /// Earliest date it can be applied for.
    #[serde(with = "date_text::option")]
    #[schemars(with = "Option<crate::basics::date_text::DateText>")]
    pub available_from: Option<NaiveDate>,
    /// The subsidy cap in yuan.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub amount: Option<Decimal>,
    /// Further conditions, as the rule words them.
    pub conditions: Option<Label>,
    /// The documents it rests on.
    pub source: String,
    /// How sure the fact is; always `unconfirmed` for a subsidy cap.
    pub confidence: Confidence,
}

/// A level above the worker's current one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Step {
    /// Level id, e.g. `senior`.
    pub level: String,
    /// The level's name, in Chinese and English.
    pub name: Label,
    /// Position on the ladder, 1 = lowest.
    pub ordinal: u32,
    /// The national level number of a certificate level: 5 (初级) … 1 (高级技师).
    pub national_level: Option<u32>,
    /// Enterprise-internal, a certificate level, or an appointed post.
    pub kind: LevelKind,
    /// The level to aim for next: the first above the current one that has an application route
    /// (学徒工 and the appointed posts have none), or else the first above it.
    pub is_next: bool,
    /// True when a route to the level is met on the as-of date.
    pub can_apply_now: bool,
    /// The earliest date any route is met; absent when none can be with what is known.
    #[serde(with = "date_text::option")]
    #[schemars(with = "Option<crate::basics::date_text::DateText>")]
    pub earliest_date: Option<NaiveDate>,
    /// Every application route to the level; empty when the requirements give none.
    pub routes: Vec<RouteProgress>,
    /// What reaching the level opens, dated from `earliest_date`.
    pub unlocks: Vec<Unlock>,
    /// The plan's note on the level, or why it has no application route.
    pub note: Option<String>,
}

/// A level the worker holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct HeldLevelView {
    /// Level id, e.g. `senior`.
    pub level: String,
    /// The level's name, in Chinese and English.
    pub name: Label,
    /// Position on the ladder, 1 = lowest.
    pub ordinal: u32,
    /// The date the level was obtained.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub obtained_on: NaiveDate,
}

/// What a pathway screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Pathway {
    /// The date the pathway is computed for.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub as_of: NaiveDate,
    /// The requirement set used, by its `occupation`: `default`, or the occupation's own; `none`
    /// when the plan has neither.
    pub requirements: String,
    /// The requirement set's name, in Chinese and English.
    pub requirements_name: Label,
    /// Held levels, lowest first.
    pub held: Vec<HeldLevelView>,
    /// The highest level held.
    pub current_level: Option<String>,
    /// What the held levels open (titles, subsidy caps).
    pub unlocked: Vec<Unlock>,
    /// Every level above the current one, up to the highest the requirement set has, lowest first.
    pub steps: Vec<Step>,
    /// True when no level is above the current one (within the requirement set's highest level).
    pub at_top: bool,
}

/// `date` plus `years` calendar years, clamped to the month's end (2020-02-29 + 1 = 2021-02-28).
pub fn add_years(date: NaiveDate, years: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(years.checked_mul(12)?))
}

fn fraction(done_days: i64, needed_days: i64) -> Decimal {
    if needed_days <= 0 || done_days >= needed_days {
        return Decimal::ONE;
    }
    if done_days <= 0 {
        return Decimal::ZERO;
    }
    round(Decimal::from(done_days) / Decimal::from(needed_days))
}

messages! {
    /// The pathway section of the catalogue.
    pub(crate) enum Msg in "pathway" {
        YearsOfWork = "years_of_work.label",
        YearsOfWorkMissing = "years_of_work.missing",
        YearsSinceLevel = "years_since_level.label",
        HoldsLevel = "holds_level.label",
        LevelCertificate = "level_certificate.missing",
        Apprenticeship = "apprenticeship.label",
        ApprenticeshipMissing = "apprenticeship.missing",
        PreparatoryTechnician = "preparatory_technician.label",
        PreparatoryTechnicianMissing = "preparatory_technician.missing",
        Diploma = "diploma.label",
        DiplomaFinalYear = "diploma.final_year",
        UnlockSubsidy = "unlock.subsidy",
        UnlockSubsidyConditions = "unlock.subsidy_conditions",
        NoRequirements = "unlock.none",
    }
}

impl Msg {
    fn label(self, args: &[(&str, Arg<'_>)]) -> Label {
        let [zh, en] = self.both(args);
        Label { zh, en }
    }
}

/// The placeholders the section's templates may use.
#[cfg(test)]
const PLACEHOLDERS: &[&str] = &["years", "level", "schools", "amount"];

/// Evaluates one condition. `obtained` gives the date a level was (or at the earliest will be)
/// obtained, and whether that date is projected.
fn condition(
    plan: &Plan,
    c: &Condition,
    worker: &Worker,
    as_of: NaiveDate,
    obtained: &dyn Fn(&str) -> Option<(NaiveDate, bool)>,
) -> ConditionProgress {
    let level_name = |id: &str| {
        plan.skill_level(id).map(|l| l.name.clone()).unwrap_or_else(|| Label { zh: id.into(), en: id.into() })
    };
    let years_arg = |y: &u32| Arg::Num(i64::from(*y));
    let timed =
        |kind: ConditionKind, lbl: Label, since: Option<(NaiveDate, bool)>, years: u32, missing: Label| match since
            .and_then(|(start, projected)| Some((start, add_years(start, years)?, projected)))
        {
            Some((start, due, projected)) => ConditionProgress {
                kind,
                label: lbl,
                met: !projected && due <= as_of,
                earliest_date: Some(due),
                progress: if projected {
                    Decimal::ZERO
                } else {
                    fraction((as_of - start).num_days(), (due - start).num_days())
                },
                missing: None,
                projected,
            },
            None => ConditionProgress {
                kind,
                label: lbl,
                met: false,
                earliest_date: None,
                progress: Decimal::ZERO,
                missing: Some(missing),
                projected: false,
            },
        };
    match c {
        Condition::YearsOfWork { years } => timed(
            ConditionKind::YearsOfWork,
            Msg::YearsOfWork.label(&[("years", years_arg(years))]),
            worker.work_started_on.map(|d| (d, false)),
            *years,
            Msg::YearsOfWorkMissing.label(&[]),
        ),
        Condition::YearsSinceLevel { level, years } => {
            let name = level_name(level);
            let arg = Arg::Both(&name.zh, &name.en);
            timed(
                ConditionKind::YearsSinceLevel,
                Msg::YearsSinceLevel.label(&[("level", arg), ("years", years_arg(years))]),
                obtained(level),
                *years,
                Msg::LevelCertificate.label(&[("level", arg)]),
            )
        }
        Condition::HoldsLevel { level } => {
            let name = level_name(level);
            let arg = Arg::Both(&name.zh, &name.en);
            timed(
                ConditionKind::HoldsLevel,
                Msg::HoldsLevel.label(&[("level", arg)]),
                obtained(level),
                0,
                Msg::LevelCertificate.label(&[("level", arg)]),
            )
        }
        Condition::ApprenticeshipCompleted => timed(
            ConditionKind::ApprenticeshipCompleted,
            Msg::Apprenticeship.label(&[]),
            worker.apprenticeship_completed_on.map(|d| (d, false)),
            0,
            Msg::ApprenticeshipMissing.label(&[]),
        ),
        Condition::YearsSincePreparatoryTechnician { years } => timed(
            ConditionKind::YearsSincePreparatoryTechnician,
            Msg::PreparatoryTechnician.label(&[("years", years_arg(years))]),
            worker.preparatory_technician_on.map(|d| (d, false)),
            *years,
            Msg::PreparatoryTechnicianMissing.label(&[]),
        ),
        Condition::Diploma { schools, final_year_students } => {
            let names: Vec<Label> = schools.iter().map(|s| s.label()).collect();
            let pairs: Vec<(&str, &str)> = names.iter().map(|n| (n.zh.as_str(), n.en.as_str())).collect();
            let schools_arg = [("schools", Arg::Inline(&pairs))];
            let lbl = if *final_year_students { Msg::DiplomaFinalYear } else { Msg::Diploma }.label(&schools_arg);
            let fits = |d: &&Diploma| SchoolType::parse(d.school.trim()).is_some_and(|s| schools.contains(&s));
            let earliest = worker
                .diplomas
                .iter()
                .filter(fits)
                .filter_map(|d| match d.graduated_on {
                    Some(g) if g <= as_of => Some(g),
                    _ if *final_year_students && d.final_year => Some(as_of),
                    Some(g) => Some(g),
                    None => None,
                })
                .min();
            ConditionProgress {
                kind: ConditionKind::Diploma,
                met: earliest.is_some_and(|d| d <= as_of),
                earliest_date: earliest,
                progress: if earliest.is_some_and(|d| d <= as_of) { Decimal::ONE } else { Decimal::ZERO },
                missing: if earliest.is_none() { Some(Msg::Diploma.label(&schools_arg)) } else { None },
                label: lbl,
                projected: false,
            }
        }
    }
}

fn route(
    plan: &Plan,
    r: &Route,
    worker: &Worker,
    as_of: NaiveDate,
    obtained: &dyn Fn(&str) -> Option<(NaiveDate, bool)>,
) -> RouteProgress {
    let conditions: Vec<ConditionProgress> =
        r.conditions.iter().map(|c| condition(plan, c, worker, as_of, obtained)).collect();
    let met = conditions.iter().all(|c| c.met);
    let earliest_date =
        conditions.iter().map(|c| c.earliest_date).collect::<Option<Vec<_>>>().and_then(|d| d.into_iter().max());
    let progress = conditions.iter().map(|c| c.progress).min().unwrap_or(Decimal::ONE);
    RouteProgress { id: r.id.clone(), label: r.label.clone(), met, earliest_date, progress, conditions }
}

/// What reaching `level` on `date` opens: 双贯通 titles and the 技能提升补贴 cap.
fn unlocks(plan: &Plan, level: &SkillLevel, date: Option<NaiveDate>) -> Vec<Unlock> {
    let mut out: Vec<Unlock> = plan
        .crosswalk_from_level(&level.id)
        .into_iter()
        .filter_map(|x| {
            let title = plan.title(&x.title)?;
            Some(Unlock {
                kind: UnlockKind::Title,
                id: title.id.clone(),
                name: title.name.clone(),
                years: Some(x.years),
                available_from: date.and_then(|d| add_years(d, x.years)),
                amount: None,
                conditions: Some(x.conditions.clone()),
                source: x.source.clone(),
                confidence: x.confidence,
            })
        })
        .collect();
    if let Some(amount) = level.skill_upgrade_subsidy_cap {
        out.push(Unlock {
            kind: UnlockKind::SkillUpgradeSubsidy,
            id: level.id.clone(),
            name: Msg::UnlockSubsidy.label(&[
                ("level", Arg::Both(&level.name.zh, &level.name.en)),
                ("amount", Arg::Text(&amount.to_string())),
            ]),
            years: None,
            available_from: date,
            amount: Some(amount),
            conditions: Some(Msg::UnlockSubsidyConditions.label(&[])),
            source: "人社部发〔2017〕40号 caps 初级1000/中级1500/高级2000元; 2024 and 2025 extensions keep them (domain-facts §4.1)".into(),
            confidence: Confidence::Unconfirmed,
        });
    }
    out
}

/// The worker's pathway as of `as_of`. Errors: `INVALID_OPTIONS` for an as-of year outside
/// 1900–2200; `INVALID_WORKER` for a level the plan does not have or listed twice, an unknown
/// school type, or a date after `as_of`.
pub fn pathway(plan: &Plan, worker: &Worker, as_of: NaiveDate) -> Result<Pathway, Error> {
    OptionsError::check_as_of(as_of)?;
    check_worker(plan, worker, as_of).map_err(Error::from)?;
    let default = plan.requirements("default");
    let specific = worker.occupation.as_deref().and_then(|o| plan.requirements(o.trim()));
    let set = specific.or(default);
    let max_ordinal = set
        .and_then(|s| s.max_level.as_deref())
        .and_then(|m| plan.skill_level(m))
        .map(|l| l.ordinal)
        .unwrap_or(u32::MAX);
    let routes_to = |level: &str| -> Vec<&Route> {
        let own: Vec<&Route> =
            specific.map(|s| s.routes.iter().filter(|r| r.to == level).collect()).unwrap_or_default();
        if !own.is_empty() {
            return own;
        }
        default.map(|s| s.routes.iter().filter(|r| r.to == level).collect()).unwrap_or_default()
    };

    let mut held: Vec<HeldLevelView> = worker
        .levels
        .iter()
        .filter_map(|h| {
            let l = plan.skill_level(&h.level)?;
            Some(HeldLevelView {
                level: l.id.clone(),
                name: l.name.clone(),
                ordinal: l.ordinal,
                obtained_on: h.obtained_on,
            })
        })
        .collect();
    held.sort_by_key(|h| h.ordinal);
    let current = held.last().map(|h| h.ordinal).unwrap_or(0);
    let unlocked = held
        .iter()
        .filter_map(|h| plan.skill_level(&h.level).map(|l| unlocks(plan, l, Some(h.obtained_on))))
        .flatten()
        .collect();

    // Dates at which levels are (or at the earliest would be) obtained.
    let mut obtained: Vec<(String, NaiveDate, bool)> =
        held.iter().map(|h| (h.level.clone(), h.obtained_on, false)).collect();
    let mut steps = Vec::new();
    for level in plan.skill_levels().iter().filter(|l| l.ordinal > current && l.ordinal <= max_ordinal) {
        let lookup = |id: &str| obtained.iter().find(|(l, _, _)| l == id).map(|(_, d, p)| (*d, *p));
        let mut routes: Vec<RouteProgress> =
            routes_to(&level.id).into_iter().map(|r| route(plan, r, worker, as_of, &lookup)).collect();
        // A worker applies holding the levels already held: never before they were obtained.
        let floor = held.iter().map(|h| h.obtained_on).max();
        for r in &mut routes {
            r.earliest_date = r.earliest_date.map(|d| floor.map_or(d, |f| d.max(f)));
        }
        let can_apply_now = routes.iter().any(|r| r.met);
        let earliest_date = routes.iter().filter_map(|r| r.earliest_date).min();
        // A level not held is obtained, at the earliest, on the day one can apply for it (and not
        // before today): the levels above are dated from then.
        if let Some(date) = earliest_date {
            obtained.push((level.id.clone(), date.max(as_of), true));
        }
        let note = match (level.kind, routes.is_empty()) {
            (LevelKind::AppointedPost, _) => level.note.clone(),
            (LevelKind::EnterpriseInternal, true) => {
                Some("set within the enterprise; no national application route".into())
            }
            (_, true) => Some("the requirements give no route to this level".into()),
            _ => level.note.clone(),
        };
        steps.push(Step {
            level: level.id.clone(),
            name: level.name.clone(),
            ordinal: level.ordinal,
            national_level: level.national_level,
            kind: level.kind,
            is_next: false,
            can_apply_now,
            earliest_date,
            unlocks: unlocks(plan, level, earliest_date),
            routes,
            note,
        });
    }
    // The next step is the first one the worker can apply for through a route (学徒工 and
    // appointed posts have none), or else simply the first.
    if let Some(next) =
        steps.iter().position(|s| !s.routes.is_empty()).or(if steps.is_empty() { None } else { Some(0) })
    {
        steps[next].is_next = true;
    }
    let (requirements, requirements_name) = match set {
        Some(s) => (s.occupation.clone(), s.name.clone()),
        None => ("none".into(), Msg::NoRequirements.label(&[])),
    };
    Ok(Pathway {
        as_of,
        requirements,
        requirements_name,
        current_level: held.last().map(|h| h.level.clone()),
        held,
        unlocked,
        at_top: steps.is_empty(),
        steps,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_message_has_a_template() {
        crate::basics::messages::tests::check_section(super::Msg::SECTION, super::Msg::KEYS, super::PLACEHOLDERS);
    }
}
