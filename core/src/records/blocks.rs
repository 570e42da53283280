//! CSV and JSON Lines counted on every core: the input is read in blocks cut at record
//! boundaries (a CSV newline outside quotes, a JSON Lines newline), each block is parsed on a
//! thread of its own into columns of text spans and counted by the kernel, and the partial
//! tallies are merged in order. Memory is bounded by the block size × the threads, never the
//! file; rows are numbered across blocks as one reader numbers them.

use std::io::Read;

use serde_json::Value;

use crate::basics::encoding::{self, Detector, EncodingFault, Settled};
use crate::error::Error;
use crate::plan::Plan;

use super::columns::{COLUMNS, Column};
use super::field::{Columns, Field, Span};
use super::files::{BytesRead, ValueScratch, csv_source_error};
use super::headers::Headers;
use super::kernel::Kernel;
use super::parse::{RecordReason, Refusal};
use super::parts::{Counted, count_runs, merge_parts, threads};
use super::tally::{CountOptions, Tally, source_error};

/// Blocks are cut at the first record boundary after this many bytes.
const BLOCK_BYTES: usize = 4 << 20;

/// The kind of text a block holds.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    Csv,
    JsonLines,
}

/// Reads `reader` in blocks that end at a record boundary.
struct Blocks<R> {
    reader: R,
    kind: Kind,
    /// Bytes read past the last cut, which begin the next block.
    rest: Vec<u8>,
    /// Blocks are cut at the first boundary after this many bytes.
    block_bytes: usize,
    done: bool,
    /// Bytes handed out in blocks so far.
    consumed: u64,
    /// Where the first block starts in the file (after a CSV header).
    first: u64,
    /// Settles the encoding of `auto` at the first text that is not ASCII.
    detector: Detector,
}

/// A block: where it starts in the file, the encoding its text is in, and its bytes.
type Block = (u64, Settled, Vec<u8>);

impl<R: Read> Blocks<R> {
    fn new(reader: R, kind: Kind, start: Vec<u8>, block_bytes: usize, first: u64, detector: Detector) -> Blocks<R> {
        Blocks { reader, kind, rest: start, block_bytes: block_bytes.max(1), done: false, consumed: 0, first, detector }
    }

    /// The next block with where it starts and its encoding, or `None` at the end.
    fn next(&mut self) -> Result<Option<Block>, Error> {
        let start = self.at();
        match self.next_block()? {
            Some(bytes) => {
                let settled = self.detector.settle(&bytes, start).map_err(encoding_error)?;
                Ok(Some((start, settled, bytes)))
            }
            None => Ok(None),
        }
    }

    /// Where the next block starts in the file.
    fn at(&self) -> u64 {
        self.first + self.consumed
    }

    /// The next block, or `None` at the end of the input.
    fn next_block(&mut self) -> Result<Option<Vec<u8>>, Error> {
        let mut block = std::mem::take(&mut self.rest);
        let mut scanned = 0;
        loop {
            if !self.done && block.len() < scanned + self.block_bytes {
                let want = scanned + self.block_bytes - block.len();
                let before = block.len();
                (&mut self.reader)
                    .take(want as u64)
                    .read_to_end(&mut block)
                    .map_err(|e| source_error("io", "path", format!("cannot read the records: {}", e.kind())))?;
                self.done = block.len() - before < want;
            }
            if self.done {
                break;
            }
            // Cut after the last boundary; a record longer than a block makes the block longer.
            if let Some(cut) = last_boundary(&block, self.kind) {
                self.rest = block.split_off(cut);
                break;
            }
            scanned = block.len();
        }
        if block.is_empty() {
            return Ok(None);
        }
        self.consumed += block.len() as u64;
        Ok(Some(block))
    }
}

/// The byte after the last record boundary of `block` (which starts at one), if any.
fn last_boundary(block: &[u8], kind: Kind) -> Option<usize> {
    if kind == Kind::JsonLines || !block.contains(&b'"') {
        // No quotes: every newline ends a record (a JSON line cannot hold a raw newline).
        return memchr::memrchr(b'\n', block).map(|i| i + 1);
    }
    // As the CSV reader reads quotes: one opens a quoted field only at a field's start (after
    // a comma or a line end, or at the block's start, which is a record's), and inside it a
    // doubled quote is a quote. Only quotes and newlines are looked at.
    let mut last = None;
    let mut at = 0;
    while let Some(found) = memchr::memchr2(b'"', b'\n', &block[at..]) {
        let i = at + found;
        if block[i] == b'\n' {
            last = Some(i + 1);
            at = i + 1;
            continue;
        }
        at = i + 1;
        if i > 0 && !matches!(block[i - 1], b',' | b'\r' | b'\n') {
            continue; // a quote inside an unquoted field is a character
        }
        // A quoted field: find its closing quote.
        loop {
            let Some(q) = memchr::memchr(b'"', &block[at..]) else { return last };
            let q = at + q;
            match block.get(q + 1) {
                Some(b'"') => at = q + 2,
                Some(_) => {
                    at = q + 1;
                    break;
                }
                // The block ends at a quote that a doubled one may follow: undecided.
                None => return last,
            }
        }
    }
    last
}

/// A parsed block: its text, each record column's spans, the rows refused while reading, and
/// (JSON Lines) the line of each row.
pub(super) struct Parsed {
    pub(super) text: String,
    pub(super) spans: Vec<Vec<Span>>,
    pub(super) columns: Vec<Column>,
    pub(super) rows: usize,
    pub(super) refused: Vec<(usize, Refusal)>,
    /// JSON Lines: each row's line in the block (blank lines are not rows), and the lines.
    pub(super) lines: Option<(Vec<u32>, u64)>,
}

impl Parsed {
    /// No rows yet, for the record columns `columns` (by their order in the input).
    pub(super) fn new(columns: Vec<Column>, capacity: usize) -> Parsed {
        Parsed {
            text: String::with_capacity(capacity),
            spans: vec![Vec::with_capacity(capacity / 64); columns.len()],
            columns,
            rows: 0,
            refused: Vec::new(),
            lines: None,
        }
    }

    /// Counts the block's rows into `part`: the refusals (by row, or by line for JSON Lines,
    /// up to `cap`) and the rows (or lines) it had.
    pub(super) fn count(&self, kernel: &Kernel<'_>, cap: usize, part: &mut Tally) -> (Vec<(u64, Refusal)>, u64) {
        let columns = self.columns(self.refused.clone());
        let refusals = kernel.count(&columns, cap, part);
        match &self.lines {
            None => (refusals.into_iter().map(|(r, refusal)| (r as u64, refusal)).collect(), self.rows as u64),
            Some((line_of_row, lines)) => {
                (refusals.into_iter().map(|(r, refusal)| (u64::from(line_of_row[r]), refusal)).collect(), *lines)
            }
        }
    }

    /// The block's columns, with the rows its reader refused (taken out of the block).
    fn columns(&self, refused: Vec<(usize, Refusal)>) -> Columns<'_> {
        let mut columns = Columns::new(self.rows);
        for (c, spans) in self.columns.iter().zip(&self.spans) {
            columns.set(*c, Field::Spans { text: &self.text, spans });
        }
        columns.refused = refused;
        columns
    }
}

/// A block's text as its parser reads it: the bytes, where they start in the file, and whether
/// `auto` chose UTF-8 (a fault is then a second encoding, or bytes that are no text at all).
struct BlockText<'b> {
    bytes: &'b [u8],
    start: u64,
    auto: bool,
}

impl BlockText<'_> {
    /// The error for bytes that are not UTF-8 in the record or line starting at `from` (the
    /// bytes before it were read as UTF-8).
    fn not_utf8(&self, from: usize) -> Error {
        let at = from + std::str::from_utf8(&self.bytes[from..]).err().map_or(0, |e| e.valid_up_to());
        encoding_error(encoding::utf8_fault(self.bytes, at, self.start, self.auto))
    }

    /// The error for a byte-order mark at `at`: files joined with their marks. Marks are looked
    /// for where joined files put them, at the start of a record or line.
    fn bom(&self, at: usize) -> Error {
        encoding_error(EncodingFault::BomInside { offset: self.start + at as u64 })
    }
}

/// Parses a block of CSV rows with the header's columns; bytes that are not UTF-8 fail it.
fn parse_csv(text: &BlockText<'_>, header: &[Option<Column>]) -> Result<Parsed, Error> {
    let block = text.bytes;
    let mapped: Vec<(usize, Column)> = header.iter().enumerate().filter_map(|(i, c)| c.map(|c| (i, c))).collect();
    let mut parsed = Parsed::new(mapped.iter().map(|(_, c)| *c).collect(), block.len());
    let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(block);
    let mut record = csv::StringRecord::new();
    loop {
        let refusal = match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) if record.len() != header.len() => Some(RecordReason::Syntax.at("row")),
            Ok(true) => None,
            Err(e) => match e.kind() {
                csv::ErrorKind::Utf8 { pos, .. } => {
                    return Err(text.not_utf8(pos.as_ref().map_or(0, |p| p.byte() as usize)));
                }
                _ => return Err(csv_source_error(&e)),
            },
        };
        let row = parsed.rows;
        parsed.rows += 1;
        if let Some(r) = refusal {
            parsed.refused.push((row, r));
            for spans in &mut parsed.spans {
                spans.push((0, 0));
            }
            continue;
        }
        if record.as_slice().starts_with('\u{feff}') {
            return Err(text.bom(record.position().map_or(0, |p| p.byte() as usize)));
        }
        let base = parsed.text.len() as u32;
        parsed.text.push_str(record.as_slice());
        for ((i, _), spans) in mapped.iter().zip(&mut parsed.spans) {
            let range = record.range(*i).unwrap_or(0..0);
            spans.push((base + range.start as u32, base + range.end as u32));
        }
    }
    Ok(parsed)
}

/// Parses a block of JSON lines; keys the format does not have are noted in `tally`, and bytes
/// that are not UTF-8 fail it.
fn parse_json_lines(text: &BlockText<'_>, tally: &mut Tally, headers: &Headers<'_>) -> Result<Parsed, Error> {
    let block = text.bytes;
    let mut parsed = Parsed::new(COLUMNS.to_vec(), 0);
    let mut scratch = ValueScratch::new(headers);
    let mut line_of_row = Vec::new();
    let mut lines = 0u64;
    let mut line_start = 0;
    for line in block.split_inclusive(|&b| b == b'\n') {
        lines += 1;
        let at = line_start;
        line_start += line.len();
        if line.starts_with(encoding::UTF8_BOM) {
            return Err(text.bom(at));
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let row = parsed.rows;
        parsed.rows += 1;
        line_of_row.push((lines - 1) as u32);
        let raw = match serde_json::from_slice::<Value>(line) {
            Ok(value @ Value::Object(_)) => scratch.raw(&value, tally).map(|raw| raw.fields),
            Ok(_) => Err(RecordReason::Syntax.at("line")),
            Err(_) if std::str::from_utf8(line).is_err() => return Err(text.not_utf8(at)),
            Err(_) => Err(RecordReason::Syntax.at("line")),
        };
        match raw {
            Ok(fields) => {
                for (value, spans) in fields.iter().zip(&mut parsed.spans) {
                    let start = parsed.text.len() as u32;
                    parsed.text.push_str(value.unwrap_or(""));
                    spans.push((start, parsed.text.len() as u32));
                }
            }
            Err(refusal) => {
                parsed.refused.push((row, refusal));
                for spans in &mut parsed.spans {
                    spans.push((0, 0));
                }
            }
        }
    }
    parsed.lines = Some((line_of_row, lines));
    Ok(parsed)
}

impl Tally {
    /// Counts text records read from `blocks`, a group of blocks (one per thread) at a time.
    fn add_blocks<R: Read>(
        &mut self,
        plan: &Plan,
        mut blocks: Blocks<R>,
        header: &[Option<Column>],
        headers: &Headers<'_>,
        options: &CountOptions,
        mut progress: Option<BytesRead<'_>>,
    ) -> Result<(), Error> {
        let kernel = Kernel::new(plan);
        let cap = if options.strict {
            1
        } else {
            usize::try_from(options.max_rejected.saturating_add(1)).unwrap_or(usize::MAX)
        };
        let kind = blocks.kind;
        let count = |(start, settled, block): &Block, part: &mut Tally| -> Counted {
            let (bytes, start) = encoding::parse_bytes(block, *settled, *start).map_err(encoding_error)?;
            let text = BlockText { bytes: &bytes, start, auto: matches!(settled, Settled::Utf8 { auto: true }) };
            let parsed = match kind {
                Kind::Csv => parse_csv(&text, header)?,
                Kind::JsonLines => parse_json_lines(&text, part, headers)?,
            };
            Ok(parsed.count(&kernel, cap, part))
        };
        let threads = threads();
        let mut rejected = 0;
        let mut row = 0;
        let like = self.new_like();
        // Reading and cutting the next group of blocks overlaps counting the last one.
        std::thread::scope(|scope| -> Result<(), Error> {
            let mut counting: Option<std::thread::ScopedJoinHandle<'_, _>> = None;
            loop {
                let mut group = Vec::with_capacity(threads);
                let mut read = Ok(());
                while group.len() < threads {
                    match blocks.next() {
                        Ok(Some(block)) => group.push(block),
                        Ok(None) => break,
                        Err(e) => {
                            read = Err(e);
                            break;
                        }
                    }
                }
                if let Some(handle) = counting.take() {
                    let parts =
                        handle.join().map_err(|_| source_error("internal", "", "a counting thread failed".into()))?;
                    row += merge_parts(self, parts, row, options, &mut rejected)?;
                    if let Some(p) = progress.as_mut() {
                        p(blocks.at() - group.iter().map(|(_, _, b)| b.len() as u64).sum::<u64>());
                    }
                }
                read?;
                if group.is_empty() {
                    break;
                }
                let (like, count) = (&like, &count);
                counting = Some(scope.spawn(move || count_runs(like, &group, count)));
            }
            Ok(())
        })?;
        if let Some(p) = progress.as_mut() {
            p(blocks.at());
        }
        Ok(())
    }

    /// Counts CSV records read from `reader` on every core: a header row names the columns
    /// (`record_id, person_key, …` for trainings, `base_id, base_kind, …` for bases; other
    /// columns are listed in `ignored_columns` and not read). `progress` hears the bytes read
    /// after each group of blocks.
    pub fn add_csv(
        &mut self,
        plan: &Plan,
        reader: impl Read,
        options: &CountOptions,
        progress: Option<BytesRead<'_>>,
    ) -> Result<(), Error> {
        self.add_text(plan, reader, Kind::Csv, options, progress, BLOCK_BYTES)
    }

    /// Counts JSON Lines records (one JSON object per line; blank lines are skipped) on every
    /// core. Rows are numbered by line.
    pub fn add_json_lines(
        &mut self,
        plan: &Plan,
        reader: impl Read,
        options: &CountOptions,
        progress: Option<BytesRead<'_>>,
    ) -> Result<(), Error> {
        self.add_text(plan, reader, Kind::JsonLines, options, progress, BLOCK_BYTES)
    }

    /// Counts CSV (after its header) or JSON Lines in blocks of about `block_bytes`.
    pub(crate) fn add_text(
        &mut self,
        plan: &Plan,
        mut reader: impl Read,
        kind: Kind,
        options: &CountOptions,
        progress: Option<BytesRead<'_>>,
        block_bytes: usize,
    ) -> Result<(), Error> {
        self.check_plan(plan)?;
        let headers = Headers::new(plan, options.columns.as_ref());
        let mut detector = Detector::new(options.encoding);
        if kind == Kind::JsonLines {
            headers.check_mapping()?;
            let blocks = Blocks::new(reader, kind, Vec::new(), block_bytes, 0, detector);
            return self.add_blocks(plan, blocks, &[], &headers, options, progress);
        }
        let (mut head, end) = read_header(&mut reader)?;
        let settled = detector.settle(&head, 0).map_err(encoding_error)?;
        let header_text = encoding::decode(&head[..end], settled, 0).map_err(encoding_error)?;
        let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(header_text.as_bytes());
        let mut names = csv::StringRecord::new();
        csv.read_record(&mut names).map_err(|e| csv_source_error(&e))?;
        let columns = self.header(&names.iter().collect::<Vec<_>>(), &headers)?;
        let rest = head.split_off(end);
        let blocks = Blocks::new(reader, kind, rest, block_bytes, end as u64, detector);
        self.add_blocks(plan, blocks, &columns, &headers, options, progress)
    }
}

/// An encoding fault as the error of the call that read the file.
pub(crate) fn encoding_error(fault: EncodingFault) -> Error {
    source_error(fault.code(), &fault.path(), fault.message())
}

/// Reads a CSV's header record: the bytes read, and where the header ends in them.
fn read_header(reader: &mut impl Read) -> Result<(Vec<u8>, usize), Error> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        reader
            .take(1 << 16)
            .read_to_end(&mut head)
            .map_err(|e| source_error("io", "path", format!("cannot read the records: {}", e.kind())))?;
        let at_end = head.len() == before;
        let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&head[..]);
        let mut header = csv::ByteRecord::new();
        let read = csv.read_byte_record(&mut header).map_err(|e| csv_source_error(&e))?;
        let end = csv.position().byte() as usize;
        if !read && at_end {
            return Err(source_error("empty", "header", "the CSV has no header row".into()));
        }
        // The header is whole once the reader stops before the end of what was read.
        if read && (end < head.len() || at_end) {
            return Ok((head, end));
        }
    }
}
