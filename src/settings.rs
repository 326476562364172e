//! Small per-installation settings kept in the `meta` table: the device ID, the last workshop
//! opened, the interface language. They are preferences, not records, so they are not logged.

use crate::db::Database;
use crate::error::Result;
use crate::{APP_VERSION, ids};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use std::path::Path;
use uuid::Uuid;

const DEVICE_ID: &str = "device_id";
pub const LAST_WORKSHOP: &str = "last_workshop_id";
pub const LANGUAGE: &str = "ui_language";

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// The installation's ID, made the first time the database is opened.
pub(crate) fn ensure_device_id(conn: &Connection, now: DateTime<Utc>) -> Result<Uuid> {
    if let Some(id) = get(conn, DEVICE_ID)?.and_then(|text| Uuid::parse_str(&text).ok()) {
        return Ok(id);
    }
    let id = ids::new_id(now);
    set(conn, DEVICE_ID, &id.to_string())?;
    Ok(id)
}

/// The interface language, English until chosen.
pub fn language(conn: &Connection) -> Result<String> {
    Ok(get(conn, LANGUAGE)?.unwrap_or_else(|| "en".to_string()))
}

/// Sets the interface language; only the languages the UI has catalogues for are accepted.
pub fn set_language(conn: &Connection, language: &str) -> Result<()> {
    if !["en", "fr", "es"].contains(&language) {
        return Err(crate::Error::invalid(
            crate::InvalidCode::InvalidValue,
            "language",
            format!("Unknown interface language {language:?}; choose en, fr or es"),
        ));
    }
    set(conn, LANGUAGE, language)
}

/// What the app shows about itself: version, where the data lives, this device, the language.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: &'static str,
    pub data_dir: String,
    pub database_path: String,
    pub device_id: String,
    pub language: String,
}

pub fn app_info(db: &Database, data_dir: &Path) -> Result<AppInfo> {
    Ok(AppInfo {
        version: APP_VERSION,
        data_dir: data_dir.display().to_string(),
        database_path: db
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        device_id: db.device_id().to_string(),
        language: language(db.conn())?,
    })
}

/// Sets the interface language and returns the app's information with it.
pub fn choose_language(db: &Database, data_dir: &Path, language: &str) -> Result<AppInfo> {
    set_language(db.conn(), language)?;
    app_info(db, data_dir)
}
