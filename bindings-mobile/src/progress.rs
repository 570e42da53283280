//! Progress for Kotlin and Swift: typed observations and options in (BigDecimal / LocalDate on
//! the JVM), the core's report out (its types are declared to uniffi in `remote`). Text inputs
//! (JSON, CSV) are parsed by the core with typed errors.

use skillplan as core;
use skillplan::progress;
use skillplan::progress::observations::{self, ObservationInput};

use crate::{
    CalendarDate, ExactDecimal, IndicatorProgress, Milestone, Plan, RegionalTarget, Report, SeriesKind, SkillplanError,
    Thresholds, guard,
};

/// An achieved value of an indicator, for the whole area (`region` null) or a region.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Observation {
    /// Indicator id, e.g. `subsidized-training`.
    pub indicator: String,
    /// Region id or GB/T 2260 code; null for the whole plan area.
    pub region: Option<String>,
    /// The date the value refers to.
    pub date: CalendarDate,
    /// The achieved value, exact.
    pub value: ExactDecimal,
    /// Cumulative, or per day, month, quarter or year.
    pub kind: SeriesKind,
}

fn to_inputs(observations: &[Observation]) -> Vec<ObservationInput> {
    observations
        .iter()
        .map(|o| ObservationInput {
            indicator: o.indicator.clone(),
            region: o.region.clone(),
            date: o.date.to_string(),
            value: o.value.to_string(),
            kind: Some(o.kind.as_str().to_owned()),
        })
        .collect()
}

pub(crate) fn from_inputs(inputs: Vec<ObservationInput>) -> Result<Vec<Observation>, SkillplanError> {
    inputs
        .iter()
        .enumerate()
        .map(|(i, input)| {
            let (date, value, kind) = input.parse_fields(i).map_err(core::Error::from)?;
            Ok(Observation { indicator: input.indicator.clone(), region: input.region.clone(), date, value, kind })
        })
        .collect()
}

/// Observations from JSON text (an array of objects, or `{"observations": [...]}`).
#[uniffi::export]
pub fn parse_observations_json(text: String) -> Result<Vec<Observation>, SkillplanError> {
    guard("parseObservationsJson", || from_inputs(observations::parse_json(&text).map_err(core::Error::from)?))
}

/// Observations from CSV text with a header naming indicator, date, value (and region, kind).
#[uniffi::export]
pub fn parse_observations_csv(text: String) -> Result<Vec<Observation>, SkillplanError> {
    guard("parseObservationsCsv", || from_inputs(observations::parse_csv(text.as_bytes()).map_err(core::Error::from)?))
}

/// A region and its weight, for `decompose`.
#[derive(Debug, Clone, uniffi::Record)]
pub struct RegionWeight {
    /// Region id or GB/T 2260 code.
    pub region: String,
    /// Its weight, exact.
    pub weight: ExactDecimal,
}

/// Options of a progress computation.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ProgressOptions {
    /// The date progress is computed for.
    pub as_of: CalendarDate,
    /// Milestones of the expected trajectory.
    #[uniffi(default = [])]
    pub milestones: Vec<Milestone>,
    /// Targets of regions, each of which gets its own row.
    #[uniffi(default = [])]
    pub regional_targets: Vec<RegionalTarget>,
    /// Defaults: on track at 0.95, behind at 0.75.
    #[uniffi(default = None)]
    pub thresholds: Option<Thresholds>,
}

fn core_options(o: &ProgressOptions) -> progress::ProgressOptions {
    let mut out = progress::ProgressOptions::new(o.as_of);
    out.milestones = o.milestones.clone();
    out.regional_targets = o.regional_targets.clone();
    if let Some(t) = o.thresholds {
        out.thresholds = t;
    }
    out
}

fn core_observations(
    plan: &core::Plan,
    observations: &[Observation],
) -> Result<observations::Observations, core::Error> {
    Ok(observations::Observations::new(plan, &to_inputs(observations))?)
}

#[uniffi::export]
impl Plan {
    /// Progress of every indicator as of `options.asOf`.
    pub fn progress(&self, observations: Vec<Observation>, options: ProgressOptions) -> Result<Report, SkillplanError> {
        guard("progress", || {
            Ok(progress::report(&self.inner, &core_observations(&self.inner, &observations)?, &core_options(&options))?)
        })
    }

    /// The report as CSV: one row per indicator (and region), projections as columns.
    pub fn progress_csv(
        &self,
        observations: Vec<Observation>,
        options: ProgressOptions,
    ) -> Result<String, SkillplanError> {
        guard("progressCsv", || {
            let obs = core_observations(&self.inner, &observations)?;
            Ok(progress::report(&self.inner, &obs, &core_options(&options))?.to_csv())
        })
    }

    /// Progress of one indicator, for the whole area or a region with a target in the options.
    pub fn indicator_progress(
        &self,
        observations: Vec<Observation>,
        indicator: String,
        options: ProgressOptions,
        region: Option<String>,
    ) -> Result<IndicatorProgress, SkillplanError> {
        guard("indicatorProgress", || {
            let obs = core_observations(&self.inner, &observations)?;
            Ok(progress::indicator(&self.inner, &obs, &core_options(&options), &indicator, region.as_deref())?)
        })
    }

    /// Splits an indicator's target over regions by weights so the parts add up exactly.
    pub fn decompose(
        &self,
        indicator: String,
        weights: Vec<RegionWeight>,
    ) -> Result<Vec<RegionalTarget>, SkillplanError> {
        guard("decompose", || {
            let pairs: Vec<(String, ExactDecimal)> = weights.into_iter().map(|w| (w.region, w.weight)).collect();
            Ok(progress::decompose(&self.inner, &indicator, &pairs)?)
        })
    }
}
