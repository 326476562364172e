// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    // Internal: an import re-runs this executable to read its workbook in a child process with
    // memory and time limits (`--read-workbook FILE`); that run reads one file and exits.
    if let Some(code) = workshop_core::import::child::serve_if_asked() {
        return code;
    }
    workshop_desk_lib::run();
    std::process::ExitCode::SUCCESS
}
