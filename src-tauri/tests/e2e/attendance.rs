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
