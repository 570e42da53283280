//! What is known of a worker, as every host hands it over: levels held, diplomas, dates of work
//! and apprenticeship, read from JSON with a typed error and the path of the field, and checked
//! against the plan's ladder.

use chrono::NaiveDate;
use serde::Serialize;

use crate::basics::date_text;
use crate::basics::text::shown;
use crate::error::WorkerError;
use crate::model::SchoolType;
use crate::plan::Plan;

/// Parses a school type name at `path`, or the typed error.
pub fn school(text: &str, path: impl Into<String>) -> Result<SchoolType, WorkerError> {
    SchoolType::parse(text.trim()).ok_or_else(|| {
        let known: Vec<&str> = SchoolType::ALL.iter().map(|s| s.as_str()).collect();
        WorkerError::new(
            "unknown_school",
            path,
            format!("unknown school type {:?}: use one of {}", shown(text), known.join(", ")),
        )
    })
}

/// A level (certificate or post) the worker holds, and since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeldLevel {
    /// Level id of the plan's ladder, e.g. `junior`.
    pub level: String,
    /// The date the level was obtained; not after the as-of date.
    #[serde(with = "date_text")]
    pub obtained_on: NaiveDate,
}

/// A school diploma, finished or (with `graduated_on` absent or later) in the final year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diploma {
    /// A [`SchoolType`] name: technical_school, technician_college, junior_college, bachelor, …
    pub school: String,
    /// Graduation date, past or expected; absent when not known.
    #[serde(with = "date_text::option")]
    pub graduated_on: Option<NaiveDate>,
    /// In the final year of study (在校应届毕业生).
    pub final_year: bool,
}

/// What is known of a worker. Anything unknown may be left out; a route that needs it says so.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Worker {
    /// Occupation code or name with its own requirements in the plan; the default template otherwise.
    pub occupation: Option<String>,
    /// Start of (continuous) work in the occupation or a related one.
    #[serde(with = "date_text::option")]
    pub work_started_on: Option<NaiveDate>,
    /// The levels held, each at most once.
    pub levels: Vec<HeldLevel>,
    /// Date an apprenticeship was completed (学徒期满), if any.
    #[serde(with = "date_text::option")]
    pub apprenticeship_completed_on: Option<NaiveDate>,
    /// School diplomas, finished or in the final year.
    pub diplomas: Vec<Diploma>,
    /// Date of a 预备技师 certificate, if any.
    #[serde(with = "date_text::option")]
    pub preparatory_technician_on: Option<NaiveDate>,
}

/// Checks a worker against the plan's ladder.
pub(super) fn check_worker(plan: &Plan, worker: &Worker, as_of: NaiveDate) -> Result<(), WorkerError> {
    let mut seen = Vec::new();
    for (i, held) in worker.levels.iter().enumerate() {
        let path = format!("worker.levels[{i}]");
        if plan.skill_level(&held.level).is_none() {
            return Err(WorkerError::new(
                "unknown_level",
                format!("{path}.level"),
                format!("unknown skill level {:?}", shown(&held.level)),
            ));
        }
        if seen.iter().any(|s| s == held.level.trim()) {
            return Err(WorkerError::new(
                "duplicate_level",
                format!("{path}.level"),
                format!("level {:?} is listed twice", held.level),
            ));
        }
        if held.obtained_on > as_of {
            return Err(WorkerError::new(
                "future_date",
                format!("{path}.obtained_on"),
                "the date is after the as-of date",
            ));
        }
        seen.push(held.level.trim().to_owned());
    }
    for (i, d) in worker.diplomas.iter().enumerate() {
        school(&d.school, format!("worker.diplomas[{i}].school"))?;
    }
    for (field, date) in [
        ("work_started_on", worker.work_started_on),
        ("apprenticeship_completed_on", worker.apprenticeship_completed_on),
        ("preparatory_technician_on", worker.preparatory_technician_on),
    ] {
        if date.is_some_and(|d| d > as_of) {
            return Err(WorkerError::new("future_date", format!("worker.{field}"), "the date is after the as-of date"));
        }
    }
    Ok(())
}

/// Reads a worker from JSON text:
/// `{"occupation", "work_started_on", "levels": [{"level", "obtained_on"}],
///   "apprenticeship_completed_on", "diplomas": [{"school", "graduated_on", "final_year"}],
///   "preparatory_technician_on"}`, every field optional, dates ISO.
pub fn parse_worker_json(text: &str) -> Result<Worker, WorkerError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        WorkerError::new("syntax", format!("line {}, column {}", e.line(), e.column()), format!("not valid JSON: {e}"))
    })?;
    worker_from_value(&value)
}

/// Reads a worker from a JSON value (see [`parse_worker_json`]).
pub fn worker_from_value(value: &serde_json::Value) -> Result<Worker, WorkerError> {
    use serde_json::Value;
    let Value::Object(map) = value else { return Err(WorkerError::new("wrong_type", "worker", "expected an object")) };
    const FIELDS: [&str; 6] = [
        "occupation",
        "work_started_on",
        "levels",
        "apprenticeship_completed_on",
        "diplomas",
        "preparatory_technician_on",
    ];
    if let Some(key) = map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(WorkerError::new("unknown_field", format!("worker.{}", shown(key)), "unknown field"));
    }
    let text = |v: Option<&Value>, path: &str| -> Result<Option<String>, WorkerError> {
        match v {
            None | Some(Value::Null) => Ok(None),
            // As a profile's texts: nothing a person types is longer.
            Some(Value::String(s)) if s.chars().count() > 200 => {
                Err(WorkerError::new("too_long", path, "longer than 200 characters"))
            }
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(WorkerError::new("wrong_type", path, "expected a string")),
        }
    };
    let date = |v: Option<&Value>, path: &str| -> Result<Option<NaiveDate>, WorkerError> {
        text(v, path)?.map(|t| date_text::parse(t.trim()).map_err(|m| WorkerError::invalid_date(path, m))).transpose()
    };
    let list = |key: &str| -> Result<Vec<Value>, WorkerError> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => Ok(items.clone()),
            Some(_) => Err(WorkerError::new("wrong_type", format!("worker.{key}"), "expected an array")),
        }
    };
    // Each element's keys are checked as the worker's are: a typo is refused, not ignored.
    let keys = |item: &Value, path: &str, fields: &[&str]| -> Result<(), WorkerError> {
        match item {
            Value::Object(m) => match m.keys().find(|k| !fields.contains(&k.as_str())) {
                Some(key) => Err(WorkerError::new("unknown_field", format!("{path}.{}", shown(key)), "unknown field")),
                None => Ok(()),
            },
            _ => Ok(()),
        }
    };
    let mut levels = Vec::new();
    for (i, item) in list("levels")?.iter().enumerate() {
        let path = format!("worker.levels[{i}]");
        keys(item, &path, &["level", "obtained_on"])?;
        let level = text(item.get("level"), &format!("{path}.level"))?
            .ok_or_else(|| WorkerError::new("missing_field", format!("{path}.level"), "the level is missing"))?;
        let obtained_on = date(item.get("obtained_on"), &format!("{path}.obtained_on"))?.ok_or_else(|| {
            WorkerError::new(
                "missing_field",
                format!("{path}.obtained_on"),
                "the date the level was obtained is missing",
            )
        })?;
        levels.push(HeldLevel { level, obtained_on });
    }
    let mut diplomas = Vec::new();
    for (i, item) in list("diplomas")?.iter().enumerate() {
        let path = format!("worker.diplomas[{i}]");
        keys(item, &path, &["school", "graduated_on", "final_year"])?;
        let school = text(item.get("school"), &format!("{path}.school"))?
            .ok_or_else(|| WorkerError::new("missing_field", format!("{path}.school"), "the school type is missing"))?;
        let final_year = match item.get("final_year") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                return Err(WorkerError::new("wrong_type", format!("{path}.final_year"), "expected true or false"));
            }
        };
        diplomas.push(Diploma {
            school,
            graduated_on: date(item.get("graduated_on"), &format!("{path}.graduated_on"))?,
            final_year,
        });
    }
    Ok(Worker {
        occupation: text(map.get("occupation"), "worker.occupation")?,
        work_started_on: date(map.get("work_started_on"), "worker.work_started_on")?,
        levels,
        apprenticeship_completed_on: date(
            map.get("apprenticeship_completed_on"),
            "worker.apprenticeship_completed_on",
        )?,
        diplomas,
        preparatory_technician_on: date(map.get("preparatory_technician_on"), "worker.preparatory_technician_on")?,
    })
}
