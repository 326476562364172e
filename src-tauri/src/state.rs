//! The shell's state: the open database (or why it could not be opened) and the data directory.
//! Storage work runs on a blocking thread so that the window never waits on the disk.

use chrono::{DateTime, Utc};
use parking_lot::Mutex;
use std::path::PathBuf;
use std::sync::Arc;
use workshop_core::{Database, Error, Result};

/// The shell's one reading of the clock; the core takes the time as an argument.
#[allow(clippy::disallowed_methods)]
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

#[derive(Debug, Clone)]
pub struct AppState {
    /// The error is kept as its code and message: the window still opens and shows it.
    database: std::result::Result<Arc<Mutex<Database>>, (&'static str, String)>,
    pub data_dir: PathBuf,
}

impl AppState {
    pub fn new(database: Result<Database>, data_dir: PathBuf) -> Self {
        let database = database
            .map(|db| Arc::new(Mutex::new(db)))
            .map_err(|e| (e.code(), e.to_string()));
        Self { database, data_dir }
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
