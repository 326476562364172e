//! Exporting a workshop's report from the app: where it is proposed to go, and the export
//! itself, which remembers the folder for next time. The workbook is written by `workbook`.

use crate::db::Database;
use crate::error::{Error, Result};
use crate::workbook::{self, ExportOptions, Exported, Profile, Progress};
use crate::{paths, settings, workshop};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// The folder of the last export, kept as a preference (not a record).
pub(crate) const EXPORT_FOLDER: &str = "export_folder";

/// Where "Export report…" proposes to save: a folder and a file name within it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportTarget {
    pub folder: PathBuf,
    pub file_name: String,
    /// The two joined, as the save dialog and the export take it.
    pub path: PathBuf,
}

/// The folder of the last export if it still exists, else Documents or home; the file named
/// after the workshop's dates, venue and title.
pub fn target(conn: &Connection, workshop_id: Uuid) -> Result<ExportTarget> {
    let workshop = workshop::get(conn, workshop_id)?;
    let folder = settings::get(conn, EXPORT_FOLDER)?
        .map(PathBuf::from)
        .filter(|folder| folder.is_dir())
        .unwrap_or_else(paths::default_export_folder);
    let file_name = workbook::file_name(&workshop);
    Ok(ExportTarget {
        path: folder.join(&file_name),
        folder,
        file_name,
    })
}

/// Writes the workshop's workbook to `path` and remembers its folder for the next export.
pub fn export(
    db: &Database,
    workshop_id: Uuid,
    profile: Profile,
    path: &Path,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Exported> {
    let path = with_extension(path)?;
    let exported = workbook::export(
        db,
        workshop_id,
        &ExportOptions { profile, now },
        &path,
        progress,
    )?;
    if let Some(folder) = exported.path.parent().filter(|f| !f.as_os_str().is_empty()) {
        remember_folder(db.conn(), folder)?;
    }
    Ok(exported)
}

/// The next export is proposed in `folder`.
pub fn remember_folder(conn: &Connection, folder: &Path) -> Result<()> {
    settings::set(conn, EXPORT_FOLDER, &folder.to_string_lossy())
}

/// A save dialog may hand back a name without `.xlsx` (the facilitator typed over it);
/// spreadsheet programs need the extension to recognise the file.
fn with_extension(path: &Path) -> Result<PathBuf> {
    if path.file_name().is_none() {
        return Err(Error::invalid(
            crate::InvalidCode::Required,
            "path",
            "Choose a file name for the report",
        ));
    }
    let is_xlsx = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("xlsx"));
    Ok(if is_xlsx {
        path.to_path_buf()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(".xlsx");
        PathBuf::from(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_without_the_extension_gets_it_and_one_with_it_is_kept() {
        assert_eq!(
            with_extension(Path::new("/tmp/Kathmandu report")).unwrap(),
            PathBuf::from("/tmp/Kathmandu report.xlsx")
        );
        assert_eq!(
            with_extension(Path::new("/tmp/report.XLSX")).unwrap(),
            PathBuf::from("/tmp/report.XLSX")
        );
        assert_eq!(
            with_extension(Path::new("/tmp/report.v2")).unwrap(),
            PathBuf::from("/tmp/report.v2.xlsx")
        );
        assert!(with_extension(Path::new("/")).is_err());
    }
}
