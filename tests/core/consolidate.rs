//! Consolidation at headquarters: several workshops exported with `workbook::export`, one of them
//! twice, beside files that are not this app's workbooks, brought into one workbook through
//! `consolidate::consolidate` (each file read by the built `workshop` binary as the child), and
//! read back with calamine: what was included, dropped and skipped, the returning participants
//! counted once, and every number against the source databases' own aggregates. Then the
//! `consolidate` command, and an independent reader (openpyxl).

use crate::fixtures::{Clock, DataDir, kathmandu, number, person};
use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use uuid::Uuid;
use workshop_core::attendance::{self, Method, Slot};
use workshop_core::board::{self, BoardInput, Quadrant, RaisedBy};
use workshop_core::consolidate::{self, Consolidated, Progress, Step, code, outcome, sheet};
use workshop_core::import::Limits;
use workshop_core::participant::{self, ParticipantInput, Sex};
use workshop_core::plans::{self, ActionInput, PlanInput, Status};
use workshop_core::workbook::{self, ExportOptions, Profile};
use workshop_core::workshop::{self, Workshop, WorkshopInput};
use workshop_core::{Database, exports, summary};

fn exe() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_workshop"))
}

/// A formula-injection payload, as a note's text: it must come through as text.
const PAYLOAD: &str = "=HYPERLINK(\"http://evil.example\",\"Click\")";

fn workshop_input(title: &str, city: &str, country: &str, start: &str, end: &str) -> WorkshopInput {
    WorkshopInput {
        title: title.into(),
        venue_city: city.into(),
        country: Some(country.into()),
        start_date: start.into(),
        end_date: end.into(),
        sessions_per_day: Some(2),
        organisers: "ILO-ACTRAV".into(),
        programme_code: String::new(),
        working_languages: vec!["en".into()],
        youth_age_limit: Some(35),
    }
}

fn with_email(mut input: ParticipantInput, email: &str, consent: bool) -> ParticipantInput {
    input.email = email.into();
    input.consent_contact = consent;
    input
}

fn slot(day: &str, session: u8) -> Slot {
    crate::fixtures::slot(day, session)
}

/// Registers `people`, returning their IDs.
fn register(
    db: &mut Database,
    clock: &Clock,
    w: &Workshop,
    people: &[ParticipantInput],
) -> Vec<Uuid> {
    people
        .iter()
        .map(|p| participant::create(db, w.id, p, clock.tick()).unwrap().id)
        .collect()
}

/// A board of `notes` (and one heading) and a plan with an action of each status in `statuses`.
fn capture(db: &mut Database, clock: &Clock, w: &Workshop, notes: &[&str], statuses: &[Status]) {
    let board_id = board::create(
        db,
        w.id,
        &BoardInput {
            question: format!("What helps migrant workers organise? ({})", w.venue_city),
            ..Default::default()
        },
        clock.tick(),
    )
    .unwrap()
    .id;
    board::add_heading(
        db,
        board_id,
        Quadrant::Strengths,
        "Our strengths",
        &[],
        clock.tick(),
    )
    .unwrap();
    let mut ids = Vec::new();
    for (i, text) in notes.iter().enumerate() {
        ids.push(
            board::add_note(
                db,
                board_id,
                Quadrant::ALL[i % 4],
                text,
                RaisedBy::default(),
                clock.tick(),
            )
            .unwrap()
            .id,
        );
    }
    let plan = plans::create_plan(
        db,
        w.id,
        &PlanInput {
            title: format!("Plan of {}", w.venue_city),
            ..Default::default()
        },
        clock.tick(),
    )
    .unwrap();
    for (i, status) in statuses.iter().enumerate() {
        plans::add_action(
            db,
            plan.id,
            &ActionInput {
                description: format!("Action {i} in {}", w.venue_city),
                responsible: "The national centre".into(),
                status: *status,
                ..Default::default()
            },
            &ids[..1],
            clock.tick(),
        )
        .unwrap();
    }
}

/// Three workshops in one database (as three laptops would have had them), exported to a
/// folder: Kathmandu as a full transfer, Bangkok as a report, Geneva twice (a participant came
/// late between the two exports), beside files that are not workshop workbooks.
struct Scenario {
    _data: DataDir,
    db: Database,
    dir: tempfile::TempDir,
    workshops: [Workshop; 3],
    files: HashMap<&'static str, PathBuf>,
    sita: Uuid,
    an: Uuid,
    ram: Uuid,
    deleted: Uuid,
}

fn scenario() -> Scenario {
    let clock = Clock::new();
    let data = DataDir::new();
    let mut db = data.open(&clock);
    let dir = tempfile::tempdir().unwrap();
    let mut files = HashMap::new();
    let mut export = |db: &Database, w: &Workshop, profile: Profile, name: &'static str, now| {
        let path = dir.path().join(name);
        let options = ExportOptions { profile, now };
        workbook::export(db, w.id, &options, &path, &mut |_| {}).unwrap();
        files.insert(name, path);
    };

    // Kathmandu, 14–18 May: Sita (her email, consented), Ram (his email, no consent), An in
    // Vietnamese, and someone deleted.
    let ktm = kathmandu(&mut db, &clock);
    let ids = register(
        &mut db,
        &clock,
        &ktm,
        &[
            with_email(
                person("Sita Sharma", Sex::Woman, "NP", Some(1990)),
                "sita@gefont.org",
                true,
            ),
            with_email(
                person("Ram Bahadur Thapa", Sex::Man, "NP", Some(1975)),
                "ram@gefont.org",
                false,
            ),
            person("Nguyễn Văn An", Sex::Man, "VN", Some(1995)),
            person("Registered By Mistake", Sex::Woman, "IN", Some(1980)),
        ],
    );
    let (sita, ram, an, deleted) = (ids[0], ids[1], ids[2], ids[3]);
    participant::delete(&mut db, deleted, clock.tick()).unwrap();
    attendance::mark_many(
        &mut db,
        ktm.id,
        slot("2018-05-14", 1),
        &[sita, ram, an],
        Method::Paper,
        clock.tick(),
    )
    .unwrap();
    attendance::mark_many(
        &mut db,
        ktm.id,
        slot("2018-05-14", 2),
        &[sita, an],
        Method::Paper,
        clock.tick(),
    )
    .unwrap();
    attendance::mark_many(
        &mut db,
        ktm.id,
        slot("2018-05-15", 1),
        &[sita],
        Method::Facilitator,
        clock.tick(),
    )
    .unwrap();
    capture(
        &mut db,
        &clock,
        &ktm,
        &[
            "Strong unions in the Gulf",
            PAYLOAD,
            "Recruitment fees",
            "Xenophobia",
        ],
        &[Status::Planned, Status::Done, Status::Done],
    );

    // Bangkok, 4–6 June: Sita again (her email in capitals, another name), An again (Latin
    // letters, words in another order and spacing), and Somchai.
    let bkk = workshop::create(
        &mut db,
        &workshop_input(
            "Organising Migrant Workers in ASEAN",
            "Bangkok",
            "TH",
            "2018-06-04",
            "2018-06-06",
        ),
        clock.tick(),
    )
    .unwrap();
    let ids = register(
        &mut db,
        &clock,
        &bkk,
        &[
            with_email(
                person("S. Sharma-Koirala", Sex::Woman, "NP", Some(1990)),
                "SITA@GEFONT.ORG",
                true,
            ),
            person("An  Nguyen Van", Sex::Man, "VN", Some(1995)),
            person("Somchai Jaidee", Sex::Man, "TH", Some(1970)),
        ],
    );
    attendance::mark_many(
        &mut db,
        bkk.id,
        slot("2018-06-04", 1),
        &ids,
        Method::Paper,
        clock.tick(),
    )
    .unwrap();
    capture(
        &mut db,
        &clock,
        &bkk,
        &["Social dialogue", "Language barriers"],
        &[Status::InProgress],
    );

    // Geneva, 10–12 September: Sita in Devanagari (no email), Maria; exported, then a late
    // arrival registered and exported again.
    let gva = workshop::create(
        &mut db,
        &workshop_input(
            "Fair Recruitment: Global Dialogue",
            "Geneva",
            "CH",
            "2018-09-10",
            "2018-09-12",
        ),
        clock.tick(),
    )
    .unwrap();
    register(
        &mut db,
        &clock,
        &gva,
        &[
            person("सीता शर्मा", Sex::Woman, "NP", Some(1990)),
            person("Maria Santos", Sex::Woman, "BR", None),
        ],
    );
    capture(
        &mut db,
        &clock,
        &gva,
        &["ILO C181"],
        &[Status::Dropped, Status::Planned],
    );

    export(
        &db,
        &ktm,
        Profile::FullTransfer,
        "kathmandu.xlsx",
        clock.tick(),
    );
    export(&db, &bkk, Profile::Report, "bangkok.xlsx", clock.tick());
    export(
        &db,
        &gva,
        Profile::Report,
        "geneva (first).xlsx",
        clock.tick(),
    );
    register(
        &mut db,
        &clock,
        &gva,
        &[person("Late Arrival", Sex::Man, "CH", Some(2000))],
    );
    export(
        &db,
        &gva,
        Profile::Report,
        "geneva (final).xlsx",
        clock.tick(),
    );

    // Files that are not workshop workbooks.
    let text = dir.path().join("minutes.xlsx");
    std::fs::write(&text, "Minutes of the meeting, renamed by mistake.\n").unwrap();
    files.insert("minutes.xlsx", text);
    let budget = dir.path().join("budget.xlsx");
    let mut other = rust_xlsxwriter::Workbook::new();
    let sheet = other.add_worksheet();
    sheet.set_name("Budget").unwrap();
    sheet.write_string(0, 0, "Item").unwrap();
    sheet.write_number(1, 1, 1200.0).unwrap();
    other.save(&budget).unwrap();
    files.insert("budget.xlsx", budget);
    let newer = dir.path().join("from the future.xlsx");
    let mut future = rust_xlsxwriter::Workbook::new();
    let sheet = future.add_worksheet();
    sheet.set_name("About this file").unwrap();
    sheet.write_string(3, 0, "Format version").unwrap();
    sheet.write_number(3, 1, 2.0).unwrap();
    future.save(&newer).unwrap();
    files.insert("from the future.xlsx", newer);
    let bytes = std::fs::read(&files["bangkok.xlsx"]).unwrap();
    let cut = dir.path().join("cut off.xlsx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    files.insert("cut off.xlsx", cut);

    Scenario {
        _data: data,
        db,
        dir,
        workshops: [ktm, bkk, gva],
        files,
        sita,
        an,
        ram,
        deleted,
    }
}

fn consolidate_into(inputs: &[PathBuf], out: &Path) -> (Consolidated, Vec<Progress>) {
    let mut seen = Vec::new();
    let now = chrono::DateTime::parse_from_rfc3339("2018-10-01T09:00:00Z")
        .unwrap()
        .to_utc();
    let done = consolidate::consolidate(exe(), inputs, out, &Limits::default(), now, &mut |p| {
        seen.push(p.clone());
    })
    .unwrap();
    (done, seen)
}

fn open(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    open_workbook(path).unwrap()
}

/// A sheet as rows of cells keyed by header (the table's rows, up to the first empty one).
fn records(
    book: &mut Xlsx<std::io::BufReader<std::fs::File>>,
    name: &str,
) -> Vec<HashMap<String, Data>> {
    let range: Range<Data> = book.worksheet_range(name).unwrap();
    let mut rows = range.rows();
    let headers: Vec<String> = rows
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    rows.take_while(|row| row.iter().any(|c| *c != Data::Empty))
        .map(|row| headers.iter().cloned().zip(row.iter().cloned()).collect())
        .collect()
}

fn text(record: &HashMap<String, Data>, header: &str) -> String {
    record
        .get(header)
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// The value beside `label` in column A of the Summary, in column `col`.
fn summary_value(range: &Range<Data>, label: &str, col: u32) -> Data {
    let row = (0..range.height() as u32)
        .find(|r| range.get_value((*r, 0)).is_some_and(|d| *d == label))
        .unwrap_or_else(|| panic!("no row {label:?} on the Summary"));
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn several_workshops_one_exported_twice_and_foreign_files_consolidate_into_one_workbook() {
    let s = scenario();
    let out = s.dir.path().join("out").join("consolidated.xlsx");
    std::fs::create_dir(out.parent().unwrap()).unwrap();
    // The newer Geneva export is given before the older one: the export time decides, not the
    // order.
    let inputs: Vec<PathBuf> = [
        "geneva (final).xlsx",
        "kathmandu.xlsx",
        "minutes.xlsx",
        "bangkok.xlsx",
        "geneva (first).xlsx",
        "budget.xlsx",
        "from the future.xlsx",
        "cut off.xlsx",
    ]
    .iter()
    .map(|name| s.files[name].clone())
    .collect();
    let (done, progress) = consolidate_into(&inputs, &out);
    let [ktm, bkk, gva] = &s.workshops;

    // Included, by start date; the older Geneva export dropped, saying why.
    let included: Vec<(Uuid, u64)> = done
        .included
        .iter()
        .map(|w| (w.workshop_id, w.participants))
        .collect();
    assert_eq!(included, vec![(ktm.id, 3), (bkk.id, 3), (gva.id, 3)]);
    assert_eq!(done.included[2].file, s.files["geneva (final).xlsx"]);
    assert_eq!(done.dropped.len(), 1);
    let dropped = &done.dropped[0];
    assert_eq!(dropped.file, s.files["geneva (first).xlsx"]);
    assert_eq!(dropped.kept, s.files["geneva (final).xlsx"]);
    assert_eq!(dropped.workshop_id, gva.id);
    assert!(
        dropped.reason.contains("older export") && dropped.reason.contains("geneva (final).xlsx"),
        "{}",
        dropped.reason
    );

    // Skipped, in the order given, each with its reason.
    let skipped: Vec<(String, &str)> = done
        .skipped
        .iter()
        .map(|s| {
            (
                s.file.file_name().unwrap().to_string_lossy().into_owned(),
                s.code.as_str(),
            )
        })
        .collect();
    assert_eq!(
        skipped,
        vec![
            ("minutes.xlsx".to_string(), "workbook_not_excel"),
            ("budget.xlsx".to_string(), code::NOT_OURS),
            ("from the future.xlsx".to_string(), code::NEWER_FORMAT),
            ("cut off.xlsx".to_string(), "workbook_truncated"),
        ]
    );
    for skip in &done.skipped {
        let name = skip
            .file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            skip.reason.contains(&name),
            "the reason names the file: {}",
            skip.reason
        );
    }

    // Sita (three workshops: same email, then her name in Devanagari) and An (two: his name
    // in another order and spacing) are counted once each.
    assert_eq!(done.participants, 9);
    assert_eq!(
        done.people_reached, 6,
        "Sita, An, Ram, Somchai, Maria, the late arrival"
    );
    assert_eq!(done.returning, 2);

    // Progress: every file read, then every row written.
    let reading: Vec<&Progress> = progress
        .iter()
        .filter(|p| p.step == Step::Reading)
        .collect();
    assert_eq!(reading.last().map(|p| (p.done, p.total)), Some((8, 8)));
    let writing = progress.iter().rfind(|p| p.step == Step::Writing).unwrap();
    let rows: u64 = done.sheets.iter().map(|s| s.rows).sum();
    assert_eq!((writing.done, writing.total), (rows, rows));

    // The workbook.
    assert!(out.is_file());
    assert_eq!(done.bytes, std::fs::metadata(&out).unwrap().len());
    let mut book = open(&out);
    assert_eq!(
        book.sheet_names(),
        vec![
            sheet::SUMMARY,
            sheet::PARTICIPANTS,
            sheet::ATTENDANCE,
            sheet::SWOT,
            sheet::ACTION_PLANS,
            sheet::ABOUT
        ]
    );
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert_eq!(
            formulas
                .used_cells()
                .filter(|(_, _, f)| !f.is_empty())
                .count(),
            0,
            "no formula on {name}"
        );
    }

    // Participants: the live ones of the included exports, each with its workshop and its
    // stable ID; a returning participant has one Person ID.
    let participants = records(&mut book, sheet::PARTICIPANTS);
    assert_eq!(participants.len(), 9);
    let live: HashSet<String> = s
        .workshops
        .iter()
        .flat_map(|w| participant::list(&s.db, w.id, "", false).unwrap())
        .map(|p| p.id.to_string())
        .collect();
    let ids: HashSet<String> = participants.iter().map(|p| text(p, "ID")).collect();
    assert_eq!(ids, live, "every live participant once, by their own ID");
    assert!(!ids.contains(&s.deleted.to_string()), "no deleted record");
    let person_of = |name: &str| {
        participants
            .iter()
            .find(|p| text(p, "Name") == name)
            .map(|p| text(p, "Person ID"))
            .unwrap_or_else(|| panic!("{name} is not in Participants"))
    };
    for name in ["Sita Sharma", "S. Sharma-Koirala", "सीता शर्मा"] {
        assert_eq!(person_of(name), s.sita.to_string(), "{name} is Sita");
    }
    assert_eq!(person_of("An  Nguyen Van"), s.an.to_string());
    assert_eq!(person_of("Nguyễn Văn An"), s.an.to_string());
    let distinct: HashSet<String> = participants.iter().map(|p| text(p, "Person ID")).collect();
    assert_eq!(distinct.len(), 6);
    let first = &participants[0];
    assert_eq!(text(first, "Workshop ID"), ktm.id.to_string());
    assert_eq!(text(first, "Workshop"), ktm.title);
    assert!(matches!(
        first.get("Workshop start date"),
        Some(Data::DateTime(_))
    ));
    // From Kathmandu's full transfer, contact details only with consent, as in a report.
    let ram = participants
        .iter()
        .find(|p| text(p, "ID") == s.ram.to_string())
        .unwrap();
    assert_eq!(text(ram, "Email"), "");
    assert_eq!(
        text(ram, "Contact details"),
        "Withheld: no consent to be contacted"
    );
    let sita = participants
        .iter()
        .find(|p| text(p, "ID") == s.sita.to_string())
        .unwrap();
    assert_eq!(text(sita, "Email"), "sita@gefont.org");

    // Attendance: one row per participant per workshop, the grid's own numbers.
    let attendance_rows = records(&mut book, sheet::ATTENDANCE);
    assert_eq!(attendance_rows.len(), 9);
    for w in &s.workshops {
        let grid = attendance::grid(s.db.conn(), w.id).unwrap();
        let held = grid.totals.iter().filter(|t| t.total > 0).count() as f64;
        for row in &grid.rows {
            let got = attendance_rows
                .iter()
                .find(|r| text(r, "Participant ID") == row.participant_id.to_string())
                .unwrap();
            let attended = row.marks.iter().filter(|m| m.is_some()).count() as f64;
            assert_eq!(number(&got["Sessions attended"]), attended);
            assert_eq!(number(&got["Sessions held"]), held);
            if held > 0.0 {
                assert!((number(&got["Attendance rate"]) - attended / held).abs() < 1e-12);
            }
            assert_eq!(text(got, "Workshop ID"), w.id.to_string());
            assert_eq!(text(got, "Person ID"), person_of(&row.full_name));
        }
    }

    // SWOT and actions: every one, with its workshop and ID; the payload is text.
    let notes = records(&mut book, sheet::SWOT);
    assert_eq!(notes.len(), 4 + 2 + 1 + 3, "every note and heading");
    assert!(notes.iter().any(|n| text(n, "Text") == PAYLOAD));
    assert!(
        notes
            .iter()
            .all(|n| Uuid::parse_str(&text(n, "ID")).is_ok())
    );
    let actions = records(&mut book, sheet::ACTION_PLANS);
    assert_eq!(actions.len(), 3 + 1 + 2);
    assert!(
        actions
            .iter()
            .all(|a| Uuid::parse_str(&text(a, "ID")).is_ok())
    );
    assert_eq!(
        actions
            .iter()
            .filter(|a| text(a, "Workshop ID") == ktm.id.to_string() && text(a, "Status") == "Done")
            .count(),
        2
    );

    // The Summary: each workshop's numbers are the database's own, the total and the people
    // reached.
    let summary_sheet = book.worksheet_range(sheet::SUMMARY).unwrap();
    for w in &s.workshops {
        let counts = summary::summarize(s.db.conn(), w.id).unwrap();
        let rollup = plans::rollup(s.db.conn(), w.id).unwrap();
        let status = |code: &str| {
            rollup
                .by_status
                .iter()
                .find(|c| c.key == code)
                .map_or(0.0, |c| f64::from(c.count))
        };
        let row = |col| number(&summary_value(&summary_sheet, &w.title, col));
        assert_eq!(row(5), f64::from(counts.total), "{}: participants", w.title);
        assert_eq!(row(6), f64::from(counts.women), "{}: women", w.title);
        assert_eq!(row(8), f64::from(counts.youth), "{}: youth", w.title);
        assert_eq!(
            row(9),
            f64::from(counts.countries),
            "{}: countries",
            w.title
        );
        assert_eq!(
            [row(11), row(12), row(13), row(14)],
            [
                status("planned"),
                status("in_progress"),
                status("done"),
                status("dropped")
            ],
            "{}: actions by status",
            w.title
        );
    }
    // The charts draw those numbers: each workshop's women's share (labelled by venue and start
    // date), and the participant records by country and sex, which add up to all of them.
    let all = crate::charts::read(&out);
    let share = crate::charts::titled(&all, "Women's share per workshop");
    let drawn: HashMap<String, f64> = share.series[0]
        .categories
        .iter()
        .map(ToString::to_string)
        .zip(share.series[0].values.iter().map(number))
        .collect();
    assert_eq!(drawn.len(), 3, "{drawn:?}");
    for w in &s.workshops {
        let counts = summary::summarize(s.db.conn(), w.id).unwrap();
        let label = format!("{}, {}", w.venue_city, w.start_date);
        assert_eq!(
            drawn.get(&label).copied(),
            Some(f64::from(counts.women) / f64::from(counts.total)),
            "{label} in {drawn:?}"
        );
    }
    let by_country = crate::charts::titled(&all, "Participants by country across workshops");
    assert_eq!(
        by_country.totals().iter().sum::<f64>(),
        done.participants as f64
    );
    assert_eq!(done.participants, 9);

    let total = |col| number(&summary_value(&summary_sheet, "Total, 3 workshops", col));
    assert_eq!(total(5), 9.0);
    assert_eq!(total(6), 4.0, "Sita three times, Maria");
    assert_eq!(total(9), 5.0, "NP, VN, TH, BR, CH");
    assert_eq!(total(15), 6.0);
    // Kathmandu: 6 sessions attended of 3 × 3 held; Bangkok: 3 of 3 × 1; Geneva: none held.
    assert!((total(10) - 9.0 / 12.0).abs() < 1e-12);
    assert_eq!(
        number(&summary_value(
            &summary_sheet,
            "People reached (each person once)",
            1
        )),
        6.0
    );
    assert_eq!(
        number(&summary_value(
            &summary_sheet,
            "Returning participants (in 2 or more workshops)",
            1
        )),
        2.0
    );
    assert_eq!(
        number(&summary_value(&summary_sheet, "of whom women", 1)),
        2.0
    );
    for file in ["geneva (first).xlsx", "minutes.xlsx", "budget.xlsx"] {
        assert!(
            summary_sheet.used_cells().any(|(_, _, d)| *d == file),
            "{file} is listed on the Summary as left out"
        );
    }

    // About this file: every source file, what became of it.
    let about = book.worksheet_range(sheet::ABOUT).unwrap();
    let outcomes: HashMap<String, String> = (0..about.height() as u32)
        .filter_map(|r| {
            let file = about.get_value((r, 0))?.to_string();
            let what = about.get_value((r, 4))?.to_string();
            s.files.contains_key(file.as_str()).then_some((file, what))
        })
        .collect();
    assert_eq!(outcomes.len(), 8);
    assert_eq!(outcomes["kathmandu.xlsx"], outcome::INCLUDED);
    assert_eq!(outcomes["geneva (first).xlsx"], outcome::DROPPED);
    assert_eq!(outcomes["budget.xlsx"], outcome::SKIPPED);
}

#[test]
fn a_consolidated_workbook_is_not_consolidated_again_and_nothing_usable_is_an_error() {
    let s = scenario();
    let out = s.dir.path().join("all.xlsx");
    let (first, _) = consolidate_into(&[s.dir.path().to_path_buf()], &out);
    // The folder: every .xlsx in it, by name, the output itself left out.
    assert_eq!(first.included.len(), 3);
    assert_eq!(first.dropped.len(), 1);
    assert_eq!(first.skipped.len(), 4);
    assert_eq!(first.people_reached, 6);

    let again = s.dir.path().join("again.xlsx");
    let (second, _) = consolidate_into(&[s.dir.path().to_path_buf()], &again);
    let consolidated = second
        .skipped
        .iter()
        .find(|skip| skip.file == out)
        .expect("the first consolidation is among the files");
    assert_eq!(consolidated.code, code::CONSOLIDATED);
    assert_eq!(second.people_reached, 6, "nothing counted twice");

    let now = chrono::DateTime::parse_from_rfc3339("2018-10-01T09:00:00Z")
        .unwrap()
        .to_utc();
    let nothing = s.dir.path().join("nothing.xlsx");
    let error = consolidate::consolidate(
        exe(),
        &[
            s.files["minutes.xlsx"].clone(),
            s.files["budget.xlsx"].clone(),
        ],
        &nothing,
        &Limits::default(),
        now,
        &mut |_| {},
    )
    .unwrap_err();
    assert_eq!(error.code(), "required");
    let message = error.to_string();
    assert!(message.contains("None of the 2 file(s)"), "{message}");
    assert!(
        message.contains("budget.xlsx is not a Workshop Desk workbook"),
        "{message}"
    );
    assert!(!nothing.exists(), "nothing written");

    let empty = tempfile::tempdir().unwrap();
    let error = consolidate::consolidate(
        exe(),
        &[empty.path().to_path_buf()],
        &nothing,
        &Limits::default(),
        now,
        &mut |_| {},
    )
    .unwrap_err();
    assert!(error.to_string().contains("no .xlsx workbook"), "{error}");

    let nowhere = s.dir.path().join("no such folder").join("out.xlsx");
    let error = consolidate::consolidate(
        exe(),
        &[s.files["bangkok.xlsx"].clone()],
        &nowhere,
        &Limits::default(),
        now,
        &mut |_| {},
    )
    .unwrap_err();
    assert_eq!(error.code(), "io");
    assert!(error.to_string().contains("no such folder"), "{error}");
}

#[test]
fn a_workbook_changed_by_hand_is_included_as_it_is_and_said_to_be() {
    use crate::exchange::{edit_by_hand, set, sheet};
    use workshop_core::import::RawCell;
    let s = scenario();
    let dir = tempfile::tempdir().unwrap();
    // Headquarters corrected a name in the Bangkok report; the Kathmandu one came untouched; a
    // third copy had its "About this file" changed, so its checksums tell nothing.
    let corrected = dir.path().join("bangkok corrected.xlsx");
    edit_by_hand(&s.files["bangkok.xlsx"], &corrected, |sheets| {
        set(
            sheet(sheets, "Participants"),
            1,
            "Name",
            RawCell::Text("Nguyễn Văn An (corrected)".into()),
        );
    });
    let untouched = dir.path().join("kathmandu.xlsx");
    std::fs::copy(&s.files["kathmandu.xlsx"], &untouched).unwrap();
    let about_changed = dir.path().join("kathmandu about changed.xlsx");
    edit_by_hand(&s.files["kathmandu.xlsx"], &about_changed, |sheets| {
        let about = sheet(sheets, "About this file");
        let row = about
            .rows
            .iter()
            .position(|r| r.first() == Some(&RawCell::Text("Workshop title".into())))
            .unwrap();
        about.rows[row][1] = RawCell::Text("Kathmandu, corrected".into());
    });

    let out = dir.path().join("out.xlsx");
    let (done, _) = consolidate_into(&[corrected.clone(), untouched.clone()], &out);
    let edited = |file: &Path| {
        done.included
            .iter()
            .find(|w| w.file == file)
            .unwrap()
            .edited_sheets
            .clone()
    };
    assert_eq!(edited(&corrected), ["Participants"]);
    assert!(edited(&untouched).is_empty());
    let note = done.included.iter().find_map(|w| w.edited_note()).unwrap();
    assert!(
        note.contains("Changed by hand after its export (Participants)"),
        "{note}"
    );

    // The correction is what was consolidated, and "About this file" says the file was edited.
    let mut book = open(&out);
    let names: Vec<String> = records(&mut book, sheet::PARTICIPANTS)
        .iter()
        .map(|r| text(r, "Name"))
        .collect();
    assert!(
        names.contains(&"Nguyễn Văn An (corrected)".to_string()),
        "{names:?}"
    );
    let about = book.worksheet_range(sheet::ABOUT).unwrap();
    let reason_of = |file: &str| {
        (0..about.height() as u32)
            .find(|r| about.get_value((*r, 0)).is_some_and(|d| *d == file))
            .map(|r| {
                about
                    .get_value((r, 5))
                    .map(ToString::to_string)
                    .unwrap_or_default()
            })
            .unwrap()
    };
    assert_eq!(reason_of("bangkok corrected.xlsx"), note);
    assert_eq!(reason_of("kathmandu.xlsx"), "");

    let out = dir.path().join("out 2.xlsx");
    let (done, _) = consolidate_into(std::slice::from_ref(&about_changed), &out);
    assert_eq!(done.included[0].edited_sheets, ["About this file"]);
}

#[test]
fn the_app_proposes_the_workbooks_of_the_last_folder_and_remembers_where_it_wrote() {
    let s = scenario();
    let clock = Clock::new();
    let data = DataDir::new();
    let db = data.open(&clock);
    let now = chrono::DateTime::parse_from_rfc3339("2018-10-01T09:00:00Z")
        .unwrap()
        .to_utc();
    // Nothing consolidated yet: the folder of the last export.
    exports::remember_folder(db.conn(), s.dir.path()).unwrap();
    let target = consolidate::target(db.conn(), now).unwrap();
    assert_eq!(target.folder, s.dir.path());
    assert_eq!(
        target.path,
        s.dir.path().join("Consolidated report 2018-10-01.xlsx")
    );
    let mut names: Vec<&str> = s.files.keys().copied().collect();
    names.sort_unstable();
    let offered: Vec<String> = target
        .workbooks
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(offered, names, "every .xlsx of the folder, by name");

    let elsewhere = tempfile::tempdir().unwrap();
    let (done, _) = consolidate_into(&target.workbooks, &elsewhere.path().join("HQ 2018.xlsx"));
    consolidate::remember(db.conn(), &done).unwrap();
    let next = consolidate::target(db.conn(), now).unwrap();
    assert_eq!(next.folder, elsewhere.path(), "the folder written to last");
    assert_eq!(next.workbooks, vec![elsewhere.path().join("HQ 2018.xlsx")]);
}

fn workshop_cli(args: &[&str]) -> std::process::Output {
    Command::new(exe())
        .args(args)
        .env_remove("WORKSHOP_DESK_DATA_DIR")
        .output()
        .unwrap()
}

#[test]
fn the_consolidate_command_says_what_it_included_and_skipped_and_fails_clearly() {
    let s = scenario();
    let out = s.dir.path().join("report.xlsx");
    let folder = s.dir.path().to_str().unwrap();
    let ok = workshop_cli(&["consolidate", folder, "-o", out.to_str().unwrap()]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let stdout = String::from_utf8(ok.stdout).unwrap();
    let mut lines = stdout.lines();
    assert_eq!(lines.next(), Some(out.to_str().unwrap()), "{stdout}");
    assert!(
        stdout.contains("  Included: kathmandu.xlsx: Trade Union Policy"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  Dropped: geneva (first).xlsx: An older export"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  Skipped: budget.xlsx: budget.xlsx is not a Workshop Desk workbook"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  People reached: 6 (9 participant records; 2 at more than one workshop)"),
        "{stdout}"
    );
    assert!(out.is_file());

    let bad = workshop_cli(&[
        "consolidate",
        s.files["minutes.xlsx"].to_str().unwrap(),
        "-o",
        s.dir.path().join("x.xlsx").to_str().unwrap(),
    ]);
    assert!(!bad.status.success());
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("could be consolidated") && stderr.contains("minutes.xlsx"),
        "{stderr}"
    );

    let nowhere = s.dir.path().join("no such folder").join("x.xlsx");
    let unwritable = workshop_cli(&[
        "consolidate",
        s.files["bangkok.xlsx"].to_str().unwrap(),
        "-o",
        nowhere.to_str().unwrap(),
    ]);
    assert!(!unwritable.status.success());
    assert!(String::from_utf8_lossy(&unwritable.stderr).contains("no such folder"));

    let help = workshop_cli(&["consolidate", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("not those in its subfolders"), "{help}");
    assert!(
        !workshop_cli(&["consolidate", "-o", "x.xlsx"])
            .status
            .success(),
        "inputs are required"
    );
}

/// openpyxl, another program's reader, opens the consolidated workbook, finds the Summary's
/// totals and the people reached, and no formula anywhere. Skipped (saying so) only where
/// python3 or openpyxl is missing outside CI.
#[test]
fn an_independent_reader_agrees_with_the_consolidated_workbook() {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let has_openpyxl = Command::new(&python)
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_openpyxl {
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
        assert!(
            !ci,
            "{python} with openpyxl is needed in CI (scripts/test.sh installs it)"
        );
        println!(
            "SKIPPED an_independent_reader_agrees_with_the_consolidated_workbook: no openpyxl"
        );
        return;
    }
    let s = scenario();
    let out = s.dir.path().join("consolidated.xlsx");
    let (done, _) = consolidate_into(&[s.dir.path().to_path_buf()], &out);
    let women: u32 = s
        .workshops
        .iter()
        .map(|w| summary::summarize(s.db.conn(), w.id).unwrap().women)
        .sum();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/openpyxl/check_consolidated.py");
    let output = Command::new(&python)
        .arg(&script)
        .arg(&out)
        .args(["--workshops", &done.included.len().to_string()])
        .args(["--participants", &done.participants.to_string()])
        .args(["--women", &women.to_string()])
        .args(["--people", &done.people_reached.to_string()])
        .args([
            "--skipped",
            &(done.skipped.len() + done.dropped.len()).to_string(),
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "check_consolidated.py:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
