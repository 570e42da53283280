//! Typed errors with stable codes and a path to the offending input: every error of the library,
//! of every layer and capability, is defined here.
//!
//! Codes are part of the public contract: bindings expose them unchanged (`.code` in Python and
//! Node, `code` in Kotlin) and the conformance corpus asserts them. Messages never include
//! personal data: they name fields and clauses, not values from people's records.

use chrono::NaiveDate;
use serde::Serialize;

use crate::basics::closed_set::closed_set;
use thiserror::Error;

use crate::basics::date_text::YEARS;
pub use crate::basics::text::redact;

closed_set! {
    /// Stable error codes, shared by every binding.
    pub enum ErrorCode {
        /// The plan file holds nothing but blanks and comments.
        PlanEmpty = "PLAN_EMPTY",
        /// The plan file is over [`crate::MAX_PLAN_BYTES`].
        PlanTooLarge = "PLAN_TOO_LARGE",
        /// The plan file is not UTF-8.
        PlanNotUtf8 = "PLAN_NOT_UTF8",
        /// The plan file is not valid TOML (or canonical JSON).
        PlanSyntax = "PLAN_SYNTAX",
        /// The plan file reads but breaks a rule of the format; see the issues.
        PlanInvalid = "PLAN_INVALID",
        /// The plan file cannot be read.
        PlanIo = "PLAN_IO",
        /// A query names an indicator the plan does not have.
        UnknownIndicator = "UNKNOWN_INDICATOR",
        /// A query names a clause the plan does not have.
        UnknownClause = "UNKNOWN_CLAUSE",
        /// A query names a department the plan does not have.
        UnknownDepartment = "UNKNOWN_DEPARTMENT",
        /// A query names a region the plan does not have.
        UnknownRegion = "UNKNOWN_REGION",
        /// An observation cannot be used.
        InvalidObservation = "INVALID_OBSERVATION",
        /// An option of a computation (an as-of date, milestones, weights, …) cannot be used.
        InvalidOptions = "INVALID_OPTIONS",
        /// A worker description cannot be used.
        InvalidWorker = "INVALID_WORKER",
        /// A query names a skill level the plan does not have.
        UnknownLevel = "UNKNOWN_LEVEL",
        /// A query names a professional title the plan does not have.
        UnknownTitle = "UNKNOWN_TITLE",
        /// A record is invalid and counting is strict.
        InvalidRecord = "INVALID_RECORD",
        /// More invalid records than the call allows.
        TooManyInvalidRecords = "TOO_MANY_INVALID_RECORDS",
        /// A file or stream cannot be read as records.
        InvalidRecordSource = "INVALID_RECORD_SOURCE",
        /// A partial tally does not fit (another plan, a count out of range, bad JSON).
        InvalidTally = "INVALID_TALLY",
        /// A person profile cannot be used.
        InvalidProfile = "INVALID_PROFILE",
        /// A training offer cannot be used.
        InvalidOffer = "INVALID_OFFER",
        /// A fault inside skillplan: a bug, not a problem of the input.
        Internal = "INTERNAL",
    }
}

closed_set! {
    /// The kind of error a host raises for a code: every binding maps these four, and only these,
    /// to its own error types (Python's exception classes, Kotlin's sealed exception, Node's
    /// `Error` with its `kind`), so a new code can never be misfiled.
    pub enum ErrorClass {
        /// A plan file that cannot be read or is invalid (`PLAN_*`).
        Plan = "plan",
        /// A query that names something the plan does not have (`UNKNOWN_*`).
        NotFound = "not_found",
        /// Input that cannot be used: observations, options, workers, records, profiles, offers.
        InvalidInput = "invalid_input",
        /// A fault inside skillplan (`INTERNAL`).
        Internal = "internal",
    }
}

impl ErrorCode {
    /// The kind of error a host raises for this code. The match has no catch-all: a new code
    /// does not compile until it has a class.
    pub fn class(self) -> ErrorClass {
        match self {
            ErrorCode::PlanEmpty
            | ErrorCode::PlanTooLarge
            | ErrorCode::PlanNotUtf8
            | ErrorCode::PlanSyntax
            | ErrorCode::PlanInvalid
            | ErrorCode::PlanIo => ErrorClass::Plan,
            ErrorCode::UnknownIndicator
            | ErrorCode::UnknownClause
            | ErrorCode::UnknownDepartment
            | ErrorCode::UnknownRegion
            | ErrorCode::UnknownLevel
            | ErrorCode::UnknownTitle => ErrorClass::NotFound,
            ErrorCode::InvalidObservation
            | ErrorCode::InvalidOptions
            | ErrorCode::InvalidWorker
            | ErrorCode::InvalidRecord
            | ErrorCode::TooManyInvalidRecords
            | ErrorCode::InvalidRecordSource
            | ErrorCode::InvalidTally
            | ErrorCode::InvalidProfile
            | ErrorCode::InvalidOffer => ErrorClass::InvalidInput,
            ErrorCode::Internal => ErrorClass::Internal,
        }
    }
}

closed_set! {
    /// Why a plan file is invalid: the finer, equally stable, detail of `PLAN_INVALID`.
    pub enum Reason {
        /// A value of the wrong type (a number where text is expected, …).
        WrongType = "wrong_type",
        /// A required key or entry is absent (a route with no condition, no `default` requirements, …).
        MissingField = "missing_field",
        /// A key the format does not have (often a typo).
        UnknownField = "unknown_field",
        /// A target or amount that is not an exact decimal (floats included).
        NotANumber = "not_a_number",
        /// A target or amount below zero.
        NegativeTarget = "negative_target",
        /// A date that does not exist or is badly written.
        InvalidDate = "invalid_date",
        /// A `format` version this library does not read.
        UnsupportedFormat = "unsupported_format",
        /// An id that is empty or only blanks.
        EmptyId = "empty_id",
        /// An id (or a region code) defined twice.
        DuplicateId = "duplicate_id",
        /// A reference to an id that the plan does not define.
        UnknownReference = "unknown_reference",
        /// A 「其中」 hierarchy that loops back on itself.
        CyclicParent = "cyclic_parent",
        /// A part (其中) whose target is above its whole's.
        PartExceedsWhole = "part_exceeds_whole",
        /// A part counted in another unit than its whole.
        UnitMismatch = "unit_mismatch",
        /// A period that ends before it starts, or dates out of order.
        DateOrder = "date_order",
        /// A region code that is not six digits.
        InvalidRegionCode = "invalid_region_code",
        /// Numbers that are out of sequence (a column item or a skill level not numbered by its position).
        NumberMismatch = "number_mismatch",
        /// A value outside its range: a target above 10^15 (the largest value the library computes
        /// with), a milestone outside 0…target, more terms or statuses than a rule can hold.
        OutOfRange = "out_of_range",
        /// A counting rule that cannot be compiled (a test the field does not take, …).
        InvalidRule = "invalid_rule",
    }
}

/// One problem found in a plan, located by its path in the file (`indicators[2].parent`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Issue {
    /// Why the plan is invalid there.
    pub reason: Reason,
    /// The path in the plan file, e.g. `indicators[2].parent`; empty for the file as a whole.
    pub path: String,
    /// What is wrong, in English.
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
    /// The file holds nothing but blanks and comments (`PLAN_EMPTY`).
    #[error("the plan is empty")]
    Empty,
    /// The file is over [`crate::MAX_PLAN_BYTES`] (`PLAN_TOO_LARGE`).
    #[error("the plan is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The file's size, in bytes.
        size: u64,
        /// The largest size accepted, in bytes.
        limit: u64,
    },
    /// The file is not UTF-8 (`PLAN_NOT_UTF8`).
    #[error("the plan is not valid UTF-8: invalid byte at offset {offset}")]
    NotUtf8 {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// The text is not valid TOML or JSON (`PLAN_SYNTAX`).
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The file reads but breaks rules of the format (`PLAN_INVALID`).
    #[error("{}", summarize(.issues))]
    Invalid {
        /// Every problem found, not just the first.
        issues: Vec<Issue>,
    },
    /// The file cannot be read (`PLAN_IO`).
    #[error("cannot read the plan file: {message}")]
    Io {
        /// The kind of I/O error (`entity not found`, `permission denied`, …), never the path.
        message: String,
    },
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
    /// An indicator the plan does not have.
    UnknownIndicator,
    /// A region the plan does not have.
    UnknownRegion,
    /// A date that does not exist or is not written `YYYY-MM-DD`.
    InvalidDate,
    /// Not an exact decimal (floats included).
    NotANumber,
    /// A value below zero.
    NegativeValue,
    /// Above 10^15, the largest value the library computes with.
    OutOfRange,
    /// A `kind` other than `cumulative`, `day`, `month`, `quarter` or `year`.
    UnknownKind,
    /// A date before the plan period starts.
    BeforePlanStart,
    /// A date after the plan period ends.
    AfterPlanEnd,
    /// Two values for the same day or period of one series.
    DuplicateDate,
    /// A cumulative series that goes down.
    DecreasingCumulative,
    /// Cumulative and per-period values in one series.
    MixedKinds,
    /// A field of the wrong type.
    WrongType,
    /// A required field (or CSV column) is absent.
    MissingField,
    /// A field the observation format does not have.
    UnknownField,
    /// Text that is not valid JSON or CSV.
    Syntax,
}

impl ObservationReason {
    /// The reason as every binding shows it, e.g. `before_plan_start`.
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
    /// Why the observation was refused.
    pub reason: ObservationReason,
    /// The field at fault, e.g. `observations[3].value`.
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
}

/// Options of a computation that cannot be used (a bad as-of date, weights, milestones, …).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{path}: {message}")]
pub struct OptionsError {
    /// The option at fault, e.g. `as_of`.
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
}

/// A query that names something the plan does not have.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QueryError {
    /// No indicator has this id (`UNKNOWN_INDICATOR`); the text is the argument, cut short.
    #[error("unknown indicator {0:?}")]
    UnknownIndicator(String),
    /// No chapter, measure, column or column item is written so (`UNKNOWN_CLAUSE`).
    #[error(
        "unknown clause {0:?}: use a chapter (三), a measure (（二十五） or 25), a column (专栏2) or a column item (专栏2.1)"
    )]
    UnknownClause(String),
    /// No department has this id or name (`UNKNOWN_DEPARTMENT`).
    #[error("unknown department {0:?}: use an id (education), a short name (省教育厅) or a full name")]
    UnknownDepartment(String),
    /// No region has this id or code (`UNKNOWN_REGION`).
    #[error("unknown region {0:?}: use an id (changchun) or a GB/T 2260 code (220100)")]
    UnknownRegion(String),
    /// No skill level has this id (`UNKNOWN_LEVEL`).
    #[error("unknown skill level {0:?}: use an id such as senior or technician")]
    UnknownLevel(String),
    /// No professional title has this id or name (`UNKNOWN_TITLE`).
    #[error("unknown professional title {0:?}")]
    UnknownTitle(String),
}

/// Every error the library returns. Its message, path, issues and `Debug` text go through
/// [`redact`]: no ID number shows, even one a person typed where a key or a date belongs.
#[derive(Clone, PartialEq, Eq, Error)]
pub enum Error {
    /// A plan that cannot be read or is invalid (`PLAN_*`).
    #[error("{}", message(&.0.to_string()))]
    Plan(#[from] PlanError),
    /// A query that names something the plan does not have (`UNKNOWN_*`).
    #[error("{}", message(&.0.to_string()))]
    Query(#[from] QueryError),
    /// An observation that cannot be used (`INVALID_OBSERVATION`).
    #[error("{}", message(&.0.to_string()))]
    Observation(#[from] ObservationError),
    /// Options of a computation that cannot be used (`INVALID_OPTIONS`).
    #[error("{}", message(&.0.to_string()))]
    Options(#[from] OptionsError),
    /// A worker description that cannot be used (`INVALID_WORKER`).
    #[error("{}", message(&.0.to_string()))]
    Worker(#[from] WorkerError),
    /// Records, a record source or a tally that cannot be used (`INVALID_RECORD`, …).
    #[error("{}", message(&.0.to_string()))]
    Records(#[from] RecordsError),
    /// A profile or an offer that cannot be used (`INVALID_PROFILE`, `INVALID_OFFER`).
    #[error("{}", message(&.0.to_string()))]
    Profile(#[from] ProfileError),
    /// A fault inside skillplan (`INTERNAL`).
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

/// A fault inside skillplan (a bug, caught at the boundary by [`crate::host::catch`]), code
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
    /// `INVALID_RECORD`, `TOO_MANY_INVALID_RECORDS`, `INVALID_RECORD_SOURCE` or `INVALID_TALLY`.
    pub code: ErrorCode,
    /// Stable detail, e.g. `unknown_region` or `missing_column`.
    pub reason: &'static str,
    /// `rows[12].region` (rows count from 1, the header excluded), a column name, or a field.
    pub path: String,
    /// What is wrong, in English; never a value from a record.
    pub message: String,
}

impl Error {
    /// The stable code, as every binding exposes it.
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

    /// Where the problem is: a path into the plan file or the input (`observations[3].value`), or
    /// the name of the argument a query was given (`region`).
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

    /// The finer, stable reason: the first issue's for `PLAN_INVALID`, the reason of an observation,
    /// worker, records, profile or offer error, and `panic` for `INTERNAL`; `None` for the others.
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
    /// The `PLAN_*` code of this error.
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

    /// Where the problem is: the first issue's path, `line L, column C` for a syntax error, or
    /// empty.
    pub fn path(&self) -> String {
        match self {
            PlanError::Invalid { issues } => issues.first().map(|i| i.path.clone()).unwrap_or_default(),
            PlanError::Syntax { line, column, .. } => format!("line {line}, column {column}"),
            _ => String::new(),
        }
    }
}

impl QueryError {
    /// The `UNKNOWN_*` code of this error.
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

/// Why a worker description was refused: the reason of `INVALID_WORKER`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{path}: {message}")]
pub struct WorkerError {
    /// `unknown_level`, `unknown_school`, `duplicate_level`, `future_date`, `invalid_date`,
    /// `wrong_type`, `missing_field`, `unknown_field`, `too_long`, `syntax`.
    pub reason: &'static str,
    /// The field at fault, e.g. `worker.diplomas[0].school`.
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
}

impl WorkerError {
    /// The error with `reason` at `path`.
    pub fn new(reason: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        WorkerError { reason, path: path.into(), message: message.into() }
    }

    /// The error for a date a host could not turn into an ISO date.
    pub fn invalid_date(path: impl Into<String>, message: impl Into<String>) -> Self {
        WorkerError::new("invalid_date", path, message)
    }
}

/// Why a profile or an offer was refused: `INVALID_PROFILE` or `INVALID_OFFER`, a stable
/// reason, and the path of the field (`profile.certificates[2].date`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{path}: {message}")]
pub struct ProfileError {
    /// `INVALID_PROFILE` or `INVALID_OFFER`.
    pub code: ErrorCode,
    /// `syntax`, `wrong_type`, `unknown_field`, `unknown_value`, `missing_field`, `invalid_date`,
    /// `out_of_range`, `too_long`, `too_many`, `invalid_id_number`, `inconsistent_id_number`,
    /// `future_date`, `unsupported_format`.
    pub reason: &'static str,
    /// The field at fault, e.g. `profile.certificates[2].date`.
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
}

impl ProfileError {
    /// The error with `code` and `reason` at `path`.
    pub fn new(code: ErrorCode, reason: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        ProfileError { code, reason, path: path.into(), message: message.into() }
    }

    /// The same error for the `index`-th profile of a batch: `profile.sex` → `profiles[3].sex`.
    pub fn in_batch(mut self, index: usize) -> Self {
        if let Some(rest) = self.path.strip_prefix("profile") {
            self.path = format!("profiles[{index}]{rest}");
        }
        self
    }

    /// The error at any path (`profile…`, `offer…`, `rows[3]…`), with the code that path implies.
    pub fn at_path(reason: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        ProfileError::at(reason, path, message)
    }

    /// The error for JSON text of a profile or offer (`what`) that does not parse.
    pub fn at_syntax(what: &str, line: usize, column: usize) -> Self {
        ProfileError::at("syntax", what, format!("not valid JSON (line {line}, column {column})"))
    }

    /// The error for a profile (`profile.*`) or offer (`offer.*`) path.
    pub(crate) fn at(reason: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        let path = path.into();
        let code = if path.starts_with("offer") { ErrorCode::InvalidOffer } else { ErrorCode::InvalidProfile };
        ProfileError::new(code, reason, path, message)
    }
}

impl OptionsError {
    /// Refuses an as-of date outside [`YEARS`] (`INVALID_OPTIONS` at `as_of`): hosts whose date
    /// type holds any year (Kotlin's LocalDate, Rust's NaiveDate) get the check that text gets
    /// from [`crate::date_text::parse`].
    pub fn check_as_of(as_of: NaiveDate) -> Result<(), Error> {
        if YEARS.contains(&chrono::Datelike::year(&as_of)) {
            Ok(())
        } else {
            let message = format!("the year is outside {}–{}", YEARS.start(), YEARS.end());
            Err(OptionsError { path: "as_of".into(), message }.into())
        }
    }
}
