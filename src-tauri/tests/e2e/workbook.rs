//! The report workbook through the window: "Export report…" proposes a file named after the
//! workshop in the last export folder, says when a full transfer carries personal data, writes
//! the workbook with its progress, and shows where it went.

use crate::flows;
use crate::harness::App;
use workshop_core::import::RawWorkbook;
use workshop_core::{Database, exports, paths, workshop};

/// The names of a workbook's sheets, in order, as calamine reads them.
fn sheet_names(file: &std::path::Path) -> Vec<String> {
    RawWorkbook::read_in_process(file)
        .unwrap()
        .sheets
        .into_iter()
        .map(|sheet| sheet.name)
        .collect()
}

#[tokio::test]
async fn the_report_is_exported_from_the_window_with_its_profile_and_found_in_its_folder() {
    let data = tempfile::tempdir().unwrap();
    let reports = tempfile::tempdir().unwrap();
    flows::seed_demo_before_its_week(data.path());
    let expected_name = {
        #[allow(clippy::disallowed_methods)] // setting up before the app starts
        let db = Database::open(&paths::database_file(data.path()), chrono::Utc::now()).unwrap();
        exports::remember_folder(db.conn(), reports.path()).unwrap();
        let demo = workshop::current(db.conn()).unwrap().unwrap();
        exports::target(db.conn(), demo.id).unwrap().file_name
    };

    let app = App::launch("export", data.path()).await;
    app.wait_for("participant-list").await;
    app.wait_for_count("participant-row", 18).await;

    app.click("export-report").await;
    app.wait_for("export-dialog").await;
    let proposed = app.text("export-path").await;
    assert_eq!(
        proposed,
        reports.path().join(&expected_name).display().to_string(),
        "the report is proposed in the last export folder, named after the workshop"
    );
    assert!(
        app.find_shown("export-personal-data").await.is_none(),
        "the report profile carries no warning"
    );

    // A full transfer says that it carries everyone's personal data; back to the report.
    app.click("export-profile-full").await;
    app.wait_for("export-personal-data").await;
    app.screenshot("01-full-transfer").await;
    app.click("export-profile-report").await;
    app.wait_gone("export-personal-data").await;
    app.screenshot("02-report").await;

    app.click("export-start").await;
    app.wait_for("export-outcome").await;
    app.screenshot("03-done").await;
    assert_eq!(app.text("export-file").await, expected_name);

    let file = reports.path().join(&expected_name);
    let sheets = sheet_names(&file);
    assert_eq!(
        sheets.first().map(String::as_str),
        Some("Summary"),
        "{sheets:?}"
    );
    assert_eq!(
        sheets.last().map(String::as_str),
        Some("About this file"),
        "{sheets:?}"
    );
    for sheet in ["Participants", "Attendance", "SWOT", "Action plans"] {
        assert!(sheets.iter().any(|s| s == sheet), "{sheet} in {sheets:?}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(reports.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "only the report, no temporary file: {leftovers:?}"
    );

    app.click("export-close").await;
    app.wait_gone("export-dialog").await;

    // The next export proposes the same folder again.
    app.click("export-report").await;
    app.wait_for("export-dialog").await;
    assert_eq!(app.text("export-path").await, file.display().to_string());
    app.click("export-cancel").await;
    app.wait_gone("export-dialog").await;
    app.quit().await;
}
