//! Action plans and their actions, linked to the SWOT notes they answer.
//!
//! A working group turns its SWOT board into plans: regional (the unions of a sub-region
//! together), national (one country's unions) or organisational (one union's own plan). An
//! action says who does what with whom, by when, and how progress will be seen (indicator,
//! baseline, target), and carries theme tags so that the closing plenary sees where the
//! countries' plans meet. An action links to the notes it answers, so the room can go from a
//! threat on the board to what it decided to do about it, and back.
//!
//! Every write is one undoable edit (see [`crate::edit`]): rows are written only through
//! `edit::insert/update/delete`, so the change log holds every old value. Deletions are soft,
//! and every read skips deleted rows (a note counts only while it and its board are live).

use crate::db::Writer;
use crate::edit::{self, Kind, Table};
use crate::error::{Error, InvalidCode, Result};
use crate::{Database, board, groups, time, validate};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Params, Row, params};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

pub(crate) const PLAN: Table = Table {
    entity: "plan",
    name: "action_plan",
    fields: &[
        ("scope", "scope", Kind::Text),
        ("country", "country", Kind::OptionalText),
        ("organisation", "organisation", Kind::Text),
        ("title", "title", Kind::Text),
        ("groupId", "group_id", Kind::OptionalText),
        ("position", "position", Kind::Real),
        ("deletedAt", "deleted_at", Kind::OptionalText),
    ],
};

pub(crate) const ACTION: Table = Table {
    entity: "action",
    name: "action",
    fields: &[
        ("planId", "plan_id", Kind::Text),
        ("description", "description", Kind::Text),
        ("responsible", "responsible", Kind::Text),
        ("partners", "partners", Kind::Text),
        ("startDate", "start_date", Kind::OptionalText),
        ("dueDate", "due_date", Kind::OptionalText),
        ("status", "status", Kind::Text),
        ("resources", "resources", Kind::Text),
        ("indicator", "indicator", Kind::Text),
        ("baseline", "baseline", Kind::Text),
        ("target", "target", Kind::Text),
        ("themes", "themes", Kind::Json),
        ("position", "position", Kind::Real),
        ("deletedAt", "deleted_at", Kind::OptionalText),
    ],
};

/// An action answers a note: one row per link, so a link can be taken back and undone.
pub(crate) const LINK: Table = Table {
    entity: "action_note",
    name: "action_note",
    fields: &[
        ("actionId", "action_id", Kind::Text),
        ("noteId", "note_id", Kind::Text),
        ("deletedAt", "deleted_at", Kind::OptionalText),
    ],
};

const MAX_TITLE: usize = 200;
const MAX_ORGANISATION: usize = 200;
const MAX_DESCRIPTION: usize = 2000;
const MAX_RESPONSIBLE: usize = 200;
const MAX_PARTNERS: usize = 500;
/// Resources, indicator, baseline and target: a few lines each.
const MAX_DETAIL: usize = 1000;
const MAX_THEME: usize = 80;

/// The themes offered when tagging an action: the recurring subjects of ACTRAV courses on
/// migration and organising. Stored as this English text, so the UI can translate them; a
/// facilitator may type any other tag.
pub const SUGGESTED_THEMES: [&str; 11] = [
    "organising migrant workers",
    "fair recruitment",
    "social dialogue",
    "ratification campaign",
    "social protection",
    "occupational safety and health",
    "gender equality",
    "youth",
    "informal economy",
    "forced and child labour",
    "digital transformation",
];

/// Whose plan it is: it decides which plans the roll-up puts side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The unions of a (sub-)region together.
    #[default]
    Regional,
    /// One country's unions; needs the country.
    National,
    /// One organisation's own plan; needs the organisation.
    Organisational,
}

/// Where an action stands. Follow-up months after the course moves it along.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl Scope {
    pub const ALL: [Self; 3] = [Self::Regional, Self::National, Self::Organisational];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Regional => "regional",
            Self::National => "national",
            Self::Organisational => "organisational",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

impl Status {
    /// In the order of the roll-up's counts.
    pub const ALL: [Self; 4] = [Self::Planned, Self::InProgress, Self::Done, Self::Dropped];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// What the facilitator types to create or edit a plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PlanInput {
    pub scope: Scope,
    /// An ISO code or a country name; required for a national plan.
    pub country: Option<String>,
    /// Required for an organisational plan.
    pub organisation: String,
    pub title: String,
    /// The working group that wrote the plan, if any.
    pub group_id: Option<Uuid>,
}

/// What the facilitator types to create or edit an action. Dates are text so that a bad date
/// is reported on its field rather than failing to decode.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ActionInput {
    pub description: String,
    pub responsible: String,
    pub partners: String,
    pub start_date: Option<String>,
    pub due_date: Option<String>,
    pub status: Status,
    pub resources: String,
    pub indicator: String,
    pub baseline: String,
    pub target: String,
    pub themes: Vec<String>,
}

/// A SWOT note an action answers, with enough of its board to show where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkedNote {
    pub note_id: Uuid,
    pub board_id: Uuid,
    pub question: String,
    pub quadrant: String,
    pub text: String,
    pub votes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub description: String,
    pub responsible: String,
    pub partners: String,
    /// `YYYY-MM-DD`
    pub start_date: Option<String>,
    /// `YYYY-MM-DD`
    pub due_date: Option<String>,
    pub status: Status,
    pub resources: String,
    pub indicator: String,
    pub baseline: String,
    pub target: String,
    pub themes: Vec<String>,
    /// The live notes it answers, in the order they were linked.
    pub notes: Vec<LinkedNote>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub id: Uuid,
    pub workshop_id: Uuid,
    pub scope: Scope,
    /// Alpha-2 code.
    pub country: Option<String>,
    pub organisation: String,
    pub title: String,
    pub group_id: Option<Uuid>,
    /// The group's name while the group exists.
    pub group_name: Option<String>,
    /// Live actions, in order.
    pub actions: Vec<Action>,
    pub updated_at: String,
}

/// An action that answers a note, as the note's side panel lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionOfNote {
    pub action_id: Uuid,
    pub plan_id: Uuid,
    pub plan_title: String,
    pub description: String,
    pub status: Status,
}

/// How many actions have a status, a theme or a due month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Count {
    pub key: String,
    pub count: u32,
}

/// The national plans of one country, and what their actions are about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryPlans {
    /// Alpha-2 code.
    pub country: String,
    pub plans: Vec<Plan>,
    pub themes: Vec<Count>,
}

/// The workshop's plans side by side, for the closing plenary and the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rollup {
    /// By country code.
    pub national: Vec<CountryPlans>,
    pub regional: Vec<Plan>,
    pub organisational: Vec<Plan>,
    /// Every status, in order, zeros included.
    pub by_status: Vec<Count>,
    /// Most used first, then by name.
    pub by_theme: Vec<Count>,
    /// `YYYY-MM` ascending, then `none` for the actions without a due date.
    pub by_due_month: Vec<Count>,
}

/// A checked plan, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ValidPlan {
    scope: Scope,
    country: Option<String>,
    organisation: String,
    title: String,
    group_id: Option<Uuid>,
}

impl ValidPlan {
    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("scope", json!(self.scope.as_str())),
            ("country", json!(self.country)),
            ("organisation", json!(self.organisation)),
            ("title", json!(self.title)),
            ("groupId", json!(self.group_id.map(|id| id.to_string()))),
        ]
    }
}

fn validate_plan(input: &PlanInput) -> Result<ValidPlan> {
    let title = validate::required_text("title", "The title", &input.title, MAX_TITLE)?;
    let country = validate::country("country", input.country.as_deref())?;
    let organisation = validate::optional_text(
        "organisation",
        "The organisation",
        &input.organisation,
        MAX_ORGANISATION,
    )?;
    if input.scope == Scope::National && country.is_none() {
        return Err(Error::invalid(
            InvalidCode::Required,
            "country",
            "A national plan needs its country",
        ));
    }
    if input.scope == Scope::Organisational && organisation.is_empty() {
        return Err(Error::invalid(
            InvalidCode::Required,
            "organisation",
            "An organisational plan needs the organisation it is for",
        ));
    }
    Ok(ValidPlan {
        scope: input.scope,
        country,
        organisation,
        title,
        group_id: input.group_id,
    })
}

/// A checked action, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ValidAction {
    description: String,
    responsible: String,
    partners: String,
    start_date: Option<NaiveDate>,
    due_date: Option<NaiveDate>,
    status: Status,
    resources: String,
    indicator: String,
    baseline: String,
    target: String,
    themes: Vec<String>,
}

impl ValidAction {
    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("description", json!(self.description)),
            ("responsible", json!(self.responsible)),
            ("partners", json!(self.partners)),
            ("startDate", json!(self.start_date.map(|d| d.to_string()))),
            ("dueDate", json!(self.due_date.map(|d| d.to_string()))),
            ("status", json!(self.status.as_str())),
            ("resources", json!(self.resources)),
            ("indicator", json!(self.indicator)),
            ("baseline", json!(self.baseline)),
            ("target", json!(self.target)),
            ("themes", json!(self.themes)),
        ]
    }
}

fn optional_date(field: &'static str, value: Option<&str>) -> Result<Option<NaiveDate>> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    time::parse_date(value).map(Some).ok_or_else(|| {
        Error::invalid(
            InvalidCode::InvalidDate,
            field,
            format!("{value:?} is not a date; use the calendar or type YYYY-MM-DD"),
        )
    })
}

/// Trimmed, without empty tags or repeats (ignoring case); a suggested theme typed in another
/// case is stored as suggested, so that it is translated and counted with the others.
fn validate_themes(themes: &[String]) -> Result<Vec<String>> {
    let mut valid: Vec<String> = Vec::with_capacity(themes.len());
    for theme in themes {
        let theme = validate::optional_text("themes", "A theme", theme, MAX_THEME)?;
        if theme.is_empty() {
            continue;
        }
        let folded = theme.to_lowercase();
        let theme = SUGGESTED_THEMES
            .iter()
            .find(|suggested| **suggested == folded)
            .map_or(theme, |suggested| (*suggested).to_string());
        if !valid.iter().any(|t| t.to_lowercase() == folded) {
            valid.push(theme);
        }
    }
    Ok(valid)
}

fn validate_action(input: &ActionInput) -> Result<ValidAction> {
    let description = validate::multiline_text(
        "description",
        "The description",
        &input.description,
        MAX_DESCRIPTION,
    )?;
    if description.trim().is_empty() {
        return Err(Error::invalid(
            InvalidCode::Required,
            "description",
            "Describe the action: what will be done",
        ));
    }
    let responsible = validate::required_text(
        "responsible",
        "Who is responsible",
        &input.responsible,
        MAX_RESPONSIBLE,
    )?;
    let partners =
        validate::optional_text("partners", "The partners", &input.partners, MAX_PARTNERS)?;
    let start_date = optional_date("startDate", input.start_date.as_deref())?;
    let due_date = optional_date("dueDate", input.due_date.as_deref())?;
    if let (Some(start), Some(due)) = (start_date, due_date)
        && due < start
    {
        return Err(Error::invalid(
            InvalidCode::DateOrder,
            "dueDate",
            format!("The due date ({due}) is before the start date ({start})"),
        ));
    }
    let detail = |field: &'static str, label: &str, value: &str| {
        validate::multiline_text(field, label, value, MAX_DETAIL)
    };
    Ok(ValidAction {
        description,
        responsible,
        partners,
        start_date,
        due_date,
        status: input.status,
        resources: detail("resources", "The resources", &input.resources)?,
        indicator: detail("indicator", "The indicator", &input.indicator)?,
        baseline: detail("baseline", "The baseline", &input.baseline)?,
        target: detail("target", "The target", &input.target)?,
        themes: validate_themes(&input.themes)?,
    })
}

fn uuid(text: &str) -> Uuid {
    Uuid::parse_str(text).unwrap_or_default()
}

fn uuid_at(row: &Row, index: usize) -> rusqlite::Result<Uuid> {
    Ok(uuid(&row.get::<_, String>(index)?))
}

fn optional_uuid_at(row: &Row, index: usize) -> rusqlite::Result<Option<Uuid>> {
    Ok(row.get::<_, Option<String>>(index)?.as_deref().map(uuid))
}

/// Which plans or actions a read loads: the same three queries serve the whole workshop, one
/// plan, or one action.
#[derive(Debug, Clone, Copy)]
enum Selection {
    Workshop(Uuid),
    Plan(Uuid),
    Action(Uuid),
}

impl Selection {
    fn clause(self) -> &'static str {
        match self {
            Self::Workshop(_) => "p.workshop_id = ?1",
            Self::Plan(_) => "p.id = ?1",
            Self::Action(_) => "a.id = ?1",
        }
    }

    fn id(self) -> String {
        match self {
            Self::Workshop(id) | Self::Plan(id) | Self::Action(id) => id.to_string(),
        }
    }
}

/// Live plans with their live actions and linked notes: one query per table, whatever the
/// number of actions.
fn load_plans(conn: &Connection, selection: Selection) -> Result<Vec<Plan>> {
    let mut plans: Vec<Plan> = conn
        .prepare_cached(&format!(
            "SELECT p.id, p.workshop_id, p.scope, p.country, p.organisation, p.title,
                    p.group_id, g.name, p.updated_at
             FROM action_plan p
             LEFT JOIN work_group g ON g.id = p.group_id AND g.deleted_at IS NULL
             WHERE {} AND p.deleted_at IS NULL
             ORDER BY p.position, p.id",
            selection.clause()
        ))?
        .query_map([selection.id()], |row| {
            Ok(Plan {
                id: uuid_at(row, 0)?,
                workshop_id: uuid_at(row, 1)?,
                scope: Scope::parse(&row.get::<_, String>(2)?).unwrap_or_default(),
                country: row.get(3)?,
                organisation: row.get(4)?,
                title: row.get(5)?,
                group_id: optional_uuid_at(row, 6)?,
                group_name: row.get(7)?,
                actions: Vec::new(),
                updated_at: row.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut actions: HashMap<Uuid, Vec<Action>> = HashMap::new();
    for action in load_actions(conn, selection)? {
        actions.entry(action.plan_id).or_default().push(action);
    }
    for plan in &mut plans {
        plan.actions = actions.remove(&plan.id).unwrap_or_default();
    }
    Ok(plans)
}

/// Live actions of live plans, in plan then action order, with their live linked notes.
fn load_actions(conn: &Connection, selection: Selection) -> Result<Vec<Action>> {
    let clause = selection.clause();
    let mut notes: HashMap<Uuid, Vec<LinkedNote>> = HashMap::new();
    {
        let mut statement = conn.prepare_cached(&format!(
            "SELECT an.action_id, n.id, n.board_id, b.question, n.quadrant, n.text, n.votes
             FROM action a
             JOIN action_plan p ON p.id = a.plan_id
             JOIN action_note an ON an.action_id = a.id AND an.deleted_at IS NULL
             JOIN note n ON n.id = an.note_id AND n.deleted_at IS NULL
             JOIN board b ON b.id = n.board_id AND b.deleted_at IS NULL
             WHERE {clause} AND a.deleted_at IS NULL AND p.deleted_at IS NULL
             ORDER BY an.created_at, an.id"
        ))?;
        let mut rows = statement.query([selection.id()])?;
        while let Some(row) = rows.next()? {
            notes.entry(uuid_at(row, 0)?).or_default().push(LinkedNote {
                note_id: uuid_at(row, 1)?,
                board_id: uuid_at(row, 2)?,
                question: row.get(3)?,
                quadrant: row.get(4)?,
                text: row.get(5)?,
                votes: row.get(6)?,
            });
        }
    }
    let actions = conn
        .prepare_cached(&format!(
            "SELECT a.id, a.plan_id, a.description, a.responsible, a.partners, a.start_date,
                    a.due_date, a.status, a.resources, a.indicator, a.baseline, a.target,
                    a.themes, a.updated_at
             FROM action a
             JOIN action_plan p ON p.id = a.plan_id
             WHERE {clause} AND a.deleted_at IS NULL AND p.deleted_at IS NULL
             ORDER BY p.position, p.id, a.position, a.id"
        ))?
        .query_map([selection.id()], |row| {
            let id = uuid_at(row, 0)?;
            Ok(Action {
                id,
                plan_id: uuid_at(row, 1)?,
                description: row.get(2)?,
                responsible: row.get(3)?,
                partners: row.get(4)?,
                start_date: row.get(5)?,
                due_date: row.get(6)?,
                status: Status::parse(&row.get::<_, String>(7)?).unwrap_or_default(),
                resources: row.get(8)?,
                indicator: row.get(9)?,
                baseline: row.get(10)?,
                target: row.get(11)?,
                themes: serde_json::from_str(&row.get::<_, String>(12)?).unwrap_or_default(),
                notes: notes.remove(&id).unwrap_or_default(),
                updated_at: row.get(13)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(actions)
}

/// The workshop's live plans in order, each with its live actions in order, each with the
/// live notes it answers.
pub fn list(conn: &Connection, workshop_id: Uuid) -> Result<Vec<Plan>> {
    load_plans(conn, Selection::Workshop(workshop_id))
}

/// One live plan with its actions.
pub fn get(conn: &Connection, plan_id: Uuid) -> Result<Plan> {
    load_plans(conn, Selection::Plan(plan_id))?
        .pop()
        .ok_or_else(|| Error::not_found(PLAN.entity, &plan_id))
}

fn get_action(conn: &Connection, action_id: Uuid) -> Result<Action> {
    load_actions(conn, Selection::Action(action_id))?
        .pop()
        .ok_or_else(|| Error::not_found(ACTION.entity, &action_id))
}

/// The workshop of a live plan.
fn live_plan(conn: &Connection, plan_id: Uuid) -> Result<Uuid> {
    conn.prepare_cached("SELECT workshop_id FROM action_plan WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([plan_id.to_string()], |row| uuid_at(row, 0))
        .optional()?
        .ok_or_else(|| Error::not_found(PLAN.entity, &plan_id))
}

/// The workshop and plan of a live action of a live plan.
fn live_action(conn: &Connection, action_id: Uuid) -> Result<(Uuid, Uuid)> {
    conn.prepare_cached(
        "SELECT a.workshop_id, a.plan_id FROM action a JOIN action_plan p ON p.id = a.plan_id
         WHERE a.id = ?1 AND a.deleted_at IS NULL AND p.deleted_at IS NULL",
    )?
    .query_row([action_id.to_string()], |row| {
        Ok((uuid_at(row, 0)?, uuid_at(row, 1)?))
    })
    .optional()?
    .ok_or_else(|| Error::not_found(ACTION.entity, &action_id))
}

fn live_workshop(conn: &Connection, workshop_id: Uuid) -> Result<()> {
    conn.prepare_cached("SELECT 1 FROM workshop WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([workshop_id.to_string()], |_| Ok(()))
        .optional()?
        .ok_or_else(|| Error::not_found("workshop", &workshop_id))
}

/// A group a plan may name: a live group of the plan's workshop. The group a plan already
/// names is accepted even if it has been deleted since, so that editing the title of such a
/// plan does not fail on a field the facilitator did not touch.
fn check_group(
    conn: &Connection,
    workshop_id: Uuid,
    group_id: Option<Uuid>,
    current: Option<Uuid>,
) -> Result<()> {
    let Some(group_id) = group_id else {
        return Ok(());
    };
    if current == Some(group_id) {
        return Ok(());
    }
    conn.prepare_cached(
        "SELECT 1 FROM work_group WHERE id = ?1 AND workshop_id = ?2 AND deleted_at IS NULL",
    )?
    .query_row(
        params![group_id.to_string(), workshop_id.to_string()],
        |_| Ok(()),
    )
    .optional()?
    .ok_or_else(|| Error::not_found(groups::GROUP.entity, &group_id))
}

/// A note an action may answer: a live note, on a live board, of the same workshop.
fn check_note(conn: &Connection, workshop_id: Uuid, note_id: Uuid) -> Result<()> {
    conn.prepare_cached(
        "SELECT 1 FROM note n JOIN board b ON b.id = n.board_id
         WHERE n.id = ?1 AND n.workshop_id = ?2 AND n.deleted_at IS NULL
           AND b.deleted_at IS NULL",
    )?
    .query_row(
        params![note_id.to_string(), workshop_id.to_string()],
        |_| Ok(()),
    )
    .optional()?
    .ok_or_else(|| Error::not_found(board::NOTE.entity, &note_id))
}

/// The sort key after every row (deleted ones too, so that a row brought back by undo never
/// shares its key with a newer one).
fn next_position(conn: &Connection, sql: &str, id: Uuid) -> Result<f64> {
    let last: Option<f64> = conn
        .prepare_cached(sql)?
        .query_row([id.to_string()], |row| row.get(0))?;
    Ok(edit::between(last, None))
}

fn ids(conn: &Connection, sql: &str, id: Uuid) -> Result<Vec<Uuid>> {
    Ok(conn
        .prepare_cached(sql)?
        .query_map([id.to_string()], |row| uuid_at(row, 0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Adds a plan at the end of the workshop's plans.
pub fn create_plan(
    db: &mut Database,
    workshop_id: Uuid,
    input: &PlanInput,
    now: DateTime<Utc>,
) -> Result<Plan> {
    let checked = validate_plan(input)?;
    live_workshop(db.conn(), workshop_id)?;
    edit::record(db, workshop_id, "plan.create", now, |w| {
        let id = insert_plan(w, workshop_id, &checked)?;
        get(w, id)
    })
}

/// A plan and its first action, made together.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanWithAction {
    pub plan: Plan,
    pub action: Action,
}

/// "Create an action from this note" into a plan that does not exist yet: the plan and its
/// first action (linked to `note_ids`) as one edit, so one undo takes both back and an action
/// that is refused leaves no empty plan behind.
pub fn create_plan_with_action(
    db: &mut Database,
    workshop_id: Uuid,
    plan: &PlanInput,
    action: &ActionInput,
    note_ids: &[Uuid],
    now: DateTime<Utc>,
) -> Result<PlanWithAction> {
    let checked_plan = validate_plan(plan)?;
    let checked_action = validate_action(action)?;
    live_workshop(db.conn(), workshop_id)?;
    edit::record(db, workshop_id, "plan.create", now, |w| {
        let plan_id = insert_plan(w, workshop_id, &checked_plan)?;
        let action_id = insert_action(w, workshop_id, plan_id, &checked_action, note_ids)?;
        Ok(PlanWithAction {
            plan: get(w, plan_id)?,
            action: get_action(w, action_id)?,
        })
    })
}

fn insert_plan(w: &Writer, workshop_id: Uuid, checked: &ValidPlan) -> Result<Uuid> {
    check_group(w, workshop_id, checked.group_id, None)?;
    let id = w.new_id();
    let mut fields = checked.fields();
    fields.push((
        "position",
        json!(next_position(
            w,
            "SELECT MAX(position) FROM action_plan WHERE workshop_id = ?1",
            workshop_id
        )?),
    ));
    edit::insert(w, &PLAN, id, workshop_id, &fields)?;
    Ok(id)
}

/// Changes a plan's scope, country, organisation, title or group.
pub fn update_plan(
    db: &mut Database,
    plan_id: Uuid,
    input: &PlanInput,
    now: DateTime<Utc>,
) -> Result<Plan> {
    let workshop_id = live_plan(db.conn(), plan_id)?;
    let checked = validate_plan(input)?;
    edit::record(db, workshop_id, "plan.update", now, |w| {
        let current = edit::read(w, &PLAN, plan_id, &["groupId"])?;
        let current = current
            .first()
            .and_then(|(_, value)| value.as_str())
            .map(uuid);
        check_group(w, workshop_id, checked.group_id, current)?;
        edit::update(w, &PLAN, plan_id, workshop_id, &checked.fields())?;
        get(w, plan_id)
    })
}

/// Deletes a plan with its actions and their links, as one edit: one undo brings all back.
pub fn delete_plan(db: &mut Database, plan_id: Uuid, now: DateTime<Utc>) -> Result<()> {
    let workshop_id = live_plan(db.conn(), plan_id)?;
    edit::record(db, workshop_id, "plan.delete", now, |w| {
        let links = ids(
            w,
            "SELECT an.id FROM action_note an JOIN action a ON a.id = an.action_id
             WHERE a.plan_id = ?1 AND a.deleted_at IS NULL AND an.deleted_at IS NULL",
            plan_id,
        )?;
        for link in links {
            edit::delete(w, &LINK, link, workshop_id)?;
        }
        let actions = ids(
            w,
            "SELECT id FROM action WHERE plan_id = ?1 AND deleted_at IS NULL",
            plan_id,
        )?;
        for action in actions {
            edit::delete(w, &ACTION, action, workshop_id)?;
        }
        edit::delete(w, &PLAN, plan_id, workshop_id)?;
        Ok(())
    })
}

/// Links an action to a note unless a live link exists: a link taken back earlier is
/// restored rather than made twice.
fn add_link(w: &Writer, workshop_id: Uuid, action_id: Uuid, note_id: Uuid) -> Result<()> {
    let existing: Option<(String, bool)> = w
        .prepare_cached(
            "SELECT id, deleted_at IS NULL FROM action_note WHERE action_id = ?1 AND note_id = ?2
             ORDER BY deleted_at IS NULL DESC, updated_at DESC LIMIT 1",
        )?
        .query_row(params![action_id.to_string(), note_id.to_string()], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?;
    match existing {
        Some((_, true)) => Ok(()),
        Some((id, false)) => {
            edit::update(
                w,
                &LINK,
                uuid(&id),
                workshop_id,
                &[("deletedAt", Value::Null)],
            )?;
            Ok(())
        }
        None => edit::insert(
            w,
            &LINK,
            w.new_id(),
            workshop_id,
            &[
                ("actionId", json!(action_id.to_string())),
                ("noteId", json!(note_id.to_string())),
            ],
        ),
    }
}

/// Deletes the live links a query selects (by ID).
fn delete_links(w: &Writer, workshop_id: Uuid, sql: &str, params: impl Params) -> Result<()> {
    let links: Vec<Uuid> = w
        .prepare_cached(sql)?
        .query_map(params, |row| uuid_at(row, 0))?
        .collect::<rusqlite::Result<_>>()?;
    for link in links {
        edit::delete(w, &LINK, link, workshop_id)?;
    }
    Ok(())
}

/// Adds an action at the end of a plan, linked to the notes it answers ("Create an action from
/// this note" passes one), as one edit.
pub fn add_action(
    db: &mut Database,
    plan_id: Uuid,
    input: &ActionInput,
    note_ids: &[Uuid],
    now: DateTime<Utc>,
) -> Result<Action> {
    let workshop_id = live_plan(db.conn(), plan_id)?;
    let checked = validate_action(input)?;
    edit::record(db, workshop_id, "action.create", now, |w| {
        let id = insert_action(w, workshop_id, plan_id, &checked, note_ids)?;
        get_action(w, id)
    })
}

fn insert_action(
    w: &Writer,
    workshop_id: Uuid,
    plan_id: Uuid,
    checked: &ValidAction,
    note_ids: &[Uuid],
) -> Result<Uuid> {
    for note_id in note_ids {
        check_note(w, workshop_id, *note_id)?;
    }
    let id = w.new_id();
    let mut fields = vec![("planId", json!(plan_id.to_string()))];
    fields.extend(checked.fields());
    fields.push((
        "position",
        json!(next_position(
            w,
            "SELECT MAX(position) FROM action WHERE plan_id = ?1",
            plan_id
        )?),
    ));
    edit::insert(w, &ACTION, id, workshop_id, &fields)?;
    for note_id in note_ids {
        add_link(w, workshop_id, id, *note_id)?;
    }
    Ok(id)
}

/// Changes every field of an action (the form sends them all).
pub fn update_action(
    db: &mut Database,
    action_id: Uuid,
    input: &ActionInput,
    now: DateTime<Utc>,
) -> Result<Action> {
    let (workshop_id, _) = live_action(db.conn(), action_id)?;
    let checked = validate_action(input)?;
    edit::record(db, workshop_id, "action.update", now, |w| {
        edit::update(w, &ACTION, action_id, workshop_id, &checked.fields())?;
        get_action(w, action_id)
    })
}

/// Deletes an action and its links, as one edit.
pub fn delete_action(db: &mut Database, action_id: Uuid, now: DateTime<Utc>) -> Result<()> {
    let (workshop_id, _) = live_action(db.conn(), action_id)?;
    edit::record(db, workshop_id, "action.delete", now, |w| {
        delete_links(
            w,
            workshop_id,
            "SELECT id FROM action_note WHERE action_id = ?1 AND deleted_at IS NULL",
            [action_id.to_string()],
        )?;
        edit::delete(w, &ACTION, action_id, workshop_id)?;
        Ok(())
    })
}

/// Puts an action before another of a plan (`before`), or at its end (`None`): a reorder
/// within its plan or a move to another plan of the same workshop. Only the moved action
/// changes; a move to where it already is records nothing.
pub fn move_action(
    db: &mut Database,
    action_id: Uuid,
    plan_id: Uuid,
    before: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<()> {
    let (workshop_id, from_plan) = live_action(db.conn(), action_id)?;
    if live_plan(db.conn(), plan_id)? != workshop_id {
        return Err(Error::not_found(PLAN.entity, &plan_id));
    }
    if before == Some(action_id) {
        return Ok(());
    }
    let mut siblings: Vec<(Uuid, f64)> = db
        .conn()
        .prepare_cached(
            "SELECT id, position FROM action WHERE plan_id = ?1 AND deleted_at IS NULL
             ORDER BY position, id",
        )?
        .query_map([plan_id.to_string()], |row| {
            Ok((uuid_at(row, 0)?, row.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(at) = siblings.iter().position(|(id, _)| *id == action_id) {
        let next = siblings.get(at + 1).map(|(id, _)| *id);
        if from_plan == plan_id && next == before {
            return Ok(());
        }
        siblings.remove(at);
    }
    let position = match before {
        None => edit::between(siblings.last().map(|(_, p)| *p), None),
        Some(before) => {
            let at = siblings
                .iter()
                .position(|(id, _)| *id == before)
                .ok_or_else(|| Error::not_found(ACTION.entity, &before))?;
            let previous = at
                .checked_sub(1)
                .and_then(|i| siblings.get(i))
                .map(|(_, p)| *p);
            edit::between(previous, siblings.get(at).map(|(_, p)| *p))
        }
    };
    edit::record(db, workshop_id, "action.move", now, |w| {
        edit::update(
            w,
            &ACTION,
            action_id,
            workshop_id,
            &[
                ("planId", json!(plan_id.to_string())),
                ("position", json!(position)),
            ],
        )?;
        Ok(())
    })
}

/// Links an action to a note it answers. Linking twice changes nothing and records no edit.
pub fn link(
    db: &mut Database,
    action_id: Uuid,
    note_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Action> {
    let (workshop_id, _) = live_action(db.conn(), action_id)?;
    check_note(db.conn(), workshop_id, note_id)?;
    edit::record(db, workshop_id, "action.link", now, |w| {
        add_link(w, workshop_id, action_id, note_id)?;
        get_action(w, action_id)
    })
}

/// Takes back the link between an action and a note (the note may have been deleted since);
/// without a link, changes nothing and records no edit.
pub fn unlink(
    db: &mut Database,
    action_id: Uuid,
    note_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Action> {
    let (workshop_id, _) = live_action(db.conn(), action_id)?;
    edit::record(db, workshop_id, "action.unlink", now, |w| {
        delete_links(
            w,
            workshop_id,
            "SELECT id FROM action_note WHERE action_id = ?1 AND note_id = ?2
               AND deleted_at IS NULL",
            [action_id.to_string(), note_id.to_string()],
        )?;
        get_action(w, action_id)
    })
}

/// The live actions that answer a live note, by plan then action order.
pub fn actions_of_note(conn: &Connection, note_id: Uuid) -> Result<Vec<ActionOfNote>> {
    let live: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM note WHERE id = ?1 AND deleted_at IS NULL)")?
        .query_row([note_id.to_string()], |row| row.get(0))?;
    if !live {
        return Err(Error::not_found(board::NOTE.entity, &note_id));
    }
    Ok(conn
        .prepare_cached(
            "SELECT a.id, a.plan_id, p.title, a.description, a.status
             FROM action_note an
             JOIN action a ON a.id = an.action_id AND a.deleted_at IS NULL
             JOIN action_plan p ON p.id = a.plan_id AND p.deleted_at IS NULL
             WHERE an.note_id = ?1 AND an.deleted_at IS NULL
             ORDER BY p.position, p.id, a.position, a.id",
        )?
        .query_map([note_id.to_string()], |row| {
            Ok(ActionOfNote {
                action_id: uuid_at(row, 0)?,
                plan_id: uuid_at(row, 1)?,
                plan_title: row.get(2)?,
                description: row.get(3)?,
                status: Status::parse(&row.get::<_, String>(4)?).unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// The themes to offer when tagging: the suggested ones, then the other tags already used on
/// the workshop's live actions (sorted, each once).
pub fn themes(conn: &Connection, workshop_id: Uuid) -> Result<Vec<String>> {
    let mut used: Vec<String> = Vec::new();
    {
        let mut statement = conn.prepare_cached(
            "SELECT a.themes FROM action a JOIN action_plan p ON p.id = a.plan_id
             WHERE p.workshop_id = ?1 AND a.deleted_at IS NULL AND p.deleted_at IS NULL",
        )?;
        let mut rows = statement.query([workshop_id.to_string()])?;
        while let Some(row) = rows.next()? {
            let tags: Vec<String> =
                serde_json::from_str(&row.get::<_, String>(0)?).unwrap_or_default();
            used.extend(
                tags.into_iter()
                    .filter(|tag| !SUGGESTED_THEMES.contains(&tag.to_lowercase().as_str())),
            );
        }
    }
    used.sort_by_cached_key(|tag| (tag.to_lowercase(), tag.clone()));
    used.dedup();
    Ok(SUGGESTED_THEMES
        .iter()
        .map(|theme| (*theme).to_string())
        .chain(used)
        .collect())
}

/// Theme counts, most used first, then by name.
fn theme_counts<'a>(actions: impl Iterator<Item = &'a Action>) -> Vec<Count> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for action in actions {
        for theme in &action.themes {
            *counts.entry(theme.as_str()).or_default() += 1;
        }
    }
    let mut counts: Vec<Count> = counts
        .into_iter()
        .map(|(key, count)| Count {
            key: key.to_string(),
            count,
        })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    counts
}

/// The workshop's live plans side by side: national ones by country, then the counts of
/// their live actions by status, theme and due month.
pub fn rollup(conn: &Connection, workshop_id: Uuid) -> Result<Rollup> {
    let plans = list(conn, workshop_id)?;
    let actions = || plans.iter().flat_map(|plan| &plan.actions);
    let by_status = Status::ALL
        .into_iter()
        .map(|status| Count {
            key: status.as_str().to_string(),
            count: u32::try_from(actions().filter(|a| a.status == status).count())
                .unwrap_or(u32::MAX),
        })
        .collect();
    let by_theme = theme_counts(actions());
    let mut months: BTreeMap<String, u32> = BTreeMap::new();
    let mut undated = 0;
    for action in actions() {
        match action.due_date.as_deref().and_then(time::parse_date) {
            Some(due) => *months.entry(due.format("%Y-%m").to_string()).or_default() += 1,
            None => undated += 1,
        }
    }
    let mut by_due_month: Vec<Count> = months
        .into_iter()
        .map(|(key, count)| Count { key, count })
        .collect();
    if undated > 0 {
        by_due_month.push(Count {
            key: "none".to_string(),
            count: undated,
        });
    }
    let mut national: BTreeMap<String, Vec<Plan>> = BTreeMap::new();
    let mut regional = Vec::new();
    let mut organisational = Vec::new();
    for plan in plans {
        match plan.scope {
            Scope::National => national
                .entry(plan.country.clone().unwrap_or_default())
                .or_default()
                .push(plan),
            Scope::Regional => regional.push(plan),
            Scope::Organisational => organisational.push(plan),
        }
    }
    let national = national
        .into_iter()
        .map(|(country, plans)| CountryPlans {
            themes: theme_counts(plans.iter().flat_map(|plan| &plan.actions)),
            country,
            plans,
        })
        .collect();
    Ok(Rollup {
        national,
        regional,
        organisational,
        by_status,
        by_theme,
        by_due_month,
    })
}

/// The history of an action, with the notes linked to it and unlinked from it: every change,
/// from which device and when.
pub fn history(conn: &Connection, action_id: Uuid) -> Result<Vec<crate::changelog::ChangeEntry>> {
    let links = links_ever(conn, "action_id", action_id)?;
    crate::changelog::history_with_links(conn, ACTION.entity, action_id, LINK.entity, &links)
}

/// Every link row (live or taken back) whose `column` is `id`.
pub(crate) fn links_ever(conn: &Connection, column: &str, id: Uuid) -> Result<Vec<Uuid>> {
    let mut statement =
        conn.prepare_cached(&format!("SELECT id FROM action_note WHERE {column} = ?1"))?;
    let rows = statement.query_map([id.to_string()], |r| r.get::<_, String>(0))?;
    Ok(rows
        .map(|r| r.map(|t| crate::ids::read(&t)))
        .collect::<std::result::Result<_, _>>()?)
}
