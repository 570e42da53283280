//! The host boundary: what every binding (Python, Node, Kotlin/Swift, the browser) needs beyond
//! converting types, written once here so that each binding is a few lines per call.
//!
//! - `fault`: every exported call runs under [`catch`], so a panic reaches the host as the typed
//!   `INTERNAL` error; [`inject_fault`] exercises that path in tests.

pub mod fault;

pub use fault::{catch, inject as inject_fault};
