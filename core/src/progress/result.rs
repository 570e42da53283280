//! What a progress computation answers: one row per indicator (for the whole area or a region)
//! with every intermediate value, the parts checks, the warnings, and the flat rows of the CSV
//! export and of DataFrames.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::basics::closed_set::closed_set;
use crate::basics::{date_text, decimal_text};
use crate::model::{Comparator, Label, Unit};

closed_set! {
    /// Schedule status of an indicator as of a date.
    pub enum Status {
        /// The achieved value satisfies the target's comparator.
        Met = "met",
        /// Performance (achieved ÷ expected by now) ≥ the on-track threshold (default 0.95).
        OnTrack = "on_track",
        /// Performance ≥ the behind threshold (default 0.75) but below on-track.
        Behind = "behind",
        /// Performance below the behind threshold.
        FarBehind = "far_behind",
        /// The target can no longer be met: the period is over, or a cap (≤, <, =) is already overshot.
        Missed = "missed",
        /// The as-of date is before the period starts.
        NotStarted = "not_started",
        /// No observation on or before the as-of date.
        NoData = "no_data",
    }
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
}

closed_set! {
    /// Where an achieved value came from.
    pub enum Source {
        /// Observations for this indicator and area.
        Reported = "reported",
        /// The sum of the regions' observations (no whole-area figure was given).
        Rollup = "rollup",
        /// No observations.
        None = "none",
    }
}

closed_set! {
    /// The four projection methods of a progress report.
    pub enum ProjectionMethod {
        /// Least squares through the cumulative series and the start.
        LinearTrend = "linear_trend",
        /// UN ESCAP's current status index.
        EscapCurrentStatus = "escap_current_status",
        /// UN ESCAP's anticipated progress.
        EscapAnticipatedProgress = "escap_anticipated_progress",
        /// UNSD's progress chart from the compound annual growth rate.
        UnsdCagr = "unsd_cagr",
    }
}

closed_set! {
    /// The class a projection method gives: each method has its own (README, "Progress").
    pub enum ProjectionClass {
        /// Linear trend: the projection reaches the target.
        WillMeet = "will_meet",
        /// Linear trend: it does not.
        WillNotMeet = "will_not_meet",
        /// ESCAP current status and UNSD CAGR: the target is already met.
        TargetMet = "target_met",
        /// ESCAP current status: not yet met.
        InProgress = "in_progress",
        /// ESCAP anticipated progress ≥ 1.
        MaintainProgress = "maintain_progress",
        /// ESCAP anticipated progress above 0 and below 1.
        AccelerateProgress = "accelerate_progress",
        /// ESCAP anticipated progress 0 or below.
        ReverseTrend = "reverse_trend",
        /// UNSD CAGR: P ≥ 0.95.
        SubstantialProgress = "substantial_progress",
        /// UNSD CAGR: P ≥ 0.10.
        FairProgress = "fair_progress",
        /// UNSD CAGR: P below 0.10.
        LimitedOrNoProgress = "limited_or_no_progress",
    }
}

closed_set! {
    /// How the value expected by a date is computed.
    pub enum ExpectedMethod {
        /// Linear over the period.
        Linear = "linear",
        /// Through milestones (the caller's, or the plan's own).
        Milestones = "milestones",
    }
}

closed_set! {
    /// What a progress warning is about.
    pub enum WarningCode {
        /// A part (其中) has achieved more than its whole.
        PartExceedsWhole = "part_exceeds_whole",
        /// The regions sum to more than the province reports.
        RegionsExceedProvince = "regions_exceed_province",
        /// The regions sum to less than the province reports.
        RollupMismatch = "rollup_mismatch",
    }
}

/// One projection method's result with every intermediate value, so it can be audited.
/// Fields a method does not use are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Projection {
    /// The method.
    pub method: ProjectionMethod,
    /// False when the method cannot be applied; `note` says why.
    pub applicable: bool,
    /// Why the method does not apply, in English; `None` when it applies.
    pub note: Option<String>,
    /// Where the method starts from: the period's first day or, for the CAGR, the first observation.
    #[serde(with = "date_text::option")]
    #[schemars(with = "Option<crate::basics::date_text::DateText>")]
    pub base_date: Option<NaiveDate>,
    /// The value at `base_date`: 0, or the first observation's for the CAGR.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub base_value: Option<Decimal>,
    /// Date of the latest observation used, on or before the as-of date.
    #[serde(with = "date_text::option")]
    #[schemars(with = "Option<crate::basics::date_text::DateText>")]
    pub latest_date: Option<NaiveDate>,
    /// Cumulative value at `latest_date`.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub latest_value: Option<Decimal>,
    /// Observations used (the linear trend and anticipated progress also count their anchor at 0).
    pub points: Option<u32>,
    /// Slope per year (linear trend) or compound annual growth rate (CAGR).
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub rate: Option<Decimal>,
    /// The rate needed to reach the target by the end of the period.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub required_rate: Option<Decimal>,
    /// Value projected for the period's last day.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub projected_value: Option<Decimal>,
    /// The method's index: projected ÷ target (linear trend, anticipated progress), the current
    /// status index, or UNSD's P = (projected − base) ÷ (target − base).
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub index: Option<Decimal>,
    /// The method's class, e.g. `will_meet`, `substantial_progress`.
    pub classification: Option<ProjectionClass>,
}

impl Projection {
    pub(super) fn empty(method: ProjectionMethod) -> Projection {
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

    pub(super) fn not_applicable(method: ProjectionMethod, note: &str) -> Projection {
        Projection { note: Some(note.to_owned()), ..Projection::empty(method) }
    }
}

/// Where one indicator (for the whole area or one region) stands as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct IndicatorProgress {
    /// Indicator id, e.g. `subsidized-training`.
    pub indicator: String,
    /// The indicator's name in Chinese and English.
    pub name: Label,
    /// Region id; `None` for the whole plan area.
    pub region: Option<String>,
    /// The clause that sets the indicator, e.g. `专栏1`.
    pub clause: String,
    /// Unit of the target and of every value: 人次 or 个.
    pub unit: Unit,
    /// How the achieved value is compared with the target.
    pub comparator: Comparator,
    /// The plan's target for the whole area, or the region's target from the options.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub target: Decimal,
    /// The date the progress is computed for.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub as_of: NaiveDate,
    /// Cumulative value by the as-of date (or the period's end, if earlier); `None` without an
    /// observation by then.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub achieved: Option<Decimal>,
    /// Date of the latest observation counted.
    #[serde(with = "date_text::option")]
    #[schemars(with = "Option<crate::basics::date_text::DateText>")]
    pub achieved_on: Option<NaiveDate>,
    /// Whether `achieved` was reported, rolled up from the regions, or is absent.
    pub source: Source,
    /// achieved ÷ target.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub completion: Option<Decimal>,
    /// What is still missing: target − achieved, never below 0.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub gap: Option<Decimal>,
    /// Share of the period elapsed, 0 to 1.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub elapsed: Decimal,
    /// Expected by now on the schedule.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub expected: Decimal,
    /// `linear` over the period, or `milestones`.
    pub expected_method: ExpectedMethod,
    /// achieved ÷ expected.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub performance: Option<Decimal>,
    /// Schedule status as of the as-of date.
    pub status: Status,
    /// The status in Chinese and English, as reports show it.
    pub status_label: Label,
    /// Days from the as-of date to the period's end (0 once it is over).
    pub remaining_days: i64,
    /// Pace needed from now to close the gap by the end of the period, per month of 30.4375 days;
    /// only for ≥ and > targets, and while days remain.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub required_per_month: Option<Decimal>,
    /// The same pace per year of 365.25 days.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub required_per_year: Option<Decimal>,
    /// Pace so far: achieved ÷ elapsed days, per month.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub achieved_per_month: Option<Decimal>,
    /// The four methods' projections, in [`ProjectionMethod`] order, applicable or not.
    pub projections: Vec<Projection>,
}

/// The parts (「其中」) of an indicator against their whole, as of the report's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PartsCheck {
    /// Id of the whole indicator.
    pub whole: String,
    /// Ids of its parts, in plan order.
    pub parts: Vec<String>,
    /// The whole's achieved value for the whole area, if any.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub whole_achieved: Option<Decimal>,
    /// Sum of the parts' achieved values (parts may overlap: it may exceed the whole); `None` when
    /// no part has one.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub parts_achieved: Option<Decimal>,
    /// The whole's target.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub whole_target: Decimal,
    /// Sum of the parts' targets.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub parts_target: Decimal,
    /// True when no single part has achieved more than its whole.
    pub consistent: bool,
}

/// Something suspicious in the observations that does not stop the computation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ProgressWarning {
    /// What the warning is about.
    pub code: WarningCode,
    /// The indicator concerned (for `part_exceeds_whole`, the part).
    pub indicator: String,
    /// Region id; `None` for the whole plan area.
    pub region: Option<String>,
    /// What was found, in English, with the figures compared.
    pub message: String,
}

/// Every indicator of a plan as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Report {
    /// The plan's id.
    pub plan_id: String,
    /// The plan's fingerprint: SHA-256 of its canonical JSON form.
    pub fingerprint: String,
    /// The date the report is computed for.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub as_of: NaiveDate,
    /// The plan period's first day.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub period_start: NaiveDate,
    /// The plan period's last day.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub period_end: NaiveDate,
    /// True when the as-of date is on or after the period's last day: statuses are final.
    pub is_final: bool,
    /// Whole-area progress, one row per indicator, in plan order.
    pub indicators: Vec<IndicatorProgress>,
    /// Per-region progress, for each region with a target (from the options) and in plan order.
    pub regions: Vec<IndicatorProgress>,
    /// One check per indicator that has parts (「其中」), in plan order.
    pub parts: Vec<PartsCheck>,
    /// What looks suspicious in the observations (parts above their whole, regions against the whole).
    pub warnings: Vec<ProgressWarning>,
}

/// One flat row of a report (an indicator for the whole area or a region), with the projection
/// results as columns: the shape of the CSV export and of DataFrames in the bindings. A projection
/// column is empty when its method does not apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ReportRow {
    /// Indicator id.
    pub indicator: String,
    /// The indicator's name in Chinese.
    pub name_zh: String,
    /// The indicator's name in English.
    pub name_en: String,
    /// Region id; empty for the whole plan area.
    pub region: Option<String>,
    /// The clause that sets the indicator, e.g. `专栏1`.
    pub clause: String,
    /// Unit of the target and of every value.
    pub unit: Unit,
    /// How the achieved value is compared with the target.
    pub comparator: Comparator,
    /// The target for this area.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub target: Decimal,
    /// The date the progress is computed for.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub as_of: NaiveDate,
    /// Cumulative value achieved by the as-of date.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub achieved: Option<Decimal>,
    /// Date of the latest observation counted.
    #[serde(with = "date_text::option")]
    #[schemars(with = "Option<crate::basics::date_text::DateText>")]
    pub achieved_on: Option<NaiveDate>,
    /// Whether `achieved` was reported, rolled up from the regions, or is absent.
    pub source: Source,
    /// achieved ÷ target.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub completion: Option<Decimal>,
    /// target − achieved, never below 0.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub gap: Option<Decimal>,
    /// Share of the period elapsed, 0 to 1.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub elapsed: Decimal,
    /// Expected by now on the schedule.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub expected: Decimal,
    /// `linear` over the period, or `milestones`.
    pub expected_method: ExpectedMethod,
    /// achieved ÷ expected.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub performance: Option<Decimal>,
    /// Schedule status as of the as-of date.
    pub status: Status,
    /// Days from the as-of date to the period's end.
    pub remaining_days: i64,
    /// Pace needed per month to close the gap by the period's end.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub required_per_month: Option<Decimal>,
    /// Pace needed per year to close the gap by the period's end.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub required_per_year: Option<Decimal>,
    /// Pace so far, per month.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub achieved_per_month: Option<Decimal>,
    /// Linear trend: value projected for the period's last day.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub linear_trend_projected: Option<Decimal>,
    /// Linear trend: `will_meet` or `will_not_meet`.
    pub linear_trend_class: Option<ProjectionClass>,
    /// ESCAP current status index.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub escap_current_status_index: Option<Decimal>,
    /// ESCAP anticipated progress: value projected for the period's last day.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub escap_anticipated_projected: Option<Decimal>,
    /// ESCAP anticipated progress index: projected ÷ target.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub escap_anticipated_index: Option<Decimal>,
    /// ESCAP anticipated progress class.
    pub escap_anticipated_class: Option<ProjectionClass>,
    /// UNSD: actual CAGR from the first to the latest observation.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub unsd_cagr_rate: Option<Decimal>,
    /// UNSD: the CAGR that would reach the target.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub unsd_cagr_required_rate: Option<Decimal>,
    /// UNSD: value the actual CAGR projects for the period's last day.
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub unsd_cagr_projected: Option<Decimal>,
    /// UNSD's P = (projected − base) ÷ (target − base).
    #[serde(with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub unsd_cagr_index: Option<Decimal>,
    /// UNSD progress class.
    pub unsd_cagr_class: Option<ProjectionClass>,
}

impl IndicatorProgress {
    /// The projection of `method`, if it was computed and applies.
    pub fn projection(&self, method: ProjectionMethod) -> Option<&Projection> {
        self.projections.iter().find(|p| p.method == method && p.applicable)
    }

    /// The row as the CSV export and DataFrames show it.
    pub fn to_row(&self) -> ReportRow {
        use ProjectionMethod::{EscapAnticipatedProgress, EscapCurrentStatus, LinearTrend, UnsdCagr};
        let p = |m: ProjectionMethod| self.projection(m);
        ReportRow {
            indicator: self.indicator.clone(),
            name_zh: self.name.zh.clone(),
            name_en: self.name.en.clone(),
            region: self.region.clone(),
            clause: self.clause.clone(),
            unit: self.unit,
            comparator: self.comparator,
            target: self.target,
            as_of: self.as_of,
            achieved: self.achieved,
            achieved_on: self.achieved_on,
            source: self.source,
            completion: self.completion,
            gap: self.gap,
            elapsed: self.elapsed,
            expected: self.expected,
            expected_method: self.expected_method,
            performance: self.performance,
            status: self.status,
            remaining_days: self.remaining_days,
            required_per_month: self.required_per_month,
            required_per_year: self.required_per_year,
            achieved_per_month: self.achieved_per_month,
            linear_trend_projected: p(LinearTrend).and_then(|x| x.projected_value),
            linear_trend_class: p(LinearTrend).and_then(|x| x.classification),
            escap_current_status_index: p(EscapCurrentStatus).and_then(|x| x.index),
            escap_anticipated_projected: p(EscapAnticipatedProgress).and_then(|x| x.projected_value),
            escap_anticipated_index: p(EscapAnticipatedProgress).and_then(|x| x.index),
            escap_anticipated_class: p(EscapAnticipatedProgress).and_then(|x| x.classification),
            unsd_cagr_rate: p(UnsdCagr).and_then(|x| x.rate),
            unsd_cagr_required_rate: p(UnsdCagr).and_then(|x| x.required_rate),
            unsd_cagr_projected: p(UnsdCagr).and_then(|x| x.projected_value),
            unsd_cagr_index: p(UnsdCagr).and_then(|x| x.index),
            unsd_cagr_class: p(UnsdCagr).and_then(|x| x.classification),
        }
    }
}

impl Report {
    /// Whole-area rows, then regional rows.
    pub fn rows(&self) -> Vec<ReportRow> {
        self.indicators.iter().chain(&self.regions).map(IndicatorProgress::to_row).collect()
    }

    /// The report as pretty-printed JSON: decimals as strings, dates as ISO text.
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
