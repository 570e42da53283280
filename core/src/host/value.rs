//! The host-value policy: how a value a host hands over — a Python dict or DataFrame row, a
//! JavaScript object, anything a binding cannot pass as a typed record — is read before the
//! core's readers see it. Each binding says what its values are ([`HostValue`]); [`to_json`]
//! applies the policy below, the same in every host, and yields the JSON value the core's
//! readers (records, observations, options, profiles, offers, workers) take with their paths.
//!
//! | host value | in rows (records, observations, options, roster rows) | in documents (a profile, an offer, a worker) |
//! |---|---|---|
//! | nested deeper than [`MAX_DEPTH`] | the field is of the wrong type | the document is refused (`wrong_type`) |
//! | NaN | absent: the missing value of a table | the document is refused (`wrong_type`) |
//! | ±Infinity | a number that is not exact: refused where the field reads it | the document is refused (`wrong_type`) |
//! | a finite float | a number: whole ones (12.0) count where a count is read; fractions are refused | the same |
//! | an integer beyond 64 bits | its digits, as text | the same |
//! | an exact decimal (Python `Decimal`) | its plain digits, as text (`1E+3` → `1000`) | the same |
//! | a date | its ISO text | the same |
//! | a datetime at midnight | its date | its date |
//! | a datetime with a time of day | records and roster rows: its date (exports carry timestamps); elsewhere the field is of the wrong type | the document is refused (`wrong_type`) |
//! | any other type | the field is of the wrong type | the document is refused (`wrong_type`) |
//!
//! A "field of the wrong type" is passed on as an empty JSON object, which no field of any
//! format takes, so the reader refuses it at its own path with its own reason.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde_json::{Map, Number, Value};

use crate::error::{Error, ObservationError, ObservationReason, OptionsError, ProfileError, WorkerError};

/// How deep a host value may nest: as serde_json's own limit for JSON text.
pub const MAX_DEPTH: usize = 128;

/// What a host value is, as far as the policy cares.
#[derive(Debug)]
pub enum HostKind<'a, V> {
    /// `None`, `null`, `undefined`.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer that fits 64 bits.
    Int(i64),
    /// An integer beyond 64 bits, as its decimal digits.
    BigInt(String),
    /// A binary float (NaN and the infinities included).
    Float(f64),
    /// Text.
    Text(Cow<'a, str>),
    /// An exact decimal, as its plain digits (no exponent).
    Decimal(String),
    /// A calendar date.
    Date(NaiveDate),
    /// A date and time; `midnight` when the time of day is 00:00:00 exactly.
    DateTime {
        /// The date part.
        date: NaiveDate,
        /// True when there is no time of day to lose.
        midnight: bool,
    },
    /// A list (array, tuple).
    List(Vec<V>),
    /// A mapping with text keys (dict, object), in the host's order.
    Map(Vec<(String, V)>),
    /// A type no format takes; the name is the host's, for the message.
    Unsupported(String),
}

/// A value as a binding sees it: it says what the value is, and the policy does the rest.
pub trait HostValue: Sized {
    /// What the value is. A host error while looking (a failing `__iter__`, a getter that
    /// throws) is `Unsupported`.
    fn kind(&self) -> HostKind<'_, Self>;
}

/// The kind of argument a value is: rows of a table and documents read differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Argument<'p> {
    /// Training or base records, `rows` of a table.
    Records,
    /// Observations, rows of a table.
    Observations,
    /// Rows of a roster (one profile each).
    Roster,
    /// Rows of options: milestones, regional targets, weights, thresholds.
    Options,
    /// A profile, at its path (`profile`, or `profiles[3]` in a batch).
    Profile(&'p str),
    /// A training offer.
    Offer,
    /// A worker.
    Worker,
}

impl Argument<'_> {
    fn is_document(self) -> bool {
        matches!(self, Argument::Profile(_) | Argument::Offer | Argument::Worker)
    }

    /// Rows whose date fields ignore a time of day (the record and profile formats read the
    /// date of a timestamp, as exports write them).
    fn ignores_time_of_day(self) -> bool {
        matches!(self, Argument::Records | Argument::Roster)
    }

    /// The error that refuses the whole argument.
    fn refuse(self, message: &str) -> Error {
        match self {
            Argument::Profile(path) => ProfileError::at_path("wrong_type", path, message).into(),
            Argument::Offer => ProfileError::at_path("wrong_type", "offer", message).into(),
            Argument::Worker => WorkerError::new("wrong_type", "worker", message).into(),
            Argument::Observations => ObservationError {
                reason: ObservationReason::WrongType,
                path: "observations".into(),
                message: message.to_owned(),
            }
            .into(),
            Argument::Records | Argument::Roster | Argument::Options => {
                OptionsError { path: String::new(), message: message.to_owned() }.into()
            }
        }
    }
}

/// A value no field takes: the reader refuses it as the wrong type, at its own path.
fn wrong_type() -> Value {
    Value::Object(Map::new())
}

/// A float that no exact or whole reading accepts, for an infinity in a row.
const NOT_EXACT: f64 = 0.5;

/// Reads a host value under the policy for `argument`, as JSON.
pub fn to_json<V: HostValue>(value: &V, argument: Argument<'_>) -> Result<Value, Error> {
    Reader { argument }.read(value, 0)
}

/// Reads each item of a host list under the policy for `argument` (rows of a table); a value that
/// is not a list is refused, wrong type at `what`.
pub fn rows_to_json<V: HostValue>(value: &V, argument: Argument<'_>) -> Result<Vec<Value>, Error> {
    match value.kind() {
        HostKind::List(items) => {
            let reader = Reader { argument };
            items.iter().map(|item| reader.read(item, 1)).collect()
        }
        _ => Err(argument.refuse("expected a list")),
    }
}

struct Reader<'p> {
    argument: Argument<'p>,
}

impl Reader<'_> {
    fn read<V: HostValue>(&self, value: &V, depth: usize) -> Result<Value, Error> {
        let document = self.argument.is_document();
        if depth > MAX_DEPTH {
            return if document {
                Err(self.argument.refuse(&format!("a value nested more than {MAX_DEPTH} levels deep")))
            } else {
                Ok(wrong_type())
            };
        }
        Ok(match value.kind() {
            HostKind::Null => Value::Null,
            HostKind::Bool(b) => Value::Bool(b),
            HostKind::Int(i) => Value::from(i),
            HostKind::BigInt(digits) | HostKind::Decimal(digits) => Value::String(digits),
            HostKind::Text(text) => Value::String(text.into_owned()),
            HostKind::Float(x) if x.is_finite() => Number::from_f64(x).map_or_else(wrong_type, Value::Number),
            HostKind::Float(x) if document => {
                let what = if x.is_nan() { "NaN" } else { "an infinite number" };
                return Err(self
                    .argument
                    .refuse(&format!("{what} is not accepted; leave the field out when it is unknown")));
            }
            HostKind::Float(x) if x.is_nan() => Value::Null,
            HostKind::Float(_) => Number::from_f64(NOT_EXACT).map_or_else(wrong_type, Value::Number),
            HostKind::Date(date) => Value::String(iso(date)),
            HostKind::DateTime { date, midnight } if midnight || self.argument.ignores_time_of_day() => {
                Value::String(iso(date))
            }
            HostKind::DateTime { .. } if document => {
                return Err(self.argument.refuse("a datetime with a time of day is not a date"));
            }
            HostKind::DateTime { .. } => wrong_type(),
            HostKind::List(items) => {
                Value::Array(items.iter().map(|item| self.read(item, depth + 1)).collect::<Result<_, _>>()?)
            }
            HostKind::Map(entries) => {
                let mut map = Map::with_capacity(entries.len());
                for (key, item) in entries {
                    let value = self.read(&item, depth + 1)?;
                    map.insert(key, value);
                }
                Value::Object(map)
            }
            HostKind::Unsupported(_) if !document => wrong_type(),
            HostKind::Unsupported(name) => {
                let name: String = name.chars().take(40).collect();
                return Err(self.argument.refuse(&format!(
                    "a value of type {name} is not accepted; use text, numbers, booleans, dates, lists and mappings"
                )));
            }
        })
    }
}

fn iso(date: NaiveDate) -> String {
    crate::basics::date_text::iso(date)
}

/// An exact decimal's text without an exponent, from a host's text that may have one
/// (`1E+3`, `2.50E-1`), for hosts whose decimal type prints in scientific notation.
pub fn plain_decimal(text: &str) -> Option<String> {
    let d = rust_decimal::Decimal::from_scientific(text).or_else(|_| text.parse::<rust_decimal::Decimal>()).ok()?;
    Some(d.to_string())
}

/// The JSON value of a serialisable answer, for hosts that build their objects from JSON.
pub fn answer_json<T: serde::Serialize + ?Sized>(answer: &T) -> Value {
    serde_json::to_value(answer).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test host: JSON-like values, with NaN, infinities, datetimes and opaque objects.
    enum V {
        Null,
        Int(i64),
        Text(&'static str),
        Nan,
        Inf,
        At(NaiveDate, bool),
        Opaque,
        Deep(usize),
        Map(Vec<(&'static str, V)>),
    }

    impl HostValue for V {
        fn kind(&self) -> HostKind<'_, V> {
            match self {
                V::Null | V::Deep(0) => HostKind::Null,
                V::Int(i) => HostKind::Int(*i),
                V::Text(t) => HostKind::Text(Cow::Borrowed(t)),
                V::Nan => HostKind::Float(f64::NAN),
                V::Inf => HostKind::Float(f64::INFINITY),
                V::At(d, midnight) => HostKind::DateTime { date: *d, midnight: *midnight },
                V::Opaque => HostKind::Unsupported("object".into()),
                V::Deep(n) => HostKind::List(vec![V::Deep(n - 1)]),
                V::Map(entries) => HostKind::Map(entries.iter().map(|(k, v)| ((*k).to_owned(), v.shallow())).collect()),
            }
        }
    }

    impl V {
        /// A copy of a leaf (the test maps hold leaves only).
        fn shallow(&self) -> V {
            match self {
                V::Null => V::Null,
                V::Int(i) => V::Int(*i),
                V::Text(t) => V::Text(t),
                V::Nan => V::Nan,
                V::Inf => V::Inf,
                V::At(d, m) => V::At(*d, *m),
                V::Opaque => V::Opaque,
                V::Deep(n) => V::Deep(*n),
                V::Map(_) => V::Null,
            }
        }
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, 5, 1).unwrap_or_default()
    }

    #[test]
    fn rows_and_documents_read_as_the_table_says() {
        let row = V::Map(vec![
            ("a", V::Nan),
            ("b", V::Inf),
            ("c", V::At(day(), false)),
            ("d", V::At(day(), true)),
            ("e", V::Opaque),
            ("f", V::Int(3)),
            ("g", V::Text("x")),
            ("h", V::Deep(MAX_DEPTH + 5)),
        ]);
        let records = to_json(&row, Argument::Records).unwrap();
        assert_eq!(records["a"], Value::Null);
        assert_eq!(records["b"], serde_json::json!(0.5));
        assert_eq!(records["c"], "2023-05-01");
        assert_eq!(records["d"], "2023-05-01");
        assert_eq!(records["e"], serde_json::json!({}));
        assert_eq!((records["f"].clone(), records["g"].clone()), (serde_json::json!(3), serde_json::json!("x")));
        let observations = to_json(&row, Argument::Observations).unwrap();
        assert_eq!(observations["c"], serde_json::json!({}), "a time of day is refused outside records and rosters");
        for (field, leaf) in
            [("a", V::Nan), ("b", V::Inf), ("c", V::At(day(), false)), ("e", V::Opaque), ("h", V::Deep(MAX_DEPTH + 5))]
        {
            let e = to_json(&V::Map(vec![(field, leaf)]), Argument::Profile("profile")).unwrap_err();
            assert_eq!(
                (e.code(), e.path(), e.reason()),
                (crate::ErrorCode::InvalidProfile, "profile".into(), Some("wrong_type"))
            );
        }
        let e = to_json(&V::Map(vec![("x", V::Nan)]), Argument::Worker).unwrap_err();
        assert_eq!((e.code(), e.path()), (crate::ErrorCode::InvalidWorker, "worker".into()));
    }

    #[test]
    fn decimals_lose_their_exponent() {
        assert_eq!(plain_decimal("1E+3").as_deref(), Some("1000"));
        assert_eq!(plain_decimal("2.50E-1").as_deref(), Some("0.250"));
        assert_eq!(plain_decimal("17.6").as_deref(), Some("17.6"));
        assert_eq!(plain_decimal("NaN"), None);
    }
}
