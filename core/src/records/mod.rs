//! Counting real-name training records (（九）（十八）) by each indicator's counting rule: the
//! record format (`columns`), one parser every reader shares (`parse`), streamed CSV and JSON
//! Lines files (`files`), Arrow batches (`arrow`, feature `arrow`), the tallies they add to
//! (`tally`), the format's JSON Schema (`schema`) and synthetic records (`sample`, feature
//! `sample`).

#[cfg(feature = "arrow")]
mod arrow;
mod blocks;
#[cfg(test)]
mod blocks_properties;
mod columns;
mod field;
mod files;
mod kernel;
#[cfg(all(test, feature = "arrow"))]
mod kernel_properties;
mod parse;
mod parts;
#[cfg(feature = "sample")]
pub mod sample;
mod schema;
mod tally;
#[cfg(test)]
mod test_values;

pub use columns::{BASE_COLUMNS, COLUMNS, Column, MAX_KEY_BYTES, RecordInput, TRAINING_COLUMNS};
pub use files::{BytesRead, RecordFormat};
pub use parse::RecordReason;
pub use schema::json_schema;
pub use tally::{
    CountOptions, IndicatorTally, MAX_COUNT, MAX_KEPT_REJECTIONS, Rejection, TALLY_FORMAT, Tally, TallyCell,
    TallySummary,
};
