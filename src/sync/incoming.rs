//! A workbook read back: checked to be one of ours (its "About this file" sheet, its seal and
//! format version), its sheets' checksums compared to tell which were edited by hand, and its
//! records and change log turned into the values the merge compares.

use super::cells::{self, canonical};
use super::entities::{self, Entity, Field};
use crate::error::{Error, Result};
use crate::import::{ImportCode, RawCell, RawSheet, RawWorkbook};
use crate::workbook::Profile;
use crate::workbook::checksum::{self, Cell, SheetChecksum, SheetHasher};
use crate::workbook::format::{self, Kind, about, sheet};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use uuid::Uuid;

/// What the workbook says about itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct About {
    pub format_version: u32,
    pub app_version: String,
    pub profile: Profile,
    pub workshop_id: Uuid,
    pub workshop_title: String,
    pub device: Uuid,
    pub exported_at: String,
}

/// A cell that could not be read as what its column holds. Nothing is applied while there is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CellProblem {
    pub sheet: String,
    /// The row as the spreadsheet numbers it (the header is row 1).
    pub row: u32,
    /// The column's header.
    pub column: String,
    /// The cell's address (`D14`), empty for a problem of the whole row.
    pub cell: String,
    pub message: String,
}

impl CellProblem {
    /// "SWOT, row 14, column Votes (G14): …"
    pub fn describe(&self) -> String {
        if self.cell.is_empty() {
            format!("{}, row {}: {}", self.sheet, self.row, self.message)
        } else {
            format!(
                "{}, row {}, column {} ({}): {}",
                self.sheet, self.row, self.column, self.cell, self.message
            )
        }
    }
}

/// One record as the workbook has it.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// The spreadsheet's row number.
    pub line: u32,
    pub id: Uuid,
    /// False for a row added by hand without an ID: its ID is derived from its contents.
    pub given_id: bool,
    /// One per field of the entity; `None` where the sheet has no such column (or, in a report,
    /// withholds it).
    pub values: Vec<Option<Value>>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

/// The rows of one record type.
#[derive(Debug)]
pub(crate) struct Records {
    pub entity: &'static Entity,
    pub rows: Vec<Row>,
    /// The header of each field's column, `None` where the sheet lacks it.
    pub headers: Vec<Option<&'static str>>,
}

/// A change-log entry of the workbook.
#[derive(Debug, Clone)]
pub(crate) struct LogEntry {
    pub id: String,
    pub entity: String,
    pub entity_id: String,
    pub op: String,
    /// `{field: [old, new]}`
    pub changes: serde_json::Map<String, Value>,
    pub changes_text: String,
    pub at: String,
    pub device_id: String,
    pub edit_id: Option<String>,
    pub merged_by: Option<String>,
    pub seq: i64,
}

/// A workbook of ours, read and checked.
#[derive(Debug)]
pub struct Incoming {
    pub file_name: String,
    /// SHA-256 of the file's bytes: a preview is applied only to the same file.
    pub fingerprint: String,
    pub about: About,
    /// Sheets whose checksum no longer matches: edited by hand since the export.
    pub edited_sheets: Vec<String>,
    pub warnings: Vec<String>,
    pub problems: Vec<CellProblem>,
    pub(crate) records: Vec<Records>,
    /// The change log, in a full transfer.
    pub(crate) log: Option<Vec<LogEntry>>,
}

impl Incoming {
    pub(crate) fn records(&self, entity: &Entity) -> Option<&Records> {
        self.records.iter().find(|r| r.entity.name == entity.name)
    }

    pub fn exported_at(&self) -> DateTime<Utc> {
        checksum::parse_timestamp(&self.about.exported_at).unwrap_or_default()
    }
}

fn refuse(code: ImportCode, file: &str, message: String) -> Error {
    Error::Import {
        code,
        file: file.to_string(),
        message,
    }
}

/// Checks a workbook read from `file_name` (whose bytes hash to `fingerprint`) and reads its
/// records. A workbook that is not ours, of a newer format or with a broken seal is refused;
/// cells that do not parse are collected as problems.
pub fn read(raw: &RawWorkbook, file_name: &str, fingerprint: String) -> Result<Incoming> {
    let about_sheet = raw.sheet(sheet::ABOUT).ok_or_else(|| {
        refuse(
            ImportCode::NotOurs,
            file_name,
            format!(
                "{file_name} was not exported by Workshop Desk: it has no \"{}\" sheet. Only \
                 workbooks exported by Workshop Desk can be imported.",
                sheet::ABOUT
            ),
        )
    })?;
    let (about, listed) = read_about(about_sheet, file_name)?;
    let mut incoming = Incoming {
        file_name: file_name.to_string(),
        fingerprint,
        about,
        edited_sheets: Vec::new(),
        warnings: Vec::new(),
        problems: Vec::new(),
        records: Vec::new(),
        log: None,
    };
    for entry in &listed {
        match raw.sheet(&entry.name) {
            Some(found) if sheet_checksum(found) == (entry.rows, entry.checksum.clone()) => {}
            Some(_) => incoming.edited_sheets.push(entry.name.clone()),
            None => {
                incoming.warnings.push(format!(
                    "The sheet \"{}\" is missing from the workbook; its records are not imported.",
                    entry.name
                ));
                incoming.edited_sheets.push(entry.name.clone());
            }
        }
    }
    // A view worked out from other sheets (the attendance grid, the countries) is not read back.
    for name in &incoming.edited_sheets {
        let imported = entities::ALL.iter().any(|e| e.sheet.name == name.as_str())
            || name.as_str() == sheet::CHANGE_LOG;
        if !imported && raw.sheet(name).is_some() {
            incoming.warnings.push(format!(
                "The sheet \"{name}\" was changed, but it is worked out from the other sheets \
                 and is not imported; make the correction on the sheet it comes from (the \
                 attendance grid comes from \"{}\").",
                sheet::SIGN_INS
            ));
        }
    }
    for entity in entities::ALL {
        if let Some(found) = raw.sheet(entity.sheet.name) {
            let records = read_records(entity, found, &mut incoming);
            incoming.records.push(records);
        }
    }
    if let Some(found) = raw.sheet(sheet::CHANGE_LOG) {
        incoming.log = Some(read_log(found, &mut incoming.problems));
    }
    check_workshop_row(&mut incoming);
    Ok(incoming)
}

/// The sheets of one of this app's workbooks changed by hand since its export, among the sheets
/// read (a reader asked for only some leaves the others out); only "About this file" when that
/// sheet itself was changed, since its checksums then tell nothing. For consolidation, which
/// includes an edited workbook as it is and says so.
pub(crate) fn edited_sheets(raw: &RawWorkbook) -> Vec<String> {
    let Some(about_sheet) = raw.sheet(sheet::ABOUT) else {
        return Vec::new();
    };
    let Ok((_, listed)) = read_about(about_sheet, "") else {
        return vec![sheet::ABOUT.to_string()];
    };
    listed
        .into_iter()
        .filter(|entry| {
            raw.sheet(&entry.name)
                .is_some_and(|found| sheet_checksum(found) != (entry.rows, entry.checksum.clone()))
        })
        .map(|entry| entry.name)
        .collect()
}

/// The metadata and the per-sheet list of "About this file", with the seal checked.
fn read_about(sheet: &RawSheet, file_name: &str) -> Result<(About, Vec<SheetChecksum>)> {
    let mut metadata: Vec<(&'static str, Cell)> = Vec::new();
    let mut listed = Vec::new();
    let mut seal = None;
    let mut in_list = false;
    for row in 0..sheet.rows.len() {
        let label = match sheet.cell(row, 0) {
            RawCell::Text(text) => text.as_str(),
            _ => {
                in_list = false;
                continue;
            }
        };
        if let Some(known) = about::METADATA.iter().find(|l| **l == label) {
            let value = match (*known, sheet.cell(row, 1)) {
                (about::EXPORTED_AT, RawCell::DateTime(serial) | RawCell::Number(serial)) => {
                    format::timestamp_from_serial(*serial).map_or(Cell::Empty, Cell::Timestamp)
                }
                (_, RawCell::Number(n)) if n.fract() == 0.0 => Cell::Integer(*n as i64),
                (_, cell) => Cell::text(canonical(cell, Kind::Text)),
            };
            metadata.push((known, value));
        } else if label == about::SHEET {
            in_list = true;
        } else if label == about::SEAL {
            seal = Some(canonical(sheet.cell(row, 2), Kind::Text));
        } else if in_list {
            listed.push(SheetChecksum {
                name: label.to_string(),
                rows: match sheet.cell(row, 1) {
                    RawCell::Number(n) if *n >= 0.0 => *n as u64,
                    _ => u64::MAX,
                },
                checksum: canonical(sheet.cell(row, 2), Kind::Text),
            });
        }
    }
    let value = |label: &str| {
        metadata
            .iter()
            .find(|(l, _)| *l == label)
            .map(|(_, v)| v.clone())
    };
    let not_ours = || {
        refuse(
            ImportCode::NotOurs,
            file_name,
            format!(
                "{file_name} has a \"{}\" sheet, but not the one Workshop Desk writes; only \
                 workbooks exported by Workshop Desk can be imported.",
                sheet::ABOUT
            ),
        )
    };
    let version = match value(about::FORMAT_VERSION) {
        Some(Cell::Integer(n)) => u32::try_from(n).map_err(|_| not_ours())?,
        _ => return Err(not_ours()),
    };
    if version > format::FORMAT_VERSION {
        return Err(refuse(
            ImportCode::NewerFormat,
            file_name,
            format!(
                "{file_name} was exported by a newer version of Workshop Desk (workbook format \
                 {version}; this version reads up to {}). Update Workshop Desk on this laptop, \
                 then import it again.",
                format::FORMAT_VERSION
            ),
        ));
    }
    let tampered = || {
        refuse(
            ImportCode::Tampered,
            file_name,
            format!(
                "The \"{}\" sheet of {file_name} was changed after the export, so its checksums \
                 cannot be trusted and nothing was imported. Export the workbook again from \
                 Workshop Desk.",
                sheet::ABOUT
            ),
        )
    };
    // Every label, in the order written: a missing one is a changed sheet too.
    let ordered: Vec<(&str, Cell)> = about::METADATA
        .iter()
        .map(|label| (*label, value(label).unwrap_or(Cell::Empty)))
        .collect();
    if seal.as_deref() != Some(checksum::seal(&ordered, &listed).as_str()) {
        return Err(tampered());
    }
    let text = |label: &str| match value(label) {
        Some(cell) => cell.canonical().into_owned(),
        None => String::new(),
    };
    let profile = Profile::parse(&text(about::PROFILE)).ok_or_else(tampered)?;
    let workshop_id = Uuid::parse_str(&text(about::WORKSHOP_ID)).map_err(|_| tampered())?;
    let device = Uuid::parse_str(&text(about::DEVICE)).map_err(|_| tampered())?;
    let exported_at = match value(about::EXPORTED_AT) {
        Some(Cell::Timestamp(at)) => checksum::format_timestamp(at),
        _ => return Err(tampered()),
    };
    Ok((
        About {
            format_version: version,
            app_version: text(about::APP_VERSION),
            profile,
            workshop_id,
            workshop_title: text(about::WORKSHOP),
            device,
            exported_at,
        },
        listed,
    ))
}

/// The headers of a sheet (row 1) and its data rows: those after the header up to the first
/// empty row (anything below, such as the grid's totals, is not part of the table).
fn table_of(sheet: &RawSheet) -> (Vec<String>, &[Vec<RawCell>]) {
    let headers: Vec<String> = sheet
        .rows
        .first()
        .map(|row| row.iter().map(|c| canonical(c, Kind::Text)).collect())
        .unwrap_or_default();
    let data = sheet.rows.get(1..).unwrap_or_default();
    let end = data
        .iter()
        .position(|row| row.iter().all(|c| *c == RawCell::Empty))
        .unwrap_or(data.len());
    (headers, &data[..end])
}

/// The kind of the column headed `header` on the sheet `name`, as the export writes it.
fn kind_of_header(name: &str, header: &str) -> Kind {
    let columns = format::DATA_SHEETS
        .iter()
        .filter(|s| s.name == name)
        .flat_map(|s| s.columns.iter())
        .chain(
            format::ATTENDANCE_AFTER_SLOTS
                .iter()
                .filter(|_| name == sheet::ATTENDANCE),
        );
    columns
        .into_iter()
        .find(|c| c.header == header)
        .map_or(Kind::Text, |c| c.kind)
}

/// The row count and checksum of a sheet as read, computed as the export computed them.
fn sheet_checksum(sheet: &RawSheet) -> (u64, String) {
    let (headers, data) = table_of(sheet);
    let kinds: Vec<Kind> = headers
        .iter()
        .map(|h| kind_of_header(&sheet.name, h))
        .collect();
    let mut hasher = SheetHasher::new(&headers);
    for row in data {
        hasher.row_of_texts((0..headers.len()).map(|i| {
            let cell = row.get(i).unwrap_or(&RawCell::Empty);
            cells::canonical_text(cell, kinds[i])
        }));
    }
    (hasher.rows(), hasher.finish())
}

/// Excel's name of a column from 0 (`A`, `Z`, `AA`).
pub(crate) fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

fn read_records(entity: &'static Entity, sheet: &RawSheet, incoming: &mut Incoming) -> Records {
    let (headers, data) = table_of(sheet);
    let position = |header: &str| headers.iter().position(|h| h == header);
    for (index, header) in headers.iter().enumerate() {
        let known = entity
            .sheet
            .columns
            .iter()
            .any(|c| c.header == header.as_str());
        if !known && !header.is_empty() {
            incoming.warnings.push(format!(
                "The sheet \"{}\" has a column \"{header}\" ({}) that Workshop Desk does not \
                 know; it was ignored.",
                sheet.name,
                column_letters(index)
            ));
        }
    }
    let field_headers: Vec<Option<&'static str>> = entity
        .fields
        .iter()
        .map(|f| entity.header_of(f.column).filter(|h| position(h).is_some()))
        .collect();
    let field_columns: Vec<Option<usize>> = field_headers
        .iter()
        .map(|h| h.and_then(&position))
        .collect();
    let id_column = position("ID");
    let created_column = position("Created at (UTC)");
    let updated_column = position("Updated at (UTC)");
    if id_column.is_none() {
        incoming.warnings.push(format!(
            "The sheet \"{}\" has no ID column: each of its rows is imported as a new record.",
            sheet.name
        ));
    }
    let withhold_contact =
        incoming.about.profile == Profile::Report && entity.name == "participant";
    let consent = entity.index("consentContact");
    let mut seen = HashSet::new();
    let mut rows = Vec::new();
    for (offset, cells_of_row) in data.iter().enumerate() {
        let line = offset as u32 + 2;
        let cell_at = |column: usize| cells_of_row.get(column).unwrap_or(&RawCell::Empty);
        let mut problem = |column: usize, message: String| {
            incoming.problems.push(CellProblem {
                sheet: sheet.name.clone(),
                row: line,
                column: headers.get(column).cloned().unwrap_or_default(),
                cell: format!("{}{line}", column_letters(column)),
                message,
            });
        };
        let mut values = Vec::with_capacity(entity.fields.len());
        for (field, column) in entity.fields.iter().zip(&field_columns) {
            values.push(match column {
                None => None,
                Some(column) => match read_field(entity, field, cell_at(*column)) {
                    Ok(value) => Some(value),
                    Err(message) => {
                        problem(*column, message);
                        None
                    }
                },
            });
        }
        // An empty badge code asks for one to be given, as at registration.
        if let Some(i) = entity.index("badgeCode")
            && values[i] == Some(Value::String(String::new()))
        {
            values[i] = None;
        }
        if withhold_contact && consent.and_then(|i| values[i].clone()) != Some(Value::Bool(true)) {
            // The report leaves contact details out without consent: an empty cell there says
            // nothing about the address.
            for name in ["email", "phone"] {
                if let Some(i) = entity.index(name) {
                    values[i] = None;
                }
            }
        }
        let mut timestamp = |column: Option<usize>| match column.map(&cell_at) {
            None | Some(RawCell::Empty) => None,
            Some(cell) => match cells::timestamp(cell) {
                Some(at) => Some(at),
                None => {
                    problem(column.unwrap_or_default(), "is not a date and time".into());
                    None
                }
            },
        };
        let created_at = timestamp(created_column);
        let updated_at = timestamp(updated_column);
        let (id, given_id) = match id_column.map(&cell_at) {
            None | Some(RawCell::Empty) => {
                (derived_id(&incoming.about, entity, cells_of_row), false)
            }
            Some(cell) => match Uuid::parse_str(canonical(cell, Kind::Text).trim()) {
                Ok(id) => (id, true),
                Err(_) => {
                    problem(
                        id_column.unwrap_or_default(),
                        "is not an ID written by Workshop Desk; leave it empty for a new record"
                            .into(),
                    );
                    continue;
                }
            },
        };
        if !seen.insert(id) {
            if given_id {
                incoming.problems.push(CellProblem {
                    sheet: sheet.name.clone(),
                    row: line,
                    column: "ID".into(),
                    cell: String::new(),
                    message: format!("the ID {id} appears on an earlier row too"),
                });
            }
            continue;
        }
        rows.push(Row {
            line,
            id,
            given_id,
            values,
            created_at,
            updated_at,
        });
    }
    Records {
        entity,
        rows,
        headers: field_headers,
    }
}

/// The value of one field from its cell, in the form the change log holds it.
fn read_field(entity: &Entity, field: &Field, cell: &RawCell) -> Result<Value, String> {
    let kind = entity.kind_of(field.column).unwrap_or(Kind::Text);
    let value = cells::value(cell, kind, field)?;
    if field.required && (value.is_null() || value == Value::String(String::new())) {
        return Err("must not be empty".into());
    }
    Ok(value)
}

/// The ID of a row added by hand without one: a UUIDv7 of the export's time whose other bits
/// come from the row's contents, so that importing the same file twice finds the same record.
fn derived_id(about: &About, entity: &Entity, cells: &[RawCell]) -> Uuid {
    let mut hash = Sha256::new();
    hash.update(about.workshop_id.as_bytes());
    hash.update(entity.name.as_bytes());
    for cell in cells {
        hash.update(canonical(cell, Kind::Text).as_bytes());
        hash.update([0x1f]);
    }
    let digest = hash.finalize();
    let at = checksum::parse_timestamp(&about.exported_at).unwrap_or_default();
    let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    let mut bytes = [0_u8; 16];
    bytes[..6].copy_from_slice(&millis.to_be_bytes()[2..]);
    bytes[6..].copy_from_slice(&digest[..10]);
    bytes[6] = (bytes[6] & 0x0f) | 0x70; // version 7
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    Uuid::from_bytes(bytes)
}

fn read_log(sheet: &RawSheet, problems: &mut Vec<CellProblem>) -> Vec<LogEntry> {
    let (headers, data) = table_of(sheet);
    let column = |header: &str| headers.iter().position(|h| h == header);
    let columns = [
        "At (UTC)",
        "Entity",
        "Entity ID",
        "Operation",
        "Changes",
        "Device",
        "Edit ID",
        "ID",
        "Sequence",
        "Merged by import",
    ]
    .map(column);
    let mut entries = Vec::with_capacity(data.len());
    for (offset, row) in data.iter().enumerate() {
        let line = offset as u32 + 2;
        let cell = |i: usize| {
            columns[i]
                .and_then(|c| row.get(c))
                .unwrap_or(&RawCell::Empty)
        };
        let text = |i: usize| canonical(cell(i), Kind::Text);
        let optional = |i: usize| Some(text(i)).filter(|t| !t.is_empty());
        let mut bad = |i: usize, message: &str| {
            let index = columns[i].unwrap_or_default();
            problems.push(CellProblem {
                sheet: sheet.name.clone(),
                row: line,
                column: headers.get(index).cloned().unwrap_or_default(),
                cell: format!("{}{line}", column_letters(index)),
                message: message.to_string(),
            });
        };
        let Some(at) = cells::timestamp(cell(0)) else {
            bad(0, "is not a date and time");
            continue;
        };
        let changes_text = text(4);
        let Ok(Value::Object(changes)) = serde_json::from_str::<Value>(&changes_text) else {
            bad(4, "is not the list of changes Workshop Desk writes");
            continue;
        };
        if Uuid::parse_str(&text(7)).is_err() || Uuid::parse_str(&text(2)).is_err() {
            bad(7, "is not an ID written by Workshop Desk");
            continue;
        }
        let op = text(3);
        if !["create", "update", "delete", "restore"].contains(&op.as_str()) {
            bad(3, "is not create, update, delete or restore");
            continue;
        }
        entries.push(LogEntry {
            id: text(7),
            entity: text(1),
            entity_id: text(2),
            op,
            changes,
            changes_text,
            at,
            device_id: text(5),
            edit_id: optional(6),
            merged_by: optional(9),
            seq: match cell(8) {
                RawCell::Number(n) => *n as i64,
                _ => 0,
            },
        });
    }
    entries
}

/// The Workshop sheet's one row is the workshop the file says it is.
fn check_workshop_row(incoming: &mut Incoming) {
    let expected = incoming.about.workshop_id;
    let Some(records) = incoming
        .records
        .iter()
        .find(|r| r.entity.name == entities::WORKSHOP.name)
    else {
        return;
    };
    let stray: Vec<u32> = records
        .rows
        .iter()
        .filter(|r| r.id != expected)
        .map(|r| r.line)
        .collect();
    for line in stray {
        incoming.problems.push(CellProblem {
            sheet: sheet::WORKSHOP.to_string(),
            row: line,
            column: "ID".into(),
            cell: String::new(),
            message: format!("this file is the workshop {expected}; a row of another workshop cannot be imported with it"),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_excel_does() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn a_derived_id_is_a_uuid_v7_that_depends_on_the_row() {
        let about = About {
            format_version: 1,
            app_version: "0".into(),
            profile: Profile::FullTransfer,
            workshop_id: Uuid::nil(),
            workshop_title: String::new(),
            device: Uuid::nil(),
            exported_at: "2026-11-23T08:00:00.000Z".into(),
        };
        let row = |text: &str| vec![RawCell::Text(text.into())];
        let a = derived_id(&about, &entities::PARTICIPANT, &row("Sita"));
        assert_eq!(a.get_version_num(), 7);
        assert_eq!(a, derived_id(&about, &entities::PARTICIPANT, &row("Sita")));
        assert_ne!(a, derived_id(&about, &entities::PARTICIPANT, &row("Gita")));
        assert_ne!(a, derived_id(&about, &entities::NOTE, &row("Sita")));
    }
}
