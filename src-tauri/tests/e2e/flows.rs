//! Steps several tests share, done through the UI the way a facilitator does them.

use crate::harness::{App, sel};
use chrono::{Days, NaiveDate};
use fantoccini::wd::WindowHandle;
use std::path::Path;
use workshop_core::participant::{self, ParticipantInput, Sex};
use workshop_core::workshop::{self, WorkshopInput};
use workshop_core::{Database, demo, paths};

/// A workshop as typed into the form.
#[derive(Debug, Clone, Copy)]
pub struct WorkshopDraft<'a> {
    pub title: &'a str,
    pub city: &'a str,
    /// What is typed into the country picker, and the ISO code it must resolve to.
    pub country: (&'a str, &'a str),
    pub start: &'a str,
    pub end: &'a str,
}

pub const KATHMANDU: WorkshopDraft<'static> = WorkshopDraft {
    title: "Organising migrant workers — South Asia 2026",
    city: "Kathmandu",
    country: ("Nepal", "NP"),
    start: "2026-11-23",
    end: "2026-11-27",
};

/// A participant as typed into the form.
#[derive(Debug, Clone, Copy)]
pub struct Person<'a> {
    pub name: &'a str,
    /// The value of the sex <select>: "woman", "man", "another", "not_stated".
    pub sex: &'a str,
    /// Typed into the country picker, and the ISO code it must resolve to.
    pub country: (&'a str, &'a str),
}

pub const SITA: Person<'static> = Person {
    name: "सीता शर्मा",
    sex: "woman",
    country: ("Nepal", "NP"),
};
pub const LAN: Person<'static> = Person {
    name: "Nguyễn Thị Lan",
    sex: "woman",
    country: ("Viet Nam", "VN"),
};
pub const MAZEN: Person<'static> = Person {
    name: "محمد مازن المعايطة",
    sex: "man",
    country: ("Jordan", "JO"),
};

/// Types into a country picker and clicks the matching option in its list.
pub async fn choose_country(app: &App, testid: &str, typed: &str, code: &str) {
    app.clear(testid).await;
    app.type_text(testid, typed).await;
    let option = app
        .wait_for_css(&format!(
            "{} li[role=\"option\"][data-code=\"{code}\"]",
            sel(&format!("{testid}-options"))
        ))
        .await;
    option.click().await.expect("click the country option");
    app.wait_gone(&format!("{testid}-options")).await;
}

/// Types a date into a type="date" input.
///
/// WebKitGTK renders `<input type="date">` as a segmented field in the locale's order
/// (month/day/year under the C or en-US locale these tests run in): typing the ISO text
/// "2026-11-23" leaves "0023-12-11", while "11/23/2026" gives "2026-11-23". So the date is typed
/// as MM/DD/YYYY and the value checked; under another locale (other order) the value is set by
/// script, with the `input` and `change` events a user's edit fires, and a note on stderr.
pub async fn set_date(app: &App, testid: &str, iso: &str) {
    let parts: Vec<&str> = iso.split('-').collect();
    assert_eq!(parts.len(), 3, "dates are YYYY-MM-DD: {iso}");
    let typed = format!("{}/{}/{}", parts[1], parts[2], parts[0]);
    app.clear(testid).await;
    app.type_keys(testid, &typed).await;
    let value = app.value(testid).await;
    if value != iso {
        eprintln!(
            "typing {typed} into the date field {testid} gave {value:?}; setting {iso} by script instead"
        );
        app.set_value_by_script(testid, iso).await;
    }
}

/// From the empty state or the workshop list: fills in the new-workshop form and saves it.
/// Ends on the new workshop's participant screen.
pub async fn create_workshop(app: &App, w: WorkshopDraft<'_>) {
    app.click("create-workshop").await;
    app.wait_for("workshop-form").await;
    app.type_text("workshop-title", w.title).await;
    app.type_text("workshop-city", w.city).await;
    choose_country(app, "workshop-country", w.country.0, w.country.1).await;
    set_date(app, "workshop-start", w.start).await;
    set_date(app, "workshop-end", w.end).await;
}

/// Saves the workshop form and waits for the participant screen.
pub async fn save_workshop(app: &App) {
    app.click("workshop-save").await;
    app.wait_for("new-participant").await;
    app.wait_for("summary-line").await;
}

/// Opens the registration form unless it is open already.
pub async fn open_registration(app: &App) {
    if app.find_shown("participant-form").await.is_none() {
        app.click("new-participant").await;
    }
    app.wait_for("participant-name").await;
    registration_form_is_rendered(app).await;
}

/// The registration dialog has a real size on screen (it once collapsed to 0 px high in WebKitGTK,
/// invisible and unclickable, while WebDriver still called it displayed).
pub async fn registration_form_is_rendered(app: &App) {
    let form = app.wait_for("participant-form").await;
    let (_, _, width, height) = form.rectangle().await.expect("the form's rectangle");
    if width < 100.0 || height < 100.0 {
        app.fail(&format!(
            "the registration form is rendered {width}×{height} px: the dialog is collapsed and cannot be used"
        ))
        .await;
    }
}

/// Registers one person with the mouse: type the name, choose the sex and the country, click
/// Register. The form stays open, emptied, for the next person.
pub async fn register(app: &App, p: Person<'_>) {
    open_registration(app).await;
    let before = app.count("participant-row").await;
    app.clear("participant-name").await;
    app.type_text("participant-name", p.name).await;
    app.select("participant-sex", p.sex).await;
    choose_country(app, "participant-country", p.country.0, p.country.1).await;
    app.click("participant-save").await;
    app.wait_for_count("participant-row", before + 1).await;
    app.eventually("the form to empty itself for the next person", async || {
        app.value("participant-name").await.is_empty().then_some(())
    })
    .await;
}

/// Closes the registration form with its Cancel button.
pub async fn close_registration(app: &App) {
    app.click("participant-cancel").await;
    app.wait_gone("participant-form").await;
}

/// Waits until the summary line mentions `total` participants and returns it.
pub async fn summary_with_total(app: &App, total: usize) -> String {
    let wanted = format!("{total} participant");
    app.eventually(&format!("the summary line to count {total}"), async || {
        let text = app.text("summary-line").await;
        text.starts_with(&wanted).then_some(text)
    })
    .await
}

/// The participant names on the list, sorted, for comparing sets.
pub async fn sorted_names(app: &App) -> Vec<String> {
    let mut names = app.participant_names().await;
    names.sort();
    names
}

/// The demo workshop as it is on the Sunday before its week (23–27 November 2026): eighteen
/// participants and no attendance yet, whatever day the tests run. (Opened from the first-run
/// screen instead, the demo's past sessions would carry sign-ins that depend on today.)
pub fn seed_demo_before_its_week(data_dir: &Path) {
    let sunday = chrono::DateTime::parse_from_rfc3339("2026-11-22T12:00:00Z")
        .unwrap()
        .to_utc();
    let mut db = Database::open(&paths::database_file(data_dir), sunday).unwrap();
    demo::create_default(&mut db, sunday).unwrap();
}

/// Sends WM_DELETE_WINDOW, as a window manager does on Alt+F4, to every top-level window whose
/// title contains `title` (`tools/wm_close.py`); returns how many windows were asked.
pub fn ask_window_to_close(title: &str) -> usize {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/tools/wm_close.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(title)
        .output()
        .expect("python3 runs the window-close helper");
    assert!(
        out.status.success(),
        "{}: {}",
        script.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

pub const FROM_YESTERDAY_TITLE: &str = "Fair recruitment of migrant workers — ASEAN and South Asia";

/// A workshop of three participants that runs from yesterday to three days from now, two sessions
/// a day, so the kiosk is open and yesterday is over whatever day the tests run; returns the
/// badge code of the Thai participant, for the scan.
pub fn seed_workshop_from_yesterday(data_dir: &Path, today: NaiveDate) -> String {
    #[allow(clippy::disallowed_methods)] // the test sets up data "now", as the app would
    let now = chrono::Utc::now();
    let mut db = Database::open(&paths::database_file(data_dir), now).unwrap();
    let input = WorkshopInput {
        title: FROM_YESTERDAY_TITLE.into(),
        venue_city: "Bangkok".into(),
        country: Some("TH".into()),
        start_date: (today - Days::new(1)).to_string(),
        end_date: (today + Days::new(3)).to_string(),
        sessions_per_day: Some(2),
        ..Default::default()
    };
    let w = workshop::create(&mut db, &input, now).unwrap();
    workshop::open(db.conn(), w.id).unwrap();
    let people = [
        (
            "सीता शर्मा",
            Sex::Woman,
            "NP",
            "GEFONT",
            "sita.sharma@gefont.example",
        ),
        (
            "สมชาย ใจดี",
            Sex::Man,
            "TH",
            "Thai Labour Solidarity Committee",
            "somchai@tlsc.example",
        ),
        (
            "Nguyễn Thị Lan",
            Sex::Woman,
            "VN",
            "VGCL",
            "lan.nguyen@vgcl.example",
        ),
    ];
    let mut badge = String::new();
    for (name, sex, country, organisation, email) in people {
        let p = participant::create(
            &mut db,
            w.id,
            &ParticipantInput {
                full_name: name.into(),
                sex,
                country: Some(country.into()),
                organisation: organisation.into(),
                email: email.into(),
                phone: "+977 1 4000000".into(),
                notes: "Vegetarian meals".into(),
                ..Default::default()
            },
            now,
        )
        .unwrap();
        if country == "TH" {
            badge = p.badge_code;
        }
    }
    badge
}

/// Switches to the window whose page is `page` (index.html, kiosk.html, present.html) and
/// returns its handle.
pub async fn window_with(app: &App, page: &str) -> WindowHandle {
    app.eventually(&format!("a window showing {page}"), async || {
        let here = app.client().window().await.ok();
        for handle in app.client().windows().await.ok()? {
            app.client().switch_to_window(handle.clone()).await.ok()?;
            let url = app.client().current_url().await.ok()?;
            let path = url.path();
            let main_page = page == "index.html" && matches!(path, "" | "/");
            if path.ends_with(page) || main_page {
                return Some(handle);
            }
        }
        if let Some(here) = here {
            let _ = app.client().switch_to_window(here).await;
        }
        None
    })
    .await
}
