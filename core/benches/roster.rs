//! A roster of 100,000 profiles as an Arrow batch decided for one offer (`decide_roster`),
//! on all cores as the Python binding does it, and the same rows one by one on one thread.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{BooleanArray, Date32Array, Int32Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use criterion::{Criterion, criterion_group, criterion_main};
use skillplan::eligibility;

const ROWS: usize = 100_000;

fn roster() -> RecordBatch {
    let mut x: u64 = 7;
    let mut next = move |n: u64| {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (x >> 33) % n
    };
    let employment =
        ["employed", "registered_unemployed", "self_employed", "student", "not_continuing_after_senior_high"];
    let statuses: [&[&str]; 5] = [
        &[],
        &["rural_transfer_labour"],
        &["veteran"],
        &["disabled"],
        &["poverty_alleviated", "employment_difficulty"],
    ];
    let schools = ["secondary_school", "university", "technical_school", "vocational_college"];
    let received = r#"[{"kind": "skill_upgrade_subsidy", "date": "2025-01-15", "level": "junior", "occupation": "焊工", "shortage_occupation": false}]"#;
    let mut status_lists = ListBuilder::new(StringBuilder::new());
    let (mut emp, mut months, mut benefit, mut school, mut grad, mut birth, mut subs) =
        (vec![], vec![], vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..ROWS {
        emp.push(employment[next(5) as usize]);
        for s in statuses[next(5) as usize] {
            status_lists.values().append_value(s);
        }
        status_lists.append(true);
        months.push(next(48) as i32);
        benefit.push(next(10) == 0);
        school.push(schools[next(4) as usize]);
        grad.push(10_957 + next(26 * 365) as i32);
        birth.push(-1_826 + next(40 * 365) as i32);
        subs.push(if next(4) == 0 { Some(received) } else { None });
    }
    let schema = Schema::new(vec![
        Field::new("employment", DataType::Utf8, true),
        Field::new("statuses", DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))), true),
        Field::new("unemployment_insurance_months", DataType::Int32, true),
        Field::new("receiving_unemployment_benefit", DataType::Boolean, true),
        Field::new("school_type", DataType::Utf8, true),
        Field::new("graduation_date", DataType::Date32, true),
        Field::new("birth_date", DataType::Date32, true),
        Field::new("subsidies_received", DataType::Utf8, true),
    ]);
    RecordBatch::try_new(
        Arc::new(schema),
        vec![
            Arc::new(StringArray::from(emp)),
            Arc::new(status_lists.finish()),
            Arc::new(Int32Array::from(months)),
            Arc::new(BooleanArray::from(benefit)),
            Arc::new(StringArray::from(school)),
            Arc::new(Date32Array::from(grad)),
            Arc::new(Date32Array::from(birth)),
            Arc::new(StringArray::from(subs)),
        ],
    )
    .unwrap()
}

fn bench(c: &mut Criterion) {
    let plan = skillplan::Plan::jilin_2022_2025().unwrap();
    let offer = eligibility::parse_offer_json(
        &plan,
        r#"{"training_type": "employment_skills", "target_level": "intermediate",
        "certificate_kind": "skill_level_certificate", "occupation": "电工", "hours": 120, "provider_listed": true,
        "start_date": "2025-01-10", "certificate_date": "2025-03-01", "shortage_occupation": false}"#,
    )
    .unwrap();
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
    let batch = roster();
    let mut group = c.benchmark_group("roster_100k");
    group.sample_size(10);
    group.bench_function("decide_roster", |b| {
        b.iter(|| eligibility::decide_roster(&plan, [Ok(batch.clone())], &offer, as_of, None).unwrap().len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
