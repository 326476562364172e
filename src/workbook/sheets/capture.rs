//! What the working groups produced: who is in which group, the SWOT notes (one row each, with
//! their rank and the actions that answer them) and the actions of the plans.

use super::{
    Context, choice_at, country_name, date_at, push_deleted, real_at, streamed, text_at, time_at,
};
use crate::board;
use crate::error::Result;
use crate::workbook::checksum::Cell;
use crate::workbook::format::{self, QUADRANT, SCOPE, SEX, STATUS};
use crate::workbook::table::SheetJob;
use std::collections::HashMap;

/// One row per member of a group: the grouping, the group, the participant.
pub(crate) fn groups<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    streamed(
        &format::GROUPS,
        ctx,
        "s.name, g.name, p.full_name, p.name_latin, p.sex, p.country, p.organisation,
         m.id, m.grouping_id, m.group_id, m.participant_id, m.created_at, m.updated_at,
         m.deleted_at",
        &format!(
            "FROM group_member m
             LEFT JOIN grouping s ON s.id = m.grouping_id
             LEFT JOIN work_group g ON g.id = m.group_id
             LEFT JOIN participant p ON p.id = m.participant_id
             WHERE m.workshop_id = ?1 AND {}",
            ctx.live(
                "m.deleted_at IS NULL AND s.deleted_at IS NULL AND g.deleted_at IS NULL
                 AND p.deleted_at IS NULL"
            )
        ),
        "s.position, s.id, g.position, g.id, p.name_latin COLLATE NOCASE, p.full_name, m.id",
        move |row| {
            let mut cells = vec![
                text_at(row, 0)?,
                text_at(row, 1)?,
                text_at(row, 2)?,
                text_at(row, 3)?,
                choice_at(row, 4, &SEX)?,
                text_at(row, 5)?,
                text_at(row, 6)?,
                text_at(row, 7)?,
                text_at(row, 8)?,
                text_at(row, 9)?,
                text_at(row, 10)?,
                time_at(row, 11)?,
                time_at(row, 12)?,
            ];
            push_deleted(ctx, &mut cells, row, 13)?;
            Ok(cells)
        },
    )
}

/// Each live note's rank in its quadrant (by votes, as the ranking view shows it) and whether
/// it is a priority, from [`board::ranking`].
fn ranks(ctx: &Context) -> Result<HashMap<String, (i64, bool)>> {
    let mut ranks = HashMap::new();
    for summary in board::list(ctx.conn, ctx.workshop.id)? {
        for (_, notes) in board::ranking(ctx.conn, summary.id)? {
            for (index, note) in notes.iter().enumerate() {
                ranks.insert(note.id.to_string(), (index as i64 + 1, note.priority));
            }
        }
    }
    Ok(ranks)
}

/// Lines of text per key, from a query of (key, line).
fn lines_by(ctx: &Context, sql: &str) -> Result<HashMap<String, Vec<String>>> {
    let mut lines: HashMap<String, Vec<String>> = HashMap::new();
    let mut statement = ctx.conn.prepare(sql)?;
    let mut rows = statement.query([ctx.workshop_key()])?;
    while let Some(row) = rows.next()? {
        lines.entry(row.get(0)?).or_default().push(row.get(1)?);
    }
    Ok(lines)
}

/// The live links as the app counts them: the link, its action and plan, its note and board
/// all live.
const LIVE_LINKS: &str = "FROM action_note l
     JOIN action a ON a.id = l.action_id AND a.deleted_at IS NULL
     JOIN action_plan p ON p.id = a.plan_id AND p.deleted_at IS NULL
     JOIN note n ON n.id = l.note_id AND n.deleted_at IS NULL
     JOIN board b ON b.id = n.board_id AND b.deleted_at IS NULL
     WHERE l.workshop_id = ?1 AND l.deleted_at IS NULL";

/// Items as a list, each starting with a bullet (an item may itself run over several lines).
fn bullets(items: Option<&Vec<String>>) -> Cell {
    Cell::text(
        items
            .map(|items| {
                items
                    .iter()
                    .map(|item| format!("• {item}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default(),
    )
}

fn quadrant_label(quadrant: &str) -> &str {
    QUADRANT.label(quadrant)
}

/// One row per SWOT note (and heading): board, question, group, quadrant, heading, text,
/// votes, rank, who raised it, the actions that answer it.
pub(crate) fn swot<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    let ranks = ranks(ctx)?;
    let actions = lines_by(
        ctx,
        &format!("SELECT l.note_id, a.description {LIVE_LINKS} ORDER BY l.created_at, l.id"),
    )?;
    streamed(
        &format::SWOT,
        ctx,
        "b.question, bg.name, n.quadrant, h.text, n.text, n.is_heading, n.votes,
         COALESCE(rg.name, rp.full_name), n.merged_into, n.id, n.board_id, n.heading_id,
         n.raised_by_group_id, n.raised_by_participant_id, n.position, n.created_at,
         n.updated_at, n.deleted_at",
        &format!(
            "FROM note n
             LEFT JOIN board b ON b.id = n.board_id
             LEFT JOIN work_group bg ON bg.id = b.group_id AND bg.deleted_at IS NULL
             LEFT JOIN note h ON h.id = n.heading_id
             LEFT JOIN work_group rg ON rg.id = n.raised_by_group_id
             LEFT JOIN participant rp ON rp.id = n.raised_by_participant_id
             WHERE n.workshop_id = ?1 AND {}",
            ctx.live("n.deleted_at IS NULL AND b.deleted_at IS NULL")
        ),
        "b.position, b.id,
         CASE n.quadrant WHEN 'strengths' THEN 0 WHEN 'weaknesses' THEN 1
                         WHEN 'opportunities' THEN 2 ELSE 3 END,
         n.position, n.id",
        move |row| {
            let id: String = row.get(9)?;
            let rank = ranks.get(&id);
            let mut cells = vec![
                text_at(row, 0)?,
                text_at(row, 1)?,
                Cell::optional_text(
                    row.get::<_, Option<String>>(2)?
                        .map(|q| quadrant_label(&q).to_string()),
                ),
                text_at(row, 3)?,
                text_at(row, 4)?,
                Cell::Bool(row.get(5)?),
                Cell::Integer(row.get(6)?),
                rank.map_or(Cell::Empty, |(rank, _)| Cell::Integer(*rank)),
                rank.map_or(Cell::Empty, |(_, priority)| Cell::Bool(*priority)),
                text_at(row, 7)?,
                bullets(actions.get(&id)),
                text_at(row, 8)?,
                Cell::text(id),
                text_at(row, 10)?,
                text_at(row, 11)?,
                text_at(row, 12)?,
                text_at(row, 13)?,
                real_at(row, 14)?,
                time_at(row, 15)?,
                time_at(row, 16)?,
            ];
            push_deleted(ctx, &mut cells, row, 17)?;
            Ok(cells)
        },
    )
}

/// An action's themes, one per line (a theme holds no line break, so the list reads back
/// exactly); a value that is not a list of text is written as it is stored.
pub(crate) fn themes(json: &str) -> Cell {
    match serde_json::from_str::<Vec<String>>(json) {
        Ok(themes) => Cell::text(themes.join("\n")),
        Err(_) => Cell::text(json),
    }
}

/// One row per action, with its plan's fields and the notes it answers.
pub(crate) fn action_plans<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    let notes = lines_by(
        ctx,
        &format!(
            "SELECT l.action_id,
                    CASE n.quadrant WHEN 'strengths' THEN 'Strength' WHEN 'weaknesses'
                         THEN 'Weakness' WHEN 'opportunities' THEN 'Opportunity'
                         ELSE 'Threat' END || ': ' || n.text
                    || ' (' || n.votes || CASE n.votes WHEN 1 THEN ' vote)' ELSE ' votes)' END
             {LIVE_LINKS} ORDER BY l.created_at, l.id"
        ),
    )?;
    streamed(
        &format::ACTION_PLANS,
        ctx,
        "p.title, p.scope, p.country, p.organisation, g.name, a.description, a.responsible,
         a.partners, a.start_date, a.due_date, a.status, a.resources, a.indicator, a.baseline,
         a.target, a.themes, a.id, a.plan_id, a.position, a.created_at, a.updated_at,
         a.deleted_at",
        &format!(
            "FROM action a
             LEFT JOIN action_plan p ON p.id = a.plan_id
             LEFT JOIN work_group g ON g.id = p.group_id AND g.deleted_at IS NULL
             WHERE a.workshop_id = ?1 AND {}",
            ctx.live("a.deleted_at IS NULL AND p.deleted_at IS NULL")
        ),
        "p.position, p.id, a.position, a.id",
        move |row| {
            let id: String = row.get(16)?;
            let country: Option<String> = row.get(2)?;
            let mut cells = vec![
                text_at(row, 0)?,
                choice_at(row, 1, &SCOPE)?,
                country_name(country.as_deref()),
                text_at(row, 3)?,
                text_at(row, 4)?,
                text_at(row, 5)?,
                text_at(row, 6)?,
                text_at(row, 7)?,
                date_at(row, 8)?,
                date_at(row, 9)?,
                choice_at(row, 10, &STATUS)?,
                text_at(row, 11)?,
                text_at(row, 12)?,
                text_at(row, 13)?,
                text_at(row, 14)?,
                themes(&row.get::<_, String>(15)?),
                bullets(notes.get(&id)),
                Cell::text(id),
                text_at(row, 17)?,
                real_at(row, 18)?,
                time_at(row, 19)?,
                time_at(row, 20)?,
            ];
            push_deleted(ctx, &mut cells, row, 21)?;
            Ok(cells)
        },
    )
}
