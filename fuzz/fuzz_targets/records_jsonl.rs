//! Any bytes as JSON Lines records, counted under the Jilin plan: a tally or a typed error.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static PLAN: OnceLock<skillplan::Plan> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let plan = PLAN.get_or_init(|| skillplan::Plan::jilin_2022_2025().expect("the embedded plan loads"));
    let mut tally = skillplan::Tally::new(plan);
    let options = skillplan::CountOptions::default();
    if let Err(e) = tally.add_json_lines(plan, std::io::BufReader::new(data), &options, None) {
        let _ = (e.code(), e.path(), e.to_string());
    }
});
