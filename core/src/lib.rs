//! skillplan: one definition of a vocational-skills training action plan.
//!
//! The plan is data (a TOML file checked against [`json_schema`]); this crate loads and
//! validates it and answers every query the Python, Node and mobile bindings expose. The
//! crate knows nothing of those bindings: they only convert types and errors.
//!
//! ```
//! let plan = skillplan::Plan::jilin_2022_2025()?;
//! let row1 = plan.indicator("subsidized-training")?;
//! assert_eq!(row1.target.to_string(), "840000");
//! assert_eq!(plan.parts("subsidized-training")?.len(), 2);
//! # Ok::<(), skillplan::Error>(())
//! ```

#[cfg(feature = "arrow")]
mod arrow_input;
/// The Arrow crate skillplan reads batches with, for callers that build batches themselves.
#[cfg(feature = "arrow")]
pub use arrow_array;
mod clause;
pub mod date_text;
pub mod decimal_text;
pub mod eligibility;
mod error;
pub mod fault;
pub mod id_number;
mod load;
pub mod model;
pub mod observations;
pub mod pathway;
mod plan;
pub mod progress;
mod read;
pub mod records;
mod rules;
#[cfg(feature = "sample")]
pub mod sample;
mod short_map;
mod tally;
mod validate;
#[cfg(not(feature = "fast-load"))]
mod value_de;

pub use clause::{Clause, ClauseKind};
pub use error::{
    Error, ErrorCode, InternalError, Issue, ObservationError, ObservationReason, OptionsError, PlanError, QueryError,
    Reason, RecordsError, redact,
};
pub use load::MAX_PLAN_BYTES;
pub use model::*;
pub use plan::{JILIN_2022_2025_JSON, JILIN_2022_2025_TOML, Plan};
pub use read::{Progress, RecordFormat};
pub use records::{RecordInput, RecordReason};
pub use tally::{
    CountOptions, IndicatorTally, MAX_COUNT, MAX_KEPT_REJECTIONS, Rejection, TALLY_FORMAT, Tally, TallyCell,
    TallySummary,
};

/// The largest target or observed value skillplan computes with (10^15): far above any count of
/// people or training bases, and low enough that no exact sum or product overflows.
pub const MAX_VALUE: rust_decimal::Decimal = rust_decimal::Decimal::from_parts(2764472320, 232830, 0, false, 0);

/// The JSON Schema of the plan data format, generated from the Rust types.
/// `core/plans/plan.schema.json` is this text; a test keeps the two equal.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(model::PlanData);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
