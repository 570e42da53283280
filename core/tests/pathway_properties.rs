//! Properties of pathways: no earliest date before the level below was obtained, and knowing
//! (or having) more never delays a step.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use skillplan::Plan;
use skillplan::pathway::{Diploma, HeldLevel, Worker, pathway};

const LEVELS: [&str; 6] = ["junior", "intermediate", "senior", "technician", "senior-technician", "special-technician"];
const SCHOOLS: [&str; 9] = [
    "technical_school",
    "senior_technical_school",
    "technician_college",
    "secondary_vocational",
    "higher_vocational",
    "junior_college",
    "bachelor",
    "master",
    "doctorate",
];

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2010, 1, 1).unwrap() + Duration::days(n)
}

fn as_of() -> NaiveDate {
    day(5000)
}

prop_compose! {
    fn worker()(
        work in proptest::option::of(0i64..5000),
        held in proptest::option::of((0usize..6, 0i64..5000)),
        apprenticeship in proptest::option::of(0i64..5000),
        diploma in proptest::option::of((0usize..9, proptest::option::of(0i64..6000), any::<bool>())),
        preparatory in proptest::option::of(0i64..5000),
        occupation in proptest::option::of(prop_oneof![Just("4-07-02-03"), Just("6-11-01-01"), Just("unknown")]),
    ) -> Worker {
        Worker {
            occupation: occupation.map(str::to_owned),
            work_started_on: work.map(day),
            levels: held.map(|(l, d)| vec![HeldLevel { level: LEVELS[l].into(), obtained_on: day(d) }]).unwrap_or_default(),
            apprenticeship_completed_on: apprenticeship.map(day),
            diplomas: diploma
                .map(|(s, g, f)| vec![Diploma { school: SCHOOLS[s].into(), graduated_on: g.map(day), final_year: f }])
                .unwrap_or_default(),
            preparatory_technician_on: preparatory.map(day),
        }
    }
}

/// The earliest date of each step, `None` (never, with what is known) as the latest possible.
fn earliest_by_level(plan: &Plan, w: &Worker) -> Vec<(String, Option<NaiveDate>)> {
    pathway(plan, w, as_of()).unwrap().steps.into_iter().map(|s| (s.level, s.earliest_date)).collect()
}

fn not_later(a: Option<NaiveDate>, b: Option<NaiveDate>) -> bool {
    match (a, b) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(x), Some(y)) => x <= y,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_step_before_the_level_below(w in worker()) {
        let plan = Plan::jilin_2022_2025().unwrap();
        let p = pathway(&plan, &w, as_of()).unwrap();
        let held_since = w.levels.iter().map(|l| l.obtained_on).max();
        for step in &p.steps {
            if let (Some(e), Some(floor)) = (step.earliest_date, held_since) {
                prop_assert!(e >= floor, "{} earliest {} before {}", step.level, e, floor);
            }
            // A route that needs a level not held is dated from that level's own earliest date.
            for route in &step.routes {
                for c in route.conditions.iter().filter(|c| c.projected) {
                    prop_assert!(c.earliest_date.is_none_or(|d| d >= as_of()), "{}: projected {:?}", route.id, c.earliest_date);
                }
            }
        }
    }

    #[test]
    fn more_known_never_delays(w in worker(), extra in 0usize..4, when in 0i64..5000, school in 0usize..9) {
        let plan = Plan::jilin_2022_2025().unwrap();
        let mut more = w.clone();
        match extra {
            0 => more.diplomas.push(Diploma { school: SCHOOLS[school].into(), graduated_on: Some(day(when)), final_year: false }),
            1 => more.apprenticeship_completed_on = Some(more.apprenticeship_completed_on.map_or(day(when), |d| d.min(day(when)))),
            2 => more.preparatory_technician_on = Some(more.preparatory_technician_on.map_or(day(when), |d| d.min(day(when)))),
            _ => more.work_started_on = Some(more.work_started_on.map_or(day(when), |d| d.min(day(when)))),
        }
        let before = earliest_by_level(&plan, &w);
        let after = earliest_by_level(&plan, &more);
        prop_assert_eq!(before.len(), after.len());
        for ((level, b), (_, a)) in before.iter().zip(&after) {
            prop_assert!(not_later(*a, *b), "{level}: {a:?} is later than {b:?}");
        }
    }
}
