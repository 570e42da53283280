//! Pathways of typical workers, checked by hand against the 2018 template (domain-facts §2).

use chrono::NaiveDate;
use skillplan::Plan;
use skillplan::pathway::{Diploma, HeldLevel, Worker, add_years, pathway};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn a_welder_with_a_junior_certificate() {
    let plan = Plan::jilin_2022_2025().unwrap();
    let worker = Worker {
        work_started_on: Some(d("2019-03-01")),
        levels: vec![HeldLevel { level: "junior".into(), obtained_on: d("2021-02-28") }],
        ..Worker::default()
    };
    let p = pathway(&plan, &worker, d("2024-06-30")).unwrap();
    assert_eq!(p.current_level.as_deref(), Some("junior"));
    let next = &p.steps[0];
    assert_eq!(next.level, "intermediate");
    // After junior + 4 years: 2025-02-28; by 6 years of work: 2025-03-01. The earlier wins.
    assert_eq!(next.earliest_date, Some(d("2025-02-28")));
    assert!(!next.can_apply_now);
}

#[test]
fn leap_day_plus_one_year_is_the_last_day_of_february() {
    assert_eq!(add_years(d("2020-02-29"), 1), Some(d("2021-02-28")));
    assert_eq!(add_years(d("2020-02-29"), 4), Some(d("2024-02-29")));
    assert_eq!(add_years(d("2021-01-31"), 2), Some(d("2023-01-31")));
}

#[test]
fn a_student_in_the_final_year_of_a_technical_school() {
    let plan = Plan::jilin_2022_2025().unwrap();
    let worker = Worker {
        diplomas: vec![Diploma { school: "technical_school".into(), graduated_on: None, final_year: true }],
        ..Worker::default()
    };
    let p = pathway(&plan, &worker, d("2025-03-01")).unwrap();
    let intermediate = p.steps.iter().find(|s| s.level == "intermediate").unwrap();
    assert!(intermediate.can_apply_now);
}
