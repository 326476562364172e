//! Close the app and start it again on the same data directory: everything is still there.

use crate::flows::{self, KATHMANDU, LAN, MAZEN, SITA};
use crate::harness::App;

#[tokio::test]
async fn everything_is_still_there_after_a_restart() {
    let data = tempfile::tempdir().unwrap();

    let app = App::launch("restart", data.path()).await;
    flows::create_workshop(&app, KATHMANDU).await;
    flows::save_workshop(&app).await;
    for person in [SITA, LAN, MAZEN] {
        flows::register(&app, person).await;
    }
    flows::close_registration(&app).await;
    let names_before = flows::sorted_names(&app).await;
    let summary_before = flows::summary_with_total(&app, 3).await;
    app.screenshot("01-before-closing").await;
    app.quit().await;

    // A new tauri-driver, a new app process, the same data directory.
    let app = App::launch("restart", data.path()).await;
    // The last workshop opens by itself, without going through the first-run screen.
    app.wait_for("participant-list").await;
    assert!(app.find_shown("first-run").await.is_none());
    app.wait_for_count("participant-row", 3).await;
    let title = app
        .js("return document.querySelector('h1').textContent;", vec![])
        .await;
    assert_eq!(title.as_str(), Some(KATHMANDU.title));
    assert_eq!(flows::sorted_names(&app).await, names_before);
    assert_eq!(flows::summary_with_total(&app, 3).await, summary_before);
    app.screenshot("02-after-restart").await;
    app.quit().await;
}
