//! Deterministic synthetic records for demos, tests and benchmarks: the same rows for the same
//! seed on every machine and in every language (the generator is a fixed splitmix64, not a
//! library RNG whose stream may change).
//!
//! The mixes are illustrative, not statistics: regional shares follow the 2020 census resident
//! population of Jilin's prefectures roughly; training types, groups, certificate rates and
//! levels are plausible round figures. A few rows carry county codes (counted toward their
//! prefecture) or region ids (长白山管委会 and 长春新区 have no code), and a few start before
//! the plan period or are never completed, so every path of the counting rules is exercised.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::records::{BASE_COLUMNS, RecordInput, TRAINING_COLUMNS};

/// splitmix64: a tiny generator with a fixed, documented output stream.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// The generator whose stream starts from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next number of the stream.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// True with probability `per_mille`/1000.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<T: Copy>(&mut self, weighted: &[(T, u64)]) -> T {
        let total: u64 = weighted.iter().map(|w| w.1).sum();
        let mut x = self.below(total);
        for &(value, w) in weighted {
            if x < w {
                return value;
            }
            x -= w;
        }
        weighted[weighted.len() - 1].0
    }
}

/// Regions as records write them, with weights in ‰. County codes count toward their prefecture.
const REGIONS: &[(&str, u64)] = &[
    ("220100", 300),
    ("220102", 40),
    ("220184", 20),
    ("changchun-new-area", 12),
    ("220200", 130),
    ("220281", 20),
    ("220300", 75),
    ("220400", 41),
    ("220500", 44),
    ("220581", 10),
    ("220600", 38),
    ("220700", 94),
    ("220800", 64),
    ("222400", 70),
    ("222401", 11),
    ("changbaishan", 5),
    ("220000", 12),
];
const TRAINING_TYPES: &[(&str, u64)] = &[
    ("employment_skills", 330),
    ("skill_upgrading", 300),
    ("entrepreneurship", 80),
    ("apprenticeship", 70),
    ("safety_skills", 120),
    ("labour_preparation", 30),
    ("other", 70),
];
const CERTIFICATE_KINDS: &[(&str, u64)] = &[
    ("skill_level_certificate", 700),
    ("vocational_qualification", 100),
    ("special_ability", 120),
    ("training_certificate", 80),
];
const LEVELS: &[(&str, u64)] =
    &[("junior", 400), ("intermediate", 300), ("senior", 200), ("technician", 70), ("senior-technician", 30)];
const BASE_KINDS: &[(&str, u64)] =
    &[("public_training_base", 300), ("skills_training_base", 500), ("competition_training_base", 200)];

/// Trainings start from this day (before the plan period, so some fall outside it) …
fn first_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 10, 1).unwrap_or_default()
}
/// … to this one.
const START_SPAN_DAYS: u64 = 1553; // 2021-10-01 + 1552 days = 2025-12-31

/// One synthetic training record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleTraining {
    /// `T<seed in hex>-<index>`, unique within a seed.
    pub record_id: String,
    /// 32 hex digits standing for a hashed person key; the same person recurs across rows.
    pub person_key: String,
    /// A GB/T 2260 code (of a prefecture, a county or the province) or a region id.
    pub region: &'static str,
    /// A training type id of the Jilin plan.
    pub training_type: &'static str,
    /// Whether the training was subsidised.
    pub subsidised: bool,
    /// Group ids of the Jilin plan; often none.
    pub groups: Vec<&'static str>,
    /// The day the training started, from 2021-10-01 to 2025-12-31.
    pub start_date: NaiveDate,
    /// The day the training ended.
    pub end_date: NaiveDate,
    /// The end date, for the trainings that were completed.
    pub completion_date: Option<NaiveDate>,
    /// The certificate obtained after completion, if any: its kind, its level (for skill-level and
    /// qualification certificates) and the day it was issued.
    pub certificate: Option<(&'static str, Option<&'static str>, NaiveDate)>,
}

/// One synthetic training base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleBase {
    /// `B<seed in hex>-<index>`, unique within a seed.
    pub base_id: String,
    /// A base kind id of the Jilin plan.
    pub base_kind: &'static str,
    /// A GB/T 2260 code or a region id, as for trainings.
    pub region: &'static str,
    /// The day the base was built or designated.
    pub designated_date: NaiveDate,
}

/// The `index`-th training record of the stream of `seed`: each row depends only on the seed and
/// its index, so partitions can be generated apart and agree with the whole.
pub fn training(seed: u64, index: u64) -> SampleTraining {
    let mut rng = SplitMix64::new(seed ^ index.wrapping_mul(0xD6E8_FEB8_6659_FD93));
    let person = rng.next_u64() % 4_000_000; // people train more than once
    let mut person_rng = SplitMix64::new(seed.wrapping_add(person));
    let person_key = format!("{:016x}{:016x}", person_rng.next_u64(), person_rng.next_u64());
    let region = rng.pick(REGIONS);
    let training_type = rng.pick(TRAINING_TYPES);
    let subsidised = rng.chance(if training_type == "apprenticeship" { 900 } else { 700 });
    let mut groups = Vec::new();
    if training_type != "apprenticeship" && rng.chance(380) {
        groups.push(if rng.chance(120) { "returning_migrant_worker" } else { "migrant_worker" });
    }
    for (group, per_mille) in [
        ("poverty_alleviated", 80),
        ("veteran", 30),
        ("college_graduate", 100),
        ("registered_unemployed", 80),
        ("disabled", 10),
    ] {
        if rng.chance(per_mille) {
            groups.push(group);
        }
    }
    if matches!(training_type, "skill_upgrading" | "apprenticeship" | "safety_skills") && rng.chance(700) {
        groups.push("enterprise_employee");
    }
    let start_date = first_start() + chrono::Days::new(rng.below(START_SPAN_DAYS));
    let length = if training_type == "apprenticeship" { 365 + rng.below(366) } else { 3 + rng.below(58) };
    let end_date = start_date + chrono::Days::new(length);
    let completion_date = rng.chance(920).then_some(end_date);
    let certificate = match completion_date {
        Some(done) if rng.chance(300) => {
            let kind = rng.pick(CERTIFICATE_KINDS);
            let level =
                matches!(kind, "skill_level_certificate" | "vocational_qualification").then(|| rng.pick(LEVELS));
            Some((kind, level, done + chrono::Days::new(10 + rng.below(50))))
        }
        _ => None,
    };
    SampleTraining {
        record_id: format!("T{seed:x}-{index:010}"),
        person_key,
        region,
        training_type,
        subsidised,
        groups,
        start_date,
        end_date,
        completion_date,
        certificate,
    }
}

/// The `index`-th training base of the stream of `seed`.
pub fn base(seed: u64, index: u64) -> SampleBase {
    let mut rng = SplitMix64::new(!seed ^ index.wrapping_mul(0xA076_1D64_78BD_642F));
    SampleBase {
        base_id: format!("B{seed:x}-{index:05}"),
        base_kind: rng.pick(BASE_KINDS),
        region: rng.pick(REGIONS),
        designated_date: NaiveDate::from_ymd_opt(2021, 7, 1).unwrap_or_default() + chrono::Days::new(rng.below(1645)),
    }
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl SampleTraining {
    /// The record as a host would hand it over.
    pub fn to_input(&self) -> RecordInput {
        RecordInput {
            record_id: Some(self.record_id.clone()),
            person_key: Some(self.person_key.clone()),
            region: Some(self.region.to_owned()),
            training_type: Some(self.training_type.to_owned()),
            subsidised: Some(self.subsidised.to_string()),
            groups: self.groups.iter().map(|g| (*g).to_owned()).collect(),
            start_date: Some(iso(self.start_date)),
            end_date: Some(iso(self.end_date)),
            completion_date: self.completion_date.map(iso),
            certificate_kind: self.certificate.map(|c| c.0.to_owned()),
            certificate_level: self.certificate.and_then(|c| c.1.map(str::to_owned)),
            certificate_date: self.certificate.map(|c| iso(c.2)),
            ..RecordInput::default()
        }
    }

    fn write_csv(&self, out: &mut impl Write) -> io::Result<()> {
        let date = |d: Option<NaiveDate>| d.map(iso).unwrap_or_default();
        let (kind, level, cert_date) = match self.certificate {
            Some((k, l, d)) => (k, l.unwrap_or(""), iso(d)),
            None => ("", "", String::new()),
        };
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{}",
            self.record_id,
            self.person_key,
            self.region,
            self.training_type,
            self.subsidised,
            self.groups.join(";"),
            iso(self.start_date),
            iso(self.end_date),
            date(self.completion_date),
            kind,
            level,
            cert_date
        )
    }
}

impl SampleBase {
    /// The record as a host would hand it over.
    pub fn to_input(&self) -> RecordInput {
        RecordInput {
            base_id: Some(self.base_id.clone()),
            base_kind: Some(self.base_kind.to_owned()),
            region: Some(self.region.to_owned()),
            designated_date: Some(iso(self.designated_date)),
            ..RecordInput::default()
        }
    }
}

fn header(columns: &[crate::records::Column]) -> String {
    columns.iter().map(|c| c.name()).collect::<Vec<_>>().join(",")
}

/// Writes `rows` training records of `seed` as CSV with a header.
pub fn write_training_csv(out: &mut impl Write, rows: u64, seed: u64, mut progress: impl FnMut(u64)) -> io::Result<()> {
    writeln!(out, "{}", header(&TRAINING_COLUMNS))?;
    for i in 0..rows {
        training(seed, i).write_csv(out)?;
        if i % 65_536 == 0 {
            progress(i);
        }
    }
    progress(rows);
    Ok(())
}

/// Writes `count` training bases of `seed` as CSV with a header.
pub fn write_base_csv(out: &mut impl Write, count: u64, seed: u64) -> io::Result<()> {
    writeln!(out, "{}", header(&BASE_COLUMNS))?;
    for i in 0..count {
        let b = base(seed, i);
        writeln!(out, "{},{},{},{},", b.base_id, b.base_kind, b.region, iso(b.designated_date))?;
    }
    Ok(())
}

/// Writes `rows` training records of `seed` as JSON Lines.
pub fn write_training_json_lines(out: &mut impl Write, rows: u64, seed: u64) -> io::Result<()> {
    for i in 0..rows {
        let line = serde_json::to_string(&training(seed, i).to_input()).map_err(io::Error::other)?;
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_is_fixed() {
        // splitmix64's published first output for seed 0.
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(training(7, 3), training(7, 3));
        assert_ne!(training(7, 3), training(8, 3));
        assert!(!crate::id_number::looks_like_id_number(&training(1, 1).person_key));
    }
}
