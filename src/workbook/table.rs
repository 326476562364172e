//! A data sheet: one Excel table with a frozen, filtered header, column widths and formats by
//! kind, print set-up, and every cell hashed as it is written, so that the checksum in
//! "About this file" is the checksum of exactly what is in the file.

use super::checksum::{Cell, SheetChecksum, SheetHasher};
use super::format::{Column, Kind, SheetFormat, date_serial, timestamp_serial};
use super::style::{self, NAVY, TABLE_STYLE};
use super::{Context, Tracker, xlsx_error};
use crate::error::{Error, InvalidCode, Result};
use rust_xlsxwriter::{Format, Table, TableColumn, Workbook, Worksheet};
use std::path::Path;

/// Column width (in Excel's character units) that fits one landscape A4 page at a readable
/// scale.
pub(crate) const PAGE_WIDTH: f64 = 200.0;

/// Excel's limits.
const MAX_ROWS: u64 = 1_048_575;
const MAX_CELL_TEXT: usize = 32_767;

/// Streams a sheet's rows to a callback, one at a time.
pub(crate) type RowStream<'a> =
    Box<dyn FnOnce(&mut dyn FnMut(Vec<Cell>) -> Result<()>) -> Result<()> + 'a>;

/// Writes what goes below a table (the attendance grid's totals), from the first free row.
pub(crate) type Below<'a> = Box<dyn FnOnce(&mut Worksheet, u32) -> Result<()> + 'a>;

/// One data sheet to write: its format, columns, how many rows, and the rows.
pub(crate) struct SheetJob<'a> {
    pub format: &'static SheetFormat,
    pub columns: Vec<Column>,
    pub count: u64,
    pub rows: RowStream<'a>,
    pub below: Option<Below<'a>>,
}

impl std::fmt::Debug for SheetJob<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SheetJob")
            .field("sheet", &self.format.name)
            .field("count", &self.count)
            .finish_non_exhaustive()
    }
}

impl<'a> SheetJob<'a> {
    /// A small sheet whose rows are already in memory.
    pub fn ready(format: &'static SheetFormat, ctx: &Context, rows: Vec<Vec<Cell>>) -> Self {
        Self {
            format,
            columns: format.columns_for(ctx.full),
            count: rows.len() as u64,
            rows: Box::new(move |each| {
                for row in rows {
                    each(row)?;
                }
                Ok(())
            }),
            below: None,
        }
    }
}

/// Text for a page header or footer, where `&` starts a code.
fn header_text(text: &str, max: usize) -> String {
    let short: String = text.chars().take(max).collect();
    short.replace('&', "&&")
}

/// What a data sheet needs of the workbook it is in: the file being written (for errors) and the
/// title at the top of every printed page (the workshop's, or the consolidation's).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page<'a> {
    pub path: &'a Path,
    pub title: &'a str,
}

/// Landscape, fit to the page's width, the header row on every page, the workshop and the sheet
/// at the top, page numbers at the bottom.
pub(crate) fn print_setup(
    sheet: &mut Worksheet,
    page: Page<'_>,
    name: &str,
    repeat_header: bool,
) -> Result<()> {
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4, the paper of every ILO office
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_header(format!(
        "&L&8{}&R&8{}",
        header_text(page.title, 90),
        header_text(name, 40)
    ));
    sheet.set_footer("&L&8Workshop Desk&R&8Page &P of &N");
    if repeat_header {
        sheet.set_repeat_rows(0, 0).map_err(xlsx_error(page.path))?;
    }
    Ok(())
}

/// Writes one data sheet and returns its row count and checksum.
pub(crate) fn write(
    workbook: &mut Workbook,
    job: SheetJob<'_>,
    page: Page<'_>,
    tracker: &mut Tracker<'_>,
) -> Result<SheetChecksum> {
    let SheetJob {
        format,
        columns,
        count,
        rows,
        below,
    } = job;
    let fail = xlsx_error(page.path);
    if count > MAX_ROWS {
        return Err(Error::invalid(
            InvalidCode::TooLong,
            "workbook",
            format!(
                "{}: the sheet {} would have {count} rows; Excel holds at most {MAX_ROWS}",
                page.path.display(),
                format.name
            ),
        ));
    }
    let sheet = if format.big {
        workbook
            .add_worksheet_with_constant_memory()
            .map_err(&fail)?
    } else {
        workbook.add_worksheet()
    };
    sheet.set_name(format.name).map_err(&fail)?;
    sheet.set_tab_color(if format.for_reading {
        NAVY
    } else {
        style::GREY
    });

    let mut formats: Vec<Option<Format>> = Vec::with_capacity(columns.len());
    let mut table_columns = Vec::with_capacity(columns.len());
    for (index, column) in columns.iter().enumerate() {
        let col = u16::try_from(index).map_err(|_| Error::Internal("too many columns".into()))?;
        let look = style::column_style(column);
        sheet.set_column_width(col, column.width).map_err(&fail)?;
        sheet.set_column_format(col, &look.cell).map_err(&fail)?;
        table_columns.push(
            TableColumn::new()
                .set_header(column.header.as_ref())
                .set_header_format(look.header),
        );
        formats.push(look.own);
    }
    let last_col = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(0);
    // An Excel table needs a row below its header, even an empty one.
    let last_row = u32::try_from(count.max(1)).unwrap_or(u32::MAX);
    let table = Table::new()
        .set_name(format.table)
        .set_style(TABLE_STYLE)
        .set_columns(&table_columns);
    let header_lines = columns
        .iter()
        .map(|c| style::wrapped_lines(&c.header, c.width))
        .max()
        .unwrap_or(1)
        .max(2);
    sheet
        .set_row_height(0, style::row_height(header_lines))
        .map_err(&fail)?;
    sheet
        .add_table(0, 0, last_row, last_col, &table)
        .map_err(&fail)?;
    sheet
        .set_freeze_panes(1, format.frozen_columns)
        .map_err(&fail)?;
    print_setup(sheet, page, format.name, true)?;
    // On paper, the columns for people: the IDs and record times at the right stay on screen.
    let printed = columns
        .iter()
        .rposition(|c| !style::is_technical(c))
        .unwrap_or(columns.len().saturating_sub(1));
    sheet
        .set_print_area(0, 0, last_row + 8, printed as u16)
        .map_err(&fail)?;
    // A wide sheet goes over two or three pages side by side rather than in tiny print, with
    // its frozen columns (the name) repeated on each.
    let width: f64 = columns[..=printed].iter().map(|c| c.width).sum();
    let pages = (width / PAGE_WIDTH).ceil().clamp(1.0, 3.0) as u16;
    sheet.set_print_fit_to_pages(pages, 0);
    if pages > 1 && format.frozen_columns > 0 {
        sheet
            .set_repeat_columns(0, format.frozen_columns - 1)
            .map_err(&fail)?;
    }
    let wrapped: Vec<(usize, f64)> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.kind, Kind::LongText | Kind::List))
        .map(|(i, c)| (i, c.width))
        .collect();

    let headers: Vec<&str> = columns.iter().map(|c| c.header.as_ref()).collect();
    let mut hasher = SheetHasher::new(&headers);
    tracker.start(format.name);
    let mut row: u32 = 0;
    rows(&mut |cells: Vec<Cell>| {
        row += 1;
        if u64::from(row) > count || cells.len() != columns.len() {
            return Err(Error::Internal(format!(
                "the sheet {} changed while it was written (row {row})",
                format.name
            )));
        }
        // Rows of wrapped text get the height their longest cell needs.
        let lines = wrapped
            .iter()
            .map(|(i, width)| match &cells[*i] {
                Cell::Text(text) => style::wrapped_lines(text, *width),
                _ => 1,
            })
            .max()
            .unwrap_or(1);
        if lines > 1 {
            sheet
                .set_row_height(row, style::row_height(lines))
                .map_err(&fail)?;
        }
        hasher.row(&cells);
        // The strings go to the library as they are, without a copy.
        for (index, cell) in cells.into_iter().enumerate() {
            let col = index as u16;
            // Cells written without a format take their column's (which is what Excel would
            // show anyway); only marks of the attendance grid have one of their own. Looking a
            // format up for every cell is a good part of the library's time on large sheets.
            let own = formats[index].as_ref();
            let written = match cell {
                Cell::Empty => continue,
                Cell::Text(text) => {
                    if text.len() > MAX_CELL_TEXT && text.encode_utf16().count() > MAX_CELL_TEXT {
                        return Err(Error::invalid(
                            InvalidCode::TooLong,
                            "workbook",
                            format!(
                                "{}: the {} of row {} on the sheet {} is longer than the \
                                 {MAX_CELL_TEXT} characters a spreadsheet cell can hold; \
                                 shorten it and export again",
                                page.path.display(),
                                columns[index].header,
                                row + 1,
                                format.name
                            ),
                        ));
                    }
                    // Always a string: a name starting with "=" stays text, never a formula.
                    match own {
                        Some(look) => sheet.write_string_with_format(row, col, text, look),
                        None => sheet.write_string(row, col, text),
                    }
                }
                Cell::Bool(value) => match own {
                    Some(look) => sheet.write_boolean_with_format(row, col, value, look),
                    None => sheet.write_boolean(row, col, value),
                },
                Cell::Integer(_) | Cell::Real(_) | Cell::Date(_) | Cell::Timestamp(_) => {
                    let number = match cell {
                        Cell::Integer(n) => n as f64,
                        Cell::Real(n) => n,
                        Cell::Date(date) => date_serial(date),
                        Cell::Timestamp(at) => timestamp_serial(at),
                        _ => 0.0,
                    };
                    match own {
                        Some(look) => sheet.write_number_with_format(row, col, number, look),
                        None => sheet.write_number(row, col, number),
                    }
                }
            };
            written.map_err(&fail)?;
        }
        tracker.row(format.name);
        Ok(())
    })?;
    if u64::from(row) != count {
        return Err(Error::Internal(format!(
            "the sheet {} changed while it was written ({row} rows of {count})",
            format.name
        )));
    }
    if let Some(below) = below {
        below(sheet, last_row + 2)?;
    }
    Ok(SheetChecksum {
        name: format.name.to_string(),
        rows: hasher.rows(),
        checksum: hasher.finish(),
    })
}
