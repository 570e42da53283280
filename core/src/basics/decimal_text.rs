//! Exact decimals in plan files: written as strings (`"840000"`, `"17.6"`) or integers, never
//! floats, and always serialised back as strings so no consumer ever sees a binary float.

use std::fmt;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

/// The largest target or observed value skillplan computes with (10^15): far above any count of
/// people or training bases, and low enough that no exact sum or product overflows.
pub const MAX_VALUE: Decimal = Decimal::from_parts(2764472320, 232830, 0, false, 0);

/// Decimal places kept in ratios, rates and paces: quotients carry 28 significant digits and are
/// rounded half to even to this many places, so every binding prints the same digits.
pub const RATIO_DP: u32 = 10;

/// A quotient as every computation keeps it: rounded half to even to [`RATIO_DP`] places, with
/// trailing zeros dropped.
pub fn round(value: Decimal) -> Decimal {
    value.round_dp(RATIO_DP).normalize()
}

/// `numerator ÷ denominator`, [`round`]ed; `None` for a zero denominator or an overflow.
pub fn ratio(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if denominator.is_zero() { None } else { numerator.checked_div(denominator).map(round) }
}

/// The name of the newtype a decimal serialises as (around its text), so that a converter into
/// a host's values (Python's `decimal.Decimal`) knows a decimal from other text.
pub const MARK: &str = "skillplan::Decimal";

/// Prefix of the deserialisation error for a value that is not an exact decimal; the loader
/// recognises it to report the reason `not_a_number`.
pub(crate) const NOT_A_NUMBER: &str = "not an exact decimal";

/// Writes a decimal as a string (`"840000"`), never as a JSON number (`#[serde(with = "decimal_text")]`).
pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    // A newtype of the text: serde_json, csv and toml write the text itself; a host's converter
    // that knows the mark builds its own decimal type from it.
    serializer.serialize_newtype_struct(MARK, &value.to_string())
}

/// Reads a decimal string (checked by [`parse`]) or an integer; a float is refused as inexact.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(DecimalVisitor)
}

/// For `Option<Decimal>` fields: `null` or a decimal string.
pub mod option {
    use super::*;

    /// Writes a decimal as [`super::serialize`] does, and `None` as null.
    pub fn serialize<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(d) => super::serialize(d, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Reads null as `None`, and a decimal as [`super::deserialize`] does.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Decimal>, D::Error> {
        deserializer.deserialize_option(OptionVisitor)
    }

    struct OptionVisitor;

    impl<'de> Visitor<'de> for OptionVisitor {
        type Value = Option<Decimal>;

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
            deserializer.deserialize_any(DecimalVisitor).map(Some)
        }
    }
}

/// Parses a decimal written as text, refusing exponents, blanks and anything inexact.
pub fn parse(text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    let shown: String = text.chars().take(40).collect();
    if trimmed.is_empty() || trimmed != text {
        return Err(format!("{NOT_A_NUMBER}: {shown:?}"));
    }
    Decimal::from_str_exact(trimmed).map_err(|_| format!("{NOT_A_NUMBER}: {shown:?}"))
}

struct DecimalVisitor;

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal written as a string such as \"840000\" or an integer")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        if v.is_finite() {
            Err(E::custom(format!(
                "{NOT_A_NUMBER}: the float {v} is not exact; write the value as a string such as \"{v}\""
            )))
        } else {
            Err(E::custom(format!("{NOT_A_NUMBER}: {v} is not a number; write an exact decimal such as \"1500\"")))
        }
    }
}

/// The JSON Schema of a decimal field: a string of digits or an integer.
pub struct DecimalText;

impl JsonSchema for DecimalText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DecimalText".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal: a string such as \"840000\" or \"17.6\", or an integer. Floats are refused.",
            "anyOf": [
                { "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$" },
                { "type": "integer" }
            ]
        })
    }
}
