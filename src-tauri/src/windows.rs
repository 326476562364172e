//! The windows and who may call what from each. The facilitator's window (`main`) and the
//! sign-in kiosk (`kiosk`) are kept apart three times over: the capabilities grant each window
//! only its own commands (Tauri refuses the rest before they reach the app), the [`gate`] below
//! refuses them again by the calling window's label, and the kiosk's commands answer only with
//! what a passer-by may see. See ARCHITECTURE.md, "The kiosk".

use crate::state::AppState;
use std::path::Path;
use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder, Window, WindowEvent};
use workshop_core::{Error, Result};

pub const MAIN: &str = "main";
pub const KIOSK: &str = "kiosk";
/// The SWOT board on the projector: read-only, updated as the facilitator types.
pub const PRESENT: &str = "present";

/// The commands the kiosk window may call, and only it. Keep in step with `build.rs` and
/// `permissions/kiosk.toml` (`tests/config.rs` checks).
pub const KIOSK_COMMANDS: &[&str] = &[
    "kiosk_status",
    "kiosk_countries",
    "kiosk_search",
    "kiosk_sign_in",
    "kiosk_register",
    "kiosk_unlock",
];

/// The commands of the projector's window, and only it: it shows one board and asks whether
/// it changed. Keep in step with `build.rs` and `permissions/present.toml`.
pub const PRESENT_COMMANDS: &[&str] = &["present_board", "board_stamp"];

/// Whether the window labelled `window` may call `command`: each command belongs to one
/// window (the kiosk's to the kiosk, the projector's to the projector, the rest to the
/// facilitator's), and no other window may call it.
pub fn gate(window: &str, command: &str) -> Result<()> {
    let home = if KIOSK_COMMANDS.contains(&command) {
        KIOSK
    } else if PRESENT_COMMANDS.contains(&command) {
        PRESENT
    } else {
        MAIN
    };
    if window == home {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// WebKit's own files (cache, storage) go into the data directory too, so that one folder
/// holds everything and two data directories never share a browser profile.
fn webview_dir(data_dir: &Path) -> std::path::PathBuf {
    data_dir.join("webview")
}

/// Opens the facilitator's window; hidden while the kiosk is on.
pub fn open_main(app: &AppHandle, data_dir: &Path, visible: bool) -> tauri::Result<()> {
    WebviewWindowBuilder::new(app, MAIN, WebviewUrl::default())
        .title("Workshop Desk")
        .inner_size(1280.0, 800.0)
        .min_inner_size(900.0, 600.0)
        .center()
        .visible(visible)
        .data_directory(webview_dir(data_dir))
        .build()?;
    Ok(())
}

/// Opens the kiosk full screen and without decorations, above everything, and hides the
/// facilitator's window so that nothing behind the kiosk can be reached with the keyboard.
pub fn open_kiosk(app: &AppHandle, data_dir: &Path) -> tauri::Result<()> {
    if let Some(kiosk) = app.get_webview_window(KIOSK) {
        kiosk.set_focus()?;
    } else {
        let kiosk = WebviewWindowBuilder::new(app, KIOSK, WebviewUrl::App("kiosk.html".into()))
            .title("Workshop Desk — sign in")
            .fullscreen(true)
            .decorations(false)
            .always_on_top(true)
            .skip_taskbar(true)
            .focused(true)
            .data_directory(webview_dir(data_dir))
            .build()?;
        // Full screen is a request to the window manager; without one (a bare X server) or
        // with one that ignores it, the window still covers the whole monitor.
        if let Some(monitor) = kiosk.current_monitor()?.or(app.primary_monitor()?) {
            kiosk.set_position(*monitor.position())?;
            kiosk.set_size(*monitor.size())?;
        }
    }
    if let Some(main) = app.get_webview_window(MAIN) {
        main.hide()?;
    }
    Ok(())
}

/// Opens (or brings forward, showing another board) the projector's window: full screen on a
/// second monitor when there is one; on a single screen a normal window beside the
/// facilitator's, so that typing goes on.
pub fn open_presentation(app: &AppHandle, board_id: uuid::Uuid) -> Result<()> {
    let url = format!("present.html#{board_id}");
    if let Some(window) = app.get_webview_window(PRESENT) {
        window
            .eval(format!("location.hash = '{board_id}'"))
            .map_err(shell_error)?;
        return window.set_focus().map_err(shell_error);
    }
    let data_dir = app.state::<AppState>().data_dir.clone();
    let monitors = app.available_monitors().map_err(shell_error)?;
    let main_monitor = app
        .get_webview_window(MAIN)
        .and_then(|w| w.current_monitor().ok().flatten());
    let projector = monitors
        .iter()
        .find(|m| {
            main_monitor
                .as_ref()
                .is_none_or(|main| main.position() != m.position())
        })
        .filter(|_| monitors.len() > 1);
    let window = WebviewWindowBuilder::new(app, PRESENT, WebviewUrl::App(url.into()))
        .title("Workshop Desk — SWOT board")
        .inner_size(1024.0, 700.0)
        .data_directory(webview_dir(&data_dir))
        .build()
        .map_err(shell_error)?;
    if let Some(projector) = projector {
        window
            .set_position(*projector.position())
            .and_then(|()| window.set_fullscreen(true))
            .map_err(shell_error)?;
    }
    Ok(())
}

#[allow(clippy::needless_pass_by_value)] // a `map_err` callback: it is handed the error by value
fn shell_error(error: tauri::Error) -> Error {
    Error::Internal(format!("the windows: {error}"))
}

/// Kiosk mode was turned on in the database: the kiosk window takes over.
pub fn enter_kiosk(app: &AppHandle) -> Result<()> {
    let state = app.state::<AppState>();
    state.set_kiosk_on(true);
    open_kiosk(app, &state.data_dir).map_err(shell_error)
}

/// After the right PIN: back to the facilitator's window, and the kiosk is gone.
pub fn leave_kiosk(app: &AppHandle) -> Result<()> {
    app.state::<AppState>().set_kiosk_on(false);
    match app.get_webview_window(MAIN) {
        Some(main) => {
            main.show().map_err(shell_error)?;
            main.set_focus().map_err(shell_error)?;
            // The kiosk changed the data meanwhile: the facilitator's screen draws itself again.
            main.eval("window.dispatchEvent(new Event('workshop-desk:kiosk-ended'))")
                .map_err(shell_error)?;
        }
        None => {
            let data_dir = app.state::<AppState>().data_dir.clone();
            open_main(app, &data_dir, true).map_err(shell_error)?;
        }
    }
    if let Some(kiosk) = app.get_webview_window(KIOSK) {
        // `destroy` skips the close request that `on_window_event` refuses.
        kiosk.destroy().map_err(shell_error)?;
    }
    Ok(())
}

/// The kiosk cannot be closed (Alt+F4, the window manager) while kiosk mode is on: the request
/// is refused, and should the window go anyway, it is opened again. The facilitator's window
/// cannot be closed behind the kiosk's back either.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    let app = window.app_handle();
    let kiosk_on = || app.state::<AppState>().kiosk_on();
    match event {
        WindowEvent::CloseRequested { api, .. } if kiosk_on() => {
            api.prevent_close();
            // Whoever tried is standing at the kiosk: it says why it stays.
            if let Some(kiosk) = app.get_webview_window(KIOSK) {
                let _ =
                    kiosk.eval("window.dispatchEvent(new Event('workshop-desk:close-refused'))");
            }
        }
        WindowEvent::Destroyed if window.label() == KIOSK && kiosk_on() => {
            let data_dir = app.state::<AppState>().data_dir.clone();
            if let Err(error) = open_kiosk(app, &data_dir) {
                eprintln!("The kiosk window could not be opened again: {error}");
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kiosk_commands_only_from_the_kiosk_and_nothing_else_from_it() {
        assert!(gate(KIOSK, "kiosk_search").is_ok());
        assert!(gate(KIOSK, "kiosk_unlock").is_ok());
        assert!(gate(MAIN, "list_participants").is_ok());
        for command in [
            "list_participants",
            "participant_history",
            "start_kiosk",
            "app_info",
        ] {
            assert_eq!(
                gate(KIOSK, command).unwrap_err().code(),
                "forbidden",
                "{command}"
            );
        }
        for command in KIOSK_COMMANDS {
            assert_eq!(
                gate(MAIN, command).unwrap_err().code(),
                "forbidden",
                "{command}"
            );
            assert!(gate("some-other-window", command).is_err(), "{command}");
        }
    }

    #[test]
    fn the_projector_only_reads_its_board_and_nobody_else_calls_its_commands() {
        for command in PRESENT_COMMANDS {
            assert!(gate(PRESENT, command).is_ok(), "{command}");
            assert!(gate(MAIN, command).is_err(), "{command}");
            assert!(gate(KIOSK, command).is_err(), "{command}");
        }
        for command in [
            "add_note",
            "get_board",
            "undo",
            "kiosk_search",
            "list_participants",
        ] {
            assert_eq!(
                gate(PRESENT, command).unwrap_err().code(),
                "forbidden",
                "{command}"
            );
        }
        assert!(gate(MAIN, "add_note").is_ok());
    }
}
