//! Training and base records: the fields a record has, and how one row of text fields (from
//! CSV, a JSON object, an Arrow row or a host's record) becomes the compact facts that counting
//! rules test. Every reader goes through [`RecordParser`], so a value means the same thing
//! whichever way it arrived, and every refusal has the same field and reason.
//!
//! Nothing here keeps or repeats a record's values: a rejection names the field and the rule it
//! broke, never the text found there (it may be a person key or an ID number typed in the wrong
//! column).

use serde::{Deserialize, Serialize};

use crate::basics::export_text::{self, DATE_FORMS, DateFault, fold_width};
use crate::basics::id_number;
use crate::basics::short_map::ShortMap;
use crate::basics::text::trim;
use crate::model::RecordSubject;
use crate::plan::Plan;
use crate::plan::counting::{DateSlot, Facts, NO_DATE, Vocabularies, Vocabulary};

use super::columns::{Column, MAX_KEY_BYTES, RecordInput};

/// Why a record was refused: stable codes shown with each rejection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordReason {
    /// A required field is absent (a certificate kind without its date, …).
    MissingField,
    /// Longer than 128 bytes (ids and keys) or than a field can be.
    TooLong,
    /// A date that does not exist or is not in one of the export forms (`YYYY-MM-DD`,
    /// `YYYY/M/D`, `YYYY.M.D`, `YYYYMMDD`, `YYYY年M月D日`).
    InvalidDate,
    /// A date before 1950 or after 2100: almost always a typing or conversion error.
    DateOutOfRange,
    /// An end, completion or certificate date before the start date.
    DateOrder,
    /// A region that is not an id, name or GB/T 2260 code of the plan's area.
    UnknownRegion,
    /// A training type that is not in the plan's `records.training_types`.
    UnknownTrainingType,
    /// A group that is not in the plan's `records.groups`.
    UnknownGroup,
    /// A certificate kind that is not in the plan's `records.certificate_kinds`.
    UnknownCertificateKind,
    /// A certificate level that is not a skill level id, name or national level 1–5.
    UnknownLevel,
    /// A base kind that is not in the plan's `records.base_kinds`.
    UnknownBaseKind,
    /// `subsidised` is not true/false, 1/0, yes/no or 是/否.
    InvalidFlag,
    /// The person key has the shape of a 身份证号: records must carry a hashed key instead.
    PersonKeyIsIdNumber,
    /// A value of the wrong type (a number where a date is expected, a float, …).
    WrongType,
    /// Text that is not valid UTF-8.
    NotUtf8,
    /// A line that is not a JSON object, or a CSV row with a different number of fields.
    Syntax,
    /// A date written with the year last (`3/1/2023`), which day-first and month-first systems
    /// read as different days.
    AmbiguousDate,
    /// A workbook cell holding a formula error (`#VALUE!`, `#REF!`, …) instead of a value.
    FormulaError,
    /// Two keys of one JSON object name the same field (through header aliases or a mapping).
    DuplicateField,
}

impl RecordReason {
    /// Every reason, in the order of the enum (a reason's index is `reason as usize`).
    pub(crate) const ALL: [RecordReason; 19] = [
        RecordReason::MissingField,
        RecordReason::TooLong,
        RecordReason::InvalidDate,
        RecordReason::DateOutOfRange,
        RecordReason::DateOrder,
        RecordReason::UnknownRegion,
        RecordReason::UnknownTrainingType,
        RecordReason::UnknownGroup,
        RecordReason::UnknownCertificateKind,
        RecordReason::UnknownLevel,
        RecordReason::UnknownBaseKind,
        RecordReason::InvalidFlag,
        RecordReason::PersonKeyIsIdNumber,
        RecordReason::WrongType,
        RecordReason::NotUtf8,
        RecordReason::Syntax,
        RecordReason::AmbiguousDate,
        RecordReason::FormulaError,
        RecordReason::DuplicateField,
    ];

    /// The reason as rejections and every binding show it, e.g. `unknown_region`.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordReason::MissingField => "missing_field",
            RecordReason::TooLong => "too_long",
            RecordReason::InvalidDate => "invalid_date",
            RecordReason::DateOutOfRange => "date_out_of_range",
            RecordReason::DateOrder => "date_order",
            RecordReason::UnknownRegion => "unknown_region",
            RecordReason::UnknownTrainingType => "unknown_training_type",
            RecordReason::UnknownGroup => "unknown_group",
            RecordReason::UnknownCertificateKind => "unknown_certificate_kind",
            RecordReason::UnknownLevel => "unknown_level",
            RecordReason::UnknownBaseKind => "unknown_base_kind",
            RecordReason::InvalidFlag => "invalid_flag",
            RecordReason::PersonKeyIsIdNumber => "person_key_is_id_number",
            RecordReason::WrongType => "wrong_type",
            RecordReason::NotUtf8 => "not_utf8",
            RecordReason::Syntax => "syntax",
            RecordReason::AmbiguousDate => "ambiguous_date",
            RecordReason::FormulaError => "formula_error",
            RecordReason::DuplicateField => "duplicate_field",
        }
    }

    /// This reason for `field`.
    pub(crate) fn at(self, field: &'static str) -> Refusal {
        Refusal { field, reason: self }
    }

    /// A message naming what was expected; never the value found.
    pub fn message(self, field: &str) -> String {
        match self {
            RecordReason::MissingField => format!("{field} is required"),
            RecordReason::TooLong if field == "base_name" => format!("{field} is longer than {} bytes", 4 * MAX_KEY_BYTES),
            RecordReason::TooLong => format!("{field} is longer than {MAX_KEY_BYTES} bytes"),
            RecordReason::InvalidDate => format!("{field} is not a date written {DATE_FORMS}"),
            RecordReason::DateOutOfRange => format!("{field} is before 1950 or after 2100"),
            RecordReason::DateOrder => format!("{field} is before start_date"),
            RecordReason::UnknownRegion => "region is neither a region id, a name nor a GB/T 2260 code of the plan's area".into(),
            RecordReason::UnknownTrainingType => "training_type is not in the plan's records.training_types".into(),
            RecordReason::UnknownGroup => "a group is not in the plan's records.groups".into(),
            RecordReason::UnknownCertificateKind => "certificate_kind is not in the plan's records.certificate_kinds".into(),
            RecordReason::UnknownLevel => "certificate_level is not a skill level id, name or national level 1–5".into(),
            RecordReason::UnknownBaseKind => "base_kind is not in the plan's records.base_kinds".into(),
            RecordReason::InvalidFlag => format!("{field} must be true or false (1/0, Y/N, yes/no, 是/否)"),
            RecordReason::PersonKeyIsIdNumber =>
                "person_key has the shape of a 身份证号; hash the keys first (`skillplan hash-keys`, or hash_person_key in a binding) and count the hashed file".into(),
            RecordReason::WrongType => format!("{field} has the wrong type"),
            RecordReason::NotUtf8 => format!("{field} is not valid UTF-8"),
            RecordReason::Syntax => match field {
                "line" => "the line is not a JSON object".into(),
                _ => "the row does not have the header's number of fields".into(),
            },
            RecordReason::AmbiguousDate => format!(
                "{field} puts the year last, which reads as different days in day-first and month-first systems; write {DATE_FORMS}"
            ),
            RecordReason::FormulaError => format!("{field} holds a formula error, not a value"),
            RecordReason::DuplicateField => format!("two keys of the object are both {field}"),
        }
    }
}

/// A refused record: the field at fault and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub field: &'static str,
    pub reason: RecordReason,
}

fn refuse<T>(column: Column, reason: RecordReason) -> Result<T, Refusal> {
    Err(Refusal { field: column.name(), reason })
}

/// One row's fields as borrowed text, indexed by [`Column`] position; `None` when absent.
/// Columnar inputs may give dates as day numbers and flags as booleans instead of text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Raw<'a> {
    pub fields: [Option<&'a str>; 16],
    days: [i32; 16],
    flags: [Option<bool>; 16],
}

impl Default for Raw<'_> {
    fn default() -> Self {
        Raw { fields: [None; 16], days: [NO_DATE; 16], flags: [None; 16] }
    }
}

impl<'a> Raw<'a> {
    /// Sets a field; surrounding spaces are dropped here, once, and an empty value is absent.
    #[inline]
    pub fn set(&mut self, column: Column, value: &'a str) {
        let value = trim(value);
        self.fields[column as usize] = if value.is_empty() { None } else { Some(value) };
    }

    /// A date given as a day number (`NaiveDate::num_days_from_ce`), unchecked.
    #[cfg_attr(not(feature = "arrow"), allow(dead_code))]
    pub fn set_day(&mut self, column: Column, day: i32) {
        self.days[column as usize] = day;
    }

    #[cfg_attr(not(feature = "arrow"), allow(dead_code))]
    pub fn set_flag(&mut self, column: Column, flag: bool) {
        self.flags[column as usize] = Some(flag);
    }

    fn present(&self, column: Column) -> bool {
        self.get(column).is_some() || self.days[column as usize] != NO_DATE
    }

    fn get(&self, column: Column) -> Option<&'a str> {
        self.fields[column as usize]
    }

    /// The fields of a typed record; `joined` holds the groups joined with `;`.
    pub fn from_input(input: &'a RecordInput, joined: &'a mut String) -> Raw<'a> {
        joined.clear();
        for (i, g) in input.groups.iter().enumerate() {
            if i > 0 {
                joined.push(';');
            }
            joined.push_str(g);
        }
        let mut raw = Raw::default();
        let pairs: [(Column, &'a Option<String>); 15] = [
            (Column::RecordId, &input.record_id),
            (Column::PersonKey, &input.person_key),
            (Column::Region, &input.region),
            (Column::TrainingType, &input.training_type),
            (Column::Subsidised, &input.subsidised),
            (Column::StartDate, &input.start_date),
            (Column::EndDate, &input.end_date),
            (Column::CompletionDate, &input.completion_date),
            (Column::CertificateKind, &input.certificate_kind),
            (Column::CertificateLevel, &input.certificate_level),
            (Column::CertificateDate, &input.certificate_date),
            (Column::BaseId, &input.base_id),
            (Column::BaseKind, &input.base_kind),
            (Column::DesignatedDate, &input.designated_date),
            (Column::BaseName, &input.base_name),
        ];
        for (c, v) in pairs {
            if let Some(v) = v {
                raw.set(c, v);
            }
        }
        raw.set(Column::Groups, joined.as_str());
        raw
    }
}

/// Turns rows of text into [`Facts`] for one plan: region codes and names, vocabulary terms and
/// skill levels resolved through lookups built once.
pub(crate) struct RecordParser<'p> {
    vocab: &'p Vocabularies,
    /// (code, region index): a dozen entries, scanned faster than hashed.
    region_codes: Vec<(u32, u16)>,
    region_names: ShortMap<u16>,
    levels: ShortMap<u8>,
}

impl<'p> RecordParser<'p> {
    pub fn new(plan: &'p Plan) -> RecordParser<'p> {
        let mut region_codes = Vec::new();
        let mut region_names = ShortMap::default();
        for (i, r) in plan.regions().iter().enumerate() {
            let i = i as u16;
            if let Some(code) = r.code.as_deref().and_then(|c| c.parse::<u32>().ok()) {
                region_codes.push((code, i));
            }
            for name in [&r.id, &r.name.zh, &r.name.en.to_lowercase()] {
                region_names.insert_first(name, i);
            }
        }
        let mut levels = ShortMap::default();
        for l in plan.skill_levels() {
            let o = l.ordinal.min(255) as u8;
            // Names such as 三级/高级工 are also read by either half.
            let halves = l.name.zh.split('/').chain(l.name.en.split(" / ")).map(|h| h.trim().to_lowercase());
            for name in [l.id.clone(), l.name.zh.clone(), l.name.en.to_lowercase()].into_iter().chain(halves) {
                levels.insert_first(&name, o);
            }
            if let Some(n) = l.national_level {
                levels.insert_first(&n.to_string(), o);
                let numeral = ["", "一", "二", "三", "四", "五"].get(n as usize).copied().unwrap_or("");
                levels.insert_first(&format!("{numeral}级"), o);
                levels.insert_first(&format!("{n}级"), o);
            }
        }
        RecordParser { vocab: &plan.counting_rules().vocabularies, region_codes, region_names, levels }
    }

    /// Which kind of record a row is: a base when it has a base id (or a base kind and no record
    /// id), else a training.
    pub fn subject(raw: &Raw<'_>) -> RecordSubject {
        let base = raw.get(Column::BaseId).is_some()
            || (raw.get(Column::RecordId).is_none() && raw.get(Column::BaseKind).is_some());
        if base { RecordSubject::Base } else { RecordSubject::Training }
    }

    pub fn facts(&self, raw: &Raw<'_>) -> Result<Facts, Refusal> {
        let mut f = Facts::empty(RecordParser::subject(raw));
        if f.subject == RecordSubject::Base {
            key(raw, Column::BaseId)?;
            f.base_kind = self.term(raw, Column::BaseKind, &self.vocab.base_kinds, RecordReason::UnknownBaseKind)?;
            f.region = self.region(raw)?;
            f.dates[DateSlot::Designated as usize] = required_date(raw, Column::DesignatedDate)?;
            if let Some(n) = raw.get(Column::BaseName)
                && n.len() > 4 * MAX_KEY_BYTES
            {
                return refuse(Column::BaseName, RecordReason::TooLong);
            }
            return Ok(f);
        }
        key(raw, Column::RecordId)?;
        let person = key(raw, Column::PersonKey)?;
        if id_number::looks_like_id_number(person) {
            return refuse(Column::PersonKey, RecordReason::PersonKeyIsIdNumber);
        }
        f.region = self.region(raw)?;
        f.training_type =
            self.term(raw, Column::TrainingType, &self.vocab.training_types, RecordReason::UnknownTrainingType)?;
        f.subsidised = match raw.get(Column::Subsidised) {
            None if raw.flags[Column::Subsidised as usize].is_some() => {
                raw.flags[Column::Subsidised as usize].unwrap_or(false)
            }
            None => return refuse(Column::Subsidised, RecordReason::MissingField),
            Some(text) => parse_flag(text).ok_or(Refusal { field: "subsidised", reason: RecordReason::InvalidFlag })?,
        };
        if let Some(groups) = raw.get(Column::Groups) {
            f.groups = self.groups(groups).ok_or(Refusal { field: "groups", reason: RecordReason::UnknownGroup })?;
        }
        let start = required_date(raw, Column::StartDate)?;
        f.dates[DateSlot::Start as usize] = start;
        for (column, slot) in [(Column::EndDate, DateSlot::End), (Column::CompletionDate, DateSlot::Completion)] {
            f.dates[slot as usize] = optional_date(raw, column, start)?;
        }
        if let Some(kind) = raw.get(Column::CertificateKind) {
            f.certificate_kind = self
                .vocab
                .certificate_kinds
                .find(kind)
                .ok_or(Refusal { field: "certificate_kind", reason: RecordReason::UnknownCertificateKind })?;
            if !raw.present(Column::CertificateDate) {
                return refuse(Column::CertificateDate, RecordReason::MissingField);
            }
            f.dates[DateSlot::Certificate as usize] = optional_date(raw, Column::CertificateDate, start)?;
            if let Some(level) = raw.get(Column::CertificateLevel) {
                f.certificate_level = self
                    .level(level)
                    .ok_or(Refusal { field: "certificate_level", reason: RecordReason::UnknownLevel })?;
            }
        } else if raw.present(Column::CertificateDate) || raw.get(Column::CertificateLevel).is_some() {
            // A level or date with no kind: the certificate is half-recorded, not absent.
            return refuse(Column::CertificateKind, RecordReason::MissingField);
        }
        Ok(f)
    }

    fn term(&self, raw: &Raw<'_>, column: Column, vocab: &Vocabulary, unknown: RecordReason) -> Result<u8, Refusal> {
        match raw.get(column) {
            None => refuse(column, RecordReason::MissingField),
            Some(text) => vocab.find(text).ok_or(Refusal { field: column.name(), reason: unknown }),
        }
    }

    /// The bit mask of the groups a `groups` text names (separated by `;`, `；`, `|`, `,`, `，`
    /// or `、`; empty parts skipped); `None` when one is not in the plan's vocabulary.
    pub fn groups(&self, groups: &str) -> Option<u64> {
        let mut mask = 0u64;
        let add = |g: &str| -> Option<()> {
            let g = trim(g);
            if !g.is_empty() {
                mask |= 1u64 << self.vocab.groups.find(g)?;
            }
            Some(())
        };
        for_each_item(groups, add)?;
        Some(mask)
    }

    /// The vocabularies the plan's counting rules use.
    pub fn vocabularies(&self) -> &'p Vocabularies {
        self.vocab
    }

    /// The `(code, region index)` pairs of the regions that have a GB/T 2260 code.
    pub fn region_codes(&self) -> &[(u32, u16)] {
        &self.region_codes
    }

    pub fn level(&self, text: &str) -> Option<u8> {
        self.levels.get(text).or_else(|| match fold_width(text) {
            std::borrow::Cow::Owned(folded) => self.level(&folded),
            std::borrow::Cow::Borrowed(_) => self.levels.get(&text.to_lowercase()),
        })
    }

    /// A region id, name, or six-digit code; a county code counts toward the region whose code
    /// shares its first four digits (its prefecture).
    fn region(&self, raw: &Raw<'_>) -> Result<u16, Refusal> {
        let Some(text) = raw.get(Column::Region) else { return refuse(Column::Region, RecordReason::MissingField) };
        self.region_of(text).ok_or(Refusal { field: "region", reason: RecordReason::UnknownRegion })
    }

    /// The region index of a (trimmed, non-empty) region text: an id, a name, or a six-digit code.
    pub fn region_of(&self, text: &str) -> Option<u16> {
        if text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit()) {
            return self.region_of_code(text.parse().unwrap_or(0));
        }
        self.region_names.get(text).or_else(|| match fold_width(text) {
            std::borrow::Cow::Owned(folded) => self.region_of(folded.trim()),
            std::borrow::Cow::Borrowed(_) => self.region_names.get(&text.to_lowercase()),
        })
    }

    /// The region of a six-digit code: its own, or its prefecture's (the first four digits).
    pub fn region_of_code(&self, code: u32) -> Option<u16> {
        let find = |c: u32| self.region_codes.iter().find(|(k, _)| *k == c).map(|(_, i)| *i);
        find(code).or_else(|| find(code / 100 * 100))
    }
}

/// What separates the items of a list cell (`农民工、脱贫劳动力`).
#[cfg_attr(not(feature = "arrow"), allow(dead_code))] // the roster reads lists with it
pub(crate) const LIST_SEPARATORS: [char; 7] = [';', '；', '|', ',', '，', '、', '｜'];

/// Calls `f` with each item of a list cell, split at [`LIST_SEPARATORS`], stopping at the first
/// `None`. Splits on bytes: the ASCII separators are one byte, the full-width ones and 、 three
/// (E3 80 81, EF BC 8C, EF BC 9B, EF BD 9C), and no other character's bytes look like them —
/// several times faster than matching chars against the list.
pub(crate) fn for_each_item<'t>(text: &'t str, mut f: impl FnMut(&'t str) -> Option<()>) -> Option<()> {
    let b = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        let width = match b[i] {
            b';' | b'|' | b',' => 1,
            0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x81]) => 3,
            0xEF if matches!(b.get(i + 1..i + 3), Some([0xBC, 0x8C] | [0xBC, 0x9B] | [0xBD, 0x9C])) => 3,
            _ => 0,
        };
        if width == 0 {
            i += 1;
            continue;
        }
        f(&text[start..i])?;
        i += width;
        start = i;
    }
    f(&text[start..])
}

fn key<'a>(raw: &Raw<'a>, column: Column) -> Result<&'a str, Refusal> {
    match raw.get(column) {
        None => refuse(column, RecordReason::MissingField),
        Some(k) if k.len() > MAX_KEY_BYTES => refuse(column, RecordReason::TooLong),
        Some(k) => Ok(k),
    }
}

/// A flag as exports write it: 是/否, Y/N, yes/no, 1/0 or true/false (any case, full-width
/// letters and digits too).
pub(crate) fn parse_flag(text: &str) -> Option<bool> {
    match text.trim() {
        "1" | "true" | "TRUE" | "True" | "yes" | "YES" | "Yes" | "y" | "Y" | "是" => Some(true),
        "0" | "false" | "FALSE" | "False" | "no" | "NO" | "No" | "n" | "N" | "否" => Some(false),
        other => other_flag_forms(other),
    }
}

/// Flags in other cases (`tRUE`) or in full-width characters (`１`, `Ｙ`).
#[cold]
#[inline(never)]
fn other_flag_forms(text: &str) -> Option<bool> {
    if !text.is_ascii() {
        return match fold_width(text) {
            std::borrow::Cow::Owned(folded) => parse_flag(&folded),
            std::borrow::Cow::Borrowed(_) => None,
        };
    }
    match text.to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" => Some(true),
        "false" | "no" | "n" => Some(false),
        _ => None,
    }
}

/// A day number given by a columnar input, checked to lie in 1950–2100.
fn given_day(raw: &Raw<'_>, column: Column) -> Option<Result<i32, Refusal>> {
    let day = raw.days[column as usize];
    (day != NO_DATE).then(|| {
        if (FIRST_DAY..=LAST_DAY).contains(&day) { Ok(day) } else { refuse(column, RecordReason::DateOutOfRange) }
    })
}

fn required_date(raw: &Raw<'_>, column: Column) -> Result<i32, Refusal> {
    if let Some(day) = given_day(raw, column) {
        return day;
    }
    match raw.get(column) {
        None => refuse(column, RecordReason::MissingField),
        Some(text) => day_number(text).map_err(|reason| Refusal { field: column.name(), reason }),
    }
}

fn optional_date(raw: &Raw<'_>, column: Column, start: i32) -> Result<i32, Refusal> {
    if let Some(day) = given_day(raw, column) {
        let d = day?;
        return if d < start { refuse(column, RecordReason::DateOrder) } else { Ok(d) };
    }
    match raw.get(column) {
        None => Ok(NO_DATE),
        Some(text) => {
            let d = day_number(text).map_err(|reason| Refusal { field: column.name(), reason })?;
            if d < start { refuse(column, RecordReason::DateOrder) } else { Ok(d) }
        }
    }
}

/// The first day records may carry (1950-01-01) and the last (2100-12-31), as day numbers.
pub(crate) const FIRST_DAY: i32 = 711_858;
pub(crate) const LAST_DAY: i32 = 767_009;

/// A record's date as a day number. The ISO form (`2023-05-31`) is read on a fast path; the
/// other export forms of [`export_text::civil_date`] (`2023/5/31`, `20230531`, `2023年5月31日`,
/// each optionally with a time of day) after it.
pub(crate) fn day_number(text: &str) -> Result<i32, RecordReason> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return other_date_forms(text);
    }
    let digit = |i: usize| u32::from(b[i].wrapping_sub(b'0'));
    let all = [digit(0), digit(1), digit(2), digit(3), digit(5), digit(6), digit(8), digit(9)];
    if all.iter().any(|&x| x > 9) {
        return Err(RecordReason::InvalidDate);
    }
    let (y, m, d) = (all[0] * 1000 + all[1] * 100 + all[2] * 10 + all[3], all[4] * 10 + all[5], all[6] * 10 + all[7]);
    if d == 0 || export_text::days_in_month(y, m).is_none_or(|days| d > days) {
        return Err(RecordReason::InvalidDate);
    }
    in_range(days_from_ce(y as i32, m, d))
}

/// The forms other than plain ISO, out of the fast path's way.
#[cold]
#[inline(never)]
fn other_date_forms(text: &str) -> Result<i32, RecordReason> {
    let (y, m, d) = export_text::civil_date(text).map_err(|fault| match fault {
        DateFault::Invalid => RecordReason::InvalidDate,
        DateFault::Ambiguous => RecordReason::AmbiguousDate,
    })?;
    in_range(days_from_ce(y, m, d))
}

/// A day number, refused as out of range outside 1950–2100.
pub(crate) fn in_range(day: i32) -> Result<i32, RecordReason> {
    if (FIRST_DAY..=LAST_DAY).contains(&day) { Ok(day) } else { Err(RecordReason::DateOutOfRange) }
}

/// Days from the common era of a valid date, as `NaiveDate::num_days_from_ce` counts them
/// (Howard Hinnant's days-from-civil, shifted to 0001-01-01 = day 1).
pub(crate) fn days_from_ce(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 306 + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn list_items_split_as_str_split_does() {
        for text in
            ["", "a", "a;b", "农民工、脱贫劳动力；退役军人", "a，b｜c|d,e", "、", "ab、", "一、二", "x\u{3001}y"]
        {
            let mut items = Vec::new();
            for_each_item(text, |i| {
                items.push(i);
                Some(())
            });
            assert_eq!(items, text.split(LIST_SEPARATORS).collect::<Vec<_>>(), "{text}");
        }
    }

    #[test]
    fn every_reason_is_listed_at_its_index() {
        for (i, reason) in RecordReason::ALL.iter().enumerate() {
            assert_eq!(*reason as usize, i, "{}", reason.as_str());
        }
    }

    #[test]
    fn day_bounds_are_the_documented_dates() {
        assert_eq!(NaiveDate::from_ymd_opt(1950, 1, 1).unwrap().num_days_from_ce(), FIRST_DAY);
        assert_eq!(NaiveDate::from_ymd_opt(2100, 12, 31).unwrap().num_days_from_ce(), LAST_DAY);
        assert_eq!(
            day_number("2024-02-29T08:00:00"),
            Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap().num_days_from_ce())
        );
        assert_eq!(day_number("2023-02-29"), Err(RecordReason::InvalidDate));
        assert_eq!(day_number("1949-12-31"), Err(RecordReason::DateOutOfRange));
        assert_eq!(day_number("2023/02/01"), Ok(NaiveDate::from_ymd_opt(2023, 2, 1).unwrap().num_days_from_ce()));
        assert_eq!(day_number("2023年2月1日"), day_number("20230201"));
        assert_eq!(day_number("2/1/2023"), Err(RecordReason::AmbiguousDate));
        assert_eq!(day_number("2023-2-1"), Err(RecordReason::InvalidDate));
        assert_eq!(day_number("2023-13-01"), Err(RecordReason::InvalidDate));
        let mut d = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
        while d.year() <= 2100 {
            assert_eq!(days_from_ce(d.year(), d.month(), d.day()), d.num_days_from_ce());
            d = d.succ_opt().unwrap();
        }
    }
}
