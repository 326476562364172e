//! Embedded, ordered, append-only schema migrations, tracked in SQLite's `user_version`.
//!
//! `rusqlite_migration` (the usual choice) pins an older rusqlite than the 0.41 this project
//! uses, and two rusqlite versions cannot link one SQLite; this module keeps its semantics:
//! migration N is applied when `user_version` is N-1, all pending ones in one transaction.

use crate::error::{Error, Result};
use rusqlite::Connection;

/// One step of the schema. Released steps are never edited: add a new one instead
/// (a test pins their text).
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub description: &'static str,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        description: "foundation: workshops, participants, change log",
        sql: include_str!("../migrations/0001_foundation.sql"),
    },
    Migration {
        description: "attendance, walk-ins, session start times",
        sql: include_str!("../migrations/0002_attendance.sql"),
    },
    Migration {
        description: "working groups, SWOT boards, action plans, undoable edits",
        sql: include_str!("../migrations/0003_capture.sql"),
    },
    Migration {
        description: "import and merge of workbooks",
        sql: include_str!("../migrations/0004_sync.sql"),
    },
];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub fn current_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Brings the database up to the latest version, or refuses one written by a newer app
/// before touching anything.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found = current_version(conn)?;
    let supported = latest_version();
    if found > supported {
        return Err(Error::NewerDatabase { found, supported });
    }
    if found == supported {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for migration in &MIGRATIONS[found as usize..] {
        tx.execute_batch(migration.sql)?;
    }
    tx.pragma_update(None, "user_version", supported)?;
    tx.commit()?;
    Ok(())
}

/// Applies every migration to an empty in-memory database and checks the result's integrity.
pub fn validate() -> Result<()> {
    let mut conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", true)?;
    migrate(&mut conn)?;
    let problems: i64 =
        conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })?;
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    if problems != 0 || integrity != "ok" {
        return Err(Error::Storage(rusqlite::Error::InvalidQuery));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate() {
        validate().unwrap();
    }

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(current_version(&conn).unwrap(), latest_version());
    }

    /// FNV-1a, enough to notice an edit.
    fn fingerprint(text: &str) -> u64 {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    }

    /// Released migrations are append-only: a changed fingerprint means an old step was edited,
    /// which would leave existing databases with a different schema than new ones.
    #[test]
    fn released_migrations_are_unchanged() {
        let released: &[u64] = &[
            0xd1cf_5ec8_8737_b0e3,
            0x57d0_1662_45e5_f73d,
            0x6ecc_a3c1_6e5c_7119,
            0xdbab_c75b_8fc5_a10e,
        ];
        for (index, expected) in released.iter().enumerate() {
            let actual = fingerprint(MIGRATIONS[index].sql);
            assert_eq!(
                actual,
                *expected,
                "migration {} was edited after release (fingerprint {actual:#x}); add a new migration instead",
                index + 1
            );
        }
    }
}
