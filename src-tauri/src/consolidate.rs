//! "Consolidate workbooks…": the workbooks and the file the core proposes, the native dialog
//! to add workbooks (several at once; the save dialog is `exports::choose_export_path`), and the
//! consolidation itself, off the window's thread and without holding the database, with its
//! progress sent over a channel.

use crate::state::{AppState, now};
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::{AppHandle, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;
use workshop_core::consolidate::{self, Consolidated, Progress, Target};
use workshop_core::import::Limits;
use workshop_core::{Error, Result};

type Cmd<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn consolidate_target(state: Cmd<'_>) -> Result<Target> {
    state.run(|db| consolidate::target(db.conn(), now())).await
}

/// The native open dialog, several workbooks at once, opened in `folder`; none when the
/// facilitator cancels.
#[tauri::command]
pub async fn choose_consolidate_files(
    app: AppHandle,
    window: WebviewWindow,
    folder: PathBuf,
    title: String,
    filter_name: String,
) -> Result<Vec<PathBuf>> {
    let mut dialog = app
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(title)
        .add_filter(filter_name, &["xlsx"]);
    if folder.is_dir() {
        dialog = dialog.set_directory(folder);
    }
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_files())
        .await
        .map_err(|error| Error::Internal(error.to_string()))?;
    chosen
        .unwrap_or_default()
        .into_iter()
        .map(|file| {
            file.into_path()
                .map_err(|error| Error::Internal(error.to_string()))
        })
        .collect()
}

/// Consolidates `inputs` (workbooks or folders) into `path`, each file read by this
/// executable as the child reader; the folder is remembered for next time.
#[tauri::command]
pub async fn consolidate_workbooks(
    state: Cmd<'_>,
    inputs: Vec<PathBuf>,
    path: PathBuf,
    on_progress: Channel<Progress>,
) -> Result<Consolidated> {
    let done = tauri::async_runtime::spawn_blocking(move || {
        let exe = workshop_core::import::child::this_executable()?;
        consolidate::consolidate(&exe, &inputs, &path, &Limits::default(), now(), &mut |p| {
            // A closed window only stops the progress bar, never the consolidation.
            let _ = on_progress.send(p.clone());
        })
    })
    .await
    .map_err(|error| Error::Internal(error.to_string()))??;
    let remembered = done.clone();
    state
        .run(move |db| consolidate::remember(db.conn(), &remembered))
        .await?;
    Ok(done)
}
