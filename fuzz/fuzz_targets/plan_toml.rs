//! Any bytes as a plan file: a plan or a typed error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = skillplan::Plan::from_bytes(data) {
        let _ = (e.code(), e.path(), e.to_string());
    }
});
