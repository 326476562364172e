//! Writing a planned import: new records, adopted and chosen values, the workbook's change-log
//! entries this laptop lacks, and an entry for every value the import replaced, all in the one
//! transaction the caller opened.
//!
//! Two laptops can each record what must exist once: a sign-in for the same person and
//! session, a person in two groups of one grouping, the same badge code. The older record (the
//! smaller UUIDv7) stays and the other is retired; both laptops decide alike, whichever imports
//! first.

use super::entities::{self, Entity};
use super::incoming::Incoming;
use super::plan::{Cause, Plan, Side};
use crate::badge;
use crate::changelog::{self, Op};
use crate::db::Writer;
use crate::edit::to_sql;
use crate::error::{Error, Result};
use rusqlite::types::Value as Sql;
use rusqlite::{OptionalExtension, params, params_from_iter};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use uuid::Uuid;

/// What the import did besides what the preview listed.
#[derive(Debug, Default)]
pub(crate) struct Done {
    /// Sentences about records retired as duplicates and badge codes changed.
    pub notes: Vec<String>,
}

/// (field, old, new) of one change-log entry.
type Changes = Vec<(String, Value, Value)>;

pub(crate) fn apply(
    w: &Writer,
    incoming: &Incoming,
    plan: &Plan,
    choices: &HashMap<String, Side>,
    import_id: Uuid,
) -> Result<Done> {
    let workshop = incoming.about.workshop_id;
    // A note may name its heading, a later row; references are checked when the import commits.
    w.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let mut done = Done::default();
    // The workbook's entries first: the entries this import writes come after them in this
    // laptop's order, as they came after them in time.
    let entries = incoming.log.as_deref().unwrap_or_default();
    for entry in plan.log.iter().map(|i| &entries[*i]) {
        w.prepare_cached(
            "INSERT INTO change_log (id, entity, entity_id, workshop_id, op, changes, at, device_id,
                                     edit_id, merged_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            entry.id,
            entry.entity,
            entry.entity_id,
            workshop.to_string(),
            entry.op,
            entry.changes_text,
            entry.at,
            entry.device_id,
            entry.edit_id,
            entry.merged_by,
        ])?;
    }
    // Changes first, inserts after: a sign-in unmarked on the other laptop is retired here
    // before the one that laptop marked again arrives, so the two never meet as twins.
    for change in &plan.changes {
        let entity = change.entity;
        let mut adopted: Changes = Vec::new();
        let mut decided: Changes = Vec::new();
        let mut sets: Vec<(usize, Value)> = Vec::new();
        for f in &change.fields {
            let name = entity.fields[f.index].log.to_string();
            match &f.cause {
                Cause::Adopted => {
                    sets.push((f.index, f.theirs.clone()));
                    adopted.push((name, f.ours.clone(), f.theirs.clone()));
                }
                Cause::HandEdited => {
                    sets.push((f.index, f.theirs.clone()));
                    decided.push((name, f.ours.clone(), f.theirs.clone()));
                }
                Cause::Conflict { key, default } => {
                    let side = choices.get(key).copied().unwrap_or(*default);
                    match (side, side == *default) {
                        (Side::Theirs, true) => {
                            sets.push((f.index, f.theirs.clone()));
                            adopted.push((name, f.ours.clone(), f.theirs.clone()));
                        }
                        (Side::Theirs, false) => {
                            sets.push((f.index, f.theirs.clone()));
                            decided.push((name, f.ours.clone(), f.theirs.clone()));
                        }
                        // Kept against the later change: a change of its own, so that this
                        // value wins on the other laptop too.
                        (Side::Ours, false) => {
                            decided.push((name, f.theirs.clone(), f.ours.clone()));
                        }
                        // Kept as the later change: recorded, so that this laptop's log says
                        // which value it holds (the other side's entry now sits after its own).
                        (Side::Ours, true) => {
                            adopted.push((name, f.theirs.clone(), f.ours.clone()));
                        }
                    }
                }
            }
        }
        if sets.is_empty() && decided.is_empty() {
            if !adopted.is_empty() {
                let op = op_of(&adopted);
                changelog::append_by_import(
                    w,
                    entity.name,
                    change.id,
                    workshop,
                    op,
                    &adopted,
                    Some(import_id),
                )?;
            }
            continue;
        }
        let mut values = current(w, entity, change.id)?;
        for (index, value) in &sets {
            values[*index] = value.clone();
        }
        if let Some(note) =
            retire_duplicate(w, entity, workshop, change.id, None, &mut values, import_id)?
        {
            done.notes.push(note);
        }
        // The later of both sides' times (and now, for a decision here): the same on both
        // laptops whichever imports first, even when their clocks disagree.
        let theirs = change.updated_at.clone().unwrap_or_default();
        let stamp = if decided.is_empty() {
            theirs
        } else {
            std::cmp::max(theirs, w.stamp())
        };
        update_row(w, entity, change.id, &values, &stamp)?;
        for (changes, merged_by) in [(adopted, Some(import_id)), (decided, None)] {
            if !changes.is_empty() {
                let op = op_of(&changes);
                changelog::append_by_import(
                    w,
                    entity.name,
                    change.id,
                    workshop,
                    op,
                    &changes,
                    merged_by,
                )?;
            }
        }
    }
    for insert in &plan.inserts {
        let mut values = insert.values.clone();
        if insert.entity.name == entities::PARTICIPANT.name {
            settle_badge_code(w, workshop, insert.id, &mut values, import_id, &mut done)?;
        }
        let retired = retire_duplicate(
            w,
            insert.entity,
            workshop,
            insert.id,
            Some(&insert.created_at),
            &mut values,
            import_id,
        )?;
        if let Some(note) = retired {
            done.notes.push(note);
        }
        insert_row(
            w,
            insert.entity,
            workshop,
            insert.id,
            &values,
            &insert.created_at,
            &insert.updated_at,
        )?;
        if insert.hand_added || incoming.log.is_none() {
            // Nothing in the workbook's log created it: this laptop records the creation.
            let changes: Changes = insert
                .entity
                .fields
                .iter()
                .zip(&values)
                .map(|(f, v)| (f.log.to_string(), Value::Null, v.clone()))
                .collect();
            changelog::append_by_import(
                w,
                insert.entity.name,
                insert.id,
                workshop,
                Op::Create,
                &changes,
                None,
            )?;
        }
    }
    for (entity, id, updated_at) in &plan.touches {
        w.prepare_cached(&format!(
            "UPDATE {} SET updated_at = max(updated_at, ?2) WHERE id = ?1",
            entity.table
        ))?
        .execute(params![id.to_string(), updated_at])?;
    }
    w.touch_participants();
    Ok(done)
}

/// A delete or restore when only `deletedAt` changes, else an update.
fn op_of(changes: &Changes) -> Op {
    match changes.as_slice() {
        [(field, old, new)] if field == "deletedAt" => match (old.is_null(), new.is_null()) {
            (true, false) => Op::Delete,
            (false, true) => Op::Restore,
            _ => Op::Update,
        },
        _ => Op::Update,
    }
}

fn insert_row(
    w: &Writer,
    entity: &Entity,
    workshop: Uuid,
    id: Uuid,
    values: &[Value],
    created_at: &str,
    updated_at: &str,
) -> Result<()> {
    let mut columns = vec!["id", "created_at", "updated_at"];
    let mut sql: Vec<Sql> = vec![
        Sql::Text(id.to_string()),
        Sql::Text(created_at.to_string()),
        Sql::Text(updated_at.to_string()),
    ];
    if !entity.is_workshop() {
        columns.push("workshop_id");
        sql.push(Sql::Text(workshop.to_string()));
    }
    for (field, value) in entity.fields.iter().zip(values) {
        columns.push(field.column);
        sql.push(to_sql(field.store, value));
    }
    if entity.name == entities::PARTICIPANT.name {
        let (name_key, search_text) = participant_keys(entity, values);
        columns.extend(["name_key", "search_text"]);
        sql.extend([Sql::Text(name_key), Sql::Text(search_text)]);
    }
    let marks: Vec<String> = (1..=sql.len()).map(|i| format!("?{i}")).collect();
    w.prepare_cached(&format!(
        "INSERT INTO {} ({}) VALUES ({})",
        entity.table,
        columns.join(", "),
        marks.join(", ")
    ))?
    .execute(params_from_iter(sql))?;
    Ok(())
}

fn update_row(w: &Writer, entity: &Entity, id: Uuid, values: &[Value], stamp: &str) -> Result<()> {
    let mut assignments = vec!["updated_at = max(updated_at, ?2)".to_string()];
    let mut sql: Vec<Sql> = vec![Sql::Text(id.to_string()), Sql::Text(stamp.to_string())];
    for (field, value) in entity.fields.iter().zip(values) {
        sql.push(to_sql(field.store, value));
        assignments.push(format!("{} = ?{}", field.column, sql.len()));
    }
    if entity.name == entities::PARTICIPANT.name {
        let (name_key, search_text) = participant_keys(entity, values);
        sql.push(Sql::Text(name_key));
        assignments.push(format!("name_key = ?{}", sql.len()));
        sql.push(Sql::Text(search_text));
        assignments.push(format!("search_text = ?{}", sql.len()));
    }
    w.prepare_cached(&format!(
        "UPDATE {} SET {} WHERE id = ?1",
        entity.table,
        assignments.join(", ")
    ))?
    .execute(params_from_iter(sql))?;
    Ok(())
}

/// The stored values of a record, in its fields' order.
fn current(w: &Writer, entity: &Entity, id: Uuid) -> Result<Vec<Value>> {
    let columns: Vec<&str> = entity.fields.iter().map(|f| f.column).collect();
    let row: Vec<Sql> = w
        .prepare_cached(&format!(
            "SELECT {} FROM {} WHERE id = ?1",
            columns.join(", "),
            entity.table
        ))?
        .query_row([id.to_string()], |row| {
            (0..columns.len()).map(|i| row.get::<_, Sql>(i)).collect()
        })?;
    Ok(entity
        .fields
        .iter()
        .zip(row)
        .map(|(f, v)| crate::edit::to_json(f.store, v))
        .collect())
}

fn text_of<'v>(entity: &Entity, values: &'v [Value], field: &str) -> &'v str {
    entity
        .index(field)
        .and_then(|i| values[i].as_str())
        .unwrap_or("")
}

fn participant_keys(entity: &Entity, values: &[Value]) -> (String, String) {
    let country = text_of(entity, values, "country");
    crate::participant::search_keys(
        text_of(entity, values, "fullName"),
        text_of(entity, values, "nameLatin"),
        text_of(entity, values, "organisation"),
        Some(country).filter(|c| !c.is_empty()),
    )
}

/// When the record about to be written live has a live twin by its entity's `once` key (the
/// same sign-in taken on both laptops), the newer of the two is retired: deleted with the
/// later of their creation times, so that both laptops write the same value.
fn retire_duplicate(
    w: &Writer,
    entity: &Entity,
    workshop: Uuid,
    id: Uuid,
    created_at: Option<&str>,
    values: &mut [Value],
    import_id: Uuid,
) -> Result<Option<String>> {
    let Some(deleted) = entity.index("deletedAt") else {
        return Ok(None);
    };
    if entity.once.is_empty() || !values[deleted].is_null() {
        return Ok(None);
    }
    let mut conditions = vec!["id != ?1".to_string(), "deleted_at IS NULL".to_string()];
    let mut sql: Vec<Sql> = vec![Sql::Text(id.to_string())];
    for column in entity.once {
        let field = entity
            .fields
            .iter()
            .position(|f| f.column == *column)
            .unwrap_or(0);
        sql.push(to_sql(entity.fields[field].store, &values[field]));
        conditions.push(format!("{column} = ?{}", sql.len()));
    }
    let twin: Option<(String, String)> = w
        .prepare_cached(&format!(
            "SELECT id, created_at FROM {} WHERE {}",
            entity.table,
            conditions.join(" AND ")
        ))?
        .query_row(params_from_iter(sql), |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let Some((twin, twin_created)) = twin else {
        return Ok(None);
    };
    let own_created: Option<String> = match created_at {
        Some(at) => Some(at.to_string()),
        None => w
            .query_row(
                &format!("SELECT created_at FROM {} WHERE id = ?1", entity.table),
                [id.to_string()],
                |row| row.get(0),
            )
            .optional()?,
    };
    let own_created = own_created.unwrap_or_else(|| twin_created.clone());
    let retired_at = json!(std::cmp::max(own_created, twin_created));
    let twin_id = Uuid::parse_str(&twin).unwrap_or_default();
    let kept = if twin_id < id {
        values[deleted] = retired_at.clone();
        twin_id
    } else {
        w.execute(
            &format!("UPDATE {} SET deleted_at = ?2 WHERE id = ?1", entity.table),
            params![twin, retired_at.as_str()],
        )?;
        changelog::append_by_import(
            w,
            entity.name,
            twin_id,
            workshop,
            Op::Delete,
            &[("deletedAt".into(), Value::Null, retired_at)],
            Some(import_id),
        )?;
        id
    };
    Ok(Some(format!(
        "The same {} was recorded on both laptops; the earlier record ({kept}) is kept and the \
         other is marked deleted.",
        describe(entity)
    )))
}

fn describe(entity: &Entity) -> &'static str {
    match entity.name {
        "attendance" => "sign-in (person, day and session)",
        "group_member" => "membership of a grouping",
        "action_note" => "link between an action and a note",
        other => other,
    }
}

/// A new participant's badge code is unique in the workshop. When the other laptop gave the
/// same code to someone else, the newer of the two gets a code derived from their ID.
fn settle_badge_code(
    w: &Writer,
    workshop: Uuid,
    id: Uuid,
    values: &mut [Value],
    import_id: Uuid,
    done: &mut Done,
) -> Result<()> {
    let entity = &entities::PARTICIPANT;
    let Some(index) = entity.index("badgeCode") else {
        return Ok(());
    };
    let code = values[index].as_str().unwrap_or("").to_string();
    if code.is_empty() {
        values[index] = json!(derived_code(w, workshop, id)?);
        return Ok(());
    }
    let holder: Option<String> = w
        .prepare_cached("SELECT id FROM participant WHERE workshop_id = ?1 AND badge_code = ?2")?
        .query_row(params![workshop.to_string(), code], |row| row.get(0))
        .optional()?;
    let Some(holder) = holder else {
        return Ok(());
    };
    let holder_id = Uuid::parse_str(&holder).unwrap_or_default();
    if holder_id < id {
        values[index] = json!(derived_code(w, workshop, id)?);
        done.notes.push(format!(
            "Two people had the badge code {code}; the one registered later ({id}) now has {}. \
             Print their badge again.",
            values[index].as_str().unwrap_or("")
        ));
    } else {
        let new = derived_code(w, workshop, holder_id)?;
        w.execute(
            "UPDATE participant SET badge_code = ?2 WHERE id = ?1",
            params![holder, new],
        )?;
        changelog::append_by_import(
            w,
            entity.name,
            holder_id,
            workshop,
            Op::Update,
            &[("badgeCode".into(), json!(code), json!(new))],
            Some(import_id),
        )?;
        done.notes.push(format!(
            "Two people had the badge code {code}; the one registered later ({holder_id}) now \
             has {new}. Print their badge again."
        ));
    }
    Ok(())
}

/// A badge code no one in the workshop has, derived from the participant's ID so that both
/// laptops choose the same.
fn derived_code(w: &Writer, workshop: Uuid, id: Uuid) -> Result<String> {
    let mut taken = w.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM participant WHERE workshop_id = ?1 AND badge_code = ?2)",
    )?;
    for attempt in 0_u32.. {
        let mut hash = Sha256::new();
        hash.update(id.as_bytes());
        hash.update(attempt.to_be_bytes());
        let digest = hash.finalize();
        let code: String = digest[..badge::LENGTH]
            .iter()
            .map(|b| char::from(badge::ALPHABET[usize::from(*b) % badge::ALPHABET.len()]))
            .collect();
        let exists: bool =
            taken.query_row(params![workshop.to_string(), code], |row| row.get(0))?;
        if !exists {
            return Ok(code);
        }
    }
    Err(Error::Internal("no badge code is free".into()))
}
