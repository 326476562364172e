//! Participant registration: validation, duplicate warnings, search, soft deletion and restore.

use crate::changelog::{self, Change, Op};
use crate::db::{Database, Writer};
use crate::error::{Error, InvalidCode, Result};
use crate::workshop::{self, AgeRule};
use crate::{badge, countries, names, validate};
use chrono::{DateTime, Datelike, Utc};
use rand::Rng;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::sync::LazyLock;
use uuid::Uuid;

pub(crate) const ENTITY: &str = "participant";
pub const MAX_NAME: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Woman,
    Man,
    Another,
    #[default]
    NotStated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    Participant,
    ResourcePerson,
    Facilitator,
    OrganiserStaff,
    Observer,
}

macro_rules! text_enum {
    ($type:ty { $($variant:ident => $text:literal),* $(,)? }) => {
        impl $type {
            pub const ALL: &[Self] = &[$(Self::$variant),*];
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),* }
            }
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some(Self::$variant),)* _ => None }
            }
        }
    };
}
text_enum!(Sex { Woman => "woman", Man => "man", Another => "another", NotStated => "not_stated" });
text_enum!(Role {
    Participant => "participant",
    ResourcePerson => "resource_person",
    Facilitator => "facilitator",
    OrganiserStaff => "organiser_staff",
    Observer => "observer",
});

/// A registered participant, with what follows from the workshop (age, youth).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub id: Uuid,
    pub workshop_id: Uuid,
    pub full_name: String,
    pub name_latin: String,
    pub sex: Sex,
    pub birth_year: Option<i32>,
    pub age: Option<i32>,
    pub is_youth: Option<bool>,
    pub country: Option<String>,
    pub country_name: Option<&'static str>,
    pub organisation: String,
    pub position: String,
    pub role: Role,
    pub email: String,
    pub phone: String,
    pub consent_contact: bool,
    pub consent_photos: bool,
    pub notes: String,
    pub badge_code: String,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub registered_by: Origin,
    /// Registered at the kiosk and not yet looked at by the facilitator.
    pub needs_review: bool,
}

/// Who registered a participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    #[default]
    Facilitator,
    /// The participant themself, at the kiosk ("I am not on the list").
    Kiosk,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Facilitator => "facilitator",
            Self::Kiosk => "kiosk",
        }
    }

    fn parse(text: &str) -> Self {
        if text == "kiosk" {
            Self::Kiosk
        } else {
            Self::Facilitator
        }
    }
}

/// What the facilitator (or a later import) supplies for a participant.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ParticipantInput {
    pub full_name: String,
    /// Empty: the suggested transliteration is stored.
    pub name_latin: String,
    pub sex: Sex,
    pub birth_year: Option<i32>,
    pub country: Option<String>,
    pub organisation: String,
    pub position: String,
    pub role: Role,
    pub email: String,
    pub phone: String,
    pub consent_contact: bool,
    pub consent_photos: bool,
    pub notes: String,
}

/// Checked, normalised values, in the form they are stored and logged.
#[derive(Debug, Clone, PartialEq)]
struct ValidParticipant {
    full_name: String,
    name_latin: String,
    sex: Sex,
    birth_year: Option<i32>,
    country: Option<String>,
    organisation: String,
    position: String,
    role: Role,
    email: String,
    phone: String,
    consent_contact: bool,
    consent_photos: bool,
    notes: String,
}

impl ValidParticipant {
    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("fullName", json!(self.full_name)),
            ("nameLatin", json!(self.name_latin)),
            ("sex", json!(self.sex)),
            ("birthYear", json!(self.birth_year)),
            ("country", json!(self.country)),
            ("organisation", json!(self.organisation)),
            ("position", json!(self.position)),
            ("role", json!(self.role)),
            ("email", json!(self.email)),
            ("phone", json!(self.phone)),
            ("consentContact", json!(self.consent_contact)),
            ("consentPhotos", json!(self.consent_photos)),
            ("notes", json!(self.notes)),
        ]
    }

    /// Everything search matches on, folded: the name as written (lower case), then the
    /// transliterations, organisation and country names in ASCII.
    fn search_text(&self) -> String {
        let country = self.country.as_deref().and_then(countries::by_code);
        let mut text = self.full_name.to_lowercase();
        for part in [
            self.full_name.as_str(),
            self.name_latin.as_str(),
            self.organisation.as_str(),
            country.map_or("", |c| c.en),
            country.map_or("", |c| c.fr),
            country.map_or("", |c| c.es),
            self.country.as_deref().unwrap_or(""),
        ] {
            text.push('\u{1f}');
            text.push_str(&names::fold(part));
        }
        text
    }

    fn name_key(&self) -> String {
        names::name_key(&self.full_name)
    }

    /// The values of [`STORED`], in its order.
    fn stored(&self) -> [SqlValue; STORED.len()] {
        [
            self.full_name.clone().into(),
            self.name_latin.clone().into(),
            self.sex.as_str().to_string().into(),
            self.birth_year.into(),
            self.country.clone().into(),
            self.organisation.clone().into(),
            self.position.clone().into(),
            self.role.as_str().to_string().into(),
            self.email.clone().into(),
            self.phone.clone().into(),
            self.consent_contact.into(),
            self.consent_photos.into(),
            self.notes.clone().into(),
            self.name_key().into(),
            self.search_text().into(),
        ]
    }
}

/// The name key and search text of a participant with this name, transliteration,
/// organisation and country, derived as registration derives them: an import writes the stored
/// columns directly and these beside them.
pub(crate) fn search_keys(
    full_name: &str,
    name_latin: &str,
    organisation: &str,
    country: Option<&str>,
) -> (String, String) {
    let valid = ValidParticipant {
        full_name: full_name.to_string(),
        name_latin: name_latin.to_string(),
        sex: Sex::default(),
        birth_year: None,
        country: country.map(str::to_string),
        organisation: organisation.to_string(),
        position: String::new(),
        role: Role::default(),
        email: String::new(),
        phone: String::new(),
        consent_contact: false,
        consent_photos: false,
        notes: String::new(),
    };
    (valid.name_key(), valid.search_text())
}

/// The columns a checked participant is stored in: insert and update bind them alike, so the
/// two can never disagree about their order.
const STORED: [&str; 15] = [
    "full_name",
    "name_latin",
    "sex",
    "birth_year",
    "country",
    "organisation",
    "position",
    "role",
    "email",
    "phone",
    "consent_contact",
    "consent_photos",
    "notes",
    "name_key",
    "search_text",
];

/// `INSERT` with ?1 id, ?2 workshop, ?3 badge code, ?4 time, then the stored columns from ?5.
static INSERT: LazyLock<String> = LazyLock::new(|| {
    let placeholders: Vec<String> = (5..5 + STORED.len()).map(|n| format!("?{n}")).collect();
    format!(
        "INSERT INTO participant (id, workshop_id, badge_code, created_at, updated_at, {})
         VALUES (?1, ?2, ?3, ?4, ?4, {})",
        STORED.join(", "),
        placeholders.join(", ")
    )
});

/// `UPDATE` with ?1 id, ?2 time, then the stored columns from ?3.
static UPDATE: LazyLock<String> = LazyLock::new(|| {
    let assignments: Vec<String> = STORED
        .iter()
        .enumerate()
        .map(|(i, column)| format!("{column} = ?{}", i + 3))
        .collect();
    format!(
        "UPDATE participant SET updated_at = ?2, {} WHERE id = ?1",
        assignments.join(", ")
    )
});

impl Participant {
    /// The record as the form holds it, to be changed and saved again.
    pub fn input(&self) -> ParticipantInput {
        ParticipantInput {
            full_name: self.full_name.clone(),
            name_latin: self.name_latin.clone(),
            sex: self.sex,
            birth_year: self.birth_year,
            country: self.country.clone(),
            organisation: self.organisation.clone(),
            position: self.position.clone(),
            role: self.role,
            email: self.email.clone(),
            phone: self.phone.clone(),
            consent_contact: self.consent_contact,
            consent_photos: self.consent_photos,
            notes: self.notes.clone(),
        }
    }

    fn as_valid(&self) -> ValidParticipant {
        ValidParticipant {
            full_name: self.full_name.clone(),
            name_latin: self.name_latin.clone(),
            sex: self.sex,
            birth_year: self.birth_year,
            country: self.country.clone(),
            organisation: self.organisation.clone(),
            position: self.position.clone(),
            role: self.role,
            email: self.email.clone(),
            phone: self.phone.clone(),
            consent_contact: self.consent_contact,
            consent_photos: self.consent_photos,
            notes: self.notes.clone(),
        }
    }
}

/// Checks every field and says which one is wrong and why. `now` bounds the birth year.
pub fn validate(input: &ParticipantInput, now: DateTime<Utc>) -> Result<ParticipantInputChecked> {
    validate_inner(input, now).map(ParticipantInputChecked)
}

/// A participant input that passed validation (opaque outside this module).
#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantInputChecked(ValidParticipant);

fn validate_inner(input: &ParticipantInput, now: DateTime<Utc>) -> Result<ValidParticipant> {
    let full_name = validate::required_text("fullName", "The name", &input.full_name, MAX_NAME)?;
    let mut name_latin = validate::optional_text(
        "nameLatin",
        "The transliteration",
        &input.name_latin,
        MAX_NAME,
    )?;
    if name_latin.is_empty() {
        name_latin = names::transliterate(&full_name);
    }
    let birth_year = match input.birth_year {
        Some(year) => {
            let (oldest, youngest) = (now.year() - 100, now.year() - 10);
            if !(oldest..=youngest).contains(&year) {
                return Err(Error::invalid(
                    InvalidCode::OutOfRange,
                    "birthYear",
                    format!("A birth year of {year} is not plausible; use {oldest} to {youngest}"),
                ));
            }
            Some(year)
        }
        None => None,
    };
    let phone = validate::optional_text("phone", "The phone number", &input.phone, 40)?;
    if !phone.is_empty() && !phone.chars().any(|c| c.is_ascii_digit()) {
        return Err(Error::invalid(
            InvalidCode::InvalidValue,
            "phone",
            format!("{phone:?} has no digits; type the number with its country code"),
        ));
    }
    Ok(ValidParticipant {
        full_name,
        name_latin,
        sex: input.sex,
        birth_year,
        country: validate::country("country", input.country.as_deref())?,
        organisation: validate::optional_text(
            "organisation",
            "The organisation",
            &input.organisation,
            200,
        )?,
        position: validate::optional_text("position", "The position", &input.position, 200)?,
        role: input.role,
        email: validate::email("email", &input.email)?,
        phone,
        consent_contact: input.consent_contact,
        consent_photos: input.consent_photos,
        notes: validate::multiline_text("notes", "The notes", &input.notes, 5000)?,
    })
}

const COLUMNS: &str = "id, workshop_id, full_name, name_latin, sex, birth_year, country,
    organisation, position, role, email, phone, consent_contact, consent_photos, notes,
    badge_code, created_at, updated_at, deleted_at, registered_by, reviewed_at";

fn from_row(row: &Row, workshop: &AgeRule) -> rusqlite::Result<Participant> {
    let id: String = row.get(0)?;
    let sex: String = row.get(4)?;
    let role: String = row.get(9)?;
    let birth_year: Option<i32> = row.get(5)?;
    let country: Option<String> = row.get(6)?;
    Ok(Participant {
        id: Uuid::parse_str(&id).unwrap_or_default(),
        workshop_id: workshop.workshop_id,
        full_name: row.get(2)?,
        name_latin: row.get(3)?,
        sex: Sex::parse(&sex).unwrap_or_default(),
        birth_year,
        age: birth_year.map(|year| workshop.age_of(year)),
        is_youth: workshop.is_youth(birth_year),
        country_name: country
            .as_deref()
            .and_then(countries::by_code)
            .map(|c| c.en),
        country,
        organisation: row.get(7)?,
        position: row.get(8)?,
        role: Role::parse(&role).unwrap_or_default(),
        email: row.get(10)?,
        phone: row.get(11)?,
        consent_contact: row.get(12)?,
        consent_photos: row.get(13)?,
        notes: row.get(14)?,
        badge_code: row.get(15)?,
        created_at: row.get(16)?,
        updated_at: row.get(17)?,
        deleted_at: row.get(18)?,
        registered_by: Origin::parse(&row.get::<_, String>(19)?),
        needs_review: row.get::<_, String>(19)? == "kiosk"
            && row.get::<_, Option<String>>(20)?.is_none(),
    })
}

/// One participant, deleted or not.
pub fn get(conn: &Connection, id: Uuid) -> Result<Participant> {
    let workshop_id: Option<String> = conn
        .prepare_cached("SELECT workshop_id FROM participant WHERE id = ?1")?
        .query_row([id.to_string()], |row| row.get(0))
        .optional()?;
    let workshop_id = workshop_id
        .and_then(|text| Uuid::parse_str(&text).ok())
        .ok_or_else(|| Error::not_found(ENTITY, &id))?;
    let workshop = workshop::age_rule(conn, workshop_id)?;
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM participant WHERE id = ?1"))?
        .query_row([id.to_string()], |row| from_row(row, &workshop))
        .map_err(Error::from)
}

/// Which participants to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Registered,
    Deleted,
}

/// The participants of a workshop matching a search (all when the query is empty), by name.
///
/// Each word of the query must match: as typed in the name's own script, transliterated, or
/// (for words of three letters or more) as a consonant skeleton of the name, so that
/// "sharma" finds "शर्मा". Literal matches come before matches by sound.
pub fn search(
    db: &Database,
    workshop_id: Uuid,
    query: &str,
    listing: Listing,
    limit: Option<usize>,
) -> Result<Vec<Participant>> {
    let conn = db.conn();
    let workshop = workshop::age_rule(conn, workshop_id)?;
    let deleted = listing == Listing::Deleted;
    if names::query_words(query).is_empty() {
        let mut statement = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM participant WHERE workshop_id = ?1 AND deleted_at IS {}
             ORDER BY name_latin COLLATE NOCASE, full_name LIMIT ?2",
            if deleted { "NOT NULL" } else { "NULL" }
        ))?;
        let limit = limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
        let rows = statement.query_map(params![workshop_id.to_string(), limit], |row| {
            from_row(row, &workshop)
        })?;
        return Ok(rows.collect::<Result<_, _>>()?);
    }
    let ids = db.search_participants(workshop_id, deleted, query, limit.unwrap_or(usize::MAX))?;
    let mut statement =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM participant WHERE id = ?1"))?;
    ids.iter()
        .map(|id| Ok(statement.query_row([id], |row| from_row(row, &workshop))?))
        .collect()
}

/// The registered participants (or, with `deleted`, the deleted ones) matching a query.
pub fn list(
    db: &Database,
    workshop_id: Uuid,
    query: &str,
    deleted: bool,
) -> Result<Vec<Participant>> {
    let listing = if deleted {
        Listing::Deleted
    } else {
        Listing::Registered
    };
    search(db, workshop_id, query, listing, None)
}

/// Who changed what in a participant's record, and when; oldest first.
pub fn history(conn: &Connection, id: Uuid) -> Result<Vec<changelog::ChangeEntry>> {
    get(conn, id)?;
    changelog::history(conn, ENTITY, id)
}

/// Why an existing participant may be the one being registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    Email,
    Name,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateCandidate {
    pub participant: Participant,
    pub reason: DuplicateReason,
}

/// Registered participants of the workshop who may be the same person: the same email, or the
/// same name compared without case, accents, word order or script.
pub fn find_duplicates(
    conn: &Connection,
    workshop_id: Uuid,
    input: &ParticipantInput,
    exclude: Option<Uuid>,
) -> Result<Vec<DuplicateCandidate>> {
    let workshop = workshop::age_rule(conn, workshop_id)?;
    let email = input.email.trim().to_lowercase();
    let key = names::name_key(&input.full_name);
    if email.is_empty() && key.is_empty() {
        return Ok(Vec::new());
    }
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS}, max(same_email) FROM (
             SELECT {COLUMNS}, 1 AS same_email FROM participant
             WHERE ?2 <> '' AND workshop_id = ?1 AND lower(email) = ?2
             UNION ALL
             SELECT {COLUMNS}, 0 AS same_email FROM participant
             WHERE ?3 <> '' AND workshop_id = ?1 AND name_key = ?3
         )
         WHERE deleted_at IS NULL AND id <> ?4
         GROUP BY id ORDER BY full_name"
    ))?;
    let exclude = exclude.map(|id| id.to_string()).unwrap_or_default();
    let rows = statement.query_map(
        params![workshop_id.to_string(), email, key, exclude],
        |row| {
            // The column after COLUMNS.
            let same_email: bool = row.get(21)?;
            Ok(DuplicateCandidate {
                participant: from_row(row, &workshop)?,
                reason: if same_email {
                    DuplicateReason::Email
                } else {
                    DuplicateReason::Name
                },
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Inserts a checked participant with a fresh badge code; used by registration and the demo.
pub(crate) fn insert(
    w: &Writer,
    workshop_id: Uuid,
    input: &ParticipantInputChecked,
    origin: Origin,
    rng: &mut impl Rng,
) -> Result<Uuid> {
    let valid = &input.0;
    let id = w.new_id();
    let stamp = w.stamp();
    let badge_code = badge::unused_code(w, workshop_id, rng)?;
    let keys: [SqlValue; 4] = [
        id.to_string().into(),
        workshop_id.to_string().into(),
        badge_code.clone().into(),
        stamp.into(),
    ];
    w.prepare_cached(&INSERT)?
        .execute(rusqlite::params_from_iter(
            keys.into_iter().chain(valid.stored()),
        ))?;
    if origin != Origin::Facilitator {
        w.execute(
            "UPDATE participant SET registered_by = ?2 WHERE id = ?1",
            params![id.to_string(), origin.as_str()],
        )?;
    }
    let mut changes = changelog::created(&valid.fields());
    if origin != Origin::Facilitator {
        changes.push(Change {
            field: "registeredBy",
            old: Value::Null,
            new: json!(origin),
        });
    }
    changes.push(Change {
        field: "badgeCode",
        old: Value::Null,
        new: json!(badge_code),
    });
    w.log(ENTITY, id, Some(workshop_id), Op::Create, &changes)?;
    Ok(id)
}

/// Registers a participant. Duplicates are a warning the UI asks about first
/// ([`find_duplicates`]); registration itself never refuses a second person of the same name.
pub fn create(
    db: &mut Database,
    workshop_id: Uuid,
    input: &ParticipantInput,
    now: DateTime<Utc>,
) -> Result<Participant> {
    let checked = validate(input, now)?;
    db.write(now, |w| {
        workshop::age_rule(w, workshop_id)?;
        let id = insert(
            w,
            workshop_id,
            &checked,
            Origin::Facilitator,
            &mut rand::rng(),
        )?;
        get(w, id)
    })
}

/// Saves an edit; only changed fields are logged, and an edit that changes nothing writes nothing.
pub fn update(
    db: &mut Database,
    id: Uuid,
    input: &ParticipantInput,
    now: DateTime<Utc>,
) -> Result<Participant> {
    let checked = validate(input, now)?;
    db.write(now, |w| {
        let before = get(w, id)?;
        if before.deleted_at.is_some() {
            return Err(Error::not_found(ENTITY, &id));
        }
        let valid = &checked.0;
        let changes = changelog::diff(&before.as_valid().fields(), &valid.fields());
        if changes.is_empty() {
            return Ok(before);
        }
        let keys: [SqlValue; 2] = [id.to_string().into(), w.stamp().into()];
        w.prepare_cached(&UPDATE)?
            .execute(rusqlite::params_from_iter(
                keys.into_iter().chain(valid.stored()),
            ))?;
        w.log(ENTITY, id, Some(before.workshop_id), Op::Update, &changes)?;
        get(w, id)
    })
}

fn set_deleted(
    db: &mut Database,
    id: Uuid,
    deleted: bool,
    now: DateTime<Utc>,
) -> Result<Participant> {
    db.write(now, |w| {
        let before = get(w, id)?;
        if before.deleted_at.is_some() == deleted {
            return Ok(before);
        }
        let deleted_at = deleted.then(|| w.stamp());
        w.execute(
            "UPDATE participant SET deleted_at = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.to_string(), deleted_at, w.stamp()],
        )?;
        let change = Change {
            field: "deletedAt",
            old: json!(before.deleted_at),
            new: json!(deleted_at),
        };
        let op = if deleted { Op::Delete } else { Op::Restore };
        w.log(ENTITY, id, Some(before.workshop_id), op, &[change])?;
        get(w, id)
    })
}

/// The facilitator has looked at a walk-in registered at the kiosk.
pub fn mark_reviewed(db: &mut Database, id: Uuid, now: DateTime<Utc>) -> Result<Participant> {
    db.write(now, |w| {
        let before = get(w, id)?;
        if !before.needs_review {
            return Ok(before);
        }
        w.execute(
            "UPDATE participant SET reviewed_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id.to_string(), w.stamp()],
        )?;
        let change = Change {
            field: "reviewedAt",
            old: Value::Null,
            new: json!(w.stamp()),
        };
        w.log(ENTITY, id, Some(before.workshop_id), Op::Update, &[change])?;
        get(w, id)
    })
}

/// Soft-deletes a participant: they leave the list and the counts, and [`restore`] undoes it.
pub fn delete(db: &mut Database, id: Uuid, now: DateTime<Utc>) -> Result<Participant> {
    set_deleted(db, id, true, now)
}

/// Brings a deleted participant back, exactly as they were.
pub fn restore(db: &mut Database, id: Uuid, now: DateTime<Utc>) -> Result<Participant> {
    set_deleted(db, id, false, now)
}

/// Organisations already entered in this workshop that start with (or contain) the text, for
/// suggestions while typing; the most used first.
pub fn suggest_organisations(
    conn: &Connection,
    workshop_id: Uuid,
    text: &str,
) -> Result<Vec<String>> {
    let folded = names::fold(text);
    let mut statement = conn.prepare_cached(
        "SELECT organisation, count(*) AS n FROM participant
         WHERE workshop_id = ?1 AND deleted_at IS NULL AND organisation <> ''
         GROUP BY organisation ORDER BY n DESC, organisation",
    )?;
    let rows = statement.query_map([workshop_id.to_string()], |row| row.get::<_, String>(0))?;
    let mut starting = Vec::new();
    let mut containing = Vec::new();
    for organisation in rows {
        let organisation = organisation?;
        let candidate = names::fold(&organisation);
        if candidate.starts_with(&folded) {
            starting.push(organisation);
        } else if candidate.contains(&folded) {
            containing.push(organisation);
        }
    }
    starting.extend(containing);
    starting.truncate(10);
    Ok(starting)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-22T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn input(name: &str) -> ParticipantInput {
        ParticipantInput {
            full_name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn every_field_is_validated_on_its_own_field() {
        let cases: Vec<(ParticipantInput, &str, &str)> = vec![
            (input("   "), "fullName", "required"),
            (input(&"न".repeat(201)), "fullName", "too_long"),
            (input("Sita\u{7}"), "fullName", "control_characters"),
            (
                ParticipantInput {
                    name_latin: "a\tb".into(),
                    ..input("Sita")
                },
                "nameLatin",
                "control_characters",
            ),
            (
                ParticipantInput {
                    birth_year: Some(1900),
                    ..input("Sita")
                },
                "birthYear",
                "out_of_range",
            ),
            (
                ParticipantInput {
                    birth_year: Some(2024),
                    ..input("Sita")
                },
                "birthYear",
                "out_of_range",
            ),
            (
                ParticipantInput {
                    country: Some("Narnia".into()),
                    ..input("Sita")
                },
                "country",
                "unknown_country",
            ),
            (
                ParticipantInput {
                    email: "sita@".into(),
                    ..input("Sita")
                },
                "email",
                "invalid_email",
            ),
            (
                ParticipantInput {
                    phone: "call me".into(),
                    ..input("Sita")
                },
                "phone",
                "invalid_value",
            ),
            (
                ParticipantInput {
                    organisation: "x".repeat(201),
                    ..input("Sita")
                },
                "organisation",
                "too_long",
            ),
            (
                ParticipantInput {
                    position: "a\nb".into(),
                    ..input("Sita")
                },
                "position",
                "control_characters",
            ),
            (
                ParticipantInput {
                    notes: "n".repeat(5001),
                    ..input("Sita")
                },
                "notes",
                "too_long",
            ),
        ];
        for (case, field, code) in cases {
            let error = validate(&case, now()).unwrap_err();
            assert_eq!(
                (error.field(), error.code()),
                (Some(field), code),
                "for {case:?}"
            );
        }
    }

    #[test]
    fn a_name_of_exactly_200_characters_in_any_script_is_accepted() {
        assert!(validate(&input(&"न".repeat(200)), now()).is_ok());
        assert!(
            validate(&input(&format!("  {}  ", "王".repeat(200))), now()).is_ok(),
            "trimmed first"
        );
    }

    #[test]
    fn an_empty_transliteration_is_suggested_and_a_typed_one_kept() {
        let checked = validate(&input("王芳"), now()).unwrap();
        assert_eq!(checked.0.name_latin, "Wang Fang");
        let typed = validate(
            &ParticipantInput {
                name_latin: "Fang WANG".into(),
                ..input("王芳")
            },
            now(),
        )
        .unwrap();
        assert_eq!(typed.0.name_latin, "Fang WANG");
    }

    #[test]
    fn country_names_are_stored_as_codes() {
        let checked = validate(
            &ParticipantInput {
                country: Some("Viet Nam".into()),
                ..input("An")
            },
            now(),
        )
        .unwrap();
        assert_eq!(checked.0.country.as_deref(), Some("VN"));
    }
}
