//! Calls on files that every binding makes the same way: hashing an export's ID numbers into
//! person keys (a temporary file renamed into place, so a failed run leaves no half-hashed copy).

use std::path::Path;

use crate::basics::encoding::{ENCODING_NAMES, Encoding};
use crate::error::{Error, OptionsError};
use crate::plan::Plan;
use crate::records::{CountOptions, HashSummary, hash_keys};

/// An encoding by name (`auto`, `utf-8`, `gb18030`); `INVALID_OPTIONS` at `encoding` otherwise.
pub fn encoding(name: &str) -> Result<Encoding, Error> {
    Encoding::parse(name)
        .ok_or_else(|| OptionsError { path: "encoding".into(), message: format!("use one of {ENCODING_NAMES}") }.into())
}

/// [`hash_keys`] from the CSV at `input` to `output`.
pub fn hash_key_file(
    plan: &Plan,
    input: &Path,
    output: &Path,
    salt: &[u8],
    options: &CountOptions,
) -> Result<HashSummary, Error> {
    let io = |path: &str, e: std::io::Error| {
        Error::from(OptionsError { path: path.into(), message: format!("cannot open the file: {}", e.kind()) })
    };
    let mut options = options.clone();
    if options.source.is_none() {
        options.source = input.file_name().map(|n| n.to_string_lossy().into_owned());
    }
    let reader = std::io::BufReader::new(std::fs::File::open(input).map_err(|e| io("input", e))?);
    let partial = output.with_extension("partial");
    let writer = std::io::BufWriter::new(std::fs::File::create(&partial).map_err(|e| io("output", e))?);
    match hash_keys(plan, reader, writer, salt, &options) {
        Ok(summary) => {
            std::fs::rename(&partial, output).map_err(|e| io("output", e))?;
            Ok(summary)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}
