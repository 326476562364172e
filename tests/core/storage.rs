//! The database file: persistence across restarts, migrations, refusal of newer data.

use crate::fixtures::{Clock, DataDir, kathmandu, person};
use rusqlite::Connection;
use workshop_core::participant::{self, Sex};
use workshop_core::{Database, Error, migrations, summary, workshop};

#[test]
fn every_record_is_back_after_closing_and_reopening() {
    let clock = Clock::new();
    let data = DataDir::new();
    let (workshop_id, names) = {
        let mut db = data.open(&clock);
        let workshop = kathmandu(&mut db, &clock);
        let names = ["सीता शर्मा", "สมชาย ใจดี", "محمد مازن المعايطة", "王芳"];
        for name in names {
            participant::create(
                &mut db,
                workshop.id,
                &person(name, Sex::Woman, "NP", None),
                clock.tick(),
            )
            .unwrap();
        }
        (workshop.id, names)
        // dropped here: the connection closes as at a quit
    };
    let db = data.open(&clock);
    assert_eq!(
        workshop::current(db.conn()).unwrap().map(|w| w.id),
        Some(workshop_id),
        "reopens the last workshop"
    );
    let stored: Vec<String> = participant::list(&db, workshop_id, "", false)
        .unwrap()
        .into_iter()
        .map(|p| p.full_name)
        .collect();
    for name in names {
        assert!(
            stored.contains(&name.to_string()),
            "{name} must survive a restart: {stored:?}"
        );
    }
    assert_eq!(summary::summarize(db.conn(), workshop_id).unwrap().total, 4);
}

#[test]
fn an_acknowledged_write_is_on_disk_without_a_clean_shutdown() {
    let clock = Clock::new();
    let data = DataDir::new();
    let mut db = data.open(&clock);
    let workshop = kathmandu(&mut db, &clock);
    participant::create(
        &mut db,
        workshop.id,
        &person("Sita Sharma", Sex::Woman, "NP", None),
        clock.tick(),
    )
    .unwrap();
    // Leak the connection, as a crash would: no close, no checkpoint. A second, independent
    // connection must see the committed rows (WAL with synchronous=FULL).
    std::mem::forget(db);
    let other = Connection::open(data.database()).unwrap();
    let rows: i64 = other
        .query_row("SELECT count(*) FROM participant", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1);
}

#[test]
fn migrations_validate_and_bring_a_new_file_to_the_latest_version() {
    migrations::validate().unwrap();
    let clock = Clock::new();
    let data = DataDir::new();
    let db = data.open(&clock);
    assert_eq!(
        migrations::current_version(db.conn()).unwrap(),
        migrations::latest_version()
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let clock = Clock::new();
    let data = DataDir::new();
    drop(data.open(&clock));
    let newer = migrations::latest_version() + 1;
    {
        let conn = Connection::open(data.database()).unwrap();
        conn.pragma_update(None, "user_version", newer).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(data.database()).unwrap();
    let error = Database::open(&data.database(), clock.tick()).unwrap_err();
    assert!(
        matches!(error, Error::NewerDatabase { found, .. } if found == newer),
        "{error:?}"
    );
    assert_eq!(error.code(), "newer_database");
    assert!(
        error.to_string().contains("newer version"),
        "the message says what to do: {error}"
    );
    assert_eq!(
        std::fs::read(data.database()).unwrap(),
        before,
        "the file must not be changed"
    );
}

#[test]
fn a_file_that_is_not_a_database_gets_a_clear_error_not_a_crash() {
    let clock = Clock::new();
    let data = DataDir::new();
    std::fs::write(
        data.database(),
        "these are my notes, not a database".repeat(200),
    )
    .unwrap();
    let error = Database::open(&data.database(), clock.tick()).unwrap_err();
    assert_eq!(error.code(), "storage");
    assert!(error.to_string().contains("not a database"), "{error}");
}
