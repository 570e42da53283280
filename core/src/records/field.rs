//! One column of records as the counting kernel reads it, whatever it came from: the fields of a
//! block of CSV or JSON Lines text, or an Arrow array of any layout (feature `arrow`). The
//! kernel reads a field a column at a time; [`Field::raw`] reads one row's value as the row
//! parser sees it, for the rows the kernel leaves to the parser (bases) and for the tests that
//! hold the two to the same answers.

#[cfg(feature = "arrow")]
use arrow_array::{Array, BooleanArray, Date32Array};

#[cfg(feature = "arrow")]
use crate::basics::arrow::{Ints, Text, UNIX_EPOCH_DAY};

use super::columns::Column;
use super::parse::{Raw, RecordReason, Refusal};

/// A field's place in its block's text: start and end byte.
pub(crate) type Span = (u32, u32);

/// How one record column is held.
pub(crate) enum Field<'a> {
    /// The input has no such column.
    Absent,
    /// Text fields of a block of CSV rows or JSON lines: byte spans of one text.
    Spans { text: &'a str, spans: &'a [Span] },
    /// An Arrow string column of any layout, dictionary-encoded or not.
    #[cfg(feature = "arrow")]
    Text(Text<'a>),
    /// Date32 values (days since 1970-01-01).
    #[cfg(feature = "arrow")]
    Date32(&'a Date32Array),
    /// Day numbers from the common era (from Date64 and timestamps); `None` for nulls.
    #[cfg(feature = "arrow")]
    Days(Vec<Option<i64>>),
    /// Booleans: read by `subsidised`; any other column treats them as absent, as rows always did.
    #[cfg(feature = "arrow")]
    Flags(&'a BooleanArray),
    /// Integers of any width; `None` for nulls.
    #[cfg(feature = "arrow")]
    Integers(Ints<'a>),
    /// A list of strings per row (`groups`): row `r` has the values `offsets[r]..offsets[r + 1]`.
    #[cfg(feature = "arrow")]
    List { offsets: Vec<usize>, values: Text<'a>, array: &'a dyn Array },
    /// A type records never have (floats, binary, integers where a date belongs): any value
    /// is refused as `wrong_type`.
    #[cfg(feature = "arrow")]
    Wrong(&'a dyn Array),
}

/// A day number read from a typed column, as the row parser receives it: out-of-range values
/// become a day the range check refuses.
#[cfg(feature = "arrow")]
#[inline]
pub(crate) fn column_day(day: i64) -> i32 {
    i32::try_from(day).unwrap_or(i32::MAX)
}

impl<'a> Field<'a> {
    /// Whether a value of `row` is refused as `wrong_type` before anything else is read: a
    /// non-null value of a wrong type, or a null inside a list.
    pub fn is_wrong(&self, row: usize) -> bool {
        match self {
            #[cfg(feature = "arrow")]
            Field::Wrong(array) => !array.is_null(row),
            #[cfg(feature = "arrow")]
            Field::List { offsets, values, array } => {
                !array.is_null(row) && (offsets[row]..offsets[row + 1]).any(|i| values.value(i).is_none())
            }
            _ => {
                let _ = row;
                false
            }
        }
    }

    /// Whether the field can refuse a row as `wrong_type` at all.
    pub fn can_be_wrong(&self) -> bool {
        match self {
            #[cfg(feature = "arrow")]
            Field::Wrong(_) | Field::List { .. } => true,
            _ => false,
        }
    }

    /// Whether `row` has a value the row parser reads as given text (a record id, a base kind):
    /// non-blank text, an integer or a non-empty list. Dates and flags are not text.
    pub fn has_text(&self, row: usize) -> bool {
        match self {
            #[cfg(feature = "arrow")]
            Field::Integers(values) => values.get(row).is_some(),
            #[cfg(feature = "arrow")]
            Field::List { offsets, values, array } => {
                // As the joined text: two items or more always leave a separator.
                let items = offsets[row]..offsets[row + 1];
                !array.is_null(row)
                    && (items.len() > 1
                        || items
                            .clone()
                            .any(|i| values.value(i).is_some_and(|v| !crate::basics::text::trim(v).is_empty())))
            }
            _ => self.text(row).is_some_and(|v| !crate::basics::text::trim(v).is_empty()),
        }
    }

    /// The text of `row` when the field holds text there (not trimmed); `None` when null or
    /// absent, or when the field holds something else.
    #[inline]
    pub fn text(&self, row: usize) -> Option<&'a str> {
        match self {
            Field::Spans { text, spans } => {
                let (a, b) = spans[row];
                text.get(a as usize..b as usize)
            }
            #[cfg(feature = "arrow")]
            Field::Text(t) => t.value(row),
            _ => None,
        }
    }

    /// Sets `row`'s value of this field in `raw`, as the row parser reads it. Integers and lists
    /// are written as text into `scratch` (integers in decimal, list items joined with `;`).
    pub fn raw<'s>(&'s self, column: Column, row: usize, raw: &mut Raw<'s>, scratch: &'s mut String) {
        #[cfg(feature = "arrow")]
        use std::fmt::Write as _;
        #[cfg(not(feature = "arrow"))]
        let _ = scratch;
        match self {
            Field::Absent => {}
            Field::Spans { .. } => {
                if let Some(v) = self.text(row) {
                    raw.set(column, v);
                }
            }
            #[cfg(feature = "arrow")]
            Field::Text(t) => {
                if let Some(v) = t.value(row) {
                    raw.set(column, v);
                }
            }
            #[cfg(feature = "arrow")]
            Field::Date32(days) => {
                if !days.is_null(row) {
                    raw.set_day(column, column_day(i64::from(days.value(row)) + UNIX_EPOCH_DAY));
                }
            }
            #[cfg(feature = "arrow")]
            Field::Days(days) => {
                if let Some(d) = days[row] {
                    raw.set_day(column, column_day(d));
                }
            }
            #[cfg(feature = "arrow")]
            Field::Flags(b) => {
                if !b.is_null(row) {
                    raw.set_flag(column, b.value(row));
                }
            }
            #[cfg(feature = "arrow")]
            Field::Integers(values) if column == Column::Subsidised => match values.get(row) {
                Some(0) => raw.set_flag(column, false),
                Some(1) => raw.set_flag(column, true),
                Some(_) => raw.set(column, "?"),
                None => {}
            },
            #[cfg(feature = "arrow")]
            Field::Integers(values) => {
                scratch.clear();
                if let Some(v) = values.get(row) {
                    let _ = write!(scratch, "{v}");
                    raw.set(column, scratch.as_str());
                }
            }
            #[cfg(feature = "arrow")]
            Field::List { offsets, values, array } => {
                scratch.clear();
                if !array.is_null(row) {
                    for v in (offsets[row]..offsets[row + 1]).filter_map(|i| values.value(i)) {
                        if !scratch.is_empty() {
                            scratch.push(';');
                        }
                        scratch.push_str(v);
                    }
                    raw.set(column, scratch.as_str());
                }
            }
            #[cfg(feature = "arrow")]
            Field::Wrong(_) => {}
        }
    }
}

/// A block of records, a column at a time: each record column's field, the order the input
/// gave its columns in, and the rows its reader already refused.
pub(crate) struct Columns<'a> {
    /// Each record column's field, by `Column as usize`.
    pub fields: Vec<Field<'a>>,
    /// The record columns in the input's order: when several values of a row have a wrong type,
    /// the last is the one reported.
    pub order: Vec<Column>,
    /// Rows in the block.
    pub rows: usize,
    /// Rows the reader refused (a CSV row that is not UTF-8, a line that is not an object), by
    /// row index, ascending.
    pub refused: Vec<(usize, Refusal)>,
}

impl<'a> Columns<'a> {
    /// No columns yet, for `rows` rows.
    pub fn new(rows: usize) -> Columns<'a> {
        Columns { fields: (0..16).map(|_| Field::Absent).collect(), order: Vec::new(), rows, refused: Vec::new() }
    }

    /// Gives `column` its field.
    pub fn set(&mut self, column: Column, field: Field<'a>) {
        self.fields[column as usize] = field;
        self.order.push(column);
    }

    pub fn field(&self, column: Column) -> &Field<'a> {
        &self.fields[column as usize]
    }

    /// The `wrong_type` refusal of `row`, if any: at the last column (in the input's order)
    /// holding a wrong-typed value.
    pub fn wrong(&self, row: usize) -> Option<Refusal> {
        self.order.iter().rev().find(|c| self.field(**c).is_wrong(row)).map(|c| RecordReason::WrongType.at(c.name()))
    }

    /// Row `row` as the row parser reads it; `scratch` holds the text of integers and lists.
    pub fn raw<'s>(&'s self, row: usize, scratch: &'s mut [String; 16]) -> Raw<'s> {
        let mut raw = Raw::default();
        for (k, text) in scratch.iter_mut().enumerate() {
            let column = super::columns::COLUMNS[k];
            self.fields[k].raw(column, row, &mut raw, text);
        }
        raw
    }
}
