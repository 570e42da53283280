//! Property tests: the columnar kernel counts and refuses random Arrow batches exactly as the
//! row parser does, row by row: every layout of every column (plain, large, view and
//! dictionary strings; Date32, Date64, timestamps and text dates; booleans and integers;
//! lists; wrong types), nulls and blanks everywhere, bases among trainings, and streams cut
//! into batches and slices at random rows.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder, StringDictionaryBuilder};
use arrow_array::types::Int16Type;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Date64Array, Float64Array, Int8Array, Int32Array, Int64Array,
    LargeStringArray, RecordBatch, StringArray, StringViewArray, TimestampMillisecondArray,
};
use proptest::prelude::*;

use super::arrow::batch_columns;
use super::columns::Column;
use super::kernel::Kernel;
use super::tally::{CountOptions, Tally};
use super::test_values::{Rng, pool};
use crate::plan::Plan;

/// Day numbers since 1970 for typed dates: in the period, around it, and out of range.
const DAYS: [i32; 7] = [19_358, 19_000, 18_993, 20_453, 20_500, -8_000, 50_000];

/// One column of `n` rows in the layout `layout` picks.
fn column(rng: &mut Rng, column: Column, n: usize, layout: u8) -> ArrayRef {
    let nulls = !layout.is_multiple_of(3);
    let texts: Vec<Option<&str>> =
        (0..n).map(|_| if nulls && rng.chance(15) { None } else { Some(*rng.pick(pool(column))) }).collect();
    let is_date = matches!(
        column,
        Column::StartDate | Column::EndDate | Column::CompletionDate | Column::CertificateDate | Column::DesignatedDate
    );
    let days: Vec<Option<i32>> = (0..n).map(|_| (!(nulls && rng.chance(20))).then(|| *rng.pick(&DAYS))).collect();
    let ints = |rng: &mut Rng, pool: &[i64]| -> Vec<Option<i64>> {
        (0..n).map(|_| (!(nulls && rng.chance(15))).then(|| *rng.pick(pool))).collect()
    };
    match (layout % 8, column) {
        (1, _) => Arc::new(LargeStringArray::from(texts)),
        (2, _) => Arc::new(StringViewArray::from(texts)),
        (3, _) => {
            let mut b = StringDictionaryBuilder::<Int16Type>::new();
            for t in texts {
                b.append_option(t);
            }
            Arc::new(b.finish())
        }
        (4, c) if is_date && c != Column::StartDate || c == Column::StartDate && layout > 8 => {
            Arc::new(Date32Array::from(days))
        }
        (5, _) if is_date => {
            Arc::new(Date64Array::from(days.iter().map(|d| d.map(|d| i64::from(d) * 86_400_000)).collect::<Vec<_>>()))
        }
        (6, _) if is_date => Arc::new(
            TimestampMillisecondArray::from(
                days.iter().map(|d| d.map(|d| i64::from(d) * 86_400_000 - 3_600_000)).collect::<Vec<_>>(),
            )
            .with_timezone("Asia/Shanghai"),
        ),
        (4 | 5, Column::Region) => Arc::new(Int32Array::from(
            ints(rng, &[220_100, 220_102, 222_401, 999_999, 5, -1])
                .iter()
                .map(|v| v.map(|v| v as i32))
                .collect::<Vec<_>>(),
        )),
        (4 | 5, Column::CertificateLevel) => Arc::new(Int8Array::from(
            ints(rng, &[1, 3, 5, 0, 9, -1]).iter().map(|v| v.map(|v| v as i8)).collect::<Vec<_>>(),
        )),
        (4, Column::Subsidised) => Arc::new(BooleanArray::from(
            (0..n).map(|_| (!(nulls && rng.chance(10))).then(|| rng.chance(60))).collect::<Vec<_>>(),
        )),
        (5, Column::Subsidised) => Arc::new(Int64Array::from(ints(rng, &[0, 1, 1, 2]))),
        (4 | 5, Column::PersonKey | Column::RecordId) => Arc::new(Int64Array::from(ints(
            rng,
            &[7, 110_105_194_912_310_021, 110_105_491_231_002, -110_105_491_231_002],
        ))),
        (4 | 5, Column::Groups) => {
            let mut b = ListBuilder::new(StringBuilder::new());
            for _ in 0..n {
                if nulls && rng.chance(10) {
                    b.append(false);
                    continue;
                }
                for _ in 0..rng.next() % 3 {
                    if rng.chance(5) {
                        b.values().append_null();
                    } else {
                        b.values().append_value(rng.pick(pool(Column::Groups)));
                    }
                }
                b.append(true);
            }
            Arc::new(b.finish())
        }
        (7, c) if c != Column::RecordId && c != Column::StartDate => {
            Arc::new(Float64Array::from((0..n).map(|_| (rng.chance(97)).then_some(1.5)).collect::<Vec<_>>()))
        }
        (7, c) if is_date && c != Column::StartDate => {
            Arc::new(Int32Array::from((0..n).map(|_| (rng.chance(97)).then_some(3)).collect::<Vec<_>>()))
        }
        _ => Arc::new(StringArray::from(texts)),
    }
}

/// A batch of `n` random rows: the training columns (some left out), sometimes base columns,
/// and a column the format does not have.
fn random_batch(seed: u64, n: usize, layouts: &[u8; 16], bases: bool) -> RecordBatch {
    let mut rng = Rng(seed | 1);
    let mut columns: Vec<(&str, ArrayRef)> = Vec::new();
    let training = [
        Column::RecordId,
        Column::PersonKey,
        Column::Region,
        Column::TrainingType,
        Column::Subsidised,
        Column::StartDate,
        Column::Groups,
        Column::EndDate,
        Column::CompletionDate,
        Column::CertificateKind,
        Column::CertificateLevel,
        Column::CertificateDate,
    ];
    for (k, c) in training.iter().enumerate() {
        // The first six are required; the others are sometimes left out.
        if k >= 6 && layouts[k] % 5 == 4 {
            continue;
        }
        columns.push((c.name(), column(&mut rng, *c, n, layouts[k])));
    }
    if bases {
        for (k, c) in [Column::BaseId, Column::BaseKind, Column::DesignatedDate, Column::BaseName].iter().enumerate() {
            let array = column(&mut rng, *c, n, layouts[12 + k] % 4);
            // Most rows are trainings: a base id on a few rows only.
            let array = if *c == Column::BaseId {
                let ids: Vec<Option<&str>> = (0..n).map(|_| rng.chance(3).then_some("b1")).collect();
                Arc::new(StringArray::from(ids)) as ArrayRef
            } else {
                array
            };
            columns.push((c.name(), array));
        }
    }
    columns.push(("batch_note", Arc::new(Int64Array::from(vec![1; n]))));
    // Columns in a random order: a wrong type is reported at the last one in the input's order.
    let mut order: Vec<usize> = (0..columns.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
    }
    let mut shuffled: Vec<Option<(&str, ArrayRef)>> = columns.into_iter().map(Some).collect();
    RecordBatch::try_from_iter(order.iter().map(|&i| shuffled[i].take().unwrap())).unwrap()
}

/// The reference: each batch counted row by row through the parser, refusals numbered across
/// the stream.
fn row_by_row(plan: &Plan, batches: &[RecordBatch], options: &CountOptions) -> Tally {
    let kernel = Kernel::new(plan);
    let mut tally = Tally::new(plan);
    let mut rejected = 0;
    let mut first = 0u64;
    let headers = super::headers::Headers::new(plan, None);
    for batch in batches {
        let columns = batch_columns(&mut tally, batch, &headers).unwrap();
        let mut refusals = Vec::new();
        let mut part = tally.new_like();
        kernel.count_rows(&columns, 0..batch.num_rows(), usize::MAX, &mut part, &mut refusals);
        tally.merge(&part).unwrap();
        for (row, refusal) in refusals {
            tally.reject(first + row as u64 + 1, refusal, options, &mut rejected).unwrap();
        }
        first += batch.num_rows() as u64;
    }
    tally
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn the_kernel_counts_and_refuses_as_the_row_parser(
        seed in any::<u64>(),
        n in 0usize..2600,
        layouts in any::<[u8; 16]>(),
        bases in proptest::bool::weighted(0.25),
        cuts in proptest::collection::vec(0usize..2600, 0..4),
        offset in 0usize..40,
    ) {
        let plan = Plan::jilin_2022_2025().unwrap();
        let whole = random_batch(seed, n + offset, &layouts, bases);
        // Slices start inside the arrays' buffers, as batches of a larger table do.
        let batch = whole.slice(offset.min(whole.num_rows()), n);
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(n)).collect();
        cuts.push(0);
        cuts.push(n);
        cuts.sort_unstable();
        let batches: Vec<RecordBatch> = cuts.windows(2).map(|w| batch.slice(w[0], w[1] - w[0])).collect();
        let options = CountOptions { max_rejected: u64::MAX, ..CountOptions::default() };
        let mut columnar = Tally::new(&plan);
        columnar.add_arrow_stream(&plan, batches.iter().cloned().map(Ok), &options).unwrap();
        let reference = row_by_row(&plan, &batches, &options);
        prop_assert_eq!(columnar.summary(&plan), reference.summary(&plan));
        prop_assert_eq!(columnar.rows_rejected, reference.rows_rejected);
        prop_assert_eq!(columnar.rows_read, n as u64);
    }
}
