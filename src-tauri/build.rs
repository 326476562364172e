//! Every app command is a permission (`allow-<command>`), granted per window by the
//! capabilities in `capabilities/`: a window gets only the commands its capability lists.

/// Keep in step with `tauri::generate_handler!` in `src/lib.rs` and `permissions/*.toml`; the
/// last six are the kiosk window's own (`src/windows.rs`).
const COMMANDS: &[&str] = &[
    "app_info",
    "set_language",
    "list_countries",
    "list_workshops",
    "current_workshop",
    "open_workshop",
    "create_workshop",
    "update_workshop",
    "set_workshop_archived",
    "create_demo_workshop",
    "list_participants",
    "create_participant",
    "update_participant",
    "delete_participant",
    "restore_participant",
    "find_duplicates",
    "suggest_transliteration",
    "suggest_organisations",
    "workshop_summary",
    "participant_history",
    "mark_participant_reviewed",
    "list_backups",
    "create_backup",
    "restore_backup",
    "attendance_grid",
    "mark_attendance",
    "mark_attendance_many",
    "badge_sheet",
    "sign_in_sheet",
    "kiosk_pin_is_set",
    "choose_kiosk_pin",
    "start_kiosk",
    "kiosk_status",
    "kiosk_countries",
    "kiosk_search",
    "kiosk_sign_in",
    "kiosk_register",
    "kiosk_unlock",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!(
            "tauri-build failed (check tauri.conf.json, the capabilities and the icons): {error:#}"
        );
    }
}
