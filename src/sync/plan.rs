//! What an import would do, worked out field by field before anything is written.
//!
//! Both sides keep a change log, and a full transfer carries it. For every field of every
//! record the workbook holds, the entries only this laptop has are its changes since the two
//! last met, and the entries only the workbook has are the other laptop's. Then:
//!
//! - only the other side changed the field: its value is adopted (an update);
//! - only this side changed it: this side's value stays;
//! - both changed it to different values: a conflict, shown with both values; unless the
//!   facilitator chooses, the later change wins (by time, then device), which both laptops
//!   work out alike, so importing A into B and B into A ends with the same data;
//! - the cell differs from what the workbook's own log says it was: it was edited by hand,
//!   which counts as a change made when the file was exported.
//!
//! Entries that an import wrote (`merged_by`) are passed over: they copy a change that has its
//! own entry. A report workbook has no log; there a record's "Updated at" tells which of this
//! side's changes the file had seen.

use super::entities::{self, Entity, Field};
use super::incoming::{CellProblem, Incoming, Records, Row};
use crate::edit::{Kind as Store, to_json};
use crate::error::Result;
use crate::participant::{self, ParticipantInput};
use crate::workbook::checksum;
use crate::workbook::format::Kind;
use rusqlite::Connection;
use rusqlite::types::Value as Sql;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use uuid::Uuid;

/// Which side's value a conflict keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Side {
    /// This laptop's.
    Ours,
    /// The workbook's.
    Theirs,
}

/// A record the import adds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewRecord {
    pub entity: String,
    pub record_id: Uuid,
    pub label: String,
    /// Added by hand to the workbook (it had no ID).
    pub hand_added: bool,
}

/// A value the import replaces.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Update {
    pub entity: String,
    pub record_id: Uuid,
    pub label: String,
    pub field: String,
    /// The column's header on the sheet.
    pub column: String,
    pub old: Value,
    pub new: Value,
    /// Changed by hand in the workbook rather than on the other laptop.
    pub hand_edited: bool,
}

/// A field both sides changed to different values since they last met.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// What a choice names: `entity:id:field`.
    pub key: String,
    pub entity: String,
    pub record_id: Uuid,
    pub label: String,
    pub field: String,
    pub column: String,
    pub ours: Value,
    pub theirs: Value,
    /// When each side last changed it.
    pub ours_at: String,
    pub theirs_at: String,
    /// The side kept unless the facilitator chooses: the later change.
    pub default: Side,
}

/// What the import does to one record type.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub entity: String,
    pub sheet: String,
    pub new: usize,
    pub updated: usize,
    pub conflicts: usize,
    pub unchanged: usize,
    /// Records whose newer values are on this laptop (nothing to take from the file).
    pub newer_here: usize,
}

/// Everything an import would do, for the facilitator to look at before applying it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    pub file_name: String,
    pub fingerprint: String,
    pub about: super::About,
    /// The workshop is already on this laptop (a merge) rather than new here (a transfer).
    pub workshop_exists: bool,
    pub edited_sheets: Vec<String>,
    pub warnings: Vec<String>,
    /// Cells that do not parse; while there is one, nothing can be applied.
    pub problems: Vec<CellProblem>,
    pub counts: Vec<Counts>,
    pub new_records: Vec<NewRecord>,
    pub updates: Vec<Update>,
    pub conflicts: Vec<Conflict>,
    /// Change-log entries the workbook has and this laptop has not.
    pub log_entries: usize,
    /// Records whose only difference is a later "Updated at" in the workbook (a change this
    /// laptop already has, or one whose value it kept): the later time is taken, so that both
    /// laptops agree on it.
    pub later_updates: usize,
}

impl Preview {
    pub fn can_apply(&self) -> bool {
        self.problems.is_empty()
    }

    /// Nothing would change.
    pub fn is_empty(&self) -> bool {
        self.new_records.is_empty()
            && self.updates.is_empty()
            && self.conflicts.is_empty()
            && self.log_entries == 0
            && self.later_updates == 0
    }
}

/// Why a field changes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cause {
    /// The other laptop changed it (its log says so).
    Adopted,
    /// Someone changed the cell in the workbook.
    HandEdited,
    /// Both changed it; `key` and the default side.
    Conflict { key: String, default: Side },
}

#[derive(Debug, Clone)]
pub(crate) struct FieldChange {
    pub index: usize,
    pub ours: Value,
    pub theirs: Value,
    pub cause: Cause,
}

#[derive(Debug)]
pub(crate) struct RecordChange {
    pub entity: &'static Entity,
    pub id: Uuid,
    pub fields: Vec<FieldChange>,
    pub updated_at: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Insert {
    pub entity: &'static Entity,
    pub id: Uuid,
    pub values: Vec<Value>,
    pub created_at: String,
    pub updated_at: String,
    pub hand_added: bool,
}

/// The preview and what applying it writes.
#[derive(Debug)]
pub(crate) struct Plan {
    pub preview: Preview,
    pub inserts: Vec<Insert>,
    pub changes: Vec<RecordChange>,
    /// Records whose "Updated at" only moves later.
    pub touches: Vec<(&'static Entity, Uuid, String)>,
    /// The workbook's change-log entries this laptop lacks, as indexes into `Incoming::log`,
    /// in time order.
    pub log: Vec<usize>,
}

/// A change-log entry as the merge compares it: when, by which device, its ID.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Stamp {
    at: String,
    device: String,
    id: String,
}

/// An entry of a field: its stamp, its sequence where it was logged, the value it set.
#[derive(Debug)]
struct Logged {
    stamp: Rc<Stamp>,
    /// Its sequence on the laptop whose log it comes from: the order it was applied there.
    seq: i64,
    /// The value it set.
    value: Value,
    /// Written by an import (`merged_by`): it copies or keeps a value a person set elsewhere.
    merged: bool,
}

/// The entries of each (record, field) that people made.
#[derive(Debug, Default)]
struct FieldLog {
    /// With the entry's sequence on the laptop that wrote the log: its order there.
    entries: HashMap<(Uuid, &'static str), Vec<Logged>>,
    ids: HashSet<String>,
}

impl FieldLog {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        entity: &str,
        entity_id: &str,
        id: &str,
        stamp: impl FnOnce() -> Stamp,
        seq: i64,
        merged: bool,
        changes: &serde_json::Map<String, Value>,
        wanted: impl Fn(&'static Entity, Uuid) -> bool,
    ) {
        self.ids.insert(id.to_string());
        let (Some(entity), Ok(record)) = (entities::by_name(entity), Uuid::parse_str(entity_id))
        else {
            return;
        };
        if !wanted(entity, record) {
            return;
        }
        let stamp = Rc::new(stamp());
        for (name, pair) in changes {
            if let Some(field) = entity.field(name) {
                let new = pair.get(1).cloned().unwrap_or(Value::Null);
                self.entries
                    .entry((record, field.log))
                    .or_default()
                    .push(Logged {
                        stamp: Rc::clone(&stamp),
                        seq,
                        value: normalise(entity, field, new),
                        merged,
                    });
            }
        }
    }

    /// Every entry of a field, those an import wrote included.
    fn of(&self, record: Uuid, field: &'static str) -> &[Logged] {
        self.entries
            .get(&(record, field))
            .map_or(&[], Vec::as_slice)
    }

    /// The changes people made to a field: what decides a merge.
    fn by_people(&self, record: Uuid, field: &'static str) -> impl Iterator<Item = &Stamp> {
        self.of(record, field)
            .iter()
            .filter(|l| !l.merged)
            .map(|l| &*l.stamp)
    }
}

/// A value as the merge compares it: times in the app's one form, whole reals as reals.
fn normalise(entity: &Entity, field: &Field, value: Value) -> Value {
    match (&value, entity.kind_of(field.column), field.store) {
        (Value::String(text), Some(Kind::Timestamp), _) => checksum::parse_timestamp(text)
            .map_or(value.clone(), |at| {
                Value::String(checksum::format_timestamp(at))
            }),
        (Value::Number(n), _, Store::Real) => n.as_f64().map_or(value.clone(), Value::from),
        (Value::Number(n), _, Store::Bool) => Value::Bool(n.as_i64() == Some(1)),
        _ => value,
    }
}

/// A record of this laptop.
struct Local {
    values: Vec<Value>,
    updated_at: String,
}

fn load_local(
    conn: &Connection,
    entity: &'static Entity,
    workshop: Uuid,
) -> Result<HashMap<Uuid, Local>> {
    let columns: Vec<&str> = entity.fields.iter().map(|f| f.column).collect();
    let filter = if entity.is_workshop() {
        "id"
    } else {
        "workshop_id"
    };
    let mut statement = conn.prepare(&format!(
        "SELECT id, updated_at, {} FROM {} WHERE {filter} = ?1",
        columns.join(", "),
        entity.table
    ))?;
    let mut rows = statement.query([workshop.to_string()])?;
    let mut local = HashMap::new();
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let Ok(id) = Uuid::parse_str(&id) else {
            continue;
        };
        let mut values = Vec::with_capacity(entity.fields.len());
        for (i, field) in entity.fields.iter().enumerate() {
            let sql: Sql = row.get(i + 2)?;
            values.push(normalise(entity, field, to_json(field.store, sql)));
        }
        let updated_at: String = row.get(1)?;
        let updated_at =
            checksum::parse_timestamp(&updated_at).map_or(updated_at, checksum::format_timestamp);
        local.insert(id, Local { values, updated_at });
    }
    Ok(local)
}

fn local_log(conn: &Connection, workshop: Uuid) -> Result<FieldLog> {
    let mut log = FieldLog::default();
    let mut statement = conn.prepare(
        "SELECT id, entity, entity_id, changes, at, device_id, merged_by, seq FROM change_log
         WHERE workshop_id = ?1",
    )?;
    let mut rows = statement.query([workshop.to_string()])?;
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let entity: String = row.get(1)?;
        let entity_id: String = row.get(2)?;
        let changes: String = row.get(3)?;
        let at: String = row.get(4)?;
        let device: String = row.get(5)?;
        let merged: Option<String> = row.get(6)?;
        let seq: i64 = row.get(7)?;
        let Ok(Value::Object(changes)) = serde_json::from_str(&changes) else {
            log.ids.insert(id);
            continue;
        };
        let stamp = || Stamp {
            at,
            device,
            id: id.clone(),
        };
        log.add(
            &entity,
            &entity_id,
            &id,
            stamp,
            seq,
            merged.is_some(),
            &changes,
            |_, _| true,
        );
    }
    Ok(log)
}

/// What a record is called in a preview.
fn label_of(entity: &Entity, values: &[Value]) -> String {
    let value = entity
        .index(entity.label)
        .and_then(|i| values.get(i))
        .cloned()
        .unwrap_or(Value::Null);
    let text = match value {
        Value::String(text) => text,
        Value::Null => String::new(),
        other => other.to_string(),
    };
    let short: String = text.chars().take(80).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Works out what importing `incoming` into the database would do.
pub(crate) fn plan(conn: &Connection, incoming: &Incoming) -> Result<Plan> {
    let workshop = incoming.about.workshop_id;
    let ours = local_log(conn, workshop)?;
    let mut locals: HashMap<&'static str, HashMap<Uuid, Local>> = HashMap::new();
    for entity in entities::ALL {
        locals.insert(entity.name, load_local(conn, entity, workshop)?);
    }
    // The workbook's entries are only ever looked up for records this laptop has too.
    let here = |entity: &'static Entity, id: Uuid| {
        locals.get(entity.name).is_some_and(|l| l.contains_key(&id))
    };
    let mut theirs = FieldLog::default();
    let mut log_to_add = Vec::new();
    let entries = incoming.log.as_deref().unwrap_or_default();
    for (index, entry) in entries.iter().enumerate() {
        theirs.add(
            &entry.entity,
            &entry.entity_id,
            &entry.id,
            || Stamp {
                at: entry.at.clone(),
                device: entry.device_id.clone(),
                id: entry.id.clone(),
            },
            entry.seq,
            entry.merged_by.is_some(),
            &entry.changes,
            here,
        );
        if !ours.ids.contains(&entry.id) {
            log_to_add.push(index);
        }
    }
    log_to_add.sort_by(|a, b| {
        let (a, b) = (&entries[*a], &entries[*b]);
        (&a.at, a.seq).cmp(&(&b.at, b.seq))
    });
    let workshop_exists = locals[entities::WORKSHOP.name].contains_key(&workshop);
    let mut preview = Preview {
        file_name: incoming.file_name.clone(),
        fingerprint: incoming.fingerprint.clone(),
        about: incoming.about.clone(),
        workshop_exists,
        edited_sheets: incoming.edited_sheets.clone(),
        warnings: incoming.warnings.clone(),
        problems: incoming.problems.clone(),
        counts: Vec::new(),
        new_records: Vec::new(),
        updates: Vec::new(),
        conflicts: Vec::new(),
        log_entries: log_to_add.len(),
        later_updates: 0,
    };
    if !workshop_exists
        && incoming
            .records(&entities::WORKSHOP)
            .is_none_or(|r| r.rows.is_empty())
    {
        preview.problems.push(CellProblem {
            sheet: crate::workbook::format::sheet::WORKSHOP.to_string(),
            row: 2,
            column: String::new(),
            cell: String::new(),
            message: "the workshop's own row is missing, and the workshop is not on this laptop"
                .into(),
        });
    }
    let context = Context {
        incoming,
        ours: &ours,
        theirs: &theirs,
        has_log: incoming.log.is_some(),
        edited_sheets: incoming.edited_sheets.iter().map(String::as_str).collect(),
        exported: Stamp {
            at: incoming.about.exported_at.clone(),
            device: incoming.about.device.to_string(),
            id: String::new(),
        },
    };
    let mut inserts = Vec::new();
    let mut changes = Vec::new();
    let mut touches = Vec::new();
    for records in &incoming.records {
        let entity = records.entity;
        let local = &locals[entity.name];
        let mut counts = Counts {
            entity: entity.name.to_string(),
            sheet: entity.sheet.name.to_string(),
            ..Counts::default()
        };
        for row in &records.rows {
            match local.get(&row.id) {
                None => {
                    let Some(insert) = new_record(&context, records, row, &mut preview.problems)
                    else {
                        continue;
                    };
                    counts.new += 1;
                    preview.new_records.push(NewRecord {
                        entity: entity.name.to_string(),
                        record_id: row.id,
                        label: label_of(entity, &insert.values),
                        hand_added: insert.hand_added,
                    });
                    inserts.push(insert);
                }
                Some(local) => {
                    let (change, newer_here) = compare(&context, entity, row, local);
                    if newer_here {
                        counts.newer_here += 1;
                    }
                    if change.is_empty() {
                        if !newer_here {
                            counts.unchanged += 1;
                        }
                        if let Some(theirs) = &row.updated_at
                            && *theirs > local.updated_at
                        {
                            preview.later_updates += 1;
                            touches.push((entity, row.id, theirs.clone()));
                        }
                        continue;
                    }
                    let label = label_of(entity, &local.values);
                    let mut conflicted = false;
                    for f in &change {
                        let field = &entity.fields[f.index];
                        let column = records.headers[f.index].unwrap_or(field.log).to_string();
                        match &f.cause {
                            Cause::Conflict { key, default } => {
                                conflicted = true;
                                let (ours_at, theirs_at) = conflict_times(&context, row, field);
                                preview.conflicts.push(Conflict {
                                    key: key.clone(),
                                    entity: entity.name.to_string(),
                                    record_id: row.id,
                                    label: label.clone(),
                                    field: field.log.to_string(),
                                    column,
                                    ours: f.ours.clone(),
                                    theirs: f.theirs.clone(),
                                    ours_at,
                                    theirs_at,
                                    default: *default,
                                });
                            }
                            cause => preview.updates.push(Update {
                                entity: entity.name.to_string(),
                                record_id: row.id,
                                label: label.clone(),
                                field: field.log.to_string(),
                                column,
                                old: f.ours.clone(),
                                new: f.theirs.clone(),
                                hand_edited: *cause == Cause::HandEdited,
                            }),
                        }
                    }
                    if conflicted {
                        counts.conflicts += 1;
                    } else {
                        counts.updated += 1;
                    }
                    changes.push(RecordChange {
                        entity,
                        id: row.id,
                        fields: change,
                        updated_at: row.updated_at.clone(),
                    });
                }
            }
        }
        preview.counts.push(counts);
    }
    let lines = lines_of(incoming);
    let problems = &mut preview.problems;
    check_references(incoming, &lines, &locals, &inserts, &changes, problems);
    check_values(incoming, &lines, &locals, &inserts, &changes, problems);
    check_badge_codes(&lines, &locals, &changes, problems);
    if workshop_exists {
        // A workshop new to this laptop has nobody here to be a duplicate of.
        warn_of_possible_duplicates(conn, workshop, &lines, &inserts, &mut preview.warnings)?;
    }
    Ok(Plan {
        preview,
        inserts,
        changes,
        touches,
        log: log_to_add,
    })
}

struct Context<'a> {
    incoming: &'a Incoming,
    ours: &'a FieldLog,
    theirs: &'a FieldLog,
    has_log: bool,
    /// The sheets whose checksum broke: edited by hand since the export.
    edited_sheets: HashSet<&'a str>,
    /// A hand edit counts as made when the file was exported, by the exporting device.
    exported: Stamp,
}

fn new_record(
    context: &Context,
    records: &Records,
    row: &Row,
    problems: &mut Vec<CellProblem>,
) -> Option<Insert> {
    let entity = records.entity;
    let mut values = Vec::with_capacity(entity.fields.len());
    let mut complete = true;
    for (i, field) in entity.fields.iter().enumerate() {
        match &row.values[i] {
            Some(value) => values.push(value.clone()),
            None if field.required => {
                complete = false;
                problems.push(CellProblem {
                    sheet: entity.sheet.name.to_string(),
                    row: row.line,
                    column: entity
                        .header_of(field.column)
                        .unwrap_or(field.log)
                        .to_string(),
                    cell: String::new(),
                    message: format!(
                        "a new record needs its {}, and the sheet has no such column",
                        entity.header_of(field.column).unwrap_or(field.log)
                    ),
                });
                values.push(Value::Null);
            }
            None => values.push(super::cells::empty(field)),
        }
    }
    if !complete {
        return None;
    }
    let exported = context.incoming.about.exported_at.clone();
    Some(Insert {
        entity,
        id: row.id,
        values,
        created_at: row.created_at.clone().unwrap_or_else(|| exported.clone()),
        updated_at: row.updated_at.clone().unwrap_or(exported),
        hand_added: !row.given_id,
    })
}

/// The fields of a record that differ and what to do with each; and whether this side has
/// newer values the file has not seen.
fn compare(
    context: &Context,
    entity: &'static Entity,
    row: &Row,
    local: &Local,
) -> (Vec<FieldChange>, bool) {
    let mut changes = Vec::new();
    let mut newer_here = false;
    for (index, field) in entity.fields.iter().enumerate() {
        let Some(theirs) = &row.values[index] else {
            continue;
        };
        if !field.logged {
            continue;
        }
        let theirs = normalise(entity, field, theirs.clone());
        let ours = &local.values[index];
        if *ours == theirs {
            continue;
        }
        let (they_changed, we_changed, their_stamp, hand_edited) = if context.has_log {
            let ours_only: Vec<&Stamp> = context
                .ours
                .by_people(row.id, field.log)
                .filter(|s| !context.theirs.ids.contains(&s.id))
                .collect();
            let theirs_only: Vec<&Stamp> = context
                .theirs
                .by_people(row.id, field.log)
                .filter(|s| !context.ours.ids.contains(&s.id))
                .collect();
            // A cell can only have been edited by hand on a sheet whose checksum broke. It was
            // when it differs from what the exporting laptop's log says the value is: its last
            // entry in that laptop's own order (not by time: laptops' clocks disagree), an
            // import's entries included; no entry at all means the value it was created with,
            // which the log leaves out when it is empty.
            let hand_edited = context.edited_sheets.contains(entity.sheet.name) && {
                let logged_in_file = context
                    .theirs
                    .of(row.id, field.log)
                    .iter()
                    .max_by_key(|l| l.seq)
                    .map_or(&Value::Null, |l| &l.value);
                *logged_in_file != theirs
            };
            let their_stamp = if hand_edited {
                Some(context.exported.clone())
            } else {
                theirs_only.iter().max().map(|s| (*s).clone())
            };
            let they = hand_edited || !theirs_only.is_empty() || ours_only.is_empty();
            (they, !ours_only.is_empty(), their_stamp, hand_edited)
        } else {
            // No log: this side's changes after the row's last update are news to the file.
            let seen_until = row.updated_at.clone().unwrap_or_default();
            let we = context
                .ours
                .by_people(row.id, field.log)
                .any(|s| s.at > seen_until);
            let their_stamp = Stamp {
                at: row
                    .updated_at
                    .clone()
                    .unwrap_or_else(|| context.exported.at.clone()),
                device: context.exported.device.clone(),
                id: String::new(),
            };
            (true, we, Some(their_stamp), true)
        };
        if !they_changed {
            newer_here = true;
            continue;
        }
        let cause = if we_changed {
            let our_stamp = context
                .ours
                .by_people(row.id, field.log)
                .filter(|s| !context.theirs.ids.contains(&s.id))
                .max()
                .cloned();
            let default = if their_stamp > our_stamp {
                Side::Theirs
            } else {
                Side::Ours
            };
            Cause::Conflict {
                key: format!("{}:{}:{}", entity.name, row.id, field.log),
                default,
            }
        } else if hand_edited {
            Cause::HandEdited
        } else {
            Cause::Adopted
        };
        changes.push(FieldChange {
            index,
            ours: ours.clone(),
            theirs,
            cause,
        });
    }
    (changes, newer_here)
}

/// When each side last changed a field in conflict.
fn conflict_times(context: &Context, row: &Row, field: &Field) -> (String, String) {
    let newest = |log: &FieldLog, other: &FieldLog| {
        log.by_people(row.id, field.log)
            .filter(|s| !other.ids.contains(&s.id))
            .map(|s| s.at.clone())
            .max()
    };
    let ours = newest(context.ours, context.theirs).unwrap_or_default();
    let theirs = newest(context.theirs, context.ours)
        .or_else(|| row.updated_at.clone())
        .unwrap_or_else(|| context.exported.at.clone());
    (ours, theirs)
}

/// The spreadsheet row of each record of the workbook.
fn lines_of(incoming: &Incoming) -> HashMap<Uuid, u32> {
    incoming
        .records
        .iter()
        .flat_map(|r| r.rows.iter().map(|row| (row.id, row.line)))
        .collect()
}

/// Every ID a new or changed record refers to is a record of the workbook or of this laptop.
fn check_references(
    incoming: &Incoming,
    lines: &HashMap<Uuid, u32>,
    locals: &HashMap<&'static str, HashMap<Uuid, Local>>,
    inserts: &[Insert],
    changes: &[RecordChange],
    problems: &mut Vec<CellProblem>,
) {
    // Rows are looked up by ID once, not scanned for every reference.
    let mut in_file: HashMap<&str, HashSet<Uuid>> = HashMap::new();
    for records in &incoming.records {
        in_file
            .entry(records.entity.name)
            .or_default()
            .extend(records.rows.iter().map(|r| r.id));
    }
    let known = |entity: &str, id: &Uuid| {
        locals.get(entity).is_some_and(|l| l.contains_key(id))
            || in_file.get(entity).is_some_and(|ids| ids.contains(id))
    };
    let line_of = |_: &Entity, id: Uuid| lines.get(&id).copied().unwrap_or(0);
    let mut check = |entity: &'static Entity, id: Uuid, index: usize, value: &Value| {
        let field = &entity.fields[index];
        let (Some(target), Value::String(text)) = (field.refers_to, value) else {
            return;
        };
        let found = Uuid::parse_str(text).is_ok_and(|target_id| known(target, &target_id));
        if !found {
            problems.push(CellProblem {
                sheet: entity.sheet.name.to_string(),
                row: line_of(entity, id),
                column: entity.header_of(field.column).unwrap_or(field.log).to_string(),
                cell: String::new(),
                message: format!(
                    "refers to a {target} ({text}) that is neither in the workbook nor on this laptop"
                ),
            });
        }
    };
    for insert in inserts {
        for (index, value) in insert.values.iter().enumerate() {
            check(insert.entity, insert.id, index, value);
        }
    }
    for change in changes {
        for f in &change.fields {
            check(change.entity, change.id, f.index, &f.theirs);
        }
    }
}

/// A participant added by hand to a workbook (without an ID) who may already be on this laptop:
/// the same email, or the same name as registration compares names. Typically a row added at
/// headquarters, imported once, then corrected and imported again: without an ID it cannot be
/// recognised, so the facilitator is told rather than left with the same person twice.
fn warn_of_possible_duplicates(
    conn: &Connection,
    workshop: Uuid,
    lines: &HashMap<Uuid, u32>,
    inserts: &[Insert],
    warnings: &mut Vec<String>,
) -> Result<()> {
    let entity = &entities::PARTICIPANT;
    let text = |values: &[Value], field: &str| {
        entity
            .index(field)
            .and_then(|i| values.get(i))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    for insert in inserts
        .iter()
        .filter(|i| i.hand_added && i.entity.name == entity.name)
    {
        let input = ParticipantInput {
            full_name: text(&insert.values, "fullName"),
            email: text(&insert.values, "email"),
            ..ParticipantInput::default()
        };
        let found = participant::find_duplicates(conn, workshop, &input, None)?;
        if found.is_empty() {
            continue;
        }
        let names: Vec<String> = found
            .iter()
            .map(|d| format!("\u{201c}{}\u{201d}", d.participant.full_name))
            .collect();
        warnings.push(format!(
            "\"{}\", row {}: \u{201c}{}\u{201d} was added by hand without an ID and may be the \
             same person as {} already on this laptop. If the row corrects one imported before, \
             delete the older participant after the import.",
            entity.sheet.name,
            lines.get(&insert.id).copied().unwrap_or(0),
            input.full_name,
            names.join(", ")
        ));
    }
    Ok(())
}

/// New and changed participants and actions pass the checks the app makes when they are typed.
fn check_values(
    incoming: &Incoming,
    lines: &HashMap<Uuid, u32>,
    locals: &HashMap<&'static str, HashMap<Uuid, Local>>,
    inserts: &[Insert],
    changes: &[RecordChange],
    problems: &mut Vec<CellProblem>,
) {
    let now = incoming.exported_at();
    // Only participants and actions have checks of their own beyond their cells'.
    let checked = |entity: &Entity| {
        entity.name == entities::PARTICIPANT.name || entity.name == entities::ACTION.name
    };
    let mut merged: Vec<(&'static Entity, Uuid, Vec<Value>)> = inserts
        .iter()
        .filter(|i| checked(i.entity))
        .map(|i| (i.entity, i.id, i.values.clone()))
        .collect();
    for change in changes.iter().filter(|c| checked(c.entity)) {
        if let Some(local) = locals
            .get(change.entity.name)
            .and_then(|l| l.get(&change.id))
        {
            let mut values = local.values.clone();
            for f in &change.fields {
                values[f.index] = f.theirs.clone();
            }
            merged.push((change.entity, change.id, values));
        }
    }
    for (entity, id, values) in merged {
        let line = lines.get(&id).copied().unwrap_or(0);
        let mut problem = |field: &str, message: String| {
            let column = entity
                .field(field)
                .and_then(|f| entity.header_of(f.column))
                .unwrap_or(field);
            problems.push(CellProblem {
                sheet: entity.sheet.name.to_string(),
                row: line,
                column: column.to_string(),
                cell: String::new(),
                message,
            });
        };
        if entity.name == entities::PARTICIPANT.name {
            let object: serde_json::Map<String, Value> = entity
                .fields
                .iter()
                .zip(&values)
                .map(|(f, v)| (f.log.to_string(), v.clone()))
                .collect();
            let input: ParticipantInput = match serde_json::from_value(Value::Object(object)) {
                Ok(input) => input,
                Err(error) => {
                    problem(
                        "fullName",
                        format!("is not a participant Workshop Desk can read ({error})"),
                    );
                    continue;
                }
            };
            if let Err(crate::Error::Invalid { field, message, .. }) =
                participant::validate(&input, now)
            {
                problem(field, message);
            }
        } else if entity.name == entities::ACTION.name {
            let date = |name: &str| {
                entity
                    .index(name)
                    .and_then(|i| values[i].as_str().map(str::to_string))
            };
            if let (Some(start), Some(due)) = (date("startDate"), date("dueDate"))
                && due < start
            {
                problem(
                    "dueDate",
                    format!("the due date {due} is before the start date {start}"),
                );
            }
        }
    }
}

/// A badge code changed to one another participant of the workshop holds (typed over by hand)
/// is a problem of the preview: the database would refuse it half-way through the import. (Two
/// new participants with one code are settled when applied, see `apply::settle_badge_code`.)
fn check_badge_codes(
    lines: &HashMap<Uuid, u32>,
    locals: &HashMap<&'static str, HashMap<Uuid, Local>>,
    changes: &[RecordChange],
    problems: &mut Vec<CellProblem>,
) {
    let entity = &entities::PARTICIPANT;
    let Some(badge) = entity.index("badgeCode") else {
        return;
    };
    let code_of = |value: &Value| value.as_str().unwrap_or("").to_string();
    let changed: Vec<(Uuid, String)> = changes
        .iter()
        .filter(|c| c.entity.name == entity.name)
        .flat_map(|c| {
            c.fields
                .iter()
                .filter(|f| f.index == badge)
                .map(|f| (c.id, code_of(&f.theirs)))
        })
        .collect();
    if changed.is_empty() {
        return;
    }
    let mut codes: HashMap<Uuid, String> = locals
        .get(entity.name)
        .map(|people| {
            people
                .iter()
                .map(|(id, local)| (*id, code_of(&local.values[badge])))
                .collect()
        })
        .unwrap_or_default();
    codes.extend(changed.iter().cloned());
    for (id, _) in changed {
        let code = &codes[&id];
        let taken = codes.iter().any(|(other, c)| *other != id && c == code);
        if taken && !code.is_empty() {
            problems.push(CellProblem {
                sheet: entity.sheet.name.to_string(),
                row: lines.get(&id).copied().unwrap_or(0),
                column: entity
                    .header_of("badge_code")
                    .unwrap_or("Badge code")
                    .to_string(),
                cell: String::new(),
                message: format!(
                    "the badge code {code} is another participant's; each badge code is used once"
                ),
            });
        }
    }
}
