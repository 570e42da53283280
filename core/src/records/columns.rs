//! The record format's columns (fields) and a record as typed hosts hand it over.

use serde::{Deserialize, Serialize};

/// Identifiers and person keys are at most this many bytes.
pub const MAX_KEY_BYTES: usize = 128;

/// The columns of the record format, in the order a sample file writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    RecordId,
    PersonKey,
    Region,
    TrainingType,
    Subsidised,
    Groups,
    StartDate,
    EndDate,
    CompletionDate,
    CertificateKind,
    CertificateLevel,
    CertificateDate,
    BaseId,
    BaseKind,
    DesignatedDate,
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

    pub fn from_name(name: &str) -> Option<Column> {
        let name = name.trim().trim_start_matches('\u{feff}');
        COLUMNS.iter().copied().find(|c| c.name() == name)
    }
}

/// A record as a typed host (Kotlin, Swift) hands it over: every field as text, `groups` as a
/// list. Absent and empty fields are the same.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_type: Option<String>,
    /// `true`/`false`, `1`/`0`, `yes`/`no` or `是`/`否`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsidised: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_name: Option<String>,
}
