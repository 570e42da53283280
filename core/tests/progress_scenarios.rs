//! Progress of the Jilin plan on the example observations, checked by hand.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use skillplan::Plan;
use skillplan::progress::observations::{Observations, parse_csv};
use skillplan::progress::{ProgressOptions, ProjectionMethod, Status, WarningCode, report};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn example() -> (Plan, Observations) {
    let plan = Plan::jilin_2022_2025().unwrap();
    let text = include_str!("../../examples/data/jilin-observations.csv");
    let inputs = parse_csv(text.as_bytes()).unwrap();
    let obs = Observations::new(&plan, &inputs).unwrap();
    (plan, obs)
}

#[test]
fn mid_2025_report() {
    let (plan, obs) = example();
    let r = report(&plan, &obs, &ProgressOptions::new(d("2025-06-30"))).unwrap();
    let row1 = &r.indicators[0];
    assert_eq!(row1.achieved, Some(dec("801000")));
    // 2022-01-01..2025-06-30 is 1277 of 1461 days: 1277/1461 = 0.874058863791…
    assert_eq!(row1.elapsed, dec("0.8740588638"));
    // Expected 840000 × 1277/1461 = 734209.44558…; performance 801000/734209.4456 = 1.0909…
    assert_eq!(row1.expected, dec("734209.4455852156"));
    assert_eq!(row1.status, Status::OnTrack);
    // 39000 still to do in 184 days: 39000/184 × 30.4375 = 6451.43 a month.
    assert_eq!(row1.required_per_month, Some(dec("6451.4266304348")));
    assert!(!r.is_final);
    // The ten regions report 796000 in all against 801000 for the province.
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].code, WarningCode::RollupMismatch);
    assert!(r.warnings[0].message.contains("796000"));
    // Rows 2+3 are parts of row 1; row 5 of row 4.
    assert_eq!(r.parts.len(), 2);
    assert!(r.parts.iter().all(|p| p.consistent));
}

#[test]
fn final_report_and_csv() {
    let (plan, obs) = example();
    let r = report(&plan, &obs, &ProgressOptions::new(d("2026-11-28"))).unwrap();
    assert!(r.is_final);
    // Final figures of the example data: rows 3 (36500 < 40000) and 5 (45600 < 48000) fall short.
    let statuses: Vec<Status> = r.indicators.iter().map(|i| i.status).collect();
    assert_eq!(statuses, [Status::Met, Status::Met, Status::Missed, Status::Met, Status::Missed, Status::Met]);
    // The regions' year-end figures add up to the province's 905000: no warning.
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let csv = r.to_csv();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("indicator,name_zh,name_en,region,clause,unit,comparator,target,as_of,achieved")
    );
    assert_eq!(csv.lines().count(), 7);
    assert!(csv.contains("subsidized-training,开展补贴性职业技能培训,"));
}

fn minimal_with(replace: &str, by: &str) -> Plan {
    let text = include_str!("../../tests/conformance/plans/good/minimal.toml").replace(replace, by);
    Plan::from_str(&text).unwrap()
}

fn inputs(rows: &[(&str, &str, &str)]) -> Vec<skillplan::progress::observations::ObservationInput> {
    rows.iter()
        .map(|(indicator, date, value)| skillplan::progress::observations::ObservationInput {
            indicator: indicator.to_string(),
            date: date.to_string(),
            value: value.to_string(),
            ..Default::default()
        })
        .collect()
}

#[test]
fn growth_from_a_tiny_base_does_not_overflow() {
    let plan = minimal_with("", "");
    let obs = Observations::new(
        &plan,
        &inputs(&[("trained", "2026-06-30", "0.0000000000000000000000000001"), ("trained", "2027-06-30", "10")]),
    )
    .unwrap();
    let row =
        skillplan::progress::indicator(&plan, &obs, &ProgressOptions::new(d("2027-06-30")), "trained", None).unwrap();
    let cagr = row.projections.iter().find(|p| p.method == ProjectionMethod::UnsdCagr).unwrap();
    assert!(!cagr.applicable);
}

#[test]
fn a_cap_that_is_exceeded_is_missed() {
    let plan = minimal_with("comparator = \">=\"\ntarget = \"100000\"", "comparator = \"<=\"\ntarget = \"100000\"");
    let obs = Observations::new(&plan, &inputs(&[("trained", "2027-06-30", "120000")])).unwrap();
    let row =
        skillplan::progress::indicator(&plan, &obs, &ProgressOptions::new(d("2027-06-30")), "trained", None).unwrap();
    assert_eq!(row.status, Status::Missed);
    let under = Observations::new(&plan, &inputs(&[("trained", "2027-06-30", "90000")])).unwrap();
    let row =
        skillplan::progress::indicator(&plan, &under, &ProgressOptions::new(d("2027-06-30")), "trained", None).unwrap();
    assert_eq!(row.status, Status::Met);
}

#[test]
fn no_rollup_warning_before_the_regions_report() {
    let plan = minimal_with("", "");
    let mut rows = inputs(&[("trained", "2026-12-31", "20000"), ("trained", "2027-12-31", "41000")]);
    rows.push(skillplan::progress::observations::ObservationInput {
        indicator: "trained".into(),
        region: Some("city-a".into()),
        date: "2027-12-31".into(),
        value: "41000".into(),
        kind: None,
    });
    let obs = Observations::new(&plan, &rows).unwrap();
    let early = report(&plan, &obs, &ProgressOptions::new(d("2027-06-30"))).unwrap();
    assert!(early.warnings.is_empty(), "{:?}", early.warnings);
    let late = report(&plan, &obs, &ProgressOptions::new(d("2027-12-31"))).unwrap();
    assert!(late.warnings.is_empty(), "{:?}", late.warnings);
}
