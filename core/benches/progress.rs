//! A whole progress report of the Jilin plan from the example observations (checking the
//! observations included), and one indicator's progress.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use skillplan::progress::observations::{Observations, parse_csv};
use skillplan::progress::{self, ProgressOptions};

fn bench(c: &mut Criterion) {
    let plan = skillplan::Plan::jilin_2022_2025().unwrap();
    let text = include_str!("../../examples/data/jilin-observations.csv");
    let inputs = parse_csv(text.as_bytes()).unwrap();
    let options = ProgressOptions::new(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
    c.bench_function("report_from_checked_inputs", |b| {
        b.iter(|| {
            let obs = Observations::new(&plan, black_box(&inputs)).unwrap();
            progress::report(&plan, &obs, &options).unwrap().indicators.len()
        })
    });
    let obs = Observations::new(&plan, &inputs).unwrap();
    c.bench_function("indicator_progress", |b| {
        b.iter(|| progress::indicator(&plan, black_box(&obs), &options, "subsidized-training", None).unwrap().status)
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
