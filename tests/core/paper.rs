//! The paper fallback: the sign-in sheet of one slot is typed back in as ticks "from paper",
//! all in one transaction, next to the marks the kiosk and the facilitator already made.

use crate::fixtures::{Clock, kathmandu, person};
use chrono::NaiveDate;
use uuid::Uuid;
use workshop_core::attendance::{self, Method, Slot};
use workshop_core::participant::{self, Sex};
use workshop_core::{Database, changelog, sheets};

fn wednesday(session: u8) -> Slot {
    Slot {
        day: NaiveDate::from_ymd_opt(2018, 5, 16).unwrap(),
        session,
    }
}

/// A workshop of `names.len()` participants; their IDs in the sign-in sheet's order.
fn workshop_of(db: &mut Database, clock: &Clock, names: &[&str]) -> (Uuid, Vec<Uuid>) {
    let workshop = kathmandu(db, clock);
    for name in names {
        participant::create(
            db,
            workshop.id,
            &person(name, Sex::Woman, "NP", Some(1990)),
            clock.tick(),
        )
        .unwrap();
    }
    let sheet = sheets::sign_in_sheet(db.conn(), workshop.id, wednesday(1)).unwrap();
    (
        workshop.id,
        sheet.rows.iter().map(|r| r.person.participant_id).collect(),
    )
}

fn change_log_entries(db: &Database) -> i64 {
    db.conn()
        .query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn ticks_typed_back_from_paper_are_marked_from_paper_in_one_go() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let names = [
        "सीता शर्मा",
        "Nguyễn Thị Lan",
        "محمد مازن المعايطة",
        "สมชาย ใจดี",
        "Dewi Lestari",
    ];
    let (workshop_id, ids) = workshop_of(&mut db, &clock, &names);
    let slot = wednesday(2);

    // One came to the kiosk before it broke down; the paper sheet has them too.
    attendance::sign_in(&mut db, ids[0], slot, Method::Kiosk, "", clock.tick()).unwrap();
    let logged_before = change_log_entries(&db);

    // Rows 1, 3, 4 and 5 of the paper sheet signed.
    let ticked = [ids[0], ids[2], ids[3], ids[4]];
    let grid = attendance::mark_many(
        &mut db,
        workshop_id,
        slot,
        &ticked,
        Method::Paper,
        clock.tick(),
    )
    .unwrap();
    let column = grid.slots.iter().position(|s| *s == slot).unwrap();
    let marks: Vec<Option<Method>> = ids
        .iter()
        .map(|id| {
            let row = grid.rows.iter().find(|r| r.participant_id == *id).unwrap();
            row.marks[column]
        })
        .collect();
    assert_eq!(
        marks,
        [
            Some(Method::Kiosk), // already there: kept as the kiosk took it
            None,
            Some(Method::Paper),
            Some(Method::Paper),
            Some(Method::Paper),
        ]
    );
    assert_eq!(grid.totals[column].total, 4);
    assert_eq!(
        change_log_entries(&db) - logged_before,
        3,
        "one logged creation per new mark, none for the kiosk's"
    );
    let sheet = sheets::sign_in_sheet(db.conn(), workshop_id, slot).unwrap();
    assert_eq!(sheet.rows[2].mark, Some(Method::Paper));

    // Typing the same sheet in twice changes nothing.
    attendance::mark_many(
        &mut db,
        workshop_id,
        slot,
        &ticked,
        Method::Paper,
        clock.tick(),
    )
    .unwrap();
    assert_eq!(change_log_entries(&db) - logged_before, 3);

    // The change log says the mark came from paper.
    let entry = changelog::history(db.conn(), "attendance", attendance_id(&db, ids[2], slot))
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(entry.changes["method"][1], "paper");
}

fn attendance_id(db: &Database, participant_id: Uuid, slot: Slot) -> Uuid {
    let id: String = db
        .conn()
        .query_row(
            "SELECT id FROM attendance WHERE participant_id = ?1 AND day = ?2 AND session = ?3",
            (
                participant_id.to_string(),
                slot.day.to_string(),
                slot.session,
            ),
            |r| r.get(0),
        )
        .unwrap();
    Uuid::parse_str(&id).unwrap()
}

#[test]
fn a_sheet_with_one_bad_row_marks_no_one() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let (workshop_id, ids) = workshop_of(&mut db, &clock, &["Sita Sharma", "Dewi Lestari"]);
    participant::delete(&mut db, ids[1], clock.tick()).unwrap();
    let (other_workshop, strangers) = workshop_of(&mut db, &clock, &["Layla Haddad"]);
    let slot = wednesday(1);

    for bad in [ids[1], strangers[0], Uuid::nil()] {
        let error = attendance::mark_many(
            &mut db,
            workshop_id,
            slot,
            &[ids[0], bad],
            Method::Paper,
            clock.tick(),
        )
        .unwrap_err();
        assert_eq!(error.code(), "not_found", "{bad}: {error:?}");
    }
    let grid = attendance::grid(db.conn(), workshop_id).unwrap();
    assert!(
        grid.rows
            .iter()
            .all(|r| r.marks.iter().all(Option::is_none)),
        "all or nothing: the good row was not marked either"
    );
    assert!(
        attendance::grid(db.conn(), other_workshop)
            .unwrap()
            .rows
            .iter()
            .all(|r| r.marks.iter().all(Option::is_none))
    );

    // A slot the workshop does not have is refused before anything is written.
    let error = attendance::mark_many(
        &mut db,
        workshop_id,
        wednesday(3),
        &[ids[0]],
        Method::Paper,
        clock.tick(),
    )
    .unwrap_err();
    assert_eq!(
        (error.code(), error.field()),
        ("out_of_range", Some("session"))
    );
}

#[test]
fn marks_by_hand_come_from_the_facilitator_or_from_paper_only() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let (workshop_id, ids) = workshop_of(&mut db, &clock, &["Sita Sharma"]);
    let slot = wednesday(1);

    for method in [Method::Kiosk, Method::Badge] {
        let error = attendance::mark_by_hand(&mut db, ids[0], slot, true, "", method, clock.tick())
            .unwrap_err();
        assert_eq!(
            (error.code(), error.field()),
            ("invalid_value", Some("method")),
            "{method:?}"
        );
        let error = attendance::mark_many(&mut db, workshop_id, slot, &ids, method, clock.tick())
            .unwrap_err();
        assert_eq!(
            (error.code(), error.field()),
            ("invalid_value", Some("method"))
        );
    }

    let grid = attendance::mark_by_hand(
        &mut db,
        ids[0],
        slot,
        true,
        "Signed the paper sheet",
        Method::Paper,
        clock.tick(),
    )
    .unwrap();
    let column = grid.slots.iter().position(|s| *s == slot).unwrap();
    assert_eq!(grid.rows[0].marks[column], Some(Method::Paper));
    // Nothing to mark: the grid as it is, nothing written.
    let before = change_log_entries(&db);
    let again = attendance::mark_many(&mut db, workshop_id, slot, &[], Method::Paper, clock.tick())
        .unwrap();
    assert_eq!(again, grid);
    assert_eq!(change_log_entries(&db), before);
}
