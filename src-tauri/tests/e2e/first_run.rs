//! A first start on an empty data directory, and the demo workshop.

use crate::harness::App;

#[tokio::test]
async fn first_run_shows_the_empty_state_and_the_demo_opens() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch("first_run", data.path()).await;

    app.wait_for("first-run").await;
    app.wait_for("create-workshop").await;
    app.wait_for("open-demo").await;
    app.screenshot("01-empty-state").await;

    app.click("open-demo").await;
    app.wait_for("participant-list").await;
    app.wait_for_count("participant-row", 18).await;
    let summary = app
        .eventually("the summary line of the demo", async || {
            let text = app.text("summary-line").await;
            text.contains("18").then_some(text)
        })
        .await;
    assert!(
        summary.contains("18") && summary.contains('9') && summary.contains("12"),
        "summary line {summary:?} should give 18 participants, 9 women, 12 countries"
    );
    assert!(
        summary.contains("18 participants (9 women) from 12 countries"),
        "summary line {summary:?}"
    );
    app.screenshot("02-demo").await;

    app.quit().await;
}
