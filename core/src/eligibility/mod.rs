//! Eligibility (（三）（四）（十）（十二）（二十五）): a person profile and a training offer, as of
//! a date, give the plan's target groups the person is in and, for each of the four subsidies,
//! eligible / not eligible / undetermined with the amount, the reasons, the clauses and sources,
//! and what would make it "eligible". The rules are plan data (`[eligibility]` in the plan
//! file); the formulas that read them are here.
//!
//! ```
//! let plan = skillplan::Plan::jilin_2022_2025()?;
//! let profile = serde_json::json!({"employment": "employed", "unemployment_insurance_months": 7,
//!     "subsidies_received": []});
//! let offer = serde_json::json!({"target_level": "intermediate", "certificate_kind": "skill_level_certificate",
//!     "occupation": "电工", "certificate_date": "2025-03-01", "shortage_occupation": false});
//! let as_of = chrono::NaiveDate::from_ymd_opt(2025, 4, 1).ok_or("not a date")?;
//! let decision = skillplan::eligibility::check_values(&plan, &profile, &offer, as_of)?;
//! let upgrade = decision.subsidies.iter().find(|s| s.id == skillplan::eligibility::SubsidyKind::SkillUpgradeSubsidy).ok_or("no such subsidy")?;
//! assert_eq!(upgrade.status.as_str(), "not_eligible");
//! assert_eq!(upgrade.to_qualify[0].explanation.en, "12 months of unemployment insurance; you have 7");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The closed vocabularies of the profile format (sex, hukou, employment, …) and the
//! `[eligibility]` section are plan data (`model::eligibility`); the plan compiles that section
//! when it loads. Here: reading a profile and an offer (`profile`), deciding (`decide`), the
//! explained views and summaries (`view`) and rosters as Arrow batches (`roster`).

mod decide;
mod explain;
pub mod profile;
#[cfg(feature = "arrow")]
mod roster;
mod view;

pub use crate::basics::messages::Lang;
pub use crate::error::ProfileError;
pub use crate::model::eligibility::{Education, Employment, Hukou, SchoolKind, Sex, SubsidyKind, TechnicalClass};
pub use decide::{CheckKind, CheckResult, Decision, Fact, FieldSet, Status, SubsidyOutcome, Tri, decide};
pub use profile::{
    HeldCertificate, Offer, PROFILE_FORMAT, Profile, ReceivedSubsidy, offer_from_value, parse_json, parse_offer_json,
    parse_profile_json, profile_from_value,
};
#[cfg(feature = "arrow")]
pub use roster::{decide_roster, decide_roster_values};
pub use view::{
    CheckCode, CheckView, Decided, DecisionSummary, DecisionView, GroupStatus, GroupView, Requirement, RequirementKind,
    SubsidySummary, SubsidyView, Unconfirmed, VersionView,
};

use chrono::NaiveDate;

use crate::error::Error;
use crate::plan::Plan;

/// Decides for a profile and an offer given as JSON values, and explains the decision.
pub fn check_values(
    plan: &Plan,
    profile: &serde_json::Value,
    offer: &serde_json::Value,
    as_of: NaiveDate,
) -> Result<DecisionView, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let profile = profile_from_value(plan, profile)?;
    let offer = offer_from_value(plan, offer)?;
    Ok(decide(plan, &profile, &offer, as_of)?.view(plan, &profile, &offer))
}

/// Decides for a profile and an offer given as JSON texts, and explains the decision.
pub fn check_json(plan: &Plan, profile: &str, offer: &str, as_of: NaiveDate) -> Result<DecisionView, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let profile = parse_profile_json(plan, profile)?;
    let offer = parse_offer_json(plan, offer)?;
    Ok(decide(plan, &profile, &offer, as_of)?.view(plan, &profile, &offer))
}

/// Decides for many profiles and one offer, in order; each decision equals the single call's.
/// The first bad profile stops the batch, its index in the path (`profiles[3].sex`).
pub fn check_batch(
    plan: &Plan,
    profiles: &[serde_json::Value],
    offer: &Offer,
    as_of: NaiveDate,
) -> Result<Vec<DecisionView>, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    decide_each(
        plan,
        profiles.iter().collect(),
        |v| profile_from_value(plan, v),
        offer,
        as_of,
        |profile, decision| decision.view(plan, &profile, offer),
    )
}

/// Decides many profiles for one offer on all cores, in order: `read` turns an item (given over)
/// into a profile, `write` a profile and its decision (both given over) into the answer kept.
/// Each decision is the single call's. The first bad profile (by index) stops it, its index in
/// the path (`profiles[3].sex`).
pub fn decide_each<I: Send, T: Send>(
    plan: &Plan,
    items: Vec<I>,
    read: impl Fn(I) -> Result<Profile, ProfileError> + Sync,
    offer: &Offer,
    as_of: NaiveDate,
    write: impl Fn(Profile, Decision) -> T + Sync,
) -> Result<Vec<T>, Error> {
    let one = |i: usize, item: I| -> Result<T, Error> {
        let profile = read(item).map_err(|e| e.in_batch(i))?;
        let decision = decide(plan, &profile, offer, as_of).map_err(|e| match e {
            Error::Profile(p) => Error::Profile(p.in_batch(i)),
            other => other,
        })?;
        Ok(write(profile, decision))
    };
    const PARALLEL_FROM: usize = 2048;
    let count = items.len();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(count / PARALLEL_FROM + 1);
    if threads <= 1 {
        return items.into_iter().enumerate().map(|(i, v)| one(i, v)).collect();
    }
    let chunk = count.div_ceil(threads);
    let mut parts_in: Vec<Vec<I>> = Vec::with_capacity(threads);
    let mut rest = items.into_iter();
    for _ in 0..threads {
        parts_in.push(rest.by_ref().take(chunk).collect());
    }
    let parts: Vec<Result<Vec<T>, Error>> = std::thread::scope(|s| {
        let handles: Vec<_> = parts_in
            .into_iter()
            .enumerate()
            .map(|(t, part)| {
                let one = &one;
                s.spawn(move || part.into_iter().enumerate().map(|(k, v)| one(t * chunk + k, v)).collect())
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| Err(crate::InternalError { operation: "decide_each".to_owned() }.into()))
            })
            .collect()
    });
    // Parts are in order, so the first error met is the first by index.
    let mut out = Vec::with_capacity(count);
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}
