//! Properties of loading: no input makes the loader panic, decimals round-trip exactly, and
//! the 其中 hierarchy check agrees with a direct search for loops.

use proptest::prelude::*;
use skillplan::{ErrorCode, Plan, Reason};

const MINIMAL: &str = include_str!("../../tests/conformance/plans/good/minimal.toml");

/// A plan whose three indicators have the given parents (indices into 0..3) and targets.
fn plan_with(parents: [Option<usize>; 3], targets: [i64; 3]) -> String {
    let ids = ["a", "b", "c"];
    let mut text = MINIMAL.split("[[indicators]]").next().unwrap().to_owned();
    for i in 0..3 {
        text.push_str(&format!(
            "[[indicators]]\nid = \"{}\"\nclause = \"专栏1\"\nrow = {}\nname = {{ zh = \"x\", en = \"x\" }}\nunit = \"person_times\"\ncomparator = \">=\"\ntarget = \"{}\"\ntarget_text_zh = \"x\"\nattribute = \"expected\"\n{}\n",
            ids[i], i + 1, targets[i],
            parents[i].map(|p| format!("parent = \"{}\"", ids[p])).unwrap_or_default()
        ));
    }
    text
}

fn has_loop(parents: [Option<usize>; 3]) -> bool {
    (0..3).any(|start| {
        let mut at = start;
        for _ in 0..3 {
            match parents[at] {
                Some(p) => at = p,
                None => return false,
            }
        }
        true
    })
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = Plan::from_str(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = Plan::from_bytes(&bytes);
    }

    #[test]
    fn mutated_plans_never_panic(cut in 0usize..3000, insert in "[\\[\\]=\"a-z0-9 \n.-]{0,12}") {
        let mut text = MINIMAL.to_owned();
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        text.insert_str(at, &insert);
        if let Err(e) = Plan::from_str(&text) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn loops_are_found_exactly(p in proptest::array::uniform3(proptest::option::of(0usize..3))) {
        let result = Plan::from_str(&plan_with(p, [100, 100, 100]));
        let cyclic = matches!(&result, Err(e) if e.issues().iter().any(|i| i.reason == Reason::CyclicParent));
        prop_assert_eq!(cyclic, has_loop(p));
        if !has_loop(p) { prop_assert!(result.is_ok()); }
    }

    #[test]
    fn a_part_may_not_exceed_its_whole(whole in 0i64..1_000_000, part in 0i64..1_000_000) {
        let result = Plan::from_str(&plan_with([None, Some(0), None], [whole, part, 1]));
        prop_assert_eq!(result.is_ok(), part <= whole);
        if let Err(e) = result {
            prop_assert_eq!(e.code(), ErrorCode::PlanInvalid);
            prop_assert_eq!(e.reason(), Some("part_exceeds_whole"));
            prop_assert_eq!(e.path(), "indicators[1].target");
        }
    }

    #[test]
    fn decimal_targets_round_trip_exactly(units in 0u64..10_000_000_000, scale in 0u32..6) {
        let value = rust_decimal::Decimal::new(units as i64, scale);
        let text = MINIMAL.replace("target = \"100000\"", &format!("target = \"{value}\""))
            .replace("target = 25000", "target = \"0\"");
        let plan = Plan::from_str(&text).unwrap();
        prop_assert_eq!(plan.indicator("trained").unwrap().target.to_string(), value.to_string());
    }
}
