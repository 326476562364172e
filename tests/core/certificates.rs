//! Certificates of participation on the demo workshop: each participant's sessions are the
//! marks of the attendance grid in the sessions counted, whoever took them (kiosk, badge,
//! facilitator, paper).

use chrono::{DateTime, NaiveDate, Utc};
use workshop_core::attendance;
use workshop_core::certificates::{self, CertificateOptions};
use workshop_core::participant::{self, Role};
use workshop_core::{Database, demo};

/// Wednesday noon in Kathmandu, the demo's third day: five sessions held.
fn wednesday_noon() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-25T06:15:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn the_demo_s_certificates_count_the_grid_s_marks_of_the_sessions_held() {
    let now = wednesday_noon();
    let mut db = Database::open_in_memory(now).unwrap();
    let workshop = demo::create_default(&mut db, now).unwrap().id;
    let local = NaiveDate::from_ymd_opt(2026, 11, 25)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();

    let list = certificates::certificates(db.conn(), workshop, local).unwrap();
    let grid = attendance::grid(db.conn(), workshop).unwrap();
    let held: Vec<usize> = (0..grid.slots.len())
        .filter(|&i| grid.totals[i].total > 0)
        .collect();
    assert_eq!(list.sessions_counted as usize, held.len());
    assert_eq!(
        list.sessions_counted, 5,
        "Monday, Tuesday and Wednesday morning"
    );
    assert_eq!(list.sessions_total, 10);

    let participants = participant::list(&db, workshop, "", false).unwrap();
    let role_of = |id| participants.iter().find(|p| p.id == id).unwrap().role;
    assert_eq!(
        list.rows.len() + list.others as usize,
        participants.len(),
        "everyone registered is listed or counted among the others"
    );
    for row in &list.rows {
        assert_eq!(role_of(row.person.participant_id), Role::Participant);
        let marks = grid
            .rows
            .iter()
            .find(|r| r.participant_id == row.person.participant_id)
            .unwrap();
        let attended = held.iter().filter(|&&i| marks.marks[i].is_some()).count();
        assert_eq!(row.attended as usize, attended, "{}", row.person.full_name);
        assert_eq!(
            row.qualifies,
            attended * 100 >= 80 * held.len(),
            "{}",
            row.person.full_name
        );
    }
    let qualified = list.rows.iter().filter(|r| r.qualifies).count();
    assert!(
        qualified > 0 && qualified < list.rows.len(),
        "the demo has both: {qualified} of {}",
        list.rows.len()
    );

    // Everyone qualifies at 0 %; the options are the workshop's own.
    let everyone = certificates::set_options(
        db.conn(),
        workshop,
        &CertificateOptions {
            threshold: 0,
            signatories: vec![],
        },
        local,
    )
    .unwrap();
    assert!(everyone.rows.iter().all(|r| r.qualifies));
    let other = demo::create(&mut db, 5, 3, now).unwrap().id;
    assert_eq!(
        certificates::options(db.conn(), other).unwrap(),
        CertificateOptions::default()
    );
}
