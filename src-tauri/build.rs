//! Every app command is a permission (`allow-<command>`), granted per window by the
//! capabilities in `capabilities/`: a window gets only the commands its capability lists.

/// Keep in step with `tauri::generate_handler!` in `src/lib.rs` and `permissions/facilitator.toml`.
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
    "list_backups",
    "create_backup",
    "restore_backup",
    "attendance_grid",
    "mark_attendance",
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
