//! Import and merge: a workbook this app exported comes back into a database, on another
//! laptop (sync at a venue, a move to a new laptop) or after headquarters corrected it by hand.
//!
//! 1. [`read_file`] reads the file safely (`crate::import`: archive checks, then calamine in a
//!    child process) and checks it is ours ([`incoming`]: the "About this file" sheet, its seal,
//!    the format version), telling the sheets edited by hand from the rest.
//! 2. [`preview`] works out, field by field, what importing it would do ([`plan`]): new records,
//!    values replaced, conflicts with both sides' values, cells that do not parse.
//! 3. [`apply`] does it in one transaction after a backup, with the facilitator's choice for
//!    each conflict. Merging is by stable ID, idempotent, and the same whichever laptop imports
//!    first; every replaced value is in the report and in the change log.

mod apply;
mod cells;
mod entities;
mod incoming;
mod plan;

pub(crate) use incoming::edited_sheets;
pub use incoming::{About, CellProblem, Incoming};
pub use plan::{Conflict, Counts, NewRecord, Preview, Side, Update};

use crate::backup::{self, Reason};
use crate::db::Database;
use crate::error::{Error, Result};
use crate::import::{self, ImportCode, Limits};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use uuid::Uuid;

/// The facilitator's choice per conflict, by [`Conflict::key`]; a conflict not named keeps its
/// default side.
pub type Choices = HashMap<String, Side>;

/// What an applied import did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// What was planned, as the preview showed it.
    pub preview: Preview,
    /// False when there was nothing to change (the file was already imported, say).
    pub applied: bool,
    pub import_id: Option<Uuid>,
    /// The snapshot taken just before, in the backups folder (restoring it undoes the import).
    pub backup_file: Option<String>,
    /// Duplicates retired and badge codes changed on the way.
    pub notes: Vec<String>,
    /// The conflicts as settled: `key` and the side kept.
    pub settled: Vec<(String, Side)>,
    /// Values this laptop took from the workbook: the updates, and the conflicts settled for
    /// the workbook's side.
    pub values_taken: usize,
}

impl ImportReport {
    fn new(preview: Preview, settled: Vec<(String, Side)>) -> Self {
        let values_taken = preview.updates.len()
            + settled
                .iter()
                .filter(|(_, side)| *side == Side::Theirs)
                .count();
        Self {
            preview,
            applied: false,
            import_id: None,
            backup_file: None,
            notes: Vec::new(),
            settled,
            values_taken,
        }
    }
}

/// The SHA-256 of the file's bytes, read in pieces.
fn file_fingerprint(file: &Path) -> Result<String> {
    use sha2::{Digest, Sha256};
    let mut reader = std::fs::File::open(file).map_err(|e| Error::io(file, e))?;
    let mut hash = Sha256::new();
    let mut buffer = vec![0_u8; 1 << 16];
    loop {
        let read = reader.read(&mut buffer).map_err(|e| Error::io(file, e))?;
        if read == 0 {
            break;
        }
        hash.update(&buffer[..read]);
    }
    Ok(crate::workbook::checksum::hex(&hash.finalize()))
}

/// Reads and checks a workbook to import. `exe` is this program, which reads the file in a
/// child process (see `crate::import::child`).
pub fn read_file(exe: &Path, file: &Path, limits: &Limits) -> Result<Incoming> {
    import::archive::inspect(file, limits)?;
    let raw = import::child::read_workbook(exe, file, limits)?;
    incoming::read(&raw, &import::file_name(file), file_fingerprint(file)?)
}

/// What importing `incoming` would do; nothing is written.
pub fn preview(conn: &Connection, incoming: &Incoming) -> Result<Preview> {
    Ok(plan::plan(conn, incoming)?.preview)
}

/// Imports `incoming`: one transaction, after a snapshot into `backups` (when given and when
/// there is anything to change). Refused, with nothing written, while any cell does not parse.
pub fn apply(
    db: &mut Database,
    incoming: &Incoming,
    choices: &Choices,
    backups: Option<&Path>,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let plan = plan::plan(db.conn(), incoming)?;
    if !plan.preview.can_apply() {
        let shown: Vec<String> = plan
            .preview
            .problems
            .iter()
            .take(5)
            .map(CellProblem::describe)
            .collect();
        let more = plan.preview.problems.len().saturating_sub(shown.len());
        let tail = if more > 0 {
            format!(" (and {more} more)")
        } else {
            String::new()
        };
        return Err(Error::Import {
            code: ImportCode::BadCells,
            file: incoming.file_name.clone(),
            message: format!(
                "Nothing was imported: {} has cells that cannot be read. {}{tail}. Correct them \
                 in the workbook and import it again.",
                incoming.file_name,
                shown.join("; ")
            ),
        });
    }
    let settled: Vec<(String, Side)> = plan
        .preview
        .conflicts
        .iter()
        .map(|c| {
            (
                c.key.clone(),
                choices.get(&c.key).copied().unwrap_or(c.default),
            )
        })
        .collect();
    if plan.preview.is_empty() {
        return Ok(ImportReport::new(plan.preview, settled));
    }
    let backup_file = match backups {
        Some(dir) => Some(backup::take(db, dir, Reason::BeforeImport, now)?.file),
        None => None,
    };
    let (import_id, done) = db.write(now, |w| {
        let import_id = w.new_id();
        let done = apply::apply(w, incoming, &plan, choices, import_id)?;
        // Undo replays logged values without looking at what an import put since: an undo of
        // a rename after the other laptop's newer name came in would bring the old one back.
        w.execute(
            "UPDATE edit SET state = 'discarded' WHERE workshop_id = ?1 AND state != 'discarded'",
            [incoming.about.workshop_id.to_string()],
        )?;
        let counts = serde_json::json!({
            "new": plan.preview.new_records.len(),
            "updated": plan.preview.updates.len(),
            "conflicts": plan.preview.conflicts.len(),
            "logEntries": plan.preview.log_entries,
        });
        w.execute(
            "INSERT INTO import (id, workshop_id, file_name, fingerprint, profile, from_device,
                                 exported_at, applied_at, device_id, backup_file, counts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                import_id.to_string(),
                incoming.about.workshop_id.to_string(),
                incoming.file_name,
                incoming.fingerprint,
                incoming.about.profile.as_str(),
                incoming.about.device.to_string(),
                incoming.about.exported_at,
                w.stamp(),
                w.device_id().to_string(),
                backup_file,
                counts.to_string(),
            ],
        )?;
        Ok((import_id, done))
    })?;
    Ok(ImportReport {
        applied: true,
        import_id: Some(import_id),
        backup_file,
        notes: done.notes,
        ..ImportReport::new(plan.preview, settled)
    })
}

/// Refuses a workbook whose fingerprint is not `expected`: the file changed since the
/// facilitator saw its preview.
pub fn check_fingerprint(incoming: &Incoming, expected: &str) -> Result<()> {
    if expected == incoming.fingerprint {
        return Ok(());
    }
    Err(Error::Import {
        code: ImportCode::ChangedSincePreview,
        file: incoming.file_name.clone(),
        message: format!(
            "{} changed since its preview was shown; nothing was imported. Open it again to see \
             what it would change now.",
            incoming.file_name
        ),
    })
}
