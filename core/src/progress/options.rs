//! What a progress computation needs besides the observations: the as-of date, milestones,
//! regional targets and the status thresholds, checked against the plan.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::basics::{date_text, decimal_text, text::shown};
use crate::error::OptionsError;
use crate::plan::Plan;

use super::timeline::Timeline;

/// A caller-given point of the expected trajectory: by `date`, `value` should have been achieved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Milestone {
    /// Indicator id.
    pub indicator: String,
    /// The day by which `value` is expected, within the plan period.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub date: NaiveDate,
    /// Cumulative value expected by then, between 0 and the indicator's target.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub value: Decimal,
}

/// A target for one region (from a published breakdown or from [`super::decompose`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RegionalTarget {
    /// Indicator id.
    pub indicator: String,
    /// Region id or GB/T 2260 code.
    pub region: String,
    /// The region's target, an exact decimal between 0 and 10^15.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub target: Decimal,
}

/// Thresholds of the schedule status, on performance = achieved ÷ expected by now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Thresholds {
    /// At or above: on track. Default 0.95.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub on_track: Decimal,
    /// At or above (and below on-track): behind; below: far behind. Default 0.75.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
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
    /// The date progress is computed for.
    pub as_of: NaiveDate,
    /// Milestones of the expected trajectory, for the whole area; those given for an indicator
    /// replace the plan's own. In date order, never decreasing, per indicator.
    pub milestones: Vec<Milestone>,
    /// Targets of regions, each of which gets its own row; at most one per indicator and region.
    pub regional_targets: Vec<RegionalTarget>,
    /// Performance thresholds of the `on_track` and `behind` statuses.
    pub thresholds: Thresholds,
}

impl ProgressOptions {
    /// Options as of `as_of`: no milestones, no regional targets, the default thresholds.
    pub fn new(as_of: NaiveDate) -> Self {
        ProgressOptions {
            as_of,
            milestones: Vec::new(),
            regional_targets: Vec::new(),
            thresholds: Thresholds::default(),
        }
    }
}

/// Checks the options against the plan.
pub(super) fn check_options(plan: &Plan, options: &ProgressOptions) -> Result<(), OptionsError> {
    let err = |path: String, message: String| OptionsError { path, message };
    let t = Timeline::new(plan);
    let mut previous: BTreeMap<&str, (NaiveDate, Decimal)> = BTreeMap::new();
    for (i, m) in options.milestones.iter().enumerate() {
        let indicator = plan.indicator(&m.indicator).map_err(|_| {
            err(format!("milestones[{i}].indicator"), format!("unknown indicator {:?}", shown(&m.indicator)))
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
        if let Some((date, value)) = previous.get(m.indicator.as_str())
            && (m.date <= *date || m.value < *value)
        {
            return Err(err(
                format!("milestones[{i}].date"),
                "milestones of an indicator must be in date order and never decrease".to_owned(),
            ));
        }
        previous.insert(&m.indicator, (m.date, m.value));
    }
    let mut seen = std::collections::BTreeSet::new();
    for (i, r) in options.regional_targets.iter().enumerate() {
        plan.indicator(&r.indicator).map_err(|_| {
            err(format!("regional_targets[{i}].indicator"), format!("unknown indicator {:?}", shown(&r.indicator)))
        })?;
        let region = plan.region(&r.region).map_err(|_| {
            err(format!("regional_targets[{i}].region"), format!("unknown region {:?}", shown(&r.region)))
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
