//! A database written by a newer version of the app is refused on a plain screen, untouched.

use crate::harness::App;
use chrono::{DateTime, TimeZone as _, Utc};
use std::path::Path;
use workshop_core::{Database, Error, paths};

/// The time the database is made at (the workspace keeps the clock out of everything but the
/// shell and the CLI).
fn when() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 19, 20, 0).unwrap()
}

/// SQLite keeps `user_version` in the file header: 4 bytes, big-endian, at offset 60.
fn header_user_version(file: &Path) -> u32 {
    let bytes = std::fs::read(file).expect("read the database file");
    assert!(
        bytes.len() >= 100,
        "{} has no SQLite header",
        file.display()
    );
    u32::from_be_bytes([bytes[60], bytes[61], bytes[62], bytes[63]])
}

#[tokio::test]
async fn a_database_from_a_newer_version_is_refused_on_a_clear_screen() {
    let data = tempfile::tempdir().unwrap();
    let file = paths::database_file(data.path());
    {
        let db = Database::open(&file, when()).unwrap();
        db.conn().pragma_update(None, "user_version", 99).unwrap();
    }
    assert_eq!(header_user_version(&file), 99);
    let size_before = std::fs::metadata(&file).unwrap().len();

    let app = App::launch("data_unavailable", data.path()).await;
    app.wait_for("data-unavailable").await;
    let reason = app.text("data-unavailable-reason").await;
    assert!(
        reason.contains("newer version"),
        "the reason should say the data is from a newer version: {reason:?}"
    );
    // Nothing on the screen offers to do what cannot be done.
    for testid in [
        "first-run",
        "open-demo",
        "create-workshop",
        "participant-list",
        "workshop-switcher",
        "nav-backups",
    ] {
        assert!(
            app.find_shown(testid).await.is_none(),
            "{testid} should not be offered when the data cannot be opened"
        );
    }
    assert!(
        app.find_shown("error-banner-text").await.is_none(),
        "the reason is said once, on the screen, not again in a banner"
    );
    app.screenshot("01-newer-database").await;

    // Going to another screen by its address still says why, instead of failing there.
    app.js("location.hash = '#/backups'; return true;", vec![])
        .await;
    app.wait_for("data-unavailable").await;
    assert!(app.find_shown("backup-list").await.is_none());
    app.quit().await;

    // The file is as it was: still version 99, and still refused by the core.
    assert_eq!(header_user_version(&file), 99);
    assert_eq!(std::fs::metadata(&file).unwrap().len(), size_before);
    match Database::open(&file, when()) {
        Err(Error::NewerDatabase { found, .. }) => assert_eq!(found, 99),
        other => panic!("the newer database should still be refused: {other:?}"),
    }
}
