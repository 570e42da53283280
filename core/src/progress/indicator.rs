//! One indicator's row for one area as of a date: achieved, completion, expected, status, the
//! pace still needed and the projections.

use rust_decimal::Decimal;

use crate::basics::decimal_text::{ratio, round};
use crate::model::{Comparator, Indicator};

use super::observations::{Point, value_as_of};
use super::options::{Milestone, ProgressOptions};
use super::projections::{escap_anticipated_progress, escap_current_status, linear_trend, unsd_cagr};
use super::result::{IndicatorProgress, Source, Status};
use super::series::Series;
use super::timeline::{DAYS_PER_MONTH, DAYS_PER_YEAR, Timeline, expected};

pub(super) fn is_at_least(c: Comparator) -> bool {
    matches!(c, Comparator::AtLeast | Comparator::MoreThan)
}

/// Progress of one indicator for one area.
pub(super) fn indicator_progress(
    t: &Timeline,
    indicator: &Indicator,
    region: Option<&str>,
    target: Decimal,
    series: &Series,
    options: &ProgressOptions,
) -> IndicatorProgress {
    let as_of = options.as_of;
    let day = t.day(as_of);
    let counted_to = as_of.min(t.end);
    let latest = value_as_of(&series.points, counted_to);
    let achieved = latest.map(|p| p.value);
    // The caller's milestones, or else the plan's own, for the whole area; none for regions.
    let plan_milestones: Vec<Milestone> = indicator
        .milestones
        .iter()
        .map(|m| Milestone { indicator: indicator.id.clone(), date: m.date, value: m.value })
        .collect();
    let given: Vec<&Milestone> = options.milestones.iter().filter(|m| m.indicator == indicator.id).collect();
    let milestones: Vec<&Milestone> = match region {
        Some(_) => Vec::new(),
        None if !given.is_empty() => given,
        None => plan_milestones.iter().collect(),
    };
    let (expected_now, expected_method) = expected(t, target, &milestones, day);
    let performance = achieved.and_then(|a| ratio(a, expected_now));
    let satisfied = achieved.is_some_and(|a| indicator.comparator.is_satisfied(a, target));
    let status = match achieved {
        _ if satisfied => Status::Met,
        _ if as_of < t.start => Status::NotStarted,
        None => Status::NoData,
        Some(_) if as_of >= t.end => Status::Missed,
        // A cumulative count above a cap (≤, <, or = overshot) never comes back under it.
        Some(a) if !is_at_least(indicator.comparator) && a >= target => Status::Missed,
        Some(_) => match performance {
            Some(p) if p >= options.thresholds.on_track => Status::OnTrack,
            Some(p) if p >= options.thresholds.behind => Status::Behind,
            _ => Status::FarBehind,
        },
    };
    let gap = achieved.map(|a| (target - a).max(Decimal::ZERO));
    let remaining_days = (t.end - as_of).num_days().clamp(0, t.days);
    let (required_per_month, required_per_year) = match gap {
        Some(g) if remaining_days > 0 && is_at_least(indicator.comparator) => {
            let per_day = g / Decimal::from(remaining_days);
            (Some(round(per_day * DAYS_PER_MONTH)), Some(round(per_day * DAYS_PER_YEAR)))
        }
        _ => (None, None),
    };
    let achieved_per_month = achieved.filter(|_| day > 0).map(|a| round(a / Decimal::from(day) * DAYS_PER_MONTH));
    let observed: Vec<Point> = series.points.iter().copied().take_while(|p| p.date <= counted_to).collect();
    let projections = vec![
        linear_trend(t, &observed, target),
        escap_current_status(t, &observed, target),
        escap_anticipated_progress(t, &observed, target),
        unsd_cagr(t, &observed, target),
    ];
    IndicatorProgress {
        indicator: indicator.id.clone(),
        name: indicator.name.clone(),
        region: region.map(str::to_owned),
        clause: indicator.clause.clone(),
        unit: indicator.unit,
        comparator: indicator.comparator,
        target,
        as_of,
        achieved,
        achieved_on: latest.map(|p| p.date),
        source: if achieved.is_some() { series.source } else { Source::None },
        completion: achieved.and_then(|a| ratio(a, target)),
        gap,
        elapsed: t.elapsed(as_of),
        expected: expected_now,
        expected_method,
        performance,
        status,
        status_label: status.label(),
        remaining_days,
        required_per_month,
        required_per_year,
        achieved_per_month,
        projections,
    }
}
