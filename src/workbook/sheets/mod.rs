//! The data sheets, one module per group: people (participants, countries and organisations),
//! attendance (the grid, the sign-ins), capture (groups, SWOT notes, actions) and the records
//! that complete a full transfer (the workshop, groupings, groups, boards, plans, links, the
//! change log and the undo history).

mod attendance;
mod capture;
pub(crate) mod people;
mod records;

use super::Context;
use super::checksum::Cell;
use super::format::SheetFormat;
use super::table::{RowStream, SheetJob};
use crate::error::Result;
use rusqlite::Row;

/// Every data sheet of the profile, in the workbook's order.
pub(crate) fn jobs<'a>(ctx: &'a Context<'_>) -> Result<Vec<SheetJob<'a>>> {
    let facts = std::rc::Rc::new(attendance::Facts::read(ctx)?);
    let mut jobs = vec![
        people::participants(ctx)?,
        attendance::grid(ctx, &facts)?,
        attendance::sign_ins(ctx, facts)?,
        people::countries(ctx)?,
        capture::groups(ctx)?,
        capture::swot(ctx)?,
        capture::action_plans(ctx)?,
        records::workshop(ctx)?,
        records::groupings(ctx)?,
        records::working_groups(ctx)?,
        records::boards(ctx)?,
        records::plans(ctx)?,
        records::links(ctx)?,
    ];
    if ctx.full {
        jobs.push(records::change_log(ctx)?);
        jobs.push(records::edits(ctx)?);
    }
    debug_assert!(
        jobs.iter()
            .map(|job| job.format.name)
            .eq(super::format::DATA_SHEETS
                .iter()
                .filter(|sheet| ctx.full || !sheet.full_only)
                .map(|sheet| sheet.name)),
        "the sheets are written in the order of format::DATA_SHEETS"
    );
    Ok(jobs)
}

/// A sheet read from the database row by row as it is written: `from` is the query's `FROM …
/// WHERE …` (with `?1` the workshop), counted first so that the table's size is known.
pub(crate) fn streamed<'a>(
    format: &'static SheetFormat,
    ctx: &'a Context<'_>,
    select: &str,
    from: &str,
    order: &str,
    mut map: impl FnMut(&Row) -> rusqlite::Result<Vec<Cell>> + 'a,
) -> Result<SheetJob<'a>> {
    let count: i64 = ctx
        .conn
        .prepare(&format!("SELECT count(*) {from}"))?
        .query_row([ctx.workshop_key()], |row| row.get(0))?;
    let sql = format!("SELECT {select} {from} ORDER BY {order}");
    let rows: RowStream<'a> = Box::new(move |each| {
        let mut statement = ctx.conn.prepare(&sql)?;
        let mut rows = statement.query([ctx.workshop_key()])?;
        while let Some(row) = rows.next()? {
            each(map(row)?)?;
        }
        Ok(())
    });
    Ok(SheetJob {
        format,
        columns: format.columns_for(ctx.full),
        count: u64::try_from(count).unwrap_or_default(),
        rows,
        below: None,
    })
}

/// Text from a column that may be NULL.
pub(crate) fn text_at(row: &Row, index: usize) -> rusqlite::Result<Cell> {
    Ok(Cell::optional_text(row.get(index)?))
}

/// A stored time from a column that may be NULL.
pub(crate) fn time_at(row: &Row, index: usize) -> rusqlite::Result<Cell> {
    Ok(Cell::optional_timestamp(
        row.get::<_, Option<String>>(index)?.as_deref(),
    ))
}

/// A stored date from a column that may be NULL.
pub(crate) fn date_at(row: &Row, index: usize) -> rusqlite::Result<Cell> {
    Ok(Cell::optional_date(
        row.get::<_, Option<String>>(index)?.as_deref(),
    ))
}

/// A whole number from a column that may be NULL.
pub(crate) fn integer_at(row: &Row, index: usize) -> rusqlite::Result<Cell> {
    Ok(Cell::optional_integer(row.get(index)?))
}

/// A sort key.
pub(crate) fn real_at(row: &Row, index: usize) -> rusqlite::Result<Cell> {
    Ok(row
        .get::<_, Option<f64>>(index)?
        .map_or(Cell::Empty, Cell::Real))
}

/// A coded value from a column, as its label.
pub(crate) fn choice_at(
    row: &Row,
    index: usize,
    choice: &super::format::Choice,
) -> rusqlite::Result<Cell> {
    Ok(match row.get::<_, Option<String>>(index)? {
        Some(code) => Cell::text(choice.label(&code)),
        None => Cell::Empty,
    })
}

/// The deletion time, in the full transfer only (the report has no such column).
pub(crate) fn push_deleted(
    ctx: &Context,
    cells: &mut Vec<Cell>,
    row: &Row,
    index: usize,
) -> rusqlite::Result<()> {
    if ctx.full {
        cells.push(time_at(row, index)?);
    }
    Ok(())
}

/// The English name of a country code.
pub(crate) fn country_name(code: Option<&str>) -> Cell {
    Cell::optional_text(
        code.and_then(crate::countries::by_code)
            .map(|c| c.en.to_string()),
    )
}

/// The English name of a country's sub-region.
pub(crate) fn sub_region(code: Option<&str>) -> Cell {
    Cell::optional_text(
        code.and_then(crate::regions::of_country)
            .map(|r| r.name("en").to_string()),
    )
}
