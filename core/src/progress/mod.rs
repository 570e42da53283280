//! Target progress: where each indicator stands as of a date, whether it is on schedule, the pace
//! still needed, and projections to the end of the period by several audited methods.
//!
//! Every number is a `Decimal`. Sums and differences are exact; quotients carry 28 significant
//! digits and are then rounded (half to even) to [`RATIO_DP`] places, so every binding prints the
//! same digits. Nothing is rounded further until presentation.
//!
//! Time is counted in days: day 1 is the period's first day, day N its last. The share of the
//! period elapsed by the end of day D is min(max(day(D), 0), N) / N. A month is 365.25 / 12 =
//! 30.4375 days and a year 365.25 days when a pace is stated per month or per year.
//!
//! The pieces: [`observations`] reads and checks what was achieved; `options` holds what a
//! computation needs besides; `timeline` counts days and the value expected by a date;
//! `series` builds each indicator's cumulative series (reported, or rolled up from regions);
//! `projections` implements the four audited methods; `indicator` puts one indicator's row
//! together; `report` the whole plan's; `decompose` splits a target over regions.

mod decompose;
mod indicator;
pub mod observations;
mod options;
mod projections;
mod report;
mod result;
mod series;
mod timeline;

pub use crate::basics::decimal_text::RATIO_DP;
pub use decompose::decompose;
pub use options::{Milestone, ProgressOptions, RegionalTarget, Thresholds};
pub use report::{achieved_series, indicator, report};
pub use result::{
    ExpectedMethod, IndicatorProgress, PartsCheck, ProgressWarning, Projection, ProjectionClass, ProjectionMethod,
    Report, ReportRow, Source, Status, WarningCode,
};
