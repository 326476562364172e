//! Undoable edits of what the room produces (groups, SWOT boards, action plans), backed by the
//! change log.
//!
//! Each user action is one [`Edit`]: one transaction whose change-log entries all carry the
//! edit's ID. Every row it touches is described by a [`Table`], so one generic routine can apply
//! an edit's logged values backwards (undo) or forwards (redo): a created row is deleted again,
//! a deleted one restored, an updated field set back to its old value. Undo and redo are edits
//! of the database too, logged like any other change, so the history of a note shows them.
//!
//! The undo stack lives in the `edit` table, per workshop: undo takes the newest `done` edit,
//! redo the oldest `undone` one, and a new edit discards what could have been redone. It
//! survives a restart, like the data it describes.

use crate::changelog::{self, Change, Op};
use crate::db::{Database, Writer};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::types::Value as Sql;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde_json::{Value, json};
use uuid::Uuid;

/// How a field is stored, so that logged JSON and SQLite values convert both ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    /// Text or NULL (an optional date, country or reference).
    OptionalText,
    Integer,
    Real,
    Bool,
    /// A JSON value kept as text (a list of themes).
    Json,
}

/// A table of undoable rows: its change-log entity name and its fields (the change log's
/// camelCase name, the column, the kind). Every such table has `id`, `workshop_id`,
/// `created_at`, `updated_at` and `deleted_at`.
#[derive(Debug)]
pub(crate) struct Table {
    pub entity: &'static str,
    pub name: &'static str,
    pub fields: &'static [(&'static str, &'static str, Kind)],
}

impl Table {
    fn field(&self, field: &str) -> Option<(&'static str, &'static str, Kind)> {
        self.fields.iter().copied().find(|(f, _, _)| *f == field)
    }
}

const DELETED_AT: &str = "deletedAt";

/// Every table whose edits can be undone; see the modules that own them.
fn tables() -> [&'static Table; 8] {
    [
        &crate::groups::GROUPING,
        &crate::groups::GROUP,
        &crate::groups::MEMBER,
        &crate::board::BOARD,
        &crate::board::NOTE,
        &crate::plans::PLAN,
        &crate::plans::ACTION,
        &crate::plans::LINK,
    ]
}

fn table_of(entity: &str) -> Result<&'static Table> {
    tables()
        .into_iter()
        .find(|t| t.entity == entity)
        .ok_or_else(|| Error::Internal(format!("no undo for {entity} records")))
}

pub(crate) fn to_sql(kind: Kind, value: &Value) -> Sql {
    match (kind, value) {
        (_, Value::Null) => Sql::Null,
        (Kind::Json, v) => Sql::Text(v.to_string()),
        (Kind::Bool, Value::Bool(b)) => Sql::Integer(i64::from(*b)),
        (_, Value::Bool(b)) => Sql::Integer(i64::from(*b)),
        (Kind::Real, Value::Number(n)) => Sql::Real(n.as_f64().unwrap_or_default()),
        (_, Value::Number(n)) => n
            .as_i64()
            .map_or_else(|| Sql::Real(n.as_f64().unwrap_or_default()), Sql::Integer),
        (_, Value::String(s)) => Sql::Text(s.clone()),
        (_, v) => Sql::Text(v.to_string()),
    }
}

pub(crate) fn to_json(kind: Kind, value: Sql) -> Value {
    match (kind, value) {
        (_, Sql::Null) => Value::Null,
        (Kind::Bool, Sql::Integer(i)) => Value::Bool(i != 0),
        (Kind::Json, Sql::Text(t)) => serde_json::from_str(&t).unwrap_or(Value::Null),
        (Kind::Real, Sql::Integer(i)) => json!(i as f64),
        (_, Sql::Integer(i)) => json!(i),
        (_, Sql::Real(r)) => json!(r),
        (_, Sql::Text(t)) => Value::String(t),
        (_, Sql::Blob(_)) => Value::Null,
    }
}

/// Adds a row with these fields (every field of the table not given is left to its default)
/// and logs its creation.
pub(crate) fn insert(
    w: &Writer,
    table: &Table,
    id: Uuid,
    workshop_id: Uuid,
    fields: &[(&'static str, Value)],
) -> Result<()> {
    let mut columns = vec!["id", "workshop_id", "created_at", "updated_at"];
    let stamp = w.stamp();
    let mut values = vec![
        Sql::Text(id.to_string()),
        Sql::Text(workshop_id.to_string()),
        Sql::Text(stamp.clone()),
        Sql::Text(stamp),
    ];
    for (field, value) in fields {
        let (_, column, kind) = table
            .field(field)
            .ok_or_else(|| Error::Internal(format!("{} has no field {field}", table.entity)))?;
        columns.push(column);
        values.push(to_sql(kind, value));
    }
    let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    w.prepare_cached(&format!(
        "INSERT INTO {} ({}) VALUES ({})",
        table.name,
        columns.join(", "),
        marks.join(", ")
    ))?
    .execute(rusqlite::params_from_iter(values))?;
    w.log(
        table.entity,
        id,
        Some(workshop_id),
        Op::Create,
        &changelog::created(fields),
    )
}

/// The current values of some fields of a live or deleted row, in the order asked.
pub(crate) fn read(
    w: &Writer,
    table: &Table,
    id: Uuid,
    fields: &[&'static str],
) -> Result<Vec<(&'static str, Value)>> {
    let specs: Vec<_> = fields
        .iter()
        .map(|f| {
            table
                .field(f)
                .ok_or_else(|| Error::Internal(format!("{} has no field {f}", table.entity)))
        })
        .collect::<Result<_>>()?;
    let columns: Vec<&str> = specs.iter().map(|(_, c, _)| *c).collect();
    let row: Option<Vec<Sql>> = w
        .prepare_cached(&format!(
            "SELECT {} FROM {} WHERE id = ?1",
            columns.join(", "),
            table.name
        ))?
        .query_row([id.to_string()], |row| {
            (0..columns.len()).map(|i| row.get::<_, Sql>(i)).collect()
        })
        .optional()?;
    let row = row.ok_or_else(|| Error::not_found(table.entity, &id))?;
    Ok(specs
        .iter()
        .zip(row)
        .map(|((field, _, kind), value)| (*field, to_json(*kind, value)))
        .collect())
}

/// Sets some fields of a row and logs what changed (op `Update`, or `Delete`/`Restore` when
/// `deletedAt` is what changes). Returns false when nothing changed.
pub(crate) fn update(
    w: &Writer,
    table: &Table,
    id: Uuid,
    workshop_id: Uuid,
    fields: &[(&'static str, Value)],
) -> Result<bool> {
    let names: Vec<&'static str> = fields.iter().map(|(f, _)| *f).collect();
    let before = read(w, table, id, &names)?;
    let changes = changelog::diff(&before, fields);
    if changes.is_empty() {
        return Ok(false);
    }
    write_changes(w, table, id, workshop_id, &changes)?;
    Ok(true)
}

/// Soft-deletes a live row (and logs it). Returns false when it was already deleted.
pub(crate) fn delete(w: &Writer, table: &Table, id: Uuid, workshop_id: Uuid) -> Result<bool> {
    let stamp = json!(w.stamp());
    let before = read(w, table, id, &[DELETED_AT])?;
    if !before[0].1.is_null() {
        return Ok(false);
    }
    write_changes(
        w,
        table,
        id,
        workshop_id,
        &[Change {
            field: DELETED_AT,
            old: Value::Null,
            new: stamp,
        }],
    )?;
    Ok(true)
}

fn write_changes(
    w: &Writer,
    table: &Table,
    id: Uuid,
    workshop_id: Uuid,
    changes: &[Change],
) -> Result<()> {
    let mut sets = Vec::with_capacity(changes.len() + 1);
    let mut values = Vec::with_capacity(changes.len() + 2);
    for (i, change) in changes.iter().enumerate() {
        let (_, column, kind) = table.field(change.field).ok_or_else(|| {
            Error::Internal(format!("{} has no field {}", table.entity, change.field))
        })?;
        sets.push(format!("{column} = ?{}", i + 1));
        values.push(to_sql(kind, &change.new));
    }
    sets.push(format!("updated_at = ?{}", values.len() + 1));
    values.push(Sql::Text(w.stamp()));
    values.push(Sql::Text(id.to_string()));
    w.prepare_cached(&format!(
        "UPDATE {} SET {} WHERE id = ?{}",
        table.name,
        sets.join(", "),
        values.len()
    ))?
    .execute(rusqlite::params_from_iter(values))?;
    let op = match changes.iter().find(|c| c.field == DELETED_AT) {
        Some(c) if c.new.is_null() => Op::Restore,
        Some(_) => Op::Delete,
        None => Op::Update,
    };
    w.log(table.entity, id, Some(workshop_id), op, changes)
}

/// Runs `work` as one undoable edit of the workshop, labelled for the Undo button ("Merge
/// notes"). An edit that changed nothing leaves the undo stack as it was.
pub fn record<R>(
    db: &mut Database,
    workshop_id: Uuid,
    label: &str,
    now: DateTime<Utc>,
    work: impl FnOnce(&Writer) -> Result<R>,
) -> Result<R> {
    let edit_id = crate::ids::new_id(now);
    db.write_as(now, Some(edit_id), |w| {
        let result = work(w)?;
        let wrote: bool = w
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM change_log WHERE edit_id = ?1)")?
            .query_row([edit_id.to_string()], |r| r.get(0))?;
        if wrote {
            w.execute(
                "UPDATE edit SET state = 'discarded' WHERE workshop_id = ?1 AND state = 'undone'",
                [workshop_id.to_string()],
            )?;
            w.execute(
                "INSERT INTO edit (id, workshop_id, label, seq, state, at, device_id)
                 VALUES (?1, ?2, ?3,
                         (SELECT COALESCE(MAX(seq), 0) + 1 FROM edit WHERE workshop_id = ?2),
                         'done', ?4, ?5)",
                params![
                    edit_id.to_string(),
                    workshop_id.to_string(),
                    label,
                    w.stamp(),
                    w.device_id().to_string()
                ],
            )?;
        }
        Ok(result)
    })
}

/// Empties the workshop's undo stack: what was built before (the demo) is where undo stops.
pub(crate) fn forget(db: &mut Database, workshop_id: Uuid, now: DateTime<Utc>) -> Result<()> {
    db.write(now, |w| {
        w.execute(
            "UPDATE edit SET state = 'discarded' WHERE workshop_id = ?1",
            [workshop_id.to_string()],
        )?;
        Ok(())
    })
}

/// What Undo and Redo would do now, for the buttons' labels.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UndoState {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

pub fn state(db: &Database, workshop_id: Uuid) -> Result<UndoState> {
    let label = |sql: &str| -> Result<Option<String>> {
        Ok(db
            .conn()
            .prepare_cached(sql)?
            .query_row([workshop_id.to_string()], |r| r.get(0))
            .optional()?)
    };
    Ok(UndoState {
        undo: label(
            "SELECT label FROM edit WHERE workshop_id = ?1 AND state = 'done'
             ORDER BY seq DESC LIMIT 1",
        )?,
        redo: label(
            "SELECT label FROM edit WHERE workshop_id = ?1 AND state = 'undone'
             ORDER BY seq LIMIT 1",
        )?,
    })
}

/// A record an undo or redo changed, so that the screen showing it can draw it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Touched {
    pub entity: String,
    pub id: Uuid,
}

/// What an undo or redo did: the edit's label and the records it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub label: String,
    pub touched: Vec<Touched>,
    pub state: UndoState,
}

/// Takes back the workshop's newest edit; `None` when there is nothing to undo.
pub fn undo(db: &mut Database, workshop_id: Uuid, now: DateTime<Utc>) -> Result<Option<Step>> {
    step(db, workshop_id, now, Direction::Back)
}

/// Makes again the edit most recently undone; `None` when there is nothing to redo.
pub fn redo(db: &mut Database, workshop_id: Uuid, now: DateTime<Utc>) -> Result<Option<Step>> {
    step(db, workshop_id, now, Direction::Forward)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Back,
    Forward,
}

struct Entry {
    entity: String,
    entity_id: Uuid,
    op: String,
    changes: serde_json::Map<String, Value>,
}

fn step(
    db: &mut Database,
    workshop_id: Uuid,
    now: DateTime<Utc>,
    direction: Direction,
) -> Result<Option<Step>> {
    let (from, to, order) = match direction {
        Direction::Back => ("done", "undone", "DESC"),
        Direction::Forward => ("undone", "done", "ASC"),
    };
    let found: Option<(String, String)> = db
        .conn()
        .query_row(
            &format!(
                "SELECT id, label FROM edit WHERE workshop_id = ?1 AND state = ?2
                 ORDER BY seq {order} LIMIT 1"
            ),
            params![workshop_id.to_string(), from],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((edit_id, label)) = found else {
        return Ok(None);
    };
    let mut entries = Vec::new();
    {
        let mut statement = db.conn().prepare_cached(&format!(
            "SELECT entity, entity_id, op, changes FROM change_log WHERE edit_id = ?1
             ORDER BY seq {order}"
        ))?;
        let mut rows = statement.query([&edit_id])?;
        while let Some(row) = rows.next()? {
            let changes: String = row.get(3)?;
            entries.push(Entry {
                entity: row.get(0)?,
                entity_id: Uuid::parse_str(&row.get::<_, String>(1)?)
                    .map_err(|e| Error::Internal(e.to_string()))?,
                op: row.get(2)?,
                changes: serde_json::from_str(&changes)
                    .map_err(|e| Error::Internal(e.to_string()))?,
            });
        }
    }
    let touched = db.write(now, |w| {
        let mut touched: Vec<Touched> = Vec::new();
        for entry in &entries {
            apply(w, workshop_id, entry, direction)?;
            let record = Touched {
                entity: entry.entity.clone(),
                id: entry.entity_id,
            };
            if !touched.contains(&record) {
                touched.push(record);
            }
        }
        w.execute(
            "UPDATE edit SET state = ?2 WHERE id = ?1",
            params![edit_id, to],
        )?;
        Ok(touched)
    })?;
    Ok(Some(Step {
        label,
        touched,
        state: state(db, workshop_id)?,
    }))
}

/// Applies one logged change backwards or forwards. A creation is undone by deleting the row
/// and redone by restoring it; every other change sets its fields to the old or new values.
fn apply(w: &Writer, workshop_id: Uuid, entry: &Entry, direction: Direction) -> Result<()> {
    let table = table_of(&entry.entity)?;
    if entry.op == "create" {
        let deleted_at = match direction {
            Direction::Back => json!(w.stamp()),
            Direction::Forward => Value::Null,
        };
        update(
            w,
            table,
            entry.entity_id,
            workshop_id,
            &[(DELETED_AT, deleted_at)],
        )?;
        return Ok(());
    }
    let mut fields = Vec::with_capacity(entry.changes.len());
    for (field, values) in &entry.changes {
        let (name, _, _) = table
            .field(field)
            .ok_or_else(|| Error::Internal(format!("{} has no field {field}", table.entity)))?;
        let index = match direction {
            Direction::Back => 0,
            Direction::Forward => 1,
        };
        fields.push((name, values.get(index).cloned().unwrap_or(Value::Null)));
    }
    update(w, table, entry.entity_id, workshop_id, &fields)?;
    Ok(())
}

/// The live rows of `table` whose `column` is `id` (the notes under a heading, the members of
/// a group): what goes along when that one is deleted.
pub(crate) fn live_ids(
    conn: &rusqlite::Connection,
    table: &str,
    column: &str,
    id: Uuid,
) -> Result<Vec<Uuid>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT id FROM {table} WHERE {column} = ?1 AND deleted_at IS NULL"
    ))?;
    let rows = statement.query_map([id.to_string()], |r| r.get::<_, String>(0))?;
    Ok(rows
        .map(|r| r.map(|t| crate::ids::read(&t)))
        .collect::<std::result::Result<_, _>>()?)
}

/// A sort key between two neighbours (either may be missing: the start or end of a list).
pub(crate) fn between(before: Option<f64>, after: Option<f64>) -> f64 {
    match (before, after) {
        (None, None) => 1.0,
        (Some(b), None) => b + 1.0,
        (None, Some(a)) => a - 1.0,
        (Some(b), Some(a)) => (a + b) / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_convert_both_ways_by_kind() {
        for (kind, value) in [
            (Kind::Text, json!("Sita")),
            (Kind::OptionalText, Value::Null),
            (Kind::Integer, json!(3)),
            (Kind::Real, json!(1.5)),
            (Kind::Bool, json!(true)),
            (Kind::Json, json!(["youth", "gender equality"])),
        ] {
            assert_eq!(to_json(kind, to_sql(kind, &value)), value, "{kind:?}");
        }
        // A whole-number position read back from SQLite is still a real number.
        assert_eq!(to_json(Kind::Real, Sql::Integer(2)), json!(2.0));
    }

    #[test]
    fn a_key_between_neighbours_sorts_between_them() {
        assert_eq!(between(None, None), 1.0);
        assert!(between(Some(1.0), Some(2.0)) > 1.0 && between(Some(1.0), Some(2.0)) < 2.0);
        assert!(between(None, Some(1.0)) < 1.0);
        assert!(between(Some(3.0), None) > 3.0);
    }

    #[test]
    fn every_undoable_table_names_its_entity_once() {
        let mut entities: Vec<&str> = tables().iter().map(|t| t.entity).collect();
        entities.sort_unstable();
        entities.dedup();
        assert_eq!(entities.len(), tables().len());
        for table in tables() {
            assert!(table.field(DELETED_AT).is_some(), "{}", table.entity);
        }
    }
}
