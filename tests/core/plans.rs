//! Action plans: what a plan and an action need, their order and moves, the links between
//! actions and the SWOT notes they answer (both ways), the roll-up of the closing plenary, the
//! theme list, and undo and redo of all of it.

use crate::fixtures::{Clock, count, kathmandu, kathmandu_input};
use uuid::Uuid;
use workshop_core::plans::{self, ActionInput, Plan, PlanInput, Scope, Status};
use workshop_core::workshop;
use workshop_core::{Database, edit, ids, time};

/// A board of the workshop, written directly: the board module has its own tests.
fn board(db: &Database, clock: &Clock, workshop_id: Uuid, question: &str) -> Uuid {
    let id = ids::new_id(clock.tick());
    let stamp = time::timestamp(clock.tick());
    db.conn()
        .execute(
            "INSERT INTO board (id, workshop_id, question, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, (SELECT count(*) + 1 FROM board), ?4, ?4)",
            rusqlite::params![id.to_string(), workshop_id.to_string(), question, stamp],
        )
        .unwrap();
    id
}

/// A note on a board, written directly.
fn note(db: &Database, clock: &Clock, board_id: Uuid, quadrant: &str, text: &str) -> Uuid {
    let id = ids::new_id(clock.tick());
    let stamp = time::timestamp(clock.tick());
    db.conn()
        .execute(
            "INSERT INTO note (id, workshop_id, board_id, quadrant, text, position, votes,
                               created_at, updated_at)
             SELECT ?1, workshop_id, id, ?2, ?3, (SELECT count(*) + 1 FROM note), 2, ?4, ?4
             FROM board WHERE id = ?5",
            rusqlite::params![id.to_string(), quadrant, text, stamp, board_id.to_string()],
        )
        .unwrap();
    id
}

/// A working group of the workshop, written directly.
fn group(db: &Database, clock: &Clock, workshop_id: Uuid, name: &str) -> Uuid {
    let grouping = ids::new_id(clock.tick());
    let id = ids::new_id(clock.tick());
    let stamp = time::timestamp(clock.tick());
    let conn = db.conn();
    conn.execute(
        "INSERT INTO grouping (id, workshop_id, name, position, created_at, updated_at)
         VALUES (?1, ?2, 'By sub-region', 1, ?3, ?3)",
        rusqlite::params![grouping.to_string(), workshop_id.to_string(), stamp],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO work_group (id, workshop_id, grouping_id, name, position, created_at,
                                 updated_at)
         VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5)",
        rusqlite::params![
            id.to_string(),
            workshop_id.to_string(),
            grouping.to_string(),
            name,
            stamp
        ],
    )
    .unwrap();
    id
}

fn open() -> (Clock, Database, Uuid) {
    let clock = Clock::new();
    let mut db = Database::open_in_memory(clock.tick()).unwrap();
    let workshop = kathmandu(&mut db, &clock);
    (clock, db, workshop.id)
}

fn national(country: &str, title: &str) -> PlanInput {
    PlanInput {
        scope: Scope::National,
        country: Some(country.into()),
        title: title.into(),
        ..Default::default()
    }
}

fn regional(title: &str) -> PlanInput {
    PlanInput {
        scope: Scope::Regional,
        title: title.into(),
        ..Default::default()
    }
}

fn action(description: &str) -> ActionInput {
    ActionInput {
        description: description.into(),
        responsible: "GEFONT women's committee".into(),
        ..Default::default()
    }
}

fn descriptions(plan: &Plan) -> Vec<&str> {
    plan.actions
        .iter()
        .map(|a| a.description.as_str())
        .collect()
}

/// The list as the screen shows it, without the times of the last change (an undo changes
/// them, and that is right).
fn without_times(mut plans: Vec<Plan>) -> Vec<Plan> {
    for plan in &mut plans {
        plan.updated_at.clear();
        for action in &mut plan.actions {
            action.updated_at.clear();
        }
    }
    plans
}

fn live_links(db: &Database) -> i64 {
    count(
        db,
        "SELECT count(*) FROM action_note WHERE deleted_at IS NULL",
    )
}

#[test]
fn an_action_needs_a_description_someone_responsible_and_dates_in_order() {
    let (clock, mut db, workshop_id) = open();
    let plan =
        plans::create_plan(&mut db, workshop_id, &national("NP", "Nepal"), clock.tick()).unwrap();
    let refused = |db: &mut Database, input: ActionInput| {
        plans::add_action(db, plan.id, &input, &[], clock.tick()).unwrap_err()
    };

    let error = refused(&mut db, action("  \n "));
    assert_eq!(
        (error.code(), error.field()),
        ("required", Some("description"))
    );
    let error = refused(
        &mut db,
        ActionInput {
            responsible: " ".into(),
            ..action("Map recruitment agencies")
        },
    );
    assert_eq!(
        (error.code(), error.field()),
        ("required", Some("responsible"))
    );
    let error = refused(
        &mut db,
        ActionInput {
            start_date: Some("2018-09-01".into()),
            due_date: Some("2018-06-30".into()),
            ..action("Map recruitment agencies")
        },
    );
    assert_eq!(
        (error.code(), error.field()),
        ("date_order", Some("dueDate"))
    );
    assert!(
        error.to_string().contains("before the start date"),
        "{error}"
    );
    for (start, due, field) in [
        ("2018-02-30", "", "startDate"),
        ("", "next week", "dueDate"),
        ("30/06/2018", "", "startDate"),
    ] {
        let error = refused(
            &mut db,
            ActionInput {
                start_date: Some(start.into()),
                due_date: Some(due.into()),
                ..action("Map recruitment agencies")
            },
        );
        assert_eq!(
            (error.code(), error.field()),
            ("invalid_date", Some(field)),
            "{start:?} {due:?}"
        );
    }
    let error = refused(
        &mut db,
        ActionInput {
            themes: vec!["x".repeat(81)],
            ..action("Map recruitment agencies")
        },
    );
    assert_eq!((error.code(), error.field()), ("too_long", Some("themes")));
    assert_eq!(count(&db, "SELECT count(*) FROM action"), 0);
    assert_eq!(
        edit::state(&db, workshop_id).unwrap().undo.as_deref(),
        Some("plan.create"),
        "a refused action is not an edit"
    );

    // Multi-line descriptions, blank dates, and themes trimmed, each once, suggested ones as
    // suggested.
    let made = plans::add_action(
        &mut db,
        plan.id,
        &ActionInput {
            start_date: Some(" ".into()),
            due_date: Some("2018-12-31".into()),
            themes: vec![
                "  Youth ".into(),
                "youth".into(),
                String::new(),
                "Domestic workers".into(),
                "domestic WORKERS".into(),
            ],
            ..action("Map recruitment agencies\nin Kathmandu and Birgunj")
        },
        &[],
        clock.tick(),
    )
    .unwrap();
    assert_eq!(
        made.description,
        "Map recruitment agencies\nin Kathmandu and Birgunj"
    );
    assert_eq!(made.start_date, None);
    assert_eq!(made.due_date.as_deref(), Some("2018-12-31"));
    assert_eq!(made.status, Status::Planned);
    assert_eq!(made.themes, ["youth", "Domestic workers"]);
}

#[test]
fn a_plan_needs_a_title_and_what_its_scope_requires() {
    let (clock, mut db, workshop_id) = open();
    let refused = |db: &mut Database, input: PlanInput| {
        plans::create_plan(db, workshop_id, &input, clock.tick()).unwrap_err()
    };
    let error = refused(&mut db, national("NP", "  "));
    assert_eq!((error.code(), error.field()), ("required", Some("title")));
    let error = refused(
        &mut db,
        PlanInput {
            country: None,
            ..national("NP", "Nepal")
        },
    );
    assert_eq!((error.code(), error.field()), ("required", Some("country")));
    let error = refused(&mut db, national("Atlantis", "Atlantis"));
    assert_eq!(
        (error.code(), error.field()),
        ("unknown_country", Some("country"))
    );
    let error = refused(
        &mut db,
        PlanInput {
            scope: Scope::Organisational,
            organisation: " ".into(),
            ..regional("Our union")
        },
    );
    assert_eq!(
        (error.code(), error.field()),
        ("required", Some("organisation"))
    );
    let error = refused(
        &mut db,
        PlanInput {
            group_id: Some(Uuid::nil()),
            ..regional("South Asia")
        },
    );
    assert_eq!(error.code(), "not_found");
    let other = workshop::create(&mut db, &kathmandu_input(), clock.tick()).unwrap();
    let elsewhere = group(&db, &clock, other.id, "Mekong");
    let error = refused(
        &mut db,
        PlanInput {
            group_id: Some(elsewhere),
            ..regional("South Asia")
        },
    );
    assert_eq!(error.code(), "not_found", "a group of another workshop");
    assert_eq!(
        plans::create_plan(&mut db, Uuid::nil(), &regional("South Asia"), clock.tick())
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM action_plan"), 0);

    let south_asia = group(&db, &clock, workshop_id, "South Asia");
    let plan = plans::create_plan(
        &mut db,
        workshop_id,
        &PlanInput {
            group_id: Some(south_asia),
            ..national("Nepal", "Nepal: fair recruitment")
        },
        clock.tick(),
    )
    .unwrap();
    assert_eq!(plan.country.as_deref(), Some("NP"), "stored as the code");
    assert_eq!(plan.group_name.as_deref(), Some("South Asia"));
    assert_eq!(plan.scope, Scope::National);
    assert_eq!(plans::get(db.conn(), plan.id).unwrap(), plan);

    let error = plans::update_plan(
        &mut db,
        plan.id,
        &PlanInput {
            country: None,
            ..national("NP", "Nepal")
        },
        clock.tick(),
    )
    .unwrap_err();
    assert_eq!((error.code(), error.field()), ("required", Some("country")));
    let union = plans::update_plan(
        &mut db,
        plan.id,
        &PlanInput {
            scope: Scope::Organisational,
            organisation: "GEFONT".into(),
            ..national("NP", "GEFONT's plan")
        },
        clock.tick(),
    )
    .unwrap();
    assert_eq!(union.scope, Scope::Organisational);
    assert_eq!(union.organisation, "GEFONT");
    assert_eq!(union.group_id, None);

    // What crosses to the UI, and back.
    let json = serde_json::to_value(&union).unwrap();
    assert_eq!(json["scope"], "organisational");
    assert!(json.get("workshopId").is_some() && json.get("groupName").is_some());
    let input: PlanInput = serde_json::from_value(serde_json::json!({
        "scope": "national", "country": "Bangladesh", "title": "Bangladesh", "groupId": null
    }))
    .unwrap();
    assert_eq!(input.scope, Scope::National);
    let input: ActionInput = serde_json::from_value(serde_json::json!({
        "description": "x", "responsible": "y", "status": "in_progress", "dueDate": "2018-07-01"
    }))
    .unwrap();
    assert_eq!(input.status, Status::InProgress);
    assert_eq!(input.due_date.as_deref(), Some("2018-07-01"));
}

#[test]
fn plans_and_actions_keep_their_order_and_actions_move_between_plans() {
    let (clock, mut db, workshop_id) = open();
    let nepal =
        plans::create_plan(&mut db, workshop_id, &national("NP", "Nepal"), clock.tick()).unwrap();
    let region =
        plans::create_plan(&mut db, workshop_id, &regional("South Asia"), clock.tick()).unwrap();
    let mut made = Vec::new();
    for description in ["Survey", "Campaign", "Helpdesk"] {
        made.push(
            plans::add_action(&mut db, nepal.id, &action(description), &[], clock.tick()).unwrap(),
        );
    }
    let [survey, campaign, helpdesk] = [made[0].id, made[1].id, made[2].id];
    let list = plans::list(db.conn(), workshop_id).unwrap();
    assert_eq!(
        list.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(),
        ["Nepal", "South Asia"]
    );
    assert_eq!(descriptions(&list[0]), ["Survey", "Campaign", "Helpdesk"]);

    plans::move_action(&mut db, helpdesk, nepal.id, Some(survey), clock.tick()).unwrap();
    let list = plans::list(db.conn(), workshop_id).unwrap();
    assert_eq!(descriptions(&list[0]), ["Helpdesk", "Survey", "Campaign"]);
    plans::move_action(&mut db, helpdesk, nepal.id, Some(campaign), clock.tick()).unwrap();
    let list = plans::list(db.conn(), workshop_id).unwrap();
    assert_eq!(descriptions(&list[0]), ["Survey", "Helpdesk", "Campaign"]);

    // To where it already is: nothing to undo.
    let edits = count(&db, "SELECT count(*) FROM edit");
    plans::move_action(&mut db, helpdesk, nepal.id, Some(campaign), clock.tick()).unwrap();
    plans::move_action(&mut db, campaign, nepal.id, None, clock.tick()).unwrap();
    assert_eq!(count(&db, "SELECT count(*) FROM edit"), edits);

    plans::move_action(&mut db, campaign, region.id, None, clock.tick()).unwrap();
    plans::move_action(&mut db, survey, region.id, Some(campaign), clock.tick()).unwrap();
    let list = plans::list(db.conn(), workshop_id).unwrap();
    assert_eq!(descriptions(&list[0]), ["Helpdesk"]);
    assert_eq!(descriptions(&list[1]), ["Survey", "Campaign"]);
    assert!(list[1].actions.iter().all(|a| a.plan_id == region.id));
    assert_eq!(
        edit::state(&db, workshop_id).unwrap().undo.as_deref(),
        Some("action.move")
    );
    edit::undo(&mut db, workshop_id, clock.tick()).unwrap();
    let list = plans::list(db.conn(), workshop_id).unwrap();
    assert_eq!(descriptions(&list[0]), ["Survey", "Helpdesk"]);
    assert_eq!(descriptions(&list[1]), ["Campaign"]);

    // Not before an action of another plan, nor into another workshop's plan.
    assert_eq!(
        plans::move_action(&mut db, helpdesk, region.id, Some(survey), clock.tick())
            .unwrap_err()
            .code(),
        "not_found"
    );
    let other = workshop::create(&mut db, &kathmandu_input(), clock.tick()).unwrap();
    let foreign = plans::create_plan(&mut db, other.id, &regional("Mekong"), clock.tick()).unwrap();
    assert_eq!(
        plans::move_action(&mut db, helpdesk, foreign.id, None, clock.tick())
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert!(
        plans::list(db.conn(), other.id).unwrap()[0]
            .actions
            .is_empty()
    );
}

#[test]
fn actions_and_notes_are_linked_both_ways() {
    let (clock, mut db, workshop_id) = open();
    let board_id = board(&db, &clock, workshop_id, "Labour migration in South Asia");
    let agencies = note(
        &db,
        &clock,
        board_id,
        "threats",
        "Unlicensed recruitment agencies",
    );
    let diaspora = note(
        &db,
        &clock,
        board_id,
        "opportunities",
        "Diaspora associations",
    );
    let plan =
        plans::create_plan(&mut db, workshop_id, &national("NP", "Nepal"), clock.tick()).unwrap();

    // "Create an action from this note".
    let survey = plans::add_action(
        &mut db,
        plan.id,
        &action("Map recruitment agencies"),
        &[agencies],
        clock.tick(),
    )
    .unwrap();
    assert_eq!(survey.notes.len(), 1);
    let linked = &survey.notes[0];
    assert_eq!(linked.note_id, agencies);
    assert_eq!(linked.board_id, board_id);
    assert_eq!(linked.question, "Labour migration in South Asia");
    assert_eq!(linked.quadrant, "threats");
    assert_eq!(linked.text, "Unlicensed recruitment agencies");
    assert_eq!(linked.votes, 2);

    let survey = plans::link(&mut db, survey.id, diaspora, clock.tick()).unwrap();
    assert_eq!(
        survey.notes.iter().map(|n| n.note_id).collect::<Vec<_>>(),
        [agencies, diaspora],
        "in the order they were linked"
    );
    let edits = count(&db, "SELECT count(*) FROM edit");
    let again = plans::link(&mut db, survey.id, diaspora, clock.tick()).unwrap();
    assert_eq!(again, survey, "linking twice changes nothing");
    assert_eq!(
        count(&db, "SELECT count(*) FROM edit"),
        edits,
        "and is no edit"
    );

    let campaign = plans::add_action(
        &mut db,
        plan.id,
        &ActionInput {
            status: Status::InProgress,
            ..action("Campaign for licensing")
        },
        &[agencies, agencies],
        clock.tick(),
    )
    .unwrap();
    assert_eq!(campaign.notes.len(), 1, "one link per note");
    let answers = plans::actions_of_note(db.conn(), agencies).unwrap();
    assert_eq!(
        answers.iter().map(|a| a.action_id).collect::<Vec<_>>(),
        [survey.id, campaign.id]
    );
    assert_eq!(answers[1].plan_id, plan.id);
    assert_eq!(answers[1].plan_title, "Nepal");
    assert_eq!(answers[1].description, "Campaign for licensing");
    assert_eq!(answers[1].status, Status::InProgress);

    let survey = plans::unlink(&mut db, survey.id, agencies, clock.tick()).unwrap();
    assert_eq!(
        survey.notes.iter().map(|n| n.note_id).collect::<Vec<_>>(),
        [diaspora]
    );
    assert_eq!(
        plans::actions_of_note(db.conn(), agencies)
            .unwrap()
            .iter()
            .map(|a| a.action_id)
            .collect::<Vec<_>>(),
        [campaign.id]
    );
    // Unlinking what is not linked is no edit either; linking again brings the same link back.
    let edits = count(&db, "SELECT count(*) FROM edit");
    plans::unlink(&mut db, survey.id, agencies, clock.tick()).unwrap();
    assert_eq!(count(&db, "SELECT count(*) FROM edit"), edits);
    let survey = plans::link(&mut db, survey.id, agencies, clock.tick()).unwrap();
    assert_eq!(survey.notes.len(), 2);
    assert_eq!(count(&db, "SELECT count(*) FROM action_note"), 3);

    // A deleted note disappears from the action, and can no longer be linked.
    db.conn()
        .execute(
            "UPDATE note SET deleted_at = '2018-05-15T10:00:00.000Z' WHERE id = ?1",
            [diaspora.to_string()],
        )
        .unwrap();
    let survey = plans::get(db.conn(), plan.id).unwrap().actions[0].clone();
    assert_eq!(
        survey.notes.iter().map(|n| n.note_id).collect::<Vec<_>>(),
        [agencies]
    );
    assert_eq!(
        plans::link(&mut db, campaign.id, diaspora, clock.tick())
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(
        plans::actions_of_note(db.conn(), diaspora)
            .unwrap_err()
            .code(),
        "not_found"
    );

    // Deleting an action takes its links.
    plans::delete_action(&mut db, campaign.id, clock.tick()).unwrap();
    assert_eq!(
        plans::actions_of_note(db.conn(), agencies)
            .unwrap()
            .iter()
            .map(|a| a.action_id)
            .collect::<Vec<_>>(),
        [survey.id]
    );
    assert_eq!(
        count(
            &db,
            &format!(
                "SELECT count(*) FROM action_note WHERE action_id = '{}' AND deleted_at IS NULL",
                campaign.id
            )
        ),
        0
    );
    for error in [
        plans::update_action(&mut db, campaign.id, &action("x"), clock.tick()).unwrap_err(),
        plans::link(&mut db, campaign.id, agencies, clock.tick()).unwrap_err(),
        plans::delete_action(&mut db, campaign.id, clock.tick()).unwrap_err(),
    ] {
        assert_eq!(error.code(), "not_found", "a deleted action: {error}");
    }
}

#[test]
fn a_note_of_another_workshop_is_refused_and_nothing_is_written() {
    let (clock, mut db, workshop_id) = open();
    let plan =
        plans::create_plan(&mut db, workshop_id, &national("NP", "Nepal"), clock.tick()).unwrap();
    let own = note(
        &db,
        &clock,
        board(&db, &clock, workshop_id, "Migration"),
        "strengths",
        "Migrant resource centres",
    );
    let other = workshop::create(&mut db, &kathmandu_input(), clock.tick()).unwrap();
    let foreign = note(
        &db,
        &clock,
        board(&db, &clock, other.id, "Migration"),
        "threats",
        "Wage theft",
    );
    let log = count(&db, "SELECT count(*) FROM change_log");
    let state = edit::state(&db, workshop_id).unwrap();

    let error = plans::add_action(
        &mut db,
        plan.id,
        &action("Map recruitment agencies"),
        &[own, foreign],
        clock.tick(),
    )
    .unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert!(error.to_string().contains(&foreign.to_string()), "{error}");
    assert_eq!(count(&db, "SELECT count(*) FROM action"), 0);
    assert_eq!(count(&db, "SELECT count(*) FROM action_note"), 0);
    assert_eq!(count(&db, "SELECT count(*) FROM change_log"), log);
    assert_eq!(edit::state(&db, workshop_id).unwrap(), state);

    let made = plans::add_action(
        &mut db,
        plan.id,
        &action("Map recruitment agencies"),
        &[own],
        clock.tick(),
    )
    .unwrap();
    assert_eq!(
        plans::link(&mut db, made.id, foreign, clock.tick())
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(live_links(&db), 1);
}

#[test]
fn deleting_a_plan_takes_its_actions_and_links_with_it() {
    let (clock, mut db, workshop_id) = open();
    let board_id = board(&db, &clock, workshop_id, "Migration");
    let agencies = note(&db, &clock, board_id, "threats", "Unlicensed agencies");
    let nepal =
        plans::create_plan(&mut db, workshop_id, &national("NP", "Nepal"), clock.tick()).unwrap();
    let region =
        plans::create_plan(&mut db, workshop_id, &regional("South Asia"), clock.tick()).unwrap();
    let survey = plans::add_action(
        &mut db,
        nepal.id,
        &ActionInput {
            themes: vec!["fair recruitment".into()],
            ..action("Map agencies")
        },
        &[agencies],
        clock.tick(),
    )
    .unwrap();
    plans::add_action(
        &mut db,
        nepal.id,
        &action("Campaign"),
        &[agencies],
        clock.tick(),
    )
    .unwrap();
    plans::add_action(
        &mut db,
        region.id,
        &action("Joint statement"),
        &[],
        clock.tick(),
    )
    .unwrap();

    plans::delete_plan(&mut db, nepal.id, clock.tick()).unwrap();
    let list = plans::list(db.conn(), workshop_id).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, region.id);
    assert_eq!(
        plans::get(db.conn(), nepal.id).unwrap_err().code(),
        "not_found"
    );
    assert!(
        plans::actions_of_note(db.conn(), agencies)
            .unwrap()
            .is_empty()
    );
    assert_eq!(live_links(&db), 0);
    assert_eq!(
        count(&db, "SELECT count(*) FROM action WHERE deleted_at IS NULL"),
        1
    );
    let rollup = plans::rollup(db.conn(), workshop_id).unwrap();
    assert!(rollup.national.is_empty());
    assert_eq!(rollup.by_status[0].count, 1, "{:?}", rollup.by_status);
    assert!(rollup.by_theme.is_empty());
    assert_eq!(
        plans::themes(db.conn(), workshop_id).unwrap().len(),
        plans::SUGGESTED_THEMES.len()
    );
    for error in [
        plans::update_action(&mut db, survey.id, &action("x"), clock.tick()).unwrap_err(),
        plans::add_action(&mut db, nepal.id, &action("x"), &[], clock.tick()).unwrap_err(),
        plans::update_plan(&mut db, nepal.id, &national("NP", "x"), clock.tick()).unwrap_err(),
        plans::delete_plan(&mut db, nepal.id, clock.tick()).unwrap_err(),
        plans::move_action(&mut db, survey.id, region.id, None, clock.tick()).unwrap_err(),
    ] {
        assert_eq!(error.code(), "not_found", "{error}");
    }
}

#[test]
fn the_rollup_counts_by_status_theme_and_due_month_and_groups_countries() {
    let (clock, mut db, workshop_id) = open();
    let plan = |db: &mut Database, input: PlanInput| {
        plans::create_plan(db, workshop_id, &input, clock.tick())
            .unwrap()
            .id
    };
    let nepal = plan(&mut db, national("NP", "Nepal: recruitment"));
    let region = plan(&mut db, regional("South Asia"));
    let bangladesh = plan(&mut db, national("BD", "Bangladesh"));
    let nepal_too = plan(&mut db, national("Nepal", "Nepal: social protection"));
    let union = plan(
        &mut db,
        PlanInput {
            scope: Scope::Organisational,
            organisation: "GEFONT".into(),
            ..regional("GEFONT")
        },
    );
    let add = |db: &mut Database, plan_id: Uuid, status: Status, due: &str, themes: &[&str]| {
        plans::add_action(
            db,
            plan_id,
            &ActionInput {
                status,
                due_date: Some(due.into()),
                themes: themes.iter().map(|t| (*t).to_string()).collect(),
                ..action("An action")
            },
            &[],
            clock.tick(),
        )
        .unwrap()
    };
    add(
        &mut db,
        nepal,
        Status::Planned,
        "2018-09-30",
        &["fair recruitment", "youth"],
    );
    add(
        &mut db,
        nepal,
        Status::InProgress,
        "2018-07-15",
        &["fair recruitment"],
    );
    add(
        &mut db,
        nepal_too,
        Status::Planned,
        "",
        &["social protection"],
    );
    add(
        &mut db,
        bangladesh,
        Status::Done,
        "2018-07-01",
        &["fair recruitment"],
    );
    add(
        &mut db,
        region,
        Status::Planned,
        "2019-01-31",
        &["youth", "Domestic workers"],
    );
    add(&mut db, union, Status::InProgress, "", &[]);
    let gone = add(
        &mut db,
        region,
        Status::Dropped,
        "2018-08-01",
        &["informal economy"],
    );
    plans::delete_action(&mut db, gone.id, clock.tick()).unwrap();

    let rollup = plans::rollup(db.conn(), workshop_id).unwrap();
    let counts = |counts: &[plans::Count]| -> Vec<(String, u32)> {
        counts.iter().map(|c| (c.key.clone(), c.count)).collect()
    };
    let pairs = |pairs: &[(&str, u32)]| -> Vec<(String, u32)> {
        pairs.iter().map(|(k, c)| ((*k).to_string(), *c)).collect()
    };
    assert_eq!(
        counts(&rollup.by_status),
        pairs(&[
            ("planned", 3),
            ("in_progress", 2),
            ("done", 1),
            ("dropped", 0)
        ])
    );
    assert_eq!(
        counts(&rollup.by_theme),
        pairs(&[
            ("fair recruitment", 3),
            ("youth", 2),
            ("Domestic workers", 1),
            ("social protection", 1),
        ])
    );
    assert_eq!(
        counts(&rollup.by_due_month),
        pairs(&[("2018-07", 2), ("2018-09", 1), ("2019-01", 1), ("none", 2)])
    );

    let countries: Vec<&str> = rollup.national.iter().map(|c| c.country.as_str()).collect();
    assert_eq!(countries, ["BD", "NP"], "by country code");
    let np = &rollup.national[1];
    assert_eq!(
        np.plans.iter().map(|p| p.id).collect::<Vec<_>>(),
        [nepal, nepal_too]
    );
    assert_eq!(
        counts(&np.themes),
        pairs(&[
            ("fair recruitment", 2),
            ("social protection", 1),
            ("youth", 1)
        ])
    );
    assert_eq!(
        rollup.regional.iter().map(|p| p.id).collect::<Vec<_>>(),
        [region]
    );
    assert_eq!(
        rollup.regional[0].actions.len(),
        1,
        "the deleted action is left out"
    );
    assert_eq!(
        rollup
            .organisational
            .iter()
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        [union]
    );
    let json = serde_json::to_value(&rollup).unwrap();
    assert_eq!(json["byStatus"][1]["key"], "in_progress");
    assert!(json.get("byDueMonth").is_some() && json.get("byTheme").is_some());

    // An empty workshop still lists every status.
    let other = workshop::create(&mut db, &kathmandu_input(), clock.tick()).unwrap();
    let empty = plans::rollup(db.conn(), other.id).unwrap();
    assert_eq!(empty.by_status.len(), 4);
    assert!(empty.by_status.iter().all(|c| c.count == 0));
    assert!(empty.by_due_month.is_empty() && empty.national.is_empty());
}

#[test]
fn the_themes_are_the_suggested_ones_then_those_used() {
    let (clock, mut db, workshop_id) = open();
    let suggested: Vec<String> = plans::SUGGESTED_THEMES
        .iter()
        .map(|t| (*t).to_string())
        .collect();
    assert_eq!(plans::themes(db.conn(), workshop_id).unwrap(), suggested);

    let plan =
        plans::create_plan(&mut db, workshop_id, &national("NP", "Nepal"), clock.tick()).unwrap();
    for themes in [
        vec!["Platform work", "youth"],
        vec!["domestic workers", "Platform work"],
        vec!["Social Dialogue", "care work"],
    ] {
        plans::add_action(
            &mut db,
            plan.id,
            &ActionInput {
                themes: themes.into_iter().map(String::from).collect(),
                ..action("An action")
            },
            &[],
            clock.tick(),
        )
        .unwrap();
    }
    let gone = plans::add_action(
        &mut db,
        plan.id,
        &ActionInput {
            themes: vec!["abandoned idea".into()],
            ..action("Dropped")
        },
        &[],
        clock.tick(),
    )
    .unwrap();
    plans::delete_action(&mut db, gone.id, clock.tick()).unwrap();

    let themes = plans::themes(db.conn(), workshop_id).unwrap();
    assert_eq!(themes[..11], suggested[..]);
    assert_eq!(
        themes[11..],
        ["care work", "domestic workers", "Platform work"]
    );
    // Another workshop's tags are its own.
    let other = workshop::create(&mut db, &kathmandu_input(), clock.tick()).unwrap();
    assert_eq!(plans::themes(db.conn(), other.id).unwrap(), suggested);
}

#[test]
fn undo_and_redo_take_an_action_and_its_link_together() {
    let (clock, mut db, workshop_id) = open();
    let agencies = note(
        &db,
        &clock,
        board(&db, &clock, workshop_id, "Migration"),
        "threats",
        "Unlicensed agencies",
    );
    let plan =
        plans::create_plan(&mut db, workshop_id, &national("NP", "Nepal"), clock.tick()).unwrap();
    let made = plans::add_action(
        &mut db,
        plan.id,
        &action("Map agencies"),
        &[agencies],
        clock.tick(),
    )
    .unwrap();
    let state = edit::state(&db, workshop_id).unwrap();
    assert_eq!(state.undo.as_deref(), Some("action.create"));

    let step = edit::undo(&mut db, workshop_id, clock.tick())
        .unwrap()
        .unwrap();
    assert_eq!(step.label, "action.create");
    assert!(plans::get(db.conn(), plan.id).unwrap().actions.is_empty());
    assert_eq!(live_links(&db), 0);
    assert!(
        plans::actions_of_note(db.conn(), agencies)
            .unwrap()
            .is_empty()
    );
    assert_eq!(step.state.redo.as_deref(), Some("action.create"));
    assert_eq!(step.state.undo.as_deref(), Some("plan.create"));

    edit::redo(&mut db, workshop_id, clock.tick())
        .unwrap()
        .unwrap();
    let back = plans::get(db.conn(), plan.id).unwrap();
    assert_eq!(back.actions.len(), 1);
    assert_eq!(back.actions[0].id, made.id);
    assert_eq!(back.actions[0].notes, made.notes);
    assert_eq!(
        plans::actions_of_note(db.conn(), agencies).unwrap()[0].action_id,
        made.id
    );

    // Undo of a link and of an unlink.
    let diaspora = note(
        &db,
        &clock,
        board(&db, &clock, workshop_id, "Organising"),
        "opportunities",
        "Diaspora",
    );
    plans::link(&mut db, made.id, diaspora, clock.tick()).unwrap();
    plans::unlink(&mut db, made.id, agencies, clock.tick()).unwrap();
    edit::undo(&mut db, workshop_id, clock.tick()).unwrap();
    assert_eq!(
        plans::get(db.conn(), plan.id).unwrap().actions[0]
            .notes
            .len(),
        2
    );
    edit::undo(&mut db, workshop_id, clock.tick()).unwrap();
    let notes = &plans::get(db.conn(), plan.id).unwrap().actions[0].notes;
    assert_eq!(
        notes.iter().map(|n| n.note_id).collect::<Vec<_>>(),
        [agencies]
    );
}

#[test]
fn undo_of_an_action_update_restores_every_field() {
    let (clock, mut db, workshop_id) = open();
    let plan =
        plans::create_plan(&mut db, workshop_id, &national("NP", "Nepal"), clock.tick()).unwrap();
    let before = ActionInput {
        description: "Map recruitment agencies".into(),
        responsible: "GEFONT".into(),
        partners: "Pourakhi".into(),
        start_date: Some("2018-06-01".into()),
        due_date: Some("2018-09-30".into()),
        status: Status::Planned,
        resources: "Two volunteers".into(),
        indicator: "Agencies mapped".into(),
        baseline: "0".into(),
        target: "120".into(),
        themes: vec!["fair recruitment".into()],
    };
    let made = plans::add_action(&mut db, plan.id, &before, &[], clock.tick()).unwrap();
    let after = ActionInput {
        description: "Map and rate recruitment agencies\nwith returnees".into(),
        responsible: "NTUC".into(),
        partners: "".into(),
        start_date: None,
        due_date: Some("2019-03-31".into()),
        status: Status::InProgress,
        resources: "ITUC-AP grant".into(),
        indicator: "Agencies rated".into(),
        baseline: "12".into(),
        target: "200".into(),
        themes: vec!["youth".into(), "Returnees".into()],
    };
    let changed = plans::update_action(&mut db, made.id, &after, clock.tick()).unwrap();
    assert_eq!(changed.responsible, "NTUC");
    assert_eq!(changed.start_date, None);
    assert_eq!(changed.themes, ["youth", "Returnees"]);
    assert_eq!(
        edit::state(&db, workshop_id).unwrap().undo.as_deref(),
        Some("action.update")
    );

    edit::undo(&mut db, workshop_id, clock.tick()).unwrap();
    let restored = plans::get(db.conn(), plan.id).unwrap().actions[0].clone();
    assert_eq!(
        plans::Action {
            updated_at: made.updated_at.clone(),
            ..restored
        },
        made
    );
    edit::redo(&mut db, workshop_id, clock.tick()).unwrap();
    let again = plans::get(db.conn(), plan.id).unwrap().actions[0].clone();
    assert_eq!(
        plans::Action {
            updated_at: changed.updated_at.clone(),
            ..again
        },
        changed
    );
}

#[test]
fn undo_of_a_plan_deletion_brings_back_the_plan_its_actions_and_links() {
    let (clock, mut db, workshop_id) = open();
    let board_id = board(&db, &clock, workshop_id, "Migration");
    let agencies = note(&db, &clock, board_id, "threats", "Unlicensed agencies");
    let diaspora = note(&db, &clock, board_id, "opportunities", "Diaspora");
    let south_asia = group(&db, &clock, workshop_id, "South Asia");
    let nepal = plans::create_plan(
        &mut db,
        workshop_id,
        &PlanInput {
            group_id: Some(south_asia),
            ..national("NP", "Nepal")
        },
        clock.tick(),
    )
    .unwrap();
    plans::create_plan(&mut db, workshop_id, &regional("South Asia"), clock.tick()).unwrap();
    plans::add_action(
        &mut db,
        nepal.id,
        &action("Map agencies"),
        &[agencies, diaspora],
        clock.tick(),
    )
    .unwrap();
    plans::add_action(
        &mut db,
        nepal.id,
        &action("Campaign"),
        &[agencies],
        clock.tick(),
    )
    .unwrap();
    let before = without_times(plans::list(db.conn(), workshop_id).unwrap());

    plans::delete_plan(&mut db, nepal.id, clock.tick()).unwrap();
    assert_eq!(plans::list(db.conn(), workshop_id).unwrap().len(), 1);
    let step = edit::undo(&mut db, workshop_id, clock.tick())
        .unwrap()
        .unwrap();
    assert_eq!(step.label, "plan.delete");
    assert_eq!(
        without_times(plans::list(db.conn(), workshop_id).unwrap()),
        before
    );
    assert_eq!(live_links(&db), 3);
    assert_eq!(
        plans::actions_of_note(db.conn(), agencies).unwrap().len(),
        2
    );

    edit::redo(&mut db, workshop_id, clock.tick()).unwrap();
    assert_eq!(plans::list(db.conn(), workshop_id).unwrap().len(), 1);
    assert_eq!(live_links(&db), 0);
}

#[test]
fn two_thousand_actions_are_all_listed_with_their_links_and_rolled_up() {
    let (clock, mut db, workshop_id) = open();
    let board_id = board(&db, &clock, workshop_id, "Migration");
    let notes: Vec<Uuid> = (0..40)
        .map(|i| note(&db, &clock, board_id, "threats", &format!("Note {i}")))
        .collect();
    let plan_ids: Vec<Uuid> = (0..20)
        .map(|i| {
            plans::create_plan(
                &mut db,
                workshop_id,
                &regional(&format!("Plan {i}")),
                clock.tick(),
            )
            .unwrap()
            .id
        })
        .collect();
    for i in 0..2000 {
        plans::add_action(
            &mut db,
            plan_ids[i % plan_ids.len()],
            &ActionInput {
                due_date: Some(format!("2018-{:02}-15", i % 12 + 1)),
                themes: vec!["youth".into()],
                ..action(&format!("Action {i}"))
            },
            &[notes[i % notes.len()]],
            clock.tick(),
        )
        .unwrap();
    }
    // How fast is for the benchmark (BENCHMARKS.md), not for a test.
    let list = plans::list(db.conn(), workshop_id).unwrap();
    let rollup = plans::rollup(db.conn(), workshop_id).unwrap();
    assert_eq!(list.iter().map(|p| p.actions.len()).sum::<usize>(), 2000);
    assert!(
        list.iter()
            .flat_map(|p| &p.actions)
            .all(|a| a.notes.len() == 1)
    );
    assert_eq!(rollup.by_theme[0].count, 2000);
}

#[test]
fn a_new_plan_and_its_first_action_from_a_note_are_one_edit() {
    let (clock, mut db, workshop_id) = open();
    let board_id = board(&db, &clock, workshop_id, "Migration");
    let agencies = note(&db, &clock, board_id, "threats", "Unlicensed agencies");

    // An action that is refused leaves no empty plan behind.
    let refused = plans::create_plan_with_action(
        &mut db,
        workshop_id,
        &national("NP", "Nepal"),
        &ActionInput {
            responsible: String::new(),
            ..action("Map agencies")
        },
        &[agencies],
        clock.tick(),
    )
    .unwrap_err();
    assert_eq!(refused.field(), Some("responsible"));
    assert!(plans::list(db.conn(), workshop_id).unwrap().is_empty());

    let made = plans::create_plan_with_action(
        &mut db,
        workshop_id,
        &national("NP", "Nepal"),
        &action("Map agencies"),
        &[agencies],
        clock.tick(),
    )
    .unwrap();
    assert_eq!(made.action.plan_id, made.plan.id);
    assert_eq!(
        descriptions(&plans::get(db.conn(), made.plan.id).unwrap()),
        ["Map agencies"]
    );
    let answers = plans::actions_of_note(db.conn(), agencies).unwrap();
    assert_eq!(
        answers.len(),
        1,
        "the note knows the action that answers it"
    );

    let step = edit::undo(&mut db, workshop_id, clock.tick())
        .unwrap()
        .unwrap();
    assert_eq!(step.label, "plan.create");
    assert!(
        plans::list(db.conn(), workshop_id).unwrap().is_empty(),
        "one undo takes both back"
    );
    assert!(
        plans::actions_of_note(db.conn(), agencies)
            .unwrap()
            .is_empty()
    );
    edit::redo(&mut db, workshop_id, clock.tick()).unwrap();
    assert_eq!(
        descriptions(&plans::get(db.conn(), made.plan.id).unwrap()),
        ["Map agencies"]
    );
}
