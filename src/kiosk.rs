//! What the sign-in kiosk may do, and nothing more: find a name (never contact details), sign
//! in, and let someone who is not on the list register themself as a walk-in.

use crate::attendance::{self, Method, SignIn, Slot};
use crate::badge;
use crate::db::Database;
use crate::error::{Error, InvalidCode, Result};
use crate::participant::{self, Listing, Origin, ParticipantInput, Role, Sex};
use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// At most this many names are shown for a search.
pub const MAX_MATCHES: usize = 8;
/// A name search needs at least this many letters, so that the list cannot be read out.
pub const MIN_QUERY: usize = 3;

/// A participant as the kiosk shows them: name and organisation only. No email, phone, birth
/// year, sex or notes ever leave the core towards the kiosk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KioskMatch {
    pub participant_id: Uuid,
    pub full_name: String,
    pub name_latin: String,
    pub organisation: String,
}

impl From<participant::Participant> for KioskMatch {
    fn from(p: participant::Participant) -> Self {
        Self {
            participant_id: p.id,
            full_name: p.full_name,
            name_latin: p.name_latin,
            organisation: p.organisation,
        }
    }
}

/// Names matching what was typed: a badge code (exactly), or at least three letters of a name
/// in its own script or in Latin letters. At most eight.
pub fn search(db: &Database, workshop_id: Uuid, query: &str) -> Result<Vec<KioskMatch>> {
    if let Some(found) = by_badge(db, workshop_id, query)? {
        return Ok(vec![found]);
    }
    if query.trim().chars().filter(|c| c.is_alphanumeric()).count() < MIN_QUERY {
        return Ok(Vec::new());
    }
    let found = participant::search(
        db,
        workshop_id,
        query,
        Listing::Registered,
        Some(MAX_MATCHES),
    )?;
    Ok(found.into_iter().map(KioskMatch::from).collect())
}

/// The participant whose badge code this is (as typed or scanned), if any.
pub fn by_badge(db: &Database, workshop_id: Uuid, code: &str) -> Result<Option<KioskMatch>> {
    let code = badge::normalize(code);
    if code.len() != badge::LENGTH {
        return Ok(None);
    }
    let id: Option<String> = db
        .conn()
        .prepare_cached(
            "SELECT id FROM participant WHERE workshop_id = ?1 AND badge_code = ?2 AND deleted_at IS NULL",
        )?
        .query_row((workshop_id.to_string(), code), |row| row.get(0))
        .optional()?;
    match id.and_then(|id| Uuid::parse_str(&id).ok()) {
        Some(id) => Ok(Some(participant::get(db.conn(), id)?.into())),
        None => Ok(None),
    }
}

/// Signs a participant of this workshop in from the kiosk.
pub fn sign_in(
    db: &mut Database,
    workshop_id: Uuid,
    participant_id: Uuid,
    slot: Slot,
    method: Method,
    now: DateTime<Utc>,
) -> Result<SignIn> {
    let participant = participant::get(db.conn(), participant_id)?;
    if participant.workshop_id != workshop_id || participant.deleted_at.is_some() {
        return Err(Error::not_found(participant::ENTITY, &participant_id));
    }
    attendance::sign_in(db, participant_id, slot, method, "", now)
}

/// What someone who is not on the list types at the kiosk.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WalkIn {
    pub full_name: String,
    pub sex: Sex,
    pub country: Option<String>,
    pub organisation: String,
    pub email: String,
    pub consent_contact: bool,
    pub consent_photos: bool,
}

/// Registers a walk-in (marked for the facilitator to review) and signs them in, in one
/// transaction: either both happen or neither does.
pub fn register_walk_in(
    db: &mut Database,
    workshop_id: Uuid,
    walk_in: &WalkIn,
    slot: Slot,
    now: DateTime<Utc>,
) -> Result<(KioskMatch, SignIn)> {
    if walk_in.full_name.trim().is_empty() {
        return Err(Error::invalid(
            InvalidCode::Required,
            "fullName",
            "Type your name",
        ));
    }
    let input = ParticipantInput {
        full_name: walk_in.full_name.clone(),
        sex: walk_in.sex,
        country: walk_in.country.clone(),
        organisation: walk_in.organisation.clone(),
        email: walk_in.email.clone(),
        consent_contact: walk_in.consent_contact,
        consent_photos: walk_in.consent_photos,
        role: Role::Participant,
        ..Default::default()
    };
    let checked = participant::validate(&input, now)?;
    db.write(now, |w| {
        let id = participant::insert(w, workshop_id, &checked, Origin::Kiosk, &mut rand::rng())?;
        let signed = attendance::record(w, id, slot, Method::Kiosk, "")?;
        Ok((participant::get(w, id)?.into(), signed))
    })
}
