//! Merges where data was easy to lose: deletions on one side and edits on the other, a sign-in
//! or membership taken back and given again, a conflict kept and then changed again, undo after
//! an import, a badge code typed over by hand. The clock here starts after the demo's records,
//! so every change is later than the transfer it follows, as in real use.

use crate::exchange::*;
use crate::fixtures::{Clock, DataDir, person};
use chrono::{NaiveDate, Utc};
use uuid::Uuid;
use workshop_core::attendance::{self, Method, Slot};
use workshop_core::participant::{self, Sex};
use workshop_core::sync::{self, Choices};
use workshop_core::workbook::Profile;
use workshop_core::{Database, edit, groups};

/// A clock after the demo's own times (25 November 2026, noon).
fn later_clock() -> Clock {
    Clock::starting_at(chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 25, 15, 0, 0).unwrap())
}

fn count_of(db: &Database, sql: &str, param: &str) -> i64 {
    db.conn().query_row(sql, [param], |r| r.get(0)).unwrap()
}

// ---------------------------------------------------------------------------------------------
// A sign-in taken back and given again on one laptop.

/// A unmarks a sign-in and marks it again (a new attendance row with the same person, day and
/// session). B must retire the old row before the new one arrives (changes are applied before
/// inserts); were the new row inserted first, it would meet the old one as a twin and be retired.
#[test]
fn a_sign_in_unmarked_and_marked_again_survives_the_merge() {
    let mut l = two_laptops(later_clock());
    let (person, day, session): (String, String, u8) =
        l.a.conn()
            .query_row(
                "SELECT participant_id, day, session FROM attendance WHERE deleted_at IS NULL
             ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
    let person = Uuid::parse_str(&person).unwrap();
    let slot = Slot {
        day: NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap(),
        session,
    };
    assert!(attendance::unmark(&mut l.a, person, slot, l.clock.tick()).unwrap());
    attendance::sign_in(
        &mut l.a,
        person,
        slot,
        Method::Facilitator,
        "",
        l.clock.tick(),
    )
    .unwrap();
    let live = "SELECT count(*) FROM attendance WHERE participant_id = ?1 AND deleted_at IS NULL";
    let before = count_of(&l.a, live, &person.to_string());

    let (_at_a, _at_b) = exchange(&mut l);
    assert_eq!(
        count_of(&l.a, live, &person.to_string()),
        before,
        "A keeps its sign-in"
    );
    assert_eq!(
        count_of(&l.b, live, &person.to_string()),
        before,
        "B lost the sign-in that A unmarked and marked again"
    );
    assert_same(&records(&l.a), &records(&l.b));
}

/// The same with a group membership: A takes someone out of a grouping and puts them back
/// (a new `group_member` row); B must end with them in the group.
#[test]
fn a_membership_removed_and_added_again_survives_the_merge() {
    let mut l = two_laptops(later_clock());
    let (grouping, group, person): (String, String, String) =
        l.a.conn()
            .query_row(
                "SELECT grouping_id, group_id, participant_id FROM group_member
             WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
    let [grouping, group, person] = [grouping, group, person].map(|s| Uuid::parse_str(&s).unwrap());
    groups::assign(&mut l.a, grouping, person, None, l.clock.tick()).unwrap();
    groups::assign(&mut l.a, grouping, person, Some(group), l.clock.tick()).unwrap();
    let (_at_a, _at_b) = exchange(&mut l);
    let live = "SELECT count(*) FROM group_member WHERE participant_id = ?1 AND deleted_at IS NULL";
    let on_a = count_of(&l.a, live, &person.to_string());
    assert!(on_a >= 1);
    assert_eq!(
        count_of(&l.b, live, &person.to_string()),
        on_a,
        "B lost the membership that A removed and added again"
    );
    assert_same(&records(&l.a), &records(&l.b));
}

// ---------------------------------------------------------------------------------------------
// A conflict kept on one side, then changed again on the other.

/// A and B both change a field, B later. B imports A's file and keeps its own (the default); A's
/// entry is copied into B's log after B's own, so B records the kept value too. When A then
/// changes the field again and imports B's next file, B's unchanged cell must not look like a
/// correction that overrides A's newer value.
#[test]
fn a_later_local_change_is_not_overwritten_after_a_conflict_was_kept_on_the_other_side() {
    let TwoLaptops {
        files,
        mut a,
        mut b,
        workshop,
        clock,
        ..
    } = two_laptops(later_clock());
    let sita = people(&a, workshop)[0].id;
    set_organisation(&mut a, sita, "A first", clock.tick());
    set_organisation(&mut b, sita, "B later", clock.tick());
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
    import(&mut a, &from_b, &Choices::new(), clock.tick());
    import(&mut b, &from_a, &Choices::new(), clock.tick());
    assert_eq!(
        participant::get(a.conn(), sita).unwrap().organisation,
        "B later"
    );
    assert_eq!(
        participant::get(b.conn(), sita).unwrap().organisation,
        "B later"
    );

    // A changes it again; B does not touch it.
    set_organisation(&mut a, sita, "A again", clock.tick());
    let from_b = export(
        &b,
        workshop,
        Profile::FullTransfer,
        files.path(),
        clock.tick(),
    );
    let incoming = read(&from_b);
    let preview = sync::preview(a.conn(), &incoming).unwrap();
    assert!(
        preview.conflicts.is_empty() && preview.updates.iter().all(|u| u.record_id != sita),
        "B did not change Sita's organisation since the exchange: {:?} {:?}",
        preview.conflicts,
        preview.updates
    );
    sync::apply(&mut a, &incoming, &Choices::new(), None, clock.tick()).unwrap();
    assert_eq!(
        participant::get(a.conn(), sita).unwrap().organisation,
        "A again",
        "A's newest change survives"
    );
}

// ---------------------------------------------------------------------------------------------
// Undo after an import.

/// A renames a group, B renames it later; A imports B's file and adopts B's name (the later
/// change). An undo of A's rename would write back the name from before it and throw B's name
/// away, so the import clears A's undo stack.
#[test]
fn undo_after_an_import_does_not_discard_the_other_laptops_value() {
    let mut l = two_laptops(later_clock());
    let (group, original): (String, String) =
        l.a.conn()
            .query_row(
                "SELECT id, name FROM work_group WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
    let group = Uuid::parse_str(&group).unwrap();
    groups::rename_group(&mut l.a, group, "Renamed on A", l.clock.tick()).unwrap();
    groups::rename_group(&mut l.b, group, "Renamed on B", l.clock.tick()).unwrap();
    exchange(&mut l);
    let name = |db: &Database| -> String {
        db.conn()
            .query_row(
                "SELECT name FROM work_group WHERE id = ?1",
                [group.to_string()],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(name(&l.a), "Renamed on B");
    // The import cleared the undo stack: nothing to undo that could throw B's name away.
    let undone = edit::undo(&mut l.a, l.workshop, l.clock.tick()).unwrap();
    assert!(undone.is_none(), "{undone:?}");
    assert_ne!(name(&l.a), original);
    assert_eq!(name(&l.a), "Renamed on B");
}

// ---------------------------------------------------------------------------------------------
// A badge code corrected by hand to one someone else holds is a problem of the preview, not a
// failure of SQLite's unique constraint half-way through applying.

#[test]
fn a_badge_code_changed_by_hand_to_a_taken_one_is_a_problem_in_the_preview() {
    let clock = Clock::new();
    let dir = DataDir::new();
    let mut db = dir.open(&clock);
    let workshop =
        workshop_core::workshop::create(&mut db, &crate::fixtures::kathmandu_input(), clock.tick())
            .unwrap();
    for name in ["Sita Sharma", "Nguyen Van An"] {
        participant::create(
            &mut db,
            workshop.id,
            &person(name, Sex::Woman, "NP", Some(1990)),
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
    let edited = files.path().join("codes.xlsx");
    edit_by_hand(&file, &edited, |sheets| {
        let people = sheet(sheets, "Participants");
        let code = column(people, "Badge code");
        let taken = people.rows[2][code].clone();
        set(people, 1, "Badge code", taken);
    });
    let incoming = read(&edited);
    let preview = sync::preview(db.conn(), &incoming).unwrap();
    let result = sync::apply(&mut db, &incoming, &Choices::new(), None, clock.tick());
    assert!(
        !preview.problems.is_empty(),
        "the preview promised an import; applying gave {:?}",
        result
            .as_ref()
            .map(|r| r.applied)
            .map_err(|e| (e.code(), e.to_string()))
    );
}

// ---------------------------------------------------------------------------------------------
// A field the file's log never mentions (a value left null at creation, like `deletedAt`) is
// not a correction by hand: a deletion on one laptop survives the other laptop's later export.

/// A deletes a participant, B changes nothing and exports afterwards; A imports B's file and
/// the participant stays deleted on both.
#[test]
fn a_deletion_is_not_reverted_by_a_later_export_of_an_untouched_laptop() {
    let mut l = two_laptops(later_clock());
    let sita = people(&l.a, l.workshop)[0].id;
    participant::delete(&mut l.a, sita, l.clock.tick()).unwrap();
    let (at_a, _at_b) = exchange(&mut l);
    assert!(
        at_a.preview.conflicts.is_empty() && at_a.preview.updates.is_empty(),
        "B changed nothing: {:?} {:?}",
        at_a.preview.conflicts,
        at_a.preview.updates
    );
    for db in [&l.a, &l.b] {
        assert!(
            participant::get(db.conn(), sita)
                .unwrap()
                .deleted_at
                .is_some()
        );
    }
    assert_same(&records(&l.a), &records(&l.b));
}

/// A deletes a participant while B corrects their organisation: both should end with the
/// participant deleted and B's correction kept.
#[test]
fn a_deletion_on_one_side_and_an_edit_on_the_other_both_survive() {
    let mut l = two_laptops(later_clock());
    let sita = people(&l.a, l.workshop)[0].id;
    participant::delete(&mut l.a, sita, l.clock.tick()).unwrap();
    set_organisation(&mut l.b, sita, "Corrected on B", l.clock.tick());
    exchange(&mut l);
    for db in [&l.a, &l.b] {
        let p = participant::get(db.conn(), sita).unwrap();
        assert!(p.deleted_at.is_some());
        assert_eq!(p.organisation, "Corrected on B");
    }
    assert_same(&records(&l.a), &records(&l.b));
}
