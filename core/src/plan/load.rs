//! Reading a plan: bytes → UTF-8 text → TOML → the typed model, with each failure mapped to a
//! typed error that says where it is.

use std::path::Path;

#[cfg(feature = "fast-load")]
use serde::Deserialize;

use crate::decimal_text::NOT_A_NUMBER;
use crate::error::{Issue, PlanError, Reason};
use crate::model::PlanData;

/// The largest plan file accepted. The Jilin plan with its full text is about 60 KB; a file
/// seventy times that size is not a plan but a mistake (or an attack on the parser).
pub const MAX_PLAN_BYTES: usize = 4 * 1024 * 1024;

/// Reads the plan file at `path` into its data model (not yet cross-checked).
pub fn read_path(path: &Path) -> Result<PlanData, PlanError> {
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.len() > MAX_PLAN_BYTES as u64 {
        return Err(PlanError::TooLarge { size: metadata.len(), limit: MAX_PLAN_BYTES as u64 });
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    parse_bytes(&bytes)
}

fn io_error(e: std::io::Error) -> PlanError {
    PlanError::Io { message: e.kind().to_string() }
}

/// Parses plan bytes, which must be UTF-8 TOML.
pub fn parse_bytes(bytes: &[u8]) -> Result<PlanData, PlanError> {
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(PlanError::TooLarge { size: bytes.len() as u64, limit: MAX_PLAN_BYTES as u64 });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| PlanError::NotUtf8 { offset: e.valid_up_to() })?;
    parse_str(text)
}

/// Parses plan text (TOML).
pub fn parse_str(text: &str) -> Result<PlanData, PlanError> {
    if text.len() > MAX_PLAN_BYTES {
        return Err(PlanError::TooLarge { size: text.len() as u64, limit: MAX_PLAN_BYTES as u64 });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.lines().all(|line| line.trim().is_empty() || line.trim_start().starts_with('#')) {
        return Err(PlanError::Empty);
    }
    let to_issue = |path: String, message: &str| PlanError::Invalid { issues: vec![data_issue(path, message)] };
    // Tracking the path costs time on every value; with `fast-load` it is only done to report
    // an error.
    #[cfg(feature = "fast-load")]
    {
        let deserializer = toml::Deserializer::parse(text).map_err(|e| syntax_error(text, &e))?;
        if let Ok(data) = PlanData::deserialize(deserializer) {
            return Ok(data);
        }
        let deserializer = toml::Deserializer::parse(text).map_err(|e| syntax_error(text, &e))?;
        serde_path_to_error::deserialize::<_, PlanData>(deserializer)
            .map_err(|e| to_issue(e.path().to_string(), e.into_inner().message()))
    }
    #[cfg(not(feature = "fast-load"))]
    {
        // Without fast-load (the mobile library), the text is parsed into a TOML table first and
        // the model read from that by one small path-tracking deserialiser (`value_de`), so that
        // every model type is compiled once: this keeps the library under 3 MB.
        let value = toml::Value::Table(text.parse().map_err(|e| syntax_error(text, &e))?);
        super::value_de::from_value::<PlanData>(&value).map_err(|e| to_issue(e.path(), e.message()))
    }
}

/// Parses a plan in its canonical JSON form (what `Plan::to_canonical_json` writes).
pub fn parse_json(text: &str) -> Result<PlanData, PlanError> {
    if text.len() > MAX_PLAN_BYTES {
        return Err(PlanError::TooLarge { size: text.len() as u64, limit: MAX_PLAN_BYTES as u64 });
    }
    if text.trim().is_empty() {
        return Err(PlanError::Empty);
    }
    match serde_json::from_str::<PlanData>(text) {
        Ok(data) => Ok(data),
        Err(e) if e.is_syntax() || e.is_eof() => {
            Err(PlanError::Syntax { line: e.line(), column: e.column(), message: e.to_string() })
        }
        Err(_) => {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            match serde_path_to_error::deserialize::<_, PlanData>(&mut deserializer) {
                Err(e) => {
                    let path = e.path().to_string();
                    let message = e.into_inner().to_string();
                    Err(PlanError::Invalid { issues: vec![data_issue(path, &message)] })
                }
                Ok(data) => Ok(data),
            }
        }
    }
}

fn syntax_error(text: &str, e: &toml::de::Error) -> PlanError {
    let offset = e.span().map(|s| s.start).unwrap_or(0);
    let (line, column) = line_column(text, offset);
    PlanError::Syntax { line, column, message: e.message().trim().to_owned() }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Classifies a serde data error by its message; serde offers no structured kind.
fn data_issue(path: String, message: &str) -> Issue {
    let message = message.trim();
    let reason = if message.starts_with("missing field") {
        Reason::MissingField
    } else if message.starts_with("unknown field") || message.starts_with("unknown variant") {
        if message.starts_with("unknown variant") { Reason::WrongType } else { Reason::UnknownField }
    } else if message.contains(NOT_A_NUMBER) {
        Reason::NotANumber
    } else if message.starts_with("invalid date")
        || message.contains("input contains invalid characters")
        || message.contains("premature end of input")
        || message.contains("input is out of range")
        || message.contains("no possible date and time matching input")
        || message.contains("input is not enough for unique date and time")
        || message.contains("trailing input")
        || message.contains("input contains invalid characters")
    {
        Reason::InvalidDate
    } else {
        Reason::WrongType
    };
    let mut path = if path == "." { String::new() } else { path };
    // serde locates a missing field at its table; point at the field itself.
    if reason == Reason::MissingField
        && let Some(field) = message.split('`').nth(1)
    {
        path = if path.is_empty() { field.to_owned() } else { format!("{path}.{field}") };
    }
    Issue { reason, path, message: message.to_owned() }
}
