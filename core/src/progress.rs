//! Target progress: where each indicator stands as of a date, whether it is on schedule, the pace
//! still needed, and projections to the end of the period by several audited methods.
//!
//! Every number is a `Decimal`. Sums and differences are exact; quotients carry 28 significant
//! digits and are then rounded (half to even) to [`RATIO_DP`] places, so every binding prints the
//! same digits. Nothing is rounded further until presentation.
//!
//! Time is counted in days: day 1 is the period's first day, day N its last. The share of the
//! period elapsed by the end of day D is min(max(day(D), 0), N) / N. A month is 365.25 / 12 =
//! 30.4375 days and a year 365.25 days when a pace is stated per month or per year.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::{Decimal, MathematicalOps};
use serde::Serialize;

use crate::error::{Error, OptionsError};
use crate::model::{Comparator, Indicator, Label, Unit};
use crate::observations::{Observations, Point, value_as_of};
use crate::plan::Plan;
use crate::{date_text, decimal_text};

/// Decimal places kept in ratios, rates and paces.
pub const RATIO_DP: u32 = 10;

const DAYS_PER_YEAR: Decimal = Decimal::from_parts(36525, 0, 0, false, 2);
const DAYS_PER_MONTH: Decimal = Decimal::from_parts(304375, 0, 0, false, 4);

/// Schedule status of an indicator as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The achieved value satisfies the target's comparator.
    Met,
    /// Performance (achieved ÷ expected by now) ≥ the on-track threshold (default 0.95).
    OnTrack,
    /// Performance ≥ the behind threshold (default 0.75) but below on-track.
    Behind,
    /// Performance below the behind threshold.
    FarBehind,
    /// The period is over and the target was not met.
    Missed,
    /// The as-of date is before the period starts.
    NotStarted,
    /// No observation on or before the as-of date.
    NoData,
}

impl Status {
    /// The status in Chinese and English, for reports.
    pub fn label(self) -> Label {
        let (zh, en) = match self {
            Status::Met => ("已完成", "met"),
            Status::OnTrack => ("进度正常", "on track"),
            Status::Behind => ("进度滞后", "behind"),
            Status::FarBehind => ("严重滞后", "far behind"),
            Status::Missed => ("未完成", "missed"),
            Status::NotStarted => ("未开始", "not started"),
            Status::NoData => ("无数据", "no data"),
        };
        Label { zh: zh.to_owned(), en: en.to_owned() }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
            Status::FarBehind => "far_behind",
            Status::Missed => "missed",
            Status::NotStarted => "not_started",
            Status::NoData => "no_data",
        }
    }
}

/// Where an achieved value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Observations for this indicator and area.
    Reported,
    /// The sum of the regions' observations (no whole-area figure was given).
    Rollup,
    /// No observations.
    None,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Reported => "reported",
            Source::Rollup => "rollup",
            Source::None => "none",
        }
    }
}

/// A caller-given point of the expected trajectory: by `date`, `value` should have been achieved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Milestone {
    pub indicator: String,
    #[serde(with = "date_text")]
    pub date: NaiveDate,
    #[serde(with = "decimal_text")]
    pub value: Decimal,
}

/// A target for one region (from a published breakdown or from [`decompose`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionalTarget {
    pub indicator: String,
    pub region: String,
    #[serde(with = "decimal_text")]
    pub target: Decimal,
}

/// Thresholds of the schedule status, on performance = achieved ÷ expected by now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Thresholds {
    /// At or above: on track. Default 0.95.
    #[serde(with = "decimal_text")]
    pub on_track: Decimal,
    /// At or above (and below on-track): behind; below: far behind. Default 0.75.
    #[serde(with = "decimal_text")]
    pub behind: Decimal,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { on_track: Decimal::new(95, 2), behind: Decimal::new(75, 2) }
    }
}

/// What a progress computation needs besides the observations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressOptions {
    pub as_of: NaiveDate,
    pub milestones: Vec<Milestone>,
    pub regional_targets: Vec<RegionalTarget>,
    pub thresholds: Thresholds,
}

impl ProgressOptions {
    pub fn new(as_of: NaiveDate) -> Self {
        ProgressOptions {
            as_of,
            milestones: Vec::new(),
            regional_targets: Vec::new(),
            thresholds: Thresholds::default(),
        }
    }
}

/// One projection method's result with every intermediate value, so it can be audited.
/// Fields a method does not use are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Projection {
    /// `linear_trend`, `escap_current_status`, `escap_anticipated_progress` or `unsd_cagr`.
    pub method: &'static str,
    /// False when the method cannot be applied; `note` says why.
    pub applicable: bool,
    pub note: Option<String>,
    #[serde(with = "date_text::option")]
    pub base_date: Option<NaiveDate>,
    #[serde(with = "decimal_text::option")]
    pub base_value: Option<Decimal>,
    #[serde(with = "date_text::option")]
    pub latest_date: Option<NaiveDate>,
    #[serde(with = "decimal_text::option")]
    pub latest_value: Option<Decimal>,
    /// Observations used (the linear trend also counts its anchor at 0).
    pub points: Option<u32>,
    /// Slope per year (linear trend) or compound annual growth rate (CAGR).
    #[serde(with = "decimal_text::option")]
    pub rate: Option<Decimal>,
    /// The rate needed to reach the target by the end of the period.
    #[serde(with = "decimal_text::option")]
    pub required_rate: Option<Decimal>,
    /// Value projected for the period's last day.
    #[serde(with = "decimal_text::option")]
    pub projected_value: Option<Decimal>,
    /// The method's index: projected ÷ target, current status index, anticipated progress
    /// index or CAGR ratio.
    #[serde(with = "decimal_text::option")]
    pub index: Option<Decimal>,
    /// The method's class, e.g. `will_meet`, `substantial_progress`.
    pub classification: Option<&'static str>,
}

impl Projection {
    fn empty(method: &'static str) -> Projection {
        Projection {
            method,
            applicable: false,
            note: None,
            base_date: None,
            base_value: None,
            latest_date: None,
            latest_value: None,
            points: None,
            rate: None,
            required_rate: None,
            projected_value: None,
            index: None,
            classification: None,
        }
    }

    fn not_applicable(method: &'static str, note: &str) -> Projection {
        Projection { note: Some(note.to_owned()), ..Projection::empty(method) }
    }
}

/// Where one indicator (for the whole area or one region) stands as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndicatorProgress {
    pub indicator: String,
    pub name: Label,
    /// Region id; `None` for the whole plan area.
    pub region: Option<String>,
    pub clause: String,
    pub unit: Unit,
    pub comparator: Comparator,
    #[serde(with = "decimal_text")]
    pub target: Decimal,
    #[serde(with = "date_text")]
    pub as_of: NaiveDate,
    #[serde(with = "decimal_text::option")]
    pub achieved: Option<Decimal>,
    /// Date of the latest observation counted.
    #[serde(with = "date_text::option")]
    pub achieved_on: Option<NaiveDate>,
    pub source: Source,
    /// achieved ÷ target.
    #[serde(with = "decimal_text::option")]
    pub completion: Option<Decimal>,
    /// What is still missing: target − achieved, never below 0.
    #[serde(with = "decimal_text::option")]
    pub gap: Option<Decimal>,
    /// Share of the period elapsed, 0 to 1.
    #[serde(with = "decimal_text")]
    pub elapsed: Decimal,
    /// Expected by now on the schedule.
    #[serde(with = "decimal_text")]
    pub expected: Decimal,
    /// `linear` over the period, or `milestones`.
    pub expected_method: &'static str,
    /// achieved ÷ expected.
    #[serde(with = "decimal_text::option")]
    pub performance: Option<Decimal>,
    pub status: Status,
    /// Days from the as-of date to the period's end (0 once it is over).
    pub remaining_days: i64,
    /// Pace needed from now to close the gap by the end of the period.
    #[serde(with = "decimal_text::option")]
    pub required_per_month: Option<Decimal>,
    #[serde(with = "decimal_text::option")]
    pub required_per_year: Option<Decimal>,
    /// Pace so far: achieved ÷ elapsed days, per month.
    #[serde(with = "decimal_text::option")]
    pub achieved_per_month: Option<Decimal>,
    pub projections: Vec<Projection>,
}

/// The parts (「其中」) of an indicator against their whole, as of the report's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartsCheck {
    pub whole: String,
    pub parts: Vec<String>,
    #[serde(with = "decimal_text::option")]
    pub whole_achieved: Option<Decimal>,
    /// Sum of the parts' achieved values (parts may overlap: it may exceed the whole).
    #[serde(with = "decimal_text::option")]
    pub parts_achieved: Option<Decimal>,
    #[serde(with = "decimal_text")]
    pub whole_target: Decimal,
    #[serde(with = "decimal_text")]
    pub parts_target: Decimal,
    /// True when no single part has achieved more than its whole.
    pub consistent: bool,
}

/// Something suspicious in the observations that does not stop the computation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// `part_exceeds_whole`, `regions_exceed_province` or `rollup_mismatch`.
    pub code: &'static str,
    pub indicator: String,
    pub region: Option<String>,
    pub message: String,
}

/// Every indicator of a plan as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub plan_id: String,
    pub fingerprint: String,
    #[serde(with = "date_text")]
    pub as_of: NaiveDate,
    #[serde(with = "date_text")]
    pub period_start: NaiveDate,
    #[serde(with = "date_text")]
    pub period_end: NaiveDate,
    /// True when the as-of date is on or after the period's last day: statuses are final.
    pub is_final: bool,
    /// Whole-area progress, one row per indicator, in plan order.
    pub indicators: Vec<IndicatorProgress>,
    /// Per-region progress, for each region with a target (from the options) and in plan order.
    pub regions: Vec<IndicatorProgress>,
    pub parts: Vec<PartsCheck>,
    pub warnings: Vec<Warning>,
}

fn round(value: Decimal) -> Decimal {
    value.round_dp(RATIO_DP).normalize()
}

fn ratio(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if denominator.is_zero() { None } else { numerator.checked_div(denominator).map(round) }
}

/// The timeline of a plan period, in days.
#[derive(Debug, Clone, Copy)]
struct Timeline {
    start: NaiveDate,
    end: NaiveDate,
    days: i64,
}

impl Timeline {
    fn new(plan: &Plan) -> Timeline {
        let p = plan.metadata().period;
        Timeline { start: p.start, end: p.end, days: (p.end - p.start).num_days() + 1 }
    }

    /// Days elapsed by the end of `date`, between 0 and the period's length.
    fn day(&self, date: NaiveDate) -> i64 {
        ((date - self.start).num_days() + 1).clamp(0, self.days)
    }

    fn elapsed(&self, date: NaiveDate) -> Decimal {
        round(Decimal::from(self.day(date)) / Decimal::from(self.days))
    }
}

/// Checks the options against the plan.
fn check_options(plan: &Plan, options: &ProgressOptions) -> Result<(), OptionsError> {
    let err = |path: String, message: String| OptionsError { path, message };
    let t = Timeline::new(plan);
    let mut previous: BTreeMap<&str, (NaiveDate, Decimal)> = BTreeMap::new();
    for (i, m) in options.milestones.iter().enumerate() {
        let indicator = plan.indicator(&m.indicator).map_err(|_| {
            err(
                format!("milestones[{i}].indicator"),
                format!("unknown indicator {:?}", crate::error::shown(&m.indicator)),
            )
        })?;
        if m.date < t.start || m.date > t.end {
            return Err(err(format!("milestones[{i}].date"), format!("{} is outside the plan period", m.date)));
        }
        if m.value.is_sign_negative() || m.value > indicator.target {
            return Err(err(
                format!("milestones[{i}].value"),
                format!("a milestone must lie between 0 and the target {}", indicator.target),
            ));
        }
        if let Some((date, value)) = previous.get(m.indicator.as_str()) {
            if m.date <= *date || m.value < *value {
                return Err(err(
                    format!("milestones[{i}].date"),
                    "milestones of an indicator must be in date order and never decrease".to_owned(),
                ));
            }
        }
        previous.insert(&m.indicator, (m.date, m.value));
    }
    let mut seen = std::collections::BTreeSet::new();
    for (i, r) in options.regional_targets.iter().enumerate() {
        plan.indicator(&r.indicator).map_err(|_| {
            err(
                format!("regional_targets[{i}].indicator"),
                format!("unknown indicator {:?}", crate::error::shown(&r.indicator)),
            )
        })?;
        let region = plan.region(&r.region).map_err(|_| {
            err(format!("regional_targets[{i}].region"), format!("unknown region {:?}", crate::error::shown(&r.region)))
        })?;
        if r.target.is_sign_negative() || r.target > crate::MAX_VALUE {
            return Err(err(
                format!("regional_targets[{i}].target"),
                "a target must lie between 0 and 10^15".to_owned(),
            ));
        }
        if !seen.insert((r.indicator.clone(), region.id.clone())) {
            return Err(err(
                format!("regional_targets[{i}].region"),
                "a second target for the same indicator and region".to_owned(),
            ));
        }
    }
    let th = options.thresholds;
    if th.behind.is_sign_negative() || th.behind > th.on_track {
        return Err(err("thresholds".to_owned(), "thresholds must satisfy 0 ≤ behind ≤ on_track".to_owned()));
    }
    Ok(())
}

/// The cumulative series of an indicator for an area, and where it came from.
struct Series {
    points: Vec<Point>,
    source: Source,
}

impl Series {
    /// The whole area's series: reported, or else rolled up from the regions.
    fn whole(plan: &Plan, obs: &Observations, indicator: &str) -> Series {
        if let Some(points) = obs.series(indicator, None) {
            return Series { points: points.to_vec(), source: Source::Reported };
        }
        let regions = covering_regions(plan, obs, indicator);
        if regions.is_empty() {
            return Series { points: Vec::new(), source: Source::None };
        }
        Series { points: rollup(obs, indicator, &regions), source: Source::Rollup }
    }

    fn region(obs: &Observations, indicator: &str, region: &str) -> Series {
        match obs.series(indicator, Some(region)) {
            Some(points) => Series { points: points.to_vec(), source: Source::Reported },
            None => Series { points: Vec::new(), source: Source::None },
        }
    }
}

/// The regions whose series add up to the whole area without counting anyone twice: those
/// with a series and no ancestor (below the whole area) that has one too.
fn covering_regions<'a>(plan: &Plan, obs: &'a Observations, indicator: &str) -> Vec<&'a str> {
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
fn rollup(obs: &Observations, indicator: &str, regions: &[&str]) -> Vec<Point> {
    let series: Vec<&[Point]> = regions.iter().filter_map(|r| obs.series(indicator, Some(r))).collect();
    let mut dates: Vec<NaiveDate> = series.iter().flat_map(|s| s.iter().map(|p| p.date)).collect();
    dates.sort();
    dates.dedup();
    dates
        .into_iter()
        .map(|date| Point { date, value: series.iter().filter_map(|s| value_as_of(s, date)).map(|p| p.value).sum() })
        .collect()
}

/// Expected value by the end of `day`: linear over the period, or through the milestones.
fn expected(t: &Timeline, target: Decimal, milestones: &[&Milestone], day: i64) -> (Decimal, &'static str) {
    if milestones.is_empty() {
        return (round(target * Decimal::from(day) / Decimal::from(t.days)), "linear");
    }
    let mut knots = vec![(0i64, Decimal::ZERO)];
    knots.extend(milestones.iter().map(|m| (t.day(m.date), m.value)));
    knots.push((t.days, target));
    for pair in knots.windows(2) {
        let ((d0, v0), (d1, v1)) = (pair[0], pair[1]);
        if day <= d1 {
            if d1 == d0 {
                return (v1, "milestones");
            }
            let share = Decimal::from(day - d0) / Decimal::from(d1 - d0);
            return (round(v0 + (v1 - v0) * share), "milestones");
        }
    }
    (target, "milestones")
}

fn is_at_least(c: Comparator) -> bool {
    matches!(c, Comparator::AtLeast | Comparator::MoreThan)
}

/// Progress of one indicator for one area.
fn indicator_progress(
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
        remaining_days,
        required_per_month,
        required_per_year,
        achieved_per_month,
        projections,
    }
}

/// A straight line fitted by weighted least squares.
struct Fit {
    slope: Decimal,
    mean_x: Decimal,
    mean_y: Decimal,
}

/// Weighted least squares over (x, y, weight) points; `None` when all x are equal or a sum
/// would leave Decimal's range (only conceivable for century-long daily series).
fn fit_line(points: &[(Decimal, Decimal, Decimal)]) -> Option<Fit> {
    let sum = |f: &dyn Fn(&(Decimal, Decimal, Decimal)) -> Option<Decimal>| {
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
fn linear_trend(t: &Timeline, observed: &[Point], target: Decimal) -> Projection {
    const METHOD: &str = "linear_trend";
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
        classification: Some(if projected >= target { "will_meet" } else { "will_not_meet" }),
        ..Projection::empty(METHOD)
    }
}

/// The latest observation both ESCAP indices start from, or why they do not apply.
fn escap_latest(method: &'static str, observed: &[Point], target: Decimal) -> Result<Point, Projection> {
    match observed.last() {
        None => Err(Projection::not_applicable(method, "no observations by the as-of date")),
        Some(_) if target.is_zero() => Err(Projection::not_applicable(method, "a zero target needs no progress")),
        Some(latest) => Ok(*latest),
    }
}

/// UN ESCAP current status index, for a count that starts at 0 with the period (I_0 = 0): the
/// progress made so far relative to the progress needed by the end of the period,
/// CS = (I_now − I_0) ÷ (I_target − I_0), set to 1 once the target is met and not clamped below.
/// Reported as a share; ESCAP's charts show the same quantity on a 0–10 scale.
/// Source: ESCAP, Asia and the Pacific SDG Progress Report, technical notes
/// (data.unescap.org, "Progress assessment methodology").
fn escap_current_status(t: &Timeline, observed: &[Point], target: Decimal) -> Projection {
    const METHOD: &str = "escap_current_status";
    let latest = match escap_latest(METHOD, observed, target) {
        Ok(latest) => latest,
        Err(not_applicable) => return not_applicable,
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
        classification: Some(if latest.value >= target { "target_met" } else { "in_progress" }),
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
fn escap_anticipated_progress(t: &Timeline, observed: &[Point], target: Decimal) -> Projection {
    const METHOD: &str = "escap_anticipated_progress";
    let latest = match escap_latest(METHOD, observed, target) {
        Ok(latest) => latest,
        Err(not_applicable) => return not_applicable,
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
        Some(i) if i >= Decimal::ONE => "maintain_progress",
        Some(i) if i > Decimal::ZERO => "accelerate_progress",
        _ => "reverse_trend",
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
fn unsd_cagr(t: &Timeline, observed: &[Point], target: Decimal) -> Projection {
    const METHOD: &str = "unsd_cagr";
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
        "target_met"
    } else {
        match index {
            Some(i) if i >= Decimal::new(95, 2) => "substantial_progress",
            Some(i) if i >= Decimal::new(10, 2) => "fair_progress",
            _ => "limited_or_no_progress",
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

struct Growth {
    base: Point,
    latest: Point,
    /// Compound annual growth rate from base to latest.
    actual: Decimal,
    /// Compound annual growth rate from base to the target at the period's end.
    required: Decimal,
}

/// CAGR = (latest ÷ base)^(1 ÷ years) − 1, with years = days ÷ 365.25.
fn growth_rates(t: &Timeline, observed: &[Point], target: Decimal) -> Result<Growth, &'static str> {
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

/// Every indicator of the plan as of `options.as_of`, for the whole area and for every region
/// with a target, with the parts checks and the warnings.
pub fn report(plan: &Plan, observations: &Observations, options: &ProgressOptions) -> Result<Report, Error> {
    crate::date_text::check_as_of(options.as_of)?;
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
    crate::date_text::check_as_of(options.as_of)?;
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

fn rollup_warnings(plan: &Plan, obs: &Observations, indicator: &str, date: NaiveDate, warnings: &mut Vec<Warning>) {
    let Some(reported) = obs.series(indicator, None).and_then(|s| value_as_of(s, date)) else { return };
    let regions = covering_regions(plan, obs, indicator);
    if regions.is_empty() {
        return;
    }
    // No regional figure yet by that date: nothing to compare.
    let Some(sum) = value_as_of(&rollup(obs, indicator, &regions), date).map(|p| p.value) else { return };
    if sum > reported.value {
        warnings.push(Warning {
            code: "regions_exceed_province",
            indicator: indicator.to_owned(),
            region: None,
            message: format!("the regions sum to {sum}, more than the {} reported for the whole area", reported.value),
        });
    } else if sum != reported.value {
        warnings.push(Warning {
            code: "rollup_mismatch",
            indicator: indicator.to_owned(),
            region: None,
            message: format!("the regions sum to {sum}; {} is reported for the whole area", reported.value),
        });
    }
}

fn parts_checks(plan: &Plan, rows: &[IndicatorProgress], warnings: &mut Vec<Warning>) -> Vec<PartsCheck> {
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
            if let (Some(w), Some(v)) = (whole_achieved, value) {
                if *v > w {
                    consistent = false;
                    warnings.push(Warning {
                        code: "part_exceeds_whole",
                        indicator: part.id.clone(),
                        region: None,
                        message: format!("{} has achieved {v}, more than its whole {} ({w})", part.id, whole.id),
                    });
                }
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

/// Splits an indicator's target over regions in proportion to `weights`, in whole units, so
/// that the parts add up exactly to the target (largest remainder; ties go to the region listed
/// first). A target with decimals is split in units of its smallest decimal place.
pub fn decompose(plan: &Plan, indicator: &str, weights: &[(String, Decimal)]) -> Result<Vec<RegionalTarget>, Error> {
    let ind = plan.indicator(indicator)?;
    let err = |path: String, message: String| Error::from(OptionsError { path, message });
    if weights.is_empty() {
        return Err(err("weights".to_owned(), "give at least one region and weight".to_owned()));
    }
    let mut regions = Vec::with_capacity(weights.len());
    for (i, (region, weight)) in weights.iter().enumerate() {
        let r = plan.region(region).map_err(|_| {
            err(format!("weights[{i}].region"), format!("unknown region {:?}", crate::error::shown(region)))
        })?;
        if regions.contains(&r.id) {
            return Err(err(format!("weights[{i}].region"), format!("region {:?} is listed twice", r.id)));
        }
        if weight.is_sign_negative() || *weight > crate::MAX_VALUE {
            return Err(err(format!("weights[{i}].weight"), "a weight must lie between 0 and 10^15".to_owned()));
        }
        regions.push(r.id.clone());
    }
    let total_weight: Decimal = weights.iter().map(|w| w.1).sum();
    if total_weight.is_zero() {
        return Err(err("weights".to_owned(), "the weights sum to 0".to_owned()));
    }
    // Work in integer units of the target's smallest decimal place.
    let scale = ind.target.scale();
    let unit = Decimal::new(1, scale);
    let units_total = (ind.target / unit).trunc();
    let mut shares = Vec::with_capacity(weights.len());
    for (i, (_, w)) in weights.iter().enumerate() {
        let exact = units_total.checked_mul(*w).and_then(|x| x.checked_div(total_weight)).ok_or_else(|| {
            err(format!("weights[{i}].weight"), "the share is too large to compute exactly".to_owned())
        })?;
        shares.push((i, exact.trunc(), exact - exact.trunc()));
    }
    let assigned: Decimal = shares.iter().map(|s| s.1).sum();
    let mut left = (units_total - assigned).to_i64_saturating();
    if left < 0 || left > shares.len() as i64 {
        return Err(err("weights".to_owned(), "the target cannot be split exactly with these weights".to_owned()));
    }
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| shares[b].2.cmp(&shares[a].2).then(a.cmp(&b)));
    for &i in order.iter().cycle().take(shares.len() * 2) {
        if left <= 0 {
            break;
        }
        shares[i].1 += Decimal::ONE;
        left -= 1;
    }
    Ok(shares
        .into_iter()
        .map(|(i, units, _)| RegionalTarget {
            indicator: ind.id.clone(),
            region: regions[i].clone(),
            target: (units * unit).normalize(),
        })
        .collect())
}

trait SaturatingI64 {
    fn to_i64_saturating(self) -> i64;
}

impl SaturatingI64 for Decimal {
    fn to_i64_saturating(self) -> i64 {
        use rust_decimal::prelude::ToPrimitive;
        self.to_i64().unwrap_or(if self.is_sign_negative() { i64::MIN } else { i64::MAX })
    }
}

/// One flat row of a report (an indicator for the whole area or a region), with the projection
/// results as columns: the shape of the CSV export and of DataFrames in the bindings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportRow {
    pub indicator: String,
    pub name_zh: String,
    pub name_en: String,
    /// Empty for the whole plan area.
    pub region: Option<String>,
    pub clause: String,
    pub unit: &'static str,
    pub comparator: &'static str,
    #[serde(with = "decimal_text")]
    pub target: Decimal,
    #[serde(with = "date_text")]
    pub as_of: NaiveDate,
    #[serde(with = "decimal_text::option")]
    pub achieved: Option<Decimal>,
    #[serde(with = "date_text::option")]
    pub achieved_on: Option<NaiveDate>,
    pub source: &'static str,
    #[serde(with = "decimal_text::option")]
    pub completion: Option<Decimal>,
    #[serde(with = "decimal_text::option")]
    pub gap: Option<Decimal>,
    #[serde(with = "decimal_text")]
    pub elapsed: Decimal,
    #[serde(with = "decimal_text")]
    pub expected: Decimal,
    pub expected_method: &'static str,
    #[serde(with = "decimal_text::option")]
    pub performance: Option<Decimal>,
    pub status: &'static str,
    pub remaining_days: i64,
    #[serde(with = "decimal_text::option")]
    pub required_per_month: Option<Decimal>,
    #[serde(with = "decimal_text::option")]
    pub required_per_year: Option<Decimal>,
    #[serde(with = "decimal_text::option")]
    pub achieved_per_month: Option<Decimal>,
    #[serde(with = "decimal_text::option")]
    pub linear_trend_projected: Option<Decimal>,
    pub linear_trend_class: Option<&'static str>,
    #[serde(with = "decimal_text::option")]
    pub escap_current_status_index: Option<Decimal>,
    #[serde(with = "decimal_text::option")]
    pub escap_anticipated_projected: Option<Decimal>,
    #[serde(with = "decimal_text::option")]
    pub escap_anticipated_index: Option<Decimal>,
    pub escap_anticipated_class: Option<&'static str>,
    #[serde(with = "decimal_text::option")]
    pub unsd_cagr_rate: Option<Decimal>,
    #[serde(with = "decimal_text::option")]
    pub unsd_cagr_required_rate: Option<Decimal>,
    #[serde(with = "decimal_text::option")]
    pub unsd_cagr_projected: Option<Decimal>,
    #[serde(with = "decimal_text::option")]
    pub unsd_cagr_index: Option<Decimal>,
    pub unsd_cagr_class: Option<&'static str>,
}

impl IndicatorProgress {
    /// The projection of `method`, if it was computed and applies.
    pub fn projection(&self, method: &str) -> Option<&Projection> {
        self.projections.iter().find(|p| p.method == method && p.applicable)
    }

    pub fn to_row(&self) -> ReportRow {
        let p = |m: &str| self.projection(m);
        ReportRow {
            indicator: self.indicator.clone(),
            name_zh: self.name.zh.clone(),
            name_en: self.name.en.clone(),
            region: self.region.clone(),
            clause: self.clause.clone(),
            unit: self.unit.as_str(),
            comparator: self.comparator.as_str(),
            target: self.target,
            as_of: self.as_of,
            achieved: self.achieved,
            achieved_on: self.achieved_on,
            source: self.source.as_str(),
            completion: self.completion,
            gap: self.gap,
            elapsed: self.elapsed,
            expected: self.expected,
            expected_method: self.expected_method,
            performance: self.performance,
            status: self.status.as_str(),
            remaining_days: self.remaining_days,
            required_per_month: self.required_per_month,
            required_per_year: self.required_per_year,
            achieved_per_month: self.achieved_per_month,
            linear_trend_projected: p("linear_trend").and_then(|x| x.projected_value),
            linear_trend_class: p("linear_trend").and_then(|x| x.classification),
            escap_current_status_index: p("escap_current_status").and_then(|x| x.index),
            escap_anticipated_projected: p("escap_anticipated_progress").and_then(|x| x.projected_value),
            escap_anticipated_index: p("escap_anticipated_progress").and_then(|x| x.index),
            escap_anticipated_class: p("escap_anticipated_progress").and_then(|x| x.classification),
            unsd_cagr_rate: p("unsd_cagr").and_then(|x| x.rate),
            unsd_cagr_required_rate: p("unsd_cagr").and_then(|x| x.required_rate),
            unsd_cagr_projected: p("unsd_cagr").and_then(|x| x.projected_value),
            unsd_cagr_index: p("unsd_cagr").and_then(|x| x.index),
            unsd_cagr_class: p("unsd_cagr").and_then(|x| x.classification),
        }
    }
}

impl Report {
    /// Whole-area rows, then regional rows.
    pub fn rows(&self) -> Vec<ReportRow> {
        self.indicators.iter().chain(&self.regions).map(IndicatorProgress::to_row).collect()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The rows as CSV with a header; decimals are exact, empty cells are absent values.
    pub fn to_csv(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        for row in self.rows() {
            // Serialising plain rows into memory cannot fail.
            let _ = writer.serialize(row);
        }
        writer.into_inner().ok().and_then(|b| String::from_utf8(b).ok()).unwrap_or_default()
    }
}
