//! The vocabularies of real-name training records (（九）（十八）) and the counting rules that
//! read them: which records count toward an indicator, and by which date.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Label;

/// The values that the coded fields of training and base records may take (（九）, （十八）).
/// A record may give a value by its id, its Chinese name or one of its aliases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordVocabulary {
    /// Where these categories come from.
    pub source: String,
    /// 就业技能培训, 岗位技能提升培训, …
    pub training_types: Vec<Term>,
    /// Groups a trainee belongs to: 农民工, 脱贫劳动力, 退役军人, …
    pub groups: Vec<Term>,
    /// 职业资格证书, 职业技能等级证书, …
    pub certificate_kinds: Vec<Term>,
    /// 公共实训基地, 职业技能实训基地, 职业技能竞赛集训基地.
    pub base_kinds: Vec<Term>,
    /// The headers exports of the 实名制培训信息管理系统 write for each record field (培训类型,
    /// 是否补贴, 结业日期, …), read as that field. Headers are compared trimmed, with full-width
    /// characters folded and ASCII letters in lower case; a caller's column mapping overrides them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<HeaderAliases>,
}

/// The fields a header alias may name: the record format's columns, and `id_number`, the
/// column of ID numbers that `hash-keys` turns into `person_key` (never read as a record field).
pub const HEADER_FIELDS: [&str; 17] = [
    "record_id",
    "person_key",
    "region",
    "training_type",
    "subsidised",
    "groups",
    "start_date",
    "end_date",
    "completion_date",
    "certificate_kind",
    "certificate_level",
    "certificate_date",
    "base_id",
    "base_kind",
    "designated_date",
    "base_name",
    "id_number",
];

/// The other headers one record field goes by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HeaderAliases {
    /// A field of [`HEADER_FIELDS`], e.g. `training_type`.
    pub field: String,
    /// Headers read as that field, e.g. `培训类型`, `培训类别`.
    pub aliases: Vec<String>,
}

/// One value of a record vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable identifier, e.g. `apprenticeship`.
    pub id: String,
    /// The value's name, in Chinese and English.
    pub name: Label,
    /// Other spellings record systems use, e.g. `企业新型学徒制`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// The kind of record a counting rule counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordSubject {
    /// A person's training (and the certificate it led to): one row per person per training.
    Training,
    /// A training base (公共实训基地 …).
    Base,
}

/// The record fields a counting rule can test or date by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordField {
    /// The training's type, a term of `training_types`.
    TrainingType,
    /// Whether the training was subsidised.
    Subsidised,
    /// The groups the trainee belongs to, terms of `groups`.
    Groups,
    /// The day the training started.
    StartDate,
    /// The day the training ended.
    EndDate,
    /// The day the person completed the training (结业).
    CompletionDate,
    /// The kind of certificate the training led to, a term of `certificate_kinds`.
    CertificateKind,
    /// The skill level of that certificate.
    CertificateLevel,
    /// The day the certificate was issued.
    CertificateDate,
    /// The kind of training base, a term of `base_kinds`.
    BaseKind,
    /// The day the base was built or designated.
    DesignatedDate,
}

impl RecordField {
    /// The field's name, as data files and the record format write it.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordField::TrainingType => "training_type",
            RecordField::Subsidised => "subsidised",
            RecordField::Groups => "groups",
            RecordField::StartDate => "start_date",
            RecordField::EndDate => "end_date",
            RecordField::CompletionDate => "completion_date",
            RecordField::CertificateKind => "certificate_kind",
            RecordField::CertificateLevel => "certificate_level",
            RecordField::CertificateDate => "certificate_date",
            RecordField::BaseKind => "base_kind",
            RecordField::DesignatedDate => "designated_date",
        }
    }
}

/// How an indicator counts records: which ones, and which of their dates places them in time.
/// Compiled once when the plan loads; a rule that names an unknown field or value is a load
/// error with its path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountingRule {
    /// Which records the rule counts: trainings or bases.
    pub subject: RecordSubject,
    /// The date that places a counted record in a month (a date field of the subject).
    pub date: RecordField,
    /// The condition a record must meet; absent, every record of the subject counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<RecordCondition>,
    /// Why the rule reads so: the clause and, where the plan is silent, the default chosen.
    pub source: String,
    /// What the plan does not settle and this rule assumes (shown with every count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unconfirmed: Option<String>,
}

/// A condition over one record: exactly one of `all`, `any`, `not`, or a `field` with one test.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordCondition {
    /// Every condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<RecordCondition>>,
    /// At least one condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<RecordCondition>>,
    /// The condition does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<RecordCondition>>,
    /// The field a test reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<RecordField>,
    /// The field equals this term id, level id, or (for `subsidised`) true or false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<ConditionValue>,
    /// The field is one of these term ids.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
    /// `groups` includes at least one of these group ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_any: Option<Vec<String>>,
    /// `certificate_level` is this skill level or higher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<String>,
    /// The field is given (true) or absent (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
}

/// The value of an `equals` test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ConditionValue {
    /// `true` or `false`, for `subsidised`.
    Flag(bool),
    /// A term id or a skill level id.
    Text(String),
}
