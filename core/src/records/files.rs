//! Record files and objects: a path read as CSV or JSON Lines (counted in blocks on every core,
//! see `blocks`), a CSV header mapped to columns, and JSON objects handed over by hosts turned
//! into [`Raw`] text fields for the one [`RecordParser`].

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde_json::Value;

use super::columns::{COLUMNS, Column};
use super::headers::Headers;
use super::parse::{Raw, RecordReason, Refusal};
use super::tally::{CountOptions, Tally, source_error};
use crate::error::Error;
use crate::plan::Plan;

/// Hears how far a long read has got: the bytes read so far.
pub type BytesRead<'a> = &'a mut dyn FnMut(u64);

/// The formats a record file can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    JsonLines,
    /// An Excel workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`) or OpenDocument sheet (`.ods`):
    /// read with the core feature `workbook`.
    Workbook,
}

impl RecordFormat {
    /// From a file name: `.jsonl`, `.ndjson` and `.json` are JSON Lines; `.csv` is CSV; anything
    /// else is `None`, and [`Tally::add_path`] then decides by the file's first non-blank byte.
    pub fn from_path(path: &Path) -> Option<RecordFormat> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("csv") => Some(RecordFormat::Csv),
            Some("jsonl" | "ndjson" | "json") => Some(RecordFormat::JsonLines),
            Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods") => Some(RecordFormat::Workbook),
            _ => None,
        }
    }
}

impl Tally {
    /// Counts the records of a CSV or JSON Lines file (see [`RecordFormat::from_path`]).
    /// `progress` hears the bytes read about every 65,536 rows.
    pub fn add_path(
        &mut self,
        plan: &Plan,
        path: &Path,
        options: &CountOptions,
        progress: Option<BytesRead<'_>>,
    ) -> Result<(), Error> {
        self.check_plan(plan)?;
        if RecordFormat::from_path(path) == Some(RecordFormat::Workbook) {
            return self.add_workbook_path(plan, path, options);
        }
        let file = File::open(path)
            .map_err(|e| source_error("io", "path", format!("cannot open the records file: {}", e.kind())))?;
        let mut reader = BufReader::with_capacity(1 << 16, file);
        let format = match RecordFormat::from_path(path) {
            Some(f) => f,
            None => {
                let head = reader
                    .fill_buf()
                    .map_err(|e| source_error("io", "path", format!("cannot read the records file: {}", e.kind())))?;
                let first = head.iter().find(|b| !b.is_ascii_whitespace());
                if first == Some(&b'{') { RecordFormat::JsonLines } else { RecordFormat::Csv }
            }
        };
        let mut options = options.clone();
        if options.source.is_none() {
            options.source = path.file_name().map(|n| n.to_string_lossy().into_owned());
        }
        match format {
            RecordFormat::Csv => self.add_csv(plan, reader, &options, progress),
            RecordFormat::JsonLines => self.add_json_lines(plan, reader, &options, progress),
            RecordFormat::Workbook => self.add_workbook_path(plan, path, &options),
        }
    }

    #[cfg(feature = "workbook")]
    fn add_workbook_path(&mut self, plan: &Plan, path: &Path, options: &CountOptions) -> Result<(), Error> {
        self.add_workbook(plan, path, options)
    }

    #[cfg(not(feature = "workbook"))]
    fn add_workbook_path(&mut self, _: &Plan, _: &Path, _: &CountOptions) -> Result<(), Error> {
        Err(source_error(
            "workbook_unsupported",
            "path",
            "this build reads no workbooks (core feature `workbook`); save the sheet as CSV".into(),
        ))
    }

    /// Maps header names to columns (names, the plan's aliases, the caller's mapping); refuses
    /// duplicates and files without the required columns.
    pub(super) fn header(&mut self, names: &[&str], headers: &Headers<'_>) -> Result<Vec<Option<Column>>, Error> {
        let mut ignored = Vec::new();
        let columns = headers.columns(names.iter().copied(), |h| ignored.push(h.to_owned()))?;
        for name in ignored {
            self.note_ignored(&name);
        }
        check_required(&columns)?;
        Ok(columns)
    }
}

/// Refuses a header (CSV) or schema (Arrow) without the columns its kind of record needs.
pub(crate) fn check_required(columns: &[Option<Column>]) -> Result<(), Error> {
    let has = |c: Column| columns.contains(&Some(c));
    let required: &[Column] = if has(Column::RecordId) {
        &[Column::PersonKey, Column::Region, Column::TrainingType, Column::Subsidised, Column::StartDate]
    } else if has(Column::BaseId) {
        &[Column::BaseKind, Column::Region, Column::DesignatedDate]
    } else {
        &[Column::RecordId]
    };
    if let Some(missing) = required.iter().find(|c| !has(**c)) {
        return Err(source_error(
            "missing_column",
            missing.name(),
            format!(
                "there is no {} column (training records need record_id, person_key, region, training_type, subsidised, start_date; bases base_id, base_kind, region, designated_date)",
                missing.name()
            ),
        ));
    }
    Ok(())
}

pub(super) fn csv_source_error(e: &csv::Error) -> Error {
    let row = e.position().map(|p| p.record()).unwrap_or(0);
    match e.kind() {
        csv::ErrorKind::Io(io) => source_error("io", "path", format!("cannot read the records: {}", io.kind())),
        _ => source_error("syntax", &format!("rows[{row}]"), "the CSV cannot be read".into()),
    }
}

/// Owned text of one JSON object's fields, reused from row to row, and the field of each key
/// seen (through the call's header aliases and mapping).
pub(crate) struct ValueScratch<'h> {
    texts: [String; 16],
    given: [bool; 16],
    headers: &'h Headers<'h>,
    keys: Vec<(String, Option<Column>)>,
}

impl<'h> ValueScratch<'h> {
    pub fn new(headers: &'h Headers<'h>) -> ValueScratch<'h> {
        ValueScratch { texts: Default::default(), given: [false; 16], headers, keys: Vec::new() }
    }

    fn column_of(&mut self, key: &str) -> Option<Column> {
        if let Some((_, c)) = self.keys.iter().find(|(k, _)| k == key) {
            return *c;
        }
        let c = self.headers.key_column(key);
        if self.keys.len() < 256 {
            self.keys.push((key.to_owned(), c));
        }
        c
    }

    /// The text fields of a JSON object. Strings are taken as they are; integers and booleans as
    /// their text; `groups` may be a list of strings; floats and nested values are refused. Two
    /// keys read as one field refuse the row.
    pub fn raw<'s>(&'s mut self, value: &Value, tally: &mut Tally) -> Result<Raw<'s>, Refusal> {
        let Value::Object(map) = value else { return Err(RecordReason::WrongType.at("record")) };
        self.given = [false; 16];
        for (key, v) in map {
            let Some(column) = self.column_of(key) else {
                tally.note_ignored(key);
                continue;
            };
            let slot = column as usize;
            if self.given[slot] {
                return Err(RecordReason::DuplicateField.at(column.name()));
            }
            let text = &mut self.texts[slot];
            text.clear();
            let name = column.name();
            match v {
                Value::Null => continue,
                Value::String(s) => text.push_str(s),
                Value::Bool(b) => text.push_str(if *b { "true" } else { "false" }),
                // A number is not a date (20230105 or an Excel serial): dates are text here.
                Value::Number(_) if column.is_date() => return Err(RecordReason::WrongType.at(name)),
                Value::Number(n) if n.is_i64() || n.is_u64() => text.push_str(&n.to_string()),
                Value::Array(items) if column == Column::Groups => {
                    for (i, item) in items.iter().enumerate() {
                        let Value::String(s) = item else { return Err(RecordReason::WrongType.at(name)) };
                        if i > 0 {
                            text.push(';');
                        }
                        text.push_str(s);
                    }
                }
                _ => return Err(RecordReason::WrongType.at(name)),
            }
            self.given[slot] = true;
        }
        let mut raw = Raw::default();
        for (i, c) in COLUMNS.iter().enumerate() {
            if self.given[i] {
                raw.set(*c, &self.texts[i]);
            }
        }
        Ok(raw)
    }
}
