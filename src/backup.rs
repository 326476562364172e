//! Automatic and manual backups: consistent snapshots taken with SQLite's online backup API
//! (never a copy of the live file), kept in `backups/` beside the database, newest 20 kept.

use crate::db::Database;
use crate::error::{Error, Result};
use crate::{migrations, time};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, MAIN_DB, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How many snapshots are kept; older ones are removed after each new one.
pub const KEEP: usize = 20;
const EXTENSION: &str = "sqlite3";

/// Why a snapshot was taken; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The first start of the app on a day.
    Startup,
    /// The facilitator asked for one.
    Manual,
    /// Just before a backup was restored over the current data.
    BeforeRestore,
    /// Just before an import replaced data.
    BeforeImport,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Startup => "startup",
            Self::Manual => "manual",
            Self::BeforeRestore => "before-restore",
            Self::BeforeImport => "before-import",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Backup {
    /// The file name inside the backups folder; restoring takes this name.
    pub file: String,
    pub taken_at: String,
    pub reason: String,
    pub size_bytes: u64,
}

fn file_name(at: DateTime<Utc>, reason: Reason) -> String {
    // Colons are not allowed in Windows file names.
    format!(
        "{}-{}.{EXTENSION}",
        at.format("%Y-%m-%dT%H-%M-%S%.3fZ"),
        reason.as_str()
    )
}

fn parse_file_name(name: &str) -> Option<(DateTime<Utc>, String)> {
    let stem = name.strip_suffix(&format!(".{EXTENSION}"))?;
    let (stamp, reason) = (stem.get(..24)?, stem.get(25..)?);
    let at = chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%dT%H-%M-%S%.3fZ").ok()?;
    Some((at.and_utc(), reason.to_string()))
}

/// Takes a snapshot of the open database into `dir`, then keeps only the newest [`KEEP`].
pub fn take(db: &Database, dir: &Path, reason: Reason, now: DateTime<Utc>) -> Result<Backup> {
    std::fs::create_dir_all(dir).map_err(|source| Error::io(dir, source))?;
    let mut name = file_name(now, reason);
    let mut path = dir.join(&name);
    // Two snapshots within one millisecond (a restore right after a manual backup): step on.
    let mut step = 1;
    while path.exists() {
        name = file_name(now + chrono::Duration::milliseconds(step), reason);
        path = dir.join(&name);
        step += 1;
    }
    // Written under a temporary name and renamed, so a power cut never leaves half a backup
    // that looks whole.
    let partial = dir.join(format!("{name}.partial"));
    db.conn()
        .backup(MAIN_DB, &partial, None::<fn(rusqlite::backup::Progress)>)?;
    std::fs::rename(&partial, &path).map_err(|source| Error::io(&path, source))?;
    prune(dir)?;
    describe(&path)
}

/// Takes the day's startup snapshot unless one was already taken today (UTC).
pub fn take_daily(db: &Database, dir: &Path, now: DateTime<Utc>) -> Result<Option<Backup>> {
    let today = now.date_naive();
    let taken_today = list(dir)?.iter().any(|backup| {
        backup.reason == Reason::Startup.as_str()
            && time::parse_timestamp(&backup.taken_at).is_some_and(|at| at.date_naive() == today)
    });
    if taken_today {
        return Ok(None);
    }
    take(db, dir, Reason::Startup, now).map(Some)
}

fn describe(path: &Path) -> Result<Backup> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let (at, reason) = parse_file_name(&name).ok_or_else(|| Error::BackupNotFound(name.clone()))?;
    let size_bytes = std::fs::metadata(path)
        .map_err(|source| Error::io(path, source))?
        .len();
    Ok(Backup {
        file: name,
        taken_at: time::timestamp(at),
        reason,
        size_bytes,
    })
}

/// The snapshots in `dir`, newest first. A missing folder has none.
pub fn list(dir: &Path) -> Result<Vec<Backup>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(Error::io(dir, source)),
    };
    let mut backups: Vec<Backup> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            entry
                .file_name()
                .to_str()
                .and_then(parse_file_name)
                .is_some()
        })
        .filter_map(|entry| describe(&entry.path()).ok())
        .collect();
    backups.sort_by(|a, b| {
        b.taken_at
            .cmp(&a.taken_at)
            .then_with(|| b.file.cmp(&a.file))
    });
    Ok(backups)
}

fn prune(dir: &Path) -> Result<()> {
    for old in list(dir)?.iter().skip(KEEP) {
        let path = dir.join(&old.file);
        std::fs::remove_file(&path).map_err(|source| Error::io(&path, source))?;
    }
    Ok(())
}

/// Resolves a backup's file name inside `dir`, refusing anything that is not one of ours
/// (a path, `..`, another file).
fn resolve(dir: &Path, file: &str) -> Result<PathBuf> {
    let plain = Path::new(file).file_name().and_then(|n| n.to_str()) == Some(file);
    if !plain || parse_file_name(file).is_none() {
        return Err(Error::BackupNotFound(file.to_string()));
    }
    let path = dir.join(file);
    if !path.is_file() {
        return Err(Error::BackupNotFound(file.to_string()));
    }
    Ok(path)
}

/// Replaces the current data with a backup, after taking a snapshot of the current state
/// (returned, so the facilitator can go back). A backup written by a newer version of the app
/// is refused before anything changes.
pub fn restore(db: &mut Database, dir: &Path, file: &str, now: DateTime<Utc>) -> Result<Backup> {
    let source = resolve(dir, file)?;
    {
        let check = Connection::open_with_flags(&source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let integrity: String = check.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
        if integrity != "ok" {
            return Err(Error::Storage(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(format!("the backup {file} is damaged: {integrity}")),
            )));
        }
        let found = migrations::current_version(&check)?;
        if found > migrations::latest_version() {
            return Err(Error::NewerDatabase {
                found,
                supported: migrations::latest_version(),
            });
        }
    }
    let safety = take(db, dir, Reason::BeforeRestore, now)?;
    db.conn_mut()
        .restore(MAIN_DB, &source, None::<fn(rusqlite::backup::Progress)>)?;
    // An older backup comes back at its own schema version: bring it up to date.
    migrations::migrate(db.conn_mut())?;
    db.conn().busy_timeout(Duration::from_secs(10))?;
    Ok(safety)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_time_and_reason_and_are_safe_on_windows() {
        let at = DateTime::parse_from_rfc3339("2026-11-22T19:20:00.123Z")
            .unwrap()
            .with_timezone(&Utc);
        let name = file_name(at, Reason::BeforeRestore);
        assert_eq!(name, "2026-11-22T19-20-00.123Z-before-restore.sqlite3");
        assert!(!name.contains(':'));
        assert_eq!(
            parse_file_name(&name),
            Some((at, "before-restore".to_string()))
        );
    }

    #[test]
    fn only_our_own_backup_names_resolve() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["../workshop-desk.sqlite3", "/etc/passwd", "notes.txt", ""] {
            assert!(
                matches!(resolve(dir.path(), bad), Err(Error::BackupNotFound(_))),
                "{bad:?}"
            );
        }
    }
}
