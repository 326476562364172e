//! The kiosk through the core's public API: the session from the local time, one sign-in a
//! session, the workshop's dates, walk-ins in one transaction, a search that never shows contact
//! details, a thousand sign-ins that all survive, and the PIN that ends kiosk mode.

use crate::fixtures::{Clock, DataDir, count, kathmandu, local, person, slot};
use chrono::Duration;
use serde_json::Value;
use uuid::Uuid;
use workshop_core::attendance::{self, Method, SignIn};
use workshop_core::kiosk::{self, WalkIn};
use workshop_core::participant::{self, Origin, ParticipantInput, Sex};
use workshop_core::workshop::Workshop;
use workshop_core::{Database, Error, pin};

const ATTENDANCE_ROWS: &str = "SELECT count(*) FROM attendance WHERE deleted_at IS NULL";
const ATTENDANCE_LOGGED: &str = "SELECT count(*) FROM change_log WHERE entity = 'attendance'";
const PARTICIPANTS: &str = "SELECT count(*) FROM participant";
const LOGGED: &str = "SELECT count(*) FROM change_log";

fn register(
    db: &mut Database,
    workshop: &Workshop,
    clock: &Clock,
    input: &ParticipantInput,
) -> Uuid {
    participant::create(db, workshop.id, input, clock.tick())
        .unwrap()
        .id
}

#[test]
fn the_session_is_chosen_from_the_local_time_and_the_workshops_own_session_times() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let two = kathmandu(&mut db, &clock); // 14 to 18 May 2018, two sessions, default times
    let session = |w: &Workshop, at: &str| attendance::slot_at(w, local(at)).unwrap();

    // Defaults: the morning until 13:00, the afternoon from then on, on the day of the clock.
    for (at, expected) in [
        ("2018-05-14 00:00", 1),
        ("2018-05-14 07:45", 1),
        ("2018-05-14 12:59", 1),
        ("2018-05-14 13:00", 2),
        ("2018-05-18 23:59", 2),
    ] {
        let chosen = session(&two, at);
        assert_eq!(
            (chosen.day, chosen.session),
            (local(at).date(), expected),
            "{at}"
        );
    }

    // A workshop with its own times: the session that has started last.
    let own = Workshop {
        sessions_per_day: 3,
        session_starts: vec!["08:30".into(), "14:15".into(), "19:00".into()],
        ..two.clone()
    };
    for (at, expected) in [
        ("2018-05-15 07:00", 1), // early birds sign in for the first session
        ("2018-05-15 13:30", 1), // 13:00 is not a boundary here
        ("2018-05-15 14:15", 2),
        ("2018-05-15 18:59", 2),
        ("2018-05-15 19:00", 3),
    ] {
        assert_eq!(session(&own, at).session, expected, "{at}");
    }

    // Times that do not match the number of sessions fall back to the defaults.
    let mismatched = Workshop {
        session_starts: vec!["09:00".into()],
        ..two.clone()
    };
    assert_eq!(session(&mismatched, "2018-05-15 13:30").session, 2);
}

#[test]
fn signing_in_twice_at_the_kiosk_keeps_one_sign_in_and_says_already_signed_in() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let sita = register(
        &mut db,
        &workshop,
        &clock,
        &person("सीता शर्मा", Sex::Woman, "NP", None),
    );
    let tuesday_morning = slot("2018-05-15", 1);

    let first = kiosk::sign_in(
        &mut db,
        workshop.id,
        sita,
        tuesday_morning,
        Method::Kiosk,
        clock.tick(),
    )
    .unwrap();
    let SignIn::SignedIn { attendance: signed } = first else {
        panic!("the first sign-in records: {first:?}");
    };
    assert_eq!(signed.method, Method::Kiosk);
    assert_eq!((signed.day, signed.session), (tuesday_morning.day, 1));

    // The same person again, this time with the badge: the first sign-in stands, said kindly.
    let again = kiosk::sign_in(
        &mut db,
        workshop.id,
        sita,
        tuesday_morning,
        Method::Badge,
        clock.tick(),
    )
    .unwrap();
    let SignIn::AlreadySignedIn { attendance: kept } = &again else {
        panic!("the second sign-in is not recorded again: {again:?}");
    };
    assert_eq!(kept, &signed);
    assert_eq!(
        serde_json::to_value(&again).unwrap()["outcome"],
        "already_signed_in",
        "the UI branches on the outcome, not on an error"
    );
    assert_eq!(count(&db, ATTENDANCE_ROWS), 1);
    assert_eq!(
        count(&db, ATTENDANCE_LOGGED),
        1,
        "nothing logged for the repeat"
    );

    // The afternoon is another session.
    let afternoon = kiosk::sign_in(
        &mut db,
        workshop.id,
        sita,
        slot("2018-05-15", 2),
        Method::Badge,
        clock.tick(),
    )
    .unwrap();
    assert!(matches!(afternoon, SignIn::SignedIn { .. }));
    assert_eq!(count(&db, ATTENDANCE_ROWS), 2);
}

#[test]
fn signing_in_before_the_first_day_or_after_the_last_is_refused_and_writes_nothing() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let lan = register(
        &mut db,
        &workshop,
        &clock,
        &person("Nguyễn Thị Lan", Sex::Woman, "VN", Some(1991)),
    );
    let logged = count(&db, LOGGED);

    for (day, at) in [
        ("2018-05-13", "2018-05-13 08:40"), // the Sunday before
        ("2018-05-19", "2018-05-19 08:40"), // the Saturday after
    ] {
        let error = attendance::slot_at(&workshop, local(at)).unwrap_err();
        assert_eq!(error.code(), "outside_workshop", "{at}");

        let error = kiosk::sign_in(
            &mut db,
            workshop.id,
            lan,
            slot(day, 1),
            Method::Kiosk,
            clock.tick(),
        )
        .unwrap_err();
        assert!(matches!(error, Error::OutsideWorkshop { .. }), "{error:?}");
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["code"], "outside_workshop");
        let message = json["message"].as_str().unwrap();
        assert!(
            message.contains("2018-05-14") && message.contains("2018-05-18"),
            "the message gives the workshop's dates: {message}"
        );
    }
    // The first and the last day themselves are open.
    for day in ["2018-05-14", "2018-05-18"] {
        kiosk::sign_in(
            &mut db,
            workshop.id,
            lan,
            slot(day, 2),
            Method::Kiosk,
            clock.tick(),
        )
        .unwrap();
    }
    assert_eq!(count(&db, ATTENDANCE_ROWS), 2);
    assert_eq!(
        count(&db, LOGGED),
        logged + 2,
        "the refusals logged nothing"
    );
}

#[test]
fn the_kiosk_signs_in_only_participants_of_its_workshop() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let kathmandu_week = kathmandu(&mut db, &clock);
    let other = kathmandu(&mut db, &clock);
    let stranger = register(
        &mut db,
        &other,
        &clock,
        &person("Rahim Hossain", Sex::Man, "BD", None),
    );
    let error = kiosk::sign_in(
        &mut db,
        kathmandu_week.id,
        stranger,
        slot("2018-05-14", 1),
        Method::Kiosk,
        clock.tick(),
    )
    .unwrap_err();
    assert_eq!(error.code(), "not_found");

    // Nor someone the facilitator has deleted.
    participant::delete(&mut db, stranger, clock.tick()).unwrap();
    let error = kiosk::sign_in(
        &mut db,
        other.id,
        stranger,
        slot("2018-05-14", 1),
        Method::Kiosk,
        clock.tick(),
    )
    .unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert_eq!(count(&db, ATTENDANCE_ROWS), 0);
}

fn maria() -> WalkIn {
    WalkIn {
        full_name: "Maria Santos".into(),
        sex: Sex::Woman,
        country: Some("Philippines".into()),
        organisation: "TUCP".into(),
        email: "maria@tucp.org.ph".into(),
        consent_contact: true,
        consent_photos: false,
    }
}

#[test]
fn a_walk_in_is_registered_for_review_and_signed_in_or_neither() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let registered = register(
        &mut db,
        &workshop,
        &clock,
        &ParticipantInput {
            email: "maria@tucp.org.ph".into(),
            ..person("Maria Santos", Sex::Woman, "PH", Some(1988))
        },
    );
    let wednesday_afternoon = slot("2018-05-16", 2);

    // Refused walk-ins leave no participant, no attendance and no change-log entry: a bad email
    // (refused before the write) and a day outside the workshop (refused after the participant
    // was inserted, inside the same transaction).
    let (participants, logged) = (count(&db, PARTICIPANTS), count(&db, LOGGED));
    let bad_email = WalkIn {
        email: "maria@".into(),
        ..maria()
    };
    let error = kiosk::register_walk_in(
        &mut db,
        workshop.id,
        &bad_email,
        wednesday_afternoon,
        clock.tick(),
    )
    .unwrap_err();
    assert_eq!(
        (error.field(), error.code()),
        (Some("email"), "invalid_email")
    );
    let error = kiosk::register_walk_in(
        &mut db,
        workshop.id,
        &maria(),
        slot("2018-05-20", 1),
        clock.tick(),
    )
    .unwrap_err();
    assert_eq!(error.code(), "outside_workshop");
    let nameless = WalkIn {
        full_name: "   ".into(),
        ..maria()
    };
    let error = kiosk::register_walk_in(
        &mut db,
        workshop.id,
        &nameless,
        wednesday_afternoon,
        clock.tick(),
    )
    .unwrap_err();
    assert_eq!(error.field(), Some("fullName"));
    assert_eq!(count(&db, PARTICIPANTS), participants);
    assert_eq!(count(&db, ATTENDANCE_ROWS), 0);
    assert_eq!(count(&db, LOGGED), logged);

    // A good one: a participant marked as registered at the kiosk, to be reviewed, and signed in.
    let (shown, signed) = kiosk::register_walk_in(
        &mut db,
        workshop.id,
        &maria(),
        wednesday_afternoon,
        clock.tick(),
    )
    .unwrap();
    let SignIn::SignedIn { attendance } = signed else {
        panic!("a walk-in is signed in at once: {signed:?}");
    };
    assert_eq!(attendance.participant_id, shown.participant_id);
    assert_eq!(
        (attendance.day, attendance.session, attendance.method),
        (wednesday_afternoon.day, 2, Method::Kiosk)
    );
    let walk_in = participant::get(db.conn(), shown.participant_id).unwrap();
    assert_eq!(walk_in.registered_by, Origin::Kiosk);
    assert!(walk_in.needs_review);
    assert_eq!(walk_in.country.as_deref(), Some("PH"));
    assert_eq!(walk_in.workshop_id, workshop.id);
    assert!(
        !participant::get(db.conn(), registered)
            .unwrap()
            .needs_review
    );
    assert_eq!(count(&db, PARTICIPANTS), participants + 1);
    assert_eq!(
        count(&db, LOGGED),
        logged + 2,
        "the participant and the sign-in"
    );
    let keys: Vec<String> = serde_json::to_value(&shown)
        .unwrap()
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(
        keys,
        ["fullName", "nameLatin", "organisation", "participantId"],
        "the kiosk gets back no more than it shows"
    );

    // The facilitator sees the walk-in flagged, with the duplicate warning for the Maria Santos
    // already on the list.
    let duplicates = participant::find_duplicates(
        db.conn(),
        workshop.id,
        &ParticipantInput {
            full_name: walk_in.full_name.clone(),
            email: walk_in.email.clone(),
            ..Default::default()
        },
        Some(walk_in.id),
    )
    .unwrap();
    assert_eq!(
        duplicates
            .iter()
            .map(|d| d.participant.id)
            .collect::<Vec<_>>(),
        [registered]
    );
    let reviewed = participant::mark_reviewed(&mut db, walk_in.id, clock.tick()).unwrap();
    assert!(!reviewed.needs_review);
    assert_eq!(
        reviewed.registered_by,
        Origin::Kiosk,
        "reviewed, still a walk-in"
    );
}

/// A participant with every contact field the kiosk must never show.
fn with_contacts(name: &str, sex: Sex, country: &str, index: usize) -> ParticipantInput {
    ParticipantInput {
        email: format!("secret.mail.{index}@example.org"),
        phone: format!("+977 98 5550{index:04}"),
        birth_year: Some(1970 + i32::try_from(index % 30).unwrap()),
        notes: format!("Private note {index}: needs a visa letter"),
        position: "Treasurer".into(),
        ..person(name, sex, country, None)
    }
}

#[test]
fn kiosk_search_finds_names_in_any_script_and_never_returns_contact_details() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let people = [
        ("सीता शर्मा", Sex::Woman, "NP"),
        ("สมชาย ใจดี", Sex::Man, "TH"),
        ("Nguyễn Thị Lan", Sex::Woman, "VN"),
        ("محمد مازن المعايطة", Sex::Man, "JO"),
        ("王芳", Sex::Woman, "CN"),
        ("王军", Sex::Man, "CN"),
        ("김민", Sex::Woman, "KR"),
    ];
    let mut inputs: Vec<ParticipantInput> = people
        .iter()
        .enumerate()
        .map(|(i, (name, sex, country))| with_contacts(name, *sex, country, i))
        .collect();
    inputs
        .extend((0..12).map(|i| with_contacts(&format!("Ram Sharma {i}"), Sex::Man, "IN", 10 + i)));
    let ids: Vec<Uuid> = inputs
        .iter()
        .map(|input| register(&mut db, &workshop, &clock, input))
        .collect();
    let all: Vec<_> = ids
        .iter()
        .map(|id| participant::get(db.conn(), *id).unwrap())
        .collect();

    let search = |query: &str| kiosk::search(&db, workshop.id, query).unwrap();
    let found_ids =
        |query: &str| -> Vec<Uuid> { search(query).iter().map(|m| m.participant_id).collect() };

    // Fewer than three letters find nothing, so the list cannot be read out letter by letter.
    for short in ["", "s", "sh", " s h ", "सी", "王", "김"] {
        assert!(search(short).is_empty(), "{short:?}");
    }
    // A Chinese character or a Korean syllable counts as two letters: a two-character name
    // is found in its own script, one character (a surname shared by many) is not enough.
    assert_eq!(found_ids("王芳"), [ids[4]], "two Chinese characters");
    assert_eq!(found_ids("김민"), [ids[6]], "two Korean syllables");
    // At most eight names, even when thirteen match.
    assert_eq!(search("sharma").len(), kiosk::MAX_MATCHES);
    assert_eq!(kiosk::MAX_MATCHES, 8);

    // The name in its own script, or in Latin letters.
    assert_eq!(found_ids("सीता"), [ids[0]], "Devanagari as written");
    assert_eq!(
        found_ids("sita"),
        [ids[0]],
        "Devanagari found by its Latin spelling"
    );
    assert_eq!(found_ids("สมชาย"), [ids[1]], "Thai as written");
    assert_eq!(
        found_ids("somchai"),
        [ids[1]],
        "Thai found by its Latin spelling"
    );
    assert_eq!(found_ids("nguyen lan"), [ids[2]], "without the accents");
    assert_eq!(
        found_ids("mazen"),
        [ids[3]],
        "Arabic found by its Latin spelling"
    );

    // A badge code as typed or scanned: any case, spaces around or inside.
    for (person, id) in all.iter().zip(&ids) {
        let code = &person.badge_code;
        let spaced: String = code.to_lowercase().chars().flat_map(|c| [c, ' ']).collect();
        for typed in [code.to_lowercase(), format!("  {code}\n"), spaced] {
            assert_eq!(found_ids(&typed), [*id], "badge {code} typed as {typed:?}");
        }
    }

    // Whatever is typed, a match carries the name and organisation only.
    let secrets: Vec<String> = all
        .iter()
        .flat_map(|p| {
            [
                p.email.clone(),
                p.phone.clone(),
                p.notes.clone(),
                p.birth_year.unwrap().to_string(),
                p.badge_code.clone(),
                p.position.clone(),
            ]
        })
        .collect();
    let mut queries: Vec<String> = vec![
        "sharma".into(),
        "sita".into(),
        "สมชาย".into(),
        "nguyen".into(),
        "gefont".into(),
    ];
    queries.extend(all.iter().map(|p| p.badge_code.clone()));
    let mut seen = 0;
    for query in &queries {
        for found in search(query) {
            seen += 1;
            let json = serde_json::to_value(&found).unwrap();
            let keys: Vec<&str> = json
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(
                keys,
                ["fullName", "nameLatin", "organisation", "participantId"],
                "{query}"
            );
            assert!(json.as_object().unwrap().values().all(Value::is_string));
            // The ID is random hex, which may spell a birth year by chance: it is
            // checked to be the participant's own ID, the other fields for secrets.
            assert!(all.iter().any(|p| p.id == found.participant_id), "{query}");
            let shown = [&found.full_name, &found.name_latin, &found.organisation];
            for secret in &secrets {
                assert!(
                    shown.iter().all(|field| !field.contains(secret.as_str())),
                    "{query}: {secret} in {shown:?}"
                );
            }
        }
    }
    assert!(seen > 20, "the queries above found people to check: {seen}");
}

#[test]
fn kiosk_search_stays_within_its_workshop_and_leaves_out_deleted_participants() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let here = kathmandu(&mut db, &clock);
    let elsewhere = kathmandu(&mut db, &clock);
    let sita = register(
        &mut db,
        &here,
        &clock,
        &person("Sita Sharma", Sex::Woman, "NP", None),
    );
    let other_sita = register(
        &mut db,
        &elsewhere,
        &clock,
        &person("Sita Shrestha", Sex::Woman, "NP", None),
    );
    let badge_elsewhere = participant::get(db.conn(), other_sita).unwrap().badge_code;
    let found: Vec<Uuid> = kiosk::search(&db, here.id, "sita")
        .unwrap()
        .into_iter()
        .map(|m| m.participant_id)
        .collect();
    assert_eq!(found, [sita]);
    assert!(
        kiosk::search(&db, here.id, &badge_elsewhere)
            .unwrap()
            .is_empty(),
        "another workshop's badge"
    );

    participant::delete(&mut db, sita, clock.tick()).unwrap();
    assert!(kiosk::search(&db, here.id, "sita").unwrap().is_empty());
}

#[test]
fn a_thousand_kiosk_sign_ins_are_all_recorded_logged_and_on_disk() {
    let clock = Clock::new();
    let data = DataDir::new();
    let slots = [
        slot("2018-05-14", 1),
        slot("2018-05-14", 2),
        slot("2018-05-15", 1),
        slot("2018-05-16", 2),
        slot("2018-05-18", 1),
    ];
    let (workshop_id, people) = {
        let mut db = data.open(&clock);
        let workshop = kathmandu(&mut db, &clock);
        let people: Vec<Uuid> = (0..200)
            .map(|i| {
                register(
                    &mut db,
                    &workshop,
                    &clock,
                    &person(&format!("Participant {i:03}"), Sex::NotStated, "NP", None),
                )
            })
            .collect();
        // Each sign-in is its own write, as at the kiosk; badges and names alternate.
        for (s, slot) in slots.iter().enumerate() {
            for (p, id) in people.iter().enumerate() {
                let method = if (s + p) % 2 == 0 {
                    Method::Kiosk
                } else {
                    Method::Badge
                };
                let signed =
                    kiosk::sign_in(&mut db, workshop.id, *id, *slot, method, clock.tick()).unwrap();
                assert!(matches!(signed, SignIn::SignedIn { .. }));
            }
        }
        assert_eq!(count(&db, ATTENDANCE_ROWS), 1000);
        assert_eq!(count(&db, ATTENDANCE_LOGGED), 1000);
        (workshop.id, people)
    };

    // Reopened from the file: every sign-in, every log entry, every cell of the grid.
    let mut db = data.open(&clock);
    assert_eq!(count(&db, ATTENDANCE_ROWS), 1000);
    assert_eq!(count(&db, ATTENDANCE_LOGGED), 1000);
    assert_eq!(
        count(
            &db,
            "SELECT count(DISTINCT participant_id || day || session) FROM attendance"
        ),
        1000
    );
    let grid = attendance::grid(db.conn(), workshop_id).unwrap();
    let columns: Vec<usize> = slots
        .iter()
        .map(|s| grid.slots.iter().position(|g| g == s).unwrap())
        .collect();
    for (column, total) in grid.totals.iter().enumerate() {
        let expected = if columns.contains(&column) { 200 } else { 0 };
        assert_eq!(total.total, expected, "{:?}", grid.slots[column]);
    }

    // Signing everyone in again after the restart adds nothing.
    for id in &people {
        let again = kiosk::sign_in(
            &mut db,
            workshop_id,
            *id,
            slots[2],
            Method::Badge,
            clock.tick(),
        )
        .unwrap();
        assert!(matches!(again, SignIn::AlreadySignedIn { .. }));
    }
    assert_eq!(count(&db, ATTENDANCE_ROWS), 1000);
    assert_eq!(count(&db, ATTENDANCE_LOGGED), 1000);
}

#[test]
fn the_pin_is_kept_only_as_a_hash_that_survives_a_restart_and_so_do_its_waits() {
    let clock = Clock::new();
    let data = DataDir::new();
    {
        let db = data.open(&clock);
        assert!(!pin::is_set(db.conn()).unwrap());
        assert_eq!(
            pin::verify(db.conn(), "246810", clock.tick())
                .unwrap_err()
                .code(),
            "pin_not_set"
        );
        for bad in ["12345", "24681a", "２４６８１０"] {
            assert_eq!(
                pin::set(db.conn(), bad).unwrap_err().field(),
                Some("pin"),
                "{bad:?}"
            );
        }
        pin::set(db.conn(), "246810").unwrap();
    }

    // After a restart: still set, stored as an Argon2id hash with no trace of the digits.
    let db = data.open(&clock);
    assert!(pin::is_set(db.conn()).unwrap());
    let stored: Vec<String> = db
        .conn()
        .prepare("SELECT value FROM meta")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        stored.iter().any(|v| v.starts_with("$argon2id$")),
        "{stored:?}"
    );
    assert!(stored.iter().all(|v| !v.contains("246810")), "{stored:?}");
    pin::verify(db.conn(), "246810", clock.tick()).unwrap();

    // Three wrong PINs, then a wait that a restart does not cut short.
    let at = clock.tick();
    for _ in 0..3 {
        assert_eq!(
            pin::verify(db.conn(), "135790", at).unwrap_err().code(),
            "wrong_pin"
        );
    }
    drop(db);
    let db = data.open(&clock);
    let error = pin::verify(db.conn(), "246810", at + Duration::seconds(1)).unwrap_err();
    assert!(
        matches!(error, Error::PinThrottled { seconds: 4 }),
        "{error:?}"
    );
    assert_eq!(error.code(), "pin_throttled");
    assert!(pin::verify(db.conn(), "246810", at + Duration::seconds(5)).is_ok());
}
