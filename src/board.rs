//! SWOT boards: a question, an optional group, and notes in four quadrants, with votes,
//! headings, merges and the link to the actions that answer them.

use crate::db::{Database, Writer};
use crate::edit::{self, Kind, Table};
use crate::error::{Error, InvalidCode, Result};
use crate::{changelog, groups, ids, plans, validate};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::HashSet;
use uuid::Uuid;

pub(crate) const BOARD: Table = Table {
    entity: "board",
    name: "board",
    fields: &[
        ("question", "question", Kind::Text),
        ("groupId", "group_id", Kind::OptionalText),
        ("priorityVotes", "priority_votes", Kind::Integer),
        ("position", "position", Kind::Real),
        ("deletedAt", "deleted_at", Kind::OptionalText),
    ],
};

pub(crate) const NOTE: Table = Table {
    entity: "note",
    name: "note",
    fields: &[
        ("boardId", "board_id", Kind::Text),
        ("quadrant", "quadrant", Kind::Text),
        ("text", "text", Kind::Text),
        ("position", "position", Kind::Real),
        ("votes", "votes", Kind::Integer),
        ("isHeading", "is_heading", Kind::Bool),
        ("headingId", "heading_id", Kind::OptionalText),
        ("raisedByGroupId", "raised_by_group_id", Kind::OptionalText),
        (
            "raisedByParticipantId",
            "raised_by_participant_id",
            Kind::OptionalText,
        ),
        ("mergedInto", "merged_into", Kind::OptionalText),
        ("deletedAt", "deleted_at", Kind::OptionalText),
    ],
};

/// The four quadrants, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Self::Strengths,
        Self::Weaknesses,
        Self::Opportunities,
        Self::Threats,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Strengths => "strengths",
            Self::Weaknesses => "weaknesses",
            Self::Opportunities => "opportunities",
            Self::Threats => "threats",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|q| q.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    pub id: Uuid,
    pub board_id: Uuid,
    pub quadrant: Quadrant,
    pub text: String,
    pub position: f64,
    pub votes: i64,
    pub is_heading: bool,
    pub heading_id: Option<Uuid>,
    pub raised_by_group_id: Option<Uuid>,
    pub raised_by_participant_id: Option<Uuid>,
    /// The group's or participant's name, for the note's corner.
    pub raised_by: Option<String>,
    /// Live actions that answer this note.
    pub action_count: u32,
    /// At least the board's priority votes.
    pub priority: bool,
    /// A priority that no action answers yet: the room voted for it, nobody took it on.
    pub priority_without_action: bool,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Board {
    pub id: Uuid,
    pub workshop_id: Uuid,
    pub question: String,
    pub group_id: Option<Uuid>,
    pub group_name: Option<String>,
    pub priority_votes: i64,
    /// Notes and headings by quadrant, then by position.
    pub notes: Vec<Note>,
    pub updated_at: String,
}

/// A board in the workshop's list of boards.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BoardSummary {
    pub id: Uuid,
    pub question: String,
    pub group_id: Option<Uuid>,
    pub group_name: Option<String>,
    pub notes: u32,
    pub priorities_without_action: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BoardInput {
    pub question: String,
    pub group_id: Option<Uuid>,
    pub priority_votes: Option<i64>,
}

/// Who raised a note: a group, a participant, or nobody in particular.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RaisedBy {
    pub group_id: Option<Uuid>,
    pub participant_id: Option<Uuid>,
}

const DEFAULT_PRIORITY_VOTES: i64 = 3;

fn valid_question(question: &str) -> Result<String> {
    validate::multiline_text("question", "The question", question, 500).and_then(|q| {
        if q.is_empty() {
            Err(Error::invalid(
                InvalidCode::Required,
                "question",
                "Type the question the board answers",
            ))
        } else {
            Ok(q)
        }
    })
}

fn valid_text(text: &str) -> Result<String> {
    let text = validate::multiline_text("text", "The note", text, 1000)?;
    if text.is_empty() {
        return Err(Error::invalid(
            InvalidCode::Required,
            "text",
            "A note needs some text",
        ));
    }
    Ok(text)
}

fn valid_votes(field: &'static str, votes: i64) -> Result<i64> {
    if !(0..=999).contains(&votes) {
        return Err(Error::invalid(
            InvalidCode::OutOfRange,
            field,
            "Votes go from 0 to 999",
        ));
    }
    Ok(votes)
}

/// A group of the same workshop, or not found.
fn check_group(conn: &Connection, workshop_id: Uuid, group_id: Option<Uuid>) -> Result<()> {
    if let Some(group_id) = group_id
        && groups::workshop_of(conn, &groups::GROUP, group_id)? != workshop_id
    {
        return Err(Error::not_found(groups::GROUP.entity, &group_id));
    }
    Ok(())
}

fn check_raised_by(conn: &Connection, workshop_id: Uuid, raised_by: RaisedBy) -> Result<()> {
    check_group(conn, workshop_id, raised_by.group_id)?;
    if let Some(id) = raised_by.participant_id
        && crate::participant::get(conn, id)?.workshop_id != workshop_id
    {
        return Err(Error::not_found(crate::participant::ENTITY, &id));
    }
    Ok(())
}

pub fn list(conn: &Connection, workshop_id: Uuid) -> Result<Vec<BoardSummary>> {
    let mut statement = conn.prepare_cached(
        "SELECT b.id, b.question, b.group_id, g.name, b.priority_votes,
                (SELECT COUNT(*) FROM note n WHERE n.board_id = b.id AND n.deleted_at IS NULL
                   AND n.is_heading = 0),
                (SELECT COUNT(*) FROM note n WHERE n.board_id = b.id AND n.deleted_at IS NULL
                   AND n.is_heading = 0 AND n.votes >= b.priority_votes AND n.votes > 0
                   AND NOT EXISTS (SELECT 1 FROM action_note l JOIN action a ON a.id = l.action_id
                                   WHERE l.note_id = n.id AND l.deleted_at IS NULL
                                     AND a.deleted_at IS NULL))
         FROM board b LEFT JOIN work_group g ON g.id = b.group_id AND g.deleted_at IS NULL
         WHERE b.workshop_id = ?1 AND b.deleted_at IS NULL ORDER BY b.position",
    )?;
    let rows = statement.query_map([workshop_id.to_string()], |r| {
        Ok(BoardSummary {
            id: ids::read(&r.get::<_, String>(0)?),
            question: r.get(1)?,
            group_id: ids::read_optional(r.get(2)?),
            group_name: r.get(3)?,
            notes: r.get(5)?,
            priorities_without_action: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, board_id: Uuid) -> Result<Board> {
    let mut board = conn
        .prepare_cached(
            "SELECT b.id, b.workshop_id, b.question, b.group_id, g.name, b.priority_votes,
                    b.updated_at
             FROM board b LEFT JOIN work_group g ON g.id = b.group_id AND g.deleted_at IS NULL
             WHERE b.id = ?1 AND b.deleted_at IS NULL",
        )?
        .query_row([board_id.to_string()], |r| {
            Ok(Board {
                id: ids::read(&r.get::<_, String>(0)?),
                workshop_id: ids::read(&r.get::<_, String>(1)?),
                question: r.get(2)?,
                group_id: ids::read_optional(r.get(3)?),
                group_name: r.get(4)?,
                priority_votes: r.get(5)?,
                notes: Vec::new(),
                updated_at: r.get(6)?,
            })
        })
        .optional()?
        .ok_or_else(|| Error::not_found(BOARD.entity, &board_id))?;
    let mut statement = conn.prepare_cached(
        "SELECT n.id, n.quadrant, n.text, n.position, n.votes, n.is_heading, n.heading_id,
                n.raised_by_group_id, n.raised_by_participant_id,
                COALESCE(g.name, p.full_name),
                (SELECT COUNT(*) FROM action_note l JOIN action a ON a.id = l.action_id
                 WHERE l.note_id = n.id AND l.deleted_at IS NULL AND a.deleted_at IS NULL),
                n.updated_at
         FROM note n
         LEFT JOIN work_group g ON g.id = n.raised_by_group_id
         LEFT JOIN participant p ON p.id = n.raised_by_participant_id
         WHERE n.board_id = ?1 AND n.deleted_at IS NULL
         ORDER BY n.position",
    )?;
    let threshold = board.priority_votes.max(1);
    let mut notes: Vec<Note> = statement
        .query_map([board_id.to_string()], |r| {
            let votes: i64 = r.get(4)?;
            let is_heading: bool = r.get(5)?;
            let action_count: u32 = r.get(10)?;
            let priority = !is_heading && votes >= threshold;
            Ok(Note {
                id: ids::read(&r.get::<_, String>(0)?),
                board_id,
                quadrant: Quadrant::parse(&r.get::<_, String>(1)?).unwrap_or(Quadrant::Strengths),
                text: r.get(2)?,
                position: r.get(3)?,
                votes,
                is_heading,
                heading_id: ids::read_optional(r.get(6)?),
                raised_by_group_id: ids::read_optional(r.get(7)?),
                raised_by_participant_id: ids::read_optional(r.get(8)?),
                raised_by: r.get(9)?,
                action_count,
                priority,
                priority_without_action: priority && action_count == 0,
                updated_at: r.get(11)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    notes.sort_by_key(|n| Quadrant::ALL.iter().position(|q| *q == n.quadrant));
    board.notes = notes;
    Ok(board)
}

/// The board of a live note, and its workshop.
fn note_home(conn: &Connection, note_id: Uuid) -> Result<(Uuid, Uuid)> {
    conn.prepare_cached(
        "SELECT board_id, workshop_id FROM note WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([note_id.to_string()], |r| {
        Ok((
            ids::read(&r.get::<_, String>(0)?),
            ids::read(&r.get::<_, String>(1)?),
        ))
    })
    .optional()?
    .ok_or_else(|| Error::not_found(NOTE.entity, &note_id))
}

fn note(conn: &Connection, note_id: Uuid) -> Result<Note> {
    let (board_id, _) = note_home(conn, note_id)?;
    get(conn, board_id)?
        .notes
        .into_iter()
        .find(|n| n.id == note_id)
        .ok_or_else(|| Error::not_found(NOTE.entity, &note_id))
}

pub fn create(
    db: &mut Database,
    workshop_id: Uuid,
    input: &BoardInput,
    now: DateTime<Utc>,
) -> Result<Board> {
    let question = valid_question(&input.question)?;
    let priority_votes = valid_votes(
        "priorityVotes",
        input.priority_votes.unwrap_or(DEFAULT_PRIORITY_VOTES),
    )?;
    crate::workshop::get(db.conn(), workshop_id)?;
    check_group(db.conn(), workshop_id, input.group_id)?;
    let last: Option<f64> = db
        .conn()
        .prepare_cached(
            "SELECT MAX(position) FROM board WHERE workshop_id = ?1 AND deleted_at IS NULL",
        )?
        .query_row([workshop_id.to_string()], |r| r.get(0))?;
    let id = edit::record(db, workshop_id, "board.create", now, |w| {
        let id = w.new_id();
        edit::insert(
            w,
            &BOARD,
            id,
            workshop_id,
            &[
                ("question", json!(question)),
                ("groupId", json!(input.group_id)),
                ("priorityVotes", json!(priority_votes)),
                ("position", json!(edit::between(last, None))),
            ],
        )?;
        Ok(id)
    })?;
    get(db.conn(), id)
}

pub fn update(
    db: &mut Database,
    board_id: Uuid,
    input: &BoardInput,
    now: DateTime<Utc>,
) -> Result<Board> {
    let question = valid_question(&input.question)?;
    let board = get(db.conn(), board_id)?;
    let priority_votes = valid_votes(
        "priorityVotes",
        input.priority_votes.unwrap_or(board.priority_votes),
    )?;
    check_group(db.conn(), board.workshop_id, input.group_id)?;
    edit::record(db, board.workshop_id, "board.update", now, |w| {
        edit::update(
            w,
            &BOARD,
            board_id,
            board.workshop_id,
            &[
                ("question", json!(question)),
                ("groupId", json!(input.group_id)),
                ("priorityVotes", json!(priority_votes)),
            ],
        )
    })?;
    get(db.conn(), board_id)
}

/// Deletes a board with its notes (the actions that answered them keep their text; the links
/// go with the notes).
pub fn delete(db: &mut Database, board_id: Uuid, now: DateTime<Utc>) -> Result<()> {
    let board = get(db.conn(), board_id)?;
    edit::record(db, board.workshop_id, "board.delete", now, |w| {
        for note in &board.notes {
            delete_note_in(w, board.workshop_id, note.id)?;
        }
        edit::delete(w, &BOARD, board_id, board.workshop_id)?;
        Ok(())
    })
}

/// Adds a note at the end of a quadrant.
pub fn add_note(
    db: &mut Database,
    board_id: Uuid,
    quadrant: Quadrant,
    text: &str,
    raised_by: RaisedBy,
    now: DateTime<Utc>,
) -> Result<Note> {
    insert_note(db, board_id, quadrant, text, raised_by, None, now)
}

/// Adds a heading with `gathered` notes of its quadrant put under it, in the same edit (one undo
/// takes both back): where the first of them was, or at the end of the quadrant when it gathers
/// none. More notes join it with [`set_heading`].
pub fn add_heading(
    db: &mut Database,
    board_id: Uuid,
    quadrant: Quadrant,
    text: &str,
    gathered: &[Uuid],
    now: DateTime<Utc>,
) -> Result<Note> {
    insert_note(
        db,
        board_id,
        quadrant,
        text,
        RaisedBy::default(),
        Some(gathered),
        now,
    )
}

/// Inserts a note, or with `heading: Some(gathered)` a heading with those notes under it.
fn insert_note(
    db: &mut Database,
    board_id: Uuid,
    quadrant: Quadrant,
    text: &str,
    raised_by: RaisedBy,
    heading: Option<&[Uuid]>,
    now: DateTime<Utc>,
) -> Result<Note> {
    let text = valid_text(text)?;
    let board = get(db.conn(), board_id)?;
    check_raised_by(db.conn(), board.workshop_id, raised_by)?;
    let gathered = heading.unwrap_or_default();
    for note_id in gathered {
        let note = board
            .notes
            .iter()
            .find(|n| n.id == *note_id)
            .ok_or_else(|| Error::not_found(NOTE.entity, note_id))?;
        if note.is_heading || note.quadrant != quadrant {
            return Err(Error::invalid(
                InvalidCode::InvalidValue,
                "noteIds",
                "A note goes under a heading of its own quadrant",
            ));
        }
    }
    let in_quadrant: Vec<&Note> = board
        .notes
        .iter()
        .filter(|n| n.quadrant == quadrant)
        .collect();
    // A plain note goes last; a heading that gathers notes goes where the first of them was
    // (above the heading it was under, if any), so the group stays where the eye left it.
    let anchor = gathered.first().and_then(|first| {
        let note = in_quadrant.iter().find(|n| n.id == *first)?;
        let heading = note
            .heading_id
            .and_then(|h| in_quadrant.iter().position(|n| n.id == h));
        heading.or_else(|| in_quadrant.iter().position(|n| n.id == note.id))
    });
    let position = match anchor {
        Some(at) => edit::between(
            at.checked_sub(1).map(|i| in_quadrant[i].position),
            Some(in_quadrant[at].position),
        ),
        None => edit::between(in_quadrant.last().map(|n| n.position), None),
    };
    let label = if heading.is_some() {
        "note.heading"
    } else {
        "note.add"
    };
    let id = edit::record(db, board.workshop_id, label, now, |w| {
        let id = w.new_id();
        edit::insert(
            w,
            &NOTE,
            id,
            board.workshop_id,
            &[
                ("boardId", json!(board_id)),
                ("quadrant", json!(quadrant.as_str())),
                ("text", json!(text)),
                ("position", json!(position)),
                ("isHeading", json!(heading.is_some())),
                ("raisedByGroupId", json!(raised_by.group_id)),
                ("raisedByParticipantId", json!(raised_by.participant_id)),
            ],
        )?;
        for note_id in gathered {
            edit::update(
                w,
                &NOTE,
                *note_id,
                board.workshop_id,
                &[("headingId", json!(id))],
            )?;
        }
        Ok(id)
    })?;
    note(db.conn(), id)
}

pub fn edit_note(db: &mut Database, note_id: Uuid, text: &str, now: DateTime<Utc>) -> Result<Note> {
    let text = valid_text(text)?;
    let (_, workshop_id) = note_home(db.conn(), note_id)?;
    edit::record(db, workshop_id, "note.edit", now, |w| {
        edit::update(w, &NOTE, note_id, workshop_id, &[("text", json!(text))])
    })?;
    note(db.conn(), note_id)
}

pub fn set_raised_by(
    db: &mut Database,
    note_id: Uuid,
    raised_by: RaisedBy,
    now: DateTime<Utc>,
) -> Result<Note> {
    let (_, workshop_id) = note_home(db.conn(), note_id)?;
    check_raised_by(db.conn(), workshop_id, raised_by)?;
    edit::record(db, workshop_id, "note.raisedBy", now, |w| {
        edit::update(
            w,
            &NOTE,
            note_id,
            workshop_id,
            &[
                ("raisedByGroupId", json!(raised_by.group_id)),
                ("raisedByParticipantId", json!(raised_by.participant_id)),
            ],
        )
    })?;
    note(db.conn(), note_id)
}

pub fn set_votes(db: &mut Database, note_id: Uuid, votes: i64, now: DateTime<Utc>) -> Result<Note> {
    let votes = valid_votes("votes", votes)?;
    let (_, workshop_id) = note_home(db.conn(), note_id)?;
    edit::record(db, workshop_id, "note.votes", now, |w| {
        edit::update(w, &NOTE, note_id, workshop_id, &[("votes", json!(votes))])
    })?;
    note(db.conn(), note_id)
}

/// Deletes a note; a heading's notes stay, no longer under it; links to actions go with it.
pub fn delete_note(db: &mut Database, note_id: Uuid, now: DateTime<Utc>) -> Result<Board> {
    let (board_id, workshop_id) = note_home(db.conn(), note_id)?;
    edit::record(db, workshop_id, "note.delete", now, |w| {
        delete_note_in(w, workshop_id, note_id)
    })?;
    get(db.conn(), board_id)
}

fn delete_note_in(w: &Writer, workshop_id: Uuid, note_id: Uuid) -> Result<()> {
    for under in edit::live_ids(w, "note", "heading_id", note_id)? {
        edit::update(w, &NOTE, under, workshop_id, &[("headingId", Value::Null)])?;
    }
    for link in edit::live_ids(w, "action_note", "note_id", note_id)? {
        edit::delete(w, &plans::LINK, link, workshop_id)?;
    }
    edit::delete(w, &NOTE, note_id, workshop_id)?;
    Ok(())
}

/// Moves a note to a quadrant, before the note `before` (or to the end). A note that leaves
/// its heading's quadrant leaves the heading; a heading takes its notes along.
pub fn move_note(
    db: &mut Database,
    note_id: Uuid,
    quadrant: Quadrant,
    before: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Board> {
    let (board_id, workshop_id) = note_home(db.conn(), note_id)?;
    let board = get(db.conn(), board_id)?;
    let moving = board
        .notes
        .iter()
        .find(|n| n.id == note_id)
        .ok_or_else(|| Error::not_found(NOTE.entity, &note_id))?
        .clone();
    let others: Vec<&Note> = board
        .notes
        .iter()
        .filter(|n| n.quadrant == quadrant && n.id != note_id)
        .collect();
    let position = match before {
        Some(before) => {
            let at = others
                .iter()
                .position(|n| n.id == before)
                .ok_or_else(|| Error::not_found(NOTE.entity, &before))?;
            edit::between(
                at.checked_sub(1).map(|i| others[i].position),
                Some(others[at].position),
            )
        }
        None => edit::between(others.last().map(|n| n.position), None),
    };
    let heading_stays = moving
        .heading_id
        .and_then(|h| board.notes.iter().find(|n| n.id == h))
        .is_some_and(|h| h.quadrant == quadrant);
    edit::record(db, workshop_id, "note.move", now, |w| {
        let mut fields = vec![
            ("quadrant", json!(quadrant.as_str())),
            ("position", json!(position)),
        ];
        if !heading_stays {
            fields.push(("headingId", Value::Null));
        }
        edit::update(w, &NOTE, note_id, workshop_id, &fields)?;
        if moving.is_heading {
            for under in board.notes.iter().filter(|n| n.heading_id == Some(note_id)) {
                edit::update(
                    w,
                    &NOTE,
                    under.id,
                    workshop_id,
                    &[("quadrant", json!(quadrant.as_str()))],
                )?;
            }
        }
        Ok(())
    })?;
    get(db.conn(), board_id)
}

/// Puts a note under a heading of the same quadrant, or (None) under none.
pub fn set_heading(
    db: &mut Database,
    note_id: Uuid,
    heading_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Board> {
    let (board_id, workshop_id) = note_home(db.conn(), note_id)?;
    let board = get(db.conn(), board_id)?;
    let target = board.notes.iter().find(|n| n.id == note_id);
    if let Some(heading_id) = heading_id {
        let heading = board
            .notes
            .iter()
            .find(|n| n.id == heading_id && n.is_heading)
            .ok_or_else(|| Error::not_found(NOTE.entity, &heading_id))?;
        if target.is_some_and(|n| n.is_heading || n.quadrant != heading.quadrant) {
            return Err(Error::invalid(
                InvalidCode::InvalidValue,
                "headingId",
                "A note goes under a heading of its own quadrant",
            ));
        }
    }
    edit::record(db, workshop_id, "note.group", now, |w| {
        edit::update(
            w,
            &NOTE,
            note_id,
            workshop_id,
            &[("headingId", json!(heading_id))],
        )
    })?;
    get(db.conn(), board_id)
}

/// Merges `merged` into `kept`, two near-duplicates of one board: the kept note's text gets the
/// other's on a new line, the votes add up, the actions that answered either answer the kept
/// one, and the merged note is deleted, marked as merged into the kept one. Both texts stay in
/// the history, and undo takes the whole merge back.
pub fn merge_notes(
    db: &mut Database,
    kept: Uuid,
    merged: Uuid,
    now: DateTime<Utc>,
) -> Result<Board> {
    if kept == merged {
        return Err(Error::invalid(
            InvalidCode::InvalidValue,
            "noteId",
            "Choose two different notes to merge",
        ));
    }
    let (board_id, workshop_id) = note_home(db.conn(), kept)?;
    let board = get(db.conn(), board_id)?;
    let find = |id: Uuid| {
        board
            .notes
            .iter()
            .find(|n| n.id == id && !n.is_heading)
            .cloned()
            .ok_or_else(|| Error::not_found(NOTE.entity, &id))
    };
    let (keep, gone) = (find(kept)?, find(merged)?);
    let text = format!("{}\n{}", keep.text, gone.text);
    let kept_links: HashSet<Uuid> = links_of(db.conn(), kept)?
        .into_iter()
        .map(|(_, a)| a)
        .collect();
    let moved_links = links_of(db.conn(), merged)?;
    edit::record(db, workshop_id, "note.merge", now, |w| {
        edit::update(
            w,
            &NOTE,
            kept,
            workshop_id,
            &[
                ("text", json!(text)),
                ("votes", json!(keep.votes + gone.votes)),
            ],
        )?;
        for (link, action) in &moved_links {
            if kept_links.contains(action) {
                edit::delete(w, &plans::LINK, *link, workshop_id)?;
            } else {
                edit::update(
                    w,
                    &plans::LINK,
                    *link,
                    workshop_id,
                    &[("noteId", json!(kept))],
                )?;
            }
        }
        edit::update(
            w,
            &NOTE,
            merged,
            workshop_id,
            &[("mergedInto", json!(kept)), ("deletedAt", json!(w.stamp()))],
        )?;
        Ok(())
    })?;
    get(db.conn(), board_id)
}

/// The live links of a note: (link, action).
fn links_of(conn: &Connection, note_id: Uuid) -> Result<Vec<(Uuid, Uuid)>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, action_id FROM action_note WHERE note_id = ?1 AND deleted_at IS NULL",
    )?;
    let rows = statement.query_map([note_id.to_string()], |r| {
        Ok((
            ids::read(&r.get::<_, String>(0)?),
            ids::read(&r.get::<_, String>(1)?),
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The ranking view: each quadrant's notes by votes, most first (ties keep the board's order);
/// headings left out.
pub fn ranking(conn: &Connection, board_id: Uuid) -> Result<Vec<(Quadrant, Vec<Note>)>> {
    let board = get(conn, board_id)?;
    Ok(Quadrant::ALL
        .into_iter()
        .map(|q| {
            let mut notes: Vec<Note> = board
                .notes
                .iter()
                .filter(|n| n.quadrant == q && !n.is_heading)
                .cloned()
                .collect();
            notes.sort_by_key(|n| std::cmp::Reverse(n.votes));
            (q, notes)
        })
        .collect())
}

/// The boards of a workshop that ask the same question (compared without case or extra
/// spaces), side by side: the same question answered by several groups.
pub fn compare(conn: &Connection, board_id: Uuid) -> Result<Vec<Board>> {
    let board = get(conn, board_id)?;
    let key = |q: &str| {
        q.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let question = key(&board.question);
    list(conn, board.workshop_id)?
        .into_iter()
        .filter(|b| key(&b.question) == question)
        .map(|b| get(conn, b.id))
        .collect()
}

/// The history of a note, with the actions linked to it: every change, who made it (the
/// device) and when.
pub fn note_history(conn: &Connection, note_id: Uuid) -> Result<Vec<changelog::ChangeEntry>> {
    let links = plans::links_ever(conn, "note_id", note_id)?;
    changelog::history_with_links(conn, NOTE.entity, note_id, plans::LINK.entity, &links)
}

/// Changes whenever anything of the board's workshop changes: the projector's window asks for it
/// a few times a second and fetches the board again only when it moved.
pub fn stamp(conn: &Connection, board_id: Uuid) -> Result<String> {
    let workshop_id = groups::workshop_of(conn, &BOARD, board_id)?;
    let seq: Option<i64> = conn
        .prepare_cached("SELECT MAX(seq) FROM change_log WHERE workshop_id = ?1")?
        .query_row([workshop_id.to_string()], |r| r.get(0))?;
    Ok(seq.unwrap_or_default().to_string())
}
