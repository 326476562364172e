//! The main path: a facilitator creates a workshop and registers three participants whose
//! names are written in three scripts, one of them without touching the mouse.

use crate::flows::{self, KATHMANDU, LAN, MAZEN, SITA};
use crate::harness::App;
use fantoccini::key::Key;

#[tokio::test]
async fn a_facilitator_sets_up_a_workshop_and_registers_three_participants() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch("registration", data.path()).await;

    // The workshop, through its form.
    flows::create_workshop(&app, KATHMANDU).await;
    assert_eq!(app.value("workshop-country").await, "Nepal");
    app.screenshot("01-workshop-form").await;
    flows::save_workshop(&app).await;
    let heading = app
        .eventually("the workshop's title as the heading", async || {
            let title: String = app
                .js("return document.querySelector('h1').textContent;", vec![])
                .await
                .as_str()
                .unwrap_or_default()
                .to_owned();
            (title == KATHMANDU.title).then_some(title)
        })
        .await;
    assert_eq!(heading, KATHMANDU.title);
    assert_eq!(app.count("participant-row").await, 0);
    app.screenshot("02-empty-workshop").await;

    // 1. Devanagari, with the mouse.
    flows::register(&app, SITA).await;
    app.screenshot("03-registered-sita").await;

    // 2. Vietnamese, keyboard only: close the form with Escape, N opens it with the focus in the
    //    name, Tab moves through the fields, a letter picks the sex, Enter chooses the country
    //    from the list and the next Enter saves.
    app.keyboard(&Key::Escape.to_string()).await;
    app.wait_gone("participant-form").await;
    app.keyboard("n").await;
    app.wait_for("participant-form").await;
    flows::registration_form_is_rendered(&app).await;
    assert_eq!(
        app.focused_testid().await.as_deref(),
        Some("participant-name"),
        "N should open the form with the focus in the name"
    );
    app.keyboard(LAN.name).await;
    assert_eq!(app.value("participant-name").await, LAN.name);
    // name → transliteration → sex
    app.keyboard(&format!("{}{}", Key::Tab, Key::Tab)).await;
    assert_eq!(
        app.focused_testid().await.as_deref(),
        Some("participant-sex")
    );
    app.keyboard("w").await;
    assert_eq!(app.value("participant-sex").await, "woman");
    // sex → birth year → country
    app.keyboard(&format!("{}{}", Key::Tab, Key::Tab)).await;
    assert_eq!(
        app.focused_testid().await.as_deref(),
        Some("participant-country")
    );
    app.keyboard(LAN.country.0).await;
    app.wait_for("participant-country-options").await;
    app.screenshot("04-keyboard-country-list").await;
    app.keyboard(&Key::Enter.to_string()).await;
    app.wait_gone("participant-country-options").await;
    assert_eq!(app.value("participant-country").await, "Viet Nam");
    app.keyboard(&Key::Enter.to_string()).await;
    app.wait_for_count("participant-row", 2).await;
    app.eventually("the form to be ready for the next person", async || {
        let empty = app.value("participant-name").await.is_empty();
        let focused = app.focused_testid().await.as_deref() == Some("participant-name");
        (empty && focused).then_some(())
    })
    .await;
    app.screenshot("05-registered-lan-by-keyboard").await;

    // 3. Arabic (right to left), with the mouse.
    flows::register(&app, MAZEN).await;
    flows::close_registration(&app).await;

    // Each name is on the list exactly as typed.
    let names = flows::sorted_names(&app).await;
    let mut expected = vec![
        SITA.name.to_owned(),
        LAN.name.to_owned(),
        MAZEN.name.to_owned(),
    ];
    expected.sort();
    assert_eq!(names, expected);

    let summary = flows::summary_with_total(&app, 3).await;
    assert!(
        summary.starts_with("3 participants (2 women) from 3 countries"),
        "summary line: {summary:?}"
    );
    app.screenshot("06-three-registered").await;

    app.quit().await;
}
