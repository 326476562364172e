//! "About this file", the last sheet, protected: what wrote the file, when, for which workshop,
//! each data sheet's rows and checksum, and the seal over all of it.

use super::checksum::{self, Cell, SheetChecksum};
use super::format::{self, about, sheet};
use super::style::{self, Report};
use super::{Context, xlsx_error};
use crate::error::Result;
use rust_xlsxwriter::Worksheet;

/// The first metadata row (label in column A, value in B).
pub const FIRST_METADATA_ROW: u32 = 3;

/// The metadata rows, as written and as sealed.
pub(crate) fn metadata(ctx: &Context) -> Vec<(&'static str, Cell)> {
    vec![
        (
            about::FORMAT_VERSION,
            Cell::Integer(i64::from(format::FORMAT_VERSION)),
        ),
        (about::APP_VERSION, Cell::text(crate::APP_VERSION)),
        (about::PROFILE, Cell::text(ctx.profile.as_str())),
        (about::WORKSHOP_ID, Cell::text(ctx.workshop_key())),
        (about::WORKSHOP, Cell::text(ctx.workshop.title.clone())),
        (about::DEVICE, Cell::text(ctx.device.to_string())),
        (about::EXPORTED_AT, Cell::Timestamp(ctx.now)),
    ]
}

pub(crate) fn write(sheet: &mut Worksheet, ctx: &Context, sheets: &[SheetChecksum]) -> Result<()> {
    let fail = xlsx_error(ctx.path);
    let style = Report::new();
    sheet.set_name(sheet::ABOUT).map_err(&fail)?;
    sheet.set_tab_color(style::GREY);
    sheet.set_column_width(0, 30).map_err(&fail)?;
    sheet.set_column_width(1, 40).map_err(&fail)?;
    sheet.set_column_width(2, 70).map_err(&fail)?;
    sheet.set_portrait();
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
            2,
            "Workshop Desk wrote this file and checks this sheet when the file is imported: the \
             format, the workshop, and a checksum of every data sheet, sealed. The sheet is \
             protected; please do not change it. The data sheets may be corrected by hand: an \
             import then warns that they were edited, and shows every change before applying it.",
            &style.note,
        )
        .map_err(&fail)?;
    sheet.set_row_height(1, 48).map_err(&fail)?;

    let metadata = metadata(ctx);
    let mut row = FIRST_METADATA_ROW;
    for (label, value) in &metadata {
        sheet
            .write_string_with_format(row, 0, *label, &style.label)
            .map_err(&fail)?;
        match value {
            Cell::Integer(n) => sheet.write_number_with_format(row, 1, *n as f64, &style.number),
            Cell::Timestamp(at) => sheet.write_number_with_format(
                row,
                1,
                format::timestamp_serial(*at),
                &style.timestamp,
            ),
            other => {
                sheet.write_string_with_format(row, 1, other.canonical().as_ref(), &style.value)
            }
        }
        .map_err(&fail)?;
        row += 1;
    }

    row += 1;
    for (col, header) in [about::SHEET, about::ROWS, about::CHECKSUM]
        .iter()
        .enumerate()
    {
        let format = if col == 1 {
            &style.head_number
        } else {
            &style.head
        };
        sheet
            .write_string_with_format(row, col as u16, *header, format)
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
        sheet
            .write_string_with_format(row, 2, &entry.checksum, &style.mono)
            .map_err(&fail)?;
        row += 1;
    }

    row += 1;
    let seal = checksum::seal(&metadata, sheets);
    sheet
        .write_string_with_format(row, 0, about::SEAL, &style.total_label)
        .map_err(&fail)?;
    sheet
        .write_string_with_format(row, 2, &seal, &style.mono)
        .map_err(&fail)?;
    sheet.protect();
    Ok(())
}
