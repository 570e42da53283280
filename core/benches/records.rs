//! Counting 100,000 synthetic training records by the plan's rules: from CSV bytes (streamed),
//! from one Arrow record batch, and from typed records. Run with `--features arrow`.

use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use skillplan::arrow_array::builder::{ListBuilder, StringBuilder};
use skillplan::arrow_array::{ArrayRef, BooleanArray, Date32Array, RecordBatch, StringArray};
use skillplan::sample;
use skillplan::{CountOptions, Plan, Tally};

const ROWS: u64 = 100_000;

fn day32(d: chrono::NaiveDate) -> i32 {
    (d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days() as i32
}

fn batch(rows: &[sample::SampleTraining]) -> RecordBatch {
    let text = |f: &dyn Fn(&sample::SampleTraining) -> Option<String>| -> ArrayRef {
        Arc::new(StringArray::from(rows.iter().map(f).collect::<Vec<_>>()))
    };
    let mut groups = ListBuilder::new(StringBuilder::new());
    for r in rows {
        for g in &r.groups {
            groups.values().append_value(g);
        }
        groups.append(true);
    }
    let dates = |f: &dyn Fn(&sample::SampleTraining) -> Option<chrono::NaiveDate>| -> ArrayRef {
        Arc::new(Date32Array::from(rows.iter().map(|r| f(r).map(day32)).collect::<Vec<_>>()))
    };
    RecordBatch::try_from_iter([
        ("record_id", text(&|r| Some(r.record_id.clone()))),
        ("person_key", text(&|r| Some(r.person_key.clone()))),
        ("region", text(&|r| Some(r.region.to_owned()))),
        ("training_type", text(&|r| Some(r.training_type.to_owned()))),
        ("subsidised", Arc::new(BooleanArray::from(rows.iter().map(|r| r.subsidised).collect::<Vec<_>>())) as ArrayRef),
        ("groups", Arc::new(groups.finish()) as ArrayRef),
        ("start_date", dates(&|r| Some(r.start_date))),
        ("end_date", dates(&|r| Some(r.end_date))),
        ("completion_date", dates(&|r| r.completion_date)),
        ("certificate_kind", text(&|r| r.certificate.map(|c| c.0.to_owned()))),
        ("certificate_level", text(&|r| r.certificate.and_then(|c| c.1.map(str::to_owned)))),
        ("certificate_date", dates(&|r| r.certificate.map(|c| c.2))),
    ])
    .unwrap()
}

fn bench(c: &mut Criterion) {
    let plan = Plan::jilin_2022_2025().unwrap();
    let rows: Vec<_> = (0..ROWS).map(|i| sample::training(1, i)).collect();
    let mut csv = Vec::new();
    sample::write_training_csv(&mut csv, ROWS, 1, |_| {}).unwrap();
    let inputs: Vec<_> = rows.iter().map(sample::SampleTraining::to_input).collect();
    let batch = batch(&rows);
    let options = CountOptions::default();

    let mut group = c.benchmark_group("count_100k_records");
    group.throughput(Throughput::Elements(ROWS));
    group.bench_function("csv_bytes", |b| {
        b.iter(|| {
            let mut t = Tally::new(&plan);
            t.add_csv(&plan, csv.as_slice(), &options, None).unwrap();
            t
        })
    });
    group.bench_function("arrow_batch", |b| {
        b.iter(|| {
            let mut t = Tally::new(&plan);
            t.add_arrow_batch(&plan, &batch, &options, 0).unwrap();
            t
        })
    });
    group.bench_function("typed_records", |b| {
        b.iter(|| {
            let mut t = Tally::new(&plan);
            t.add_inputs(&plan, &inputs, &options).unwrap();
            t
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
