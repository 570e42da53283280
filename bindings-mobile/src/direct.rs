//! The eligibility answer through one plain C call, for the JVM. uniffi's Kotlin calls go
//! through JNA structures read and written by reflection, which costs some 70 µs a call on the
//! JVM here whatever the call does (BENCHMARKS.md); this path takes and gives bytes only. The
//! bytes are uniffi's own serialisation of the exported records (the profile, the offer, the
//! date and the subsidies in; the `DecisionSummary` out), so the Kotlin side writes and reads
//! them with the generated converters and no type is declared twice. The decision is the one the
//! core's host boundary makes for `checkEligibility`; an input it refuses (or a fault caught)
//! comes back as the serialised `SkillplanError`, which the Kotlin side reads with the generated
//! converter and throws. Swift calls uniffi's C functions directly and does not need this.

use std::sync::Arc;

use skillplan as core;
use skillplan::host::batch;
use skillplan::host::options::DecisionOptions;
use uniffi::{Lift, Lower};

use crate::eligibility::{OfferInput, ProfileInput};
use crate::{CalendarDate, DecisionSummary, Plan, SkillplanError, SubsidyKind, UniFfiTag};

/// The call could not even read its arguments (a null handle or buffer, a length below zero).
pub const REFUSED: i32 = i32::MIN;

/// The first byte of the output: what the uniffi bytes after it hold.
const ANSWER: u8 = 0;
const ERROR: u8 = 1;

#[uniffi::export]
impl Plan {
    /// A handle on the plan for the direct calls (`EligibilityChecker` in Kotlin), to be given
    /// back to `skillplan_mobile_release_plan`.
    pub fn direct_handle(&self) -> u64 {
        Arc::into_raw(Arc::clone(&self.inner)) as u64
    }
}

/// Gives back a handle of `Plan.directHandle`.
///
/// # Safety
/// `handle` comes from `direct_handle` and is released once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skillplan_mobile_release_plan(handle: u64) {
    if handle != 0 {
        // SAFETY: the caller gives back a pointer made by Arc::into_raw, once.
        drop(unsafe { Arc::from_raw(handle as *const core::Plan) });
    }
}

/// The arguments as uniffi serialises them; `None` when the bytes are not that.
fn arguments(mut input: &[u8]) -> Option<(ProfileInput, OfferInput, CalendarDate, Vec<SubsidyKind>)> {
    let profile = <ProfileInput as Lift<UniFfiTag>>::try_read(&mut input).ok()?;
    let offer = <OfferInput as Lift<UniFfiTag>>::try_read(&mut input).ok()?;
    let as_of = <CalendarDate as Lift<UniFfiTag>>::try_read(&mut input).ok()?;
    let subsidies = <Vec<SubsidyKind> as Lift<UniFfiTag>>::try_read(&mut input).ok()?;
    input.is_empty().then_some((profile, offer, as_of, subsidies))
}

/// The tagged output: the summary, or the error `checkEligibility` raises for these arguments.
fn decide(plan: &core::Plan, input: &[u8]) -> Option<Vec<u8>> {
    let (profile, offer, as_of, subsidies) = arguments(input)?;
    let mut out = Vec::with_capacity(512);
    let decided = core::host::catch("checkEligibility", || {
        let options = DecisionOptions { subsidies, explain: false };
        let (profile, offer) = (crate::eligibility::document(&profile), crate::eligibility::document(&offer));
        batch::decided_value(plan, &profile, &offer, as_of, &options).map(|d| d.summary(plan))
    })
    .and_then(|r| r);
    match decided {
        Ok(summary) => {
            out.push(ANSWER);
            <DecisionSummary as Lower<UniFfiTag>>::write(summary, &mut out);
        }
        Err(e) => {
            out.push(ERROR);
            <SkillplanError as Lower<UniFfiTag>>::write(e.into(), &mut out);
        }
    }
    Some(out)
}

/// Decides for the profile, offer, date and subsidies serialised in `input`, and writes into
/// `out` a tag byte (0: answer, 1: error) and the serialised `DecisionSummary` or
/// `SkillplanError`. Returns the length written; minus the length needed when `out` is too small
/// (call again with room); [`REFUSED`] when the arguments cannot be read at all.
///
/// # Safety
/// `plan` is a live handle of `direct_handle`; `input` holds `input_len` bytes and `out` has
/// room for `out_cap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn skillplan_mobile_check_eligibility(
    plan: u64,
    input: *const u8,
    input_len: i32,
    out: *mut u8,
    out_cap: i32,
) -> i32 {
    if plan == 0 || input.is_null() || input_len < 0 || out_cap < 0 {
        return REFUSED;
    }
    // SAFETY: the handle is live (the caller holds it) and the buffers are as described.
    let (plan, input) =
        unsafe { (&*(plan as *const core::Plan), std::slice::from_raw_parts(input, input_len as usize)) };
    let Ok(Some(bytes)) = core::host::catch("checkEligibility.arguments", || decide(plan, input)) else {
        return REFUSED;
    };
    let Ok(len) = i32::try_from(bytes.len()) else { return REFUSED };
    if len > out_cap || out.is_null() {
        return -len;
    }
    // SAFETY: `out` has room for `out_cap` ≥ `len` bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), out, bytes.len()) };
    len
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::ReceivedSubsidyInput;

    fn input() -> Vec<u8> {
        let profile = ProfileInput {
            employment: Some(core::eligibility::Employment::Employed),
            unemployment_insurance_months: Some(18),
            statuses: Some(vec![]),
            school_type: Some(core::eligibility::SchoolKind::SecondarySchool),
            graduation_date: chrono::NaiveDate::from_ymd_opt(2008, 7, 1),
            subsidies_received: Some(vec![ReceivedSubsidyInput {
                kind: SubsidyKind::SkillUpgradeSubsidy,
                date: chrono::NaiveDate::from_ymd_opt(2025, 1, 15).unwrap_or_default(),
                level: Some("junior".into()),
                occupation: Some("焊工".into()),
                shortage_occupation: Some(false),
            }]),
            ..Default::default()
        };
        let offer = OfferInput {
            target_level: Some("intermediate".into()),
            certificate_kind: Some("skill_level_certificate".into()),
            occupation: Some("电工".into()),
            shortage_occupation: Some(true),
            certificate_date: chrono::NaiveDate::from_ymd_opt(2025, 6, 1),
            ..Default::default()
        };
        let mut buf = Vec::new();
        <ProfileInput as Lower<UniFfiTag>>::write(profile, &mut buf);
        <OfferInput as Lower<UniFfiTag>>::write(offer, &mut buf);
        <CalendarDate as Lower<UniFfiTag>>::write(
            chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default(),
            &mut buf,
        );
        <Vec<SubsidyKind> as Lower<UniFfiTag>>::write(vec![], &mut buf);
        buf
    }

    #[test]
    fn the_direct_call_answers_as_check_eligibility_does() {
        let plan = Arc::new(core::Plan::jilin_2022_2025().expect("plan"));
        let handle = Arc::into_raw(Arc::clone(&plan)) as u64;
        let bytes = input();
        let mut out = vec![0u8; 8];
        // SAFETY: a live handle and buffers of the lengths given.
        let n = unsafe {
            skillplan_mobile_check_eligibility(handle, bytes.as_ptr(), bytes.len() as i32, out.as_mut_ptr(), 8)
        };
        assert!(n < 0 && n != REFUSED, "too small a buffer asks for room");
        out.resize((-n) as usize, 0);
        let n = unsafe {
            skillplan_mobile_check_eligibility(handle, bytes.as_ptr(), bytes.len() as i32, out.as_mut_ptr(), -n)
        };
        assert_eq!(out[0], ANSWER);
        let summary = <DecisionSummary as Lift<UniFfiTag>>::try_read(&mut &out[1..n as usize]).expect("a summary");
        assert_eq!(summary.subsidies.len(), 4);
        assert_eq!(
            unsafe { skillplan_mobile_check_eligibility(handle, bytes.as_ptr(), 3, out.as_mut_ptr(), 0) },
            REFUSED
        );
        unsafe { skillplan_mobile_release_plan(handle) };
    }
}
