//! The embedded plan reproduces the published text, and the published JSON Schema matches the
//! Rust types.

use skillplan::{Plan, json_schema};

const SOURCE: &str = include_str!("../plans/source-jilin-2022-2025.md");

fn squeeze(text: &str) -> String {
    // Markdown heading marks are layout, not words.
    text.chars().filter(|c| !c.is_whitespace() && *c != '#').collect()
}

/// The source with the plan file's own listed repairs applied, whitespace removed.
fn repaired_source(plan: &Plan) -> String {
    let mut text = SOURCE.to_owned();
    for fix in &plan.data().text_fixes {
        assert_eq!(text.matches(&fix.found).count(), 1, "text fix {:?} must match the source once", fix.found);
        text = text.replace(&fix.found, &fix.fixed);
    }
    squeeze(&text)
}

#[test]
fn every_text_is_the_plans_own_words() {
    let plan = Plan::jilin_2022_2025().unwrap();
    let source = repaired_source(&plan);
    let data = plan.data();
    let mut texts: Vec<(String, &str)> = Vec::new();
    for m in &data.measures {
        texts.push((m.id.clone(), &m.text_zh));
        texts.push((format!("{} title", m.id), &m.title.zh));
    }
    for c in &data.chapters {
        texts.push((format!("chapter {}", c.id), &c.text_zh));
        texts.push((format!("chapter {} title", c.id), &c.title.zh));
    }
    for col in &data.columns {
        for item in &col.items {
            texts.push((format!("{}.{}", col.id, item.number), &item.text_zh));
        }
    }
    let meta = &data.metadata;
    texts.push(("preamble".into(), meta.preamble_zh.as_deref().unwrap()));
    texts.push(("notice".into(), meta.notice_text_zh.as_deref().unwrap()));
    texts.push(("document number".into(), &meta.document_number));
    for (what, text) in texts {
        assert!(source.contains(&squeeze(text)), "{what}: text not found in the source: {text}");
    }
}

#[test]
fn the_plan_has_all_its_parts() {
    let plan = Plan::jilin_2022_2025().unwrap();
    let data = plan.data();
    assert_eq!(data.chapters.len(), 8);
    assert_eq!(data.measures.len(), 27);
    assert!(data.measures.iter().enumerate().all(|(i, m)| m.number as usize == i + 1));
    assert_eq!(data.columns.len(), 7);
    let items: Vec<usize> = data.columns.iter().map(|c| c.items.len()).collect();
    assert_eq!(items, [6, 5, 3, 3, 5, 4, 3]);
    // Every chapter lists its measures and together they list each measure once.
    let listed: Vec<&String> = data.chapters.iter().flat_map(|c| &c.measures).collect();
    assert_eq!(listed.len(), 27);
    // Every measure ends with its responsibility parenthetical, parsed.
    for m in &data.measures {
        let r = m.responsibility.as_ref().unwrap();
        assert!(m.text_zh.ends_with(&r.text_zh), "{}", m.id);
        assert!(r.all_relevant || r.lead.as_deref() == r.departments.first().map(String::as_str));
    }
    assert_eq!(plan.measures_for_all_relevant().len(), 2);
}

#[test]
fn every_department_named_in_a_responsibility_clause_resolves() {
    let plan = Plan::jilin_2022_2025().unwrap();
    let mut named = 0;
    for m in plan.measures() {
        let r = m.responsibility.as_ref().unwrap();
        let inner = r.text_zh.trim_start_matches('（').split(['按', '负']).next().unwrap();
        for name in inner.split('、').filter(|n| *n != "所有相关部门") {
            let dept = plan.department(name).unwrap_or_else(|_| panic!("{name} in {}", m.id));
            assert!(r.departments.contains(&dept.id), "{name} in {}", m.id);
            named += 1;
        }
    }
    assert!(named > 60);
}

#[test]
fn the_fingerprint_ignores_layout_but_not_content() {
    let plan = Plan::jilin_2022_2025().unwrap();
    let reformatted = format!("# a comment\n\n{}", skillplan::JILIN_2022_2025_TOML.replace("\n\n", "\n\n\n"));
    assert_eq!(Plan::from_str(&reformatted).unwrap().fingerprint(), plan.fingerprint());
    let changed = skillplan::JILIN_2022_2025_TOML.replace("target = \"840000\"", "target = \"840001\"");
    assert_ne!(Plan::from_str(&changed).unwrap().fingerprint(), plan.fingerprint());
    assert_eq!(plan.fingerprint().len(), 64);
}

#[test]
fn the_published_records_schema_is_generated_from_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/records.schema.json");
    let generated = skillplan::records::json_schema();
    if std::env::var_os("SKILLPLAN_BLESS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let published = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        published == generated,
        "plans/records.schema.json is stale: run `SKILLPLAN_BLESS=1 cargo test -p skillplan --test plan_data`"
    );
    let schema: serde_json::Value = serde_json::from_str(&generated).unwrap();
    assert!(generated.contains("person_key") && generated.contains("designated_date"), "{schema}");
}

#[test]
fn the_published_host_types_are_generated_from_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/host-types.schema.json");
    let generated = skillplan::host::types::schema();
    if std::env::var_os("SKILLPLAN_BLESS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let published = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        published == generated,
        "plans/host-types.schema.json is stale: run `SKILLPLAN_BLESS=1 cargo test -p skillplan --test plan_data`, then scripts/gen_host_types.py"
    );
}

#[test]
fn the_published_schema_is_generated_from_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/plan.schema.json");
    let generated = json_schema();
    if std::env::var_os("SKILLPLAN_BLESS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let published = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        published == generated,
        "plans/plan.schema.json is stale: run `SKILLPLAN_BLESS=1 cargo test -p skillplan --test plan_data`"
    );
}

#[test]
fn the_embedded_json_is_the_canonical_form_of_the_toml() {
    let from_toml = Plan::from_str(skillplan::JILIN_2022_2025_TOML).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/jilin-2022-2025.json");
    if std::env::var_os("SKILLPLAN_BLESS").is_some() {
        std::fs::write(path, from_toml.to_canonical_json() + "\n").unwrap();
    }
    let embedded = Plan::from_json(skillplan::JILIN_2022_2025_JSON).unwrap();
    assert!(
        embedded.fingerprint() == from_toml.fingerprint(),
        "plans/jilin-2022-2025.json is stale: run `SKILLPLAN_BLESS=1 cargo test -p skillplan --test plan_data`"
    );
}

#[test]
fn json_errors_are_typed() {
    let err = Plan::from_json("{\"format\": 1, \"id\": 5}").unwrap_err();
    assert_eq!(err.code().as_str(), "PLAN_INVALID");
    assert_eq!(err.path(), "id");
    assert_eq!(Plan::from_json("{").unwrap_err().code().as_str(), "PLAN_SYNTAX");
    assert_eq!(Plan::from_json(" ").unwrap_err().code().as_str(), "PLAN_EMPTY");
}

#[test]
fn the_canonical_json_reloads_to_the_same_plan() {
    let plan = Plan::jilin_2022_2025().unwrap();
    let data: skillplan::PlanData = serde_json::from_str(&plan.to_canonical_json()).unwrap();
    assert_eq!(Plan::from_data(data).unwrap().fingerprint(), plan.fingerprint());
}
