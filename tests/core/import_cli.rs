//! `workshop import FILE [--dry-run] [--keep ours|theirs]`, run as a user would: the built
//! binary on data directories of its own, a full transfer from a second laptop previewed,
//! imported once and then found to hold nothing new, files refused with their reason and the
//! data left as it was, and a conflict settled by default and with `--keep ours`.

use crate::exchange::write_raw;
use chrono::{DateTime, Duration, Utc};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use uuid::Uuid;
use workshop_core::import::{RawCell, RawWorkbook};
use workshop_core::{Database, paths};

fn workshop(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_workshop"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("WORKSHOP_DESK_DATA_DIR")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs `workshop` and insists that it succeeds; returns what it printed.
fn ok(data_dir: &Path, args: &[&str]) -> String {
    let output = workshop(data_dir, args);
    assert!(
        output.status.success(),
        "workshop {args:?} failed:\n{}\n{}",
        stdout(&output),
        stderr(&output)
    );
    stdout(&output)
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Laptop A with the demo workshop and its full transfer, and an empty laptop B.
struct Laptops {
    _root: tempfile::TempDir,
    a: PathBuf,
    b: PathBuf,
    files: PathBuf,
    transfer: PathBuf,
    /// The demo workshop's line in `workshops`, as A lists it.
    listed: String,
}

fn laptops() -> Laptops {
    let root = tempfile::tempdir().unwrap();
    let (a, b, files) = (
        root.path().join("a"),
        root.path().join("b"),
        root.path().join("files"),
    );
    std::fs::create_dir_all(&files).unwrap();
    let id = ok(&a, &["demo"]).trim().to_string();
    let transfer = files.join("transfer.xlsx");
    ok(
        &a,
        &[
            "export",
            "--workshop",
            &id,
            "--profile",
            "full",
            "-o",
            text(&transfer),
        ],
    );
    let listed = ok(&a, &["workshops"]);
    assert!(listed.contains(&id), "{listed}");
    Laptops {
        _root: root,
        a,
        b,
        files,
        transfer,
        listed,
    }
}

/// Every row of the record tables, the change log and the imports, as text, read straight
/// from the file: what "the data is unchanged" compares.
fn data_of(data_dir: &Path) -> Vec<(String, Vec<String>)> {
    let conn = rusqlite::Connection::open(paths::database_file(data_dir)).unwrap();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(
        tables.iter().any(|t| t == "participant") && tables.iter().any(|t| t == "change_log"),
        "{tables:?}"
    );
    tables
        .into_iter()
        .map(|table| {
            let mut statement = conn
                .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
                .unwrap();
            let count = statement.column_count();
            let rows = statement
                .query_map([], |row| {
                    let cells = (0..count)
                        .map(|i| Ok(format!("{:?}", row.get::<_, rusqlite::types::Value>(i)?)))
                        .collect::<rusqlite::Result<Vec<String>>>()?;
                    Ok(cells.join(" | "))
                })
                .unwrap()
                .collect::<rusqlite::Result<Vec<_>>>()
                .unwrap();
            (table, rows)
        })
        .collect()
}

fn backups(data_dir: &Path) -> usize {
    std::fs::read_dir(paths::backups_dir(data_dir)).map_or(0, |entries| entries.count())
}

#[test]
fn a_full_transfer_is_previewed_then_imported_after_a_backup_and_a_second_time_has_nothing_new() {
    let laptops = laptops();
    let (b, transfer) = (&laptops.b, text(&laptops.transfer));

    let dry = ok(b, &["import", transfer, "--dry-run"]);
    let first = dry.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("transfer.xlsx: new workshop \"") && first.contains("(full profile)"),
        "{dry}"
    );
    assert!(
        dry.contains("  Participants: 18 new, 0 updated, 0 with conflicts, 0 unchanged"),
        "{dry}"
    );
    assert!(
        dry.lines()
            .any(|l| l.contains(" new records, 0 values updated, 0 conflicts, ")),
        "{dry}"
    );
    assert!(dry.ends_with("Dry run: nothing was changed.\n"), "{dry}");
    assert!(!dry.contains("Imported"), "{dry}");
    assert_eq!(ok(b, &["workshops"]), "", "the dry run imported nothing");
    assert_eq!(backups(b), 0, "nor took a backup");

    let imported = ok(b, &["import", transfer]);
    assert!(
        imported.contains("transfer.xlsx: new workshop \""),
        "{imported}"
    );
    let last = imported.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("Imported. The data as it was before is in the backup ")
            && last.ends_with("-before-import.sqlite3."),
        "{imported}"
    );
    assert_eq!(backups(b), 1);
    assert_eq!(
        ok(b, &["workshops"]),
        laptops.listed,
        "B lists the workshop as A does, headcount and all"
    );

    let before = data_of(b);
    let again = ok(b, &["import", transfer]);
    assert!(
        again
            .lines()
            .next()
            .unwrap_or_default()
            .starts_with("transfer.xlsx: merging into \""),
        "{again}"
    );
    assert!(
        again.contains(
            "  0 new records, 0 values updated, 0 conflicts, 0 change-log entries to add"
        ),
        "{again}"
    );
    assert!(
        again.ends_with("Nothing to import: this laptop has everything the workbook holds.\n"),
        "{again}"
    );
    assert_eq!(before, data_of(b), "the second import changed nothing");
    assert_eq!(backups(b), 1, "and took no backup");
}

#[test]
fn a_text_file_named_xlsx_is_refused_naming_the_file_and_nothing_changes() {
    let laptops = laptops();
    let b = &laptops.b;
    ok(b, &["import", text(&laptops.transfer)]);
    let before = data_of(b);
    let fake = laptops.files.join("minutes of the meeting.xlsx");
    std::fs::write(&fake, "Minutes of the meeting, 25 November\n").unwrap();

    for args in [
        vec!["import", text(&fake)],
        vec!["import", text(&fake), "--dry-run"],
    ] {
        let output = workshop(b, &args);
        assert!(!output.status.success(), "{args:?}: {}", stdout(&output));
        let message = stderr(&output);
        assert!(
            message.starts_with("workshop: minutes of the meeting.xlsx is not an Excel workbook"),
            "{message}"
        );
        assert!(message.contains("Choose a .xlsx file"), "{message}");
        assert_eq!(stdout(&output), "", "no preview of a file that is not one");
    }
    assert_eq!(before, data_of(b));
}

/// The Participants sheet's cell under `header` in spreadsheet row `row`, set to `value`.
fn set_participant_cell(raw: &mut RawWorkbook, row: usize, header: &str, value: &str) {
    let sheet = raw
        .sheets
        .iter_mut()
        .find(|s| s.name == "Participants")
        .unwrap();
    let column = sheet.rows[0]
        .iter()
        .position(|c| *c == RawCell::Text(header.into()))
        .unwrap();
    let cells = &mut sheet.rows[row - 1];
    if cells.len() <= column {
        cells.resize(column + 1, RawCell::Empty);
    }
    cells[column] = RawCell::Text(value.into());
}

#[test]
fn a_cell_that_does_not_parse_is_named_by_sheet_row_and_column_and_nothing_is_imported() {
    let laptops = laptops();
    let b = &laptops.b;
    ok(b, &["import", text(&laptops.transfer)]);
    let mut raw = RawWorkbook::read_in_process(&laptops.transfer).unwrap();
    set_participant_cell(&mut raw, 2, "Organisation", "Corrected by hand");
    set_participant_cell(&mut raw, 3, "Sex", "F");
    let bad = laptops.files.join("corrected.xlsx");
    write_raw(&raw, &bad);
    let before = data_of(b);
    let backups_before = backups(b);

    for dry_run in [true, false] {
        let mut args = vec!["import", text(&bad)];
        if dry_run {
            args.push("--dry-run");
        }
        let output = workshop(b, &args);
        assert!(!output.status.success(), "{}", stdout(&output));
        let message = stderr(&output);
        assert!(
            message.starts_with(
                "workshop: Nothing was imported: corrected.xlsx has cells that cannot be read."
            ),
            "{message}"
        );
        assert!(
            message.contains("Participants, row 3, column Sex (C3): \"F\" is not a sex"),
            "{message}"
        );
        let preview = stdout(&output);
        assert!(
            preview.contains("  cannot read: Participants, row 3, column Sex (C3)"),
            "{preview}"
        );
        assert!(
            !preview.contains("Dry run") && !preview.contains("Imported"),
            "{preview}"
        );
    }
    assert_eq!(
        before,
        data_of(b),
        "not even the organisation corrected on another row was applied"
    );
    assert_eq!(backups(b), backups_before);
}

fn set_organisation(data_dir: &Path, id: Uuid, organisation: &str, now: DateTime<Utc>) {
    let mut db = Database::open(&paths::database_file(data_dir), now).unwrap();
    crate::exchange::set_organisation(&mut db, id, organisation, now);
}

/// Read straight from the file, without opening the database as the app does.
fn organisation(data_dir: &Path, id: Uuid) -> String {
    rusqlite::Connection::open(paths::database_file(data_dir))
        .unwrap()
        .query_row(
            "SELECT organisation FROM participant WHERE id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )
        .unwrap()
}

/// A copy of a data directory's database (closed, so its write-ahead log is folded in).
fn copy_data_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// A and B both change the same person's organisation, B later. Importing B's transfer into A
/// takes B's value by default; with `--keep ours`, A's stays.
#[test]
fn a_conflict_takes_the_later_change_by_default_and_this_laptops_value_with_keep_ours() {
    let laptops = laptops();
    let (a, b) = (&laptops.a, &laptops.b);
    ok(b, &["import", text(&laptops.transfer)]);
    let id: String = rusqlite::Connection::open(paths::database_file(a))
        .unwrap()
        .query_row(
            "SELECT id FROM participant WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let id = Uuid::parse_str(&id).unwrap();
    // The laptops' own clocks, after the CLI's: A's change first, then B's.
    let now = DateTime::<Utc>::from(std::time::SystemTime::now());
    set_organisation(a, id, "GEFONT (as A typed it)", now + Duration::seconds(1));
    set_organisation(b, id, "NTUC (as B typed it)", now + Duration::seconds(2));
    let from_b = laptops.files.join("from-b.xlsx");
    ok(
        b,
        &[
            "export",
            "--latest",
            "--profile",
            "full",
            "-o",
            text(&from_b),
        ],
    );
    let a_kept = laptops.files.join("a-keeps-its-own");
    copy_data_dir(a, &a_kept);

    let dry = ok(a, &["import", text(&from_b), "--dry-run"]);
    let conflict = dry
        .lines()
        .find(|l| l.starts_with("  conflict: participant "))
        .unwrap_or_else(|| panic!("no conflict listed:\n{dry}"));
    assert!(
        conflict.contains("Organisation: here \"GEFONT (as A typed it)\" (",)
            && conflict.contains("in the workbook \"NTUC (as B typed it)\" (")
            && conflict.ends_with("; takes the workbook's unless --keep says otherwise"),
        "{conflict}"
    );
    assert!(dry.contains(" 1 conflicts, "), "{dry}");
    assert_eq!(organisation(a, id), "GEFONT (as A typed it)", "a dry run");

    ok(a, &["import", text(&from_b)]);
    assert_eq!(organisation(a, id), "NTUC (as B typed it)");

    let kept = ok(&a_kept, &["import", text(&from_b), "--keep", "ours"]);
    assert!(kept.contains("  conflict: participant "), "{kept}");
    assert!(kept.contains("Imported."), "{kept}");
    assert_eq!(organisation(&a_kept, id), "GEFONT (as A typed it)");

    // The choice is a change of A's own: B takes it at the next exchange, without a conflict.
    let from_a = laptops.files.join("from-a.xlsx");
    ok(
        &a_kept,
        &[
            "export",
            "--latest",
            "--profile",
            "full",
            "-o",
            text(&from_a),
        ],
    );
    let at_b = ok(b, &["import", text(&from_a)]);
    assert!(!at_b.contains("conflict:"), "{at_b}");
    assert_eq!(organisation(b, id), "GEFONT (as A typed it)");

    let bad = workshop(a, &["import", text(&from_b), "--keep", "mine"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("--keep"), "{}", stderr(&bad));
}
