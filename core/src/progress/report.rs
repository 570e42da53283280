//! The report of every indicator of a plan, one indicator's progress, and the series a burn-up
//! chart plots.

use crate::error::{Error, OptionsError};
use crate::plan::Plan;

use super::indicator::indicator_progress;
use super::observations::{Observations, Point};
use super::options::{ProgressOptions, check_options};
use super::result::{IndicatorProgress, Report};
use super::series::{Series, parts_checks, rollup_warnings};
use super::timeline::Timeline;

/// Every indicator of the plan as of `options.as_of`, for the whole area and for every region
/// with a target, with the parts checks and the warnings.
pub fn report(plan: &Plan, observations: &Observations, options: &ProgressOptions) -> Result<Report, Error> {
    crate::error::OptionsError::check_as_of(options.as_of)?;
    check_options(plan, options)?;
    let t = Timeline::new(plan);
    let counted_to = options.as_of.min(t.end);
    let mut warnings = Vec::new();
    let mut indicators = Vec::new();
    for indicator in plan.indicators() {
        let series = Series::whole(plan, observations, &indicator.id);
        rollup_warnings(plan, observations, &indicator.id, counted_to, &mut warnings);
        indicators.push(indicator_progress(&t, indicator, None, indicator.target, &series, options));
    }
    let mut regions = Vec::new();
    for indicator in plan.indicators() {
        for rt in options.regional_targets.iter().filter(|r| r.indicator == indicator.id) {
            let region = plan.region(&rt.region).map(|r| r.id.clone()).unwrap_or_else(|_| rt.region.clone());
            // The whole area's own observations are stored as the whole area's, not the root region's.
            let series = if plan.root_region().is_some_and(|r| r.id == region) {
                Series::whole(plan, observations, &indicator.id)
            } else {
                Series::region(observations, &indicator.id, &region)
            };
            regions.push(indicator_progress(&t, indicator, Some(&region), rt.target, &series, options));
        }
    }
    let parts = parts_checks(plan, &indicators, &mut warnings);
    Ok(Report {
        plan_id: plan.id().to_owned(),
        fingerprint: plan.fingerprint().to_owned(),
        as_of: options.as_of,
        period_start: t.start,
        period_end: t.end,
        is_final: options.as_of >= t.end,
        indicators,
        regions,
        parts,
        warnings,
    })
}

/// The cumulative series behind an indicator's achieved values, for the whole area (`region`
/// None: reported, or rolled up from the regions) or a region: what a burn-up chart plots.
pub fn achieved_series(plan: &Plan, observations: &Observations, indicator: &str, region: Option<&str>) -> Vec<Point> {
    match region {
        Some(r) => Series::region(observations, indicator, r).points,
        None => Series::whole(plan, observations, indicator).points,
    }
}

/// Progress of one indicator, for the whole area (`region` None) or one region with a target
/// in `options.regional_targets`.
pub fn indicator(
    plan: &Plan,
    observations: &Observations,
    options: &ProgressOptions,
    id: &str,
    region: Option<&str>,
) -> Result<IndicatorProgress, Error> {
    crate::error::OptionsError::check_as_of(options.as_of)?;
    check_options(plan, options)?;
    let ind = plan.indicator(id)?;
    let t = Timeline::new(plan);
    let root = plan.root_region().map(|r| r.id.as_str());
    match region.map(|r| plan.region(r)).transpose()? {
        Some(r) if Some(r.id.as_str()) != root => {
            let target = options
                .regional_targets
                .iter()
                .find(|rt| rt.indicator == id && plan.region(&rt.region).is_ok_and(|x| x.id == r.id))
                .map(|rt| rt.target)
                .ok_or_else(|| OptionsError {
                    path: "regional_targets".to_owned(),
                    message: format!("no target for {id:?} in region {:?}: give one or use decompose", r.id),
                })?;
            let series = Series::region(observations, id, &r.id);
            Ok(indicator_progress(&t, ind, Some(&r.id), target, &series, options))
        }
        _ => {
            let series = Series::whole(plan, observations, id);
            Ok(indicator_progress(&t, ind, None, ind.target, &series, options))
        }
    }
}
