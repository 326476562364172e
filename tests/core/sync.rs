//! Import and merge of workbooks: a full transfer to an empty laptop, re-import, two laptops
//! that both changed things, a workbook corrected by hand at headquarters, and the files that
//! must be refused.

use crate::exchange::*;
use crate::fixtures::{Clock, DataDir, kathmandu, person};
use chrono::NaiveDate;
use proptest::prelude::*;
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};
use uuid::Uuid;
use workshop_core::Database;
use workshop_core::attendance::{self, Method, Slot};
use workshop_core::board::{self, Quadrant, RaisedBy};
use workshop_core::import::{Limits, RawCell};
use workshop_core::participant::{self, Sex};
use workshop_core::sync::{self, Choices, Side};
use workshop_core::workbook::Profile;

#[test]
fn a_full_transfer_into_an_empty_laptop_comes_back_field_for_field_and_twice_changes_nothing() {
    let laptops = two_laptops(Clock::new());
    assert_same(&snapshot(&laptops.a), &snapshot(&laptops.b));
    assert!(count(&laptops.b, "SELECT count(*) FROM attendance") > 0);
    assert!(count(&laptops.b, "SELECT count(*) FROM note") > 0);
    assert!(count(&laptops.b, "SELECT count(*) FROM action_note") > 0);
    // Search works on the imported people: the derived keys were written.
    let first = &people(&laptops.b, laptops.workshop)[0];
    let found = participant::list(&laptops.b, laptops.workshop, &first.name_latin, false).unwrap();
    assert!(found.iter().any(|p| p.id == first.id));

    // The same file again: nothing to do.
    let mut b = laptops.b;
    let before = snapshot(&b);
    let file = std::fs::read_dir(laptops.files.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let again = import(&mut b, &file, &Choices::new(), laptops.clock.tick());
    assert!(
        !again.applied,
        "a second import of the same file changes nothing"
    );
    assert!(again.preview.is_empty(), "{:?}", again.preview.counts);
    assert_eq!(before, snapshot(&b));
}

/// Both laptops change the same field, each changes other things, both sign the same person in
/// for the same session; importing each other's files ends with the same records on both.
#[test]
fn two_laptops_merged_both_ways_end_with_the_same_data_and_the_later_change_wins_a_conflict() {
    let TwoLaptops {
        files,
        mut a,
        mut b,
        workshop,
        clock,
        ..
    } = two_laptops(Clock::new());
    let roster = people(&a, workshop);
    let (sita, other) = (roster[0].id, roster[1].id);
    set_organisation(&mut a, sita, "Organisation as A typed it", clock.tick());
    set_organisation(&mut b, sita, "Organisation as B typed it", clock.tick());
    set_organisation(&mut a, other, "Only A changed this", clock.tick());
    let board_id: String = a
        .conn()
        .query_row("SELECT id FROM board LIMIT 1", [], |r| r.get(0))
        .unwrap();
    let board_id = Uuid::parse_str(&board_id).unwrap();
    let added = board::add_note(
        &mut b,
        board_id,
        Quadrant::Threats,
        "Employers ignore the MoU",
        RaisedBy::default(),
        clock.tick(),
    )
    .unwrap();
    let slot = Slot {
        day: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        session: 2,
    };
    let lonely = roster[2].id;
    attendance::sign_in(&mut a, lonely, slot, Method::Kiosk, "", clock.tick()).unwrap();
    attendance::sign_in(&mut b, lonely, slot, Method::Facilitator, "", clock.tick()).unwrap();

    let from_a = export(
        &a,
        workshop,
        Profile::FullTransfer,
        files.path(),
        clock.tick(),
    );
    let from_b = export(
        &b,
        workshop,
        Profile::FullTransfer,
        files.path(),
        clock.tick(),
    );

    let preview = sync::preview(a.conn(), &read(&from_b)).unwrap();
    assert_eq!(preview.conflicts.len(), 1, "{:?}", preview.conflicts);
    let conflict = &preview.conflicts[0];
    assert_eq!(conflict.record_id, sita);
    assert_eq!(conflict.column, "Organisation");
    assert_eq!(conflict.ours, "Organisation as A typed it");
    assert_eq!(conflict.theirs, "Organisation as B typed it");
    assert_eq!(conflict.default, Side::Theirs, "B's change was later");
    assert!(preview.new_records.iter().any(|r| r.record_id == added.id));
    assert!(
        !preview.updates.iter().any(|u| u.record_id == other),
        "A's own newer change is not overwritten by B's older value"
    );

    let at_a = import(&mut a, &from_b, &Choices::new(), clock.tick());
    let at_b = import(&mut b, &from_a, &Choices::new(), clock.tick());
    assert!(at_a.applied && at_b.applied);
    assert_eq!(
        at_a.values_taken,
        at_a.preview.updates.len() + 1,
        "the conflict settled for B's later change is a value taken"
    );
    assert_eq!(
        at_b.preview.conflicts[0].default,
        Side::Ours,
        "B sees the same winner"
    );
    assert_same(&records(&a), &records(&b));
    for db in [&a, &b] {
        let p = participant::get(db.conn(), sita).unwrap();
        assert_eq!(p.organisation, "Organisation as B typed it");
        assert_eq!(
            participant::get(db.conn(), other).unwrap().organisation,
            "Only A changed this"
        );
        let live: i64 = db
            .conn()
            .query_row(
                "SELECT count(*) FROM attendance WHERE participant_id = ?1 AND day = '2026-11-27'
                 AND session = 2 AND deleted_at IS NULL",
                [lonely.to_string()],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(live, 1, "the sign-in taken on both laptops counts once");
    }
    assert!(
        at_a.notes
            .iter()
            .chain(&at_b.notes)
            .any(|n| n.contains("sign-in"))
    );
    // The value replaced is kept in the change log, with the import that replaced it.
    let kept: i64 = count(
        &a,
        "SELECT count(*) FROM change_log WHERE merged_by IS NOT NULL
         AND changes LIKE '%Organisation as A typed it%'",
    );
    assert_eq!(kept, 1);

    // Once more in both directions: no record changes, only the entries each import wrote
    // travel to the other side; after that, nothing at all.
    let records_a = records(&a);
    for round in 0..2 {
        let again_a = export(
            &a,
            workshop,
            Profile::FullTransfer,
            files.path(),
            clock.tick(),
        );
        let again_b = export(
            &b,
            workshop,
            Profile::FullTransfer,
            files.path(),
            clock.tick(),
        );
        let at_a = import(&mut a, &again_b, &Choices::new(), clock.tick());
        let at_b = import(&mut b, &again_a, &Choices::new(), clock.tick());
        for report in [&at_a, &at_b] {
            let p = &report.preview;
            assert!(
                p.new_records.is_empty() && p.updates.is_empty() && p.conflicts.is_empty(),
                "round {round}: {:?} {:?} {:?}",
                p.new_records,
                p.updates,
                p.conflicts
            );
            if round == 1 {
                assert!(
                    !report.applied,
                    "round {round}: {} log entries",
                    p.log_entries
                );
            }
        }
    }
    assert_eq!(records_a, records(&a));
    assert_same(&records(&a), &records(&b));
    assert_same(&snapshot(&a), &snapshot(&b));
}

#[test]
fn a_conflict_settled_for_this_side_wins_on_the_other_laptop_at_the_next_exchange() {
    let TwoLaptops {
        files,
        mut a,
        mut b,
        workshop,
        clock,
        ..
    } = two_laptops(Clock::new());
    let sita = people(&a, workshop)[0].id;
    set_organisation(&mut a, sita, "GEFONT", clock.tick());
    set_organisation(&mut b, sita, "NTUC", clock.tick());
    let from_b = export(
        &b,
        workshop,
        Profile::FullTransfer,
        files.path(),
        clock.tick(),
    );
    let incoming = read(&from_b);
    let preview = sync::preview(a.conn(), &incoming).unwrap();
    let key = preview.conflicts[0].key.clone();
    let choices: Choices = [(key, Side::Ours)].into_iter().collect();
    let report = sync::apply(&mut a, &incoming, &choices, None, clock.tick()).unwrap();
    assert_eq!(report.settled[0].1, Side::Ours);
    assert_eq!(
        report.values_taken,
        report.preview.updates.len(),
        "a conflict kept for this side takes no value"
    );
    assert_eq!(
        participant::get(a.conn(), sita).unwrap().organisation,
        "GEFONT"
    );

    let from_a = export(
        &a,
        workshop,
        Profile::FullTransfer,
        files.path(),
        clock.tick(),
    );
    let at_b = import(&mut b, &from_a, &Choices::new(), clock.tick());
    assert!(
        at_b.preview.conflicts.is_empty(),
        "{:?}",
        at_b.preview.conflicts
    );
    assert_eq!(
        participant::get(b.conn(), sita).unwrap().organisation,
        "GEFONT"
    );
    assert_same(&records(&a), &records(&b));
}

#[test]
fn applying_takes_a_backup_first_and_records_the_import() {
    let clock = Clock::new();
    let (dir_a, dir_b) = (DataDir::new(), DataDir::new());
    let mut a = dir_a.open(&clock);
    let mut b = dir_b.open(&clock);
    let workshop = kathmandu(&mut a, &clock);
    participant::create(
        &mut a,
        workshop.id,
        &person("सीता शर्मा", Sex::Woman, "NP", Some(1990)),
        clock.tick(),
    )
    .unwrap();
    let files = tempfile::tempdir().unwrap();
    let file = export(
        &a,
        workshop.id,
        Profile::FullTransfer,
        files.path(),
        clock.tick(),
    );
    let backups = dir_b.path().join("backups");
    let report = sync::apply(
        &mut b,
        &read(&file),
        &Choices::new(),
        Some(&backups),
        clock.tick(),
    )
    .unwrap();
    let backup = report.backup_file.expect("a backup before the import");
    assert!(backup.contains("before-import"), "{backup}");
    assert!(backups.join(&backup).is_file());
    assert_eq!(count(&b, "SELECT count(*) FROM import"), 1);
    assert_eq!(people(&b, workshop.id)[0].full_name, "सीता शर्मा");
}

// ---------------------------------------------------------------------------------------------
// Workbooks edited by hand.

/// A workshop with a few people and an action, exported as a report.
fn headquarters_copy() -> (DataDir, Database, Uuid, tempfile::TempDir, PathBuf, Clock) {
    let clock = Clock::new();
    let dir = DataDir::new();
    let mut db = dir.open(&clock);
    let workshop = kathmandu(&mut db, &clock);
    for (name, sex, country) in [
        ("Sita Sharma", Sex::Woman, "NP"),
        ("Nguyen Van An", Sex::Man, "VN"),
        ("سارة الخطيب", Sex::Woman, "JO"),
    ] {
        participant::create(
            &mut db,
            workshop.id,
            &person(name, sex, country, Some(1990)),
            clock.tick(),
        )
        .unwrap();
    }
    let files = tempfile::tempdir().unwrap();
    let file = export(
        &db,
        workshop.id,
        Profile::Report,
        files.path(),
        clock.tick(),
    );
    (dir, db, workshop.id, files, file, clock)
}

#[test]
fn a_row_added_by_hand_then_corrected_is_said_to_be_perhaps_someone_already_here() {
    let (_dir, mut db, workshop, files, file, clock) = headquarters_copy();
    // Headquarters adds a participant without an ID, sends the file, then corrects her
    // organisation in the same row and sends it again: the row has no ID to be recognised by.
    let with_ana = |organisation: &str, out: &Path| {
        edit_by_hand(&file, out, |sheets| {
            let people = sheet(sheets, "Participants");
            let mut added = vec![RawCell::Empty; people.rows[0].len()];
            for (header, value) in [
                ("Name", "Ana Lima"),
                ("Sex", "Woman"),
                ("Country code", "BR"),
                ("Organisation", organisation),
                ("Role", "Participant"),
                ("Registered by", "Facilitator"),
            ] {
                added[column(people, header)] = RawCell::Text(value.into());
            }
            people.rows.push(added);
        });
    };
    let first = files.path().join("with Ana.xlsx");
    with_ana("CUT", &first);
    let report = import(&mut db, &first, &Choices::new(), clock.tick());
    assert!(report.applied);
    let duplicate_warning = |warnings: &[String]| {
        warnings
            .iter()
            .find(|w| w.contains("may be the same person"))
            .cloned()
    };
    assert_eq!(duplicate_warning(&report.preview.warnings), None);

    let corrected = files.path().join("with Ana, corrected.xlsx");
    with_ana("CUT Brasil", &corrected);
    let preview = sync::preview(db.conn(), &read(&corrected)).unwrap();
    assert_eq!(preview.new_records.len(), 1, "{:?}", preview.new_records);
    let warning = duplicate_warning(&preview.warnings).expect("a warning");
    assert!(
        warning.contains("\"Participants\", row 5")
            && warning.contains("\u{201c}Ana Lima\u{201d} was added by hand")
            && warning.contains("as \u{201c}Ana Lima\u{201d} already on this laptop"),
        "{warning}"
    );
    assert_eq!(
        people(&db, workshop).len(),
        4,
        "nothing written by a preview"
    );

    // The same workbook on a laptop that does not have the workshop yet: nobody to be a
    // duplicate of, and the preview is not refused for asking.
    let other = DataDir::new();
    let empty = other.open(&clock);
    let preview = sync::preview(empty.conn(), &read(&corrected)).unwrap();
    assert!(!preview.workshop_exists);
    assert_eq!(duplicate_warning(&preview.warnings), None);
    assert!(
        preview
            .new_records
            .iter()
            .any(|r| r.hand_added && r.label == "Ana Lima")
    );
}

#[test]
fn a_workbook_corrected_by_hand_imports_its_changes_and_new_rows_and_warns_of_unknown_columns() {
    let (_dir, mut db, workshop, files, file, clock) = headquarters_copy();
    let edited = files.path().join("corrected.xlsx");
    edit_by_hand(&file, &edited, |sheets| {
        let people = sheet(sheets, "Participants");
        let name = column(people, "Name");
        let row = (1..people.rows.len())
            .find(|r| people.rows[*r][name] == RawCell::Text("Nguyen Van An".into()))
            .unwrap();
        set(people, row, "Name", RawCell::Text("Nguyễn Văn An".into()));
        let width = people.rows[0].len();
        people.rows[0].push(RawCell::Text("Shoe size".into()));
        people.rows[1].resize(width + 1, RawCell::Empty);
        people.rows[1][width] = RawCell::Number(42.0);
        let mut added = vec![RawCell::Empty; width];
        added[column(people, "Name")] = RawCell::Text("Ana Lima".into());
        added[column(people, "Sex")] = RawCell::Text("Woman".into());
        added[column(people, "Country code")] = RawCell::Text("BR".into());
        added[column(people, "Role")] = RawCell::Text("Participant".into());
        added[column(people, "Registered by")] = RawCell::Text("Facilitator".into());
        people.rows.insert(4, added);
    });
    let incoming = read(&edited);
    assert!(incoming.edited_sheets.contains(&"Participants".to_string()));
    let preview = sync::preview(db.conn(), &incoming).unwrap();
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert!(
        preview.warnings.iter().any(|w| w.contains("Shoe size")),
        "{:?}",
        preview.warnings
    );
    assert_eq!(preview.updates.len(), 1, "{:?}", preview.updates);
    let update = &preview.updates[0];
    assert_eq!((update.column.as_str(), update.hand_edited), ("Name", true));
    assert_eq!(update.old, "Nguyen Van An");
    assert_eq!(preview.new_records.len(), 1);
    assert!(preview.new_records[0].hand_added);

    let report = sync::apply(&mut db, &incoming, &Choices::new(), None, clock.tick()).unwrap();
    assert!(report.applied);
    let names: Vec<String> = people(&db, workshop)
        .into_iter()
        .map(|p| p.full_name)
        .collect();
    assert!(names.contains(&"Nguyễn Văn An".to_string()), "{names:?}");
    let ana = people(&db, workshop)
        .into_iter()
        .find(|p| p.full_name == "Ana Lima")
        .unwrap();
    assert_eq!(ana.country.as_deref(), Some("BR"));
    assert_eq!(ana.badge_code.len(), 5, "a badge code is given");
    // Contact details the report withheld are not wiped by the import.
    assert_eq!(
        count(&db, "SELECT count(*) FROM participant WHERE email != ''"),
        0,
        "the fixtures have no emails"
    );

    let again = import(&mut db, &edited, &Choices::new(), clock.tick());
    assert!(
        !again.applied,
        "the row without an ID is found again, not added twice: {:?} {:?} {:?}",
        again.preview.new_records, again.preview.updates, again.preview.conflicts
    );
}

#[test]
fn a_cell_that_does_not_parse_is_reported_with_its_place_and_nothing_is_applied() {
    let (_dir, mut db, _workshop, files, file, clock) = headquarters_copy();
    let edited = files.path().join("bad.xlsx");
    edit_by_hand(&file, &edited, |sheets| {
        let people = sheet(sheets, "Participants");
        set(people, 1, "Name", RawCell::Text("Renamed by hand".into()));
        set(people, 2, "Sex", RawCell::Text("F".into()));
        set(
            people,
            3,
            "Updated at (UTC)",
            RawCell::Text("last Tuesday".into()),
        );
    });
    let before = snapshot(&db);
    let incoming = read(&edited);
    let preview = sync::preview(db.conn(), &incoming).unwrap();
    let places: Vec<(String, u32, String)> = preview
        .problems
        .iter()
        .map(|p| (p.sheet.clone(), p.row, p.column.clone()))
        .collect();
    assert!(
        places.contains(&("Participants".into(), 3, "Sex".into())),
        "{places:?}"
    );
    assert!(
        places.contains(&("Participants".into(), 4, "Updated at (UTC)".into())),
        "{places:?}"
    );
    let sex = preview.problems.iter().find(|p| p.column == "Sex").unwrap();
    assert!(sex.cell.ends_with('3'), "{}", sex.cell);
    assert!(sex.message.contains("Woman"), "{}", sex.message);
    let error = sync::apply(&mut db, &incoming, &Choices::new(), None, clock.tick()).unwrap_err();
    assert_eq!(error.code(), "workbook_bad_cells");
    assert!(
        error
            .to_string()
            .contains("Participants, row 3, column Sex"),
        "{error}"
    );
    assert_eq!(before, snapshot(&db), "nothing was applied");
}

#[test]
fn workbooks_that_are_not_ours_newer_or_tampered_are_refused_with_their_reason() {
    let (_dir, mut db, _workshop, files, file, clock) = headquarters_copy();
    let before = snapshot(&db);
    let refused = |path: &Path| sync::read_file(exe(), path, &Limits::default()).unwrap_err();

    let foreign = files.path().join("budget.xlsx");
    let mut book = Workbook::new();
    book.add_worksheet()
        .write_string(0, 0, "Budget 2026")
        .unwrap();
    book.save(&foreign).unwrap();
    let error = refused(&foreign);
    assert_eq!(error.code(), "workbook_not_ours");
    assert!(
        error
            .to_string()
            .starts_with("budget.xlsx was not exported by Workshop Desk"),
        "{error}"
    );

    let tampered = files.path().join("tampered.xlsx");
    edit_by_hand(&file, &tampered, |sheets| {
        let about = sheet(sheets, "About this file");
        let row = (0..about.rows.len())
            .find(|r| about.rows[*r].first() == Some(&RawCell::Text("Participants".into())))
            .unwrap();
        about.rows[row][2] = RawCell::Text("0".repeat(64));
    });
    assert_eq!(refused(&tampered).code(), "workbook_tampered");

    let newer = files.path().join("newer.xlsx");
    edit_by_hand(&file, &newer, |sheets| {
        let about = sheet(sheets, "About this file");
        let row = (0..about.rows.len())
            .find(|r| about.rows[*r].first() == Some(&RawCell::Text("Format version".into())))
            .unwrap();
        about.rows[row][1] = RawCell::Number(99.0);
    });
    let error = refused(&newer);
    assert_eq!(error.code(), "workbook_newer_format");
    assert!(error.to_string().contains("format 99"), "{error}");

    // A sheet edited by hand while "About" stayed as it was is not tampering.
    let edited = files.path().join("edited.xlsx");
    edit_by_hand(&file, &edited, |sheets| {
        set(
            sheet(sheets, "Participants"),
            1,
            "Position",
            RawCell::Text("Organiser".into()),
        );
    });
    assert_eq!(
        read(&edited).edited_sheets,
        vec!["Participants".to_string()]
    );
    assert!(read(&edited).warnings.is_empty());
    // And the export itself reads back with every checksum holding.
    assert!(read(&file).edited_sheets.is_empty());

    // The attendance grid is a view: a change there is not imported, and the import says so.
    let grid = files.path().join("grid.xlsx");
    edit_by_hand(&file, &grid, |sheets| {
        let name = RawCell::Text("Renamed in the grid".into());
        set(sheet(sheets, "Attendance"), 1, "Name", name);
    });
    let incoming = read(&grid);
    assert_eq!(incoming.edited_sheets, vec!["Attendance".to_string()]);
    assert!(
        incoming
            .warnings
            .iter()
            .any(|w| w.contains("\"Attendance\"") && w.contains("Sign-ins")),
        "{:?}",
        incoming.warnings
    );
    assert!(sync::preview(db.conn(), &incoming).unwrap().is_empty());
    sync::apply(&mut db, &incoming, &Choices::new(), None, clock.tick()).unwrap();
    assert_eq!(before, snapshot(&db), "nothing was imported");
}

// ---------------------------------------------------------------------------------------------
// Random workshops.

/// Text in every script the workshops see, with the awkward cases: empty, formula-like,
/// line breaks, and the longest a field takes.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("=HYPERLINK(\"http://x\",\"click\")".to_string()),
        Just("+1 (555) 0100\r\nsecond line".to_string()),
        "[a-zA-Z ]{1,30}",
        "[\u{0900}-\u{097F} ]{1,20}",
        "[\u{0E00}-\u{0E7F} ]{1,20}",
        "[\u{0600}-\u{06FF} ]{1,20}",
        "[\u{4E00}-\u{9FFF}]{1,12}",
        Just("ñ".repeat(200)),
    ]
}

/// One line: names and organisations refuse line breaks.
fn line() -> impl Strategy<Value = String> {
    text().prop_map(|t| t.replace(['\r', '\n'], " ").chars().take(200).collect())
}

fn name() -> impl Strategy<Value = String> {
    line().prop_map(|t| {
        if t.trim().is_empty() {
            "Anon".to_string()
        } else {
            t
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn random_workshops_come_back_field_for_field(
        names in prop::collection::vec((name(), line(), text(), any::<bool>()), 1..6),
        notes in prop::collection::vec(name(), 0..6),
    ) {
        let clock = Clock::new();
        let (dir_a, dir_b) = (DataDir::new(), DataDir::new());
        let mut a = dir_a.open(&clock);
        let mut b = dir_b.open(&clock);
        let workshop = kathmandu(&mut a, &clock);
        for (full_name, organisation, notes, consent) in &names {
            let mut input = person(full_name, Sex::Woman, "NP", None);
            input.organisation = organisation.clone();
            input.notes = notes.clone();
            input.consent_contact = *consent;
            participant::create(&mut a, workshop.id, &input, clock.tick()).unwrap();
        }
        let board = board::create(&mut a, workshop.id, &board::BoardInput {
            question: "Implementing the MoU among ATUC, SARTUC and ArabTUC".into(),
            ..Default::default()
        }, clock.tick()).unwrap();
        for (i, note) in notes.iter().enumerate() {
            board::add_note(&mut a, board.id, Quadrant::ALL[i % 4], note, RaisedBy::default(), clock.tick()).unwrap();
        }
        let files = tempfile::tempdir().unwrap();
        let file = export(&a, workshop.id, Profile::FullTransfer, files.path(), clock.tick());
        let report = import(&mut b, &file, &Choices::new(), clock.tick());
        prop_assert!(report.applied);
        prop_assert!(report.preview.problems.is_empty());
        assert_same(&snapshot(&a), &snapshot(&b));
    }
}

/// Each laptop registered someone new, and both were given the same badge code: after the
/// exchange both laptops agree on who keeps it and on the other's new code.
#[test]
fn a_badge_code_given_on_both_laptops_stays_unique_and_both_laptops_agree() {
    let TwoLaptops {
        files,
        mut a,
        mut b,
        workshop,
        clock,
        ..
    } = two_laptops(Clock::new());
    let on_a = participant::create(
        &mut a,
        workshop,
        &person("Chanthy Sok", Sex::Woman, "KH", Some(1994)),
        clock.tick(),
    )
    .unwrap();
    let on_b = participant::create(
        &mut b,
        workshop,
        &person("Bui Thi Lan", Sex::Woman, "VN", Some(1991)),
        clock.tick(),
    )
    .unwrap();
    // The same code on both (a one-in-ten-million chance left to a test).
    b.conn()
        .execute(
            "UPDATE participant SET badge_code = ?1 WHERE id = ?2",
            (&on_a.badge_code, on_b.id.to_string()),
        )
        .unwrap();
    let from_a = export(
        &a,
        workshop,
        Profile::FullTransfer,
        files.path(),
        clock.tick(),
    );
    let from_b = export(
        &b,
        workshop,
        Profile::FullTransfer,
        files.path(),
        clock.tick(),
    );
    let at_a = import(&mut a, &from_b, &Choices::new(), clock.tick());
    let at_b = import(&mut b, &from_a, &Choices::new(), clock.tick());
    for report in [&at_a, &at_b] {
        assert!(
            report.notes.iter().any(|n| n.contains(&on_a.badge_code)),
            "{:?}",
            report.notes
        );
    }
    let codes = |db: &Database| {
        [on_a.id, on_b.id].map(|id| participant::get(db.conn(), id).unwrap().badge_code)
    };
    let (here, there) = (codes(&a), codes(&b));
    assert_eq!(here, there, "both laptops give each the same code");
    assert_ne!(here[0], here[1]);
    assert_eq!(
        here[0], on_a.badge_code,
        "the one registered first keeps the code"
    );
    assert_same(&records(&a), &records(&b));
}
