//! Searching by the Latin spelling of a name written in another script, and deleting with undo.

use crate::flows::{self, KATHMANDU, LAN, MAZEN, SITA};
use crate::harness::App;

#[tokio::test]
async fn search_finds_a_devanagari_name_by_its_latin_spelling() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch("search", data.path()).await;
    flows::create_workshop(&app, KATHMANDU).await;
    flows::save_workshop(&app).await;
    for person in [SITA, LAN, MAZEN] {
        flows::register(&app, person).await;
    }
    flows::close_registration(&app).await;

    app.type_text("participant-search", "sharma").await;
    app.wait_for_count("participant-row", 1).await;
    assert_eq!(app.participant_names().await, vec![SITA.name.to_owned()]);
    app.screenshot("01-sharma").await;

    // Emptying the search shows everyone again.
    app.clear("participant-search").await;
    app.wait_for_count("participant-row", 3).await;
    app.quit().await;
}

#[tokio::test]
async fn delete_and_undo() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch("delete_and_undo", data.path()).await;
    flows::create_workshop(&app, KATHMANDU).await;
    flows::save_workshop(&app).await;
    for person in [SITA, LAN] {
        flows::register(&app, person).await;
    }
    flows::close_registration(&app).await;
    app.wait_for_count("participant-row", 2).await;

    // Delete Lan with the row's bin button.
    let rows = app.all("participant-row").await;
    let mut deleted = false;
    for row in rows {
        // The row's accessible name is the participant's name.
        if row.attr("aria-label").await.unwrap().as_deref() == Some(LAN.name) {
            let bin = row
                .find(fantoccini::Locator::Css(
                    "[data-testid=\"participant-delete\"]",
                ))
                .await
                .unwrap();
            bin.click().await.unwrap();
            deleted = true;
            break;
        }
    }
    assert!(deleted, "Lan's row has a delete button");
    app.wait_for_count("participant-row", 1).await;
    assert_eq!(app.participant_names().await, vec![SITA.name.to_owned()]);
    flows::summary_with_total(&app, 1).await;
    app.wait_for("undo-delete").await;
    app.screenshot("01-deleted-with-undo").await;

    app.click("undo-delete").await;
    app.wait_for_count("participant-row", 2).await;
    let mut expected = vec![SITA.name.to_owned(), LAN.name.to_owned()];
    expected.sort();
    assert_eq!(flows::sorted_names(&app).await, expected);
    let summary = flows::summary_with_total(&app, 2).await;
    assert!(
        summary.starts_with("2 participants (2 women) from 2 countries"),
        "summary line: {summary:?}"
    );
    app.screenshot("02-undone").await;
    app.quit().await;
}
