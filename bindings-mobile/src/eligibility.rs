//! Eligibility for Kotlin and Swift: a typed profile and offer (or their JSON text) in, the
//! decision as records out. Typed inputs are written as the JSON the core reads, so both routes
//! give the same answers and the same errors. No logic here.

use serde_json::{Map, Value, json};
use skillplan as core;
use skillplan::eligibility as el;

use crate::{CalendarDate, ExactDecimal, Label, Plan, SkillplanError, guard};

/// Sex, as the profile format writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Sex {
    Female,
    Male,
}

/// 户籍.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Hukou {
    Urban,
    Rural,
}

/// Employment status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SchoolKind {
    University,
    VocationalCollege,
    TechnicalSchool,
    SpecialEducation,
    SecondarySchool,
}

/// The class of a 技工院校 graduate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum TechnicalClass {
    SeniorWorker,
    PreparatoryTechnician,
    Technician,
    Other,
}

/// The four subsidies of （二十五）.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SubsidyKind {
    TrainingSubsidy,
    SkillUpgradeSubsidy,
    EvaluationSubsidy,
    LivingAllowance,
}

/// A certificate the person holds. `kind` and `level` are plan ids (skill_level_certificate, intermediate, …).
#[derive(Debug, Clone, uniffi::Record)]
pub struct HeldCertificateInput {
    pub kind: String,
    #[uniffi(default = None)]
    pub level: Option<String>,
    #[uniffi(default = None)]
    pub occupation: Option<String>,
    pub date: CalendarDate,
}

/// A subsidy the person has received.
#[derive(Debug, Clone, uniffi::Record)]
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
#[derive(Debug, Clone, Default, uniffi::Record)]
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
#[derive(Debug, Clone, Default, uniffi::Record)]
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

/// The snake_case id of an enum variant's Debug name (`NotContinuingAfterJuniorHigh` → `not_continuing_after_junior_high`).
fn id_of(variant: impl std::fmt::Debug) -> String {
    let name = format!("{variant:?}");
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Inserts the fields that are known.
struct Fields(Map<String, Value>);

impl Fields {
    fn put(&mut self, key: &str, value: Option<Value>) {
        if let Some(v) = value {
            self.0.insert(key.to_owned(), v);
        }
    }
}

fn date(d: Option<CalendarDate>) -> Option<Value> {
    d.map(|d| json!(d.format("%Y-%m-%d").to_string()))
}

impl ProfileInput {
    fn to_value(&self) -> Value {
        let mut f = Fields(Map::new());
        f.put("birth_date", date(self.birth_date));
        f.put("sex", self.sex.map(|x| json!(id_of(x))));
        f.put("hukou", self.hukou.map(|x| json!(id_of(x))));
        f.put("region", self.region.clone().map(Value::from));
        f.put("education", self.education.map(|x| json!(id_of(x))));
        f.put("school_type", self.school_type.map(|x| json!(id_of(x))));
        f.put("technical_school_class", self.technical_school_class.map(|x| json!(id_of(x))));
        f.put("graduation_date", date(self.graduation_date));
        f.put("employment", self.employment.map(|x| json!(id_of(x))));
        f.put("statuses", self.statuses.clone().map(Value::from));
        f.put("unemployment_insurance_months", self.unemployment_insurance_months.map(Value::from));
        f.put("receiving_unemployment_benefit", self.receiving_unemployment_benefit.map(Value::from));
        f.put(
            "certificates",
            self.certificates.as_ref().map(|cs| {
                Value::Array(
                    cs.iter()
                        .map(|c| {
                            let mut g = Fields(Map::new());
                            g.put("kind", Some(json!(c.kind)));
                            g.put("level", c.level.clone().map(Value::from));
                            g.put("occupation", c.occupation.clone().map(Value::from));
                            g.put("date", date(Some(c.date)));
                            Value::Object(g.0)
                        })
                        .collect(),
                )
            }),
        );
        f.put(
            "subsidies_received",
            self.subsidies_received.as_ref().map(|ss| {
                Value::Array(
                    ss.iter()
                        .map(|s| {
                            let mut g = Fields(Map::new());
                            g.put("kind", Some(json!(id_of(s.kind))));
                            g.put("date", date(Some(s.date)));
                            g.put("level", s.level.clone().map(Value::from));
                            g.put("occupation", s.occupation.clone().map(Value::from));
                            g.put("shortage_occupation", s.shortage_occupation.map(Value::from));
                            Value::Object(g.0)
                        })
                        .collect(),
                )
            }),
        );
        f.put("id_number", self.id_number.clone().map(Value::from));
        Value::Object(f.0)
    }
}

impl OfferInput {
    fn to_value(&self) -> Value {
        let mut f = Fields(Map::new());
        f.put("training_type", self.training_type.clone().map(Value::from));
        f.put("target_level", self.target_level.clone().map(Value::from));
        f.put("certificate_kind", self.certificate_kind.clone().map(Value::from));
        f.put("occupation", self.occupation.clone().map(Value::from));
        f.put("shortage_occupation", self.shortage_occupation.map(Value::from));
        f.put("hours", self.hours.map(Value::from));
        f.put("provider_listed", self.provider_listed.map(Value::from));
        f.put("start_date", date(self.start_date));
        f.put("end_date", date(self.end_date));
        f.put("certificate_date", date(self.certificate_date));
        Value::Object(f.0)
    }
}

/// An answer for a subsidy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum EligibilityStatus {
    Eligible,
    NotEligible,
    Undetermined,
}

/// An answer for one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CheckOutcome {
    Yes,
    No,
    Unknown,
}

/// One condition of a subsidy rule, explained.
#[derive(Debug, Clone, uniffi::Record)]
pub struct EligibilityCheck {
    pub check: String,
    pub outcome: CheckOutcome,
    pub explanation: Label,
}

/// A change (`kind == "change"`) or a fact to give (`kind == "fact"`, with its field path).
#[derive(Debug, Clone, uniffi::Record)]
pub struct EligibilityRequirement {
    pub check: String,
    pub kind: String,
    pub field: Option<String>,
    pub explanation: Label,
}

/// A value the answer rests on that is a documented default, not a confirmed fact.
#[derive(Debug, Clone, uniffi::Record)]
pub struct UnconfirmedValue {
    pub parameter: String,
    pub note: String,
}

/// The rule version applied.
#[derive(Debug, Clone, uniffi::Record)]
pub struct RuleVersion {
    pub id: String,
    pub from: CalendarDate,
    pub to: Option<CalendarDate>,
    pub source: String,
}

/// The answer for one subsidy of （二十五）.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SubsidyDecision {
    pub id: String,
    pub name: Label,
    pub status: EligibilityStatus,
    pub amount: Option<ExactDecimal>,
    pub fund: Label,
    pub clauses: Vec<String>,
    pub version: Option<RuleVersion>,
    pub checks: Vec<EligibilityCheck>,
    pub to_qualify: Vec<EligibilityRequirement>,
    pub missing_facts: Vec<String>,
    pub unconfirmed: Vec<UnconfirmedValue>,
}

/// A target group of the plan the person is in ("member") or may be in ("undetermined").
#[derive(Debug, Clone, uniffi::Record)]
pub struct TargetGroupDecision {
    pub id: String,
    pub name: Label,
    pub clause: String,
    pub status: String,
    pub reasons: Vec<Label>,
    pub missing_facts: Vec<String>,
}

/// Target groups and the four subsidies, as of a date.
#[derive(Debug, Clone, uniffi::Record)]
pub struct EligibilityDecision {
    pub as_of: CalendarDate,
    pub target_groups: Vec<TargetGroupDecision>,
    pub subsidies: Vec<SubsidyDecision>,
}

fn outcome(t: el::Tri) -> CheckOutcome {
    match t {
        el::Tri::Yes => CheckOutcome::Yes,
        el::Tri::No => CheckOutcome::No,
        el::Tri::Unknown => CheckOutcome::Unknown,
    }
}

impl From<&el::DecisionView> for EligibilityDecision {
    fn from(d: &el::DecisionView) -> Self {
        EligibilityDecision {
            as_of: d.as_of,
            target_groups: d
                .target_groups
                .iter()
                .map(|g| TargetGroupDecision {
                    id: g.id.clone(),
                    name: (&g.name).into(),
                    clause: g.clause.clone(),
                    status: g.status.as_str().to_owned(),
                    reasons: g.reasons.iter().map(Label::from).collect(),
                    missing_facts: g.missing_facts.iter().map(|s| s.as_str().to_owned()).collect(),
                })
                .collect(),
            subsidies: d
                .subsidies
                .iter()
                .map(|s| SubsidyDecision {
                    id: s.id.as_str().to_owned(),
                    name: (&s.name).into(),
                    status: match s.status {
                        el::Status::Eligible => EligibilityStatus::Eligible,
                        el::Status::NotEligible => EligibilityStatus::NotEligible,
                        el::Status::Undetermined => EligibilityStatus::Undetermined,
                    },
                    amount: s.amount,
                    fund: (&s.fund).into(),
                    clauses: s.clauses.clone(),
                    version: s.version.as_ref().map(|v| RuleVersion {
                        id: v.id.clone(),
                        from: v.from,
                        to: v.to,
                        source: v.source.clone(),
                    }),
                    checks: s
                        .checks
                        .iter()
                        .map(|c| EligibilityCheck {
                            check: c.check.as_str().to_owned(),
                            outcome: outcome(c.outcome),
                            explanation: (&c.explanation).into(),
                        })
                        .collect(),
                    to_qualify: s
                        .to_qualify
                        .iter()
                        .map(|r| EligibilityRequirement {
                            check: r.check.as_str().to_owned(),
                            kind: r.kind.as_str().to_owned(),
                            field: r.field.map(|f| f.as_str().to_owned()),
                            explanation: (&r.explanation).into(),
                        })
                        .collect(),
                    missing_facts: s.missing_facts.iter().map(|f| f.as_str().to_owned()).collect(),
                    unconfirmed: s
                        .unconfirmed
                        .iter()
                        .map(|u| UnconfirmedValue { parameter: u.parameter.clone(), note: u.note.clone() })
                        .collect(),
                })
                .collect(),
        }
    }
}

#[uniffi::export]
impl Plan {
    /// Which target groups a person is in and, for each subsidy of （二十五）, eligible /
    /// not eligible / undetermined with the amount, the checks, what would make it eligible and
    /// the values that are unconfirmed defaults.
    pub fn check_eligibility(
        &self,
        profile: ProfileInput,
        offer: OfferInput,
        as_of: CalendarDate,
    ) -> Result<EligibilityDecision, SkillplanError> {
        guard("checkEligibility", || {
            Ok((&el::check_values(&self.inner, &profile.to_value(), &offer.to_value(), as_of)?).into())
        })
    }

    /// `checkEligibility` with the profile and offer as JSON text (skillplan-profile/1), as a
    /// server sends them; malformed text is INVALID_PROFILE / INVALID_OFFER with reason syntax.
    pub fn check_eligibility_json(
        &self,
        profile_json: String,
        offer_json: String,
        as_of: CalendarDate,
    ) -> Result<EligibilityDecision, SkillplanError> {
        guard("checkEligibilityJson", || Ok((&el::check_json(&self.inner, &profile_json, &offer_json, as_of)?).into()))
    }

    /// `checkEligibility` for many profiles and one offer, in order, each the single call's; the
    /// first bad profile stops it with its index (`profiles[3].sex`).
    pub fn check_eligibility_batch(
        &self,
        profiles: Vec<ProfileInput>,
        offer: OfferInput,
        as_of: CalendarDate,
    ) -> Result<Vec<EligibilityDecision>, SkillplanError> {
        guard("checkEligibilityBatch", || {
            let values: Vec<Value> = profiles.iter().map(ProfileInput::to_value).collect();
            let offer = el::offer_from_value(&self.inner, &offer.to_value()).map_err(core::Error::from)?;
            Ok(el::check_batch(&self.inner, &values, &offer, as_of)?.iter().map(EligibilityDecision::from).collect())
        })
    }

    /// The batch call with the profiles as a JSON array text.
    pub fn check_eligibility_batch_json(
        &self,
        profiles_json: String,
        offer_json: String,
        as_of: CalendarDate,
    ) -> Result<Vec<EligibilityDecision>, SkillplanError> {
        guard("checkEligibilityBatchJson", || {
            let values: Vec<Value> = match serde_json::from_str::<Value>(&profiles_json) {
                Ok(Value::Array(items)) => items,
                Ok(_) => {
                    return Err(core::Error::from(el::ProfileError::at_path(
                        "wrong_type",
                        "profiles",
                        "expected an array",
                    ))
                    .into());
                }
                Err(e) => {
                    return Err(core::Error::from(el::ProfileError::at_syntax("profiles", e.line(), e.column())).into());
                }
            };
            let offer = el::parse_offer_json(&self.inner, &offer_json).map_err(core::Error::from)?;
            Ok(el::check_batch(&self.inner, &values, &offer, as_of)?.iter().map(EligibilityDecision::from).collect())
        })
    }
}
