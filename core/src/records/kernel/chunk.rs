//! A chunk of rows decoded and validated: each field's values in compact form, and each row's
//! first refusal, found by checking the fields in the row parser's order.

use std::ops::Range;

use crate::plan::counting::{DateSlot, Facts, NO_DATE, NO_TERM};

use super::super::columns::Column;
use super::super::field::Columns;
use super::super::parse::{RecordReason, Refusal};
use super::decode::{Caches, Got, decode, decode_dates, decode_flags, decode_groups, int_key, person_key, record_id};
use super::{Kernel, empty_training};

/// Rows decoded together: small enough that a chunk's columns stay in the first-level cache.
pub(super) const CHUNK: usize = 1024;

/// The four dates of a training, with their slots.
pub(super) const DATES: [(Column, DateSlot); 4] = [
    (Column::StartDate, DateSlot::Start),
    (Column::EndDate, DateSlot::End),
    (Column::CompletionDate, DateSlot::Completion),
    (Column::CertificateDate, DateSlot::Certificate),
];

/// A row not refused.
pub(super) const NONE: u16 = 0;
/// A refusal the reader gave, by its index in [`Chunk::given`] (at most one per row of a chunk).
pub(super) const GIVEN: u16 = 1 << 15;

/// A chunk of rows decoded: each field's values and each row's first refusal.
pub(super) struct Chunk {
    pub len: usize,
    /// Each row's first refusal as `(column + 1) << 8 | reason`, or [`NONE`]; reader refusals
    /// (at fields that are not columns, such as `row`) are kept aside in `given`.
    pub refusal: Vec<u16>,
    pub given: Vec<Refusal>,
    /// The shared leaves each row meets, and whether a rule counted it.
    pub bits: Vec<u64>,
    pub counted: Vec<bool>,
    pub region: Vec<u16>,
    pub training_type: Vec<u8>,
    pub subsidised: Vec<bool>,
    pub groups: Vec<u64>,
    pub certificate_kind: Vec<u8>,
    pub level: Vec<u8>,
    /// Day numbers (or `NO_DATE`) of the four dates, by slot.
    pub dates: [Vec<i32>; 4],
    // Decoded values before validation.
    pub got_u8: Vec<Got<u8>>,
    pub got_level: Vec<Got<u8>>,
    pub got_day: Vec<Got<i32>>,
}

impl Chunk {
    pub fn new() -> Chunk {
        Chunk {
            len: 0,
            refusal: vec![NONE; CHUNK],
            given: Vec::new(),
            bits: vec![0; CHUNK],
            counted: vec![false; CHUNK],
            region: vec![0; CHUNK],
            training_type: vec![NO_TERM; CHUNK],
            subsidised: vec![false; CHUNK],
            groups: vec![0; CHUNK],
            certificate_kind: vec![NO_TERM; CHUNK],
            level: vec![0; CHUNK],
            dates: std::array::from_fn(|_| vec![NO_DATE; CHUNK]),
            got_u8: vec![Got::Absent; CHUNK],
            got_level: vec![Got::Absent; CHUNK],
            got_day: vec![Got::Absent; CHUNK],
        }
    }

    /// A row's facts, for rules that keep their tree.
    pub fn facts(&self, row: usize) -> Facts {
        let d = |s: usize| self.dates[s][row];
        Facts {
            region: self.region[row],
            training_type: self.training_type[row],
            subsidised: self.subsidised[row],
            groups: self.groups[row],
            certificate_kind: self.certificate_kind[row],
            certificate_level: self.level[row],
            dates: [d(0), d(1), d(2), d(3), NO_DATE],
            ..empty_training()
        }
    }

    /// The refusal a code stands for.
    pub fn refusal_of(&self, code: u16) -> Refusal {
        if code & GIVEN != 0 {
            return self.given[(code & !GIVEN) as usize];
        }
        let column = super::super::columns::COLUMNS[((code >> 8) - 1) as usize];
        Refusal { field: column.name(), reason: RecordReason::ALL[(code & 0xff) as usize] }
    }

    /// Refuses `row` for `reason` at `column`, unless an earlier check refused it.
    #[inline]
    fn refuse(&mut self, row: usize, column: Column, reason: RecordReason) {
        refuse(&mut self.refusal, row, column, reason);
    }

    /// Decodes and validates `rows` of `columns`, in the row parser's order of checks.
    // Each row index reads a decoded value and writes a field and a refusal: one index, three arrays.
    #[allow(clippy::needless_range_loop)]
    pub fn decode(&mut self, k: &Kernel<'_>, columns: &Columns<'_>, caches: &Caches, rows: Range<usize>) {
        let n = rows.len();
        self.len = n;
        let start = rows.start;
        self.refusal[..n].fill(NONE);
        self.given.clear();
        // Refused by the reader, then wrong-typed values: before any field is read.
        for (r, refusal) in columns.refused.iter().skip_while(|(r, _)| *r < start).take_while(|(r, _)| *r < rows.end) {
            self.refusal[r - start] = GIVEN | self.given.len() as u16;
            self.given.push(*refusal);
        }
        for column in columns.order.iter().rev() {
            let field = columns.field(*column);
            if field.can_be_wrong() {
                for (i, row) in rows.clone().enumerate() {
                    if field.is_wrong(row) {
                        self.refuse(i, *column, RecordReason::WrongType);
                    }
                }
            }
        }
        let refusal = &mut self.refusal;
        for (j, (column, person)) in [(Column::RecordId, false), (Column::PersonKey, true)].into_iter().enumerate() {
            let (field, cache) = (columns.field(column), caches.keys[j].as_deref());
            let check = |i: usize, got: Got<()>| {
                required(refusal, i, column, got);
            };
            if person {
                decode(field, rows.clone(), cache, person_key, |v| int_key(v, true), check);
            } else {
                decode(field, rows.clone(), cache, record_id, |v| int_key(v, false), check);
            }
        }
        let region = &mut self.region;
        decode(
            columns.field(Column::Region),
            rows.clone(),
            caches.region.as_deref(),
            |t: &str| k.region_text(t),
            |v| k.region_of_int(v),
            |i, got| region[i] = required(refusal, i, Column::Region, got).unwrap_or(0),
        );
        let training_type = &mut self.training_type;
        decode(
            columns.field(Column::TrainingType),
            rows.clone(),
            caches.training_type.as_deref(),
            |t: &str| k.training_type(t),
            |v: i64| k.training_type(&v.to_string()),
            |i, got| training_type[i] = required(refusal, i, Column::TrainingType, got).unwrap_or(NO_TERM),
        );
        let subsidised = &mut self.subsidised;
        decode_flags(columns.field(Column::Subsidised), rows.clone(), caches.subsidised.as_deref(), |i, got| {
            subsidised[i] = required(refusal, i, Column::Subsidised, got).unwrap_or(false);
        });
        let groups = &mut self.groups;
        decode_groups(k, columns.field(Column::Groups), rows.clone(), caches.groups.as_deref(), |i, got| {
            groups[i] = match got {
                Got::Value(m) => m,
                Got::Absent => 0,
                Got::Bad(reason) => {
                    refuse(refusal, i, Column::Groups, reason);
                    0
                }
            };
        });
        let (start_dates, others) = self.dates.split_at_mut(1);
        let starts = &mut start_dates[0];
        decode_dates(columns.field(Column::StartDate), rows.clone(), caches.dates[0].as_deref(), |i, got| {
            starts[i] = required(refusal, i, Column::StartDate, got).unwrap_or(NO_DATE);
        });
        for (j, (column, _)) in DATES.into_iter().enumerate().skip(1).take(2) {
            let days = &mut others[j - 1];
            decode_dates(columns.field(column), rows.clone(), caches.dates[j].as_deref(), |i, got| {
                days[i] = match got {
                    Got::Value(d) if d < starts[i] => {
                        refuse(refusal, i, column, RecordReason::DateOrder);
                        NO_DATE
                    }
                    Got::Value(d) => d,
                    Got::Absent => NO_DATE,
                    Got::Bad(reason) => {
                        refuse(refusal, i, column, reason);
                        NO_DATE
                    }
                };
            });
        }
        let mut got = std::mem::take(&mut self.got_u8);
        let mut days = std::mem::take(&mut self.got_day);
        // A certificate: its kind, then its date (required with a kind), then its level.
        decode(
            columns.field(Column::CertificateKind),
            rows.clone(),
            caches.certificate_kind.as_deref(),
            |t: &str| k.certificate_kind(t),
            |v: i64| k.certificate_kind(&v.to_string()),
            |i, g| got[i] = g,
        );
        let (cert_column, cert_slot) = DATES[3];
        decode_dates(columns.field(cert_column), rows.clone(), caches.dates[3].as_deref(), |i, g| days[i] = g);
        let mut levels = std::mem::take(&mut self.got_level);
        decode(
            columns.field(Column::CertificateLevel),
            rows.clone(),
            caches.level.as_deref(),
            |t: &str| k.level_text(t),
            |v| k.level_of_int(v),
            |i, g| levels[i] = g,
        );
        let cs = cert_slot as usize;
        for i in 0..n {
            self.certificate_kind[i] = NO_TERM;
            self.level[i] = 0;
            self.dates[cs][i] = NO_DATE;
            match got[i] {
                Got::Bad(reason) => self.refuse(i, Column::CertificateKind, reason),
                Got::Value(kind) => {
                    self.certificate_kind[i] = kind;
                    match days[i] {
                        Got::Absent => self.refuse(i, cert_column, RecordReason::MissingField),
                        Got::Bad(reason) => self.refuse(i, cert_column, reason),
                        Got::Value(d) if d < self.dates[0][i] => self.refuse(i, cert_column, RecordReason::DateOrder),
                        Got::Value(d) => self.dates[cs][i] = d,
                    }
                    match levels[i] {
                        Got::Absent => {}
                        Got::Bad(reason) => self.refuse(i, Column::CertificateLevel, reason),
                        Got::Value(l) => self.level[i] = l,
                    }
                }
                Got::Absent => {
                    // A level or date with no kind: the certificate is half-recorded, not absent.
                    if !matches!(days[i], Got::Absent) || !matches!(levels[i], Got::Absent) {
                        self.refuse(i, Column::CertificateKind, RecordReason::MissingField);
                    }
                }
            }
        }
        self.got_u8 = got;
        self.got_day = days;
        self.got_level = levels;
    }
}

/// Refuses `row` for `reason` at `column`, unless an earlier check refused it.
#[inline]
fn refuse(refusal: &mut [u16], row: usize, column: Column, reason: RecordReason) {
    if refusal[row] == NONE {
        refusal[row] = ((column as u16 + 1) << 8) | reason as u16;
    }
}

/// A required value: refused when absent or bad.
#[inline]
fn required<T: Copy>(refusal: &mut [u16], row: usize, column: Column, got: Got<T>) -> Option<T> {
    match got {
        Got::Value(v) => Some(v),
        Got::Absent => {
            refuse(refusal, row, column, RecordReason::MissingField);
            None
        }
        Got::Bad(reason) => {
            refuse(refusal, row, column, reason);
            None
        }
    }
}
