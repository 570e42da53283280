//! The explained JSON of every eligibility and pathway case of the conformance corpus, kept
//! byte for byte: `tests/conformance/explained.json` holds the SHA-256 of each case's text
//! (`serde_json::to_string` of the view), written when the explanations were still built
//! eagerly. Rendering them on demand from the message catalogue must not change one byte.
//! `SKILLPLAN_BLESS=1` rewrites the file, for a deliberate change of wording;
//! `SKILLPLAN_EXPLAINED_DUMP=DIR` writes each text to DIR, to diff two states.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use skillplan::{Plan, eligibility, pathway};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance")
}

fn cases(suite: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(corpus_dir().join(suite)).expect("corpus file");
    let suite: Value = serde_json::from_str(&text).expect("corpus JSON");
    suite["cases"].as_array().expect("cases").clone()
}

fn plan_for(args: &Value) -> Plan {
    match args.get("plan").and_then(Value::as_str) {
        Some("jilin") | None => Plan::jilin_2022_2025().expect("plan"),
        Some(file) => Plan::from_path(corpus_dir().join(file)).expect("plan"),
    }
}

/// The explained text of a case, or `None` when the case expects an error.
fn explained(case: &Value) -> Option<String> {
    let args = &case["args"];
    let plan = plan_for(args);
    let as_of: chrono::NaiveDate = args["as_of"].as_str()?.parse().ok()?;
    let offer = args.get("offer").cloned().unwrap_or(json!({}));
    let text = match case["call"].as_str()? {
        "eligibility" => {
            let view = match args.get("profile_text") {
                Some(t) => eligibility::check_json(&plan, t.as_str()?, &offer.to_string(), as_of),
                None => eligibility::check_values(&plan, &args["profile"], &offer, as_of),
            };
            serde_json::to_string(&view.ok()?).ok()?
        }
        "eligibility_batch" => {
            let offer = eligibility::offer_from_value(&plan, &offer).ok()?;
            let profiles = args["profiles"].as_array()?.clone();
            serde_json::to_string(&eligibility::check_batch(&plan, &profiles, &offer, as_of).ok()?).ok()?
        }
        "pathway" => {
            let worker = pathway::parse_worker_json(&args["worker"].to_string()).ok()?;
            serde_json::to_string(&pathway::pathway(&plan, &worker, as_of).ok()?).ok()?
        }
        _ => return None,
    };
    Some(text)
}

#[test]
fn explained_json_is_byte_identical_to_the_eager_one() {
    let mut digests = BTreeMap::new();
    for suite in ["eligibility.json", "pathway.json"] {
        for case in cases(suite) {
            if let Some(text) = explained(&case) {
                let name = format!("{suite}: {}", case["name"].as_str().expect("case name"));
                let digest = Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect::<String>();
                if let Some(dir) = std::env::var_os("SKILLPLAN_EXPLAINED_DUMP") {
                    // To see what changed: dump before and after a change, and diff the folders.
                    std::fs::write(Path::new(&dir).join(format!("{digest}.json")), &text).expect("dump");
                }
                assert!(digests.insert(name.clone(), digest).is_none(), "two cases named {name}");
            }
        }
    }
    assert!(digests.len() > 100, "only {} explained cases", digests.len());
    let file = corpus_dir().join("explained.json");
    let written = serde_json::to_string_pretty(&json!({
        "about": "SHA-256 of serde_json::to_string of each eligibility and pathway case's explained view (core/tests/explained_golden.rs)",
        "digests": digests,
    }))
    .expect("JSON")
        + "\n";
    if std::env::var_os("SKILLPLAN_BLESS").is_some() {
        std::fs::write(&file, written).expect("write explained.json");
        return;
    }
    let kept: Value = serde_json::from_str(&std::fs::read_to_string(&file).expect("explained.json")).expect("JSON");
    let mut changed = Vec::new();
    for (name, digest) in &digests {
        if kept["digests"][name].as_str() != Some(digest.as_str()) {
            changed.push(name.clone());
        }
    }
    let kept_count = kept["digests"].as_object().map_or(0, |m| m.len());
    assert!(
        changed.is_empty() && kept_count == digests.len(),
        "explained JSON changed for {changed:#?} ({kept_count} kept, {} now)",
        digests.len()
    );
}
