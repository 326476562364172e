//! Working groups: a workshop's groupings (by sub-region on day 2, by theme on day 4), each
//! dividing the participants into groups; a participant is in at most one group per grouping.

use crate::db::{Database, Writer};
use crate::edit::{self, Kind, Table};
use crate::error::{Error, InvalidCode, Result};
use crate::participant::Sex;
use crate::{countries, ids, regions, validate};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};
use uuid::Uuid;

pub(crate) const GROUPING: Table = Table {
    entity: "grouping",
    name: "grouping",
    fields: &[
        ("name", "name", Kind::Text),
        ("position", "position", Kind::Real),
        ("deletedAt", "deleted_at", Kind::OptionalText),
    ],
};

pub(crate) const GROUP: Table = Table {
    entity: "group",
    name: "work_group",
    fields: &[
        ("groupingId", "grouping_id", Kind::Text),
        ("name", "name", Kind::Text),
        ("position", "position", Kind::Real),
        ("deletedAt", "deleted_at", Kind::OptionalText),
    ],
};

pub(crate) const MEMBER: Table = Table {
    entity: "group_member",
    name: "group_member",
    fields: &[
        ("groupingId", "grouping_id", Kind::Text),
        ("groupId", "group_id", Kind::Text),
        ("participantId", "participant_id", Kind::Text),
        ("deletedAt", "deleted_at", Kind::OptionalText),
    ],
};

/// A participant as a group shows them: enough to recognise them and to balance the groups.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub participant_id: Uuid,
    pub full_name: String,
    pub name_latin: String,
    pub sex: Sex,
    pub country: Option<String>,
    pub organisation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub id: Uuid,
    pub grouping_id: Uuid,
    pub name: String,
    pub members: Vec<Member>,
    /// The sex balance at a glance.
    pub women: u32,
    pub men: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Grouping {
    pub id: Uuid,
    pub workshop_id: Uuid,
    pub name: String,
    pub groups: Vec<Group>,
    /// Registered participants in none of this grouping's groups.
    pub unassigned: Vec<Member>,
}

/// A group to create: a name and who is in it (a suggestion, edited or not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupDraft {
    pub name: String,
    pub participant_ids: Vec<Uuid>,
}

/// How to suggest a grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestBy {
    Country,
    SubRegion,
}

/// The workshop's registered participants, by Latin name.
fn members_of_workshop(conn: &Connection, workshop_id: Uuid) -> Result<Vec<Member>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, full_name, name_latin, sex, country, organisation FROM participant
         WHERE workshop_id = ?1 AND deleted_at IS NULL
         ORDER BY name_latin COLLATE NOCASE, full_name",
    )?;
    let rows = statement.query_map([workshop_id.to_string()], |r| {
        Ok(Member {
            participant_id: ids::read(&r.get::<_, String>(0)?),
            full_name: r.get(1)?,
            name_latin: r.get(2)?,
            sex: Sex::parse(&r.get::<_, String>(3)?).unwrap_or_default(),
            country: r.get(4)?,
            organisation: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The workshop's groupings, each with its groups, their members and who is left over.
pub fn list(conn: &Connection, workshop_id: Uuid) -> Result<Vec<Grouping>> {
    let people = members_of_workshop(conn, workshop_id)?;
    let by_id: HashMap<Uuid, &Member> = people.iter().map(|m| (m.participant_id, m)).collect();
    let key = workshop_id.to_string();
    let mut groupings: Vec<Grouping> = conn
        .prepare_cached(
            "SELECT id, name FROM grouping WHERE workshop_id = ?1 AND deleted_at IS NULL
             ORDER BY position",
        )?
        .query_map([&key], |r| {
            Ok(Grouping {
                id: ids::read(&r.get::<_, String>(0)?),
                workshop_id,
                name: r.get(1)?,
                groups: Vec::new(),
                unassigned: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut statement = conn.prepare_cached(
        "SELECT id, grouping_id, name FROM work_group WHERE workshop_id = ?1 AND deleted_at IS NULL
         ORDER BY position",
    )?;
    let mut rows = statement.query([&key])?;
    while let Some(r) = rows.next()? {
        let group = Group {
            id: ids::read(&r.get::<_, String>(0)?),
            grouping_id: ids::read(&r.get::<_, String>(1)?),
            name: r.get(2)?,
            members: Vec::new(),
            women: 0,
            men: 0,
        };
        if let Some(g) = groupings.iter_mut().find(|g| g.id == group.grouping_id) {
            g.groups.push(group);
        }
    }
    let mut statement = conn.prepare_cached(
        "SELECT grouping_id, group_id, participant_id FROM group_member
         WHERE workshop_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut rows = statement.query([&key])?;
    let mut placed: HashMap<Uuid, HashSet<Uuid>> = HashMap::new();
    while let Some(r) = rows.next()? {
        let (grouping_id, group_id, participant_id) = (
            ids::read(&r.get::<_, String>(0)?),
            ids::read(&r.get::<_, String>(1)?),
            ids::read(&r.get::<_, String>(2)?),
        );
        let Some(member) = by_id.get(&participant_id) else {
            continue; // a participant deleted since
        };
        let group = groupings
            .iter_mut()
            .filter(|g| g.id == grouping_id)
            .flat_map(|g| g.groups.iter_mut())
            .find(|g| g.id == group_id);
        if let Some(group) = group {
            group.members.push((*member).clone());
            placed
                .entry(grouping_id)
                .or_default()
                .insert(participant_id);
        }
    }
    // Members in the order of the workshop's list (by Latin name).
    let order: HashMap<Uuid, usize> = people
        .iter()
        .enumerate()
        .map(|(i, m)| (m.participant_id, i))
        .collect();
    for grouping in &mut groupings {
        let here = placed.remove(&grouping.id).unwrap_or_default();
        grouping.unassigned = people
            .iter()
            .filter(|m| !here.contains(&m.participant_id))
            .cloned()
            .collect();
        for group in &mut grouping.groups {
            group
                .members
                .sort_by_key(|m| order.get(&m.participant_id).copied());
            group.women = count(&group.members, Sex::Woman);
            group.men = count(&group.members, Sex::Man);
        }
    }
    Ok(groupings)
}

fn count(members: &[Member], sex: Sex) -> u32 {
    members.iter().filter(|m| m.sex == sex).count() as u32
}

pub fn get(conn: &Connection, grouping_id: Uuid) -> Result<Grouping> {
    let workshop_id = workshop_of(conn, &GROUPING, grouping_id)?;
    list(conn, workshop_id)?
        .into_iter()
        .find(|g| g.id == grouping_id)
        .ok_or_else(|| Error::not_found(GROUPING.entity, &grouping_id))
}

/// The workshop of a live row of `table`; not found when it is missing or deleted.
pub(crate) fn workshop_of(conn: &Connection, table: &Table, id: Uuid) -> Result<Uuid> {
    conn.prepare_cached(&format!(
        "SELECT workshop_id FROM {} WHERE id = ?1 AND deleted_at IS NULL",
        table.name
    ))?
    .query_row([id.to_string()], |r| r.get::<_, String>(0))
    .optional()?
    .map(|t| ids::read(&t))
    .ok_or_else(|| Error::not_found(table.entity, &id))
}

fn last_position(conn: &Connection, table: &str, scope: &str, id: Uuid) -> Result<Option<f64>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT MAX(position) FROM {table} WHERE {scope} = ?1 AND deleted_at IS NULL"
        ))?
        .query_row([id.to_string()], |r| r.get(0))?)
}

fn valid_name(field: &'static str, name: &str) -> Result<String> {
    validate::required_text(field, "The name", name, 120)
}

/// Groups suggested from the participants' countries or sub-regions, largest first, named in
/// `language`; the facilitator edits them before creating the grouping.
pub fn suggest(
    conn: &Connection,
    workshop_id: Uuid,
    by: SuggestBy,
    language: &str,
) -> Result<Vec<GroupDraft>> {
    let mut groups: BTreeMap<String, Vec<Uuid>> = BTreeMap::new();
    let other = match language {
        "fr" => "Autres",
        "es" => "Otros",
        _ => "Other",
    };
    for member in members_of_workshop(conn, workshop_id)? {
        let code = member.country.as_deref().unwrap_or_default();
        let name = match by {
            SuggestBy::Country => countries::by_code(code).map(|c| c.name(language)),
            SuggestBy::SubRegion => regions::of_country(code).map(|r| r.name(language)),
        };
        groups
            .entry(name.unwrap_or(other).to_owned())
            .or_default()
            .push(member.participant_id);
    }
    let mut drafts: Vec<GroupDraft> = groups
        .into_iter()
        .map(|(name, participant_ids)| GroupDraft {
            name,
            participant_ids,
        })
        .collect();
    drafts.sort_by_key(|d| std::cmp::Reverse(d.participant_ids.len()));
    Ok(drafts)
}

/// Creates a grouping with its groups and members, in one edit. A participant may appear in
/// only one of the groups, and must be registered in the workshop.
pub fn create_grouping(
    db: &mut Database,
    workshop_id: Uuid,
    name: &str,
    groups: &[GroupDraft],
    now: DateTime<Utc>,
) -> Result<Grouping> {
    let name = valid_name("name", name)?;
    let names: Vec<String> = groups
        .iter()
        .map(|g| valid_name("groups", &g.name))
        .collect::<Result<_>>()?;
    crate::workshop::get(db.conn(), workshop_id)?;
    let registered: HashSet<Uuid> = members_of_workshop(db.conn(), workshop_id)?
        .into_iter()
        .map(|m| m.participant_id)
        .collect();
    let mut seen = HashSet::new();
    for id in groups.iter().flat_map(|g| &g.participant_ids) {
        if !registered.contains(id) {
            return Err(Error::not_found(crate::participant::ENTITY, id));
        }
        if !seen.insert(*id) {
            return Err(Error::invalid(
                InvalidCode::InvalidValue,
                "groups",
                "A participant can be in only one group of a grouping",
            ));
        }
    }
    let position = edit::between(
        last_position(db.conn(), "grouping", "workshop_id", workshop_id)?,
        None,
    );
    let grouping_id = edit::record(db, workshop_id, "grouping.create", now, |w| {
        let grouping_id = w.new_id();
        edit::insert(
            w,
            &GROUPING,
            grouping_id,
            workshop_id,
            &[("name", json!(name)), ("position", json!(position))],
        )?;
        for (i, (draft, name)) in groups.iter().zip(&names).enumerate() {
            let group_id = w.new_id();
            edit::insert(
                w,
                &GROUP,
                group_id,
                workshop_id,
                &[
                    ("groupingId", json!(grouping_id)),
                    ("name", json!(name)),
                    ("position", json!(i as f64 + 1.0)),
                ],
            )?;
            for participant_id in &draft.participant_ids {
                insert_member(w, workshop_id, grouping_id, group_id, *participant_id)?;
            }
        }
        Ok(grouping_id)
    })?;
    get(db.conn(), grouping_id)
}

fn insert_member(
    w: &Writer,
    workshop_id: Uuid,
    grouping_id: Uuid,
    group_id: Uuid,
    participant_id: Uuid,
) -> Result<()> {
    edit::insert(
        w,
        &MEMBER,
        w.new_id(),
        workshop_id,
        &[
            ("groupingId", json!(grouping_id)),
            ("groupId", json!(group_id)),
            ("participantId", json!(participant_id)),
        ],
    )
}

pub fn rename_grouping(
    db: &mut Database,
    grouping_id: Uuid,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Grouping> {
    let name = valid_name("name", name)?;
    let workshop_id = workshop_of(db.conn(), &GROUPING, grouping_id)?;
    edit::record(db, workshop_id, "grouping.rename", now, |w| {
        edit::update(
            w,
            &GROUPING,
            grouping_id,
            workshop_id,
            &[("name", json!(name))],
        )
    })?;
    get(db.conn(), grouping_id)
}

/// Deletes a grouping with its groups and memberships (boards and plans that named one of its
/// groups keep their text; the group is no longer offered).
pub fn delete_grouping(db: &mut Database, grouping_id: Uuid, now: DateTime<Utc>) -> Result<()> {
    let workshop_id = workshop_of(db.conn(), &GROUPING, grouping_id)?;
    edit::record(db, workshop_id, "grouping.delete", now, |w| {
        for id in edit::live_ids(w, "group_member", "grouping_id", grouping_id)? {
            edit::delete(w, &MEMBER, id, workshop_id)?;
        }
        for id in edit::live_ids(w, "work_group", "grouping_id", grouping_id)? {
            edit::delete(w, &GROUP, id, workshop_id)?;
        }
        edit::delete(w, &GROUPING, grouping_id, workshop_id)?;
        Ok(())
    })
}

/// Adds an empty group at the end of a grouping.
pub fn add_group(
    db: &mut Database,
    grouping_id: Uuid,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Grouping> {
    let name = valid_name("name", name)?;
    let workshop_id = workshop_of(db.conn(), &GROUPING, grouping_id)?;
    let position = edit::between(
        last_position(db.conn(), "work_group", "grouping_id", grouping_id)?,
        None,
    );
    edit::record(db, workshop_id, "group.create", now, |w| {
        edit::insert(
            w,
            &GROUP,
            w.new_id(),
            workshop_id,
            &[
                ("groupingId", json!(grouping_id)),
                ("name", json!(name)),
                ("position", json!(position)),
            ],
        )
    })?;
    get(db.conn(), grouping_id)
}

pub fn rename_group(
    db: &mut Database,
    group_id: Uuid,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Grouping> {
    let name = valid_name("name", name)?;
    let workshop_id = workshop_of(db.conn(), &GROUP, group_id)?;
    let grouping_id = grouping_of(db.conn(), group_id)?;
    edit::record(db, workshop_id, "group.rename", now, |w| {
        edit::update(w, &GROUP, group_id, workshop_id, &[("name", json!(name))])
    })?;
    get(db.conn(), grouping_id)
}

/// Deletes a group; its members become unassigned in the grouping.
pub fn delete_group(db: &mut Database, group_id: Uuid, now: DateTime<Utc>) -> Result<Grouping> {
    let workshop_id = workshop_of(db.conn(), &GROUP, group_id)?;
    let grouping_id = grouping_of(db.conn(), group_id)?;
    edit::record(db, workshop_id, "group.delete", now, |w| {
        for id in edit::live_ids(w, "group_member", "group_id", group_id)? {
            edit::delete(w, &MEMBER, id, workshop_id)?;
        }
        edit::delete(w, &GROUP, group_id, workshop_id)?;
        Ok(())
    })?;
    get(db.conn(), grouping_id)
}

fn grouping_of(conn: &Connection, group_id: Uuid) -> Result<Uuid> {
    conn.prepare_cached("SELECT grouping_id FROM work_group WHERE id = ?1")?
        .query_row([group_id.to_string()], |r| r.get::<_, String>(0))
        .optional()?
        .map(|t| ids::read(&t))
        .ok_or_else(|| Error::not_found(GROUP.entity, &group_id))
}

/// Puts a participant into a group of the grouping (moving them out of the one they were in),
/// or, with `group_id` None, out of every group of it.
pub fn assign(
    db: &mut Database,
    grouping_id: Uuid,
    participant_id: Uuid,
    group_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Grouping> {
    let workshop_id = workshop_of(db.conn(), &GROUPING, grouping_id)?;
    if crate::participant::get(db.conn(), participant_id)?.workshop_id != workshop_id {
        return Err(Error::not_found(
            crate::participant::ENTITY,
            &participant_id,
        ));
    }
    if let Some(group_id) = group_id
        && (workshop_of(db.conn(), &GROUP, group_id)? != workshop_id
            || grouping_of(db.conn(), group_id)? != grouping_id)
    {
        return Err(Error::not_found(GROUP.entity, &group_id));
    }
    let current: Option<(String, String)> = db
        .conn()
        .prepare_cached(
            "SELECT id, group_id FROM group_member
             WHERE grouping_id = ?1 AND participant_id = ?2 AND deleted_at IS NULL",
        )?
        .query_row([grouping_id.to_string(), participant_id.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let current = current.map(|(id, group)| (ids::read(&id), ids::read(&group)));
    edit::record(db, workshop_id, "group.assign", now, |w| {
        match (current, group_id) {
            (Some((_, from)), Some(to)) if from == to => {}
            (Some((member, _)), Some(to)) => {
                edit::update(w, &MEMBER, member, workshop_id, &[("groupId", json!(to))])?;
            }
            (Some((member, _)), None) => {
                edit::delete(w, &MEMBER, member, workshop_id)?;
            }
            (None, Some(to)) => insert_member(w, workshop_id, grouping_id, to, participant_id)?,
            (None, None) => {}
        }
        Ok(())
    })?;
    get(db.conn(), grouping_id)
}

/// The groups of the workshop, each named with its grouping ("By sub-region · South Asia"),
/// for the pickers of boards, notes and plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupChoice {
    pub id: Uuid,
    pub name: String,
    pub grouping_name: String,
}

pub fn choices(conn: &Connection, workshop_id: Uuid) -> Result<Vec<GroupChoice>> {
    let mut statement = conn.prepare_cached(
        "SELECT g.id, g.name, s.name FROM work_group g JOIN grouping s ON s.id = g.grouping_id
         WHERE g.workshop_id = ?1 AND g.deleted_at IS NULL AND s.deleted_at IS NULL
         ORDER BY s.position, g.position",
    )?;
    let rows = statement.query_map([workshop_id.to_string()], |r| {
        Ok(GroupChoice {
            id: ids::read(&r.get::<_, String>(0)?),
            name: r.get(1)?,
            grouping_name: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
