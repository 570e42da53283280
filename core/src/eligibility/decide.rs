//! The eligibility decision: which of the plan's target groups a person is in, and for each
//! subsidy of （二十五） whether they qualify under the rule version in force, evaluated in
//! three-valued logic. A fact that is absent makes a condition "unknown", never "no", so adding
//! a fact can settle an undetermined answer but never unsettle an eligible one.
//!
//! [`decide`] gives a compact [`Decision`] (codes and numbers, no text); [`Decision::view`]
//! turns it into what a host shows, with explanations in Chinese and English.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use crate::basics::closed_set::closed_set;
use crate::error::Error;
use crate::plan::Plan;

use crate::model::eligibility::{DateBasis, Employment, Param, SchoolKind, SubsidyKind, TechnicalClass};
use crate::plan::eligibility::{Cond, Subsidy, Version};

use super::profile::{Offer, Profile, ReceivedSubsidy, check_as_of};

closed_set! {
    /// Yes, no, or unknown for want of a fact.
    pub enum Tri {
        /// The condition holds.
        Yes = "yes",
        /// It does not.
        No = "no",
        /// A fact it needs is not known.
        Unknown = "unknown",
    }
}

impl Tri {
    fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::No, _) | (_, Tri::No) => Tri::No,
            (Tri::Yes, Tri::Yes) => Tri::Yes,
            _ => Tri::Unknown,
        }
    }

    fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::Yes, _) | (_, Tri::Yes) => Tri::Yes,
            (Tri::No, Tri::No) => Tri::No,
            _ => Tri::Unknown,
        }
    }

    fn not(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

closed_set! {
    /// A fact a rule may need, by the path of its field in the profile or the offer. A
    /// [`FieldSet`] holds some of them; an undetermined answer names the ones it lacks.
    pub enum Fact {
        /// `profile.statuses`.
        Statuses = "profile.statuses",
        /// `profile.employment`.
        Employment = "profile.employment",
        /// `profile.sex`.
        Sex = "profile.sex",
        /// `profile.hukou`.
        Hukou = "profile.hukou",
        /// `profile.birth_date`.
        BirthDate = "profile.birth_date",
        /// `profile.graduation_date`.
        GraduationDate = "profile.graduation_date",
        /// `profile.school_type`.
        SchoolType = "profile.school_type",
        /// `profile.technical_school_class`.
        TechnicalClass = "profile.technical_school_class",
        /// `profile.unemployment_insurance_months`.
        InsuranceMonths = "profile.unemployment_insurance_months",
        /// `profile.receiving_unemployment_benefit`.
        ReceivingBenefit = "profile.receiving_unemployment_benefit",
        /// `profile.subsidies_received`.
        Received = "profile.subsidies_received",
        /// `profile.subsidies_received[].occupation`.
        ReceivedOccupation = "profile.subsidies_received[].occupation",
        /// `profile.subsidies_received[].level`.
        ReceivedLevel = "profile.subsidies_received[].level",
        /// `profile.subsidies_received[].shortage_occupation`.
        ReceivedShortage = "profile.subsidies_received[].shortage_occupation",
        /// `offer.training_type`.
        TrainingType = "offer.training_type",
        /// `offer.target_level`.
        TargetLevel = "offer.target_level",
        /// `offer.certificate_kind`.
        CertificateKind = "offer.certificate_kind",
        /// `offer.occupation`.
        Occupation = "offer.occupation",
        /// `offer.shortage_occupation`.
        Shortage = "offer.shortage_occupation",
        /// `offer.hours`.
        Hours = "offer.hours",
        /// `offer.provider_listed`.
        ProviderListed = "offer.provider_listed",
        /// `offer.start_date`.
        StartDate = "offer.start_date",
        /// `offer.certificate_date`.
        CertificateDate = "offer.certificate_date",
    }
}

use Fact as F;

/// A set of [`Fact`]s.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldSet(u32);

impl FieldSet {
    fn one(f: F) -> FieldSet {
        FieldSet(1 << f as u8)
    }

    /// True when the set holds no fact.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The facts, in [`Fact`] order.
    pub fn facts(self) -> impl Iterator<Item = Fact> {
        Fact::ALL.iter().copied().enumerate().filter(move |(i, _)| self.0 & (1 << i) != 0).map(|(_, f)| f)
    }

    /// The facts' field paths, in [`Fact`] order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        self.facts().map(Fact::as_str)
    }
}

impl std::ops::BitOr for FieldSet {
    type Output = FieldSet;
    fn bitor(self, o: FieldSet) -> FieldSet {
        FieldSet(self.0 | o.0)
    }
}

/// A three-valued answer and, when unknown, the facts it lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Answer {
    pub(crate) tri: Tri,
    lacking: FieldSet,
}

impl Answer {
    const YES: Answer = Answer { tri: Tri::Yes, lacking: FieldSet(0) };
    const NO: Answer = Answer { tri: Tri::No, lacking: FieldSet(0) };

    fn of(b: bool) -> Answer {
        if b { Answer::YES } else { Answer::NO }
    }

    fn unknown(f: F) -> Answer {
        Answer { tri: Tri::Unknown, lacking: FieldSet::one(f) }
    }

    fn known<T>(value: Option<T>, f: F, test: impl FnOnce(T) -> bool) -> Answer {
        match value {
            Some(v) => Answer::of(test(v)),
            None => Answer::unknown(f),
        }
    }

    fn combine(self, other: Answer, tri: Tri) -> Answer {
        // Only an unknown answer lacks anything; its lacking facts are those of its unknown parts.
        let lacking = if tri == Tri::Unknown {
            let pick = |a: Answer| if a.tri == Tri::Unknown { a.lacking } else { FieldSet(0) };
            pick(self) | pick(other)
        } else {
            FieldSet(0)
        };
        Answer { tri, lacking }
    }

    fn and(self, o: Answer) -> Answer {
        self.combine(o, self.tri.and(o.tri))
    }

    fn or(self, o: Answer) -> Answer {
        self.combine(o, self.tri.or(o.tri))
    }

    fn not(self) -> Answer {
        Answer { tri: self.tri.not(), lacking: self.lacking }
    }
}

/// Age in whole years on `on`.
pub(crate) fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

fn bit<T: PartialEq + Copy>(all: &[T], value: T) -> u32 {
    all.iter().position(|x| *x == value).unwrap_or(0) as u32
}

pub(crate) fn eval(c: &Cond, p: &Profile, as_of: NaiveDate) -> Answer {
    match c {
        Cond::All(items) => items.iter().fold(Answer::YES, |acc, x| acc.and(eval(x, p, as_of))),
        Cond::Any(items) => items.iter().fold(Answer::NO, |acc, x| acc.or(eval(x, p, as_of))),
        Cond::Status(mask) => Answer::known(p.statuses, F::Statuses, |s| s & mask != 0),
        Cond::Employment(mask) => {
            Answer::known(p.employment, F::Employment, |e| mask & (1 << bit(Employment::ALL, e)) != 0)
        }
        Cond::Sex(sex) => Answer::known(p.sex, F::Sex, |s| s == *sex),
        Cond::Hukou(h) => Answer::known(p.hukou, F::Hukou, |x| x == *h),
        Cond::Graduated { schools, classes } => {
            let year = Answer::known(p.graduation_date, F::GraduationDate, |d| d.year() == as_of.year());
            let school = match p.school_type {
                None => Answer::unknown(F::SchoolType),
                Some(SchoolKind::TechnicalSchool) if classes.is_some() => {
                    let classes = classes.unwrap_or(0);
                    Answer::known(p.technical_school_class, F::TechnicalClass, |c| {
                        classes & (1 << bit(TechnicalClass::ALL, c)) != 0
                    })
                }
                Some(s) => Answer::of(schools & (1 << bit(SchoolKind::ALL, s)) != 0),
            };
            year.and(school)
        }
        Cond::Age(range) => Answer::known(p.birth_date, F::BirthDate, |b| {
            let age = age_on(b, as_of);
            age >= range.min as i32 && age <= range.max as i32
        }),
    }
}

closed_set! {
    /// What a rule checks. Codes are stable.
    pub enum CheckKind {
        /// A rule version is in force on the date that chooses it.
        RuleInForce = "rule_in_force",
        /// The person is in a group the subsidy covers.
        Category = "category",
        /// The training type is covered.
        TrainingType = "training_type",
        /// The certificate kind qualifies.
        CertificateKind = "certificate_kind",
        /// The provider is on the published list (（五）「两目录」).
        ListedProvider = "listed_provider",
        /// Fewer payments than the limit over a lifetime.
        TimesTotal = "times_total",
        /// Fewer payments this year than the yearly limit.
        PerYear = "per_year",
        /// Employed, or receiving unemployment benefit where that counts.
        InsuredStatus = "insured_status",
        /// Enough months of unemployment insurance.
        InsuranceMonths = "insurance_months",
        /// The certificate level is subsidised.
        Level = "level",
        /// Enough training hours for the level.
        Hours = "hours",
        /// Applied for within the months after the certificate.
        ApplicationWindow = "application_window",
        /// Not yet paid for this occupation and level.
        OncePerOccupationLevel = "once_per_occupation_level",
        /// No higher level paid before.
        NoLowerAfterHigher = "no_lower_after_higher",
        /// No training subsidy paid for the same certificate.
        ExclusiveWithTrainingSubsidy = "exclusive_with_training_subsidy",
        /// A first evaluation in the occupation.
        FirstTimeOccupation = "first_time_occupation",
        /// Not while receiving unemployment benefit.
        NotWithUnemploymentBenefit = "not_with_unemployment_benefit",
    }
}

/// One condition of a subsidy, evaluated: what was checked, the answer, the facts it lacks,
/// and the figures it compared (`have` months against `need`, a count against a limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckResult {
    /// What was checked.
    pub check: CheckKind,
    /// Yes, no, or unknown for want of a fact.
    pub outcome: Tri,
    /// The facts an unknown outcome lacks; empty otherwise.
    pub lacking: FieldSet,
    /// The figure found, where one is compared: insurance months, training hours, or subsidies
    /// already received (in all, or this year).
    pub have: Option<u32>,
    /// The figure required or allowed: months, hours, a number of payments, or the months of
    /// the application window.
    pub need: Option<u32>,
    /// The date that chose the rule version, or the last day of the application window.
    pub date: Option<NaiveDate>,
}

closed_set! {
    /// The answer for one subsidy.
    #[schemars(rename = "EligibilityStatus")]
    pub enum Status {
        /// Every check holds.
        Eligible = "eligible",
        /// A check fails.
        NotEligible = "not_eligible",
        /// No check fails, but one lacks a fact.
        Undetermined = "undetermined",
    }
}

/// A subsidy's decision, compact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubsidyOutcome {
    /// The subsidy.
    pub kind: SubsidyKind,
    /// Index of the rule version applied, when the date chose one.
    pub version: Option<usize>,
    /// Eligible, not eligible, or undetermined.
    pub status: Status,
    /// Defined where the version has amounts and the level is known; absent when not eligible.
    pub amount: Option<Decimal>,
    /// Every check made, in order, starting with the rule version's.
    pub checks: Vec<CheckResult>,
}

impl SubsidyOutcome {
    /// The checks that failed, in order.
    pub fn failed(&self) -> impl Iterator<Item = CheckKind> + '_ {
        self.checks.iter().filter(|c| c.outcome == Tri::No).map(|c| c.check)
    }

    /// The facts the answer lacks: those of its unknown checks.
    pub fn missing(&self) -> FieldSet {
        lacking_of(&self.checks)
    }
}

/// The facts the unknown checks among `checks` lack.
fn lacking_of(checks: &[CheckResult]) -> FieldSet {
    checks.iter().filter(|c| c.outcome == Tri::Unknown).fold(FieldSet(0), |acc, c| acc | c.lacking)
}

/// The whole decision, compact: group answers by group index, then one outcome per subsidy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The date decided for.
    pub as_of: NaiveDate,
    /// For each group of the plan's eligibility rules (target groups and subsidy categories), in
    /// plan order: the answer and, when it is unknown, the facts it lacks.
    pub groups: Vec<(Tri, FieldSet)>,
    /// One outcome per subsidy, in the plan's order.
    pub subsidies: Vec<SubsidyOutcome>,
}

/// Evaluates a subsidy's conditions for one person and offer.
struct Checker<'a> {
    plan: &'a Plan,
    profile: &'a Profile,
    offer: &'a Offer,
    as_of: NaiveDate,
    groups: &'a [(Tri, FieldSet)],
    checks: Vec<CheckResult>,
}

impl Checker<'_> {
    fn push(&mut self, check: CheckKind, a: Answer) -> Tri {
        self.push_with(check, a, None, None, None)
    }

    fn push_with(
        &mut self,
        check: CheckKind,
        a: Answer,
        have: Option<u32>,
        need: Option<u32>,
        date: Option<NaiveDate>,
    ) -> Tri {
        self.checks.push(CheckResult { check, outcome: a.tri, lacking: a.lacking, have, need, date });
        a.tri
    }

    fn category(&self, v: &Version) -> Answer {
        v.categories.iter().fold(Answer::NO, |acc, &g| {
            let (tri, lacking) = self.groups[g];
            acc.or(Answer { tri, lacking })
        })
    }

    fn in_mask(&self, value: Option<usize>, mask: u64, f: F) -> Answer {
        Answer::known(value, f, |i| mask & (1 << i) != 0)
    }

    fn received(&self) -> Option<&[ReceivedSubsidy]> {
        self.profile.subsidies_received.as_deref()
    }

    fn count_received(&self, kind: SubsidyKind, same_year: bool) -> Option<u32> {
        self.received().map(|r| {
            r.iter().filter(|s| s.kind == kind && (!same_year || s.date.year() == self.as_of.year())).count() as u32
        })
    }

    /// Whether a received subsidy was for the offer's occupation.
    fn same_occupation(&self, s: &ReceivedSubsidy) -> Answer {
        match (&s.occupation, &self.offer.occupation) {
            (Some(a), Some(b)) => Answer::of(a == b),
            (None, _) => Answer::unknown(F::ReceivedOccupation),
            (_, None) => Answer::unknown(F::Occupation),
        }
    }

    /// Compares a received subsidy's level with the offer's: `test(received ordinal, offer ordinal)`.
    fn level_compare(&self, s: &ReceivedSubsidy, test: impl Fn(u32, u32) -> bool) -> Answer {
        let levels = self.plan.skill_levels();
        match (s.level, self.offer.target_level) {
            (Some(a), Some(b)) => Answer::of(test(levels[a].ordinal, levels[b].ordinal)),
            (None, _) => Answer::unknown(F::ReceivedLevel),
            (_, None) => Answer::unknown(F::TargetLevel),
        }
    }

    /// No received subsidy of `kind` satisfies `matches`.
    fn none_received(&self, kind: SubsidyKind, matches: impl Fn(&ReceivedSubsidy) -> Answer) -> Answer {
        match self.received() {
            None => Answer::unknown(F::Received),
            Some(r) => r.iter().filter(|s| s.kind == kind).fold(Answer::YES, |acc, s| acc.and(matches(s).not())),
        }
    }

    fn times_total(&mut self, kind: SubsidyKind, max: &Option<Param<u32>>) {
        if let Some(max) = max {
            let have = self.count_received(kind, false);
            let a = Answer::known(have, F::Received, |n| n < max.value);
            self.push_with(CheckKind::TimesTotal, a, have, Some(max.value), None);
        }
    }

    fn certificate_kind(&mut self, v: &Version) {
        let a = self.in_mask(self.offer.certificate_kind, v.certificate_kinds, F::CertificateKind);
        self.push(CheckKind::CertificateKind, a);
    }

    /// The amount row for the offer's level: `Ok(None)` when the level is known but has no amount.
    fn amount_row(&self, v: &Version) -> Result<Option<(Decimal, Option<u32>)>, Answer> {
        match self.offer.target_level {
            None => Err(Answer::unknown(F::TargetLevel)),
            Some(level) => Ok(v.amounts.iter().find(|(l, _, _)| *l == level).map(|(_, a, h)| (*a, *h))),
        }
    }

    fn training_subsidy(&mut self, v: &Version) -> Option<Decimal> {
        let p = &v.data.params;
        let cat = self.category(v);
        let employee = if v.employee_training_types != 0 {
            Answer::known(self.profile.employment, F::Employment, |e| e == Employment::Employed)
        } else {
            Answer::NO
        };
        self.push(CheckKind::Category, cat.or(employee));
        let as_member = cat.and(self.in_mask(self.offer.training_type, v.training_types, F::TrainingType));
        let as_employee =
            employee.and(self.in_mask(self.offer.training_type, v.employee_training_types, F::TrainingType));
        self.push(CheckKind::TrainingType, as_member.or(as_employee));
        self.certificate_kind(v);
        if p.require_listed_provider.as_ref().is_some_and(|x| x.value) {
            let a = Answer::known(self.offer.provider_listed, F::ProviderListed, |b| b);
            self.push(CheckKind::ListedProvider, a);
        }
        self.times_total(SubsidyKind::TrainingSubsidy, &p.max_times_total);
        p.amounts.as_ref()?;
        match self.amount_row(v) {
            Err(a) => {
                self.push(CheckKind::Hours, a);
                None
            }
            Ok(None) => None,
            Ok(Some((amount, min_hours))) => {
                if let Some(min) = min_hours {
                    let a = Answer::known(self.offer.hours, F::Hours, |h| h >= min);
                    self.push_with(CheckKind::Hours, a, self.offer.hours, Some(min), None);
                }
                Some(amount)
            }
        }
    }

    fn skill_upgrade(&mut self, v: &Version, certificate_date: NaiveDate) -> Option<Decimal> {
        let p = &v.data.params;
        let employed = Answer::known(self.profile.employment, F::Employment, |e| e == Employment::Employed);
        let recipient = if p.include_benefit_recipients.as_ref().is_some_and(|x| x.value) {
            Answer::known(self.profile.receiving_unemployment_benefit, F::ReceivingBenefit, |b| b)
        } else {
            Answer::NO
        };
        self.push(CheckKind::InsuredStatus, employed.or(recipient));
        let need = p.min_insurance_months.as_ref().map_or(0, |m| m.value);
        let have = self.profile.unemployment_insurance_months;
        self.push_with(
            CheckKind::InsuranceMonths,
            Answer::known(have, F::InsuranceMonths, |m| m >= need),
            have,
            Some(need),
            None,
        );
        self.certificate_kind(v);
        let amount = match self.amount_row(v) {
            Err(a) => {
                self.push(CheckKind::Level, a);
                None
            }
            Ok(row) => {
                self.push(CheckKind::Level, Answer::of(row.is_some()));
                row.map(|(a, _)| a)
            }
        };
        let months = p.apply_within_months.as_ref().map_or(12, |m| m.value);
        let deadline = certificate_date.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX);
        self.push_with(
            CheckKind::ApplicationWindow,
            Answer::of(self.as_of <= deadline),
            None,
            Some(months),
            Some(deadline),
        );
        if p.once_per_occupation_level.as_ref().is_some_and(|x| x.value) {
            let a = self.none_received(SubsidyKind::SkillUpgradeSubsidy, |s| {
                self.level_compare(s, |a, b| a == b).and(self.same_occupation(s))
            });
            self.push(CheckKind::OncePerOccupationLevel, a);
        }
        if p.no_lower_after_higher.as_ref().is_some_and(|x| x.value) {
            let a = self.none_received(SubsidyKind::SkillUpgradeSubsidy, |s| self.level_compare(s, |a, b| a > b));
            self.push(CheckKind::NoLowerAfterHigher, a);
        }
        if p.exclusive_with_training_subsidy.as_ref().is_some_and(|x| x.value) {
            let a = self.none_received(SubsidyKind::TrainingSubsidy, |s| {
                self.level_compare(s, |a, b| a == b).and(self.same_occupation(s))
            });
            self.push(CheckKind::ExclusiveWithTrainingSubsidy, a);
        }
        if let Some(per_year) = &p.per_year {
            let extra = p.per_year_extra_shortage.as_ref().map_or(0, |x| x.value);
            self.per_year_slots(per_year.value, extra);
        }
        amount
    }

    /// The yearly limit: `general` times for any certificate, and `extra` more for 急需紧缺
    /// occupations only. Unknown flags are tried both ways; the answer is known when both agree.
    fn per_year_slots(&mut self, general: u32, extra: u32) {
        let Some(received) = self.received() else {
            self.push_with(CheckKind::PerYear, Answer::unknown(F::Received), None, Some(general + extra), None);
            return;
        };
        // This year's 技能提升补贴: how many, how many not for 急需紧缺, how many without the flag.
        let (mut total, mut ordinary_known, mut flag_unknown) = (0u32, 0u32, 0u32);
        for s in
            received.iter().filter(|s| s.kind == SubsidyKind::SkillUpgradeSubsidy && s.date.year() == self.as_of.year())
        {
            total += 1;
            match s.shortage_occupation {
                Some(false) => ordinary_known += 1,
                Some(true) => {}
                None => flag_unknown += 1,
            }
        }
        let fits = |assume_shortage: bool, offer_shortage: bool| {
            let ordinary = ordinary_known + if assume_shortage { 0 } else { flag_unknown } + u32::from(!offer_shortage);
            total < general + extra && ordinary <= general
        };
        let unknown_received = flag_unknown > 0 && extra > 0;
        let offers: &[bool] = match self.offer.shortage_occupation {
            Some(b) => {
                if b {
                    &[true]
                } else {
                    &[false]
                }
            }
            None if extra > 0 => &[true, false],
            None => &[false],
        };
        let assumptions: &[bool] = if unknown_received { &[true, false] } else { &[false] };
        let outcomes = || offers.iter().flat_map(|&o| assumptions.iter().map(move |&a| fits(a, o)));
        let answer = if outcomes().all(|x| x) {
            Answer::YES
        } else if outcomes().all(|x| !x) {
            Answer::NO
        } else {
            let mut lacking = FieldSet(0);
            if offers.len() > 1 {
                lacking = lacking | FieldSet::one(F::Shortage);
            }
            if assumptions.len() > 1 {
                lacking = lacking | FieldSet::one(F::ReceivedShortage);
            }
            Answer { tri: Tri::Unknown, lacking }
        };
        let allowed = if self.offer.shortage_occupation == Some(true) { general + extra } else { general };
        self.push_with(CheckKind::PerYear, answer, Some(total), Some(allowed), None);
    }

    fn evaluation_subsidy(&mut self, v: &Version) {
        let p = &v.data.params;
        let cat = self.category(v);
        self.push(CheckKind::Category, cat);
        self.certificate_kind(v);
        if p.first_time_per_occupation.as_ref().is_some_and(|x| x.value) {
            let a = self.none_received(SubsidyKind::EvaluationSubsidy, |s| self.same_occupation(s));
            self.push(CheckKind::FirstTimeOccupation, a);
        }
        self.times_total(SubsidyKind::EvaluationSubsidy, &p.max_times_total);
    }

    fn living_allowance(&mut self, v: &Version) {
        let p = &v.data.params;
        let cat = self.category(v);
        self.push(CheckKind::Category, cat);
        let a = self.in_mask(self.offer.training_type, v.training_types, F::TrainingType);
        self.push(CheckKind::TrainingType, a);
        if let Some(per_year) = &p.per_year {
            let have = self.count_received(SubsidyKind::LivingAllowance, true);
            let a = Answer::known(have, F::Received, |n| n < per_year.value);
            self.push_with(CheckKind::PerYear, a, have, Some(per_year.value), None);
        }
        if p.not_with_unemployment_benefit.as_ref().is_some_and(|x| x.value) {
            let a = Answer::known(self.profile.receiving_unemployment_benefit, F::ReceivingBenefit, |b| !b);
            self.push(CheckKind::NotWithUnemploymentBenefit, a);
        }
    }

    fn subsidy(&mut self, s: &Subsidy) -> SubsidyOutcome {
        self.checks = Vec::with_capacity(10);
        let (version, status, amount) = self.evaluate(s);
        SubsidyOutcome { kind: s.rule.id, version, status, amount, checks: std::mem::take(&mut self.checks) }
    }

    /// Evaluates a subsidy's checks into `self.checks`: the version applied, the status and the amount.
    fn evaluate(&mut self, s: &Subsidy) -> (Option<usize>, Status, Option<Decimal>) {
        let (date, field) = match s.rule.date_basis {
            DateBasis::TrainingStart => (self.offer.start_date, F::StartDate),
            DateBasis::CertificateDate => (self.offer.certificate_date, F::CertificateDate),
        };
        let version = date.and_then(|d| s.versions.iter().position(|v| v.covers(d)));
        let in_force = match (date, version) {
            (None, _) => Answer::unknown(field),
            (Some(_), v) => Answer::of(v.is_some()),
        };
        self.push_with(CheckKind::RuleInForce, in_force, None, None, date);
        let mut amount = None;
        if let (Some(index), Some(date)) = (version, date) {
            let v = &s.versions[index];
            amount = match s.rule.id {
                SubsidyKind::TrainingSubsidy => self.training_subsidy(v),
                SubsidyKind::SkillUpgradeSubsidy => self.skill_upgrade(v, date),
                SubsidyKind::EvaluationSubsidy => {
                    self.evaluation_subsidy(v);
                    None
                }
                SubsidyKind::LivingAllowance => {
                    self.living_allowance(v);
                    None
                }
            };
        }
        let overall = self.checks.iter().fold(Tri::Yes, |acc, c| acc.and(c.outcome));
        let status = match overall {
            Tri::Yes => Status::Eligible,
            Tri::No => Status::NotEligible,
            Tri::Unknown => Status::Undetermined,
        };
        if status == Status::NotEligible {
            amount = None;
        }
        (version, status, amount)
    }
}

/// Decides, as of a date, which target groups a person is in and which subsidies they can get
/// for an offer. Refuses (`INVALID_PROFILE`, reason `future_date`) a profile whose birth date,
/// held certificates or received subsidies are dated after `as_of`.
pub fn decide(plan: &Plan, profile: &Profile, offer: &Offer, as_of: NaiveDate) -> Result<Decision, Error> {
    check_as_of(profile, as_of)?;
    let rules = plan.eligibility_rules();
    let groups: Vec<(Tri, FieldSet)> = rules
        .groups
        .iter()
        .map(|c| {
            let a = eval(c, profile, as_of);
            (a.tri, a.lacking)
        })
        .collect();
    let mut checker = Checker { plan, profile, offer, as_of, groups: &groups, checks: Vec::new() };
    let subsidies = rules.subsidies.iter().map(|s| checker.subsidy(s)).collect();
    Ok(Decision { as_of, groups, subsidies })
}

/// Buffers reused from one roster row to the next, so that deciding a row allocates nothing.
#[cfg(feature = "arrow")]
#[derive(Default)]
pub(crate) struct Scratch {
    groups: Vec<(Tri, FieldSet)>,
    checks: Vec<CheckResult>,
}

/// One subsidy's answer, compact: status, amount, the facts it lacks.
#[cfg(feature = "arrow")]
pub(crate) type Brief = (Status, Option<Decimal>, FieldSet);

#[cfg(feature = "arrow")]
/// [`decide`] without the per-check detail, for rosters: bit `g` of the first value is set
/// when the person is in group `g`; then one [`Brief`] per subsidy, in the plan's order.
pub(crate) fn decide_brief(
    plan: &Plan,
    profile: &Profile,
    offer: &Offer,
    as_of: NaiveDate,
    scratch: &mut Scratch,
) -> Result<(u64, [Option<Brief>; 4]), Error> {
    check_as_of(profile, as_of)?;
    let rules = plan.eligibility_rules();
    scratch.groups.clear();
    let mut members = 0u64;
    for (i, c) in rules.groups.iter().enumerate() {
        let a = eval(c, profile, as_of);
        if a.tri == Tri::Yes && i < 64 {
            members |= 1 << i;
        }
        scratch.groups.push((a.tri, a.lacking));
    }
    let mut checker =
        Checker { plan, profile, offer, as_of, groups: &scratch.groups, checks: std::mem::take(&mut scratch.checks) };
    let mut out = [None; 4];
    for (slot, s) in out.iter_mut().zip(&rules.subsidies) {
        checker.checks.clear();
        let (_, status, amount) = checker.evaluate(s);
        *slot = Some((status, amount, lacking_of(&checker.checks)));
    }
    scratch.checks = checker.checks;
    Ok((members, out))
}
