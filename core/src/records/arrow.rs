//! Arrow input (feature `arrow`): record batches counted column by column, without turning
//! dates and flags into text. Columns are matched by name as in CSV; strings may be plain,
//! large, view or dictionary-encoded; dates Date32, Date64 or timestamps; flags booleans or
//! integers; `groups` a list of strings or one separated string. Large batches are split across
//! the machine's cores and the partial tallies merged, so the answer is the single-threaded one.

use std::fmt::Write as _;

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, BooleanArray, RecordBatch};
use arrow_schema::{ArrowError, DataType};

use crate::basics::arrow::{Text, UNIX_EPOCH_DAY, date64_days, integers, list_parts, timestamp_days, zone_offset};
use crate::basics::text::shown;
use crate::error::Error;
use crate::plan::Plan;

use super::columns::Column;
use super::files::check_required;
use super::parse::{Raw, RecordParser, RecordReason, Refusal};
use super::tally::{CountOptions, Tally, source_error};

/// Batches with fewer rows are counted on one thread.
const PARALLEL_FROM_ROWS: usize = 1 << 15;

/// How one column is read.
enum Reader<'a> {
    Text(Text<'a>),
    /// Date32 values (days since 1970-01-01), read row by row.
    Date32(&'a arrow_array::Date32Array),
    /// Day numbers from the common era; `None` for nulls.
    Days(Vec<Option<i64>>),
    Flags(&'a BooleanArray),
    Integers(Vec<Option<i64>>),
    /// A list of strings per row (offsets into `values`).
    List {
        offsets: Vec<usize>,
        values: Text<'a>,
        array: &'a dyn Array,
    },
    /// A type records never have (floats, binary, …): any non-null value is refused.
    Wrong(&'a dyn Array),
}

fn reader(array: &ArrayRef, column: Column) -> Result<Reader<'_>, Error> {
    let unsupported = || {
        source_error(
            "unsupported_type",
            column.name(),
            format!("the {} column has the Arrow type {}, which records do not use", column.name(), array.data_type()),
        )
    };
    let is_date = matches!(
        column,
        Column::StartDate | Column::EndDate | Column::CompletionDate | Column::CertificateDate | Column::DesignatedDate
    );
    if let Some(text) = Text::new(array.as_ref()) {
        return Ok(Reader::Text(text));
    }
    Ok(match array.data_type() {
        DataType::Date32 if is_date => Reader::Date32(array.as_primitive::<arrow_array::types::Date32Type>()),
        DataType::Date64 if is_date => Reader::Days(date64_days(array)),
        DataType::Timestamp(unit, zone) if is_date => {
            let offset = match zone {
                None => 0,
                Some(z) => zone_offset(z).ok_or_else(|| {
                    source_error(
                        "unsupported_type",
                        column.name(),
                        format!(
                            "the {} column's time zone is not one skillplan reads (UTC, a fixed offset or China's)",
                            column.name()
                        ),
                    )
                })?,
            };
            Reader::Days(timestamp_days(array, unit, offset))
        }
        DataType::Boolean => Reader::Flags(array.as_boolean()),
        DataType::List(_) | DataType::LargeList(_) if column == Column::Groups => {
            let (offsets, values) = list_parts(array);
            let values = Text::new(values).ok_or_else(unsupported)?;
            Reader::List { offsets, values, array: array.as_ref() }
        }
        DataType::Null => Reader::Integers(vec![None; array.len()]),
        DataType::Float16
        | DataType::Float32
        | DataType::Float64
        | DataType::Decimal128(_, _)
        | DataType::Decimal256(_, _) => Reader::Wrong(array.as_ref()),
        _ => match integers(array.as_ref()) {
            Some(values) if !is_date => Reader::Integers(values),
            Some(_) => Reader::Wrong(array.as_ref()),
            None => return Err(unsupported()),
        },
    })
}

/// Per-row text that a column does not hold as text (integers, joined lists).
struct Scratch {
    texts: Vec<String>,
}

/// Counts rows `range` of the columns into `tally`; refusals (up to `cap`) are returned with
/// their row numbers for the caller to apply in order.
fn count_rows(
    plan: &Plan,
    readers: &[(Column, Reader<'_>)],
    range: std::ops::Range<usize>,
    first_row: u64,
    cap: usize,
    tally: &mut Tally,
) -> (Vec<(u64, Refusal)>, u64) {
    let parser = RecordParser::new(plan);
    let mut scratch = Scratch { texts: vec![String::new(); readers.len()] };
    let mut refusals = Vec::new();
    let mut refused = 0u64;
    // Readers whose values must first be written as text (integers, lists) or checked.
    let written: Vec<usize> = readers
        .iter()
        .enumerate()
        .filter(|(_, (c, r))| {
            matches!(r, Reader::List { .. } | Reader::Wrong(_))
                || matches!(r, Reader::Integers(_) if *c != Column::Subsidised)
        })
        .map(|(k, _)| k)
        .collect();
    // The common layouts in lists of their own, so the row loop does not dispatch on them.
    let texts: Vec<(Column, &Text<'_>)> =
        readers.iter().filter_map(|(c, r)| if let Reader::Text(t) = r { Some((*c, t)) } else { None }).collect();
    let date32s: Vec<(Column, &arrow_array::Date32Array)> =
        readers.iter().filter_map(|(c, r)| if let Reader::Date32(d) = r { Some((*c, *d)) } else { None }).collect();
    let others: Vec<usize> = readers
        .iter()
        .enumerate()
        .filter(|(_, (_, r))| !matches!(r, Reader::Text(_) | Reader::Date32(_)))
        .map(|(k, _)| k)
        .collect();
    for row in range {
        let number = first_row + row as u64 + 1;
        let mut wrong = None;
        // First pass: text that must be written somewhere.
        for &k in &written {
            let (column, r) = &readers[k];
            let text = &mut scratch.texts[k];
            text.clear();
            match r {
                Reader::Integers(values) if *column != Column::Subsidised => {
                    if let Some(v) = values[row] {
                        let _ = write!(text, "{v}");
                    }
                }
                Reader::List { offsets, values, array } if !array.is_null(row) => {
                    for i in offsets[row]..offsets[row + 1] {
                        match values.value(i) {
                            Some(v) => {
                                if !text.is_empty() {
                                    text.push(';');
                                }
                                text.push_str(v);
                            }
                            None => wrong = Some(column.name()),
                        }
                    }
                }
                Reader::Wrong(array) if !array.is_null(row) => wrong = Some(column.name()),
                _ => {}
            }
        }
        let result = match wrong {
            Some(field) => Err(Refusal { field, reason: RecordReason::WrongType }),
            None => {
                let mut raw = Raw::default();
                for (column, t) in &texts {
                    if let Some(v) = t.value(row) {
                        raw.set(*column, v);
                    }
                }
                for (column, days) in &date32s {
                    if !days.is_null(row) {
                        let day = i64::from(days.value(row)) + UNIX_EPOCH_DAY;
                        raw.set_day(*column, i32::try_from(day).unwrap_or(i32::MAX));
                    }
                }
                for &k in &others {
                    let (column, r) = &readers[k];
                    match r {
                        Reader::Days(days) => {
                            if let Some(d) = days[row] {
                                raw.set_day(*column, i32::try_from(d).unwrap_or(i32::MAX));
                            }
                        }
                        Reader::Flags(b) => {
                            if !b.is_null(row) {
                                raw.set_flag(*column, b.value(row));
                            }
                        }
                        Reader::Integers(values) if *column == Column::Subsidised => match values[row] {
                            Some(0) => raw.set_flag(*column, false),
                            Some(1) => raw.set_flag(*column, true),
                            Some(_) => raw.set(*column, "?"),
                            None => {}
                        },
                        _ => {
                            if !scratch.texts[k].is_empty() {
                                raw.set(*column, &scratch.texts[k]);
                            }
                        }
                    }
                }
                parser.facts(&raw)
            }
        };
        match result {
            Ok(facts) => tally.add_facts(plan, &facts),
            Err(refusal) => {
                refused += 1;
                if refusals.len() < cap {
                    refusals.push((number, refusal));
                }
            }
        }
    }
    (refusals, refused)
}

/// A part of a group counted on one thread: its tally and its refusals, with their rows.
type CountedRun = Result<(Tally, Vec<(u64, Refusal)>), Error>;

/// Batches are counted in groups of about this many rows, split across threads.
const GROUP_ROWS: usize = 1 << 17;

/// Readers of one batch's record columns, after checking its schema.
fn batch_readers<'b>(tally: &mut Tally, batch: &'b RecordBatch) -> Result<Vec<(Column, Reader<'b>)>, Error> {
    let schema = batch.schema();
    let mut columns = Vec::new();
    let mut readers = Vec::new();
    for (field, array) in schema.fields().iter().zip(batch.columns()) {
        let column = Column::from_name(field.name());
        if let Some(c) = column
            && columns.contains(&Some(c))
        {
            return Err(source_error("duplicate_column", c.name(), format!("the column {} appears twice", c.name())));
        }
        columns.push(column);
        match column {
            Some(c) => readers.push((c, reader(array, c)?)),
            None => tally.note_ignored(field.name()),
        }
    }
    check_required(&columns)?;
    Ok(readers)
}

impl Tally {
    /// Counts one Arrow record batch; `first_row` is the number of rows before it in its
    /// stream, so rows are numbered from 1 across batches.
    pub fn add_arrow_batch(
        &mut self,
        plan: &Plan,
        batch: &RecordBatch,
        options: &CountOptions,
        first_row: u64,
    ) -> Result<(), Error> {
        let mut rejected = 0;
        self.add_group(plan, &[(first_row, batch.clone())], options, &mut rejected)
    }

    /// Counts a group of batches (each with the number of rows before it), split across the
    /// machine's cores; the parts are merged and their refusals applied in row order, so the
    /// result is the one-thread result.
    fn add_group(
        &mut self,
        plan: &Plan,
        group: &[(u64, RecordBatch)],
        options: &CountOptions,
        rejected: &mut u64,
    ) -> Result<(), Error> {
        self.check_plan(plan)?;
        // Pieces of at most PARALLEL_FROM_ROWS rows (slices share the batch's buffers).
        let mut pieces: Vec<(u64, RecordBatch)> = Vec::new();
        for (first, batch) in group {
            let mut offset = 0;
            while offset < batch.num_rows() || (offset == 0 && batch.num_rows() == 0) {
                let len = (batch.num_rows() - offset).min(PARALLEL_FROM_ROWS);
                pieces.push((first + offset as u64, batch.slice(offset, len)));
                offset += len.max(1);
            }
        }
        // Check every schema here, so a bad one fails before any thread starts.
        for (_, piece) in &pieces {
            batch_readers(self, piece)?;
        }
        let cap = if options.strict {
            1
        } else {
            usize::try_from(options.max_rejected.saturating_add(1)).unwrap_or(usize::MAX)
        };
        let total: usize = pieces.iter().map(|(_, b)| b.num_rows()).sum();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
        let threads = if total >= PARALLEL_FROM_ROWS { threads.min(pieces.len()) } else { 1 };
        // Contiguous runs of pieces with about the same number of rows each.
        let mut runs: Vec<&[(u64, RecordBatch)]> = Vec::new();
        let per_thread = total.div_ceil(threads.max(1)).max(1);
        let (mut start, mut rows) = (0, 0);
        for (i, (_, b)) in pieces.iter().enumerate() {
            rows += b.num_rows();
            if rows >= per_thread || i + 1 == pieces.len() {
                runs.push(&pieces[start..=i]);
                start = i + 1;
                rows = 0;
            }
        }
        let count_run = |run: &[(u64, RecordBatch)], mut part: Tally| -> CountedRun {
            let mut refusals = Vec::new();
            for (first, batch) in run {
                let readers = batch_readers(&mut part, batch)?;
                let (mut found, _) = count_rows(
                    plan,
                    &readers,
                    0..batch.num_rows(),
                    *first,
                    cap.saturating_sub(refusals.len()),
                    &mut part,
                );
                refusals.append(&mut found);
            }
            Ok((part, refusals))
        };
        let results: Vec<CountedRun> = if runs.len() <= 1 {
            runs.iter().map(|run| count_run(run, self.new_like())).collect()
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = runs
                    .iter()
                    .map(|run| {
                        let part = self.new_like();
                        let count_run = &count_run;
                        scope.spawn(move || count_run(run, part))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join()
                            .unwrap_or_else(|_| Err(source_error("internal", "", "a counting thread failed".into())))
                    })
                    .collect()
            })
        };
        for result in results {
            let (part, refusals) = result?;
            self.merge(&part)?;
            for (row, refusal) in refusals {
                self.reject(row, refusal, options, rejected)?;
            }
        }
        Ok(())
    }

    /// Counts every batch of an Arrow stream (for example one imported through the Arrow C
    /// stream interface), a group of batches at a time.
    pub fn add_arrow_stream(
        &mut self,
        plan: &Plan,
        batches: impl IntoIterator<Item = Result<RecordBatch, ArrowError>>,
        options: &CountOptions,
    ) -> Result<(), Error> {
        let mut rejected = 0;
        let mut first_row = 0u64;
        let mut group: Vec<(u64, RecordBatch)> = Vec::new();
        let mut group_rows = 0;
        for batch in batches {
            let batch = batch.map_err(|e| {
                source_error("stream", "", format!("the Arrow stream failed: {}", shown(&e.to_string())))
            })?;
            let rows = batch.num_rows();
            group.push((first_row, batch));
            first_row += rows as u64;
            group_rows += rows;
            if group_rows >= GROUP_ROWS {
                self.add_group(plan, &group, options, &mut rejected)?;
                group.clear();
                group_rows = 0;
            }
        }
        if !group.is_empty() {
            self.add_group(plan, &group, options, &mut rejected)?;
        }
        Ok(())
    }
}
