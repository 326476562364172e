//! What happens when the app starts: find the data directory, open the database, take the
//! day's backup in the background.

use crate::state::{AppState, now};
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

/// Opens the facilitator's window. WebKit's own files (cache, storage) go into the data
/// directory too, so that one folder holds everything and two data directories never share a
/// browser profile.
fn open_main_window(app: &tauri::App, data_dir: &std::path::Path) -> tauri::Result<()> {
    tauri::WebviewWindowBuilder::new(app, "main", tauri::WebviewUrl::default())
        .title("Workshop Desk")
        .inner_size(1280.0, 800.0)
        .min_inner_size(900.0, 600.0)
        .center()
        .data_directory(data_dir.join("webview"))
        .build()?;
    Ok(())
}

pub fn setup(app: &mut tauri::App) -> Result<(), Box<dyn std::error::Error>> {
    let state = app.state::<AppState>().inner().clone();
    open_main_window(app, &state.data_dir)?;
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
