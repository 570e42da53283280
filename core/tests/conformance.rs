//! Runs the shared conformance corpus (`tests/conformance/*.json`) through the Rust API.
//! The Python, Node and Kotlin suites run the same files through their own bindings.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use skillplan::progress::observations::{Observations, parse_json};
use skillplan::progress::{self, Milestone, ProgressOptions, RegionalTarget, Thresholds};
use skillplan::{Error, Plan};
use skillplan::{eligibility, pathway};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance")
}

fn load_suite(name: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(corpus_dir().join(name)).expect("corpus file");
    let suite: Value = serde_json::from_str(&text).expect("corpus JSON");
    suite["cases"].as_array().expect("cases").clone()
}

fn plan_for(args: &Value) -> Result<Plan, Error> {
    match args.get("plan").and_then(Value::as_str) {
        Some("jilin") | None => Plan::jilin_2022_2025(),
        Some(file) => Plan::from_path(corpus_dir().join(file)),
    }
}

fn date(text: &str) -> NaiveDate {
    text.parse().expect("ISO date in the corpus")
}

fn decimal(v: &Value) -> Decimal {
    v.as_str().expect("decimal string in the corpus").parse().expect("decimal")
}

/// The options of a progress call, built with the public Rust types.
fn progress_options(args: &Value) -> ProgressOptions {
    let mut options = ProgressOptions::new(date(arg(args, "as_of")));
    for m in args["milestones"].as_array().into_iter().flatten() {
        options.milestones.push(Milestone {
            indicator: m["indicator"].as_str().unwrap().to_owned(),
            date: date(m["date"].as_str().unwrap()),
            value: decimal(&m["value"]),
        });
    }
    for r in args["regional_targets"].as_array().into_iter().flatten() {
        options.regional_targets.push(RegionalTarget {
            indicator: r["indicator"].as_str().unwrap().to_owned(),
            region: r["region"].as_str().unwrap().to_owned(),
            target: decimal(&r["target"]),
        });
    }
    if let Some(t) = args.get("thresholds") {
        options.thresholds = Thresholds { on_track: decimal(&t["on_track"]), behind: decimal(&t["behind"]) };
    }
    options
}

/// Observations go through the JSON reader, as a file would.
fn observations(plan: &Plan, args: &Value) -> Result<Observations, Error> {
    let inputs = parse_json(&args["observations"].to_string())?;
    Ok(Observations::new(plan, &inputs)?)
}

fn to_value<T: serde::Serialize>(x: T) -> Value {
    serde_json::to_value(x).expect("serialisable")
}

fn plan_summary(plan: &Plan) -> Value {
    json!({ "id": plan.id(), "fingerprint": plan.fingerprint() })
}

fn arg<'a>(args: &'a Value, key: &str) -> &'a str {
    args[key].as_str().unwrap_or_else(|| panic!("argument {key}"))
}

fn count_options(args: &Value) -> skillplan::CountOptions {
    skillplan::CountOptions {
        strict: args["strict"].as_bool().unwrap_or(false),
        max_rejected: args["max_rejected"].as_u64().unwrap_or(1000),
        source: None,
        encoding: args["encoding"]
            .as_str()
            .map(|e| skillplan::basics::encoding::Encoding::parse(e).expect("a known encoding"))
            .unwrap_or_default(),
        columns: args.get("columns").map(|c| serde_json::from_value(c.clone()).expect("a column mapping")),
        sheet: args["sheet"].as_str().map(str::to_owned),
    }
}

/// The tally's summary in the corpus's shape: cells and indicators as maps.
fn tally_value(plan: &Plan, tally: &skillplan::Tally) -> Value {
    let mut v = to_value(tally.summary(plan));
    let cells: serde_json::Map<String, Value> = v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                format!(
                    "{}/{}/{}",
                    c["indicator"].as_str().unwrap(),
                    c["region"].as_str().unwrap(),
                    c["month"].as_str().unwrap()
                ),
                c["count"].clone(),
            )
        })
        .collect();
    let indicators: serde_json::Map<String, Value> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["indicator"].as_str().unwrap().to_owned(), i.clone()))
        .collect();
    v["cells"] = Value::Object(cells);
    v["indicators"] = Value::Object(indicators);
    v
}

fn count(plan: &Plan, name: &str, args: &Value) -> Result<Value, Error> {
    let mut tally = skillplan::Tally::new(plan);
    let options = count_options(args);
    match name {
        "count_records" => tally.add_values(plan, args["records"].as_array().unwrap(), &options)?,
        "count_file" => tally.add_path(plan, &corpus_dir().join(arg(args, "file")), &options, None)?,
        _ => {
            for file in args["files"].as_array().unwrap() {
                let mut part = skillplan::Tally::new(plan);
                part.add_path(plan, &corpus_dir().join(file.as_str().unwrap()), &options, None)?;
                // Through JSON, as partial tallies travel between processes.
                tally.merge(&skillplan::Tally::from_json(plan, &part.to_json())?)?;
            }
        }
    }
    Ok(tally_value(plan, &tally))
}

/// Maps a corpus call to the public Rust API.
fn call(name: &str, args: &Value) -> Result<Value, Error> {
    match name {
        "load_plan" => Plan::from_path(corpus_dir().join(arg(args, "file"))).map(|p| plan_summary(&p)),
        "load_plan_str" => {
            let text = if let Some(rep) = args.get("text_repeat") {
                rep["unit"].as_str().unwrap().repeat(rep["times"].as_u64().unwrap() as usize)
            } else {
                std::fs::read_to_string(corpus_dir().join(arg(args, "file"))).expect("readable test file")
            };
            Plan::from_str(&text).map(|p| plan_summary(&p))
        }
        _ => {
            let plan = plan_for(args)?;
            Ok(match name {
                "plan" => plan_summary(&plan),
                "metadata" => to_value(plan.metadata()),
                "indicators" => to_value(plan.indicators()),
                "indicator" => to_value(plan.indicator(arg(args, "id"))?),
                "parts" => to_value(plan.parts(arg(args, "id"))?),
                "measures" => to_value(plan.measures()),
                "measure" => to_value(plan.measure(arg(args, "id"))?),
                "columns" => to_value(plan.columns()),
                "clause" => to_value(plan.clause(arg(args, "id"))?),
                "departments" => to_value(plan.departments()),
                "department" => to_value(plan.department(arg(args, "name"))?),
                "measures_for_department" => to_value(plan.measures_for_department(arg(args, "department"))?),
                "regions" => to_value(plan.regions()),
                "region" => to_value(plan.region(arg(args, "id"))?),
                "progress" => {
                    let obs = observations(&plan, args)?;
                    let region = args.get("region").and_then(Value::as_str);
                    to_value(progress::indicator(&plan, &obs, &progress_options(args), arg(args, "indicator"), region)?)
                }
                "report" => {
                    let obs = observations(&plan, args)?;
                    to_value(progress::report(&plan, &obs, &progress_options(args))?)
                }
                "skill_levels" => to_value(plan.skill_levels()),
                "crosswalk_for_level" => to_value(plan.crosswalk_for_level(arg(args, "level"))?),
                "crosswalk_for_title" => to_value(plan.crosswalk_for_title(arg(args, "title"))?),
                "education_equivalences" => to_value(plan.education_equivalences()),
                "pathway" => {
                    let worker = pathway::parse_worker_json(&args["worker"].to_string())?;
                    to_value(pathway::pathway(&plan, &worker, date(arg(args, "as_of")))?)
                }
                "count_records" | "count_file" | "count_files_merged" => count(&plan, name, args)?,
                "eligibility" => eligibility_call(&plan, args)?,
                "eligibility_batch" => eligibility_batch(&plan, args)?,
                "decompose" => {
                    let weights: Vec<(String, Decimal)> = args["weights"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|w| (w[0].as_str().unwrap().to_owned(), decimal(&w[1])))
                        .collect();
                    to_value(progress::decompose(&plan, arg(args, "indicator"), &weights)?)
                }
                other => panic!("unknown call {other}"),
            })
        }
    }
}

fn eligibility_call(plan: &Plan, args: &Value) -> Result<Value, Error> {
    let as_of = date(arg(args, "as_of"));
    let offer = args.get("offer").cloned().unwrap_or(json!({}));
    let view = match args.get("profile_text") {
        Some(text) => eligibility::check_json(plan, text.as_str().unwrap(), &offer.to_string(), as_of)?,
        None => eligibility::check_values(plan, &args["profile"], &offer, as_of)?,
    };
    Ok(to_value(view))
}

/// The batch call: decisions in order, each equal to the single call's; the first bad profile
/// stops it with its index in the path.
fn eligibility_batch(plan: &Plan, args: &Value) -> Result<Value, Error> {
    let as_of = date(arg(args, "as_of"));
    let profiles: Vec<Value> = args["profiles"].as_array().unwrap().clone();
    let offer = eligibility::offer_from_value(plan, &args["offer"])?;
    let decisions = eligibility::check_batch(plan, &profiles, &offer, as_of)?;
    for (p, d) in profiles.iter().zip(&decisions) {
        assert_eq!(&eligibility::check_values(plan, p, &args["offer"], as_of)?, d, "batch and single calls differ");
    }
    Ok(to_value(decisions))
}

/// Subset match of `expect` against `actual`, with the corpus's list helpers.
fn check(actual: &Value, expect: &Value, at: &str, failures: &mut Vec<String>) {
    match (expect, actual) {
        (Value::Object(exp), Value::Array(items)) => {
            for (k, v) in exp {
                let here = format!("{at}.{k}");
                match k.as_str() {
                    "len" => check(&json!(items.len()), v, &here, failures),
                    "ids" => check(&Value::Array(items.iter().map(|i| i["id"].clone()).collect()), v, &here, failures),
                    "first" => check(items.first().unwrap_or(&Value::Null), v, &here, failures),
                    "last" => check(items.last().unwrap_or(&Value::Null), v, &here, failures),
                    other => {
                        if let Some(field) = other.strip_prefix("all_") {
                            check(&Value::Array(items.iter().map(|i| i[field].clone()).collect()), v, &here, failures);
                        } else {
                            // A key selects the element whose id, method, indicator, code or level is that key.
                            let found = items.iter().find(|i| {
                                ["id", "method", "indicator", "code", "level", "check"]
                                    .iter()
                                    .any(|f| i[*f].as_str() == Some(other))
                            });
                            match found {
                                Some(item) => check(item, v, &here, failures),
                                None => failures.push(format!("{here}: no element {other}")),
                            }
                        }
                    }
                }
            }
        }
        (Value::Object(exp), Value::Object(obj)) => {
            for (k, v) in exp {
                let here = format!("{at}.{k}");
                if let Some(field) = k.strip_suffix("_contains") {
                    let text = obj.get(field).and_then(Value::as_str).unwrap_or("");
                    if !text.contains(v.as_str().unwrap_or("\u{0}")) {
                        failures.push(format!("{here}: {text:?} does not contain {v}"));
                    }
                } else {
                    check(obj.get(k).unwrap_or(&Value::Null), v, &here, failures);
                }
            }
        }
        (Value::Array(exp), Value::Array(items)) if exp.len() == items.len() => {
            for (i, (e, a)) in exp.iter().zip(items).enumerate() {
                check(a, e, &format!("{at}[{i}]"), failures);
            }
        }
        _ if expect != actual => failures.push(format!("{at}: expected {expect}, got {actual}")),
        _ => {}
    }
}

fn check_error(err: &Error, expect: &Value, failures: &mut Vec<String>) {
    if let Some(secret) = expect.get("message_excludes").and_then(Value::as_str) {
        for shown in [err.to_string(), format!("{err:?}"), err.path()] {
            if shown.contains(secret) {
                failures.push("error: the message repeats the input it must not".into());
            }
        }
    }
    let mut expect = expect.clone();
    expect.as_object_mut().map(|o| o.remove("message_excludes"));
    let expect = &expect;
    let actual = json!({
        "code": err.code().as_str(),
        "path": err.path(),
        "reason": err.reason(),
        "issue_count": err.issues().len(),
        "issue_paths": err.issues().iter().map(|i| i.path.clone()).collect::<Vec<_>>(),
    });
    check(&actual, expect, "error", failures);
}

fn run_suite(file: &str) {
    let cases = load_suite(file);
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let mut case_failures = Vec::new();
        match (call(case["call"].as_str().unwrap(), &case["args"]), case.get("expect_error")) {
            (Ok(v), None) => check(&v, &case["expect"], "result", &mut case_failures),
            (Err(e), Some(exp)) => check_error(&e, exp, &mut case_failures),
            (Ok(v), Some(_)) => case_failures.push(format!("expected an error, got {v}")),
            (Err(e), None) => case_failures.push(format!("unexpected error {} at {:?}: {e}", e.code(), e.path())),
        }
        failures.extend(case_failures.into_iter().map(|f| format!("[{name}] {f}")));
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn plan_queries() {
    run_suite("plan-queries.json");
}

#[test]
fn bad_plans() {
    run_suite("bad-plans.json");
}

#[test]
fn progress() {
    run_suite("progress.json");
}

#[test]
fn pathway_and_crosswalk() {
    run_suite("pathway.json");
}

#[test]
fn records() {
    run_suite("records.json");
}

#[test]
fn eligibility() {
    run_suite("eligibility.json");
}
