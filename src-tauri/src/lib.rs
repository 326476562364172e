//! The desktop shell of Workshop Desk: it opens the database, wires the commands and opens the
//! window. Everything a user can do lives in `workshop-core`; see ARCHITECTURE.md.

mod commands;
mod startup;
mod state;

/// Starts the app; `main.rs` calls only this.
pub fn run() {
    let state = startup::open_state(std::env::args_os());
    let builder = tauri::Builder::default()
        .manage(state)
        .setup(startup::setup)
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::set_language,
            commands::list_countries,
            commands::list_workshops,
            commands::current_workshop,
            commands::open_workshop,
            commands::create_workshop,
            commands::update_workshop,
            commands::set_workshop_archived,
            commands::create_demo_workshop,
            commands::list_participants,
            commands::create_participant,
            commands::update_participant,
            commands::delete_participant,
            commands::restore_participant,
            commands::find_duplicates,
            commands::suggest_transliteration,
            commands::suggest_organisations,
            commands::workshop_summary,
            commands::participant_history,
            commands::list_backups,
            commands::create_backup,
            commands::restore_backup,
            commands::attendance_grid,
            commands::mark_attendance,
        ]);
    if let Err(error) = builder.run(tauri::generate_context!()) {
        eprintln!("Workshop Desk could not start: {error}");
        std::process::exit(1);
    }
}
