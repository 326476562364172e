//! Attendance and the kiosk: sessions from the time, one sign-in a session, the workshop's
//! dates, walk-ins, contact-free search, and a thousand sign-ins with nothing lost.

use crate::fixtures::{Clock, DataDir, kathmandu, kathmandu_input, person};
use chrono::{NaiveDate, NaiveDateTime};
use workshop_core::attendance::{self, Method, SignIn, Slot};
use workshop_core::kiosk::{self, WalkIn};
use workshop_core::participant::{self, ParticipantInput, Sex};
use workshop_core::workshop::{self, WorkshopInput};
use workshop_core::{Database, Error};

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn the_facilitator_s_clock_proposes_today_s_session_or_the_first() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let w = kathmandu(&mut db, &clock); // two sessions a day, 14 to 18 May 2018
    let at = |t: &str| attendance::session_clock(db.conn(), w.id, local(t)).unwrap();
    let slot = |d: &str, session: u8| Slot {
        day: day(d),
        session,
    };

    let afternoon = at("2018-05-15 14:30");
    assert_eq!(afternoon.today, day("2018-05-15"));
    assert_eq!(afternoon.current, Some(slot("2018-05-15", 2)));
    assert_eq!(afternoon.proposed, slot("2018-05-15", 2));
    // Yesterday's two sessions and this morning's are over; this afternoon's is under way.
    assert_eq!(
        afternoon.over,
        [
            slot("2018-05-14", 1),
            slot("2018-05-14", 2),
            slot("2018-05-15", 1)
        ]
    );
    let morning = at("2018-05-15 09:00");
    assert_eq!(morning.current, Some(slot("2018-05-15", 1)));
    assert_eq!(morning.over, [slot("2018-05-14", 1), slot("2018-05-14", 2)]);

    // Before the workshop nothing is over, after it everything is; the first is proposed.
    let before = at("2018-05-10 09:00");
    assert_eq!(
        (before.current, before.proposed),
        (None, slot("2018-05-14", 1))
    );
    assert!(before.over.is_empty());
    let after = at("2018-05-20 09:00");
    assert_eq!(
        (after.current, after.proposed),
        (None, slot("2018-05-14", 1))
    );
    assert_eq!(after.over.len(), 10);
    let json = serde_json::to_value(&morning).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "today": "2018-05-15",
            "current": { "day": "2018-05-15", "session": 1 },
            "proposed": { "day": "2018-05-15", "session": 1 },
            "over": [
                { "day": "2018-05-14", "session": 1 },
                { "day": "2018-05-14", "session": 2 }
            ]
        }),
        "what the attendance screens read"
    );
}

#[test]
fn the_session_follows_the_local_time_and_the_workshops_sessions() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let two = kathmandu(&mut db, &clock); // two sessions a day, 14 to 18 May 2018
    let slot =
        |w: &workshop::Workshop, t: &str| attendance::slot_at(w, local(t)).map(|s| s.session);
    assert_eq!(slot(&two, "2018-05-15 08:10").unwrap(), 1, "morning");
    assert_eq!(slot(&two, "2018-05-15 12:59").unwrap(), 1);
    assert_eq!(
        slot(&two, "2018-05-15 13:00").unwrap(),
        2,
        "afternoon from 13:00"
    );
    assert_eq!(
        slot(&two, "2018-05-15 06:00").unwrap(),
        1,
        "early birds sign in for the morning"
    );

    let one = workshop::create(
        &mut db,
        &WorkshopInput {
            sessions_per_day: Some(1),
            ..kathmandu_input()
        },
        clock.tick(),
    )
    .unwrap();
    assert_eq!(slot(&one, "2018-05-15 16:00").unwrap(), 1);

    for outside in ["2018-05-13 09:00", "2018-05-19 09:00"] {
        let error = attendance::slot_at(&two, local(outside)).unwrap_err();
        assert!(
            matches!(error, Error::OutsideWorkshop { .. }),
            "{outside}: {error:?}"
        );
        assert_eq!(error.code(), "outside_workshop");
        assert!(
            error.to_string().contains("2018-05-14"),
            "the message gives the dates: {error}"
        );
    }
}

#[test]
fn signing_in_twice_records_once_and_says_so() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let sita = participant::create(
        &mut db,
        workshop.id,
        &person("सीता शर्मा", Sex::Woman, "NP", None),
        clock.tick(),
    )
    .unwrap();
    let slot = Slot {
        day: day("2018-05-15"),
        session: 1,
    };
    let first =
        attendance::sign_in(&mut db, sita.id, slot, Method::Kiosk, "", clock.tick()).unwrap();
    assert!(matches!(first, SignIn::SignedIn { .. }));
    let again =
        attendance::sign_in(&mut db, sita.id, slot, Method::Badge, "", clock.tick()).unwrap();
    assert!(matches!(again, SignIn::AlreadySignedIn { .. }), "{again:?}");
    assert_eq!(
        again.attendance().method,
        Method::Kiosk,
        "the first sign-in stands"
    );
    let rows: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM attendance", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1);

    // Outside the workshop's days, or a session it does not have: refused, nothing written.
    let before = Slot {
        day: day("2018-05-13"),
        session: 1,
    };
    assert_eq!(
        attendance::sign_in(&mut db, sita.id, before, Method::Kiosk, "", clock.tick())
            .unwrap_err()
            .code(),
        "outside_workshop"
    );
    let third = Slot {
        day: day("2018-05-15"),
        session: 3,
    };
    assert_eq!(
        attendance::sign_in(&mut db, sita.id, third, Method::Kiosk, "", clock.tick())
            .unwrap_err()
            .field(),
        Some("session")
    );
    let rows: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM attendance", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1);
}

#[test]
fn the_grid_counts_each_slot_by_sex_and_unmarking_is_logged() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let sita = participant::create(
        &mut db,
        workshop.id,
        &person("Sita Sharma", Sex::Woman, "NP", None),
        clock.tick(),
    )
    .unwrap();
    let laxman = participant::create(
        &mut db,
        workshop.id,
        &person("Laxman Basnet", Sex::Man, "NP", None),
        clock.tick(),
    )
    .unwrap();
    let monday_morning = Slot {
        day: day("2018-05-14"),
        session: 1,
    };
    let monday_afternoon = Slot {
        day: day("2018-05-14"),
        session: 2,
    };
    for p in [sita.id, laxman.id] {
        attendance::sign_in(&mut db, p, monday_morning, Method::Kiosk, "", clock.tick()).unwrap();
    }
    attendance::sign_in(
        &mut db,
        laxman.id,
        monday_afternoon,
        Method::Facilitator,
        "Arrived late: the bus from Lalitpur",
        clock.tick(),
    )
    .unwrap();

    let grid = attendance::grid(db.conn(), workshop.id).unwrap();
    assert_eq!(grid.slots.len(), 10, "five days, two sessions");
    assert_eq!(
        (
            grid.totals[0].total,
            grid.totals[0].women,
            grid.totals[0].men
        ),
        (2, 1, 1)
    );
    assert_eq!((grid.totals[1].total, grid.totals[1].men), (1, 1));
    let laxman_row = grid
        .rows
        .iter()
        .find(|r| r.participant_id == laxman.id)
        .unwrap();
    assert_eq!(laxman_row.marks[1], Some(Method::Facilitator));

    assert!(attendance::unmark(&mut db, laxman.id, monday_afternoon, clock.tick()).unwrap());
    assert!(
        !attendance::unmark(&mut db, laxman.id, monday_afternoon, clock.tick()).unwrap(),
        "nothing left to unmark"
    );
    let grid = attendance::grid(db.conn(), workshop.id).unwrap();
    assert_eq!(grid.totals[1].total, 0);
    let logged: Vec<String> = db
        .conn()
        .prepare("SELECT op FROM change_log WHERE entity = 'attendance' ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(logged, ["create", "create", "create", "delete"]);
    // And it can be marked again.
    assert!(matches!(
        attendance::sign_in(
            &mut db,
            laxman.id,
            monday_afternoon,
            Method::Paper,
            "",
            clock.tick()
        )
        .unwrap(),
        SignIn::SignedIn { .. }
    ));
}

#[test]
fn the_kiosk_finds_names_but_never_shows_contact_details() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let sita = participant::create(
        &mut db,
        workshop.id,
        &ParticipantInput {
            email: "sita@gefont.org".into(),
            phone: "+977 1 4200000".into(),
            birth_year: Some(1990),
            notes: "Needs a visa letter".into(),
            ..person("सीता शर्मा", Sex::Woman, "NP", None)
        },
        clock.tick(),
    )
    .unwrap();
    for index in 0..12 {
        participant::create(
            &mut db,
            workshop.id,
            &person(&format!("Sharma {index}"), Sex::Man, "IN", None),
            clock.tick(),
        )
        .unwrap();
    }

    assert!(
        kiosk::search(&db, workshop.id, "sh").unwrap().is_empty(),
        "two letters are not enough"
    );
    let found = kiosk::search(&db, workshop.id, "sharma").unwrap();
    assert_eq!(found.len(), kiosk::MAX_MATCHES, "at most eight names");
    let found = kiosk::search(&db, workshop.id, "सीता").unwrap();
    assert_eq!(found[0].participant_id, sita.id);

    let json = serde_json::to_value(&found[0]).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["fullName", "nameLatin", "organisation", "participantId"]
    );
    // The ID is random hex and may spell "1990" by chance: it is left out of the check.
    let mut shown = json.clone();
    shown.as_object_mut().unwrap().remove("participantId");
    let text = shown.to_string();
    for secret in ["sita@gefont.org", "4200000", "1990", "visa", "woman"] {
        assert!(
            !text.contains(secret),
            "the kiosk must not see {secret}: {text}"
        );
    }

    // A badge code, typed or scanned in any case with spaces, finds exactly its owner.
    let typed = format!(" {} ", sita.badge_code.to_lowercase());
    let by_badge = kiosk::search(&db, workshop.id, &typed).unwrap();
    assert_eq!(by_badge.len(), 1);
    assert_eq!(by_badge[0].participant_id, sita.id);
}

#[test]
fn a_walk_in_is_registered_marked_for_review_and_signed_in_at_once() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let slot = Slot {
        day: day("2018-05-14"),
        session: 1,
    };
    let walk_in = WalkIn {
        full_name: "Maria Santos".into(),
        sex: Sex::Woman,
        country: Some("Philippines".into()),
        organisation: "TUCP".into(),
        email: "maria@tucp.org.ph".into(),
        ..Default::default()
    };
    let (found, signed) =
        kiosk::register_walk_in(&mut db, workshop.id, &walk_in, slot, clock.tick()).unwrap();
    assert!(matches!(signed, SignIn::SignedIn { .. }));
    let maria = participant::get(db.conn(), found.participant_id).unwrap();
    assert!(
        maria.needs_review,
        "a walk-in is flagged for the facilitator"
    );
    assert_eq!(maria.country.as_deref(), Some("PH"));
    let reviewed = participant::mark_reviewed(&mut db, maria.id, clock.tick()).unwrap();
    assert!(!reviewed.needs_review);

    // A walk-in on a day that is not the workshop's writes nothing at all.
    let count = |db: &Database| participant::list(db, workshop.id, "", false).unwrap().len();
    let before = count(&db);
    let sunday = Slot {
        day: day("2018-05-20"),
        session: 1,
    };
    let error = kiosk::register_walk_in(
        &mut db,
        workshop.id,
        &WalkIn {
            full_name: "Late Comer".into(),
            ..Default::default()
        },
        sunday,
        clock.tick(),
    )
    .unwrap_err();
    assert_eq!(error.code(), "outside_workshop");
    assert_eq!(
        count(&db),
        before,
        "no half-registered walk-in is left behind"
    );

    // Bad input names the field.
    let error = kiosk::register_walk_in(
        &mut db,
        workshop.id,
        &WalkIn {
            full_name: "A".into(),
            email: "a@".into(),
            ..Default::default()
        },
        slot,
        clock.tick(),
    )
    .unwrap_err();
    assert_eq!(error.field(), Some("email"));
}

#[test]
fn a_thousand_sign_ins_are_all_there_after_a_restart() {
    let clock = Clock::new();
    let data = DataDir::new();
    let workshop_id = {
        let mut db = data.open(&clock);
        let workshop = kathmandu(&mut db, &clock);
        let people: Vec<_> = (0..100)
            .map(|i| {
                participant::create(
                    &mut db,
                    workshop.id,
                    &person(&format!("Participant {i}"), Sex::NotStated, "NP", None),
                    clock.tick(),
                )
                .unwrap()
                .id
            })
            .collect();
        for slot in attendance::grid(db.conn(), workshop.id).unwrap().slots {
            for id in &people {
                attendance::sign_in(&mut db, *id, slot, Method::Kiosk, "", clock.tick()).unwrap();
            }
        }
        workshop.id
    };
    let db = data.open(&clock);
    let grid = attendance::grid(db.conn(), workshop_id).unwrap();
    let total: u32 = grid.totals.iter().map(|t| t.total).sum();
    assert_eq!(total, 1000, "100 participants × 10 sessions");
    assert!(
        grid.rows
            .iter()
            .all(|r| r.marks.iter().all(Option::is_some))
    );
}

#[test]
fn the_facilitator_marks_a_late_entry_with_its_reason_and_unmarks_by_hand() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let lan = participant::create(
        &mut db,
        workshop.id,
        &person("Nguyễn Thị Lan", Sex::Woman, "VN", None),
        clock.tick(),
    )
    .unwrap();
    let tuesday_morning = Slot {
        day: day("2018-05-15"),
        session: 1,
    };
    let grid = attendance::mark_by_hand(
        &mut db,
        lan.id,
        tuesday_morning,
        true,
        "Signed the paper sheet",
        Method::Facilitator,
        clock.tick(),
    )
    .unwrap();
    let column = grid
        .slots
        .iter()
        .position(|s| *s == tuesday_morning)
        .unwrap();
    assert_eq!(grid.rows[0].marks[column], Some(Method::Facilitator));
    assert_eq!(
        (grid.totals[column].total, grid.totals[column].women),
        (1, 1)
    );
    let reason: String = db
        .conn()
        .query_row(
            "SELECT reason FROM attendance WHERE participant_id = ?1",
            [lan.id.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reason, "Signed the paper sheet");
    assert_eq!(
        grid.rows[0].reasons[column].as_deref(),
        Some("Signed the paper sheet"),
        "the grid shows the reason beside the mark"
    );
    assert!(
        grid.rows[0]
            .reasons
            .iter()
            .enumerate()
            .all(|(i, r)| i == column || r.is_none()),
        "no reason where there is none"
    );

    let grid = attendance::mark_by_hand(
        &mut db,
        lan.id,
        tuesday_morning,
        false,
        "",
        Method::Facilitator,
        clock.tick(),
    )
    .unwrap();
    assert_eq!(grid.rows[0].marks[column], None);
    assert_eq!(
        grid.rows[0].reasons[column], None,
        "the reason goes with the mark"
    );
    assert_eq!(grid.totals[column].total, 0);
}
