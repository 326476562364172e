//! "Import workbook…" in the app: the workbooks a facilitator most likely means (the newest in
//! the export folder, Documents and Downloads: where a USB stick's file or an e-mailed one was
//! saved), the preview, and applying it. The merge itself is `sync`.

use crate::db::Database;
use crate::error::{Error, Result};
use crate::import::Limits;
use crate::sync::{self, Choices, ImportReport, Incoming, Preview};
use crate::{paths, settings};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// How many workbooks the import dialog offers.
const OFFERED: usize = 12;

/// A workbook file the import dialog offers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FoundWorkbook {
    pub path: PathBuf,
    pub file_name: String,
    pub folder: PathBuf,
    /// RFC 3339, UTC.
    pub modified_at: String,
    pub bytes: u64,
}

/// The folders looked in: the last export's, Documents (or home) and Downloads, each once.
fn folders(conn: &Connection) -> Result<Vec<PathBuf>> {
    let mut folders: Vec<PathBuf> = Vec::new();
    let remembered = settings::get(conn, crate::exports::EXPORT_FOLDER)?.map(PathBuf::from);
    let candidates = remembered
        .into_iter()
        .chain([paths::default_export_folder()])
        .chain(dirs::download_dir());
    for folder in candidates {
        if folder.is_dir() && !folders.contains(&folder) {
            folders.push(folder);
        }
    }
    Ok(folders)
}

/// The newest `.xlsx` files of those folders (not their subfolders), newest first.
pub fn recent_workbooks(conn: &Connection) -> Result<Vec<FoundWorkbook>> {
    let mut found = Vec::new();
    for folder in folders(conn)? {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            // "~$name.xlsx" is the lock file of a workbook open in a spreadsheet program.
            let is_workbook = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
                && !name.starts_with("~$");
            let Ok(metadata) = entry.metadata() else {
                continue;
            };
            if !is_workbook || !metadata.is_file() {
                continue;
            }
            let modified: DateTime<Utc> =
                metadata.modified().map(DateTime::from).unwrap_or_default();
            found.push(FoundWorkbook {
                folder: folder.clone(),
                file_name: name,
                modified_at: crate::time::timestamp(modified),
                bytes: metadata.len(),
                path,
            });
        }
    }
    found.sort_by(|a, b| b.modified_at.cmp(&a.modified_at).then(a.path.cmp(&b.path)));
    found.truncate(OFFERED);
    Ok(found)
}

/// Reads and checks the workbook at `path` (in a child process, `exe`), without the
/// database: a large file takes seconds, and sign-ins at the kiosk go on meanwhile.
pub fn read(exe: &Path, path: &Path) -> Result<Incoming> {
    if path.as_os_str().is_empty() {
        return Err(Error::invalid(
            crate::InvalidCode::Required,
            "path",
            "Choose a workbook to import",
        ));
    }
    sync::read_file(exe, path, &Limits::default())
}

/// What importing it would do.
pub fn preview(db: &Database, incoming: &Incoming) -> Result<Preview> {
    sync::preview(db.conn(), incoming)
}

/// Imports it as previewed (the file's `fingerprint` then), after a backup into `data_dir`'s
/// backups folder.
pub fn apply(
    db: &mut Database,
    data_dir: &Path,
    incoming: &Incoming,
    fingerprint: &str,
    choices: &Choices,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    sync::check_fingerprint(incoming, fingerprint)?;
    let backups = paths::backups_dir(data_dir);
    sync::apply(db, incoming, choices, Some(&backups), now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_remembered_folders_workbooks_are_offered_newest_first_without_lock_files() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let db = Database::open_in_memory(now).unwrap();
        let dir = tempfile::tempdir().unwrap();
        crate::exports::remember_folder(db.conn(), dir.path()).unwrap();
        for name in ["older.xlsx", "~$older.xlsx", "notes.txt", "newer.XLSX"] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::fs::create_dir(dir.path().join("folder.xlsx")).unwrap();
        let found: Vec<String> = recent_workbooks(db.conn())
            .unwrap()
            .into_iter()
            .filter(|w| w.folder == dir.path())
            .map(|w| w.file_name)
            .collect();
        assert_eq!(found, ["newer.XLSX", "older.xlsx"]);
    }
}
