//! Where the data lives: `--data-dir`, else `WORKSHOP_DESK_DATA_DIR`, else the operating
//! system's application data folder (the same one the desktop app's identifier names).

use crate::db::DATABASE_FILE;
use std::path::{Path, PathBuf};

pub const DATA_DIR_ENV: &str = "WORKSHOP_DESK_DATA_DIR";
/// The Tauri identifier in `src-tauri/tauri.conf.json`, so both binaries share one folder.
pub const APP_IDENTIFIER: &str = "org.workshopdesk.app";

/// The data directory to use, from an explicit choice, the environment, or the OS default.
pub fn data_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_path_buf();
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
}

pub fn database_file(data_dir: &Path) -> PathBuf {
    data_dir.join(DATABASE_FILE)
}

/// Backups are kept beside the database.
pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// Where exports go until the facilitator picks a folder: Documents, else the home folder.
pub fn default_export_folder() -> PathBuf {
    dirs::document_dir()
        .filter(|dir| dir.is_dir())
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| PathBuf::from("."))
}
