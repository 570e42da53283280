//! The bottom layer: values every other module reads or writes, with no knowledge of plans.
//! Dates as plan files and records write them, exact decimals and the rounding of quotients,
//! GB 11643 ID numbers, text as messages may show it, and (feature `arrow`) Arrow columns.

#[cfg(feature = "arrow")]
pub mod arrow;
#[macro_use]
pub(crate) mod closed_set;
pub mod date_text;
pub mod decimal_text;
pub mod encoding;
pub mod export_text;
pub mod id_number;
#[macro_use]
pub mod messages;
pub(crate) mod short_map;
pub mod text;
