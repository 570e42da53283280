//! Observations: achieved values of indicators, cumulative or per period, for the whole plan area
//! or a region. Every binding hands observations over as text fields (`ObservationInput`); this
//! module parses and checks them once, here, so each host gets the same typed errors.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::basics::closed_set::closed_set;
use crate::basics::encoding::{self, DecodingReader, Encoding, EncodingFault};
use crate::basics::export_text::{self, DATE_FORMS, DateFault};
use crate::basics::text::shown;
use crate::basics::{date_text, decimal_text};
use crate::error::{ObservationError, ObservationReason};
use crate::plan::Plan;
use crate::plan::counting::header_key;

closed_set! {
    /// How an observed value is to be read.
    #[derive(PartialOrd, Ord)]
    pub enum SeriesKind {
        /// The total achieved since the plan period began, as of the date.
        Cumulative = "cumulative",
        /// Achieved during the day that is the date.
        Day = "day",
        /// Achieved during the month that contains the date.
        Month = "month",
        /// Achieved during the quarter that contains the date.
        Quarter = "quarter",
        /// Achieved during the year that contains the date.
        Year = "year",
    }
}

impl SeriesKind {
    /// The last day of the period of this kind that contains `date` (the date itself for
    /// cumulative and daily values). A period's value counts as achieved on that day.
    pub fn period_end(self, date: NaiveDate) -> NaiveDate {
        let (year, last_month) = match self {
            SeriesKind::Cumulative | SeriesKind::Day => return date,
            SeriesKind::Month => (date.year(), date.month()),
            SeriesKind::Quarter => (date.year(), (date.month0() / 3) * 3 + 3),
            SeriesKind::Year => (date.year(), 12),
        };
        last_day_of_month(year, last_month).unwrap_or(date)
    }
}

pub(crate) fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

/// An observation as a host hands it over: every field as text, checked by [`Observations::new`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObservationInput {
    /// Indicator id, e.g. `subsidized-training`.
    pub indicator: String,
    /// Region id or GB/T 2260 code; absent (or the plan's province) for the whole plan area.
    #[serde(default)]
    pub region: Option<String>,
    /// ISO date the value refers to.
    pub date: String,
    /// Exact decimal, e.g. `"125000"`.
    pub value: String,
    /// `cumulative` (default), `day`, `month`, `quarter` or `year`.
    #[serde(default)]
    pub kind: Option<String>,
}

impl ObservationInput {
    /// Parses the date, value and kind of the input at position `index` (the checks that need
    /// no plan): ISO date, exact non-negative decimal up to 10^15, known kind.
    pub fn parse_fields(&self, index: usize) -> Result<(NaiveDate, Decimal, SeriesKind), ObservationError> {
        let i = index;
        let date = export_date(self.date.trim()).map_err(|m| fail(i, "date", ObservationReason::InvalidDate, m))?;
        let value =
            decimal_text::parse(self.value.trim()).map_err(|m| fail(i, "value", ObservationReason::NotANumber, m))?;
        if value.is_sign_negative() && !value.is_zero() {
            return Err(fail(i, "value", ObservationReason::NegativeValue, format!("the value {value} is negative")));
        }
        if value > crate::MAX_VALUE {
            return Err(fail(i, "value", ObservationReason::OutOfRange, format!("the value {value} is above 10^15")));
        }
        let kind = match self.kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            None => SeriesKind::Cumulative,
            Some(k) => SeriesKind::parse(k).ok_or_else(|| {
                fail(
                    i,
                    "kind",
                    ObservationReason::UnknownKind,
                    format!("unknown kind {:?}: use cumulative, day, month, quarter or year", shown(k)),
                )
            })?,
        };
        Ok((date, value, kind))
    }
}

/// The error for a binary float handed over as a value: floats are not exact, so they are
/// refused rather than rounded. Bindings call this when a host passes one.
pub fn float_refused(index: usize, field: &str) -> ObservationError {
    fail(
        index,
        field,
        ObservationReason::NotANumber,
        "a binary float is not an exact decimal; pass a string such as \"125000\", an integer or a Decimal".to_owned(),
    )
}

/// The error for a field of the wrong type (a list where a date is expected, …).
pub fn wrong_type(index: usize, field: &str, expected: &str) -> ObservationError {
    fail(index, field, ObservationReason::WrongType, format!("expected {expected}"))
}

/// Reads observations from JSON text: an array of objects, or an object with an
/// `observations` array. Values are strings or integers (floats are refused); `region` and
/// `kind` may be absent or null.
pub fn parse_json(text: &str) -> Result<Vec<ObservationInput>, ObservationError> {
    let root: serde_json::Value = serde_json::from_str(text).map_err(|e| ObservationError {
        reason: ObservationReason::Syntax,
        path: format!("line {}, column {}", e.line(), e.column()),
        message: format!("not valid JSON: {e}"),
    })?;
    let items = match &root {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(map) => match map.get("observations") {
            Some(serde_json::Value::Array(items)) => items,
            _ => {
                return Err(ObservationError {
                    reason: ObservationReason::WrongType,
                    path: "observations".into(),
                    message: "expected an array of observations, or an object with an \"observations\" array".into(),
                });
            }
        },
        _ => {
            return Err(ObservationError {
                reason: ObservationReason::WrongType,
                path: String::new(),
                message: "expected an array of observations".into(),
            });
        }
    };
    items.iter().enumerate().map(|(i, item)| input_from_json(i, item)).collect()
}

/// Reads observations from JSON values, one per observation (rows a host handed over, read
/// under the host-value policy): errors as [`parse_json`] gives them, `observations[i].field`.
pub fn from_values(items: &[serde_json::Value]) -> Result<Vec<ObservationInput>, ObservationError> {
    items.iter().enumerate().map(|(i, item)| input_from_json(i, item)).collect()
}

fn input_from_json(i: usize, item: &serde_json::Value) -> Result<ObservationInput, ObservationError> {
    use serde_json::Value;
    let Value::Object(map) = item else { return Err(wrong_type(i, "", "an object")) };
    if let Some(key) = map.keys().find(|k| !["indicator", "region", "date", "value", "kind"].contains(&k.as_str())) {
        return Err(fail(i, &shown(key), ObservationReason::UnknownField, format!("unknown field {:?}", shown(key))));
    }
    let text = |field: &str, required: bool| -> Result<Option<String>, ObservationError> {
        match map.get(field) {
            None | Some(Value::Null) if required => {
                Err(fail(i, field, ObservationReason::MissingField, format!("the field {field} is missing")))
            }
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) if field == "value" => match (n.as_i64(), n.as_u64()) {
                (Some(v), _) => Ok(Some(v.to_string())),
                (_, Some(v)) => Ok(Some(v.to_string())),
                _ => Err(float_refused(i, field)),
            },
            Some(_) => {
                Err(wrong_type(i, field, if field == "value" { "a decimal string or an integer" } else { "a string" }))
            }
        }
    };
    Ok(ObservationInput {
        indicator: text("indicator", true)?.unwrap_or_default(),
        region: text("region", false)?,
        date: text("date", true)?.unwrap_or_default(),
        value: text("value", true)?.unwrap_or_default(),
        kind: text("kind", false)?,
    })
}

/// A date in one of the export forms ([`export_text::civil_date`]: `2023-03-01`, `2023/3/1`,
/// `20230301`, `2023年3月1日`), in the years [`date_text::YEARS`].
fn export_date(text: &str) -> Result<NaiveDate, String> {
    if let Ok(date) = date_text::parse(text) {
        return Ok(date);
    }
    match export_text::civil_date(text) {
        Ok((y, m, d)) if date_text::YEARS.contains(&y) => {
            NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| "invalid date: no such day".to_owned())
        }
        Ok(_) => {
            Err(format!("invalid date: the year is outside {}–{}", date_text::YEARS.start(), date_text::YEARS.end()))
        }
        Err(DateFault::Ambiguous) => Err(format!(
            "ambiguous date: the year comes last, which day-first and month-first systems read as different days; write {DATE_FORMS}"
        )),
        Err(DateFault::Invalid) => Err(format!("invalid date: expected {DATE_FORMS}")),
    }
}

/// The headers observations CSV files may use for each column, besides its own name.
pub const OBSERVATION_HEADERS: [(&str, &[&str]); 5] = [
    ("indicator", &["指标", "指标编号", "指标代码", "指标名称"]),
    ("region", &["地区", "行政区划", "行政区划代码", "市州"]),
    ("date", &["日期", "统计日期", "截至日期", "截止日期"]),
    ("value", &["数值", "值", "完成数", "累计完成"]),
    ("kind", &["口径", "统计口径"]),
];

/// The largest JSON observations file read (CSV is streamed and has no limit).
pub const MAX_JSON_BYTES: u64 = 256 * 1024 * 1024;

/// Reads observations from a file: JSON when its name ends in `.json`, CSV otherwise.
pub fn read_file(path: &std::path::Path) -> Result<Vec<ObservationInput>, crate::Error> {
    read_file_in(path, Encoding::Auto)
}

/// [`read_file`] in a given encoding (`auto` reads UTF-8, else GB18030).
pub fn read_file_in(path: &std::path::Path, encoding: Encoding) -> Result<Vec<ObservationInput>, crate::Error> {
    let io = |e: std::io::Error| {
        crate::Error::from(crate::OptionsError {
            path: "path".into(),
            message: format!("cannot read the observations file: {}", e.kind()),
        })
    };
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        let size = std::fs::metadata(path).map_err(io)?.len();
        check_json_size(size)?;
        read_bytes(&std::fs::read(path).map_err(io)?, Format::Json, encoding)
    } else {
        let file = std::io::BufReader::new(std::fs::File::open(path).map_err(io)?);
        Ok(parse_csv(DecodingReader::new(file, encoding))?)
    }
}

/// How an observations file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A header row naming the columns, then one row per observation.
    Csv,
    /// An array of observation objects.
    Json,
}

impl Format {
    /// `csv` or `json`; `INVALID_OPTIONS` at `format` otherwise.
    pub fn parse(name: &str) -> Result<Format, crate::Error> {
        match name.to_ascii_lowercase().as_str() {
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            _ => {
                Err(crate::OptionsError { path: "format".into(), message: "format must be \"csv\" or \"json\"".into() }
                    .into())
            }
        }
    }
}

fn check_json_size(size: u64) -> Result<(), crate::Error> {
    if size > MAX_JSON_BYTES {
        return Err(crate::OptionsError {
            path: "path".into(),
            message: format!(
                "the JSON file is {size} bytes, over the limit of {MAX_JSON_BYTES}; use CSV for large files"
            ),
        }
        .into());
    }
    Ok(())
}

/// Reads observations from the bytes of a file (hosts without files, such as the browser, hand
/// over what the user picked): CSV or JSON, in `encoding`.
pub fn read_bytes(bytes: &[u8], format: Format, encoding: Encoding) -> Result<Vec<ObservationInput>, crate::Error> {
    let fault =
        |f: EncodingFault| ObservationError { reason: ObservationReason::Syntax, path: f.path(), message: f.message() };
    match format {
        Format::Json => {
            check_json_size(bytes.len() as u64)?;
            let text = encoding::decode_all(bytes, encoding).map_err(fault)?;
            Ok(parse_json(&text)?)
        }
        Format::Csv => Ok(parse_csv(DecodingReader::new(bytes, encoding))?),
    }
}

/// Reads observations from CSV with a header row naming the columns `indicator`, `date`,
/// `value` and optionally `region` and `kind`, in any order. Empty `region`/`kind` cells mean
/// absent. Rows are numbered from 0 after the header in error paths.
pub fn parse_csv(reader: impl std::io::Read) -> Result<Vec<ObservationInput>, ObservationError> {
    let mut csv = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(reader);
    let header_error =
        |message: String| ObservationError { reason: ObservationReason::MissingField, path: "header".into(), message };
    let headers = csv.headers().map_err(|e| match &e.kind() {
        csv::ErrorKind::Io(io) if EncodingFault::of_io(io).is_some() => {
            let f = EncodingFault::of_io(io).unwrap_or(EncodingFault::Utf16);
            ObservationError { reason: ObservationReason::Syntax, path: f.path(), message: f.message() }
        }
        _ => header_error(format!("cannot read the CSV header: {e}")),
    })?;
    let headers = headers.clone();
    let keys: Vec<String> = headers.iter().map(header_key).collect();
    let column = |name: &str| {
        let aliases = OBSERVATION_HEADERS.iter().find(|(n, _)| *n == name).map_or(&[][..], |(_, a)| *a);
        keys.iter().position(|k| k == name || aliases.contains(&k.as_str()))
    };
    let (Some(ind), Some(date), Some(value)) = (column("indicator"), column("date"), column("value")) else {
        return Err(header_error(
            "the CSV header must name the columns indicator, date and value (指标, 日期, 数值)".into(),
        ));
    };
    let (region, kind) = (column("region"), column("kind"));
    let mut inputs = Vec::new();
    for (i, row) in csv.records().enumerate() {
        let row = row.map_err(|e| match e.kind() {
            csv::ErrorKind::Io(io) if EncodingFault::of_io(io).is_some() => {
                let f = EncodingFault::of_io(io).unwrap_or(EncodingFault::Utf16);
                ObservationError { reason: ObservationReason::Syntax, path: f.path(), message: f.message() }
            }
            _ => ObservationError {
                reason: ObservationReason::Syntax,
                path: format!("observations[{i}]"),
                message: format!("unreadable CSV row: {e}"),
            },
        })?;
        let cell = |c: usize| row.get(c).unwrap_or("").to_owned();
        let optional = |c: Option<usize>| c.map(cell).filter(|v| !v.is_empty());
        inputs.push(ObservationInput {
            indicator: cell(ind),
            region: optional(region),
            date: cell(date),
            value: cell(value),
            kind: optional(kind),
        });
    }
    Ok(inputs)
}

/// A checked observation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Observation {
    /// Indicator id.
    pub indicator: String,
    /// Region id; `None` for the whole plan area.
    pub region: Option<String>,
    /// The date as given, within the plan period.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub date: NaiveDate,
    /// The value as given: a cumulative total, or what was achieved in the period `kind` names.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub value: Decimal,
    /// How `value` is to be read.
    pub kind: SeriesKind,
    /// Position in the input, for messages.
    #[serde(skip)]
    pub index: usize,
}

/// One point of a cumulative series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// The day it counts on; for a per-period value, the period's end, capped at the plan's last day.
    pub date: NaiveDate,
    /// Cumulative value achieved by the end of that day.
    pub value: Decimal,
}

/// The checked observations of a plan, as cumulative series per (indicator, region).
#[derive(Debug, Clone, Default)]
pub struct Observations {
    observations: Vec<Observation>,
    /// (indicator, region) → cumulative points in date order.
    series: SeriesMap,
}

fn fail(index: usize, field: &str, reason: ObservationReason, message: String) -> ObservationError {
    let path =
        if field.is_empty() { format!("observations[{index}]") } else { format!("observations[{index}].{field}") };
    ObservationError { reason, path, message }
}

impl Observations {
    /// Checks `inputs` against `plan`: known indicators and regions, exact non-negative values,
    /// dates within the plan period, one kind per series, no duplicate dates, cumulative series
    /// that never decrease. The first problem is returned as a typed error with its path.
    pub fn new(plan: &Plan, inputs: &[ObservationInput]) -> Result<Observations, ObservationError> {
        let period = plan.metadata().period;
        let root = plan.root_region().map(|r| r.id.clone());
        let mut observations = Vec::with_capacity(inputs.len());
        for (i, input) in inputs.iter().enumerate() {
            if plan.indicator(&input.indicator).is_err() {
                return Err(fail(
                    i,
                    "indicator",
                    ObservationReason::UnknownIndicator,
                    format!("unknown indicator {:?}", shown(&input.indicator)),
                ));
            }
            let region = match input.region.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
                None => None,
                Some(r) => match plan.region(r) {
                    Ok(found) if Some(&found.id) == root.as_ref() => None,
                    Ok(found) => Some(found.id.clone()),
                    Err(_) => {
                        return Err(fail(
                            i,
                            "region",
                            ObservationReason::UnknownRegion,
                            format!("unknown region {:?}", shown(r)),
                        ));
                    }
                },
            };
            let (date, value, kind) = input.parse_fields(i)?;
            if date < period.start {
                return Err(fail(
                    i,
                    "date",
                    ObservationReason::BeforePlanStart,
                    format!("{date} is before the plan period starts ({})", period.start),
                ));
            }
            if date > period.end {
                return Err(fail(
                    i,
                    "date",
                    ObservationReason::AfterPlanEnd,
                    format!(
                        "{date} is after the plan period ends ({}); date a final count by the day it counts to",
                        period.end
                    ),
                ));
            }
            observations.push(Observation { indicator: input.indicator.clone(), region, date, value, kind, index: i });
        }
        let series = build_series(&observations, period.end)?;
        Ok(Observations { observations, series })
    }

    /// The checked observations, in input order.
    pub fn observations(&self) -> &[Observation] {
        &self.observations
    }

    /// The cumulative series of `indicator` in `region` (`None`: as reported for the whole area).
    pub fn series(&self, indicator: &str, region: Option<&str>) -> Option<&[Point]> {
        self.series.get(&(indicator.to_owned(), region.map(str::to_owned))).map(Vec::as_slice)
    }

    /// The regions that have a series of `indicator`.
    pub fn regions_of(&self, indicator: &str) -> Vec<&str> {
        self.series.keys().filter(|(i, r)| i == indicator && r.is_some()).filter_map(|(_, r)| r.as_deref()).collect()
    }
}

/// A series: an indicator, and a region or (`None`) the whole plan area.
type SeriesKey = (String, Option<String>);
/// Every series, with its cumulative points in date order.
type SeriesMap = BTreeMap<SeriesKey, Vec<Point>>;

/// Groups observations into series and turns per-period values into cumulative points.
/// A period that runs past the plan's last day counts on that day.
fn build_series(observations: &[Observation], plan_end: NaiveDate) -> Result<SeriesMap, ObservationError> {
    let mut grouped: BTreeMap<SeriesKey, Vec<&Observation>> = BTreeMap::new();
    for o in observations {
        grouped.entry((o.indicator.clone(), o.region.clone())).or_default().push(o);
    }
    let mut series = BTreeMap::new();
    for (key, mut items) in grouped {
        let kind = items[0].kind;
        if let Some(other) = items.iter().find(|o| o.kind != kind) {
            return Err(fail(
                other.index,
                "kind",
                ObservationReason::MixedKinds,
                format!(
                    "this series mixes {} and {} values; give one kind per indicator and region",
                    kind.as_str(),
                    other.kind.as_str()
                ),
            ));
        }
        items.sort_by_key(|o| (kind.period_end(o.date), o.index));
        let mut points: Vec<Point> = Vec::with_capacity(items.len());
        let mut previous: Option<&Observation> = None;
        for o in items {
            let end = kind.period_end(o.date);
            if let Some(p) = previous {
                if kind.period_end(p.date) == end {
                    return Err(fail(
                        o.index,
                        "date",
                        ObservationReason::DuplicateDate,
                        format!(
                            "a second {} value for {} in the same series (first at observations[{}])",
                            kind.as_str(),
                            end,
                            p.index
                        ),
                    ));
                }
                if kind == SeriesKind::Cumulative && o.value < p.value {
                    return Err(fail(
                        o.index,
                        "value",
                        ObservationReason::DecreasingCumulative,
                        format!(
                            "the cumulative value falls from {} on {} to {} on {}",
                            p.value, p.date, o.value, o.date
                        ),
                    ));
                }
            }
            // Sums of at most a few thousand values of ≤ 10^15 stay far below Decimal's range.
            let value = match (kind, points.last()) {
                (SeriesKind::Cumulative, _) | (_, None) => o.value,
                (_, Some(last)) => last.value.saturating_add(o.value),
            };
            points.push(Point { date: end.min(plan_end), value });
            previous = Some(o);
        }
        series.insert(key, points);
    }
    Ok(series)
}

/// The value of a cumulative series as of `date`: its latest point on or before that day.
pub fn value_as_of(points: &[Point], date: NaiveDate) -> Option<Point> {
    points.iter().take_while(|p| p.date <= date).last().copied()
}

#[cfg(test)]
mod bytes_tests {
    use super::*;

    const CSV: &str = "indicator,date,value\nsubsidized-training,2023-06-30,1200\n";

    #[test]
    fn bytes_read_as_the_file_would() {
        let utf8 = read_bytes(CSV.as_bytes(), Format::Csv, Encoding::Auto).unwrap();
        let (gb, _, _) = encoding_rs::GB18030.encode("指标,日期,数值\nsubsidized-training,2023-06-30,1200\n");
        assert_eq!(read_bytes(&gb, Format::Csv, Encoding::Auto).unwrap(), utf8);
        let json = br#"[{"indicator": "subsidized-training", "date": "2023-06-30", "value": "1200"}]"#;
        assert_eq!(read_bytes(json, Format::Json, Encoding::Auto).unwrap(), utf8);
    }

    #[test]
    fn a_bad_format_and_bad_bytes_are_typed_errors() {
        let e = Format::parse("xml").unwrap_err();
        assert_eq!((e.code(), e.path()), (crate::ErrorCode::InvalidOptions, "format".to_string()));
        assert_eq!(Format::parse("JSON").unwrap(), Format::Json);
        let e = read_bytes(b"[{\"indicator\": \"a\xff\"}]", Format::Json, Encoding::Utf8).unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::InvalidObservation);
    }
}
