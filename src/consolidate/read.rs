//! A workbook as read (`import::RawWorkbook`) turned into one workshop's rows, typed by the
//! consolidated sheets' columns and found by their headers, with the counts the Summary needs.
//! A file that is not one of this app's workshop workbooks is refused with the reason.

use super::format::{self, ATTENDANCE_COLUMNS};
use crate::countries;
use crate::import::{RawCell, RawSheet, RawWorkbook};
use crate::workbook::checksum::{self, Cell};
use crate::workbook::format::{
    self as workbook, Column, FORMAT_VERSION, Kind, SEX, STATUS, about, sheet,
};
use crate::workbook::sheets::people::{CONTACT_INCLUDED, CONTACT_WITHHELD};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use uuid::Uuid;

/// Why a file was not consolidated: a stable code and a sentence that names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub code: &'static str,
    pub message: String,
}

/// The codes of the refusals found here (the reader's own are `import::ImportCode`'s; the first
/// two are also the import's).
pub mod code {
    /// Not a workbook of this app: no "About this file" with a format version.
    pub const NOT_OURS: &str = "workbook_not_ours";
    /// Written by a newer version of the app, in a format this one does not know.
    pub const NEWER_FORMAT: &str = "workbook_newer_format";
    /// A consolidated workbook, not one workshop's.
    pub const CONSOLIDATED: &str = "workbook_consolidated";
    /// One of this app's workbooks with a sheet, a column or the workshop's ID missing.
    pub const INCOMPLETE: &str = "workbook_incomplete";
}

/// What "About this file" says of the export.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Meta {
    pub workshop_id: Uuid,
    pub exported_at: Option<DateTime<Utc>>,
    pub profile: String,
}

/// The workshop, from its sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Workshop {
    pub title: String,
    pub venue: String,
    pub country_code: Option<String>,
    pub country: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// What the Summary and the recognition of returning participants need of a participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Person {
    /// The participant record's ID.
    pub id: String,
    pub name: String,
    /// As exported (before a full transfer's contact details are withheld), for matching only.
    pub email: String,
    /// The stored code ("woman"), when the label is known.
    pub sex: Option<&'static str>,
    pub country_code: Option<String>,
    /// The country's English name, or the code when it is unknown.
    pub country: Option<String>,
}

/// The workshop's counts for the Summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Stats {
    pub participants: u64,
    pub women: u64,
    pub youth: u64,
    pub countries: u64,
    pub sessions_held: u64,
    /// Sessions attended, added up over the participants.
    pub attended: u64,
    /// Sessions the participants could have attended: participants × sessions held.
    pub expected: u64,
    /// Notes, headings left out.
    pub notes: u64,
    /// Actions by status, in `STATUS`'s order.
    pub actions: [u64; 4],
    pub actions_total: u64,
}

impl Stats {
    /// Sessions attended of the sessions held; `None` before any session was held.
    pub fn attendance_rate(&self) -> Option<f64> {
        (self.expected > 0).then(|| self.attended as f64 / self.expected as f64)
    }
}

/// One workshop's workbook, read: rows in the consolidated sheets' column order (without the
/// workshop's columns and the Person ID, which the writer puts first).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Source {
    pub meta: Meta,
    /// Sheets changed by hand after the export (their checksums no longer match).
    pub edited_sheets: Vec<String>,
    pub workshop: Workshop,
    pub stats: Stats,
    /// One per row of `participants`.
    pub people: Vec<Person>,
    pub participants: Vec<Vec<Cell>>,
    /// The participant ID of each row of `attendance`.
    pub attendance_ids: Vec<String>,
    pub attendance: Vec<Vec<Cell>>,
    pub notes: Vec<Vec<Cell>>,
    pub actions: Vec<Vec<Cell>>,
}

fn name_of(file: &Path) -> String {
    file.file_name()
        .unwrap_or(file.as_os_str())
        .to_string_lossy()
        .into_owned()
}

fn incomplete(file: &Path, what: &str) -> Refusal {
    Refusal {
        code: code::INCOMPLETE,
        message: format!(
            "{} looks like a Workshop Desk workbook, but {what}, so it was left out. Export it \
             again from Workshop Desk.",
            name_of(file)
        ),
    }
}

/// A cell's text, for labels and IDs.
fn text(cell: &RawCell) -> Option<&str> {
    match cell {
        RawCell::Text(text) | RawCell::Iso(text) => Some(text.trim()),
        _ => None,
    }
}

/// The sheets consolidation reads; the reader leaves the others unparsed.
pub(crate) const SHEETS: [&str; 6] = [
    sheet::ABOUT,
    sheet::WORKSHOP,
    sheet::PARTICIPANTS,
    sheet::ATTENDANCE,
    sheet::SWOT,
    sheet::ACTION_PLANS,
];

/// What the About sheet says; a refusal when the file is not a workshop workbook of a format
/// this version reads.
fn meta(file: &Path, about_sheet: Option<&RawSheet>) -> Result<(Meta, Option<Uuid>), Refusal> {
    let not_ours = || Refusal {
        code: code::NOT_OURS,
        message: format!(
            "{} is not a Workshop Desk workbook (it has no “{}” sheet with a format version), so \
             it was left out. Only workbooks exported by Workshop Desk can be consolidated.",
            name_of(file),
            sheet::ABOUT
        ),
    };
    let about_sheet = about_sheet.ok_or_else(not_ours)?;
    let mut version = None;
    let mut profile = String::new();
    let mut workshop_id = None;
    let mut exported_at = None;
    for row in &about_sheet.rows {
        let Some(label) = row.first().and_then(text) else {
            continue;
        };
        if label == about::SHEET {
            break;
        }
        let value = row.get(1).unwrap_or(&RawCell::Empty);
        match label {
            about::FORMAT_VERSION => {
                version = match value {
                    RawCell::Number(n) if n.fract() == 0.0 && *n >= 1.0 => Some(*n),
                    RawCell::Text(t) => t.trim().parse::<u32>().ok().map(f64::from),
                    _ => None,
                };
            }
            about::PROFILE => profile = text(value).unwrap_or_default().to_string(),
            about::WORKSHOP_ID => workshop_id = text(value).and_then(|t| Uuid::parse_str(t).ok()),
            about::EXPORTED_AT => {
                exported_at = match value {
                    RawCell::DateTime(serial) | RawCell::Number(serial) => {
                        workbook::timestamp_from_serial(*serial)
                    }
                    RawCell::Text(t) | RawCell::Iso(t) => checksum::parse_timestamp(t.trim()),
                    _ => None,
                };
            }
            _ => {}
        }
    }
    let version = version.ok_or_else(not_ours)?;
    if version > f64::from(FORMAT_VERSION) {
        return Err(Refusal {
            code: code::NEWER_FORMAT,
            message: format!(
                "{} was written by a newer version of Workshop Desk (format {version}; this \
                 version reads format {FORMAT_VERSION}), so it was left out. Install the newer \
                 version to consolidate it.",
                name_of(file)
            ),
        });
    }
    if profile == format::PROFILE {
        return Err(Refusal {
            code: code::CONSOLIDATED,
            message: format!(
                "{} is a consolidated workbook, not one workshop's, so it was left out: \
                 consolidate the workshops' own workbooks instead.",
                name_of(file)
            ),
        });
    }
    Ok((
        Meta {
            workshop_id: Uuid::nil(),
            exported_at,
            profile,
        },
        workshop_id,
    ))
}

/// A sheet's table: its headers (row 1) and its data rows, up to the first empty row (below
/// the attendance grid, its totals are not rows of it).
#[derive(Debug)]
struct Table {
    name: &'static str,
    headers: HashMap<String, usize>,
    rows: Vec<Vec<RawCell>>,
}

impl Table {
    fn of(file: &Path, workbook: &mut RawWorkbook, name: &'static str) -> Result<Self, Refusal> {
        let index = workbook
            .sheets
            .iter()
            .position(|s| s.name == name)
            .ok_or_else(|| incomplete(file, &format!("its sheet “{name}” is missing")))?;
        let sheet = std::mem::take(&mut workbook.sheets[index]);
        let mut rows = sheet.rows.into_iter();
        let headers = rows
            .next()
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter_map(|(i, cell)| {
                text(cell)
                    .filter(|h| !h.is_empty())
                    .map(|h| (h.to_string(), i))
            })
            .rev() // the first of two equal headers wins
            .collect();
        let rows = rows
            .take_while(|row| row.iter().any(|cell| *cell != RawCell::Empty))
            .collect();
        Ok(Self {
            name,
            headers,
            rows,
        })
    }

    fn column(&self, header: &str) -> Option<usize> {
        self.headers.get(header).copied()
    }

    fn require(&self, file: &Path, header: &str) -> Result<usize, Refusal> {
        self.column(header).ok_or_else(|| {
            incomplete(
                file,
                &format!("its sheet “{}” has no column “{header}”", self.name),
            )
        })
    }

    /// Where each of `columns` is in this table.
    fn plan(&self, columns: &[Column]) -> Vec<Option<usize>> {
        columns.iter().map(|c| self.column(&c.header)).collect()
    }

    /// The rows of live records (a full transfer's deleted ones, with a deletion time, left out).
    fn live_rows(&mut self) -> Vec<Vec<RawCell>> {
        let deleted = self.column("Deleted at (UTC)");
        let rows = std::mem::take(&mut self.rows);
        match deleted {
            None => rows,
            Some(at) => rows
                .into_iter()
                .filter(|row| row.get(at).is_none_or(|cell| *cell == RawCell::Empty))
                .collect(),
        }
    }
}

/// A cell read back, as the column's kind wants it: text stays text (a number in a text column
/// becomes its decimal text), dates and times from Excel's serial numbers, booleans from
/// TRUE/FALSE. What does not fit is kept as it was read rather than lost.
pub(crate) fn convert(raw: RawCell, kind: Kind) -> Cell {
    let texty = matches!(
        kind,
        Kind::Id | Kind::Text | Kind::LongText | Kind::List | Kind::Choice(_) | Kind::Mark
    );
    match raw {
        RawCell::Empty => Cell::Empty,
        RawCell::Text(text) | RawCell::Iso(text) => match kind {
            Kind::Date => Cell::date(&text),
            Kind::Timestamp => Cell::timestamp(&text),
            Kind::Bool => match text.trim().to_ascii_uppercase().as_str() {
                "TRUE" | "YES" => Cell::Bool(true),
                "FALSE" | "NO" => Cell::Bool(false),
                _ => Cell::text(text),
            },
            _ => Cell::text(text),
        },
        RawCell::Number(n) | RawCell::DateTime(n) | RawCell::Duration(n) => match kind {
            Kind::Date => workbook::date_from_serial(n).map_or(Cell::Real(n), Cell::Date),
            Kind::Timestamp => {
                workbook::timestamp_from_serial(n).map_or(Cell::Real(n), Cell::Timestamp)
            }
            Kind::Integer if n.fract() == 0.0 && n.abs() < 9.0e15 => Cell::Integer(n as i64),
            Kind::Bool => Cell::Bool(n != 0.0),
            _ if texty => Cell::Text(checksum::canonical_real(n)),
            _ => Cell::Real(n),
        },
        RawCell::Bool(value) => match kind {
            _ if texty => Cell::text(if value { "TRUE" } else { "FALSE" }),
            Kind::Integer | Kind::Real | Kind::Percent => Cell::Integer(i64::from(value)),
            _ => Cell::Bool(value),
        },
        RawCell::Error(error) => Cell::text(error),
    }
}

/// A row's cells for `plan`'s columns, taken out of the row.
fn row_cells(row: &mut [RawCell], plan: &[Option<usize>], columns: &[Column]) -> Vec<Cell> {
    plan.iter()
        .zip(columns)
        .map(|(at, column)| match at.and_then(|i| row.get_mut(i)) {
            Some(raw) => convert(std::mem::take(raw), column.kind),
            None => Cell::Empty,
        })
        .collect()
}

fn cell_text(cell: &Cell) -> String {
    cell.canonical().into_owned()
}

/// The position of `header` among `columns` (they are the format's own, so it is there).
fn at(columns: &[Column], header: &str) -> usize {
    columns
        .iter()
        .position(|c| c.header == header)
        .unwrap_or(usize::MAX)
}

fn get(cells: &[Cell], index: usize) -> &Cell {
    static EMPTY: Cell = Cell::Empty;
    cells.get(index).unwrap_or(&EMPTY)
}

/// Reads one workshop's workbook. `file` is only named in refusals.
pub(crate) fn read(file: &Path, mut raw: RawWorkbook) -> Result<Source, Refusal> {
    let (mut meta, about_id) = meta(file, raw.sheet(sheet::ABOUT))?;
    let edited_sheets = crate::sync::edited_sheets(&raw);

    // The workshop.
    let mut table = Table::of(file, &mut raw, sheet::WORKSHOP)?;
    table.require(file, "Title")?;
    let columns = workbook::WORKSHOP.columns_for(false);
    let plan = table.plan(&columns);
    let mut row = table.live_rows().into_iter().next().unwrap_or_default();
    let cells = row_cells(&mut row, &plan, &columns);
    let field = |header: &str| get(&cells, at(&columns, header));
    let sheet_id = Uuid::parse_str(cell_text(field("ID")).trim()).ok();
    meta.workshop_id = about_id
        .or(sheet_id)
        .ok_or_else(|| incomplete(file, "the workshop's ID is missing from it"))?;
    let date = |cell: &Cell| match cell {
        Cell::Date(date) => Some(*date),
        _ => None,
    };
    let country_code = Some(cell_text(field("Country code"))).filter(|c| !c.is_empty());
    let country = match field("Country") {
        Cell::Empty => country_code
            .as_deref()
            .and_then(countries::by_code)
            .map_or_else(
                || country_code.clone().unwrap_or_default(),
                |c| c.en.to_string(),
            ),
        other => cell_text(other),
    };
    let workshop = Workshop {
        title: cell_text(field("Title")),
        venue: cell_text(field("Venue city")),
        country_code,
        country,
        start: date(field("Start date")),
        end: date(field("End date")),
    };
    let full = meta.profile == crate::workbook::Profile::FullTransfer.as_str();

    // Participants.
    let mut stats = Stats::default();
    let mut table = Table::of(file, &mut raw, sheet::PARTICIPANTS)?;
    table.require(file, "Name")?;
    let columns = format::own_columns(&format::PARTICIPANTS);
    let plan = table.plan(&columns);
    let (name_at, email_at, phone_at, contact_at, consent_at) = (
        at(&columns, "Name"),
        at(&columns, "Email"),
        at(&columns, "Phone"),
        at(&columns, "Contact details"),
        at(&columns, "Consents to contact"),
    );
    let (sex_at, youth_at, code_at, country_at, id_at) = (
        at(&columns, "Sex"),
        at(&columns, "Youth"),
        at(&columns, "Country code"),
        at(&columns, "Country"),
        at(&columns, "ID"),
    );
    let mut participants = Vec::new();
    let mut people = Vec::new();
    let mut countries_seen = BTreeSet::new();
    for mut row in table.live_rows() {
        let mut cells = row_cells(&mut row, &plan, &columns);
        let sex = match get(&cells, sex_at) {
            Cell::Text(label) => SEX.code(label),
            _ => None,
        };
        let country_code = Some(cell_text(get(&cells, code_at))).filter(|c| !c.is_empty());
        let country = match get(&cells, country_at) {
            Cell::Empty => country_code.clone(),
            other => Some(cell_text(other)),
        };
        stats.participants += 1;
        stats.women += u64::from(sex == Some("woman"));
        stats.youth += u64::from(*get(&cells, youth_at) == Cell::Bool(true));
        if let Some(code) = &country_code {
            countries_seen.insert(code.clone());
        }
        people.push(Person {
            id: cell_text(get(&cells, id_at)),
            name: cell_text(get(&cells, name_at)),
            email: cell_text(get(&cells, email_at)),
            sex,
            country_code,
            country,
        });
        // A full transfer holds every contact detail: the consolidated report, like the
        // workshop's own report, shares them only with consent.
        if full {
            let consented = *get(&cells, consent_at) == Cell::Bool(true);
            for index in [email_at, phone_at] {
                if !consented && let Some(cell) = cells.get_mut(index) {
                    *cell = Cell::Empty;
                }
            }
            if let Some(cell) = cells.get_mut(contact_at) {
                *cell = Cell::text(if consented {
                    CONTACT_INCLUDED
                } else {
                    CONTACT_WITHHELD
                });
            }
        }
        participants.push(cells);
    }
    stats.countries = countries_seen.len() as u64;
    let live: HashSet<&str> = people.iter().map(|p| p.id.as_str()).collect();

    // Attendance: the grid's rows, with the sessions held (those with any sign-in).
    let mut table = Table::of(file, &mut raw, sheet::ATTENDANCE)?;
    let first_after = table.require(file, "Sessions attended")?;
    table.require(file, "Participant ID")?;
    let last_before = table
        .column("Country code")
        .map_or(workbook::ATTENDANCE_BEFORE_SLOTS.len(), |i| i + 1);
    let slots = last_before..first_after.max(last_before);
    let rows = table.live_rows();
    let held = slots
        .clone()
        .filter(|slot| {
            rows.iter()
                .any(|row| row.get(*slot).is_some_and(|cell| *cell != RawCell::Empty))
        })
        .count() as u64;
    let columns = ATTENDANCE_COLUMNS;
    let plan = table.plan(columns);
    let (attended_at, held_at, rate_at, participant_at) = (
        at(columns, "Sessions attended"),
        at(columns, "Sessions held"),
        at(columns, "Attendance rate"),
        at(columns, "Participant ID"),
    );
    let mut attendance = Vec::new();
    let mut attendance_ids = Vec::new();
    for mut row in rows {
        let mut cells = row_cells(&mut row, &plan, columns);
        let id = cell_text(get(&cells, participant_at));
        if !id.is_empty() && !live.contains(id.as_str()) {
            continue; // a participant deleted since (a full transfer)
        }
        let attended = match get(&cells, attended_at) {
            Cell::Integer(n) => u64::try_from(*n).unwrap_or(0),
            Cell::Real(n) if *n >= 0.0 => *n as u64,
            _ => 0,
        };
        stats.attended += attended;
        stats.expected += held;
        cells[held_at] = Cell::Integer(held as i64);
        cells[rate_at] = if held > 0 {
            Cell::Real(attended as f64 / held as f64)
        } else {
            Cell::Empty
        };
        attendance_ids.push(id);
        attendance.push(cells);
    }
    stats.sessions_held = held;

    // SWOT notes.
    let mut table = Table::of(file, &mut raw, sheet::SWOT)?;
    table.require(file, "Text")?;
    let columns = format::own_columns(&format::SWOT);
    let plan = table.plan(&columns);
    let heading_at = at(&columns, "Is a heading");
    let notes: Vec<Vec<Cell>> = table
        .live_rows()
        .into_iter()
        .map(|mut row| row_cells(&mut row, &plan, &columns))
        .collect();
    stats.notes = notes
        .iter()
        .filter(|note| *get(note, heading_at) != Cell::Bool(true))
        .count() as u64;

    // Actions.
    let mut table = Table::of(file, &mut raw, sheet::ACTION_PLANS)?;
    table.require(file, "Action")?;
    let columns = format::own_columns(&format::ACTION_PLANS);
    let plan = table.plan(&columns);
    let status_at = at(&columns, "Status");
    let actions: Vec<Vec<Cell>> = table
        .live_rows()
        .into_iter()
        .map(|mut row| row_cells(&mut row, &plan, &columns))
        .collect();
    for action in &actions {
        stats.actions_total += 1;
        if let Cell::Text(label) = get(action, status_at)
            && let Some(code) = STATUS.code(label)
            && let Some(i) = STATUS.options.iter().position(|(c, _)| *c == code)
        {
            stats.actions[i] += 1;
        }
    }

    Ok(Source {
        meta,
        edited_sheets,
        workshop,
        stats,
        people,
        participants,
        attendance_ids,
        attendance,
        notes,
        actions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::format::QUADRANT;

    #[test]
    fn the_codes_shared_with_the_import_are_its_own() {
        use crate::import::ImportCode;
        assert_eq!(
            ImportCode::from_code(code::NOT_OURS),
            Some(ImportCode::NotOurs)
        );
        assert_eq!(
            ImportCode::from_code(code::NEWER_FORMAT),
            Some(ImportCode::NewerFormat)
        );
        for own in [code::CONSOLIDATED, code::INCOMPLETE] {
            assert_eq!(
                ImportCode::from_code(own),
                None,
                "{own} is consolidation's own"
            );
        }
    }

    #[test]
    fn cells_read_back_keep_their_kind_and_text_stays_text() {
        assert_eq!(
            convert(RawCell::Text("=1+2".into()), Kind::Text),
            Cell::text("=1+2")
        );
        assert_eq!(
            convert(RawCell::Number(9_779_841.0), Kind::Text),
            Cell::text("9779841"),
            "a phone typed as a number is its digits"
        );
        assert_eq!(
            convert(RawCell::Number(3.0), Kind::Integer),
            Cell::Integer(3)
        );
        assert_eq!(
            convert(RawCell::Number(0.5), Kind::Percent),
            Cell::Real(0.5)
        );
        assert_eq!(
            convert(RawCell::DateTime(46_349.0), Kind::Date),
            Cell::Date(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        );
        assert_eq!(
            convert(RawCell::Text("2026-11-23".into()), Kind::Date),
            Cell::Date(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        );
        assert_eq!(convert(RawCell::Bool(true), Kind::Bool), Cell::Bool(true));
        assert_eq!(
            convert(RawCell::Text("FALSE".into()), Kind::Bool),
            Cell::Bool(false)
        );
        assert_eq!(
            convert(RawCell::Text("Strengths".into()), Kind::Choice(&QUADRANT)),
            Cell::text("Strengths")
        );
        assert_eq!(
            convert(RawCell::Error("#N/A".into()), Kind::Integer),
            Cell::text("#N/A")
        );
        assert_eq!(convert(RawCell::Empty, Kind::Text), Cell::Empty);
    }

    fn about(rows: Vec<Vec<RawCell>>) -> RawSheet {
        RawSheet {
            name: sheet::ABOUT.into(),
            rows,
        }
    }

    fn label(label: &str, value: RawCell) -> Vec<RawCell> {
        vec![RawCell::Text(label.into()), value]
    }

    #[test]
    fn the_about_sheet_tells_ours_newer_and_consolidated_workbooks_apart() {
        let file = Path::new("/tmp/Kathmandu.xlsx");
        let refused = |sheet: Option<&RawSheet>| meta(file, sheet).unwrap_err().code;
        assert_eq!(refused(None), code::NOT_OURS);
        assert_eq!(
            refused(Some(&about(vec![label(
                "Author",
                RawCell::Text("x".into())
            )]))),
            code::NOT_OURS
        );
        let newer = about(vec![label(about::FORMAT_VERSION, RawCell::Number(2.0))]);
        let error = meta(file, Some(&newer)).unwrap_err();
        assert_eq!(error.code, code::NEWER_FORMAT);
        assert!(
            error
                .message
                .starts_with("Kathmandu.xlsx was written by a newer version"),
            "{}",
            error.message
        );
        let consolidated = about(vec![
            label(about::FORMAT_VERSION, RawCell::Number(1.0)),
            label(about::PROFILE, RawCell::Text(format::PROFILE.into())),
        ]);
        assert_eq!(refused(Some(&consolidated)), code::CONSOLIDATED);
        let id = Uuid::from_u128(7);
        let ours = about(vec![
            vec![RawCell::Text(sheet::ABOUT.into())],
            label(about::FORMAT_VERSION, RawCell::Number(1.0)),
            label(about::PROFILE, RawCell::Text("report".into())),
            label(about::WORKSHOP_ID, RawCell::Text(id.to_string())),
            label(about::EXPORTED_AT, RawCell::DateTime(46_349.5)),
        ]);
        let (meta, about_id) = meta(file, Some(&ours)).unwrap();
        assert_eq!(about_id, Some(id));
        assert_eq!(meta.profile, "report");
        assert_eq!(
            meta.exported_at.map(checksum::format_timestamp),
            Some("2026-11-23T12:00:00.000Z".to_string())
        );
    }
}
