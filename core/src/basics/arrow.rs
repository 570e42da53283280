//! Arrow columns as the readers of records and rosters see them (feature `arrow`): strings of
//! every layout (plain, large, view, dictionary-encoded) as text; Date64 and timestamps as day
//! numbers from the common era; lists by their offsets; integers of every width as `i64`.
//! Dictionary values are read through their keys, so a value is never copied per row.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date64Type, Int8Type, Int16Type, Int32Type, Int64Type, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, PrimitiveArray};
use arrow_schema::{DataType, TimeUnit};

/// Days from the common era to 1970-01-01.
pub const UNIX_EPOCH_DAY: i64 = 719_163;

/// A string column of any Arrow string layout.
pub enum Text<'a> {
    /// A `Utf8` column (32-bit offsets).
    Utf8(&'a arrow_array::StringArray),
    /// A `LargeUtf8` column (64-bit offsets).
    LargeUtf8(&'a arrow_array::LargeStringArray),
    /// A `Utf8View` column.
    View(&'a arrow_array::StringViewArray),
    /// Dictionary keys (read in place) into a string column, and the dictionary array (for
    /// its nulls).
    Dictionary(Ints<'a>, Box<Text<'a>>, &'a dyn Array),
}

impl<'a> Text<'a> {
    /// The column as text; `None` when it is not a string column (nor a dictionary of one).
    pub fn new(array: &'a dyn Array) -> Option<Text<'a>> {
        Some(match array.data_type() {
            DataType::Utf8 => Text::Utf8(array.as_string::<i32>()),
            DataType::LargeUtf8 => Text::LargeUtf8(array.as_string::<i64>()),
            DataType::Utf8View => Text::View(array.as_string_view()),
            DataType::Dictionary(_, _) => {
                let dict = array.as_any_dictionary_opt()?;
                let values = Text::new(dict.values().as_ref())?;
                Text::Dictionary(Ints::new(dict.keys())?, Box::new(values), array)
            }
            _ => return None,
        })
    }

    /// The number of rows (of a dictionary: of its keys).
    pub fn len(&self) -> usize {
        match self {
            Text::Utf8(a) => a.len(),
            Text::LargeUtf8(a) => a.len(),
            Text::View(a) => a.len(),
            Text::Dictionary(_, _, array) => array.len(),
        }
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text of `row`; `None` when the row is null.
    #[inline]
    pub fn value(&self, row: usize) -> Option<&'a str> {
        match self {
            Text::Utf8(a) => (!a.is_null(row)).then(|| a.value(row)),
            Text::LargeUtf8(a) => (!a.is_null(row)).then(|| a.value(row)),
            Text::View(a) => (!a.is_null(row)).then(|| a.value(row)),
            Text::Dictionary(keys, values, array) => {
                if array.is_null(row) {
                    None
                } else {
                    let key = keys.get(row)?;
                    values.value(usize::try_from(key).ok().filter(|k| *k < values.len())?)
                }
            }
        }
    }
}

/// An integer column of any width, read in place (one variant per Arrow integer type).
#[allow(missing_docs)]
pub enum Ints<'a> {
    I8(&'a PrimitiveArray<Int8Type>),
    I16(&'a PrimitiveArray<Int16Type>),
    I32(&'a PrimitiveArray<Int32Type>),
    I64(&'a PrimitiveArray<Int64Type>),
    U8(&'a PrimitiveArray<UInt8Type>),
    U16(&'a PrimitiveArray<UInt16Type>),
    U32(&'a PrimitiveArray<UInt32Type>),
    U64(&'a PrimitiveArray<UInt64Type>),
}

impl<'a> Ints<'a> {
    /// The column as integers; `None` when it is not an integer column.
    pub fn new(array: &'a dyn Array) -> Option<Ints<'a>> {
        Some(match array.data_type() {
            DataType::Int8 => Ints::I8(array.as_primitive()),
            DataType::Int16 => Ints::I16(array.as_primitive()),
            DataType::Int32 => Ints::I32(array.as_primitive()),
            DataType::Int64 => Ints::I64(array.as_primitive()),
            DataType::UInt8 => Ints::U8(array.as_primitive()),
            DataType::UInt16 => Ints::U16(array.as_primitive()),
            DataType::UInt32 => Ints::U32(array.as_primitive()),
            DataType::UInt64 => Ints::U64(array.as_primitive()),
            _ => return None,
        })
    }

    /// Calls `f(i, value)` for each row of `rows` (`i` from 0), with the integer type resolved
    /// once rather than per row; values as [`Ints::get`] gives them.
    #[inline]
    pub fn each(&self, rows: std::ops::Range<usize>, mut f: impl FnMut(usize, Option<i64>)) {
        macro_rules! each {
            ($a:expr) => {{
                // The values sliced once, and the validity bits read in order: no per-row lookup.
                let values = &$a.values()[rows.clone()];
                match $a.nulls() {
                    None => values.iter().enumerate().for_each(|(i, &v)| f(i, i64::try_from(v).ok())),
                    Some(n) => {
                        let valid = n.inner().slice(rows.start, rows.len());
                        values
                            .iter()
                            .zip(valid.iter())
                            .enumerate()
                            .for_each(|(i, (&v, ok))| f(i, if ok { i64::try_from(v).ok() } else { None }))
                    }
                }
            }};
        }
        match self {
            Ints::I8(a) => each!(a),
            Ints::I16(a) => each!(a),
            Ints::I32(a) => each!(a),
            Ints::I64(a) => each!(a),
            Ints::U8(a) => each!(a),
            Ints::U16(a) => each!(a),
            Ints::U32(a) => each!(a),
            Ints::U64(a) => each!(a),
        }
    }

    /// The value of `row`; `None` when null (or an unsigned value above `i64::MAX`).
    #[inline]
    pub fn get(&self, row: usize) -> Option<i64> {
        macro_rules! at {
            ($a:expr) => {
                if $a.is_null(row) { None } else { i64::try_from($a.value(row)).ok() }
            };
        }
        match self {
            Ints::I8(a) => at!(a),
            Ints::I16(a) => at!(a),
            Ints::I32(a) => at!(a),
            Ints::I64(a) => at!(a),
            Ints::U8(a) => at!(a),
            Ints::U16(a) => at!(a),
            Ints::U32(a) => at!(a),
            Ints::U64(a) => at!(a),
        }
    }
}

/// How many of `unit` make one day (86,400 seconds, 86,400,000 milliseconds, …).
pub fn days_per(unit: &TimeUnit) -> i64 {
    match unit {
        TimeUnit::Second => 86_400,
        TimeUnit::Millisecond => 86_400_000,
        TimeUnit::Microsecond => 86_400_000_000,
        TimeUnit::Nanosecond => 86_400_000_000_000,
    }
}

/// The UTC offset in seconds of a timestamp column's time zone: fixed offsets, UTC, and the
/// zones of China (no daylight saving since 1991). Other zones are refused, not guessed.
pub fn zone_offset(zone: &str) -> Option<i64> {
    match zone {
        "UTC" | "Z" | "Etc/UTC" | "+00:00" => Some(0),
        "Asia/Shanghai" | "Asia/Chongqing" | "Asia/Harbin" | "PRC" | "Asia/Hong_Kong" | "Asia/Macau" => Some(8 * 3600),
        _ => {
            let (sign, rest) = match zone.as_bytes().first()? {
                b'+' => (1, &zone[1..]),
                b'-' => (-1, &zone[1..]),
                _ => return None,
            };
            let (h, m) = rest.split_once(':').unwrap_or((rest.get(..2)?, rest.get(2..).unwrap_or("0")));
            Some(sign * (h.parse::<i64>().ok()? * 3600 + m.parse::<i64>().ok()? * 60))
        }
    }
}

/// Day numbers from the common era of a timestamp column, at `offset` seconds from UTC.
pub fn timestamp_days(array: &ArrayRef, unit: &TimeUnit, offset: i64) -> Vec<Option<i64>> {
    let per_day = days_per(unit);
    let per_second = per_day / 86_400;
    let raw: Vec<Option<i64>> = match unit {
        TimeUnit::Second => array.as_primitive::<TimestampSecondType>().iter().collect(),
        TimeUnit::Millisecond => array.as_primitive::<TimestampMillisecondType>().iter().collect(),
        TimeUnit::Microsecond => array.as_primitive::<TimestampMicrosecondType>().iter().collect(),
        TimeUnit::Nanosecond => array.as_primitive::<TimestampNanosecondType>().iter().collect(),
    };
    raw.into_iter().map(|t| t.map(|t| (t + offset * per_second).div_euclid(per_day) + UNIX_EPOCH_DAY)).collect()
}

/// Day numbers from the common era of a Date64 column (milliseconds since 1970).
pub fn date64_days(array: &ArrayRef) -> Vec<Option<i64>> {
    array.as_primitive::<Date64Type>().iter().map(|d| d.map(|ms| ms.div_euclid(86_400_000) + UNIX_EPOCH_DAY)).collect()
}

/// The row offsets and the values of a list or large-list column.
pub fn list_parts(array: &ArrayRef) -> (Vec<usize>, &dyn Array) {
    match array.data_type() {
        DataType::LargeList(_) => {
            let l = array.as_list::<i64>();
            (l.value_offsets().iter().map(|&o| o as usize).collect(), l.values().as_ref())
        }
        _ => {
            let l = array.as_list::<i32>();
            (l.value_offsets().iter().map(|&o| o as usize).collect(), l.values().as_ref())
        }
    }
}

/// The values of an integer column of any width as `i64`; `None` when the column is not an
/// integer column. Nulls, and unsigned values above `i64::MAX`, are `None`.
pub fn integers(array: &dyn Array) -> Option<Vec<Option<i64>>> {
    macro_rules! collect {
        ($t:ty) => {
            array.as_primitive::<$t>().iter().map(|v| v.and_then(|x| i64::try_from(x).ok())).collect()
        };
    }
    Some(match array.data_type() {
        DataType::Int8 => collect!(Int8Type),
        DataType::Int16 => collect!(Int16Type),
        DataType::Int32 => collect!(Int32Type),
        DataType::Int64 => collect!(Int64Type),
        DataType::UInt8 => collect!(UInt8Type),
        DataType::UInt16 => collect!(UInt16Type),
        DataType::UInt32 => collect!(UInt32Type),
        DataType::UInt64 => collect!(UInt64Type),
        _ => return None,
    })
}
