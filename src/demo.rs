//! The demo workshop: a realistic labour-migration course with participants from ASEAN, South
//! Asia and the Arab region, names in their own scripts. `workshop demo` and "Open the demo
//! workshop" both call [`create`]. Large sizes feed the benchmarks, so everything is written in
//! one transaction with prepared statements.

use crate::db::Database;
use crate::error::Result;
use crate::participant::{self, ParticipantInput, Role, Sex};
use crate::workshop::{self, Workshop, WorkshopInput};
use chrono::{DateTime, Datelike, Duration, Utc};
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

/// The demo workshop's details: it runs Monday to Friday of this week (of the coming week at a
/// weekend), so that sign-in and attendance can be tried out on the day.
fn workshop_input(now: DateTime<Utc>) -> WorkshopInput {
    let today = now.date_naive();
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
    let inputs: Vec<ParticipantInput> = (0..participants)
        .map(|index| match ROSTER.get(index) {
            Some(person) => roster_input(person, index, year),
            None => generated_input(&mut rng, index, year),
        })
        .collect();
    let checked = inputs
        .iter()
        .map(|input| participant::validate(input, now))
        .collect::<Result<Vec<_>>>()?;
    db.write(now, |w| {
        let id: Uuid = workshop::insert(w, &input)?;
        for participant in &checked {
            participant::insert(
                w,
                id,
                participant,
                participant::Origin::Facilitator,
                &mut rng,
            )?;
        }
        workshop::get(w, id)
    })
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
    }
}
