//! `skillplan eligibility`: the example profile and offer give the decision (table and JSON),
//! the same as the library's; bad input fails with a typed error that does not echo an ID number.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn skillplan(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_skillplan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the skillplan binary runs");
    child.stdin.take().unwrap().write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn data(name: &str) -> String {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data").join(name);
    path.to_string_lossy().into_owned()
}

#[test]
fn the_example_profile_and_offer_give_the_decision() {
    let out = skillplan(
        &[
            "eligibility",
            "--profile",
            &data("profile.json"),
            "--offer",
            &data("offer.json"),
            "--as-of",
            "2025-04-01",
            "--lang",
            "en",
        ],
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("vocational training subsidy eligible 1500 元"), "{text}");
    assert!(text.contains("skill upgrade subsidy not_eligible"));
    assert!(text.contains("→ 12 months of unemployment insurance; you have 7"));
    assert!(text.contains("! unconfirmed amounts:"));
}

#[test]
fn json_output_is_the_library_decision() {
    let out = skillplan(
        &[
            "eligibility",
            "--profile",
            &data("profile.json"),
            "--offer",
            &data("offer.json"),
            "--as-of",
            "2025-04-01",
            "--format",
            "json",
        ],
        None,
    );
    assert!(out.status.success());
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let plan = skillplan::Plan::jilin_2022_2025().unwrap();
    let profile = std::fs::read_to_string(data("profile.json")).unwrap();
    let offer = std::fs::read_to_string(data("offer.json")).unwrap();
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
    let decision = skillplan::eligibility::check_json(&plan, &profile, &offer, as_of).unwrap();
    assert_eq!(shown, serde_json::to_value(&decision).unwrap());
}

#[test]
fn the_profile_may_come_from_standard_input_and_the_offer_may_be_absent() {
    let out = skillplan(
        &["eligibility", "--profile", "-", "--as-of", "2025-04-01", "--format", "json"],
        Some(r#"{"statuses": ["veteran"]}"#),
    );
    assert!(out.status.success());
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let groups = shown["target_groups"].as_array().unwrap();
    assert!(groups.iter().any(|g| g["id"] == "veterans" && g["status"] == "member"));
    assert_eq!(shown["subsidies"][0]["missing_facts"][0], "offer.start_date");
}

#[test]
fn a_bad_id_number_fails_with_its_code_and_path_and_is_not_echoed() {
    let out = skillplan(
        &["eligibility", "--profile", "-", "--as-of", "2025-04-01"],
        Some(r#"{"id_number": "110105194912310021"}"#),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error[INVALID_PROFILE] at profile.id_number"), "{err}");
    assert!(!err.contains("11010519491231"));
}
