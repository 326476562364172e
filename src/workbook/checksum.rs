//! The canonical text of a cell, the checksum of a sheet, and the seal of the "About this file"
//! sheet. Import computes the same from what it reads, so that it can tell a sheet edited by
//! hand (its checksum differs, the seal holds) from a tampered "About" sheet (the seal breaks).

use crate::time;
use chrono::{DateTime, NaiveDate, Utc};
use sha2::{Digest, Sha256};
use std::borrow::Cow;

/// Between the cells of a row.
pub const UNIT_SEPARATOR: char = '\u{1f}';
/// After every row.
pub const RECORD_SEPARATOR: char = '\u{1e}';

/// What the seal's hash starts with, so that it can never equal a sheet's checksum.
const SEAL_DOMAIN: &str = "Workshop Desk workbook seal";

/// One cell's value as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Integer(i64),
    Real(f64),
    Date(NaiveDate),
    Timestamp(DateTime<Utc>),
    Bool(bool),
}

impl Cell {
    /// Text, or an empty cell for an empty string.
    pub fn text(text: impl Into<String>) -> Self {
        let text = text.into();
        if text.is_empty() {
            Self::Empty
        } else {
            Self::Text(text)
        }
    }

    pub fn optional_text(text: Option<String>) -> Self {
        text.map_or(Self::Empty, Self::text)
    }

    pub fn optional_integer(number: Option<i64>) -> Self {
        number.map_or(Self::Empty, Self::Integer)
    }

    pub fn optional_bool(value: Option<bool>) -> Self {
        value.map_or(Self::Empty, Self::Bool)
    }

    /// A stored time (RFC 3339); one that does not parse is kept as text rather than lost.
    pub fn timestamp(text: &str) -> Self {
        match parse_timestamp(text) {
            Some(at) => Self::Timestamp(at),
            None => Self::text(text),
        }
    }

    pub fn optional_timestamp(text: Option<&str>) -> Self {
        text.map_or(Self::Empty, Self::timestamp)
    }

    /// A stored date (`YYYY-MM-DD`); one that does not parse is kept as text.
    pub fn date(text: &str) -> Self {
        match parse_date(text) {
            Some(date) => Self::Date(date),
            None => Self::text(text),
        }
    }

    pub fn optional_date(text: Option<&str>) -> Self {
        text.map_or(Self::Empty, Self::date)
    }

    /// The canonical text of the cell, which checksums are computed over: text as it is,
    /// integers in decimal, reals as the shortest decimal that reads back as the same number,
    /// dates `YYYY-MM-DD`, timestamps RFC 3339 in UTC with milliseconds (as the app stores
    /// them), booleans `TRUE`/`FALSE`, an empty cell as nothing.
    pub fn canonical(&self) -> Cow<'_, str> {
        match self {
            Self::Empty => Cow::Borrowed(""),
            Self::Text(text) => Cow::Borrowed(text),
            Self::Integer(number) => Cow::Owned(number.to_string()),
            Self::Real(number) => Cow::Owned(canonical_real(*number)),
            Self::Date(date) => Cow::Owned(format_date(*date)),
            Self::Timestamp(at) => Cow::Owned(format_timestamp(*at)),
            Self::Bool(true) => Cow::Borrowed("TRUE"),
            Self::Bool(false) => Cow::Borrowed("FALSE"),
        }
    }
}

/// Digits of `text[range]` as a number, if they are all digits.
fn digits(text: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    text.get(range)?.iter().try_fold(0_u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// A stored date (`YYYY-MM-DD`), read without chrono's general parser on the common path:
/// a large export reads hundreds of thousands of them.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let (y, m, d) = (digits(b, 0..4)?, digits(b, 5..7)?, digits(b, 8..10)?);
        return NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d);
    }
    time::parse_date(text)
}

/// A stored time, as the app writes it (`2026-11-23T08:05:00.007Z`) on the fast path, any
/// other RFC 3339 through chrono.
pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() == 24
        && b[10] == b'T'
        && (b[13], b[16], b[19], b[23]) == (b':', b':', b'.', b'Z')
        && let (Some(date), Some(h), Some(mi), Some(sec), Some(ms)) = (
            parse_date(&text[..10]),
            digits(b, 11..13),
            digits(b, 14..16),
            digits(b, 17..19),
            digits(b, 20..23),
        )
        && let Some(time) = chrono::NaiveTime::from_hms_milli_opt(h, mi, sec, ms)
    {
        return Some(date.and_time(time).and_utc());
    }
    time::parse_timestamp(text)
}

fn push_number(out: &mut String, n: u32, width: usize) {
    use std::fmt::Write;
    let _ = write!(out, "{n:0width$}");
}

/// `YYYY-MM-DD`.
pub fn format_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    match u32::try_from(date.year()) {
        Ok(year) if year <= 9999 => {
            let mut out = String::with_capacity(10);
            push_number(&mut out, year, 4);
            out.push('-');
            push_number(&mut out, date.month(), 2);
            out.push('-');
            push_number(&mut out, date.day(), 2);
            out
        }
        _ => date.format("%Y-%m-%d").to_string(),
    }
}

/// Exactly `time::timestamp`: RFC 3339 in UTC with milliseconds (truncated), quicker.
pub fn format_timestamp(at: DateTime<Utc>) -> String {
    use chrono::Timelike;
    if at.nanosecond() >= 1_000_000_000 {
        return time::timestamp(at); // a leap second
    }
    let mut out = format_date(at.date_naive());
    if out.len() != 10 {
        return time::timestamp(at);
    }
    out.reserve(14);
    out.push('T');
    push_number(&mut out, at.hour(), 2);
    out.push(':');
    push_number(&mut out, at.minute(), 2);
    out.push(':');
    push_number(&mut out, at.second(), 2);
    out.push('.');
    push_number(&mut out, at.timestamp_subsec_millis(), 3);
    out.push('Z');
    out
}

/// The shortest decimal that reads back as the same double (Rust's `Display`); a whole number
/// has no decimal point, so that 3.0 read back from a spreadsheet is "3" like the integer.
pub fn canonical_real(number: f64) -> String {
    if number == 0.0 {
        // Without the sign of a negative zero.
        return "0".to_string();
    }
    number.to_string()
}

/// The SHA-256 of a sheet: the header row, then every data row; cells joined by U+001F, every
/// row ended by U+001E; lower-case hex.
#[derive(Debug, Clone, Default)]
pub struct SheetHasher {
    hash: Sha256,
    rows: u64,
}

impl SheetHasher {
    pub fn new<S: AsRef<str>>(headers: &[S]) -> Self {
        let mut hasher = Self::default();
        let row: Vec<Cell> = headers
            .iter()
            .map(|h| Cell::Text(h.as_ref().to_string()))
            .collect();
        hasher.feed(&row);
        hasher
    }

    fn feed(&mut self, cells: &[Cell]) {
        self.feed_texts(cells.iter().map(Cell::canonical));
    }

    fn feed_texts<S: AsRef<str>>(&mut self, texts: impl Iterator<Item = S>) {
        for (i, text) in texts.enumerate() {
            if i > 0 {
                self.hash
                    .update(UNIT_SEPARATOR.encode_utf8(&mut [0; 4]).as_bytes());
            }
            self.hash.update(text.as_ref().as_bytes());
        }
        self.hash
            .update(RECORD_SEPARATOR.encode_utf8(&mut [0; 4]).as_bytes());
    }

    /// Adds a data row given as its cells' canonical texts (an import hashes what it read).
    pub fn row_of_texts<S: AsRef<str>>(&mut self, texts: impl Iterator<Item = S>) {
        self.feed_texts(texts);
        self.rows += 1;
    }

    /// Adds a data row.
    pub fn row(&mut self, cells: &[Cell]) {
        self.feed(cells);
        self.rows += 1;
    }

    /// The data rows so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    pub fn finish(self) -> String {
        hex(&self.hash.finalize())
    }
}

/// One line of the per-sheet list of "About this file".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetChecksum {
    pub name: String,
    pub rows: u64,
    pub checksum: String,
}

/// The seal of "About this file": the SHA-256 of a fixed prefix, then every metadata row
/// (label, value) and every line of the per-sheet list (name, rows, checksum), in order, with
/// the same separators as a sheet's checksum. Anyone can recompute it: it detects an "About"
/// sheet changed by hand or by a program that does not know about it, not a forger.
pub fn seal(metadata: &[(&str, Cell)], sheets: &[SheetChecksum]) -> String {
    let mut hasher = SheetHasher::new(&[SEAL_DOMAIN]);
    for (label, value) in metadata {
        hasher.row(&[Cell::Text((*label).to_string()), value.clone()]);
    }
    for sheet in sheets {
        hasher.row(&[
            Cell::Text(sheet.name.clone()),
            Cell::Integer(i64::try_from(sheet.rows).unwrap_or(i64::MAX)),
            Cell::Text(sheet.checksum.clone()),
        ]);
    }
    hasher.finish()
}

/// Bytes as lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn each_kind_of_cell_has_one_canonical_text() {
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 8, 5, 0).unwrap()
            + chrono::TimeDelta::milliseconds(7);
        let cases = [
            (Cell::Empty, ""),
            (Cell::text(""), ""),
            (Cell::text("=1+1"), "=1+1"),
            (Cell::Integer(-42), "-42"),
            (Cell::Real(3.0), "3"),
            (Cell::Real(-0.0), "0"),
            (Cell::Real(1.5), "1.5"),
            (Cell::Real(0.1 + 0.2), "0.30000000000000004"),
            (
                Cell::Date(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()),
                "2026-01-02",
            ),
            (Cell::Timestamp(at), "2026-11-23T08:05:00.007Z"),
            (
                Cell::timestamp("2026-11-23T08:05:00.007Z"),
                "2026-11-23T08:05:00.007Z",
            ),
            (Cell::timestamp("not a time"), "not a time"),
            (Cell::date("2026-13-01"), "2026-13-01"),
            (Cell::Bool(true), "TRUE"),
            (Cell::Bool(false), "FALSE"),
        ];
        for (cell, text) in cases {
            assert_eq!(cell.canonical(), text, "{cell:?}");
        }
    }

    #[test]
    fn the_quick_date_and_time_forms_are_chrono_s() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(11);
        let first = Utc.with_ymd_and_hms(1900, 1, 1, 0, 0, 0).unwrap();
        for _ in 0..100_000 {
            let at = first
                + chrono::TimeDelta::nanoseconds(rng.random_range(0..6_000_000_000_000_000_000));
            let text = time::timestamp(at);
            assert_eq!(format_timestamp(at), text);
            assert_eq!(parse_timestamp(&text), time::parse_timestamp(&text));
            let day = at.date_naive();
            assert_eq!(format_date(day), day.format("%Y-%m-%d").to_string());
            assert_eq!(parse_date(&format_date(day)), Some(day));
        }
        for odd in [
            "2026-11-23T08:05:00Z",
            "2026-11-23T10:05:00.5+02:00",
            "2026-02-30",
            "x",
        ] {
            assert_eq!(parse_timestamp(odd), time::parse_timestamp(odd), "{odd}");
            assert_eq!(parse_date(odd), time::parse_date(odd), "{odd}");
        }
    }

    #[test]
    fn a_checksum_covers_headers_values_and_row_boundaries() {
        let sum = |headers: &[&str], rows: &[&[Cell]]| {
            let mut hasher = SheetHasher::new(headers);
            for row in rows {
                hasher.row(row);
            }
            hasher.finish()
        };
        let base = sum(&["A", "B"], &[&[Cell::text("x"), Cell::Integer(1)]]);
        assert_eq!(base.len(), 64);
        assert_eq!(
            base,
            sum(&["A", "B"], &[&[Cell::text("x"), Cell::Real(1.0)]]),
            "an integer read back as a real number is the same cell"
        );
        assert_ne!(
            base,
            sum(&["A", "C"], &[&[Cell::text("x"), Cell::Integer(1)]])
        );
        assert_ne!(
            base,
            sum(&["A", "B"], &[&[Cell::text("x"), Cell::Integer(2)]])
        );
        assert_ne!(
            sum(&["A"], &[&[Cell::text("ab")], &[Cell::Empty]]),
            sum(&["A"], &[&[Cell::text("a")], &[Cell::text("b")]]),
            "rows are delimited"
        );
        // Fixed by the definition: the SHA-256 of "A" U+001E (checked with Python's hashlib).
        assert_eq!(
            sum(&["A"], &[]),
            "195b5b996b4e87780215d7867374c49388790b551f8998c43f341dfc691e4d89"
        );
    }

    #[test]
    fn the_seal_changes_with_any_line_of_the_about_sheet() {
        let metadata = [
            ("Format version", Cell::Integer(1)),
            ("Profile", Cell::text("report")),
        ];
        let sheets = [SheetChecksum {
            name: "Participants".into(),
            rows: 18,
            checksum: "ab".repeat(32),
        }];
        let seal_before = seal(&metadata, &sheets);
        let mut edited = sheets.clone();
        edited[0].checksum = "cd".repeat(32);
        assert_ne!(seal_before, seal(&metadata, &edited));
        let mut recounted = sheets.clone();
        recounted[0].rows = 19;
        assert_ne!(seal_before, seal(&metadata, &recounted));
        let other = [
            ("Format version", Cell::Integer(1)),
            ("Profile", Cell::text("full")),
        ];
        assert_ne!(seal_before, seal(&other, &sheets));
        assert_eq!(
            seal_before,
            seal(&metadata, &sheets),
            "the seal is reproducible"
        );
    }
}
