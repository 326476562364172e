//! Speed of live capture on a large board and a large set of plans, as percentiles:
//! `cargo bench --bench capture`. A board with 500 notes and a workshop with 2,000 actions, on
//! disk with synchronous=FULL, as a facilitator's laptop writes them. The targets
//! (BENCHMARKS.md) are goals to watch, never assertions in tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use chrono::{DateTime, Duration};
use std::time::Instant;
use workshop_core::board::{self, BoardInput, Quadrant, RaisedBy};
use workshop_core::plans::{self, ActionInput, PlanInput, Scope, Status};
use workshop_core::{Database, demo, edit, paths};

fn percentiles(mut samples_ms: Vec<f64>) -> String {
    samples_ms.sort_by(f64::total_cmp);
    let at = |q: f64| samples_ms[((samples_ms.len() as f64 - 1.0) * q).round() as usize];
    format!(
        "p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        at(0.5),
        at(0.95),
        samples_ms[samples_ms.len() - 1]
    )
}

fn time_ms<R>(work: impl FnOnce() -> R) -> (R, f64) {
    let started = Instant::now();
    let result = work();
    (result, started.elapsed().as_secs_f64() * 1000.0)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut now = DateTime::parse_from_rfc3339("2026-11-24T08:00:00Z")
        .unwrap()
        .to_utc();
    let mut tick = || {
        now += Duration::milliseconds(10);
        now
    };
    let mut db = Database::open(&paths::database_file(dir.path()), tick()).unwrap();
    let workshop = demo::create_default(&mut db, tick()).unwrap();
    println!("| measurement | result | target |");
    println!("|---|---|---|");

    // A board of 500 notes, then 200 more typed in, each followed by the board read back
    // for drawing.
    let b = board::create(
        &mut db,
        workshop.id,
        &BoardInput {
            question: "Implementing the MoU".into(),
            ..Default::default()
        },
        tick(),
    )
    .unwrap();
    for i in 0..500 {
        let quadrant = Quadrant::ALL[i % 4];
        board::add_note(
            &mut db,
            b.id,
            quadrant,
            &format!("Note number {i}, as the room said it"),
            RaisedBy::default(),
            tick(),
        )
        .unwrap();
    }
    let (mut adds, mut reads) = (Vec::new(), Vec::new());
    for i in 0..200 {
        let quadrant = Quadrant::ALL[i % 4];
        let (_, add) = time_ms(|| {
            board::add_note(
                &mut db,
                b.id,
                quadrant,
                "Recruitment fees charged to workers",
                RaisedBy::default(),
                tick(),
            )
            .unwrap()
        });
        let (board, read) = time_ms(|| board::get(db.conn(), b.id).unwrap());
        assert!(board.notes.len() > 500);
        adds.push(add);
        reads.push(read);
    }
    println!(
        "| add a note to a board of 500–700 notes (write, change log, fsync) | {} | — |",
        percentiles(adds)
    );
    println!(
        "| read the board back for drawing (500–700 notes) | {} | — |",
        percentiles(reads)
    );
    let notes = board::get(db.conn(), b.id).unwrap().notes;
    let mut moves = Vec::new();
    for i in 0..100 {
        let note = &notes[i * 5];
        let (_, took) = time_ms(|| {
            board::move_note(&mut db, note.id, Quadrant::ALL[(i + 1) % 4], None, tick()).unwrap()
        });
        moves.push(took);
    }
    println!(
        "| move a note to another quadrant (returns the board) | {} | — |",
        percentiles(moves)
    );
    let mut undos = Vec::new();
    for _ in 0..100 {
        let (_, took) = time_ms(|| edit::undo(&mut db, workshop.id, tick()).unwrap());
        undos.push(took);
    }
    println!("| undo a move | {} | — |", percentiles(undos));

    // 2,000 actions in 20 plans, each answering a note.
    let plan_ids: Vec<_> = (0..20)
        .map(|i| {
            plans::create_plan(
                &mut db,
                workshop.id,
                &PlanInput {
                    scope: Scope::National,
                    country: Some(["NP", "BD", "VN", "JO", "ID"][i % 5].into()),
                    organisation: String::new(),
                    title: format!("Plan {i}"),
                    group_id: None,
                },
                tick(),
            )
            .unwrap()
            .id
        })
        .collect();
    let mut add_actions = Vec::new();
    for i in 0..2000 {
        let input = ActionInput {
            description: format!("Action {i}: outreach to migrant domestic workers"),
            responsible: "GEFONT".into(),
            partners: String::new(),
            start_date: Some("2026-12-01".into()),
            due_date: Some(format!("2027-{:02}-15", i % 12 + 1)),
            status: Status::ALL[i % 4],
            resources: String::new(),
            indicator: String::new(),
            baseline: String::new(),
            target: String::new(),
            themes: vec!["fair recruitment".into(), "youth".into()],
        };
        let note = notes[i % notes.len()].id;
        let (_, took) = time_ms(|| {
            plans::add_action(&mut db, plan_ids[i % 20], &input, &[note], tick()).unwrap()
        });
        add_actions.push(took);
    }
    println!(
        "| add an action with its link (workshop growing to 2,000 actions) | {} | — |",
        percentiles(add_actions)
    );
    let (mut lists, mut rollups) = (Vec::new(), Vec::new());
    for _ in 0..30 {
        lists.push(time_ms(|| plans::list(db.conn(), workshop.id).unwrap()).1);
        rollups.push(time_ms(|| plans::rollup(db.conn(), workshop.id).unwrap()).1);
    }
    println!(
        "| list every plan with its actions and linked notes (2,000 actions) | {} | — |",
        percentiles(lists)
    );
    println!(
        "| roll-up by country, status, theme and due month (2,000 actions) | {} | — |",
        percentiles(rollups)
    );
}
