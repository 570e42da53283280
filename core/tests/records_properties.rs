#![cfg(feature = "sample")]
//! Properties of counting: partitions merge into the whole, every input path counts alike, and
//! no person key or ID number ever reaches a message.

use proptest::prelude::*;
use skillplan::sample;
use skillplan::{CountOptions, Plan, RecordInput, Tally};

fn plan() -> Plan {
    Plan::jilin_2022_2025().expect("embedded plan")
}

fn records(seed: u64, n: u64) -> Vec<RecordInput> {
    (0..n)
        .map(|i| sample::training(seed, i).to_input())
        .chain((0..n / 20).map(|i| sample::base(seed, i).to_input()))
        .collect()
}

/// Spoils every seventh record in one of several ways, so rejections are merged too.
fn spoil(mut records: Vec<RecordInput>) -> Vec<RecordInput> {
    for (i, r) in records.iter_mut().enumerate().filter(|(i, _)| i % 7 == 3) {
        match i % 3 {
            0 => r.region = Some("atlantis".into()),
            1 => r.start_date = Some("2023-02-30".into()),
            _ => r.designated_date = Some("someday".into()),
        }
    }
    records
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn partitions_merge_into_the_whole(seed in any::<u64>(), n in 0u64..400, cuts in proptest::collection::vec(0usize..400, 0..6)) {
        let plan = plan();
        let all = spoil(records(seed, n));
        let options = CountOptions { max_rejected: u64::MAX, ..CountOptions::default() };
        let mut whole = Tally::new(&plan);
        whole.add_inputs(&plan, &all, &options).unwrap();

        let mut bounds: Vec<usize> = cuts.into_iter().map(|c| c.min(all.len())).collect();
        bounds.push(0);
        bounds.push(all.len());
        bounds.sort_unstable();
        let mut merged = Tally::new(&plan);
        for pair in bounds.windows(2) {
            let mut part = Tally::new(&plan);
            part.add_inputs(&plan, &all[pair[0]..pair[1]], &options).unwrap();
            merged.merge(&Tally::from_json(&plan, &part.to_json()).unwrap()).unwrap();
        }
        let (a, b) = (whole.summary(&plan), merged.summary(&plan));
        prop_assert_eq!(&a.totals, &b.totals);
        prop_assert_eq!(&a.region_totals, &b.region_totals);
        prop_assert_eq!(&a.indicators, &b.indicators);
        prop_assert_eq!(&a.cells, &b.cells);
        prop_assert_eq!((a.rows_read, a.rows_counted, a.rows_rejected), (b.rows_read, b.rows_counted, b.rows_rejected));
        prop_assert_eq!(a.rejections.len(), b.rejections.len());
    }

    #[test]
    fn csv_json_lines_and_host_records_count_alike(seed in any::<u64>(), n in 0u64..300) {
        let plan = plan();
        let mut csv = Vec::new();
        sample::write_training_csv(&mut csv, n, seed, |_| {}).unwrap();
        let mut lines = Vec::new();
        sample::write_training_json_lines(&mut lines, n, seed).unwrap();
        let inputs: Vec<RecordInput> = (0..n).map(|i| sample::training(seed, i).to_input()).collect();
        let options = CountOptions::default();
        let mut from_csv = Tally::new(&plan);
        from_csv.add_csv(&plan, csv.as_slice(), &options, None).unwrap();
        let mut from_lines = Tally::new(&plan);
        from_lines.add_json_lines(&plan, lines.as_slice(), &options, None).unwrap();
        let mut from_inputs = Tally::new(&plan);
        from_inputs.add_inputs(&plan, &inputs, &options).unwrap();
        prop_assert_eq!(from_csv.summary(&plan), from_inputs.summary(&plan));
        prop_assert_eq!(from_lines.summary(&plan), from_inputs.summary(&plan));
    }

    #[test]
    fn no_person_key_reaches_a_message(key in "[0-9]{17}[0-9X]", field in 0usize..5) {
        let plan = plan();
        let mut r = sample::training(1, 1).to_input();
        // The key (an ID-shaped value) is typed into one field after another.
        match field {
            0 => r.person_key = Some(key.clone()),
            1 => r.region = Some(key.clone()),
            2 => r.training_type = Some(key.clone()),
            3 => r.start_date = Some(key.clone()),
            _ => r.groups = vec![key.clone()],
        }
        let mut tally = Tally::new(&plan);
        tally.add_inputs(&plan, std::slice::from_ref(&r), &CountOptions::default()).unwrap();
        prop_assert_eq!(tally.rows_rejected, 1);
        let shown = format!("{:?} {}", tally.rejections(), tally.to_json());
        prop_assert!(!shown.contains(&key));
        let strict = CountOptions { strict: true, ..CountOptions::default() };
        let err = Tally::new(&plan).add_inputs(&plan, &[r], &strict).unwrap_err();
        let shown = format!("{err} {err:?} {}", err.path());
        prop_assert!(!shown.contains(&key));
    }
}

#[test]
fn a_tally_of_another_plan_is_refused() {
    let jilin = plan();
    let other = Plan::from_str(&skillplan::JILIN_2022_2025_TOML.replace("target = \"32\"", "target = \"33\"")).unwrap();
    let err = Tally::from_json(&other, &Tally::new(&jilin).to_json()).unwrap_err();
    assert_eq!((err.code().as_str(), err.reason()), ("INVALID_TALLY", Some("other_plan")));
    let mut t = Tally::new(&other);
    assert_eq!(t.merge(&Tally::new(&jilin)).unwrap_err().code().as_str(), "INVALID_TALLY");
}

#[test]
fn progress_is_reported_as_blocks_are_counted_and_at_the_end() {
    let plan = plan();
    let mut csv = Vec::new();
    sample::write_training_csv(&mut csv, 70_000, 3, |_| {}).unwrap();
    let mut seen = Vec::new();
    let mut hear = |bytes: u64| seen.push(bytes);
    Tally::new(&plan).add_csv(&plan, csv.as_slice(), &CountOptions::default(), Some(&mut hear)).unwrap();
    // About 10 MB: more than one group of 4 MiB blocks, so progress is heard before the end.
    assert!(csv.len() > 9 << 20);
    assert!(seen.len() >= 2, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]) && seen[0] < csv.len() as u64, "{seen:?}");
    assert_eq!(*seen.last().unwrap(), csv.len() as u64);
}
