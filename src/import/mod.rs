//! Reading a workbook that comes from outside the app, safely.
//!
//! An imported `.xlsx` may be anything: an old `.xls`, a password-protected workbook, a file cut
//! off while copying, or one made to crash spreadsheet readers. calamine aborts the whole process
//! on some of those (an allocation `catch_unwind` cannot stop), so reading happens in two layers:
//!
//! 1. [`archive::inspect`] looks at the file's bytes before any parser does: that it is a file, not
//!    empty, not an OLE2 container (`.xls` or encrypted), a complete zip whose central directory
//!    declares sizes, ratios and a number of parts within [`Limits`], an Excel workbook, and that
//!    its shared strings do not claim more entries than their size can hold. It reads only the
//!    directory and a few KiB through a bounded decompressor, so it is safe in the app's process.
//! 2. [`child::read_workbook`] then parses the file with calamine in a child process (the app's
//!    own executable, run with a hidden argument), which first lowers its own memory and CPU
//!    limits; the parent enforces a wall-clock timeout and a bound on what it reads back. A child
//!    that dies, runs out of memory or hangs becomes an error; the app goes on.
//!
//! What comes back is a [`RawWorkbook`]: every sheet's cells, typed but not yet interpreted.
//! Every refusal is an [`Error::Import`](crate::Error::Import) whose [`ImportCode`] tells the
//! case and whose message names the file and says what to do.

pub mod archive;
pub mod child;
mod raw;

pub use raw::{RawCell, RawSheet, RawWorkbook};

use crate::Error;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::Duration;

const MIB: u64 = 1024 * 1024;

/// How much an imported workbook may ask for. The defaults are generous for any workshop (a
/// 10,000-participant export is a few tens of MB unpacked) and small for an attack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// The most all parts of the archive may declare, added up, once decompressed.
    pub max_uncompressed: u64,
    /// The highest ratio of a part's declared to its compressed size…
    pub max_ratio: u64,
    /// …for parts that declare more than this many bytes (small parts compress well legitimately).
    pub ratio_above: u64,
    /// The most parts (zip entries) a workbook may have.
    pub max_entries: u64,
    /// The address space the child may use for reading, in bytes, on top of what its executable
    /// maps at start: its `RLIMIT_AS` is the sum (on Linux; see `child::confine`).
    pub memory: u64,
    /// How long the child may take, from its start to its last byte; it is killed after that. It
    /// also sets the child's CPU-time limit (`RLIMIT_CPU`), one second longer.
    pub timeout: Duration,
    /// The most rows and cells the child lays out, the empty ones before those in use included
    /// (one cell in column XFD makes a row of 16,384; each costs the app some 32 bytes).
    pub max_cells: u64,
    /// The most bytes of cells the parent reads back from the child.
    pub max_output: u64,
    /// Refuse a shared-strings part that claims more strings than its size can hold (calamine
    /// reserves memory for that claim, and aborts when it cannot). Turned off only by the tests
    /// that show what it prevents; the child's memory limit is then what stops the abort.
    pub check_shared_strings: bool,
    /// Read only the sheets of these names (all when empty): consolidation needs six of a
    /// workbook's seventeen, and the others would be parsed and sent for nothing.
    pub only_sheets: Vec<String>,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_uncompressed: 512 * MIB,
            max_ratio: 200,
            ratio_above: MIB,
            max_entries: 10_000,
            memory: 1024 * MIB,
            timeout: Duration::from_secs(60),
            max_cells: 10_000_000,
            max_output: 256 * MIB,
            check_shared_strings: true,
            only_sheets: Vec::new(),
        }
    }
}

/// Why a workbook was refused or could not be read; serialised as the error's `code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportCode {
    /// Missing, a folder, a device or a pipe, or not readable.
    Unreadable,
    /// Zero bytes.
    Empty,
    /// An Excel 97–2003 `.xls` file.
    Xls,
    /// A password-protected (encrypted) workbook.
    Encrypted,
    /// An OLE2 container that is neither recognisably: one message covers both.
    XlsOrEncrypted,
    /// Not a zip file at all.
    NotExcel,
    /// A zip file whose end (central directory) is missing or unreadable.
    Truncated,
    /// More data than a workshop workbook ever holds (declared size, cells, or bytes read back).
    TooBig,
    /// A part that decompresses far more than any real workbook's.
    ZipBomb,
    /// More parts than a workbook ever has.
    TooManyParts,
    /// A zip file that is not an Excel workbook (no `xl/workbook.xml`).
    ZipNotExcel,
    /// A shared-strings part claiming more strings than it can hold.
    StringCount,
    /// A workbook whose contents do not parse.
    Damaged,
    /// The reader went over its memory limit.
    OutOfMemory,
    /// The reader went over its time limit.
    TimedOut,
    /// The reader stopped unexpectedly (a crash, or output that makes no sense).
    ReaderFailed,
    /// A workbook, but not one Workshop Desk exported (no "About this file" sheet of ours).
    NotOurs,
    /// Exported by a newer version of the app, in a format this one does not know.
    NewerFormat,
    /// The "About this file" sheet was changed: its seal does not hold.
    Tampered,
    /// Cells that do not parse, or records that refer to nothing: nothing was applied.
    BadCells,
    /// The workbook changed between the preview and applying it.
    ChangedSincePreview,
}

impl ImportCode {
    /// Every code, for looking one up by its name.
    pub const ALL: [Self; 21] = [
        Self::Unreadable,
        Self::Empty,
        Self::Xls,
        Self::Encrypted,
        Self::XlsOrEncrypted,
        Self::NotExcel,
        Self::Truncated,
        Self::TooBig,
        Self::ZipBomb,
        Self::TooManyParts,
        Self::ZipNotExcel,
        Self::StringCount,
        Self::Damaged,
        Self::OutOfMemory,
        Self::TimedOut,
        Self::ReaderFailed,
        Self::NotOurs,
        Self::NewerFormat,
        Self::Tampered,
        Self::BadCells,
        Self::ChangedSincePreview,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unreadable => "workbook_unreadable",
            Self::Empty => "workbook_empty",
            Self::Xls => "workbook_xls",
            Self::Encrypted => "workbook_encrypted",
            Self::XlsOrEncrypted => "workbook_xls_or_encrypted",
            Self::NotExcel => "workbook_not_excel",
            Self::Truncated => "workbook_truncated",
            Self::TooBig => "workbook_too_big",
            Self::ZipBomb => "workbook_zip_bomb",
            Self::TooManyParts => "workbook_too_many_parts",
            Self::ZipNotExcel => "workbook_zip_not_excel",
            Self::StringCount => "workbook_string_count",
            Self::Damaged => "workbook_damaged",
            Self::OutOfMemory => "workbook_out_of_memory",
            Self::TimedOut => "workbook_timed_out",
            Self::ReaderFailed => "workbook_reader_failed",
            Self::NotOurs => "workbook_not_ours",
            Self::NewerFormat => "workbook_newer_format",
            Self::Tampered => "workbook_tampered",
            Self::BadCells => "workbook_bad_cells",
            Self::ChangedSincePreview => "workbook_changed_since_preview",
        }
    }

    /// The code called `code`, if it is one of these.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == code)
    }
}

/// The file's name as a person knows it (without its folder), for messages.
pub(crate) fn file_name(file: &Path) -> String {
    file.file_name()
        .unwrap_or(file.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// The refusal of `file` for `code`; `message` starts with the file's name.
fn refuse(code: ImportCode, file: &Path, message: String) -> Error {
    Error::Import {
        code,
        file: file_name(file),
        message,
    }
}

/// `bytes` in whole MB, for messages.
fn mb(bytes: u64) -> u64 {
    bytes.div_ceil(MIB)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_found_by_its_name_and_names_are_unique() {
        for code in ImportCode::ALL {
            assert_eq!(ImportCode::from_code(code.as_str()), Some(code));
        }
        let mut names: Vec<_> = ImportCode::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ImportCode::ALL.len(), "codes are distinct");
        assert_eq!(ImportCode::from_code("not_found"), None);
    }

    #[test]
    fn refusals_serialise_with_their_code_and_name_the_file() {
        let error = refuse(
            ImportCode::Empty,
            Path::new("/tmp/exports/budget-2026.xlsx"),
            "budget-2026.xlsx is empty".into(),
        );
        assert_eq!(error.code(), "workbook_empty");
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "workbook_empty", "message": "budget-2026.xlsx is empty"})
        );
    }
}
