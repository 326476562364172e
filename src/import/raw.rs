//! What a workbook holds, as read: every sheet's cells, typed but not yet interpreted.
//!
//! This is what the child process sends back to the app (as compact JSON, see
//! [`RawCell`]'s serialisation) and what the import then checks and merges.

use super::{ImportCode, file_name, refuse};
use crate::{Error, Result};
use calamine::{DataRef, ExcelDateTime, ExcelDateTimeType, Reader, Xlsx, XlsxError};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// Excel's last row and column (1,048,576 rows, 16,384 columns, counted from 0 here).
const LAST_ROW: u32 = 1_048_575;
const LAST_COLUMN: u32 = 16_383;
/// Days between the 1900 and the 1904 date systems' day zero.
const DAYS_1900_TO_1904: f64 = 1462.0;

/// A workbook's sheets in their order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawWorkbook {
    pub sheets: Vec<RawSheet>,
}

/// One sheet: `rows[r][c]` is the cell in row `r + 1`, column `c + 1` (A1 is `rows[0][0]`), so
/// rows and cells before the first used ones are there, empty. Each row ends at its last
/// non-empty cell, so rows may differ in length and an empty row is `[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawSheet {
    pub name: String,
    pub rows: Vec<Vec<RawCell>>,
}

/// One cell's value as Excel stores it.
///
/// Serialised compactly: `null` (empty), a string (text), a number, a boolean, or a one-key
/// object for the rest: `{"d": serial}`, `{"dur": days}`, `{"iso": "…"}`, `{"err": "#N/A"}`.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum RawCell {
    #[default]
    Empty,
    Text(String),
    /// A number (Excel stores every number as a double).
    Number(f64),
    Bool(bool),
    /// A date, a time or both, as Excel's serial number in the 1900 date system (days since
    /// 1899-12-30, the time as the fraction of the day); a workbook in the 1904 system is moved
    /// to it.
    DateTime(f64),
    /// A duration (a number formatted like `[h]:mm`), in days.
    Duration(f64),
    /// A date, time or duration stored as ISO 8601 text (an `xlsx` cell of type `d`).
    Iso(String),
    /// An error value such as `#N/A` or `#DIV/0!`.
    Error(String),
}

impl RawWorkbook {
    /// Reads `file` with calamine in this process, without the child's limits or the archive
    /// checks. Only for tests and benchmarks, to compare with [`super::child::read_workbook`]:
    /// never call it on a file from outside, which could abort the process.
    pub fn read_in_process(file: &Path) -> Result<Self> {
        let mut sheets = Vec::new();
        read_sheets(file, u64::MAX, &[], |sheet| {
            sheets.push(sheet);
            Ok(())
        })?;
        Ok(Self { sheets })
    }

    /// The sheet called `name`.
    pub fn sheet(&self, name: &str) -> Option<&RawSheet> {
        self.sheets.iter().find(|s| s.name == name)
    }
}

impl RawSheet {
    /// The cell at `row` and `column` (from 0), empty when it is beyond the data.
    pub fn cell(&self, row: usize, column: usize) -> &RawCell {
        static EMPTY: RawCell = RawCell::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&EMPTY)
    }
}

/// Opens `file` with calamine and hands each sheet, in the workbook's order, to `each`, one at a
/// time (so the child can send a sheet and drop it before reading the next). Stops when the
/// sheets would lay out more than `max_cells` rows and cells, empty ones before used ones
/// included. Only the sheets named in `only` are read, when it names any. Returns how many sheets
/// were read.
pub(crate) fn read_sheets(
    file: &Path,
    max_cells: u64,
    only: &[String],
    mut each: impl FnMut(RawSheet) -> Result<()>,
) -> Result<usize> {
    let mut budget = max_cells;
    let damaged = |error: XlsxError| damaged(file, &error);
    let reader = File::open(file).map_err(|e| Error::io(file, e))?;
    let mut workbook = Xlsx::new(BufReader::new(reader)).map_err(damaged)?;
    let names: Vec<String> = workbook
        .sheet_names()
        .into_iter()
        .filter(|name| only.is_empty() || only.contains(name))
        .collect();
    for name in &names {
        let rows = match workbook.worksheet_cells_reader(name) {
            Ok(mut cells) => {
                let mut placed = Vec::new();
                while let Some(cell) = cells.next_cell().map_err(damaged)? {
                    let value = RawCell::from(cell.get_value());
                    if value != RawCell::Empty {
                        placed.push((cell.get_position(), value));
                    }
                }
                rows_of(placed, &mut budget).map_err(|refusal| match refusal {
                    Layout::Beyond((row, column)) => refuse(
                        ImportCode::Damaged,
                        file,
                        format!(
                            "{} is damaged: sheet {name} has a cell beyond Excel's last row or \
                             column (row {}, column {}). Export it again from Workshop Desk.",
                            file_name(file),
                            u64::from(row) + 1,
                            u64::from(column) + 1
                        ),
                    ),
                    Layout::TooMany => refuse(
                        ImportCode::TooBig,
                        file,
                        format!(
                            "{} has more than {max_cells} cells (counting the empty ones before \
                             those in use), far more than a workshop workbook ever has, so \
                             reading it was stopped.",
                            file_name(file)
                        ),
                    ),
                })?
            }
            // A chart sheet has no cells.
            Err(XlsxError::NotAWorksheet(_)) => Vec::new(),
            Err(error) => return Err(damaged(error)),
        };
        each(RawSheet {
            name: name.clone(),
            rows,
        })?;
    }
    Ok(names.len())
}

fn damaged(file: &Path, error: &XlsxError) -> Error {
    let name = file_name(file);
    let message = match error {
        XlsxError::Password => format!(
            "{name} is protected with a password, so Workshop Desk cannot read it. Open it in a \
             spreadsheet program, remove the password, save it, and import it again."
        ),
        _ => format!(
            "{name} is damaged and could not be read ({error}). Export it again from Workshop \
             Desk, or open it in a spreadsheet program and save it again."
        ),
    };
    let code = match error {
        XlsxError::Password => ImportCode::Encrypted,
        _ => ImportCode::Damaged,
    };
    refuse(code, file, message)
}

/// Why cells could not be laid out.
#[derive(Debug, PartialEq, Eq)]
enum Layout {
    /// A position beyond Excel's grid, which only a damaged file has.
    Beyond((u32, u32)),
    /// More rows and cells than the budget: a few far-apart cells make millions of empty ones.
    TooMany,
}

/// Lays out cells at their positions (in any order; a later cell at the same place wins) as
/// rows from A1, taking every row and cell it makes (empty ones too) from `budget`.
fn rows_of(
    mut cells: Vec<((u32, u32), RawCell)>,
    budget: &mut u64,
) -> Result<Vec<Vec<RawCell>>, Layout> {
    if let Some(&(position, _)) = cells
        .iter()
        .find(|((row, column), _)| *row > LAST_ROW || *column > LAST_COLUMN)
    {
        return Err(Layout::Beyond(position));
    }
    let mut take = |made: usize| {
        *budget = budget.checked_sub(made as u64).ok_or(Layout::TooMany)?;
        Ok(())
    };
    if !cells.is_sorted_by_key(|(position, _)| *position) {
        cells.sort_by_key(|(position, _)| *position);
    }
    let mut rows: Vec<Vec<RawCell>> = Vec::new();
    for ((row, column), value) in cells {
        let (row, column) = (row as usize, column as usize);
        if rows.len() <= row {
            take(row + 1 - rows.len())?;
            rows.resize_with(row + 1, Vec::new);
        }
        let cells = &mut rows[row];
        if cells.len() <= column {
            take(column + 1 - cells.len())?;
            cells.resize(column + 1, RawCell::Empty);
        }
        cells[column] = value;
    }
    Ok(rows)
}

impl From<&DataRef<'_>> for RawCell {
    fn from(value: &DataRef<'_>) -> Self {
        match value {
            DataRef::Empty => Self::Empty,
            DataRef::String(text) => Self::Text(text.clone()),
            DataRef::SharedString(text) => Self::Text((*text).to_owned()),
            DataRef::Int(number) => Self::number(*number as f64),
            DataRef::Float(number) => Self::number(*number),
            DataRef::Bool(value) => Self::Bool(*value),
            DataRef::DateTime(time) => Self::date_time(time),
            DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => Self::Iso(text.clone()),
            DataRef::Error(error) => Self::Error(error.to_string()),
        }
    }
}

impl RawCell {
    /// A number; Excel has no infinities or NaN, so a file that writes one gets `#NUM!`.
    fn number(value: f64) -> Self {
        if value.is_finite() {
            Self::Number(value)
        } else {
            Self::Error("#NUM!".into())
        }
    }

    fn date_time(time: &ExcelDateTime) -> Self {
        let serial = time.as_f64();
        if !serial.is_finite() {
            return Self::Error("#NUM!".into());
        }
        if time.is_duration() {
            return Self::Duration(serial);
        }
        // calamine keeps the date system to itself; an equal value made with the 1904 flag
        // tells it.
        let in_1904 = *time == ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, true);
        Self::DateTime(if in_1904 {
            serial + DAYS_1900_TO_1904
        } else {
            serial
        })
    }
}

impl Serialize for RawCell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Empty => serializer.serialize_unit(),
            Self::Text(text) => serializer.serialize_str(text),
            Self::Number(number) => serializer.serialize_f64(*number),
            Self::Bool(value) => serializer.serialize_bool(*value),
            Self::DateTime(serial) => one_key(serializer, "d", serial),
            Self::Duration(days) => one_key(serializer, "dur", days),
            Self::Iso(text) => one_key(serializer, "iso", text),
            Self::Error(error) => one_key(serializer, "err", error),
        }
    }
}

fn one_key<S: Serializer, T: Serialize + ?Sized>(
    serializer: S,
    key: &str,
    value: &T,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(1))?;
    map.serialize_entry(key, value)?;
    map.end()
}

impl<'de> Deserialize<'de> for RawCell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CellVisitor)
    }
}

#[derive(Deserialize)]
enum Tag {
    #[serde(rename = "d")]
    DateTime,
    #[serde(rename = "dur")]
    Duration,
    #[serde(rename = "iso")]
    Iso,
    #[serde(rename = "err")]
    Error,
}

struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = RawCell;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a cell: null, text, a number, a boolean or a one-key object")
    }

    fn visit_unit<E: de::Error>(self) -> Result<RawCell, E> {
        Ok(RawCell::Empty)
    }

    fn visit_none<E: de::Error>(self) -> Result<RawCell, E> {
        Ok(RawCell::Empty)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<RawCell, E> {
        Ok(RawCell::Bool(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<RawCell, E> {
        Ok(RawCell::Number(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawCell, E> {
        Ok(RawCell::Number(value as f64))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawCell, E> {
        Ok(RawCell::Number(value as f64))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<RawCell, E> {
        Ok(RawCell::Text(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<RawCell, E> {
        Ok(RawCell::Text(text))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawCell, A::Error> {
        let Some(tag) = map.next_key::<Tag>()? else {
            return Err(de::Error::invalid_length(0, &self));
        };
        let cell = match tag {
            Tag::DateTime => RawCell::DateTime(map.next_value()?),
            Tag::Duration => RawCell::Duration(map.next_value()?),
            Tag::Iso => RawCell::Iso(map.next_value()?),
            Tag::Error => RawCell::Error(map.next_value()?),
        };
        if map.next_key::<Tag>()?.is_some() {
            return Err(de::Error::invalid_length(2, &self));
        }
        Ok(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_round_trip_through_their_compact_json() {
        let row = vec![
            RawCell::Empty,
            RawCell::Text("=1+2".into()),
            RawCell::Number(-0.25),
            RawCell::Number(3.0),
            RawCell::Bool(false),
            RawCell::DateTime(46_000.5),
            RawCell::Duration(1.25),
            RawCell::Iso("2026-11-25T12:00:00".into()),
            RawCell::Error("#N/A".into()),
        ];
        let json = serde_json::to_string(&row).unwrap();
        assert_eq!(
            json,
            r##"[null,"=1+2",-0.25,3.0,false,{"d":46000.5},{"dur":1.25},{"iso":"2026-11-25T12:00:00"},{"err":"#N/A"}]"##
        );
        let back: Vec<RawCell> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, row);
        assert_eq!(
            serde_json::from_str::<RawCell>("7").unwrap(),
            RawCell::Number(7.0)
        );
        assert!(serde_json::from_str::<RawCell>(r#"{"x":1}"#).is_err());
        assert!(serde_json::from_str::<RawCell>(r##"{"d":1,"err":"#N/A"}"##).is_err());
    }

    #[test]
    fn cells_are_laid_out_from_a1_in_any_order() {
        let mut budget = 100;
        let rows = rows_of(
            vec![
                ((2, 1), RawCell::Number(2.0)),
                ((0, 0), RawCell::Text("A1".into())),
                ((2, 0), RawCell::Bool(true)),
            ],
            &mut budget,
        )
        .unwrap();
        assert_eq!(budget, 100 - 3 - 3, "three rows and three cells");
        assert_eq!(
            rows,
            vec![
                vec![RawCell::Text("A1".into())],
                vec![],
                vec![RawCell::Bool(true), RawCell::Number(2.0)],
            ]
        );
        assert_eq!(
            rows_of(vec![((0, 2), RawCell::Bool(true))], &mut 100).unwrap(),
            vec![vec![RawCell::Empty, RawCell::Empty, RawCell::Bool(true)]]
        );
        assert_eq!(
            rows_of(vec![((LAST_ROW + 1, 0), RawCell::Bool(true))], &mut 100),
            Err(Layout::Beyond((LAST_ROW + 1, 0)))
        );
        assert_eq!(
            rows_of(vec![((0, LAST_COLUMN), RawCell::Bool(true))], &mut 16_000),
            Err(Layout::TooMany),
            "one cell in column XFD makes 16,384"
        );
    }

    #[test]
    fn dates_in_the_1904_system_are_moved_to_the_1900_one() {
        let date = |serial, in_1904| {
            RawCell::from(&DataRef::DateTime(ExcelDateTime::new(
                serial,
                ExcelDateTimeType::DateTime,
                in_1904,
            )))
        };
        assert_eq!(date(46_000.0, false), RawCell::DateTime(46_000.0));
        assert_eq!(date(44_538.0, true), RawCell::DateTime(46_000.0));
        assert_eq!(
            RawCell::from(&DataRef::Float(f64::NAN)),
            RawCell::Error("#NUM!".into())
        );
    }
}
