//! Eligibility for Kotlin and Swift: a typed profile and offer (or their JSON text) in, the
//! core's decision (or its summary) out as uniffi records. Typed inputs are written as the JSON
//! the core reads, so both routes give the same answers and the same errors; the JSON-text calls
//! are the core's host::batch. No logic here.

use serde_json::Value;
use skillplan::host::batch::{self, KeyStyle};

use crate::{CalendarDate, DecisionSummary, EligibilityDecision, Plan, SkillplanError, SubsidyKind, guard};

pub use skillplan::eligibility::{Education, Employment, Hukou, SchoolKind, Sex, TechnicalClass};
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
fn document<T: serde::Serialize>(input: &T) -> Value {
    // Plain records of text, numbers, dates and enums always serialise.
    serde_json::to_value(input).unwrap_or_default()
}

#[uniffi::export]
impl Plan {
    /// Which target groups a person is in and, for each subsidy of （二十五） asked for (all when
    /// `subsidies` is empty), eligible / not eligible / undetermined with the amount, the checks,
    /// what would make it eligible and the values that are unconfirmed defaults.
    #[uniffi::method(default(subsidies = []))]
    pub fn check_eligibility(
        &self,
        profile: ProfileInput,
        offer: OfferInput,
        as_of: CalendarDate,
        subsidies: Vec<SubsidyKind>,
    ) -> Result<EligibilityDecision, SkillplanError> {
        guard("checkEligibility", || {
            let (plan, subsidies) = (&self.inner, &subsidies);
            Ok(batch::decide_value_with(plan, &document(&profile), &document(&offer), as_of, |p, o, d| {
                d.view_of(plan, p, o, subsidies)
            })?)
        })
    }

    /// `checkEligibility` without the explanations: statuses, amounts, the checks that failed and
    /// the facts missing, per subsidy.
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

    /// `checkEligibility` with the profile and offer as JSON text (skillplan-profile/1), as a
    /// server sends them; malformed text is INVALID_PROFILE / INVALID_OFFER with reason syntax.
    #[uniffi::method(default(subsidies = []))]
    pub fn check_eligibility_json(
        &self,
        profile_json: String,
        offer_json: String,
        as_of: CalendarDate,
        subsidies: Vec<SubsidyKind>,
    ) -> Result<EligibilityDecision, SkillplanError> {
        guard("checkEligibilityJson", || {
            let (plan, subsidies) = (&self.inner, &subsidies);
            Ok(batch::decide_text_with(plan, &profile_json, Some(&offer_json), as_of, |p, o, d| {
                d.view_of(plan, p, o, subsidies)
            })?)
        })
    }

    /// `checkEligibility` for many profiles and one offer, in order, each the single call's; the
    /// first bad profile stops it with its index (`profiles[3].sex`).
    #[uniffi::method(default(subsidies = []))]
    pub fn check_eligibility_batch(
        &self,
        profiles: Vec<ProfileInput>,
        offer: OfferInput,
        as_of: CalendarDate,
        subsidies: Vec<SubsidyKind>,
    ) -> Result<Vec<EligibilityDecision>, SkillplanError> {
        guard("checkEligibilityBatch", || {
            let (plan, subsidies) = (&self.inner, &subsidies);
            let values: Vec<Value> = profiles.iter().map(document).collect();
            Ok(batch::decide_values_with(plan, &values, &document(&offer), as_of, |p, o, d| {
                d.view_of(plan, p, o, subsidies)
            })?)
        })
    }

    /// `checkEligibilitySummary` for many profiles and one offer, in order.
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

    /// The batch call with the profiles as a JSON array text and the offer as JSON text.
    #[uniffi::method(default(subsidies = []))]
    pub fn check_eligibility_batch_json(
        &self,
        profiles_json: String,
        offer_json: String,
        as_of: CalendarDate,
        subsidies: Vec<SubsidyKind>,
    ) -> Result<Vec<EligibilityDecision>, SkillplanError> {
        guard("checkEligibilityBatchJson", || {
            let (plan, subsidies) = (&self.inner, &subsidies);
            Ok(batch::decide_texts_with(plan, &profiles_json, Some(&offer_json), as_of, |p, o, d| {
                d.view_of(plan, p, o, subsidies)
            })?)
        })
    }

    /// A decision as JSON text (keys snake_case, as the core and HTTP APIs write them), for a
    /// profile and an offer (`{}` when null) as JSON text: explained, or the summary when
    /// `options.explain` is false. What a server passes on without building objects.
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
