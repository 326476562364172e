//! The append-only change log: every create, update, delete and restore, with the changed
//! fields' old and new values, the time and the device. It backs undo now and merging later.

use crate::db::Writer;
use crate::error::Result;
use crate::{ids, time};
use rusqlite::{Connection, params};
use serde::Serialize;
use serde_json::{Map, Value};
use uuid::Uuid;

/// What happened to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Create,
    Update,
    Delete,
    Restore,
}

impl Op {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Create => "create",
            Self::Update => "update",
            Self::Delete => "delete",
            Self::Restore => "restore",
        }
    }
}

/// One field's value before and after a change.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub field: &'static str,
    pub old: Value,
    pub new: Value,
}

/// The changes between two snapshots of a record's fields, in field order.
pub fn diff(before: &[(&'static str, Value)], after: &[(&'static str, Value)]) -> Vec<Change> {
    after
        .iter()
        .map(|(field, new)| {
            let old = before
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, v)| v.clone());
            (field, old.unwrap_or(Value::Null), new)
        })
        .filter(|(_, old, new)| old != *new)
        .map(|(field, old, new)| Change {
            field,
            old,
            new: new.clone(),
        })
        .collect()
}

/// All of a new record's fields, as changes from nothing.
pub fn created(fields: &[(&'static str, Value)]) -> Vec<Change> {
    diff(&[], fields)
}

pub(crate) fn append(
    w: &Writer,
    entity: &str,
    entity_id: Uuid,
    workshop_id: Option<Uuid>,
    op: Op,
    changes: &[Change],
    device_id: Uuid,
) -> Result<()> {
    let changes = changes.iter().map(|c| (c.field, &c.old, &c.new));
    insert(
        w,
        entity,
        entity_id,
        workshop_id,
        op,
        changes,
        device_id,
        None,
    )
}

/// Appends an entry written by an import (`merged_by` set: another laptop's value adopted, a
/// duplicate retired) or, with `merged_by` None, a change a person decided during an import.
pub(crate) fn append_by_import(
    w: &Writer,
    entity: &str,
    entity_id: Uuid,
    workshop_id: Uuid,
    op: Op,
    changes: &[(String, Value, Value)],
    merged_by: Option<Uuid>,
) -> Result<()> {
    let changes = changes.iter().map(|(f, old, new)| (f.as_str(), old, new));
    let (workshop, device) = (Some(workshop_id), w.device_id());
    insert(
        w, entity, entity_id, workshop, op, changes, device, merged_by,
    )
}

#[allow(clippy::too_many_arguments)]
fn insert<'v>(
    w: &Writer,
    entity: &str,
    entity_id: Uuid,
    workshop_id: Option<Uuid>,
    op: Op,
    changes: impl Iterator<Item = (&'v str, &'v Value, &'v Value)>,
    device_id: Uuid,
    merged_by: Option<Uuid>,
) -> Result<()> {
    let changes: Map<String, Value> = changes
        .map(|(field, old, new)| {
            let pair = Value::Array(vec![old.clone(), new.clone()]);
            (field.to_string(), pair)
        })
        .collect();
    w.prepare_cached(
        "INSERT INTO change_log (id, entity, entity_id, workshop_id, op, changes, at, device_id,
                                 edit_id, merged_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        ids::new_id(w.now()).to_string(),
        entity,
        entity_id.to_string(),
        workshop_id.map(|id| id.to_string()),
        op.as_str(),
        Value::Object(changes).to_string(),
        time::timestamp(w.now()),
        device_id.to_string(),
        w.edit_id().map(|id| id.to_string()),
        merged_by.map(|id| id.to_string()),
    ])?;
    Ok(())
}

/// A change-log entry as shown in a record's history.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeEntry {
    pub id: String,
    pub entity: String,
    pub entity_id: String,
    pub op: String,
    /// `{field: [old, new]}`
    pub changes: Value,
    pub at: String,
    pub device_id: String,
}

/// The history of a record together with its links (an action's links to notes): every
/// entry of any of the `entity_ids` of `entity` besides the record's own, oldest first.
pub fn history_with_links(
    conn: &Connection,
    entity: &str,
    entity_id: Uuid,
    link_entity: &str,
    link_ids: &[Uuid],
) -> Result<Vec<ChangeEntry>> {
    let mut entries = history(conn, entity, entity_id)?;
    let mut seqs: Vec<i64> = seqs_of(conn, entity, entity_id)?;
    for link in link_ids {
        entries.extend(history(conn, link_entity, *link)?);
        seqs.extend(seqs_of(conn, link_entity, *link)?);
    }
    let mut paired: Vec<(i64, ChangeEntry)> = seqs.into_iter().zip(entries).collect();
    paired.sort_by_key(|(seq, _)| *seq);
    Ok(paired.into_iter().map(|(_, entry)| entry).collect())
}

fn seqs_of(conn: &Connection, entity: &str, entity_id: Uuid) -> Result<Vec<i64>> {
    let mut statement = conn.prepare_cached(
        "SELECT seq FROM change_log WHERE entity = ?1 AND entity_id = ?2 ORDER BY seq",
    )?;
    let rows = statement.query_map(params![entity, entity_id.to_string()], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The history of one record, oldest first.
pub fn history(conn: &Connection, entity: &str, entity_id: Uuid) -> Result<Vec<ChangeEntry>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, entity, entity_id, op, changes, at, device_id FROM change_log
         WHERE entity = ?1 AND entity_id = ?2 ORDER BY seq",
    )?;
    let rows = statement.query_map(params![entity, entity_id.to_string()], |row| {
        let changes: String = row.get(4)?;
        Ok(ChangeEntry {
            id: row.get(0)?,
            entity: row.get(1)?,
            entity_id: row.get(2)?,
            op: row.get(3)?,
            changes: serde_json::from_str(&changes).unwrap_or(Value::Null),
            at: row.get(5)?,
            device_id: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diff_lists_only_changed_fields_with_old_and_new_values() {
        let before = [("name", json!("Sita")), ("email", json!(""))];
        let after = [
            ("name", json!("Sita")),
            ("email", json!("sita@example.org")),
        ];
        assert_eq!(
            diff(&before, &after),
            vec![Change {
                field: "email",
                old: json!(""),
                new: json!("sita@example.org")
            }]
        );
    }

    #[test]
    fn created_records_every_field_from_null() {
        let changes = created(&[("name", json!("Sita"))]);
        assert_eq!(changes[0].old, Value::Null);
        assert_eq!(changes[0].new, json!("Sita"));
    }
}
