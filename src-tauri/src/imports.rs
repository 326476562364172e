//! "Import workbook…": the workbooks offered, the native open dialog, and the preview and
//! import, each reading the file in a child process before taking the database (see
//! `workshop_core::imports`).

use crate::state::{AppState, now};
use std::path::PathBuf;
use tauri::{AppHandle, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;
use workshop_core::imports::{self, FoundWorkbook};
use workshop_core::sync::{Choices, ImportReport, Incoming, Preview};
use workshop_core::{Error, Result};

type Cmd<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn recent_workbooks(state: Cmd<'_>) -> Result<Vec<FoundWorkbook>> {
    state.run(|db| imports::recent_workbooks(db.conn())).await
}

#[tauri::command]
pub async fn preview_import(state: Cmd<'_>, path: PathBuf) -> Result<Preview> {
    let incoming = read(path).await?;
    state.run(move |db| imports::preview(db, &incoming)).await
}

#[tauri::command]
pub async fn apply_import(
    state: Cmd<'_>,
    path: PathBuf,
    fingerprint: String,
    choices: Choices,
) -> Result<ImportReport> {
    let incoming = read(path).await?;
    state
        .run_in_data_dir(move |db, dir| {
            imports::apply(db, &dir, &incoming, &fingerprint, &choices, now())
        })
        .await
}

/// Reads the workbook off the window's thread, with this executable as the reading child.
async fn read(path: PathBuf) -> Result<Incoming> {
    tauri::async_runtime::spawn_blocking(move || {
        let exe = workshop_core::import::child::this_executable()?;
        imports::read(&exe, &path)
    })
    .await
    .map_err(|error| Error::Internal(error.to_string()))?
}

/// The native open dialog for a workbook; `None` when the facilitator cancels.
#[tauri::command]
pub async fn choose_import_file(
    app: AppHandle,
    window: WebviewWindow,
    title: String,
    filter_name: String,
) -> Result<Option<PathBuf>> {
    let dialog = app
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(title)
        .add_filter(filter_name, &["xlsx"]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(|error| Error::Internal(error.to_string()))?;
    chosen
        .map(|file| {
            file.into_path()
                .map_err(|error| Error::Internal(error.to_string()))
        })
        .transpose()
}
