//! The attendance grid: the facilitator marks and unmarks cells by hand, the totals follow, and the
//! marks are still there after a restart.

use crate::harness::App;
use serde_json::Value;

/// The first cell (first slot) of the participant on row `{row}` (1-based).
const CELL: &str =
    "[data-testid=\"attendance-row\"]:nth-child({row}) [data-testid=\"attendance-cell\"]";

fn cell(row: usize) -> String {
    CELL.replace("{row}", &row.to_string())
}

/// Goes to the Attendance screen of the open workshop and waits for its grid.
async fn open_attendance(app: &App) {
    app.click("nav-attendance").await;
    app.wait_for("attendance-grid").await;
    app.wait_for_count("attendance-row", 18).await;
}

/// `aria-pressed` of the first cell of participant `row` (1-based).
async fn pressed(app: &App, row: usize) -> Option<String> {
    app.js(
        "const c = document.querySelector(arguments[0]); return c ? c.getAttribute('aria-pressed') : null;",
        vec![Value::String(cell(row))],
    )
    .await
    .as_str()
    .map(str::to_owned)
}

/// The text of the first totals cell (the first slot's total).
async fn first_total(app: &App) -> String {
    app.js(
        "const t = document.querySelector('[data-testid=\"attendance-totals\"] [data-testid=\"attendance-total\"]');
         return t ? t.textContent : null;",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// Waits until the first cell of `row` is `want` and the first total reads `total`.
async fn settled(app: &App, row: usize, want: &str, total: &str) {
    app.eventually(
        &format!("row {row}'s first cell aria-pressed={want} and a first total of {total}"),
        async || {
            (pressed(app, row).await.as_deref() == Some(want) && first_total(app).await == total)
                .then_some(())
        },
    )
    .await;
}

#[tokio::test]
async fn the_facilitator_marks_and_unmarks_attendance_by_hand() {
    let data = tempfile::tempdir().unwrap();
    crate::flows::seed_demo_before_its_week(data.path());
    let app = App::launch("attendance", data.path()).await;
    app.wait_for("participant-list").await;
    app.wait_for_count("participant-row", 18).await;

    open_attendance(&app).await;
    // The demo runs Monday to Friday with two sessions a day: ten slots.
    let shape = app
        .js(
            "const g = document.querySelector('[data-testid=\"attendance-grid\"]');
             return [g.querySelectorAll('thead .attendance-session').length,
                     g.querySelectorAll('thead .attendance-day').length,
                     g.querySelector('[data-testid=\"attendance-row\"]').querySelectorAll('[data-testid=\"attendance-cell\"]').length,
                     g.querySelectorAll('[data-testid=\"attendance-totals\"] [data-testid=\"attendance-total\"]').length,
                     g.querySelector('thead .attendance-day').textContent,
                     g.querySelector('thead .attendance-session').textContent];",
            vec![],
        )
        .await;
    assert_eq!(shape[0], 10, "ten session columns: {shape:?}");
    assert_eq!(shape[1], 5, "five days: {shape:?}");
    assert_eq!(shape[2], 10, "ten cells a row: {shape:?}");
    assert_eq!(shape[3], 10, "ten totals: {shape:?}");
    assert!(
        shape[4].as_str().unwrap_or_default().starts_with("Mon"),
        "the first day is a Monday: {shape:?}"
    );
    assert_eq!(shape[5], "Morning", "{shape:?}");
    assert_eq!(pressed(&app, 1).await.as_deref(), Some("false"));
    assert_eq!(first_total(&app).await, "0");
    app.screenshot("01-empty-grid").await;

    // Mark the first participant in the first slot.
    app.click_css(&cell(1)).await;
    settled(&app, 1, "true", "1").await;
    // The cell keeps the focus through the re-render.
    assert_eq!(
        app.focused_testid().await.as_deref(),
        Some("attendance-cell")
    );
    let marked = app
        .js(
            "const c = document.querySelector(arguments[0]); return [c.dataset.how, c.getAttribute('aria-label')];",
            vec![Value::String(cell(1))],
        )
        .await;
    assert_eq!(marked[0], "facilitator", "marked by hand: {marked:?}");
    let label = marked[1].as_str().unwrap_or_default();
    assert!(
        label.contains("Monday") && label.contains("Morning"),
        "the cell's label names the day and session: {label:?}"
    );
    app.screenshot("02-one-marked").await;

    // A second participant in the same slot: 2.
    app.click_css(&cell(2)).await;
    settled(&app, 2, "true", "2").await;

    // Unmark the first: 1 again.
    app.click_css(&cell(1)).await;
    settled(&app, 1, "false", "1").await;
    assert_eq!(pressed(&app, 2).await.as_deref(), Some("true"));
    app.screenshot("03-one-unmarked").await;
    app.quit().await;

    // Relaunch on the same data: the remaining mark and total are still there.
    let app = App::launch("attendance", data.path()).await;
    app.wait_for("participant-list").await;
    open_attendance(&app).await;
    settled(&app, 2, "true", "1").await;
    assert_eq!(pressed(&app, 1).await.as_deref(), Some("false"));
    app.screenshot("04-after-restart").await;
    app.quit().await;
}

/// `[aria-pressed, data-reason, title]` of a cell.
async fn cell_state(app: &App, css: &str) -> Value {
    app.js(
        "const c = document.querySelector(arguments[0]);
         return [c.getAttribute('aria-pressed'), c.dataset.reason ?? null, c.title, c.classList.contains('is-late')];",
        vec![Value::String(css.to_owned())],
    )
    .await
}

#[tokio::test]
async fn a_late_entry_for_a_session_already_over_asks_for_its_reason() {
    let data = tempfile::tempdir().unwrap();
    let today = chrono::Local::now().date_naive();
    crate::flows::seed_workshop_from_yesterday(data.path(), today);
    let app = App::launch("attendance-late", data.path()).await;
    app.wait_for_count("participant-row", 3).await;
    app.click("nav-attendance").await;
    app.wait_for("attendance-grid").await;
    app.wait_for_count("attendance-row", 3).await;

    // Yesterday morning is over: marking it asks why, and a reason is required.
    let yesterday_morning = cell(1);
    app.click_css(&yesterday_morning).await;
    app.wait_for("late-reason-dialog").await;
    let lead = app.text("late-reason-dialog").await;
    assert!(lead.contains("already over"), "{lead}");
    app.click("late-reason-save").await;
    assert_eq!(
        app.text("error-reason").await,
        "Give the reason for this late entry"
    );
    app.screenshot("late-reason-required").await;
    // Cancelling leaves the cell as it was.
    app.click("late-reason-cancel").await;
    app.wait_gone("late-reason-dialog").await;
    assert_eq!(cell_state(&app, &yesterday_morning).await[0], "false");

    // Again, with one of the common reasons, adjusted by hand.
    app.click_css(&yesterday_morning).await;
    app.wait_for("late-reason-dialog").await;
    app.click("late-reason-kioskDown").await;
    assert_eq!(app.value("late-reason").await, "The kiosk was not running");
    app.type_text("late-reason", " (power cut)").await;
    app.screenshot("late-reason-dialog").await;
    app.click("late-reason-save").await;
    app.wait_gone("late-reason-dialog").await;
    let reason = "The kiosk was not running (power cut)";
    let marked = app
        .eventually("the late mark in the grid", async || {
            let state = cell_state(&app, &yesterday_morning).await;
            (state[0] == "true").then_some(state)
        })
        .await;
    assert_eq!(marked[1], reason, "{marked}");
    assert!(
        marked[2]
            .as_str()
            .unwrap_or_default()
            .ends_with(&format!("Late entry: {reason}")),
        "{marked}"
    );
    assert_eq!(marked[3], true, "the late marker shows: {marked}");
    app.screenshot("late-entry-marked").await;

    // The last session of the workshop is still to come: marked at once, no question.
    let last_slot = "[data-testid=\"attendance-row\"]:nth-child(2) td:last-child [data-testid=\"attendance-cell\"]";
    app.click_css(last_slot).await;
    let on_time = app
        .eventually("the last session marked", async || {
            let state = cell_state(&app, last_slot).await;
            (state[0] == "true").then_some(state)
        })
        .await;
    assert_eq!(app.count("late-reason-dialog").await, 0);
    assert_eq!(on_time[1], Value::Null, "{on_time}");
    assert_eq!(on_time[3], false, "{on_time}");
    app.quit().await;

    // The reason is in the database, with the mark.
    #[allow(clippy::disallowed_methods)] // reading back only
    let db = workshop_core::Database::open(
        &workshop_core::paths::database_file(data.path()),
        chrono::Utc::now(),
    )
    .unwrap();
    let saved: Vec<(String, String)> = db
        .conn()
        .prepare("SELECT method, reason FROM attendance WHERE deleted_at IS NULL ORDER BY day")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        saved,
        [
            ("facilitator".to_owned(), reason.to_owned()),
            ("facilitator".to_owned(), String::new())
        ]
    );
}
