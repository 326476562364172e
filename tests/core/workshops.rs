//! Several workshops in one database; switching; the demo.

use crate::fixtures::{Clock, kathmandu, kathmandu_input};
use workshop_core::workshop::{self, WorkshopInput};
use workshop_core::{Database, demo, summary};

#[test]
fn several_workshops_live_in_one_database_and_the_last_opened_is_current() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let kathmandu = kathmandu(&mut db, &clock);
    let bangkok = workshop::create(
        &mut db,
        &WorkshopInput {
            title: "Strengthening Joint Union Actions on Decent Work for Migrant Workers".into(),
            venue_city: "Bangkok".into(),
            country: Some("Thailand".into()),
            start_date: "2017-05-08".into(),
            end_date: "2017-05-12".into(),
            ..kathmandu_input()
        },
        clock.tick(),
    )
    .unwrap();
    assert_eq!(
        bangkok.country.as_deref(),
        Some("TH"),
        "a country typed by name is stored as its code"
    );
    let listed: Vec<_> = workshop::list(db.conn(), false)
        .unwrap()
        .into_iter()
        .map(|w| w.id)
        .collect();
    assert_eq!(
        listed,
        vec![kathmandu.id, bangkok.id],
        "newest start date first"
    );
    assert_eq!(
        workshop::current(db.conn()).unwrap().unwrap().id,
        bangkok.id,
        "the one just created"
    );
    workshop::open(db.conn(), kathmandu.id).unwrap();
    assert_eq!(
        workshop::current(db.conn()).unwrap().unwrap().id,
        kathmandu.id
    );
}

#[test]
fn ten_thousand_demo_participants_are_created_in_one_go() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = demo::create(&mut db, 10_000, 1, clock.tick()).unwrap();
    let summary = summary::summarize(db.conn(), workshop.id).unwrap();
    assert_eq!(summary.total, 10_000);
    assert!(
        summary.countries >= 12,
        "the generated participants come from many countries"
    );
    let share = f64::from(summary.women) / f64::from(summary.total);
    assert!((0.4..0.6).contains(&share), "about half are women: {share}");
    let badges: i64 = db
        .conn()
        .query_row(
            "SELECT count(DISTINCT badge_code) FROM participant",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(badges, 10_000);
}
