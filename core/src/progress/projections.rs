//! The four audited projection methods: a linear trend, UN ESCAP's current status index and
//! anticipated progress, and the UNSD CAGR progress chart. Each returns every intermediate value.

use rust_decimal::{Decimal, MathematicalOps};

use crate::basics::decimal_text::{ratio, round};

use super::observations::Point;
use super::result::{Projection, ProjectionClass, ProjectionMethod};
use super::timeline::{DAYS_PER_YEAR, Timeline};

/// A straight line fitted by weighted least squares.
pub(super) struct Fit {
    slope: Decimal,
    mean_x: Decimal,
    mean_y: Decimal,
}

/// A point of a weighted fit: (x, y, weight).
type Weighted = (Decimal, Decimal, Decimal);

/// Weighted least squares over (x, y, weight) points; `None` when all x are equal or a sum
/// would leave Decimal's range (only conceivable for century-long daily series).
pub(super) fn fit_line(points: &[Weighted]) -> Option<Fit> {
    let sum = |f: &dyn Fn(&Weighted) -> Option<Decimal>| {
        points.iter().try_fold(Decimal::ZERO, |acc, p| acc.checked_add(f(p)?))
    };
    let sw = sum(&|p| Some(p.2))?;
    if sw.is_zero() {
        return None;
    }
    let mean_x = sum(&|p| p.2.checked_mul(p.0))?.checked_div(sw)?;
    let mean_y = sum(&|p| p.2.checked_mul(p.1))?.checked_div(sw)?;
    let sxx = sum(&|p| p.2.checked_mul(p.0 - mean_x)?.checked_mul(p.0 - mean_x))?;
    let sxy = sum(&|p| p.2.checked_mul(p.0 - mean_x)?.checked_mul(p.1 - mean_y))?;
    if sxx.is_zero() {
        return None;
    }
    Some(Fit { slope: sxy.checked_div(sxx)?, mean_x, mean_y })
}

/// Ordinary least squares through the observations and the anchor (day 0, value 0): a
/// cumulative count is 0 before its period begins.
pub(super) fn linear_trend(t: &Timeline, observed: &[Point], target: Decimal) -> Projection {
    const METHOD: ProjectionMethod = ProjectionMethod::LinearTrend;
    let Some(latest) = observed.last() else {
        return Projection::not_applicable(METHOD, "no observations by the as-of date");
    };
    let mut xy: Vec<(Decimal, Decimal, Decimal)> = vec![(Decimal::ZERO, Decimal::ZERO, Decimal::ONE)];
    xy.extend(observed.iter().map(|p| (Decimal::from(t.day(p.date)), p.value, Decimal::ONE)));
    let Some(Fit { slope, mean_x, mean_y }) = fit_line(&xy) else {
        return Projection::not_applicable(
            METHOD,
            "all observations fall on the period's first day, or the sums overflow",
        );
    };
    let intercept = mean_y - slope * mean_x;
    let projected = round(intercept + slope * Decimal::from(t.days)).max(Decimal::ZERO);
    let index = ratio(projected, target);
    let remaining = Decimal::from((t.days - t.day(latest.date)).max(0));
    let required_rate = if remaining.is_zero() {
        None
    } else {
        Some(round((target - latest.value).max(Decimal::ZERO) / remaining * DAYS_PER_YEAR))
    };
    Projection {
        applicable: true,
        base_date: Some(t.start),
        base_value: Some(Decimal::ZERO),
        latest_date: Some(latest.date),
        latest_value: Some(latest.value),
        points: Some(xy.len() as u32),
        rate: Some(round(slope * DAYS_PER_YEAR)),
        required_rate,
        projected_value: Some(projected),
        index,
        classification: Some(if projected >= target {
            ProjectionClass::WillMeet
        } else {
            ProjectionClass::WillNotMeet
        }),
        ..Projection::empty(METHOD)
    }
}

/// The latest observation both ESCAP indices start from, or why they do not apply.
pub(super) fn escap_latest(observed: &[Point], target: Decimal) -> Result<Point, &'static str> {
    match observed.last() {
        None => Err("no observations by the as-of date"),
        Some(_) if target.is_zero() => Err("a zero target needs no progress"),
        Some(latest) => Ok(*latest),
    }
}

/// UN ESCAP current status index, for a count that starts at 0 with the period (I_0 = 0): the
/// progress made so far relative to the progress needed by the end of the period,
/// CS = (I_now − I_0) ÷ (I_target − I_0), set to 1 once the target is met and not clamped below.
/// Reported as a share; ESCAP's charts show the same quantity on a 0–10 scale.
/// Source: ESCAP, Asia and the Pacific SDG Progress Report, technical notes
/// (data.unescap.org, "Progress assessment methodology").
pub(super) fn escap_current_status(t: &Timeline, observed: &[Point], target: Decimal) -> Projection {
    const METHOD: ProjectionMethod = ProjectionMethod::EscapCurrentStatus;
    let latest = match escap_latest(observed, target) {
        Ok(latest) => latest,
        Err(note) => return Projection::not_applicable(METHOD, note),
    };
    let index = ratio(latest.value, target).map(|i| i.min(Decimal::ONE));
    Projection {
        applicable: true,
        base_date: Some(t.start),
        base_value: Some(Decimal::ZERO),
        latest_date: Some(latest.date),
        latest_value: Some(latest.value),
        points: Some(observed.len() as u32),
        index,
        classification: Some(if latest.value >= target {
            ProjectionClass::TargetMet
        } else {
            ProjectionClass::InProgress
        }),
        ..Projection::empty(METHOD)
    }
}

/// UN ESCAP anticipated progress: the value at the period's end projected by a time-weighted
/// linear regression (weight of a point on day d: N ÷ (N − d), so recent points count more; the
/// anchor at day 0, value 0, has weight 1; a point on the last day is the projection itself),
/// and the share of the required progress that projection represents,
/// (I_projected − I_0) ÷ (I_target − I_0). Classes: ≥ 1 `maintain_progress`, > 0
/// `accelerate_progress`, otherwise `reverse_trend`.
/// Sources: ESCAP technical notes (above); UNECE SDG report technical notes ("time-weighted
/// linear regression … gives more importance to more recent data"). The weight formula follows
/// a public implementation of the method; ESCAP's own text was not available (UNCONFIRMED).
pub(super) fn escap_anticipated_progress(t: &Timeline, observed: &[Point], target: Decimal) -> Projection {
    const METHOD: ProjectionMethod = ProjectionMethod::EscapAnticipatedProgress;
    let latest = match escap_latest(observed, target) {
        Ok(latest) => latest,
        Err(note) => return Projection::not_applicable(METHOD, note),
    };
    let n = Decimal::from(t.days);
    let projected = if t.day(latest.date) >= t.days {
        latest.value
    } else {
        let mut points: Vec<(Decimal, Decimal, Decimal)> = vec![(Decimal::ZERO, Decimal::ZERO, Decimal::ONE)];
        points.extend(observed.iter().map(|p| {
            let d = Decimal::from(t.day(p.date));
            (d, p.value, n / (n - d))
        }));
        let Some(Fit { slope, mean_x, mean_y }) = fit_line(&points) else {
            return Projection::not_applicable(
                METHOD,
                "all observations fall on the period's first day, or the sums overflow",
            );
        };
        round(mean_y + slope * (n - mean_x)).max(Decimal::ZERO)
    };
    let index = ratio(projected, target);
    let class = match index {
        Some(i) if i >= Decimal::ONE => ProjectionClass::MaintainProgress,
        Some(i) if i > Decimal::ZERO => ProjectionClass::AccelerateProgress,
        _ => ProjectionClass::ReverseTrend,
    };
    Projection {
        applicable: true,
        base_date: Some(t.start),
        base_value: Some(Decimal::ZERO),
        latest_date: Some(latest.date),
        latest_value: Some(latest.value),
        points: Some(observed.len() as u32 + 1),
        projected_value: Some(projected),
        index,
        classification: Some(class),
        ..Projection::empty(METHOD)
    }
}

/// UNSD progress-chart method (2023 technical note): the actual compound annual growth rate
/// between the first and the latest observation, CAGR_a = (x_t ÷ x_0)^(1 ÷ years) − 1, projects
/// the value at the period's end, x_end = x_t × (1 + CAGR_a)^(years left); the index is the
/// share of the required progress that projection represents, P = (x_end − x_0) ÷ (target − x_0).
/// Classes: P ≥ 0.95 `substantial_progress`, P ≥ 0.10 `fair_progress`, else
/// `limited_or_no_progress`; `target_met` when the latest value already meets the target.
/// `required_rate` is the CAGR that would reach the target exactly, CAGR_r; the ratio
/// CAGR_a ÷ CAGR_r of the 2022 note is `rate ÷ required_rate`.
/// Source: UN Statistics Division, SDG Progress Chart technical notes 2022 and 2023
/// (unstats.un.org/sdgs/report). Years are days ÷ 365.25.
pub(super) fn unsd_cagr(t: &Timeline, observed: &[Point], target: Decimal) -> Projection {
    const METHOD: ProjectionMethod = ProjectionMethod::UnsdCagr;
    let growth = match growth_rates(t, observed, target) {
        Ok(g) => g,
        Err(note) => return Projection::not_applicable(METHOD, note),
    };
    let years_left = Decimal::from(t.days - t.day(growth.latest.date)) / DAYS_PER_YEAR;
    let projected = (Decimal::ONE + growth.actual)
        .checked_powd(years_left)
        .and_then(|f| f.checked_mul(growth.latest.value))
        .map(round);
    let Some(projected) = projected else {
        return Projection::not_applicable(METHOD, "the projection overflows");
    };
    let index = ratio(projected - growth.base.value, target - growth.base.value);
    let class = if growth.latest.value >= target {
        ProjectionClass::TargetMet
    } else {
        match index {
            Some(i) if i >= Decimal::new(95, 2) => ProjectionClass::SubstantialProgress,
            Some(i) if i >= Decimal::new(10, 2) => ProjectionClass::FairProgress,
            _ => ProjectionClass::LimitedOrNoProgress,
        }
    };
    Projection {
        applicable: true,
        base_date: Some(growth.base.date),
        base_value: Some(growth.base.value),
        latest_date: Some(growth.latest.date),
        latest_value: Some(growth.latest.value),
        points: Some(observed.len() as u32),
        rate: Some(growth.actual),
        required_rate: Some(growth.required),
        projected_value: Some(projected),
        index,
        classification: Some(class),
        ..Projection::empty(METHOD)
    }
}

pub(super) struct Growth {
    base: Point,
    latest: Point,
    /// Compound annual growth rate from base to latest.
    actual: Decimal,
    /// Compound annual growth rate from base to the target at the period's end.
    required: Decimal,
}

/// CAGR = (latest ÷ base)^(1 ÷ years) − 1, with years = days ÷ 365.25.
pub(super) fn growth_rates(t: &Timeline, observed: &[Point], target: Decimal) -> Result<Growth, &'static str> {
    let (Some(&base), Some(&latest)) = (observed.first(), observed.last()) else {
        return Err("no observations by the as-of date");
    };
    if observed.len() < 2 || latest.date == base.date {
        return Err("needs observations on two dates");
    }
    if base.value.is_zero() {
        return Err("the base value is 0: a growth rate from zero is undefined");
    }
    let years_observed = Decimal::from((latest.date - base.date).num_days()) / DAYS_PER_YEAR;
    let days_left = t.days - t.day(base.date);
    if days_left <= 0 {
        return Err("the base observation is on the period's last day");
    }
    if target <= base.value {
        return Err("the target was already met at the base observation");
    }
    let years_required = Decimal::from(days_left) / DAYS_PER_YEAR;
    let cagr = |to: Decimal, years: Decimal| -> Option<Decimal> {
        to.checked_div(base.value)?.checked_powd(Decimal::ONE.checked_div(years)?).map(|f| round(f - Decimal::ONE))
    };
    match (cagr(latest.value, years_observed), cagr(target, years_required)) {
        (Some(actual), Some(required)) => Ok(Growth { base, latest, actual, required }),
        _ => Err("the growth rate cannot be computed"),
    }
}
