//! The options every host offers, read once here from the JSON value of what the host was given
//! (after [`super::value`]'s policy), each bad option an `INVALID_OPTIONS` error with its path:
//! the as-of date, progress options (milestones, regional targets, thresholds), decomposition
//! weights, counting options and decision options (which subsidies, whether to explain).
//!
//! Keys are snake_case; a host whose convention is camelCase (JavaScript) may write them so
//! (`regionalTargets`, `onTrack`, `maxRejected`). Paths in errors are always snake_case, as the
//! bad-input catalogue writes them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::basics::encoding::{ENCODING_NAMES, Encoding};
use crate::basics::{date_text, decimal_text};
use crate::error::{Error, OptionsError};
use crate::model::eligibility::SubsidyKind;
use crate::progress::{Milestone, ProgressOptions, RegionalTarget, Thresholds};
use crate::records::CountOptions;

fn fail(path: impl Into<String>, message: impl Into<String>) -> Error {
    OptionsError { path: path.into(), message: message.into() }.into()
}

/// The value at `key`, or at its camelCase spelling; `None` when absent or null.
fn get<'a>(object: &'a Value, key: &str) -> Option<&'a Value> {
    let found = object.get(key).filter(|v| !v.is_null());
    if found.is_some() || !key.contains('_') {
        return found;
    }
    let mut camel = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                camel.extend(c.to_uppercase());
                upper = false;
            }
            c => camel.push(c),
        }
    }
    object.get(camel.as_str()).filter(|v| !v.is_null())
}

/// An exact decimal: a decimal string or an integer; floats are refused, as they are not exact.
pub fn decimal(value: Option<&Value>, path: &str) -> Result<Decimal, Error> {
    match value {
        None => Err(fail(path, "missing")),
        Some(Value::String(text)) => decimal_text::parse(text.trim()).map_err(|m| fail(path, m)),
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => {
            decimal_text::parse(&n.to_string()).map_err(|m| fail(path, m))
        }
        Some(Value::Number(_)) => {
            Err(fail(path, "a binary float is not an exact decimal; pass a decimal string or an integer"))
        }
        Some(_) => Err(fail(path, "expected a decimal string or an integer")),
    }
}

/// Text.
pub fn text(value: Option<&Value>, path: &str) -> Result<String, Error> {
    match value {
        Some(Value::String(text)) => Ok(text.clone()),
        _ => Err(fail(path, "expected a string")),
    }
}

/// An ISO date (`YYYY-MM-DD`), in the years dates may have.
pub fn date(value: Option<&Value>, path: &str) -> Result<NaiveDate, Error> {
    match value {
        None => Err(fail(path, "missing")),
        Some(Value::String(text)) => date_text::parse(text.trim()).map_err(|m| fail(path, m)),
        Some(_) => Err(fail(path, "expected an ISO date (YYYY-MM-DD)")),
    }
}

/// The as-of date of a call, at the path `as_of`.
pub fn as_of(value: &Value) -> Result<NaiveDate, Error> {
    let date = date(Some(value).filter(|v| !v.is_null()), "as_of")?;
    OptionsError::check_as_of(date)?;
    Ok(date)
}

/// The as-of date given as text.
pub fn as_of_text(text: &str) -> Result<NaiveDate, Error> {
    as_of(&Value::String(text.to_owned()))
}

fn flag(value: Option<&Value>, path: &str) -> Result<Option<bool>, Error> {
    match value {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(fail(path, "expected true or false")),
    }
}

/// The items of a list option; absent is empty.
fn items<'a>(value: Option<&'a Value>, path: &str) -> Result<&'a [Value], Error> {
    match value {
        None => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(fail(path, "expected a list")),
    }
}

/// Progress options: `{milestones: [{indicator, date, value}], regional_targets: [{indicator,
/// region, target}], thresholds: {on_track, behind}}`, every key optional, with `as_of`.
pub fn progress(as_of: NaiveDate, options: &Value) -> Result<ProgressOptions, Error> {
    let mut out = ProgressOptions::new(as_of);
    if !matches!(options, Value::Object(_) | Value::Null) {
        return Err(fail("options", "expected a mapping of options"));
    }
    for (i, m) in items(get(options, "milestones"), "milestones")?.iter().enumerate() {
        let at = |field: &str| format!("milestones[{i}].{field}");
        out.milestones.push(Milestone {
            indicator: text(get(m, "indicator"), &at("indicator"))?,
            date: date(get(m, "date"), &at("date"))?,
            value: decimal(get(m, "value"), &at("value"))?,
        });
    }
    for (i, t) in items(get(options, "regional_targets"), "regional_targets")?.iter().enumerate() {
        let at = |field: &str| format!("regional_targets[{i}].{field}");
        out.regional_targets.push(RegionalTarget {
            indicator: text(get(t, "indicator"), &at("indicator"))?,
            region: text(get(t, "region"), &at("region"))?,
            target: decimal(get(t, "target"), &at("target"))?,
        });
    }
    if let Some(th) = get(options, "thresholds") {
        out.thresholds = Thresholds {
            on_track: decimal(get(th, "on_track"), "thresholds.on_track")?,
            behind: decimal(get(th, "behind"), "thresholds.behind")?,
        };
    }
    Ok(out)
}

/// Progress options that carry their as-of date (`{as_of, milestones, …}`), as one object.
pub fn progress_with_as_of(options: &Value) -> Result<ProgressOptions, Error> {
    let as_of = as_of(get(options, "as_of").unwrap_or(&Value::Null))?;
    progress(as_of, options)
}

/// Weights of a decomposition: `{region: weight}`, `[{region, weight}]` or `[[region, weight]]`.
pub fn weights(value: &Value) -> Result<Vec<(String, Decimal)>, Error> {
    let pair = |i: usize, region: Option<&Value>, weight: Option<&Value>| -> Result<(String, Decimal), Error> {
        let region = match region {
            Some(Value::String(r)) => r.clone(),
            _ => return Err(fail(format!("weights[{i}].region"), "expected a region id or code")),
        };
        Ok((region, decimal(weight, &format!("weights[{i}].weight"))?))
    };
    match value {
        Value::Object(map) => map
            .iter()
            .enumerate()
            .map(|(i, (region, w))| pair(i, Some(&Value::String(region.clone())), Some(w)))
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::Array(p) => pair(i, p.first(), p.get(1).filter(|v| !v.is_null())),
                other => pair(i, get(other, "region"), get(other, "weight")),
            })
            .collect(),
        _ => Err(fail("weights", "expected a mapping of regions to weights, or a list of pairs")),
    }
}

/// Counting options: `{strict, max_rejected, source_name, encoding, columns, sheet}`, every key
/// optional; `encoding` is `auto`, `utf-8` or `gb18030`, `columns` an object of source header →
/// record field, `sheet` a workbook's sheet name.
pub fn count(options: &Value) -> Result<CountOptions, Error> {
    let mut out = CountOptions::default();
    if let Some(strict) = flag(get(options, "strict"), "strict")? {
        out.strict = strict;
    }
    match get(options, "max_rejected") {
        None => {}
        Some(Value::Number(n)) if n.as_u64().is_some() => out.max_rejected = n.as_u64().unwrap_or(0),
        Some(Value::Number(n)) if n.as_f64().is_some_and(|x| x >= 0.0 && x.fract() == 0.0 && x <= 9.0e15) => {
            out.max_rejected = n.as_f64().unwrap_or(0.0) as u64;
        }
        Some(_) => return Err(fail("max_rejected", "must be a whole number ≥ 0")),
    }
    if let Some(name) = get(options, "source_name") {
        out.source = Some(text(Some(name), "source_name")?);
    }
    if let Some(name) = get(options, "encoding") {
        let name = text(Some(name), "encoding")?;
        out.encoding =
            Encoding::parse(&name).ok_or_else(|| fail("encoding", format!("use one of {ENCODING_NAMES}")))?;
    }
    match get(options, "columns") {
        None => {}
        Some(Value::Object(map)) => {
            let mut columns = crate::records::ColumnMapping::new();
            for (header, field) in map {
                let Value::String(field) = field else {
                    return Err(fail("columns", "each header must map to a field name (text)"));
                };
                columns.insert(header.clone(), field.clone());
            }
            out.columns = Some(columns);
        }
        Some(_) => return Err(fail("columns", "expected a mapping of source headers to record fields")),
    }
    if let Some(name) = get(options, "sheet") {
        out.sheet = Some(text(Some(name), "sheet")?);
    }
    Ok(out)
}

/// What a caller asks of a decision: only some subsidies (all when empty), and whether to explain
/// (the explained view) or not (the summary: statuses, amounts, failed checks, missing facts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionOptions {
    /// The subsidies to answer for; all when empty.
    pub subsidies: Vec<SubsidyKind>,
    /// True (the default): every check explained in Chinese and English.
    pub explain: bool,
}

impl Default for DecisionOptions {
    fn default() -> Self {
        DecisionOptions { subsidies: Vec::new(), explain: true }
    }
}

/// Decision options: `{subsidies: [ids], explain: bool}`, every key optional; errors at
/// `options.subsidies[i]` and `options.explain`.
pub fn decision(options: &Value) -> Result<DecisionOptions, Error> {
    let mut out = DecisionOptions::default();
    for (i, id) in items(get(options, "subsidies"), "options.subsidies")?.iter().enumerate() {
        let kind = id.as_str().and_then(SubsidyKind::parse);
        out.subsidies.push(kind.ok_or_else(|| {
            fail(format!("options.subsidies[{i}]"), format!("not a subsidy id; use one of {}", subsidy_ids()))
        })?);
    }
    if let Some(explain) = flag(get(options, "explain"), "options.explain")? {
        out.explain = explain;
    }
    Ok(out)
}

fn subsidy_ids() -> String {
    SubsidyKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
}

/// The language of an explanation, written `zh` or `en`; `INVALID_OPTIONS` at `lang` otherwise.
pub fn lang(text: &str) -> Result<crate::basics::messages::Lang, Error> {
    crate::basics::messages::Lang::parse(text)
        .ok_or_else(|| OptionsError { path: "lang".into(), message: "lang must be \"zh\" or \"en\"".into() }.into())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn options_read_with_their_paths_in_either_key_style() {
        let day = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap_or_default();
        let o = progress(
            day,
            &json!({"regionalTargets": [{"indicator": "a", "region": "b", "target": 5}],
            "thresholds": {"onTrack": "0.9", "behind": "0.5"}}),
        )
        .unwrap();
        assert_eq!(o.regional_targets[0].target, Decimal::from(5));
        assert_eq!(o.thresholds.on_track, Decimal::new(9, 1));
        let e = progress(day, &json!({"milestones": [{"indicator": "a", "date": "2024-01-01", "value": 0.5}]}))
            .unwrap_err();
        assert_eq!((e.code(), e.path()), (crate::ErrorCode::InvalidOptions, "milestones[0].value".to_owned()));
        let e = count(&json!({"maxRejected": -1})).unwrap_err();
        assert_eq!(e.path(), "max_rejected");
        assert_eq!(count(&json!({"max_rejected": 3.0})).unwrap().max_rejected, 3);
        assert_eq!(count(&json!({"encoding": "GBK"})).unwrap().encoding, Encoding::Gb18030);
        assert_eq!(count(&json!({"encoding": "latin1"})).unwrap_err().path(), "encoding");
        assert_eq!(count(&json!({"columns": {"人员类别": 3}})).unwrap_err().path(), "columns");
        let e = decision(&json!({"subsidies": ["training_subsidy", "nope"]})).unwrap_err();
        assert_eq!(e.path(), "options.subsidies[1]");
        assert_eq!(weights(&json!({"changchun": 2})).unwrap()[0].1, Decimal::from(2));
        assert_eq!(weights(&json!([["changchun", "2"]])).unwrap()[0].0, "changchun");
        assert_eq!(as_of(&json!("1899-12-31")).unwrap_err().path(), "as_of");
    }
}
