//! Cross-checks of a parsed plan: ids unique, references resolved, the 「其中」 hierarchy a
//! forest whose parts never exceed their whole, targets non-negative, dates in order.
//! Every problem is collected (not just the first) so `plan validate` can list them all.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use crate::error::{Issue, Reason};
use crate::model::{FORMAT_VERSION, PlanData};

/// Returns every problem in `plan`; empty when it is valid.
pub fn check(plan: &PlanData) -> Vec<Issue> {
    let mut c = Checker::default();
    if plan.format != FORMAT_VERSION {
        c.push(
            Reason::UnsupportedFormat,
            "format",
            format!("format {} is not supported; this library reads format {FORMAT_VERSION}", plan.format),
        );
    }
    if plan.id.trim().is_empty() {
        c.push(Reason::EmptyId, "id", "the plan id is empty".into());
    }
    check_metadata(&mut c, plan);
    let departments = c.unique_ids("departments", plan.departments.iter().map(|d| d.id.as_str()));
    let regions = c.unique_ids("regions", plan.regions.iter().map(|r| r.id.as_str()));
    let chapters = c.unique_ids("chapters", plan.chapters.iter().map(|x| x.id.as_str()));
    let measures = c.unique_ids("measures", plan.measures.iter().map(|m| m.id.as_str()));
    let _columns = c.unique_ids("columns", plan.columns.iter().map(|x| x.id.as_str()));
    let indicators = c.unique_ids("indicators", plan.indicators.iter().map(|i| i.id.as_str()));

    for (i, issuer) in plan.metadata.issuers.iter().enumerate() {
        c.reference(&departments, issuer, format!("metadata.issuers[{i}]"), "department");
    }
    check_regions(&mut c, plan, &regions);
    for (i, chapter) in plan.chapters.iter().enumerate() {
        for (j, m) in chapter.measures.iter().enumerate() {
            c.reference(&measures, m, format!("chapters[{i}].measures[{j}]"), "measure");
        }
    }
    for (i, m) in plan.measures.iter().enumerate() {
        c.reference(&chapters, &m.chapter, format!("measures[{i}].chapter"), "chapter");
        if let Some(r) = &m.responsibility {
            if let Some(lead) = &r.lead {
                c.reference(&departments, lead, format!("measures[{i}].responsibility.lead"), "department");
                if !r.departments.contains(lead) {
                    c.push(
                        Reason::UnknownReference,
                        &format!("measures[{i}].responsibility.lead"),
                        format!("the lead department {lead:?} is not among the departments named"),
                    );
                }
            }
            for (j, d) in r.departments.iter().enumerate() {
                c.reference(&departments, d, format!("measures[{i}].responsibility.departments[{j}]"), "department");
            }
        }
    }
    for (i, col) in plan.columns.iter().enumerate() {
        if let Some(after) = &col.after_measure {
            c.reference(&measures, after, format!("columns[{i}].after_measure"), "measure");
        }
        for (j, item) in col.items.iter().enumerate() {
            if item.number as usize != j + 1 {
                c.push(
                    Reason::NumberMismatch,
                    &format!("columns[{i}].items[{j}].number"),
                    format!("item {} stands in position {}", item.number, j + 1),
                );
            }
        }
    }
    check_indicators(&mut c, plan, &indicators);
    check_ladder(&mut c, plan);
    c.issues
}

/// The ladder, the application routes and the 双贯通 crosswalk.
fn check_ladder(c: &mut Checker, plan: &PlanData) {
    let levels = c.unique_ids("skill_levels", plan.skill_levels.iter().map(|l| l.id.as_str()));
    for (i, level) in plan.skill_levels.iter().enumerate() {
        if level.ordinal as usize != i + 1 {
            c.push(
                Reason::NumberMismatch,
                &format!("skill_levels[{i}].ordinal"),
                format!(
                    "level {:?} has ordinal {} in position {}: list levels lowest first, from 1",
                    level.id,
                    level.ordinal,
                    i + 1
                ),
            );
        }
        if level.skill_upgrade_subsidy_cap.is_some_and(|a| a.is_sign_negative()) {
            c.push(
                Reason::NegativeTarget,
                &format!("skill_levels[{i}].skill_upgrade_subsidy_cap"),
                "the amount is negative".into(),
            );
        }
    }
    let _ = c.unique_ids("level_requirements", plan.level_requirements.iter().map(|r| r.occupation.as_str()));
    if !plan.level_requirements.is_empty() && !plan.level_requirements.iter().any(|r| r.occupation == "default") {
        c.push(
            Reason::MissingField,
            "level_requirements",
            "the requirements need a set with occupation = \"default\"".into(),
        );
    }
    for (i, set) in plan.level_requirements.iter().enumerate() {
        if let Some(max) = &set.max_level {
            c.reference(&levels, max, format!("level_requirements[{i}].max_level"), "skill level");
        }
        let _ = c.unique_ids(&format!("level_requirements[{i}].routes"), set.routes.iter().map(|r| r.id.as_str()));
        for (j, route) in set.routes.iter().enumerate() {
            let path = format!("level_requirements[{i}].routes[{j}]");
            c.reference(&levels, &route.to, format!("{path}.to"), "skill level");
            if route.conditions.is_empty() {
                c.push(
                    Reason::MissingField,
                    &format!("{path}.conditions"),
                    "a route needs at least one condition".into(),
                );
            }
            for (k, condition) in route.conditions.iter().enumerate() {
                match condition {
                    crate::model::Condition::YearsSinceLevel { level, .. }
                    | crate::model::Condition::HoldsLevel { level } => {
                        c.reference(&levels, level, format!("{path}.conditions[{k}].level"), "skill level");
                    }
                    crate::model::Condition::Diploma { schools, .. } if schools.is_empty() => {
                        c.push(
                            Reason::MissingField,
                            &format!("{path}.conditions[{k}].schools"),
                            "name at least one school type".into(),
                        );
                    }
                    _ => {}
                }
            }
        }
    }
    let titles = c.unique_ids("titles", plan.titles.iter().map(|t| t.id.as_str()));
    let _ = c.unique_ids("crosswalk", plan.crosswalk.iter().map(|x| x.id.as_str()));
    for (i, entry) in plan.crosswalk.iter().enumerate() {
        c.reference(&levels, &entry.level, format!("crosswalk[{i}].level"), "skill level");
        c.reference(&titles, &entry.title, format!("crosswalk[{i}].title"), "title");
    }
}

#[derive(Default)]
struct Checker {
    issues: Vec<Issue>,
}

impl Checker {
    fn push(&mut self, reason: Reason, path: &str, message: String) {
        self.issues.push(Issue { reason, path: path.to_owned(), message });
    }

    /// Checks that the ids of one collection are non-empty and unique; returns them.
    fn unique_ids<'a>(&mut self, collection: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{collection}[{i}].id");
            if id.trim().is_empty() {
                self.push(Reason::EmptyId, &path, "the id is empty".into());
            } else if !seen.insert(id) {
                self.push(Reason::DuplicateId, &path, format!("duplicate id {id:?}"));
            }
        }
        seen
    }

    fn reference(&mut self, known: &HashSet<&str>, id: &str, path: String, what: &str) {
        if !known.contains(id) {
            self.push(Reason::UnknownReference, &path, format!("unknown {what} {id:?}"));
        }
    }
}

fn check_metadata(c: &mut Checker, plan: &PlanData) {
    let m = &plan.metadata;
    if m.period.end < m.period.start {
        c.push(
            Reason::DateOrder,
            "metadata.period.end",
            format!("the period ends ({}) before it starts ({})", m.period.end, m.period.start),
        );
    }
    if let Some(published) = m.published_on
        && published < m.written_on
    {
        c.push(
            Reason::DateOrder,
            "metadata.published_on",
            format!("published ({published}) before it was written ({})", m.written_on),
        );
    }
}

fn check_regions(c: &mut Checker, plan: &PlanData, regions: &HashSet<&str>) {
    let mut codes = HashSet::new();
    for (i, r) in plan.regions.iter().enumerate() {
        if let Some(code) = &r.code {
            if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
                c.push(
                    Reason::InvalidRegionCode,
                    &format!("regions[{i}].code"),
                    format!("region code {code:?} is not six digits (GB/T 2260)"),
                );
            } else if !codes.insert(code.as_str()) {
                c.push(Reason::DuplicateId, &format!("regions[{i}].code"), format!("duplicate region code {code:?}"));
            }
        }
        if let Some(parent) = &r.parent {
            c.reference(regions, parent, format!("regions[{i}].parent"), "region");
        }
        // Walk up the parents: coming back to this region means a loop.
        let mut at = r.parent.as_deref();
        for _ in 0..plan.regions.len() {
            let Some(parent) = at else { break };
            if parent == r.id {
                c.push(
                    Reason::CyclicParent,
                    &format!("regions[{i}].parent"),
                    format!("region {:?} is its own ancestor", r.id),
                );
                break;
            }
            at = plan.regions.iter().find(|x| x.id == parent).and_then(|x| x.parent.as_deref());
        }
    }
}

fn check_indicators(c: &mut Checker, plan: &PlanData, known: &HashSet<&str>) {
    let by_id: HashMap<&str, usize> = plan.indicators.iter().enumerate().map(|(i, ind)| (ind.id.as_str(), i)).collect();
    for (i, ind) in plan.indicators.iter().enumerate() {
        if ind.target > crate::MAX_VALUE {
            c.push(
                Reason::OutOfRange,
                &format!("indicators[{i}].target"),
                format!("the target {} is above 10^15, the largest value skillplan computes with", ind.target),
            );
        }
        if ind.target < Decimal::ZERO {
            c.push(
                Reason::NegativeTarget,
                &format!("indicators[{i}].target"),
                format!("the target {} is negative", ind.target),
            );
        }
        let mut previous: Option<&crate::model::PlanMilestone> = None;
        for (j, m) in ind.milestones.iter().enumerate() {
            let path = format!("indicators[{i}].milestones[{j}]");
            if m.date < plan.metadata.period.start || m.date > plan.metadata.period.end {
                c.push(Reason::DateOrder, &format!("{path}.date"), format!("{} is outside the plan period", m.date));
            }
            if m.value.is_sign_negative() || m.value > ind.target {
                c.push(
                    Reason::OutOfRange,
                    &format!("{path}.value"),
                    format!("a milestone must lie between 0 and the target {}", ind.target),
                );
            }
            if previous.is_some_and(|p| m.date <= p.date || m.value < p.value) {
                c.push(
                    Reason::DateOrder,
                    &format!("{path}.date"),
                    "milestones must be in date order and never decrease".into(),
                );
            }
            previous = Some(m);
        }
        let Some(parent) = &ind.parent else { continue };
        let path = format!("indicators[{i}].parent");
        if !known.contains(parent.as_str()) {
            c.push(Reason::UnknownReference, &path, format!("unknown indicator {parent:?}"));
            continue;
        }
        if let Some(cycle) = cycle_from(plan, &by_id, i) {
            c.push(Reason::CyclicParent, &path, format!("the 其中 hierarchy loops: {}", cycle.join(" → ")));
            continue;
        }
        let whole = &plan.indicators[by_id[parent.as_str()]];
        if whole.unit != ind.unit {
            c.push(
                Reason::UnitMismatch,
                &format!("indicators[{i}].unit"),
                format!(
                    "{:?} is counted in {}, its whole {:?} in {}",
                    ind.id,
                    ind.unit.label().zh,
                    whole.id,
                    whole.unit.label().zh
                ),
            );
        } else if ind.target > whole.target {
            c.push(
                Reason::PartExceedsWhole,
                &format!("indicators[{i}].target"),
                format!(
                    "the target of {:?} ({}) is above that of its whole {:?} ({})",
                    ind.id, ind.target, whole.id, whole.target
                ),
            );
        }
    }
}

/// Follows parents from indicator `start`; returns the ids around a loop if one is reached.
fn cycle_from(plan: &PlanData, by_id: &HashMap<&str, usize>, start: usize) -> Option<Vec<String>> {
    let mut seen = vec![start];
    let mut at = start;
    while let Some(next) = plan.indicators[at].parent.as_deref().and_then(|p| by_id.get(p).copied()) {
        if let Some(pos) = seen.iter().position(|&s| s == next) {
            // Only report the loop when `start` is on it, so each looping indicator is named once.
            if pos != 0 {
                return None;
            }
            let mut ids: Vec<String> = seen.iter().map(|&s| plan.indicators[s].id.clone()).collect();
            ids.push(plan.indicators[next].id.clone());
            return Some(ids);
        }
        seen.push(next);
        at = next;
    }
    None
}
