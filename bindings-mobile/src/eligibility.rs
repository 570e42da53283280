//! Eligibility for Kotlin and Swift: a typed profile and offer (or their JSON text) in, the
//! answer out at once (`EligibilityAnswer`: statuses, amounts, versions, failed checks, missing
//! facts) with an `Explanation` object that renders the rest on demand, or the summary alone. Typed inputs are written as the JSON
//! the core reads, so both routes give the same answers and the same errors; the JSON-text calls
//! are the core's host::batch. No logic here.

use std::sync::Arc;

use serde_json::Value;
use skillplan as core;
use skillplan::eligibility::Decided;
use skillplan::host::batch::{self, KeyStyle};

use crate::{
    CalendarDate, CheckCode, DecisionSummary, EligibilityDecision, Plan, SkillplanError, SubsidyDecision, SubsidyKind,
    SubsidySummary, TargetGroupDecision, guard,
};

pub use skillplan::eligibility::{Education, Employment, Hukou, Lang, SchoolKind, Sex, TechnicalClass};
pub use skillplan::host::options::DecisionOptions;

// The profile's vocabularies are the core's enums; the compiler checks these lists against them.

/// Sex, as the profile format writes it.
#[uniffi::remote(Enum)]
pub enum Sex {
    Female,
    Male,
}

/// 户籍.
#[uniffi::remote(Enum)]
pub enum Hukou {
    Urban,
    Rural,
}

/// Employment status.
#[uniffi::remote(Enum)]
pub enum Employment {
    Employed,
    RegisteredUnemployed,
    SelfEmployed,
    PreparingBusiness,
    Student,
    NotContinuingAfterJuniorHigh,
    NotContinuingAfterSeniorHigh,
}

/// Highest education completed.
#[uniffi::remote(Enum)]
pub enum Education {
    PrimaryOrBelow,
    JuniorHigh,
    SeniorHigh,
    SecondaryVocational,
    TechnicalSchool,
    JuniorCollege,
    Bachelor,
    Postgraduate,
}

/// The kind of school of the latest (or coming) graduation.
#[uniffi::remote(Enum)]
pub enum SchoolKind {
    University,
    VocationalCollege,
    TechnicalSchool,
    SpecialEducation,
    SecondarySchool,
}

/// The class of a 技工院校 graduate.
#[uniffi::remote(Enum)]
pub enum TechnicalClass {
    SeniorWorker,
    PreparatoryTechnician,
    Technician,
    Other,
}

/// What a caller asks of a decision (the options every binding offers): only some subsidies
/// (all when empty), and explained (true) or the summary (false). The typed calls choose
/// explained or summary by the call (`checkEligibility`, `checkEligibilitySummary`).
#[uniffi::remote(Record)]
pub struct DecisionOptions {
    /// The subsidies to answer for; all when empty.
    #[uniffi(default = [])]
    pub subsidies: Vec<SubsidyKind>,
    /// True (the default): every check explained in Chinese and English.
    #[uniffi(default = true)]
    pub explain: bool,
}

/// A certificate the person holds. `kind` and `level` are plan ids (skill_level_certificate, intermediate, …).
#[derive(Debug, Clone, serde::Serialize, uniffi::Record)]
pub struct HeldCertificateInput {
    pub kind: String,
    #[uniffi(default = None)]
    pub level: Option<String>,
    #[uniffi(default = None)]
    pub occupation: Option<String>,
    pub date: CalendarDate,
}

/// A subsidy the person has received.
#[derive(Debug, Clone, serde::Serialize, uniffi::Record)]
pub struct ReceivedSubsidyInput {
    pub kind: SubsidyKind,
    pub date: CalendarDate,
    #[uniffi(default = None)]
    pub level: Option<String>,
    #[uniffi(default = None)]
    pub occupation: Option<String>,
    #[uniffi(default = None)]
    pub shortage_occupation: Option<bool>,
}

/// What is known of a person (skillplan-profile/1). Every field may stay null: a rule that needs
/// it answers undetermined and names it. `statuses == null` is unknown; an empty list is none.
#[derive(Debug, Clone, Default, serde::Serialize, uniffi::Record)]
pub struct ProfileInput {
    #[uniffi(default = None)]
    pub birth_date: Option<CalendarDate>,
    #[uniffi(default = None)]
    pub sex: Option<Sex>,
    #[uniffi(default = None)]
    pub hukou: Option<Hukou>,
    #[uniffi(default = None)]
    pub region: Option<String>,
    #[uniffi(default = None)]
    pub education: Option<Education>,
    #[uniffi(default = None)]
    pub school_type: Option<SchoolKind>,
    #[uniffi(default = None)]
    pub technical_school_class: Option<TechnicalClass>,
    #[uniffi(default = None)]
    pub graduation_date: Option<CalendarDate>,
    #[uniffi(default = None)]
    pub employment: Option<Employment>,
    /// Plan status ids or Chinese names: rural_transfer_labour (农民工), veteran, disabled, …
    #[uniffi(default = None)]
    pub statuses: Option<Vec<String>>,
    #[uniffi(default = None)]
    pub unemployment_insurance_months: Option<u32>,
    #[uniffi(default = None)]
    pub receiving_unemployment_benefit: Option<bool>,
    #[uniffi(default = None)]
    pub certificates: Option<Vec<HeldCertificateInput>>,
    #[uniffi(default = None)]
    pub subsidies_received: Option<Vec<ReceivedSubsidyInput>>,
    /// Checked (GB 11643) and used for birth date and sex; never kept or echoed.
    #[uniffi(default = None)]
    pub id_number: Option<String>,
}

/// A training offer and the certificate it leads to. Types, levels and kinds are plan ids.
#[derive(Debug, Clone, Default, serde::Serialize, uniffi::Record)]
pub struct OfferInput {
    #[uniffi(default = None)]
    pub training_type: Option<String>,
    #[uniffi(default = None)]
    pub target_level: Option<String>,
    #[uniffi(default = None)]
    pub certificate_kind: Option<String>,
    #[uniffi(default = None)]
    pub occupation: Option<String>,
    #[uniffi(default = None)]
    pub shortage_occupation: Option<bool>,
    #[uniffi(default = None)]
    pub hours: Option<u32>,
    #[uniffi(default = None)]
    pub provider_listed: Option<bool>,
    #[uniffi(default = None)]
    pub start_date: Option<CalendarDate>,
    #[uniffi(default = None)]
    pub end_date: Option<CalendarDate>,
    #[uniffi(default = None)]
    pub certificate_date: Option<CalendarDate>,
}

/// A typed input as the JSON document the core reads (null is absent there), so that the typed
/// and the JSON-text calls read the same document.
pub(crate) fn document<T: serde::Serialize>(input: &T) -> Value {
    // Plain records of text, numbers, dates and enums always serialise.
    serde_json::to_value(input).unwrap_or_default()
}

/// A language of explanations.
#[uniffi::remote(Enum)]
pub enum Lang {
    Zh,
    En,
}

/// A decision's answer, read at once: the member target groups and each subsidy's status,
/// amount, version, failed checks and missing facts. `explanation` renders the rest on demand.
#[derive(uniffi::Record)]
pub struct EligibilityAnswer {
    pub as_of: CalendarDate,
    pub target_groups: Vec<String>,
    pub subsidies: Vec<SubsidySummary>,
    pub explanation: Arc<Explanation>,
}

/// The explanations of one decision, rendered by the core when asked: the whole decision, one
/// subsidy or one check, in one language or (`view`) both.
#[derive(uniffi::Object)]
pub struct Explanation {
    plan: Arc<core::Plan>,
    decided: Decided,
}

impl Explanation {
    fn at(&self, kind: SubsidyKind) -> Option<usize> {
        self.decided.position(kind)
    }
}

#[uniffi::export]
impl Explanation {
    /// The whole explained decision, in Chinese and English.
    pub fn view(&self) -> Result<EligibilityDecision, SkillplanError> {
        guard("Explanation.view", || Ok(self.decided.view(&self.plan)))
    }

    /// The whole decision as text in one language.
    pub fn text(&self, lang: Lang) -> Result<String, SkillplanError> {
        guard("Explanation.text", || Ok(self.decided.explain(&self.plan, lang)))
    }

    /// One subsidy as text in one language; null when it was not asked for.
    pub fn subsidy_text(&self, kind: SubsidyKind, lang: Lang) -> Result<Option<String>, SkillplanError> {
        guard("Explanation.subsidyText", || {
            Ok(self.at(kind).and_then(|i| self.decided.explain_subsidy(&self.plan, i, lang)))
        })
    }

    /// What check `index` (a position in `checks(kind)`) of one subsidy found, in one language.
    pub fn check_text(&self, kind: SubsidyKind, index: u32, lang: Lang) -> Result<Option<String>, SkillplanError> {
        guard("Explanation.checkText", || {
            Ok(self.at(kind).and_then(|i| self.decided.explain_check(&self.plan, i, index as usize, lang)))
        })
    }

    /// One subsidy explained in both languages; null when it was not asked for.
    pub fn subsidy(&self, kind: SubsidyKind) -> Result<Option<SubsidyDecision>, SkillplanError> {
        guard("Explanation.subsidy", || Ok(self.at(kind).and_then(|i| self.decided.subsidy_view(&self.plan, i))))
    }

    /// The target groups the person is in or may be in, with the reasons.
    pub fn target_groups(&self) -> Result<Vec<TargetGroupDecision>, SkillplanError> {
        guard("Explanation.targetGroups", || Ok(self.decided.groups_view(&self.plan)))
    }

    /// One subsidy's checks as codes and numbers (nothing rendered); empty when it was not asked for.
    pub fn checks(&self, kind: SubsidyKind) -> Vec<CheckCode> {
        self.at(kind).map_or_else(Vec::new, |i| self.decided.check_codes(i))
    }
}

fn answer(plan: &Arc<core::Plan>, decided: Decided) -> EligibilityAnswer {
    let summary = decided.summary(plan);
    EligibilityAnswer {
        as_of: summary.as_of,
        target_groups: summary.target_groups,
        subsidies: summary.subsidies,
        explanation: Arc::new(Explanation { plan: Arc::clone(plan), decided }),
    }
}

fn options(subsidies: Vec<SubsidyKind>) -> DecisionOptions {
    DecisionOptions { subsidies, explain: true }
}

#[uniffi::export]
impl Plan {
    /// Decides for a typed profile and offer: the answer at once, the explanation on demand.
    #[uniffi::method(default(subsidies = []))]
    pub fn check_eligibility(
        &self,
        profile: ProfileInput,
        offer: OfferInput,
        as_of: CalendarDate,
        subsidies: Vec<SubsidyKind>,
    ) -> Result<EligibilityAnswer, SkillplanError> {
        guard("checkEligibility", || {
            let decided =
                batch::decided_value(&self.inner, &document(&profile), &document(&offer), as_of, &options(subsidies))?;
            Ok(answer(&self.inner, decided))
        })
    }

    #[uniffi::method(default(subsidies = []))]
    pub fn check_eligibility_summary(
        &self,
        profile: ProfileInput,
        offer: OfferInput,
        as_of: CalendarDate,
        subsidies: Vec<SubsidyKind>,
    ) -> Result<DecisionSummary, SkillplanError> {
        guard("checkEligibilitySummary", || {
            let (plan, subsidies) = (&self.inner, &subsidies);
            Ok(batch::decide_value_with(plan, &document(&profile), &document(&offer), as_of, |_, _, d| {
                d.summary(plan, subsidies)
            })?)
        })
    }

    /// `checkEligibility` for a profile and an offer as JSON text.
    #[uniffi::method(default(subsidies = []))]
    pub fn check_eligibility_json(
        &self,
        profile_json: String,
        offer_json: String,
        as_of: CalendarDate,
        subsidies: Vec<SubsidyKind>,
    ) -> Result<EligibilityAnswer, SkillplanError> {
        guard("checkEligibilityJson", || {
            let decided =
                batch::decided_text(&self.inner, &profile_json, Some(&offer_json), as_of, &options(subsidies))?;
            Ok(answer(&self.inner, decided))
        })
    }

    /// `checkEligibility` for many profiles and one offer, decided on all cores, in order.
    #[uniffi::method(default(subsidies = []))]
    pub fn check_eligibility_batch(
        &self,
        profiles: Vec<ProfileInput>,
        offer: OfferInput,
        as_of: CalendarDate,
        subsidies: Vec<SubsidyKind>,
    ) -> Result<Vec<EligibilityAnswer>, SkillplanError> {
        guard("checkEligibilityBatch", || {
            let values: Vec<Value> = profiles.iter().map(document).collect();
            let decided = batch::decided_values(&self.inner, &values, &document(&offer), as_of, &options(subsidies))?;
            Ok(decided.into_iter().map(|d| answer(&self.inner, d)).collect())
        })
    }

    #[uniffi::method(default(subsidies = []))]
    pub fn check_eligibility_batch_summary(
        &self,
        profiles: Vec<ProfileInput>,
        offer: OfferInput,
        as_of: CalendarDate,
        subsidies: Vec<SubsidyKind>,
    ) -> Result<Vec<DecisionSummary>, SkillplanError> {
        guard("checkEligibilityBatchSummary", || {
            let (plan, subsidies) = (&self.inner, &subsidies);
            let values: Vec<Value> = profiles.iter().map(document).collect();
            Ok(batch::decide_values_with(plan, &values, &document(&offer), as_of, |_, _, d| {
                d.summary(plan, subsidies)
            })?)
        })
    }

    /// `checkEligibilityBatch` for a JSON array text of profiles.
    #[uniffi::method(default(subsidies = []))]
    pub fn check_eligibility_batch_json(
        &self,
        profiles_json: String,
        offer_json: String,
        as_of: CalendarDate,
        subsidies: Vec<SubsidyKind>,
    ) -> Result<Vec<EligibilityAnswer>, SkillplanError> {
        guard("checkEligibilityBatchJson", || {
            let decided =
                batch::decided_texts(&self.inner, &profiles_json, Some(&offer_json), as_of, &options(subsidies))?;
            Ok(decided.into_iter().map(|d| answer(&self.inner, d)).collect())
        })
    }

    #[uniffi::method(default(offer_json = None))]
    pub fn decide_json(
        &self,
        profile_json: String,
        offer_json: Option<String>,
        as_of: CalendarDate,
        options: DecisionOptions,
    ) -> Result<String, SkillplanError> {
        guard("decideJson", || {
            Ok(batch::decide_json(&self.inner, &profile_json, offer_json.as_deref(), as_of, &options, KeyStyle::Snake)?)
        })
    }

    /// `decideJson` for a JSON array of profiles: one JSON array text, in order, decided on all
    /// cores; the first bad profile stops it with its index (`profiles[3].sex`).
    #[uniffi::method(default(offer_json = None))]
    pub fn decide_batch_json(
        &self,
        profiles_json: String,
        offer_json: Option<String>,
        as_of: CalendarDate,
        options: DecisionOptions,
    ) -> Result<String, SkillplanError> {
        guard("decideBatchJson", || {
            Ok(batch::decide_batch_json(
                &self.inner,
                &profiles_json,
                offer_json.as_deref(),
                as_of,
                &options,
                KeyStyle::Snake,
            )?)
        })
    }
}
