//! The desktop shell of Workshop Desk: it opens the database, wires the commands and opens the
//! window. Everything a user can do lives in `workshop-core`; see ARCHITECTURE.md.

mod capture;
mod commands;
mod consolidate;
mod exports;
mod imports;
mod startup;
mod state;
mod windows;

/// Starts the app; `main.rs` calls only this.
pub fn run() {
    let state = startup::open_state(std::env::args_os());
    let handler: fn(tauri::ipc::Invoke) -> bool = tauri::generate_handler![
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
        commands::mark_participant_reviewed,
        commands::list_backups,
        commands::create_backup,
        commands::restore_backup,
        commands::attendance_grid,
        commands::session_clock,
        commands::mark_attendance,
        commands::mark_attendance_many,
        commands::badge_sheet,
        commands::participant_list,
        commands::certificates,
        commands::set_certificate_options,
        commands::sign_in_sheet,
        commands::kiosk_pin_is_set,
        commands::choose_kiosk_pin,
        commands::start_kiosk,
        commands::kiosk_status,
        commands::kiosk_countries,
        commands::kiosk_search,
        commands::kiosk_sign_in,
        commands::kiosk_register,
        commands::kiosk_unlock,
        capture::list_groupings,
        capture::suggest_groups,
        capture::create_grouping,
        capture::rename_grouping,
        capture::delete_grouping,
        capture::add_group,
        capture::rename_group,
        capture::delete_group,
        capture::assign_to_group,
        capture::group_choices,
        capture::list_boards,
        capture::get_board,
        capture::create_board,
        capture::update_board,
        capture::delete_board,
        capture::add_note,
        capture::add_heading,
        capture::edit_note,
        capture::set_note_raised_by,
        capture::set_note_votes,
        capture::move_note,
        capture::set_note_heading,
        capture::merge_notes,
        capture::delete_note,
        capture::compare_boards,
        capture::note_history,
        capture::list_plans,
        capture::create_plan,
        capture::create_plan_with_action,
        capture::update_plan,
        capture::delete_plan,
        capture::add_action,
        capture::update_action,
        capture::delete_action,
        capture::move_action,
        capture::link_action_note,
        capture::unlink_action_note,
        capture::actions_of_note,
        capture::action_themes,
        capture::plans_rollup,
        capture::action_history,
        capture::undo_state,
        capture::undo,
        capture::redo,
        capture::open_presentation,
        capture::present_board,
        capture::board_stamp,
        exports::export_target,
        exports::choose_export_path,
        exports::export_workbook,
        exports::show_in_folder,
        consolidate::consolidate_target,
        consolidate::choose_consolidate_files,
        consolidate::consolidate_workbooks,
        imports::recent_workbooks,
        imports::choose_import_file,
        imports::preview_import,
        imports::apply_import,
    ];
    let builder = tauri::Builder::default()
        .manage(state)
        // The save dialog of "Export report…", opened from Rust only: no window may call it.
        .plugin(tauri_plugin_dialog::init())
        .setup(startup::setup)
        .on_window_event(windows::on_window_event)
        // Behind the capabilities, a second lock: every call is checked against the label of
        // the window it came from.
        .invoke_handler(move |invoke| {
            let window = invoke.message.webview_ref().label().to_string();
            match windows::gate(&window, invoke.message.command()) {
                Ok(()) => handler(invoke),
                Err(error) => {
                    invoke.resolver.reject(error);
                    true
                }
            }
        });
    if let Err(error) = builder.run(tauri::generate_context!()) {
        eprintln!("Workshop Desk could not start: {error}");
        std::process::exit(1);
    }
}
