//! The IPC commands: each is a one-line delegate to `workshop-core`, run off the window's
//! thread, with the time read here and passed in. Errors cross as `{code, message, field?}`.

use crate::state::{AppState, local, now};
use crate::windows;
use tauri::{AppHandle, State};
use uuid::Uuid;
use workshop_core::attendance::{self, Grid, Method, SessionClock, Slot};
use workshop_core::backup::{self, Backup, Reason};
use workshop_core::certificates::{self, CertificateOptions, Certificates};
use workshop_core::changelog::ChangeEntry;
use workshop_core::countries::{self, CountryEntry};
use workshop_core::kiosk::{self, KioskMode, KioskResults, KioskSignIn, KioskStatus, WalkIn};
use workshop_core::participant::{self, DuplicateCandidate, Participant, ParticipantInput};
use workshop_core::settings::{self, AppInfo};
use workshop_core::sheets::{self, BadgeCard, ParticipantList, SignInSheet};
use workshop_core::summary::{self, Summary};
use workshop_core::workshop::{self, Workshop, WorkshopInput};
use workshop_core::{Result, demo, names, paths, pin};

type Cmd<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn app_info(state: Cmd<'_>) -> Result<AppInfo> {
    state
        .run_in_data_dir(|db, dir| settings::app_info(db, &dir))
        .await
}

#[tauri::command]
pub async fn set_language(state: Cmd<'_>, language: String) -> Result<AppInfo> {
    state
        .run_in_data_dir(move |db, dir| settings::choose_language(db, &dir, &language))
        .await
}

#[tauri::command]
pub fn list_countries() -> Vec<CountryEntry> {
    countries::entries()
}

#[tauri::command]
pub async fn list_workshops(state: Cmd<'_>, include_archived: bool) -> Result<Vec<Workshop>> {
    state
        .run(move |db| workshop::list(db.conn(), include_archived))
        .await
}

#[tauri::command]
pub async fn current_workshop(state: Cmd<'_>) -> Result<Option<Workshop>> {
    state.run(|db| workshop::current(db.conn())).await
}

#[tauri::command]
pub async fn open_workshop(state: Cmd<'_>, id: Uuid) -> Result<Workshop> {
    state.run(move |db| workshop::open(db.conn(), id)).await
}

#[tauri::command]
pub async fn create_workshop(state: Cmd<'_>, input: WorkshopInput) -> Result<Workshop> {
    state
        .run(move |db| workshop::create(db, &input, now()))
        .await
}

#[tauri::command]
pub async fn update_workshop(state: Cmd<'_>, id: Uuid, input: WorkshopInput) -> Result<Workshop> {
    state
        .run(move |db| workshop::update(db, id, &input, now()))
        .await
}

#[tauri::command]
pub async fn set_workshop_archived(state: Cmd<'_>, id: Uuid, archived: bool) -> Result<Workshop> {
    state
        .run(move |db| workshop::set_archived(db, id, archived, now()))
        .await
}

#[tauri::command]
pub async fn create_demo_workshop(state: Cmd<'_>) -> Result<Workshop> {
    state.run(|db| demo::create_default(db, now())).await
}

#[tauri::command]
pub async fn list_participants(
    state: Cmd<'_>,
    workshop_id: Uuid,
    query: String,
    deleted: bool,
) -> Result<Vec<Participant>> {
    state
        .run(move |db| participant::list(db, workshop_id, &query, deleted))
        .await
}

#[tauri::command]
pub async fn create_participant(
    state: Cmd<'_>,
    workshop_id: Uuid,
    input: ParticipantInput,
) -> Result<Participant> {
    state
        .run(move |db| participant::create(db, workshop_id, &input, now()))
        .await
}

#[tauri::command]
pub async fn update_participant(
    state: Cmd<'_>,
    id: Uuid,
    input: ParticipantInput,
) -> Result<Participant> {
    state
        .run(move |db| participant::update(db, id, &input, now()))
        .await
}

#[tauri::command]
pub async fn delete_participant(state: Cmd<'_>, id: Uuid) -> Result<Participant> {
    state
        .run(move |db| participant::delete(db, id, now()))
        .await
}

#[tauri::command]
pub async fn restore_participant(state: Cmd<'_>, id: Uuid) -> Result<Participant> {
    state
        .run(move |db| participant::restore(db, id, now()))
        .await
}

#[tauri::command]
pub async fn find_duplicates(
    state: Cmd<'_>,
    workshop_id: Uuid,
    input: ParticipantInput,
    exclude_id: Option<Uuid>,
) -> Result<Vec<DuplicateCandidate>> {
    state
        .run(move |db| participant::find_duplicates(db.conn(), workshop_id, &input, exclude_id))
        .await
}

#[tauri::command]
pub fn suggest_transliteration(name: &str) -> String {
    names::transliterate(name)
}

#[tauri::command]
pub async fn suggest_organisations(
    state: Cmd<'_>,
    workshop_id: Uuid,
    prefix: String,
) -> Result<Vec<String>> {
    state
        .run(move |db| participant::suggest_organisations(db.conn(), workshop_id, &prefix))
        .await
}

#[tauri::command]
pub async fn workshop_summary(state: Cmd<'_>, workshop_id: Uuid) -> Result<Summary> {
    state
        .run(move |db| summary::summarize(db.conn(), workshop_id))
        .await
}

#[tauri::command]
pub async fn participant_history(state: Cmd<'_>, id: Uuid) -> Result<Vec<ChangeEntry>> {
    state
        .run(move |db| participant::history(db.conn(), id))
        .await
}

#[tauri::command]
pub async fn mark_participant_reviewed(state: Cmd<'_>, id: Uuid) -> Result<Participant> {
    state
        .run(move |db| participant::mark_reviewed(db, id, now()))
        .await
}

#[tauri::command]
pub async fn list_backups(state: Cmd<'_>) -> Result<Vec<Backup>> {
    state
        .run_in_data_dir(|_, dir| backup::list(&paths::backups_dir(&dir)))
        .await
}

#[tauri::command]
pub async fn create_backup(state: Cmd<'_>) -> Result<Backup> {
    state
        .run_in_data_dir(|db, dir| {
            backup::take(db, &paths::backups_dir(&dir), Reason::Manual, now())
        })
        .await
}

#[tauri::command]
pub async fn restore_backup(state: Cmd<'_>, file: String) -> Result<Backup> {
    state
        .run_in_data_dir(move |db, dir| {
            backup::restore(db, &paths::backups_dir(&dir), &file, now())
        })
        .await
}

#[tauri::command]
pub async fn attendance_grid(state: Cmd<'_>, workshop_id: Uuid) -> Result<Grid> {
    state
        .run(move |db| attendance::grid(db.conn(), workshop_id))
        .await
}

/// Today and the session under way by the laptop's clock, for the attendance screens.
#[tauri::command]
pub async fn session_clock(state: Cmd<'_>, workshop_id: Uuid) -> Result<SessionClock> {
    state
        .run(move |db| attendance::session_clock(db.conn(), workshop_id, local(now())))
        .await
}

/// Who has attended enough of the workshop for a certificate, by the laptop's clock.
#[tauri::command]
pub async fn certificates(state: Cmd<'_>, workshop_id: Uuid) -> Result<Certificates> {
    state
        .run(move |db| certificates::certificates(db.conn(), workshop_id, local(now())))
        .await
}

#[tauri::command]
pub async fn set_certificate_options(
    state: Cmd<'_>,
    workshop_id: Uuid,
    options: CertificateOptions,
) -> Result<Certificates> {
    state
        .run(move |db| certificates::set_options(db.conn(), workshop_id, &options, local(now())))
        .await
}

#[tauri::command]
pub async fn mark_attendance(
    state: Cmd<'_>,
    participant_id: Uuid,
    slot: Slot,
    present: bool,
    reason: String,
    method: Method,
) -> Result<Grid> {
    state
        .run(move |db| {
            attendance::mark_by_hand(db, participant_id, slot, present, &reason, method, now())
        })
        .await
}

#[tauri::command]
pub async fn mark_attendance_many(
    state: Cmd<'_>,
    workshop_id: Uuid,
    slot: Slot,
    participant_ids: Vec<Uuid>,
    method: Method,
) -> Result<Grid> {
    state
        .run(move |db| {
            attendance::mark_many(db, workshop_id, slot, &participant_ids, method, now())
        })
        .await
}

/// The list of participants annexed to the workshop's report.
#[tauri::command]
pub async fn participant_list(state: Cmd<'_>, workshop_id: Uuid) -> Result<ParticipantList> {
    state
        .run(move |db| sheets::participant_list(db.conn(), workshop_id))
        .await
}

#[tauri::command]
pub async fn badge_sheet(
    state: Cmd<'_>,
    workshop_id: Uuid,
    participant_ids: Option<Vec<Uuid>>,
) -> Result<Vec<BadgeCard>> {
    state
        .run(move |db| sheets::badge_sheet(db.conn(), workshop_id, participant_ids.as_deref()))
        .await
}

#[tauri::command]
pub async fn sign_in_sheet(state: Cmd<'_>, workshop_id: Uuid, slot: Slot) -> Result<SignInSheet> {
    state
        .run(move |db| sheets::sign_in_sheet(db.conn(), workshop_id, slot))
        .await
}

// Kiosk mode, from the facilitator's window.

#[tauri::command]
pub async fn kiosk_pin_is_set(state: Cmd<'_>) -> Result<bool> {
    state.run(|db| pin::is_set(db.conn())).await
}

#[tauri::command]
pub async fn choose_kiosk_pin(state: Cmd<'_>, pin: String, current_pin: String) -> Result<()> {
    state
        .run(move |db| pin::choose(db.conn(), &pin, &current_pin, now()))
        .await
}

#[tauri::command]
pub async fn start_kiosk(
    app: AppHandle,
    state: Cmd<'_>,
    workshop_id: Uuid,
    session: Option<Slot>,
) -> Result<KioskMode> {
    let mode = state
        .run(move |db| kiosk::start(db, workshop_id, session, now()))
        .await?;
    windows::enter_kiosk(&app).map(|()| mode)
}

// The kiosk window's commands: nothing here returns more than a name and an organisation.

#[tauri::command]
pub async fn kiosk_status(state: Cmd<'_>) -> Result<KioskStatus> {
    state.run(|db| kiosk::status(db, local(now()))).await
}

#[tauri::command]
pub fn kiosk_countries() -> Vec<CountryEntry> {
    countries::entries()
}

#[tauri::command]
pub async fn kiosk_search(state: Cmd<'_>, query: String) -> Result<KioskResults> {
    state.run(move |db| kiosk::search_here(db, &query)).await
}

#[tauri::command]
pub async fn kiosk_sign_in(
    state: Cmd<'_>,
    participant_id: Uuid,
    method: Method,
) -> Result<KioskSignIn> {
    let now = now();
    state
        .run(move |db| kiosk::sign_in_here(db, participant_id, method, local(now), now))
        .await
}

#[tauri::command]
pub async fn kiosk_register(state: Cmd<'_>, walk_in: WalkIn) -> Result<KioskSignIn> {
    let now = now();
    state
        .run(move |db| kiosk::register_here(db, &walk_in, local(now), now))
        .await
}

#[tauri::command]
pub async fn kiosk_unlock(app: AppHandle, state: Cmd<'_>, pin: String) -> Result<()> {
    state.run(move |db| kiosk::unlock(db, &pin, now())).await?;
    windows::leave_kiosk(&app)
}
