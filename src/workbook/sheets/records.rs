//! The records that complete a lossless transfer: the workshop itself, groupings, groups,
//! boards, plans and the links between actions and notes; in the full transfer also the change
//! log and the undo history.

use super::{
    Context, choice_at, country_name, integer_at, push_deleted, real_at, streamed, text_at, time_at,
};
use crate::error::Result;
use crate::groups;
use crate::workbook::checksum::Cell;
use crate::workbook::format::{self, QUADRANT, SCOPE};
use crate::workbook::table::SheetJob;
use std::collections::HashMap;

/// The workshop's own row.
pub(crate) fn workshop<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    let w = ctx.workshop;
    let mut row = vec![
        Cell::text(w.title.clone()),
        Cell::text(w.venue_city.clone()),
        Cell::optional_text(w.country.clone()),
        country_name(w.country.as_deref()),
        Cell::Date(w.start_date),
        Cell::Date(w.end_date),
        Cell::Integer(w.days.len() as i64),
        Cell::Integer(i64::from(w.sessions_per_day)),
        // "HH:MM" and language codes hold no comma, so the lists read back exactly.
        Cell::text(w.session_starts.join(", ")),
        Cell::text(w.organisers.clone()),
        Cell::text(w.programme_code.clone()),
        Cell::text(w.working_languages.join(", ")),
        Cell::Integer(i64::from(w.youth_age_limit)),
        Cell::optional_timestamp(w.archived_at.as_deref()),
        Cell::text(w.id.to_string()),
        Cell::timestamp(&w.created_at),
        Cell::timestamp(&w.updated_at),
    ];
    row.truncate(format::WORKSHOP.columns.len());
    Ok(SheetJob::ready(&format::WORKSHOP, ctx, vec![row]))
}

pub(crate) fn groupings<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    streamed(
        &format::GROUPINGS,
        ctx,
        "s.name, (SELECT count(*) FROM work_group g WHERE g.grouping_id = s.id
                    AND g.deleted_at IS NULL),
         s.position, s.id, s.created_at, s.updated_at, s.deleted_at",
        &format!(
            "FROM grouping s WHERE s.workshop_id = ?1 AND {}",
            ctx.live("s.deleted_at IS NULL")
        ),
        "s.position, s.id",
        move |row| {
            let mut cells = vec![
                text_at(row, 0)?,
                integer_at(row, 1)?,
                real_at(row, 2)?,
                text_at(row, 3)?,
                time_at(row, 4)?,
                time_at(row, 5)?,
            ];
            push_deleted(ctx, &mut cells, row, 6)?;
            Ok(cells)
        },
    )
}

pub(crate) fn working_groups<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    // Sizes and balance as the groups screen shows them.
    let sizes: HashMap<String, (u32, u32, u32)> = groups::list(ctx.conn, ctx.workshop.id)?
        .into_iter()
        .flat_map(|grouping| grouping.groups)
        .map(|group| {
            (
                group.id.to_string(),
                (group.members.len() as u32, group.women, group.men),
            )
        })
        .collect();
    streamed(
        &format::WORKING_GROUPS,
        ctx,
        "s.name, g.name, g.position, g.id, g.grouping_id, g.created_at, g.updated_at,
         g.deleted_at",
        &format!(
            "FROM work_group g LEFT JOIN grouping s ON s.id = g.grouping_id
             WHERE g.workshop_id = ?1 AND {}",
            ctx.live("g.deleted_at IS NULL AND s.deleted_at IS NULL")
        ),
        "s.position, s.id, g.position, g.id",
        move |row| {
            let id: String = row.get(3)?;
            let size = sizes.get(&id);
            let count = |pick: fn(&(u32, u32, u32)) -> u32| {
                size.map_or(Cell::Empty, |s| Cell::Integer(i64::from(pick(s))))
            };
            let mut cells = vec![
                text_at(row, 0)?,
                text_at(row, 1)?,
                count(|s| s.0),
                count(|s| s.1),
                count(|s| s.2),
                real_at(row, 2)?,
                Cell::text(id),
                text_at(row, 4)?,
                time_at(row, 5)?,
                time_at(row, 6)?,
            ];
            push_deleted(ctx, &mut cells, row, 7)?;
            Ok(cells)
        },
    )
}

pub(crate) fn boards<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    // Counts as the list of boards shows them.
    let counts: HashMap<String, (u32, u32)> = crate::board::list(ctx.conn, ctx.workshop.id)?
        .into_iter()
        .map(|b| (b.id.to_string(), (b.notes, b.priorities_without_action)))
        .collect();
    streamed(
        &format::BOARDS,
        ctx,
        "b.question, g.name, b.priority_votes, b.position, b.id, b.group_id, b.created_at,
         b.updated_at, b.deleted_at",
        &format!(
            "FROM board b LEFT JOIN work_group g ON g.id = b.group_id AND g.deleted_at IS NULL
             WHERE b.workshop_id = ?1 AND {}",
            ctx.live("b.deleted_at IS NULL")
        ),
        "b.position, b.id",
        move |row| {
            let id: String = row.get(4)?;
            let count = counts.get(&id);
            let mut cells = vec![
                text_at(row, 0)?,
                text_at(row, 1)?,
                integer_at(row, 2)?,
                count.map_or(Cell::Empty, |c| Cell::Integer(i64::from(c.0))),
                count.map_or(Cell::Empty, |c| Cell::Integer(i64::from(c.1))),
                real_at(row, 3)?,
                Cell::text(id),
                text_at(row, 5)?,
                time_at(row, 6)?,
                time_at(row, 7)?,
            ];
            push_deleted(ctx, &mut cells, row, 8)?;
            Ok(cells)
        },
    )
}

pub(crate) fn plans<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    streamed(
        &format::PLANS,
        ctx,
        "p.title, p.scope, p.country, p.organisation, g.name,
         (SELECT count(*) FROM action a WHERE a.plan_id = p.id AND a.deleted_at IS NULL),
         p.position, p.id, p.group_id, p.created_at, p.updated_at, p.deleted_at",
        &format!(
            "FROM action_plan p LEFT JOIN work_group g ON g.id = p.group_id
                AND g.deleted_at IS NULL
             WHERE p.workshop_id = ?1 AND {}",
            ctx.live("p.deleted_at IS NULL")
        ),
        "p.position, p.id",
        move |row| {
            let country: Option<String> = row.get(2)?;
            let mut cells = vec![
                text_at(row, 0)?,
                choice_at(row, 1, &SCOPE)?,
                Cell::optional_text(country.clone()),
                country_name(country.as_deref()),
                text_at(row, 3)?,
                text_at(row, 4)?,
                integer_at(row, 5)?,
                real_at(row, 6)?,
                text_at(row, 7)?,
                text_at(row, 8)?,
                time_at(row, 9)?,
                time_at(row, 10)?,
            ];
            push_deleted(ctx, &mut cells, row, 11)?;
            Ok(cells)
        },
    )
}

/// Which note each action answers: one row per link.
pub(crate) fn links<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    streamed(
        &format::LINKS,
        ctx,
        "a.description, n.text, n.quadrant, l.id, l.action_id, l.note_id, l.created_at,
         l.updated_at, l.deleted_at",
        &format!(
            "FROM action_note l
             LEFT JOIN action a ON a.id = l.action_id
             LEFT JOIN action_plan p ON p.id = a.plan_id
             LEFT JOIN note n ON n.id = l.note_id
             LEFT JOIN board b ON b.id = n.board_id
             WHERE l.workshop_id = ?1 AND {}",
            ctx.live(
                "l.deleted_at IS NULL AND a.deleted_at IS NULL AND p.deleted_at IS NULL
                 AND n.deleted_at IS NULL AND b.deleted_at IS NULL"
            )
        ),
        "l.created_at, l.id",
        move |row| {
            let mut cells = vec![
                text_at(row, 0)?,
                text_at(row, 1)?,
                choice_at(row, 2, &QUADRANT)?,
                text_at(row, 3)?,
                text_at(row, 4)?,
                text_at(row, 5)?,
                time_at(row, 6)?,
                time_at(row, 7)?,
            ];
            push_deleted(ctx, &mut cells, row, 8)?;
            Ok(cells)
        },
    )
}

/// Every change-log entry of the workshop, oldest first (full transfer only).
pub(crate) fn change_log<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    streamed(
        &format::CHANGE_LOG,
        ctx,
        "at, entity, entity_id, op, changes, device_id, edit_id, id, seq, merged_by",
        "FROM change_log WHERE workshop_id = ?1",
        "seq",
        |row| {
            Ok(vec![
                time_at(row, 0)?,
                text_at(row, 1)?,
                text_at(row, 2)?,
                text_at(row, 3)?,
                text_at(row, 4)?,
                text_at(row, 5)?,
                text_at(row, 6)?,
                text_at(row, 7)?,
                integer_at(row, 8)?,
                text_at(row, 9)?,
            ])
        },
    )
}

/// The undo stack (full transfer only).
pub(crate) fn edits<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    streamed(
        &format::EDITS,
        ctx,
        "label, state, seq, at, device_id, id",
        "FROM edit WHERE workshop_id = ?1",
        "seq, id",
        |row| {
            Ok(vec![
                text_at(row, 0)?,
                text_at(row, 1)?,
                integer_at(row, 2)?,
                time_at(row, 3)?,
                text_at(row, 4)?,
                text_at(row, 5)?,
            ])
        },
    )
}
