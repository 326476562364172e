//! Attendance per participant, workshop day and session: signing in (at most once a session),
//! choosing the session from the local time, unmarking by hand, and the facilitator's grid.

use crate::changelog::{Change, Op};
use crate::db::{Database, Writer};
use crate::error::{Error, InvalidCode, Result};
use crate::participant::{self, Sex};
use crate::workshop::{self, Workshop};
use crate::{time, validate};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

const ENTITY: &str = "attendance";

/// How a sign-in was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The participant found their name at the kiosk.
    Kiosk,
    /// The participant typed or scanned their badge code at the kiosk.
    Badge,
    /// The facilitator marked it in the grid.
    Facilitator,
    /// Typed back from the paper sign-in sheet.
    Paper,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Self::Kiosk => "kiosk",
            Self::Badge => "badge",
            Self::Facilitator => "facilitator",
            Self::Paper => "paper",
        }
    }

    fn parse(text: &str) -> Self {
        match text {
            "kiosk" => Self::Kiosk,
            "badge" => Self::Badge,
            "paper" => Self::Paper,
            _ => Self::Facilitator,
        }
    }
}

/// One session of one workshop day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Slot {
    pub day: NaiveDate,
    /// 1-based.
    pub session: u8,
}

/// The start times of a workshop's sessions: its own, or a morning, an afternoon (from 13:00)
/// and an evening (from 18:00) as far as it has sessions.
pub fn session_starts(workshop: &Workshop) -> Vec<NaiveTime> {
    let own: Vec<NaiveTime> = workshop
        .session_starts
        .iter()
        .filter_map(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())
        .collect();
    if own.len() == usize::from(workshop.sessions_per_day) {
        return own;
    }
    let defaults = [(0, 0), (13, 0), (18, 0)];
    defaults
        .iter()
        .take(usize::from(workshop.sessions_per_day))
        .filter_map(|(h, m)| NaiveTime::from_hms_opt(*h, *m, 0))
        .collect()
}

/// The slot a sign-in at this local time belongs to; refused before the first day or after the
/// last.
pub fn slot_at(workshop: &Workshop, local: NaiveDateTime) -> Result<Slot> {
    let day = local.date();
    check_day(workshop.start_date, workshop.end_date, day)?;
    let starts = session_starts(workshop);
    let session = starts
        .iter()
        .rposition(|start| *start <= local.time())
        .map_or(1, |i| i + 1);
    Ok(Slot {
        day,
        session: u8::try_from(session).unwrap_or(1),
    })
}

/// Where the laptop's clock stands in a workshop: today, the session under way when today is
/// one of its days, and the sessions already over (an earlier day, or an earlier session today).
/// The facilitator's screens propose a paper sheet's session from it, and ask for a reason when
/// a session already over is marked: a late entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionClock {
    pub today: NaiveDate,
    /// The session under way; none before the workshop's first day or after its last.
    pub current: Option<Slot>,
    /// The session to propose: the one under way, else the workshop's first.
    pub proposed: Slot,
    /// The workshop's sessions already over, in order.
    pub over: Vec<Slot>,
}

pub fn session_clock(
    conn: &Connection,
    workshop_id: Uuid,
    local: NaiveDateTime,
) -> Result<SessionClock> {
    let workshop = workshop::get(conn, workshop_id)?;
    let today = local.date();
    let current = slot_at(&workshop, local).ok();
    let is_over = |slot: &Slot| {
        slot.day < today
            || (slot.day == today && current.is_some_and(|now| slot.session < now.session))
    };
    let over = workshop
        .days
        .iter()
        .flat_map(|day| (1..=workshop.sessions_per_day).map(|session| Slot { day: *day, session }))
        .filter(is_over)
        .collect();
    Ok(SessionClock {
        today,
        current,
        proposed: current.unwrap_or(Slot {
            day: workshop.start_date,
            session: 1,
        }),
        over,
    })
}

fn check_day(first: NaiveDate, last: NaiveDate, day: NaiveDate) -> Result<()> {
    if day < first || day > last {
        return Err(Error::OutsideWorkshop { day, first, last });
    }
    Ok(())
}

pub(crate) fn check_slot(workshop: &Workshop, slot: Slot) -> Result<()> {
    check_scheduled(
        &workshop::Schedule {
            workshop_id: workshop.id,
            start_date: workshop.start_date,
            end_date: workshop.end_date,
            sessions_per_day: workshop.sessions_per_day,
        },
        slot,
    )
}

/// A recorded sign-in.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attendance {
    pub id: Uuid,
    pub participant_id: Uuid,
    pub day: NaiveDate,
    pub session: u8,
    pub method: Method,
    pub signed_in_at: String,
    pub reason: String,
    pub device_id: String,
}

/// What signing in did: a new record, or the one already there (said kindly, not an error).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SignIn {
    SignedIn { attendance: Attendance },
    AlreadySignedIn { attendance: Attendance },
}

impl SignIn {
    pub fn attendance(&self) -> &Attendance {
        match self {
            Self::SignedIn { attendance } | Self::AlreadySignedIn { attendance } => attendance,
        }
    }
}

fn find(conn: &Connection, participant_id: Uuid, slot: Slot) -> Result<Option<Attendance>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, method, signed_in_at, reason, device_id FROM attendance
             WHERE participant_id = ?1 AND day = ?2 AND session = ?3 AND deleted_at IS NULL",
        )?
        .query_row(
            params![
                participant_id.to_string(),
                slot.day.to_string(),
                slot.session
            ],
            |row| {
                Ok(Attendance {
                    id: Uuid::parse_str(&row.get::<_, String>(0)?).unwrap_or_default(),
                    participant_id,
                    day: slot.day,
                    session: slot.session,
                    method: Method::parse(&row.get::<_, String>(1)?),
                    signed_in_at: row.get(2)?,
                    reason: row.get(3)?,
                    device_id: row.get(4)?,
                })
            },
        )
        .optional()?)
}

/// Records that the participant attended this slot, once. `signed_in_at` is when they came
/// (for a late entry, the time the facilitator gives; otherwise `now`). A late entry for an
/// earlier session needs a reason.
pub fn sign_in(
    db: &mut Database,
    participant_id: Uuid,
    slot: Slot,
    method: Method,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<SignIn> {
    let reason = validate::optional_text("reason", "The reason", reason, 500)?;
    db.write(now, |w| record(w, participant_id, slot, method, &reason))
}

/// [`sign_in`] inside a write that is already open (a walk-in is registered and signed in in
/// one transaction).
pub(crate) fn record(
    w: &Writer,
    participant_id: Uuid,
    slot: Slot,
    method: Method,
    reason: &str,
) -> Result<SignIn> {
    record_at(w, participant_id, slot, method, reason, w.now())
}

/// [`record`] with the time the person came, when that is not the time of the write (the
/// demo's sign-ins of days already past). It reads only what a sign-in needs, because the
/// kiosk calls it at every sign-in.
pub(crate) fn record_at(
    w: &Writer,
    participant_id: Uuid,
    slot: Slot,
    method: Method,
    reason: &str,
    signed_in_at: DateTime<Utc>,
) -> Result<SignIn> {
    let workshop_id = workshop_of(w, participant_id)?;
    check_scheduled(&workshop::schedule(w, workshop_id)?, slot)?;
    if let Some(existing) = find(w, participant_id, slot)? {
        return Ok(SignIn::AlreadySignedIn {
            attendance: existing,
        });
    }
    let attendance = Attendance {
        id: w.new_id(),
        participant_id,
        day: slot.day,
        session: slot.session,
        method,
        signed_in_at: time::timestamp(signed_in_at),
        reason: reason.to_string(),
        device_id: w.device_id().to_string(),
    };
    w.prepare_cached(
        "INSERT INTO attendance (id, workshop_id, participant_id, day, session, method,
            signed_in_at, reason, device_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
    )?
    .execute(params![
        attendance.id.to_string(),
        workshop_id.to_string(),
        participant_id.to_string(),
        slot.day.to_string(),
        slot.session,
        method.as_str(),
        attendance.signed_in_at,
        attendance.reason,
        attendance.device_id,
        w.stamp(),
    ])?;
    let changes = [
        Change {
            field: "participantId",
            old: json!(null),
            new: json!(participant_id),
        },
        Change {
            field: "day",
            old: json!(null),
            new: json!(slot.day),
        },
        Change {
            field: "session",
            old: json!(null),
            new: json!(slot.session),
        },
        Change {
            field: "method",
            old: json!(null),
            new: json!(method),
        },
        Change {
            field: "signedInAt",
            old: json!(null),
            new: json!(attendance.signed_in_at),
        },
        Change {
            field: "reason",
            old: json!(null),
            new: json!(reason),
        },
    ];
    w.log(
        ENTITY,
        attendance.id,
        Some(workshop_id),
        Op::Create,
        &changes,
    )?;
    Ok(SignIn::SignedIn { attendance })
}

/// The workshop of a participant who has not been deleted.
fn workshop_of(conn: &Connection, participant_id: Uuid) -> Result<Uuid> {
    conn.prepare_cached("SELECT workshop_id FROM participant WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([participant_id.to_string()], |row| row.get::<_, String>(0))
        .optional()?
        .and_then(|id| Uuid::parse_str(&id).ok())
        .ok_or_else(|| Error::not_found(participant::ENTITY, &participant_id))
}

/// A slot the workshop has: one of its days, one of its sessions.
fn check_scheduled(schedule: &workshop::Schedule, slot: Slot) -> Result<()> {
    check_day(schedule.start_date, schedule.end_date, slot.day)?;
    if slot.session == 0 || slot.session > schedule.sessions_per_day {
        return Err(Error::invalid(
            InvalidCode::OutOfRange,
            "session",
            format!(
                "This workshop has {} session(s) a day",
                schedule.sessions_per_day
            ),
        ));
    }
    Ok(())
}

/// Takes back a sign-in (the facilitator unmarks a cell); logged, and it can be marked again.
/// Returns false when there was nothing to unmark.
pub fn unmark(
    db: &mut Database,
    participant_id: Uuid,
    slot: Slot,
    now: DateTime<Utc>,
) -> Result<bool> {
    db.write(now, |w| {
        let Some(existing) = find(w, participant_id, slot)? else {
            return Ok(false);
        };
        let participant = participant::get(w, participant_id)?;
        w.execute(
            "UPDATE attendance SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![existing.id.to_string(), w.stamp()],
        )?;
        let change = Change {
            field: "deletedAt",
            old: json!(null),
            new: json!(w.stamp()),
        };
        w.log(
            ENTITY,
            existing.id,
            Some(participant.workshop_id),
            Op::Delete,
            &[change],
        )?;
        Ok(true)
    })
}

/// The facilitator marks (`present`) or unmarks a cell of the grid by hand: logged with the
/// time and device like every change; a late entry for an earlier session carries its reason.
/// Returns the workshop's grid as it now is. `method` says whether the facilitator saw them
/// (`Facilitator`) or is typing in a paper sheet (`Paper`).
pub fn mark_by_hand(
    db: &mut Database,
    participant_id: Uuid,
    slot: Slot,
    present: bool,
    reason: &str,
    method: Method,
    now: DateTime<Utc>,
) -> Result<Grid> {
    check_by_hand(method)?;
    let workshop_id = participant::get(db.conn(), participant_id)?.workshop_id;
    if present {
        sign_in(db, participant_id, slot, method, reason, now)?;
    } else {
        unmark(db, participant_id, slot, now)?;
    }
    grid(db.conn(), workshop_id)
}

/// Kiosk and badge marks are the participant's own doing: the facilitator's hand may only
/// record what they saw or what the paper sheet says.
fn check_by_hand(method: Method) -> Result<()> {
    match method {
        Method::Facilitator | Method::Paper => Ok(()),
        Method::Kiosk | Method::Badge => Err(Error::invalid(
            InvalidCode::InvalidValue,
            "method",
            "Marks by hand are taken by the facilitator or from the paper sheet",
        )),
    }
}

/// Marks several participants of one workshop present for one slot, in one transaction (a paper
/// sheet typed back in): all or none. Someone already marked for the slot keeps their mark and
/// how it was taken. Returns the workshop's grid as it now is.
pub fn mark_many(
    db: &mut Database,
    workshop_id: Uuid,
    slot: Slot,
    participant_ids: &[Uuid],
    method: Method,
    now: DateTime<Utc>,
) -> Result<Grid> {
    check_by_hand(method)?;
    check_slot(&workshop::get(db.conn(), workshop_id)?, slot)?;
    if !participant_ids.is_empty() {
        db.write(now, |w| {
            for &participant_id in participant_ids {
                // A participant of another workshop is not one of this sheet's rows.
                if participant::get(w, participant_id)?.workshop_id != workshop_id {
                    return Err(Error::not_found(participant::ENTITY, &participant_id));
                }
                record(w, participant_id, slot, method, "")?;
            }
            Ok(())
        })?;
    }
    grid(db.conn(), workshop_id)
}

/// A participant's row in the grid: a mark (the method) or nothing per slot, and beside it the
/// reason given for a late entry (`None` when there is no mark or no reason).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GridRow {
    pub participant_id: Uuid,
    pub full_name: String,
    pub name_latin: String,
    pub sex: Sex,
    pub marks: Vec<Option<Method>>,
    pub reasons: Vec<Option<String>>,
}

/// How many attended a slot, and of them how many women and men.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SlotTotal {
    pub total: u32,
    pub women: u32,
    pub men: u32,
}

/// The facilitator's attendance grid: registered participants by name, every slot of the
/// workshop, and totals per slot.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Grid {
    pub slots: Vec<Slot>,
    pub rows: Vec<GridRow>,
    pub totals: Vec<SlotTotal>,
}

pub fn grid(conn: &Connection, workshop_id: Uuid) -> Result<Grid> {
    let workshop = workshop::get(conn, workshop_id)?;
    let slots: Vec<Slot> = workshop
        .days
        .iter()
        .flat_map(|day| (1..=workshop.sessions_per_day).map(|session| Slot { day: *day, session }))
        .collect();
    let mut rows: Vec<GridRow> = conn
        .prepare_cached(
            "SELECT id, full_name, name_latin, sex FROM participant
             WHERE workshop_id = ?1 AND deleted_at IS NULL
             ORDER BY name_latin COLLATE NOCASE, full_name",
        )?
        .query_map([workshop_id.to_string()], |row| {
            Ok(GridRow {
                participant_id: Uuid::parse_str(&row.get::<_, String>(0)?).unwrap_or_default(),
                full_name: row.get(1)?,
                name_latin: row.get(2)?,
                sex: Sex::parse(&row.get::<_, String>(3)?).unwrap_or_default(),
                marks: vec![None; slots.len()],
                reasons: vec![None; slots.len()],
            })
        })?
        .collect::<Result<_, _>>()?;
    let index: std::collections::HashMap<Uuid, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.participant_id, i))
        .collect();
    let mut totals = vec![SlotTotal::default(); slots.len()];
    let mut statement = conn.prepare_cached(
        "SELECT participant_id, day, session, method, reason FROM attendance
         WHERE workshop_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut marks = statement.query([workshop_id.to_string()])?;
    while let Some(mark) = marks.next()? {
        let participant = Uuid::parse_str(&mark.get::<_, String>(0)?).unwrap_or_default();
        let slot = Slot {
            day: time::parse_date(&mark.get::<_, String>(1)?).unwrap_or_default(),
            session: mark.get(2)?,
        };
        let (Some(&row), Some(column)) = (
            index.get(&participant),
            slots.iter().position(|s| *s == slot),
        ) else {
            continue; // a deleted participant, or a slot outside edited dates
        };
        rows[row].marks[column] = Some(Method::parse(&mark.get::<_, String>(3)?));
        let reason: String = mark.get(4)?;
        rows[row].reasons[column] = (!reason.is_empty()).then_some(reason);
        let total = &mut totals[column];
        total.total += 1;
        total.women += u32::from(rows[row].sex == Sex::Woman);
        total.men += u32::from(rows[row].sex == Sex::Man);
    }
    Ok(Grid {
        slots,
        rows,
        totals,
    })
}
