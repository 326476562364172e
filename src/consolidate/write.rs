//! The consolidated workbook: the Summary, the four data sheets (each workshop's columns first,
//! then the Person ID where the row is a person's, then the workshop workbook's own columns),
//! and "About this file" with every source file. Written with the export's own table writer and
//! styles, the big sheets in constant memory, and atomically.

use super::format::{self, DATA_SHEETS, about, outcome, sheet};
use super::people::People;
use super::read::Source;
use super::summary;
use super::{Consolidated, Progress, Step};
use crate::error::{Error, Result};
use crate::workbook::checksum::{Cell, SheetChecksum};
use crate::workbook::format::{APP_NAME, Column, FORMAT_VERSION, SheetFormat, timestamp_serial};
use crate::workbook::style::{self, Report};
use crate::workbook::table::{self, Page, RowStream, SheetJob};
use crate::workbook::{SheetCount, Tracker, atomic, xlsx_error};
use chrono::{DateTime, Utc};
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What the writer needs besides the workshops' rows.
#[derive(Debug)]
pub(crate) struct Input<'a> {
    /// Every file read, in the order given.
    pub files: &'a [PathBuf],
    /// What was included, dropped and skipped (its path, bytes and sheets not yet known).
    pub result: &'a Consolidated,
    /// The people among the included workshops' participants, in their order.
    pub people: &'a People,
}

/// The rows of one data sheet, workshop by workshop.
type Rows = Vec<Vec<Vec<Cell>>>;

/// For each workshop, whose each row is: the index of its participant among all of them.
type Owners = [Vec<Option<usize>>];

/// A data sheet to write: its format, its rows, and on the sheets of people whose they are.
type Job<'a> = (&'static SheetFormat, Rows, Option<&'a Owners>);

/// Writes the workbook to `out`; returns its size and its sheets' rows.
pub(crate) fn write(
    out: &Path,
    input: &Input<'_>,
    mut sources: Vec<Source>,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(&Progress),
) -> Result<(u64, Vec<SheetCount>)> {
    let fail = xlsx_error(out);
    let directory = atomic::directory_of(out);
    let title = format!(
        "Consolidated report: {} workshop{}",
        sources.len(),
        if sources.len() == 1 { "" } else { "s" }
    );
    let page = Page {
        path: out,
        title: &title,
    };

    // Each workshop's columns, and each participant's Person ID.
    let prefixes: Vec<Vec<Cell>> = sources
        .iter()
        .map(|s| {
            vec![
                Cell::text(s.meta.workshop_id.to_string()),
                Cell::text(s.workshop.title.clone()),
                s.workshop.start.map_or(Cell::Empty, Cell::Date),
                s.workshop.end.map_or(Cell::Empty, Cell::Date),
            ]
        })
        .collect();
    let record_ids: Vec<&str> = sources
        .iter()
        .flat_map(|s| s.people.iter().map(|p| p.id.as_str()))
        .collect();
    let person_ids: Vec<String> = input
        .people
        .person_of
        .iter()
        .map(|&first| match record_ids.get(first) {
            Some(id) if !id.is_empty() => (*id).to_string(),
            _ => format!("person-{}", first + 1),
        })
        .collect();
    // The Person ID of each attendance row, through its participant's record.
    let mut attendance_people: Vec<Vec<Option<usize>>> = Vec::with_capacity(sources.len());
    let mut offset = 0;
    for source in &sources {
        let index: HashMap<&str, usize> = source
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.id.is_empty())
            .map(|(i, p)| (p.id.as_str(), offset + i))
            .collect();
        attendance_people.push(
            source
                .attendance_ids
                .iter()
                .map(|id| index.get(id.as_str()).copied())
                .collect(),
        );
        offset += source.people.len();
    }

    let mut workbook = Workbook::new();
    workbook
        .set_tempdir(directory)
        .map_err(|error| Error::io(out, std::io::Error::other(error.to_string())))?;
    workbook.set_properties(&properties(input.result, now));
    progress(&Progress {
        step: Step::Writing,
        done: 0,
        total: 0,
        item: sheet::SUMMARY.to_string(),
    });
    summary::write(
        workbook.add_worksheet(),
        &summary::Facts::new(&sources, input.result, input.people, out, now),
    )?;

    // The rows, moved out of the sources sheet by sheet.
    let take = |sources: &mut [Source], pick: fn(&mut Source) -> &mut Vec<Vec<Cell>>| -> Rows {
        sources
            .iter_mut()
            .map(|s| std::mem::take(pick(s)))
            .collect()
    };
    let participants = take(&mut sources, |s| &mut s.participants);
    let attendance = take(&mut sources, |s| &mut s.attendance);
    let notes = take(&mut sources, |s| &mut s.notes);
    let actions = take(&mut sources, |s| &mut s.actions);
    let count = |rows: &Rows| rows.iter().map(Vec::len).sum::<usize>() as u64;
    let counts = [
        count(&participants),
        count(&attendance),
        count(&notes),
        count(&actions),
    ];
    let mut report = |p: &crate::workbook::Progress| {
        progress(&Progress {
            step: Step::Writing,
            done: p.done,
            total: p.total,
            item: p.sheet.clone(),
        });
    };
    let mut tracker = Tracker::new(counts.iter().sum(), &mut report);
    let mut checksums: Vec<SheetChecksum> = Vec::with_capacity(DATA_SHEETS.len());
    let mut participant_offset = 0;
    let participant_people: Vec<Vec<Option<usize>>> = participants
        .iter()
        .map(|rows| {
            let first = participant_offset;
            participant_offset += rows.len();
            (first..participant_offset).map(Some).collect()
        })
        .collect();
    let jobs: [Job<'_>; 4] = [
        (
            &format::PARTICIPANTS,
            participants,
            Some(&participant_people),
        ),
        (&format::ATTENDANCE, attendance, Some(&attendance_people)),
        (&format::SWOT, notes, None),
        (&format::ACTION_PLANS, actions, None),
    ];
    for ((sheet_format, rows, people), count) in jobs.into_iter().zip(counts) {
        let columns = format::columns(sheet_format);
        let person = format::person_at(sheet_format).zip(people);
        let job = SheetJob {
            format: sheet_format,
            columns: columns.clone(),
            count,
            rows: stream(rows, &prefixes, person, &person_ids),
            below: None,
        };
        checksums.push(table::write(&mut workbook, job, page, &mut tracker)?);
        print_without_workshop_id(&mut workbook, sheet_format.name, &columns, count, out)?;
    }
    tracker.start(sheet::ABOUT);
    about_sheet(workbook.add_worksheet(), input, &checksums, out, now)?;
    let bytes = atomic::write(out, |writer| workbook.save_to_writer(writer).map_err(&fail))?;
    tracker.start(sheet::ABOUT);
    let sheets = checksums
        .into_iter()
        .map(|c| SheetCount {
            name: c.name,
            rows: c.rows,
        })
        .collect();
    Ok((bytes, sheets))
}

/// A sheet's rows as they are written: the workshop's columns, then the row's own cells with
/// the Person ID (at `person`'s index, on the sheets of people) filled in.
fn stream<'a>(
    rows: Rows,
    prefixes: &'a [Vec<Cell>],
    person: Option<(usize, &'a Owners)>,
    person_ids: &'a [String],
) -> RowStream<'a> {
    Box::new(move |each| {
        for (w, rows) in rows.into_iter().enumerate() {
            for (r, mut cells) in rows.into_iter().enumerate() {
                if let Some((at, people)) = person
                    && let Some(cell) = cells.get_mut(at)
                {
                    let id = people[w]
                        .get(r)
                        .copied()
                        .flatten()
                        .and_then(|i| person_ids.get(i));
                    *cell = Cell::optional_text(id.cloned());
                }
                let mut row = Vec::with_capacity(prefixes[w].len() + cells.len());
                row.extend(prefixes[w].iter().cloned());
                row.extend(cells);
                each(row)?;
            }
        }
        Ok(())
    })
}

/// On paper, from the workshop's title: the Workshop ID in column A stays on screen, like the
/// other IDs (the table writer prints from column A).
fn print_without_workshop_id(
    workbook: &mut Workbook,
    name: &str,
    columns: &[Column],
    count: u64,
    out: &Path,
) -> Result<()> {
    let fail = xlsx_error(out);
    let sheet = workbook.worksheet_from_name(name).map_err(&fail)?;
    let printed = columns
        .iter()
        .rposition(|c| !style::is_technical(c))
        .unwrap_or(columns.len().saturating_sub(1));
    let last_row = u32::try_from(count.max(1)).unwrap_or(u32::MAX);
    sheet
        .set_print_area(0, 1, last_row.saturating_add(8), printed as u16)
        .map_err(&fail)?;
    let width: f64 = columns[1..=printed.max(1)].iter().map(|c| c.width).sum();
    let pages = (width / table::PAGE_WIDTH).ceil().clamp(1.0, 3.0) as u16;
    sheet.set_print_fit_to_pages(pages, 0);
    Ok(())
}

fn properties(result: &Consolidated, now: DateTime<Utc>) -> DocProperties {
    DocProperties::new()
        .set_title("Consolidated workshops report")
        .set_subject(format!(
            "{} workshops consolidated by Workshop Desk",
            result.included.len()
        ))
        .set_author(APP_NAME)
        .set_keywords("trade union; workshops; participants; SWOT; action plans; consolidated")
        .set_comment(summary::headline(result).as_str())
        .set_creation_datetime(&now)
        .set_custom_property("Workshop Desk format", FORMAT_VERSION as i32)
        .set_custom_property("Profile", format::PROFILE)
}

/// One line of the list of source files.
struct SourceLine {
    file: String,
    workshop_id: String,
    title: String,
    exported_at: Option<DateTime<Utc>>,
    outcome: &'static str,
    reason: String,
}

fn source_lines(input: &Input<'_>) -> Vec<SourceLine> {
    let result = input.result;
    let name = |file: &Path| {
        file.file_name()
            .unwrap_or(file.as_os_str())
            .to_string_lossy()
            .into_owned()
    };
    let mut lines: Vec<(Option<usize>, SourceLine)> = Vec::new();
    let position = |file: &PathBuf| input.files.iter().position(|f| f == file);
    for w in &result.included {
        lines.push((
            position(&w.file),
            SourceLine {
                file: name(&w.file),
                workshop_id: w.workshop_id.to_string(),
                title: w.title.clone(),
                exported_at: w.exported_at,
                outcome: outcome::INCLUDED,
                reason: w.edited_note().unwrap_or_default(),
            },
        ));
    }
    for d in &result.dropped {
        lines.push((
            position(&d.file),
            SourceLine {
                file: name(&d.file),
                workshop_id: d.workshop_id.to_string(),
                title: d.title.clone(),
                exported_at: d.exported_at,
                outcome: outcome::DROPPED,
                reason: d.reason.clone(),
            },
        ));
    }
    for s in &result.skipped {
        lines.push((
            position(&s.file),
            SourceLine {
                file: name(&s.file),
                workshop_id: String::new(),
                title: String::new(),
                exported_at: None,
                outcome: outcome::SKIPPED,
                reason: s.reason.clone(),
            },
        ));
    }
    // In the order the files were given (a folder that could not be listed first).
    lines.sort_by_key(|(at, _)| *at);
    lines.into_iter().map(|(_, line)| line).collect()
}

/// "About this file": what wrote it and when, every source file and what became of it, and the
/// rows of each sheet. Protected, like the export's.
fn about_sheet(
    sheet: &mut Worksheet,
    input: &Input<'_>,
    sheets: &[SheetChecksum],
    out: &Path,
    now: DateTime<Utc>,
) -> Result<()> {
    let fail = xlsx_error(out);
    let style = Report::new();
    sheet.set_name(sheet::ABOUT).map_err(&fail)?;
    sheet.set_tab_color(style::GREY);
    for (col, width) in [40.0, 38.0, 36.0, 23.0, 20.0, 80.0].into_iter().enumerate() {
        sheet.set_column_width(col as u16, width).map_err(&fail)?;
    }
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet
        .write_string_with_format(0, 0, sheet::ABOUT, &style.title)
        .map_err(&fail)?;
    sheet
        .merge_range(
            1,
            0,
            1,
            5,
            "Workshop Desk wrote this file from the workshops' own workbooks: every source file \
             is listed below with what became of it. It is a report, not a workshop's workbook: \
             it cannot be imported, nor consolidated again. The sheet is protected; please do \
             not change it.",
            &style.note,
        )
        .map_err(&fail)?;
    sheet.set_row_height(1, 36).map_err(&fail)?;
    let result = input.result;
    let mut row = 3;
    let metadata: [(&str, Cell); 6] = [
        (
            about::FORMAT_VERSION,
            Cell::Integer(i64::from(FORMAT_VERSION)),
        ),
        (about::APP_VERSION, Cell::text(crate::APP_VERSION)),
        (about::PROFILE, Cell::text(format::PROFILE)),
        (about::CONSOLIDATED_AT, Cell::Timestamp(now)),
        (
            about::WORKSHOPS,
            Cell::Integer(result.included.len() as i64),
        ),
        (
            about::FILES,
            Cell::Integer(
                (result.included.len() + result.dropped.len() + result.skipped.len()) as i64,
            ),
        ),
    ];
    for (label, value) in &metadata {
        sheet
            .write_string_with_format(row, 0, *label, &style.label)
            .map_err(&fail)?;
        match value {
            Cell::Integer(n) => {
                sheet.write_number_with_format(row, 1, *n as f64, &style.number_left)
            }
            Cell::Timestamp(at) => {
                sheet.write_number_with_format(row, 1, timestamp_serial(*at), &style.timestamp)
            }
            other => {
                sheet.write_string_with_format(row, 1, other.canonical().as_ref(), &style.value)
            }
        }
        .map_err(&fail)?;
        row += 1;
    }

    row += 1;
    for (col, header) in about::SOURCE_HEADERS.iter().enumerate() {
        sheet
            .write_string_with_format(row, col as u16, *header, &style.head)
            .map_err(&fail)?;
    }
    row += 1;
    for line in source_lines(input) {
        sheet
            .write_string_with_format(row, 0, &line.file, &style.value_wrap)
            .map_err(&fail)?;
        sheet
            .write_string_with_format(row, 1, &line.workshop_id, &style.mono)
            .map_err(&fail)?;
        sheet
            .write_string_with_format(row, 2, &line.title, &style.value_wrap)
            .map_err(&fail)?;
        if let Some(at) = line.exported_at {
            sheet
                .write_number_with_format(row, 3, timestamp_serial(at), &style.timestamp)
                .map_err(&fail)?;
        }
        sheet
            .write_string_with_format(row, 4, line.outcome, &style.value)
            .map_err(&fail)?;
        sheet
            .write_string_with_format(row, 5, &line.reason, &style.value_wrap)
            .map_err(&fail)?;
        let lines = style::word_lines(&line.reason, 80.0)
            .max(style::word_lines(&line.file, 40.0))
            .max(style::word_lines(&line.title, 36.0));
        if lines > 1 {
            sheet
                .set_row_height(row, style::row_height(lines))
                .map_err(&fail)?;
        }
        row += 1;
    }

    row += 1;
    for (col, header) in [about::SHEET, about::ROWS].iter().enumerate() {
        let look = if col == 1 {
            &style.head_number
        } else {
            &style.head
        };
        sheet
            .write_string_with_format(row, col as u16, *header, look)
            .map_err(&fail)?;
    }
    row += 1;
    for entry in sheets {
        sheet
            .write_string_with_format(row, 0, &entry.name, &style.value)
            .map_err(&fail)?;
        sheet
            .write_number_with_format(row, 1, entry.rows as f64, &style.number)
            .map_err(&fail)?;
        row += 1;
    }
    sheet.protect();
    Ok(())
}
