//! Certificates of participation, handed out at the closing session: who attended enough of the
//! workshop to receive one, and the facilitator's choices for printing them (the share of the
//! sessions required, who signs).
//!
//! Only sessions that have begun *and* where attendance was taken (someone is marked) are
//! counted: a free afternoon or a field visit where nobody signed in does not count against
//! anyone, and certificates printed on the last morning are judged on the sessions so far.

use crate::attendance;
use crate::error::{Error, InvalidCode, Result};
use crate::participant::Role;
use crate::sheets::{self, PrintedPerson, Registered, SheetHeading};
use crate::{settings, workshop};
use chrono::NaiveDateTime;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The usual rule of the training centre's courses: four sessions in five.
pub const DEFAULT_THRESHOLD: i64 = 80;
/// Signature lines under a certificate.
pub const MAX_SIGNATORIES: usize = 3;
/// One line: a name, a title and an organisation.
const MAX_SIGNATORY_CHARS: usize = 120;

/// How the facilitator prints a workshop's certificates; kept with the laptop's preferences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CertificateOptions {
    /// The share of the sessions counted that earns a certificate, in percent (0–100; wider
    /// here so that anything out of range is refused on its field, not by the decoder).
    pub threshold: i64,
    /// Who signs, one line each ("Maria Helena André, Director, ACTRAV").
    pub signatories: Vec<String>,
}

impl Default for CertificateOptions {
    fn default() -> Self {
        Self {
            threshold: DEFAULT_THRESHOLD,
            signatories: Vec::new(),
        }
    }
}

/// A workshop's certificates: its details as printed, the options, and every participant with
/// the sessions they attended.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Certificates {
    #[serde(flatten)]
    pub heading: SheetHeading,
    pub options: CertificateOptions,
    /// Sessions begun by now where attendance was taken: what the share is of.
    pub sessions_counted: u32,
    /// All the workshop's sessions.
    pub sessions_total: u32,
    /// Registered people with another role (resource persons, facilitators, staff, observers),
    /// who are not listed.
    pub others: u32,
    /// The registered participants, by Latin name.
    pub rows: Vec<CertificateRow>,
}

/// One participant: their name as printed and how much of the workshop they attended.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateRow {
    #[serde(flatten)]
    pub person: PrintedPerson,
    /// Of the sessions counted.
    pub attended: u32,
    /// Attended at least the threshold's share of the sessions counted (everyone, while none
    /// is counted yet).
    pub qualifies: bool,
}

fn options_key(workshop_id: Uuid) -> String {
    format!("certificates:{workshop_id}")
}

/// The options last saved for the workshop, or the defaults.
pub fn options(conn: &Connection, workshop_id: Uuid) -> Result<CertificateOptions> {
    Ok(settings::get(conn, &options_key(workshop_id))?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

/// Checks and saves the options (signature lines trimmed, empty ones dropped), and returns the
/// certificates as they now stand.
pub fn set_options(
    conn: &Connection,
    workshop_id: Uuid,
    options: &CertificateOptions,
    local: NaiveDateTime,
) -> Result<Certificates> {
    workshop::get(conn, workshop_id)?;
    let options = checked(options)?;
    let json = serde_json::to_string(&options).map_err(|e| Error::Internal(e.to_string()))?;
    settings::set(conn, &options_key(workshop_id), &json)?;
    certificates(conn, workshop_id, local)
}

fn checked(options: &CertificateOptions) -> Result<CertificateOptions> {
    if !(0..=100).contains(&options.threshold) {
        return Err(Error::invalid(
            InvalidCode::OutOfRange,
            "threshold",
            format!(
                "The share of sessions must be between 0 and 100 %, not {} %",
                options.threshold
            ),
        ));
    }
    let signatories: Vec<String> = options
        .signatories
        .iter()
        .map(|line| line.trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect();
    if signatories.len() > MAX_SIGNATORIES {
        return Err(Error::invalid(
            InvalidCode::TooLong,
            "signatories",
            format!("A certificate has room for {MAX_SIGNATORIES} signatures at most"),
        ));
    }
    for line in &signatories {
        if line.chars().count() > MAX_SIGNATORY_CHARS {
            return Err(Error::invalid(
                InvalidCode::TooLong,
                "signatories",
                format!(
                    "A signature line holds at most {MAX_SIGNATORY_CHARS} characters: shorten \
                     \"{}…\"",
                    line.chars().take(30).collect::<String>()
                ),
            ));
        }
        if line.chars().any(char::is_control) {
            return Err(Error::invalid(
                InvalidCode::ControlCharacters,
                "signatories",
                "A signature line is one line of text",
            ));
        }
    }
    Ok(CertificateOptions {
        threshold: options.threshold,
        signatories,
    })
}

/// The workshop's participants with the sessions they attended of those counted at `local`
/// (the laptop's wall-clock time), and whether that earns a certificate under the saved options.
pub fn certificates(
    conn: &Connection,
    workshop_id: Uuid,
    local: NaiveDateTime,
) -> Result<Certificates> {
    let workshop = workshop::get(conn, workshop_id)?;
    let options = options(conn, workshop_id)?;
    let begun = sessions_begun(conn, &workshop, local)?;
    let (participants, others): (Vec<Registered>, Vec<Registered>) =
        sheets::registered(conn, workshop_id)?
            .into_iter()
            .partition(|p| p.role == Role::Participant);
    let grid = attendance::grid(conn, workshop_id)?;
    let is_participant: HashSet<Uuid> = participants
        .iter()
        .map(|p| p.person.participant_id)
        .collect();
    let marked: Vec<&attendance::GridRow> = grid
        .rows
        .iter()
        .filter(|row| is_participant.contains(&row.participant_id))
        .collect();
    // Only the participants' marks: a session where only the speaker signed in counts against
    // nobody.
    let counted: Vec<usize> = (0..grid.slots.len())
        .filter(|&i| begun.contains(&grid.slots[i]) && marked.iter().any(|r| r.marks[i].is_some()))
        .collect();
    let attended: HashMap<Uuid, u32> = marked
        .iter()
        .map(|row| {
            let n = counted.iter().filter(|&&i| row.marks[i].is_some()).count();
            (row.participant_id, u32::try_from(n).unwrap_or(u32::MAX))
        })
        .collect();
    let sessions_counted = u32::try_from(counted.len()).unwrap_or(u32::MAX);
    // Saved options were checked; one edited by hand outside the app is held to 0–100 %.
    let threshold = u8::try_from(options.threshold.clamp(0, 100)).unwrap_or(100);
    let rows = participants
        .into_iter()
        .map(|p| {
            let attended = attended.get(&p.person.participant_id).copied().unwrap_or(0);
            CertificateRow {
                qualifies: qualifies(attended, sessions_counted, threshold),
                person: p.person,
                attended,
            }
        })
        .collect();
    let sessions_total = u32::try_from(workshop.days.len()).unwrap_or(u32::MAX)
        * u32::from(workshop.sessions_per_day);
    Ok(Certificates {
        heading: SheetHeading::of(workshop),
        options,
        sessions_counted,
        sessions_total,
        others: u32::try_from(others.len()).unwrap_or(u32::MAX),
        rows,
    })
}

/// `attended` of `counted` sessions is at least `threshold` percent (whole numbers, so that
/// 4 of 5 meets 80 % exactly).
fn qualifies(attended: u32, counted: u32, threshold: u8) -> bool {
    u64::from(attended) * 100 >= u64::from(threshold) * u64::from(counted)
}

/// The sessions over by `local`, and today's under way once its start time has passed (an early
/// sign-in before the first session's start does not yet count against the others).
fn sessions_begun(
    conn: &Connection,
    workshop: &workshop::Workshop,
    local: NaiveDateTime,
) -> Result<HashSet<attendance::Slot>> {
    let clock = attendance::session_clock(conn, workshop.id, local)?;
    let starts = attendance::session_starts(workshop);
    let started = |slot: &attendance::Slot| {
        starts
            .get(usize::from(slot.session).saturating_sub(1))
            .is_some_and(|start| *start <= local.time())
    };
    Ok(clock
        .over
        .iter()
        .copied()
        .chain(clock.current.filter(started))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;
    use crate::attendance::{Method, Slot};
    use crate::participant::{self, ParticipantInput, Sex};
    use crate::workshop::WorkshopInput;
    use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2018, 5, 14, 8, 0, 0).unwrap() + Duration::seconds(seconds)
    }

    fn local(day: u32, hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2018, 5, day)
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
    }

    fn slot(day: u32, session: u8) -> Slot {
        Slot {
            day: NaiveDate::from_ymd_opt(2018, 5, day).unwrap(),
            session,
        }
    }

    /// Monday 14 to Friday 18 May 2018, two sessions a day.
    fn workshop(db: &mut Database) -> Uuid {
        let input = WorkshopInput {
            title: "Social protection for all".into(),
            venue_city: "Beijing".into(),
            country: Some("CN".into()),
            start_date: "2018-05-14".into(),
            end_date: "2018-05-18".into(),
            sessions_per_day: Some(2),
            organisers: "ACTRAV and ITC-ILO with the ACFTU".into(),
            ..Default::default()
        };
        workshop::create(db, &input, at(1)).unwrap().id
    }

    fn register(db: &mut Database, workshop_id: Uuid, name: &str, latin: &str, role: Role) -> Uuid {
        let input = ParticipantInput {
            full_name: name.into(),
            name_latin: latin.into(),
            sex: Sex::Woman,
            country: Some("NP".into()),
            organisation: "GEFONT".into(),
            role,
            ..Default::default()
        };
        participant::create(db, workshop_id, &input, at(2))
            .unwrap()
            .id
    }

    fn mark(db: &mut Database, workshop_id: Uuid, people: &[Uuid], slot: Slot) {
        attendance::mark_many(db, workshop_id, slot, people, Method::Facilitator, at(3)).unwrap();
    }

    fn row(certificates: &Certificates, id: Uuid) -> &CertificateRow {
        certificates
            .rows
            .iter()
            .find(|r| r.person.participant_id == id)
            .unwrap()
    }

    #[test]
    fn a_share_of_the_sessions_counted_earns_a_certificate_and_sessions_without_attendance_do_not_count()
     {
        let mut db = Database::open_in_memory(at(0)).unwrap();
        let id = workshop(&mut db);
        let sita = register(&mut db, id, "सीता शर्मा", "Sita Sharma", Role::Participant);
        let lan = register(
            &mut db,
            id,
            "Nguyễn Thị Lan",
            "Nguyen Thi Lan",
            Role::Participant,
        );
        let wang = register(&mut db, id, "王芳", "Wang Fang", Role::Participant);
        let speaker = register(&mut db, id, "Ana Díaz", "Ana Diaz", Role::ResourcePerson);
        // Monday and Tuesday: five sessions taken; Tuesday afternoon was the field visit.
        for s in [slot(14, 1), slot(14, 2), slot(15, 1)] {
            mark(&mut db, id, &[sita, lan, speaker], s);
        }
        mark(&mut db, id, &[sita, wang], slot(16, 1));
        mark(&mut db, id, &[sita, lan, wang], slot(16, 2));
        // A mark on Friday, made ahead of time, is not counted on Wednesday evening.
        mark(&mut db, id, &[wang], slot(18, 1));

        let wednesday = certificates(db.conn(), id, local(16, 20)).unwrap();
        assert_eq!(
            wednesday.sessions_counted, 5,
            "Tuesday afternoon had nobody marked"
        );
        assert_eq!(wednesday.sessions_total, 10);
        assert_eq!(wednesday.options, CertificateOptions::default());
        assert_eq!(wednesday.others, 1, "the resource person is not listed");
        assert_eq!(
            wednesday
                .rows
                .iter()
                .map(|r| r
                    .person
                    .name_latin
                    .as_deref()
                    .unwrap_or(&r.person.full_name))
                .collect::<Vec<_>>(),
            ["Nguyễn Thị Lan", "Sita Sharma", "Wang Fang"],
            "by Latin name, the Vietnamese name without a Latin line of its own"
        );
        assert_eq!(
            (
                row(&wednesday, sita).attended,
                row(&wednesday, sita).qualifies
            ),
            (5, true)
        );
        assert_eq!(
            (
                row(&wednesday, lan).attended,
                row(&wednesday, lan).qualifies
            ),
            (4, true),
            "four of five is 80 % exactly"
        );
        assert_eq!(
            (
                row(&wednesday, wang).attended,
                row(&wednesday, wang).qualifies
            ),
            (2, false),
            "Friday's mark is not counted yet"
        );
        assert_eq!(wednesday.heading.title, "Social protection for all");
        assert_eq!(wednesday.heading.country_name, Some("China"));

        // Lowered to 40 %, Wang Fang's two of five are enough; the choice is kept.
        let options = CertificateOptions {
            threshold: 40,
            signatories: vec![
                "  Maria Helena André, Director, ACTRAV ".into(),
                String::new(),
                "Jiang Guangping, Vice-President, ACFTU".into(),
            ],
        };
        let lowered = set_options(db.conn(), id, &options, local(16, 20)).unwrap();
        assert!(lowered.rows.iter().all(|r| r.qualifies));
        assert_eq!(
            lowered.options.signatories,
            [
                "Maria Helena André, Director, ACTRAV",
                "Jiang Guangping, Vice-President, ACFTU"
            ],
            "trimmed, the empty line dropped"
        );
        assert_eq!(super::options(db.conn(), id).unwrap(), lowered.options);

        // Thursday morning only the resource person signed in (the participants were on a field
        // visit): it counts against nobody. On Friday afternoon, the Friday morning session
        // counts: six sessions.
        mark(&mut db, id, &[speaker], slot(17, 1));
        let friday = certificates(db.conn(), id, local(18, 15)).unwrap();
        assert_eq!(friday.sessions_counted, 6);
        assert_eq!(row(&friday, wang).attended, 3);
    }

    #[test]
    fn before_any_attendance_everyone_is_proposed_and_deleted_people_and_marks_are_left_out() {
        let mut db = Database::open_in_memory(at(0)).unwrap();
        let id = workshop(&mut db);
        let sita = register(&mut db, id, "सीता शर्मा", "Sita Sharma", Role::Participant);
        let gone = register(
            &mut db,
            id,
            "Somchai Jaidee",
            "Somchai Jaidee",
            Role::Participant,
        );

        let sunday = certificates(db.conn(), id, local(13, 12)).unwrap();
        assert_eq!(sunday.sessions_counted, 0);
        assert!(sunday.rows.iter().all(|r| r.qualifies && r.attended == 0));

        mark(&mut db, id, &[sita, gone], slot(14, 1));
        participant::delete(&mut db, gone, at(4)).unwrap();
        let monday = certificates(db.conn(), id, local(14, 12)).unwrap();
        assert_eq!(
            monday.rows.len(),
            1,
            "the deleted participant is not listed"
        );
        assert_eq!(monday.sessions_counted, 1);

        // Sita's mark taken back: the session no longer counts, as nobody else was marked.
        attendance::unmark(&mut db, sita, slot(14, 1), at(5)).unwrap();
        let taken_back = certificates(db.conn(), id, local(14, 12)).unwrap();
        assert_eq!(taken_back.sessions_counted, 0);
    }

    #[test]
    fn today_s_session_counts_once_it_has_started_not_at_the_first_early_sign_in() {
        let mut db = Database::open_in_memory(at(0)).unwrap();
        let id = workshop(&mut db);
        db.conn()
            .execute(
                "UPDATE workshop SET session_starts = '[\"09:00\",\"14:00\"]' WHERE id = ?1",
                [id.to_string()],
            )
            .unwrap();
        let early = register(
            &mut db,
            id,
            "Dewi Lestari",
            "Dewi Lestari",
            Role::Participant,
        );
        register(&mut db, id, "Siti Rahayu", "Siti Rahayu", Role::Participant);
        mark(&mut db, id, &[early], slot(14, 1));

        let before = certificates(db.conn(), id, local(14, 8)).unwrap();
        assert_eq!(
            before.sessions_counted, 0,
            "at 08:00, the 09:00 session has not begun"
        );
        assert!(before.rows.iter().all(|r| r.qualifies));
        let after = certificates(db.conn(), id, local(14, 10)).unwrap();
        assert_eq!(after.sessions_counted, 1);
        assert_eq!(after.rows.iter().filter(|r| r.qualifies).count(), 1);
    }

    #[test]
    fn options_out_of_range_are_refused_on_their_field_and_nothing_is_saved() {
        let mut db = Database::open_in_memory(at(0)).unwrap();
        let id = workshop(&mut db);
        let cases = [
            (
                CertificateOptions {
                    threshold: 101,
                    signatories: vec![],
                },
                "threshold",
            ),
            (
                CertificateOptions {
                    threshold: -5,
                    signatories: vec![],
                },
                "threshold",
            ),
            (
                CertificateOptions {
                    threshold: 80,
                    signatories: vec!["A".into(), "B".into(), "C".into(), "D".into()],
                },
                "signatories",
            ),
            (
                CertificateOptions {
                    threshold: 80,
                    signatories: vec!["x".repeat(121)],
                },
                "signatories",
            ),
            (
                CertificateOptions {
                    threshold: 80,
                    signatories: vec!["Maria\nAndré".into()],
                },
                "signatories",
            ),
        ];
        for (options, field) in cases {
            let error = set_options(db.conn(), id, &options, local(14, 9)).unwrap_err();
            assert_eq!(error.field(), Some(field), "{options:?}: {error}");
        }
        assert_eq!(
            options(db.conn(), id).unwrap(),
            CertificateOptions::default()
        );
        let stranger = set_options(
            db.conn(),
            Uuid::nil(),
            &CertificateOptions::default(),
            local(14, 9),
        )
        .unwrap_err();
        assert_eq!(stranger.code(), "not_found");
    }

    #[test]
    fn the_share_is_compared_in_whole_numbers() {
        assert!(qualifies(4, 5, 80));
        assert!(!qualifies(3, 5, 80));
        assert!(qualifies(8, 10, 80));
        assert!(!qualifies(7, 9, 80), "77.8 %");
        assert!(qualifies(0, 0, 80), "nothing counted yet");
        assert!(qualifies(0, 4, 0));
        assert!(!qualifies(0, 1, 1));
        assert!(qualifies(10, 10, 100));
    }
}
