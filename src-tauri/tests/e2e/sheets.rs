//! Badges and paper: the badge sheet (eight a page, a QR code each, names in their own scripts),
//! the paper sign-in sheet of one day and session (numbered rows), and its ticks typed back in,
//! seen in the grid as "from paper". Print is never clicked: the native dialog would block.

use crate::harness::{App, sel};
use fantoccini::key::Key;
use serde_json::{Value, json};

/// Makes the page lay out as it prints: every `@media print` block applies on screen (WebDriver
/// cannot print). `on: false` puts them back.
pub async fn emulate_print(app: &App, on: bool) {
    app.js(
        "const [on] = arguments;
         if (on) {
           window.emulatedPrint = [];
           for (const sheet of document.styleSheets) {
             for (const rule of sheet.cssRules) {
               if (rule instanceof CSSMediaRule && rule.media.mediaText === 'print') {
                 rule.media.mediaText = 'all';
                 window.emulatedPrint.push(rule);
               }
             }
           }
         } else {
           for (const rule of window.emulatedPrint ?? []) rule.media.mediaText = 'print';
           window.emulatedPrint = [];
         }",
        vec![json!(on)],
    )
    .await;
}

/// The strings of a JSON array (what a script returned), empty for anything else.
pub fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn badges_and_the_paper_sign_in_sheet_print_and_come_back_as_ticks() {
    let data = tempfile::tempdir().unwrap();
    crate::flows::seed_demo_before_its_week(data.path());
    let app = App::launch("sheets", data.path()).await;
    app.wait_for("participant-list").await;
    app.wait_for_count("participant-row", 18).await;
    let people = app.count("participant-row").await;

    // ----- the badge sheet -----
    app.click("nav-badges").await;
    app.wait_for("badge-sheet").await;
    app.wait_for_count("badge-card", people).await;
    let shape = app
        .js(
            "const pages = [...document.querySelectorAll('[data-testid=\"badge-page\"]')];
             return pages.map(p => p.querySelectorAll('[data-testid=\"badge-card\"]').length);",
            vec![],
        )
        .await;
    let per_page: Vec<u64> = shape
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(per_page.len(), people.div_ceil(8), "{per_page:?}");
    assert!(
        per_page[..per_page.len() - 1].iter().all(|n| *n == 8),
        "eight badges a page: {per_page:?}"
    );
    assert_eq!(per_page.iter().sum::<u64>(), people as u64);

    // Every badge has its QR code, drawn from the core's SVG with a viewBox and a real size.
    let qr = app
        .js(
            "return [...document.querySelectorAll('[data-testid=\"badge-card\"]')].map(card => {
               const svg = card.querySelector('svg[data-testid=\"badge-qr\"]');
               const box = svg && svg.getBoundingClientRect();
               return svg && svg.getAttribute('viewBox') && svg.querySelector('path[d]') && box.width > 40
                 && Math.abs(box.width - box.height) < 1 ? 'ok' : 'missing';
             });",
            vec![],
        )
        .await;
    assert!(
        strings(&qr).iter().all(|s| s == "ok") && strings(&qr).len() == people,
        "a QR code on every badge: {qr:?}"
    );

    // The Devanagari name is drawn whole, in its own script, with its Latin spelling below and
    // nothing cut off.
    let sita = app
        .js(
            "const card = [...document.querySelectorAll('[data-testid=\"badge-card\"]')]
               .find(c => c.querySelector('[data-testid=\"badge-name\"]').textContent === 'सीता शर्मा');
             if (!card) return null;
             const name = card.querySelector('[data-testid=\"badge-name\"]');
             const box = name.getBoundingClientRect();
             return [card.querySelector('[data-testid=\"badge-latin\"]')?.textContent,
                     card.querySelector('[data-testid=\"badge-code\"]').textContent,
                     box.width > 50 && box.height > 20,
                     name.scrollWidth <= name.clientWidth + 1,
                     parseFloat(getComputedStyle(name).fontSize)];",
            vec![],
        )
        .await;
    assert_eq!(sita[0], "Sita Sharma", "{sita:?}");
    assert_eq!(sita[1].as_str().unwrap_or_default().len(), 5, "{sita:?}");
    assert_eq!(sita[2], true, "the name has a real size: {sita:?}");
    assert_eq!(sita[3], true, "the name fits its badge: {sita:?}");
    assert!(
        sita[4].as_f64().unwrap_or_default() > 34.0,
        "a short name keeps the largest size, 26 pt (34.7 px): {sita:?}"
    );
    app.screenshot("01-badges").await;
    emulate_print(&app, true).await;
    app.screenshot("02-badges-print").await;
    emulate_print(&app, false).await;

    // Only some badges: one chosen by hand, then one participant's straight from its address.
    app.click("badges-some").await;
    app.wait_for_count("badge-card", 0).await;
    app.wait_for("badges-empty").await;
    app.click_css(&format!("{} input", sel("badge-choices")))
        .await;
    app.wait_for_count("badge-card", 1).await;
    let chosen = app
        .js(
            "return document.querySelector('[data-testid=\"badge-card\"]').dataset.participant;",
            vec![],
        )
        .await;
    app.js(
        "location.hash = location.hash.replace(/\\?.*$/, '') + '?participant=' + arguments[0];",
        vec![chosen.clone()],
    )
    .await;
    app.wait_for_count("badge-card", 1).await;
    assert_eq!(
        app.js(
            "return document.querySelector('[data-testid=\"badge-card\"]').dataset.participant;",
            vec![]
        )
        .await,
        chosen
    );

    // ----- the paper sign-in sheet of the last afternoon -----
    app.click("nav-attendance").await;
    app.wait_for("attendance-grid").await;
    app.click("open-sign-in-sheet").await;
    app.wait_for("sign-in-sheet").await;
    let last_day = app
        .js(
            "const o = document.querySelector('[data-testid=\"sign-in-day\"]').options; return o[o.length - 1].value;",
            vec![],
        )
        .await;
    let last_day = last_day.as_str().unwrap().to_owned();
    app.select("sign-in-day", &last_day).await;
    app.eventually("the sheet of the last day", async || {
        let hash = app.js("return location.hash;", vec![]).await;
        hash.as_str()
            .is_some_and(|h| h.contains(&last_day))
            .then_some(())
    })
    .await;
    app.wait_for("sign-in-sheet").await;
    app.select("sign-in-session", "2").await;
    app.eventually("the afternoon's sheet", async || {
        let hash = app.js("return location.hash;", vec![]).await;
        hash.as_str()
            .is_some_and(|h| h.ends_with("session=2"))
            .then_some(())
    })
    .await;
    app.wait_for_count("sign-in-sheet-row", people).await;
    let sheet = app
        .js(
            "const rows = [...document.querySelectorAll('[data-testid=\"sign-in-sheet-row\"]')];
             return [rows.map(r => r.querySelector('[data-testid=\"sign-in-sheet-number\"]').textContent),
                     document.querySelector('[data-testid=\"sign-in-slot\"]').textContent,
                     document.querySelectorAll('[data-testid=\"sign-in-page\"]').length,
                     document.querySelector('[data-testid=\"sign-in-page-number\"]').textContent,
                     document.querySelectorAll('[data-testid=\"sign-in-page\"] thead').length,
                     rows.some(r => r.textContent.includes('सीता शर्मा') && r.textContent.includes('Sita Sharma'))];",
            vec![],
        )
        .await;
    let numbers = strings(&sheet[0]);
    let expected: Vec<String> = (1..=people).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected, "rows numbered 1 to {people}");
    let slot = sheet[1].as_str().unwrap_or_default();
    assert!(
        slot.contains("Day 5") && slot.contains("Afternoon"),
        "the day and session on top: {slot:?}"
    );
    // 25 rows a page, with five blank rows at the end for people not on the list.
    let pages = (people + 5).div_ceil(25);
    assert_eq!(
        sheet[2], pages,
        "{people} rows and 5 blank ones on pages of 25"
    );
    assert_eq!(sheet[3], format!("Page 1 of {pages}"));
    assert_eq!(
        sheet[4], pages,
        "every page has the heading in its table's thead"
    );
    assert_eq!(
        sheet[5], true,
        "names in their own script and in Latin letters"
    );
    app.screenshot("03-sign-in-sheet").await;
    emulate_print(&app, true).await;
    app.screenshot("04-sign-in-sheet-print").await;
    emulate_print(&app, false).await;

    // Someone the facilitator saw come in is already marked for the session: the paper entry
    // shows them ticked, and their mark stays as it was.
    let seen = app
        .js(
            "const rows = document.querySelectorAll('[data-testid=\"sign-in-sheet-row\"]');
             return rows[rows.length - 1].dataset.participant;",
            vec![],
        )
        .await;
    let marked = app
        .invoke(
            "mark_attendance",
            json!({ "participantId": seen, "slot": { "day": last_day, "session": 2 },
                    "present": true, "reason": "", "method": "facilitator" }),
        )
        .await;
    assert!(marked.get("rows").is_some(), "{marked}");

    // ----- typing the ticks back in -----
    app.click("sign-in-type-back").await;
    app.wait_for("paper-entry-panel").await;
    app.wait_for_count("paper-entry-row", people).await;
    let entry = app
        .js(
            "const rows = [...document.querySelectorAll('[data-testid=\"paper-entry-row\"]')];
             return [rows.map(r => r.dataset.number),
                     rows.filter(r => !r.dataset.mark).map(r => Number(r.dataset.number)),
                     document.querySelector('[data-testid=\"paper-entry-day\"]').value,
                     document.querySelector('[data-testid=\"paper-entry-session\"]').value];",
            vec![],
        )
        .await;
    assert_eq!(
        strings(&entry[0]),
        expected,
        "the same numbering as on paper"
    );
    assert_eq!(entry[2], last_day.as_str());
    assert_eq!(entry[3], "2");
    let free: Vec<u64> = entry[1]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_u64)
        .collect();
    assert!(
        free.len() >= 6,
        "enough rows not yet marked for the last afternoon: {free:?}"
    );
    let already = app
        .js(
            "return [...document.querySelectorAll('[data-testid=\"paper-entry-row\"].is-locked')]
               .map(r => [r.dataset.participant, r.dataset.mark, r.querySelector('input').checked]);",
            vec![],
        )
        .await;
    assert!(
        already
            .as_array()
            .unwrap()
            .contains(&json!([seen, "facilitator", true])),
        "the one already marked is shown ticked, as the facilitator marked them: {already:?}"
    );

    // Typed as numbers, with a range, then Enter.
    let typed = format!("{} {}-{}", free[0], free[1], free[3]);
    assert_eq!(
        free[3] - free[1],
        2,
        "consecutive free rows for the range: {free:?}"
    );
    assert_eq!(
        app.focused_testid().await.as_deref(),
        Some("paper-entry-numbers")
    );
    app.keyboard(&format!("{typed}{}", Key::Enter)).await;
    let ticked_rows = async || {
        app.js(
            "return [...document.querySelectorAll('[data-testid=\"paper-entry-row\"].is-ticked:not(.is-locked)')]
               .map(r => Number(r.dataset.number));",
            vec![],
        )
        .await
    };
    app.eventually("four rows ticked from the typed numbers", async || {
        (ticked_rows().await.as_array().map(Vec::len) == Some(4)).then_some(())
    })
    .await;

    // One more with the keyboard: down into the list, along to the row, Space.
    let target = free[4];
    let downs = Key::Down
        .to_string()
        .repeat(usize::try_from(target).unwrap());
    app.keyboard(&downs).await;
    app.keyboard(" ").await;
    let ticked: Vec<u64> = app
        .eventually("a fifth row ticked with Space", async || {
            let rows = ticked_rows().await;
            (rows.as_array().map(Vec::len) == Some(5)).then_some(rows)
        })
        .await
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_u64)
        .collect();
    assert_eq!(
        ticked,
        [free[0], free[1], free[2], free[3], target],
        "rows {typed} and {target}"
    );
    assert!(
        app.text("paper-entry-count").await.starts_with("5 ticked"),
        "{}",
        app.text("paper-entry-count").await
    );
    app.screenshot("05-paper-entry").await;
    app.js(
        "document.querySelector('[data-testid=\"paper-entry\"]').scrollTop = 1e6;",
        vec![],
    )
    .await;
    app.screenshot("05-paper-entry-end").await;
    let ids = app
        .js(
            "return [...document.querySelectorAll('[data-testid=\"paper-entry-row\"].is-ticked:not(.is-locked)')]
               .map(r => r.dataset.participant);",
            vec![],
        )
        .await;

    app.click("paper-entry-save").await;
    app.wait_gone("paper-entry-panel").await;
    app.wait_for("attendance-grid").await;
    let hows = app
        .js(
            "const [ids, day] = arguments;
             return ids.map(id => {
               const cell = document.querySelector(
                 `[data-testid=\"attendance-cell\"][data-participant=\"${id}\"][data-day=\"${day}\"][data-session=\"2\"]`);
               return cell ? cell.dataset.how + ' ' + cell.getAttribute('aria-pressed') + ' ' + cell.textContent : 'no cell';
             });",
            vec![ids.clone(), json!(last_day)],
        )
        .await;
    assert_eq!(
        strings(&hows),
        vec!["paper true P".to_owned(); 5],
        "the five are marked present, from paper"
    );
    let kept = app
        .js(
            "const [id, day] = arguments;
             return document.querySelector(
               `[data-testid=\"attendance-cell\"][data-participant=\"${id}\"][data-day=\"${day}\"][data-session=\"2\"]`).dataset.how;",
            vec![seen, json!(last_day)],
        )
        .await;
    assert_eq!(
        kept, "facilitator",
        "a mark already there is kept as it was"
    );
    app.screenshot("06-grid-from-paper").await;

    // Marks by hand never pretend to come from the kiosk.
    let refused = app
        .invoke(
            "mark_attendance",
            json!({ "participantId": ids[0], "slot": { "day": last_day, "session": 1 },
                    "present": true, "reason": "", "method": "kiosk" }),
        )
        .await;
    assert_eq!(refused["error"]["code"], "invalid_value", "{refused}");
    assert_eq!(refused["error"]["field"], "method", "{refused}");
    app.quit().await;
}

#[tokio::test]
async fn the_list_of_participants_prints_by_country_with_only_consented_contacts() {
    let data = tempfile::tempdir().unwrap();
    crate::flows::seed_demo_before_its_week(data.path());
    let app = App::launch("participant-list", data.path()).await;
    app.wait_for_count("participant-row", 18).await;
    let workshop = app.invoke("current_workshop", json!({})).await;
    let people = app
        .invoke(
            "list_participants",
            json!({ "workshopId": workshop["id"], "query": "", "deleted": false }),
        )
        .await;
    let people = people.as_array().expect("the participants").clone();

    app.click("open-participant-list").await;
    app.wait_for("participant-list-table").await;
    app.wait_for_count("participant-list-row", people.len())
        .await;
    assert_eq!(
        app.text("participant-list-count").await,
        "18 people · 12 countries"
    );

    // Each row's contact cell holds the email and phone exactly when the person agreed to be
    // contacted; the participants come first, one section per country, then the other roles.
    let rows = app
        .js(
            "return [...document.querySelectorAll('[data-testid=\"participant-list-row\"]')].map(r => ({
               id: r.dataset.participant,
               contact: r.querySelector('[data-testid=\"participant-list-contact\"]').textContent,
             }));",
            vec![],
        )
        .await;
    let mut consented = 0;
    for row in rows.as_array().unwrap() {
        let person = people.iter().find(|p| p["id"] == row["id"]).unwrap();
        let contact = row["contact"].as_str().unwrap();
        let email = person["email"].as_str().unwrap();
        if person["consentContact"] == json!(true) {
            consented += 1;
            assert!(contact.contains(email), "{person}: {contact:?}");
        } else {
            assert_eq!(contact, "", "{person} did not agree to be contacted");
        }
    }
    assert!(
        consented > 0 && consented < people.len(),
        "both kinds in the demo"
    );
    let headings = strings(
        &app.js(
            "return [...document.querySelectorAll('[data-testid=\"participant-list-group\"]')].map(g => g.textContent);",
            vec![],
        )
        .await,
    );
    assert_eq!(headings.first().map(String::as_str), Some("Bangladesh (2)"));
    assert!(
        headings.iter().any(|h| h.starts_with("Resource persons (")),
        "{headings:?}"
    );
    app.screenshot("01-participant-list").await;

    // Without contact details, for a list shared more widely: no contact column at all.
    app.click("participant-list-contacts").await;
    app.wait_gone("participant-list-contact").await;
    let columns = app
        .js(
            "return document.querySelectorAll('[data-testid=\"participant-list-table\"] thead th').length;",
            vec![],
        )
        .await;
    assert_eq!(columns, json!(4));

    // As it prints: the list may run over several pages (the sheets' pages otherwise stay whole),
    // but no row is split across two.
    emulate_print(&app, true).await;
    let print = app
        .js(
            "const table = document.querySelector('[data-testid=\"participant-list-table\"]');
             const row = table.querySelector('[data-testid=\"participant-list-row\"]');
             return [getComputedStyle(row).breakInside,
                     getComputedStyle(table.closest('.paper-page')).breakInside];",
            vec![],
        )
        .await;
    assert_eq!(print, json!(["avoid", "auto"]));
    emulate_print(&app, false).await;
    app.click("print-back").await;
    app.wait_for("participant-list").await;
    app.quit().await;
}
