//! "Export report…": where to save (the core proposes, the native save dialog lets the
//! facilitator change it), the export itself off the window's thread with its progress sent
//! over a channel, and "Show in folder" afterwards.

use crate::state::{AppState, now};
use std::path::{Path, PathBuf};
use tauri::ipc::Channel;
use tauri::{AppHandle, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;
use uuid::Uuid;
use workshop_core::exports::{self, ExportTarget};
use workshop_core::workbook::{Exported, Profile, Progress};
use workshop_core::{Error, Result};

type Cmd<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn export_target(state: Cmd<'_>, workshop_id: Uuid) -> Result<ExportTarget> {
    state
        .run(move |db| exports::target(db.conn(), workshop_id))
        .await
}

#[tauri::command]
pub async fn export_workbook(
    state: Cmd<'_>,
    workshop_id: Uuid,
    profile: Profile,
    path: PathBuf,
    on_progress: Channel<Progress>,
) -> Result<Exported> {
    state
        .run(move |db| {
            exports::export(db, workshop_id, profile, &path, now(), &mut |p| {
                // A closed window only stops the progress bar, never the export.
                let _ = on_progress.send(p.clone());
            })
        })
        .await
}

/// The native save dialog, opened at `path`; `None` when the facilitator cancels.
#[tauri::command]
pub async fn choose_export_path(
    app: AppHandle,
    window: WebviewWindow,
    path: PathBuf,
    title: String,
    filter_name: String,
) -> Result<Option<PathBuf>> {
    let mut dialog = app
        .dialog()
        .file()
        .set_parent(&window)
        .set_title(title)
        .add_filter(filter_name, &["xlsx"]);
    if let Some(folder) = path.parent().filter(|folder| folder.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    if let Some(name) = path.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|error| Error::Internal(error.to_string()))?;
    chosen
        .map(|file| {
            file.into_path()
                .map_err(|error| Error::Internal(error.to_string()))
        })
        .transpose()
}

/// Opens the system's file manager on the folder holding `path`, with the file selected where
/// the file manager can do that.
#[tauri::command]
pub async fn show_in_folder(path: PathBuf) -> Result<()> {
    tauri::async_runtime::spawn_blocking(move || reveal(&path))
        .await
        .map_err(|error| Error::Internal(error.to_string()))?
}

fn reveal(path: &Path) -> Result<()> {
    let cannot = || Error::Unavailable {
        code: "cannot_show_folder",
        message: format!(
            "No file manager could be opened here. The report is at {}",
            path.display()
        ),
    };
    if !path.exists() {
        return Err(Error::Unavailable {
            code: "file_missing",
            message: format!("{} is no longer there", path.display()),
        });
    }
    for mut command in reveal_commands(path) {
        if command.status().is_ok_and(|status| status.success()) {
            return Ok(());
        }
    }
    Err(cannot())
}

/// The ways to show a file, best first: select it in the file manager, else open its folder.
fn reveal_commands(path: &Path) -> Vec<std::process::Command> {
    use std::process::Command;
    let folder = path.parent().unwrap_or(path);
    let mut commands = Vec::new();
    if cfg!(target_os = "windows") {
        let mut explorer = Command::new("explorer");
        explorer.arg(format!("/select,{}", path.display()));
        commands.push(explorer);
    } else if cfg!(target_os = "macos") {
        let mut open = Command::new("open");
        open.arg("-R").arg(path);
        commands.push(open);
    } else {
        // The freedesktop file-manager interface selects the file (Nautilus, Nemo, Dolphin…).
        let mut show_items = Command::new("gdbus");
        show_items.args([
            "call",
            "--session",
            "--dest",
            "org.freedesktop.FileManager1",
            "--object-path",
            "/org/freedesktop/FileManager1",
            "--method",
            "org.freedesktop.FileManager1.ShowItems",
            &format!("['{}']", file_uri(path)),
            "",
        ]);
        commands.push(show_items);
        let mut xdg_open = Command::new("xdg-open");
        xdg_open.arg(folder);
        commands.push(xdg_open);
    }
    commands
}

/// A `file://` URI with every byte outside the unreserved set percent-encoded, so that names
/// with spaces, quotes or any script survive the D-Bus call.
fn file_uri(path: &Path) -> String {
    use std::fmt::Write;
    let mut uri = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_uri_encodes_spaces_quotes_and_other_scripts() {
        assert_eq!(
            file_uri(Path::new("/home/sita/Kathmandu 'MoU' काठमाडौं.xlsx")),
            "file:///home/sita/Kathmandu%20%27MoU%27%20%E0%A4%95%E0%A4%BE%E0%A4%A0%E0%A4%AE%E0%A4%BE%E0%A4%A1%E0%A5%8C%E0%A4%82.xlsx"
        );
    }
}
