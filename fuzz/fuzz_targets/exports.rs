//! Any bytes as an export: counted as CSV in each encoding with a column mapping, hashed into
//! person keys, and read as a date. Each gives an answer or a typed error, never a panic; a file
//! that reads as UTF-8 counts the same under `auto` and `utf-8`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use skillplan::basics::encoding::Encoding;
use std::sync::OnceLock;

static PLAN: OnceLock<skillplan::Plan> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let plan = PLAN.get_or_init(|| skillplan::Plan::jilin_2022_2025().expect("the embedded plan loads"));
    let columns = skillplan::records::ColumnMapping::from([("编号".to_owned(), "record_id".to_owned())]);
    let mut summaries = Vec::new();
    for encoding in [Encoding::Auto, Encoding::Utf8, Encoding::Gb18030] {
        let options = skillplan::CountOptions { encoding, columns: Some(columns.clone()), ..Default::default() };
        let mut tally = skillplan::Tally::new(plan);
        summaries.push(match tally.add_csv(plan, data, &options, None) {
            Ok(()) => Some(tally.to_json()),
            Err(e) => {
                let _ = (e.code(), e.path(), e.to_string());
                None
            }
        });
    }
    if std::str::from_utf8(data).is_ok() && summaries[1].is_some() {
        assert_eq!(summaries[0], summaries[1], "a UTF-8 file counts the same under auto");
    }
    let mut out = Vec::new();
    let options = skillplan::CountOptions::default();
    if let Err(e) = skillplan::records::hash_keys(plan, data, &mut out, b"a-fuzzing-salt-of-16+bytes", &options) {
        let _ = (e.code(), e.path(), e.to_string());
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = skillplan::basics::export_text::civil_date(text);
        let _ = skillplan::records::normalise_id_number(text);
    }
});
