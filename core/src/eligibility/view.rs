//! What a host shows of a decision: names, clause references, sources, what each check found
//! and what would change the answer, in Chinese and English. Every binding serialises this one
//! structure (or mirrors it field for field), so the explanations are the same everywhere.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::basics::closed_set::closed_set;
use crate::basics::{date_text, decimal_text};
use crate::model::Label;
use crate::model::eligibility::{Employment, Hukou, SchoolKind, Sex, SubsidyKind};
use crate::plan::Plan;
use crate::plan::eligibility::Cond;

use super::decide::{CheckKind, CheckResult, Decision, Fact, FieldSet, Status, Tri, age_on, eval};
use super::profile::{Offer, Profile};

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

fn label(zh: impl Into<String>, en: impl Into<String>) -> Label {
    Label { zh: zh.into(), en: en.into() }
}

/// Why a met condition is met, leaf by leaf.
fn reasons(plan: &Plan, c: &Cond, p: &Profile, as_of: chrono::NaiveDate, out: &mut Vec<Label>) {
    if eval(c, p, as_of).tri != Tri::Yes {
        return;
    }
    match c {
        Cond::All(items) | Cond::Any(items) => items.iter().for_each(|x| reasons(plan, x, p, as_of, out)),
        Cond::Status(mask) => {
            let statuses = plan.eligibility().map(|e| e.statuses.as_slice()).unwrap_or(&[]);
            for (i, s) in statuses.iter().enumerate() {
                if mask & p.statuses.unwrap_or(0) & (1 << i) != 0 {
                    out.push(label(format!("身份：{}", s.name.zh), format!("status: {}", s.name.en)));
                }
            }
        }
        Cond::Employment(_) => {
            let e = p.employment.unwrap_or(Employment::Employed);
            out.push(label(format!("就业状态：{}", e.zh()), format!("employment: {}", e.as_str().replace('_', " "))));
        }
        Cond::Sex(_) => {
            out.push(if p.sex == Some(Sex::Female) { label("女性", "a woman") } else { label("男性", "a man") })
        }
        Cond::Hukou(_) => out.push(if p.hukou == Some(Hukou::Rural) {
            label("农村户籍", "rural hukou")
        } else {
            label("城镇户籍", "urban hukou")
        }),
        Cond::Graduated { .. } => {
            let school = p.school_type.unwrap_or(SchoolKind::University);
            let year = chrono::Datelike::year(&as_of);
            out.push(label(
                format!("{year}年（毕业年度）{}毕业", school.zh()),
                format!("graduates in {year} (the graduation year) from a {}", school.as_str().replace('_', " ")),
            ));
        }
        Cond::Age(range) => {
            let age = p.birth_date.map_or(0, |b| age_on(b, as_of));
            out.push(label(
                format!("年龄{age}岁（{}–{}岁）", range.min, range.max),
                format!("aged {age} ({}–{})", range.min, range.max),
            ));
        }
    }
}

/// The names of a version's categories, joined.
fn category_names(plan: &Plan, categories: &[usize]) -> (String, String) {
    let groups = plan.eligibility().map(|e| e.groups.as_slice()).unwrap_or(&[]);
    let zh: Vec<&str> = categories.iter().map(|&g| groups[g].name.zh.as_str()).collect();
    let en: Vec<&str> = categories.iter().map(|&g| groups[g].name.en.as_str()).collect();
    (zh.join("、"), en.join("; "))
}

fn level_name(plan: &Plan, offer: &Offer) -> (String, String) {
    offer
        .target_level
        .map(|l| &plan.skill_levels()[l].name)
        .map_or(("该等级".into(), "this level".into()), |n| (n.zh.clone(), n.en.clone()))
}

/// The explanation of a check's outcome, and what would change a "no".
fn explain(
    plan: &Plan,
    kind_categories: &[usize],
    members: &[usize],
    offer: &Offer,
    c: &CheckResult,
) -> (Label, Label) {
    let have = c.have.unwrap_or(0);
    let need = c.need.unwrap_or(0);
    let yes = c.outcome == Tri::Yes;
    let unknown = c.outcome == Tri::Unknown;
    let (lzh, len) = level_name(plan, offer);
    let date = c.date.map(|d| d.to_string()).unwrap_or_default();
    match c.check {
        CheckKind::RuleInForce if unknown => (
            label("日期未知，无法确定适用的规则版本", "the date that chooses the rule version is not given"),
            label("提供日期", "give the date"),
        ),
        CheckKind::RuleInForce if yes => (
            label(format!("{date}适用的规则版本已确定"), format!("a rule version is in force on {date}")),
            label("", ""),
        ),
        CheckKind::RuleInForce => (
            label(format!("{date}没有已知的规则版本"), format!("no known rule version is in force on {date}")),
            label("选择已知规则覆盖的日期", "a date that a known rule version covers"),
        ),
        CheckKind::Category => {
            let (zh, en) = category_names(plan, kind_categories);
            match c.outcome {
                Tri::Yes => {
                    let (zh, en) = category_names(plan, members);
                    let (zh, en) = if zh.is_empty() {
                        ("企业职工".to_owned(), "an enterprise employee".to_owned())
                    } else {
                        (zh, en)
                    };
                    (label(format!("属于补贴对象：{zh}"), format!("in a covered group: {en}")), label("", ""))
                }
                Tri::No => (
                    label(format!("不属于补贴对象（{zh}）"), format!("not in a group the subsidy covers ({en})")),
                    label(format!("属于以下人员之一：{zh}"), format!("be one of: {en}")),
                ),
                Tri::Unknown => (
                    label(
                        format!("无法确定是否属于补贴对象（{zh}）"),
                        format!("cannot tell whether in a covered group ({en})"),
                    ),
                    label("", ""),
                ),
            }
        }
        CheckKind::TrainingType => (
            label(
                if yes {
                    "培训类型在补贴范围内"
                } else if unknown {
                    "培训类型未知或对象未定"
                } else {
                    "培训类型不在补贴范围内"
                },
                if yes {
                    "the training type is covered"
                } else if unknown {
                    "the training type or the group is not known"
                } else {
                    "the training type is not covered"
                },
            ),
            label("选择补贴范围内的培训类型", "choose a covered training type"),
        ),
        CheckKind::CertificateKind => (
            label(
                if yes {
                    "证书类型符合"
                } else if unknown {
                    "证书类型未知"
                } else {
                    "证书类型不符合"
                },
                if yes {
                    "the certificate kind qualifies"
                } else if unknown {
                    "the certificate kind is not given"
                } else {
                    "the certificate kind does not qualify"
                },
            ),
            label("取得符合条件的证书类型", "obtain a qualifying kind of certificate"),
        ),
        CheckKind::ListedProvider => (
            label(
                if yes {
                    "培训机构在目录内"
                } else if unknown {
                    "不知培训机构是否在目录内"
                } else {
                    "培训机构不在目录内"
                },
                if yes {
                    "the provider is on the published list"
                } else if unknown {
                    "not known whether the provider is listed"
                } else {
                    "the provider is not on the published list"
                },
            ),
            label("选择目录内的培训机构（（五）「两目录」）", "choose a provider on the published list (（五）)"),
        ),
        CheckKind::TimesTotal => (
            label(
                format!("已享受{have}次，累计上限{need}次"),
                format!("received {have} times; at most {need} in total"),
            ),
            label(
                format!("累计不超过{need}次；已享受{have}次"),
                format!("at most {need} times in total; you have had {have}"),
            ),
        ),
        CheckKind::PerYear => (
            label(
                format!("本年度已享受{have}次，每年上限{need}次"),
                format!("received {have} times this year; at most {need} a year"),
            ),
            label(
                format!("每年不超过{need}次；本年度已享受{have}次"),
                format!("at most {need} a year; you have had {have} this year"),
            ),
        ),
        CheckKind::InsuredStatus => (
            label(
                if yes {
                    "为企业在职职工或领取失业保险金人员"
                } else if unknown {
                    "就业或领取失业保险金情况未知"
                } else {
                    "既非在职职工，也未领取失业保险金"
                },
                if yes {
                    "employed, or receiving unemployment benefit where that counts"
                } else if unknown {
                    "employment or benefit status not known"
                } else {
                    "neither employed nor (where it counts) receiving unemployment benefit"
                },
            ),
            label(
                "为在职职工（或按规定领取失业保险金）",
                "be employed (or receive unemployment benefit where the rule allows)",
            ),
        ),
        CheckKind::InsuranceMonths => (
            if unknown {
                label(
                    format!("需缴纳失业保险满{need}个月；缴费月数未知"),
                    format!("{need} months of unemployment insurance needed; months not given"),
                )
            } else {
                label(
                    format!("需缴纳失业保险满{need}个月；已缴{have}个月"),
                    format!("{need} months of unemployment insurance needed; you have {have}"),
                )
            },
            label(
                format!("缴纳失业保险满{need}个月；已缴{have}个月"),
                format!("{need} months of unemployment insurance; you have {have}"),
            ),
        ),
        CheckKind::Level => (
            label(
                if yes {
                    format!("{lzh}在补贴等级内")
                } else if unknown {
                    "目标等级未知".into()
                } else {
                    format!("{lzh}不在补贴等级内")
                },
                if yes {
                    format!("{len} is a subsidised level")
                } else if unknown {
                    "the target level is not given".into()
                } else {
                    format!("{len} is not a subsidised level")
                },
            ),
            label("取得初级、中级或高级证书", "obtain a junior, intermediate or senior certificate"),
        ),
        CheckKind::Hours => (
            if unknown {
                label(
                    format!("{lzh}需至少{need}学时；学时未知"),
                    format!("{len} needs at least {need} hours; hours not given"),
                )
            } else {
                label(
                    format!("{lzh}需至少{need}学时；本培训{have}学时"),
                    format!("{len} needs at least {need} hours; the training has {have}"),
                )
            },
            label(
                format!("培训至少{need}学时；本培训{have}学时"),
                format!("at least {need} training hours; the training has {have}"),
            ),
        ),
        CheckKind::ApplicationWindow => (
            label(
                format!("应在取证后{need}个月内（{date}前）申请"),
                format!("apply within {need} months of the certificate (by {date})"),
            ),
            label(format!("在{date}前申请"), format!("apply by {date}")),
        ),
        CheckKind::OncePerOccupationLevel => (
            label(
                if yes {
                    "同一职业同一等级未享受过"
                } else if unknown {
                    "无法确定是否已就同一职业同一等级享受过"
                } else {
                    "同一职业同一等级已享受过"
                },
                if yes {
                    "not yet paid for this occupation and level"
                } else if unknown {
                    "cannot tell whether already paid for this occupation and level"
                } else {
                    "already paid for this occupation and level"
                },
            ),
            label("选择未享受过的职业或等级", "an occupation or level not yet paid for"),
        ),
        CheckKind::NoLowerAfterHigher => (
            label(
                if yes {
                    "未享受过更高等级"
                } else if unknown {
                    "无法确定是否享受过更高等级"
                } else {
                    "已享受过更高等级，较低等级不再补贴"
                },
                if yes {
                    "no higher level paid before"
                } else if unknown {
                    "cannot tell whether a higher level was paid"
                } else {
                    "a higher level was paid; lower levels are not"
                },
            ),
            label("取得高于已补贴等级的证书", "a certificate above the level already paid"),
        ),
        CheckKind::ExclusiveWithTrainingSubsidy => (
            label(
                if yes {
                    "未就同一证书享受职业培训补贴"
                } else if unknown {
                    "无法确定是否已就同一证书享受职业培训补贴"
                } else {
                    "已就同一证书享受职业培训补贴，不可重复"
                },
                if yes {
                    "no training subsidy paid for the same certificate"
                } else if unknown {
                    "cannot tell whether the training subsidy paid for it"
                } else {
                    "the training subsidy already paid for the same certificate"
                },
            ),
            label("不与职业培训补贴重复享受", "not combined with the training subsidy"),
        ),
        CheckKind::FirstTimeOccupation => (
            label(
                if yes {
                    "该职业首次评价"
                } else if unknown {
                    "无法确定是否为该职业首次评价"
                } else {
                    "该职业已享受过评价补贴"
                },
                if yes {
                    "first evaluation in this occupation"
                } else if unknown {
                    "cannot tell whether first in this occupation"
                } else {
                    "already paid for an evaluation in this occupation"
                },
            ),
            label("另一职业的首次评价", "a first evaluation in another occupation"),
        ),
        CheckKind::NotWithUnemploymentBenefit => (
            label(
                if yes {
                    "未领取失业保险金"
                } else if unknown {
                    "是否领取失业保险金未知"
                } else {
                    "正在领取失业保险金，不同时享受"
                },
                if yes {
                    "not receiving unemployment benefit"
                } else if unknown {
                    "unemployment benefit status not given"
                } else {
                    "receiving unemployment benefit, which excludes it"
                },
            ),
            label("不在领取失业保险金期间", "not while receiving unemployment benefit"),
        ),
    }
}

fn fact_label(field: Fact) -> Label {
    label(format!("请提供 {field}"), format!("give {field}"))
}

impl Decision {
    /// The decision with names, sources and explanations, for a host to show.
    pub fn view(&self, plan: &Plan, profile: &Profile, offer: &Offer) -> DecisionView {
        self.view_of(plan, profile, offer, &[])
    }

    /// [`Decision::view`] for `only` the subsidies named (all when empty): the explanations of
    /// the others are not written.
    pub fn view_of(&self, plan: &Plan, profile: &Profile, offer: &Offer, only: &[SubsidyKind]) -> DecisionView {
        let rules = plan.eligibility_rules();
        let data = plan.eligibility();
        let mut target_groups = Vec::new();
        if let Some(data) = data {
            for (i, g) in data.groups.iter().enumerate() {
                let (Some(clause), (tri, lacking)) = (&g.clause, self.groups[i]) else { continue };
                if tri == Tri::No {
                    continue;
                }
                let mut why = Vec::new();
                if tri == Tri::Yes {
                    reasons(plan, &rules.groups[i], profile, self.as_of, &mut why);
                }
                target_groups.push(GroupView {
                    id: g.id.clone(),
                    name: g.name.clone(),
                    clause: clause.clone(),
                    status: if tri == Tri::Yes { GroupStatus::Member } else { GroupStatus::Undetermined },
                    reasons: why,
                    missing_facts: lacking.facts().collect(),
                });
            }
        }
        let subsidies = self
            .subsidies
            .iter()
            .zip(&rules.subsidies)
            .filter(|(o, _)| only.is_empty() || only.contains(&o.kind))
            .map(|(o, s)| {
                let version = o.version.map(|v| &s.versions[v]);
                let categories = version.map_or(&[][..], |v| v.categories.as_slice());
                let mut checks = Vec::with_capacity(o.checks.len());
                let mut to_qualify = Vec::new();
                let members: Vec<usize> =
                    categories.iter().copied().filter(|&g| self.groups[g].0 == Tri::Yes).collect();
                let mut missing = FieldSet::default();
                for c in &o.checks {
                    let (explanation, change) = explain(plan, categories, &members, offer, c);
                    let check = c.check;
                    checks.push(CheckView { check, outcome: c.outcome, explanation });
                    match c.outcome {
                        Tri::No => to_qualify.push(Requirement {
                            check,
                            kind: RequirementKind::Change,
                            field: None,
                            explanation: change,
                        }),
                        Tri::Unknown => {
                            missing = missing | c.lacking;
                            for field in c.lacking.facts() {
                                to_qualify.push(Requirement {
                                    check,
                                    kind: RequirementKind::Fact,
                                    field: Some(field),
                                    explanation: fact_label(field),
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
            })
            .collect();
        DecisionView { as_of: self.as_of, target_groups, subsidies }
    }
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
                    failed: o.checks.iter().filter(|c| c.outcome == Tri::No).map(|c| c.check).collect(),
                    missing_facts: o
                        .checks
                        .iter()
                        .filter(|c| c.outcome == Tri::Unknown)
                        .fold(FieldSet::default(), |acc, c| acc | c.lacking)
                        .facts()
                        .collect(),
                })
                .collect(),
        }
    }
}
