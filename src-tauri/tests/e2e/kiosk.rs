//! The sign-in kiosk through the real windows: the facilitator starts it (choosing the PIN), a
//! participant finds their name by its Latin spelling and signs in, signs in again and is told so
//! kindly, a badge scan signs someone in at once, a walk-in registers, the kiosk window is refused
//! facilitator commands, a wrong PIN is refused and the right one brings the facilitator back to
//! a grid and a list that show it all.

use crate::harness::App;
use chrono::{Datelike, Local};
use serde_json::{Value, json};
use std::time::Duration;

const PIN: &str = "246810";
/// WebDriver's Enter key.
const ENTER: &str = "\u{E007}";

async fn search(app: &App, text: &str) {
    app.clear("kiosk-search").await;
    app.type_text("kiosk-search", text).await;
}

async fn message(app: &App) -> (String, String) {
    app.wait_for("kiosk-message").await;
    let kind = app
        .js(
            "return document.querySelector('[data-testid=\"kiosk-message\"]').dataset.kind;",
            vec![],
        )
        .await;
    (
        kind.as_str().unwrap_or_default().to_owned(),
        app.text("kiosk-message-title").await,
    )
}

#[tokio::test]
async fn a_participant_signs_in_at_the_kiosk_and_the_facilitator_sees_it() {
    let data = tempfile::tempdir().unwrap();
    let today = Local::now().date_naive();
    let badge = crate::flows::seed_workshop_from_yesterday(data.path(), today);
    let app = App::launch("kiosk", data.path()).await;
    app.wait_for_count("participant-row", 3).await;

    // The facilitator starts the kiosk: the first time, a PIN is chosen; today's afternoon is
    // fixed so the test does not depend on the hour.
    app.click("start-kiosk").await;
    app.wait_for("kiosk-start-dialog").await;
    app.type_text("kiosk-new-pin", PIN).await;
    app.type_text("kiosk-new-pin-again", PIN).await;
    app.select("kiosk-session", "2").await;
    app.click("kiosk-start").await;

    let kiosk = crate::flows::window_with(&app, "kiosk.html").await;
    app.client().switch_to_window(kiosk.clone()).await.unwrap();
    app.wait_for("kiosk-search").await;
    assert_eq!(
        app.text("kiosk-title").await,
        crate::flows::FROM_YESTERDAY_TITLE
    );
    assert_eq!(app.text("kiosk-session").await, "Day 2 · Afternoon");
    let full_screen = app
        .js(
            "return [window.innerWidth, window.innerHeight, screen.width, screen.height];",
            vec![],
        )
        .await;
    assert_eq!(full_screen[0], full_screen[2], "full width: {full_screen}");
    assert_eq!(full_screen[1], full_screen[3], "full height: {full_screen}");

    // Two letters show nothing; three letters of the Latin spelling find the Devanagari name,
    // with the organisation and nothing else about her.
    search(&app, "si").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.count("kiosk-result").await, 0);
    search(&app, "sita").await;
    app.wait_for_count("kiosk-result", 1).await;
    let shown = app.text("kiosk-results").await;
    assert!(
        shown.contains("सीता शर्मा") && shown.contains("GEFONT"),
        "{shown}"
    );
    let page = app
        .js("return document.body.innerText;", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned();
    for private in ["gefont.example", "+977", "Vegetarian", "Woman", "Nepal"] {
        assert!(
            !page.contains(private),
            "{private:?} shown at the kiosk:\n{page}"
        );
    }
    app.screenshot("search").await;

    app.click("kiosk-result").await;
    app.wait_for("kiosk-confirm").await;
    assert_eq!(app.text("kiosk-confirm-name").await, "सीता शर्मा");
    app.screenshot("confirm").await;
    app.click("kiosk-confirm-yes").await;
    let weekday_and_date = format!(
        "{} {} {}",
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday"
        ][today.weekday().num_days_from_monday() as usize],
        today.day(),
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December"
        ][today.month0() as usize]
    );
    let (kind, title) = message(&app).await;
    assert_eq!(kind, "success");
    assert_eq!(
        title,
        format!("Signed in for Day 2, {weekday_and_date}, afternoon")
    );
    app.screenshot("signed-in").await;
    app.click("kiosk-done").await;

    // Again: recorded once, and said kindly.
    search(&app, "sita").await;
    app.wait_for_count("kiosk-result", 1).await;
    app.click("kiosk-result").await;
    app.click("kiosk-confirm-yes").await;
    let (kind, title) = message(&app).await;
    assert_eq!(kind, "info");
    assert_eq!(title, "सीता शर्मा, you are already signed in");
    app.click("kiosk-done").await;

    // A badge scanner types the code and Enter: signed in at once, no question asked.
    app.wait_for("kiosk-search").await;
    app.type_text("kiosk-search", &badge.to_lowercase()).await;
    app.type_keys("kiosk-search", ENTER).await;
    let (kind, title) = message(&app).await;
    assert_eq!(
        (kind.as_str(), title.starts_with("Signed in for Day 2")),
        ("success", true)
    );
    assert_eq!(
        app.text("kiosk-message-detail").await,
        "Welcome, สมชาย ใจดี!"
    );
    app.click("kiosk-done").await;

    // The kiosk window cannot call facilitator commands: Tauri's capability refuses them, and
    // the UI's API layer reports that as `forbidden`.
    let refused = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             import('./js/api.js').then((api) =>
               window.__TAURI__.core.invoke('list_participants', { workshopId: '00000000-0000-0000-0000-000000000000', query: '', deleted: false })
                 .then((v) => done({ leaked: v }), (raw) => done({ raw, normalised: api.normalizeError(raw) })));",
            vec![],
        )
        .await
        .unwrap();
    assert!(refused.get("leaked").is_none(), "{refused}");
    assert_eq!(refused["normalised"]["code"], "forbidden", "{refused}");
    for command in [
        "participant_history",
        "create_backup",
        "start_kiosk",
        "attendance_grid",
    ] {
        let answer = app.invoke(command, json!({})).await;
        assert!(
            answer["error"].to_string().contains("not allowed"),
            "{command}: {answer}"
        );
    }

    // "I am not on the list": a walk-in registers and is signed in.
    app.click("kiosk-not-on-list").await;
    app.wait_for("kiosk-walkin").await;
    app.click("kiosk-walkin-submit").await;
    app.wait_for("kiosk-error-fullName").await;
    app.type_text("kiosk-walkin-name", "王芳").await;
    app.click("kiosk-walkin-sex-woman").await;
    crate::flows::choose_country(&app, "kiosk-walkin-country", "China", "CN").await;
    app.type_text("kiosk-walkin-organisation", "ACFTU").await;
    app.screenshot("walk-in").await;
    app.click("kiosk-walkin-submit").await;
    let (kind, title) = message(&app).await;
    assert_eq!(
        (kind.as_str(), title.starts_with("Signed in for Day 2")),
        ("success", true)
    );
    app.click("kiosk-done").await;

    // Her name has two characters: one is not enough to search (the hint stays, no "no match"),
    // both find her.
    app.wait_for("kiosk-search").await;
    search(&app, "王").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.count("kiosk-result").await, 0);
    assert_eq!(app.count("kiosk-no-match").await, 0);
    search(&app, "王芳").await;
    app.wait_for_count("kiosk-result", 1).await;
    let shown = app.text("kiosk-results").await;
    assert!(shown.contains("王芳") && shown.contains("ACFTU"), "{shown}");

    // Closing the kiosk as a window manager does on Alt+F4 (Xvfb has none, so a helper sends
    // its WM_DELETE_WINDOW) is refused: the same page stays, and says why.
    app.wait_for("kiosk-search").await;
    app.js("window.__sameKioskPage = true; return true;", vec![])
        .await;
    assert_eq!(crate::flows::ask_window_to_close("sign in"), 1);
    let (kind, title) = message(&app).await;
    assert_eq!(
        (kind.as_str(), title.as_str()),
        ("info", "This screen stays open")
    );
    assert_eq!(
        app.js("return window.__sameKioskPage === true;", vec![])
            .await,
        Value::Bool(true),
        "the kiosk was closed and opened again instead of staying"
    );
    app.screenshot("close-refused").await;
    app.click("kiosk-done").await;

    // Leaving: a wrong PIN is refused, the right one brings back the facilitator's window.
    app.click("kiosk-exit").await;
    app.type_text("kiosk-pin", "111111").await;
    app.type_keys("kiosk-pin", ENTER).await;
    app.wait_for("kiosk-pin-error").await;
    assert_eq!(app.text("kiosk-pin-error").await, "That is not the PIN.");
    app.screenshot("wrong-pin").await;
    app.type_text("kiosk-pin", PIN).await;
    app.type_keys("kiosk-pin", ENTER).await;
    let main = crate::flows::window_with(&app, "index.html").await;
    app.eventually("the kiosk window to be gone", async || {
        let windows = app.client().windows().await.ok()?;
        (windows.len() == 1).then_some(())
    })
    .await;
    app.client().switch_to_window(main).await.unwrap();

    // The walk-in is flagged, with the review box; the grid has today's afternoon marks.
    app.wait_for_count("participant-row", 4).await;
    assert_eq!(app.count("walk-in-flag").await, 1);
    app.click("walk-in-flag").await;
    app.wait_for("walk-in-review").await;
    app.screenshot("walk-in-review").await;
    app.click("mark-reviewed").await;
    app.wait_gone("walk-in-review").await;
    app.click("participant-cancel").await;
    app.eventually("the walk-in flag to go", async || {
        (app.count("walk-in-flag").await == 0).then_some(())
    })
    .await;

    app.click("nav-attendance").await;
    app.wait_for("attendance-grid").await;
    let marks: Value = app
        .js(
            "return [...document.querySelectorAll('[data-testid=\"attendance-row\"]')].map((row) =>
               [row.querySelector('[data-testid=\"attendance-name\"], th')?.textContent ?? '',
                [...row.querySelectorAll('[data-testid=\"attendance-cell\"]')].map((c) => c.getAttribute('aria-pressed'))]);",
            vec![],
        )
        .await;
    // Day 2's afternoon is the fourth slot; Lan never signed in.
    let rows = marks.as_array().unwrap();
    assert_eq!(rows.len(), 4, "{marks}");
    let signed: Vec<bool> = rows.iter().map(|r| r[1][3] == "true").collect();
    assert_eq!(signed.iter().filter(|s| **s).count(), 3, "{marks}");
    app.screenshot("grid").await;
    app.quit().await;
}
