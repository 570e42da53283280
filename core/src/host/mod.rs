//! The host boundary: what every binding (Python, Node, Kotlin/Swift, the browser) needs beyond
//! converting types, written once here so that each binding is a few lines per call.
//!
//! - [`value`]: the host-value policy (depth, NaN, infinities, floats, decimals, datetimes),
//!   applied to whatever a binding hands over before the core's readers see it.
//! - [`options`]: the options every host offers (as-of dates, progress options, weights,
//!   counting options, decision options), read with their error paths.
//! - [`batch`]: JSON in and JSON out for servers: a profile or a roster of profiles as JSON text
//!   decided into JSON text, split across the machine's cores.
//! - [`files`]: calls on files (hashing an export's ID numbers into person keys).
//! - [`fault`]: every exported call runs under [`catch`], so a panic reaches the host as the
//!   typed `INTERNAL` error; [`inject_fault`] exercises that path in tests.
//! - [`types`]: the boundary types (every answer hosts build from serde) as one JSON Schema,
//!   from which each host's type declarations are generated.
//! - Error classes: [`crate::ErrorCode::class`] says which of the four kinds of host error a
//!   code is, and every binding maps from that (no catch-all).

pub mod batch;
pub mod fault;
pub mod files;
pub mod options;
pub mod types;
pub mod value;

pub use fault::{catch, inject as inject_fault};
pub use files::{encoding, hash_key_file};
pub use options::DecisionOptions;
pub use value::{Argument, HostKind, HostValue, MAX_DEPTH};
