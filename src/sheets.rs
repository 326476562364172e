//! What the facilitator prints: a sheet of name badges (each with a QR code of the badge code,
//! which the kiosk's scanner reads), the paper sign-in sheet for one day and session, for the
//! day the laptop fails, and the list of participants annexed to the workshop's report. Badges
//! and sign-in sheets list the registered participants in one stable order, by Latin name, so
//! that the numbers on paper are the numbers typed back in.

use crate::attendance::{self, Method, Slot};
use crate::error::{Error, Result};
use crate::participant::{Role, Sex};
use crate::{countries, names, workshop};
use chrono::NaiveDate;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// A person as every printed document names them: badges, sign-in sheets, the list of
/// participants, certificates.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PrintedPerson {
    pub participant_id: Uuid,
    /// As the person writes it, in their own script.
    pub full_name: String,
    /// The Latin spelling, for a name in another script or when it says more than the name
    /// without its accents (`latin_when_different`).
    pub name_latin: Option<String>,
    pub organisation: String,
    pub country: Option<String>,
    /// In English; the interface shows the name in its own language.
    pub country_name: Option<&'static str>,
}

/// One name badge, ready to lay out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BadgeCard {
    #[serde(flatten)]
    pub person: PrintedPerson,
    pub role: Role,
    pub badge_code: String,
    /// The badge code as a QR code: an `<svg>` element with a `viewBox` and no size, so that
    /// the page sizes it.
    pub qr_svg: String,
}

/// The badges of a workshop's registered participants, by Latin name: all of them, or with
/// `only`, those of the listed participants (deleted ones and strangers are left out).
pub fn badge_sheet(
    conn: &Connection,
    workshop_id: Uuid,
    only: Option<&[Uuid]>,
) -> Result<Vec<BadgeCard>> {
    workshop::get(conn, workshop_id)?;
    let only: Option<HashSet<&Uuid>> = only.map(|ids| ids.iter().collect());
    registered(conn, workshop_id)?
        .into_iter()
        .filter(|p| {
            only.as_ref()
                .is_none_or(|ids| ids.contains(&p.person.participant_id))
        })
        .map(|p| {
            Ok(BadgeCard {
                qr_svg: qr_svg(&p.badge_code)?,
                person: p.person,
                role: p.role,
                badge_code: p.badge_code,
            })
        })
        .collect()
}

/// The workshop as a printed document names it at its head.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SheetHeading {
    pub workshop_id: Uuid,
    pub title: String,
    pub venue_city: String,
    pub country: Option<String>,
    pub country_name: Option<&'static str>,
    pub organisers: String,
    pub programme_code: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
}

impl SheetHeading {
    pub(crate) fn of(workshop: workshop::Workshop) -> Self {
        Self {
            workshop_id: workshop.id,
            country_name: country_name(workshop.country.as_deref()),
            title: workshop.title,
            venue_city: workshop.venue_city,
            country: workshop.country,
            organisers: workshop.organisers,
            programme_code: workshop.programme_code,
            start_date: workshop.start_date,
            end_date: workshop.end_date,
        }
    }
}

/// The paper sign-in sheet of one day and session.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInSheet {
    #[serde(flatten)]
    pub heading: SheetHeading,
    pub day: NaiveDate,
    /// 1-based: "Day 2 of 5".
    pub day_number: usize,
    pub day_count: usize,
    /// 1-based.
    pub session: u8,
    pub sessions_per_day: u8,
    pub rows: Vec<SignInRow>,
}

/// One numbered line of the sign-in sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInRow {
    /// 1-based, in the sheet's order; typed back in as "1 3 4-9".
    pub number: usize,
    #[serde(flatten)]
    pub person: PrintedPerson,
    pub badge_code: String,
    /// How they are already marked for this slot, if they are (never printed; the paper entry
    /// shows it).
    pub mark: Option<Method>,
}

/// The sign-in sheet of one slot: the workshop's heading and its registered participants,
/// numbered by Latin name.
pub fn sign_in_sheet(conn: &Connection, workshop_id: Uuid, slot: Slot) -> Result<SignInSheet> {
    let workshop = workshop::get(conn, workshop_id)?;
    attendance::check_slot(&workshop, slot)?;
    let day_number = workshop
        .days
        .iter()
        .position(|day| *day == slot.day)
        .map_or(1, |i| i + 1);
    let marks = marks_of_slot(conn, workshop_id, slot)?;
    let rows = registered(conn, workshop_id)?
        .into_iter()
        .enumerate()
        .map(|(i, p)| SignInRow {
            number: i + 1,
            mark: marks.get(&p.person.participant_id).copied(),
            person: p.person,
            badge_code: p.badge_code,
        })
        .collect();
    Ok(SignInSheet {
        day: slot.day,
        day_number,
        day_count: workshop.days.len(),
        session: slot.session,
        sessions_per_day: workshop.sessions_per_day,
        heading: SheetHeading::of(workshop),
        rows,
    })
}

/// The list of participants as a workshop's report annexes it: the participants by country, then
/// the resource persons, facilitators, staff and observers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantList {
    #[serde(flatten)]
    pub heading: SheetHeading,
    pub rows: Vec<ListRow>,
}

/// One person on the list. Contact details only of those who agreed to be contacted.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListRow {
    #[serde(flatten)]
    pub person: PrintedPerson,
    pub sex: Sex,
    pub position: String,
    pub role: Role,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The workshop's registered people: participants first, by country (its English name; no
/// country last) and Latin name; then everyone else by role (the order of `Role::ALL`) and name.
pub fn participant_list(conn: &Connection, workshop_id: Uuid) -> Result<ParticipantList> {
    let workshop = workshop::get(conn, workshop_id)?;
    let contact = |consented: bool, value: String| {
        let value = value.trim().to_owned();
        (consented && !value.is_empty()).then_some(value)
    };
    let mut rows: Vec<ListRow> = registered(conn, workshop_id)?
        .into_iter()
        .map(|p| ListRow {
            email: contact(p.consent_contact, p.email),
            phone: contact(p.consent_contact, p.phone),
            person: p.person,
            sex: p.sex,
            position: p.position,
            role: p.role,
        })
        .collect();
    // A stable sort keeps the names' order within each section; countries compare without
    // their accents ("Côte d'Ivoire" before "Cyprus").
    rows.sort_by_cached_key(|row| {
        let role = Role::ALL
            .iter()
            .position(|r| *r == row.role)
            .unwrap_or(usize::MAX);
        if row.role == Role::Participant {
            (
                role,
                row.person.country_name.is_none(),
                names::fold(row.person.country_name.unwrap_or_default()),
            )
        } else {
            (role, false, String::new())
        }
    });
    Ok(ParticipantList {
        heading: SheetHeading::of(workshop),
        rows,
    })
}

/// The badge code as a compact SVG QR code: no XML declaration (it goes inside a page), no
/// width or height (the page's CSS sizes it by its `viewBox`), one module per unit with the
/// standard four-module quiet zone that scanners need.
pub fn qr_svg(code: &str) -> Result<String> {
    // Level Q survives a quarter of the code scratched or folded, and still fits a five-character
    // code into the smallest QR version (21×21 modules).
    let qr = QrCode::with_error_correction_level(code.as_bytes(), EcLevel::Q)
        .map_err(|e| Error::Internal(format!("QR code for badge {code}: {e}")))?;
    let image = qr
        .render::<svg::Color>()
        .module_dimensions(1, 1)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    let side = qr.width() + 8;
    let from = image.find("<svg").unwrap_or(0);
    Ok(image[from..].replacen(&format!(r#" width="{side}" height="{side}""#), "", 1))
}

/// A registered person, with what the printed documents take from their record.
pub(crate) struct Registered {
    pub person: PrintedPerson,
    pub role: Role,
    pub badge_code: String,
    pub sex: Sex,
    pub position: String,
    pub email: String,
    pub phone: String,
    pub consent_contact: bool,
}

/// The workshop's registered (not deleted) participants, by Latin name; the ID breaks ties so
/// that two printings of the same list number it the same.
pub(crate) fn registered(conn: &Connection, workshop_id: Uuid) -> Result<Vec<Registered>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, full_name, name_latin, organisation, country, role, badge_code, sex,
                position, email, phone, consent_contact
         FROM participant WHERE workshop_id = ?1 AND deleted_at IS NULL
         ORDER BY name_latin COLLATE NOCASE, full_name, id",
    )?;
    let rows = statement.query_map([workshop_id.to_string()], |row| {
        let full_name: String = row.get(1)?;
        let country: Option<String> = row.get(4)?;
        Ok(Registered {
            person: PrintedPerson {
                participant_id: Uuid::parse_str(&row.get::<_, String>(0)?).unwrap_or_default(),
                name_latin: latin_when_different(&full_name, &row.get::<_, String>(2)?),
                full_name,
                organisation: row.get(3)?,
                country_name: country_name(country.as_deref()),
                country,
            },
            role: Role::parse(&row.get::<_, String>(5)?).unwrap_or_default(),
            badge_code: row.get(6)?,
            sex: Sex::parse(&row.get::<_, String>(7)?).unwrap_or_default(),
            position: row.get(8)?,
            email: row.get(9)?,
            phone: row.get(10)?,
            consent_contact: row.get(11)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Who is already marked for the slot, and how.
fn marks_of_slot(
    conn: &Connection,
    workshop_id: Uuid,
    slot: Slot,
) -> Result<HashMap<Uuid, Method>> {
    let grid = attendance::grid(conn, workshop_id)?;
    let Some(column) = grid.slots.iter().position(|s| *s == slot) else {
        return Ok(HashMap::new());
    };
    Ok(grid
        .rows
        .into_iter()
        .filter_map(|row| Some((row.participant_id, row.marks.get(column).copied()??)))
        .collect())
}

/// "Sita Sharma" under "सीता शर्मा" and "Ram Thapa" under "राम थापा" (for a reader of another
/// script, even when the letters map one to one), but not "Nguyen Thi Lan" under "Nguyễn Thị Lan".
pub(crate) fn latin_when_different(full_name: &str, name_latin: &str) -> Option<String> {
    let latin = name_latin.trim();
    let other_script = full_name
        .chars()
        .any(|c| c.is_alphabetic() && !is_latin_letter(c));
    (!latin.is_empty() && (other_script || names::fold(full_name) != names::fold(latin)))
        .then(|| latin.to_owned())
}

/// A letter of the Latin script, accented ones and Vietnamese's included.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

pub(crate) fn country_name(code: Option<&str>) -> Option<&'static str> {
    code.and_then(countries::by_code).map(|c| c.en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;
    use crate::participant::{self, ParticipantInput, Sex};
    use crate::workshop::WorkshopInput;
    use chrono::{DateTime, Duration, TimeZone, Utc};

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2018, 5, 14, 8, 0, 0).unwrap() + Duration::seconds(seconds)
    }

    fn workshop(db: &mut Database) -> Uuid {
        let input = WorkshopInput {
            title: "Organising migrant workers".into(),
            venue_city: "Kathmandu".into(),
            country: Some("NP".into()),
            start_date: "2018-05-14".into(),
            end_date: "2018-05-18".into(),
            sessions_per_day: Some(2),
            youth_age_limit: Some(35),
            ..Default::default()
        };
        workshop::create(db, &input, at(1)).unwrap().id
    }

    fn register(db: &mut Database, workshop_id: Uuid, name: &str, latin: &str) -> Uuid {
        let input = ParticipantInput {
            full_name: name.into(),
            name_latin: latin.into(),
            sex: Sex::Woman,
            country: Some("NP".into()),
            organisation: "GEFONT".into(),
            ..Default::default()
        };
        participant::create(db, workshop_id, &input, at(2))
            .unwrap()
            .id
    }

    /// The dark modules of a `qr_svg` path ("M{x} {y}h{w}v{h}H{x}V{y}" per run), as a bitmap.
    fn modules(svg: &str, side: usize) -> Vec<Vec<bool>> {
        let path = svg
            .split(r##"<path fill="#000" d=""##)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a path of dark modules");
        let mut grid = vec![vec![false; side]; side];
        for run in path.split('M').filter(|r| !r.is_empty()) {
            let numbers: Vec<usize> = run
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().unwrap())
                .collect();
            let [x, y, w, h, ..] = numbers[..] else {
                panic!("a run is M x y h w v h …: {run}");
            };
            for row in grid.iter_mut().skip(y).take(h) {
                for cell in row.iter_mut().skip(x).take(w) {
                    *cell = true;
                }
            }
        }
        grid
    }

    #[test]
    fn the_qr_code_is_an_svg_sized_by_its_view_box_that_reads_back_as_the_badge_code() {
        let svg = qr_svg("KX7PM").unwrap();
        assert!(svg.starts_with("<svg "), "no XML declaration: {svg}");
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains(r#"xmlns="http://www.w3.org/2000/svg""#));
        assert!(
            svg.contains(r#"viewBox="0 0 29 29""#),
            "21 modules and the quiet zone: {svg}"
        );
        let root = &svg[..svg.find('>').unwrap()];
        assert!(!root.contains("width"), "the page sizes it: {root}");
        assert!(svg.len() < 8_000, "small: {} bytes", svg.len());

        // Draw it four pixels a module and let an independent decoder read it.
        let grid = modules(&svg, 29);
        let scale = 4;
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(29 * scale, 29 * scale, |x, y| {
                if grid[y / scale][x / scale] { 0 } else { 255 }
            });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code found");
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, "KX7PM");
    }

    #[test]
    fn the_badge_sheet_has_one_card_per_registered_participant_by_latin_name() {
        let mut db = Database::open_in_memory(at(0)).unwrap();
        let id = workshop(&mut db);
        let sita = register(&mut db, id, "सीता शर्मा", "");
        let somchai = register(&mut db, id, "สมชาย ใจดี", "Somchai Jaidee");
        let lan = register(&mut db, id, "Nguyễn Thị Lan", "");
        let gone = register(&mut db, id, "Anna Andersson", "");
        participant::delete(&mut db, gone, at(3)).unwrap();

        let cards = badge_sheet(db.conn(), id, None).unwrap();
        let order: Vec<Uuid> = cards.iter().map(|c| c.person.participant_id).collect();
        assert_eq!(
            order,
            [lan, sita, somchai],
            "by Latin name, the deleted one left out"
        );

        let sita_card = &cards[1];
        assert_eq!(
            sita_card.person.full_name, "सीता शर्मा",
            "the name as written, intact"
        );
        assert_eq!(sita_card.person.name_latin.as_deref(), Some("Sita Sharma"));
        assert_eq!(cards[2].person.full_name, "สมชาย ใจดี");
        assert_eq!(
            cards[2].person.name_latin.as_deref(),
            Some("Somchai Jaidee")
        );
        assert_eq!(cards[0].person.full_name, "Nguyễn Thị Lan");
        assert_eq!(
            cards[0].person.name_latin, None,
            "the same name without accents says nothing more"
        );
        assert_eq!(sita_card.person.organisation, "GEFONT");
        assert_eq!(sita_card.person.country.as_deref(), Some("NP"));
        assert_eq!(sita_card.person.country_name, Some("Nepal"));
        assert_eq!(sita_card.badge_code.len(), 5);
        assert_eq!(sita_card.qr_svg, qr_svg(&sita_card.badge_code).unwrap());

        // The same data gives the same sheet.
        assert_eq!(badge_sheet(db.conn(), id, None).unwrap(), cards);

        let one = badge_sheet(db.conn(), id, Some(&[somchai])).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].person.participant_id, somchai);
        let chosen = badge_sheet(db.conn(), id, Some(&[somchai, gone, lan])).unwrap();
        let chosen: Vec<Uuid> = chosen.iter().map(|c| c.person.participant_id).collect();
        assert_eq!(
            chosen,
            [lan, somchai],
            "in sheet order, never a deleted one"
        );

        let error = badge_sheet(db.conn(), Uuid::nil(), None).unwrap_err();
        assert_eq!(error.code(), "not_found");
    }

    #[test]
    fn the_sign_in_sheet_numbers_the_registered_participants_for_one_slot() {
        let mut db = Database::open_in_memory(at(0)).unwrap();
        let id = workshop(&mut db);
        let sita = register(&mut db, id, "सीता शर्मा", "");
        let ayesha = register(&mut db, id, "আয়েশা আক্তার", "Ayesha Akter");
        let gone = register(&mut db, id, "Anna Andersson", "");
        participant::delete(&mut db, gone, at(3)).unwrap();
        let tuesday_afternoon = Slot {
            day: NaiveDate::from_ymd_opt(2018, 5, 15).unwrap(),
            session: 2,
        };
        attendance::mark_many(
            &mut db,
            id,
            tuesday_afternoon,
            &[sita],
            Method::Paper,
            at(4),
        )
        .unwrap();

        let sheet = sign_in_sheet(db.conn(), id, tuesday_afternoon).unwrap();
        assert_eq!(sheet.heading.title, "Organising migrant workers");
        assert_eq!(sheet.heading.venue_city, "Kathmandu");
        assert_eq!(sheet.heading.country_name, Some("Nepal"));
        assert_eq!((sheet.day_number, sheet.day_count), (2, 5));
        assert_eq!((sheet.session, sheet.sessions_per_day), (2, 2));
        let rows: Vec<(usize, Uuid, Option<Method>)> = sheet
            .rows
            .iter()
            .map(|r| (r.number, r.person.participant_id, r.mark))
            .collect();
        assert_eq!(
            rows,
            [(1, ayesha, None), (2, sita, Some(Method::Paper))],
            "numbered by Latin name, the deleted one left out, today's marks shown"
        );
        assert_eq!(sheet.rows[0].person.full_name, "আয়েশা আক্তার");
        assert_eq!(
            sheet.rows[1].person.name_latin.as_deref(),
            Some("Sita Sharma")
        );
        assert_eq!(sheet.rows[1].person.organisation, "GEFONT");
        assert_eq!(
            sign_in_sheet(db.conn(), id, tuesday_afternoon).unwrap(),
            sheet
        );

        for (slot, code) in [
            (
                Slot {
                    session: 3,
                    ..tuesday_afternoon
                },
                "out_of_range",
            ),
            (
                Slot {
                    day: NaiveDate::from_ymd_opt(2018, 5, 19).unwrap(),
                    session: 1,
                },
                "outside_workshop",
            ),
        ] {
            let error = sign_in_sheet(db.conn(), id, slot).unwrap_err();
            assert_eq!(error.code(), code, "{slot:?}");
        }
    }

    #[test]
    fn the_list_of_participants_groups_them_by_country_and_shows_contacts_only_with_consent() {
        let mut db = Database::open_in_memory(at(0)).unwrap();
        let id = workshop(&mut db);
        let mut add = |name: &str, country: Option<&str>, role: Role, consent: bool| {
            let input = ParticipantInput {
                full_name: name.into(),
                sex: Sex::Man,
                country: country.map(Into::into),
                organisation: "Union".into(),
                position: "Organiser".into(),
                role,
                email: format!("{}@union.example", name.len()),
                // Everyone gave a phone number but Bina.
                phone: if name == "Bina Rai" {
                    String::new()
                } else {
                    "+977 1 4000000".into()
                },
                consent_contact: consent,
                ..Default::default()
            };
            participant::create(&mut db, id, &input, at(2)).unwrap().id
        };
        let ram = add("राम थापा", Some("NP"), Role::Participant, true);
        let ali = add("Ali Hassan", Some("JO"), Role::Participant, false);
        let bina = add("Bina Rai", Some("NP"), Role::Participant, true);
        let nobody = add("Anon Walker", None, Role::Participant, true);
        let speaker = add("Ana Díaz", Some("ES"), Role::ResourcePerson, true);
        let watcher = add("Olga Berg", Some("SE"), Role::Observer, false);
        let guide = add("Zoe Ng", Some("SG"), Role::Facilitator, false);
        let yao = add("Yao Kouassi", Some("CI"), Role::Participant, false);
        let eleni = add("Eleni Georgiou", Some("CY"), Role::Participant, false);

        let list = participant_list(db.conn(), id).unwrap();
        let order: Vec<Uuid> = list.rows.iter().map(|r| r.person.participant_id).collect();
        assert_eq!(
            order,
            [yao, eleni, ali, bina, ram, nobody, speaker, guide, watcher],
            "participants by country without accents (Côte d'Ivoire, Cyprus, Jordan, Nepal, \
             none), by Latin name within; then the other roles in their order"
        );
        let row = |id| {
            list.rows
                .iter()
                .find(|r| r.person.participant_id == id)
                .unwrap()
        };
        assert_eq!(
            row(ram).email.as_deref(),
            Some("22@union.example"),
            "22 bytes of name"
        );
        assert_eq!(row(ram).phone.as_deref(), Some("+977 1 4000000"));
        assert_eq!(row(ram).person.name_latin.as_deref(), Some("Ram Thapa"));
        assert_eq!(
            (row(ali).email.as_deref(), row(ali).phone.as_deref()),
            (None, None),
            "no consent"
        );
        assert_eq!(row(bina).phone, None, "consented, but no phone given");
        assert_eq!(row(bina).position, "Organiser");
        assert_eq!(row(ali).person.country_name, Some("Jordan"));
        assert_eq!(list.heading.title, "Organising migrant workers");
    }
}
