//! Excel workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`) and OpenDocument sheets (`.ods`), read
//! through calamine (feature `workbook`). The first sheet is read unless one is named; its first
//! row is the header, which goes through the same aliases and mapping as a CSV header. Typed
//! cells are read as what they are: a date cell, or a number in a date column, is an Excel
//! serial date; a boolean is a flag; a whole number is its digits. A formula error cell
//! (`#VALUE!`, `#REF!`, …) refuses its row with `formula_error`. Rows are numbered as CSV rows
//! are: data rows from 1, wholly empty rows skipped.

use std::fmt::Write as _;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

use crate::basics::export_text::excel_serial_date;
use crate::error::Error;
use crate::plan::Plan;

use super::blocks::Parsed;
use super::columns::Column;
use super::headers::Headers;
use super::kernel::Kernel;
use super::parse::RecordReason;
use super::parts::{Counted, count_on_threads};
use super::tally::{CountOptions, Tally, source_error};

/// Rows are counted in parts of this many, a part per thread.
const PART_ROWS: usize = 1 << 16;

impl Tally {
    /// Counts the records of a workbook's sheet (`options.sheet`, else the first).
    pub fn add_workbook(&mut self, plan: &Plan, path: &Path, options: &CountOptions) -> Result<(), Error> {
        self.check_plan(plan)?;
        // calamine's errors may quote cell text, so only their kind is shown.
        let mut workbook = open_workbook_auto(path).map_err(|_| {
            source_error(
                "workbook",
                "path",
                "the workbook cannot be read: it is truncated, damaged, encrypted or not a workbook".into(),
            )
        })?;
        let names = workbook.sheet_names();
        let name = match &options.sheet {
            Some(wanted) => names.iter().find(|n| *n == wanted).cloned().ok_or_else(|| {
                source_error(
                    "unknown_sheet",
                    "sheet",
                    format!("the workbook has no such sheet ({} sheets)", names.len()),
                )
            })?,
            None => names
                .first()
                .cloned()
                .ok_or_else(|| source_error("empty", "sheet", "the workbook has no sheets".into()))?,
        };
        let range = workbook.worksheet_range(&name).map_err(|_| {
            source_error("workbook", "sheet", "the sheet cannot be read: the workbook is damaged".into())
        })?;
        let mut rows = range.rows();
        let Some(header) = rows.next() else {
            return Err(source_error("empty", "header", "the sheet has no header row".into()));
        };
        let names: Vec<String> = header.iter().map(header_text).collect();
        let headers = Headers::new(plan, options.columns.as_ref());
        let columns = self.header(&names.iter().map(String::as_str).collect::<Vec<_>>(), &headers)?;
        let mapped: Vec<(usize, Column)> = columns.iter().enumerate().filter_map(|(i, c)| c.map(|c| (i, c))).collect();

        let mut parts = Vec::new();
        let mut part = Parsed::new(mapped.iter().map(|(_, c)| *c).collect(), PART_ROWS * 16);
        for row in rows {
            if row.iter().all(|c| matches!(c, Data::Empty)) {
                continue;
            }
            if part.rows == PART_ROWS {
                let next = Parsed::new(part.columns.clone(), PART_ROWS * 16);
                parts.push(std::mem::replace(&mut part, next));
            }
            add_row(&mut part, row, &mapped);
        }
        parts.push(part);

        let kernel = Kernel::new(plan);
        let cap = if options.strict {
            1
        } else {
            usize::try_from(options.max_rejected.saturating_add(1)).unwrap_or(usize::MAX)
        };
        let count = |parsed: &Parsed, part: &mut Tally| -> Counted { Ok(parsed.count(&kernel, cap, part)) };
        let mut rejected = 0;
        let mut options = options.clone();
        if options.source.is_none() {
            options.source = path.file_name().map(|n| n.to_string_lossy().into_owned());
        }
        // A group of parts per round, one per thread, so the rows held twice stay bounded.
        let threads = super::parts::threads();
        let mut first = 0;
        for group in parts.chunks(threads) {
            first += count_on_threads(self, group, &count, first, &options, &mut rejected)?;
        }
        Ok(())
    }
}

/// A header cell's text: its string, or the text of a number or flag.
fn header_text(cell: &Data) -> String {
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(x) => x.to_string(),
        Data::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

/// Appends one sheet row: each mapped cell as the text the parser reads, or the row's refusal.
fn add_row(part: &mut Parsed, row: &[Data], mapped: &[(usize, Column)]) {
    let index = part.rows;
    part.rows += 1;
    let mut refusal = None;
    for ((i, column), spans) in mapped.iter().zip(&mut part.spans) {
        let start = part.text.len() as u32;
        let cell = row.get(*i).unwrap_or(&Data::Empty);
        if let Err(reason) = cell_text(cell, *column, &mut part.text) {
            // The last such column in input order is reported, as the kernel reports wrong types.
            refusal = Some(reason.at(column.name()));
            part.text.truncate(start as usize);
        }
        spans.push((start, part.text.len() as u32));
    }
    if let Some(r) = refusal {
        part.refused.push((index, r));
    }
}

/// Writes a cell as the text its column reads. Dates become ISO text: an Excel date cell or a
/// number in a date column is a serial date (1900 date system).
fn cell_text(cell: &Data, column: Column, out: &mut String) -> Result<(), RecordReason> {
    let serial = |x: f64, out: &mut String| match excel_serial_date(x) {
        Some((y, m, d)) => {
            let _ = write!(out, "{y:04}-{m:02}-{d:02}");
            Ok(())
        }
        None => Err(RecordReason::DateOutOfRange),
    };
    match cell {
        Data::Empty => Ok(()),
        Data::String(s) | Data::DateTimeIso(s) => {
            out.push_str(s);
            Ok(())
        }
        Data::Error(_) => Err(RecordReason::FormulaError),
        Data::DateTime(dt) if column.is_date() && dt.is_datetime() => serial(dt.as_f64(), out),
        Data::Float(x) if column.is_date() => serial(*x, out),
        Data::Int(i) if column.is_date() => serial(*i as f64, out),
        Data::Int(i) => {
            let _ = write!(out, "{i}");
            Ok(())
        }
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => {
            let _ = write!(out, "{}", *x as i64);
            Ok(())
        }
        Data::Bool(b) => {
            out.push_str(if *b { "true" } else { "false" });
            Ok(())
        }
        // A fraction, a duration, or a date where text is expected.
        Data::Float(_) | Data::DateTime(_) | Data::DurationIso(_) => Err(RecordReason::WrongType),
    }
}
