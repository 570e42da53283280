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

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data")
}

/// The `count --format json` tally of `files` with `extra` arguments, as JSON.
fn tally_of(files: &[PathBuf], extra: &[&str]) -> serde_json::Value {
    let mut args: Vec<String> = ["count", "--format", "json"].iter().map(|s| s.to_string()).collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    args.extend(files.iter().map(|f| f.display().to_string()));
    let out = skillplan(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn exports_count_as_the_sample_they_were_made_from() {
    let source = tally_of(&[examples().join("jilin-records.csv")], &[]);
    for (file, extra) in [
        ("jilin-export-gb18030.csv", &[][..]),
        ("jilin-export-gb18030.csv", &["--encoding", "gb18030"][..]),
        ("jilin-export.xlsx", &["--sheet", "培训记录"][..]),
    ] {
        let got = tally_of(&[examples().join(file)], extra);
        for key in ["rows_read", "rows_counted", "rows_rejected", "cells", "indicators"] {
            assert_eq!(got[key], source[key], "{file} {extra:?}: {key}");
        }
    }
    let out =
        skillplan(&["count", "--encoding", "utf-8", examples().join("jilin-export-gb18030.csv").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("INVALID_RECORD_SOURCE] at bytes[0]"));
    let out = skillplan(&["count", "--sheet", "no such sheet", examples().join("jilin-export.xlsx").to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("at sheet"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_column_mapping_file_names_headers_in_json_or_toml() {
    let dir = std::env::temp_dir().join(format!("skillplan-columns-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("odd.csv");
    std::fs::write(
        &csv,
        "编号,人员标识,所在地区,项目类别,是否补贴,开班日期,结业日期\nr1,k1,长春市,就业技能培训,是,2023/5/1,2023/5/31\n",
    )
    .unwrap();
    let json = dir.join("columns.json");
    std::fs::write(&json, r#"{"编号": "record_id", "所在地区": "region", "项目类别": "training_type"}"#).unwrap();
    let toml = dir.join("columns.toml");
    std::fs::write(&toml, "\"编号\" = \"record_id\"\n\"所在地区\" = \"region\"\n\"项目类别\" = \"training_type\"\n")
        .unwrap();
    for mapping in [&json, &toml] {
        let tally = tally_of(std::slice::from_ref(&csv), &["--columns", mapping.to_str().unwrap()]);
        assert_eq!(tally["rows_counted"], 1, "{}", mapping.display());
    }
    std::fs::write(&json, r#"{"编号": "record_number"}"#).unwrap();
    let out = skillplan(&["count", "--columns", json.to_str().unwrap(), csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at header[0]"), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn hash_keys_takes_the_salt_from_a_file_or_the_environment_never_an_argument() {
    let dir = std::env::temp_dir().join(format!("skillplan-hash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("ids.csv");
    let text = "培训记录编号,身份证号,地区,培训类型,是否补贴,开班日期,结业日期\n\
                r1,11010519491231002X,长春市,就业技能培训,是,2023/5/1,2023/5/31\n\
                r2,110105194912310021,长春市,就业技能培训,是,2023/5/1,2023/5/31\n";
    std::fs::write(&input, encoding_rs::GB18030.encode(text).0).unwrap();
    let (salt, out) = (dir.join("salt"), dir.join("hashed.csv"));
    std::fs::write(&salt, "a-salt-kept-in-a-file-of-its-own\n").unwrap();
    let run = |args: &[&str], env: Option<&str>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_skillplan"));
        c.args(["hash-keys", input.to_str().unwrap(), "--out", out.to_str().unwrap()]).args(args);
        c.env_remove("SKILLPLAN_SALT");
        if let Some(v) = env {
            c.env("SKILLPLAN_SALT", v);
        }
        c.output().unwrap()
    };
    let by_file = run(&["--salt-file", salt.to_str().unwrap()], None);
    assert!(by_file.status.success(), "{}", String::from_utf8_lossy(&by_file.stderr));
    let stderr = String::from_utf8_lossy(&by_file.stderr);
    assert!(stderr.contains("2 rows read, 1 written, 1 left out"), "{stderr}");
    assert!(!stderr.contains("110105194912310021"), "{stderr}");
    let hashed = std::fs::read_to_string(&out).unwrap();
    let key = skillplan::records::person_key(b"a-salt-kept-in-a-file-of-its-own", "11010519491231002X").unwrap();
    assert_eq!(hashed.lines().nth(1).unwrap(), format!("r1,{key},长春市,就业技能培训,是,2023/5/1,2023/5/31"));
    assert!(hashed.starts_with("培训记录编号,person_key,"));
    // The same salt from the environment gives the same file; the hashed file counts.
    let by_env = run(&[], Some("a-salt-kept-in-a-file-of-its-own"));
    assert!(by_env.status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), hashed);
    assert_eq!(tally_of(std::slice::from_ref(&out), &[])["rows_counted"], 1);
    // No salt, or an empty one: a typed error, and no output file is left behind.
    std::fs::remove_file(&out).unwrap();
    for (args, env) in [(&[][..], None), (&[][..], Some(""))] {
        let failed = run(args, env);
        assert_eq!(failed.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&failed.stderr).contains("[INVALID_OPTIONS] at salt"));
        assert!(!out.exists());
    }
    // There is no --salt argument to put a secret in the process list.
    assert_eq!(run(&["--salt", "x"], None).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
