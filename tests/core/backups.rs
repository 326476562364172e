//! Backups: consistent snapshots, at most one startup snapshot a day, pruning, restore.

use crate::fixtures::{Clock, DataDir, kathmandu, person};
use chrono::Duration;
use workshop_core::backup::{self, KEEP, Reason};
use workshop_core::participant::{self, Sex};
use workshop_core::{Error, paths};

#[test]
fn a_restore_brings_back_the_snapshot_after_saving_the_current_state() {
    let clock = Clock::new();
    let data = DataDir::new();
    let dir = paths::backups_dir(&data.path());
    let mut db = data.open(&clock);
    let workshop = kathmandu(&mut db, &clock);
    participant::create(
        &mut db,
        workshop.id,
        &person("Sita Sharma", Sex::Woman, "NP", None),
        clock.tick(),
    )
    .unwrap();
    let snapshot = backup::take(&db, &dir, Reason::Manual, clock.tick()).unwrap();
    assert_eq!(snapshot.reason, "manual");
    assert!(snapshot.size_bytes > 0);

    // After the snapshot: one more participant, and one deleted.
    let later = participant::create(
        &mut db,
        workshop.id,
        &person("Laxman Basnet", Sex::Man, "NP", None),
        clock.tick(),
    )
    .unwrap();
    let count =
        |db: &workshop_core::Database| participant::list(db, workshop.id, "", false).unwrap().len();
    assert_eq!(count(&db), 2);

    let safety = backup::restore(&mut db, &dir, &snapshot.file, clock.tick()).unwrap();
    assert_eq!(safety.reason, "before-restore");
    assert_eq!(count(&db), 1, "the data is as it was at the snapshot");
    assert!(participant::get(db.conn(), later.id).is_err());

    // The state before the restore was kept and can itself be restored.
    backup::restore(&mut db, &dir, &safety.file, clock.tick()).unwrap();
    assert_eq!(count(&db), 2);

    // And after all that, the restored database is the one on disk.
    drop(db);
    let db = data.open(&clock);
    assert_eq!(count(&db), 2);
}

#[test]
fn only_one_startup_backup_a_day_and_only_the_newest_are_kept() {
    let clock = Clock::new();
    let data = DataDir::new();
    let dir = paths::backups_dir(&data.path());
    let db = data.open(&clock);
    let morning = clock.tick();
    assert!(backup::take_daily(&db, &dir, morning).unwrap().is_some());
    assert!(
        backup::take_daily(&db, &dir, morning + Duration::hours(3))
            .unwrap()
            .is_none(),
        "same day"
    );
    assert!(
        backup::take_daily(&db, &dir, morning + Duration::days(1))
            .unwrap()
            .is_some(),
        "next day"
    );

    for minute in 0..(KEEP as i64 + 5) {
        backup::take(
            &db,
            &dir,
            Reason::Manual,
            morning + Duration::days(2) + Duration::minutes(minute),
        )
        .unwrap();
    }
    let kept = backup::list(&dir).unwrap();
    assert_eq!(kept.len(), KEEP);
    assert!(
        kept.windows(2)
            .all(|pair| pair[0].taken_at >= pair[1].taken_at),
        "newest first"
    );
    assert!(
        kept.iter().all(|b| b.reason == "manual"),
        "the oldest (the startup ones) were pruned"
    );
    let leftovers = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(leftovers, KEEP, "no partial files are left behind");
}

#[test]
fn an_unknown_backup_name_is_refused_and_nothing_changes() {
    let clock = Clock::new();
    let data = DataDir::new();
    let dir = paths::backups_dir(&data.path());
    let mut db = data.open(&clock);
    let workshop = kathmandu(&mut db, &clock);
    let error = backup::restore(&mut db, &dir, "../../etc/passwd", clock.tick()).unwrap_err();
    assert!(matches!(error, Error::BackupNotFound(_)));
    assert_eq!(error.code(), "backup_not_found");
    assert!(workshop_core::workshop::get(db.conn(), workshop.id).is_ok());
    assert!(
        backup::list(&dir).unwrap().is_empty(),
        "no snapshot is taken for a refused restore"
    );
}
