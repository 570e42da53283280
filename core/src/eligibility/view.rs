//! What a host shows of a decision: names, clause references, sources, what each check found
//! and what would change the answer, in Chinese and English. Every binding serialises this one
//! structure (or mirrors it field for field), so the explanations are the same everywhere.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::basics::closed_set::closed_set;
use crate::basics::{date_text, decimal_text};
use crate::model::Label;
use crate::model::eligibility::SubsidyKind;
use crate::plan::Plan;

use super::decide::{CheckKind, Decision, Fact, FieldSet, Status, Tri};
use super::explain::{Msg, Part, Said, Tongue, check_sentence, fact_sentence, mark, reasons, status_word};
use super::profile::{Offer, Profile};
use crate::basics::messages::{Arg, Lang};

closed_set! {
    /// Whether a person is in a target group.
    pub enum GroupStatus {
        /// The person is in the group.
        Member = "member",
        /// The facts given cannot settle it.
        Undetermined = "undetermined",
    }
}

closed_set! {
    /// What would turn an answer to "eligible".
    pub enum RequirementKind {
        /// Something to change (another training, more insurance months, …).
        Change = "change",
        /// A fact to give.
        Fact = "fact",
    }
}

/// A target group of the plan the person is in, or may be in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct GroupView {
    /// The group's id in the plan.
    pub id: String,
    /// The group's name, in Chinese and English.
    pub name: Label,
    /// The plan clause that names the group, e.g. `（三）`.
    pub clause: String,
    /// A member, or undetermined.
    pub status: GroupStatus,
    /// Why the person is a member.
    pub reasons: Vec<Label>,
    /// The facts that would settle an undetermined membership.
    pub missing_facts: Vec<Fact>,
}

/// One check of a subsidy rule, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct CheckView {
    /// What was checked.
    pub check: CheckKind,
    /// Yes, no, or unknown for want of a fact.
    pub outcome: Tri,
    /// What the check found, in Chinese and English.
    pub explanation: Label,
}

/// Something that would turn the answer to "eligible": a change (`kind = "change"`) or a fact
/// to supply (`kind = "fact"`, with its `field`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Requirement {
    /// The check it would settle.
    pub check: CheckKind,
    /// A change, or a fact to give.
    pub kind: RequirementKind,
    /// The fact to give, by its path; only for `kind = "fact"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Fact>,
    /// What to do, in Chinese and English.
    pub explanation: Label,
}

/// A value the answer rests on that is a documented default rather than a confirmed fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Unconfirmed {
    /// The rule parameter, e.g. `amounts`; `version` for the rule version itself.
    pub parameter: String,
    /// Why the value is not confirmed.
    pub note: String,
}

/// The rule version applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct VersionView {
    /// The version's id, e.g. `2025`.
    pub id: String,
    /// First day in force.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub from: chrono::NaiveDate,
    /// Last day in force; `None` when open-ended.
    #[serde(with = "date_text::option")]
    #[schemars(with = "Option<crate::basics::date_text::DateText>")]
    pub to: Option<chrono::NaiveDate>,
    /// The documents the version follows.
    pub source: String,
}

/// The answer for one subsidy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SubsidyView {
    /// Which of the four subsidies.
    pub id: SubsidyKind,
    /// The subsidy's name, in Chinese and English.
    pub name: Label,
    /// Eligible, not eligible, or undetermined.
    pub status: Status,
    /// Yuan, as an exact decimal string, where the rules define an amount.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub amount: Option<Decimal>,
    /// The fund that pays it.
    pub fund: Label,
    /// The plan's clauses, e.g. `（二十五）`.
    pub clauses: Vec<String>,
    /// The rule version applied; `None` when the date that chooses it is not given or no version covers it.
    pub version: Option<VersionView>,
    /// Every check made, explained, in order.
    pub checks: Vec<CheckView>,
    /// For "not eligible" and "undetermined": the changes and facts that would make it "eligible".
    pub to_qualify: Vec<Requirement>,
    /// The facts the answer lacks, by path.
    pub missing_facts: Vec<Fact>,
    /// The values of the version applied that are documented defaults, not confirmed facts.
    pub unconfirmed: Vec<Unconfirmed>,
}

/// A decision as a host shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct DecisionView {
    /// The date decided for.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub as_of: chrono::NaiveDate,
    /// The plan's target groups the person is in or may be in, in plan order.
    pub target_groups: Vec<GroupView>,
    /// One answer per subsidy asked for (all by default), in the plan's order.
    pub subsidies: Vec<SubsidyView>,
}

impl Decision {
    /// The decision with names, sources and explanations, for a host to show.
    pub fn view(&self, plan: &Plan, profile: &Profile, offer: &Offer) -> DecisionView {
        self.view_of(plan, profile, offer, &[])
    }

    /// [`Decision::view`] for `only` the subsidies named (all when empty): the explanations of
    /// the others are not written.
    pub fn view_of(&self, plan: &Plan, profile: &Profile, offer: &Offer, only: &[SubsidyKind]) -> DecisionView {
        let at = At { plan, decision: self, profile, offer };
        DecisionView {
            as_of: self.as_of,
            target_groups: at.groups(),
            subsidies: (0..self.subsidies.len())
                .filter(|&i| only.is_empty() || only.contains(&self.subsidies[i].kind))
                .map(|i| at.subsidy(i))
                .collect(),
        }
    }
}

/// A decision with what it was made from, borrowed: everything an explanation reads.
#[derive(Clone, Copy)]
struct At<'a> {
    plan: &'a Plan,
    decision: &'a Decision,
    profile: &'a Profile,
    offer: &'a Offer,
}

impl<'a> At<'a> {
    fn groups(&self) -> Vec<GroupView> {
        let Some(data) = self.plan.eligibility() else { return Vec::new() };
        let rules = self.plan.eligibility_rules();
        let mut out = Vec::new();
        for (i, g) in data.groups.iter().enumerate() {
            let (Some(clause), (tri, lacking)) = (&g.clause, self.decision.groups[i]) else { continue };
            if tri == Tri::No {
                continue;
            }
            let mut why = Vec::new();
            if tri == Tri::Yes {
                reasons(self.plan, &rules.groups[i], self.profile, self.decision.as_of, Tongue::Both, &mut why);
            }
            out.push(GroupView {
                id: g.id.clone(),
                name: g.name.clone(),
                clause: clause.clone(),
                status: if tri == Tri::Yes { GroupStatus::Member } else { GroupStatus::Undetermined },
                reasons: why.into_iter().map(Said::label).collect(),
                missing_facts: lacking.facts().collect(),
            });
        }
        out
    }

    /// The version's categories and those the person is in.
    fn categories(&self, index: usize) -> (&'a [usize], Vec<usize>) {
        let o = &self.decision.subsidies[index];
        let s = &self.plan.eligibility_rules().subsidies[index];
        let categories = o.version.map_or(&[][..], |v| s.versions[v].categories.as_slice());
        let members = categories.iter().copied().filter(|&g| self.decision.groups[g].0 == Tri::Yes).collect();
        (categories, members)
    }

    /// What check `k` of subsidy `index` found, or what would change it.
    fn check_sentence(&self, index: usize, k: usize, part: Part, tongue: Tongue) -> Option<Said> {
        let c = self.decision.subsidies.get(index)?.checks.get(k)?;
        let (categories, members) = self.categories(index);
        Some(check_sentence(self.plan, categories, &members, self.offer, c, part, tongue))
    }

    fn subsidy(&self, index: usize) -> SubsidyView {
        let o = &self.decision.subsidies[index];
        let s = &self.plan.eligibility_rules().subsidies[index];
        let version = o.version.map(|v| &s.versions[v]);
        let (categories, members) = self.categories(index);
        let mut checks = Vec::with_capacity(o.checks.len());
        let mut to_qualify = Vec::new();
        let mut missing = FieldSet::default();
        for c in &o.checks {
            let say = |part| check_sentence(self.plan, categories, &members, self.offer, c, part, Tongue::Both).label();
            let check = c.check;
            checks.push(CheckView { check, outcome: c.outcome, explanation: say(Part::Found) });
            match c.outcome {
                Tri::No => to_qualify.push(Requirement {
                    check,
                    kind: RequirementKind::Change,
                    field: None,
                    explanation: say(Part::Change),
                }),
                Tri::Unknown => {
                    missing = missing | c.lacking;
                    for field in c.lacking.facts() {
                        to_qualify.push(Requirement {
                            check,
                            kind: RequirementKind::Fact,
                            field: Some(field),
                            explanation: fact_sentence(field, Tongue::Both).label(),
                        });
                    }
                }
                Tri::Yes => {}
            }
        }
        let mut unconfirmed = Vec::new();
        if let Some(v) = version {
            if let Some(note) = &v.data.unconfirmed {
                unconfirmed.push(Unconfirmed { parameter: "version".into(), note: note.clone() });
            }
            unconfirmed.extend(
                v.data
                    .params
                    .unconfirmed_notes()
                    .into_iter()
                    .map(|(p, n)| Unconfirmed { parameter: p.to_owned(), note: n.to_owned() }),
            );
        }
        SubsidyView {
            id: s.rule.id,
            name: s.rule.name.clone(),
            status: o.status,
            amount: o.amount,
            fund: s.rule.fund.clone(),
            clauses: s.rule.clauses.clone(),
            version: version.map(|v| VersionView {
                id: v.data.id.clone(),
                from: v.data.from,
                to: v.data.to,
                source: v.data.source.clone(),
            }),
            checks,
            to_qualify,
            missing_facts: missing.facts().collect(),
            unconfirmed,
        }
    }

    /// Subsidy `index` as text in one language: its status and amount, the rule version, each
    /// check with its mark, and what would make it eligible.
    fn subsidy_text(&self, index: usize, lang: Lang, out: &mut String) {
        let o = &self.decision.subsidies[index];
        let s = &self.plan.eligibility_rules().subsidies[index];
        let name = if lang == Lang::Zh { &s.rule.name.zh } else { &s.rule.name.en };
        let status = status_word(o.status, lang);
        let amount = o.amount.map(|a| a.to_string());
        let head = match &amount {
            Some(a) => Msg::TextAmount
                .render(lang, &[("name", Arg::Text(name)), ("status", Arg::Text(&status)), ("amount", Arg::Text(a))]),
            None => Msg::TextSubsidy.render(lang, &[("name", Arg::Text(name)), ("status", Arg::Text(&status))]),
        };
        out.push_str(&head);
        out.push('\n');
        if let Some(v) = o.version.map(|v| &s.versions[v]) {
            out.push_str(
                &Msg::TextVersion
                    .render(lang, &[("version", Arg::Text(&v.data.id)), ("source", Arg::Text(&v.data.source))]),
            );
            out.push('\n');
        }
        let (categories, members) = self.categories(index);
        let tongue = Tongue::One(lang);
        for c in &o.checks {
            let text = check_sentence(self.plan, categories, &members, self.offer, c, Part::Found, tongue).text();
            let line = Msg::TextCheck.render(lang, &[("mark", Arg::Text(mark(c.outcome))), ("text", Arg::Text(&text))]);
            out.push_str(&line);
            out.push('\n');
        }
        for c in &o.checks {
            let wanted: Vec<String> = match c.outcome {
                Tri::No => {
                    vec![check_sentence(self.plan, categories, &members, self.offer, c, Part::Change, tongue).text()]
                }
                Tri::Unknown => c.lacking.facts().map(|f| fact_sentence(f, tongue).text()).collect(),
                Tri::Yes => Vec::new(),
            };
            for text in wanted {
                out.push_str(&Msg::TextToQualify.render(lang, &[("text", Arg::Text(&text))]));
                out.push('\n');
            }
        }
    }

    fn text(&self, lang: Lang, only: &[SubsidyKind]) -> String {
        let mut out = String::new();
        let groups: Vec<(&str, &str)> = self
            .plan
            .eligibility()
            .map(|e| e.groups.as_slice())
            .unwrap_or(&[])
            .iter()
            .zip(&self.decision.groups)
            .filter(|(g, (tri, _))| g.clause.is_some() && *tri == Tri::Yes)
            .map(|(g, _)| (g.name.zh.as_str(), g.name.en.as_str()))
            .collect();
        out.push_str(&if groups.is_empty() {
            Msg::TextNoGroups.render(lang, &[])
        } else {
            Msg::TextGroups.render(lang, &[("groups", Arg::List(&groups))])
        });
        out.push('\n');
        for (i, o) in self.decision.subsidies.iter().enumerate() {
            if only.is_empty() || only.contains(&o.kind) {
                self.subsidy_text(i, lang, &mut out);
            }
        }
        out
    }
}

/// A decision with the profile and offer it was made for. Its answer (statuses, amounts,
/// versions, check codes with their numbers, missing facts) is read from [`Decided::decision`]
/// without rendering a word; the explanations are rendered from the message catalogue only
/// when one of the `explain` or `view` calls asks, for the whole decision, one subsidy or one
/// check. This is what every binding holds behind its result object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    /// The compact answer.
    pub decision: Decision,
    /// The profile decided for.
    pub profile: Profile,
    /// The offer decided for (shared by the decisions of one batch).
    pub offer: std::sync::Arc<Offer>,
    /// The subsidies asked for (all when empty): the views and texts show only these.
    pub only: Vec<SubsidyKind>,
}

impl Decided {
    fn at<'a>(&'a self, plan: &'a Plan) -> At<'a> {
        At { plan, decision: &self.decision, profile: &self.profile, offer: &self.offer }
    }

    /// The positions in [`Decision::subsidies`] of the subsidies asked for, in the plan's order.
    pub fn shown(&self) -> impl Iterator<Item = usize> + '_ {
        let only = &self.only;
        self.decision
            .subsidies
            .iter()
            .enumerate()
            .filter(move |(_, o)| only.is_empty() || only.contains(&o.kind))
            .map(|(i, _)| i)
    }

    /// The position of `kind` in [`Decision::subsidies`], when it was asked for.
    pub fn position(&self, kind: SubsidyKind) -> Option<usize> {
        self.shown().find(|&i| self.decision.subsidies[i].kind == kind)
    }

    /// The whole explained decision: the form of the JSON and of `to_dict()` / `toJSON()`.
    pub fn view(&self, plan: &Plan) -> DecisionView {
        self.decision.view_of(plan, &self.profile, &self.offer, &self.only)
    }

    /// The target groups, explained.
    pub fn groups_view(&self, plan: &Plan) -> Vec<GroupView> {
        self.at(plan).groups()
    }

    /// Subsidy `index` (a position in [`Decision::subsidies`]), explained.
    pub fn subsidy_view(&self, plan: &Plan, index: usize) -> Option<SubsidyView> {
        (index < self.decision.subsidies.len()).then(|| self.at(plan).subsidy(index))
    }

    /// What check `check` of subsidy `index` found, in both languages.
    pub fn check_explanation(&self, plan: &Plan, index: usize, check: usize) -> Option<Label> {
        self.at(plan).check_sentence(index, check, Part::Found, Tongue::Both).map(Said::label)
    }

    /// What check `check` of subsidy `index` found, in one language.
    pub fn explain_check(&self, plan: &Plan, index: usize, check: usize, lang: Lang) -> Option<String> {
        self.at(plan).check_sentence(index, check, Part::Found, Tongue::One(lang)).map(Said::text)
    }

    /// Subsidy `index` as text in one language.
    pub fn explain_subsidy(&self, plan: &Plan, index: usize, lang: Lang) -> Option<String> {
        if index >= self.decision.subsidies.len() {
            return None;
        }
        let mut out = String::new();
        self.at(plan).subsidy_text(index, lang, &mut out);
        Some(out)
    }

    /// The whole decision as text in one language: the target groups, then each subsidy asked for.
    pub fn explain(&self, plan: &Plan, lang: Lang) -> String {
        self.at(plan).text(lang, &self.only)
    }

    /// The summary: the answer without explanations.
    pub fn summary(&self, plan: &Plan) -> DecisionSummary {
        self.decision.summary(plan, &self.only)
    }

    /// The checks of subsidy `index` as codes with their numbers; empty for another index.
    pub fn check_codes(&self, index: usize) -> Vec<CheckCode> {
        let checks = self.decision.subsidies.get(index).map_or(&[][..], |o| o.checks.as_slice());
        checks
            .iter()
            .map(|c| CheckCode {
                check: c.check,
                outcome: c.outcome,
                have: c.have,
                need: c.need,
                date: c.date,
                missing_facts: c.lacking.facts().collect(),
            })
            .collect()
    }

    /// The position in [`Decision::subsidies`] of the subsidy written `id`, for a host that
    /// names it as text. `INVALID_OPTIONS` at `subsidy` for an id that is not one asked for.
    pub fn position_of(&self, id: &str) -> Result<usize, crate::Error> {
        SubsidyKind::parse(id).and_then(|k| self.position(k)).ok_or_else(|| {
            crate::error::OptionsError { path: "subsidy".into(), message: "not a subsidy of this decision".into() }
                .into()
        })
    }

    /// The id of the rule version subsidy `index` was decided under, e.g. `2025`.
    pub fn version_id<'p>(&self, plan: &'p Plan, index: usize) -> Option<&'p str> {
        let v = self.decision.subsidies.get(index)?.version?;
        Some(plan.eligibility_rules().subsidies.get(index)?.versions.get(v)?.data.id.as_str())
    }
}

/// One check of a subsidy as a code with its numbers: what it checked, the outcome, the figures
/// it compared and the facts an unknown outcome lacks. No words: [`Decided::check_explanation`]
/// renders them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct CheckCode {
    /// What was checked.
    pub check: CheckKind,
    /// Yes, no, or unknown for want of a fact.
    pub outcome: Tri,
    /// The figure found, where one is compared (months, hours, payments received).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub have: Option<u32>,
    /// The figure required or allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub need: Option<u32>,
    /// The date that chose the rule version, or the last day of the application window.
    #[serde(skip_serializing_if = "Option::is_none", with = "date_text::option")]
    #[schemars(with = "Option<crate::basics::date_text::DateText>")]
    pub date: Option<chrono::NaiveDate>,
    /// The facts an unknown outcome lacks, by path.
    pub missing_facts: Vec<Fact>,
}

/// One subsidy's answer without explanations: what a high-volume caller stores or sends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SubsidySummary {
    /// Which of the four subsidies.
    pub id: SubsidyKind,
    /// Eligible, not eligible, or undetermined.
    pub status: Status,
    /// Yuan, as an exact decimal string, where the rules define an amount.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub amount: Option<Decimal>,
    /// The id of the rule version applied.
    pub version: Option<String>,
    /// The checks that failed.
    pub failed: Vec<CheckKind>,
    /// The facts the answer lacks, by path.
    pub missing_facts: Vec<Fact>,
}

/// A decision without explanations: member target groups and each subsidy's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct DecisionSummary {
    /// The date decided for.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub as_of: chrono::NaiveDate,
    /// Ids of the plan's target groups the person is in (undetermined ones are left out).
    pub target_groups: Vec<String>,
    /// One answer per subsidy asked for (all by default), in the plan's order.
    pub subsidies: Vec<SubsidySummary>,
}

impl Decision {
    /// The decision without explanations, for `only` the subsidies named (all when empty).
    pub fn summary(&self, plan: &Plan, only: &[SubsidyKind]) -> DecisionSummary {
        let rules = plan.eligibility_rules();
        let groups = plan.eligibility().map(|e| e.groups.as_slice()).unwrap_or(&[]);
        DecisionSummary {
            as_of: self.as_of,
            target_groups: groups
                .iter()
                .zip(&self.groups)
                .filter(|(g, (tri, _))| g.clause.is_some() && *tri == Tri::Yes)
                .map(|(g, _)| g.id.clone())
                .collect(),
            subsidies: self
                .subsidies
                .iter()
                .zip(&rules.subsidies)
                .filter(|(o, _)| only.is_empty() || only.contains(&o.kind))
                .map(|(o, s)| SubsidySummary {
                    id: o.kind,
                    status: o.status,
                    amount: o.amount,
                    version: o.version.map(|v| s.versions[v].data.id.clone()),
                    failed: o.failed().collect(),
                    missing_facts: o.missing().facts().collect(),
                })
                .collect(),
        }
    }
}
