//! Progress for Kotlin and Swift: typed observations and options in (BigDecimal / LocalDate on
//! the JVM), records out. Text inputs (JSON, CSV) are parsed by the core with typed errors.

use skillplan as core;
use skillplan::progress;
use skillplan::progress::observations::{self, ObservationInput};

use crate::{CalendarDate, Comparator, ExactDecimal, IndicatorUnit, Label, Plan, SkillplanError, guard};

/// How an observed value is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SeriesKind {
    /// The total since the plan period began, as of the date.
    Cumulative,
    Day,
    Month,
    Quarter,
    Year,
}

impl From<observations::SeriesKind> for SeriesKind {
    fn from(k: observations::SeriesKind) -> Self {
        match k {
            observations::SeriesKind::Cumulative => SeriesKind::Cumulative,
            observations::SeriesKind::Day => SeriesKind::Day,
            observations::SeriesKind::Month => SeriesKind::Month,
            observations::SeriesKind::Quarter => SeriesKind::Quarter,
            observations::SeriesKind::Year => SeriesKind::Year,
        }
    }
}

impl SeriesKind {
    fn as_str(self) -> &'static str {
        match self {
            SeriesKind::Cumulative => "cumulative",
            SeriesKind::Day => "day",
            SeriesKind::Month => "month",
            SeriesKind::Quarter => "quarter",
            SeriesKind::Year => "year",
        }
    }
}

/// An achieved value of an indicator, for the whole area (`region` null) or a region.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Observation {
    pub indicator: String,
    pub region: Option<String>,
    pub date: CalendarDate,
    pub value: ExactDecimal,
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
            Ok(Observation {
                indicator: input.indicator.clone(),
                region: input.region.clone(),
                date,
                value,
                kind: kind.into(),
            })
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

/// A caller-given point of the expected trajectory.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Milestone {
    pub indicator: String,
    pub date: CalendarDate,
    pub value: ExactDecimal,
}

/// A region's target for an indicator.
#[derive(Debug, Clone, uniffi::Record)]
pub struct RegionalTarget {
    pub indicator: String,
    pub region: String,
    pub target: ExactDecimal,
}

/// Status thresholds on performance (achieved ÷ expected).
#[derive(Debug, Clone, uniffi::Record)]
pub struct Thresholds {
    pub on_track: ExactDecimal,
    pub behind: ExactDecimal,
}

/// A region and its weight, for `decompose`.
#[derive(Debug, Clone, uniffi::Record)]
pub struct RegionWeight {
    pub region: String,
    pub weight: ExactDecimal,
}

/// Options of a progress computation.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ProgressOptions {
    pub as_of: CalendarDate,
    #[uniffi(default = [])]
    pub milestones: Vec<Milestone>,
    #[uniffi(default = [])]
    pub regional_targets: Vec<RegionalTarget>,
    /// Defaults: on track at 0.95, behind at 0.75.
    #[uniffi(default = None)]
    pub thresholds: Option<Thresholds>,
}

fn core_options(o: &ProgressOptions) -> progress::ProgressOptions {
    let mut out = progress::ProgressOptions::new(o.as_of);
    out.milestones = o
        .milestones
        .iter()
        .map(|m| progress::Milestone { indicator: m.indicator.clone(), date: m.date, value: m.value })
        .collect();
    out.regional_targets = o
        .regional_targets
        .iter()
        .map(|t| progress::RegionalTarget {
            indicator: t.indicator.clone(),
            region: t.region.clone(),
            target: t.target,
        })
        .collect();
    if let Some(t) = &o.thresholds {
        out.thresholds = progress::Thresholds { on_track: t.on_track, behind: t.behind };
    }
    out
}

/// Schedule status of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Status {
    Met,
    OnTrack,
    Behind,
    FarBehind,
    Missed,
    NotStarted,
    NoData,
}

impl From<progress::Status> for Status {
    fn from(s: progress::Status) -> Self {
        match s {
            progress::Status::Met => Status::Met,
            progress::Status::OnTrack => Status::OnTrack,
            progress::Status::Behind => Status::Behind,
            progress::Status::FarBehind => Status::FarBehind,
            progress::Status::Missed => Status::Missed,
            progress::Status::NotStarted => Status::NotStarted,
            progress::Status::NoData => Status::NoData,
        }
    }
}

/// Where an achieved value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Source {
    Reported,
    Rollup,
    None,
}

/// One projection method's result with every intermediate value.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Projection {
    /// linear_trend, escap_current_status, escap_anticipated_progress or unsd_cagr.
    pub method: String,
    pub applicable: bool,
    pub note: Option<String>,
    pub base_date: Option<CalendarDate>,
    pub base_value: Option<ExactDecimal>,
    pub latest_date: Option<CalendarDate>,
    pub latest_value: Option<ExactDecimal>,
    pub points: Option<u32>,
    pub rate: Option<ExactDecimal>,
    pub required_rate: Option<ExactDecimal>,
    pub projected_value: Option<ExactDecimal>,
    pub index: Option<ExactDecimal>,
    pub classification: Option<String>,
}

/// Where one indicator (whole area or a region) stands as of a date.
#[derive(Debug, Clone, uniffi::Record)]
pub struct IndicatorProgress {
    pub indicator: String,
    pub name: Label,
    pub region: Option<String>,
    pub clause: String,
    pub unit: IndicatorUnit,
    pub comparator: Comparator,
    pub target: ExactDecimal,
    pub as_of: CalendarDate,
    pub achieved: Option<ExactDecimal>,
    pub achieved_on: Option<CalendarDate>,
    pub source: Source,
    pub completion: Option<ExactDecimal>,
    pub gap: Option<ExactDecimal>,
    pub elapsed: ExactDecimal,
    pub expected: ExactDecimal,
    /// linear or milestones.
    pub expected_method: String,
    pub performance: Option<ExactDecimal>,
    pub status: Status,
    pub status_label: Label,
    pub remaining_days: i64,
    pub required_per_month: Option<ExactDecimal>,
    pub required_per_year: Option<ExactDecimal>,
    pub achieved_per_month: Option<ExactDecimal>,
    pub projections: Vec<Projection>,
}

impl From<&progress::IndicatorProgress> for IndicatorProgress {
    fn from(r: &progress::IndicatorProgress) -> Self {
        IndicatorProgress {
            indicator: r.indicator.clone(),
            name: (&r.name).into(),
            region: r.region.clone(),
            clause: r.clause.clone(),
            unit: r.unit.into(),
            comparator: r.comparator.into(),
            target: r.target,
            as_of: r.as_of,
            achieved: r.achieved,
            achieved_on: r.achieved_on,
            source: match r.source {
                progress::Source::Reported => Source::Reported,
                progress::Source::Rollup => Source::Rollup,
                progress::Source::None => Source::None,
            },
            completion: r.completion,
            gap: r.gap,
            elapsed: r.elapsed,
            expected: r.expected,
            expected_method: r.expected_method.as_str().to_owned(),
            performance: r.performance,
            status: r.status.into(),
            status_label: (&r.status.label()).into(),
            remaining_days: r.remaining_days,
            required_per_month: r.required_per_month,
            required_per_year: r.required_per_year,
            achieved_per_month: r.achieved_per_month,
            projections: r
                .projections
                .iter()
                .map(|p| Projection {
                    method: p.method.as_str().to_owned(),
                    applicable: p.applicable,
                    note: p.note.clone(),
                    base_date: p.base_date,
                    base_value: p.base_value,
                    latest_date: p.latest_date,
                    latest_value: p.latest_value,
                    points: p.points,
                    rate: p.rate,
                    required_rate: p.required_rate,
                    projected_value: p.projected_value,
                    index: p.index,
                    classification: p.classification.map(|c| c.as_str().to_owned()),
                })
                .collect(),
        }
    }
}

/// The parts (「其中」) of an indicator against their whole.
#[derive(Debug, Clone, uniffi::Record)]
pub struct PartsCheck {
    pub whole: String,
    pub parts: Vec<String>,
    pub whole_achieved: Option<ExactDecimal>,
    pub parts_achieved: Option<ExactDecimal>,
    pub whole_target: ExactDecimal,
    pub parts_target: ExactDecimal,
    pub consistent: bool,
}

/// Something suspicious in the observations that did not stop the computation.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ProgressWarning {
    /// part_exceeds_whole, regions_exceed_province or rollup_mismatch.
    pub code: String,
    pub indicator: String,
    pub region: Option<String>,
    pub message: String,
}

/// Every indicator of a plan as of a date.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Report {
    pub plan_id: String,
    pub fingerprint: String,
    pub as_of: CalendarDate,
    pub period_start: CalendarDate,
    pub period_end: CalendarDate,
    pub is_final: bool,
    pub indicators: Vec<IndicatorProgress>,
    pub regions: Vec<IndicatorProgress>,
    pub parts: Vec<PartsCheck>,
    pub warnings: Vec<ProgressWarning>,
}

impl From<&progress::Report> for Report {
    fn from(r: &progress::Report) -> Self {
        Report {
            plan_id: r.plan_id.clone(),
            fingerprint: r.fingerprint.clone(),
            as_of: r.as_of,
            period_start: r.period_start,
            period_end: r.period_end,
            is_final: r.is_final,
            indicators: r.indicators.iter().map(IndicatorProgress::from).collect(),
            regions: r.regions.iter().map(IndicatorProgress::from).collect(),
            parts: r
                .parts
                .iter()
                .map(|p| PartsCheck {
                    whole: p.whole.clone(),
                    parts: p.parts.clone(),
                    whole_achieved: p.whole_achieved,
                    parts_achieved: p.parts_achieved,
                    whole_target: p.whole_target,
                    parts_target: p.parts_target,
                    consistent: p.consistent,
                })
                .collect(),
            warnings: r
                .warnings
                .iter()
                .map(|w| ProgressWarning {
                    code: w.code.as_str().to_owned(),
                    indicator: w.indicator.clone(),
                    region: w.region.clone(),
                    message: w.message.clone(),
                })
                .collect(),
        }
    }
}

fn core_report(
    plan: &core::Plan,
    observations: &[Observation],
    options: &ProgressOptions,
) -> Result<progress::Report, core::Error> {
    let obs = observations::Observations::new(plan, &to_inputs(observations))?;
    progress::report(plan, &obs, &core_options(options))
}

#[uniffi::export]
impl Plan {
    /// Progress of every indicator as of `options.asOf`.
    pub fn progress(&self, observations: Vec<Observation>, options: ProgressOptions) -> Result<Report, SkillplanError> {
        guard("progress", || Ok(Report::from(&core_report(&self.inner, &observations, &options)?)))
    }

    /// The report as CSV: one row per indicator (and region), projections as columns.
    pub fn progress_csv(
        &self,
        observations: Vec<Observation>,
        options: ProgressOptions,
    ) -> Result<String, SkillplanError> {
        guard("progressCsv", || Ok(core_report(&self.inner, &observations, &options)?.to_csv()))
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
            let obs =
                observations::Observations::new(&self.inner, &to_inputs(&observations)).map_err(core::Error::from)?;
            let row = progress::indicator(&self.inner, &obs, &core_options(&options), &indicator, region.as_deref())?;
            Ok(IndicatorProgress::from(&row))
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
            Ok(progress::decompose(&self.inner, &indicator, &pairs)?
                .into_iter()
                .map(|t| RegionalTarget { indicator: t.indicator, region: t.region, target: t.target })
                .collect())
        })
    }
}
