//! The counting kernel: a block of training records counted a column at a time. Each field is
//! decoded for a chunk of rows into compact values (region indexes, term indexes, group masks,
//! day numbers); a dictionary's entries are resolved once, integer region codes through a table,
//! typed dates by arithmetic. Validation runs field by field in the row parser's order, keeping
//! each row's first refusal, so a row is refused with exactly the field and reason the parser
//! gives. The rules' shared leaves are looked up per field value and combined into one bit mask
//! per row, and counted rows go into the tally's dense cells.
//!
//! Base records are rare (专栏1 row 6 counts a few hundred): a chunk holding one is read row by
//! row through the parser instead ([`Kernel::count_rows`]), which is also the reference the
//! property tests hold the kernel to.

use std::ops::Range;

#[cfg(feature = "arrow")]
use arrow_array::Array;

#[cfg(feature = "arrow")]
use crate::basics::arrow::{Text, UNIX_EPOCH_DAY};
use crate::basics::id_number::looks_like_id_number;
use crate::basics::text::trim;
use crate::model::RecordSubject;
use crate::plan::Plan;
use crate::plan::counting::{DateSlot, Facts, NO_DATE, NO_TERM, PresentField, Test};

use super::columns::{Column, MAX_KEY_BYTES};
#[cfg(feature = "arrow")]
use super::field::column_day;
use super::field::{Columns, Field};
use super::parse::{FIRST_DAY, RecordParser, RecordReason, Refusal, day_number, parse_flag};
use super::tally::Tally;

/// Rows decoded together: small enough that a chunk's columns stay in the first-level cache.
const CHUNK: usize = 1024;

/// A dictionary is resolved entry by entry when it has at most this many entries per row of the
/// block (a larger one, such as dictionary-encoded person keys, is read row by row).
#[cfg(feature = "arrow")]
const DICTIONARY_PER_ROW: usize = 2;

/// One decoded value: absent (null or blank), a value, or why it is refused.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Got<T> {
    Absent,
    Value(T),
    Bad(RecordReason),
}

/// A rule over training records, as the kernel applies it.
struct KernelRule<'p> {
    indicator: usize,
    date: DateSlot,
    /// The shared leaves that must all hold.
    mask: u64,
    /// A rule that is not a conjunction of leaves keeps its tree.
    tree: Option<&'p Test>,
}

/// Which leaves each value of a field meets.
struct LeafTables {
    training_type: [u64; 256],
    certificate_kind: [u64; 256],
    level: [u64; 256],
    subsidised: [u64; 2],
    /// `[slot][given]` for the four dates of a training.
    dates: [[u64; 2]; 4],
    /// Leaves on groups, with their bit.
    groups: Vec<(Test, u64)>,
    /// Leaves that hold for every training whatever its values (a base kind, a designated date).
    constant: u64,
}

/// Everything the kernel needs from a plan, built once per call and shared by the threads.
pub(crate) struct Kernel<'p> {
    plan: &'p Plan,
    parser: RecordParser<'p>,
    /// Regions of the six-digit codes from `code_base`.
    code_base: u32,
    code_regions: Vec<Option<u16>>,
    /// Levels of the integers 0–99 (national levels 1–5 and their spellings).
    small_levels: Vec<Option<u8>>,
    leaves: LeafTables,
    rules: Vec<KernelRule<'p>>,
}

/// A training with no values: what the leaf tables vary one field of.
fn empty_training() -> Facts {
    Facts::empty(RecordSubject::Training)
}

impl<'p> Kernel<'p> {
    pub fn new(plan: &'p Plan) -> Kernel<'p> {
        let parser = RecordParser::new(plan);
        let codes: Vec<u32> = parser.region_codes().iter().map(|(c, _)| *c).collect();
        let (code_base, code_regions) = match (codes.iter().min(), codes.iter().max()) {
            (Some(&lo), Some(&hi)) if hi - lo < 1 << 20 => {
                let base = lo.max(100_000);
                let top = (hi + 99).min(999_999);
                (base, (base..=top).map(|c| parser.region_of_code(c)).collect())
            }
            _ => (0, Vec::new()),
        };
        let small_levels = (0..100).map(|n: u32| parser.level(&n.to_string())).collect();
        let rules_data = plan.counting_rules();
        let leaves = leaf_tables(&rules_data.leaves);
        let rules = rules_data
            .rules
            .iter()
            .enumerate()
            .filter_map(|(indicator, rule)| {
                let rule = rule.as_ref()?;
                (rule.subject == RecordSubject::Training).then(|| KernelRule {
                    indicator,
                    date: rule.date,
                    mask: rule.leaf_mask.unwrap_or(0),
                    tree: if rule.leaf_mask.is_some() { None } else { rule.test.as_ref() },
                })
            })
            .collect();
        Kernel { plan, parser, code_base, code_regions, small_levels, leaves, rules }
    }

    /// Counts the rows of `columns` into `tally`; returns the refused rows (their indexes), up to
    /// `cap` of them (the caller fails past its limit, so the rest never matter).
    pub fn count(&self, columns: &Columns<'_>, cap: usize, tally: &mut Tally) -> Vec<(usize, Refusal)> {
        let caches = Caches::new(self, columns);
        let mut chunk = Chunk::new();
        let mut refusals = Vec::new();
        let mut start = 0;
        while start < columns.rows {
            let rows = start..(start + CHUNK).min(columns.rows);
            if self.has_bases(columns, rows.clone()) {
                self.count_rows(columns, rows.clone(), cap, tally, &mut refusals);
            } else {
                chunk.decode(self, columns, &caches, rows.clone());
                self.count_chunk(&mut chunk, tally);
                for (k, &code) in chunk.refusal[..rows.len()].iter().enumerate() {
                    if code != NONE && refusals.len() < cap {
                        refusals.push((start + k, chunk.refusal_of(code)));
                    }
                }
            }
            start = rows.end;
        }
        refusals
    }

    /// Whether any row of `rows` is a base (it has a base id, or a base kind and no record id).
    fn has_bases(&self, columns: &Columns<'_>, rows: Range<usize>) -> bool {
        let (id, kind, record) =
            (columns.field(Column::BaseId), columns.field(Column::BaseKind), columns.field(Column::RecordId));
        if matches!((id, kind), (Field::Absent, Field::Absent)) {
            return false;
        }
        rows.into_iter().any(|r| id.has_text(r) || (!record.has_text(r) && kind.has_text(r)))
    }

    /// Counts `rows` one at a time through the row parser, as every reader did before the
    /// kernel, adding refused rows to `refusals` up to `cap`.
    pub fn count_rows(
        &self,
        columns: &Columns<'_>,
        rows: Range<usize>,
        cap: usize,
        tally: &mut Tally,
        refusals: &mut Vec<(usize, Refusal)>,
    ) {
        let mut scratch: [String; 16] = Default::default();
        let first = rows.start;
        let mut given = columns.refused.iter().skip_while(|(r, _)| *r < first).peekable();
        for row in rows {
            let early = match given.peek() {
                Some((r, refusal)) if *r == row => {
                    let refusal = *refusal;
                    given.next();
                    Some(refusal)
                }
                _ => columns.wrong(row),
            };
            let result = match early {
                Some(refusal) => Err(refusal),
                None => self.parser.facts(&columns.raw(row, &mut scratch)),
            };
            match result {
                Ok(facts) => tally.add_facts(self.plan, &facts),
                Err(refusal) => {
                    if refusals.len() < cap {
                        refusals.push((row, refusal));
                    }
                }
            }
        }
    }

    /// Counts a decoded chunk: the leaves each row meets, a field at a time, then each rule
    /// over the rows that meet its leaves.
    fn count_chunk(&self, chunk: &mut Chunk, tally: &mut Tally) {
        let n = chunk.len;
        let t = &self.leaves;
        let bits = &mut chunk.bits[..n];
        bits.fill(t.constant);
        fn add<V: Copy>(bits: &mut [u64], values: &[V], table: &[u64], index: impl Fn(V) -> usize) {
            if table.iter().any(|b| *b != 0) {
                for (b, v) in bits.iter_mut().zip(values) {
                    *b |= table[index(*v)];
                }
            }
        }
        add(bits, &chunk.training_type[..n], &t.training_type, |v| v as usize);
        add(bits, &chunk.certificate_kind[..n], &t.certificate_kind, |v| v as usize);
        add(bits, &chunk.level[..n], &t.level, |v| v as usize);
        add(bits, &chunk.subsidised[..n], &t.subsidised, |v| v as usize);
        for (slot, table) in t.dates.iter().enumerate() {
            add(bits, &chunk.dates[slot][..n], table, |d| (d != NO_DATE) as usize);
        }
        for (leaf, bit) in &t.groups {
            for (b, &groups) in bits.iter_mut().zip(&chunk.groups[..n]) {
                let holds = match leaf {
                    Test::GroupsAny(mask) => groups & mask != 0,
                    other => other.holds(&Facts { groups, ..empty_training() }),
                };
                if holds {
                    *b |= bit;
                }
            }
        }
        let mut counted = std::mem::take(&mut chunk.counted);
        counted[..n].fill(false);
        let mut counter = tally.counter();
        for rule in &self.rules {
            let days = &chunk.dates[rule.date as usize][..n];
            let (refusal, bits) = (&chunk.refusal[..n], &chunk.bits[..n]);
            let regions = &chunk.region[..n];
            match rule.tree {
                None => {
                    let mask = rule.mask;
                    counter.add_rows(
                        rule.indicator,
                        regions,
                        days,
                        |row| refusal[row] == NONE && bits[row] & mask == mask,
                        &mut counted[..n],
                    );
                }
                Some(test) => counter.add_rows(
                    rule.indicator,
                    regions,
                    days,
                    |row| refusal[row] == NONE && test.holds(&chunk.facts(row)),
                    &mut counted[..n],
                ),
            }
        }
        tally.rows_read += chunk.refusal[..n].iter().filter(|r| **r == NONE).count() as u64;
        tally.rows_counted += counted[..n].iter().filter(|c| **c).count() as u64;
        chunk.counted = counted;
    }

    fn region_of_int(&self, v: i64) -> Got<u16> {
        let found = if (100_000..=999_999).contains(&v) {
            let at = (v as u32).wrapping_sub(self.code_base) as usize;
            match self.code_regions.get(at) {
                Some(r) => *r,
                None if self.code_regions.is_empty() => self.parser.region_of_code(v as u32),
                None => None,
            }
        } else {
            self.parser.region_of(&v.to_string())
        };
        found.map_or(Got::Bad(RecordReason::UnknownRegion), Got::Value)
    }

    fn level_of_int(&self, v: i64) -> Got<u8> {
        let found = match usize::try_from(v).ok().and_then(|i| self.small_levels.get(i)) {
            Some(l) => *l,
            None => self.parser.level(&v.to_string()),
        };
        found.map_or(Got::Bad(RecordReason::UnknownLevel), Got::Value)
    }
}

/// The leaf tables of a plan's shared leaves.
fn leaf_tables(leaves: &[Test]) -> LeafTables {
    let mut t = LeafTables {
        training_type: [0; 256],
        certificate_kind: [0; 256],
        level: [0; 256],
        subsidised: [0; 2],
        dates: [[0; 2]; 4],
        groups: Vec::new(),
        constant: 0,
    };
    for (i, leaf) in leaves.iter().enumerate() {
        let bit = 1u64 << i;
        let holds_with = |set: &dyn Fn(&mut Facts)| {
            let mut f = empty_training();
            set(&mut f);
            leaf.holds(&f)
        };
        match leaf {
            Test::TrainingTypeIn(_) => {
                for v in 0..256 {
                    if holds_with(&|f| f.training_type = v as u8) {
                        t.training_type[v] |= bit;
                    }
                }
            }
            Test::CertificateKindIn(_) | Test::Present(PresentField::CertificateKind, _) => {
                for v in 0..256 {
                    if holds_with(&|f| f.certificate_kind = v as u8) {
                        t.certificate_kind[v] |= bit;
                    }
                }
            }
            Test::LevelAtLeast(_) | Test::LevelIs(_) | Test::Present(PresentField::CertificateLevel, _) => {
                for v in 0..256 {
                    if holds_with(&|f| f.certificate_level = v as u8) {
                        t.level[v] |= bit;
                    }
                }
            }
            Test::Subsidised(_) => {
                for v in [false, true] {
                    if holds_with(&|f| f.subsidised = v) {
                        t.subsidised[v as usize] |= bit;
                    }
                }
            }
            Test::Present(PresentField::Date(slot), _) if (*slot as usize) < 4 => {
                for given in [false, true] {
                    let day = if given { FIRST_DAY } else { NO_DATE };
                    if holds_with(&|f| f.dates[*slot as usize] = day) {
                        t.dates[*slot as usize][given as usize] |= bit;
                    }
                }
            }
            Test::GroupsAny(_) | Test::Present(PresentField::Groups, _) => t.groups.push((leaf.clone(), bit)),
            // Base kinds and designated dates: the same for every training.
            _ => {
                if leaf.holds(&empty_training()) {
                    t.constant |= bit;
                }
            }
        }
    }
    t
}

/// Dictionaries of one block resolved entry by entry, per field.
#[derive(Default)]
struct Caches {
    keys: [Option<Vec<Got<()>>>; 2],
    region: Option<Vec<Got<u16>>>,
    training_type: Option<Vec<Got<u8>>>,
    subsidised: Option<Vec<Got<bool>>>,
    groups: Option<Vec<Got<u64>>>,
    certificate_kind: Option<Vec<Got<u8>>>,
    level: Option<Vec<Got<u8>>>,
    dates: [Option<Vec<Got<i32>>>; 4],
}

/// The four dates of a training, with their slots.
const DATES: [(Column, DateSlot); 4] = [
    (Column::StartDate, DateSlot::Start),
    (Column::EndDate, DateSlot::End),
    (Column::CompletionDate, DateSlot::Completion),
    (Column::CertificateDate, DateSlot::Certificate),
];

impl Caches {
    fn new(k: &Kernel<'_>, columns: &Columns<'_>) -> Caches {
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
#[cfg(feature = "arrow")]
#[inline]
fn resolved<T>(text: &str, resolve: &dyn Fn(&str) -> Got<T>) -> Got<T> {
    let text = trim(text);
    if text.is_empty() { Got::Absent } else { resolve(text) }
}

fn record_id(text: &str) -> Got<()> {
    if text.len() > MAX_KEY_BYTES { Got::Bad(RecordReason::TooLong) } else { Got::Value(()) }
}

fn person_key(text: &str) -> Got<()> {
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
fn int_key(v: i64, person: bool) -> Got<()> {
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
    } else if (FIRST_DAY..=super::parse::LAST_DAY).contains(&day) {
        Got::Value(day)
    } else {
        Got::Bad(RecordReason::DateOutOfRange)
    }
}

impl Kernel<'_> {
    fn region_text(&self, text: &str) -> Got<u16> {
        self.parser.region_of(text).map_or(Got::Bad(RecordReason::UnknownRegion), Got::Value)
    }

    fn training_type(&self, text: &str) -> Got<u8> {
        let v = &self.parser.vocabularies().training_types;
        v.find(text).map_or(Got::Bad(RecordReason::UnknownTrainingType), Got::Value)
    }

    fn certificate_kind(&self, text: &str) -> Got<u8> {
        let v = &self.parser.vocabularies().certificate_kinds;
        v.find(text).map_or(Got::Bad(RecordReason::UnknownCertificateKind), Got::Value)
    }

    fn groups(&self, text: &str) -> Got<u64> {
        self.parser.groups(text).map_or(Got::Bad(RecordReason::UnknownGroup), Got::Value)
    }

    fn level_text(&self, text: &str) -> Got<u8> {
        self.parser.level(text).map_or(Got::Bad(RecordReason::UnknownLevel), Got::Value)
    }
}

/// Decodes `rows` of a text-valued field into `out`: dictionary entries from `cache`, text
/// through `resolve`, integers through `int`. Other layouts hold no text and are absent.
#[inline]
fn decode<T: Copy>(
    field: &Field<'_>,
    rows: Range<usize>,
    cache: Option<&[Got<T>]>,
    resolve: impl Fn(&str) -> Got<T>,
    int: impl Fn(i64) -> Got<T>,
    mut out: impl FnMut(usize, Got<T>),
) {
    #[cfg(not(feature = "arrow"))]
    let _ = (cache, &int);
    let resolve = |v: &str| {
        let v = trim(v);
        if v.is_empty() { Got::Absent } else { resolve(v) }
    };
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
fn decode_groups(
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
                    match (resolved(v, &|t| k.groups(t)), got) {
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
fn decode_dates(
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
fn decode_flags(
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

/// A row not refused.
const NONE: u16 = 0;
/// A refusal the reader gave, by its index in [`Chunk::given`] (at most one per row of a chunk).
const GIVEN: u16 = 1 << 15;

/// A chunk of rows decoded: each field's values and each row's first refusal.
struct Chunk {
    len: usize,
    /// Each row's first refusal as `(column + 1) << 8 | reason`, or [`NONE`]; reader refusals
    /// (at fields that are not columns, such as `row`) are kept aside in `given`.
    refusal: Vec<u16>,
    given: Vec<Refusal>,
    /// The shared leaves each row meets, and whether a rule counted it.
    bits: Vec<u64>,
    counted: Vec<bool>,
    region: Vec<u16>,
    training_type: Vec<u8>,
    subsidised: Vec<bool>,
    groups: Vec<u64>,
    certificate_kind: Vec<u8>,
    level: Vec<u8>,
    /// Day numbers (or `NO_DATE`) of the four dates, by slot.
    dates: [Vec<i32>; 4],
    // Decoded values before validation.
    got_u8: Vec<Got<u8>>,
    got_level: Vec<Got<u8>>,
    got_day: Vec<Got<i32>>,
}

impl Chunk {
    fn new() -> Chunk {
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
    fn facts(&self, row: usize) -> Facts {
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
    fn refusal_of(&self, code: u16) -> Refusal {
        if code & GIVEN != 0 {
            return self.given[(code & !GIVEN) as usize];
        }
        let column = super::columns::COLUMNS[((code >> 8) - 1) as usize];
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
    fn decode(&mut self, k: &Kernel<'_>, columns: &Columns<'_>, caches: &Caches, rows: Range<usize>) {
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
