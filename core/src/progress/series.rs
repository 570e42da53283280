//! Each indicator's cumulative series for an area: as reported, or for the whole area rolled up
//! from the regions that cover it without counting anyone twice; and the checks of regions
//! against the whole and of parts (「其中」) against their whole.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::plan::Plan;

use super::observations::{Observations, Point, value_as_of};
use super::result::{IndicatorProgress, PartsCheck, ProgressWarning, Source, WarningCode};

/// The cumulative series of an indicator for an area, and where it came from.
pub(super) struct Series {
    pub(super) points: Vec<Point>,
    pub(super) source: Source,
}

impl Series {
    /// The whole area's series: reported, or else rolled up from the regions.
    pub(super) fn whole(plan: &Plan, obs: &Observations, indicator: &str) -> Series {
        if let Some(points) = obs.series(indicator, None) {
            return Series { points: points.to_vec(), source: Source::Reported };
        }
        let regions = covering_regions(plan, obs, indicator);
        if regions.is_empty() {
            return Series { points: Vec::new(), source: Source::None };
        }
        Series { points: rollup(obs, indicator, &regions), source: Source::Rollup }
    }

    pub(super) fn region(obs: &Observations, indicator: &str, region: &str) -> Series {
        match obs.series(indicator, Some(region)) {
            Some(points) => Series { points: points.to_vec(), source: Source::Reported },
            None => Series { points: Vec::new(), source: Source::None },
        }
    }
}

/// The regions whose series add up to the whole area without counting anyone twice: those
/// with a series and no ancestor (below the whole area) that has one too.
pub(super) fn covering_regions<'a>(plan: &Plan, obs: &'a Observations, indicator: &str) -> Vec<&'a str> {
    let with_series = obs.regions_of(indicator);
    with_series
        .iter()
        .copied()
        .filter(|region| {
            let mut at = plan.region(region).ok().and_then(|r| r.parent.clone());
            // Validation refuses cycles; the bound keeps a hand-built plan from looping.
            let mut hops = plan.regions().len();
            while let Some(parent) = at.filter(|_| hops > 0) {
                hops -= 1;
                if with_series.contains(&parent.as_str()) {
                    return false;
                }
                at = plan.region(&parent).ok().and_then(|r| r.parent.clone());
            }
            true
        })
        .collect()
}

/// The sum of regional series at every date any of them has a point.
pub(super) fn rollup(obs: &Observations, indicator: &str, regions: &[&str]) -> Vec<Point> {
    let series: Vec<&[Point]> = regions.iter().filter_map(|r| obs.series(indicator, Some(r))).collect();
    let mut dates: Vec<NaiveDate> = series.iter().flat_map(|s| s.iter().map(|p| p.date)).collect();
    dates.sort();
    dates.dedup();
    dates
        .into_iter()
        .map(|date| Point { date, value: series.iter().filter_map(|s| value_as_of(s, date)).map(|p| p.value).sum() })
        .collect()
}

pub(super) fn rollup_warnings(
    plan: &Plan,
    obs: &Observations,
    indicator: &str,
    date: NaiveDate,
    warnings: &mut Vec<ProgressWarning>,
) {
    let Some(reported) = obs.series(indicator, None).and_then(|s| value_as_of(s, date)) else { return };
    let regions = covering_regions(plan, obs, indicator);
    if regions.is_empty() {
        return;
    }
    // No regional figure yet by that date: nothing to compare.
    let Some(sum) = value_as_of(&rollup(obs, indicator, &regions), date).map(|p| p.value) else { return };
    if sum > reported.value {
        warnings.push(ProgressWarning {
            code: WarningCode::RegionsExceedProvince,
            indicator: indicator.to_owned(),
            region: None,
            message: format!("the regions sum to {sum}, more than the {} reported for the whole area", reported.value),
        });
    } else if sum != reported.value {
        warnings.push(ProgressWarning {
            code: WarningCode::RollupMismatch,
            indicator: indicator.to_owned(),
            region: None,
            message: format!("the regions sum to {sum}; {} is reported for the whole area", reported.value),
        });
    }
}

pub(super) fn parts_checks(
    plan: &Plan,
    rows: &[IndicatorProgress],
    warnings: &mut Vec<ProgressWarning>,
) -> Vec<PartsCheck> {
    let by_id: BTreeMap<&str, &IndicatorProgress> = rows.iter().map(|r| (r.indicator.as_str(), r)).collect();
    let mut checks = Vec::new();
    for whole in plan.indicators() {
        let Ok(parts) = plan.parts(&whole.id) else { continue };
        if parts.is_empty() {
            continue;
        }
        let whole_achieved = by_id.get(whole.id.as_str()).and_then(|r| r.achieved);
        let achieved: Vec<Option<Decimal>> =
            parts.iter().map(|p| by_id.get(p.id.as_str()).and_then(|r| r.achieved)).collect();
        let mut consistent = true;
        for (part, value) in parts.iter().zip(&achieved) {
            if let (Some(w), Some(v)) = (whole_achieved, value)
                && *v > w
            {
                consistent = false;
                warnings.push(ProgressWarning {
                    code: WarningCode::PartExceedsWhole,
                    indicator: part.id.clone(),
                    region: None,
                    message: format!("{} has achieved {v}, more than its whole {} ({w})", part.id, whole.id),
                });
            }
        }
        let known: Vec<Decimal> = achieved.iter().flatten().copied().collect();
        checks.push(PartsCheck {
            whole: whole.id.clone(),
            parts: parts.iter().map(|p| p.id.clone()).collect(),
            whole_achieved,
            parts_achieved: if known.is_empty() { None } else { Some(known.iter().sum()) },
            whole_target: whole.target,
            parts_target: parts.iter().map(|p| p.target).sum(),
            consistent,
        });
    }
    checks
}
