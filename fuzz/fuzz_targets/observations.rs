//! Any bytes as observations (JSON and CSV), checked against the Jilin plan: observations or a
//! typed error.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static PLAN: OnceLock<skillplan::Plan> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let plan = PLAN.get_or_init(|| skillplan::Plan::jilin_2022_2025().expect("the embedded plan loads"));
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(inputs) = skillplan::progress::observations::parse_json(text) {
            let _ = skillplan::progress::observations::Observations::new(plan, &inputs);
        }
    }
    if let Ok(inputs) = skillplan::progress::observations::parse_csv(data) {
        let _ = skillplan::progress::observations::Observations::new(plan, &inputs);
    }
});
