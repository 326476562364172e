//! Working groups and action plans through the real window: a grouping suggested by sub-region,
//! a participant moved with the keyboard and the move undone with Ctrl+Z; a national plan (its
//! country required), an action (a due date before the start refused on the due date), its status
//! changed in place, a SWOT note linked to it, and the roll-up's counts; a plan of twelve actions
//! showing its first ten, and all of them after "Show all 12 actions" (pressed with the keyboard).

use crate::flows;
use crate::harness::{App, sel};
use fantoccini::actions::{InputSource as _, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::{Value, json};

/// Each group column as `[name, size, women, men]`, left to right (the Unassigned column apart).
async fn columns(app: &App) -> Vec<(String, u64, u64, u64)> {
    let v = app
        .js(
            "return [...document.querySelectorAll('[data-testid=\"group-card\"]')].map(c => {
               const b = c.querySelector('[data-testid=\"group-balance\"]');
               return [c.querySelector('.group-name').textContent, Number(c.dataset.size),
                       Number(b.dataset.women), Number(b.dataset.men)];
             });",
            vec![],
        )
        .await;
    v.as_array()
        .map(|cols| {
            cols.iter()
                .map(|c| {
                    (
                        c[0].as_str().unwrap_or_default().to_owned(),
                        c[1].as_u64().unwrap_or_default(),
                        c[2].as_u64().unwrap_or_default(),
                        c[3].as_u64().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The index of the group column holding a participant (None: not in a group).
async fn column_of(app: &App, participant: &str) -> Option<u64> {
    app.js(
        "const cards = [...document.querySelectorAll('[data-testid=\"group-card\"]')];
         const i = cards.findIndex(c => c.querySelector(`[data-participant=\"${arguments[0]}\"]`));
         return i < 0 ? null : i;",
        vec![json!(participant)],
    )
    .await
    .as_u64()
}

/// Presses Ctrl+key as one chord (down, down, up, up), where the focus is.
async fn ctrl(app: &App, key: char) {
    let control = char::from(Key::Control);
    let actions = KeyActions::new("chord".to_owned())
        .then(KeyAction::Down { value: control })
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key })
        .then(KeyAction::Up { value: control });
    app.client()
        .perform_actions(actions)
        .await
        .expect("press the chord");
}

/// The `data-count` of one row of a roll-up card, 0 when the row is not there.
async fn rollup_count(app: &App, card: &str, key: &str) -> u64 {
    app.js(
        "const r = document.querySelector(`[data-testid=\"${arguments[0]}\"] [data-key=\"${arguments[1]}\"]`);
         return r ? Number(r.dataset.count) : 0;",
        vec![json!(card), json!(key)],
    )
    .await
    .as_u64()
    .unwrap_or_default()
}

#[tokio::test]
async fn working_groups_and_an_action_plan_from_suggestion_to_roll_up() {
    let data = tempfile::tempdir().unwrap();
    flows::seed_demo_before_its_week(data.path());
    let app = App::launch("groups_plans", data.path()).await;
    app.wait_for("participant-list").await;
    app.wait_for_count("participant-row", 18).await;

    // ----- a grouping suggested by sub-region -----
    // The demo comes with its day-2 grouping; a new one is suggested beside it.
    app.click("nav-groups").await;
    app.wait_for_count("grouping-tab", 1).await;
    assert_eq!(app.text("grouping-name").await, "By sub-region (day 2)");
    app.click("groups-new").await;
    app.wait_for("groups-suggest-by").await;
    assert_eq!(app.value("groups-suggest-by").await, "sub_region");
    app.wait_for_count("group-card", 3).await;
    app.screenshot("01-draft").await;
    app.click("grouping-create").await;
    app.wait_gone("grouping-create").await;
    app.wait_for_count("grouping-tab", 2).await;
    app.wait_for_count("group-card", 3).await;
    assert_eq!(app.text("grouping-name").await, "By sub-region");

    // The demo's 18: ten from South-East Asia, six from South Asia, two from the Arab States,
    // largest first, nobody left over; each column shows its size and its women and men.
    let cols = columns(&app).await;
    let sizes: Vec<u64> = cols.iter().map(|c| c.1).collect();
    assert_eq!(sizes, vec![10, 6, 2], "group sizes: {cols:?}");
    assert_eq!(cols[0].0, "South-East Asia", "{cols:?}");
    assert_eq!(cols[1].0, "South Asia", "{cols:?}");
    for (name, size, women, men) in &cols {
        assert!(women + men <= *size, "{name}: {women} + {men} > {size}");
        assert!(women + men > 0, "{name} shows its balance");
    }
    assert_eq!(
        app.all("group-member").await.len(),
        18,
        "everyone is shown once"
    );
    let unassigned = app
        .js(
            "return document.querySelector('[data-testid=\"unassigned\"]').dataset.size;",
            vec![],
        )
        .await;
    assert_eq!(unassigned, "0");
    // In words too, under a bar: the first group's "N women · N men".
    let words = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let balance = app.text("group-balance").await;
    assert!(
        balance.contains(&words(cols[0].2, "woman", "women"))
            && balance.contains(&words(cols[0].3, "man", "men")),
        "the balance in words: {balance:?} for {cols:?}"
    );
    let size_text = app
        .js(
            "return document.querySelector('[data-testid=\"group-card\"] [data-testid=\"group-size\"]').textContent;",
            vec![],
        )
        .await;
    assert_eq!(size_text, "10 people");
    app.screenshot("02-groups").await;

    // ----- a move with the keyboard: focus a name, Enter, choose the group, Enter -----
    let first = app
        .js(
            "return document.querySelector('[data-testid=\"group-card\"] [data-testid=\"group-member\"]').dataset.participant;",
            vec![],
        )
        .await
        .as_str()
        .unwrap()
        .to_owned();
    app.click_css(&format!(
        "{} [data-participant=\"{first}\"]",
        sel("group-card")
    ))
    .await;
    assert_eq!(app.focused_testid().await.as_deref(), Some("group-member"));
    app.keyboard(&Key::Enter.to_string()).await;
    app.wait_for("group-move-menu").await;
    assert_eq!(
        app.focused_testid().await.as_deref(),
        Some("group-move-option")
    );
    app.screenshot("03-move-menu").await;
    // The first choice offered is the next group (South Asia): the current one is skipped.
    app.keyboard(&Key::Enter.to_string()).await;
    app.wait_gone("group-move-menu").await;
    app.eventually("the participant in South Asia", async || {
        (column_of(&app, &first).await == Some(1)).then_some(())
    })
    .await;
    let sizes: Vec<u64> = columns(&app).await.iter().map(|c| c.1).collect();
    assert_eq!(sizes, vec![9, 7, 2]);
    assert_eq!(
        app.focused_testid().await.as_deref(),
        Some("group-member"),
        "the moved name keeps the focus"
    );
    let undo_label = app
        .js(
            "return document.querySelector('[data-testid=\"undo\"]').dataset.label;",
            vec![],
        )
        .await;
    assert_eq!(undo_label, "group.assign");
    app.screenshot("04-moved").await;

    // Ctrl+Z takes it back.
    ctrl(&app, 'z').await;
    app.eventually("the participant back in South-East Asia", async || {
        (column_of(&app, &first).await == Some(0)).then_some(())
    })
    .await;
    let sizes: Vec<u64> = columns(&app).await.iter().map(|c| c.1).collect();
    assert_eq!(sizes, vec![10, 6, 2]);
    app.eventually("the Redo button to offer the move", async || {
        let label = app
            .js(
                "return document.querySelector('[data-testid=\"redo\"]').dataset.label;",
                vec![],
            )
            .await;
        (label == "group.assign").then_some(())
    })
    .await;

    // Drag and drop (the events a drag fires) moves too; the Undo button takes it back.
    app.js(
        "const [pid] = arguments;
         const li = document.querySelector(`[data-testid=\"group-member\"][data-participant=\"${pid}\"]`);
         const target = document.querySelectorAll('[data-testid=\"group-card\"]')[2];
         let dt = null;
         try { dt = new DataTransfer(); } catch (e) { dt = null; }
         const ev = (type) => new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt });
         li.dispatchEvent(ev('dragstart'));
         target.dispatchEvent(ev('dragover'));
         target.dispatchEvent(ev('drop'));
         li.dispatchEvent(ev('dragend'));
         return true;",
        vec![json!(first)],
    )
    .await;
    app.eventually("the participant dropped on the Arab States", async || {
        (column_of(&app, &first).await == Some(2)).then_some(())
    })
    .await;
    app.click("undo").await;
    app.eventually("the drop undone", async || {
        (column_of(&app, &first).await == Some(0)).then_some(())
    })
    .await;

    // A digit moves a focused name straight to that group (3: the Arab States).
    app.click_css(&format!(
        "{} [data-participant=\"{first}\"]",
        sel("group-card")
    ))
    .await;
    app.keyboard("3").await;
    app.eventually("the participant moved by its digit", async || {
        (column_of(&app, &first).await == Some(2)).then_some(())
    })
    .await;
    ctrl(&app, 'z').await;
    app.eventually("the digit's move undone", async || {
        (column_of(&app, &first).await == Some(0)).then_some(())
    })
    .await;

    // A group renamed in its dialog.
    app.click_css(&format!("{} {}", sel("group-card"), sel("group-rename")))
        .await;
    app.wait_for("group-name-input").await;
    app.clear("group-name-input").await;
    app.type_text("group-name-input", "South-East Asia and the Pacific")
        .await;
    app.keyboard(&Key::Enter.to_string()).await;
    app.wait_gone("group-name-input").await;
    assert_eq!(columns(&app).await[0].0, "South-East Asia and the Pacific");

    // ----- a national plan: its country is required -----
    let workshop = app.invoke("current_workshop", json!({})).await;
    let workshop_id = workshop["id"].as_str().unwrap().to_owned();
    let before = app
        .invoke("plans_rollup", json!({ "workshopId": workshop_id }))
        .await;
    let count_in = |rollup: &Value, list: &str, key: &str| -> u64 {
        rollup[list]
            .as_array()
            .and_then(|rows| rows.iter().find(|r| r["key"] == key))
            .and_then(|r| r["count"].as_u64())
            .unwrap_or_default()
    };
    app.click("nav-plans").await;
    // The demo's regional plan and four national plans.
    app.wait_for_count("plan-card", 5).await;
    app.click("plan-new").await;
    app.wait_for("plan-dialog").await;
    app.select("plan-scope", "national").await;
    app.type_text(
        "plan-title",
        "Bangladesh: fair recruitment of garment workers",
    )
    .await;
    app.click("plan-save").await;
    let error = app.text("error-country").await;
    assert!(
        error.contains("country"),
        "the country's error beside it: {error:?}"
    );
    assert_eq!(app.count("plan-card").await, 5, "nothing saved");
    app.screenshot("05-plan-country-required").await;
    flows::choose_country(&app, "plan-country", "Bangladesh", "BD").await;
    app.click("plan-save").await;
    app.wait_gone("plan-dialog").await;
    app.wait_for_count("plan-card", 6).await;
    // The new plan comes last.
    const CARD: &str = "[data-testid=\"plan-card\"]:last-of-type";
    let card = app
        .wait_for_css(CARD)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        card.contains("Bangladesh") && card.contains("fair recruitment of garment workers"),
        "{card:?}"
    );
    let in_card = |testid: &str| format!("{CARD} {}", sel(testid));

    // ----- an action: a due date before its start is refused on the due date -----
    app.click_css(&in_card("action-new")).await;
    app.wait_for("action-dialog").await;
    app.type_text(
        "action-description",
        "Map recruitment agencies in Dhaka and document the fees charged to garment workers",
    )
    .await;
    app.type_text("action-responsible", "BFTUC migrant desk")
        .await;
    app.type_text("action-partners", "BOMSA").await;
    flows::set_date(&app, "action-start", "2027-03-01").await;
    flows::set_date(&app, "action-due", "2027-02-01").await;
    app.type_keys("action-themes", &format!("Fair recruitment{}", Key::Enter))
        .await;
    app.click_css(&format!(
        "{}[data-theme=\"organising migrant workers\"]",
        sel("theme-suggestion")
    ))
    .await;
    app.type_keys("action-themes", &format!("Garment sector{}", Key::Enter))
        .await;
    app.wait_for_count("action-theme", 3).await;
    app.type_text("action-indicator", "Agencies documented")
        .await;
    app.type_text("action-baseline", "0").await;
    app.type_text("action-target", "40").await;
    app.click("action-save").await;
    let error = app.text("error-dueDate").await;
    assert!(
        error.contains("before the start date"),
        "the due date's error beside it: {error:?}"
    );
    assert_eq!(
        app.count_css(&in_card("action-row")).await,
        0,
        "nothing saved"
    );
    app.screenshot("06-action-error").await;
    flows::set_date(&app, "action-due", "2027-06-30").await;
    app.click("action-save").await;
    app.wait_gone("action-dialog").await;
    app.eventually("the action in its plan", async || {
        (app.count_css(&in_card("action-row")).await == 1).then_some(())
    })
    .await;
    let themes = app
        .js(
            "return [...document.querySelectorAll(arguments[0])].map(t => t.textContent);",
            vec![json!(in_card("action-row-theme"))],
        )
        .await;
    assert_eq!(
        themes,
        json!([
            "fair recruitment",
            "organising migrant workers",
            "Garment sector"
        ])
    );
    let when = app
        .wait_for_css(&in_card("action-row-when"))
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(when.contains("2027"), "the dates shown: {when:?}");

    // Its status, changed in place.
    let status = app.wait_for_css(&in_card("action-status-quick")).await;
    status
        .select_by_value("in_progress")
        .await
        .expect("choose a status");
    app.eventually("the action in progress", async || {
        let status = app
            .js(
                "return document.querySelector(arguments[0]).dataset.status;",
                vec![json!(in_card("action-row"))],
            )
            .await;
        (status == "in_progress").then_some(())
    })
    .await;

    // ----- a SWOT note, linked from the action's form -----
    let board = app
        .invoke(
            "create_board",
            json!({ "workshopId": workshop_id, "input": { "question": "Recruitment of garment workers from Bangladesh" } }),
        )
        .await;
    let board_id = board["id"].as_str().expect("a board").to_owned();
    let note = app
        .invoke(
            "add_note",
            json!({ "boardId": board_id, "quadrant": "threats", "text": "Agencies charge workers illegal recruitment fees", "raisedBy": {} }),
        )
        .await;
    let note_id = note["id"].as_str().expect("a note").to_owned();

    app.click_css(&in_card("action-open")).await;
    app.wait_for("action-dialog").await;
    app.click("action-link-note").await;
    app.wait_for("note-picker").await;
    // The demo's three boards are there too: the search narrows the list to the new note.
    app.wait_for("note-picker-board").await;
    assert!(app.count("note-option").await > 1);
    app.type_text("note-search", "illegal").await;
    app.wait_for_count("note-option", 1).await;
    app.click_css(&format!("{}[data-note=\"{note_id}\"]", sel("note-option")))
        .await;
    app.click("note-link-confirm").await;
    app.wait_gone("note-picker").await;
    app.wait_for_count("action-note", 1).await;
    let linked = app.text("action-note").await;
    assert!(
        linked.contains("illegal recruitment fees")
            && linked.contains("Threats")
            && linked.contains("Recruitment of garment workers from Bangladesh"),
        "the note with its board's question and quadrant: {linked:?}"
    );
    // The history says what changed: the status, planned → in progress.
    app.click_css("[data-testid=\"action-history-panel\"] summary")
        .await;
    app.wait_for("action-history-entry").await;
    let history = app.text("action-history-panel").await;
    assert!(
        history.contains("Status")
            && history.contains("Planned")
            && history.contains("In progress"),
        "{history:?}"
    );
    app.screenshot("07-action-linked").await;
    app.click("action-cancel").await;
    app.wait_gone("action-dialog").await;
    // Read by script: WebKitWebDriver deems text in an ellipsis (overflow: hidden) hidden.
    app.wait_for_css(&in_card("action-row-note")).await;
    let row_note = app
        .js(
            "return document.querySelector(arguments[0]).textContent;",
            vec![json!(in_card("action-row-note"))],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        row_note.contains("illegal recruitment fees"),
        "{row_note:?}"
    );
    app.wait_for_css(CARD).await;
    app.js(
        "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
        vec![json!(CARD)],
    )
    .await;
    app.screenshot("08-plan-with-action").await;
    app.js("window.scrollTo(0, 0);", vec![]).await;
    app.screenshot("09-plans").await;

    // ----- the roll-up: one more action, in progress, due in June 2027 -----
    app.click("plans-tab-rollup").await;
    app.wait_for("rollup").await;
    app.wait_for("rollup-status").await;
    let want = count_in(&before, "byStatus", "in_progress") + 1;
    app.eventually("the roll-up's counts", async || {
        (rollup_count(&app, "rollup-status", "in_progress").await == want).then_some(())
    })
    .await;
    for (card, list, key, plus) in [
        ("rollup-status", "byStatus", "planned", 0),
        ("rollup-status", "byStatus", "done", 0),
        ("rollup-status", "byStatus", "dropped", 0),
        ("rollup-theme", "byTheme", "fair recruitment", 1),
        ("rollup-theme", "byTheme", "organising migrant workers", 1),
        ("rollup-theme", "byTheme", "Garment sector", 1),
        ("rollup-month", "byDueMonth", "2027-06", 1),
    ] {
        assert_eq!(
            rollup_count(&app, card, key).await,
            count_in(&before, list, key) + plus,
            "{card} {key}"
        );
    }
    let national = app.text("rollup-national").await;
    assert!(
        national.contains("Nepal") && national.contains("Bangladesh"),
        "{national:?}"
    );
    let regional = app.text("rollup-regional").await;
    assert!(
        regional.contains("Regional plan: ATUC, SARTUC and ArabTUC"),
        "{regional:?}"
    );
    app.screenshot("10-rollup").await;
    app.js(
        "document.querySelector('[data-testid=\"rollup-national\"]').scrollIntoView();",
        vec![],
    )
    .await;
    app.screenshot("11-rollup-plans").await;

    // The same in French: the suggested themes and the statuses are translated.
    app.select("language-switch", "fr").await;
    app.eventually("the roll-up in French", async || {
        let title = app
            .js(
                "const c = document.querySelector('[data-testid=\"rollup-status\"] h3'); return c ? c.textContent : null;",
                vec![],
            )
            .await;
        title
            .as_str()
            .is_some_and(|t| t.starts_with("Actions par état"))
            .then_some(())
    })
    .await;
    let themes = app
        .js(
            "return document.querySelector('[data-testid=\"rollup-theme\"]').textContent;",
            vec![],
        )
        .await;
    let themes = themes.as_str().unwrap_or_default();
    assert!(themes.contains("recrutement équitable"), "{themes:?}");
    app.js("window.scrollTo(0, 0);", vec![]).await;
    app.screenshot("12-rollup-fr").await;
    app.select("language-switch", "en").await;

    // ----- a plan of many actions shows its first ten, and the rest on request -----
    let plans = app
        .invoke("list_plans", json!({ "workshopId": workshop_id }))
        .await;
    let plan_id = plans
        .as_array()
        .and_then(|plans| {
            plans
                .iter()
                .find(|p| p["title"] == "Bangladesh: fair recruitment of garment workers")
        })
        .and_then(|p| p["id"].as_str())
        .expect("the Bangladesh plan")
        .to_owned();
    for n in 2..=12 {
        let action = app
            .invoke(
                "add_action",
                json!({ "planId": plan_id, "noteIds": [], "input": {
                    "description": format!("Follow-up visit {n} to the recruitment agencies"),
                    "responsible": "BFTUC migrant desk", "status": "planned" } }),
            )
            .await;
        assert!(action["id"].is_string(), "action {n} added: {action:?}");
    }
    // The screen reads the plans again when it is opened again.
    app.click("nav-boards").await;
    app.click("nav-plans").await;
    app.wait_for_count("plan-card", 6).await;
    app.click("plans-tab-list").await;
    app.eventually("the plan's first ten actions", async || {
        (app.count_css(&in_card("action-row")).await == 10).then_some(())
    })
    .await;
    let show_all = app.wait_for_css(&in_card("plan-show-all")).await;
    let label = show_all.text().await.unwrap_or_default();
    assert_eq!(label, "Show all 12 actions");
    // By the keyboard: the button focused, Enter; the focus goes to the first action it showed.
    app.js(
        "document.querySelector(arguments[0]).focus();",
        vec![json!(in_card("plan-show-all"))],
    )
    .await;
    app.keyboard(&Key::Enter.to_string()).await;
    app.eventually("all twelve actions", async || {
        (app.count_css(&in_card("action-row")).await == 12).then_some(())
    })
    .await;
    let focused = app
        .js(
            "const a = document.activeElement; const row = a && a.closest('tr');
             return [a && a.dataset.testid, row && row.querySelector('.col-n').textContent];",
            vec![],
        )
        .await;
    assert_eq!(
        focused,
        json!(["action-open", "11"]),
        "the focus on the eleventh action"
    );
    let button = app.wait_for_css(&in_card("plan-show-all")).await;
    assert_eq!(
        button.text().await.unwrap_or_default(),
        "Show only the first 10"
    );
    assert_eq!(
        button.attr("aria-expanded").await.ok().flatten().as_deref(),
        Some("true")
    );
    app.screenshot("13-plan-all-actions").await;
    button.click().await.expect("show only the first ten");
    app.eventually("the first ten again", async || {
        (app.count_css(&in_card("action-row")).await == 10).then_some(())
    })
    .await;
    assert_eq!(app.focused_testid().await.as_deref(), Some("plan-show-all"));
    app.quit().await;
}
