//! Consolidation of 100 typical workshops at headquarters: `cargo bench --bench consolidate`.
//!
//! A hundred workshops of 30 participants (about one in ten back from an earlier workshop),
//! five days of two sessions with their sign-ins, about 60 SWOT notes and 30 actions each, all
//! made through the app's own functions and exported with the report profile. Measures
//! `consolidate::consolidate` (each file read by the release `workshop` binary in a child
//! process, as headquarters runs it) against reading the very same files with bare calamine in
//! this process (`RawWorkbook::read_in_process`), one after the other and two at a time, and
//! reports the cells read per second. The targets (BENCHMARKS.md) are goals to watch, never
//! assertions in tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::path::{Path, PathBuf};
use std::time::Instant;
use workshop_core::attendance::{Method, Slot};
use workshop_core::board::{self, BoardInput, Quadrant, RaisedBy};
use workshop_core::consolidate::{self, Step};
use workshop_core::import::{Limits, RawCell, RawWorkbook};
use workshop_core::participant::{self, ParticipantInput, Role, Sex};
use workshop_core::plans::{self, ActionInput, PlanInput, Scope, Status};
use workshop_core::workbook::{self, ExportOptions, Profile};
use workshop_core::workshop::{self, WorkshopInput};
use workshop_core::{Database, attendance, paths};

const WORKSHOPS: usize = 100;
const PARTICIPANTS: usize = 30;
const DAYS: i64 = 5;
const NOTES: usize = 60;
const ACTIONS: usize = 30;
const RUNS: usize = 3;

const VENUES: &[(&str, &str)] = &[
    ("Kathmandu", "NP"),
    ("Bangkok", "TH"),
    ("Colombo", "LK"),
    ("Dhaka", "BD"),
    ("Manila", "PH"),
    ("Jakarta", "ID"),
    ("Amman", "JO"),
    ("Turin", "IT"),
    ("Geneva", "CH"),
    ("Kuala Lumpur", "MY"),
];
const COUNTRIES: &[&str] = &[
    "NP", "IN", "BD", "LK", "PK", "TH", "VN", "KH", "LA", "MM", "PH", "ID", "MY", "JO", "LB",
];
const GIVEN: &[&str] = &[
    "Sita", "Ram", "Anita", "Bishnu", "Kamala", "Dipak", "Nguyen", "Mai", "Somchai", "Siri",
    "Maria", "Jose", "Fatima", "Ahmad", "Layla", "Rahim", "Priya", "Arjun", "Lina", "Bounmy",
    "Hoa", "Minh", "Aung", "Thida", "Rizal", "Dewi", "Budi", "Omar", "Rania", "Samir", "Kiran",
    "Meena", "Sunil", "Nimal", "Chamari", "Tenzin", "Pema", "Karma", "Rosa", "Ana",
];
const MIDDLE: &[&str] = &[
    "Kumari", "Bahadur", "Devi", "Prasad", "Van", "Thi", "Binti", "Bin", "Lal", "Nath", "Maya",
    "Raj", "Sri", "Mohan", "Rani", "Chandra", "Lakshmi", "Hari", "Gopal", "Tara",
];
const FAMILY: &[&str] = &[
    "Sharma", "Thapa", "Gurung", "Rahman", "Perera", "Silva", "Tran", "Pham", "Jaidee", "Santos",
    "Reyes", "Haddad", "Nasser", "Khan", "Das", "Sok", "Lim", "Tan", "Win", "Aung", "Rai", "Magar",
    "Tamang", "Karki", "Joshi", "Hossain", "Ahmed", "Fernando", "Bandara", "Le", "Vo", "Santoso",
    "Wijaya", "Cruz", "Garcia", "Mendoza", "Saleh", "Khoury", "Yusuf", "Ali",
];
/// About one participant in ten comes back from an earlier workshop.
const RETURNING_ONE_IN: usize = 10;
const THEMES: &[&str] = &[
    "fair recruitment",
    "social dialogue",
    "organising",
    "social protection",
    "gender equality",
];

/// A small deterministic generator (no dependency on rand's streams for the data's shape).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

/// The workshops, exported into `out`: returns the files.
fn build(db: &mut Database, mut now: DateTime<Utc>, out: &Path) -> Vec<PathBuf> {
    let mut rng = Lcg(2018);
    let mut tick = move || {
        now += Duration::milliseconds(7);
        now
    };
    let first = NaiveDate::from_ymd_opt(2024, 1, 15).unwrap();
    let mut files = Vec::new();
    let mut earlier: Vec<(String, String)> = Vec::new();
    for w in 0..WORKSHOPS {
        let (city, country) = VENUES[w % VENUES.len()];
        let start = first + Duration::weeks(w as i64);
        let end = start + Duration::days(DAYS - 1);
        let workshop = workshop::create(
            db,
            &WorkshopInput {
                title: format!("Organising migrant workers: regional workshop {}", w + 1),
                venue_city: city.into(),
                country: Some(country.into()),
                start_date: start.to_string(),
                end_date: end.to_string(),
                sessions_per_day: Some(2),
                organisers: "ILO-ACTRAV, ITCILO".into(),
                programme_code: format!("A9-{w:03}"),
                working_languages: vec!["en".into()],
                youth_age_limit: Some(35),
            },
            tick(),
        )
        .unwrap();
        // About one in ten comes back from an earlier workshop (same name and email).
        let mut people = Vec::new();
        for p in 0..PARTICIPANTS {
            let back = !earlier.is_empty() && rng.next(RETURNING_ONE_IN) == 0;
            let (name, email) = if back {
                earlier[rng.next(earlier.len())].clone()
            } else {
                let (given, family) =
                    (GIVEN[rng.next(GIVEN.len())], FAMILY[rng.next(FAMILY.len())]);
                let name = format!("{given} {} {family}", MIDDLE[rng.next(MIDDLE.len())]);
                let email = if rng.next(3) == 0 {
                    format!(
                        "{}.{}{}@union.example",
                        given.to_lowercase(),
                        family.to_lowercase(),
                        rng.next(100)
                    )
                } else {
                    String::new()
                };
                earlier.push((name.clone(), email.clone()));
                (name, email)
            };
            let input = ParticipantInput {
                full_name: name,
                sex: if rng.next(2) == 0 {
                    Sex::Woman
                } else {
                    Sex::Man
                },
                birth_year: Some(1965 + rng.next(40) as i32),
                country: Some(COUNTRIES[rng.next(COUNTRIES.len())].into()),
                organisation: format!("National Trade Union Centre {}", rng.next(12)),
                position: "Organiser".into(),
                role: if p == 0 {
                    Role::ResourcePerson
                } else {
                    Role::Participant
                },
                email,
                consent_contact: rng.next(2) == 0,
                ..Default::default()
            };
            people.push(
                participant::create(db, workshop.id, &input, tick())
                    .unwrap()
                    .id,
            );
        }
        for day in 0..DAYS {
            for session in 1..=2 {
                let present: Vec<_> = people
                    .iter()
                    .copied()
                    .filter(|_| rng.next(10) != 0)
                    .collect();
                let slot = Slot {
                    day: start + Duration::days(day),
                    session,
                };
                attendance::mark_many(db, workshop.id, slot, &present, Method::Paper, tick())
                    .unwrap();
            }
        }
        let mut notes = Vec::new();
        for b in 0..2 {
            let board_id = board::create(
                db,
                workshop.id,
                &BoardInput {
                    question: format!("Labour migration in the region: question {}", b + 1),
                    ..Default::default()
                },
                tick(),
            )
            .unwrap()
            .id;
            for n in 0..NOTES / 2 {
                let note = board::add_note(
                    db,
                    board_id,
                    Quadrant::ALL[n % 4],
                    &format!("Note {n}: recruitment fees are still charged to workers"),
                    RaisedBy::default(),
                    tick(),
                )
                .unwrap();
                notes.push(note.id);
            }
        }
        for p in 0..3 {
            let plan = plans::create_plan(
                db,
                workshop.id,
                &PlanInput {
                    scope: Scope::Regional,
                    title: format!("Regional plan {}", p + 1),
                    ..Default::default()
                },
                tick(),
            )
            .unwrap();
            for a in 0..ACTIONS / 3 {
                let action = ActionInput {
                    description: format!("Action {a}: a helpline for migrant workers"),
                    responsible: "Regional secretariat".into(),
                    partners: "ILO-ACTRAV".into(),
                    start_date: Some((end + Duration::days(30)).to_string()),
                    due_date: Some((end + Duration::days(200)).to_string()),
                    status: Status::ALL[rng.next(4)],
                    themes: vec![THEMES[rng.next(THEMES.len())].into()],
                    ..Default::default()
                };
                let note = notes[rng.next(notes.len())];
                plans::add_action(db, plan.id, &action, &[note], tick()).unwrap();
            }
        }
        let path = out.join(format!("workshop-{:03}.xlsx", w + 1));
        let options = ExportOptions {
            profile: Profile::Report,
            now: tick(),
        };
        workbook::export(db, workshop.id, &options, &path, &mut |_| {}).unwrap();
        files.push(path);
    }
    files
}

fn cells(book: &RawWorkbook) -> u64 {
    book.sheets
        .iter()
        .flat_map(|s| &s.rows)
        .flatten()
        .filter(|c| **c != RawCell::Empty)
        .count() as u64
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn runs(values: &[f64]) -> String {
    values
        .iter()
        .map(|t| format!("{t:.2}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-25T06:15:00Z")
        .unwrap()
        .to_utc();
    // `CONSOLIDATE_BENCH_DATA=DIR` keeps the exported workbooks there for the next run.
    let data = std::env::var_os("CONSOLIDATE_BENCH_DATA")
        .map_or_else(|| dir.path().to_path_buf(), Into::into);
    let inputs = data.join("workbooks");
    std::fs::create_dir_all(&inputs).unwrap();
    let started = Instant::now();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&inputs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    files.sort();
    if files.len() != WORKSHOPS {
        let mut db = Database::open(&paths::database_file(&data), now).unwrap();
        files = build(&mut db, now, &inputs);
    }
    println!(
        "{} workbooks ready in {:.0} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );
    let exe = Path::new(env!("CARGO_BIN_EXE_workshop"));
    let limits = Limits::default();
    let out = dir.path().join("consolidated.xlsx");

    // Bare calamine, in this process: once to warm the page cache, then measured.
    let read_all = |files: &[PathBuf]| -> u64 {
        files
            .iter()
            .map(|f| cells(&RawWorkbook::read_in_process(f).unwrap()))
            .sum()
    };
    let input_cells = read_all(&files);
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    let mut bare = Vec::new();
    let mut bare_two = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        read_all(&files);
        bare.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let (a, b) = files.split_at(files.len() / 2);
        std::thread::scope(|s| {
            let first = s.spawn(|| read_all(a));
            read_all(b);
            first.join().unwrap();
        });
        bare_two.push(t.elapsed().as_secs_f64());
    }

    let mut times = Vec::new();
    let mut reading = Vec::new();
    let mut result = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        let mut read_done = None;
        let done = consolidate::consolidate(exe, &files, &out, &limits, now, &mut |p| {
            if p.step == Step::Writing && read_done.is_none() {
                read_done = Some(t.elapsed().as_secs_f64());
            }
        })
        .unwrap();
        times.push(t.elapsed().as_secs_f64());
        reading.extend(read_done);
        result = Some(done);
    }
    let done = result.unwrap();
    let output_cells = cells(&RawWorkbook::read_in_process(&out).unwrap());
    let rows: u64 = done.sheets.iter().map(|s| s.rows).sum();
    let (time, bare_time, two_time) = (
        median(times.clone()),
        median(bare.clone()),
        median(bare_two.clone()),
    );
    let read_time = median(reading.clone());

    println!();
    println!("| measurement | result | target |");
    println!("|---|---|---|");
    println!(
        "| input: {} workbooks, {:.1} MB, {input_cells} cells; {} participants ({} people), {rows} rows written, {output_cells} cells, {:.1} MB | — | — |",
        files.len(),
        bytes as f64 / 1_048_576.0,
        done.participants,
        done.people_reached,
        done.bytes as f64 / 1_048_576.0
    );
    println!(
        "| consolidation, every file through the child reader | {time:.2} s (runs {}) | — |",
        runs(&times)
    );
    println!(
        "| of which reading the files (until the first row is written) | {read_time:.2} s (runs {}) | — |",
        runs(&reading)
    );
    println!(
        "| cells read per second | {:.2} M/s | ≥ 1 M/s |",
        input_cells as f64 / time / 1e6
    );
    println!(
        "| bare calamine, in this process, one file after the other | {bare_time:.2} s (runs {}), {:.2} M cells/s | — |",
        runs(&bare),
        input_cells as f64 / bare_time / 1e6
    );
    println!(
        "| bare calamine, two files at a time | {two_time:.2} s (runs {}) | — |",
        runs(&bare_two)
    );
    println!(
        "| ratio | {:.2}× bare calamine one at a time; {:.2}× two at a time | — |",
        time / bare_time,
        time / two_time
    );
}
