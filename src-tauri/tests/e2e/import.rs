//! "Import workbook…" through the window: a new laptop receives a workshop as a full transfer
//! (preview, import, then the participants, attendance, boards and plans are there), and later
//! merges a second workbook in which both laptops changed the same participant, keeping its own
//! value for the conflict.

use crate::harness::App;
use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use std::path::Path;
use uuid::Uuid;
use workshop_core::participant;
use workshop_core::workbook::{self, ExportOptions, Profile};
use workshop_core::{Database, demo, exports, paths};

/// Wednesday noon of the demo's week: Monday and Tuesday carry sign-ins.
fn midweek() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-25T12:00:00Z")
        .unwrap()
        .to_utc()
}

fn export_full(db: &Database, workshop: Uuid, file: &Path, now: DateTime<Utc>) {
    let options = ExportOptions {
        profile: Profile::FullTransfer,
        now,
    };
    workbook::export(db, workshop, &options, file, &mut |_| {}).unwrap();
}

#[tokio::test]
async fn a_full_transfer_is_previewed_imported_and_merged_again_with_a_conflict_settled_in_the_window()
 {
    let source = tempfile::tempdir().unwrap();
    let target = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap(); // the USB stick's folder
    let mut laptop_a = Database::open(&paths::database_file(source.path()), midweek()).unwrap();
    let workshop = demo::create(&mut laptop_a, 24, 11, midweek()).unwrap();
    let first = stick.path().join("Kathmandu full transfer.xlsx");
    export_full(
        &laptop_a,
        workshop.id,
        &first,
        midweek() + Duration::minutes(5),
    );
    {
        // The new laptop remembers the stick's folder as where workbooks go.
        let db = Database::open(&paths::database_file(target.path()), midweek()).unwrap();
        exports::remember_folder(db.conn(), stick.path()).unwrap();
    }

    let app = App::launch("import", target.path()).await;
    app.wait_for("first-run").await;
    app.click("import-workbook").await;
    app.wait_for("import-dialog").await;
    app.wait_for_count("import-candidate", 1).await;
    app.screenshot("01-choose").await;
    app.click("import-candidate").await;
    app.wait_for("import-counts").await;
    assert_eq!(
        app.text("import-file-name").await,
        "Kathmandu full transfer.xlsx"
    );
    assert!(app.text("import-kind").await.contains("New workshop"));
    let counts = app.text("import-counts").await;
    for sheet in ["Participants", "Sign-ins", "SWOT notes", "Actions"] {
        assert!(counts.contains(sheet), "{sheet} in {counts}");
    }
    assert!(app.find_shown("import-problems").await.is_none());
    app.screenshot("02-preview-new-workshop").await;
    app.click("import-apply").await;
    app.wait_for("import-outcome").await;
    assert!(app.text("import-backup").await.contains("before-import"));
    app.screenshot("03-imported").await;
    app.click("import-open-workshop").await;
    app.wait_gone("import-dialog").await;

    // Everything came across: people, their sign-ins, the boards and the plans.
    app.wait_for_count("participant-row", 24).await;
    app.click("nav-attendance").await;
    app.wait_for("attendance-grid").await;
    let present = app
        .count_css("[data-testid=attendance-cell].is-present")
        .await;
    let signed_in: i64 = laptop_a
        .conn()
        .query_row(
            "SELECT count(*) FROM attendance WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(signed_in > 0);
    assert_eq!(present as i64, signed_in, "every sign-in is in the grid");
    app.click("nav-boards").await;
    app.wait_for("board-list").await;
    let boards = laptop_a
        .conn()
        .query_row(
            "SELECT count(*) FROM board WHERE deleted_at IS NULL",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap();
    app.wait_for_count("board-item", boards as usize).await;
    app.click("nav-plans").await;
    let plans = laptop_a
        .conn()
        .query_row(
            "SELECT count(*) FROM action_plan WHERE deleted_at IS NULL",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap();
    app.wait_for_count("plan-card", plans as usize).await;

    // Both laptops now change the same participant's organisation; the other laptop's change
    // is the later one, but this laptop keeps its own.
    let person = participant::list(&laptop_a, workshop.id, "", false).unwrap()[0].clone();
    let mut ours = person.input();
    ours.organisation = "Nepal Trade Union Congress".into();
    app.invoke(
        "update_participant",
        json!({ "id": person.id, "input": ours }),
    )
    .await;
    let mut theirs = person.input();
    theirs.organisation = "GEFONT".into();
    #[allow(clippy::disallowed_methods)] // the other laptop changes it after this one
    let later = Utc::now() + Duration::minutes(1);
    participant::update(&mut laptop_a, person.id, &theirs, later).unwrap();
    let second = stick.path().join("Kathmandu second exchange.xlsx");
    export_full(
        &laptop_a,
        workshop.id,
        &second,
        later + Duration::minutes(1),
    );

    app.js("location.hash = '#/workshops'", vec![]).await;
    app.wait_for("workshop-list").await;
    app.click("import-workbook").await;
    app.wait_for("import-dialog").await;
    app.wait_for_count("import-candidate", 2).await;
    app.click_css(&format!(
        "[data-testid=import-candidate][data-path=\"{}\"]",
        second.display()
    ))
    .await;
    app.wait_for("import-conflicts").await;
    assert!(app.text("import-kind").await.contains("Merges"));
    assert_eq!(app.count("import-conflict").await, 1);
    let conflict = app.text("import-conflict").await;
    assert!(
        conflict.contains("Nepal Trade Union Congress"),
        "{conflict}"
    );
    assert!(conflict.contains("GEFONT"), "{conflict}");
    let theirs_checked = app
        .js(
            "return document.querySelector('[data-testid=import-keep-theirs]').checked",
            vec![],
        )
        .await;
    assert_eq!(theirs_checked, json!(true), "the later change is proposed");
    app.click("import-keep-ours").await;
    app.screenshot("04-conflict").await;
    app.click("import-apply").await;
    app.wait_for("import-outcome").await;
    app.click("import-close").await;
    app.wait_gone("import-dialog").await;

    let kept = app
        .invoke(
            "list_participants",
            json!({ "workshopId": workshop.id, "query": "", "deleted": false }),
        )
        .await;
    let organisation = kept
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == json!(person.id))
        .map(|p| p["organisation"].clone());
    assert_eq!(organisation, Some(json!("Nepal Trade Union Congress")));

    // The same workbook once more: nothing left to import.
    app.click("import-workbook").await;
    app.wait_for("import-dialog").await;
    app.wait_for_count("import-candidate", 2).await;
    app.click_css(&format!(
        "[data-testid=import-candidate][data-path=\"{}\"]",
        second.display()
    ))
    .await;
    app.wait_for("import-nothing").await;
    app.click("import-cancel").await;
    app.wait_gone("import-dialog").await;
    app.quit().await;
}
