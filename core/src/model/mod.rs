//! The plan's data model: one serde definition that the data file, the JSON Schema, the
//! canonical fingerprint and every binding share.
//!
//! Field names are the data file's keys. Identifiers are plain strings so that a plan for
//! another province or period loads with no code change; the loader checks that every
//! reference between them resolves (see `validate`).
//!
//! The model in parts: `document` (metadata, chapters, measures, columns, departments, regions),
//! `indicators` (专栏1), `ladder` (skill levels, routes, titles, the crosswalk), `records` (record
//! vocabularies and counting rules) and `eligibility` (statuses, groups and subsidy rules).

mod document;
pub mod eligibility;
mod indicators;
mod ladder;
mod records;

pub use document::*;
pub use indicators::*;
pub use ladder::*;
pub use records::*;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The data format this crate reads. A file with another `format` is refused.
pub const FORMAT_VERSION: u32 = 1;

/// A whole training action plan, as written in its data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanData {
    /// Data format version; must equal 1.
    pub format: u32,
    /// Stable identifier of the plan, e.g. `jilin-2022-2025`.
    pub id: String,
    /// Who issued the plan, when, and the period it covers.
    pub metadata: Metadata,
    /// Repairs of text-extraction artefacts applied to the source text, each listed.
    #[serde(default)]
    pub text_fixes: Vec<TextFix>,
    /// Every department or body the plan names.
    #[serde(default)]
    pub departments: Vec<Department>,
    /// Regions and the administrative units the notice addresses.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// Chapters 一, 二, … with their own text.
    #[serde(default)]
    pub chapters: Vec<Chapter>,
    /// Numbered measures （一）, （二）, ….
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Boxed columns 专栏1, 专栏2, ….
    #[serde(default)]
    pub columns: Vec<Column>,
    /// The quantitative targets (专栏1 in the Jilin plan).
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// The skill-level ladder, lowest first (学徒工 … 首席技师).
    // Absent sections stay out of the canonical form, so adding a section to the format leaves
    // the fingerprints of plans without it unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skill_levels: Vec<SkillLevel>,
    /// Conditions for applying to each level: a `default` set and per-occupation overrides.
    // Absent sections stay out of the canonical form, so adding a section to the format leaves
    // the fingerprints of plans without it unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub level_requirements: Vec<LevelRequirements>,
    /// Professional titles (职称) reached through the 双贯通 crosswalk.
    // Absent sections stay out of the canonical form, so adding a section to the format leaves
    // the fingerprints of plans without it unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<Title>,
    /// The 双贯通 crosswalk between skill levels and professional titles.
    // Absent sections stay out of the canonical form, so adding a section to the format leaves
    // the fingerprints of plans without it unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crosswalk: Vec<CrosswalkEntry>,
    /// Equivalences of 技工院校 classes to school diplomas, and their purposes.
    // Absent sections stay out of the canonical form, so adding a section to the format leaves
    // the fingerprints of plans without it unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub education_equivalences: Vec<EducationEquivalence>,
    /// The vocabularies of the real-name training records that counting rules refer to.
    // Absent sections stay out of the canonical form (see above).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<RecordVocabulary>,
    /// Statuses, target groups and subsidy rules for eligibility checks (（二十五）).
    // Absent sections stay out of the canonical form (see above).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<eligibility::EligibilityData>,
}

/// A text in Chinese (as the plan writes it) and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// The Chinese text.
    pub zh: String,
    /// The English text.
    pub en: String,
}

pub(crate) fn label(zh: &str, en: &str) -> Label {
    Label { zh: zh.to_owned(), en: en.to_owned() }
}

/// The JSON Schema of the plan data format, generated from the Rust types.
/// `core/plans/plan.schema.json` is this text; a test keeps the two equal.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(PlanData);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_text<T: Serialize>(value: T) -> String {
        serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    #[test]
    fn as_str_is_the_serde_name() {
        for u in [Unit::PersonTimes, Unit::Count] {
            assert_eq!(u.as_str(), serde_text(u));
        }
        for a in [Attribute::Expected, Attribute::Binding] {
            assert_eq!(a.as_str(), serde_text(a));
        }
        for c in
            [Comparator::AtLeast, Comparator::MoreThan, Comparator::AtMost, Comparator::LessThan, Comparator::Equal]
        {
            assert_eq!(c.as_str(), serde_text(c));
        }
        for k in [
            RegionKind::Province,
            RegionKind::PrefectureCity,
            RegionKind::AutonomousPrefecture,
            RegionKind::ManagementArea,
            RegionKind::NewArea,
        ] {
            assert_eq!(k.as_str(), serde_text(k));
        }
    }
}
