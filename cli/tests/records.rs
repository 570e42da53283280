//! The `skillplan` command on records: sample-records is deterministic, count agrees with the
//! conformance corpus, the progress bar draws, and bad files fail with a typed error.

use std::path::{Path, PathBuf};
use std::process::Command;

fn skillplan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_skillplan")).args(args).output().expect("the skillplan binary runs")
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance")
}

#[test]
fn sample_records_are_the_same_for_the_same_seed() {
    let a = skillplan(&["sample-records", "--rows", "50", "--seed", "9"]);
    let b = skillplan(&["sample-records", "--rows", "50", "--seed", "9"]);
    let c = skillplan(&["sample-records", "--rows", "50", "--seed", "10"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(a.stdout, c.stdout);
    assert_eq!(String::from_utf8_lossy(&a.stdout).lines().count(), 51);
    // The corpus sample was written by this command: it must still write the same rows.
    let corpus_sample = std::fs::read(corpus().join("records/sample-training.csv")).unwrap();
    assert_eq!(skillplan(&["sample-records", "--rows", "2000", "--seed", "7"]).stdout, corpus_sample);
}

#[test]
fn count_agrees_with_the_conformance_corpus() {
    let suite: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("records.json")).unwrap()).unwrap();
    let merged = suite["cases"].as_array().unwrap().iter().find(|c| c["call"] == "count_files_merged").unwrap();
    let files: Vec<String> = merged["args"]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| corpus().join(f.as_str().unwrap()).display().to_string())
        .collect();
    let mut args = vec!["count", "--format", "json", "--progress", "always"];
    args.extend(files.iter().map(String::as_str));
    let out = skillplan(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tally: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tally["rows_read"], merged["expect"]["rows_read"]);
    for (indicator, want) in merged["expect"]["totals"].as_object().unwrap() {
        let got: u64 = tally["cells"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["indicator"] == indicator.as_str())
            .map(|c| c["count"].as_u64().unwrap())
            .sum();
        assert_eq!(got, want.as_u64().unwrap(), "{indicator}");
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("100%"), "the progress bar is drawn: {stderr}");
    assert!(stderr.contains("records: 2040 read, 1385 counted, 0 rejected"), "{stderr}");
}

#[test]
fn report_from_records_and_typed_failures() {
    let sample = corpus().join("records/sample-training.csv").display().to_string();
    let out = skillplan(&["report", "--records", &sample, "--as-of", "2025-12-31", "--format", "csv"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("subsidized-training"));

    let missing = corpus().join("records/bad/missing-column.csv").display().to_string();
    let out = skillplan(&["count", &missing]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[INVALID_RECORD_SOURCE] at start_date"));

    let ragged = corpus().join("records/bad/ragged.csv").display().to_string();
    let out = skillplan(&["count", "--strict", &ragged]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[INVALID_RECORD] at rows[2].row"));

    let schema = skillplan(&["plan", "schema", "--records"]);
    assert!(String::from_utf8_lossy(&schema.stdout).contains("person_key"));
}
