//! Properties of progress: monotone in what is achieved and in time, exact decompositions,
//! "met" exactly when the comparator holds, and rollups of decompositions that give the total.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use skillplan::Plan;
use skillplan::progress::observations::{ObservationInput, Observations};
use skillplan::progress::{self, ProgressOptions, Status};

fn plan() -> Plan {
    Plan::jilin_2022_2025().unwrap()
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 1).unwrap()
}

fn input(indicator: &str, region: Option<&str>, date: NaiveDate, value: Decimal) -> ObservationInput {
    ObservationInput {
        indicator: indicator.to_owned(),
        region: region.map(str::to_owned),
        date: date.to_string(),
        value: value.to_string(),
        kind: None,
    }
}

fn row(plan: &Plan, inputs: &[ObservationInput], as_of: NaiveDate, id: &str) -> progress::IndicatorProgress {
    let obs = Observations::new(plan, inputs).unwrap();
    progress::indicator(plan, &obs, &ProgressOptions::new(as_of), id, None).unwrap()
}

const REGIONS: [&str; 10] = [
    "changchun",
    "jilin-city",
    "siping",
    "liaoyuan",
    "tonghua",
    "baishan",
    "songyuan",
    "baicheng",
    "yanbian",
    "changbaishan",
];

proptest! {
    #[test]
    fn completion_is_monotone_in_achieved(a in 0u64..2_000_000, b in 0u64..2_000_000, day in 0i64..1461) {
        let plan = plan();
        let (lo, hi) = (a.min(b), a.max(b));
        let date = start() + Duration::days(day);
        let low = row(&plan, &[input("subsidized-training", None, date, lo.into())], date, "subsidized-training");
        let high = row(&plan, &[input("subsidized-training", None, date, hi.into())], date, "subsidized-training");
        prop_assert!(low.completion <= high.completion);
        prop_assert!(low.performance <= high.performance);
        prop_assert!(low.gap >= high.gap);
    }

    #[test]
    fn expected_is_monotone_in_time(d1 in -30i64..1500, d2 in -30i64..1500) {
        let plan = plan();
        let (early, late) = (start() + Duration::days(d1.min(d2)), start() + Duration::days(d1.max(d2)));
        let e = row(&plan, &[], early, "new-certificates");
        let l = row(&plan, &[], late, "new-certificates");
        prop_assert!(e.expected <= l.expected);
        prop_assert!(e.elapsed <= l.elapsed);
        prop_assert!(l.expected <= l.target);
    }

    #[test]
    fn met_iff_the_comparator_holds(value in 0u64..100_000, day in 0i64..1600) {
        let plan = plan();
        let date = start() + Duration::days(day.min(1460));
        let as_of = start() + Duration::days(day);
        let r = row(&plan, &[input("new-high-skill-certificates", None, date, value.into())], as_of, "new-high-skill-certificates");
        let satisfied = plan.indicator("new-high-skill-certificates").unwrap().comparator.is_satisfied(value.into(), r.target);
        prop_assert_eq!(r.status == Status::Met, satisfied);
    }

    #[test]
    fn decomposed_parts_sum_exactly_and_roll_up_to_the_total(
        weights in proptest::collection::vec(0u32..10_000, 1..=10),
    ) {
        let plan = plan();
        prop_assume!(weights.iter().any(|w| *w > 0));
        let pairs: Vec<(String, Decimal)> = weights.iter().enumerate().map(|(i, w)| (REGIONS[i].to_owned(), Decimal::from(*w))).collect();
        for indicator in plan.indicators() {
            let parts = progress::decompose(&plan, &indicator.id, &pairs).unwrap();
            let sum: Decimal = parts.iter().map(|p| p.target).sum();
            prop_assert_eq!(sum, indicator.target);
            // Each part is within one unit of its exact proportional share.
            let total: Decimal = pairs.iter().map(|p| p.1).sum();
            for (part, (_, w)) in parts.iter().zip(&pairs) {
                let exact = indicator.target * *w / total;
                prop_assert!((part.target - exact).abs() < Decimal::ONE);
            }
            // Regions that achieve exactly their share achieve the whole target together.
            let end = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
            let inputs: Vec<ObservationInput> = parts.iter().map(|p| input(&indicator.id, Some(&p.region), end, p.target)).collect();
            let whole = row(&plan, &inputs, end, &indicator.id);
            prop_assert_eq!(whole.achieved, Some(indicator.target));
            prop_assert_eq!(whole.status, Status::Met);
        }
    }
}
