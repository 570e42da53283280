//! Values as Chinese record systems and Excel write them: full-width characters, the date forms
//! of real exports (`2023/3/1`, `20230301`, `2023年3月1日`, with or without a time of day) and
//! the dates that put the day or month first (`3/1/2023`), which are refused as ambiguous.
//! Every reader of exported files (records, observations, rosters) goes through these, so a
//! form means the same thing wherever it is read.

use std::borrow::Cow;

/// `text` with full-width ASCII (U+FF01–U+FF5E: `２０２３`, `Ｙ`) turned into ASCII and the
/// ideographic space (U+3000) into a space. Borrowed, without a scan of its characters, when the
/// text holds no byte that begins one of them (almost always).
pub fn fold_width(text: &str) -> Cow<'_, str> {
    // U+FF01–U+FF5E are EF BC 81 – EF BD 9E in UTF-8, U+3000 is E3 80 80.
    if !text.as_bytes().iter().any(|&b| b == 0xEF || b == 0xE3) {
        return Cow::Borrowed(text);
    }
    let folded = |c: char| match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    if !text.chars().any(|c| folded(c) != c) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(folded).collect())
}

/// Why a date text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFault {
    /// Not one of the accepted forms, or no such day.
    Invalid,
    /// The year comes last (`3/1/2023`, `01.03.2023`): day-first and month-first systems write the
    /// same text for different days, so it is refused rather than guessed.
    Ambiguous,
}

/// The forms [`civil_date`] reads, for messages and documentation.
pub const DATE_FORMS: &str = "YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY年M月D日";

/// The year, month and day of a date written in one of the forms of real exports, each
/// optionally followed by a time of day (` 00:00:00`, `T08:30`, ` 8:30`), which is ignored:
///
/// | form | example |
/// |---|---|
/// | `YYYY-MM-DD` | `2023-03-01` (month and day padded, as ISO writes them) |
/// | `YYYY/M/D` | `2023/3/1`, `2023/03/01` (Excel's default on Chinese Windows) |
/// | `YYYY.M.D` | `2023.3.1` |
/// | `YYYYMMDD` | `20230301` (database exports) |
/// | `YYYY年M月D日` | `2023年3月1日` |
///
/// Full-width digits are read as digits. The day must exist; the year range is the caller's.
/// A date whose year comes last is [`DateFault::Ambiguous`].
pub fn civil_date(text: &str) -> Result<(i32, u32, u32), DateFault> {
    let folded = fold_width(text);
    let b = folded.as_bytes();
    let (y, m, d, rest) = split_date(b)?;
    if !rest.is_empty() && !is_time_of_day(rest) {
        return Err(DateFault::Invalid);
    }
    if !exists(y, m, d) {
        return Err(DateFault::Invalid);
    }
    Ok((y as i32, m, d))
}

/// Digits at the start of `b`: their value and how many there were (at most 9).
fn digits(b: &[u8]) -> (u32, usize) {
    let mut n = 0u32;
    let mut count = 0;
    while count < b.len() && count < 9 && b[count].is_ascii_digit() {
        n = n * 10 + u32::from(b[count] - b'0');
        count += 1;
    }
    (n, count)
}

/// Year, month, day and what follows them.
fn split_date(b: &[u8]) -> Result<(u32, u32, u32, &[u8]), DateFault> {
    let (first, n) = digits(b);
    match (n, b.get(n)) {
        // YYYYMMDD, alone or before a time of day.
        (8, next) if next.is_none_or(|c| !c.is_ascii_digit()) => {
            Ok((first / 10_000, first / 100 % 100, first % 100, &b[8..]))
        }
        (4, Some(&sep @ (b'-' | b'/' | b'.'))) => {
            let (m, mn) = digits(&b[5..]);
            let at = 5 + mn;
            if mn == 0 || mn > 2 || b.get(at) != Some(&sep) {
                return Err(DateFault::Invalid);
            }
            let (d, dn) = digits(&b[at + 1..]);
            // ISO dashes are always padded; slashes and dots may not be.
            let padded = mn == 2 && dn == 2;
            if dn == 0 || dn > 2 || (sep == b'-' && !padded) {
                return Err(DateFault::Invalid);
            }
            Ok((first, m, d, &b[at + 1 + dn..]))
        }
        (4, Some(_)) if b[4..].starts_with("年".as_bytes()) => {
            let at = 4 + "年".len();
            let (m, mn) = digits(&b[at..]);
            let at = at + mn;
            if mn == 0 || mn > 2 || !b[at..].starts_with("月".as_bytes()) {
                return Err(DateFault::Invalid);
            }
            let at = at + "月".len();
            let (d, dn) = digits(&b[at..]);
            let at = at + dn;
            if dn == 0 || dn > 2 || !b[at..].starts_with("日".as_bytes()) {
                return Err(DateFault::Invalid);
            }
            Ok((first, m, d, &b[at + "日".len()..]))
        }
        (1 | 2, Some(&sep @ (b'-' | b'/' | b'.'))) => {
            // D/M/Y or M/D/Y (the year last, two or four digits): ambiguous, never guessed.
            let (_, mn) = digits(&b[n + 1..]);
            let at = n + 1 + mn;
            let (_, yn) = if (1..=2).contains(&mn) && b.get(at) == Some(&sep) { digits(&b[at + 1..]) } else { (0, 0) };
            if yn == 2 || yn == 4 { Err(DateFault::Ambiguous) } else { Err(DateFault::Invalid) }
        }
        _ => Err(DateFault::Invalid),
    }
}

fn exists(y: u32, m: u32, d: u32) -> bool {
    y > 0 && d >= 1 && days_in_month(y, m).is_some_and(|days| d <= days)
}

/// The days of month `m` of year `y` (Gregorian); `None` when `m` is not 1–12.
#[inline]
pub fn days_in_month(y: u32, m: u32) -> Option<u32> {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// What may follow a date: `T` or spaces, then a time of day `H:MM` or `HH:MM` with optional
/// seconds, fraction and offset (`T08:30:00.000+08:00`, ` 0:00`), which is ignored.
fn is_time_of_day(rest: &[u8]) -> bool {
    let rest = match rest.first() {
        Some(b'T') => &rest[1..],
        Some(b' ') => rest.trim_ascii_start(),
        _ => return false,
    };
    let (h, hn) = digits(rest);
    if !(1..=2).contains(&hn) || h > 23 || rest.get(hn) != Some(&b':') {
        return false;
    }
    let (m, mn) = digits(&rest[hn + 1..]);
    mn == 2 && m <= 59 && rest[hn + 3..].iter().all(|c| c.is_ascii_digit() || b":.+-Z".contains(c))
}

/// An Excel serial date (days since 1899-12-30, the 1900 date system; a fraction is a time of
/// day and ignored) as year, month and day. `None` outside 1900-03-01..9999-12-31: Excel's
/// serials below 61 count a 29 February 1900 that never was.
pub fn excel_serial_date(serial: f64) -> Option<(i32, u32, u32)> {
    if !serial.is_finite() || !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Day 1 of the common era is 0001-01-01; 1899-12-30 is day 693,594.
    let day = 693_594 + serial.floor() as i64;
    let date = chrono::NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)?;
    Some((chrono::Datelike::year(&date), chrono::Datelike::month(&date), chrono::Datelike::day(&date)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_form_is_one_day() {
        for text in [
            "2023-03-01",
            "2023/3/1",
            "2023/03/01",
            "2023.3.1",
            "20230301",
            "2023年3月1日",
            "2023年03月01日",
            "２０２３/３/１",
            "2023/3/1 0:00",
            "2023-03-01 00:00:00",
            "2023-03-01T08:30",
            "20230301 08:30:00",
            "2023年3月1日 08:30",
            "2023-03-01T08:30:00.000+08:00",
        ] {
            assert_eq!(civil_date(text), Ok((2023, 3, 1)), "{text}");
        }
    }

    #[test]
    fn year_last_is_ambiguous_and_the_rest_invalid() {
        for text in ["3/1/2023", "01.03.2023", "1-3-2023", "3/1/23"] {
            assert_eq!(civil_date(text), Err(DateFault::Ambiguous), "{text}");
        }
        for text in [
            "2022-1-5",
            "2023-02-29",
            "2023/2/30",
            "2023/13/1",
            "2023/3/1/",
            "2023/3-1",
            "202303011",
            "2023031",
            "2023年3月1",
            "2023/3/1 25:00",
            "2023/3/1x",
            "3/1",
            "",
            "110105194912310021",
            "0000-01-05",
        ] {
            assert_eq!(civil_date(text), Err(DateFault::Invalid), "{text}");
        }
    }

    #[test]
    fn full_width_is_folded_only_where_present() {
        assert!(matches!(fold_width("2023-03-01"), Cow::Borrowed(_)));
        assert!(matches!(fold_width("长春市"), Cow::Borrowed(_)));
        assert_eq!(fold_width("ＹＥＳ\u{3000}１"), "YES 1");
    }

    #[test]
    fn excel_serials_are_days_from_1899_12_30() {
        assert_eq!(excel_serial_date(44_986.0), Some((2023, 3, 1)));
        assert_eq!(excel_serial_date(44_986.75), Some((2023, 3, 1)));
        assert_eq!(excel_serial_date(61.0), Some((1900, 3, 1)));
        assert_eq!(excel_serial_date(60.0), None);
        assert_eq!(excel_serial_date(f64::NAN), None);
    }
}
