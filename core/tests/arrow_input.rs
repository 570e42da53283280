//! Arrow record batches count exactly as the same records given as text, whatever the Arrow
//! layout of each column (run with `--features arrow`).
#![cfg(feature = "arrow")]

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use skillplan::arrow_array::builder::{ListBuilder, StringBuilder, StringDictionaryBuilder};
use skillplan::arrow_array::types::Int32Type;
use skillplan::arrow_array::{
    self, ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray, StringViewArray,
    TimestampMillisecondArray,
};

use skillplan::sample::{self, SampleTraining};
use skillplan::{CountOptions, Plan, Tally};

fn day32(d: NaiveDate) -> i32 {
    d.num_days_from_ce() - 719_163
}

/// The sample as a batch: strings of three layouts, dates as Date32 and a timestamp, a boolean
/// flag and groups as a list.
fn batch(rows: &[SampleTraining]) -> RecordBatch {
    let mut region = StringDictionaryBuilder::<Int32Type>::new();
    for r in rows {
        region.append_value(r.region);
    }
    let mut groups = ListBuilder::new(StringBuilder::new());
    for r in rows {
        for g in &r.groups {
            groups.values().append_value(g);
        }
        groups.append(true);
    }
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("record_id", Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.record_id.clone())))),
        ("person_key", Arc::new(StringViewArray::from_iter_values(rows.iter().map(|r| r.person_key.clone())))),
        ("region", Arc::new(region.finish())),
        (
            "training_type",
            Arc::new(arrow_array::LargeStringArray::from_iter_values(rows.iter().map(|r| r.training_type))),
        ),
        ("subsidised", Arc::new(BooleanArray::from(rows.iter().map(|r| r.subsidised).collect::<Vec<_>>()))),
        ("groups", Arc::new(groups.finish())),
        ("start_date", Arc::new(Date32Array::from(rows.iter().map(|r| day32(r.start_date)).collect::<Vec<_>>()))),
        (
            "end_date",
            Arc::new(TimestampMillisecondArray::from(
                rows.iter().map(|r| i64::from(day32(r.end_date)) * 86_400_000 + 3_600_000).collect::<Vec<_>>(),
            )),
        ),
        (
            "completion_date",
            Arc::new(Date32Array::from(rows.iter().map(|r| r.completion_date.map(day32)).collect::<Vec<_>>())),
        ),
        (
            "certificate_kind",
            Arc::new(StringArray::from(rows.iter().map(|r| r.certificate.map(|c| c.0)).collect::<Vec<_>>())),
        ),
        (
            "certificate_level",
            Arc::new(StringArray::from(rows.iter().map(|r| r.certificate.and_then(|c| c.1)).collect::<Vec<_>>())),
        ),
        (
            "certificate_date",
            Arc::new(Date32Array::from(rows.iter().map(|r| r.certificate.map(|c| day32(c.2))).collect::<Vec<_>>())),
        ),
        ("batch_note", Arc::new(Int64Array::from(vec![1; rows.len()]))),
    ];
    RecordBatch::try_from_iter(columns).unwrap()
}

#[test]
fn arrow_batches_count_like_text_records() {
    let plan = Plan::jilin_2022_2025().unwrap();
    // More rows than one thread takes, so the parallel path is exercised.
    let rows: Vec<SampleTraining> = (0..70_000).map(|i| sample::training(5, i)).collect();
    let inputs: Vec<_> = rows.iter().map(SampleTraining::to_input).collect();
    let mut expected = Tally::new(&plan);
    expected.add_inputs(&plan, &inputs, &CountOptions::default()).unwrap();

    let b = batch(&rows);
    let mut tally = Tally::new(&plan);
    tally.add_arrow_stream(&plan, [Ok(b.slice(0, 1000)), Ok(b.slice(1000, 69_000))], &CountOptions::default()).unwrap();
    let (mut a, e) = (tally.summary(&plan), expected.summary(&plan));
    assert_eq!(a.ignored_columns, vec!["batch_note".to_owned()]);
    a.ignored_columns.clear();
    assert_eq!(a, e);
}

#[test]
fn arrow_refusals_are_numbered_across_batches_and_in_order() {
    let plan = Plan::jilin_2022_2025().unwrap();
    let rows: Vec<SampleTraining> = (0..40_000).map(|i| sample::training(6, i)).collect();
    let good = batch(&rows);
    // A float start date in every row of the second batch: refused as wrong_type, row by row.
    let mut columns: Vec<ArrayRef> = good.columns().to_vec();
    let start = good.schema().index_of("start_date").unwrap();
    columns[start] = Arc::new(Float64Array::from(vec![1.5; rows.len()]));
    let bad = RecordBatch::try_from_iter(
        good.schema().fields().iter().zip(&columns).map(|(f, c)| (f.name().clone(), c.clone())),
    )
    .unwrap();
    let mut tally = Tally::new(&plan);
    let options = CountOptions { max_rejected: 100_000, ..CountOptions::default() };
    tally.add_arrow_stream(&plan, [Ok(good.slice(0, 10)), Ok(bad.clone())], &options).unwrap();
    assert_eq!(tally.rows_rejected, 40_000);
    let r = &tally.rejections()[0];
    assert_eq!((r.row, r.field.as_str(), r.code.as_str()), (11, "start_date", "wrong_type"));
    assert!(tally.rejections().windows(2).all(|w| w[0].row < w[1].row));

    let strict = CountOptions { strict: true, ..CountOptions::default() };
    let err = Tally::new(&plan).add_arrow_stream(&plan, [Ok(good.slice(0, 10)), Ok(bad)], &strict).unwrap_err();
    assert_eq!((err.code().as_str(), err.path()), ("INVALID_RECORD", "rows[11].start_date".to_owned()));
}

#[test]
fn a_batch_without_the_required_columns_is_refused() {
    let plan = Plan::jilin_2022_2025().unwrap();
    let b = RecordBatch::try_from_iter([("record_id", Arc::new(StringArray::from(vec!["r1"])) as ArrayRef)]).unwrap();
    let err = Tally::new(&plan).add_arrow_batch(&plan, &b, &CountOptions::default(), 0).unwrap_err();
    assert_eq!(
        (err.code().as_str(), err.reason(), err.path()),
        ("INVALID_RECORD_SOURCE", Some("missing_column"), "person_key".to_owned())
    );
    let _ = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap().year();
}
