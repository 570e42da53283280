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
mod headers;
mod kernel;
#[cfg(all(test, feature = "arrow"))]
mod kernel_properties;
mod parse;
mod parts;
mod person_keys;
#[cfg(feature = "sample")]
pub mod sample;
mod schema;
mod tally;
#[cfg(test)]
mod test_values;
#[cfg(feature = "workbook")]
mod workbook;

pub use columns::{BASE_COLUMNS, COLUMNS, Column, MAX_KEY_BYTES, RecordInput, TRAINING_COLUMNS};
pub use files::{BytesRead, RecordFormat};
pub use headers::{ColumnMapping, parse_column_mapping};
pub use parse::RecordReason;
#[cfg(feature = "arrow")]
pub(crate) use parse::{LIST_SEPARATORS, parse_flag as parse_flag_text};
pub use person_keys::{HashSummary, MIN_SALT_BYTES, hash_keys, normalise_id_number, person_key};
pub use schema::json_schema;
pub use tally::{
    CountOptions, IndicatorTally, MAX_COUNT, MAX_KEPT_REJECTIONS, Rejection, TALLY_FORMAT, Tally, TallyCell,
    TallySummary,
};
