//! Merges where data was easy to lose: deletions on one side and edits on the other, a sign-in
//! or membership taken back and given again, a conflict kept and then changed again, undo after
//! an import, a badge code typed over by hand. The clock here starts after the demo's records,
//! so every change is later than the transfer it follows, as in real use.

use crate::fixtures::{DataDir, person};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rust_xlsxwriter::{Format, Workbook};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use uuid::Uuid;
use workshop_core::attendance::{self, Method, Slot};
use workshop_core::import::{Limits, RawCell, RawSheet, RawWorkbook};
use workshop_core::participant::{self, ParticipantInput, Sex};
use workshop_core::sync::{self, Choices};
use workshop_core::workbook::{self, ExportOptions, Profile};
use workshop_core::{Database, demo, edit, groups};

fn exe() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_workshop"))
}

fn export(
    db: &Database,
    workshop: Uuid,
    profile: Profile,
    dir: &Path,
    now: DateTime<Utc>,
) -> PathBuf {
    let path = dir.join(format!(
        "{}-{}.xlsx",
        profile.as_str(),
        now.timestamp_millis()
    ));
    workbook::export(
        db,
        workshop,
        &ExportOptions { profile, now },
        &path,
        &mut |_| {},
    )
    .unwrap();
    path
}

fn read(file: &Path) -> sync::Incoming {
    sync::read_file(exe(), file, &Limits::default()).unwrap()
}

fn import(
    db: &mut Database,
    file: &Path,
    choices: &Choices,
    now: DateTime<Utc>,
) -> sync::ImportReport {
    sync::apply(db, &read(file), choices, None, now).unwrap()
}

fn records(db: &Database) -> BTreeMap<&'static str, Vec<Vec<String>>> {
    let tables = [
        "workshop",
        "participant",
        "attendance",
        "grouping",
        "work_group",
        "group_member",
        "board",
        "note",
        "action_plan",
        "action",
        "action_note",
    ];
    let mut all = BTreeMap::new();
    for table in tables {
        let mut statement = db
            .conn()
            .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
            .unwrap();
        let count = statement.column_count();
        let rows = statement
            .query_map([], |row| {
                (0..count)
                    .map(|i| {
                        let value: rusqlite::types::Value = row.get(i)?;
                        Ok(format!("{value:?}"))
                    })
                    .collect::<rusqlite::Result<Vec<String>>>()
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        all.insert(table, rows);
    }
    all
}

fn assert_same(a: &BTreeMap<&str, Vec<Vec<String>>>, b: &BTreeMap<&str, Vec<Vec<String>>>) {
    for (table, rows) in a {
        let other = &b[table];
        assert_eq!(rows.len(), other.len(), "{table}: row counts differ");
        for (x, y) in rows.iter().zip(other) {
            assert_eq!(x, y, "{table}: a row differs");
        }
    }
}

fn count(db: &Database, sql: &str, param: &str) -> i64 {
    db.conn().query_row(sql, [param], |r| r.get(0)).unwrap()
}

/// A clock that moves one second per tick, starting after the demo's own times (the fixtures'
/// clock starts in 2018, before the demo's 2026 records, which would make every local change
/// "older" than the transfer).
struct Clock(Cell<DateTime<Utc>>);

impl Clock {
    fn new() -> Self {
        let start = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 25, 15, 0, 0).unwrap();
        Self(Cell::new(start))
    }

    fn tick(&self) -> DateTime<Utc> {
        let now = self.0.get() + Duration::seconds(1);
        self.0.set(now);
        now
    }
}

fn open(dir: &DataDir, clock: &Clock) -> Database {
    Database::open(&dir.database(), clock.tick()).unwrap()
}

struct TwoLaptops {
    _dirs: (DataDir, DataDir),
    files: tempfile::TempDir,
    a: Database,
    b: Database,
    workshop: Uuid,
    clock: Clock,
}

fn two_laptops() -> TwoLaptops {
    let clock = Clock::new();
    let (dir_a, dir_b) = (DataDir::new(), DataDir::new());
    let mut a = open(&dir_a, &clock);
    let mut b = open(&dir_b, &clock);
    let as_of = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 25, 12, 0, 0).unwrap();
    let workshop = demo::create(&mut a, 30, 7, as_of).unwrap().id;
    let files = tempfile::tempdir().unwrap();
    let transfer = export(
        &a,
        workshop,
        Profile::FullTransfer,
        files.path(),
        as_of + Duration::hours(1),
    );
    let report = import(
        &mut b,
        &transfer,
        &Choices::new(),
        as_of + Duration::hours(2),
    );
    assert!(report.applied);
    TwoLaptops {
        _dirs: (dir_a, dir_b),
        files,
        a,
        b,
        workshop,
        clock,
    }
}

fn input_of(p: &participant::Participant) -> ParticipantInput {
    ParticipantInput {
        full_name: p.full_name.clone(),
        name_latin: p.name_latin.clone(),
        sex: p.sex,
        birth_year: p.birth_year,
        country: p.country.clone(),
        organisation: p.organisation.clone(),
        position: p.position.clone(),
        role: p.role,
        email: p.email.clone(),
        phone: p.phone.clone(),
        consent_contact: p.consent_contact,
        consent_photos: p.consent_photos,
        notes: p.notes.clone(),
    }
}

fn set_organisation(db: &mut Database, id: Uuid, organisation: &str, now: DateTime<Utc>) {
    let mut input = input_of(&participant::get(db.conn(), id).unwrap());
    input.organisation = organisation.into();
    participant::update(db, id, &input, now).unwrap();
}

fn people(db: &Database, workshop: Uuid) -> Vec<participant::Participant> {
    participant::list(db, workshop, "", false).unwrap()
}

fn write_raw(raw: &RawWorkbook, path: &Path) {
    let mut book = Workbook::new();
    let stamp = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss.000");
    for sheet in &raw.sheets {
        let out = book.add_worksheet();
        out.set_name(&sheet.name).unwrap();
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    RawCell::Empty => {}
                    RawCell::Text(t) | RawCell::Iso(t) | RawCell::Error(t) => {
                        out.write_string(r, c, t).unwrap();
                    }
                    RawCell::Number(n) | RawCell::Duration(n) => {
                        out.write_number(r, c, *n).unwrap();
                    }
                    RawCell::Bool(b) => {
                        out.write_boolean(r, c, *b).unwrap();
                    }
                    RawCell::DateTime(n) => {
                        out.write_number_with_format(r, c, *n, &stamp).unwrap();
                    }
                }
            }
        }
    }
    book.save(path).unwrap();
}

fn edit_by_hand(file: &Path, out: &Path, edit: impl FnOnce(&mut Vec<RawSheet>)) {
    let mut raw = RawWorkbook::read_in_process(file).unwrap();
    edit(&mut raw.sheets);
    write_raw(&raw, out);
}

fn sheet<'a>(sheets: &'a mut [RawSheet], name: &str) -> &'a mut RawSheet {
    sheets.iter_mut().find(|s| s.name == name).unwrap()
}

fn column(sheet: &RawSheet, header: &str) -> usize {
    sheet.rows[0]
        .iter()
        .position(|c| *c == RawCell::Text(header.into()))
        .unwrap_or_else(|| panic!("no column {header} on {}", sheet.name))
}

fn set(sheet: &mut RawSheet, row: usize, header: &str, value: RawCell) {
    let column = column(sheet, header);
    let cells = &mut sheet.rows[row];
    if cells.len() <= column {
        cells.resize(column + 1, RawCell::Empty);
    }
    cells[column] = value;
}

/// Exports both laptops and imports each into the other.
fn exchange(l: &mut TwoLaptops) -> (sync::ImportReport, sync::ImportReport) {
    let from_a = export(
        &l.a,
        l.workshop,
        Profile::FullTransfer,
        l.files.path(),
        l.clock.tick(),
    );
    let from_b = export(
        &l.b,
        l.workshop,
        Profile::FullTransfer,
        l.files.path(),
        l.clock.tick(),
    );
    let at_a = import(&mut l.a, &from_b, &Choices::new(), l.clock.tick());
    let at_b = import(&mut l.b, &from_a, &Choices::new(), l.clock.tick());
    (at_a, at_b)
}

// ---------------------------------------------------------------------------------------------
// a sign-in unmarked and marked again on one laptop is lost on the other.

/// A unmarks a sign-in and marks it again (a new attendance row with the same person, day and
/// session). B imports A's file: the new row is inserted *before* the old row's deletion is
/// applied, so `retire_duplicate` finds the old row still live, keeps it (smaller UUID) and
/// retires the new one; then the deletion of the old one is adopted. B ends with no sign-in.
#[test]
fn a_sign_in_unmarked_and_marked_again_survives_the_merge() {
    let mut l = two_laptops();
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
    let before = count(&l.a, live, &person.to_string());

    let (_at_a, _at_b) = exchange(&mut l);
    assert_eq!(
        count(&l.a, live, &person.to_string()),
        before,
        "A keeps its sign-in"
    );
    assert_eq!(
        count(&l.b, live, &person.to_string()),
        before,
        "B lost the sign-in that A unmarked and marked again"
    );
    assert_same(&records(&l.a), &records(&l.b));
}

/// The same with a group membership: A takes someone out of a grouping and puts them back
/// (a new `group_member` row); B ends with them in no group.
#[test]
fn a_membership_removed_and_added_again_survives_the_merge() {
    let mut l = two_laptops();
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
    let on_a = count(&l.a, live, &person.to_string());
    assert!(on_a >= 1);
    assert_eq!(
        count(&l.b, live, &person.to_string()),
        on_a,
        "B lost the membership that A removed and added again"
    );
    assert_same(&records(&l.a), &records(&l.b));
}

// ---------------------------------------------------------------------------------------------
// a conflict kept on this side leaves its log saying the other value: a phantom hand edit.

/// A and B both change a field, B later. B imports A's file and keeps its own (the default):
/// nothing is logged for the kept value, but A's entry is copied into B's log *after* B's own,
/// so B's log, read "by the exporting laptop's sequence", now says the value is A's. When A then
/// changes the field again and imports B's next file, B's unchanged cell looks edited by hand at
/// B's export time, which is later than A's new change: A's new value is thrown away.
#[test]
fn a_later_local_change_is_not_overwritten_after_a_conflict_was_kept_on_the_other_side() {
    let TwoLaptops {
        files,
        mut a,
        mut b,
        workshop,
        clock,
        ..
    } = two_laptops();
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
// undo after an import silently reverts the other laptop's value.

/// A renames a group, B renames it later; A imports B's file and adopts B's name (the later
/// change). A's undo stack still has "rename group" on top: Undo writes back the name from
/// before A's rename, discarding B's name, which was never A's to undo; at the next exchange B
/// adopts that old name too.
#[test]
fn undo_after_an_import_does_not_discard_the_other_laptops_value() {
    let mut l = two_laptops();
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
    let mut db = open(&dir, &clock);
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
// a field the file's log never mentions (a value left null at creation, like
// `deletedAt`) counts as edited by hand at the export's time, so a deletion made before the
// other laptop exported is reverted here, while the other laptop adopts it: data diverge.

/// The minimal case: A deletes a participant, B changes nothing and exports afterwards. A
/// imports B's file and sees a "conflict" on Deleted at (B's unlogged null taken as a hand
/// edit stamped with B's export time, later than A's deletion): A's deletion is undone.
#[test]
fn a_deletion_is_not_reverted_by_a_later_export_of_an_untouched_laptop() {
    let mut l = two_laptops();
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
/// participant deleted and B's correction kept. A ends with the participant live again.
#[test]
fn a_deletion_on_one_side_and_an_edit_on_the_other_both_survive() {
    let mut l = two_laptops();
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
