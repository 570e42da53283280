//! Property tests: CSV and JSON Lines counted in blocks on every core give exactly what one
//! streaming reader gives, row by row through the parser (the readers before blocks, kept here
//! as the reference): the same counts, rejections, row numbers and ignored columns, whatever
//! the block size, with quoted fields holding commas, quotes and newlines, CRLF endings, blank
//! lines, a byte-order mark, rows of the wrong length, bytes that are not UTF-8, non-objects,
//! wrong-typed JSON values and bases among trainings.

use std::io::BufRead;

use proptest::prelude::*;
use serde_json::Value;

use super::blocks::Kind;
use super::columns::{Column, TRAINING_COLUMNS};
use super::files::ValueScratch;
use super::headers::Headers;
use super::parse::{Raw, RecordParser, RecordReason};
use super::tally::{CountOptions, Tally};
use super::test_values::{Rng, pool};
use crate::basics::encoding::Encoding;
use crate::plan::Plan;

/// The streaming CSV reader blocks replaced: one row at a time through the parser.
fn csv_row_by_row(plan: &Plan, text: &[u8], options: &CountOptions) -> Tally {
    let mut tally = Tally::new(plan);
    let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text);
    let mut header = csv::ByteRecord::new();
    assert!(csv.read_byte_record(&mut header).unwrap());
    let names: Vec<&str> = header.iter().map(|n| std::str::from_utf8(n).unwrap()).collect();
    let columns = tally.header(&names, &Headers::new(plan, None)).unwrap();
    let parser = RecordParser::new(plan);
    let (mut rejected, mut row) = (0, 0u64);
    let mut record = csv::StringRecord::new();
    loop {
        let refusal = match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => None,
            Err(e) => match e.kind() {
                csv::ErrorKind::Utf8 { err, .. } => {
                    let field = columns.get(err.field()).copied().flatten().map_or("row", Column::name);
                    Some(RecordReason::NotUtf8.at(field))
                }
                _ => panic!("{e}"),
            },
        };
        row += 1;
        let result = match refusal {
            Some(r) => Err(r),
            None if record.len() != columns.len() => Err(RecordReason::Syntax.at("row")),
            None => {
                let mut raw = Raw::default();
                for (field, column) in record.iter().zip(&columns) {
                    if let Some(column) = column {
                        raw.set(*column, field);
                    }
                }
                parser.facts(&raw)
            }
        };
        match result {
            Ok(facts) => tally.add_facts(plan, &facts),
            Err(refusal) => tally.reject(row, refusal, options, &mut rejected).unwrap(),
        }
    }
    tally
}

/// The streaming JSON Lines reader blocks replaced.
fn json_lines_row_by_row(plan: &Plan, mut text: &[u8], options: &CountOptions) -> Tally {
    let mut tally = Tally::new(plan);
    let parser = RecordParser::new(plan);
    let headers = Headers::new(plan, None);
    let mut scratch = ValueScratch::new(&headers);
    let (mut rejected, mut row) = (0, 0u64);
    let mut line = Vec::new();
    loop {
        line.clear();
        if text.read_until(b'\n', &mut line).unwrap() == 0 {
            break;
        }
        row += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let result = match serde_json::from_slice::<Value>(&line) {
            Ok(value @ Value::Object(_)) => scratch.raw(&value, &mut tally).and_then(|raw| parser.facts(&raw)),
            Ok(_) => Err(RecordReason::Syntax.at("line")),
            Err(_) if std::str::from_utf8(&line).is_err() => Err(RecordReason::NotUtf8.at("line")),
            Err(_) => Err(RecordReason::Syntax.at("line")),
        };
        match result {
            Ok(facts) => tally.add_facts(plan, &facts),
            Err(refusal) => tally.reject(row, refusal, options, &mut rejected).unwrap(),
        }
    }
    tally
}

/// A CSV field: plain, or quoted (with a quote, a comma or a newline inside some of them).
fn csv_field(rng: &mut Rng, value: &str) -> String {
    match rng.next() % 14 {
        0 => format!("\"{}\"", value.replace('"', "\"\"")),
        1 => format!("\"{value}, \"\"quoted\"\"\""),
        2 => format!("\"{value}\nnext line\""),
        // Quotes the CSV reader reads as characters: inside an unquoted field, after a closed one.
        3 => format!("{value}\"inch"),
        4 => format!("\"{value}\"tail"),
        5 => format!("\"\"\"{value}\"\"\""),
        _ => value.to_owned(),
    }
}

/// A random CSV: training columns (and sometimes base columns and one the format lacks) in a
/// random order, rows of random values, and the oddities files have.
fn random_csv(seed: u64, rows: usize) -> Vec<u8> {
    let mut rng = Rng(seed | 1);
    let mut columns: Vec<Option<Column>> = TRAINING_COLUMNS.iter().copied().map(Some).collect();
    if rng.chance(30) {
        columns.extend([Some(Column::BaseId), Some(Column::BaseKind), Some(Column::DesignatedDate)]);
    }
    columns.push(None);
    for i in (1..columns.len()).rev() {
        columns.swap(i, (rng.next() % (i as u64 + 1)) as usize);
    }
    let newline = if rng.chance(30) { "\r\n" } else { "\n" };
    let mut out = Vec::new();
    if rng.chance(20) {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let names: Vec<&str> = columns.iter().map(|c| c.map_or("note", Column::name)).collect();
    out.extend_from_slice(names.join(",").as_bytes());
    out.extend_from_slice(newline.as_bytes());
    for _ in 0..rows {
        if rng.chance(3) {
            out.extend_from_slice(newline.as_bytes());
            continue;
        }
        let mut fields: Vec<String> = columns
            .iter()
            .map(|c| match c {
                Some(Column::BaseId) => if rng.chance(5) { "b1" } else { "" }.to_owned(),
                Some(c) => {
                    let v = *rng.pick(pool(*c));
                    csv_field(&mut rng, v)
                }
                None => csv_field(&mut rng, "free text"),
            })
            .collect();
        if rng.chance(3) {
            fields.pop();
        }
        let mut line = fields.join(",").into_bytes();
        if rng.chance(2) {
            line.extend_from_slice(",多余".as_bytes());
        }
        out.extend_from_slice(&line);
        out.extend_from_slice(newline.as_bytes());
    }
    out
}

/// A random JSON Lines text: objects of random values (strings, flags, integers, lists,
/// floats, nested objects), blank lines, lines that are not objects.
fn random_json_lines(seed: u64, rows: usize) -> Vec<u8> {
    let mut rng = Rng(seed | 1);
    let mut out = Vec::new();
    for _ in 0..rows {
        match rng.next() % 100 {
            0..=1 => out.extend_from_slice(b"   \n"),
            2 => out.extend_from_slice(b"[1, 2]\n"),
            3 => out.extend_from_slice(b"{\"record_id\": \n"),
            4 => out.extend_from_slice("{\"record_id\": \"记录\"}\n".as_bytes()),
            _ => {
                let mut object = serde_json::Map::new();
                for c in TRAINING_COLUMNS {
                    if rng.chance(8) {
                        continue;
                    }
                    let v = *rng.pick(pool(c));
                    let value = match rng.next() % 30 {
                        0 => Value::Null,
                        1 => Value::Bool(rng.chance(50)),
                        2 => Value::from(220_100),
                        3 => Value::from(1.5),
                        4 => Value::Array(vec![Value::from(v), Value::from("veteran")]),
                        5 => serde_json::json!({ "nested": v }),
                        _ => Value::from(v),
                    };
                    object.insert(c.name().to_owned(), value);
                }
                if rng.chance(3) {
                    object.insert("base_id".into(), Value::from("b1"));
                    object.insert("base_kind".into(), Value::from("public_training_base"));
                    object.insert("designated_date".into(), Value::from("2023-05-01"));
                }
                if rng.chance(10) {
                    object.insert("note".into(), Value::from("x"));
                }
                out.extend_from_slice(Value::Object(object).to_string().as_bytes());
                if !rng.chance(1) {
                    out.push(b'\n');
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn csv_in_blocks_counts_as_one_stream(seed in any::<u64>(), rows in 0usize..700, block in 1usize..3000) {
        let plan = Plan::jilin_2022_2025().unwrap();
        let text = random_csv(seed, rows);
        let options = CountOptions { max_rejected: u64::MAX, ..CountOptions::default() };
        let mut blocks = Tally::new(&plan);
        blocks.add_text(&plan, text.as_slice(), Kind::Csv, &options, None, block).unwrap();
        let reference = csv_row_by_row(&plan, &text, &options);
        prop_assert_eq!(blocks.summary(&plan), reference.summary(&plan));
        // The same text saved as GB18030 counts the same, whether detected or named.
        let gb18030 = encoding_rs::GB18030.encode(std::str::from_utf8(&text).unwrap()).0.into_owned();
        for encoding in [Encoding::Auto, Encoding::Gb18030] {
            let options = CountOptions { encoding, ..options.clone() };
            let mut decoded = Tally::new(&plan);
            decoded.add_text(&plan, gb18030.as_slice(), Kind::Csv, &options, None, block).unwrap();
            prop_assert_eq!(decoded.summary(&plan), reference.summary(&plan));
        }
    }

    #[test]
    fn json_lines_in_blocks_count_as_one_stream(seed in any::<u64>(), rows in 0usize..700, block in 1usize..3000) {
        let plan = Plan::jilin_2022_2025().unwrap();
        let text = random_json_lines(seed, rows);
        let options = CountOptions { max_rejected: u64::MAX, ..CountOptions::default() };
        let mut blocks = Tally::new(&plan);
        blocks.add_text(&plan, text.as_slice(), Kind::JsonLines, &options, None, block).unwrap();
        let reference = json_lines_row_by_row(&plan, &text, &options);
        prop_assert_eq!(blocks.summary(&plan), reference.summary(&plan));
    }
}
