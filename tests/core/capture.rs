//! Working groups and SWOT boards as the room produces them, and undo/redo over all of it.

use crate::fixtures::{Clock, count, kathmandu, person};
use proptest::prelude::*;
use uuid::Uuid;
use workshop_core::board::{self, BoardInput, Quadrant, RaisedBy};
use workshop_core::groups::{self, GroupDraft, SuggestBy};
use workshop_core::participant::{self, Sex};
use workshop_core::{Database, edit};

struct Room {
    clock: Clock,
    db: Database,
    workshop: Uuid,
    people: Vec<Uuid>,
}

/// The Kathmandu workshop with six participants from five countries.
fn room() -> Room {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock).id;
    let people = [
        ("सीता शर्मा", Sex::Woman, "NP"),
        ("Laxman Basnet", Sex::Man, "NP"),
        ("সুমাইয়া খাতুন", Sex::Woman, "BD"),
        ("สมชาย ใจดี", Sex::Man, "TH"),
        ("Nguyễn Thị Lan", Sex::Woman, "VN"),
        ("ليلى حداد", Sex::Woman, "JO"),
    ]
    .iter()
    .map(|(name, sex, country)| {
        participant::create(
            &mut db,
            workshop,
            &person(name, *sex, country, None),
            clock.tick(),
        )
        .unwrap()
        .id
    })
    .collect();
    Room {
        clock,
        db,
        workshop,
        people,
    }
}

fn texts(board: &board::Board, quadrant: Quadrant) -> Vec<String> {
    board
        .notes
        .iter()
        .filter(|n| n.quadrant == quadrant)
        .map(|n| n.text.clone())
        .collect()
}

#[test]
fn groups_are_suggested_by_sub_region_and_a_participant_is_in_one_group_per_grouping() {
    let mut r = room();
    let suggested = groups::suggest(r.db.conn(), r.workshop, SuggestBy::SubRegion, "en").unwrap();
    let names: Vec<&str> = suggested.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["South Asia", "South-East Asia", "Arab States"]);
    assert_eq!(
        suggested[0].participant_ids.len(),
        3,
        "two from Nepal, one from Bangladesh"
    );

    let grouping = groups::create_grouping(
        &mut r.db,
        r.workshop,
        "By sub-region, day 2",
        &suggested,
        r.clock.tick(),
    )
    .unwrap();
    assert_eq!(grouping.groups.len(), 3);
    let south_asia = &grouping.groups[0];
    assert_eq!(
        (south_asia.women, south_asia.men),
        (2, 1),
        "the sex balance"
    );
    assert!(grouping.unassigned.is_empty());

    // Moving Laxman to the Arab States group takes him out of South Asia.
    let laxman = r.people[1];
    let arab_states = grouping.groups[2].id;
    let grouping = groups::assign(
        &mut r.db,
        grouping.id,
        laxman,
        Some(arab_states),
        r.clock.tick(),
    )
    .unwrap();
    assert_eq!(grouping.groups[0].members.len(), 2);
    assert!(
        grouping.groups[2]
            .members
            .iter()
            .any(|m| m.participant_id == laxman)
    );
    assert_eq!(
        count(
            &r.db,
            "SELECT count(*) FROM group_member WHERE deleted_at IS NULL"
        ),
        6,
        "still one membership each"
    );

    // The same person twice in one grouping is refused, and nothing is written.
    let before = count(&r.db, "SELECT count(*) FROM grouping");
    let twice = [
        GroupDraft {
            name: "A".into(),
            participant_ids: vec![laxman],
        },
        GroupDraft {
            name: "B".into(),
            participant_ids: vec![laxman],
        },
    ];
    let error = groups::create_grouping(&mut r.db, r.workshop, "By theme", &twice, r.clock.tick())
        .unwrap_err();
    assert_eq!(error.field(), Some("groups"));
    assert_eq!(count(&r.db, "SELECT count(*) FROM grouping"), before);

    // A second grouping of the same workshop may put him in a group again.
    let by_theme = groups::create_grouping(
        &mut r.db,
        r.workshop,
        "By theme, day 4",
        &[GroupDraft {
            name: "Fair recruitment".into(),
            participant_ids: vec![laxman],
        }],
        r.clock.tick(),
    )
    .unwrap();
    assert_eq!(by_theme.unassigned.len(), 5);
    assert_eq!(groups::list(r.db.conn(), r.workshop).unwrap().len(), 2);
    assert_eq!(groups::choices(r.db.conn(), r.workshop).unwrap().len(), 4);
}

#[test]
fn notes_are_added_ordered_moved_voted_and_ranked() {
    let mut r = room();
    let question = "Implementing the MoU among ATUC, SARTUC and ArabTUC";
    let b = board::create(
        &mut r.db,
        r.workshop,
        &BoardInput {
            question: question.into(),
            ..Default::default()
        },
        r.clock.tick(),
    )
    .unwrap();
    let mut add = |q: Quadrant, text: &str| {
        board::add_note(
            &mut r.db,
            b.id,
            q,
            text,
            RaisedBy::default(),
            r.clock.tick(),
        )
        .unwrap()
    };
    let mou = add(Quadrant::Strengths, "The MoU is signed by all three");
    let focal = add(Quadrant::Strengths, "Focal points named in each country");
    let funds = add(Quadrant::Weaknesses, "No dedicated funds");
    let gcm = add(Quadrant::Opportunities, "The Global Compact for Migration");
    let _kafala = add(Quadrant::Threats, "The kafala system");
    let board = board::get(r.db.conn(), b.id).unwrap();
    assert_eq!(
        texts(&board, Quadrant::Strengths),
        [
            "The MoU is signed by all three",
            "Focal points named in each country"
        ]
    );

    // Reorder within a quadrant, then move across quadrants.
    let board = board::move_note(
        &mut r.db,
        focal.id,
        Quadrant::Strengths,
        Some(mou.id),
        r.clock.tick(),
    )
    .unwrap();
    assert_eq!(
        texts(&board, Quadrant::Strengths)[0],
        "Focal points named in each country"
    );
    let board =
        board::move_note(&mut r.db, funds.id, Quadrant::Threats, None, r.clock.tick()).unwrap();
    assert_eq!(
        texts(&board, Quadrant::Threats),
        ["The kafala system", "No dedicated funds"]
    );
    assert!(texts(&board, Quadrant::Weaknesses).is_empty());

    // Votes: a priority from the board's threshold (3), flagged while no action answers it.
    board::set_votes(&mut r.db, gcm.id, 5, r.clock.tick()).unwrap();
    board::set_votes(&mut r.db, mou.id, 2, r.clock.tick()).unwrap();
    let gcm_now = board::set_votes(&mut r.db, focal.id, 4, r.clock.tick()).unwrap();
    assert!(gcm_now.priority && gcm_now.priority_without_action);
    let ranking = board::ranking(r.db.conn(), b.id).unwrap();
    let strengths: Vec<i64> = ranking[0].1.iter().map(|n| n.votes).collect();
    assert_eq!(strengths, [4, 2]);
    let summary = &board::list(r.db.conn(), r.workshop).unwrap()[0];
    assert_eq!((summary.notes, summary.priorities_without_action), (5, 2));
    assert!(board::set_votes(&mut r.db, gcm.id, -1, r.clock.tick()).is_err());

    // An empty note is refused on its field.
    let error = board::add_note(
        &mut r.db,
        b.id,
        Quadrant::Threats,
        "  ",
        RaisedBy::default(),
        r.clock.tick(),
    )
    .unwrap_err();
    assert_eq!(error.field(), Some("text"));
}

#[test]
fn a_merge_keeps_both_texts_adds_the_votes_and_undo_takes_it_all_back() {
    let mut r = room();
    let b = board::create(
        &mut r.db,
        r.workshop,
        &BoardInput {
            question: "Organising migrant domestic workers".into(),
            ..Default::default()
        },
        r.clock.tick(),
    )
    .unwrap();
    let one = board::add_note(
        &mut r.db,
        b.id,
        Quadrant::Weaknesses,
        "Low membership among domestic workers",
        RaisedBy::default(),
        r.clock.tick(),
    )
    .unwrap();
    let two = board::add_note(
        &mut r.db,
        b.id,
        Quadrant::Weaknesses,
        "Domestic workers hard to reach",
        RaisedBy::default(),
        r.clock.tick(),
    )
    .unwrap();
    board::set_votes(&mut r.db, one.id, 2, r.clock.tick()).unwrap();
    board::set_votes(&mut r.db, two.id, 3, r.clock.tick()).unwrap();
    let before = board::get(r.db.conn(), b.id).unwrap();

    let merged = board::merge_notes(&mut r.db, one.id, two.id, r.clock.tick()).unwrap();
    assert_eq!(merged.notes.len(), 1);
    assert_eq!(
        merged.notes[0].text,
        "Low membership among domestic workers\nDomestic workers hard to reach"
    );
    assert_eq!(merged.notes[0].votes, 5);
    let history = board::note_history(r.db.conn(), two.id).unwrap();
    assert_eq!(history.last().unwrap().op, "delete");
    assert_eq!(
        history.last().unwrap().changes["mergedInto"][1],
        one.id.to_string()
    );

    let state = edit::state(&r.db, r.workshop).unwrap();
    assert_eq!(state.undo.as_deref(), Some("note.merge"));
    let step = edit::undo(&mut r.db, r.workshop, r.clock.tick())
        .unwrap()
        .unwrap();
    assert_eq!(step.label, "note.merge");
    assert_eq!(step.state.redo.as_deref(), Some("note.merge"));
    let after_undo = board::get(r.db.conn(), b.id).unwrap();
    assert_eq!(
        strip(&after_undo),
        strip(&before),
        "the merge is taken back whole"
    );

    edit::redo(&mut r.db, r.workshop, r.clock.tick())
        .unwrap()
        .unwrap();
    assert_eq!(
        strip(&board::get(r.db.conn(), b.id).unwrap()),
        strip(&merged)
    );

    // A new edit after an undo discards the redo.
    edit::undo(&mut r.db, r.workshop, r.clock.tick()).unwrap();
    board::edit_note(&mut r.db, one.id, "Low union density", r.clock.tick()).unwrap();
    assert_eq!(edit::state(&r.db, r.workshop).unwrap().redo, None);
    assert!(
        edit::redo(&mut r.db, r.workshop, r.clock.tick())
            .unwrap()
            .is_none()
    );
}

#[test]
fn headings_group_notes_of_their_quadrant_and_deleting_one_keeps_its_notes() {
    let mut r = room();
    let b = board::create(
        &mut r.db,
        r.workshop,
        &BoardInput {
            question: "Social protection".into(),
            ..Default::default()
        },
        r.clock.tick(),
    )
    .unwrap();
    let heading = board::add_heading(
        &mut r.db,
        b.id,
        Quadrant::Threats,
        "Policy",
        &[],
        r.clock.tick(),
    )
    .unwrap();
    let note = board::add_note(
        &mut r.db,
        b.id,
        Quadrant::Threats,
        "Portability of benefits",
        RaisedBy::default(),
        r.clock.tick(),
    )
    .unwrap();
    let other = board::add_note(
        &mut r.db,
        b.id,
        Quadrant::Strengths,
        "Bilateral agreements",
        RaisedBy::default(),
        r.clock.tick(),
    )
    .unwrap();
    let board_now =
        board::set_heading(&mut r.db, note.id, Some(heading.id), r.clock.tick()).unwrap();
    assert_eq!(
        board_now
            .notes
            .iter()
            .find(|n| n.id == note.id)
            .unwrap()
            .heading_id,
        Some(heading.id)
    );
    let error =
        board::set_heading(&mut r.db, other.id, Some(heading.id), r.clock.tick()).unwrap_err();
    assert_eq!(
        error.field(),
        Some("headingId"),
        "only notes of the heading's quadrant"
    );

    // Moving the note to another quadrant takes it out from under the heading.
    let moved = board::move_note(
        &mut r.db,
        note.id,
        Quadrant::Opportunities,
        None,
        r.clock.tick(),
    )
    .unwrap();
    assert_eq!(
        moved
            .notes
            .iter()
            .find(|n| n.id == note.id)
            .unwrap()
            .heading_id,
        None
    );
    edit::undo(&mut r.db, r.workshop, r.clock.tick()).unwrap();

    let left = board::delete_note(&mut r.db, heading.id, r.clock.tick()).unwrap();
    let kept = left.notes.iter().find(|n| n.id == note.id).unwrap();
    assert_eq!((kept.heading_id, kept.quadrant), (None, Quadrant::Threats));
    edit::undo(&mut r.db, r.workshop, r.clock.tick()).unwrap();
    let back = board::get(r.db.conn(), b.id).unwrap();
    assert_eq!(
        back.notes
            .iter()
            .find(|n| n.id == note.id)
            .unwrap()
            .heading_id,
        Some(heading.id)
    );

    // A new heading can gather notes as it is made: one edit, so one undo takes both back.
    let policy = board::add_heading(
        &mut r.db,
        b.id,
        Quadrant::Strengths,
        "Agreements",
        &[other.id],
        r.clock.tick(),
    )
    .unwrap();
    let heading_of = |db: &Database, id| {
        board::get(db.conn(), b.id)
            .unwrap()
            .notes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.heading_id)
    };
    assert_eq!(heading_of(&r.db, other.id), Some(Some(policy.id)));
    assert_eq!(
        texts(&board::get(r.db.conn(), b.id).unwrap(), Quadrant::Strengths),
        ["Agreements", "Bilateral agreements"],
        "the heading goes where the note it gathers was"
    );
    edit::undo(&mut r.db, r.workshop, r.clock.tick()).unwrap();
    assert_eq!(heading_of(&r.db, other.id), Some(None));
    assert_eq!(
        heading_of(&r.db, policy.id),
        None,
        "the heading is gone too"
    );
    let refused = board::add_heading(
        &mut r.db,
        b.id,
        Quadrant::Weaknesses,
        "Elsewhere",
        &[other.id],
        r.clock.tick(),
    )
    .unwrap_err();
    assert_eq!(
        refused.field(),
        Some("noteIds"),
        "only notes of its own quadrant"
    );
    assert_eq!(
        texts(
            &board::get(r.db.conn(), b.id).unwrap(),
            Quadrant::Weaknesses
        ),
        Vec::<String>::new()
    );
}

#[test]
fn boards_with_the_same_question_are_compared_side_by_side() {
    let mut r = room();
    let suggested = groups::suggest(r.db.conn(), r.workshop, SuggestBy::SubRegion, "en").unwrap();
    let grouping = groups::create_grouping(
        &mut r.db,
        r.workshop,
        "Sub-regions",
        &suggested,
        r.clock.tick(),
    )
    .unwrap();
    for group in &grouping.groups {
        let b = board::create(
            &mut r.db,
            r.workshop,
            &BoardInput {
                question: "Implementing the  MoU".into(),
                group_id: Some(group.id),
                ..Default::default()
            },
            r.clock.tick(),
        )
        .unwrap();
        board::add_note(
            &mut r.db,
            b.id,
            Quadrant::Strengths,
            &format!("{} is organised", group.name),
            RaisedBy {
                group_id: Some(group.id),
                participant_id: None,
            },
            r.clock.tick(),
        )
        .unwrap();
    }
    let other = board::create(
        &mut r.db,
        r.workshop,
        &BoardInput {
            question: "Youth".into(),
            ..Default::default()
        },
        r.clock.tick(),
    )
    .unwrap();
    let first = board::list(r.db.conn(), r.workshop).unwrap()[0].id;
    let side_by_side = board::compare(r.db.conn(), first).unwrap();
    assert_eq!(side_by_side.len(), 3);
    assert!(side_by_side.iter().all(|b| b.id != other.id));
    let raised: Vec<_> = side_by_side
        .iter()
        .map(|b| b.notes[0].raised_by.clone().unwrap())
        .collect();
    assert_eq!(raised, ["South Asia", "South-East Asia", "Arab States"]);
}

/// A board's notes without their times, to compare states before and after undo.
fn strip(board: &board::Board) -> Vec<(Uuid, Quadrant, String, i64, Option<Uuid>, bool)> {
    let mut notes: Vec<_> = board
        .notes
        .iter()
        .map(|n| {
            (
                n.id,
                n.quadrant,
                n.text.clone(),
                n.votes,
                n.heading_id,
                n.is_heading,
            )
        })
        .collect();
    notes.sort_by_key(|n| n.0);
    notes
}

/// Every live capture row with every field but its times: the state undo must restore.
fn snapshot(db: &Database) -> Vec<String> {
    let mut rows = Vec::new();
    for (table, columns) in [
        ("grouping", "id, name, position"),
        ("work_group", "id, grouping_id, name, position"),
        ("group_member", "id, group_id, participant_id"),
        ("board", "id, question, group_id, priority_votes, position"),
        (
            "note",
            "id, board_id, quadrant, text, position, votes, is_heading, heading_id, raised_by_group_id, merged_into",
        ),
    ] {
        let mut statement = db
            .conn()
            .prepare(
                &format!(
                    "SELECT {table}, {columns} FROM {table} WHERE deleted_at IS NULL ORDER BY id",
                    table = format!("'{table}'")
                )
                .replace(&format!("FROM '{table}'"), &format!("FROM {table}")),
            )
            .unwrap();
        let n = statement.column_count();
        let mut query = statement.query([]).unwrap();
        while let Some(row) = query.next().unwrap() {
            let values: Vec<String> = (0..n)
                .map(|i| format!("{:?}", row.get::<_, rusqlite::types::Value>(i).unwrap()))
                .collect();
            rows.push(values.join("|"));
        }
    }
    rows
}

#[derive(Debug, Clone)]
enum Step {
    Add(usize, String),
    Edit(usize, String),
    Vote(usize, i64),
    Move(usize, usize, Option<usize>),
    Merge(usize, usize),
    Delete(usize),
    Heading(usize, String),
    Group(usize, usize),
    Assign(usize, Option<usize>),
    Undo,
    Redo,
}

fn step() -> impl Strategy<Value = Step> {
    let text = "[a-zA-Zअ-हก-ฮ ]{1,12}";
    prop_oneof![
        (0..4usize, text).prop_map(|(q, t)| Step::Add(q, t)),
        (0..20usize, text).prop_map(|(i, t)| Step::Edit(i, t)),
        (0..20usize, 0..9i64).prop_map(|(i, v)| Step::Vote(i, v)),
        (0..20usize, 0..4usize, proptest::option::of(0..20usize))
            .prop_map(|(i, q, b)| Step::Move(i, q, b)),
        (0..20usize, 0..20usize).prop_map(|(a, b)| Step::Merge(a, b)),
        (0..20usize).prop_map(Step::Delete),
        (0..4usize, text).prop_map(|(q, t)| Step::Heading(q, t)),
        (0..20usize, 0..20usize).prop_map(|(a, b)| Step::Group(a, b)),
        (0..6usize, proptest::option::of(0..3usize)).prop_map(|(p, g)| Step::Assign(p, g)),
        Just(Step::Undo),
        Just(Step::Redo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any sequence of board and group edits (including undos and redos along the way, merges
    /// and deletes), followed by undoing everything, gives back the state before the first.
    #[test]
    fn undoing_every_edit_restores_the_original_state(steps in proptest::collection::vec(step(), 1..40)) {
        let mut r = room();
        let suggested = groups::suggest(r.db.conn(), r.workshop, SuggestBy::SubRegion, "en").unwrap();
        let grouping = groups::create_grouping(&mut r.db, r.workshop, "Sub-regions", &suggested, r.clock.tick()).unwrap();
        let b = board::create(&mut r.db, r.workshop, &BoardInput { question: "The MoU".into(), ..Default::default() }, r.clock.tick()).unwrap();
        board::add_note(&mut r.db, b.id, Quadrant::Strengths, "Signed", RaisedBy::default(), r.clock.tick()).unwrap();
        let original = snapshot(&r.db);
        let baseline_edits = count(&r.db, "SELECT count(*) FROM edit WHERE state = 'done'");

        for step in steps {
            let notes = board::get(r.db.conn(), b.id).unwrap().notes;
            let pick = |i: usize| notes.get(i % notes.len().max(1)).map(|n| n.id);
            let now = r.clock.tick();
            // Refusals (a merge of a heading, a note under a heading of another quadrant) are
            // part of the game: they must change nothing.
            let _ = match step {
                Step::Add(q, t) => board::add_note(&mut r.db, b.id, Quadrant::ALL[q], &t, RaisedBy::default(), now).map(|_| ()),
                Step::Edit(i, t) => match pick(i) { Some(id) => board::edit_note(&mut r.db, id, &t, now).map(|_| ()), None => Ok(()) },
                Step::Vote(i, v) => match pick(i) { Some(id) => board::set_votes(&mut r.db, id, v, now).map(|_| ()), None => Ok(()) },
                Step::Move(i, q, before) => match pick(i) {
                    Some(id) => {
                        let before = before.and_then(pick).filter(|b| {
                            *b != id && notes.iter().any(|n| n.id == *b && n.quadrant == Quadrant::ALL[q])
                        });
                        board::move_note(&mut r.db, id, Quadrant::ALL[q], before, now).map(|_| ())
                    }
                    None => Ok(()),
                },
                Step::Merge(a, c) => match (pick(a), pick(c)) {
                    (Some(a), Some(c)) => board::merge_notes(&mut r.db, a, c, now).map(|_| ()),
                    _ => Ok(()),
                },
                Step::Delete(i) => match pick(i) { Some(id) => board::delete_note(&mut r.db, id, now).map(|_| ()), None => Ok(()) },
                Step::Heading(q, t) => {
                    // The new heading gathers the plain notes of its quadrant, in one edit.
                    let gathered: Vec<_> = notes.iter().filter(|n| n.quadrant == Quadrant::ALL[q] && !n.is_heading).map(|n| n.id).collect();
                    board::add_heading(&mut r.db, b.id, Quadrant::ALL[q], &t, &gathered, now).map(|_| ())
                }
                Step::Group(a, h) => match (pick(a), pick(h)) {
                    (Some(a), Some(h)) => board::set_heading(&mut r.db, a, Some(h), now).map(|_| ()),
                    _ => Ok(()),
                },
                Step::Assign(p, g) => groups::assign(&mut r.db, grouping.id, r.people[p], g.map(|g| grouping.groups[g].id), now).map(|_| ()),
                // Undo within the scenario, not the setting up before it.
                Step::Undo if count(&r.db, "SELECT count(*) FROM edit WHERE state = 'done'") > baseline_edits => {
                    edit::undo(&mut r.db, r.workshop, now).map(|_| ())
                }
                Step::Undo => Ok(()),
                Step::Redo => edit::redo(&mut r.db, r.workshop, now).map(|_| ()),
            };
        }
        while count(&r.db, "SELECT count(*) FROM edit WHERE state = 'done'") > baseline_edits {
            edit::undo(&mut r.db, r.workshop, r.clock.tick()).unwrap().unwrap();
        }
        prop_assert_eq!(snapshot(&r.db), original);
    }
}

#[test]
fn the_histories_of_a_note_and_an_action_show_their_links() {
    use workshop_core::plans::{self, ActionInput, PlanInput, Scope, Status};
    let mut r = room();
    let b = board::create(
        &mut r.db,
        r.workshop,
        &BoardInput {
            question: "Fair recruitment".into(),
            ..Default::default()
        },
        r.clock.tick(),
    )
    .unwrap();
    let note = board::add_note(
        &mut r.db,
        b.id,
        Quadrant::Threats,
        "Recruitment fees charged to workers",
        RaisedBy::default(),
        r.clock.tick(),
    )
    .unwrap();
    let plan = plans::create_plan(
        &mut r.db,
        r.workshop,
        &PlanInput {
            scope: Scope::Regional,
            country: None,
            organisation: String::new(),
            title: "Regional plan".into(),
            group_id: None,
        },
        r.clock.tick(),
    )
    .unwrap();
    let input = ActionInput {
        description: "Monitor recruitment agencies".into(),
        responsible: "GEFONT".into(),
        partners: String::new(),
        start_date: None,
        due_date: None,
        status: Status::Planned,
        resources: String::new(),
        indicator: String::new(),
        baseline: String::new(),
        target: String::new(),
        themes: vec![],
    };
    let action = plans::add_action(&mut r.db, plan.id, &input, &[note.id], r.clock.tick()).unwrap();
    plans::unlink(&mut r.db, action.id, note.id, r.clock.tick()).unwrap();

    let of_action: Vec<(String, String)> = plans::history(r.db.conn(), action.id)
        .unwrap()
        .into_iter()
        .map(|e| (e.entity, e.op))
        .collect();
    let expected = [
        ("action".to_owned(), "create".to_owned()),
        ("action_note".to_owned(), "create".to_owned()),
        ("action_note".to_owned(), "delete".to_owned()),
    ];
    assert_eq!(of_action, expected);
    let of_note: Vec<String> = board::note_history(r.db.conn(), note.id)
        .unwrap()
        .into_iter()
        .map(|e| format!("{} {}", e.entity, e.op))
        .collect();
    assert_eq!(
        of_note,
        ["note create", "action_note create", "action_note delete"]
    );
}
