//! One eligibility check: the compact decision on a parsed profile and offer (the goal of
//! issue 5 is ≤1 µs), the decision with its explanations (whole, one subsidy, one check: the
//! on-demand goal of issue 15 is ≤10 µs for one subsidy), and the whole call from JSON values.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use skillplan::eligibility;

fn bench(c: &mut Criterion) {
    let plan = skillplan::Plan::jilin_2022_2025().unwrap();
    let profile = serde_json::json!({"birth_date": "1990-05-01", "sex": "female", "hukou": "rural", "employment": "employed",
        "school_type": "secondary_school", "graduation_date": "2008-07-01", "statuses": ["rural_transfer_labour"],
        "unemployment_insurance_months": 18, "receiving_unemployment_benefit": false,
        "subsidies_received": [{"kind": "skill_upgrade_subsidy", "date": "2024-03-01", "level": "junior", "occupation": "焊工", "shortage_occupation": false}]});
    let offer = serde_json::json!({"training_type": "employment_skills", "target_level": "intermediate", "certificate_kind": "skill_level_certificate",
        "occupation": "电工", "shortage_occupation": true, "hours": 120, "provider_listed": true, "start_date": "2025-01-10", "certificate_date": "2025-03-01"});
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
    let p = eligibility::profile_from_value(&plan, &profile).unwrap();
    let o = eligibility::offer_from_value(&plan, &offer).unwrap();
    c.bench_function("eligibility_decide", |b| {
        b.iter(|| eligibility::decide(&plan, black_box(&p), black_box(&o), as_of).unwrap())
    });
    let d = eligibility::decide(&plan, &p, &o, as_of).unwrap();
    c.bench_function("eligibility_explain", |b| b.iter(|| black_box(&d).view(&plan, &p, &o)));
    let options = skillplan::host::options::DecisionOptions::default();
    let decided = skillplan::host::batch::decided_value(&plan, &profile, &offer, as_of, &options).unwrap();
    let upgrade = decided.position(eligibility::SubsidyKind::SkillUpgradeSubsidy).unwrap();
    c.bench_function("eligibility_explain_one_subsidy_view", |b| {
        b.iter(|| black_box(&decided).subsidy_view(&plan, upgrade).unwrap())
    });
    c.bench_function("eligibility_explain_one_subsidy_text_zh", |b| {
        b.iter(|| black_box(&decided).explain_subsidy(&plan, upgrade, eligibility::Lang::Zh).unwrap())
    });
    c.bench_function("eligibility_explain_one_check", |b| {
        b.iter(|| black_box(&decided).check_explanation(&plan, upgrade, 2).unwrap())
    });
    // What the bindings' calls cost in the core, by step.
    let (profile_text, offer_text) = (profile.to_string(), offer.to_string());
    let summary_only = skillplan::host::options::DecisionOptions { subsidies: Vec::new(), explain: false };
    c.bench_function("host_decide_json_text_to_summary_text", |b| {
        b.iter(|| {
            skillplan::host::batch::decide_json(
                &plan,
                black_box(&profile_text),
                Some(&offer_text),
                as_of,
                &summary_only,
                skillplan::host::batch::KeyStyle::Camel,
            )
            .unwrap()
        })
    });
    c.bench_function("parse_profile_json", |b| {
        b.iter(|| eligibility::parse_profile_json(&plan, black_box(&profile_text)).unwrap())
    });
    c.bench_function("profile_from_value", |b| {
        b.iter(|| eligibility::profile_from_value(&plan, black_box(&profile)).unwrap())
    });
    c.bench_function("host_decided_value", |b| {
        b.iter(|| skillplan::host::batch::decided_value(&plan, black_box(&profile), &offer, as_of, &options).unwrap())
    });
    c.bench_function("decided_summary", |b| b.iter(|| black_box(&decided).summary(&plan)));
    c.bench_function("eligibility_from_json_values", |b| {
        b.iter(|| eligibility::check_values(&plan, black_box(&profile), black_box(&offer), as_of).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
