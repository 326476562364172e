//! Registration: names in every script stored and found exactly, duplicates, search, deletion.

use crate::fixtures::{Clock, kathmandu, person};
use workshop_core::Database;
use workshop_core::participant::{self, DuplicateReason, Listing, ParticipantInput, Sex};

/// Names as people write them, including the awkward ones.
const NAMES: &[(&str, &str)] = &[
    ("सीता शर्मा", "NP"),
    ("สมชาย ใจดี", "TH"),
    ("محمد مازن المعايطة", "JO"),
    ("王芳", "CN"),
    ("Nguyễn Văn An", "VN"),
    ("Josephine \u{1F469}\u{200D}\u{1F3ED} Reyes", "PH"),
    ("=HYPERLINK(\"http://x\")", "PH"),
    ("O'Brien \"Bob\" <b>", "GB"),
];

#[test]
fn names_in_every_script_are_stored_and_found_exactly() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    for (name, country) in NAMES {
        let saved = participant::create(
            &mut db,
            workshop.id,
            &person(name, Sex::Woman, country, None),
            clock.tick(),
        )
        .unwrap();
        assert_eq!(
            saved.full_name, *name,
            "the name must be stored exactly as typed"
        );
        let found = participant::search(&db, workshop.id, name, Listing::Registered, None).unwrap();
        assert!(
            found
                .iter()
                .any(|p| p.id == saved.id && p.full_name == *name),
            "searching for {name:?} must find it, got {:?}",
            found.iter().map(|p| &p.full_name).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_decomposed_name_is_stored_in_nfc_and_matches_the_composed_one() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let decomposed = "Nguye\u{0302}\u{0303}n Va\u{0306}n An";
    let saved = participant::create(
        &mut db,
        workshop.id,
        &person(decomposed, Sex::Man, "VN", None),
        clock.tick(),
    )
    .unwrap();
    assert_eq!(saved.full_name, "Nguyễn Văn An");
    let found = participant::search(&db, workshop.id, "Nguyễn", Listing::Registered, None).unwrap();
    assert_eq!(found.len(), 1);
}

#[test]
fn search_matches_transliterations_organisations_and_countries() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let sita = participant::create(
        &mut db,
        workshop.id,
        &ParticipantInput {
            organisation: "GEFONT".into(),
            ..person("सीता शर्मा", Sex::Woman, "NP", None)
        },
        clock.tick(),
    )
    .unwrap();
    let wang = participant::create(
        &mut db,
        workshop.id,
        &ParticipantInput {
            organisation: "ACFTU".into(),
            ..person("王芳", Sex::Woman, "CN", None)
        },
        clock.tick(),
    )
    .unwrap();
    let ids = |query: &str| -> Vec<_> {
        participant::search(&db, workshop.id, query, Listing::Registered, None)
            .unwrap()
            .into_iter()
            .map(|p| p.id)
            .collect()
    };
    assert_eq!(
        ids("sharma"),
        vec![sita.id],
        "a Latin spelling finds the Devanagari name"
    );
    assert_eq!(ids("शर्मा"), vec![sita.id], "the name's own script finds it");
    assert_eq!(ids("wang"), vec![wang.id]);
    assert_eq!(ids("acftu"), vec![wang.id], "organisation");
    assert_eq!(ids("china"), vec![wang.id], "country in English");
    assert_eq!(
        ids("népal"),
        vec![sita.id],
        "country in French, with its accent"
    );
    assert_eq!(ids("sita nepal"), vec![sita.id], "every word must match");
    assert!(ids("sita china").is_empty());
    assert_eq!(ids("").len(), 2, "an empty query lists everyone");
}

#[test]
fn duplicates_are_found_by_email_and_by_name_in_any_script_and_order() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let an = participant::create(
        &mut db,
        workshop.id,
        &ParticipantInput {
            email: "an@vgcl.org.vn".into(),
            ..person("Nguyễn Văn An", Sex::Man, "VN", None)
        },
        clock.tick(),
    )
    .unwrap();
    let sita = participant::create(
        &mut db,
        workshop.id,
        &person("सीता शर्मा", Sex::Woman, "NP", None),
        clock.tick(),
    )
    .unwrap();

    let check = |db: &Database, input: ParticipantInput| {
        participant::find_duplicates(db.conn(), workshop.id, &input, None)
            .unwrap()
            .into_iter()
            .map(|c| (c.participant.id, c.reason))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        check(&db, person("Nguyen Van An", Sex::Man, "VN", None)),
        vec![(an.id, DuplicateReason::Name)]
    );
    assert_eq!(
        check(&db, person("An Nguyen Van", Sex::Man, "VN", None)),
        vec![(an.id, DuplicateReason::Name)]
    );
    assert_eq!(
        check(&db, person("Sita Sharma", Sex::Woman, "NP", None)),
        vec![(sita.id, DuplicateReason::Name)]
    );
    assert_eq!(
        check(
            &db,
            ParticipantInput {
                email: " AN@vgcl.org.vn ".into(),
                ..person("Someone Else", Sex::Man, "VN", None)
            }
        ),
        vec![(an.id, DuplicateReason::Email)],
        "the same email, whatever its case"
    );
    assert!(check(&db, person("Gita Sharma", Sex::Woman, "NP", None)).is_empty());

    // Editing a participant does not warn about the participant themself.
    let own = participant::find_duplicates(
        db.conn(),
        workshop.id,
        &person("Sita Sharma", Sex::Woman, "NP", None),
        Some(sita.id),
    )
    .unwrap();
    assert!(own.is_empty());

    // A deleted participant is no longer a duplicate.
    participant::delete(&mut db, an.id, clock.tick()).unwrap();
    assert!(check(&db, person("Nguyen Van An", Sex::Man, "VN", None)).is_empty());
}

#[test]
fn badge_codes_are_unique_in_the_workshop() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let mut codes = std::collections::HashSet::new();
    for index in 0..300 {
        let p = participant::create(
            &mut db,
            workshop.id,
            &person(&format!("Person {index}"), Sex::NotStated, "NP", None),
            clock.tick(),
        )
        .unwrap();
        assert!(
            codes.insert(p.badge_code.clone()),
            "badge code {} given twice",
            p.badge_code
        );
    }
}

#[test]
fn delete_hides_and_restore_brings_back_exactly_as_before() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let input = ParticipantInput {
        email: "sita@gefont.org".into(),
        notes: "Vegetarian".into(),
        ..person("सीता शर्मा", Sex::Woman, "NP", Some(1990))
    };
    let sita = participant::create(&mut db, workshop.id, &input, clock.tick()).unwrap();

    let deleted = participant::delete(&mut db, sita.id, clock.tick()).unwrap();
    assert!(deleted.deleted_at.is_some());
    assert!(
        participant::list(&db, workshop.id, "", false)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        participant::list(&db, workshop.id, "", true).unwrap().len(),
        1
    );
    assert!(
        participant::update(&mut db, sita.id, &input, clock.tick()).is_err(),
        "a deleted participant cannot be edited"
    );

    let restored = participant::restore(&mut db, sita.id, clock.tick()).unwrap();
    assert_eq!(restored.deleted_at, None);
    assert_eq!(
        (
            restored.full_name,
            restored.email,
            restored.notes,
            restored.badge_code
        ),
        (sita.full_name, sita.email, sita.notes, sita.badge_code)
    );
}

#[test]
fn every_write_is_in_the_change_log_with_old_and_new_values() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    let input = person("Sita Sharma", Sex::Woman, "NP", None);
    let sita = participant::create(&mut db, workshop.id, &input, clock.tick()).unwrap();
    let edited = ParticipantInput {
        email: "sita@gefont.org".into(),
        ..input
    };
    participant::update(&mut db, sita.id, &edited, clock.tick()).unwrap();
    participant::update(&mut db, sita.id, &edited, clock.tick()).unwrap(); // no change: no entry
    participant::delete(&mut db, sita.id, clock.tick()).unwrap();
    participant::restore(&mut db, sita.id, clock.tick()).unwrap();

    let history = participant::history(db.conn(), sita.id).unwrap();
    let ops: Vec<&str> = history.iter().map(|e| e.op.as_str()).collect();
    assert_eq!(ops, ["create", "update", "delete", "restore"]);
    assert_eq!(
        history[0].changes["fullName"],
        serde_json::json!([null, "Sita Sharma"])
    );
    assert_eq!(
        history[1].changes,
        serde_json::json!({"email": ["", "sita@gefont.org"]})
    );
    assert!(
        history
            .iter()
            .all(|e| e.device_id == db.device_id().to_string())
    );
    assert!(
        history.windows(2).all(|pair| pair[0].at < pair[1].at),
        "entries carry the time passed in"
    );
}

#[test]
fn the_change_log_cannot_be_rewritten() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    kathmandu(&mut db, &clock);
    assert!(
        db.conn()
            .execute("UPDATE change_log SET op = 'update'", [])
            .is_err()
    );
    assert!(db.conn().execute("DELETE FROM change_log", []).is_err());
}

#[test]
fn the_summary_counts_women_countries_youth_and_roles() {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    for input in [
        person("सीता शर्मा", Sex::Woman, "NP", Some(1990)), // 28 in 2018: youth
        person("Laxman Basnet", Sex::Man, "NP", Some(1960)),
        person("Nguyễn Thị Lan", Sex::Woman, "VN", Some(1984)), // 34: youth
        person("محمد مازن المعايطة", Sex::Man, "JO", Some(1983)), // 35: not under 35
        person("Alex Kim", Sex::Another, "KR", None),
    ] {
        participant::create(&mut db, workshop.id, &input, clock.tick()).unwrap();
    }
    let deleted = participant::create(
        &mut db,
        workshop.id,
        &person("Gone", Sex::Woman, "LK", None),
        clock.tick(),
    )
    .unwrap();
    participant::delete(&mut db, deleted.id, clock.tick()).unwrap();

    let summary = workshop_core::summary::summarize(db.conn(), workshop.id).unwrap();
    assert_eq!(
        summary.headline,
        "5 participants (2 women) from 4 countries; 2 under 35 (age not known for 1)"
    );
    assert_eq!(
        (
            summary.men,
            summary.another,
            summary.age_unknown,
            summary.youth_women
        ),
        (2, 1, 1, 2)
    );
    assert_eq!(
        summary.by_country[0].country.as_deref(),
        Some("NP"),
        "most represented first"
    );
    assert_eq!(
        (summary.by_country[0].total, summary.by_country[0].women),
        (2, 1)
    );
    assert_eq!(summary.by_role.len(), 1);
    assert_eq!(summary.by_role[0].total, 5);
}
