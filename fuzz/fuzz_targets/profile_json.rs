//! Any text as a profile and an offer (split at the first NUL), decided and explained as of a
//! date taken from the first bytes: a decision or a typed error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static PLAN: OnceLock<skillplan::Plan> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let plan = PLAN.get_or_init(|| skillplan::Plan::jilin_2022_2025().expect("the embedded plan loads"));
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (profile, offer) = text.split_once('\0').unwrap_or((text, "{}"));
    let days = data.iter().take(2).fold(0i64, |n, b| n * 256 + i64::from(*b));
    let as_of = chrono::NaiveDate::from_ymd_opt(2017, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(days as u64 % 5000)));
    let Some(as_of) = as_of else { return };
    match skillplan::eligibility::check_json(plan, profile, offer, as_of) {
        Ok(decision) => {
            let _ = format!("{decision:?}");
        }
        Err(e) => {
            let _ = (e.code(), e.path(), e.to_string(), format!("{e:?}"));
        }
    }
});
