//! A realistic workshop to test against, and a clock that moves forward on demand.

use chrono::{DateTime, Duration, TimeZone, Utc};
use std::cell::Cell;
use std::path::PathBuf;
use workshop_core::participant::{ParticipantInput, Role, Sex};
use workshop_core::workshop::{self, Workshop, WorkshopInput};
use workshop_core::{Database, paths};

/// A test clock: every call to `tick` is one second later, so records get distinct times.
pub struct Clock(Cell<DateTime<Utc>>);

impl Clock {
    pub fn new() -> Self {
        Self(Cell::new(
            Utc.with_ymd_and_hms(2018, 5, 14, 8, 30, 0).unwrap(),
        ))
    }

    /// A clock whose first tick is one second after `start`.
    pub fn starting_at(start: DateTime<Utc>) -> Self {
        Self(Cell::new(start))
    }

    pub fn tick(&self) -> DateTime<Utc> {
        let now = self.0.get() + Duration::seconds(1);
        self.0.set(now);
        now
    }
}

/// A data directory on disk that disappears after the test.
pub struct DataDir {
    pub dir: tempfile::TempDir,
}

impl DataDir {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    pub fn database(&self) -> PathBuf {
        paths::database_file(self.dir.path())
    }

    pub fn open(&self, clock: &Clock) -> Database {
        Database::open(&self.database(), clock.tick()).unwrap()
    }
}

pub fn kathmandu_input() -> WorkshopInput {
    WorkshopInput {
        title: "Trade Union Policy and Organising on Labour Migration in Asia Pacific".into(),
        venue_city: "Kathmandu".into(),
        country: Some("NP".into()),
        start_date: "2018-05-14".into(),
        end_date: "2018-05-18".into(),
        sessions_per_day: Some(2),
        organisers: "ILO-ACTRAV, ITCILO".into(),
        programme_code: "A9-2018".into(),
        working_languages: vec!["en".into(), "fr".into()],
        youth_age_limit: Some(35),
    }
}

pub fn kathmandu(db: &mut Database, clock: &Clock) -> Workshop {
    workshop::create(db, &kathmandu_input(), clock.tick()).unwrap()
}

pub fn person(name: &str, sex: Sex, country: &str, birth_year: Option<i32>) -> ParticipantInput {
    ParticipantInput {
        full_name: name.into(),
        sex,
        country: Some(country.into()),
        birth_year,
        organisation: "GEFONT".into(),
        role: Role::Participant,
        ..Default::default()
    }
}

/// A local wall-clock time, "YYYY-MM-DD HH:MM".
pub fn local(text: &str) -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

/// A workshop day and session: `slot("2018-05-15", 1)` is Tuesday morning of the Kathmandu week.
pub fn slot(day: &str, session: u8) -> workshop_core::attendance::Slot {
    workshop_core::attendance::Slot {
        day: chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap(),
        session,
    }
}

/// The single number a counting query returns, e.g. `count(&db, "SELECT count(*) FROM attendance")`.
pub fn count(db: &Database, query: &str) -> i64 {
    db.conn().query_row(query, [], |row| row.get(0)).unwrap()
}

/// A spreadsheet cell read back (calamine) that must hold a number.
pub fn number(data: &calamine::Data) -> f64 {
    match data {
        calamine::Data::Float(f) => *f,
        calamine::Data::Int(n) => *n as f64,
        other => panic!("not a number: {other:?}"),
    }
}
