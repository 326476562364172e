//! Workshops: create, edit, archive, list, and the one the app reopens.

use crate::changelog::{self, Op};
use crate::db::{Database, Writer};
use crate::error::{Error, InvalidCode, Result};
use crate::{settings, time, validate};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

const ENTITY: &str = "workshop";
/// Longer than any course; catches a mistyped year.
const MAX_DAYS: i64 = 60;

/// A workshop as stored, with the days that follow from its dates.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Workshop {
    pub id: Uuid,
    pub title: String,
    pub venue_city: String,
    pub country: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub days: Vec<NaiveDate>,
    pub sessions_per_day: u8,
    /// The sessions' start times ("HH:MM"), or empty for the defaults (see `attendance`).
    pub session_starts: Vec<String>,
    pub organisers: String,
    pub programme_code: String,
    pub working_languages: Vec<String>,
    pub youth_age_limit: u8,
    pub archived_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub participant_count: i64,
}

/// What the facilitator types to create or edit a workshop. Dates are text so that a bad date
/// is reported on its field rather than failing to decode.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WorkshopInput {
    pub title: String,
    pub venue_city: String,
    pub country: Option<String>,
    pub start_date: String,
    pub end_date: String,
    /// Wider than stored, so that any number typed is refused on its field, not in decoding.
    pub sessions_per_day: Option<i64>,
    pub organisers: String,
    pub programme_code: String,
    pub working_languages: Vec<String>,
    pub youth_age_limit: Option<i64>,
}

/// A checked input, ready to store.
#[derive(Debug, Clone, PartialEq)]
struct ValidWorkshop {
    title: String,
    venue_city: String,
    country: Option<String>,
    start_date: NaiveDate,
    end_date: NaiveDate,
    sessions_per_day: u8,
    organisers: String,
    programme_code: String,
    working_languages: Vec<String>,
    youth_age_limit: u8,
}

impl ValidWorkshop {
    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("title", json!(self.title)),
            ("venueCity", json!(self.venue_city)),
            ("country", json!(self.country)),
            ("startDate", json!(self.start_date.to_string())),
            ("endDate", json!(self.end_date.to_string())),
            ("sessionsPerDay", json!(self.sessions_per_day)),
            ("organisers", json!(self.organisers)),
            ("programmeCode", json!(self.programme_code)),
            ("workingLanguages", json!(self.working_languages)),
            ("youthAgeLimit", json!(self.youth_age_limit)),
        ]
    }
}

/// What a participant's age and youth follow from: the workshop's year and youth limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeRule {
    pub workshop_id: Uuid,
    pub year: i32,
    pub youth_age_limit: u8,
}

impl AgeRule {
    /// The participant's age in the workshop's year, from a birth year.
    pub fn age_of(&self, birth_year: i32) -> i32 {
        self.year - birth_year
    }

    /// Youth is derived, never stored: under the workshop's limit in the year it starts.
    pub fn is_youth(&self, birth_year: Option<i32>) -> Option<bool> {
        birth_year.map(|year| self.age_of(year) < i32::from(self.youth_age_limit))
    }
}

/// The age rule of a workshop, without loading (and counting) the rest of it.
pub fn age_rule(conn: &Connection, id: Uuid) -> Result<AgeRule> {
    conn.prepare_cached(
        "SELECT start_date, youth_age_limit FROM workshop WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id.to_string()], |row| {
        let start: String = row.get(0)?;
        Ok(AgeRule {
            workshop_id: id,
            year: time::parse_date(&start).map_or(0, |d| d.year()),
            youth_age_limit: row.get(1)?,
        })
    })
    .optional()?
    .ok_or_else(|| Error::not_found(ENTITY, &id))
}

/// What a sign-in needs to know of a workshop: its days and sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub workshop_id: Uuid,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub sessions_per_day: u8,
}

/// The schedule of a workshop, without loading (and counting) the rest of it: the kiosk asks
/// for it at every sign-in.
pub(crate) fn schedule(conn: &Connection, id: Uuid) -> Result<Schedule> {
    conn.prepare_cached(
        "SELECT start_date, end_date, sessions_per_day FROM workshop
         WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id.to_string()], |row| {
        let start_date = time::parse_date(&row.get::<_, String>(0)?).unwrap_or_default();
        Ok(Schedule {
            workshop_id: id,
            start_date,
            end_date: time::parse_date(&row.get::<_, String>(1)?).unwrap_or(start_date),
            sessions_per_day: row.get(2)?,
        })
    })
    .optional()?
    .ok_or_else(|| Error::not_found(ENTITY, &id))
}

impl Workshop {
    pub fn age_rule(&self) -> AgeRule {
        AgeRule {
            workshop_id: self.id,
            year: self.start_date.year(),
            youth_age_limit: self.youth_age_limit,
        }
    }

    fn as_valid(&self) -> ValidWorkshop {
        ValidWorkshop {
            title: self.title.clone(),
            venue_city: self.venue_city.clone(),
            country: self.country.clone(),
            start_date: self.start_date,
            end_date: self.end_date,
            sessions_per_day: self.sessions_per_day,
            organisers: self.organisers.clone(),
            programme_code: self.programme_code.clone(),
            working_languages: self.working_languages.clone(),
            youth_age_limit: self.youth_age_limit,
        }
    }

    /// Youth is derived, never stored: under the workshop's limit in the year it starts.
    pub fn is_youth(&self, birth_year: Option<i32>) -> Option<bool> {
        self.age_rule().is_youth(birth_year)
    }
}

fn parse_date(field: &'static str, label: &str, value: &str) -> Result<NaiveDate> {
    if value.trim().is_empty() {
        return Err(Error::invalid(
            InvalidCode::Required,
            field,
            format!("{label} is required"),
        ));
    }
    time::parse_date(value).ok_or_else(|| {
        Error::invalid(
            InvalidCode::InvalidDate,
            field,
            format!("{value:?} is not a date; use the calendar or type YYYY-MM-DD"),
        )
    })
}

fn validate(input: &WorkshopInput) -> Result<ValidWorkshop> {
    let title = validate::required_text("title", "The title", &input.title, 200)?;
    let venue_city =
        validate::optional_text("venueCity", "The venue city", &input.venue_city, 100)?;
    let country = validate::country("country", input.country.as_deref())?;
    let start_date = parse_date("startDate", "The start date", &input.start_date)?;
    let end_date = parse_date("endDate", "The end date", &input.end_date)?;
    if end_date < start_date {
        return Err(Error::invalid(
            InvalidCode::DateOrder,
            "endDate",
            format!("The workshop cannot end ({end_date}) before it starts ({start_date})"),
        ));
    }
    let length = (end_date - start_date).num_days() + 1;
    if length > MAX_DAYS {
        return Err(Error::invalid(
            InvalidCode::OutOfRange,
            "endDate",
            format!("The workshop would last {length} days; at most {MAX_DAYS} are allowed"),
        ));
    }
    let sessions_per_day = input.sessions_per_day.unwrap_or(1);
    let Some(sessions_per_day) = u8::try_from(sessions_per_day)
        .ok()
        .filter(|n| (1..=3).contains(n))
    else {
        return Err(Error::invalid(
            InvalidCode::OutOfRange,
            "sessionsPerDay",
            "A day has one, two or three sessions",
        ));
    };
    let youth_age_limit = input.youth_age_limit.unwrap_or(35);
    let Some(youth_age_limit) = u8::try_from(youth_age_limit)
        .ok()
        .filter(|n| (15..=60).contains(n))
    else {
        return Err(Error::invalid(
            InvalidCode::OutOfRange,
            "youthAgeLimit",
            format!("A youth age limit of {youth_age_limit} is not plausible; use 15 to 60"),
        ));
    };
    let mut working_languages = Vec::new();
    for language in &input.working_languages {
        let language = language.trim().to_ascii_lowercase();
        if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_lowercase()) {
            return Err(Error::invalid(
                InvalidCode::InvalidValue,
                "workingLanguages",
                format!("{language:?} is not a language code such as en, fr or ar"),
            ));
        }
        if !working_languages.contains(&language) {
            working_languages.push(language);
        }
    }
    Ok(ValidWorkshop {
        title,
        venue_city,
        country,
        start_date,
        end_date,
        sessions_per_day,
        organisers: validate::optional_text(
            "organisers",
            "The organisers",
            &input.organisers,
            500,
        )?,
        programme_code: validate::optional_text(
            "programmeCode",
            "The programme code",
            &input.programme_code,
            60,
        )?,
        working_languages,
        youth_age_limit,
    })
}

const COLUMNS: &str = "w.id, w.title, w.venue_city, w.country, w.start_date, w.end_date,
    w.sessions_per_day, w.organisers, w.programme_code, w.working_languages, w.youth_age_limit,
    w.archived_at, w.created_at, w.updated_at,
    (SELECT count(*) FROM participant p WHERE p.workshop_id = w.id AND p.deleted_at IS NULL),
    w.session_starts";

fn from_row(row: &Row) -> rusqlite::Result<Workshop> {
    let id: String = row.get(0)?;
    let start: String = row.get(4)?;
    let end: String = row.get(5)?;
    let languages: String = row.get(9)?;
    let start_date = time::parse_date(&start).unwrap_or_default();
    let end_date = time::parse_date(&end).unwrap_or(start_date);
    Ok(Workshop {
        id: Uuid::parse_str(&id).unwrap_or_default(),
        title: row.get(1)?,
        venue_city: row.get(2)?,
        country: row.get(3)?,
        start_date,
        end_date,
        days: start_date
            .iter_days()
            .take_while(|d| *d <= end_date)
            .collect(),
        sessions_per_day: row.get(6)?,
        organisers: row.get(7)?,
        programme_code: row.get(8)?,
        working_languages: serde_json::from_str(&languages).unwrap_or_default(),
        youth_age_limit: row.get(10)?,
        archived_at: row.get(11)?,
        created_at: row.get(12)?,
        updated_at: row.get(13)?,
        participant_count: row.get(14)?,
        session_starts: serde_json::from_str(&row.get::<_, String>(15)?).unwrap_or_default(),
    })
}

pub fn get(conn: &Connection, id: Uuid) -> Result<Workshop> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM workshop w WHERE w.id = ?1 AND w.deleted_at IS NULL"
    ))?
    .query_row([id.to_string()], from_row)
    .optional()?
    .ok_or_else(|| Error::not_found(ENTITY, &id))
}

/// Workshops, the newest start date first.
pub fn list(conn: &Connection, include_archived: bool) -> Result<Vec<Workshop>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM workshop w WHERE w.deleted_at IS NULL
         AND (?1 OR w.archived_at IS NULL) ORDER BY w.start_date DESC, w.created_at DESC"
    ))?;
    let rows = statement.query_map([include_archived], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn insert(w: &Writer, input: &WorkshopInput) -> Result<Uuid> {
    let valid = validate(input)?;
    let id = w.new_id();
    let stamp = w.stamp();
    w.prepare_cached(
        "INSERT INTO workshop (id, title, venue_city, country, start_date, end_date,
            sessions_per_day, organisers, programme_code, working_languages, youth_age_limit,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
    )?
    .execute(params![
        id.to_string(),
        valid.title,
        valid.venue_city,
        valid.country,
        valid.start_date.to_string(),
        valid.end_date.to_string(),
        valid.sessions_per_day,
        valid.organisers,
        valid.programme_code,
        json!(valid.working_languages).to_string(),
        valid.youth_age_limit,
        stamp,
    ])?;
    w.log(
        ENTITY,
        id,
        Some(id),
        Op::Create,
        &changelog::created(&valid.fields()),
    )?;
    settings::set(w, settings::LAST_WORKSHOP, &id.to_string())?;
    Ok(id)
}

/// Creates a workshop and makes it the one the app opens.
pub fn create(db: &mut Database, input: &WorkshopInput, now: DateTime<Utc>) -> Result<Workshop> {
    db.write(now, |w| {
        let id = insert(w, input)?;
        get(w, id)
    })
}

/// Saves an edit; nothing is written (or logged) when nothing changed.
pub fn update(
    db: &mut Database,
    id: Uuid,
    input: &WorkshopInput,
    now: DateTime<Utc>,
) -> Result<Workshop> {
    db.write(now, |w| {
        let before = get(w, id)?;
        let valid = validate(input)?;
        let changes = changelog::diff(&before.as_valid().fields(), &valid.fields());
        if changes.is_empty() {
            return Ok(before);
        }
        w.execute(
            "UPDATE workshop SET title = ?2, venue_city = ?3, country = ?4, start_date = ?5,
                end_date = ?6, sessions_per_day = ?7, organisers = ?8, programme_code = ?9,
                working_languages = ?10, youth_age_limit = ?11, updated_at = ?12
             WHERE id = ?1",
            params![
                id.to_string(),
                valid.title,
                valid.venue_city,
                valid.country,
                valid.start_date.to_string(),
                valid.end_date.to_string(),
                valid.sessions_per_day,
                valid.organisers,
                valid.programme_code,
                json!(valid.working_languages).to_string(),
                valid.youth_age_limit,
                w.stamp(),
            ],
        )?;
        w.log(ENTITY, id, Some(id), Op::Update, &changes)?;
        get(w, id)
    })
}

/// Archives a workshop (it leaves the list but keeps every record) or brings it back.
pub fn set_archived(
    db: &mut Database,
    id: Uuid,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<Workshop> {
    db.write(now, |w| {
        let before = get(w, id)?;
        if before.archived_at.is_some() == archived {
            return Ok(before);
        }
        let archived_at = archived.then(|| w.stamp());
        w.execute(
            "UPDATE workshop SET archived_at = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.to_string(), archived_at, w.stamp()],
        )?;
        let change = changelog::Change {
            field: "archivedAt",
            old: json!(before.archived_at),
            new: json!(archived_at),
        };
        w.log(ENTITY, id, Some(id), Op::Update, &[change])?;
        if archived && settings::get(w, settings::LAST_WORKSHOP)? == Some(id.to_string()) {
            w.execute("DELETE FROM meta WHERE key = ?1", [settings::LAST_WORKSHOP])?;
        }
        get(w, id)
    })
}

/// Remembers the workshop the facilitator is working on, so the app reopens it.
pub fn open(conn: &Connection, id: Uuid) -> Result<Workshop> {
    let workshop = get(conn, id)?;
    settings::set(conn, settings::LAST_WORKSHOP, &id.to_string())?;
    Ok(workshop)
}

/// The workshop the app should show on start: the last one opened, unless archived or gone.
pub fn current(conn: &Connection) -> Result<Option<Workshop>> {
    let Some(id) =
        settings::get(conn, settings::LAST_WORKSHOP)?.and_then(|t| Uuid::parse_str(&t).ok())
    else {
        return Ok(None);
    };
    match get(conn, id) {
        Ok(workshop) if workshop.archived_at.is_none() => Ok(Some(workshop)),
        Ok(_) | Err(Error::NotFound { .. }) => Ok(None),
        Err(other) => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
    }

    pub(crate) fn kathmandu() -> WorkshopInput {
        WorkshopInput {
            title: "Trade Union Policy and Organising on Labour Migration".into(),
            venue_city: "Kathmandu".into(),
            country: Some("NP".into()),
            start_date: "2018-05-14".into(),
            end_date: "2018-05-18".into(),
            sessions_per_day: Some(2),
            organisers: "ILO-ACTRAV, ITCILO".into(),
            programme_code: "SSC-2018-04".into(),
            working_languages: vec!["en".into()],
            youth_age_limit: None,
        }
    }

    #[test]
    fn a_workshop_has_the_days_between_its_dates_and_defaults() {
        let mut db = Database::open_in_memory(now()).unwrap();
        let workshop = create(&mut db, &kathmandu(), now()).unwrap();
        assert_eq!(workshop.days.len(), 5);
        assert_eq!(workshop.days[4].to_string(), "2018-05-18");
        assert_eq!(workshop.youth_age_limit, 35);
        assert_eq!(current(db.conn()).unwrap().map(|w| w.id), Some(workshop.id));
    }

    #[test]
    fn each_field_is_checked_with_a_message_on_the_field() {
        type Edit = Box<dyn Fn(&mut WorkshopInput)>;
        let cases: Vec<(Edit, &str, &str)> = vec![
            (Box::new(|i| i.title = " ".into()), "title", "required"),
            (Box::new(|i| i.title = "t".repeat(201)), "title", "too_long"),
            (
                Box::new(|i| i.country = Some("Atlantis".into())),
                "country",
                "unknown_country",
            ),
            (
                Box::new(|i| i.start_date = "14/05/2018".into()),
                "startDate",
                "invalid_date",
            ),
            (
                Box::new(|i| i.end_date = String::new()),
                "endDate",
                "required",
            ),
            (
                Box::new(|i| i.end_date = "2018-05-13".into()),
                "endDate",
                "date_order",
            ),
            (
                Box::new(|i| i.end_date = "2019-05-13".into()),
                "endDate",
                "out_of_range",
            ),
            (
                Box::new(|i| i.sessions_per_day = Some(4)),
                "sessionsPerDay",
                "out_of_range",
            ),
            (
                Box::new(|i| i.youth_age_limit = Some(99)),
                "youthAgeLimit",
                "out_of_range",
            ),
            (
                Box::new(|i| i.working_languages = vec!["English".into()]),
                "workingLanguages",
                "invalid_value",
            ),
            (
                Box::new(|i| i.venue_city = "Kath\nmandu".into()),
                "venueCity",
                "control_characters",
            ),
        ];
        for (change, field, code) in cases {
            let mut input = kathmandu();
            change(&mut input);
            let error = validate(&input).unwrap_err();
            assert_eq!(
                (error.field(), error.code()),
                (Some(field), code),
                "{input:?}"
            );
        }
    }

    #[test]
    fn edits_are_logged_field_by_field_and_no_op_edits_are_not() {
        let mut db = Database::open_in_memory(now()).unwrap();
        let workshop = create(&mut db, &kathmandu(), now()).unwrap();
        let mut input = kathmandu();
        input.venue_city = "Lalitpur".into();
        let later = now() + chrono::Duration::minutes(5);
        let edited = update(&mut db, workshop.id, &input, later).unwrap();
        assert_eq!(edited.venue_city, "Lalitpur");
        update(&mut db, workshop.id, &input, later).unwrap();
        let history = changelog::history(db.conn(), ENTITY, workshop.id).unwrap();
        assert_eq!(
            history.len(),
            2,
            "one create and one real update: {history:?}"
        );
        assert_eq!(
            history[1].changes,
            json!({"venueCity": ["Kathmandu", "Lalitpur"]})
        );
    }

    #[test]
    fn archived_workshops_leave_the_list_and_are_not_reopened() {
        let mut db = Database::open_in_memory(now()).unwrap();
        let workshop = create(&mut db, &kathmandu(), now()).unwrap();
        set_archived(&mut db, workshop.id, true, now()).unwrap();
        assert!(list(db.conn(), false).unwrap().is_empty());
        assert_eq!(list(db.conn(), true).unwrap().len(), 1);
        assert_eq!(current(db.conn()).unwrap(), None);
        let restored = set_archived(&mut db, workshop.id, false, now()).unwrap();
        assert_eq!(restored.archived_at, None);
    }

    #[test]
    fn youth_follows_the_workshop_limit_and_year() {
        let mut db = Database::open_in_memory(now()).unwrap();
        let workshop = create(&mut db, &kathmandu(), now()).unwrap();
        assert_eq!(workshop.is_youth(Some(1984)), Some(true), "34 in 2018");
        assert_eq!(
            workshop.is_youth(Some(1983)),
            Some(false),
            "35 in 2018 is not under 35"
        );
        assert_eq!(workshop.is_youth(None), None);
    }
}
