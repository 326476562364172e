//! Certificates of participation: who qualifies by the sessions attended (yesterday's two, taken
//! before the app starts), a name ticked or unticked by hand, the share lowered and a signature
//! line added (both kept for the workshop), the certificates printed in French from an English
//! interface, and every certificate fitting its page as it prints.

use crate::harness::App;
use crate::sheets::{emulate_print, strings};
use chrono::{Days, Local};
use serde_json::{Value, json};
use workshop_core::attendance::{self, Method, Slot};
use workshop_core::{Database, paths, workshop};

/// The three participants of the workshop that began yesterday: all three signed in yesterday
/// morning, Somchai not in the afternoon. Nobody is marked today.
fn seed(data_dir: &std::path::Path) {
    let today = Local::now().date_naive();
    crate::flows::seed_workshop_from_yesterday(data_dir, today);
    #[allow(clippy::disallowed_methods)] // the test sets up data "now", as the app would
    let now = chrono::Utc::now();
    let mut db = Database::open(&paths::database_file(data_dir), now).unwrap();
    let workshop = workshop::list(db.conn(), false).unwrap()[0].id;
    let grid = attendance::grid(db.conn(), workshop).unwrap();
    let yesterday = today - Days::new(1);
    let everyone: Vec<_> = grid.rows.iter().map(|r| r.participant_id).collect();
    let not_somchai: Vec<_> = grid
        .rows
        .iter()
        .filter(|r| r.full_name != "สมชาย ใจดี")
        .map(|r| r.participant_id)
        .collect();
    for (session, people) in [(1, &everyone), (2, &not_somchai)] {
        let slot = Slot {
            day: yesterday,
            session,
        };
        attendance::mark_many(&mut db, workshop, slot, people, Method::Facilitator, now).unwrap();
    }
}

/// The names on the certificates, in page order.
async fn certificate_names(app: &App) -> Vec<String> {
    strings(
        &app.js(
            "return [...document.querySelectorAll('[data-testid=\"certificate-name\"]')].map(n => n.textContent);",
            vec![],
        )
        .await,
    )
}

/// Waits until the certificates are those of `want` (in any order: the Latin spelling of the
/// Thai name decides where it sorts).
async fn wait_for_names(app: &App, want: &[&str]) {
    let mut want: Vec<&str> = want.to_vec();
    want.sort_unstable();
    app.eventually(&format!("the certificates of {want:?}"), async || {
        let mut names = certificate_names(app).await;
        names.sort();
        (names == want).then_some(())
    })
    .await;
}

/// Ticks or unticks the choice of the participant whose name is `name`.
async fn toggle(app: &App, name: &str) {
    let clicked = app
        .js(
            "const [name] = arguments;
             const item = [...document.querySelectorAll('[data-testid=\"certificate-choice\"]')]
               .find(box => box.closest('label').textContent.includes(name));
             if (!item) return false;
             item.click();
             return true;",
            vec![json!(name)],
        )
        .await;
    assert_eq!(clicked, Value::Bool(true), "a choice for {name}");
}

#[tokio::test]
async fn certificates_go_to_those_who_attended_enough_and_print_one_a_page() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    let app = App::launch("certificates", data.path()).await;
    app.wait_for_count("participant-row", 3).await;

    app.click("nav-attendance").await;
    app.wait_for("attendance-grid").await;
    app.click("open-certificates").await;
    app.wait_for("certificate-sheet").await;

    // Yesterday's two sessions are counted (today's, with nobody marked yet, is not): Somchai's
    // one of two is below 80 %.
    let counted = app.text("certificate-counted").await;
    assert!(counted.contains("2 sessions"), "{counted}");
    assert_eq!(
        app.text("certificate-qualified").await,
        "2 of 3 participants qualify."
    );
    assert_eq!(app.value("certificate-threshold").await, "80");
    wait_for_names(&app, &["Nguyễn Thị Lan", "सीता शर्मा"]).await;
    let below = app.text("certificate-below-group").await;
    assert!(
        below.contains("สมชาย ใจดี") && below.contains("1 of 2"),
        "{below}"
    );
    assert_eq!(
        app.text("certificate-count").await,
        "2 certificates · 2 A4 pages"
    );
    let latin = app.text("certificate-latin").await;
    assert!(
        !latin.is_empty(),
        "the Devanagari name has its Latin spelling under it"
    );
    let held = app.text("certificate-held").await;
    assert!(held.starts_with("held in Bangkok, Thailand, "), "{held}");
    app.screenshot("01-certificates").await;

    // Somchai's absence was excused: ticked by hand. Lan's certificate is not wanted today.
    toggle(&app, "สมชาย ใจดี").await;
    wait_for_names(&app, &["Nguyễn Thị Lan", "สมชาย ใจดี", "सीता शर्मा"]).await;
    toggle(&app, "Nguyễn Thị Lan").await;
    wait_for_names(&app, &["สมชาย ใจดี", "सीता शर्मा"]).await;
    toggle(&app, "Nguyễn Thị Lan").await;
    wait_for_names(&app, &["Nguyễn Thị Lan", "สมชาย ใจดี", "सीता शर्मा"]).await;

    // A share out of range is refused on its field; 50 % lets Somchai qualify.
    app.clear("certificate-threshold").await;
    app.type_keys("certificate-threshold", "150\t").await;
    app.wait_for("error-threshold").await;
    app.clear("certificate-threshold").await;
    app.type_keys("certificate-threshold", "50\t").await;
    app.wait_gone("error-threshold").await;
    app.eventually("all three to qualify", async || {
        (app.text("certificate-qualified").await == "3 of 3 participants qualify.").then_some(())
    })
    .await;
    assert_eq!(app.count("certificate-below-group").await, 0);

    // A signature line, saved when the field is left.
    app.type_text(
        "certificate-signatory",
        "Maria Helena André, Director, ACTRAV",
    )
    .await;
    app.keyboard("\t").await;
    app.eventually("the signature line on every certificate", async || {
        let lines = app
            .js(
                "return [...document.querySelectorAll('[data-testid=\"certificate\"]')]
                   .map(c => c.querySelector('[data-testid=\"certificate-signature\"]').textContent);",
                vec![],
            )
            .await;
        let lines = lines.as_array()?.clone();
        (lines.len() == 3
            && lines
                .iter()
                .all(|l| l.as_str() == Some("Maria Helena André, Director, ACTRAV")))
        .then_some(())
    })
    .await;

    // In French, from the English interface.
    app.select("certificate-language", "fr").await;
    app.eventually("the certificates in French", async || {
        (app.text("certificate-heading").await == "Certificat de participation").then_some(())
    })
    .await;
    let held = app.text("certificate-held").await;
    assert!(held.starts_with("tenu à Bangkok, Thaïlande, "), "{held}");
    assert_eq!(
        app.text("nav-attendance").await,
        "Attendance",
        "the interface stays English"
    );

    // The core refuses a share out of range on its own, on its field, whatever the window checks.
    let workshop = app.invoke("current_workshop", json!({})).await;
    let refused = app
        .invoke(
            "set_certificate_options",
            json!({ "workshopId": workshop["id"], "options": { "threshold": 150, "signatories": [] } }),
        )
        .await;
    assert_eq!(refused["error"]["code"], "out_of_range", "{refused}");
    assert_eq!(refused["error"]["field"], "threshold", "{refused}");

    // As it prints: one certificate a page, nothing spilling out of its frame. The pages are
    // held to the width of A4 less its margins, as on paper (the emulated print lets them take
    // the window's).
    emulate_print(&app, true).await;
    app.js(
        "for (const page of document.querySelectorAll('[data-testid=\"certificate\"]')) page.style.width = '186mm';",
        vec![],
    )
    .await;
    let fits = app
        .js(
            "return [...document.querySelectorAll('[data-testid=\"certificate\"]')].map((page, i, all) => {
               const frame = page.querySelector('.certificate-frame');
               const name = page.querySelector('[data-testid=\"certificate-name\"]');
               const fitsFrame = frame.scrollHeight <= frame.clientHeight + 1;
               const fitsName = name.scrollWidth <= name.clientWidth + 1;
               const breaks = i === all.length - 1 || getComputedStyle(page).breakAfter === 'page';
               return fitsFrame && fitsName && breaks;
             });",
            vec![],
        )
        .await;
    assert_eq!(
        fits,
        json!([true, true, true]),
        "every certificate fits its page"
    );
    app.screenshot("02-certificates-print").await;
    emulate_print(&app, false).await;

    // The share and the signature line are the workshop's: still there when the screen reopens.
    app.click("print-back").await;
    app.wait_for("attendance-grid").await;
    app.click("open-certificates").await;
    app.wait_for("certificate-sheet").await;
    assert_eq!(app.value("certificate-threshold").await, "50");
    assert_eq!(
        app.value("certificate-signatory").await,
        "Maria Helena André, Director, ACTRAV"
    );
    wait_for_names(&app, &["Nguyễn Thị Lan", "สมชาย ใจดี", "सीता शर्मा"]).await;
    app.quit().await;
}
