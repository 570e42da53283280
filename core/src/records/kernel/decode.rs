//! Decoding one field of a chunk of rows, whatever its layout: dictionary entries resolved once
//! per block, text trimmed and resolved, integers and typed dates read from their buffers in
//! place. Each decoded value goes to a sink, which validates and stores it.

use std::ops::Range;

#[cfg(feature = "arrow")]
use arrow_array::Array;

#[cfg(feature = "arrow")]
use crate::basics::arrow::{Text, UNIX_EPOCH_DAY};
use crate::basics::id_number::looks_like_id_number;
use crate::basics::text::trim;
#[cfg(feature = "arrow")]
use crate::plan::counting::NO_DATE;

use super::super::columns::{Column, MAX_KEY_BYTES};
#[cfg(feature = "arrow")]
use super::super::field::column_day;
use super::super::field::{Columns, Field};
#[cfg(feature = "arrow")]
use super::super::parse::FIRST_DAY;
use super::super::parse::{RecordReason, day_number, parse_flag};
use super::Kernel;
use super::chunk::DATES;

/// A dictionary is resolved entry by entry when it has at most this many entries per row of the
/// block (a larger one, such as dictionary-encoded person keys, is read row by row).
#[cfg(feature = "arrow")]
const DICTIONARY_PER_ROW: usize = 2;

/// One decoded value: absent (null or blank), a value, or why it is refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Got<T> {
    Absent,
    Value(T),
    Bad(RecordReason),
}

/// Dictionaries of one block resolved entry by entry, per field.
#[derive(Default)]
pub(super) struct Caches {
    pub keys: [Option<Vec<Got<()>>>; 2],
    pub region: Option<Vec<Got<u16>>>,
    pub training_type: Option<Vec<Got<u8>>>,
    pub subsidised: Option<Vec<Got<bool>>>,
    pub groups: Option<Vec<Got<u64>>>,
    pub certificate_kind: Option<Vec<Got<u8>>>,
    pub level: Option<Vec<Got<u8>>>,
    pub dates: [Option<Vec<Got<i32>>>; 4],
}

impl Caches {
    pub fn new(k: &Kernel<'_>, columns: &Columns<'_>) -> Caches {
        let field = |c: Column| columns.field(c);
        let rows = columns.rows;
        Caches {
            keys: [
                dictionary(field(Column::RecordId), rows, &record_id),
                dictionary(field(Column::PersonKey), rows, &person_key),
            ],
            region: dictionary(field(Column::Region), rows, &|t| k.region_text(t)),
            training_type: dictionary(field(Column::TrainingType), rows, &|t| k.training_type(t)),
            subsidised: dictionary(field(Column::Subsidised), rows, &flag_text),
            groups: dictionary(field(Column::Groups), rows, &|t| k.groups(t)),
            certificate_kind: dictionary(field(Column::CertificateKind), rows, &|t| k.certificate_kind(t)),
            level: dictionary(field(Column::CertificateLevel), rows, &|t| k.level_text(t)),
            dates: DATES.map(|(c, _)| dictionary(field(c), rows, &date_text)),
        }
    }
}

/// A dictionary column's entries resolved once each (blank entries are absent); `None` for
/// other columns, and for dictionaries too large to resolve whole.
#[cfg(feature = "arrow")]
fn dictionary<T: Copy>(field: &Field<'_>, rows: usize, resolve: &dyn Fn(&str) -> Got<T>) -> Option<Vec<Got<T>>> {
    let Field::Text(Text::Dictionary(_, values, _)) = field else { return None };
    if values.len() > rows.max(64) * DICTIONARY_PER_ROW {
        return None;
    }
    Some((0..values.len()).map(|i| values.value(i).map_or(Got::Absent, |v| resolved(v, resolve))).collect())
}

#[cfg(not(feature = "arrow"))]
fn dictionary<T: Copy>(_: &Field<'_>, _: usize, _: &dyn Fn(&str) -> Got<T>) -> Option<Vec<Got<T>>> {
    None
}

/// A text value trimmed: absent when blank, else resolved.
#[inline]
fn resolved<T>(text: &str, resolve: impl Fn(&str) -> Got<T>) -> Got<T> {
    let text = trim(text);
    if text.is_empty() { Got::Absent } else { resolve(text) }
}

pub(super) fn record_id(text: &str) -> Got<()> {
    if text.len() > MAX_KEY_BYTES { Got::Bad(RecordReason::TooLong) } else { Got::Value(()) }
}

pub(super) fn person_key(text: &str) -> Got<()> {
    if text.len() > MAX_KEY_BYTES {
        Got::Bad(RecordReason::TooLong)
    } else if looks_like_id_number(text) {
        Got::Bad(RecordReason::PersonKeyIsIdNumber)
    } else {
        Got::Value(())
    }
}

/// An integer key: its decimal text is never too long, and is shaped like an ID number when it
/// has 15 or 18 digits.
pub(super) fn int_key(v: i64, person: bool) -> Got<()> {
    let digits = v.unsigned_abs().checked_ilog10().map_or(1, |d| d + 1);
    if person && v >= 0 && (digits == 15 || digits == 18) {
        Got::Bad(RecordReason::PersonKeyIsIdNumber)
    } else {
        Got::Value(())
    }
}

fn flag_text(text: &str) -> Got<bool> {
    parse_flag(text).map_or(Got::Bad(RecordReason::InvalidFlag), Got::Value)
}

fn date_text(text: &str) -> Got<i32> {
    match day_number(text) {
        Ok(d) => Got::Value(d),
        Err(reason) => Got::Bad(reason),
    }
}

/// A day number from a typed column: absent, in range, or out of range.
#[cfg(feature = "arrow")]
#[inline]
fn typed_day(day: i32) -> Got<i32> {
    if day == NO_DATE {
        Got::Absent
    } else if (FIRST_DAY..=super::super::parse::LAST_DAY).contains(&day) {
        Got::Value(day)
    } else {
        Got::Bad(RecordReason::DateOutOfRange)
    }
}

/// Decodes `rows` of a text-valued field into `out`: dictionary entries from `cache`, text
/// through `resolve`, integers through `int`. Other layouts hold no text and are absent.
#[inline]
pub(super) fn decode<T: Copy>(
    field: &Field<'_>,
    rows: Range<usize>,
    cache: Option<&[Got<T>]>,
    resolve: impl Fn(&str) -> Got<T>,
    int: impl Fn(i64) -> Got<T>,
    mut out: impl FnMut(usize, Got<T>),
) {
    #[cfg(not(feature = "arrow"))]
    let _ = (cache, &int);
    let resolve = |v: &str| resolved(v, &resolve);
    match field {
        #[cfg(feature = "arrow")]
        Field::Text(Text::Dictionary(keys, _, _)) if cache.is_some() => {
            // Null keys are null rows; null dictionary entries are absent in the cache.
            let cache = cache.unwrap_or_default();
            keys.each(rows, |i, key| {
                let key = key.and_then(|k| usize::try_from(k).ok());
                out(i, key.and_then(|k| cache.get(k).copied()).unwrap_or(Got::Absent));
            });
        }
        #[cfg(feature = "arrow")]
        Field::Text(Text::Utf8(a)) => match a.nulls() {
            None => rows.enumerate().for_each(|(i, row)| out(i, resolve(a.value(row)))),
            Some(n) => rows.enumerate().for_each(|(i, row)| {
                out(i, if n.is_null(row) { Got::Absent } else { resolve(a.value(row)) });
            }),
        },
        Field::Spans { text, spans } => {
            for (i, &(a, b)) in spans[rows].iter().enumerate() {
                out(i, text.get(a as usize..b as usize).map_or(Got::Absent, &resolve));
            }
        }
        #[cfg(feature = "arrow")]
        Field::Text(_) => {
            for (i, row) in rows.enumerate() {
                out(i, field.text(row).map_or(Got::Absent, &resolve));
            }
        }
        #[cfg(feature = "arrow")]
        Field::Integers(values) => values.each(rows, |i, v| out(i, v.map_or(Got::Absent, &int))),
        _ => (0..rows.len()).for_each(|i| out(i, Got::Absent)),
    }
}

/// Decodes `rows` of `groups`: as [`decode`], and a list's items each read as a `groups`
/// text (the row parser reads them joined with `;`, which splits the same way).
#[cfg_attr(not(feature = "arrow"), allow(unused_mut))]
pub(super) fn decode_groups(
    k: &Kernel<'_>,
    field: &Field<'_>,
    rows: Range<usize>,
    cache: Option<&[Got<u64>]>,
    mut out: impl FnMut(usize, Got<u64>),
) {
    match field {
        #[cfg(feature = "arrow")]
        Field::List { offsets, values, array } => {
            for (i, row) in rows.enumerate() {
                if array.is_null(row) {
                    out(i, Got::Absent);
                    continue;
                }
                let mut got = Got::Value(0);
                for v in (offsets[row]..offsets[row + 1]).filter_map(|i| values.value(i)) {
                    match (resolved(v, |t: &str| k.groups(t)), got) {
                        (Got::Value(m), Got::Value(mask)) => got = Got::Value(mask | m),
                        (Got::Bad(r), _) => {
                            got = Got::Bad(r);
                            break;
                        }
                        _ => {}
                    }
                }
                out(i, got);
            }
        }
        _ => decode(field, rows, cache, |t| k.groups(t), |v| k.groups(&v.to_string()), out),
    }
}

/// Decodes `rows` of a date: typed dates by arithmetic, text as ISO dates.
#[cfg_attr(not(feature = "arrow"), allow(unused_mut))]
pub(super) fn decode_dates(
    field: &Field<'_>,
    rows: Range<usize>,
    cache: Option<&[Got<i32>]>,
    mut out: impl FnMut(usize, Got<i32>),
) {
    match field {
        #[cfg(feature = "arrow")]
        Field::Date32(days) => {
            let values = &days.values()[rows.clone()];
            let day = |d: i32| typed_day(column_day(i64::from(d) + UNIX_EPOCH_DAY));
            match days.nulls() {
                None => values.iter().enumerate().for_each(|(i, &d)| out(i, day(d))),
                Some(n) => {
                    let valid = n.inner().slice(rows.start, rows.len());
                    values.iter().zip(valid.iter()).enumerate().for_each(|(i, (&d, ok))| {
                        out(i, if ok { day(d) } else { Got::Absent });
                    });
                }
            }
        }
        #[cfg(feature = "arrow")]
        Field::Days(days) => {
            for (i, row) in rows.enumerate() {
                out(i, days[row].map_or(Got::Absent, |d| typed_day(column_day(d))));
            }
        }
        // Integers in a date column are wrong-typed, refused before any date is read.
        #[cfg(feature = "arrow")]
        Field::Integers(_) => (0..rows.len()).for_each(|i| out(i, Got::Absent)),
        _ => decode(field, rows, cache, date_text, |_| Got::Absent, out),
    }
}

/// Decodes `rows` of `subsidised`: text, booleans, or the integers 0 and 1.
#[cfg_attr(not(feature = "arrow"), allow(unused_mut))]
pub(super) fn decode_flags(
    field: &Field<'_>,
    rows: Range<usize>,
    cache: Option<&[Got<bool>]>,
    mut out: impl FnMut(usize, Got<bool>),
) {
    match field {
        #[cfg(feature = "arrow")]
        Field::Flags(b) => {
            let values = b.values().slice(rows.start, rows.len());
            match b.nulls() {
                None => values.iter().enumerate().for_each(|(i, v)| out(i, Got::Value(v))),
                Some(n) => {
                    let valid = n.inner().slice(rows.start, rows.len());
                    values.iter().zip(valid.iter()).enumerate().for_each(|(i, (v, ok))| {
                        out(i, if ok { Got::Value(v) } else { Got::Absent });
                    });
                }
            }
        }
        _ => decode(
            field,
            rows,
            cache,
            flag_text,
            |v| match v {
                0 => Got::Value(false),
                1 => Got::Value(true),
                _ => Got::Bad(RecordReason::InvalidFlag),
            },
            out,
        ),
    }
}
