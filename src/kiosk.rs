//! What the sign-in kiosk may do, and nothing more: find a name (never contact details), sign
//! in, and let someone who is not on the list register themself as a walk-in.

use crate::attendance::{self, Method, SignIn, Slot};
use crate::db::Database;
use crate::error::{Error, InvalidCode, Result};
use crate::participant::{self, Listing, Origin, ParticipantInput, Role, Sex};
use crate::workshop::{self, Workshop};
use crate::{badge, pin, settings};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Kiosk mode is kept in the database, so that a kiosk that loses power starts again as a
/// kiosk, not as the facilitator's window.
const MODE_WORKSHOP: &str = "kiosk_workshop_id";
/// The facilitator's choice of session for one day ("2026-05-09/2"), or empty for the clock.
const MODE_SESSION: &str = "kiosk_session_override";

/// At most this many names are shown for a search.
pub const MAX_MATCHES: usize = 8;
/// A name search needs at least this many letters, so that the list cannot be read out. A
/// Chinese character or a Korean syllable counts as two: 王芳 and 김민 are whole names that
/// otherwise could not be found in their own script.
pub const MIN_QUERY: usize = 3;

/// Whether a query has enough of a name for the kiosk to search (see [`MIN_QUERY`]).
pub fn enough_to_search(query: &str) -> bool {
    let weight: usize = query
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| if is_syllable_sized(c) { 2 } else { 1 })
        .sum();
    weight >= MIN_QUERY
}

/// A Han character (CJK ideograph) or a precomposed Hangul syllable: each says about as much of
/// a name as two or three Latin letters.
fn is_syllable_sized(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}'
        | '\u{AC00}'..='\u{D7A3}')
}

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
    search_names(db, workshop_id, query)
}

/// Names only (the badge code has been looked up already).
fn search_names(db: &Database, workshop_id: Uuid, query: &str) -> Result<Vec<KioskMatch>> {
    if !enough_to_search(query) {
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

/// Kiosk mode as it is on: for which workshop, and the session the facilitator chose instead
/// of the clock (for one day only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KioskMode {
    pub workshop_id: Uuid,
    pub session_override: Option<Slot>,
}

/// Kiosk mode, if it is on.
pub fn mode(conn: &Connection) -> Result<Option<KioskMode>> {
    let Some(workshop_id) = settings::get(conn, MODE_WORKSHOP)?
        .as_deref()
        .and_then(|id| Uuid::parse_str(id).ok())
    else {
        return Ok(None);
    };
    let session_override = settings::get(conn, MODE_SESSION)?
        .as_deref()
        .and_then(parse_override);
    Ok(Some(KioskMode {
        workshop_id,
        session_override,
    }))
}

fn parse_override(text: &str) -> Option<Slot> {
    let (day, session) = text.split_once('/')?;
    Some(Slot {
        day: NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?,
        session: session.parse().ok()?,
    })
}

/// The facilitator turns the kiosk on for a workshop, optionally fixing today's session. The
/// PIN that turns it off must have been chosen first.
pub fn start(
    db: &mut Database,
    workshop_id: Uuid,
    session_override: Option<Slot>,
    now: DateTime<Utc>,
) -> Result<KioskMode> {
    if !pin::is_set(db.conn())? {
        return Err(Error::PinNotSet);
    }
    let workshop = workshop::get(db.conn(), workshop_id)?;
    if let Some(slot) = session_override {
        attendance::check_slot(&workshop, slot)?;
    }
    let session =
        session_override.map_or_else(String::new, |slot| format!("{}/{}", slot.day, slot.session));
    db.write(now, |w| {
        settings::set(w, MODE_WORKSHOP, &workshop_id.to_string())?;
        settings::set(w, MODE_SESSION, &session)
    })?;
    Ok(KioskMode {
        workshop_id,
        session_override,
    })
}

/// Ends kiosk mode, only with the facilitator's PIN (wrong PINs wait longer and longer).
pub fn unlock(db: &mut Database, pin: &str, now: DateTime<Utc>) -> Result<()> {
    pin::verify(db.conn(), pin, now)?;
    db.write(now, |w| {
        settings::set(w, MODE_WORKSHOP, "")?;
        settings::set(w, MODE_SESSION, "")
    })
}

fn require_mode(conn: &Connection) -> Result<KioskMode> {
    mode(conn)?.ok_or(Error::Forbidden)
}

/// The session a sign-in now belongs to: the facilitator's choice for today, else the clock.
fn current_slot(workshop: &Workshop, mode: &KioskMode, local: NaiveDateTime) -> Result<Slot> {
    match mode.session_override {
        Some(slot) if slot.day == local.date() => Ok(slot),
        _ => attendance::slot_at(workshop, local),
    }
}

/// What the kiosk shows above the search: the workshop, today, and whether signing in is open
/// (with the reason when it is not).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KioskStatus {
    pub workshop_title: String,
    pub venue_city: String,
    pub today: NaiveDate,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub sessions_per_day: u8,
    /// Today's day of the workshop (1-based) and session, when signing in is open.
    pub day_number: Option<usize>,
    pub slot: Option<Slot>,
    /// The facilitator chose the session (rather than the clock).
    pub session_chosen: bool,
    /// Why signing in is closed (before the first day, after the last).
    pub closed_message: Option<String>,
    /// The interface language the facilitator uses; the kiosk starts in it.
    pub language: String,
}

/// What the kiosk shows above its search box. The kiosk asks for it when it opens (and every
/// minute), so this is also when the search index is made ready: the first letters typed then
/// cost a search, not a reading of every participant's name.
pub fn status(db: &Database, local: NaiveDateTime) -> Result<KioskStatus> {
    let conn = db.conn();
    let mode = require_mode(conn)?;
    db.prepare_search(mode.workshop_id)?;
    let workshop = workshop::get(conn, mode.workshop_id)?;
    let slot = current_slot(&workshop, &mode, local);
    Ok(KioskStatus {
        workshop_title: workshop.title.clone(),
        venue_city: workshop.venue_city.clone(),
        today: local.date(),
        first_day: workshop.start_date,
        last_day: workshop.end_date,
        sessions_per_day: workshop.sessions_per_day,
        day_number: slot.as_ref().ok().map(|s| day_number(&workshop, s.day)),
        session_chosen: matches!(mode.session_override, Some(s) if s.day == local.date()),
        closed_message: slot.as_ref().err().map(ToString::to_string),
        slot: slot.ok(),
        language: settings::language(conn)?,
    })
}

fn day_number(workshop: &Workshop, day: NaiveDate) -> usize {
    usize::try_from((day - workshop.start_date).num_days()).unwrap_or(0) + 1
}

/// What the kiosk says after a sign-in: who, for which day and session, and whether they had
/// already signed in for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KioskSignIn {
    pub participant: KioskMatch,
    pub already_signed_in: bool,
    pub slot: Slot,
    pub day_number: usize,
    pub sessions_per_day: u8,
}

fn answer(workshop: &Workshop, participant: KioskMatch, signed: &SignIn) -> KioskSignIn {
    let attendance = signed.attendance();
    let slot = Slot {
        day: attendance.day,
        session: attendance.session,
    };
    KioskSignIn {
        participant,
        already_signed_in: matches!(signed, SignIn::AlreadySignedIn { .. }),
        slot,
        day_number: day_number(workshop, slot.day),
        sessions_per_day: workshop.sessions_per_day,
    }
}

/// What the kiosk's search found: names, or the one person whose badge code was typed or
/// scanned (then a scanner's Enter signs them in without a second question).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KioskResults {
    pub matches: Vec<KioskMatch>,
    pub badge: bool,
    /// False when the query was too short to search: the kiosk then shows its hint, not
    /// "no match".
    pub searched: bool,
}

/// The kiosk's search, in the workshop kiosk mode is on for.
pub fn search_here(db: &Database, query: &str) -> Result<KioskResults> {
    let mode = require_mode(db.conn())?;
    if let Some(found) = by_badge(db, mode.workshop_id, query)? {
        return Ok(KioskResults {
            matches: vec![found],
            badge: true,
            searched: true,
        });
    }
    Ok(KioskResults {
        matches: search_names(db, mode.workshop_id, query)?,
        badge: false,
        searched: enough_to_search(query),
    })
}

/// Signs someone in at the kiosk for the session of this moment (or the one the facilitator
/// chose). `method` says whether they found their name or used their badge.
pub fn sign_in_here(
    db: &mut Database,
    participant_id: Uuid,
    method: Method,
    local: NaiveDateTime,
    now: DateTime<Utc>,
) -> Result<KioskSignIn> {
    if !matches!(method, Method::Kiosk | Method::Badge) {
        return Err(Error::Forbidden);
    }
    let mode = require_mode(db.conn())?;
    let workshop = workshop::get(db.conn(), mode.workshop_id)?;
    let slot = current_slot(&workshop, &mode, local)?;
    let signed = sign_in(db, mode.workshop_id, participant_id, slot, method, now)?;
    let participant = participant::get(db.conn(), participant_id)?.into();
    Ok(answer(&workshop, participant, &signed))
}

/// Registers a walk-in at the kiosk and signs them in for the current session.
pub fn register_here(
    db: &mut Database,
    walk_in: &WalkIn,
    local: NaiveDateTime,
    now: DateTime<Utc>,
) -> Result<KioskSignIn> {
    let mode = require_mode(db.conn())?;
    let workshop = workshop::get(db.conn(), mode.workshop_id)?;
    let slot = current_slot(&workshop, &mode, local)?;
    let (participant, signed) = register_walk_in(db, mode.workshop_id, walk_in, slot, now)?;
    // A new participant makes the search index stale: read it again now, while the walk-in
    // reads their confirmation, rather than on the next person's first letters.
    db.prepare_search(mode.workshop_id)?;
    Ok(answer(&workshop, participant, &signed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::WorkshopInput;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn now() -> DateTime<Utc> {
        at("2026-05-10 07:00").and_utc()
    }

    /// A workshop from Monday 11 to Friday 15 May 2026, two sessions a day, with one participant.
    fn workshop_with_sita() -> (Database, Uuid, Uuid) {
        let mut db = Database::open_in_memory(now()).unwrap();
        let input = WorkshopInput {
            title: "Social dialogue".into(),
            venue_city: "Amman".into(),
            start_date: "2026-05-11".into(),
            end_date: "2026-05-15".into(),
            sessions_per_day: Some(2),
            ..Default::default()
        };
        let workshop = workshop::create(&mut db, &input, now()).unwrap();
        let sita = participant::create(
            &mut db,
            workshop.id,
            &ParticipantInput {
                full_name: "सीता शर्मा".into(),
                organisation: "GEFONT".into(),
                email: "sita@gefont.example".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
        (db, workshop.id, sita.id)
    }

    #[test]
    fn kiosk_mode_needs_the_pin_first_and_ends_only_with_it() {
        let (mut db, workshop_id, _) = workshop_with_sita();
        assert!(matches!(
            start(&mut db, workshop_id, None, now()),
            Err(Error::PinNotSet)
        ));
        assert_eq!(mode(db.conn()).unwrap(), None);
        // Outside kiosk mode the kiosk's commands answer nothing.
        assert_eq!(search_here(&db, "sita").unwrap_err().code(), "forbidden");
        pin::set(db.conn(), "246810").unwrap();
        start(&mut db, workshop_id, None, now()).unwrap();
        assert_eq!(mode(db.conn()).unwrap().unwrap().workshop_id, workshop_id);
        assert!(matches!(
            unlock(&mut db, "000000", now()),
            Err(Error::WrongPin)
        ));
        assert!(
            mode(db.conn()).unwrap().is_some(),
            "still on after a wrong PIN"
        );
        unlock(&mut db, "246810", now()).unwrap();
        assert_eq!(mode(db.conn()).unwrap(), None);
    }

    #[test]
    fn the_session_comes_from_the_clock_unless_the_facilitator_chose_one_for_today() {
        let (mut db, workshop_id, sita) = workshop_with_sita();
        pin::set(db.conn(), "246810").unwrap();
        let tuesday_afternoon = Slot {
            day: NaiveDate::from_ymd_opt(2026, 5, 12).unwrap(),
            session: 2,
        };
        start(&mut db, workshop_id, Some(tuesday_afternoon), now()).unwrap();

        // Tuesday morning by the clock, but the facilitator said afternoon.
        let status = status(&db, at("2026-05-12 09:30")).unwrap();
        assert_eq!(status.slot, Some(tuesday_afternoon));
        assert_eq!(status.day_number, Some(2));
        assert!(status.session_chosen);
        let signed =
            sign_in_here(&mut db, sita, Method::Kiosk, at("2026-05-12 09:30"), now()).unwrap();
        assert_eq!((signed.slot, signed.day_number), (tuesday_afternoon, 2));
        assert!(!signed.already_signed_in);
        let again =
            sign_in_here(&mut db, sita, Method::Badge, at("2026-05-12 09:31"), now()).unwrap();
        assert!(again.already_signed_in);

        // On Wednesday the choice no longer holds: the clock decides.
        let wednesday =
            sign_in_here(&mut db, sita, Method::Kiosk, at("2026-05-13 08:45"), now()).unwrap();
        assert_eq!(wednesday.slot.session, 1);
        assert_eq!(wednesday.day_number, 3);

        // After the last day, the kiosk says it is closed and signs nobody in.
        let after = status_after_the_workshop(&db);
        assert_eq!(after.slot, None);
        assert!(after.closed_message.is_some());
        assert_eq!(
            sign_in_here(&mut db, sita, Method::Kiosk, at("2026-05-16 09:00"), now())
                .unwrap_err()
                .code(),
            "outside_workshop"
        );
        // The kiosk cannot pretend to be the facilitator.
        assert_eq!(
            sign_in_here(
                &mut db,
                sita,
                Method::Facilitator,
                at("2026-05-13 15:00"),
                now()
            )
            .unwrap_err()
            .code(),
            "forbidden"
        );
    }

    fn status_after_the_workshop(db: &Database) -> KioskStatus {
        status(db, at("2026-05-16 09:00")).unwrap()
    }

    #[test]
    fn three_letters_or_two_chinese_characters_are_enough_to_search() {
        for enough in ["sit", "s i t", "सीत", "王芳", "王 芳", "김민", "A王"] {
            assert!(enough_to_search(enough), "{enough:?}");
        }
        for short in ["", "si", "s-i", "सी", "王", "김", " 王 ", "..."] {
            assert!(!enough_to_search(short), "{short:?}");
        }
    }

    #[test]
    fn the_status_the_kiosk_asks_for_readies_its_search() {
        let (mut db, workshop_id, _) = workshop_with_sita();
        pin::set(db.conn(), "246810").unwrap();
        start(&mut db, workshop_id, None, now()).unwrap();
        assert!(!db.search_is_ready(workshop_id), "nothing has searched yet");
        status(&db, at("2026-05-12 09:30")).unwrap();
        assert!(db.search_is_ready(workshop_id));
    }

    #[test]
    fn the_search_says_when_a_badge_was_scanned() {
        let (mut db, workshop_id, sita) = workshop_with_sita();
        pin::set(db.conn(), "246810").unwrap();
        start(&mut db, workshop_id, None, now()).unwrap();
        let code = participant::get(db.conn(), sita).unwrap().badge_code;
        let scanned = search_here(&db, &code.to_lowercase()).unwrap();
        assert!(scanned.badge);
        assert_eq!(scanned.matches[0].participant_id, sita);
        let typed = search_here(&db, "sita").unwrap();
        assert!(!typed.badge);
        assert_eq!(typed.matches.len(), 1);
        let json = serde_json::to_string(&typed).unwrap();
        assert!(!json.contains("gefont.example"), "{json}");
    }

    #[test]
    fn a_walk_in_is_registered_and_signed_in_for_the_current_session() {
        let (mut db, workshop_id, _) = workshop_with_sita();
        pin::set(db.conn(), "246810").unwrap();
        start(&mut db, workshop_id, None, now()).unwrap();
        let walk_in = WalkIn {
            full_name: "Ana Lucía Quispe".into(),
            sex: Sex::Woman,
            organisation: "CGTP".into(),
            ..Default::default()
        };
        let done = register_here(&mut db, &walk_in, at("2026-05-11 14:10"), now()).unwrap();
        assert_eq!(done.slot.session, 2);
        assert_eq!(done.day_number, 1);
        let registered = participant::get(db.conn(), done.participant.participant_id).unwrap();
        assert_eq!(registered.registered_by, Origin::Kiosk);
        assert!(registered.needs_review);
        assert!(
            db.search_is_ready(workshop_id),
            "the next person's search does not read every name again"
        );
    }
}
