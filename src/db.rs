//! The database handle: the one place that opens SQLite, sets its pragmas and migrates it,
//! and the write path through which every change runs as one transaction with a change-log entry.

use crate::changelog::{self, Change, Op};
use crate::error::{Error, Result};
use crate::search::SearchIndex;
use crate::{ids, migrations, settings, time};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, Transaction};
use std::cell::{Cell, RefCell};
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::time::Duration;
use uuid::Uuid;

/// The file name of the database inside the data directory.
pub const DATABASE_FILE: &str = "workshop-desk.sqlite3";

/// An open, migrated database and the identity of this installation.
#[derive(Debug)]
pub struct Database {
    conn: Connection,
    path: Option<PathBuf>,
    device_id: Uuid,
    /// Counts writes, so that caches derived from the data know when they are stale.
    generation: Cell<u64>,
    search: RefCell<SearchIndex>,
}

impl Database {
    /// Opens (creating if needed) the database file, sets the pragmas and migrates it.
    /// A file written by a newer version of the app is refused before anything is changed.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Self> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| Error::io(parent, source))?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?;
        Self::prepare(conn, Some(path.to_path_buf()), now)
    }

    /// A private in-memory database, for tests.
    pub fn open_in_memory(now: DateTime<Utc>) -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?, None, now)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>, now: DateTime<Utc>) -> Result<Self> {
        // Refuse a newer file before the pragmas below touch it (WAL mode rewrites the header).
        let found = migrations::current_version(&conn)?;
        if found > migrations::latest_version() {
            return Err(Error::NewerDatabase {
                found,
                supported: migrations::latest_version(),
            });
        }
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: a write that the UI has acknowledged survives a power cut.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // 32 MB of page cache (the default is 2 MB): a large import or demo stays in memory
        // instead of spilling pages to the WAL and reading them back.
        conn.pragma_update(None, "cache_size", -32_000)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.set_prepared_statement_cache_capacity(64);
        migrations::migrate(&mut conn)?;
        let device_id = settings::ensure_device_id(&conn, now)?;
        Ok(Self {
            conn,
            path,
            device_id,
            generation: Cell::new(0),
            search: RefCell::default(),
        })
    }

    /// Reads go straight to the connection.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Direct write access (restoring a backup); counts as a write.
    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        self.generation.set(self.generation.get() + 1);
        &mut self.conn
    }

    /// IDs of the participants of a workshop matching a search, from the in-memory index.
    pub(crate) fn search_participants(
        &self,
        workshop_id: Uuid,
        deleted: bool,
        query: &str,
        limit: usize,
    ) -> Result<Vec<String>> {
        self.search.borrow_mut().search(
            &self.conn,
            self.generation.get(),
            workshop_id,
            deleted,
            query,
            limit,
        )
    }

    /// Loads a workshop's search index now if a write made it stale, so that the next search
    /// does not pay for it.
    pub fn prepare_search(&self, workshop_id: Uuid) -> Result<()> {
        self.search
            .borrow_mut()
            .prepare(&self.conn, self.generation.get(), workshop_id)
    }

    #[cfg(test)]
    pub(crate) fn search_is_ready(&self, workshop_id: Uuid) -> bool {
        self.search
            .borrow()
            .is_ready(self.generation.get(), workshop_id)
    }

    /// The database file, or `None` for an in-memory database.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// This installation's ID, recorded with every change.
    pub fn device_id(&self) -> Uuid {
        self.device_id
    }

    /// Runs `work` in one transaction stamped with `now`; commits only if it succeeds.
    pub fn write<R>(
        &mut self,
        now: DateTime<Utc>,
        work: impl FnOnce(&Writer) -> Result<R>,
    ) -> Result<R> {
        self.write_as(now, None, work)
    }

    /// [`Database::write`] whose change-log entries all carry `edit_id`: one undoable edit
    /// (see [`crate::edit`]).
    pub(crate) fn write_as<R>(
        &mut self,
        now: DateTime<Utc>,
        edit_id: Option<Uuid>,
        work: impl FnOnce(&Writer) -> Result<R>,
    ) -> Result<R> {
        let writer = Writer {
            tx: self.conn.transaction()?,
            now,
            device_id: self.device_id,
            edit_id,
            touched_participants: Cell::new(false),
        };
        let result = work(&writer);
        // The search index is stale once a participant changed (every change is logged, so
        // the log sees it); a sign-in leaves it as it is, so the kiosk's next search stays fast.
        if writer.touched_participants.get() {
            self.generation.set(self.generation.get() + 1);
        }
        let result = result?;
        writer.tx.commit()?;
        Ok(result)
    }
}

/// An open write transaction with the time of the change and the device making it.
#[derive(Debug)]
pub struct Writer<'conn> {
    tx: Transaction<'conn>,
    now: DateTime<Utc>,
    device_id: Uuid,
    edit_id: Option<Uuid>,
    touched_participants: Cell<bool>,
}

impl Writer<'_> {
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// `now` as stored text.
    pub fn stamp(&self) -> String {
        time::timestamp(self.now)
    }

    /// The installation making the change.
    pub fn device_id(&self) -> Uuid {
        self.device_id
    }

    /// A new stable ID made at `now`.
    pub fn new_id(&self) -> Uuid {
        ids::new_id(self.now)
    }

    /// The undoable edit this write belongs to, if it is one.
    pub fn edit_id(&self) -> Option<Uuid> {
        self.edit_id
    }

    /// Participants were written without [`Writer::log`] (an import): the search index is stale.
    pub(crate) fn touch_participants(&self) {
        self.touched_participants.set(true);
    }

    /// Appends an entry to the change log inside this transaction.
    pub fn log(
        &self,
        entity: &str,
        entity_id: Uuid,
        workshop_id: Option<Uuid>,
        op: Op,
        changes: &[Change],
    ) -> Result<()> {
        if entity == crate::participant::ENTITY {
            self.touched_participants.set(true);
        }
        changelog::append(
            self,
            entity,
            entity_id,
            workshop_id,
            op,
            changes,
            self.device_id,
        )
    }
}

impl Deref for Writer<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        &self.tx
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
    }

    #[test]
    fn pragmas_are_set_for_durability_and_integrity() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(&dir.path().join(DATABASE_FILE), now()).unwrap();
        let text = |name: &str| -> String {
            db.conn()
                .pragma_query_value(None, name, |row| row.get(0))
                .unwrap()
        };
        let number = |name: &str| -> i64 {
            db.conn()
                .pragma_query_value(None, name, |row| row.get(0))
                .unwrap()
        };
        assert_eq!(text("journal_mode"), "wal");
        assert_eq!(number("synchronous"), 2, "synchronous must be FULL");
        assert_eq!(number("foreign_keys"), 1);
        assert!(
            number("busy_timeout") >= 5000,
            "busy_timeout must be at least 5 s"
        );
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let mut db = Database::open_in_memory(now()).unwrap();
        let result: Result<()> = db.write(now(), |w| {
            w.execute(
                "INSERT INTO meta (key, value) VALUES ('half', 'written')",
                [],
            )?;
            Err(Error::Forbidden)
        });
        assert!(result.is_err());
        let rows: i64 = db
            .conn()
            .query_row("SELECT count(*) FROM meta WHERE key = 'half'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(rows, 0, "a write that failed half-way must be rolled back");
    }

    #[test]
    fn the_device_id_is_kept_across_openings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        let first = Database::open(&path, now()).unwrap().device_id();
        let second = Database::open(&path, now()).unwrap().device_id();
        assert_eq!(first, second);
    }
}
