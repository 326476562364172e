//! The consolidated workbook's format: its sheets, their columns (each workshop's columns first,
//! then the columns of the workshop workbook's own sheet, read by their headers), and the labels
//! of its "About this file". `docs/workbook-format.md` (*Consolidated workbook*) describes the
//! same for an analyst; a test checks that the two agree.

use crate::workbook::format::{self as workbook, Column, Kind, SheetFormat, Source};
use std::borrow::Cow;

/// The sheet names, in order.
pub mod sheet {
    use crate::workbook::format::sheet as workbook;
    pub const SUMMARY: &str = workbook::SUMMARY;
    pub const PARTICIPANTS: &str = workbook::PARTICIPANTS;
    pub const ATTENDANCE: &str = workbook::ATTENDANCE;
    pub const SWOT: &str = workbook::SWOT;
    pub const ACTION_PLANS: &str = workbook::ACTION_PLANS;
    pub const ABOUT: &str = workbook::ABOUT;
}

/// What "Profile" says in the About sheet of a consolidated workbook: consolidation refuses to
/// take one in again (its rows are already other workbooks' rows).
pub const PROFILE: &str = "consolidated";

/// The labels of the consolidated workbook's "About this file".
pub mod about {
    use crate::workbook::format::about as workbook;
    pub const FORMAT_VERSION: &str = workbook::FORMAT_VERSION;
    pub const APP_VERSION: &str = workbook::APP_VERSION;
    pub const PROFILE: &str = workbook::PROFILE;
    pub const CONSOLIDATED_AT: &str = "Consolidated at (UTC)";
    pub const WORKSHOPS: &str = "Workshops included";
    pub const FILES: &str = "Source files";
    /// The metadata labels, in the order they are written.
    pub const METADATA: [&str; 6] = [
        FORMAT_VERSION,
        APP_VERSION,
        PROFILE,
        CONSOLIDATED_AT,
        WORKSHOPS,
        FILES,
    ];
    /// The header of the list of source files.
    pub const SOURCE_HEADERS: [&str; 6] = [
        "File",
        "Workshop ID",
        "Workshop",
        "Exported at (UTC)",
        "Outcome",
        "Reason",
    ];
    /// The header of the list of sheets.
    pub const SHEET: &str = workbook::SHEET;
    pub const ROWS: &str = workbook::ROWS;
}

/// What happened to a source file, as the About sheet and the Summary say it.
pub mod outcome {
    pub const INCLUDED: &str = "Included";
    pub const DROPPED: &str = "Dropped (duplicate)";
    pub const SKIPPED: &str = "Skipped";
}

const ID_WIDTH: f64 = 38.0;

const fn derived(header: &'static str, kind: Kind, width: f64) -> Column {
    Column {
        header: Cow::Borrowed(header),
        kind,
        source: Source::Derived,
        width,
        full_only: false,
    }
}

/// The workshop's columns, first on every data sheet.
pub const WORKSHOP_COLUMNS: &[Column] = &[
    derived("Workshop ID", Kind::Id, ID_WIDTH),
    derived("Workshop", Kind::Text, 30.0),
    // Named apart from an action's own "Start date".
    derived("Workshop start date", Kind::Date, 11.0),
    derived("Workshop end date", Kind::Date, 11.0),
];

/// The same for every record of one person, in every workshop: the ID of their participant
/// record in the first workshop they came to. Beside the record's own ID.
pub const PERSON_ID: Column = derived("Person ID", Kind::Id, ID_WIDTH);

/// The Attendance sheet's own columns (after the workshop's): one row per participant per
/// workshop, the sessions they attended of the sessions held.
pub const ATTENDANCE_COLUMNS: &[Column] = &[
    derived("Name", Kind::Text, 28.0),
    derived("Name in Latin letters", Kind::Text, 24.0),
    derived("Sex", Kind::Choice(&workbook::SEX), 11.0),
    derived("Country code", Kind::Text, 9.0),
    derived("Sessions attended", Kind::Integer, 10.0),
    derived("Sessions held", Kind::Integer, 10.0),
    derived("Attendance rate", Kind::Percent, 11.0),
    derived("Participant ID", Kind::Id, ID_WIDTH),
    PERSON_ID,
    derived("Updated at (UTC)", Kind::Timestamp, 23.0),
];

/// A data sheet of the consolidated workbook: its name, its table's name, and the columns it
/// takes from the workshop workbook's sheet of the same name (see [`own_columns`]).
const fn consolidated(
    name: &'static str,
    table: &'static str,
    columns: &'static [Column],
) -> SheetFormat {
    SheetFormat {
        name,
        table,
        entity: None,
        columns,
        full_only: false,
        big: true,
        for_reading: true,
        frozen_columns: 0,
    }
}

pub const PARTICIPANTS: SheetFormat = consolidated(
    sheet::PARTICIPANTS,
    "Participants",
    workbook::PARTICIPANTS.columns,
);
pub const ATTENDANCE: SheetFormat =
    consolidated(sheet::ATTENDANCE, "Attendance", ATTENDANCE_COLUMNS);
pub const SWOT: SheetFormat = consolidated(sheet::SWOT, "SwotNotes", workbook::SWOT.columns);
pub const ACTION_PLANS: SheetFormat = consolidated(
    sheet::ACTION_PLANS,
    "Actions",
    workbook::ACTION_PLANS.columns,
);

/// The data sheets, in order, between the Summary and "About this file".
pub const DATA_SHEETS: [&SheetFormat; 4] = [&PARTICIPANTS, &ATTENDANCE, &SWOT, &ACTION_PLANS];

/// A sheet's own columns, after the workshop's: those of the workshop workbook's sheet of the
/// same name in the report (deleted records and their deletion time are never consolidated),
/// with the Person ID after the participant's ID on the Participants sheet.
pub fn own_columns(of: &SheetFormat) -> Vec<Column> {
    let mut columns = of.columns_for(false);
    if of.name == sheet::PARTICIPANTS {
        let id = columns
            .iter()
            .position(|c| c.header == "ID")
            .map_or(columns.len(), |i| i + 1);
        columns.insert(id, PERSON_ID);
    }
    columns
}

/// Where the Person ID is among a sheet's own columns, on the sheets of people.
pub fn person_at(sheet: &SheetFormat) -> Option<usize> {
    own_columns(sheet)
        .iter()
        .position(|c| c.header == PERSON_ID.header)
}

/// Every column of a consolidated sheet, in order.
pub fn columns(sheet: &SheetFormat) -> Vec<Column> {
    let mut columns = WORKSHOP_COLUMNS.to_vec();
    columns.extend(own_columns(sheet));
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_unique_and_names_fit_excel() {
        assert!(person_at(&PARTICIPANTS).is_some() && person_at(&ATTENDANCE).is_some());
        assert!(person_at(&SWOT).is_none() && person_at(&ACTION_PLANS).is_none());
        for sheet in DATA_SHEETS {
            let columns = columns(sheet);
            let mut headers: Vec<&str> = columns.iter().map(|c| c.header.as_ref()).collect();
            let count = headers.len();
            headers.sort_unstable();
            headers.dedup();
            assert_eq!(
                headers.len(),
                count,
                "{}: a header appears twice",
                sheet.name
            );
            assert!(!sheet.table.contains(' '));
            assert!(
                columns.iter().all(|c| !c.full_only),
                "{}: no column of the full transfer only",
                sheet.name
            );
        }
    }

    /// docs/workbook-format.md's *Consolidated workbook* names every sheet, column and label.
    #[test]
    fn the_format_document_describes_the_consolidated_workbook() {
        let doc = include_str!("../../docs/workbook-format.md");
        let start = doc
            .find("## Consolidated workbook")
            .expect("a section on the consolidated workbook");
        let section = &doc[start..];
        let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
        for column in WORKSHOP_COLUMNS.iter().chain(ATTENDANCE_COLUMNS) {
            assert!(
                section.contains(&format!("| {} |", column.header)),
                "no row for {:?}",
                column.header
            );
        }
        for sheet in DATA_SHEETS {
            assert!(
                section.contains(&format!("| {} |", sheet.name)),
                "{} is not listed",
                sheet.name
            );
        }
        for label in about::METADATA.iter().chain(&about::SOURCE_HEADERS) {
            assert!(section.contains(label), "{label} is not described");
        }
        for label in [
            outcome::INCLUDED,
            outcome::DROPPED,
            outcome::SKIPPED,
            PROFILE,
        ] {
            assert!(section.contains(label), "{label} is not described");
        }
    }
}
