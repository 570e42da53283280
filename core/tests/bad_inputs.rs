//! Runs the bad-input catalogue (`tests/bad-inputs/catalogue.json`) through the Rust API. Each
//! case is a malformed input of one kind handed to the function a Rust user would call; it must
//! fail with the catalogue's code (and path), and nothing the error shows (`Display`, `Debug`,
//! `path`, issues) may repeat a secret of the catalogue or anything shaped like a 身份证号.
//! The Python, Node and Kotlin suites run the same catalogue through their bindings.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;
use skillplan::progress::observations::{self, Observations};
use skillplan::progress::{self, Milestone, ProgressOptions, RegionalTarget, Thresholds};
use skillplan::{CountOptions, Error, Plan, Tally, eligibility, pathway};

const HOST: &str = "rust";
const DEFAULT_AS_OF: &str = "2024-06-30";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bad-inputs")
}

/// Why a case could not be run as written: the catalogue lists Rust for an input Rust cannot
/// express (a NaN, a date that is not a date, …). A mistake in the catalogue, reported as a failure.
struct Inexpressible(String);

enum Failure {
    Library(Error),
    Catalogue(Inexpressible),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Library(e)
    }
}

impl From<Inexpressible> for Failure {
    fn from(e: Inexpressible) -> Self {
        Failure::Catalogue(e)
    }
}

macro_rules! library {
    ($e:expr) => {
        $e.map_err(|e| Failure::Library(Error::from(e)))
    };
}

fn inexpressible<T>(what: impl Into<String>) -> Result<T, Failure> {
    Err(Failure::Catalogue(Inexpressible(what.into())))
}

/// Standard base64 with padding, decoded by hand (no crate for it here).
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            other => panic!("not base64: {other}"),
        }
    };
    let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(clean.len() / 4 * 3);
    for chunk in clean.chunks(4) {
        let data: Vec<u8> = chunk.iter().copied().filter(|&c| c != b'=').collect();
        let mut n = 0u32;
        for (i, c) in data.iter().enumerate() {
            n |= value(*c) << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..data.len().saturating_sub(1)]);
    }
    out
}

/// The bytes of a text, base64, file, json or repeat input.
fn raw_bytes(form: &Value) -> Result<Vec<u8>, Failure> {
    if let Some(t) = form.get("text") {
        return Ok(t.as_str().expect("text is a string").as_bytes().to_vec());
    }
    if let Some(b) = form.get("base64") {
        return Ok(base64_decode(b.as_str().expect("base64 is a string")));
    }
    if let Some(f) = form.get("file") {
        return Ok(std::fs::read(dir().join(f.as_str().expect("file is a string"))).expect("readable catalogue file"));
    }
    if let Some(j) = form.get("json") {
        return Ok(j.to_string().into_bytes());
    }
    if let Some(r) = form.get("repeat") {
        let part = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or("");
        let times = r["times"].as_u64().expect("times") as usize;
        let mut text = String::with_capacity(part("head").len() + part("unit").len() * times + part("tail").len());
        text.push_str(part("head"));
        text.push_str(&part("unit").repeat(times));
        text.push_str(part("tail"));
        return Ok(text.into_bytes());
    }
    inexpressible("a value input where text is needed")
}

fn text(form: &Value) -> Result<String, Failure> {
    String::from_utf8(raw_bytes(form)?)
        .or_else(|_| inexpressible("bytes that are not UTF-8 where the API takes a &str"))
}

/// A catalogue value as a serde_json value: {"$float": "0.1"} becomes the f64 0.1. Rust can
/// express only finite floats.
fn host(value: &Value) -> Result<Value, Failure> {
    Ok(match value {
        Value::Object(map) if map.len() == 1 && map.contains_key("$float") => {
            let x: f64 = map["$float"].as_str().expect("$float text").parse().expect("a float");
            match serde_json::Number::from_f64(x) {
                Some(n) => Value::Number(n),
                None => return inexpressible(format!("the float {x}")),
            }
        }
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| Ok((k.clone(), host(v)?))).collect::<Result<_, Failure>>()?)
        }
        Value::Array(items) => Value::Array(items.iter().map(host).collect::<Result<_, _>>()?),
        other => other.clone(),
    })
}

/// A JSON value: the value form, or the JSON the text holds.
fn value(form: &Value) -> Result<Value, Failure> {
    if let Some(v) = form.get("value") {
        return host(v);
    }
    if let Some(j) = form.get("json") {
        return Ok(j.clone());
    }
    serde_json::from_str(&text(form)?).or_else(|_| inexpressible("text that is not JSON where a value is needed"))
}

fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path
}

fn date(text: &str) -> Result<NaiveDate, Failure> {
    text.parse().or_else(|_| inexpressible(format!("{text:?} as a NaiveDate")))
}

fn decimal(v: Option<&Value>) -> Result<Decimal, Failure> {
    match v {
        Some(Value::String(s)) => {
            skillplan::decimal_text::parse(s).or_else(|_| inexpressible(format!("{s:?} as a Decimal")))
        }
        Some(Value::Number(n)) if n.is_i64() => Ok(Decimal::from(n.as_i64().unwrap_or(0))),
        Some(Value::Number(n)) if n.is_u64() => Ok(Decimal::from(n.as_u64().unwrap_or(0))),
        other => inexpressible(format!("{other:?} as a Decimal")),
    }
}

fn string(v: Option<&Value>) -> Result<String, Failure> {
    match v {
        Some(Value::String(s)) => Ok(s.clone()),
        other => inexpressible(format!("{other:?} as a String")),
    }
}

/// Progress options as the typed Rust struct.
fn progress_options(given: &Value, as_of: NaiveDate) -> Result<ProgressOptions, Failure> {
    let mut options = ProgressOptions::new(as_of);
    for m in given.get("milestones").and_then(Value::as_array).into_iter().flatten() {
        let d = date(&string(m.get("date"))?)?;
        options.milestones.push(Milestone {
            indicator: string(m.get("indicator"))?,
            date: d,
            value: decimal(m.get("value"))?,
        });
    }
    for t in given.get("regional_targets").and_then(Value::as_array).into_iter().flatten() {
        options.regional_targets.push(RegionalTarget {
            indicator: string(t.get("indicator"))?,
            region: string(t.get("region"))?,
            target: decimal(t.get("target"))?,
        });
    }
    if let Some(t) = given.get("thresholds") {
        options.thresholds = Thresholds { on_track: decimal(t.get("on_track"))?, behind: decimal(t.get("behind"))? };
    }
    Ok(options)
}

/// Makes the call of the case's kind; a bad input must fail.
fn run(plan: &Plan, case: &Value, tmp: &Path) -> Result<(), Failure> {
    let name = case["name"].as_str().unwrap_or("case");
    let form = &case["input"];
    let options = case.get("options").cloned().unwrap_or(Value::Null);
    let as_of = date(options.get("as_of").and_then(Value::as_str).unwrap_or(DEFAULT_AS_OF))?;
    let count_options = CountOptions {
        strict: options.get("strict").and_then(Value::as_bool).unwrap_or(false),
        max_rejected: options.get("max_rejected").and_then(Value::as_u64).unwrap_or(1000),
        source: None,
        encoding: match options.get("encoding").and_then(Value::as_str) {
            Some(e) => skillplan::basics::encoding::Encoding::parse(e)
                .ok_or_else(|| Failure::Catalogue(Inexpressible(format!("unknown encoding {e}"))))?,
            None => Default::default(),
        },
        columns: match options.get("columns") {
            Some(c) => Some(
                serde_json::from_value(c.clone())
                    .map_err(|e| Failure::Catalogue(Inexpressible(format!("columns: {e}"))))?,
            ),
            None => None,
        },
        sheet: options.get("sheet").and_then(Value::as_str).map(str::to_owned),
    };
    match case["kind"].as_str().unwrap_or("") {
        "plan" => {
            Plan::from_bytes(&raw_bytes(form)?)?;
        }
        kind @ ("records_csv" | "records_jsonl" | "records_xlsx") => {
            let extension = match kind {
                "records_csv" => "csv",
                "records_jsonl" => "jsonl",
                _ => "xlsx",
            };
            let path = write_temp(tmp, &format!("{name}.{extension}"), &raw_bytes(form)?);
            Tally::new(plan).add_path(plan, &path, &count_options, None)?;
        }
        "person_key" => {
            let salt = options.get("salt").and_then(Value::as_str).unwrap_or("");
            skillplan::records::person_key(salt.as_bytes(), &text(form)?)?;
        }
        "records" => {
            let Value::Array(records) = value(form)? else { return inexpressible("records that are not a list") };
            Tally::new(plan).add_values(plan, &records, &count_options)?;
        }
        kind @ ("observations_json" | "observations_csv") => {
            let inputs = if form.get("value").is_some() {
                library!(observations::parse_json(&value(form)?.to_string()))?
            } else if kind == "observations_csv" {
                // Read as a file is read: decoded (UTF-8 or GB18030) before the CSV reader.
                observations::read_file(&write_temp(tmp, &format!("{name}.csv"), &raw_bytes(form)?))?
            } else {
                match text(form) {
                    Ok(t) => library!(observations::parse_json(&t))?,
                    // Bytes that are not UTF-8 cannot be a &str: read them as a file is read.
                    Err(_) => observations::read_file(&write_temp(tmp, &format!("{name}.json"), &raw_bytes(form)?))?,
                }
            };
            let observations = library!(Observations::new(plan, &inputs))?;
            progress::report(plan, &observations, &ProgressOptions::new(as_of))?;
        }
        kind @ ("profile" | "offer") => {
            let other = options
                .get(if kind == "profile" { "offer" } else { "profile" })
                .cloned()
                .unwrap_or_else(|| serde_json::json!({}));
            if form.get("value").is_some() {
                let v = value(form)?;
                let (profile, offer) = if kind == "profile" { (&v, &other) } else { (&other, &v) };
                eligibility::check_values(plan, profile, offer, as_of)?;
            } else {
                let t = text(form)?;
                let other = other.to_string();
                let (profile, offer) = if kind == "profile" { (&t, &other) } else { (&other, &t) };
                eligibility::check_json(plan, profile, offer, as_of)?;
            }
        }
        "worker" => {
            let worker = if form.get("value").is_some() || form.get("json").is_some() {
                library!(pathway::worker_from_value(&value(form)?))?
            } else {
                library!(pathway::parse_worker_json(&text(form)?))?
            };
            pathway::pathway(plan, &worker, as_of)?;
        }
        "progress_options" => {
            let options = progress_options(&value(form)?, as_of)?;
            let none = library!(Observations::new(plan, &[]))?;
            progress::report(plan, &none, &options)?;
        }
        "tally" => {
            Tally::from_json(plan, &text(form)?)?;
        }
        other => return inexpressible(format!("the kind {other}: Rust takes typed dates")),
    }
    Ok(())
}

/// 18 characters (17 digits and a digit or X) or the old 15 digits, the shapes of a 身份证号,
/// both contain a run of 15 digits.
fn is_id_shaped(text: &str) -> bool {
    let mut run = 0;
    for c in text.bytes() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 15 {
            return true;
        }
    }
    false
}

/// Everything the error lets a caller see.
fn shown(err: &Error) -> Vec<String> {
    let mut texts = vec![err.to_string(), format!("{err:?}"), err.path(), err.reason().unwrap_or("").to_owned()];
    for issue in err.issues() {
        texts.push(issue.message.clone());
        texts.push(issue.path.clone());
        texts.push(issue.to_string());
    }
    texts
}

fn personal_data(err: &Error, secrets: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    for text in shown(err) {
        for s in secrets {
            if text.contains(s.as_str()) {
                problems.push(format!("shows the secret {}…", &s[..4]));
            }
        }
        if is_id_shaped(&text) {
            problems.push("shows an ID-number-shaped run of digits".to_owned());
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

#[test]
fn bad_inputs() {
    let catalogue: Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join("catalogue.json")).expect("catalogue"))
            .expect("catalogue JSON");
    assert_eq!(catalogue["format"], "skillplan-bad-inputs/1");
    let secrets: Vec<String> = catalogue["secrets"]
        .as_array()
        .expect("secrets")
        .iter()
        .map(|s| s.as_str().expect("secret").to_owned())
        .collect();
    let all = catalogue["cases"].as_array().expect("cases");
    let mut names: Vec<&str> = all.iter().map(|c| c["name"].as_str().expect("name")).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "case names must be unique");
    assert!(all.len() >= 75, "the catalogue has {} cases", all.len());
    let cases: Vec<&Value> = all
        .iter()
        .filter(|c| c.get("hosts").and_then(Value::as_array).is_none_or(|hs| hs.iter().any(|h| h == HOST)))
        .collect();
    assert!(cases.len() >= 60, "only {} cases apply to Rust", cases.len());

    let plan = Plan::jilin_2022_2025().expect("the embedded plan");
    let tmp = std::env::temp_dir().join(format!("skillplan-bad-inputs-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let expect = &case["expect"];
        let mut problems = Vec::new();
        match run(&plan, case, &tmp) {
            Ok(()) => problems.push(format!("expected {}, got no error", expect["code"])),
            Err(Failure::Catalogue(Inexpressible(what))) => {
                problems.push(format!("Rust cannot express {what}; drop rust from hosts"))
            }
            Err(Failure::Library(err)) => {
                if err.code().as_str() != expect["code"] {
                    problems.push(format!("code: expected {}, got {} ({err})", expect["code"], err.code()));
                }
                if let Some(path) = expect.get("path").and_then(Value::as_str)
                    && err.path() != path
                {
                    problems.push(format!("path: expected {path:?}, got {:?}", err.path()));
                }
                problems.extend(personal_data(&err, &secrets));
            }
        }
        failures.extend(problems.into_iter().map(|p| format!("[{name}] {p}")));
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(failures.is_empty(), "{} problems in {} cases:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
