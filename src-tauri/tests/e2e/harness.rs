//! Starting the real app under tauri-driver + WebKitWebDriver, and small helpers to drive it by its
//! `data-testid` attributes.
//!
//! One `App` is one WebDriver session: a tauri-driver child on free ports, which starts
//! WebKitWebDriver, which starts `workshop-desk` with `WORKSHOP_DESK_DATA_DIR` pointing at the
//! test's own data directory. `App::quit` ends the session cleanly; the `Drop` guard of `Driver`
//! makes sure no process outlives a failing test.

use fantoccini::actions::{InputSource as _, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The app binary cargo built for this test crate.
pub const APP_BINARY: &str = env!("CARGO_BIN_EXE_workshop-desk");

/// How long `wait_for` and friends wait before failing.
pub const WAIT: Duration = Duration::from_secs(15);

/// How long the WebDriver session may take to start (the app panics without a display and the
/// request would otherwise hang forever).
const SESSION_TIMEOUT: Duration = Duration::from_secs(30);

/// Launches so far in this test binary: each gets its own driver log.
static LAUNCHES: AtomicUsize = AtomicUsize::new(0);

const POLL: Duration = Duration::from_millis(100);

/// `target/` (next to `debug/workshop-desk`), where screenshots and driver logs go.
pub fn target_dir() -> PathBuf {
    let binary = Path::new(APP_BINARY);
    binary
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
}

/// The CSS selector for one `data-testid`.
pub fn sel(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

/// Fails the test unless a display is available: without one the app panics at start and the
/// session request hangs.
fn require_display() {
    let display = std::env::var("DISPLAY").unwrap_or_default();
    assert!(
        !display.trim().is_empty(),
        "DISPLAY is not set: the end-to-end tests drive the real window and need an X display. \
         Run them under xvfb-run -a -s '-screen 0 1280x800x24', e.g.\n  \
         xvfb-run -a -s \"-screen 0 1280x800x24\" cargo test -p workshop-desk --test e2e -- --test-threads=1"
    );
}

/// tauri-driver: `$TAURI_DRIVER`, else on PATH, else in cargo's bin directory.
fn tauri_driver_path() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("tauri-driver"))
            .find(|candidate| candidate.is_file())
    });
    if let Some(path) = on_path {
        return path;
    }
    let cargo_home = std::env::var_os("CARGO_HOME").map_or_else(
        || PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo"),
        PathBuf::from,
    );
    cargo_home.join("bin").join("tauri-driver")
}

fn free_port() -> u16 {
    let listener = TcpListener::bind(("127.0.0.1", 0)).expect("bind an ephemeral port");
    listener.local_addr().expect("local address").port()
}

/// Process ids of every descendant of `pid`, read from /proc (WebKitWebDriver, the app, WebKit's
/// helper processes). Used to make sure they are gone when the driver stops.
fn descendants(pid: u32) -> Vec<u32> {
    let mut found = Vec::new();
    let mut queue = vec![pid];
    while let Some(parent) = queue.pop() {
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{parent}/task")) else {
            continue;
        };
        for task in tasks.flatten() {
            let children =
                std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
            for child in children
                .split_whitespace()
                .filter_map(|c| c.parse::<u32>().ok())
            {
                if !found.contains(&child) {
                    found.push(child);
                    queue.push(child);
                }
            }
        }
    }
    found
}

/// A process is alive while /proc has it and it is not a zombie.
fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => {
            // "pid (comm) state ...": the state follows the last ')'.
            let state = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().next());
            state != Some("Z")
        }
        Err(_) => false,
    }
}

/// SIGTERM by process id. The workspace forbids `unsafe`, so no libc::kill: the `kill` command.
fn sigterm(pid: u32) {
    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// The tauri-driver child process. Stopped with SIGTERM (SIGKILL would orphan WebKitWebDriver
/// and the app), on `stop` or when dropped.
#[derive(Debug)]
pub struct Driver {
    child: Option<Child>,
    port: u16,
    log: PathBuf,
}

impl Driver {
    fn start(data_dir: &Path, log: &Path) -> Driver {
        let port = free_port();
        let mut native_port = free_port();
        while native_port == port {
            native_port = free_port();
        }
        let driver = tauri_driver_path();
        assert!(
            driver.is_file(),
            "tauri-driver not found at {} (install it with `cargo install tauri-driver --locked --version '^2'` \
             or set TAURI_DRIVER to its path)",
            driver.display()
        );
        if let Some(dir) = log.parent() {
            std::fs::create_dir_all(dir).expect("create the log directory");
        }
        let log_file = std::fs::File::create(log).expect("create the driver log");
        let child = Command::new(&driver)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("WORKSHOP_DESK_DATA_DIR", data_dir)
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().expect("clone the log handle"))
            .stderr(log_file)
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {}: {e}", driver.display()));
        let mut this = Driver {
            child: Some(child),
            port,
            log: log.to_path_buf(),
        };
        // tauri-driver forwards a new session to WebKitWebDriver, which it starts at the same
        // time: a session asked for before that one listens fails with "connection refused".
        this.wait_until_listening(port, "tauri-driver");
        this.wait_until_listening(native_port, "WebKitWebDriver");
        this
    }

    fn wait_until_listening(&mut self, port: u16, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return;
            }
            if let Some(child) = self.child.as_mut()
                && let Ok(Some(status)) = child.try_wait()
            {
                panic!(
                    "tauri-driver exited before listening ({status}); log {}:\n{}",
                    self.log.display(),
                    std::fs::read_to_string(&self.log).unwrap_or_default()
                );
            }
            assert!(
                Instant::now() < deadline,
                "{what} did not accept connections on port {port} within 10 s; log {}",
                self.log.display()
            );
            std::thread::sleep(POLL);
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// SIGTERM to tauri-driver (which stops WebKitWebDriver), wait for it, then make sure the
    /// app and WebKit's helpers are gone too. Never panics (it runs in `Drop`).
    fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let pid = child.id();
        let family = descendants(pid);
        sigterm(pid);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match child.try_wait() {
                Ok(Some(_)) | Err(_) => break,
                Ok(None) if Instant::now() >= deadline => {
                    eprintln!("tauri-driver ({pid}) ignored SIGTERM for 10 s; killing it");
                    let _ = child.kill();
                    let _ = child.wait();
                    break;
                }
                Ok(None) => std::thread::sleep(POLL),
            }
        }
        // WebKitWebDriver ends the app when the session ends; anything still running after that
        // is ours (started by this driver) and is asked to stop by its id.
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut asked = false;
        loop {
            let left: Vec<u32> = family.iter().copied().filter(|p| alive(*p)).collect();
            if left.is_empty() {
                break;
            }
            if Instant::now() >= deadline {
                eprintln!("processes started by tauri-driver still running after 10 s: {left:?}");
                break;
            }
            if !asked && Instant::now() + Duration::from_secs(5) >= deadline {
                for p in &left {
                    sigterm(*p);
                }
                asked = true;
            }
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One running app window under WebDriver.
#[derive(Debug)]
pub struct App {
    client: Option<Client>,
    driver: Driver,
    test: String,
    shots: PathBuf,
}

impl App {
    /// Starts tauri-driver and the app on `data_dir` and waits until the UI has booted.
    pub async fn launch(test: &str, data_dir: &Path) -> App {
        require_display();
        let target = target_dir();
        let launch = LAUNCHES.fetch_add(1, Ordering::Relaxed);
        let log = target
            .join("e2e-logs")
            .join(format!("{test}-{}-{launch}.log", std::process::id()));
        let driver = Driver::start(data_dir, &log);

        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".to_owned(),
            json!({ "application": APP_BINARY }),
        );
        caps.insert("browserName".to_owned(), json!("wry"));
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let session = tokio::time::timeout(
            SESSION_TIMEOUT,
            ClientBuilder::new(connector)
                .capabilities(caps)
                .connect(&driver.url()),
        )
        .await;
        let client = match session {
            Ok(Ok(client)) => client,
            Ok(Err(e)) => panic!(
                "could not create the WebDriver session: {e}\ndriver log {}:\n{}",
                log.display(),
                std::fs::read_to_string(&log).unwrap_or_default()
            ),
            Err(_) => panic!(
                "the WebDriver session did not start within {} s (is the display usable?)\ndriver log {}:\n{}",
                SESSION_TIMEOUT.as_secs(),
                log.display(),
                std::fs::read_to_string(&log).unwrap_or_default()
            ),
        };
        let shots = target.join("e2e-screenshots");
        std::fs::create_dir_all(&shots).expect("create the screenshot directory");
        let app = App {
            client: Some(client),
            driver,
            test: test.to_owned(),
            shots,
        };
        app.wait_until_booted().await;
        app
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the session is open")
    }

    /// The UI has routed somewhere: one of the first screens is on show.
    async fn wait_until_booted(&self) {
        self.eventually("the first screen (first-run, workshop list or participants)", async || {
            let v = self
                .js(
                    "return !!document.querySelector('[data-testid=\"first-run\"], [data-testid=\"participant-list\"], \
                     [data-testid=\"participants-empty\"]:not([hidden]), #app-main .view');",
                    vec![],
                )
                .await;
            (v == Value::Bool(true)).then_some(())
        })
        .await;
    }

    /// Ends the session (WebKitWebDriver closes the app) and stops tauri-driver.
    pub async fn quit(mut self) {
        if let Some(client) = self.client.take()
            && let Err(e) = client.close().await
        {
            eprintln!("closing the WebDriver session failed: {e}");
        }
        self.driver.stop();
    }

    // ----- finding and waiting -----

    /// Polls `check` until it returns `Some`, or fails after `WAIT` with a screenshot and the list of
    /// test ids on the screen.
    pub async fn eventually<T>(&self, what: &str, mut check: impl AsyncFnMut() -> Option<T>) -> T {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(value) = check().await {
                return value;
            }
            if Instant::now() >= deadline {
                self.fail(&format!(
                    "timed out after {} s waiting for {what}",
                    WAIT.as_secs()
                ))
                .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Panics with a screenshot and a description of what is on the screen.
    pub async fn fail(&self, message: &str) -> ! {
        let shot = self.screenshot("FAILED").await;
        let visible = self
            .js(
                "return [...document.querySelectorAll('[data-testid]')]
                   .filter(e => e.getClientRects().length > 0)
                   .map(e => e.getAttribute('data-testid'));",
                vec![],
            )
            .await;
        let mut ids: Vec<String> = visible
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        ids.dedup();
        let url = self
            .client()
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default();
        let banner = self
            .js(
                "const b = document.querySelector('[data-testid=\"error-banner-text\"]'); return b ? b.textContent : null;",
                vec![],
            )
            .await;
        let mut text = format!("{message}\n  url: {url}\n  visible test ids: {ids:?}\n");
        if let Some(b) = banner.as_str() {
            let _ = writeln!(text, "  error banner: {b}");
        }
        let _ = writeln!(text, "  screenshot: {}", shot.display());
        let _ = write!(text, "  driver log: {}", self.driver.log.display());
        panic!("{text}");
    }

    /// All elements with this test id (shown or not).
    pub async fn all(&self, testid: &str) -> Vec<Element> {
        self.client()
            .find_all(Locator::Css(&sel(testid)))
            .await
            .unwrap_or_default()
    }

    /// The first element with this test id that is displayed, if any.
    pub async fn find_shown(&self, testid: &str) -> Option<Element> {
        for element in self.all(testid).await {
            if element.is_displayed().await.unwrap_or(false) {
                return Some(element);
            }
        }
        None
    }

    /// Waits until an element with this test id is displayed.
    pub async fn wait_for(&self, testid: &str) -> Element {
        self.eventually(
            &format!("data-testid=\"{testid}\" to be shown"),
            async || self.find_shown(testid).await,
        )
        .await
    }

    /// Waits until an element matching a CSS selector is displayed (for parts without a test id,
    /// such as one option of a list that has one).
    pub async fn wait_for_css(&self, css: &str) -> Element {
        self.eventually(&format!("{css} to be shown"), async || {
            let found = self.client().find_all(Locator::Css(css)).await.ok()?;
            for element in found {
                if element.is_displayed().await.unwrap_or(false) {
                    return Some(element);
                }
            }
            None
        })
        .await
    }

    /// Waits until no element with this test id is displayed.
    pub async fn wait_gone(&self, testid: &str) {
        self.eventually(
            &format!("data-testid=\"{testid}\" to disappear"),
            async || self.find_shown(testid).await.is_none().then_some(()),
        )
        .await;
    }

    /// Number of elements with this test id in the page.
    pub async fn count(&self, testid: &str) -> usize {
        self.all(testid).await.len()
    }

    /// Number of elements matching a CSS selector in the page.
    pub async fn count_css(&self, css: &str) -> usize {
        self.client()
            .find_all(Locator::Css(css))
            .await
            .map_or(0, |found| found.len())
    }

    /// Waits until exactly `n` elements with this test id are in the page.
    pub async fn wait_for_count(&self, testid: &str, n: usize) {
        self.eventually(&format!("{n} × data-testid=\"{testid}\""), async || {
            (self.count(testid).await == n).then_some(())
        })
        .await;
    }

    // ----- acting -----

    /// Clicks the first shown element with this test id. An element drawn again between being
    /// found and clicked (the header after a route change) is found again, as a person's click
    /// would land on the new one.
    pub async fn click(&self, testid: &str) {
        const TRIES: usize = 5;
        for attempt in 1..=TRIES {
            let element = self.wait_for(testid).await;
            match element.click().await {
                Ok(()) => return,
                Err(e) if attempt < TRIES && is_stale(&e) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => {
                    self.fail(&format!("clicking data-testid=\"{testid}\" failed: {e}"))
                        .await;
                }
            }
        }
    }

    /// Types `text` into the field through WebDriver's Element Send Keys (real key events), then
    /// checks the field holds exactly what was typed. WebKitWebDriver types Devanagari, Vietnamese
    /// and Arabic this way (checked by these tests), so no script fallback is needed for text.
    pub async fn type_text(&self, testid: &str, text: &str) {
        let element = self.wait_for(testid).await;
        let before = element
            .prop("value")
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        if let Err(e) = element.send_keys(text).await {
            self.fail(&format!("typing into data-testid=\"{testid}\" failed: {e}"))
                .await;
        }
        let after = element
            .prop("value")
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        let expected = format!("{before}{text}");
        if after != expected {
            self.fail(&format!(
                "typing {text:?} into data-testid=\"{testid}\" left {after:?} (expected {expected:?})"
            ))
            .await;
        }
    }

    /// Clicks the first shown element matching a CSS selector (a button inside one given row).
    pub async fn click_css(&self, css: &str) {
        let element = self.wait_for_css(css).await;
        if let Err(e) = element.click().await {
            self.fail(&format!("clicking {css} failed: {e}")).await;
        }
    }

    /// Sends keys to the field without checking what it then holds (for controls that format what
    /// is typed, such as dates).
    pub async fn type_keys(&self, testid: &str, text: &str) {
        let element = self.wait_for(testid).await;
        if let Err(e) = element.send_keys(text).await {
            self.fail(&format!("typing into data-testid=\"{testid}\" failed: {e}"))
                .await;
        }
    }

    /// Empties a field as a user does: Ctrl+A, Backspace (which fires the `input` event the app
    /// listens to; WebDriver's Element Clear does not, so a search box would not notice it). Falls
    /// back to Element Clear for controls where select-all does not take (type="date").
    pub async fn clear(&self, testid: &str) {
        let element = self.wait_for(testid).await;
        let select_all_and_delete = format!("{}a{}{}", Key::Control, Key::Null, Key::Backspace);
        if element.send_keys(&select_all_and_delete).await.is_ok()
            && element
                .prop("value")
                .await
                .ok()
                .flatten()
                .unwrap_or_default()
                .is_empty()
        {
            return;
        }
        if let Err(e) = element.clear().await {
            self.fail(&format!("clearing data-testid=\"{testid}\" failed: {e}"))
                .await;
        }
    }

    /// Sets a field's value by script and fires `input` and `change`, as the browser does after a
    /// user's edit. Only for controls WebKitGTK cannot be typed into reliably (type="date").
    pub async fn set_value_by_script(&self, testid: &str, value: &str) {
        let element = self.wait_for(testid).await;
        let element_json = serde_json::to_value(&element).expect("element reference");
        let result = self
            .client()
            .execute(
                "const [el, value] = arguments;
                 el.focus();
                 el.value = value;
                 el.dispatchEvent(new Event('input', { bubbles: true }));
                 el.dispatchEvent(new Event('change', { bubbles: true }));
                 return el.value;",
                vec![element_json, json!(value)],
            )
            .await;
        match result {
            Ok(Value::String(v)) if v == value => {}
            other => {
                self.fail(&format!(
                    "setting data-testid=\"{testid}\" to {value:?} by script gave {other:?}"
                ))
                .await;
            }
        }
    }

    /// Chooses an option of a <select> by its value (WebDriver clicks the option).
    pub async fn select(&self, testid: &str, value: &str) {
        let element = self.wait_for(testid).await;
        if let Err(e) = element.select_by_value(value).await {
            self.fail(&format!(
                "choosing {value:?} in data-testid=\"{testid}\" failed: {e}"
            ))
            .await;
        }
    }

    /// Presses keys one after another through WebDriver's Actions (key down, key up), with no
    /// element targeted: the keys go wherever the focus is, exactly as from a keyboard.
    pub async fn keyboard(&self, text: &str) {
        let mut actions = KeyActions::new("keyboard".to_owned());
        for c in text.chars() {
            actions = actions
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        if let Err(e) = self.client().perform_actions(actions).await {
            self.fail(&format!("pressing {text:?} failed: {e}")).await;
        }
    }

    /// The data-testid of the focused element (or of its nearest ancestor that has one).
    pub async fn focused_testid(&self) -> Option<String> {
        self.js(
            "const a = document.activeElement; const t = a && a.closest && a.closest('[data-testid]'); \
             return t ? t.getAttribute('data-testid') : null;",
            vec![],
        )
        .await
        .as_str()
        .map(str::to_owned)
    }

    // ----- reading -----

    /// The rendered text of the first shown element with this test id.
    ///
    /// A view that redraws may replace the element between finding and reading it (a stale
    /// element): it is then found again, a few times, before the test fails.
    pub async fn text(&self, testid: &str) -> String {
        let mut last_error = None;
        for _ in 0..5 {
            let element = self.wait_for(testid).await;
            match element.text().await {
                Ok(text) => return text,
                Err(e) => {
                    last_error = Some(e);
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        }
        let error = last_error.map(|e| e.to_string()).unwrap_or_default();
        self.fail(&format!("reading data-testid=\"{testid}\" failed: {error}"))
            .await
    }

    /// The `value` of a form field.
    pub async fn value(&self, testid: &str) -> String {
        let element = self.wait_for(testid).await;
        element
            .prop("value")
            .await
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// The names in the participant list, top to bottom, exactly as the page holds them.
    ///
    /// Read with a script, not WebDriver's Get Element Text: WebKitWebDriver's visibility check
    /// deems text in the table's ellipsis cells (`overflow: hidden` in a fixed-layout table)
    /// hidden and returns "" for it, though the screenshots show it drawn.
    pub async fn participant_names(&self) -> Vec<String> {
        let names = self
            .js(
                "return [...document.querySelectorAll('[data-testid=\"participant-row\"]')]
                   .map(r => (r.querySelector('.cell-name') || r).textContent);",
                vec![],
            )
            .await;
        names
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Calls a command of docs/ipc.md through the page's Tauri bridge, as the UI does, and returns
    /// its result (`{ "error": … }` if it failed). For checking what the core holds, not for acting.
    pub async fn invoke(&self, command: &str, args: Value) -> Value {
        self.client()
            .execute_async(
                "const [command, args, done] = arguments;
                 window.__TAURI__.core.invoke(command, args)
                   .then((value) => done({ ok: value }), (error) => done({ error }));",
                vec![json!(command), args],
            )
            .await
            .map_or(Value::Null, |v| v.get("ok").cloned().unwrap_or(v))
    }

    /// Runs a script in the page; a failing script gives `Value::Null`.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client()
            .execute(script, args)
            .await
            .unwrap_or(Value::Null)
    }

    /// Saves a PNG of the window to target/e2e-screenshots/<test>-<step>.png and returns its path.
    pub async fn screenshot(&self, step: &str) -> PathBuf {
        let path = self.shots.join(format!("{}-{step}.png", self.test));
        // WebKitWebDriver can hand back the last painted frame, behind the DOM (a validation
        // message already in the page was missing from a shot): let two frames be painted first.
        let _ = self
            .client()
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        match self.client().screenshot().await {
            Ok(png) => {
                if let Err(e) = std::fs::write(&path, png) {
                    eprintln!("could not save {}: {e}", path.display());
                }
            }
            Err(e) => eprintln!("screenshot {step} failed: {e}"),
        }
        path
    }
}

/// WebDriver's answer for an element that is no longer in the page (drawn again since it was
/// found): WebKitWebDriver says "Node with identifier … was not found", others "stale element".
fn is_stale(error: &fantoccini::error::CmdError) -> bool {
    let text = error.to_string();
    text.contains("was not found") || text.contains("stale element")
}
