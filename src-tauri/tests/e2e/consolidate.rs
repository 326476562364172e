//! "Consolidate workbooks…" through the window: headquarters' folder of workbooks (two workshops,
//! one of them exported twice, and two text files named .xlsx) is proposed as it
//! was left by the last export; one file is taken off the list, the rest consolidated with its
//! progress, and the dialog says what was included (and that one workbook was corrected by hand
//! with a spreadsheet program), which export was dropped as a duplicate and which file was
//! skipped. The native dialogs are not opened: the proposal is what is used.

use crate::harness::{App, sel};
use chrono::{DateTime, Duration, Utc};
use std::path::Path;
use uuid::Uuid;
use workshop_core::import::RawWorkbook;
use workshop_core::workbook::{self, ExportOptions, Profile};
use workshop_core::{Database, consolidate, demo, exports, paths, summary};

fn midweek() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-25T12:00:00Z")
        .unwrap()
        .to_utc()
}

fn export(db: &Database, workshop: Uuid, file: &Path, now: DateTime<Utc>) {
    let options = ExportOptions {
        profile: Profile::Report,
        now,
    };
    workbook::export(db, workshop, &options, file, &mut |_| {}).unwrap();
}

/// A name corrected with openpyxl (`$PYTHON`, which scripts/test.sh provides, else `python3`).
fn correct_a_name(from: &Path, to: &Path) {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/tools/correct_a_name.py");
    let out = std::process::Command::new(&python)
        .arg(&script)
        .args([from.as_os_str(), to.as_os_str()])
        .arg(" (corrected)")
        .output()
        .unwrap_or_else(|e| panic!("{python} runs {}: {e}", script.display()));
    assert!(
        out.status.success(),
        "{}: {}",
        script.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test]
async fn workbooks_of_several_workshops_are_consolidated_from_the_window() {
    let data = tempfile::tempdir().unwrap();
    let hq = tempfile::tempdir().unwrap(); // the folder the workshops' reports were sent to
    let laptops = tempfile::tempdir().unwrap();

    // Two workshops on two laptops; the second exported on Wednesday and again on Thursday.
    let mut first =
        Database::open(&paths::database_file(&laptops.path().join("a")), midweek()).unwrap();
    let a = demo::create(&mut first, 20, 3, midweek()).unwrap();
    // Headquarters corrected a name in the first one with a spreadsheet program.
    let exported = laptops.path().join("Kathmandu A.xlsx");
    export(&first, a.id, &exported, midweek());
    correct_a_name(&exported, &hq.path().join("Kathmandu A.xlsx"));
    let mut second =
        Database::open(&paths::database_file(&laptops.path().join("b")), midweek()).unwrap();
    let b = demo::create(&mut second, 26, 4, midweek()).unwrap();
    export(
        &second,
        b.id,
        &hq.path().join("Kathmandu B (Wednesday).xlsx"),
        midweek(),
    );
    export(
        &second,
        b.id,
        &hq.path().join("Kathmandu B (Thursday).xlsx"),
        midweek() + Duration::days(1),
    );
    std::fs::write(hq.path().join("notes.xlsx"), "not a workbook").unwrap();
    std::fs::write(
        hq.path().join("minutes.xlsx"),
        "Minutes, renamed by mistake",
    )
    .unwrap();

    // The app's own data: a workshop (so that the list shows), and the last export's folder.
    {
        let mut db = Database::open(&paths::database_file(data.path()), midweek()).unwrap();
        demo::create_default(&mut db, midweek()).unwrap();
        exports::remember_folder(db.conn(), hq.path()).unwrap();
    }

    let app = App::launch("consolidate", data.path()).await;
    app.wait_for("participant-list").await;
    app.js("location.hash = '#/workshops'", vec![]).await;
    app.wait_for("workshop-list").await;
    app.click("consolidate-open").await;
    app.wait_for("consolidate-dialog").await;
    app.wait_for_count("consolidate-file", 5).await;
    let proposed = app.text("consolidate-path").await;
    assert!(
        proposed.starts_with(&hq.path().display().to_string())
            && proposed.contains("Consolidated report ")
            && proposed.ends_with(".xlsx"),
        "the consolidated workbook is proposed beside the workbooks: {proposed}"
    );
    app.screenshot("01-proposed").await;

    // "notes.xlsx" is taken off the list; "minutes.xlsx" stays, to be skipped.
    app.click_css(&format!(
        "{}[title$=\"notes.xlsx\"] {}",
        sel("consolidate-file"),
        sel("consolidate-remove")
    ))
    .await;
    app.wait_for_count("consolidate-file", 4).await;

    app.click("consolidate-start").await;
    app.wait_for("consolidate-outcome").await;
    app.screenshot("02-done").await;
    assert_eq!(
        app.text("consolidate-included").await,
        "2 workshops included"
    );
    let records = summary::summarize(first.conn(), a.id).unwrap().total
        + summary::summarize(second.conn(), b.id).unwrap().total;
    let people = app.text("consolidate-people").await;
    assert!(
        people.contains(&format!("({records} participant records;")),
        "{people}"
    );
    app.wait_for_count("consolidate-left-item", 2).await;
    let left_out = app.text("consolidate-left-out").await;
    assert!(
        left_out.contains("Kathmandu B (Wednesday).xlsx")
            && left_out.contains("Kathmandu B (Thursday).xlsx")
            && left_out.contains("minutes.xlsx")
            && left_out.contains("Not an Excel workbook."),
        "the older export is dropped for the newer one, and the text file skipped: {left_out}"
    );
    assert!(!left_out.contains("notes.xlsx"), "{left_out}");
    // The corrected workbook is in, and the dialog says it was changed by hand.
    assert_eq!(app.count("consolidate-edited-item").await, 1);
    let edited = app.text("consolidate-edited").await;
    assert!(
        edited.contains("Kathmandu A.xlsx") && edited.contains("changed: Participants."),
        "{edited}"
    );

    let written = app.text("consolidate-file-written").await;
    let file = hq.path().join(&written);
    assert_eq!(file.display().to_string(), proposed);
    let sheets: Vec<String> = RawWorkbook::read_in_process(&file)
        .unwrap()
        .sheets
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(
        sheets,
        [
            consolidate::sheet::SUMMARY,
            consolidate::sheet::PARTICIPANTS,
            consolidate::sheet::ATTENDANCE,
            consolidate::sheet::SWOT,
            consolidate::sheet::ACTION_PLANS,
            consolidate::sheet::ABOUT
        ]
    );
    let leftovers: Vec<String> = std::fs::read_dir(hq.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file: {leftovers:?}");

    app.click("consolidate-close").await;
    app.wait_gone("consolidate-dialog").await;

    // Next time the same folder is proposed, with every workbook in it again (notes.xlsx too),
    // but not the consolidated workbook the proposal would replace.
    app.click("consolidate-open").await;
    app.wait_for("consolidate-dialog").await;
    app.wait_for_count("consolidate-file", 5).await;
    assert_eq!(app.text("consolidate-path").await, proposed);
    app.click("consolidate-cancel").await;
    app.wait_gone("consolidate-dialog").await;

    // In French, the dialog speaks French (and fits).
    app.select("language-switch", "fr").await;
    app.wait_for("workshop-list").await;
    app.eventually("the button in French", async || {
        (app.text("consolidate-open").await == "Consolider des classeurs…").then_some(())
    })
    .await;
    app.click("consolidate-open").await;
    app.wait_for("consolidate-dialog").await;
    assert_eq!(app.text("consolidate-count").await, "5 fichiers");
    app.screenshot("03-french").await;
    app.click("consolidate-cancel").await;
    app.wait_gone("consolidate-dialog").await;
    app.quit().await;
}
