//! The shell's state: the open database (or why it could not be opened) and the data directory.
//! Storage work runs on a blocking thread so that the window never waits on the disk.

use chrono::{DateTime, Local, NaiveDateTime, Utc};
use parking_lot::Mutex;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use workshop_core::{Database, Error, Result, kiosk};

/// The shell's one reading of the clock; the core takes the time as an argument.
#[allow(clippy::disallowed_methods)]
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The wall-clock time where the laptop is: the kiosk picks the day and session from it.
pub fn local(now: DateTime<Utc>) -> NaiveDateTime {
    now.with_timezone(&Local).naive_local()
}

#[derive(Debug, Clone)]
pub struct AppState {
    /// The error is kept as its code and message: the window still opens and shows it.
    database: std::result::Result<Arc<Mutex<Database>>, (&'static str, String)>,
    pub data_dir: PathBuf,
    /// Whether kiosk mode is on, mirrored from the database for the window events, which
    /// cannot wait for it.
    kiosk_on: Arc<AtomicBool>,
}

impl AppState {
    pub fn new(database: Result<Database>, data_dir: PathBuf) -> Self {
        let kiosk_on = database
            .as_ref()
            .is_ok_and(|db| matches!(kiosk::mode(db.conn()), Ok(Some(_))));
        let database = database
            .map(|db| Arc::new(Mutex::new(db)))
            .map_err(|e| (e.code(), e.to_string()));
        Self {
            database,
            data_dir,
            kiosk_on: Arc::new(AtomicBool::new(kiosk_on)),
        }
    }

    pub fn kiosk_on(&self) -> bool {
        self.kiosk_on.load(Ordering::SeqCst)
    }

    pub fn set_kiosk_on(&self, on: bool) {
        self.kiosk_on.store(on, Ordering::SeqCst);
    }

    /// Runs `work` on the database off the window's thread. A panic inside becomes an error
    /// and (with parking_lot) does not poison the lock for the next command.
    pub async fn run<R, F>(&self, work: F) -> Result<R>
    where
        R: Send + 'static,
        F: FnOnce(&mut Database) -> Result<R> + Send + 'static,
    {
        let database = match &self.database {
            Ok(database) => Arc::clone(database),
            Err((code, message)) => {
                return Err(Error::Unavailable {
                    code,
                    message: message.clone(),
                });
            }
        };
        tauri::async_runtime::spawn_blocking(move || work(&mut database.lock()))
            .await
            .map_err(|error| Error::Internal(error.to_string()))?
    }

    /// Like [`run`](Self::run), for work that also needs the data directory.
    pub async fn run_in_data_dir<R, F>(&self, work: F) -> Result<R>
    where
        R: Send + 'static,
        F: FnOnce(&mut Database, PathBuf) -> Result<R> + Send + 'static,
    {
        let data_dir = self.data_dir.clone();
        self.run(move |db| work(db, data_dir)).await
    }
}
