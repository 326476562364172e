//! The demo workshop: a realistic labour-migration course with participants from ASEAN, South
//! Asia and the Arab region, names in their own scripts, and the attendance of the sessions
//! already held. `workshop demo` and "Open the demo workshop" both call [`create`]. Large sizes
//! feed the benchmarks, so everything is written in one transaction with prepared statements.

mod capture;

use crate::attendance::{self, Method, Slot};
use crate::db::{Database, Writer};
use crate::error::Result;
use crate::participant::{self, Origin, ParticipantInput, Role, Sex};
use crate::workshop::{self, Workshop, WorkshopInput};
use chrono::{DateTime, Datelike, Duration, NaiveDateTime, NaiveTime, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

pub const DEFAULT_PARTICIPANTS: usize = 18;
pub const DEFAULT_SEED: u64 = 2018;

/// A person of the curated roster: name as written, its usual Latin spelling, and who they are.
struct Person {
    name: &'static str,
    latin: &'static str,
    sex: Sex,
    country: &'static str,
    organisation: &'static str,
    position: &'static str,
    role: Role,
    age: i32,
}

#[expect(clippy::too_many_arguments, reason = "one row of the roster table")]
const fn person(
    name: &'static str,
    latin: &'static str,
    sex: Sex,
    country: &'static str,
    organisation: &'static str,
    position: &'static str,
    role: Role,
    age: i32,
) -> Person {
    Person {
        name,
        latin,
        sex,
        country,
        organisation,
        position,
        role,
        age,
    }
}

use Role::{Participant as P, ResourcePerson as RP};
use Sex::{Man as M, Woman as W};

/// Eighteen (nine women) union representatives from twelve countries, six of them under 35.
const ROSTER: &[Person] = &[
    person(
        "सीता शर्मा",
        "Sita Sharma",
        W,
        "NP",
        "GEFONT",
        "Migrant desk coordinator",
        P,
        31,
    ),
    person(
        "लक्ष्मण बस्नेत",
        "Laxman Basnet",
        M,
        "NP",
        "SARTUC",
        "General Secretary",
        RP,
        58,
    ),
    person(
        "Nguyễn Thị Lan",
        "Nguyen Thi Lan",
        W,
        "VN",
        "Vietnam General Confederation of Labour (VGCL)",
        "International relations officer",
        P,
        29,
    ),
    person(
        "محمد مازن المعايطة",
        "Mohammad Mazen Al-Maaitah",
        M,
        "JO",
        "Arab Trade Union Confederation (ArabTUC)",
        "Representative",
        P,
        52,
    ),
    person(
        "ليلى حداد",
        "Layla Haddad",
        W,
        "JO",
        "General Federation of Jordanian Trade Unions (GFJTU)",
        "Women's committee",
        P,
        39,
    ),
    person(
        "សុខ សុភា",
        "Sok Sophea",
        W,
        "KH",
        "Cambodian Labour Confederation (CLC)",
        "Organiser",
        P,
        27,
    ),
    person(
        "Siti Rahayu",
        "Siti Rahayu",
        W,
        "ID",
        "KSBSI",
        "Migrant workers' officer",
        P,
        38,
    ),
    person(
        "Dewi Lestari",
        "Dewi Lestari",
        W,
        "ID",
        "KSPI",
        "Legal aid officer",
        P,
        45,
    ),
    person(
        "ສົມສັກ ພົມມະຈັນ",
        "Somsack Phommachanh",
        M,
        "LA",
        "Lao Federation of Trade Unions (LFTU)",
        "Deputy head, labour protection",
        P,
        41,
    ),
    person(
        "Mohd Faizal bin Ismail",
        "Mohd Faizal bin Ismail",
        M,
        "MY",
        "Malaysian Trades Union Congress (MTUC)",
        "Migrant resource centre",
        P,
        36,
    ),
    person(
        "ခင်မာလွင်",
        "Khin Ma Lwin",
        W,
        "MM",
        "Confederation of Trade Unions of Myanmar (CTUM)",
        "Education officer",
        P,
        30,
    ),
    person(
        "မောင်မောင်",
        "Maung Maung",
        M,
        "MM",
        "ASEAN Trade Union Council (ATUC)",
        "General Secretary",
        RP,
        61,
    ),
    person(
        "Josephine Reyes",
        "Josephine Reyes",
        W,
        "PH",
        "Trade Union Congress of the Philippines (TUCP)",
        "Research officer",
        P,
        36,
    ),
    person(
        "আয়েশা আক্তার",
        "Ayesha Akter",
        W,
        "BD",
        "National Coordination Committee for Workers' Education (NCCWE)",
        "Women's secretary",
        P,
        28,
    ),
    person(
        "রহিম হোসেন",
        "Rahim Hossain",
        M,
        "BD",
        "Bangladesh Free Trade Union Congress (BFTUC)",
        "Organising secretary",
        P,
        47,
    ),
    person(
        "राजेश कुमार",
        "Rajesh Kumar",
        M,
        "IN",
        "Hind Mazdoor Sabha (HMS)",
        "State secretary",
        P,
        50,
    ),
    person(
        "සුනිල් පෙරේරා",
        "Sunil Perera",
        M,
        "LK",
        "Ceylon Workers' Congress (CWC)",
        "Assistant secretary",
        P,
        44,
    ),
    person(
        "Trần Văn Minh",
        "Tran Van Minh",
        M,
        "VN",
        "Vietnam General Confederation of Labour (VGCL)",
        "Youth committee",
        P,
        32,
    ),
];

/// The demo is held in Kathmandu: its days and sign-in times are Nepal's (UTC+05:45, no
/// daylight saving time), whatever the time zone of the laptop that creates it.
const VENUE_UTC_OFFSET_MINUTES: i64 = 5 * 60 + 45;

// Slots below are numbered from the first morning: 0 is Monday morning, 1 Monday afternoon, …

/// Roster entries who were not on the list and registered themselves at the kiosk (to be
/// reviewed), and the slot they came in: Dewi Lestari on the first morning, Mohd Faizal bin
/// Ismail on the second morning.
const WALK_INS: &[(usize, usize)] = &[(7, 0), (9, 2)];

/// Sessions curated participants missed: (roster index, slot). Maung Maung, a resource
/// person, comes for the mornings he teaches.
const ABSENCES: &[(usize, usize)] = &[(11, 1), (11, 3), (11, 5), (3, 7), (12, 8), (16, 9)];

/// Late sign-ins the facilitator entered: (roster index, slot, arrival at the venue, reason).
const LATE: &[(usize, usize, (u32, u32), &str)] = &[
    (
        14,
        0,
        (10, 40),
        "Arrived after the opening; signed the paper sheet",
    ),
    (
        10,
        3,
        (15, 20),
        "Flight from Yangon delayed; came after the tea break",
    ),
    (
        4,
        4,
        (9, 55),
        "Stuck in traffic at Koteshwor; signed the paper sheet",
    ),
];

/// Ticks typed back from the paper sheet: the queue at the kiosk was long, so these signed on
/// paper instead.
const PAPER: &[(usize, usize)] = &[(0, 1), (5, 2), (8, 2), (13, 4)];

/// Name parts for generated participants beyond the roster: (country, organisation,
/// women's given names, men's given names, family names, family name first?).
type Parts = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    bool,
);

const PARTS: &[Parts] = &[
    (
        "NP",
        "GEFONT",
        &["सीता", "गीता", "सरिता", "कमला"],
        &["राम", "हरि", "बिनोद", "दीपक"],
        &["शर्मा", "श्रेष्ठ", "थापा", "गुरुङ"],
        false,
    ),
    (
        "IN",
        "Hind Mazdoor Sabha (HMS)",
        &["प्रिया", "अनीता", "सुनीता"],
        &["राजेश", "अमित", "विजय"],
        &["कुमार", "सिंह", "वर्मा"],
        false,
    ),
    (
        "BD",
        "NCCWE",
        &["আয়েশা", "নাসরিন", "ফাতেমা"],
        &["রহিম", "কামাল", "জাহিদ"],
        &["আক্তার", "হোসেন", "ইসলাম"],
        false,
    ),
    (
        "LK",
        "Ceylon Workers' Congress (CWC)",
        &["කුමාරි", "දිල්රුක්ෂි"],
        &["සුනිල්", "නිමල්"],
        &["පෙරේරා", "සිල්වා"],
        false,
    ),
    (
        "JO",
        "GFJTU",
        &["فاطمة", "ليلى", "رنا"],
        &["محمد", "أحمد", "مازن"],
        &["المعايطة", "الخطيب", "حداد"],
        false,
    ),
    (
        "KH",
        "Cambodian Labour Confederation (CLC)",
        &["សុភា", "ចាន់ធី"],
        &["សុខា", "វិចិត្រ"],
        &["សុខ", "ចាន់", "ហេង"],
        true,
    ),
    (
        "LA",
        "Lao Federation of Trade Unions (LFTU)",
        &["ບົວພັນ", "ມະນີ"],
        &["ສົມສັກ", "ບຸນມີ"],
        &["ພົມມະຈັນ", "ສີຫາລາດ"],
        false,
    ),
    (
        "TH",
        "State Enterprises Workers' Relations Confederation",
        &["สมศรี", "มาลี"],
        &["สมชาย", "ประยุทธ"],
        &["ใจดี", "รักไทย"],
        false,
    ),
    (
        "VN",
        "VGCL",
        &["Lan", "Hồng", "Mai"],
        &["An", "Minh", "Hùng"],
        &["Nguyễn", "Trần", "Lê", "Phạm"],
        true,
    ),
    (
        "CN",
        "All-China Federation of Trade Unions (ACFTU)",
        &["芳", "娜", "静"],
        &["伟", "洋", "强"],
        &["王", "李", "张", "刘"],
        true,
    ),
    (
        "ID",
        "KSBSI",
        &["Siti", "Dewi", "Ratna"],
        &["Budi", "Andi", "Agus"],
        &["Rahayu", "Santoso", "Wijaya"],
        false,
    ),
    (
        "PH",
        "TUCP",
        &["Maria", "Josephine", "Ana"],
        &["Jose", "Ramon", "Carlos"],
        &["Santos", "Reyes", "Dela Cruz"],
        false,
    ),
    (
        "MY",
        "MTUC",
        &["Nurul", "Kavitha", "Mei Ling"],
        &["Faizal", "Ravi", "Wei Ming"],
        &["Ismail", "Subramaniam", "Lim"],
        false,
    ),
];

/// The venue's wall-clock time at `now`.
fn venue_time(now: DateTime<Utc>) -> NaiveDateTime {
    now.naive_utc() + Duration::minutes(VENUE_UTC_OFFSET_MINUTES)
}

/// The moment of a wall-clock time at the venue.
fn from_venue_time(local: NaiveDateTime) -> DateTime<Utc> {
    (local - Duration::minutes(VENUE_UTC_OFFSET_MINUTES)).and_utc()
}

/// The demo workshop's details: it runs Monday to Friday of this week (of the coming week at a
/// weekend), so that sign-in and attendance can be tried out on the day.
fn workshop_input(now: DateTime<Utc>) -> WorkshopInput {
    let today = venue_time(now).date();
    let days_since_monday = i64::from(today.weekday().num_days_from_monday());
    let monday = if days_since_monday >= 5 {
        today + Duration::days(7 - days_since_monday)
    } else {
        today - Duration::days(days_since_monday)
    };
    WorkshopInput {
        title: "Trade Union Policy and Organising on Labour Migration in Asia-Pacific".into(),
        venue_city: "Kathmandu".into(),
        country: Some("NP".into()),
        start_date: monday.to_string(),
        end_date: (monday + Duration::days(4)).to_string(),
        sessions_per_day: Some(2),
        organisers: "ILO-ACTRAV and ITCILO, with the support of the ACFTU".into(),
        programme_code: "SSC-ACFTU 2024-27".into(),
        working_languages: vec!["en".into()],
        youth_age_limit: Some(35),
    }
}

fn email_for(latin: &str, index: usize) -> String {
    let local: String = latin
        .split_whitespace()
        .map(|word| {
            word.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(".")
        .to_lowercase();
    format!("{local}.{index}@union.example.org")
}

fn roster_input(person: &Person, index: usize, year: i32) -> ParticipantInput {
    ParticipantInput {
        full_name: person.name.into(),
        name_latin: person.latin.into(),
        sex: person.sex,
        birth_year: Some(year - person.age),
        country: Some(person.country.into()),
        organisation: person.organisation.into(),
        position: person.position.into(),
        role: person.role,
        email: email_for(person.latin, index),
        phone: format!("+977 98{:08}", 41_000_000 + index),
        consent_contact: !index.is_multiple_of(3),
        consent_photos: !index.is_multiple_of(4),
        notes: String::new(),
    }
}

/// A walk-in as the kiosk's form registers them (no phone or position), with the birth year kept
/// so that the headcount stays the report's ("age not known" would change its headline).
fn walk_in_input(person: &Person, index: usize, year: i32) -> ParticipantInput {
    let full = roster_input(person, index, year);
    ParticipantInput {
        full_name: full.full_name,
        sex: full.sex,
        birth_year: full.birth_year,
        country: full.country,
        organisation: full.organisation,
        email: full.email,
        consent_contact: full.consent_contact,
        consent_photos: full.consent_photos,
        role: Role::Participant,
        ..Default::default()
    }
}

fn generated_input(rng: &mut StdRng, index: usize, year: i32) -> ParticipantInput {
    let (country, organisation, women, men, families, family_first) =
        PARTS[rng.random_range(0..PARTS.len())];
    let sex = if rng.random_bool(0.5) {
        Sex::Woman
    } else {
        Sex::Man
    };
    let given = if sex == Sex::Woman { women } else { men };
    let given = given[rng.random_range(0..given.len())];
    let family = families[rng.random_range(0..families.len())];
    let separator = if country == "CN" { "" } else { " " };
    let full_name = if family_first {
        format!("{family}{separator}{given}")
    } else {
        format!("{given}{separator}{family}")
    };
    let latin = crate::names::transliterate(&full_name);
    ParticipantInput {
        email: email_for(&latin, index),
        full_name,
        name_latin: latin,
        sex,
        birth_year: Some(year - rng.random_range(24..=62)),
        country: Some(country.into()),
        organisation: organisation.into(),
        position: String::new(),
        role: Role::Participant,
        phone: String::new(),
        consent_contact: rng.random_bool(0.7),
        consent_photos: rng.random_bool(0.8),
        notes: String::new(),
    }
}

/// Creates the demo workshop with `participants` people (the curated eighteen first) and opens it.
pub fn create(
    db: &mut Database,
    participants: usize,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<Workshop> {
    let mut rng = StdRng::seed_from_u64(seed);
    let input = workshop_input(now);
    let year = now.year();
    let inputs: Vec<(ParticipantInput, Origin)> = (0..participants)
        .map(|index| match ROSTER.get(index) {
            Some(person) if walk_in_slot(index).is_some() => {
                (walk_in_input(person, index, year), Origin::Kiosk)
            }
            Some(person) => (roster_input(person, index, year), Origin::Facilitator),
            None => (generated_input(&mut rng, index, year), Origin::Facilitator),
        })
        .collect();
    let checked = inputs
        .iter()
        .map(|(input, origin)| Ok((participant::validate(input, now)?, *origin)))
        .collect::<Result<Vec<_>>>()?;
    let (workshop, participant_ids) = db.write(now, |w| {
        let id: Uuid = workshop::insert(w, &input)?;
        let participant_ids = checked
            .iter()
            .map(|(participant, origin)| participant::insert(w, id, participant, *origin, &mut rng))
            .collect::<Result<Vec<Uuid>>>()?;
        sign_in_past_sessions(w, id, &participant_ids, seed, now)?;
        Ok((workshop::get(w, id)?, participant_ids))
    })?;
    let roster = &participant_ids[..participant_ids.len().min(ROSTER.len())];
    capture::add(db, workshop.id, roster, workshop.start_date, now)?;
    workshop::get(db.conn(), workshop.id)
}

/// The slot in which a roster entry registered at the kiosk, if they are a walk-in.
fn walk_in_slot(index: usize) -> Option<usize> {
    WALK_INS
        .iter()
        .find(|(walk_in, _)| *walk_in == index)
        .map(|(_, slot)| *slot)
}

/// When people arrive for a session, at the venue: from the start of the window, within so
/// many minutes.
fn arrival_window(session: u8) -> (NaiveTime, i64) {
    let (hour, minute, minutes) = match session {
        1 => (8, 20, 50),
        2 => (13, 5, 35),
        _ => (18, 5, 25),
    };
    (
        NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default(),
        minutes,
    )
}

/// How one participant came to one session.
struct Arrival {
    method: Method,
    at: NaiveDateTime,
    reason: &'static str,
}

/// Reasons the facilitator gives for late entries of generated participants.
const LATE_REASONS: &[&str] = &[
    "Arrived after the opening; signed the paper sheet",
    "Came late from the embassy; the facilitator saw them in the room",
    "Bus from Lalitpur delayed",
];

/// Whether and how participant `index` came to slot `number` (`slot` at the venue).
/// `draw` (in 0..1) and `seconds` are drawn for every cell, whatever the outcome, so that the
/// attendance of a day never depends on how many days have passed.
fn arrival(index: usize, number: usize, slot: Slot, draw: f64, seconds: i64) -> Option<Arrival> {
    let (start, minutes) = arrival_window(slot.session);
    let on_time = slot.day.and_time(start) + Duration::seconds(seconds % (minutes * 60));
    let kiosk_or_badge = if draw < 0.35 {
        Method::Badge
    } else {
        Method::Kiosk
    };
    if index < ROSTER.len() {
        if let Some(joined) = walk_in_slot(index) {
            return match number.cmp(&joined) {
                std::cmp::Ordering::Less => None,
                // Filling in the form at the kiosk took a few minutes.
                std::cmp::Ordering::Equal => Some(Arrival {
                    method: Method::Kiosk,
                    at: on_time + Duration::minutes(6),
                    reason: "",
                }),
                std::cmp::Ordering::Greater => Some(Arrival {
                    method: kiosk_or_badge,
                    at: on_time,
                    reason: "",
                }),
            };
        }
        if ABSENCES.contains(&(index, number)) {
            return None;
        }
        if let Some((_, _, (hour, minute), reason)) = LATE
            .iter()
            .find(|(late, slot_number, _, _)| *late == index && *slot_number == number)
        {
            let at = NaiveTime::from_hms_opt(*hour, *minute, 0).unwrap_or(start);
            return Some(Arrival {
                method: Method::Facilitator,
                at: slot.day.and_time(at),
                reason,
            });
        }
        let method = if PAPER.contains(&(index, number)) {
            Method::Paper
        } else {
            kiosk_or_badge
        };
        return Some(Arrival {
            method,
            at: on_time,
            reason: "",
        });
    }
    // Generated participants: about one absence in twenty, a few late and paper entries.
    match draw {
        d if d >= 0.95 => None,
        d if d >= 0.945 => Some(Arrival {
            method: Method::Facilitator,
            at: on_time + Duration::minutes(minutes + 60),
            reason: LATE_REASONS[index % LATE_REASONS.len()],
        }),
        d if d >= 0.93 => Some(Arrival {
            method: Method::Paper,
            at: on_time,
            reason: "",
        }),
        _ => Some(Arrival {
            method: kiosk_or_badge,
            at: on_time,
            reason: "",
        }),
    }
}

/// Signs the participants in for every session held before `now` (today's up to the moment),
/// with the times they came.
fn sign_in_past_sessions(
    w: &Writer,
    workshop_id: Uuid,
    participant_ids: &[Uuid],
    seed: u64,
    now: DateTime<Utc>,
) -> Result<()> {
    let schedule = workshop::schedule(w, workshop_id)?;
    let slots: Vec<Slot> = schedule
        .start_date
        .iter_days()
        .take_while(|day| *day <= schedule.end_date)
        .flat_map(|day| (1..=schedule.sessions_per_day).map(move |session| Slot { day, session }))
        .collect();
    let venue_now = venue_time(now);
    // A stream of its own, so that the participants (and badge codes) of a seed stay as they
    // were; every session is drawn, held or not, so that a day's attendance does not depend on
    // how many days have passed.
    let mut rng = StdRng::seed_from_u64(seed ^ 0xA77E_11DA_11CE);
    for (index, participant_id) in participant_ids.iter().enumerate() {
        for (number, slot) in slots.iter().enumerate() {
            let (draw, seconds) = (rng.random::<f64>(), rng.random_range(0..3600));
            let Some(arrival) = arrival(index, number, *slot, draw, seconds) else {
                continue;
            };
            // Nobody has come to a session that has not begun.
            if arrival.at <= venue_now {
                attendance::record_at(
                    w,
                    *participant_id,
                    *slot,
                    arrival.method,
                    arrival.reason,
                    from_venue_time(arrival.at),
                )?;
            }
        }
    }
    Ok(())
}

/// The demo as "Open the demo workshop" makes it: the curated eighteen.
pub fn create_default(db: &mut Database, now: DateTime<Utc>) -> Result<Workshop> {
    create(db, DEFAULT_PARTICIPANTS, DEFAULT_SEED, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary;

    #[test]
    fn the_default_demo_has_the_headcount_of_the_kathmandu_report() {
        let now = DateTime::parse_from_rfc3339("2026-11-25T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut db = Database::open_in_memory(now).unwrap();
        let workshop = create(&mut db, DEFAULT_PARTICIPANTS, DEFAULT_SEED, now).unwrap();
        assert_eq!(
            workshop.start_date.to_string(),
            "2026-11-23",
            "the Monday of the week"
        );
        assert_eq!(workshop.days.len(), 5);
        let summary = summary::summarize(db.conn(), workshop.id).unwrap();
        assert_eq!(
            summary.headline,
            "18 participants (9 women) from 12 countries; 6 under 35"
        );
    }

    #[test]
    fn large_demos_are_valid_and_reproducible() {
        let now = DateTime::parse_from_rfc3339("2026-11-25T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut a = Database::open_in_memory(now).unwrap();
        let mut b = Database::open_in_memory(now).unwrap();
        let wa = create(&mut a, 300, 9, now).unwrap();
        let wb = create(&mut b, 300, 9, now).unwrap();
        assert_eq!(wa.participant_count, 300);
        let names = |db: &Database, id| -> Vec<String> {
            participant::search(db, id, "", participant::Listing::Registered, None)
                .unwrap()
                .into_iter()
                .map(|p| format!("{} {}", p.full_name, p.badge_code))
                .collect()
        };
        assert_eq!(
            names(&a, wa.id),
            names(&b, wb.id),
            "the same seed gives the same people"
        );
        assert_eq!(
            sign_ins(&a),
            sign_ins(&b),
            "the same seed and time give the same attendance"
        );
        // Monday to Wednesday afternoon: six sessions, about one absence in twenty.
        let grid = attendance::grid(a.conn(), wa.id).unwrap();
        for (slot, total) in grid.slots.iter().zip(&grid.totals).take(6) {
            assert!((270..=295).contains(&total.total), "{slot:?}: {total:?}");
        }
        assert!(grid.totals[6..].iter().all(|t| t.total == 0));
    }

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    /// Every sign-in: who (by name), the slot, how, when (at the venue) and why.
    fn sign_ins(db: &Database) -> Vec<(String, String, u8, String, String, String)> {
        db.conn()
            .prepare(
                "SELECT p.full_name, a.day, a.session, a.method, a.signed_in_at, a.reason
                 FROM attendance a JOIN participant p ON p.id = a.participant_id
                 ORDER BY a.day, a.session, p.full_name, p.email",
            )
            .unwrap()
            .query_map([], |r| {
                let signed_in_at: String = r.get(4)?;
                let venue = venue_time(crate::time::parse_timestamp(&signed_in_at).unwrap());
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    venue.format("%Y-%m-%d %H:%M").to_string(),
                    r.get(5)?,
                ))
            })
            .unwrap()
            .collect::<std::result::Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn the_default_demo_carries_the_attendance_of_the_sessions_held_so_far() {
        // Wednesday 15:45 in Kathmandu: Monday, Tuesday and Wednesday morning and afternoon.
        let now = at("2026-11-25T10:00:00Z");
        let mut db = Database::open_in_memory(now).unwrap();
        let workshop = create_default(&mut db, now).unwrap();
        let all = sign_ins(&db);
        let grid = attendance::grid(db.conn(), workshop.id).unwrap();
        let totals: Vec<u32> = grid.totals.iter().map(|t| t.total).collect();
        assert_eq!(
            totals,
            [17, 16, 18, 17, 18, 17, 0, 0, 0, 0],
            "most are there, a few are absent or not yet registered, nothing after now: {all:#?}"
        );

        let by = |method: &str| all.iter().filter(|s| s.3 == method).collect::<Vec<_>>();
        let late = by("facilitator");
        assert_eq!(late.len(), 3, "{late:#?}");
        assert!(late.iter().all(|s| !s.5.is_empty()), "late entries say why");
        assert!(
            late.iter()
                .any(|s| s.0 == "রহিম হোসেন" && s.4 == "2026-11-23 10:40")
        );
        assert_eq!(by("paper").len(), 4);
        assert!(by("kiosk").len() > 20 && by("badge").len() > 20);
        assert!(all.iter().all(|s| s.3 == "facilitator" || s.5.is_empty()));

        // On time is 08:20 to 09:10 (plus a walk-in's few minutes at the form) and 13:05 to
        // 13:40, on the day of the session, at the venue.
        for (name, day, session, method, time, _) in &all {
            assert_eq!(&time[..10], day, "{name}");
            let clock = &time[11..];
            let window = if *session == 1 {
                "08:20"..="09:16"
            } else {
                "13:05"..="13:40"
            };
            assert!(
                method == "facilitator" || window.contains(&clock),
                "{name} {day} {session} {method} at {clock}"
            );
        }
        let latest = all.iter().map(|s| s.4.clone()).max().unwrap();
        assert!(latest.as_str() <= "2026-11-25 15:45", "{latest}");

        // Two walk-ins, to be reviewed, signed in from the session they came to.
        let walk_ins: Vec<String> =
            participant::search(&db, workshop.id, "", participant::Listing::Registered, None)
                .unwrap()
                .into_iter()
                .filter(|p| p.needs_review)
                .map(|p| p.full_name)
                .collect();
        assert_eq!(walk_ins, ["Dewi Lestari", "Mohd Faizal bin Ismail"]);
        let faizal: Vec<_> = all
            .iter()
            .filter(|s| s.0 == "Mohd Faizal bin Ismail")
            .collect();
        assert_eq!(
            (faizal[0].1.as_str(), faizal[0].2, faizal[0].3.as_str()),
            ("2026-11-24", 1, "kiosk"),
            "he registered at the kiosk on Tuesday morning"
        );
    }

    #[test]
    fn attendance_follows_the_time_at_the_venue_and_never_changes_the_days_already_held() {
        // 07:45 on Monday in Kathmandu: nobody has come yet.
        let mut db = Database::open_in_memory(at("2026-11-23T02:00:00Z")).unwrap();
        create_default(&mut db, at("2026-11-23T02:00:00Z")).unwrap();
        assert!(sign_ins(&db).is_empty());

        // 13:25 on Monday: the morning, and the afternoon's early arrivals only.
        let monday = at("2026-11-23T07:40:00Z");
        let mut db = Database::open_in_memory(monday).unwrap();
        let workshop = create_default(&mut db, monday).unwrap();
        let grid = attendance::grid(db.conn(), workshop.id).unwrap();
        assert_eq!(grid.totals[0].total, 17);
        assert!(
            (1..grid.totals[0].total).contains(&grid.totals[1].total),
            "{:?}",
            grid.totals[1]
        );

        // Created on Friday evening instead, Monday morning is the same.
        let friday = at("2026-11-27T15:00:00Z");
        let mut later = Database::open_in_memory(friday).unwrap();
        let workshop = create_default(&mut later, friday).unwrap();
        let monday_morning = |db: &Database| -> Vec<_> {
            sign_ins(db)
                .into_iter()
                .filter(|s| s.1 == "2026-11-23" && s.2 == 1)
                .collect()
        };
        assert_eq!(monday_morning(&db), monday_morning(&later));
        let grid = attendance::grid(later.conn(), workshop.id).unwrap();
        assert!(grid.totals.iter().all(|t| (14..=18).contains(&t.total)));
    }
}
