//! Arrow input (feature `arrow`): record batches counted a column at a time by the kernel,
//! never turned into text. Columns are matched by name as in CSV; strings may be plain, large,
//! view or dictionary-encoded; dates Date32, Date64 or timestamps; flags booleans or integers;
//! `groups` a list of strings or one separated string. Large batches are split across the
//! machine's cores and the partial tallies merged, so the answer is the single-threaded one.

use arrow_array::cast::AsArray;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType};

use crate::basics::arrow::{Ints, Text, date64_days, list_parts, timestamp_days, zone_offset};
use crate::basics::text::shown;
use crate::error::Error;
use crate::plan::Plan;

use super::columns::Column;
use super::field::{Columns, Field};
use super::headers::Headers;
use super::kernel::Kernel;
use super::parts::count_on_threads;
use super::tally::{CountOptions, Tally, source_error};

/// Batches with fewer rows are counted on one thread.
const PARALLEL_FROM_ROWS: usize = 1 << 15;

/// How the kernel reads an Arrow column of records.
fn field_of(array: &ArrayRef, column: Column) -> Result<Field<'_>, Error> {
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
        return Ok(Field::Text(text));
    }
    Ok(match array.data_type() {
        DataType::Date32 if is_date => Field::Date32(array.as_primitive::<arrow_array::types::Date32Type>()),
        DataType::Date64 if is_date => Field::Days(date64_days(array)),
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
            Field::Days(timestamp_days(array, unit, offset))
        }
        DataType::Boolean => Field::Flags(array.as_boolean()),
        DataType::List(_) | DataType::LargeList(_) if column == Column::Groups => {
            let (offsets, values) = list_parts(array);
            let values = Text::new(values).ok_or_else(unsupported)?;
            Field::List { offsets, values, array: array.as_ref() }
        }
        DataType::Null => Field::Absent,
        DataType::Float16
        | DataType::Float32
        | DataType::Float64
        | DataType::Decimal128(_, _)
        | DataType::Decimal256(_, _) => Field::Wrong(array.as_ref()),
        _ => match Ints::new(array.as_ref()) {
            Some(values) if !is_date => Field::Integers(values),
            Some(_) => Field::Wrong(array.as_ref()),
            None => return Err(unsupported()),
        },
    })
}

/// Batches are counted in groups of about this many rows, split across threads.
const GROUP_ROWS: usize = 1 << 17;

/// One batch's record columns as the kernel reads them, after checking its schema.
/// Field names go through the call's header aliases and mapping, as CSV headers do.
pub(super) fn batch_columns<'b>(
    tally: &mut Tally,
    batch: &'b RecordBatch,
    headers: &Headers<'_>,
) -> Result<Columns<'b>, Error> {
    let schema = batch.schema();
    let mut readers = Columns::new(batch.num_rows());
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let columns = tally.header(&names, headers)?;
    for (column, array) in columns.iter().zip(batch.columns()) {
        if let Some(c) = column {
            readers.set(*c, field_of(array, *c)?);
        }
    }
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
        let headers = Headers::new(plan, options.columns.as_ref());
        for (_, piece) in &pieces {
            batch_columns(self, piece, &headers)?;
        }
        let cap = if options.strict {
            1
        } else {
            usize::try_from(options.max_rejected.saturating_add(1)).unwrap_or(usize::MAX)
        };
        let total: usize = pieces.iter().map(|(_, b)| b.num_rows()).sum();
        let threads = super::parts::threads();
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
        let kernel = Kernel::new(plan);
        let count_run = |run: &&[(u64, RecordBatch)], part: &mut Tally| {
            let mut refusals = Vec::new();
            let mut rows = 0u64;
            for (_, batch) in run.iter() {
                let columns = batch_columns(part, batch, &headers)?;
                let found = kernel.count(&columns, cap.saturating_sub(refusals.len()), part);
                refusals.extend(found.into_iter().map(|(r, refusal)| (rows + r as u64, refusal)));
                rows += batch.num_rows() as u64;
            }
            Ok((refusals, rows))
        };
        let first = pieces.first().map_or(0, |(f, _)| *f);
        count_on_threads(self, &runs, &count_run, first, options, rejected)?;
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
