//! A SWOT board through the real windows: the facilitator creates a board, types notes into all
//! four quadrants with the keyboard alone (type, Enter; Tab and Ctrl+3 between quadrants), moves
//! and reorders a note with Alt+Shift+↓ and Alt+↑, votes with + and with the mouse, creates an
//! action from a note (a new national plan: the country is required) and sees the link from the
//! note and from the plan, merges two notes and takes the merge back with Ctrl+Z, ranks the board
//! by votes, reads a note's history, then opens the projector's window and sees a note typed in
//! the main window appear there.

use crate::harness::App;
use fantoccini::actions::{
    InputSource as _, KeyAction, KeyActions, MOUSE_BUTTON_LEFT, MouseActions, PointerAction,
};
use fantoccini::key::Key;
use serde_json::json;

const QUESTION: &str = "Implementing the MoU among ATUC, SARTUC and ArabTUC";
const ENTER: &str = "\u{E007}";
const TAB: &str = "\u{E004}";
const TAB_KEY: char = '\u{E004}';
const ARROW_UP: char = '\u{E013}';
const ARROW_DOWN: char = '\u{E015}';
const ARROW_LEFT: char = '\u{E012}';

const SHOP_FLOOR: &str = "Strong shop-floor networks";
const BARGAINING: &str = "सामूहिक सौदेबाजी का अनुभव";
const YOUTH: &str = "Low youth membership";
const DATA: &str = "Weak data on migrant workers";
const MOU: &str = "MoU signed by the three regional councils";
const THAI: &str = "เครือข่ายแรงงานข้ามชาติ";
const ARABIC: &str = "قيود على الحرية النقابية";
const WOMEN: &str = "Few women in union leadership";

/// Presses `key` with `modifiers` held down, as on a keyboard (Ctrl+3, Alt+Shift+↓, Ctrl+Z).
async fn chord(app: &App, modifiers: &[Key], key: char) {
    let mut actions = KeyActions::new("chord".to_owned());
    for m in modifiers {
        actions = actions.then(KeyAction::Down {
            value: char::from(*m),
        });
    }
    actions = actions
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    for m in modifiers.iter().rev() {
        actions = actions.then(KeyAction::Up {
            value: char::from(*m),
        });
    }
    if let Err(e) = app.client().perform_actions(actions).await {
        app.fail(&format!("pressing {modifiers:?}+{key:?} failed: {e}"))
            .await;
    }
}

/// A mouse click at the middle of the element `css` names, as pointer actions: unlike Element Click,
/// it holds no reference to the element, which the click itself redraws (a vote stepper).
async fn press(app: &App, css: &str) {
    app.wait_for_css(css).await;
    let at = app
        .js(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();
             return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![json!(css)],
        )
        .await;
    let (x, y) = (at[0].as_f64().unwrap(), at[1].as_f64().unwrap());
    let actions = MouseActions::new("mouse".to_owned())
        .then(PointerAction::MoveTo {
            duration: None,
            x: x.round(),
            y: y.round(),
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    if let Err(e) = app.client().perform_actions(actions).await {
        app.fail(&format!("clicking {css} failed: {e}")).await;
    }
}

/// Types into whatever has the focus (WebDriver's Send Keys on the active element: key events,
/// whatever the script), the way the room's words reach the board.
async fn type_here(app: &App, text: &str) {
    let element = match app.client().active_element().await {
        Ok(e) => e,
        Err(e) => {
            app.fail(&format!("no focused element to type into: {e}"))
                .await
        }
    };
    if let Err(e) = element.send_keys(text).await {
        app.fail(&format!("typing {text:?} failed: {e}")).await;
    }
}

async fn wait_focus(app: &App, testid: &str) {
    app.eventually(&format!("the focus on {testid}"), async || {
        (app.focused_testid().await.as_deref() == Some(testid)).then_some(())
    })
    .await;
}

/// The texts of a quadrant's notes, top to bottom.
async fn texts(app: &App, quadrant: &str) -> Vec<String> {
    let v = app
        .js(
            "return [...document.querySelectorAll(`[data-testid=\"note-list-${arguments[0]}\"] [data-testid=\"note\"] [data-testid=\"note-text\"]`)]
               .map((e) => e.textContent);",
            vec![json!(quadrant)],
        )
        .await;
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| x.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn wait_texts(app: &App, quadrant: &str, want: &[&str]) {
    app.eventually(&format!("{quadrant} to read {want:?}"), async || {
        (texts(app, quadrant).await == want).then_some(())
    })
    .await;
}

/// Types a note and Enter into the focused quadrant input; it appears and the input stays focused.
async fn add_note(app: &App, quadrant: &str, text: &str, expected: &[&str]) {
    let input = format!("note-input-{quadrant}");
    wait_focus(app, &input).await;
    type_here(app, text).await;
    app.keyboard(ENTER).await;
    wait_texts(app, quadrant, expected).await;
    assert_eq!(
        app.focused_testid().await.as_deref(),
        Some(input.as_str()),
        "the input waits for the next note"
    );
    // Emptied once the note is painted (a frame after it, not before it).
    app.eventually("the input empty again after Enter", async || {
        app.value(&input).await.is_empty().then_some(())
    })
    .await;
}

/// The text of an element, read by script (WebKitWebDriver deems text in an ellipsis box hidden).
async fn label(app: &App, testid: &str) -> String {
    app.js(
        "const e = document.querySelector(`[data-testid=\"${arguments[0]}\"]`); return e ? e.textContent : '';",
        vec![json!(testid)],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// Waits until the element's text (by script, so a redraw in between does no harm) contains `want`.
async fn wait_label(app: &App, testid: &str, want: &str) {
    app.eventually(&format!("{testid} to contain {want:?}"), async || {
        label(app, testid).await.contains(want).then_some(())
    })
    .await;
}

/// The text of the note that has the focus.
async fn focused_note(app: &App) -> Option<String> {
    app.js(
        "const li = document.activeElement && document.activeElement.closest && document.activeElement.closest('li[data-id]');
         const t = li && li.querySelector('[data-testid=\"note-text\"]');
         return t ? t.textContent : null;",
        vec![],
    )
    .await
    .as_str()
    .map(str::to_owned)
}

async fn wait_focused_note(app: &App, text: &str) {
    app.eventually(&format!("the focus on the note {text:?}"), async || {
        (focused_note(app).await.as_deref() == Some(text)).then_some(())
    })
    .await;
}

/// The id of the note showing exactly `text`.
async fn note_id(app: &App, text: &str) -> String {
    app.eventually(&format!("the note {text:?}"), async || {
        app.js(
            "const li = [...document.querySelectorAll('[data-testid=\"note\"]')]
               .find((li) => li.querySelector('[data-testid=\"note-text\"]').textContent === arguments[0]);
             return li ? li.dataset.id : null;",
            vec![json!(text)],
        )
        .await
        .as_str()
        .map(str::to_owned)
    })
    .await
}

fn in_note(id: &str, testid: &str) -> String {
    format!("li[data-id=\"{id}\"] [data-testid=\"{testid}\"]")
}

/// The text of a part of one note ("" when it is not there).
async fn note_part(app: &App, id: &str, testid: &str) -> String {
    app.js(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : '';",
        vec![json!(in_note(id, testid))],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

async fn wait_note_part(app: &App, id: &str, testid: &str, want: &str) {
    app.eventually(
        &format!("{testid} of note {id} to read {want:?}"),
        async || (note_part(app, id, testid).await == want).then_some(()),
    )
    .await;
}

#[tokio::test]
async fn the_facilitator_captures_a_swot_board_by_keyboard_and_projects_it() {
    let data = tempfile::tempdir().unwrap();
    crate::flows::seed_demo_before_its_week(data.path());
    let app = App::launch("board", data.path()).await;
    app.wait_for("participant-list").await;

    // ----- a new board
    app.click("nav-boards").await;
    // The demo's three working groups each have a board on their own question already.
    app.wait_for_count("board-item", 3).await;
    app.type_text("board-new-question", QUESTION).await;
    app.type_keys("board-new-question", ENTER).await;
    app.wait_for("board-view").await;
    assert_eq!(app.text("board-question").await, QUESTION);
    let board_id = app
        .js(
            "return document.querySelector('[data-testid=\"board-view\"]').dataset.board;",
            vec![],
        )
        .await
        .as_str()
        .unwrap()
        .to_owned();

    // ----- notes in all four quadrants, with the keyboard alone: the first input is ready.
    add_note(&app, "strengths", SHOP_FLOOR, &[SHOP_FLOOR]).await;
    add_note(&app, "strengths", BARGAINING, &[SHOP_FLOOR, BARGAINING]).await;
    app.keyboard(TAB).await;
    add_note(&app, "weaknesses", YOUTH, &[YOUTH]).await;
    add_note(&app, "weaknesses", DATA, &[YOUTH, DATA]).await;
    chord(&app, &[Key::Control], '3').await;
    add_note(&app, "opportunities", MOU, &[MOU]).await;
    add_note(&app, "opportunities", THAI, &[MOU, THAI]).await;
    app.keyboard(TAB).await;
    add_note(&app, "threats", ARABIC, &[ARABIC]).await;
    for (quadrant, n) in [
        ("strengths", "2"),
        ("weaknesses", "2"),
        ("opportunities", "2"),
        ("threats", "1"),
    ] {
        assert_eq!(app.text(&format!("board-count-{quadrant}")).await, n);
    }
    // Each note reads in its own direction: the Arabic one from the right.
    let arabic = app
        .js(
            "const e = [...document.querySelectorAll('[data-testid=\"note-text\"]')].find((e) => e.textContent === arguments[0]);
             const r = e.getBoundingClientRect(), range = document.createRange();
             range.selectNodeContents(e);
             const t = range.getBoundingClientRect();
             return [getComputedStyle(e).direction, Math.round(r.right - t.right)];",
            vec![json!(ARABIC)],
        )
        .await;
    assert_eq!(arabic[0], "rtl", "{arabic}");
    assert!(
        arabic[1].as_i64().unwrap_or(99) <= 2,
        "right-aligned: {arabic}"
    );
    app.screenshot("01-notes").await;

    // ----- move a note by keyboard: back to the weaknesses, ↑ to its last note, Alt+Shift+↓
    // takes it to the threats (the quadrant below), Alt+↑ puts it first there.
    chord(&app, &[Key::Shift], TAB_KEY).await;
    wait_focus(&app, "note-input-opportunities").await;
    chord(&app, &[Key::Shift], TAB_KEY).await;
    wait_focus(&app, "note-input-weaknesses").await;
    app.keyboard(&ARROW_UP.to_string()).await;
    wait_focused_note(&app, DATA).await;
    chord(&app, &[Key::Alt, Key::Shift], ARROW_DOWN).await;
    wait_texts(&app, "threats", &[ARABIC, DATA]).await;
    wait_texts(&app, "weaknesses", &[YOUTH]).await;
    wait_focused_note(&app, DATA).await;
    chord(&app, &[Key::Alt], ARROW_UP).await;
    wait_texts(&app, "threats", &[DATA, ARABIC]).await;
    wait_focused_note(&app, DATA).await;
    let saved = app
        .invoke("get_board", json!({ "boardId": board_id }))
        .await;
    let threats: Vec<&str> = saved["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["quadrant"] == "threats")
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(threats, [DATA, ARABIC], "the core holds the new order");

    // ----- votes: ← to the opportunities' first note, + three times; the room's priority
    // (three votes, the board's threshold) is flagged until an action answers it.
    app.keyboard(&ARROW_LEFT.to_string()).await;
    wait_focused_note(&app, MOU).await;
    app.keyboard("+++").await;
    let mou = note_id(&app, MOU).await;
    wait_note_part(&app, &mou, "note-votes", "3").await;
    app.wait_for_css(&in_note(&mou, "note-priority-flag")).await;
    // And with the mouse: the stepper.
    let bargaining = note_id(&app, BARGAINING).await;
    press(&app, &in_note(&bargaining, "note-vote-up")).await;
    wait_note_part(&app, &bargaining, "note-votes", "1").await;
    press(&app, &in_note(&bargaining, "note-vote-up")).await;
    wait_note_part(&app, &bargaining, "note-votes", "2").await;
    press(&app, &in_note(&bargaining, "note-vote-up")).await;
    wait_note_part(&app, &bargaining, "note-votes", "3").await;
    press(&app, &in_note(&bargaining, "note-vote-down")).await;
    wait_note_part(&app, &bargaining, "note-votes", "2").await;
    app.eventually("the votes saved", async || {
        let board = app
            .invoke("get_board", json!({ "boardId": board_id }))
            .await;
        let votes = |id: &str| {
            board["notes"]
                .as_array()
                .and_then(|a| a.iter().find(|n| n["id"] == id))
                .map(|n| n["votes"].clone())
        };
        (votes(&mou) == Some(json!(3)) && votes(&bargaining) == Some(json!(2))).then_some(())
    })
    .await;
    assert_eq!(
        app.text("board-open-priorities").await,
        "1 priority without an action"
    );

    // ----- an action from the priority: a new national plan needs its country.
    // (A note's tools show on the note that has the focus, or under the pointer.)
    app.click_css(&in_note(&mou, "note-text")).await;
    wait_focused_note(&app, MOU).await;
    app.click_css(&in_note(&mou, "note-create-action")).await;
    app.wait_for("action-dialog").await;
    assert_eq!(app.text("action-note-text").await, MOU);
    // The demo's plans are offered; this action goes into a new national plan.
    app.select("action-plan", "__new__").await;
    app.wait_for("action-new-plan").await;
    app.type_text("action-plan-title", "Regional follow-up of the MoU")
        .await;
    app.select("action-plan-scope", "national").await;
    app.type_text(
        "action-description",
        "Joint training of organisers in the three sub-regions",
    )
    .await;
    app.type_text("action-responsible", "ATUC secretariat")
        .await;
    app.click("action-save").await;
    assert_eq!(
        app.text("error-country").await,
        "A national plan needs its country."
    );
    app.screenshot("02-action-dialog").await;
    crate::flows::choose_country(&app, "action-plan-country", "Nepal", "NP").await;
    app.click("action-save").await;
    app.wait_gone("action-dialog").await;
    // The note shows its action, and is no longer flagged.
    wait_note_part(&app, &mou, "note-actions", "1 action").await;
    assert_eq!(app.count_css(&in_note(&mou, "note-priority-flag")).await, 0);
    assert_eq!(app.count("board-open-priorities").await, 0);
    app.click_css(&in_note(&mou, "note-actions")).await;
    app.wait_for("note-actions-panel").await;
    let linked = app.text("note-action-item").await;
    assert!(
        linked.contains("Joint training of organisers") && linked.contains("Regional follow-up"),
        "{linked}"
    );
    app.keyboard("\u{E00C}").await; // Escape closes the panel
    app.wait_gone("note-actions-panel").await;
    // From the core, both ways: the note's actions, and the action's notes.
    let of_note = app
        .invoke("actions_of_note", json!({ "noteId": mou }))
        .await;
    assert_eq!(
        of_note[0]["description"], "Joint training of organisers in the three sub-regions",
        "{of_note}"
    );
    let workshop_id = saved["workshopId"].as_str().unwrap().to_owned();
    let plans = app
        .invoke("list_plans", json!({ "workshopId": workshop_id }))
        .await;
    let plan = plans
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == "Regional follow-up of the MoU")
        .unwrap_or_else(|| panic!("the new plan: {plans}"));
    assert_eq!(plan["scope"], "national", "{plan}");
    assert_eq!(plan["country"], "NP", "{plan}");
    assert_eq!(plan["actions"][0]["notes"][0]["noteId"], mou, "{plan}");
    assert_eq!(plan["actions"][0]["notes"][0]["text"], MOU, "{plan}");

    // ----- merge two notes: Ctrl+4, ↑ to the Arabic note, M, ↑ to the other, Enter.
    chord(&app, &[Key::Control], '4').await;
    wait_focus(&app, "note-input-threats").await;
    app.keyboard(&ARROW_UP.to_string()).await;
    wait_focused_note(&app, ARABIC).await;
    app.keyboard("m").await;
    app.wait_for("merge-banner").await;
    app.keyboard(&ARROW_UP.to_string()).await;
    wait_focused_note(&app, DATA).await;
    app.keyboard(ENTER).await;
    let merged = format!("{ARABIC}\n{DATA}");
    wait_texts(&app, "threats", &[&merged]).await;
    app.wait_gone("merge-banner").await;
    assert_eq!(label(&app, "board-undo-label").await, "Merge notes");
    app.screenshot("03-merged").await;

    // ----- Ctrl+Z takes the merge back: both notes again.
    wait_focused_note(&app, &merged).await;
    chord(&app, &[Key::Control], 'z').await;
    wait_texts(&app, "threats", &[DATA, ARABIC]).await;
    app.eventually("Redo to offer the merge", async || {
        (label(&app, "board-redo-label").await == "Merge notes").then_some(())
    })
    .await;

    // ----- the history of the note that was merged and brought back (from its menu).
    let data_id = note_id(&app, DATA).await;
    app.click_css(&in_note(&data_id, "note-text")).await;
    wait_focused_note(&app, DATA).await;
    app.click_css(&in_note(&data_id, "note-menu")).await;
    app.wait_for("note-menu-popover").await;
    app.click("note-menu-history").await;
    app.wait_for("note-history").await;
    app.eventually("the history entries", async || {
        (app.count("note-history-entry").await >= 4).then_some(())
    })
    .await;
    let history = app.text("note-history-list").await;
    assert!(
        history.contains("Added") && history.contains("Merged into another note"),
        "{history}"
    );
    app.screenshot("04-history").await;
    app.click("note-history-close").await;
    app.wait_gone("note-history").await;

    // ----- the ranking: each quadrant by votes.
    app.click("board-ranking").await;
    wait_texts(&app, "strengths", &[BARGAINING, SHOP_FLOOR]).await;
    assert_eq!(note_part(&app, &bargaining, "note-rank").await, "1");
    app.screenshot("05-ranking").await;
    app.click("board-ranking").await;
    wait_texts(&app, "strengths", &[SHOP_FLOOR, BARGAINING]).await;

    // ----- the projector's window, and a note typed in the main window appearing there.
    app.click("board-present").await;
    let present = crate::flows::window_with(&app, "present.html").await;
    app.client()
        .switch_to_window(present.clone())
        .await
        .unwrap();
    app.wait_for("present-board").await;
    assert_eq!(app.text("present-question").await, QUESTION);
    app.wait_for_count("present-note", 7).await;
    let shown = app.text("present-quadrant-threats").await;
    assert!(shown.contains(ARABIC) && shown.contains(DATA), "{shown}");
    // The projector reads the interface language the main window left in the shared storage.
    assert_eq!(
        app.js(
            "return localStorage.getItem('workshop-desk.present-language');",
            vec![]
        )
        .await,
        json!("en")
    );
    app.screenshot("06-projector").await;

    let main = crate::flows::window_with(&app, "index.html").await;
    app.client().switch_to_window(main).await.unwrap();
    chord(&app, &[Key::Control], '2').await;
    add_note(&app, "weaknesses", WOMEN, &[YOUTH, WOMEN]).await;

    app.client().switch_to_window(present).await.unwrap();
    app.wait_for_count("present-note", 8).await;
    let weaknesses = app.text("present-quadrant-weaknesses").await;
    assert!(weaknesses.contains(WOMEN), "{weaknesses}");
    // The projector may call its two commands and nothing else.
    let refused = app
        .invoke("get_board", json!({ "boardId": board_id }))
        .await;
    assert!(
        refused["error"].to_string().contains("not allowed"),
        "{refused}"
    );
    app.screenshot("07-projector-updated").await;
    app.quit().await;
}

/// The demo's boards: compared side by side; on one of them a heading typed with "# ", a note
/// grouped under a new heading (H), edited in place (F2, Escape, Enter), given who raised it (R),
/// deleted and brought back from the toast; the board in French; a board deleted from the list
/// and brought back.
#[tokio::test]
async fn a_board_is_compared_edited_grouped_and_deleted_with_undo() {
    let data = tempfile::tempdir().unwrap();
    crate::flows::seed_demo_before_its_week(data.path());
    let app = App::launch("board-edit", data.path()).await;
    app.wait_for("participant-list").await;
    app.click("nav-boards").await;
    app.wait_for_count("board-item", 3).await;
    app.screenshot("01-list").await;

    // ----- the three groups' boards on the same question, side by side
    app.click_css("[data-testid=\"board-item\"]:first-child [data-testid=\"board-compare\"]")
        .await;
    app.wait_for("board-compare-view").await;
    app.wait_for_count("compare-board", 3).await;
    let heads = app.text("compare-grid").await;
    for group in ["South Asia", "Mekong and Myanmar", "ASEAN and Jordan"] {
        assert!(heads.contains(group), "{group}: {heads}");
    }
    app.screenshot("02-compare").await;
    app.click("compare-back").await;
    app.wait_for("board-view").await;
    wait_focus(&app, "note-input-strengths").await;

    // ----- "# " makes a heading
    type_here(&app, "# Organising").await;
    app.keyboard(ENTER).await;
    app.eventually("the new heading", async || {
        let headings = app
            .js(
                "return [...document.querySelectorAll('[data-testid=\"note-list-strengths\"] [data-testid=\"note-heading\"]')].map((e) => e.textContent);",
                vec![],
            )
            .await;
        headings
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x.as_str().unwrap_or_default().contains("Organising")))
            .then_some(())
    })
    .await;

    // ----- ↑↑: the last note above the heading; H, a new heading typed: the note goes under it.
    app.keyboard(&format!("{ARROW_UP}{ARROW_UP}")).await;
    let first = app
        .eventually("a focused note", async || focused_note(&app).await)
        .await;
    let id = note_id(&app, &first).await;
    app.keyboard("h").await;
    app.wait_for("heading-picker").await;
    wait_focus(&app, "heading-new-input").await;
    type_here(&app, "Membership").await;
    app.keyboard(ENTER).await;
    app.wait_for_css(&format!("li.is-grouped[data-id=\"{id}\"]"))
        .await;
    wait_focused_note(&app, &first).await;

    // ----- F2 edits in place: Escape keeps the text, Enter saves the new one.
    app.keyboard("\u{E032}").await; // F2
    app.wait_for("note-edit-input").await;
    type_here(&app, " (draft)").await;
    app.keyboard("\u{E00C}").await; // Escape
    app.wait_gone("note-edit-input").await;
    wait_focused_note(&app, &first).await;
    app.keyboard("\u{E032}").await;
    app.wait_for("note-edit-input").await;
    type_here(&app, " — confirmed").await;
    app.keyboard(ENTER).await;
    let edited = format!("{first} — confirmed");
    wait_focused_note(&app, &edited).await;
    let board_id = app
        .js(
            "return document.querySelector('[data-testid=\"board-view\"]').dataset.board;",
            vec![],
        )
        .await
        .as_str()
        .unwrap()
        .to_owned();
    let saved = app
        .invoke("get_board", json!({ "boardId": board_id }))
        .await;
    let note = saved["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id.as_str())
        .unwrap();
    assert_eq!(note["text"], edited.as_str());
    assert!(note["headingId"].is_string(), "{note}");

    // ----- R: who raised it, from the compact picker (groups and participants).
    app.keyboard("r").await;
    app.wait_for("raised-by-picker").await;
    type_here(&app, "mekong").await;
    app.keyboard(ENTER).await;
    app.wait_gone("raised-by-picker").await;
    wait_note_part(&app, &id, "note-raised-by", "Mekong and Myanmar").await;
    app.screenshot("03-grouped").await;

    // ----- Delete, and Undo from the toast.
    wait_focused_note(&app, &edited).await;
    app.keyboard("\u{E017}").await; // Delete
    app.eventually("the note to go", async || {
        (app.count_css(&format!("li[data-id=\"{id}\"]")).await == 0).then_some(())
    })
    .await;
    app.click("undo-note-delete").await;
    app.wait_for_css(&format!("li[data-id=\"{id}\"]")).await;

    // ----- drag and drop (the events a drag fires): onto the threats, at their end.
    app.js(
        "const li = document.querySelector(`li[data-id=\"${arguments[0]}\"]`);
         const target = document.querySelector('[data-testid=\"board-quadrant-threats\"]');
         const dt = new DataTransfer();
         li.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: dt }));
         const r = target.getBoundingClientRect();
         const at = { bubbles: true, cancelable: true, dataTransfer: dt, clientX: r.left + 30, clientY: r.bottom - 70 };
         target.dispatchEvent(new DragEvent('dragover', at));
         target.dispatchEvent(new DragEvent('drop', at));
         li.dispatchEvent(new DragEvent('dragend', { bubbles: true, dataTransfer: dt }));
         return true;",
        vec![json!(id)],
    )
    .await;
    app.wait_for_css(&format!(
        "[data-testid=\"note-list-threats\"] li[data-id=\"{id}\"]:last-child"
    ))
    .await;

    // ----- the board in French; the projector speaks the facilitator's language and follows a
    // switch.
    app.select("language-switch", "fr").await;
    wait_label(&app, "board-quadrant-strengths", "Forces").await;
    app.screenshot("04-french").await;
    app.click("board-present").await;
    let present = crate::flows::window_with(&app, "present.html").await;
    app.client()
        .switch_to_window(present.clone())
        .await
        .unwrap();
    wait_label(&app, "present-quadrant-strengths", "Forces").await;
    let main = crate::flows::window_with(&app, "index.html").await;
    app.client().switch_to_window(main.clone()).await.unwrap();
    app.select("language-switch", "en").await;
    wait_label(&app, "board-quadrant-strengths", "Strengths").await;
    app.client().switch_to_window(present).await.unwrap();
    wait_label(&app, "present-quadrant-strengths", "Strengths").await;
    app.client().switch_to_window(main).await.unwrap();

    // ----- a board deleted from the list, and brought back.
    app.click("nav-boards").await;
    app.wait_for_count("board-item", 3).await;
    app.click_css("[data-testid=\"board-item\"]:first-child [data-testid=\"board-delete\"]")
        .await;
    app.click("board-delete-confirm").await;
    app.wait_for_count("board-item", 2).await;
    app.click("undo-board-delete").await;
    app.wait_for_count("board-item", 3).await;
    app.quit().await;
}
