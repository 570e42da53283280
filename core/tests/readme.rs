//! The README and the data agree: every status, record group, training type, certificate kind
//! and base kind the README names is accepted by the embedded plan, and its error table gives
//! every error code once, with the class the core files it under.

use std::collections::BTreeMap;

use serde_json::json;
use skillplan::{CountOptions, ErrorCode, Plan, Tally};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).expect("README.md")
}

fn plan() -> Plan {
    Plan::jilin_2022_2025().expect("the embedded plan")
}

/// The text after `start` up to the first `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("README has no {start:?}")) + start.len();
    let to = text[from..].find(end).unwrap_or_else(|| panic!("README has no {end:?} after {start:?}"));
    &text[from..from + to]
}

/// The names of a list as the README writes it: separated by commas, semicolons or "or",
/// without the ellipsis that says the list goes on.
fn names(list: &str) -> Vec<String> {
    list.split([',', ';', '，'])
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .map(|s| s.trim_start_matches("or ").trim_matches(['`', ' ']).to_owned())
        .filter(|s| !s.is_empty() && s != "…")
        .collect()
}

/// The backticked words of a text.
fn code_spans(text: &str) -> Vec<String> {
    text.split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The cells of the table row that starts with `first`.
fn row(text: &str, first: &str) -> Vec<String> {
    let line = text.lines().find(|l| l.starts_with(first)).unwrap_or_else(|| panic!("README has no row {first:?}"));
    line.trim_matches('|').split(" | ").map(|c| c.trim().to_owned()).collect()
}

#[test]
fn every_status_the_readme_names_is_accepted_in_a_profile() {
    let text = readme();
    let listed = names(between(&text, "`[[eligibility.statuses]]`, by id, name or alias:", ")"));
    assert!(listed.len() >= 14, "the README's statuses: {listed:?}");
    let plan = plan();
    for name in &listed {
        let profile = json!({ "statuses": [name] }).to_string();
        if let Err(e) = skillplan::eligibility::parse_profile_json(&plan, &profile) {
            panic!("the README names the status {name:?}, the plan refuses it: {e}");
        }
    }
    // And every status of the plan can be written as the README says (by its id).
    let statuses = plan.eligibility().map(|e| e.statuses.len()).unwrap_or(0);
    assert!(statuses >= 12);
}

/// Counts one training record with `field = value` strictly: an unknown value is an error.
fn accepted(plan: &Plan, field: &str, value: &str) -> Result<(), String> {
    let mut record = json!({
        "record_id": "r1", "person_key": "5e884898da28047151d0e56f8dc62927", "region": "220100",
        "training_type": "employment_skills", "subsidised": "true", "start_date": "2023-05-01",
    });
    if field == "certificate_kind" {
        record["certificate_date"] = json!("2023-06-30");
    }
    record[field] = if field == "groups" { json!([value]) } else { json!(value) };
    if field == "base_kind" {
        record = json!({ "base_id": "b1", "region": "220100", "base_kind": value, "designated_date": "2023-05-31" });
    }
    let options = CountOptions { strict: true, ..CountOptions::default() };
    let mut tally = Tally::new(plan);
    tally.add_json_text(plan, &json!([record]).to_string(), &options).map_err(|e| e.to_string())
}

#[test]
fn every_record_value_the_readme_names_is_accepted() {
    let text = readme();
    let plan = plan();
    let mut named: Vec<(&str, String)> = Vec::new();
    // The records table: training types, groups and base kinds by their Chinese names.
    let types = row(&text, "| `training_type` |");
    named.extend(names(types[1].trim_start_matches("required:")).into_iter().map(|n| ("training_type", n)));
    let groups = row(&text, "| `groups` |");
    named.extend(names(groups[1].split(" (").next().unwrap_or_default()).into_iter().map(|n| ("groups", n)));
    let bases = row(&text, "| `person_key` |");
    named.extend(names(bases[3].trim_end_matches('…')).into_iter().map(|n| ("base_kind", n)));
    // The counting rules of 专栏1, by id.
    for id in code_spans(&row(&text, "| 2 | 其中：农民工 |")[2]) {
        if id != "row" {
            named.push(("groups", id));
        }
    }
    named.push((
        "training_type",
        code_spans(&row(&text, "| 3 |")[2])[0].trim_start_matches("training_type = ").to_owned(),
    ));
    for kind in code_spans(&row(&text, "| 4 |")[2]).into_iter().filter(|k| k != "certificate_kind") {
        named.push(("certificate_kind", kind));
    }
    assert!(named.len() >= 10, "{named:?}");
    for (field, value) in &named {
        if let Err(e) = accepted(&plan, field, value) {
            panic!("the README names {field} {value:?}, the plan refuses it: {e}");
        }
    }
}

#[test]
fn the_error_table_gives_every_code_once_with_its_class() {
    let text = readme();
    let table = between(&text, "| code | class | when | path |", "\n\n");
    let mut documented: BTreeMap<String, String> = BTreeMap::new();
    for line in table.lines().skip(2) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
        let class = cells[1].trim().trim_matches('`').to_owned();
        for code in code_spans(cells[0]) {
            assert!(documented.insert(code.clone(), class.clone()).is_none(), "{code} is in the error table twice");
        }
    }
    for code in ErrorCode::ALL {
        match documented.remove(code.as_str()) {
            Some(class) => assert_eq!(class, code.class().as_str(), "the README's class of {}", code.as_str()),
            None => panic!("the README's error table does not list {}", code.as_str()),
        }
    }
    assert!(documented.is_empty(), "the README lists codes the core does not have: {documented:?}");
}

#[test]
fn the_architecture_section_matches_the_tree() {
    let text = readme();
    let start = text.find("## Architecture").expect("README has an Architecture section");
    let section = &text[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |end| end + 3)];
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    // Every path it names exists.
    let mut named = 0;
    for span in code_spans(section) {
        let path = span.trim_end_matches('/');
        if path.contains('<') {
            continue;
        }
        if path.starts_with("core/")
            || path.starts_with("bindings-")
            || path.starts_with("scripts/")
            || path.starts_with("tests/")
        {
            assert!(root.join(path).exists(), "the README's architecture names {span}, which does not exist");
            named += 1;
        }
    }
    assert!(named >= 20, "{named} paths");
    // Every top-level module of core/src is in its table of layers.
    for entry in std::fs::read_dir(root.join("core/src")).expect("core/src") {
        let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
        if name == "lib.rs" {
            continue;
        }
        let shown = if name.ends_with(".rs") { format!("`core/src/{name}`") } else { format!("`core/src/{name}/`") };
        assert!(section.contains(&shown), "the README's architecture does not list {shown}");
    }
}
