//! Loading and validating the embedded plan (goal: median ≤ 1 ms), its fingerprint, and a few queries.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    c.bench_function("load_and_validate_embedded_plan", |b| {
        b.iter(|| skillplan::Plan::from_json(black_box(skillplan::JILIN_2022_2025_JSON)).map(|p| p.indicators().len()))
    });
    c.bench_function("load_and_validate_plan_from_toml", |b| {
        b.iter(|| skillplan::Plan::from_str(black_box(skillplan::JILIN_2022_2025_TOML)).map(|p| p.indicators().len()))
    });
    c.bench_function("fingerprint_of_a_fresh_plan", |b| {
        b.iter_batched(
            || skillplan::Plan::jilin_2022_2025().unwrap(),
            |plan| plan.fingerprint().len(),
            criterion::BatchSize::SmallInput,
        )
    });
    let plan = skillplan::Plan::jilin_2022_2025().unwrap();
    c.bench_function("clause_lookup", |b| b.iter(|| plan.clause(black_box("（二十五）")).map(|c| c.text_zh.len())));
    c.bench_function("measures_for_department", |b| {
        b.iter(|| plan.measures_for_department(black_box("省教育厅")).map(|m| m.len()))
    });
}

criterion_group!(benches, load);
criterion_main!(benches);
