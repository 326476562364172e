//! What the tests of import and merge share: exporting and importing through the real reader
//! (the built `workshop` binary as the child), two laptops holding one workshop, a workbook
//! edited by hand, and every table compared.

use crate::fixtures::{Clock, DataDir};
use chrono::{DateTime, Duration, Utc};
use rust_xlsxwriter::{Format, Workbook};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use uuid::Uuid;
use workshop_core::import::{Limits, RawCell, RawSheet, RawWorkbook};
use workshop_core::participant;
use workshop_core::sync::{self, Choices};
use workshop_core::workbook::{self, ExportOptions, Profile};
use workshop_core::{Database, demo};

pub fn exe() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_workshop"))
}

pub fn export(
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

pub fn read(file: &Path) -> sync::Incoming {
    sync::read_file(exe(), file, &Limits::default()).unwrap()
}

pub fn import(
    db: &mut Database,
    file: &Path,
    choices: &Choices,
    now: DateTime<Utc>,
) -> sync::ImportReport {
    sync::apply(db, &read(file), choices, None, now).unwrap()
}

pub type Tables = BTreeMap<&'static str, Vec<Vec<String>>>;

/// Every record table's rows, every column, in ID order; and the change log without its local
/// sequence numbers.
pub fn snapshot(db: &Database) -> Tables {
    let tables = [
        ("workshop", "*"),
        ("participant", "*"),
        ("attendance", "*"),
        ("grouping", "*"),
        ("work_group", "*"),
        ("group_member", "*"),
        ("board", "*"),
        ("note", "*"),
        ("action_plan", "*"),
        ("action", "*"),
        ("action_note", "*"),
        (
            "change_log",
            "id, entity, entity_id, workshop_id, op, changes, at, device_id, edit_id",
        ),
    ];
    let mut all = BTreeMap::new();
    for (table, columns) in tables {
        let mut statement = db
            .conn()
            .prepare(&format!("SELECT {columns} FROM {table} ORDER BY id"))
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

/// The record tables only (the change logs of two laptops differ by the entries each import wrote).
pub fn records(db: &Database) -> Tables {
    let mut all = snapshot(db);
    all.remove("change_log");
    all
}

pub fn assert_same(a: &BTreeMap<&str, Vec<Vec<String>>>, b: &BTreeMap<&str, Vec<Vec<String>>>) {
    for (table, rows) in a {
        let other = &b[table];
        assert_eq!(rows.len(), other.len(), "{table}: row counts differ");
        for (x, y) in rows.iter().zip(other) {
            assert_eq!(x, y, "{table}: a row differs");
        }
    }
}

pub fn count(db: &Database, sql: &str) -> i64 {
    db.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A demo workshop on laptop A, and laptop B that received it as a full transfer; `clock` times
/// what either does next.
pub struct TwoLaptops {
    pub _dirs: (DataDir, DataDir),
    pub files: tempfile::TempDir,
    pub a: Database,
    pub b: Database,
    pub workshop: Uuid,
    pub clock: Clock,
}

/// The demo is made as of 25 November 2026; a `clock` before that makes every later change look
/// older than the transfer (laptops' clocks disagree), one after it is how it usually goes.
pub fn two_laptops(clock: Clock) -> TwoLaptops {
    let (dir_a, dir_b) = (DataDir::new(), DataDir::new());
    let mut a = dir_a.open(&clock);
    let mut b = dir_b.open(&clock);
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
    assert!(!report.preview.workshop_exists);
    TwoLaptops {
        _dirs: (dir_a, dir_b),
        files,
        a,
        b,
        workshop,
        clock,
    }
}

/// Exports both laptops and imports each into the other.
pub fn exchange(l: &mut TwoLaptops) -> (sync::ImportReport, sync::ImportReport) {
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

pub fn set_organisation(db: &mut Database, id: Uuid, organisation: &str, now: DateTime<Utc>) {
    let mut input = participant::get(db.conn(), id).unwrap().input();
    input.organisation = organisation.into();
    participant::update(db, id, &input, now).unwrap();
}

pub fn people(db: &Database, workshop: Uuid) -> Vec<participant::Participant> {
    participant::list(db, workshop, "", false).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Workbooks edited by hand.

/// Writes `raw` as a workbook again (as a spreadsheet program saving it would), date-time cells
/// keeping a date format so that they read back as dates.
pub fn write_raw(raw: &RawWorkbook, path: &Path) {
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

pub fn edit_by_hand(file: &Path, out: &Path, edit: impl FnOnce(&mut Vec<RawSheet>)) {
    let mut raw = RawWorkbook::read_in_process(file).unwrap();
    edit(&mut raw.sheets);
    write_raw(&raw, out);
}

pub fn sheet<'a>(sheets: &'a mut [RawSheet], name: &str) -> &'a mut RawSheet {
    sheets.iter_mut().find(|s| s.name == name).unwrap()
}

pub fn column(sheet: &RawSheet, header: &str) -> usize {
    sheet.rows[0]
        .iter()
        .position(|c| *c == RawCell::Text(header.into()))
        .unwrap_or_else(|| panic!("no column {header} on {}", sheet.name))
}

pub fn set(sheet: &mut RawSheet, row: usize, header: &str, value: RawCell) {
    let column = column(sheet, header);
    let cells = &mut sheet.rows[row];
    if cells.len() <= column {
        cells.resize(column + 1, RawCell::Empty);
    }
    cells[column] = value;
}
