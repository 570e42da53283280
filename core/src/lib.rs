//! skillplan: one definition of a vocational-skills training action plan.
//!
//! The plan is data (a TOML file checked against [`json_schema`]); this crate loads and
//! validates it and answers every query the Python, Node and mobile bindings expose. The
//! crate knows nothing of those bindings: they only convert types and errors, through the
//! [`host`] boundary that every one of them calls.
//!
//! ```
//! let plan = skillplan::Plan::jilin_2022_2025()?;
//! let row1 = plan.indicator("subsidized-training")?;
//! assert_eq!(row1.target.to_string(), "840000");
//! assert_eq!(plan.parts("subsidized-training")?.len(), 2);
//! # Ok::<(), skillplan::Error>(())
//! ```
//!
//! The modules are layers; none imports from a layer above its own (README, "Architecture"):
//!
//! | layer | modules | what it owns |
//! |---|---|---|
//! | basics | [`basics`] | dates, exact decimals, ID numbers, text and redaction, Arrow columns |
//! | errors | [`error`] | every error type, code and host error class |
//! | data model | [`model`] | the plan file's types, as serde and JSON Schema define them |
//! | the plan | [`Plan`] (`plan`) | loading, validation, clause lookup, the compiled rules |
//! | capabilities | [`progress`], [`records`], [`eligibility`], [`pathway`] | what the plan computes |
//! | host boundary | [`host`] | what every binding needs beyond type conversion |

#![warn(missing_docs)]

pub mod basics;
pub mod eligibility;
pub mod error;
pub mod host;
pub mod model;
pub mod pathway;
mod plan;
pub mod progress;
pub mod records;

/// The crate README's example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// This library's version (the workspace's one version: `Cargo.toml`, `[workspace.package]`).
/// Every package reports it: Python `skillplan.__version__`, Node `version`, Kotlin
/// `skillplanVersion()`, and `skillplan --version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The Arrow crate skillplan reads batches with, for callers that build batches themselves.
#[cfg(feature = "arrow")]
pub use arrow_array;
pub use basics::decimal_text::MAX_VALUE;
pub use basics::text::redact;
pub use basics::{date_text, decimal_text, id_number};
pub use error::{
    Error, ErrorClass, ErrorCode, InternalError, Issue, ObservationError, ObservationReason, OptionsError, PlanError,
    ProfileError, QueryError, Reason, RecordsError, WorkerError,
};
pub use model::*;
pub use plan::{Clause, ClauseKind, JILIN_2022_2025_JSON, JILIN_2022_2025_TOML, MAX_PLAN_BYTES, Plan};
#[cfg(feature = "sample")]
pub use records::sample;
pub use records::{
    BytesRead, CountOptions, IndicatorTally, MAX_COUNT, MAX_KEPT_REJECTIONS, RecordFormat, RecordInput, RecordReason,
    Rejection, TALLY_FORMAT, Tally, TallyCell, TallySummary,
};
