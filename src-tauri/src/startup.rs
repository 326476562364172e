//! What happens when the app starts: find the data directory, open the database, open the
//! windows (the kiosk again if it was on), take the day's backup in the background.

use crate::state::{AppState, now};
use crate::windows;
use clap::Parser;
use std::ffi::OsString;
use std::path::PathBuf;
use tauri::Manager;
use workshop_core::{Database, backup, paths};

/// Command-line options of the desktop app.
#[derive(Debug, Parser)]
#[command(name = "workshop-desk", version, about = "Workshop Desk")]
struct Options {
    /// The data directory (default: $WORKSHOP_DESK_DATA_DIR, else the app's data folder).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

/// Opens the database named by the options or the environment. A failure is kept in the
/// state and shown in the window, rather than closing the app without a word.
pub fn open_state(args: impl IntoIterator<Item = OsString>) -> AppState {
    // Unknown arguments (a desktop launcher may add some) are reported and otherwise ignored.
    let options = Options::try_parse_from(args).unwrap_or_else(|error| {
        eprintln!("{error}");
        Options { data_dir: None }
    });
    let data_dir = paths::data_dir(options.data_dir.as_deref());
    let database = Database::open(&paths::database_file(&data_dir), now());
    if let Err(error) = &database {
        eprintln!(
            "Workshop Desk could not open its data in {}: {error}",
            data_dir.display()
        );
    }
    AppState::new(database, data_dir)
}

pub fn setup(app: &mut tauri::App) -> Result<(), Box<dyn std::error::Error>> {
    let state = app.state::<AppState>().inner().clone();
    // A kiosk that lost power comes back as the kiosk, not as the facilitator's window.
    windows::open_main(app.handle(), &state.data_dir, !state.kiosk_on())?;
    if state.kiosk_on() {
        windows::open_kiosk(app.handle(), &state.data_dir)?;
    }
    tauri::async_runtime::spawn(async move {
        let result = state
            .run_in_data_dir(|db, dir| backup::take_daily(db, &paths::backups_dir(&dir), now()))
            .await;
        if let Err(error) = result {
            eprintln!("The start-of-day backup failed: {error}");
        }
    });
    Ok(())
}
