//! The interface in French and Spanish, and the language kept across a restart.

use crate::harness::App;
use serde_json::{Value, json};

/// Waits until the summary line starts with `wanted` and returns it.
async fn summary_starting_with(app: &App, wanted: &str) -> String {
    app.eventually(
        &format!("the summary line to read {wanted:?}"),
        async || {
            let text = app.text("summary-line").await;
            text.starts_with(wanted).then_some(text)
        },
    )
    .await
}

/// Waits until the "New participant" button reads `wanted`.
async fn new_participant_reads(app: &App, wanted: &str) {
    app.eventually(
        &format!("the new-participant button to read {wanted:?}"),
        async || {
            let text = app.text("new-participant").await;
            text.contains(wanted).then_some(())
        },
    )
    .await;
}

/// Waits until the core has stored `code` as the interface language.
async fn stored_language_is(app: &App, code: &str) {
    app.eventually(&format!("the stored language to be {code:?}"), async || {
        let info = app.invoke("app_info", json!({})).await;
        (info.get("language").and_then(Value::as_str) == Some(code)).then_some(())
    })
    .await;
}

async fn page_language(app: &App) -> String {
    app.js("return document.documentElement.lang;", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn the_interface_switches_to_french_and_spanish() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch("language", data.path()).await;
    app.click("open-demo").await;
    app.wait_for("participant-list").await;
    app.wait_for_count("participant-row", 18).await;
    summary_starting_with(&app, "18 participants (9 women) from 12 countries").await;
    new_participant_reads(&app, "New participant").await;

    // French.
    app.select("language-switch", "fr").await;
    let summary = summary_starting_with(&app, "18 participants (dont 9 femmes) de 12 pays").await;
    new_participant_reads(&app, "Nouveau participant").await;
    assert_eq!(page_language(&app).await, "fr");
    assert_eq!(app.value("language-switch").await, "fr");
    // The list itself is untouched by the switch.
    app.wait_for_count("participant-row", 18).await;
    stored_language_is(&app, "fr").await;
    eprintln!("French summary: {summary:?}");
    app.screenshot("01-french").await;

    // Spanish.
    app.select("language-switch", "es").await;
    let summary = summary_starting_with(&app, "18 participantes (9 mujeres) de 12 países").await;
    new_participant_reads(&app, "Nuevo participante").await;
    assert_eq!(page_language(&app).await, "es");
    stored_language_is(&app, "es").await;
    eprintln!("Spanish summary: {summary:?}");
    app.screenshot("02-spanish").await;
    app.quit().await;

    // Spanish again after a restart on the same data directory.
    let app = App::launch("language", data.path()).await;
    app.wait_for("participant-list").await;
    app.wait_for_count("participant-row", 18).await;
    summary_starting_with(&app, "18 participantes (9 mujeres) de 12 países").await;
    new_participant_reads(&app, "Nuevo participante").await;
    assert_eq!(app.value("language-switch").await, "es");
    assert_eq!(page_language(&app).await, "es");
    app.screenshot("03-spanish-after-restart").await;
    app.quit().await;
}
