//! Dates in plan files: TOML date literals (`2022-08-29`) or ISO strings (`"2022-08-29"`).
//! TOML hands date literals to serde as a one-entry map, which chrono does not read, so this
//! visitor takes both forms and always writes ISO strings back.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserializer, Serializer};

/// The name of the newtype a date serialises as (around its ISO text), so that a converter into
/// a host's values (Python's `datetime.date`) knows a date from other text.
pub const MARK: &str = "skillplan::Date";

/// The JSON Schema of a date field: ISO text.
pub struct DateText;

impl schemars::JsonSchema for DateText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateText".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An ISO date, YYYY-MM-DD.",
            "type": "string",
            "format": "date"
        })
    }
}

/// Writes a date as an ISO string, `YYYY-MM-DD` (`#[serde(with = "date_text")]`).
pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    // A newtype of the ISO text, as decimals are (see `decimal_text::MARK`).
    serializer.serialize_newtype_struct(MARK, &iso(*date))
}

/// A date's ISO text, as chrono's `%Y-%m-%d` writes it. Years 0–9999 (every date the readers
/// accept) are written digit by digit: chrono's formatter parses its pattern at every call, which
/// was a tenth of writing a decision's summary.
pub fn iso(date: NaiveDate) -> String {
    use chrono::Datelike;
    let (year, month, day) = (date.year(), date.month(), date.day());
    if !(0..=9999).contains(&year) {
        return date.format("%Y-%m-%d").to_string();
    }
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let y = year as u32;
    [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        '-',
        digit(month / 10),
        digit(month),
        '-',
        digit(day / 10),
        digit(day),
    ]
    .into_iter()
    .collect()
}

/// Reads a TOML date literal or an ISO string, checked by [`parse`].
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    deserializer.deserialize_any(DateVisitor)
}

/// For `Option<NaiveDate>` fields.
pub mod option {
    use super::*;

    /// Writes a date as [`super::serialize`] does, and `None` as null.
    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => super::serialize(d, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Reads null as `None`, and a date as [`super::deserialize`] does.
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

/// The years a date may have: wide enough for every birth date, plan and record, narrow enough
/// that a mistyped year (0, 20224) is refused rather than computed with.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Parses an ISO date `YYYY-MM-DD` (four-digit year in [`YEARS`], two-digit month and day) that
/// exists. The message names the problem and never quotes the input, which may be anything a
/// person typed (an ID number included).
pub fn parse(text: &str) -> Result<NaiveDate, String> {
    let date = parse_any_year(text)?;
    if YEARS.contains(&chrono::Datelike::year(&date)) {
        Ok(date)
    } else {
        Err(format!("invalid date: the year is outside {}–{}", YEARS.start(), YEARS.end()))
    }
}

/// [`parse`] without the year range, for readers that report a year out of range themselves.
pub fn parse_any_year(text: &str) -> Result<NaiveDate, String> {
    let b = text.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let digits = |r: std::ops::Range<usize>| {
            b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
        };
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            return NaiveDate::from_ymd_opt(y as i32, m, d)
                .ok_or_else(|| "invalid date: no such day (expected YYYY-MM-DD)".to_owned());
        }
    }
    Err("invalid date: expected YYYY-MM-DD".to_owned())
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

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn only_padded_existing_dates_in_range() {
        assert!(parse("2024-02-29").is_ok());
        for bad in [
            "2023-02-29",
            "2022-1-5",
            "0000-01-01",
            "-2024-06-30",
            "+002024-06-30",
            "10000-01-01",
            "2024-13-01",
            "2024-06-30T00:00",
            "110105194912310021",
        ] {
            let e = parse(bad).unwrap_err();
            assert!(!e.contains(bad), "{e}");
        }
    }
}

#[cfg(test)]
mod iso_tests {
    use chrono::NaiveDate;

    #[test]
    fn iso_is_what_chrono_writes() {
        let mut dates = vec![NaiveDate::MIN, NaiveDate::MAX];
        for year in [-1, 0, 1, 9, 10, 99, 100, 999, 1000, 1969, 2000, 2024, 9999, 10000, 262_000] {
            for (month, day) in [(1, 1), (2, 28), (6, 30), (9, 9), (10, 10), (12, 31)] {
                dates.extend(NaiveDate::from_ymd_opt(year, month, day));
            }
        }
        dates.extend(NaiveDate::from_ymd_opt(2024, 2, 29));
        for date in dates {
            assert_eq!(super::iso(date), date.format("%Y-%m-%d").to_string(), "{date:?}");
        }
    }
}
