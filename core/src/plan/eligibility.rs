//! Checks the eligibility section of a plan and compiles it once, at load: group conditions to
//! bit masks over the profile's coded fields, subsidy versions to masks over the plan's training
//! types and certificate kinds. A wrong section is a `PLAN_INVALID` with the path of the fault.

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::{Issue, Reason};
use crate::model::PlanData;

use crate::model::eligibility::{
    AgeRange, EligibilityData, GroupCondition, SubsidyKind, SubsidyParams, SubsidyRule, SubsidyVersion,
};
use crate::model::eligibility::{Employment, Hukou, SchoolKind, Sex, TechnicalClass};

/// A group condition over the profile's coded fields.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    /// Bits of the plan's statuses.
    Status(u64),
    /// Bits of [`Employment::ALL`] positions.
    Employment(u16),
    Sex(Sex),
    Hukou(Hukou),
    /// Bits of [`SchoolKind::ALL`] and, for technical schools, of [`TechnicalClass::ALL`].
    Graduated {
        schools: u8,
        classes: Option<u8>,
    },
    Age(AgeRange),
}

/// A compiled rule version: the data version and its masks.
#[derive(Debug, Clone)]
pub(crate) struct Version {
    pub data: SubsidyVersion,
    /// Group indices.
    pub categories: Vec<usize>,
    /// Bits of the plan's training types.
    pub training_types: u64,
    pub employee_training_types: u64,
    /// Bits of the plan's certificate kinds.
    pub certificate_kinds: u64,
    /// (skill level index, amount, minimum hours).
    pub amounts: Vec<(usize, Decimal, Option<u32>)>,
}

impl Version {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.data.from <= date && self.data.to.is_none_or(|to| date <= to)
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Subsidy {
    pub rule: SubsidyRule,
    pub versions: Vec<Version>,
}

/// The eligibility section, compiled.
#[derive(Debug, Clone, Default)]
pub(crate) struct EligibilityRules {
    pub groups: Vec<Cond>,
    pub subsidies: Vec<Subsidy>,
}

struct Compiler<'a> {
    plan: &'a PlanData,
    data: &'a EligibilityData,
    issues: Vec<Issue>,
}

impl Compiler<'_> {
    fn push(&mut self, reason: Reason, path: String, message: String) {
        self.issues.push(Issue { reason, path, message });
    }

    fn mask_of<T: Copy + PartialEq>(
        &mut self,
        all: &[T],
        name: impl Fn(T) -> &'static str,
        values: &[String],
        path: &str,
        what: &str,
    ) -> u64 {
        let mut mask = 0u64;
        for (i, v) in values.iter().enumerate() {
            match all.iter().position(|x| name(*x) == v) {
                Some(bit) => mask |= 1 << bit,
                None => self.push(Reason::UnknownReference, format!("{path}[{i}]"), format!("unknown {what} {v:?}")),
            }
        }
        mask
    }

    fn cond(&mut self, c: &GroupCondition, path: &str) -> Cond {
        match c {
            GroupCondition::All(items) | GroupCondition::Any(items) => {
                if items.is_empty() {
                    self.push(Reason::InvalidRule, path.to_owned(), "an empty list of conditions".into());
                }
                let inner = items.iter().enumerate().map(|(i, x)| self.cond(x, &format!("{path}[{i}]"))).collect();
                if matches!(c, GroupCondition::All(_)) { Cond::All(inner) } else { Cond::Any(inner) }
            }
            GroupCondition::Status(ids) => {
                let mut mask = 0u64;
                for (i, id) in ids.iter().enumerate() {
                    match self.data.statuses.iter().position(|s| &s.id == id) {
                        Some(bit) => mask |= 1 << bit,
                        None => self.push(
                            Reason::UnknownReference,
                            format!("{path}.status[{i}]"),
                            format!("unknown status {id:?}"),
                        ),
                    }
                }
                Cond::Status(mask)
            }
            GroupCondition::Employment(values) => Cond::Employment(self.mask_of(
                Employment::ALL,
                Employment::as_str,
                values,
                &format!("{path}.employment"),
                "employment status",
            ) as u16),
            GroupCondition::Sex(v) => match Sex::ALL.iter().find(|s| s.as_str() == v) {
                Some(s) => Cond::Sex(*s),
                None => {
                    self.push(Reason::UnknownReference, format!("{path}.sex"), format!("unknown sex {v:?}"));
                    Cond::Sex(Sex::Female)
                }
            },
            GroupCondition::Hukou(v) => match Hukou::ALL.iter().find(|s| s.as_str() == v) {
                Some(h) => Cond::Hukou(*h),
                None => {
                    self.push(Reason::UnknownReference, format!("{path}.hukou"), format!("unknown hukou {v:?}"));
                    Cond::Hukou(Hukou::Rural)
                }
            },
            GroupCondition::GraduatedThisYear(g) => {
                let p = format!("{path}.graduated_this_year");
                let schools = self.mask_of(
                    SchoolKind::ALL,
                    SchoolKind::as_str,
                    &g.school_types,
                    &format!("{p}.school_types"),
                    "school type",
                ) as u8;
                let classes = g.technical_school_classes.as_ref().map(|c| {
                    self.mask_of(
                        TechnicalClass::ALL,
                        TechnicalClass::as_str,
                        c,
                        &format!("{p}.technical_school_classes"),
                        "technical school class",
                    ) as u8
                });
                Cond::Graduated { schools, classes }
            }
            GroupCondition::Age(range) => {
                if range.max < range.min {
                    self.push(
                        Reason::DateOrder,
                        format!("{path}.age.max"),
                        "the maximum age is below the minimum".into(),
                    );
                }
                Cond::Age(*range)
            }
        }
    }

    fn vocabulary_mask(
        &mut self,
        values: &[String],
        terms: Option<&[crate::model::Term]>,
        path: &str,
        what: &str,
    ) -> u64 {
        let terms = terms.unwrap_or(&[]);
        let mut mask = 0u64;
        for (i, v) in values.iter().enumerate() {
            match terms.iter().position(|t| &t.id == v) {
                Some(bit) => mask |= 1 << bit,
                None => self.push(Reason::UnknownReference, format!("{path}[{i}]"), format!("unknown {what} {v:?}")),
            }
        }
        mask
    }

    fn version(&mut self, v: &SubsidyVersion, kind: SubsidyKind, groups: &[String], path: &str) -> Version {
        let p: &SubsidyParams = &v.params;
        for name in p.missing_for(kind) {
            self.push(
                Reason::MissingField,
                format!("{path}.{name}"),
                format!("{} needs the parameter {name}", kind.as_str()),
            );
        }
        if v.to.is_some_and(|to| to < v.from) {
            self.push(Reason::DateOrder, format!("{path}.to"), "the version ends before it starts".into());
        }
        let records = self.plan.records.as_ref();
        let mut categories = Vec::new();
        if let Some(c) = &p.categories {
            for (i, id) in c.value.iter().enumerate() {
                match groups.iter().position(|g| g == id) {
                    Some(index) => categories.push(index),
                    None => self.push(
                        Reason::UnknownReference,
                        format!("{path}.categories.value[{i}]"),
                        format!("unknown group {id:?}"),
                    ),
                }
            }
        }
        let types = records.map(|r| r.training_types.as_slice());
        let training_types = p.training_types.as_ref().map_or(0, |t| {
            self.vocabulary_mask(&t.value, types, &format!("{path}.training_types.value"), "training type")
        });
        let employee_training_types = p.employee_training_types.as_ref().map_or(0, |t| {
            self.vocabulary_mask(&t.value, types, &format!("{path}.employee_training_types.value"), "training type")
        });
        let kinds = records.map(|r| r.certificate_kinds.as_slice());
        let certificate_kinds = p.certificate_kinds.as_ref().map_or(0, |t| {
            self.vocabulary_mask(&t.value, kinds, &format!("{path}.certificate_kinds.value"), "certificate kind")
        });
        let mut amounts = Vec::new();
        for (i, a) in p.amounts.iter().flat_map(|a| a.value.iter()).enumerate() {
            match self.plan.skill_levels.iter().position(|l| l.id == a.level) {
                Some(level) => amounts.push((level, a.amount, a.min_hours)),
                None => self.push(
                    Reason::UnknownReference,
                    format!("{path}.amounts.value[{i}].level"),
                    format!("unknown skill level {:?}", a.level),
                ),
            }
            if a.amount < Decimal::ZERO {
                self.push(
                    Reason::NegativeTarget,
                    format!("{path}.amounts.value[{i}].amount"),
                    "a negative amount".into(),
                );
            }
        }
        Version { data: v.clone(), categories, training_types, employee_training_types, certificate_kinds, amounts }
    }
}

/// Checks and compiles a plan's eligibility section; an empty rule set when there is none.
pub(crate) fn compile(plan: &PlanData) -> Result<EligibilityRules, Vec<Issue>> {
    let Some(data) = &plan.eligibility else { return Ok(EligibilityRules::default()) };
    let mut c = Compiler { plan, data, issues: Vec::new() };
    if data.statuses.len() > 64 {
        c.push(Reason::OutOfRange, "eligibility.statuses".into(), "more than 64 statuses".into());
    }
    let mut seen = HashSet::new();
    for (i, s) in data.statuses.iter().enumerate() {
        if !seen.insert(s.id.as_str()) {
            c.push(Reason::DuplicateId, format!("eligibility.statuses[{i}].id"), format!("duplicate id {:?}", s.id));
        }
    }
    let mut seen = HashSet::new();
    let group_ids: Vec<String> = data.groups.iter().map(|g| g.id.clone()).collect();
    let mut groups = Vec::new();
    for (i, g) in data.groups.iter().enumerate() {
        let path = format!("eligibility.groups[{i}]");
        if g.id.trim().is_empty() {
            c.push(Reason::EmptyId, format!("{path}.id"), "the id is empty".into());
        } else if !seen.insert(g.id.as_str()) {
            c.push(Reason::DuplicateId, format!("{path}.id"), format!("duplicate id {:?}", g.id));
        }
        if g.clause.is_none() && g.source.is_none() {
            c.push(Reason::MissingField, format!("{path}.source"), "a group needs a plan clause or a source".into());
        }
        if let Some(clause) = &g.clause
            && !known_clause(plan, clause)
        {
            c.push(Reason::UnknownReference, format!("{path}.clause"), format!("not a clause of the plan: {clause:?}"));
        }
        groups.push(c.cond(&g.when, &format!("{path}.when")));
    }
    let mut subsidies = Vec::new();
    let mut kinds = HashSet::new();
    for (i, s) in data.subsidies.iter().enumerate() {
        let path = format!("eligibility.subsidies[{i}]");
        if !kinds.insert(s.id) {
            c.push(Reason::DuplicateId, format!("{path}.id"), format!("{} is defined twice", s.id.as_str()));
        }
        for (j, clause) in s.clauses.iter().enumerate() {
            if !known_clause(plan, clause) {
                c.push(
                    Reason::UnknownReference,
                    format!("{path}.clauses[{j}]"),
                    format!("not a clause of the plan: {clause:?}"),
                );
            }
        }
        if s.versions.is_empty() {
            c.push(
                Reason::MissingField,
                format!("{path}.versions"),
                "a subsidy needs at least one rule version".into(),
            );
        }
        let versions: Vec<Version> = s
            .versions
            .iter()
            .enumerate()
            .map(|(j, v)| c.version(v, s.id, &group_ids, &format!("{path}.versions[{j}]")))
            .collect();
        for (j, pair) in s.versions.windows(2).enumerate() {
            if pair[0].to.is_none_or(|to| to >= pair[1].from) {
                c.push(
                    Reason::DateOrder,
                    format!("{path}.versions[{}].from", j + 1),
                    "the version starts before the one above ends".into(),
                );
            }
        }
        subsidies.push(Subsidy { rule: s.clone(), versions });
    }
    if c.issues.is_empty() { Ok(EligibilityRules { groups, subsidies }) } else { Err(c.issues) }
}

fn known_clause(plan: &PlanData, id: &str) -> bool {
    plan.measures.iter().any(|m| m.id == id) || plan.columns.iter().any(|c| c.id == id)
}
