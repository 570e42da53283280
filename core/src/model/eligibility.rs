//! The eligibility section of a plan file: the statuses a profile may carry, the groups built
//! from them (the plan's target groups and the subsidy categories of national rules), and the
//! four subsidies of （二十五） as dated rule versions whose every parameter names its source.
//! The formulas that use these parameters live in `decide.rs`; the values live here, as data.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::basics::closed_set::closed_set;
use crate::basics::decimal_text;
use crate::model::{Label, Term};

/// Who the plan's measures and the national subsidy rules address, and the subsidies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EligibilityData {
    /// Where these definitions come from.
    pub source: String,
    /// Statuses a profile may list (农村转移劳动力, 脱贫劳动力, 退役军人, …), named by the plan.
    pub statuses: Vec<Term>,
    /// Target groups of the plan (with a `clause`) and subsidy categories of national rules
    /// (with a `source`), each defined by a condition over the profile.
    pub groups: Vec<GroupRule>,
    /// 职业培训补贴, 技能提升补贴, 职业技能评价补贴, 生活费补贴.
    pub subsidies: Vec<SubsidyRule>,
}

/// A group of people, defined by a condition over a profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupRule {
    /// Stable identifier, e.g. `veterans`.
    pub id: String,
    /// The group's name, e.g. 退役军人.
    pub name: Label,
    /// The plan clause that names the group, e.g. `（三）`; a plan target group has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// The national rule that defines the group, for a subsidy category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Why a value or reading is not confirmed, when it is not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unconfirmed: Option<String>,
    /// Who is in the group.
    pub when: GroupCondition,
}

/// A condition over a profile, evaluated as yes, no or unknown (when the facts are absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum GroupCondition {
    /// Every condition holds.
    All(Vec<GroupCondition>),
    /// At least one condition holds.
    Any(Vec<GroupCondition>),
    /// The profile lists one of these statuses.
    Status(Vec<String>),
    /// The employment status is one of these.
    Employment(Vec<String>),
    /// `female` or `male`.
    Sex(String),
    /// `urban` or `rural`.
    Hukou(String),
    /// Graduated in the calendar year of the as-of date (毕业年度) from one of these schools.
    GraduatedThisYear(GraduationCondition),
    /// Age on the as-of date, in whole years, within these bounds (both included).
    Age(AgeRange),
}

/// Which graduates of the year count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GraduationCondition {
    /// School types whose graduates count: `university`, `vocational_college`,
    /// `technical_school`, `special_education`, `secondary_school`.
    pub school_types: Vec<String>,
    /// For `technical_school` graduates, the classes that count (`senior_worker`,
    /// `preparatory_technician`, `technician`); every class when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technical_school_classes: Option<Vec<String>>,
}

/// An age range in whole years, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeRange {
    /// The lowest age that counts.
    pub min: u32,
    /// The highest age that counts.
    pub max: u32,
}

closed_set! {
    /// The four subsidies of （二十五）.
    #[derive(PartialOrd, Ord)]
    pub enum SubsidyKind {
        /// 职业培训补贴
        TrainingSubsidy = "training_subsidy",
        /// 技能提升补贴
        SkillUpgradeSubsidy = "skill_upgrade_subsidy",
        /// 职业技能鉴定补贴, renamed 职业技能评价补贴 by 财社〔2023〕181号
        EvaluationSubsidy = "evaluation_subsidy",
        /// 生活费补贴
        LivingAllowance = "living_allowance",
    }
}

/// One subsidy and its rule versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubsidyRule {
    /// Which of the four subsidies this is.
    pub id: SubsidyKind,
    /// The subsidy's name, e.g. 技能提升补贴.
    pub name: Label,
    /// The plan clauses that provide for the subsidy, e.g. `（二十五）`.
    pub clauses: Vec<String>,
    /// The fund that pays it.
    pub fund: Label,
    /// Which date chooses the rule version: `training_start` or `certificate_date`.
    pub date_basis: DateBasis,
    /// Rule versions in date order; their periods do not overlap.
    pub versions: Vec<SubsidyVersion>,
}

/// Which date of an offer chooses the rule version of a subsidy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// The offer's `start_date`.
    TrainingStart,
    /// The offer's `certificate_date`, or its `end_date` when the certificate is still ahead.
    CertificateDate,
}

/// The rule of a subsidy in force for dates `from` ..= `to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubsidyVersion {
    /// Stable identifier, e.g. `2025`.
    pub id: String,
    /// First day in force, an ISO date.
    #[serde(with = "crate::date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub from: NaiveDate,
    /// Last day in force; open-ended when absent.
    #[serde(default, with = "crate::date_text::option", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::basics::date_text::DateText>")]
    pub to: Option<NaiveDate>,
    /// The documents this version follows.
    pub source: String,
    /// Why the version itself (its dates, or that it applies at all) is not confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unconfirmed: Option<String>,
    /// The version's parameters, written as keys of the version itself.
    #[serde(flatten)]
    pub params: SubsidyParams,
}

/// A parameter value with the document it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Param<T> {
    /// The value.
    pub value: T,
    /// The document that sets it.
    pub source: String,
    /// Why the value is a documented default rather than a confirmed fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unconfirmed: Option<String>,
}

/// The amount for a certificate level, and the training hours it requires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelAmount {
    /// A skill level id (`junior`, `intermediate`, `senior`, …).
    pub level: String,
    /// The amount in yuan, an exact decimal.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub amount: Decimal,
    /// The training hours (学时) an offer needs for this amount; no minimum when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_hours: Option<u32>,
}

/// The parameters a version may set. Which ones each subsidy requires is checked at load.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubsidyParams {
    /// Groups (ids) whose members qualify (五类人员, 六类人员, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<Param<Vec<String>>>,
    /// Training types covered for members of the categories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_types: Option<Param<Vec<String>>>,
    /// Training types covered for employed people outside the categories (企业职工).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_training_types: Option<Param<Vec<String>>>,
    /// Certificate kinds that qualify.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_kinds: Option<Param<Vec<String>>>,
    /// The training must be given by a provider on the published list (（五）「两目录」).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_listed_provider: Option<Param<bool>>,
    /// At most this many of this subsidy per person, ever (累计).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_times_total: Option<Param<u32>>,
    /// At most this many per person in a calendar year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_year: Option<Param<u32>>,
    /// Further times a year, for certificates in 急需紧缺 occupations only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_year_extra_shortage: Option<Param<u32>>,
    /// Months of unemployment-insurance contributions required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_insurance_months: Option<Param<u32>>,
    /// People receiving unemployment benefit (领取失业保险金人员) qualify besides the employed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_benefit_recipients: Option<Param<bool>>,
    /// Months after the certificate date within which to apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply_within_months: Option<Param<u32>>,
    /// The same occupation and level is paid only once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub once_per_occupation_level: Option<Param<bool>>,
    /// After a higher level was paid, lower levels are not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_lower_after_higher: Option<Param<bool>>,
    /// Not paid for a certificate that 职业培训补贴 already paid for (same occupation and level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusive_with_training_subsidy: Option<Param<bool>>,
    /// Only for a first evaluation in an occupation: one payment per occupation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_time_per_occupation: Option<Param<bool>>,
    /// Not paid to someone receiving unemployment benefit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_with_unemployment_benefit: Option<Param<bool>>,
    /// Amounts by certificate level; absent where amounts are set locally and unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amounts: Option<Param<Vec<LevelAmount>>>,
    /// Why no amount is given, when `amounts` is absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_note: Option<String>,
}

impl SubsidyParams {
    /// The parameters a subsidy's formula needs: their names, for the load check.
    pub fn missing_for(&self, kind: SubsidyKind) -> Vec<&'static str> {
        let mut missing = Vec::new();
        let mut need = |present: bool, name: &'static str| {
            if !present {
                missing.push(name);
            }
        };
        match kind {
            SubsidyKind::TrainingSubsidy => {
                need(self.categories.is_some(), "categories");
                need(self.training_types.is_some(), "training_types");
                need(self.certificate_kinds.is_some(), "certificate_kinds");
            }
            SubsidyKind::SkillUpgradeSubsidy => {
                need(self.min_insurance_months.is_some(), "min_insurance_months");
                need(self.certificate_kinds.is_some(), "certificate_kinds");
                need(self.amounts.is_some(), "amounts");
                need(self.apply_within_months.is_some(), "apply_within_months");
            }
            SubsidyKind::EvaluationSubsidy => {
                need(self.categories.is_some(), "categories");
                need(self.certificate_kinds.is_some(), "certificate_kinds");
            }
            SubsidyKind::LivingAllowance => {
                need(self.categories.is_some(), "categories");
                need(self.training_types.is_some(), "training_types");
            }
        }
        missing
    }
}

impl SubsidyParams {
    /// The parameters whose values are documented defaults, with why (parameter name, note);
    /// and the missing amounts.
    pub fn unconfirmed_notes(&self) -> Vec<(&'static str, &str)> {
        fn note<'a, T>(out: &mut Vec<(&'static str, &'a str)>, name: &'static str, p: &'a Option<Param<T>>) {
            if let Some(Param { unconfirmed: Some(n), .. }) = p {
                out.push((name, n));
            }
        }
        let mut out = Vec::new();
        note(&mut out, "categories", &self.categories);
        note(&mut out, "training_types", &self.training_types);
        note(&mut out, "employee_training_types", &self.employee_training_types);
        note(&mut out, "certificate_kinds", &self.certificate_kinds);
        note(&mut out, "require_listed_provider", &self.require_listed_provider);
        note(&mut out, "max_times_total", &self.max_times_total);
        note(&mut out, "per_year", &self.per_year);
        note(&mut out, "per_year_extra_shortage", &self.per_year_extra_shortage);
        note(&mut out, "min_insurance_months", &self.min_insurance_months);
        note(&mut out, "include_benefit_recipients", &self.include_benefit_recipients);
        note(&mut out, "apply_within_months", &self.apply_within_months);
        note(&mut out, "once_per_occupation_level", &self.once_per_occupation_level);
        note(&mut out, "no_lower_after_higher", &self.no_lower_after_higher);
        note(&mut out, "exclusive_with_training_subsidy", &self.exclusive_with_training_subsidy);
        note(&mut out, "first_time_per_occupation", &self.first_time_per_occupation);
        note(&mut out, "not_with_unemployment_benefit", &self.not_with_unemployment_benefit);
        note(&mut out, "amounts", &self.amounts);
        if self.amounts.is_none()
            && let Some(n) = &self.amount_note
        {
            out.push(("amounts", n));
        }
        out
    }
}

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $id:literal | $zh:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            /// Every value, in the order of the declaration.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value's id, as profiles and every binding write it.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// The Chinese name.
            pub fn zh(self) -> &'static str {
                match self { $($name::$variant => $zh),+ }
            }

            /// Reads the id, the Chinese name or another accepted spelling; blanks around it are ignored.
            pub fn parse(text: &str) -> Option<$name> {
                match text.trim() { $($id | $zh $(| $alias)* => Some($name::$variant),)+ _ => None }
            }

            pub(crate) fn ids() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

vocabulary!(
    /// 性别
    Sex {
        /// 女
        Female = "female" | "女",
        /// 男
        Male = "male" | "男",
    }
);
vocabulary!(
    /// 户籍: urban or rural registration.
    Hukou {
        /// 城镇
        Urban = "urban" | "城镇",
        /// 农村
        Rural = "rural" | "农村",
    }
);
vocabulary!(
    /// Highest education completed.
    Education {
        /// 小学及以下
        PrimaryOrBelow = "primary_or_below" | "小学及以下",
        /// 初中
        JuniorHigh = "junior_high" | "初中",
        /// 高中
        SeniorHigh = "senior_high" | "高中",
        /// 中职 (中专)
        SecondaryVocational = "secondary_vocational" | "中职" | "中专",
        /// 技工院校
        TechnicalSchool = "technical_school" | "技工院校",
        /// 大专
        JuniorCollege = "junior_college" | "大专",
        /// 本科
        Bachelor = "bachelor" | "本科",
        /// 研究生
        Postgraduate = "postgraduate" | "研究生",
    }
);
vocabulary!(
    /// The kind of school of the latest (or coming) graduation.
    SchoolKind {
        /// 高校 (universities and higher vocational colleges)
        University = "university" | "高校",
        /// 职业院校 (secondary vocational schools)
        VocationalCollege = "vocational_college" | "职业院校",
        /// 技工院校
        TechnicalSchool = "technical_school" | "技工院校",
        /// 特殊教育院校
        SpecialEducation = "special_education" | "特殊教育院校",
        /// 普通初中、高中
        SecondarySchool = "secondary_school" | "初高中",
    }
);
vocabulary!(
    /// The class of a 技工院校 graduate.
    TechnicalClass {
        /// 高级工班
        SeniorWorker = "senior_worker" | "高级工班",
        /// 预备技师班
        PreparatoryTechnician = "preparatory_technician" | "预备技师班",
        /// 技师班
        Technician = "technician" | "技师班",
        /// 其他: any other class
        Other = "other" | "其他",
    }
);
vocabulary!(
    /// Employment status.
    Employment {
        /// 在职
        Employed = "employed" | "在职",
        /// 城镇登记失业人员
        RegisteredUnemployed = "registered_unemployed" | "登记失业",
        /// 自主创业 or 灵活就业
        SelfEmployed = "self_employed" | "自主创业" | "灵活就业",
        /// 准备创业
        PreparingBusiness = "preparing_business" | "准备创业",
        /// 在校
        Student = "student" | "在校",
        /// 初中毕业后未继续升学
        NotContinuingAfterJuniorHigh = "not_continuing_after_junior_high" | "初中毕业未继续升学",
        /// 高中毕业后未继续升学
        NotContinuingAfterSeniorHigh = "not_continuing_after_senior_high" | "高中毕业未继续升学",
    }
);
