//! Several workshops: the list, editing a title, archiving and showing the archived ones, and
//! switching between workshops, each with its own participants.

use crate::flows::{self, KATHMANDU, MAZEN, SITA, WorkshopDraft};
use crate::harness::{App, sel};

const AMMAN: WorkshopDraft<'static> = WorkshopDraft {
    title: "Domestic workers’ rights — Arab States 2027",
    city: "Amman",
    country: ("Jordan", "JO"),
    start: "2027-03-01",
    end: "2027-03-05",
};

const RENAMED: &str = "Organising migrant workers — South Asia 2026 (Kathmandu)";

/// One item of the workshop list.
#[derive(Debug, Clone)]
struct Item {
    id: String,
    title: String,
    archived: bool,
}

async fn items(app: &App) -> Vec<Item> {
    let found = app
        .js(
            "return [...document.querySelectorAll('[data-testid=\"workshop-item\"]')]
               .map(li => [li.dataset.id,
                           li.querySelector('.workshop-item-title > span').textContent,
                           li.classList.contains('is-archived')]);",
            vec![],
        )
        .await;
    found
        .as_array()
        .map(|a| {
            a.iter()
                .map(|i| Item {
                    id: i[0].as_str().unwrap_or_default().to_owned(),
                    title: i[1].as_str().unwrap_or_default().to_owned(),
                    archived: i[2].as_bool().unwrap_or(false),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The workshop list, through the header's switcher, once it shows `n` items.
async fn open_list(app: &App, n: usize) -> Vec<Item> {
    app.click("workshop-switcher").await;
    app.wait_for("workshop-list").await;
    app.wait_for_count("workshop-item", n).await;
    items(app).await
}

/// The item with this title (fails the test if there is none).
async fn item_titled(app: &App, title: &str) -> Item {
    let all = items(app).await;
    match all.iter().find(|i| i.title == title) {
        Some(item) => item.clone(),
        None => {
            app.fail(&format!(
                "no workshop titled {title:?} in the list: {all:?}"
            ))
            .await
        }
    }
}

/// The CSS selector of a button (by test id) inside one workshop's item.
fn in_item(id: &str, testid: &str) -> String {
    format!("{}[data-id=\"{id}\"] {}", sel("workshop-item"), sel(testid))
}

/// The heading of the participant screen and the header's workshop title (read as the page holds
/// them: the header's title is cut with an ellipsis, which WebDriver's text can read as "").
async fn titles(app: &App) -> (String, String) {
    let both = app
        .js(
            "const h = document.querySelector('#app-main h1');
             const c = document.querySelector('[data-testid=\"current-workshop-title\"]');
             return [h ? h.textContent : '', c ? c.textContent : ''];",
            vec![],
        )
        .await;
    let text = |i: usize| both[i].as_str().unwrap_or_default().to_owned();
    (text(0), text(1))
}

/// Opens a workshop from the list and checks its participant screen.
async fn switch_to(app: &App, n: usize, title: &str, people: &[&str]) {
    open_list(app, n).await;
    let item = item_titled(app, title).await;
    app.click_css(&in_item(&item.id, "workshop-open")).await;
    app.wait_for("participant-list").await;
    app.eventually(
        &format!("the participant screen of {title:?}"),
        async || (titles(app).await == (title.to_owned(), title.to_owned())).then_some(()),
    )
    .await;
    app.wait_for_count("participant-row", people.len()).await;
    let mut expected: Vec<String> = people.iter().map(|p| (*p).to_owned()).collect();
    expected.sort();
    assert_eq!(flows::sorted_names(app).await, expected, "in {title:?}");
}

#[tokio::test]
async fn workshops_are_edited_archived_and_switched() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch("workshops", data.path()).await;

    // Two workshops, through the form, each with one participant.
    flows::create_workshop(&app, KATHMANDU).await;
    flows::save_workshop(&app).await;
    flows::register(&app, SITA).await;
    flows::close_registration(&app).await;

    app.click("workshop-switcher").await;
    app.wait_for("workshop-list").await;
    flows::create_workshop(&app, AMMAN).await;
    flows::save_workshop(&app).await;
    assert_eq!(
        titles(&app).await,
        (AMMAN.title.to_owned(), AMMAN.title.to_owned())
    );
    flows::register(&app, MAZEN).await;
    flows::close_registration(&app).await;

    // The list holds both; open the first one from it.
    let list = open_list(&app, 2).await;
    let mut listed: Vec<&str> = list.iter().map(|i| i.title.as_str()).collect();
    listed.sort_unstable();
    let mut expected = vec![KATHMANDU.title, AMMAN.title];
    expected.sort_unstable();
    assert_eq!(listed, expected);
    assert!(list.iter().all(|i| !i.archived), "{list:?}");
    app.screenshot("01-list").await;
    switch_to(&app, 2, KATHMANDU.title, &[SITA.name]).await;

    // Edit its title from the list: the list, the header and the participant screen show it.
    let first = open_list(&app, 2).await;
    let kathmandu = first
        .iter()
        .find(|i| i.title == KATHMANDU.title)
        .cloned()
        .unwrap();
    app.click_css(&in_item(&kathmandu.id, "workshop-edit"))
        .await;
    app.wait_for("workshop-form").await;
    assert_eq!(app.value("workshop-title").await, KATHMANDU.title);
    app.clear("workshop-title").await;
    app.type_text("workshop-title", RENAMED).await;
    app.screenshot("02-edit-title").await;
    app.click("workshop-save").await;
    app.wait_for("workshop-list").await;
    app.eventually("the new title in the list", async || {
        let all = items(&app).await;
        all.iter()
            .any(|i| i.id == kathmandu.id && i.title == RENAMED)
            .then_some(())
    })
    .await;
    assert!(
        items(&app).await.iter().all(|i| i.title != KATHMANDU.title),
        "the old title is gone"
    );
    // It is the open workshop, so the header follows.
    app.eventually("the new title in the header", async || {
        (titles(&app).await.1 == RENAMED).then_some(())
    })
    .await;
    app.screenshot("03-renamed").await;
    switch_to(&app, 2, RENAMED, &[SITA.name]).await;

    // Archive the other one: it leaves the list, and comes back with "show archived".
    open_list(&app, 2).await;
    let amman = item_titled(&app, AMMAN.title).await;
    app.click_css(&in_item(&amman.id, "workshop-archive")).await;
    app.wait_for_count("workshop-item", 1).await;
    assert_eq!(items(&app).await[0].title, RENAMED);
    app.wait_for("undo-archive").await;
    app.screenshot("04-archived").await;

    app.click("show-archived").await;
    app.wait_for_count("workshop-item", 2).await;
    let shown = item_titled(&app, AMMAN.title).await;
    assert!(
        shown.archived,
        "the archived workshop is marked so: {shown:?}"
    );
    // An archived workshop cannot be opened until it is brought back.
    assert_eq!(
        app.count_css(&in_item(&amman.id, "workshop-open")).await,
        0,
        "an archived workshop has no Open button"
    );
    app.screenshot("05-show-archived").await;

    // Bring it back and switch between the two.
    app.click_css(&in_item(&amman.id, "workshop-archive")).await;
    app.eventually("the workshop to be active again", async || {
        let all = items(&app).await;
        all.iter()
            .any(|i| i.id == amman.id && !i.archived)
            .then_some(())
    })
    .await;
    app.click("show-archived").await;
    app.wait_for_count("workshop-item", 2).await;

    switch_to(&app, 2, AMMAN.title, &[MAZEN.name]).await;
    app.screenshot("06-amman").await;
    switch_to(&app, 2, RENAMED, &[SITA.name]).await;
    app.screenshot("07-kathmandu").await;
    switch_to(&app, 2, AMMAN.title, &[MAZEN.name]).await;

    app.quit().await;
}
