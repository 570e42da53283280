//! Properties of eligibility decisions: a fact added never unsettles "eligible"; a batch gives
//! each profile the single call's answer; an ID number never reaches an error or a Debug text.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use skillplan::Plan;
use skillplan::basics::messages::rendered_on_this_thread;
use skillplan::eligibility::{self, GroupStatus, Lang, Status};

fn plan() -> &'static Plan {
    static PLAN: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();
    PLAN.get_or_init(|| Plan::jilin_2022_2025().unwrap())
}

fn date_in(year_from: i32, years: i32) -> impl Strategy<Value = String> {
    (0..years * 365).prop_map(move |d| {
        (NaiveDate::from_ymd_opt(year_from, 1, 1).unwrap() + chrono::Days::new(d as u64)).to_string()
    })
}

fn pick(options: &'static [&'static str]) -> impl Strategy<Value = Value> {
    proptest::sample::select(options).prop_map(|s| json!(s))
}

const STATUSES: &[&str] = &[
    "rural_transfer_labour",
    "returning_migrant_worker",
    "poverty_alleviated",
    "monitored",
    "veteran",
    "disabled",
    "employment_difficulty",
    "zero_employment_family",
    "hardship_worker_family",
    "social_assistance",
    "correctional",
    "craftsperson",
];
const KINDS: &[&str] = &["training_subsidy", "skill_upgrade_subsidy", "evaluation_subsidy", "living_allowance"];
const LEVELS: &[&str] = &["junior", "intermediate", "senior", "technician"];
const OCCUPATIONS: &[&str] = &["电工", "焊工", "育婴员"];

fn received() -> impl Strategy<Value = Value> {
    (pick(KINDS), date_in(2021, 4), pick(LEVELS), pick(OCCUPATIONS), any::<bool>())
        .prop_map(|(kind, date, level, occupation, shortage)| json!({"kind": kind, "date": date, "level": level, "occupation": occupation, "shortage_occupation": shortage}))
}

/// A profile with every field known; dates before 2025 so that an as-of date in 2025 follows them.
fn full_profile() -> impl Strategy<Value = Map<String, Value>> {
    (
        (date_in(1960, 45), pick(&["female", "male"]), pick(&["urban", "rural"]), pick(&["university", "vocational_college", "technical_school", "special_education", "secondary_school"])),
        (pick(&["senior_worker", "preparatory_technician", "technician", "other"]), date_in(2020, 5),
            pick(&["employed", "registered_unemployed", "self_employed", "preparing_business", "student", "not_continuing_after_junior_high", "not_continuing_after_senior_high"])),
        (proptest::sample::subsequence(STATUSES, 0..3), 0u32..60, any::<bool>(), proptest::collection::vec(received(), 0..4)),
    )
        .prop_map(|((birth, sex, hukou, school), (class, graduated, employment), (statuses, months, benefit, subsidies))| {
            let v = json!({"birth_date": birth, "sex": sex, "hukou": hukou, "school_type": school, "technical_school_class": class,
                "graduation_date": graduated, "employment": employment, "statuses": statuses, "unemployment_insurance_months": months,
                "receiving_unemployment_benefit": benefit, "subsidies_received": subsidies});
            v.as_object().unwrap().clone()
        })
}

fn full_offer() -> impl Strategy<Value = Map<String, Value>> {
    (
        pick(&["employment_skills", "skill_upgrading", "entrepreneurship", "apprenticeship", "labour_preparation"]),
        pick(LEVELS),
        pick(&["vocational_qualification", "skill_level_certificate", "special_ability", "training_certificate"]),
        pick(OCCUPATIONS),
        (any::<bool>(), 40u32..200, any::<bool>(), date_in(2021, 5), date_in(2021, 5)),
    )
        .prop_map(|(t, level, kind, occupation, (shortage, hours, listed, start, certificate))| {
            json!({"training_type": t, "target_level": level, "certificate_kind": kind, "occupation": occupation,
                "shortage_occupation": shortage, "hours": hours, "provider_listed": listed, "start_date": start, "certificate_date": certificate})
            .as_object().unwrap().clone()
        })
}

fn without(map: &Map<String, Value>, drop: &[bool]) -> Value {
    Value::Object(
        map.iter().zip(drop.iter().cycle()).filter(|(_, d)| !**d).map(|((k, v), _)| (k.clone(), v.clone())).collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn adding_facts_never_turns_eligible_into_undetermined(
        profile in full_profile(),
        offer in full_offer(),
        drop_p in proptest::collection::vec(any::<bool>(), 11),
        drop_o in proptest::collection::vec(any::<bool>(), 9),
        as_of in date_in(2025, 1),
    ) {
        let as_of = NaiveDate::parse_from_str(&as_of, "%Y-%m-%d").unwrap();
        let full = eligibility::check_values(plan(), &Value::Object(profile.clone()), &Value::Object(offer.clone()), as_of).unwrap();
        let partial = eligibility::check_values(plan(), &without(&profile, &drop_p), &without(&offer, &drop_o), as_of).unwrap();
        for (p, f) in partial.subsidies.iter().zip(&full.subsidies) {
            match p.status {
                Status::Eligible => {
                    prop_assert_eq!(f.status, Status::Eligible, "{}", p.id);
                    prop_assert_eq!(p.amount, f.amount);
                }
                Status::NotEligible => prop_assert_eq!(f.status, Status::NotEligible, "{}: a 'no' stays 'no'", p.id),
                Status::Undetermined => {}
            }
        }
        for g in &partial.target_groups {
            if g.status == GroupStatus::Member {
                prop_assert!(full.target_groups.iter().any(|x| x.id == g.id && x.status == GroupStatus::Member));
            }
        }
    }

    #[test]
    fn reading_an_answer_renders_no_message_and_explaining_on_demand_equals_the_eager_view(
        profile in full_profile(),
        offer in full_offer(),
        drop_p in proptest::collection::vec(any::<bool>(), 11),
        drop_o in proptest::collection::vec(any::<bool>(), 9),
    ) {
        let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        let (profile, offer) = (without(&profile, &drop_p), without(&offer, &drop_o));
        let options = skillplan::host::options::DecisionOptions::default();
        let before = rendered_on_this_thread();
        let decided = skillplan::host::batch::decided_value(plan(), &profile, &offer, as_of, &options).unwrap();
        // Everything a caller reads as the answer: statuses, amounts, versions, check codes,
        // outcomes and numbers, missing facts, the summary.
        let mut seen = 0usize;
        for i in decided.shown() {
            let s = &decided.decision.subsidies[i];
            seen += s.status.as_str().len() + s.amount.map_or(0, |a| a.scale() as usize);
            seen += decided.version_id(plan(), i).map_or(0, str::len);
            for c in &s.checks {
                seen += c.check.as_str().len() + c.outcome.as_str().len() + c.have.unwrap_or(0) as usize + c.need.unwrap_or(0) as usize;
                seen += c.lacking.names().count();
            }
        }
        let summary = decided.summary(plan());
        prop_assert!(seen > 0 && !summary.subsidies.is_empty());
        prop_assert_eq!(rendered_on_this_thread(), before, "reading the answer rendered a message");
        // On demand, piece by piece, equals the whole view built at once (the eager form).
        let eager = eligibility::check_values(plan(), &profile, &offer, as_of).unwrap();
        prop_assert_eq!(&decided.view(plan()), &eager);
        prop_assert_eq!(&decided.groups_view(plan()), &eager.target_groups);
        for (i, view) in decided.shown().zip(&eager.subsidies) {
            let one = decided.subsidy_view(plan(), i).unwrap();
            prop_assert_eq!(&one, view);
            for (k, c) in view.checks.iter().enumerate() {
                let both = decided.check_explanation(plan(), i, k);
                prop_assert_eq!(both.as_ref(), Some(&c.explanation));
                let en = decided.explain_check(plan(), i, k, Lang::En);
                prop_assert_eq!(en.as_deref(), Some(c.explanation.en.as_str()));
            }
            let text = decided.explain_subsidy(plan(), i, Lang::Zh).unwrap();
            prop_assert!(text.starts_with(view.name.zh.as_str()), "{}", text);
        }
        prop_assert!(rendered_on_this_thread() > before, "explaining rendered nothing");
    }

    #[test]
    fn a_batch_gives_each_profile_the_single_answer(
        profiles in proptest::collection::vec(full_profile(), 1..6),
        drops in proptest::collection::vec(proptest::collection::vec(any::<bool>(), 11), 6),
        offer in full_offer(),
    ) {
        let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        let values: Vec<Value> = profiles.iter().zip(&drops).map(|(p, d)| without(p, d)).collect();
        let offer_value = Value::Object(offer);
        let parsed = eligibility::offer_from_value(plan(), &offer_value).unwrap();
        let batch = eligibility::check_batch(plan(), &values, &parsed, as_of).unwrap();
        prop_assert_eq!(batch.len(), values.len());
        for (v, b) in values.iter().zip(&batch) {
            prop_assert_eq!(&eligibility::check_values(plan(), v, &offer_value, as_of).unwrap(), b);
        }
    }

    #[test]
    fn an_id_number_never_appears_in_an_error_or_debug_text(
        digits in proptest::collection::vec(0u8..10, 17),
        last in proptest::sample::select(&['0', '1', '5', '9', 'X'][..]),
        field in proptest::sample::select(&["id_number", "sex", "region", "birth_date", "employment", "statuses", "certificates", "subsidies_received"][..]),
    ) {
        let id: String = digits.iter().map(|d| char::from(b'0' + d)).chain(std::iter::once(last)).collect();
        let value = match field {
            "statuses" => json!([id]),
            "certificates" => json!([{"kind": "skill_level_certificate", "date": "2020-01-01", "occupation": "电工", "level": id}]),
            "subsidies_received" => json!([{"kind": id, "date": "2020-01-01"}]),
            _ => json!(id),
        };
        let profile = json!({ field: value });
        let as_of = NaiveDate::from_ymd_opt(2400, 1, 1).unwrap();
        match eligibility::check_values(plan(), &profile, &json!({}), as_of) {
            Err(e) => {
                for text in [e.to_string(), format!("{:?}", e), e.path()] {
                    prop_assert!(!text.contains(&id[..15]), "{text}");
                }
            }
            Ok(decision) => {
                prop_assert_eq!(field, "id_number");
                let shown = format!("{:?}{}", decision, serde_json::to_string(&decision).unwrap());
                prop_assert!(!shown.contains(&id[..15]));
                let parsed = eligibility::profile_from_value(plan(), &profile).unwrap();
                let debug = format!("{:?}", parsed);
                prop_assert!(!debug.contains(&id[..15]));
            }
        }
    }
}
