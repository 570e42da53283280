//! Pseudonymised person keys: the 身份证号 column of an export turned into `person_key` =
//! HMAC-SHA256(salt, normalised ID) in lower-case hex, so records of one person share a key that
//! cannot be turned back into the number without the salt. Each ID is checked against GB 11643
//! first; a row whose ID is not valid is left out and rejected by row and reason, never by value.
//!
//! An ID is normalised before hashing: trimmed, full-width characters folded, a final `x`
//! upper-cased, and an old 15-digit number raised to its 18-character form (the century `19`
//! inserted before the birth year and the check character computed), so the two forms of one
//! person's number give one key.

use std::io::{Read, Write};

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::basics::encoding::{DecodingReader, EncodingFault};
use crate::basics::export_text::fold_width;
use crate::basics::id_number;
use crate::error::{Error, OptionsError};
use crate::plan::Plan;

use super::columns::Column;
use super::headers::Headers;
use super::tally::{CountOptions, Rejection, source_error};

/// A salt must have at least this many bytes: shorter ones can be guessed.
pub const MIN_SALT_BYTES: usize = 16;

/// What [`hash_keys`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct HashSummary {
    /// Data rows read.
    pub rows_read: u64,
    /// Rows written with a person key.
    pub rows_written: u64,
    /// Rows left out because their ID number is not valid.
    pub rows_rejected: u64,
    /// The first rejected rows (at most 1000), by row and reason.
    pub rejections: Vec<Rejection>,
}

/// The 18-character form of a GB 11643 ID number, or why it is not one.
pub fn normalise_id_number(text: &str) -> Result<String, &'static str> {
    let folded = fold_width(text);
    let id = folded.trim().to_ascii_uppercase();
    let b = id.as_bytes();
    match b.len() {
        18 if id_number::is_valid(&id) => Ok(id),
        18 if b[..17].iter().all(u8::is_ascii_digit) => Err("the check character is wrong"),
        15 if b.iter().all(u8::is_ascii_digit) => {
            let mut first17 = Vec::with_capacity(18);
            first17.extend_from_slice(&b[..6]);
            first17.extend_from_slice(b"19");
            first17.extend_from_slice(&b[6..]);
            let check = id_number::check_digit(&first17).ok_or("not an ID number")?;
            first17.push(check);
            Ok(String::from_utf8(first17).map_err(|_| "not an ID number")?)
        }
        _ => Err("not a 15- or 18-character ID number"),
    }
}

fn salt_error(message: &str) -> Error {
    OptionsError { path: "salt".into(), message: message.into() }.into()
}

/// Checks a salt: at least [`MIN_SALT_BYTES`] bytes, surrounding blanks (a file's final
/// newline) dropped.
fn checked_salt(salt: &[u8]) -> Result<&[u8], Error> {
    let salt = salt.trim_ascii();
    if salt.is_empty() {
        return Err(salt_error(
            "the salt is missing or empty; give a secret of at least 16 bytes in a file or an environment variable",
        ));
    }
    if salt.len() < MIN_SALT_BYTES {
        return Err(salt_error("the salt is shorter than 16 bytes, which can be guessed; use a longer secret"));
    }
    Ok(salt)
}

/// The person key of one ID number: HMAC-SHA256(salt, normalised ID) as 64 hex digits. An ID
/// that is not valid under GB 11643 is an `INVALID_RECORD` error at `id_number` (the number is
/// never repeated).
pub fn person_key(salt: &[u8], id: &str) -> Result<String, Error> {
    let salt = checked_salt(salt)?;
    let id = normalise_id_number(id).map_err(|why| {
        Error::from(crate::error::RecordsError {
            code: crate::error::ErrorCode::InvalidRecord,
            reason: "invalid_id_number",
            path: "id_number".into(),
            message: format!("not a valid ID number: {why} (GB 11643)"),
        })
    })?;
    Ok(keyed_hash(salt, &id))
}

fn keyed_hash(salt: &[u8], id: &str) -> String {
    // HMAC takes a key of any length.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(salt).expect("HMAC takes any key length");
    mac.update(id.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut hex = String::with_capacity(64);
    for b in digest {
        hex.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        hex.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    hex
}

/// Streams a CSV export from `input` to `output` (UTF-8), with its column of ID numbers
/// (`身份证号`, `公民身份号码`, … or whatever `options.columns` maps to `id_number`) replaced by
/// `person_key`. Other columns are copied as they are. `options.encoding` reads the input;
/// `strict` and `max_rejected` limit the rows left out as in counting.
pub fn hash_keys(
    plan: &Plan,
    input: impl Read,
    output: impl Write,
    salt: &[u8],
    options: &CountOptions,
) -> Result<HashSummary, Error> {
    let salt = checked_salt(salt)?;
    let headers = Headers::new(plan, options.columns.as_ref());
    headers.check_mapping()?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(DecodingReader::new(input, options.encoding));
    let mut writer = csv::Writer::from_writer(output);
    let mut record = csv::StringRecord::new();
    let read_error = |e: csv::Error| match e.kind() {
        csv::ErrorKind::Io(io) => match EncodingFault::of_io(io) {
            Some(f) => source_error(f.code(), &f.path(), f.message()),
            None => source_error("io", "path", format!("cannot read the records: {}", io.kind())),
        },
        _ => source_error("syntax", "rows", "the CSV cannot be read".into()),
    };
    let write_error = |_| source_error("io", "output", "cannot write the hashed file".into());
    if !reader.read_record(&mut record).map_err(read_error)? {
        return Err(source_error("empty", "header", "the CSV has no header row".into()));
    }
    let names: Vec<String> = record.iter().map(|h| h.trim_start_matches('\u{feff}').to_owned()).collect();
    let id_column = headers.id_number_column(names.iter().map(String::as_str))?.ok_or_else(|| {
        source_error(
            "missing_column",
            "id_number",
            "there is no column of ID numbers (身份证号, 身份证号码, 公民身份号码, 证件号码, id_number); name it with --columns".into(),
        )
    })?;
    if let Some(i) = names.iter().position(|n| Column::from_name(n) == Some(Column::PersonKey)) {
        return Err(source_error(
            "duplicate_column",
            &format!("header[{i}]"),
            "the file already has a person_key column".into(),
        ));
    }
    let mut out_header: Vec<&str> = names.iter().map(String::as_str).collect();
    out_header[id_column] = "person_key";
    writer.write_record(&out_header).map_err(write_error)?;

    let mut summary = HashSummary::default();
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    while reader.read_record(&mut record).map_err(read_error)? {
        summary.rows_read += 1;
        let row = summary.rows_read;
        let refused = match record.get(id_column).map(normalise_id_number) {
            _ if record.len() != names.len() => {
                Some(("syntax", "the row does not have the header's number of fields".to_owned()))
            }
            Some(Ok(id)) => {
                out.clear();
                out.extend(record.iter().map(str::to_owned));
                out[id_column] = keyed_hash(salt, &id);
                writer.write_record(&out).map_err(write_error)?;
                summary.rows_written += 1;
                None
            }
            Some(Err(why)) => {
                Some(("invalid_id_number", format!("id_number is not a valid ID number: {why} (GB 11643)")))
            }
            None => Some(("missing_field", "id_number is required".to_owned())),
        };
        if let Some((code, message)) = refused {
            summary.rows_rejected += 1;
            let rejection = Rejection {
                source: options.source.clone(),
                row,
                field: "id_number".into(),
                code: code.into(),
                message,
            };
            if options.strict || summary.rows_rejected > options.max_rejected {
                let code = if options.strict {
                    crate::error::ErrorCode::InvalidRecord
                } else {
                    crate::error::ErrorCode::TooManyInvalidRecords
                };
                return Err(crate::error::RecordsError {
                    code,
                    reason: if code == crate::error::ErrorCode::InvalidRecord {
                        "invalid_id_number"
                    } else {
                        "too_many"
                    },
                    path: format!("rows[{row}].id_number"),
                    message: rejection.message,
                }
                .into());
            }
            if summary.rejections.len() < super::MAX_KEPT_REJECTIONS {
                summary.rejections.push(rejection);
            }
        }
    }
    writer.flush().map_err(|_| source_error("io", "output", "cannot write the hashed file".into()))?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SALT: &[u8] = b"a-test-salt-of-32-bytes-length!!";

    #[test]
    fn keys_are_hmac_of_the_normalised_id() {
        let key = person_key(SALT, "11010519491231002X").unwrap();
        assert_eq!(key.len(), 64);
        assert_eq!(person_key(SALT, " 11010519491231002x ").unwrap(), key);
        assert_eq!(person_key(SALT, "１１０１０５１９４９１２３１００２Ｘ").unwrap(), key);
        assert_ne!(person_key(b"another-salt-of-enough-bytes", "11010519491231002X").unwrap(), key);
        // The 15-digit form of one number gives the key of its 18-character form.
        let long = normalise_id_number("110105491231002").unwrap();
        assert_eq!(long.len(), 18);
        assert_eq!(person_key(SALT, "110105491231002").unwrap(), person_key(SALT, &long).unwrap());
        let e = person_key(SALT, "110105194912310021").unwrap_err();
        assert!(!e.to_string().contains("110105194912310021"));
        assert_eq!(person_key(b"", "11010519491231002X").unwrap_err().path(), "salt");
        assert_eq!(person_key(b"short", "11010519491231002X").unwrap_err().path(), "salt");
    }

    #[test]
    fn a_file_is_hashed_row_by_row() {
        let plan = Plan::jilin_2022_2025().unwrap();
        let input = "培训记录编号,身份证号,地区\nr1,11010519491231002X,长春市\nr2,110105194912310021,长春市\n";
        let mut out = Vec::new();
        let summary = hash_keys(&plan, input.as_bytes(), &mut out, SALT, &CountOptions::default()).unwrap();
        assert_eq!((summary.rows_read, summary.rows_written, summary.rows_rejected), (2, 1, 1));
        assert_eq!(summary.rejections[0].row, 2);
        let text = String::from_utf8(out).unwrap();
        let key = person_key(SALT, "11010519491231002X").unwrap();
        assert_eq!(text, format!("培训记录编号,person_key,地区\nr1,{key},长春市\n"));
        let gbk = encoding_rs::GB18030.encode(input).0.into_owned();
        let mut again = Vec::new();
        hash_keys(&plan, &gbk[..], &mut again, SALT, &CountOptions::default()).unwrap();
        assert_eq!(String::from_utf8(again).unwrap(), text);
    }
}
