//! Dates in plan files: TOML date literals (`2022-08-29`) or ISO strings (`"2022-08-29"`).
//! TOML hands date literals to serde as a one-entry map, which chrono does not read, so this
//! visitor takes both forms and always writes ISO strings back.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserializer, Serializer};

pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&date.format("%Y-%m-%d"))
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    deserializer.deserialize_any(DateVisitor)
}

/// For `Option<NaiveDate>` fields.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => super::serialize(d, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        deserializer.deserialize_option(OptionVisitor)
    }

    struct OptionVisitor;

    impl<'de> Visitor<'de> for OptionVisitor {
        type Value = Option<NaiveDate>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("null or a value")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_any(DateVisitor).map(Some)
        }
    }
}

/// Parses an ISO date `YYYY-MM-DD`; the message names the problem without echoing long input.
pub fn parse(text: &str) -> Result<NaiveDate, String> {
    // The common case, read directly: chrono's format parser costs more than the date itself.
    let b = text.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let digits = |r: std::ops::Range<usize>| b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')));
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                return Ok(date);
            }
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| {
        let shown: String = text.chars().take(40).collect();
        format!("invalid date {shown:?}: {e} (expected YYYY-MM-DD)")
    })
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date such as 2022-08-29")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        parse(v).map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NaiveDate, A::Error> {
        // A TOML datetime: one private key whose value is the literal's text. A time of day or an
        // offset makes it a datetime, not a date, and `parse` refuses it.
        match map.next_entry::<String, String>()? {
            Some((_, text)) => parse(&text).map_err(de::Error::custom),
            None => Err(de::Error::custom("invalid date: empty table")),
        }
    }
}
