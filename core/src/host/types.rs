//! The boundary types: every answer a host builds from the core's serde form (plan queries,
//! progress reports, pathways, the crosswalk, eligibility decisions), described once as JSON Schema. Python's classes
//! (`skillplan/_types.py`) and the TypeScript declarations of the Node package are generated
//! from this description by `scripts/gen_host_types.py`, so that no binding writes a type again;
//! `core/plans/host-types.schema.json` is this text, and a test keeps the two equal.
//!
//! Decimals and dates are strings in JSON (`format: decimal`, `format: date` here); serialised,
//! they are marked ([`crate::decimal_text::MARK`], [`crate::date_text::MARK`]) so that a host's
//! converter can build its own decimal and date types from them.

use schemars::SchemaGenerator;
use schemars::generate::SchemaSettings;

use crate::model::{
    Column, CrosswalkEntry, Department, EducationEquivalence, Indicator, Measure, Metadata, Region, SkillLevel, Title,
};
use crate::pathway::Pathway;
use crate::plan::Clause;
use crate::progress::{IndicatorProgress, RegionalTarget, Report};

/// The JSON Schema of every boundary type, as `$defs` of one document.
pub fn schema() -> String {
    let mut generator = SchemaGenerator::new(SchemaSettings::draft2020_12().for_serialize());
    generator.subschema_for::<Metadata>();
    generator.subschema_for::<Indicator>();
    generator.subschema_for::<Measure>();
    generator.subschema_for::<Column>();
    generator.subschema_for::<Clause>();
    generator.subschema_for::<Department>();
    generator.subschema_for::<Region>();
    generator.subschema_for::<SkillLevel>();
    generator.subschema_for::<Title>();
    generator.subschema_for::<CrosswalkEntry>();
    generator.subschema_for::<EducationEquivalence>();
    generator.subschema_for::<crate::error::Issue>();
    generator.subschema_for::<crate::error::ErrorCode>();
    generator.subschema_for::<crate::error::ErrorClass>();
    generator.subschema_for::<Report>();
    generator.subschema_for::<IndicatorProgress>();
    generator.subschema_for::<RegionalTarget>();
    generator.subschema_for::<Pathway>();
    generator.subschema_for::<crate::eligibility::DecisionSummary>();
    generator.subschema_for::<crate::eligibility::DecisionView>();
    generator.subschema_for::<crate::eligibility::CheckCode>();
    generator.subschema_for::<crate::progress::Milestone>();
    generator.subschema_for::<crate::progress::Thresholds>();
    generator.subschema_for::<crate::progress::observations::SeriesKind>();
    generator.subschema_for::<crate::records::RecordInput>();
    generator.subschema_for::<crate::model::SchoolType>();
    generator.subschema_for::<crate::records::Rejection>();
    generator.subschema_for::<crate::records::IndicatorTally>();
    generator.subschema_for::<crate::records::TallyCell>();
    generator.subschema_for::<crate::records::HashSummary>();
    let definitions = generator.take_definitions(true);
    let document = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "skillplan boundary types",
        "description": "Every answer hosts build from the core's serde form; generated from the Rust types.",
        "$defs": definitions,
    });
    serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
}

/// Every boundary type under the name the schema gives it, for hosts that declare the types
/// again (uniffi's remote types, `bindings-mobile/src/remote.rs`).
pub mod remote {
    pub use crate::eligibility::{
        CheckCode, CheckKind, CheckView, DecisionSummary, DecisionView, Fact, GroupStatus, GroupView, Requirement,
        RequirementKind, Status as EligibilityStatus, SubsidyKind, SubsidySummary, SubsidyView, Tri, Unconfirmed,
        VersionView,
    };
    pub use crate::error::{ErrorClass, ErrorCode, Issue, Reason};
    pub use crate::model::{
        Attribute, Column, ColumnItem, Comparator, Confidence, CountingRule, CrosswalkDirection, CrosswalkEntry,
        Department, EducationEquivalence, Indicator, Label, LevelKind, Measure, Metadata, Period, PlanMilestone,
        RecordCondition, RecordField, RecordSubject, Region, RegionKind, Responsibility, SchoolType, SkillLevel, Title,
        TitleGrade, Unit,
    };
    pub use crate::pathway::{
        ConditionKind, ConditionProgress, HeldLevelView, Pathway, RouteProgress, Step, Unlock, UnlockKind,
    };
    pub use crate::plan::{Clause, ClauseKind};
    pub use crate::progress::observations::SeriesKind;
    pub use crate::progress::{
        ExpectedMethod, IndicatorProgress, Milestone, PartsCheck, ProgressWarning, Projection, ProjectionClass,
        ProjectionMethod, RegionalTarget, Report, Source, Status, Thresholds, WarningCode,
    };
    pub use crate::records::{HashSummary, IndicatorTally, RecordInput, Rejection, TallyCell};
}
