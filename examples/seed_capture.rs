//! Seeds a data directory for `scripts/measure-capture.py`: the demo workshop, a SWOT board of
//! 500 notes (spread over the four quadrants, some under headings, some voted for, some raised by
//! a working group) and action plans holding 2,000 actions in all, many of them answering the
//! board's notes. Built with the facilitator's own functions, as `benches/capture.rs` does, then
//! opened as the workshop the app shows on start.
//!
//! ```sh
//! cargo run --release --example seed_capture -- DATA_DIR [--notes 500] [--actions 2000]
//! ```
//!
//! Prints one line of JSON: the workshop's, board's and plans' IDs and what was written.
#![allow(clippy::print_stdout)]

use chrono::{DateTime, Duration, Utc};
use std::path::PathBuf;
use std::process::ExitCode;
use uuid::Uuid;
use workshop_core::board::{self, BoardInput, Quadrant, RaisedBy};
use workshop_core::plans::{self, ActionInput, PlanInput, Scope, Status};
use workshop_core::{Database, Result, demo, groups, paths, workshop};

/// What the room says, in the scripts a board of this workshop holds.
const TEXTS: &[&str] = &[
    "Recruitment fees charged to workers despite the law",
    "SARTUC's migrant desks in Nepal, India and Sri Lanka",
    "No follow-up once workers reach the Gulf",
    "Young organisers in the garment sector",
    "सामूहिक सौदेबाजी का अनुभव",
    "เครือข่ายแรงงานข้ามชาติ",
    "قيود على الحرية النقابية",
    "Few women in union leadership",
    "Weak data on migrant workers",
    "The Global Compact for Migration reviews in 2026",
    "Wage theft when companies close in destination countries",
    "Memoranda between VGCL and the Malaysian TUC",
    "Công đoàn cơ sở ở các khu công nghiệp",
    "Bilateral agreement under review, with a social clause the unions asked for in 2024",
];

const HEADINGS: &[&str] = &[
    "Organising",
    "Recruitment",
    "Data and research",
    "Alliances",
    "Law and policy",
];

const THEMES: &[&str] = &[
    "organising migrant workers",
    "fair recruitment",
    "social dialogue",
    "youth",
    "gender equality",
    "social protection",
];

/// Roster countries of the demo, for the national plans.
const COUNTRIES: &[&str] = &[
    "NP", "BD", "IN", "LK", "VN", "KH", "TH", "ID", "MY", "PH", "JO",
];

struct Args {
    data_dir: PathBuf,
    notes: usize,
    actions: usize,
}

fn parse_args() -> std::result::Result<Args, String> {
    let mut data_dir = None;
    let (mut notes, mut actions) = (500, 2000);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| {
            args.next()
                .and_then(|v| v.parse::<usize>().ok())
                .ok_or(format!("{name} needs a number"))
        };
        match arg.as_str() {
            "--notes" => notes = number("--notes")?,
            "--actions" => actions = number("--actions")?,
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}")),
            _ if data_dir.is_none() => data_dir = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    let data_dir = data_dir.ok_or("usage: seed_capture DATA_DIR [--notes N] [--actions N]")?;
    Ok(Args {
        data_dir,
        notes,
        actions,
    })
}

/// The clock, read once like the CLI does; every write then gets its own millisecond, an hour
/// in the past, so that the app's own edits come after them.
#[allow(clippy::disallowed_methods)]
fn start_time() -> DateTime<Utc> {
    Utc::now() - Duration::hours(1)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if paths::database_file(&args.data_dir).exists() {
        eprintln!(
            "{} already holds a database: give an empty directory",
            args.data_dir.display()
        );
        return ExitCode::from(2);
    }
    match seed(&args) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("seeding failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn seed(args: &Args) -> Result<String> {
    let file = paths::database_file(&args.data_dir);
    let mut now = start_time();
    let mut tick = || {
        now += Duration::milliseconds(1);
        now
    };
    let mut db = Database::open(&file, tick())?;
    let ws = demo::create_default(&mut db, tick())?;
    let group_ids: Vec<Uuid> = groups::list(db.conn(), ws.id)?
        .into_iter()
        .flat_map(|g| g.groups.into_iter().map(|x| x.id))
        .collect();

    // The board: in each quadrant, a heading every 25 notes with the ten notes after it grouped
    // under it; votes on two notes in five (0 to 6, so some are priorities); a group named as the
    // one that raised every sixth note.
    let b = board::create(
        &mut db,
        ws.id,
        &BoardInput {
            question: "Implementing the MoU: where do we stand? (500 notes)".into(),
            ..Default::default()
        },
        tick(),
    )?;
    let (mut notes, mut headings) = (Vec::new(), 0);
    let mut current_heading: [Option<(Uuid, usize)>; 4] = [None; 4];
    for i in 0..args.notes {
        let q = i % 4;
        let in_quadrant = i / 4;
        if in_quadrant % 25 == 0 {
            let heading = board::add_heading(
                &mut db,
                b.id,
                Quadrant::ALL[q],
                HEADINGS[(in_quadrant / 25) % HEADINGS.len()],
                &[],
                tick(),
            )?;
            headings += 1;
            current_heading[q] = Some((heading.id, 0));
        }
        let raised_by = RaisedBy {
            group_id: (i % 6 == 0 && !group_ids.is_empty()).then(|| group_ids[i % group_ids.len()]),
            participant_id: None,
        };
        let text = format!("{} ({})", TEXTS[i % TEXTS.len()], i + 1);
        let note = board::add_note(&mut db, b.id, Quadrant::ALL[q], &text, raised_by, tick())?;
        if let Some((heading, under)) = current_heading[q].as_mut()
            && *under < 10
        {
            board::set_heading(&mut db, note.id, Some(*heading), tick())?;
            *under += 1;
        }
        if i % 5 < 2 {
            board::set_votes(&mut db, note.id, (i % 7) as i64, tick())?;
        }
        notes.push(note.id);
    }

    // The plans: what the demo has, then 20 national plans holding the rest of the 2,000; every
    // other action answers a note of the board.
    let existing: usize = plans::list(db.conn(), ws.id)?
        .iter()
        .map(|p| p.actions.len())
        .sum();
    let plan_ids = (0..20)
        .map(|i| {
            plans::create_plan(
                &mut db,
                ws.id,
                &PlanInput {
                    scope: Scope::National,
                    country: Some(COUNTRIES[i % COUNTRIES.len()].into()),
                    organisation: String::new(),
                    title: format!("National plan {} after the Kathmandu workshop", i + 1),
                    group_id: None,
                },
                tick(),
            )
            .map(|p| p.id)
        })
        .collect::<Result<Vec<_>>>()?;
    let to_add = args.actions.saturating_sub(existing);
    for i in 0..to_add {
        // Due from October 2026 (overdue by now unless done) to December 2027.
        let month = i % 15;
        let due = if month < 3 {
            format!("2026-{:02}-28", month + 10)
        } else {
            format!("2027-{:02}-15", month - 2)
        };
        let input = ActionInput {
            description: format!(
                "Action {}: outreach to migrant domestic workers through the returnee network",
                i + 1
            ),
            responsible: ["GEFONT", "NTUC", "VGCL", "KSBSI", "ATUC"][i % 5].into(),
            partners: if i % 3 == 0 {
                "ILO-ACTRAV, IOM".into()
            } else {
                String::new()
            },
            start_date: Some("2026-09-01".into()),
            due_date: Some(due),
            status: Status::ALL[i % 4],
            resources: String::new(),
            indicator: if i % 2 == 0 {
                "Members recruited among returnees".into()
            } else {
                String::new()
            },
            baseline: if i % 2 == 0 {
                "0".into()
            } else {
                String::new()
            },
            target: if i % 2 == 0 {
                "200".into()
            } else {
                String::new()
            },
            themes: vec![
                THEMES[i % THEMES.len()].into(),
                THEMES[(i / 7 + 1) % THEMES.len()].into(),
            ],
        };
        let linked: Vec<Uuid> = if i % 2 == 0 && !notes.is_empty() {
            vec![notes[(i * 7) % notes.len()]]
        } else {
            Vec::new()
        };
        plans::add_action(
            &mut db,
            plan_ids[i % plan_ids.len()],
            &input,
            &linked,
            tick(),
        )?;
    }
    workshop::open(db.conn(), ws.id)?;
    let plans_now = plans::list(db.conn(), ws.id)?;
    let board_now = board::get(db.conn(), b.id)?;
    Ok(serde_json::json!({
        "workshopId": ws.id,
        "boardId": b.id,
        "notes": board_now.notes.iter().filter(|n| !n.is_heading).count(),
        "headings": headings,
        "plans": plans_now.len(),
        "actions": plans_now.iter().map(|p| p.actions.len()).sum::<usize>(),
        "seededPlanIds": plan_ids,
    })
    .to_string())
}
