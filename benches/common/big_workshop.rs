//! What the export and import benchmarks share: the large workshop both measure, and how a
//! process's memory is read. Included by each with `#[path]`.

use chrono::{DateTime, Duration, Utc};
use workshop_core::attendance::{Method, Slot};
use workshop_core::board::{self, BoardInput, Quadrant, RaisedBy};
use workshop_core::plans::{self, ActionInput, PlanInput, Scope, Status};
use workshop_core::{Database, attendance, demo, participant};

pub const PARTICIPANTS: usize = 10_000;
pub const SIGN_INS: i64 = 50_000;
pub const BOARDS: usize = 10;
pub const NOTES_PER_BOARD: usize = 500;
pub const PLANS: usize = 20;
pub const ACTIONS_PER_PLAN: usize = 100;

/// A process's memory in kB, from /proc/self/status (`VmRSS` now, `VmHWM` its peak).
pub fn memory_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|line| line.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The workshop: the demo of 10,000 on Wednesday at noon in Kathmandu (five sessions held),
/// topped up to 50,000 sign-ins with the afternoon's paper sheet; boards and plans typed in.
pub fn build(db: &mut Database, mut now: DateTime<Utc>) -> uuid::Uuid {
    let workshop = demo::create(db, PARTICIPANTS, 1, now).unwrap();
    let held: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM attendance", [], |r| r.get(0))
        .unwrap();
    let people = participant::list(db, workshop.id, "", false).unwrap();
    let missing = usize::try_from(SIGN_INS - held).unwrap_or(0);
    let slot = Slot {
        day: workshop.start_date + Duration::days(2),
        session: 2,
    };
    let ids: Vec<_> = people.iter().take(missing).map(|p| p.id).collect();
    attendance::mark_many(db, workshop.id, slot, &ids, Method::Paper, now).unwrap();
    let mut tick = || {
        now += Duration::milliseconds(5);
        now
    };
    let mut notes = Vec::new();
    for b in 0..BOARDS {
        let board_id = board::create(
            db,
            workshop.id,
            &BoardInput {
                question: format!("Implementing the MoU on labour migration (group {b})"),
                ..Default::default()
            },
            tick(),
        )
        .unwrap()
        .id;
        for n in 0..NOTES_PER_BOARD {
            let note = board::add_note(
                db,
                board_id,
                Quadrant::ALL[n % 4],
                &format!(
                    "Note {n} of board {b}: recruitment fees charged to workers despite the law"
                ),
                RaisedBy::default(),
                tick(),
            )
            .unwrap();
            notes.push(note.id);
        }
    }
    for p in 0..PLANS {
        let plan = plans::create_plan(
            db,
            workshop.id,
            &PlanInput {
                scope: Scope::Regional,
                title: format!("Plan {p}"),
                ..Default::default()
            },
            tick(),
        )
        .unwrap();
        for a in 0..ACTIONS_PER_PLAN {
            let action = ActionInput {
                description: format!("Action {a} of plan {p}: a helpline for migrant workers"),
                responsible: "SARTUC secretariat".into(),
                partners: "ILO-ACTRAV".into(),
                start_date: Some("2026-12-07".into()),
                due_date: Some("2027-06-30".into()),
                status: Status::ALL[a % 4],
                themes: vec!["fair recruitment".into(), "social dialogue".into()],
                ..Default::default()
            };
            let note = notes[(p * ACTIONS_PER_PLAN + a) % notes.len()];
            plans::add_action(db, plan.id, &action, &[note], tick()).unwrap();
        }
    }
    workshop.id
}
