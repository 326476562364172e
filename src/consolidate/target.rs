//! What "Consolidate workbooks…" proposes in the app: the workbooks in the folder of the last
//! consolidation (else of the last export, else Documents or home) and a file in that folder to
//! write; and the folder remembered afterwards.

use super::{Consolidated, inputs};
use crate::error::Result;
use crate::{paths, settings};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The folder of the last consolidation, kept as a preference (not a record).
pub(crate) const CONSOLIDATE_FOLDER: &str = "consolidate_folder";

/// What the dialog proposes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    pub folder: PathBuf,
    /// The `.xlsx` files directly in the folder, by name.
    pub workbooks: Vec<PathBuf>,
    /// Where to write: the folder and [`file_name`].
    pub path: PathBuf,
}

/// The consolidated workbook's name: "Consolidated report 2026-11-25.xlsx".
pub fn file_name(now: DateTime<Utc>) -> String {
    format!("Consolidated report {}.xlsx", now.format("%Y-%m-%d"))
}

/// The folder of the last consolidation if it still exists, else of the last export, else
/// Documents or home; its workbooks, and the file to write there.
pub fn target(conn: &Connection, now: DateTime<Utc>) -> Result<Target> {
    let remembered = |key: &str| -> Result<Option<PathBuf>> {
        Ok(settings::get(conn, key)?
            .map(PathBuf::from)
            .filter(|folder| folder.is_dir()))
    };
    let folder = match remembered(CONSOLIDATE_FOLDER)? {
        Some(folder) => folder,
        None => {
            remembered(crate::exports::EXPORT_FOLDER)?.unwrap_or_else(paths::default_export_folder)
        }
    };
    let path = folder.join(file_name(now));
    let (workbooks, _) = inputs(std::slice::from_ref(&folder), &path);
    Ok(Target {
        folder,
        workbooks,
        path,
    })
}

/// The next consolidation is proposed in the folder `done` was written to.
pub fn remember(conn: &Connection, done: &Consolidated) -> Result<()> {
    match done.path.parent().filter(|f| !f.as_os_str().is_empty()) {
        Some(folder) => remember_folder(conn, folder),
        None => Ok(()),
    }
}

/// The next consolidation is proposed in `folder`.
pub fn remember_folder(conn: &Connection, folder: &Path) -> Result<()> {
    settings::set(conn, CONSOLIDATE_FOLDER, &folder.to_string_lossy())
}
