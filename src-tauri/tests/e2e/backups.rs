//! Backups: the start-up snapshot is listed, one is taken by hand, and restoring it brings back a
//! participant deleted since.

use crate::flows;
use crate::harness::{App, sel};
use serde_json::Value;

/// One row of the backup list: its file and the reason as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BackupRow {
    file: String,
    reason: String,
}

async fn backup_rows(app: &App) -> Vec<BackupRow> {
    let rows = app
        .js(
            "return [...document.querySelectorAll('[data-testid=\"backup-row\"]')]
               .map(r => [r.dataset.file, r.querySelector('.tag-reason').textContent]);",
            vec![],
        )
        .await;
    rows.as_array()
        .map(|a| {
            a.iter()
                .map(|r| BackupRow {
                    file: r[0].as_str().unwrap_or_default().to_owned(),
                    reason: r[1].as_str().unwrap_or_default().to_owned(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Goes to the Backups screen and waits for its list.
async fn open_backups(app: &App) {
    app.click("nav-backups").await;
    app.wait_for("backup-list").await;
    app.wait_for("backup-now").await;
}

/// Goes back to the open workshop's participants and waits for `n` rows.
async fn open_participants(app: &App, n: usize) {
    app.click("nav-participants").await;
    app.wait_for("participant-list").await;
    app.wait_for_count("participant-row", n).await;
}

#[tokio::test]
async fn backups_are_listed_taken_and_restored() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch("backups", data.path()).await;

    app.click("open-demo").await;
    app.wait_for("participant-list").await;
    app.wait_for_count("participant-row", 18).await;

    // The start-up backup is taken in the background: if the list was drawn before it was
    // written, come back to the screen until it is there.
    open_backups(&app).await;
    let rows = app
        .eventually("the start-up backup to be listed", async || {
            let rows = backup_rows(&app).await;
            if rows.iter().any(|r| r.reason == "At start-up") {
                return Some(rows);
            }
            open_participants(&app, 18).await;
            open_backups(&app).await;
            None
        })
        .await;
    let before = rows.len();
    app.screenshot("01-list").await;

    // Back up now: one more row, "By hand".
    app.click("backup-now").await;
    app.wait_for_count("backup-row", before + 1).await;
    let rows = backup_rows(&app).await;
    let manual: Vec<&BackupRow> = rows.iter().filter(|r| r.reason == "By hand").collect();
    assert_eq!(manual.len(), 1, "one backup taken by hand: {rows:?}");
    let manual = manual[0].clone();
    assert!(
        manual.file.ends_with(".sqlite3") && manual.file.contains("manual"),
        "the manual backup's file: {:?}",
        manual.file
    );
    app.screenshot("02-taken-by-hand").await;

    // Delete one participant: 17 left.
    open_participants(&app, 18).await;
    let gone = app.participant_names().await[0].clone();
    app.click("participant-delete").await;
    app.wait_for_count("participant-row", 17).await;
    flows::summary_with_total(&app, 17).await;
    assert!(
        !app.participant_names().await.contains(&gone),
        "{gone:?} was deleted"
    );

    // Restore the backup taken by hand, after the confirmation.
    open_backups(&app).await;
    let restore = format!(
        "{}[data-file=\"{}\"] {}",
        sel("backup-row"),
        manual.file,
        sel("backup-restore")
    );
    app.click_css(&restore).await;
    app.wait_for("backup-restore-confirm").await;
    let dialog = app
        .js(
            "const d = document.querySelector('dialog.dialog-confirm');
             return d ? [d.open, d.textContent] : null;",
            vec![],
        )
        .await;
    assert_eq!(
        dialog[0],
        Value::Bool(true),
        "the dialog is open: {dialog:?}"
    );
    let dialog_text = dialog[1].as_str().unwrap_or_default();
    assert!(
        dialog_text.contains("Restore this backup?") && dialog_text.contains("By hand"),
        "the confirmation names the backup: {dialog_text:?}"
    );
    // The safe answer has the focus.
    assert_eq!(
        app.focused_testid().await.as_deref(),
        Some("confirm-cancel")
    );
    app.screenshot("03-confirm-restore").await;
    app.click("backup-restore-confirm").await;
    app.wait_gone("backup-restore-confirm").await;

    // The app goes back to the participants: all 18 again.
    app.wait_for("participant-list").await;
    app.wait_for_count("participant-row", 18).await;
    flows::summary_with_total(&app, 18).await;
    assert!(
        app.participant_names().await.contains(&gone),
        "{gone:?} is back"
    );
    app.screenshot("04-restored").await;

    // The state before the restore was kept as a backup of its own.
    open_backups(&app).await;
    app.wait_for_count("backup-row", before + 2).await;
    let rows = backup_rows(&app).await;
    assert!(
        rows.iter().any(|r| r.reason == "Before a restore"),
        "a backup of the state before the restore: {rows:?}"
    );
    app.screenshot("05-list-after-restore").await;

    app.quit().await;
}
