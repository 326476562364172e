//! Headquarters corrects a report by hand with another program's library: openpyxl (PyPI)
//! opens the exported workbook, fixes a name, types in a new person without an ID, adds a
//! column of its own, marks an action done, and saves (tests/openpyxl/edit_by_hand.py). The
//! import reads what openpyxl wrote: only the sheets touched count as edited, every correction
//! is a hand edit with its old and new value, nothing else changes, and a second import of the
//! same file changes nothing.

use crate::exchange::read;
use crate::fixtures::{DataDir, person};
use chrono::{DateTime, Duration, Utc};
use std::path::{Path, PathBuf};
use std::process::Command;
use uuid::Uuid;
use workshop_core::participant::{self, Participant, Sex};
use workshop_core::sync::{self, Choices};
use workshop_core::workbook::{self, ExportOptions, Profile};
use workshop_core::{Database, demo};

/// Wednesday noon in Kathmandu: the demo has boards, plans and two and a half days of sign-ins.
fn wednesday() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-25T06:15:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// The python with openpyxl (`$PYTHON`, else `python3`); an error naming it, only outside CI.
fn python_with_openpyxl() -> Result<String, String> {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let has_openpyxl = Command::new(&python)
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if has_openpyxl {
        return Ok(python);
    }
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
    assert!(
        !ci,
        "{python} with openpyxl is needed in CI (scripts/test.sh installs it)"
    );
    Err(python)
}

fn status_of(db: &Database, action: Uuid) -> String {
    db.conn()
        .query_row(
            "SELECT status FROM action WHERE id = ?1",
            [action.to_string()],
            |r| r.get(0),
        )
        .unwrap()
}

fn everyone(db: &Database, workshop: Uuid) -> Vec<Participant> {
    participant::list(db, workshop, "", false).unwrap()
}

/// The demo workshop, plus the person headquarters corrects and one whose every field is
/// awkward for a spreadsheet library (formula-like text, line breaks, a tab, the escape Excel
/// uses for a carriage return typed as text, leading spaces, emoji), which must come back
/// untouched.
struct Headquarters {
    dir: DataDir,
    db: Database,
    workshop: Uuid,
    an: Uuid,
    awkward: Uuid,
    report: PathBuf,
}

fn headquarters() -> Headquarters {
    let dir = DataDir::new();
    let mut db = Database::open(&dir.database(), wednesday()).unwrap();
    let workshop = demo::create_default(&mut db, wednesday()).unwrap().id;
    let later = wednesday() + Duration::minutes(5);
    let an = participant::create(
        &mut db,
        workshop,
        &person("Nguyen Van An", Sex::Man, "VN", Some(1988)),
        later,
    )
    .unwrap()
    .id;
    let mut input = person(
        "=HYPERLINK(\"http://x\",\"click\")",
        Sex::Another,
        "JO",
        Some(1999),
    );
    input.organisation = "+ Workers' Centre @ \"Amman\"".into();
    input.position = "  Organiser 👩‍🔧 ".into();
    input.email = "layla@union.example".into();
    input.phone = "-962 6 555 0100".into();
    input.consent_contact = true;
    input.notes =
        "First line\r\nsecond line\twith a tab; literally _x000D_ and _x005F_; 'quoted'".into();
    let awkward = participant::create(&mut db, workshop, &input, later + Duration::seconds(1))
        .unwrap()
        .id;
    let report = dir.path().join("report.xlsx");
    workbook::export(
        &db,
        workshop,
        &ExportOptions {
            profile: Profile::Report,
            now: later + Duration::minutes(1),
        },
        &report,
        &mut |_| {},
    )
    .unwrap();
    Headquarters {
        dir,
        db,
        workshop,
        an,
        awkward,
        report,
    }
}

#[test]
fn a_report_corrected_with_openpyxl_imports_its_corrections_and_a_second_time_nothing() {
    let python = match python_with_openpyxl() {
        Ok(python) => python,
        Err(python) => {
            println!(
                "SKIPPED a_report_corrected_with_openpyxl_imports_its_corrections_and_a_second_time_nothing: \
                 {python} with openpyxl is not available"
            );
            return;
        }
    };
    let Headquarters {
        dir,
        mut db,
        workshop,
        an,
        awkward,
        report,
    } = headquarters();
    // An action not done yet, whose description names it alone.
    let (action, description, status): (String, String, String) = db
        .conn()
        .query_row(
            "SELECT id, description, status FROM action
             WHERE workshop_id = ?1 AND status != 'done' AND deleted_at IS NULL
               AND description IN (SELECT description FROM action GROUP BY description
                                   HAVING count(*) = 1)
             ORDER BY id LIMIT 1",
            [workshop.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let action = Uuid::parse_str(&action).unwrap();
    let awkward_before = participant::get(db.conn(), awkward).unwrap();
    let people_before = everyone(&db, workshop).len();

    let edited = dir.path().join("corrected by headquarters.xlsx");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/openpyxl/edit_by_hand.py");
    let output = Command::new(&python)
        .arg(&script)
        .arg(&report)
        .arg(&edited)
        .args(["--rename", "Nguyen Van An", "Nguyễn Văn An"])
        .args(["--add", "Ana Lima", "BR"])
        .args(["--shoe-size", "42"])
        .args(["--done", &description])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "edit_by_hand.py:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );

    let incoming = read(&edited);
    // Every other sheet, and "About this file" with its seal, reads as the export wrote it.
    assert_eq!(
        incoming.edited_sheets,
        ["Participants", "Action plans"],
        "only the sheets openpyxl was told to change differ from their checksums"
    );
    let preview = sync::preview(db.conn(), &incoming).unwrap();
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert!(preview.workshop_exists);
    assert!(
        preview.warnings.iter().any(|w| w.contains("\"Shoe size\"")),
        "{:?}",
        preview.warnings
    );
    assert!(preview.conflicts.is_empty(), "{:?}", preview.conflicts);
    assert_eq!(preview.updates.len(), 2, "{:#?}", preview.updates);
    let name = preview
        .updates
        .iter()
        .find(|u| u.record_id == an)
        .expect("the corrected name is an update");
    assert_eq!(
        (name.entity.as_str(), name.column.as_str(), name.hand_edited),
        ("participant", "Name", true)
    );
    assert_eq!(name.old, "Nguyen Van An");
    assert_eq!(name.new, "Nguyễn Văn An");
    let done = preview
        .updates
        .iter()
        .find(|u| u.record_id == action)
        .expect("the status is an update");
    assert_eq!(
        (done.entity.as_str(), done.column.as_str(), done.hand_edited),
        ("action", "Status", true)
    );
    assert_eq!(done.old, status.as_str());
    assert_eq!(done.new, "done");
    assert_eq!(preview.new_records.len(), 1, "{:?}", preview.new_records);
    let added = &preview.new_records[0];
    assert_eq!(
        (
            added.entity.as_str(),
            added.label.as_str(),
            added.hand_added
        ),
        ("participant", "Ana Lima", true)
    );

    let backups = dir.path().join("backups");
    let report = sync::apply(
        &mut db,
        &incoming,
        &Choices::new(),
        Some(&backups),
        wednesday() + Duration::hours(1),
    )
    .unwrap();
    assert!(report.applied);
    assert_eq!(
        participant::get(db.conn(), an).unwrap().full_name,
        "Nguyễn Văn An"
    );
    let people = everyone(&db, workshop);
    assert_eq!(people.len(), people_before + 1);
    let ana = people
        .iter()
        .find(|p| p.full_name == "Ana Lima")
        .expect("the person typed in is registered");
    assert_eq!(ana.id, added.record_id);
    assert_eq!(
        (ana.sex, ana.country.as_deref(), ana.role),
        (Sex::Woman, Some("BR"), participant::Role::Participant)
    );
    assert_eq!(ana.badge_code.len(), 5, "a badge code is given");
    assert_eq!(status_of(&db, action), "done");
    // What openpyxl read and wrote again, the import reads as it was.
    assert_eq!(
        participant::get(db.conn(), awkward).unwrap(),
        awkward_before
    );

    let again = read(&edited);
    let report = sync::apply(
        &mut db,
        &again,
        &Choices::new(),
        Some(&backups),
        wednesday() + Duration::hours(2),
    )
    .unwrap();
    assert!(
        !report.applied && report.preview.is_empty(),
        "a second import of the same file changes nothing: {:?} {:?} {:?}",
        report.preview.new_records,
        report.preview.updates,
        report.preview.conflicts
    );
    assert_eq!(everyone(&db, workshop).len(), people_before + 1);
}
