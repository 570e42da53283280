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
//!
//! `decode` reads a field of any layout into decoded values; `chunk` validates a chunk's fields
//! in the parser's order; this module applies the rules.

use std::ops::Range;

use crate::model::RecordSubject;
use crate::plan::Plan;
use crate::plan::counting::{DateSlot, Facts, NO_DATE, PresentField, Test};

use super::columns::Column;
use super::field::{Columns, Field};
use super::parse::{FIRST_DAY, RecordParser, RecordReason, Refusal};
use super::tally::Tally;

mod chunk;
mod decode;

use chunk::{CHUNK, Chunk, NONE};
use decode::{Caches, Got};

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
