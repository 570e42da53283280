//! Progress in Node: plain JavaScript objects in (values as decimal strings or safe integers,
//! dates as ISO strings), plain objects out (decimals and dates as strings). Floats are refused
//! with the core's typed error. `progressAsync` computes on the libuv thread pool.

use napi::bindgen_prelude::*;
use napi::{Env, Task, ValueType};
use napi_derive::napi;
use skillplan as core;
use skillplan::progress;
use skillplan::progress::observations::{self, ObservationInput};

use crate::{Label, guard, throw};

fn options_error(path: String, message: impl Into<String>) -> core::Error {
    core::OptionsError { path, message: message.into() }.into()
}

/// Largest integer a JavaScript number holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

enum Bad {
    Float,
    Type(&'static str),
}

/// A field as text: strings as they are, safe integers as digits; `None` when absent or null.
fn field_text(obj: &Object, key: &str, numbers: bool) -> std::result::Result<Option<String>, Bad> {
    let present = obj.get::<Unknown>(key).ok().flatten().and_then(|v| v.get_type().ok());
    match present {
        None | Some(ValueType::Undefined) | Some(ValueType::Null) => Ok(None),
        Some(ValueType::String) => obj.get::<String>(key).map_err(|_| Bad::Type("a string")),
        Some(ValueType::Number) if numbers => match obj.get::<f64>(key) {
            Ok(Some(n)) if n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER => Ok(Some(format!("{n:.0}"))),
            _ => Err(Bad::Float),
        },
        Some(_) => Err(Bad::Type(if numbers { "a decimal string or a safe integer" } else { "a string" })),
    }
}

/// Converts the host's observation objects into the core's text inputs.
fn observation_inputs(items: &[Object]) -> std::result::Result<Vec<ObservationInput>, core::Error> {
    let mut inputs = Vec::with_capacity(items.len());
    for (i, obj) in items.iter().enumerate() {
        let get = |key: &str, numbers: bool| {
            field_text(obj, key, numbers).map_err(|bad| match bad {
                Bad::Float => core::Error::from(observations::float_refused(i, key)),
                Bad::Type(expected) => observations::wrong_type(i, key, expected).into(),
            })
        };
        inputs.push(ObservationInput {
            indicator: get("indicator", false)?.unwrap_or_default(),
            region: get("region", false)?,
            date: get("date", false)?.unwrap_or_default(),
            value: get("value", true)?.unwrap_or_default(),
            kind: get("kind", false)?,
        });
    }
    Ok(inputs)
}

fn option_decimal(obj: &Object, key: &str, path: String) -> std::result::Result<rust_decimal::Decimal, core::Error> {
    let text = field_text(obj, key, true).map_err(|bad| match bad {
        Bad::Float => options_error(path.clone(), "a float is not an exact decimal; pass a string or a safe integer"),
        Bad::Type(expected) => options_error(path.clone(), format!("expected {expected}")),
    })?;
    let text = text.ok_or_else(|| options_error(path.clone(), "missing"))?;
    core::decimal_text::parse(text.trim()).map_err(|m| options_error(path, m))
}

fn option_text(obj: &Object, key: &str, path: String) -> std::result::Result<String, core::Error> {
    field_text(obj, key, false).ok().flatten().ok_or_else(|| options_error(path, "expected a string"))
}

fn option_date(text: Option<String>, path: String) -> std::result::Result<chrono::NaiveDate, core::Error> {
    let text = text.ok_or_else(|| options_error(path.clone(), "expected an ISO date string"))?;
    core::date_text::parse(&text).map_err(|m| options_error(path, m))
}

/// Options of a progress computation.
#[napi(object)]
pub struct ProgressOptions<'a> {
    /// ISO date the progress is computed for.
    pub as_of: String,
    /// Points of the expected trajectory: `{ indicator, date, value }`.
    #[napi(ts_type = "Array<{ indicator: string; date: string; value: string | number }>")]
    pub milestones: Option<Vec<Object<'a>>>,
    /// Targets per region: `{ indicator, region, target }` (e.g. from `decompose`).
    #[napi(ts_type = "Array<{ indicator: string; region: string; target: string | number }>")]
    pub regional_targets: Option<Vec<Object<'a>>>,
    /// Status thresholds on performance: `{ onTrack, behind }` (defaults 0.95 and 0.75).
    #[napi(ts_type = "{ onTrack: string | number; behind: string | number }")]
    pub thresholds: Option<Object<'a>>,
}

fn core_options(options: &ProgressOptions) -> std::result::Result<progress::ProgressOptions, core::Error> {
    let mut out = progress::ProgressOptions::new(option_date(Some(options.as_of.clone()), "as_of".into())?);
    for (i, m) in options.milestones.iter().flatten().enumerate() {
        out.milestones.push(progress::Milestone {
            indicator: option_text(m, "indicator", format!("milestones[{i}].indicator"))?,
            date: option_date(field_text(m, "date", false).ok().flatten(), format!("milestones[{i}].date"))?,
            value: option_decimal(m, "value", format!("milestones[{i}].value"))?,
        });
    }
    for (i, t) in options.regional_targets.iter().flatten().enumerate() {
        out.regional_targets.push(progress::RegionalTarget {
            indicator: option_text(t, "indicator", format!("regional_targets[{i}].indicator"))?,
            region: option_text(t, "region", format!("regional_targets[{i}].region"))?,
            target: option_decimal(t, "target", format!("regional_targets[{i}].target"))?,
        });
    }
    if let Some(th) = &options.thresholds {
        out.thresholds = progress::Thresholds {
            on_track: option_decimal(th, "onTrack", "thresholds.on_track".into())?,
            behind: option_decimal(th, "behind", "thresholds.behind".into())?,
        };
    }
    Ok(out)
}

/// One projection method's result with every intermediate value.
#[napi(object)]
pub struct Projection {
    #[napi(ts_type = "'linear_trend' | 'escap_current_status' | 'escap_anticipated_progress' | 'unsd_cagr'")]
    pub method: String,
    pub applicable: bool,
    pub note: Option<String>,
    pub base_date: Option<String>,
    pub base_value: Option<String>,
    pub latest_date: Option<String>,
    pub latest_value: Option<String>,
    pub points: Option<u32>,
    pub rate: Option<String>,
    pub required_rate: Option<String>,
    pub projected_value: Option<String>,
    pub index: Option<String>,
    pub classification: Option<String>,
}

fn text<T: ToString>(value: Option<T>) -> Option<String> {
    value.map(|v| v.to_string())
}

impl From<&progress::Projection> for Projection {
    fn from(p: &progress::Projection) -> Self {
        Projection {
            method: p.method.as_str().to_owned(),
            applicable: p.applicable,
            note: p.note.clone(),
            base_date: text(p.base_date),
            base_value: text(p.base_value),
            latest_date: text(p.latest_date),
            latest_value: text(p.latest_value),
            points: p.points,
            rate: text(p.rate),
            required_rate: text(p.required_rate),
            projected_value: text(p.projected_value),
            index: text(p.index),
            classification: p.classification.map(|c| c.as_str().to_owned()),
        }
    }
}

/// Where one indicator (whole area or a region) stands as of a date. Decimals are strings.
#[napi(object)]
pub struct IndicatorProgress {
    pub indicator: String,
    pub name: Label,
    pub region: Option<String>,
    pub clause: String,
    #[napi(ts_type = "'person_times' | 'count'")]
    pub unit: String,
    #[napi(ts_type = "'>=' | '>' | '<=' | '<' | '='")]
    pub comparator: String,
    pub target: String,
    pub as_of: String,
    pub achieved: Option<String>,
    pub achieved_on: Option<String>,
    #[napi(ts_type = "'reported' | 'rollup' | 'none'")]
    pub source: String,
    pub completion: Option<String>,
    pub gap: Option<String>,
    pub elapsed: String,
    pub expected: String,
    #[napi(ts_type = "'linear' | 'milestones'")]
    pub expected_method: String,
    pub performance: Option<String>,
    #[napi(ts_type = "'met' | 'on_track' | 'behind' | 'far_behind' | 'missed' | 'not_started' | 'no_data'")]
    pub status: String,
    pub status_label: Label,
    pub remaining_days: i64,
    pub required_per_month: Option<String>,
    pub required_per_year: Option<String>,
    pub achieved_per_month: Option<String>,
    pub projections: Vec<Projection>,
}

impl From<&progress::IndicatorProgress> for IndicatorProgress {
    fn from(r: &progress::IndicatorProgress) -> Self {
        IndicatorProgress {
            indicator: r.indicator.clone(),
            name: (&r.name).into(),
            region: r.region.clone(),
            clause: r.clause.clone(),
            unit: r.unit.as_str().to_owned(),
            comparator: r.comparator.as_str().to_owned(),
            target: r.target.to_string(),
            as_of: r.as_of.to_string(),
            achieved: text(r.achieved),
            achieved_on: text(r.achieved_on),
            source: r.source.as_str().to_owned(),
            completion: text(r.completion),
            gap: text(r.gap),
            elapsed: r.elapsed.to_string(),
            expected: r.expected.to_string(),
            expected_method: r.expected_method.as_str().to_owned(),
            performance: text(r.performance),
            status: r.status.as_str().to_owned(),
            status_label: (&r.status.label()).into(),
            remaining_days: r.remaining_days,
            required_per_month: text(r.required_per_month),
            required_per_year: text(r.required_per_year),
            achieved_per_month: text(r.achieved_per_month),
            projections: r.projections.iter().map(Projection::from).collect(),
        }
    }
}

/// The parts (「其中」) of an indicator against their whole.
#[napi(object)]
pub struct PartsCheck {
    pub whole: String,
    pub parts: Vec<String>,
    pub whole_achieved: Option<String>,
    pub parts_achieved: Option<String>,
    pub whole_target: String,
    pub parts_target: String,
    pub consistent: bool,
}

/// Something suspicious in the observations that did not stop the computation.
#[napi(object)]
pub struct ProgressWarning {
    #[napi(ts_type = "'part_exceeds_whole' | 'regions_exceed_province' | 'rollup_mismatch'")]
    pub code: String,
    pub indicator: String,
    pub region: Option<String>,
    pub message: String,
}

/// Every indicator of a plan as of a date.
#[napi(object)]
pub struct Report {
    pub plan_id: String,
    pub fingerprint: String,
    pub as_of: String,
    pub period_start: String,
    pub period_end: String,
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
            as_of: r.as_of.to_string(),
            period_start: r.period_start.to_string(),
            period_end: r.period_end.to_string(),
            is_final: r.is_final,
            indicators: r.indicators.iter().map(IndicatorProgress::from).collect(),
            regions: r.regions.iter().map(IndicatorProgress::from).collect(),
            parts: r
                .parts
                .iter()
                .map(|p| PartsCheck {
                    whole: p.whole.clone(),
                    parts: p.parts.clone(),
                    whole_achieved: text(p.whole_achieved),
                    parts_achieved: text(p.parts_achieved),
                    whole_target: p.whole_target.to_string(),
                    parts_target: p.parts_target.to_string(),
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

/// A region's share of an indicator's target.
#[napi(object)]
pub struct RegionalTarget {
    pub indicator: String,
    pub region: String,
    pub target: String,
}

/// An observation as read from a file: every field as text.
#[napi(object)]
pub struct ObservationRecord {
    pub indicator: String,
    pub region: Option<String>,
    pub date: String,
    pub value: String,
    pub kind: Option<String>,
}

pub(crate) fn report(
    plan: &core::Plan,
    observations: &[Object],
    options: &ProgressOptions,
) -> std::result::Result<progress::Report, core::Error> {
    let inputs = observation_inputs(observations)?;
    let options = core_options(options)?;
    let obs = observations::Observations::new(plan, &inputs)?;
    progress::report(plan, &obs, &options)
}

pub(crate) fn indicator(
    plan: &core::Plan,
    observations: &[Object],
    id: &str,
    region: Option<&str>,
    options: &ProgressOptions,
) -> std::result::Result<IndicatorProgress, core::Error> {
    let inputs = observation_inputs(observations)?;
    let options = core_options(options)?;
    let obs = observations::Observations::new(plan, &inputs)?;
    progress::indicator(plan, &obs, &options, id, region).map(|r| IndicatorProgress::from(&r))
}

pub(crate) fn decompose(
    plan: &core::Plan,
    indicator: &str,
    weights: &[Object],
) -> std::result::Result<Vec<RegionalTarget>, core::Error> {
    let mut pairs = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let region = option_text(w, "region", format!("weights[{i}].region"))?;
        let weight = option_decimal(w, "weight", format!("weights[{i}].weight"))?;
        pairs.push((region, weight));
    }
    progress::decompose(plan, indicator, &pairs).map(|ts| {
        ts.into_iter()
            .map(|t| RegionalTarget { indicator: t.indicator, region: t.region, target: t.target.to_string() })
            .collect()
    })
}

/// Computes a report on the libuv thread pool; the inputs were converted on the main thread.
pub struct ProgressTask {
    pub(crate) plan: core::Plan,
    pub(crate) inputs: std::result::Result<(Vec<ObservationInput>, progress::ProgressOptions), core::Error>,
}

impl Task for ProgressTask {
    type Output = std::result::Result<progress::Report, core::Error>;
    type JsValue = Report;

    fn compute(&mut self) -> Result<Self::Output> {
        crate::guard_task("progressAsync", || {
            Ok(match &self.inputs {
                Err(e) => Err(e.clone()),
                Ok((inputs, options)) => observations::Observations::new(&self.plan, inputs)
                    .map_err(core::Error::from)
                    .and_then(|obs| progress::report(&self.plan, &obs, options)),
            })
        })
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> Result<Report> {
        crate::guard(&env, "progressAsync", || output.map(|r| Report::from(&r)).map_err(|e| throw(&env, e)))
    }
}

pub(crate) fn task(plan: &core::Plan, observations: &[Object], options: &ProgressOptions) -> ProgressTask {
    let inputs = observation_inputs(observations).and_then(|i| Ok((i, core_options(options)?)));
    ProgressTask { plan: plan.clone(), inputs }
}

/// Observations from a CSV or JSON file, every field as text, ready for `plan.progress`.
#[napi]
pub fn read_observations(env: Env, path: String) -> Result<Vec<ObservationRecord>> {
    guard(&env, "readObservations", || {
        observations::read_file(std::path::Path::new(&path))
            .map(|inputs| {
                inputs
                    .into_iter()
                    .map(|o| ObservationRecord {
                        indicator: o.indicator,
                        region: o.region,
                        date: o.date,
                        value: o.value,
                        kind: o.kind,
                    })
                    .collect()
            })
            .map_err(|e| throw(&env, e))
    })
}
