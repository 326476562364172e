//! The workshop's workbook: one `.xlsx` that is both the report headquarters reads and a
//! lossless data file another laptop can import.
//!
//! Sheets, in order: Summary (headline, tables and native charts); the data sheets of
//! [`format::DATA_SHEETS`], each one Excel table with every row's stable ID and `updated_at`;
//! and "About this file" (format version, app version, workshop, device, time, each sheet's
//! rows and checksum, and a seal over all of it), last and protected. `docs/workbook-format.md`
//! describes every column for an analyst.
//!
//! Text is only ever written as text (never through a formula), the only formulas are the
//! Summary's own totals and rates, the big sheets are written in constant memory, and the file
//! appears in one rename once it is complete.

mod about;
pub(crate) mod atomic;
pub(crate) mod charts;
pub mod checksum;
mod file_name;
pub mod format;
pub(crate) mod sheets;
pub(crate) mod style;
mod summary;
pub(crate) mod table;

pub use file_name::file_name;

use crate::attendance::{self, Grid};
use crate::db::Database;
use crate::error::{Error, Result};
use crate::workshop::{self, Workshop};
use checksum::SheetChecksum;
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// What goes into the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Profile {
    /// For headquarters: contact details only of the participants who consented to be
    /// contacted; no deleted records, no change history.
    #[default]
    #[serde(rename = "report")]
    Report,
    /// Everything, for moving the workshop to another laptop: every contact detail, deleted
    /// records, the change log and the undo history. The first sheet says it holds personal data.
    #[serde(rename = "full")]
    FullTransfer,
}

impl Profile {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Report => "report",
            Self::FullTransfer => "full",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "report" => Some(Self::Report),
            "full" => Some(Self::FullTransfer),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    pub profile: Profile,
    /// The time of the export: in the file's properties and "About this file".
    pub now: DateTime<Utc>,
}

/// How far an export is: rows written of all data sheets' rows, and the sheet being written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub done: u64,
    pub total: u64,
    pub sheet: String,
}

/// A data sheet and its number of rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SheetCount {
    pub name: String,
    pub rows: u64,
}

/// The workbook written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    pub path: PathBuf,
    pub bytes: u64,
    pub sheets: Vec<SheetCount>,
}

/// What every sheet writer needs: the database as it stood when the export began, the
/// workshop, the profile.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    pub conn: &'a Connection,
    pub workshop: &'a Workshop,
    pub full: bool,
    pub profile: Profile,
    pub path: &'a Path,
    pub device: Uuid,
    pub now: DateTime<Utc>,
    /// The attendance grid, shared by the Summary and the Attendance sheet.
    pub grid: &'a Grid,
}

impl Context<'_> {
    pub fn workshop_key(&self) -> String {
        self.workshop.id.to_string()
    }

    /// What the data sheets' page set-up needs: the file and the workshop's title.
    pub fn page(&self) -> table::Page<'_> {
        table::Page {
            path: self.path,
            title: &self.workshop.title,
        }
    }

    /// `clause` in the report; nothing (every row, deleted ones too) in the full transfer.
    pub fn live(&self, clause: &str) -> String {
        if self.full {
            "1".to_string()
        } else {
            clause.to_string()
        }
    }
}

/// Reports progress at the start of each sheet and every thousand rows.
pub(crate) struct Tracker<'p> {
    done: u64,
    total: u64,
    report: &'p mut dyn FnMut(&Progress),
}

impl std::fmt::Debug for Tracker<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tracker")
            .field("done", &self.done)
            .field("total", &self.total)
            .finish_non_exhaustive()
    }
}

/// Rows between two progress reports.
const PROGRESS_EVERY: u64 = 1_000;

impl<'p> Tracker<'p> {
    /// A tracker of `total` rows that tells `report`.
    pub(crate) fn new(total: u64, report: &'p mut dyn FnMut(&Progress)) -> Self {
        Self {
            done: 0,
            total,
            report,
        }
    }

    fn send(&mut self, sheet: &str) {
        (self.report)(&Progress {
            done: self.done,
            total: self.total,
            sheet: sheet.to_string(),
        });
    }

    pub fn start(&mut self, sheet: &str) {
        self.send(sheet);
    }

    pub fn row(&mut self, sheet: &str) {
        self.done += 1;
        if self.done.is_multiple_of(PROGRESS_EVERY) {
            self.send(sheet);
        }
    }
}

/// An error of the workbook library, with the file it was writing.
pub(crate) fn xlsx_error(path: &Path) -> impl Fn(XlsxError) -> Error + '_ {
    move |error| match error {
        XlsxError::IoError(source) => Error::io(path, source),
        other => Error::Internal(format!(
            "the workbook {} could not be written ({other})",
            path.display()
        )),
    }
}

/// Writes the workbook of `workshop` to `path` (replacing it in one step once complete).
/// `progress` hears at the start of each sheet and every thousand rows.
pub fn export(
    db: &Database,
    workshop: Uuid,
    options: &ExportOptions,
    path: &Path,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Exported> {
    let directory = atomic::directory_of(path);
    if !directory.is_dir() {
        return Err(Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::NotFound, "the folder does not exist"),
        ));
    }
    // One read transaction: every sheet sees the database as it stood at the start.
    let snapshot = db.conn().unchecked_transaction()?;
    let conn: &Connection = &snapshot;
    let workshop = workshop::get(conn, workshop)?;
    let grid = attendance::grid(conn, workshop.id)?;
    let ctx = Context {
        conn,
        workshop: &workshop,
        full: options.profile == Profile::FullTransfer,
        profile: options.profile,
        path,
        device: db.device_id(),
        now: options.now,
        grid: &grid,
    };
    let jobs = sheets::jobs(&ctx)?;
    let mut tracker = Tracker {
        done: 0,
        total: jobs.iter().map(|job| job.count).sum(),
        report: progress,
    };
    let fail = xlsx_error(path);

    let mut workbook = Workbook::new();
    // Constant-memory sheets are spooled beside the target rather than in a /tmp that may be
    // memory.
    workbook
        .set_tempdir(directory)
        .map_err(|error| Error::io(path, std::io::Error::other(error.to_string())))?;
    workbook.set_properties(&properties(&ctx)?);
    tracker.start(format::sheet::SUMMARY);
    summary::write(workbook.add_worksheet(), &ctx)?;
    let mut checksums: Vec<SheetChecksum> = Vec::with_capacity(jobs.len());
    for job in jobs {
        checksums.push(table::write(&mut workbook, job, ctx.page(), &mut tracker)?);
    }
    tracker.start(format::sheet::ABOUT);
    about::write(workbook.add_worksheet(), &ctx, &checksums)?;
    let bytes = atomic::write(path, |out| workbook.save_to_writer(out).map_err(&fail))?;
    tracker.start(format::sheet::ABOUT);
    drop(snapshot);
    Ok(Exported {
        path: path.to_path_buf(),
        bytes,
        sheets: checksums
            .into_iter()
            .map(|sheet| SheetCount {
                name: sheet.name,
                rows: sheet.rows,
            })
            .collect(),
    })
}

/// The document properties: title, subject, author, creation time, and custom properties that
/// let a program recognise the file without opening its sheets.
fn properties(ctx: &Context) -> Result<DocProperties> {
    let summary = crate::summary::summarize(ctx.conn, ctx.workshop.id)?;
    let subject = match ctx.profile {
        Profile::Report => "Workshop report",
        Profile::FullTransfer => "Full transfer of a workshop (contains personal data)",
    };
    Ok(DocProperties::new()
        .set_title(ctx.workshop.title.as_str())
        .set_subject(subject)
        .set_author(format::APP_NAME)
        .set_company(ctx.workshop.organisers.as_str())
        .set_keywords("trade union; workshop; participants; SWOT; action plans")
        .set_comment(summary.headline.as_str())
        .set_creation_datetime(&ctx.now)
        .set_custom_property("Workshop Desk format", format::FORMAT_VERSION as i32)
        .set_custom_property("Workshop ID", ctx.workshop_key().as_str())
        .set_custom_property("Profile", ctx.profile.as_str()))
}
