//! Typed errors with stable codes and a path to the offending input.
//!
//! Codes are part of the public contract: bindings expose them unchanged (`.code` in Python and
//! Node, `code` in Kotlin) and the conformance corpus asserts them. Messages never include
//! personal data: they name fields and clauses, not values from people's records.

use serde::Serialize;
use thiserror::Error;

/// At most 40 characters of an input, for messages: enough to recognise a typo, never a whole
/// record pasted where an id was expected, and never an ID number ([`redact`]).
pub(crate) fn shown(text: &str) -> String {
    redact(&text.chars().take(40).collect::<String>()).into_owned()
}

/// What stands for a withheld number in messages and paths.
const WITHHELD: &str = "<number withheld>";

/// Withholds every run of 15 or more digits (an X may end it): the shape of a 身份证号 (15 or 18
/// characters) or of any long account number a person typed into the wrong field. Applied to
/// every message, path and `Debug` text an [`Error`] shows, whatever built it.
pub fn redact(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let mut out: Option<String> = None;
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start >= 15 {
                if i < b.len() && (b[i] == b'X' || b[i] == b'x') {
                    i += 1;
                }
                let o = out.get_or_insert_with(String::new);
                o.push_str(&text[copied..start]);
                o.push_str(WITHHELD);
                copied = i;
            }
        } else {
            i += 1;
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

/// Stable error codes, shared by every binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    PlanEmpty,
    PlanTooLarge,
    PlanNotUtf8,
    PlanSyntax,
    PlanInvalid,
    PlanIo,
    UnknownIndicator,
    UnknownClause,
    UnknownDepartment,
    UnknownRegion,
    InvalidObservation,
    InvalidOptions,
    InvalidWorker,
    UnknownLevel,
    UnknownTitle,
    InvalidRecord,
    TooManyInvalidRecords,
    InvalidRecordSource,
    InvalidTally,
    InvalidProfile,
    InvalidOffer,
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::PlanEmpty => "PLAN_EMPTY",
            ErrorCode::PlanTooLarge => "PLAN_TOO_LARGE",
            ErrorCode::PlanNotUtf8 => "PLAN_NOT_UTF8",
            ErrorCode::PlanSyntax => "PLAN_SYNTAX",
            ErrorCode::PlanInvalid => "PLAN_INVALID",
            ErrorCode::PlanIo => "PLAN_IO",
            ErrorCode::UnknownIndicator => "UNKNOWN_INDICATOR",
            ErrorCode::UnknownClause => "UNKNOWN_CLAUSE",
            ErrorCode::UnknownDepartment => "UNKNOWN_DEPARTMENT",
            ErrorCode::UnknownRegion => "UNKNOWN_REGION",
            ErrorCode::InvalidObservation => "INVALID_OBSERVATION",
            ErrorCode::InvalidOptions => "INVALID_OPTIONS",
            ErrorCode::InvalidWorker => "INVALID_WORKER",
            ErrorCode::UnknownLevel => "UNKNOWN_LEVEL",
            ErrorCode::UnknownTitle => "UNKNOWN_TITLE",
            ErrorCode::InvalidRecord => "INVALID_RECORD",
            ErrorCode::TooManyInvalidRecords => "TOO_MANY_INVALID_RECORDS",
            ErrorCode::InvalidRecordSource => "INVALID_RECORD_SOURCE",
            ErrorCode::InvalidTally => "INVALID_TALLY",
            ErrorCode::InvalidProfile => "INVALID_PROFILE",
            ErrorCode::InvalidOffer => "INVALID_OFFER",
            ErrorCode::Internal => "INTERNAL",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a plan file is invalid: the finer, equally stable, detail of `PLAN_INVALID`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A value of the wrong type (a number where text is expected, …).
    WrongType,
    MissingField,
    /// A key the format does not have (often a typo).
    UnknownField,
    /// A target or amount that is not an exact decimal (floats included).
    NotANumber,
    NegativeTarget,
    /// A date that does not exist or is badly written.
    InvalidDate,
    UnsupportedFormat,
    EmptyId,
    DuplicateId,
    /// A reference to an id that the plan does not define.
    UnknownReference,
    /// A 「其中」 hierarchy that loops back on itself.
    CyclicParent,
    /// A part (其中) whose target is above its whole's.
    PartExceedsWhole,
    /// A part counted in another unit than its whole.
    UnitMismatch,
    /// A period that ends before it starts, or dates out of order.
    DateOrder,
    /// A region code that is not six digits.
    InvalidRegionCode,
    /// Numbers that are out of sequence (measure （三） numbered 4, …).
    NumberMismatch,
    /// A target above the largest value the library computes with (10^15).
    OutOfRange,
    /// A counting rule that cannot be compiled (a test the field does not take, …).
    InvalidRule,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::WrongType => "wrong_type",
            Reason::MissingField => "missing_field",
            Reason::UnknownField => "unknown_field",
            Reason::NotANumber => "not_a_number",
            Reason::NegativeTarget => "negative_target",
            Reason::InvalidDate => "invalid_date",
            Reason::UnsupportedFormat => "unsupported_format",
            Reason::EmptyId => "empty_id",
            Reason::DuplicateId => "duplicate_id",
            Reason::UnknownReference => "unknown_reference",
            Reason::CyclicParent => "cyclic_parent",
            Reason::PartExceedsWhole => "part_exceeds_whole",
            Reason::UnitMismatch => "unit_mismatch",
            Reason::DateOrder => "date_order",
            Reason::InvalidRegionCode => "invalid_region_code",
            Reason::NumberMismatch => "number_mismatch",
            Reason::OutOfRange => "out_of_range",
            Reason::InvalidRule => "invalid_rule",
        }
    }
}

/// One problem found in a plan, located by its path in the file (`indicators[2].parent`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub reason: Reason,
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() { write!(f, "{}", self.message) } else { write!(f, "{}: {}", self.path, self.message) }
    }
}

/// A plan that could not be read or is not valid.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlanError {
    #[error("the plan is empty")]
    Empty,
    #[error("the plan is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("the plan is not valid UTF-8: invalid byte at offset {offset}")]
    NotUtf8 { offset: usize },
    #[error("line {line}, column {column}: {message}")]
    Syntax { line: usize, column: usize, message: String },
    #[error("{}", summarize(.issues))]
    Invalid { issues: Vec<Issue> },
    #[error("cannot read the plan file: {message}")]
    Io { message: String },
}

fn summarize(issues: &[Issue]) -> String {
    match issues {
        [] => "the plan is invalid".to_owned(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more problems)", rest.len()),
    }
}

/// Why an observation was refused: the finer, stable detail of `INVALID_OBSERVATION`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObservationReason {
    UnknownIndicator,
    UnknownRegion,
    InvalidDate,
    /// Not an exact decimal (floats included).
    NotANumber,
    NegativeValue,
    /// Above 10^15, the largest value the library computes with.
    OutOfRange,
    UnknownKind,
    BeforePlanStart,
    AfterPlanEnd,
    /// Two values for the same day or period of one series.
    DuplicateDate,
    /// A cumulative series that goes down.
    DecreasingCumulative,
    /// Cumulative and per-period values in one series.
    MixedKinds,
    /// A field of the wrong type.
    WrongType,
    MissingField,
    UnknownField,
    /// Text that is not valid JSON or CSV.
    Syntax,
}

impl ObservationReason {
    pub fn as_str(self) -> &'static str {
        match self {
            ObservationReason::UnknownIndicator => "unknown_indicator",
            ObservationReason::UnknownRegion => "unknown_region",
            ObservationReason::InvalidDate => "invalid_date",
            ObservationReason::NotANumber => "not_a_number",
            ObservationReason::NegativeValue => "negative_value",
            ObservationReason::OutOfRange => "out_of_range",
            ObservationReason::UnknownKind => "unknown_kind",
            ObservationReason::BeforePlanStart => "before_plan_start",
            ObservationReason::AfterPlanEnd => "after_plan_end",
            ObservationReason::DuplicateDate => "duplicate_date",
            ObservationReason::DecreasingCumulative => "decreasing_cumulative",
            ObservationReason::MixedKinds => "mixed_kinds",
            ObservationReason::WrongType => "wrong_type",
            ObservationReason::MissingField => "missing_field",
            ObservationReason::UnknownField => "unknown_field",
            ObservationReason::Syntax => "syntax",
        }
    }
}

/// An observation that cannot be used, located by its path (`observations[3].value`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{path}: {message}")]
pub struct ObservationError {
    pub reason: ObservationReason,
    pub path: String,
    pub message: String,
}

/// Options of a computation that cannot be used (a bad as-of date, weights, milestones, …).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{path}: {message}")]
pub struct OptionsError {
    pub path: String,
    pub message: String,
}

/// A query that names something the plan does not have.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QueryError {
    #[error("unknown indicator {0:?}")]
    UnknownIndicator(String),
    #[error(
        "unknown clause {0:?}: use a chapter (三), a measure (（二十五） or 25), a column (专栏2) or a column item (专栏2.1)"
    )]
    UnknownClause(String),
    #[error("unknown department {0:?}: use an id (education), a short name (省教育厅) or a full name")]
    UnknownDepartment(String),
    #[error("unknown region {0:?}: use an id (changchun) or a GB/T 2260 code (220100)")]
    UnknownRegion(String),
    #[error("unknown skill level {0:?}: use an id such as senior or technician")]
    UnknownLevel(String),
    #[error("unknown professional title {0:?}")]
    UnknownTitle(String),
}

/// Every error the library returns. Its message, path, issues and `Debug` text go through
/// [`redact`]: no ID number shows, even one a person typed where a key or a date belongs.
#[derive(Clone, PartialEq, Eq, Error)]
pub enum Error {
    #[error("{}", message(&.0.to_string()))]
    Plan(#[from] PlanError),
    #[error("{}", message(&.0.to_string()))]
    Query(#[from] QueryError),
    #[error("{}", message(&.0.to_string()))]
    Observation(#[from] ObservationError),
    #[error("{}", message(&.0.to_string()))]
    Options(#[from] OptionsError),
    #[error("{}", message(&.0.to_string()))]
    Worker(#[from] crate::pathway::WorkerError),
    #[error("{}", message(&.0.to_string()))]
    Records(#[from] RecordsError),
    #[error("{}", message(&.0.to_string()))]
    Profile(#[from] crate::eligibility::ProfileError),
    #[error(transparent)]
    Internal(#[from] InternalError),
}

/// A message as an [`Error`] shows it: redacted, and at most 500 characters, since a parser's
/// message may quote a whole string of the input.
fn message(text: &str) -> String {
    let text = redact(text);
    match text.char_indices().nth(500) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.into_owned(),
    }
}

impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Error")
            .field("code", &self.code())
            .field("path", &self.path())
            .field("reason", &self.reason())
            .field("message", &self.to_string())
            .finish()
    }
}

/// A fault inside skillplan (a bug, caught at the boundary by [`crate::fault::catch`]), code
/// `INTERNAL`. It names the operation and nothing of the input.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "internal fault in {operation}: a bug in skillplan, not in the input; please report it (the call's input is not included)"
)]
pub struct InternalError {
    /// The exported call that failed, e.g. `check_eligibility`.
    pub operation: String,
}

/// Training or base records that cannot be counted: a bad row in strict mode
/// (`INVALID_RECORD`), too many bad rows (`TOO_MANY_INVALID_RECORDS`), a file or stream that
/// cannot be read as records (`INVALID_RECORD_SOURCE`), or a partial tally that does not fit
/// (`INVALID_TALLY`). Messages name fields and rows, never a value from a record.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{path}: {message}")]
pub struct RecordsError {
    pub code: ErrorCode,
    /// Stable detail, e.g. `unknown_region` or `missing_column`.
    pub reason: &'static str,
    /// `rows[12].region` (rows count from 1, the header excluded), a column name, or a field.
    pub path: String,
    pub message: String,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Plan(e) => e.code(),
            Error::Query(e) => e.code(),
            Error::Observation(_) => ErrorCode::InvalidObservation,
            Error::Options(_) => ErrorCode::InvalidOptions,
            Error::Worker(_) => ErrorCode::InvalidWorker,
            Error::Records(e) => e.code,
            Error::Profile(e) => e.code,
            Error::Internal(_) => ErrorCode::Internal,
        }
    }

    /// Where the problem is: a path into the plan file, or the argument a query was given.
    pub fn path(&self) -> String {
        let path = self.raw_path();
        redact(&path).into_owned()
    }

    fn raw_path(&self) -> String {
        match self {
            Error::Plan(e) => e.path(),
            Error::Query(e) => e.path().to_owned(),
            Error::Observation(e) => e.path.clone(),
            Error::Options(e) => e.path.clone(),
            Error::Worker(e) => e.path.clone(),
            Error::Records(e) => e.path.clone(),
            Error::Profile(e) => e.path.clone(),
            Error::Internal(_) => String::new(),
        }
    }

    /// The finer, stable reason of `PLAN_INVALID` and `INVALID_OBSERVATION`.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            Error::Plan(PlanError::Invalid { issues }) => issues.first().map(|i| i.reason.as_str()),
            Error::Observation(e) => Some(e.reason.as_str()),
            Error::Worker(e) => Some(e.reason),
            Error::Records(e) => Some(e.reason),
            Error::Profile(e) => Some(e.reason),
            Error::Internal(_) => Some("panic"),
            _ => None,
        }
    }

    /// Every problem found, for `PLAN_INVALID`; empty for errors that stop reading at once.
    pub fn issues(&self) -> Vec<Issue> {
        match self {
            Error::Plan(PlanError::Invalid { issues }) => issues
                .iter()
                .map(|i| Issue { reason: i.reason, path: redact(&i.path).into_owned(), message: message(&i.message) })
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl PlanError {
    pub fn code(&self) -> ErrorCode {
        match self {
            PlanError::Empty => ErrorCode::PlanEmpty,
            PlanError::TooLarge { .. } => ErrorCode::PlanTooLarge,
            PlanError::NotUtf8 { .. } => ErrorCode::PlanNotUtf8,
            PlanError::Syntax { .. } => ErrorCode::PlanSyntax,
            PlanError::Invalid { .. } => ErrorCode::PlanInvalid,
            PlanError::Io { .. } => ErrorCode::PlanIo,
        }
    }

    pub fn path(&self) -> String {
        match self {
            PlanError::Invalid { issues } => issues.first().map(|i| i.path.clone()).unwrap_or_default(),
            PlanError::Syntax { line, column, .. } => format!("line {line}, column {column}"),
            _ => String::new(),
        }
    }
}

impl QueryError {
    pub fn code(&self) -> ErrorCode {
        match self {
            QueryError::UnknownIndicator(_) => ErrorCode::UnknownIndicator,
            QueryError::UnknownClause(_) => ErrorCode::UnknownClause,
            QueryError::UnknownDepartment(_) => ErrorCode::UnknownDepartment,
            QueryError::UnknownRegion(_) => ErrorCode::UnknownRegion,
            QueryError::UnknownLevel(_) => ErrorCode::UnknownLevel,
            QueryError::UnknownTitle(_) => ErrorCode::UnknownTitle,
        }
    }

    /// The name of the argument that was not found.
    pub fn path(&self) -> &'static str {
        match self {
            QueryError::UnknownIndicator(_) => "id",
            QueryError::UnknownClause(_) => "id",
            QueryError::UnknownDepartment(_) => "department",
            QueryError::UnknownRegion(_) => "region",
            QueryError::UnknownLevel(_) => "level",
            QueryError::UnknownTitle(_) => "title",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn long_digit_runs_are_withheld_and_the_rest_kept() {
        assert_eq!(redact("profile.110105194912310021"), "profile.<number withheld>");
        assert_eq!(redact("id 11010519491231002X and 110105491231002."), "id <number withheld> and <number withheld>.");
        assert_eq!(redact("rows[12].region: 220100 is 2023-05-01"), "rows[12].region: 220100 is 2023-05-01");
        assert_eq!(redact("the value 1000000000000001 is above 10^15"), "the value <number withheld> is above 10^15");
    }
}
