//! The text encodings of exported files: UTF-8 (with or without a byte-order mark) and
//! GB18030, which covers GBK and GB2312 and is what Excel writes on a Chinese Windows machine.
//! `auto` takes UTF-8 when the bytes are UTF-8 and GB18030 otherwise, settled at the first text
//! that is not ASCII. Nothing is ever replaced with U+FFFD: bytes that are not text in the
//! encoding are a fault with their offset.
//!
//! The readers cut files into blocks at newlines before decoding them; that is sound for both
//! encodings because no byte of a GB18030 multi-byte character is a newline, a quote or a comma
//! (lead bytes are 0x81–0xFE, trail bytes 0x30–0x39 or 0x40–0xFE).

use std::borrow::Cow;

/// The encoding a file is read in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 if the bytes are UTF-8, else GB18030 (the default).
    #[default]
    Auto,
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
}

/// The names [`Encoding::parse`] reads, for messages.
pub const ENCODING_NAMES: &str = "auto, utf-8 or gb18030";

impl Encoding {
    /// `auto`, `utf-8` (`utf8`) or `gb18030` (`gbk`, `gb2312`), in any case.
    pub fn parse(name: &str) -> Option<Encoding> {
        match name.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Encoding::Auto),
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "gb18030" | "gbk" | "gb2312" => Some(Encoding::Gb18030),
            _ => None,
        }
    }

    /// The encoding's name as options write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "utf-8",
            Encoding::Gb18030 => "gb18030",
        }
    }
}

/// Why bytes could not be read as text. Offsets count bytes from the start of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingFault {
    /// The bytes at `offset` are not text in `encoding` (for `auto`: in neither encoding).
    Invalid {
        /// The encoding asked for or settled on: `utf-8`, `gb18030`, or `auto` when neither reads.
        encoding: &'static str,
        /// The first byte that is not text.
        offset: u64,
    },
    /// `auto` read UTF-8 text and then, at `offset`, bytes that are not UTF-8: two files of
    /// different encodings joined into one.
    Mixed {
        /// The first byte that is not UTF-8.
        offset: u64,
    },
    /// A byte-order mark after the start of the file: files joined with their marks.
    BomInside {
        /// Where the mark starts.
        offset: u64,
    },
    /// A UTF-16 byte-order mark at the start: Excel's "Unicode text", which is not read.
    Utf16,
}

impl EncodingFault {
    /// A stable reason code.
    pub fn code(self) -> &'static str {
        match self {
            EncodingFault::Invalid { .. } => "invalid_encoding",
            EncodingFault::Mixed { .. } => "mixed_encoding",
            EncodingFault::BomInside { .. } => "bom_inside",
            EncodingFault::Utf16 => "utf16",
        }
    }

    /// The byte offset, as an error path (`bytes[1234]`).
    pub fn path(self) -> String {
        match self {
            EncodingFault::Invalid { offset, .. }
            | EncodingFault::Mixed { offset }
            | EncodingFault::BomInside { offset } => format!("bytes[{offset}]"),
            EncodingFault::Utf16 => "bytes[0]".to_owned(),
        }
    }

    /// What is wrong and what to do; never the bytes themselves.
    pub fn message(self) -> String {
        match self {
            EncodingFault::Invalid { encoding: "auto", offset } => format!(
                "the file is neither UTF-8 nor GB18030 at byte {offset}; save it as UTF-8 or GB18030 (GBK) text"
            ),
            EncodingFault::Invalid { encoding, offset } => format!(
                "the bytes at byte {offset} are not {encoding} text; give the file's encoding ({ENCODING_NAMES})"
            ),
            EncodingFault::Mixed { offset } => format!(
                "the file is UTF-8 before byte {offset} and not from there: two encodings in one file (files joined?); convert the parts to one encoding"
            ),
            EncodingFault::BomInside { offset } => {
                format!("a byte-order mark at byte {offset}, inside the file: files joined with their marks; remove it")
            }
            EncodingFault::Utf16 => {
                "the file is UTF-16 (Excel's Unicode text), which is not read; save it as CSV UTF-8 or GB18030"
                    .to_owned()
            }
        }
    }
}

/// The encoding of a file once settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// UTF-8; `auto` says whether `auto` chose it (a later fault is then a mixed file).
    Utf8 {
        /// Chosen by `auto`.
        auto: bool,
    },
    /// GB18030; `auto` says whether `auto` chose it (a later fault is then neither encoding).
    Gb18030 {
        /// Chosen by `auto`.
        auto: bool,
    },
}

/// The UTF-8 byte-order mark.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// U+FEFF in GB18030 (a byte-order mark).
const GB18030_BOM: &[u8] = b"\x84\x31\x95\x33";

/// Settles `auto` over a file's bytes, in order.
#[derive(Debug, Clone, Copy)]
pub struct Detector {
    asked: Encoding,
    settled: Option<Settled>,
}

impl Detector {
    /// A detector for files asked to be read in `asked`.
    pub fn new(asked: Encoding) -> Detector {
        let settled = match asked {
            Encoding::Auto => None,
            Encoding::Utf8 => Some(Settled::Utf8 { auto: false }),
            Encoding::Gb18030 => Some(Settled::Gb18030 { auto: false }),
        };
        Detector { asked, settled }
    }

    /// The encoding to read the next bytes in, after looking at them (`auto` until then reads
    /// ASCII, which is the same text in both). A file that starts with a UTF-16 mark is refused.
    pub fn settle(&mut self, bytes: &[u8], offset: u64) -> Result<Settled, EncodingFault> {
        if offset == 0 && (bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")) {
            return Err(EncodingFault::Utf16);
        }
        if let Some(s) = self.settled {
            return Ok(s);
        }
        if bytes.is_ascii() {
            return Ok(Settled::Utf8 { auto: true });
        }
        let settled = match std::str::from_utf8(bytes) {
            Ok(_) => Settled::Utf8 { auto: true },
            // Cut in the middle of a character: UTF-8 if text that is not ASCII came before the
            // cut; if not, the cut character is the first, and the next bytes decide.
            Err(e) if e.error_len().is_none() && bytes[..e.valid_up_to()].is_ascii() => {
                return Ok(Settled::Utf8 { auto: true });
            }
            Err(e) if e.error_len().is_none() => Settled::Utf8 { auto: true },
            Err(e) => {
                let bad = e.valid_up_to();
                // UTF-8 text before the bad bytes (a whole line of it) is a UTF-8 file with other
                // bytes later; otherwise the file is GB18030.
                let line_start = memchr::memrchr(b'\n', &bytes[..bad]).map_or(0, |i| i + 1);
                if !bytes[..line_start].is_ascii() {
                    return Err(EncodingFault::Mixed { offset: offset + bad as u64 });
                }
                Settled::Gb18030 { auto: true }
            }
        };
        // The bytes hold text that is not ASCII (they are not all ASCII, checked above).
        self.settled = Some(settled);
        Ok(settled)
    }

    /// The encoding asked for.
    pub fn asked(&self) -> Encoding {
        self.asked
    }
}

/// The text of `bytes` (which start `offset` bytes into the file) in `settled`. UTF-8 is
/// borrowed and checked; GB18030 is decoded into a new string. A byte-order mark is skipped at
/// the start of the file and refused after it.
pub fn decode(bytes: &[u8], settled: Settled, offset: u64) -> Result<Cow<'_, str>, EncodingFault> {
    let (bytes, offset) = skip_bom(bytes, offset, settled);
    match settled {
        Settled::Utf8 { auto } => match std::str::from_utf8(bytes) {
            Ok(text) => {
                bom_inside(text, offset)?;
                Ok(Cow::Borrowed(text))
            }
            Err(e) => Err(utf8_fault(bytes, e.valid_up_to(), offset, auto)),
        },
        Settled::Gb18030 { auto } => {
            let text = decode_gb18030(bytes, offset).map_err(|fault| match fault {
                EncodingFault::Invalid { offset, .. } if auto => EncodingFault::Invalid { encoding: "auto", offset },
                other => other,
            })?;
            if let Some(at) = memchr::memmem::find(text.as_bytes(), "\u{feff}".as_bytes()) {
                // Where the mark is in the file's bytes: the encoded length of the text before it.
                let before = encoding_rs::GB18030.encode(&text[..at]).0.len();
                return Err(EncodingFault::BomInside { offset: offset + before as u64 });
            }
            Ok(Cow::Owned(text))
        }
    }
}

/// `bytes` without a byte-order mark when they start the file.
fn skip_bom(bytes: &[u8], offset: u64, settled: Settled) -> (&[u8], u64) {
    let bom = match settled {
        Settled::Utf8 { .. } => UTF8_BOM,
        Settled::Gb18030 { .. } => GB18030_BOM,
    };
    if offset == 0 && bytes.starts_with(bom) { (&bytes[bom.len()..], bom.len() as u64) } else { (bytes, offset) }
}

/// The bytes a block reader parses, and where they start in the file: UTF-8 as it is, for the
/// parser to check as it reads (the CSV and JSON readers check every record anyway, so checking
/// the block first would read it twice; a parser that finds bytes that are not UTF-8 asks
/// [`utf8_fault`] what they are, and one that finds a byte-order mark at a record's start
/// refuses it with [`EncodingFault::BomInside`]), GB18030 decoded and refused if it holds a mark.
/// A byte-order mark is skipped at the start of the file.
pub fn parse_bytes(bytes: &[u8], settled: Settled, offset: u64) -> Result<(Cow<'_, [u8]>, u64), EncodingFault> {
    match settled {
        Settled::Utf8 { .. } => {
            let (bytes, offset) = skip_bom(bytes, offset, settled);
            Ok((Cow::Borrowed(bytes), offset))
        }
        Settled::Gb18030 { .. } => {
            let (_, start) = skip_bom(bytes, offset, settled);
            let text = decode(bytes, settled, offset)?;
            Ok((Cow::Owned(text.into_owned().into_bytes()), start))
        }
    }
}

/// Refuses U+FEFF inside UTF-8 text.
pub fn bom_inside(text: &str, offset: u64) -> Result<(), EncodingFault> {
    match memchr::memmem::find(text.as_bytes(), UTF8_BOM) {
        Some(at) => Err(EncodingFault::BomInside { offset: offset + at as u64 }),
        None => Ok(()),
    }
}

/// The fault of UTF-8 text that stops being UTF-8 at `valid_up_to` (bytes start at `offset`).
pub fn utf8_fault(bytes: &[u8], valid_up_to: usize, offset: u64, auto: bool) -> EncodingFault {
    let at = offset + valid_up_to as u64;
    if !auto {
        return EncodingFault::Invalid { encoding: "utf-8", offset: at };
    }
    // `auto` settled on UTF-8: bad bytes that read as GB18030 are a second encoding; bytes that
    // read as neither are not text.
    let line_end = memchr::memchr(b'\n', &bytes[valid_up_to..]).map_or(bytes.len(), |i| valid_up_to + i);
    let line_start = memchr::memrchr(b'\n', &bytes[..valid_up_to]).map_or(0, |i| i + 1);
    match decode_gb18030(&bytes[line_start..line_end], 0) {
        Ok(_) => EncodingFault::Mixed { offset: at },
        Err(_) => EncodingFault::Invalid { encoding: "auto", offset: at },
    }
}

/// GB18030 bytes decoded, without replacement.
fn decode_gb18030(bytes: &[u8], offset: u64) -> Result<String, EncodingFault> {
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let capacity = decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len() * 3);
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(text),
        encoding_rs::DecoderResult::Malformed(bad, after) => Err(EncodingFault::Invalid {
            encoding: "gb18030",
            offset: offset + (read - usize::from(bad) - usize::from(after)) as u64,
        }),
        // The capacity is the decoder's own bound for the whole input.
        encoding_rs::DecoderResult::OutputFull => Err(EncodingFault::Invalid { encoding: "gb18030", offset }),
    }
}

/// Reads a whole small file's bytes as text (observations, column mappings, salts).
pub fn decode_all(bytes: &[u8], asked: Encoding) -> Result<Cow<'_, str>, EncodingFault> {
    let settled = Detector::new(asked).settle(bytes, 0)?;
    decode(bytes, settled, 0)
}

impl std::fmt::Display for EncodingFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for EncodingFault {}

impl EncodingFault {
    /// The fault an I/O error carries, when a [`DecodingReader`] raised it.
    pub fn of_io(error: &std::io::Error) -> Option<EncodingFault> {
        error.get_ref().and_then(|e| e.downcast_ref::<EncodingFault>()).copied()
    }
}

/// A reader of UTF-8 text over a file in any [`Encoding`], for readers that stream rows (the
/// CSV of observations, `hash-keys`): bytes are read in pieces, `auto` is settled at the first
/// text that is not ASCII, and a fault is an I/O error of kind `InvalidData` that
/// [`EncodingFault::of_io`] recovers.
pub struct DecodingReader<R> {
    inner: R,
    detector: Detector,
    /// Bytes read and not yet decoded, starting `offset` bytes into the file.
    raw: Vec<u8>,
    offset: u64,
    /// Decoded text not yet handed out, from `at`.
    text: Vec<u8>,
    at: usize,
    gb18030: Option<encoding_rs::Decoder>,
    eof: bool,
}

impl<R: std::io::Read> DecodingReader<R> {
    /// Reads `inner` in `asked`.
    pub fn new(inner: R, asked: Encoding) -> DecodingReader<R> {
        DecodingReader {
            inner,
            detector: Detector::new(asked),
            raw: Vec::new(),
            offset: 0,
            text: Vec::new(),
            at: 0,
            gb18030: None,
            eof: false,
        }
    }

    /// Reads and decodes the next piece into `text`.
    fn fill(&mut self) -> Result<(), EncodingFault> {
        let mut piece = [0u8; 1 << 16];
        while !self.eof && self.raw.len() < 4 {
            match self.inner.read(&mut piece) {
                Ok(0) => self.eof = true,
                Ok(n) => self.raw.extend_from_slice(&piece[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                // An I/O error reads as the end; the caller's reader reports its own errors.
                Err(_) => self.eof = true,
            }
            if self.raw.len() >= 4 {
                break;
            }
        }
        if !self.eof
            && self.raw.len() < piece.len()
            && let Ok(n) = self.inner.read(&mut piece)
        {
            self.raw.extend_from_slice(&piece[..n]);
            self.eof |= n == 0;
        }
        let settled = self.detector.settle(&self.raw, self.offset)?;
        self.text.clear();
        self.at = 0;
        let (raw, offset) = skip_bom(&self.raw, self.offset, settled);
        let skipped = (offset - self.offset) as usize;
        let used = match settled {
            Settled::Utf8 { auto } => {
                let valid = match std::str::from_utf8(raw) {
                    Ok(_) => raw.len(),
                    Err(e) if e.error_len().is_none() && !self.eof => e.valid_up_to(),
                    Err(e) => return Err(utf8_fault(raw, e.valid_up_to(), offset, auto)),
                };
                bom_inside(std::str::from_utf8(&raw[..valid]).unwrap_or(""), offset)?;
                self.text.extend_from_slice(&raw[..valid]);
                valid
            }
            Settled::Gb18030 { auto } => {
                let decoder =
                    self.gb18030.get_or_insert_with(|| encoding_rs::GB18030.new_decoder_without_bom_handling());
                let mut out = String::with_capacity(raw.len() * 3 + 16);
                let (result, read) = decoder.decode_to_string_without_replacement(raw, &mut out, self.eof);
                if let encoding_rs::DecoderResult::Malformed(bad, after) = result {
                    let at = offset + (read - usize::from(bad) - usize::from(after)) as u64;
                    return Err(EncodingFault::Invalid { encoding: if auto { "auto" } else { "gb18030" }, offset: at });
                }
                if let Some(at) = memchr::memmem::find(out.as_bytes(), "\u{feff}".as_bytes()) {
                    let before = encoding_rs::GB18030.encode(&out[..at]).0.len();
                    return Err(EncodingFault::BomInside { offset: offset + before as u64 });
                }
                self.text.extend_from_slice(out.as_bytes());
                read
            }
        };
        self.raw.drain(..skipped + used);
        self.offset += (skipped + used) as u64;
        Ok(())
    }
}

impl<R: std::io::Read> std::io::Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.text.len() {
            if self.eof && self.raw.is_empty() {
                return Ok(0);
            }
            self.fill().map_err(|f| std::io::Error::new(std::io::ErrorKind::InvalidData, f))?;
            if self.text.is_empty() && self.eof && self.raw.is_empty() {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.text.len() - self.at);
        buf[..n].copy_from_slice(&self.text[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(text: &str) -> Vec<u8> {
        encoding_rs::GB18030.encode(text).0.into_owned()
    }

    #[test]
    fn auto_reads_utf8_and_gb18030_alike() {
        let text = "培训类型,是否补贴\n就业技能培训,是\n";
        assert_eq!(decode_all(text.as_bytes(), Encoding::Auto).unwrap(), text);
        assert_eq!(decode_all(&gbk(text), Encoding::Auto).unwrap(), text);
        assert_eq!(decode_all(&gbk(text), Encoding::Gb18030).unwrap(), text);
        let mut bom = UTF8_BOM.to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode_all(&bom, Encoding::Auto).unwrap(), text);
    }

    #[test]
    fn faults_have_offsets_and_never_replace() {
        let text = gbk("a,b\n1,就业\n");
        assert_eq!(decode_all(&text, Encoding::Utf8), Err(EncodingFault::Invalid { encoding: "utf-8", offset: 6 }));
        // 0x80 is the euro sign in GB18030; 0xFF is no GB18030 byte.
        assert_eq!(
            decode_all(b"a,b\n1,\x80\xFF\n", Encoding::Gb18030),
            Err(EncodingFault::Invalid { encoding: "gb18030", offset: 7 })
        );
        assert_eq!(
            decode_all(b"a,b\n1,\x80\xFF\n", Encoding::Auto),
            Err(EncodingFault::Invalid { encoding: "auto", offset: 7 })
        );
        let mut mixed = "a,b\n1,就业\n".as_bytes().to_vec();
        mixed.extend(gbk("2,就业\n"));
        assert_eq!(decode_all(&mixed, Encoding::Auto), Err(EncodingFault::Mixed { offset: 15 }));
        let mut joined = b"a,b\n".to_vec();
        joined.extend_from_slice(UTF8_BOM);
        joined.extend_from_slice(b"a,b\n");
        assert_eq!(decode_all(&joined, Encoding::Auto), Err(EncodingFault::BomInside { offset: 4 }));
        assert_eq!(decode_all(b"\xFF\xFEa\x00", Encoding::Auto), Err(EncodingFault::Utf16));
    }

    #[test]
    fn a_first_character_cut_at_the_end_of_the_bytes_settles_nothing() {
        let mut detector = Detector::new(Encoding::Auto);
        // 0xD6 begins a two-byte UTF-8 character and a GBK one: the next bytes decide.
        assert_eq!(detector.settle(b"a,b\n\xD6", 0), Ok(Settled::Utf8 { auto: true }));
        assert_eq!(detector.settle(&gbk("中文,是\n"), 4), Ok(Settled::Gb18030 { auto: true }));
        use std::io::Read;
        // The first byte of 中 is the last byte of the reader's first 64 KiB piece.
        let text = format!("{}\n中文\n", "a".repeat((1 << 16) - 2));
        for bytes in [gbk(&text), text.clone().into_bytes()] {
            let mut out = String::new();
            DecodingReader::new(&bytes[..], Encoding::Auto).read_to_string(&mut out).unwrap();
            assert_eq!(out, text);
        }
    }

    #[test]
    fn the_streaming_reader_reads_as_the_whole() {
        use std::io::Read;
        let text = "培训类型,是否补贴\n就业技能培训,是\n".repeat(5000);
        for bytes in [text.as_bytes().to_vec(), gbk(&text)] {
            let mut out = String::new();
            DecodingReader::new(&bytes[..], Encoding::Auto).read_to_string(&mut out).unwrap();
            assert_eq!(out, text);
        }
        let mut bad = gbk(&text);
        bad.push(0xFF);
        let e = DecodingReader::new(&bad[..], Encoding::Auto).read_to_string(&mut String::new()).unwrap_err();
        assert_eq!(
            EncodingFault::of_io(&e),
            Some(EncodingFault::Invalid { encoding: "auto", offset: bad.len() as u64 - 1 })
        );
    }

    #[test]
    fn no_gb18030_trail_byte_is_a_separator() {
        // Every two- and four-byte character: none of its bytes is a newline, quote or comma.
        let mut text = String::new();
        for c in (0x80u32..0x1_0000).filter_map(char::from_u32) {
            text.push(c);
        }
        let bytes = gbk(&text);
        assert!(!bytes.iter().any(|b| matches!(b, b'\n' | b'\r' | b'"' | b',')));
    }
}
