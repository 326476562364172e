//! The IPC commands of what the room produces: working groups, SWOT boards, action plans, undo
//! and redo, and the board shown on the projector. Like `commands.rs`, each is a one-line
//! delegate to `workshop-core`, run off the window's thread, with the time read here.

use crate::state::{AppState, now};
use crate::windows;
use tauri::{AppHandle, State};
use uuid::Uuid;
use workshop_core::Result;
use workshop_core::board::{self, Board, BoardInput, BoardSummary, Note, Quadrant, RaisedBy};
use workshop_core::changelog::ChangeEntry;
use workshop_core::edit::{self, Step, UndoState};
use workshop_core::groups::{self, GroupChoice, GroupDraft, Grouping, SuggestBy};
use workshop_core::plans::{
    self, Action, ActionInput, ActionOfNote, Plan, PlanInput, PlanWithAction, Rollup,
};

type Cmd<'a> = State<'a, AppState>;

// ----- working groups

#[tauri::command]
pub async fn list_groupings(state: Cmd<'_>, workshop_id: Uuid) -> Result<Vec<Grouping>> {
    state
        .run(move |db| groups::list(db.conn(), workshop_id))
        .await
}

#[tauri::command]
pub async fn suggest_groups(
    state: Cmd<'_>,
    workshop_id: Uuid,
    by: SuggestBy,
    language: String,
) -> Result<Vec<GroupDraft>> {
    state
        .run(move |db| groups::suggest(db.conn(), workshop_id, by, &language))
        .await
}

#[tauri::command]
pub async fn create_grouping(
    state: Cmd<'_>,
    workshop_id: Uuid,
    name: String,
    groups: Vec<GroupDraft>,
) -> Result<Grouping> {
    state
        .run(move |db| groups::create_grouping(db, workshop_id, &name, &groups, now()))
        .await
}

#[tauri::command]
pub async fn rename_grouping(state: Cmd<'_>, grouping_id: Uuid, name: String) -> Result<Grouping> {
    state
        .run(move |db| groups::rename_grouping(db, grouping_id, &name, now()))
        .await
}

#[tauri::command]
pub async fn delete_grouping(state: Cmd<'_>, grouping_id: Uuid) -> Result<()> {
    state
        .run(move |db| groups::delete_grouping(db, grouping_id, now()))
        .await
}

#[tauri::command]
pub async fn add_group(state: Cmd<'_>, grouping_id: Uuid, name: String) -> Result<Grouping> {
    state
        .run(move |db| groups::add_group(db, grouping_id, &name, now()))
        .await
}

#[tauri::command]
pub async fn rename_group(state: Cmd<'_>, group_id: Uuid, name: String) -> Result<Grouping> {
    state
        .run(move |db| groups::rename_group(db, group_id, &name, now()))
        .await
}

#[tauri::command]
pub async fn delete_group(state: Cmd<'_>, group_id: Uuid) -> Result<Grouping> {
    state
        .run(move |db| groups::delete_group(db, group_id, now()))
        .await
}

#[tauri::command]
pub async fn assign_to_group(
    state: Cmd<'_>,
    grouping_id: Uuid,
    participant_id: Uuid,
    group_id: Option<Uuid>,
) -> Result<Grouping> {
    state
        .run(move |db| groups::assign(db, grouping_id, participant_id, group_id, now()))
        .await
}

#[tauri::command]
pub async fn group_choices(state: Cmd<'_>, workshop_id: Uuid) -> Result<Vec<GroupChoice>> {
    state
        .run(move |db| groups::choices(db.conn(), workshop_id))
        .await
}

// ----- SWOT boards

#[tauri::command]
pub async fn list_boards(state: Cmd<'_>, workshop_id: Uuid) -> Result<Vec<BoardSummary>> {
    state
        .run(move |db| board::list(db.conn(), workshop_id))
        .await
}

#[tauri::command]
pub async fn get_board(state: Cmd<'_>, board_id: Uuid) -> Result<Board> {
    state.run(move |db| board::get(db.conn(), board_id)).await
}

#[tauri::command]
pub async fn create_board(state: Cmd<'_>, workshop_id: Uuid, input: BoardInput) -> Result<Board> {
    state
        .run(move |db| board::create(db, workshop_id, &input, now()))
        .await
}

#[tauri::command]
pub async fn update_board(state: Cmd<'_>, board_id: Uuid, input: BoardInput) -> Result<Board> {
    state
        .run(move |db| board::update(db, board_id, &input, now()))
        .await
}

#[tauri::command]
pub async fn delete_board(state: Cmd<'_>, board_id: Uuid) -> Result<()> {
    state
        .run(move |db| board::delete(db, board_id, now()))
        .await
}

#[tauri::command]
pub async fn add_note(
    state: Cmd<'_>,
    board_id: Uuid,
    quadrant: Quadrant,
    text: String,
    raised_by: RaisedBy,
) -> Result<Note> {
    state
        .run(move |db| board::add_note(db, board_id, quadrant, &text, raised_by, now()))
        .await
}

#[tauri::command]
pub async fn add_heading(
    state: Cmd<'_>,
    board_id: Uuid,
    quadrant: Quadrant,
    text: String,
    gathered: Vec<Uuid>,
) -> Result<Note> {
    state
        .run(move |db| board::add_heading(db, board_id, quadrant, &text, &gathered, now()))
        .await
}

#[tauri::command]
pub async fn edit_note(state: Cmd<'_>, note_id: Uuid, text: String) -> Result<Note> {
    state
        .run(move |db| board::edit_note(db, note_id, &text, now()))
        .await
}

#[tauri::command]
pub async fn set_note_raised_by(
    state: Cmd<'_>,
    note_id: Uuid,
    raised_by: RaisedBy,
) -> Result<Note> {
    state
        .run(move |db| board::set_raised_by(db, note_id, raised_by, now()))
        .await
}

#[tauri::command]
pub async fn set_note_votes(state: Cmd<'_>, note_id: Uuid, votes: i64) -> Result<Note> {
    state
        .run(move |db| board::set_votes(db, note_id, votes, now()))
        .await
}

#[tauri::command]
pub async fn move_note(
    state: Cmd<'_>,
    note_id: Uuid,
    quadrant: Quadrant,
    before: Option<Uuid>,
) -> Result<Board> {
    state
        .run(move |db| board::move_note(db, note_id, quadrant, before, now()))
        .await
}

#[tauri::command]
pub async fn set_note_heading(
    state: Cmd<'_>,
    note_id: Uuid,
    heading_id: Option<Uuid>,
) -> Result<Board> {
    state
        .run(move |db| board::set_heading(db, note_id, heading_id, now()))
        .await
}

#[tauri::command]
pub async fn merge_notes(state: Cmd<'_>, kept: Uuid, merged: Uuid) -> Result<Board> {
    state
        .run(move |db| board::merge_notes(db, kept, merged, now()))
        .await
}

#[tauri::command]
pub async fn delete_note(state: Cmd<'_>, note_id: Uuid) -> Result<Board> {
    state
        .run(move |db| board::delete_note(db, note_id, now()))
        .await
}

#[tauri::command]
pub async fn compare_boards(state: Cmd<'_>, board_id: Uuid) -> Result<Vec<Board>> {
    state
        .run(move |db| board::compare(db.conn(), board_id))
        .await
}

#[tauri::command]
pub async fn note_history(state: Cmd<'_>, note_id: Uuid) -> Result<Vec<ChangeEntry>> {
    state
        .run(move |db| board::note_history(db.conn(), note_id))
        .await
}

// ----- action plans

#[tauri::command]
pub async fn list_plans(state: Cmd<'_>, workshop_id: Uuid) -> Result<Vec<Plan>> {
    state
        .run(move |db| plans::list(db.conn(), workshop_id))
        .await
}

#[tauri::command]
pub async fn create_plan(state: Cmd<'_>, workshop_id: Uuid, input: PlanInput) -> Result<Plan> {
    state
        .run(move |db| plans::create_plan(db, workshop_id, &input, now()))
        .await
}

#[tauri::command]
pub async fn create_plan_with_action(
    state: Cmd<'_>,
    workshop_id: Uuid,
    plan: PlanInput,
    action: ActionInput,
    note_ids: Vec<Uuid>,
) -> Result<PlanWithAction> {
    state
        .run(move |db| {
            plans::create_plan_with_action(db, workshop_id, &plan, &action, &note_ids, now())
        })
        .await
}

#[tauri::command]
pub async fn update_plan(state: Cmd<'_>, plan_id: Uuid, input: PlanInput) -> Result<Plan> {
    state
        .run(move |db| plans::update_plan(db, plan_id, &input, now()))
        .await
}

#[tauri::command]
pub async fn delete_plan(state: Cmd<'_>, plan_id: Uuid) -> Result<()> {
    state
        .run(move |db| plans::delete_plan(db, plan_id, now()))
        .await
}

#[tauri::command]
pub async fn add_action(
    state: Cmd<'_>,
    plan_id: Uuid,
    input: ActionInput,
    note_ids: Vec<Uuid>,
) -> Result<Action> {
    state
        .run(move |db| plans::add_action(db, plan_id, &input, &note_ids, now()))
        .await
}

#[tauri::command]
pub async fn update_action(state: Cmd<'_>, action_id: Uuid, input: ActionInput) -> Result<Action> {
    state
        .run(move |db| plans::update_action(db, action_id, &input, now()))
        .await
}

#[tauri::command]
pub async fn delete_action(state: Cmd<'_>, action_id: Uuid) -> Result<()> {
    state
        .run(move |db| plans::delete_action(db, action_id, now()))
        .await
}

#[tauri::command]
pub async fn move_action(
    state: Cmd<'_>,
    action_id: Uuid,
    plan_id: Uuid,
    before: Option<Uuid>,
) -> Result<()> {
    state
        .run(move |db| plans::move_action(db, action_id, plan_id, before, now()))
        .await
}

#[tauri::command]
pub async fn link_action_note(state: Cmd<'_>, action_id: Uuid, note_id: Uuid) -> Result<Action> {
    state
        .run(move |db| plans::link(db, action_id, note_id, now()))
        .await
}

#[tauri::command]
pub async fn unlink_action_note(state: Cmd<'_>, action_id: Uuid, note_id: Uuid) -> Result<Action> {
    state
        .run(move |db| plans::unlink(db, action_id, note_id, now()))
        .await
}

#[tauri::command]
pub async fn actions_of_note(state: Cmd<'_>, note_id: Uuid) -> Result<Vec<ActionOfNote>> {
    state
        .run(move |db| plans::actions_of_note(db.conn(), note_id))
        .await
}

#[tauri::command]
pub async fn action_themes(state: Cmd<'_>, workshop_id: Uuid) -> Result<Vec<String>> {
    state
        .run(move |db| plans::themes(db.conn(), workshop_id))
        .await
}

#[tauri::command]
pub async fn plans_rollup(state: Cmd<'_>, workshop_id: Uuid) -> Result<Rollup> {
    state
        .run(move |db| plans::rollup(db.conn(), workshop_id))
        .await
}

#[tauri::command]
pub async fn action_history(state: Cmd<'_>, action_id: Uuid) -> Result<Vec<ChangeEntry>> {
    state
        .run(move |db| plans::history(db.conn(), action_id))
        .await
}

// ----- undo and redo

#[tauri::command]
pub async fn undo_state(state: Cmd<'_>, workshop_id: Uuid) -> Result<UndoState> {
    state.run(move |db| edit::state(db, workshop_id)).await
}

#[tauri::command]
pub async fn undo(state: Cmd<'_>, workshop_id: Uuid) -> Result<Option<Step>> {
    state
        .run(move |db| edit::undo(db, workshop_id, now()))
        .await
}

#[tauri::command]
pub async fn redo(state: Cmd<'_>, workshop_id: Uuid) -> Result<Option<Step>> {
    state
        .run(move |db| edit::redo(db, workshop_id, now()))
        .await
}

// ----- the projector

/// Async, so that the window is built off the main thread (a synchronous command building a
/// window can deadlock the event loop on some platforms).
#[tauri::command]
pub async fn open_presentation(app: AppHandle, board_id: Uuid) -> Result<()> {
    windows::open_presentation(&app, board_id)
}

#[tauri::command]
pub async fn present_board(state: Cmd<'_>, board_id: Uuid) -> Result<Board> {
    state.run(move |db| board::get(db.conn(), board_id)).await
}

#[tauri::command]
pub async fn board_stamp(state: Cmd<'_>, board_id: Uuid) -> Result<String> {
    state.run(move |db| board::stamp(db.conn(), board_id)).await
}
