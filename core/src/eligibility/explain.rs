//! The sentences of an eligibility explanation, chosen from the message catalogue
//! (`core/messages/explanations.toml`, section `eligibility`) for a check's code, outcome and
//! numbers, a group membership's leaf conditions, or a fact to give. Nothing here decides: the
//! decision is made and read without any of it, and a sentence is rendered only when asked.

use chrono::Datelike;

use crate::basics::messages::{Arg, Lang, messages};
use crate::model::Label;
use crate::model::eligibility::{Employment, Hukou, SchoolKind, Sex};
use crate::plan::Plan;
use crate::plan::eligibility::Cond;

use super::decide::{CheckKind, CheckResult, Fact, Status, Tri, age_on, eval};
use super::profile::{Offer, Profile};

messages! {
    /// The eligibility section of the catalogue.
    pub(crate) enum Msg in "eligibility" {
        FactMissing = "fact.missing",
        LevelUnnamed = "level.unnamed",
        GroupStatus = "group.status",
        GroupEmployment = "group.employment",
        GroupFemale = "group.female",
        GroupMale = "group.male",
        GroupRural = "group.rural",
        GroupUrban = "group.urban",
        GroupGraduate = "group.graduate",
        GroupAge = "group.age",
        RuleYes = "rule_in_force.yes",
        RuleNo = "rule_in_force.no",
        RuleUnknown = "rule_in_force.unknown",
        RuleChange = "rule_in_force.change",
        CategoryYes = "category.yes",
        CategoryEmployee = "category.employee",
        CategoryNo = "category.no",
        CategoryUnknown = "category.unknown",
        CategoryChange = "category.change",
        TrainingTypeYes = "training_type.yes",
        TrainingTypeNo = "training_type.no",
        TrainingTypeUnknown = "training_type.unknown",
        TrainingTypeChange = "training_type.change",
        CertificateKindYes = "certificate_kind.yes",
        CertificateKindNo = "certificate_kind.no",
        CertificateKindUnknown = "certificate_kind.unknown",
        CertificateKindChange = "certificate_kind.change",
        ListedProviderYes = "listed_provider.yes",
        ListedProviderNo = "listed_provider.no",
        ListedProviderUnknown = "listed_provider.unknown",
        ListedProviderChange = "listed_provider.change",
        TimesTotalFound = "times_total.found",
        TimesTotalChange = "times_total.change",
        PerYearFound = "per_year.found",
        PerYearChange = "per_year.change",
        InsuredYes = "insured_status.yes",
        InsuredNo = "insured_status.no",
        InsuredUnknown = "insured_status.unknown",
        InsuredChange = "insured_status.change",
        MonthsFound = "insurance_months.found",
        MonthsUnknown = "insurance_months.unknown",
        MonthsChange = "insurance_months.change",
        LevelYes = "level_subsidised.yes",
        LevelNo = "level_subsidised.no",
        LevelUnknown = "level_subsidised.unknown",
        LevelChange = "level_subsidised.change",
        HoursFound = "hours.found",
        HoursUnknown = "hours.unknown",
        HoursChange = "hours.change",
        WindowFound = "application_window.found",
        WindowChange = "application_window.change",
        OnceYes = "once_per_occupation_level.yes",
        OnceNo = "once_per_occupation_level.no",
        OnceUnknown = "once_per_occupation_level.unknown",
        OnceChange = "once_per_occupation_level.change",
        LowerYes = "no_lower_after_higher.yes",
        LowerNo = "no_lower_after_higher.no",
        LowerUnknown = "no_lower_after_higher.unknown",
        LowerChange = "no_lower_after_higher.change",
        ExclusiveYes = "exclusive_with_training_subsidy.yes",
        ExclusiveNo = "exclusive_with_training_subsidy.no",
        ExclusiveUnknown = "exclusive_with_training_subsidy.unknown",
        ExclusiveChange = "exclusive_with_training_subsidy.change",
        FirstYes = "first_time_occupation.yes",
        FirstNo = "first_time_occupation.no",
        FirstUnknown = "first_time_occupation.unknown",
        FirstChange = "first_time_occupation.change",
        BenefitYes = "not_with_unemployment_benefit.yes",
        BenefitNo = "not_with_unemployment_benefit.no",
        BenefitUnknown = "not_with_unemployment_benefit.unknown",
        BenefitChange = "not_with_unemployment_benefit.change",
        TextEligible = "text.eligible",
        TextNotEligible = "text.not_eligible",
        TextUndetermined = "text.undetermined",
        TextSubsidy = "text.subsidy",
        TextAmount = "text.amount",
        TextVersion = "text.version",
        TextCheck = "text.check",
        TextToQualify = "text.to_qualify",
        TextGroups = "text.groups",
        TextNoGroups = "text.no_groups",
    }
}

/// The placeholders the section's templates may use.
#[cfg(test)]
pub(crate) const PLACEHOLDERS: &[&str] = &[
    "field",
    "name",
    "employment",
    "year",
    "school",
    "age",
    "min",
    "max",
    "date",
    "groups",
    "have",
    "need",
    "level",
    "status",
    "amount",
    "version",
    "source",
    "mark",
    "text",
];

/// In one language, or in both as a [`Label`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Tongue {
    One(Lang),
    Both,
}

/// A rendered sentence: one language's text, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Said {
    One(String),
    Both(Label),
}

impl Said {
    pub(crate) fn label(self) -> Label {
        match self {
            Said::Both(l) => l,
            Said::One(t) => Label { zh: t.clone(), en: t },
        }
    }

    pub(crate) fn text(self) -> String {
        match self {
            Said::One(t) => t,
            Said::Both(l) => l.zh,
        }
    }
}

impl Msg {
    pub(crate) fn say(self, tongue: Tongue, args: &[(&str, Arg<'_>)]) -> Said {
        match tongue {
            Tongue::One(lang) => Said::One(self.render(lang, args)),
            Tongue::Both => {
                let [zh, en] = self.both(args);
                Said::Both(Label { zh, en })
            }
        }
    }
}

/// Which sentence of a check: what it found, or what would change a "no".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Found,
    Change,
}

fn pick(outcome: Tri, yes: Msg, no: Msg, unknown: Msg) -> Msg {
    match outcome {
        Tri::Yes => yes,
        Tri::No => no,
        Tri::Unknown => unknown,
    }
}

/// What a check found (`Part::Found`) or what would change it (`Part::Change`, only for a
/// "no"); `categories` are the version's groups, `members` those the person is in.
pub(crate) fn check_sentence(
    plan: &Plan,
    categories: &[usize],
    members: &[usize],
    offer: &Offer,
    c: &CheckResult,
    part: Part,
    tongue: Tongue,
) -> Said {
    let have = Arg::Num(i64::from(c.have.unwrap_or(0)));
    let need = Arg::Num(i64::from(c.need.unwrap_or(0)));
    let date = c.date.map(|d| d.to_string()).unwrap_or_default();
    let date = Arg::Text(&date);
    let o = c.outcome;
    let found = part == Part::Found;
    let unnamed;
    let level = match offer.target_level {
        Some(l) => {
            let n = &plan.skill_levels()[l].name;
            Arg::Both(&n.zh, &n.en)
        }
        None => {
            unnamed = Msg::LevelUnnamed.both(&[]);
            Arg::Both(&unnamed[0], &unnamed[1])
        }
    };
    let say = |m: Msg, args: &[(&str, Arg<'_>)]| m.say(tongue, args);
    let plain = |yes, no, unknown, change| say(if found { pick(o, yes, no, unknown) } else { change }, &[]);
    match c.check {
        CheckKind::RuleInForce if found => say(pick(o, Msg::RuleYes, Msg::RuleNo, Msg::RuleUnknown), &[("date", date)]),
        CheckKind::RuleInForce => say(Msg::RuleChange, &[]),
        CheckKind::Category => {
            let names = group_names(plan, if found && o == Tri::Yes { members } else { categories });
            let employee;
            let names = if found && o == Tri::Yes && names.is_empty() {
                employee = Msg::CategoryEmployee.both(&[]);
                vec![(employee[0].as_str(), employee[1].as_str())]
            } else {
                names
            };
            let m = if found {
                pick(o, Msg::CategoryYes, Msg::CategoryNo, Msg::CategoryUnknown)
            } else {
                Msg::CategoryChange
            };
            say(m, &[("groups", Arg::List(&names))])
        }
        CheckKind::TrainingType => {
            plain(Msg::TrainingTypeYes, Msg::TrainingTypeNo, Msg::TrainingTypeUnknown, Msg::TrainingTypeChange)
        }
        CheckKind::CertificateKind => plain(
            Msg::CertificateKindYes,
            Msg::CertificateKindNo,
            Msg::CertificateKindUnknown,
            Msg::CertificateKindChange,
        ),
        CheckKind::ListedProvider => {
            plain(Msg::ListedProviderYes, Msg::ListedProviderNo, Msg::ListedProviderUnknown, Msg::ListedProviderChange)
        }
        CheckKind::TimesTotal => {
            say(if found { Msg::TimesTotalFound } else { Msg::TimesTotalChange }, &[("have", have), ("need", need)])
        }
        CheckKind::PerYear => {
            say(if found { Msg::PerYearFound } else { Msg::PerYearChange }, &[("have", have), ("need", need)])
        }
        CheckKind::InsuredStatus => plain(Msg::InsuredYes, Msg::InsuredNo, Msg::InsuredUnknown, Msg::InsuredChange),
        CheckKind::InsuranceMonths => {
            let m = match (found, o) {
                (false, _) => Msg::MonthsChange,
                (true, Tri::Unknown) => Msg::MonthsUnknown,
                (true, _) => Msg::MonthsFound,
            };
            say(m, &[("have", have), ("need", need)])
        }
        CheckKind::Level => {
            let m = if found { pick(o, Msg::LevelYes, Msg::LevelNo, Msg::LevelUnknown) } else { Msg::LevelChange };
            say(m, &[("level", level)])
        }
        CheckKind::Hours => {
            let m = match (found, o) {
                (false, _) => Msg::HoursChange,
                (true, Tri::Unknown) => Msg::HoursUnknown,
                (true, _) => Msg::HoursFound,
            };
            say(m, &[("level", level), ("have", have), ("need", need)])
        }
        CheckKind::ApplicationWindow => {
            say(if found { Msg::WindowFound } else { Msg::WindowChange }, &[("need", need), ("date", date)])
        }
        CheckKind::OncePerOccupationLevel => plain(Msg::OnceYes, Msg::OnceNo, Msg::OnceUnknown, Msg::OnceChange),
        CheckKind::NoLowerAfterHigher => plain(Msg::LowerYes, Msg::LowerNo, Msg::LowerUnknown, Msg::LowerChange),
        CheckKind::ExclusiveWithTrainingSubsidy => {
            plain(Msg::ExclusiveYes, Msg::ExclusiveNo, Msg::ExclusiveUnknown, Msg::ExclusiveChange)
        }
        CheckKind::FirstTimeOccupation => plain(Msg::FirstYes, Msg::FirstNo, Msg::FirstUnknown, Msg::FirstChange),
        CheckKind::NotWithUnemploymentBenefit => {
            plain(Msg::BenefitYes, Msg::BenefitNo, Msg::BenefitUnknown, Msg::BenefitChange)
        }
    }
}

/// The names of groups, by index, in Chinese and English.
fn group_names<'p>(plan: &'p Plan, indexes: &[usize]) -> Vec<(&'p str, &'p str)> {
    let groups = plan.eligibility().map(|e| e.groups.as_slice()).unwrap_or(&[]);
    indexes.iter().filter_map(|&g| groups.get(g)).map(|g| (g.name.zh.as_str(), g.name.en.as_str())).collect()
}

/// "Give this fact."
pub(crate) fn fact_sentence(field: Fact, tongue: Tongue) -> Said {
    Msg::FactMissing.say(tongue, &[("field", Arg::Text(field.as_str()))])
}

/// Why a met condition is met, leaf by leaf.
pub(crate) fn reasons(
    plan: &Plan,
    c: &Cond,
    p: &Profile,
    as_of: chrono::NaiveDate,
    tongue: Tongue,
    out: &mut Vec<Said>,
) {
    if eval(c, p, as_of).tri != Tri::Yes {
        return;
    }
    match c {
        Cond::All(items) | Cond::Any(items) => items.iter().for_each(|x| reasons(plan, x, p, as_of, tongue, out)),
        Cond::Status(mask) => {
            let statuses = plan.eligibility().map(|e| e.statuses.as_slice()).unwrap_or(&[]);
            for (i, s) in statuses.iter().enumerate() {
                if mask & p.statuses.unwrap_or(0) & (1 << i) != 0 {
                    out.push(Msg::GroupStatus.say(tongue, &[("name", Arg::Both(&s.name.zh, &s.name.en))]));
                }
            }
        }
        Cond::Employment(_) => {
            let e = p.employment.unwrap_or(Employment::Employed);
            let en = e.as_str().replace('_', " ");
            out.push(Msg::GroupEmployment.say(tongue, &[("employment", Arg::Both(e.zh(), &en))]));
        }
        Cond::Sex(_) => {
            out.push(if p.sex == Some(Sex::Female) { Msg::GroupFemale } else { Msg::GroupMale }.say(tongue, &[]))
        }
        Cond::Hukou(_) => {
            out.push(if p.hukou == Some(Hukou::Rural) { Msg::GroupRural } else { Msg::GroupUrban }.say(tongue, &[]))
        }
        Cond::Graduated { .. } => {
            let school = p.school_type.unwrap_or(SchoolKind::University);
            let en = school.as_str().replace('_', " ");
            out.push(
                Msg::GroupGraduate.say(
                    tongue,
                    &[("year", Arg::Num(i64::from(as_of.year()))), ("school", Arg::Both(school.zh(), &en))],
                ),
            );
        }
        Cond::Age(range) => {
            let age = p.birth_date.map_or(0, |b| age_on(b, as_of));
            out.push(Msg::GroupAge.say(
                tongue,
                &[
                    ("age", Arg::Num(i64::from(age))),
                    ("min", Arg::Num(i64::from(range.min))),
                    ("max", Arg::Num(i64::from(range.max))),
                ],
            ));
        }
    }
}

/// A status in words.
pub(crate) fn status_word(status: Status, lang: Lang) -> String {
    match status {
        Status::Eligible => Msg::TextEligible,
        Status::NotEligible => Msg::TextNotEligible,
        Status::Undetermined => Msg::TextUndetermined,
    }
    .render(lang, &[])
}

/// The mark of a check's outcome in a text explanation.
pub(crate) fn mark(outcome: Tri) -> &'static str {
    match outcome {
        Tri::Yes => "✓",
        Tri::No => "✗",
        Tri::Unknown => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_a_template() {
        crate::basics::messages::tests::check_section(Msg::SECTION, Msg::KEYS, PLACEHOLDERS);
    }
}
