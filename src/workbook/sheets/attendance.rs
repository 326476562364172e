//! Attendance: the grid (participant × day and session, as the facilitator's screen and the
//! paper sheet show it, with totals below) and the sign-ins (one row per record, every field).

use super::{Context, choice_at, date_at, push_deleted, text_at, time_at};
use crate::attendance::{Method, SlotTotal};
use crate::error::Result;
use crate::workbook::checksum::Cell;
use crate::workbook::format::{self, Choice, MARK, METHOD, SEX, session_name};
use crate::workbook::style::{self, Report};
use crate::workbook::table::{RowStream, SheetJob};
use crate::workbook::xlsx_error;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Worksheet};
use std::collections::HashMap;
use std::rc::Rc;

/// The grid's column header of a day and session: "Mon 23 Nov morning".
pub(crate) fn slot_header(day: NaiveDate, session: u8, per_day: u8) -> String {
    let date = day.format("%a %-d %b").to_string();
    if per_day <= 1 {
        date
    } else {
        format!("{date} {}", session_name(session, per_day).to_lowercase())
    }
}

fn method_code(method: Method) -> &'static str {
    match method {
        Method::Kiosk => "kiosk",
        Method::Badge => "badge",
        Method::Facilitator => "facilitator",
        Method::Paper => "paper",
    }
}

fn mark_letter(choice: &Choice, method: Method) -> &'static str {
    choice
        .options
        .iter()
        .find(|(code, _)| *code == method_code(method))
        .map_or("?", |(_, label)| label)
}

/// What both attendance sheets need to know of the participants, read once (the sign-ins
/// are many: they are read by the grid and then streamed, and otherwise only counted).
#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// Every participant of the workshop (deleted ones too): name, country, whether live.
    people: HashMap<String, Person>,
    /// The rows of the Sign-ins sheet.
    sign_ins: u64,
}

#[derive(Debug)]
struct Person {
    name: String,
    country: Option<String>,
    updated_at: String,
    live: bool,
}

impl Facts {
    pub(crate) fn read(ctx: &Context) -> Result<Self> {
        let mut people = HashMap::new();
        let mut statement = ctx.conn.prepare(
            "SELECT id, full_name, country, updated_at, deleted_at IS NULL FROM participant
             WHERE workshop_id = ?1",
        )?;
        let mut rows = statement.query([ctx.workshop_key()])?;
        while let Some(row) = rows.next()? {
            people.insert(
                row.get(0)?,
                Person {
                    name: row.get(1)?,
                    country: row.get(2)?,
                    updated_at: row.get(3)?,
                    live: row.get(4)?,
                },
            );
        }
        let count = |sql: &str| -> Result<i64> {
            Ok(ctx
                .conn
                .prepare(sql)?
                .query_row([ctx.workshop_key()], |row| row.get(0))?)
        };
        let sign_ins = if ctx.full {
            count("SELECT count(*) FROM attendance WHERE workshop_id = ?1")?
        } else {
            // The live sign-ins, less those of deleted participants (few, found by the index
            // of live sign-ins by participant).
            count("SELECT count(*) FROM attendance WHERE workshop_id = ?1 AND deleted_at IS NULL")?
                - count(
                    "SELECT count(*) FROM participant p
                     JOIN attendance a ON a.participant_id = p.id AND a.deleted_at IS NULL
                     WHERE p.workshop_id = ?1 AND p.deleted_at IS NOT NULL",
                )?
        };
        Ok(Self {
            people,
            sign_ins: u64::try_from(sign_ins).unwrap_or_default(),
        })
    }
}

pub(crate) fn grid<'a>(ctx: &'a Context<'_>, facts: &Rc<Facts>) -> Result<SheetJob<'a>> {
    let grid = ctx.grid;
    let per_day = ctx.workshop.sessions_per_day;
    let headers: Vec<String> = grid
        .slots
        .iter()
        .map(|slot| slot_header(slot.day, slot.session, per_day))
        .collect();
    // Sessions with any sign-in are the ones held so far: the rate is over those.
    let held = grid.totals.iter().filter(|t| t.total > 0).count() as i64;
    // Built row by row as the sheet is written, from the core's grid (no second copy of it).
    let people = Rc::clone(facts);
    let rows: RowStream<'a> = Box::new(move |each| {
        for row in &grid.rows {
            let facts = &people;
            let cells = {
                let id = row.participant_id.to_string();
                let person = facts.people.get(&id);
                let mut cells = vec![
                    Cell::text(row.full_name.clone()),
                    Cell::text(row.name_latin.clone()),
                    Cell::text(SEX.label(row.sex.as_str())),
                    Cell::optional_text(person.and_then(|p| p.country.clone())),
                ];
                let mut attended = 0_i64;
                for (mark, reason) in row.marks.iter().zip(&row.reasons) {
                    cells.push(match mark {
                        Some(method) => {
                            attended += 1;
                            let letter = mark_letter(&MARK, *method);
                            // A late entry (it has a reason) is starred; the reason is in Sign-ins.
                            Cell::text(if reason.is_some() {
                                format!("{letter}*")
                            } else {
                                letter.to_string()
                            })
                        }
                        None => Cell::Empty,
                    });
                }
                cells.push(Cell::Integer(attended));
                cells.push(if held > 0 {
                    Cell::Real(attended as f64 / held as f64)
                } else {
                    Cell::Empty
                });
                // The row is the participant's: their record's last change (each sign-in has its
                // own in Sign-ins).
                cells.push(Cell::text(id.clone()));
                cells.push(Cell::optional_timestamp(
                    person.map(|p| p.updated_at.as_str()),
                ));
                cells
            };
            each(cells)?;
        }
        Ok(())
    });
    let mut job = SheetJob {
        format: &format::ATTENDANCE,
        columns: format::attendance_columns(&headers),
        count: grid.rows.len() as u64,
        rows,
        below: None,
    };
    let first_slot = format::ATTENDANCE_BEFORE_SLOTS.len() as u16;
    let registered = grid.rows.len() as f64;
    job.below = Some(Box::new(move |sheet: &mut Worksheet, first: u32| {
        totals(sheet, first, first_slot, ctx, registered)
    }));
    Ok(job)
}

/// Below the grid: present, women and men per session, and the rate; then the legend. Values,
/// not formulas (formulas are the Summary's only).
fn totals(
    sheet: &mut Worksheet,
    first: u32,
    first_slot: u16,
    ctx: &Context,
    registered: f64,
) -> Result<()> {
    let fail = xlsx_error(ctx.path);
    let style = Report::new();
    // Each line: its label, its value for a slot, whether it is a share.
    type Line = (&'static str, fn(&SlotTotal, f64) -> f64, bool);
    let lines: [Line; 4] = [
        ("Present", |t, _| f64::from(t.total), false),
        ("of whom women", |t, _| f64::from(t.women), false),
        ("of whom men", |t, _| f64::from(t.men), false),
        (
            "Share of the registered participants",
            |t, registered| {
                if registered > 0.0 {
                    f64::from(t.total) / registered
                } else {
                    0.0
                }
            },
            true,
        ),
    ];
    for (offset, (label, value, percent)) in lines.iter().enumerate() {
        let row = first + offset as u32;
        let label_format = if offset == 0 {
            &style.total_label
        } else {
            &style.label
        };
        sheet
            .write_string_with_format(row, 0, *label, label_format)
            .map_err(&fail)?;
        for (index, total) in ctx.grid.totals.iter().enumerate() {
            let number_format = match (offset, percent) {
                (_, true) => &style.percent,
                (0, _) => &style.total_number,
                _ => &style.number,
            };
            sheet
                .write_number_with_format(
                    row,
                    first_slot + index as u16,
                    value(total, registered),
                    number_format,
                )
                .map_err(&fail)?;
        }
    }
    let legend = format!(
        "K kiosk · B badge code · F marked by the facilitator · P typed in from the paper sheet · \
         * late entry, with its reason in the sheet \"{}\". Rate: sessions attended of the {} \
         session(s) with any sign-in so far.",
        format::sheet::SIGN_INS,
        ctx.grid.totals.iter().filter(|t| t.total > 0).count()
    );
    let legend_format = Format::new().set_italic().set_font_color(style::GREY);
    sheet
        .write_string_with_format(first + 5, 0, &legend, &legend_format)
        .map_err(&fail)?;
    Ok(())
}

pub(crate) fn sign_ins<'a>(ctx: &'a Context<'_>, facts: Rc<Facts>) -> Result<SheetJob<'a>> {
    let per_day = ctx.workshop.sessions_per_day;
    let count = facts.sign_ins;
    // Names from the participants read once, rather than a join for each of the many rows;
    // in the order of the index (day, session, then as they were recorded), without a sort.
    let sql = format!(
        "SELECT a.participant_id, a.day, a.session, a.method, a.signed_in_at, a.reason,
                a.device_id, a.id, a.created_at, a.updated_at, a.deleted_at
         FROM attendance a WHERE a.workshop_id = ?1 AND {}
         ORDER BY a.day, a.session, a.rowid",
        ctx.live("a.deleted_at IS NULL")
    );
    let rows: RowStream<'a> = Box::new(move |each| {
        let mut statement = ctx.conn.prepare(&sql)?;
        let mut rows = statement.query([ctx.workshop_key()])?;
        while let Some(row) = rows.next()? {
            let participant: String = row.get(0)?;
            let person = facts.people.get(&participant);
            if !ctx.full && !person.is_some_and(|p| p.live) {
                continue; // a sign-in of a deleted participant: not in the report
            }
            let session: Option<i64> = row.get(2)?;
            let mut cells = vec![
                Cell::optional_text(person.map(|p| p.name.clone())),
                date_at(row, 1)?,
                Cell::optional_integer(session),
                Cell::optional_text(
                    session.map(|s| session_name(u8::try_from(s).unwrap_or_default(), per_day)),
                ),
                choice_at(row, 3, &METHOD)?,
                time_at(row, 4)?,
                text_at(row, 5)?,
                text_at(row, 6)?,
                Cell::text(participant),
                text_at(row, 7)?,
                time_at(row, 8)?,
                time_at(row, 9)?,
            ];
            push_deleted(ctx, &mut cells, row, 10)?;
            each(cells)?;
        }
        Ok(())
    });
    Ok(SheetJob {
        format: &format::SIGN_INS,
        columns: format::SIGN_INS.columns_for(ctx.full),
        count,
        rows,
        below: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_headed_by_day_and_session() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(slot_header(day, 1, 2), "Mon 23 Nov morning");
        assert_eq!(slot_header(day, 3, 3), "Mon 23 Nov evening");
        assert_eq!(slot_header(day, 1, 1), "Mon 23 Nov");
        assert_eq!(session_name(2, 2), "Afternoon");
        assert_eq!(session_name(1, 1), "Day");
    }
}
