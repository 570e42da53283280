//! The record format's columns (fields) and a record as typed hosts hand it over.

use serde::{Deserialize, Serialize};

/// Identifiers and person keys are at most this many bytes.
pub const MAX_KEY_BYTES: usize = 128;

/// The columns of the record format, in the order a sample file writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// `record_id`: the training system's id of a training record.
    RecordId,
    /// `person_key`: a hashed key of the person, never an ID number.
    PersonKey,
    /// `region`: a region id, name or GB/T 2260 code.
    Region,
    /// `training_type`: a term of the plan's `records.training_types`.
    TrainingType,
    /// `subsidised`: whether the training was subsidised.
    Subsidised,
    /// `groups`: terms of the plan's `records.groups`.
    Groups,
    /// `start_date`: the day the training started.
    StartDate,
    /// `end_date`: the day the training ended.
    EndDate,
    /// `completion_date`: the day the person completed the training (结业).
    CompletionDate,
    /// `certificate_kind`: a term of the plan's `records.certificate_kinds`.
    CertificateKind,
    /// `certificate_level`: the certificate's skill level.
    CertificateLevel,
    /// `certificate_date`: the day the certificate was issued.
    CertificateDate,
    /// `base_id`: a training base's id; a row with one is a base.
    BaseId,
    /// `base_kind`: a term of the plan's `records.base_kinds`.
    BaseKind,
    /// `designated_date`: the day the base was built or designated.
    DesignatedDate,
    /// `base_name`: the base's name, not read by any rule.
    BaseName,
}

/// Every column, in order.
pub const COLUMNS: [Column; 16] = [
    Column::RecordId,
    Column::PersonKey,
    Column::Region,
    Column::TrainingType,
    Column::Subsidised,
    Column::Groups,
    Column::StartDate,
    Column::EndDate,
    Column::CompletionDate,
    Column::CertificateKind,
    Column::CertificateLevel,
    Column::CertificateDate,
    Column::BaseId,
    Column::BaseKind,
    Column::DesignatedDate,
    Column::BaseName,
];

/// The columns of a training-record file, in the order sample files write them.
pub const TRAINING_COLUMNS: [Column; 12] = [
    Column::RecordId,
    Column::PersonKey,
    Column::Region,
    Column::TrainingType,
    Column::Subsidised,
    Column::Groups,
    Column::StartDate,
    Column::EndDate,
    Column::CompletionDate,
    Column::CertificateKind,
    Column::CertificateLevel,
    Column::CertificateDate,
];

/// The columns of a base-record file.
pub const BASE_COLUMNS: [Column; 5] =
    [Column::BaseId, Column::BaseKind, Column::Region, Column::DesignatedDate, Column::BaseName];

impl Column {
    /// The column's name, as CSV headers and JSON keys write it.
    pub fn name(self) -> &'static str {
        match self {
            Column::RecordId => "record_id",
            Column::PersonKey => "person_key",
            Column::Region => "region",
            Column::TrainingType => "training_type",
            Column::Subsidised => "subsidised",
            Column::Groups => "groups",
            Column::StartDate => "start_date",
            Column::EndDate => "end_date",
            Column::CompletionDate => "completion_date",
            Column::CertificateKind => "certificate_kind",
            Column::CertificateLevel => "certificate_level",
            Column::CertificateDate => "certificate_date",
            Column::BaseId => "base_id",
            Column::BaseKind => "base_kind",
            Column::DesignatedDate => "designated_date",
            Column::BaseName => "base_name",
        }
    }

    /// Whether the column holds a date.
    pub fn is_date(self) -> bool {
        matches!(
            self,
            Column::StartDate
                | Column::EndDate
                | Column::CompletionDate
                | Column::CertificateDate
                | Column::DesignatedDate
        )
    }

    /// The column of this name, if any; blanks and a byte-order mark around it are ignored.
    pub fn from_name(name: &str) -> Option<Column> {
        let name = name.trim().trim_start_matches('\u{feff}');
        COLUMNS.iter().copied().find(|c| c.name() == name)
    }
}

/// A record as a typed host (Kotlin, Swift) hands it over: every field as text, `groups` as a
/// list. Absent and empty fields are the same.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema, Deserialize)]
pub struct RecordInput {
    /// The training system's id of a training record; at most 128 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    /// A hashed key of the person; at most 128 bytes, never an ID number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_key: Option<String>,
    /// A region id, name or GB/T 2260 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// An id, Chinese name or alias of the plan's `records.training_types`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_type: Option<String>,
    /// `true`/`false`, `1`/`0`, `yes`/`no` or `是`/`否`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsidised: Option<String>,
    /// Ids or names of the plan's `records.groups`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// The day the training started, an ISO date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// The day the training ended, an ISO date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// The day the person completed the training (结业), an ISO date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_date: Option<String>,
    /// An id or name of the plan's `records.certificate_kinds`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_kind: Option<String>,
    /// A skill level id, name or national level 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_level: Option<String>,
    /// The day the certificate was issued, an ISO date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_date: Option<String>,
    /// A training base's id; at most 128 bytes. A record with one is a base.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_id: Option<String>,
    /// An id or name of the plan's `records.base_kinds`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_kind: Option<String>,
    /// The day the base was built or designated, an ISO date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_date: Option<String>,
    /// The base's name (not read by any rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_name: Option<String>,
}
