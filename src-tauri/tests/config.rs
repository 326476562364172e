//! The architecture's invariants that live in configuration rather than code: a strict CSP, no
//! remote content, one caller of `invoke`, every command both registered and permitted, icons
//! the bundler accepts. Read as text, no window needed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn app_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: impl AsRef<Path>) -> String {
    let path = app_dir().join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn config() -> serde_json::Value {
    serde_json::from_str(&read("tauri.conf.json")).unwrap()
}

#[test]
fn the_content_security_policy_allows_nothing_remote_and_no_eval() {
    let config = config();
    let csp = config["app"]["security"]["csp"]
        .as_object()
        .expect("the CSP is set, as directives");
    for (directive, sources) in csp {
        let sources = sources.as_str().unwrap();
        for source in sources.split_whitespace() {
            let allowed = source.starts_with('\'')
                || source == "data:"
                || source == "ipc:"
                || source == "http://ipc.localhost";
            assert!(
                allowed,
                "{directive} allows {source}: only the app itself may be reached"
            );
        }
        assert!(
            !sources.contains("unsafe-eval"),
            "{directive} must not allow eval"
        );
        assert!(
            !sources.contains("unsafe-inline"),
            "{directive} must not allow inline code"
        );
    }
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert!(
        config["build"].get("devUrl").is_none(),
        "the UI is served from the app, not a server"
    );
}

#[test]
fn no_shell_or_file_system_plugin_is_linked() {
    let manifest = read("Cargo.toml");
    for plugin in [
        "tauri-plugin-shell",
        "tauri-plugin-fs",
        "tauri-plugin-http",
        "tauri-plugin-updater",
    ] {
        assert!(
            !manifest.contains(plugin),
            "{plugin} would let the window reach beyond the app"
        );
    }
}

/// The quoted command names in `text` between `start` and the next `end`.
fn names_between(text: &str, start: &str, end: &str, prefix: &str) -> BTreeSet<String> {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"))
        + start.len();
    let block = &text[from..from + text[from..].find(end).unwrap()];
    block
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == ':'))
        .filter_map(|word| word.strip_prefix(prefix))
        .filter(|word| !word.is_empty())
        .map(|word| word.replace('-', "_"))
        .collect()
}

#[test]
fn every_command_is_registered_permitted_and_declared_once() {
    let declared = names_between(&read("build.rs"), "const COMMANDS: &[&str] = &[", "];", "");
    let handler = &read("src/lib.rs");
    let mut registered = BTreeSet::new();
    for module in [
        "commands::",
        "capture::",
        "exports::",
        "consolidate::",
        "imports::",
    ] {
        registered.extend(names_between(handler, "generate_handler![", "]", module));
    }
    let facilitator = names_between(
        &read("permissions/facilitator.toml"),
        "permissions = [",
        "]",
        "allow-",
    );
    let kiosk = names_between(
        &read("permissions/kiosk.toml"),
        "permissions = [",
        "]",
        "allow-",
    );
    let present = names_between(
        &read("permissions/present.toml"),
        "permissions = [",
        "]",
        "allow-",
    );
    let gated = names_between(
        &read("src/windows.rs"),
        "KIOSK_COMMANDS: &[&str] = &[",
        "];",
        "",
    );
    let gated_present = names_between(
        &read("src/windows.rs"),
        "PRESENT_COMMANDS: &[&str] = &[",
        "];",
        "",
    );
    assert!(
        registered.len() >= 20 && kiosk.len() >= 5,
        "the lists were read: {registered:?} {kiosk:?}"
    );
    assert_eq!(
        declared, registered,
        "build.rs and generate_handler! must list the same commands"
    );
    for (a, b) in [
        (&facilitator, &kiosk),
        (&facilitator, &present),
        (&kiosk, &present),
    ] {
        assert!(
            a.is_disjoint(b),
            "no command may be granted to two windows: {:?}",
            a.intersection(b).collect::<Vec<_>>()
        );
    }
    let granted: BTreeSet<String> = facilitator
        .iter()
        .chain(&kiosk)
        .chain(&present)
        .cloned()
        .collect();
    assert_eq!(
        granted, registered,
        "every command is granted to exactly one window"
    );
    assert_eq!(
        kiosk, gated,
        "the kiosk's permission set and the label gate in src/windows.rs must agree"
    );
    assert_eq!(
        present, gated_present,
        "the projector's permission set and the label gate in src/windows.rs must agree"
    );
    // Every command is defined in one of the shell's modules.
    let commands: String = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .collect();
    for name in &registered {
        assert!(
            commands.contains(&format!("pub async fn {name}("))
                || commands.contains(&format!("pub fn {name}(")),
            "{name}"
        );
    }
}

fn ui_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ui_files(&path, found);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("js" | "html" | "css")
        ) {
            found.push(path);
        }
    }
}

#[test]
fn the_ui_loads_nothing_remote_and_only_api_js_calls_invoke() {
    let mut files = Vec::new();
    ui_files(&app_dir().join("../ui"), &mut files);
    assert!(files.len() > 5, "the UI was found: {files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        for remote in ["http://", "https://", "//fonts.", "cdn."] {
            let hits: Vec<&str> = text
                .lines()
                .filter(|line| line.contains(remote) && !line.contains("www.w3.org/2000/svg"))
                .collect();
            assert!(hits.is_empty(), "{name} refers to remote content: {hits:?}");
        }
        if name != "api.js" {
            assert!(
                !text.contains("__TAURI__"),
                "{name} reaches Tauri directly; go through api.js"
            );
            assert!(
                !text.contains("invoke("),
                "{name} calls invoke; only api.js may"
            );
        }
        if name.ends_with(".html") {
            assert!(
                !text.contains("<script>") && !text.contains(" style=\""),
                "{name} has inline code"
            );
        }
    }
}

#[test]
fn the_icons_are_rgba_pngs_as_the_bundler_requires() {
    let config = config();
    for icon in config["bundle"]["icon"].as_array().unwrap() {
        let path = app_dir().join(icon.as_str().unwrap());
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if path.extension().is_some_and(|e| e == "png") {
            assert_eq!(&bytes[1..4], b"PNG", "{} is a PNG", path.display());
            assert_eq!(
                bytes[25],
                6,
                "{} must be RGBA (colour type 6)",
                path.display()
            );
        } else {
            assert!(bytes.len() > 1000, "{} is a real icon", path.display());
        }
    }
}

#[test]
fn each_window_gets_only_its_own_capability() {
    let main: serde_json::Value = serde_json::from_str(&read("capabilities/main.json")).unwrap();
    let kiosk: serde_json::Value = serde_json::from_str(&read("capabilities/kiosk.json")).unwrap();
    assert_eq!(main["windows"], serde_json::json!(["main"]));
    // Exactly these: the save dialog's plugin (`dialog:*`) is used from Rust, never granted.
    assert_eq!(
        main["permissions"],
        serde_json::json!(["core:default", "facilitator"])
    );
    assert_eq!(kiosk["windows"], serde_json::json!(["kiosk"]));
    // Not even core:default: the kiosk page must not reach the window API (close, un-fullscreen).
    assert_eq!(kiosk["permissions"], serde_json::json!(["kiosk"]));
    let capabilities: Vec<_> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
    let present: serde_json::Value =
        serde_json::from_str(&read("capabilities/present.json")).unwrap();
    assert_eq!(present["windows"], serde_json::json!(["present"]));
    assert_eq!(present["permissions"], serde_json::json!(["present"]));
    assert_eq!(capabilities.len(), 3, "{capabilities:?}");
}
