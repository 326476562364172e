//! The `workshop` binary, run as a user would, and the core's freedom from GUI libraries.

use std::process::Command;

fn workshop(data_dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_workshop"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("WORKSHOP_DESK_DATA_DIR")
        .output()
        .unwrap()
}

#[test]
fn demo_prints_an_id_and_workshops_lists_its_headcount() {
    let dir = tempfile::tempdir().unwrap();
    let demo = workshop(dir.path(), &["demo"]);
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let id = String::from_utf8(demo.stdout).unwrap().trim().to_string();
    assert!(
        uuid::Uuid::parse_str(&id).is_ok(),
        "demo prints the workshop's ID, got {id:?}"
    );

    let list = workshop(dir.path(), &["workshops"]);
    let text = String::from_utf8(list.stdout).unwrap();
    assert!(text.contains(&id), "{text}");
    assert!(
        text.contains("18 participants (9 women) from 12 countries; 6 under 35"),
        "{text}"
    );
}

#[test]
fn demo_as_of_a_wednesday_carries_the_attendance_of_the_days_before() {
    let dir = tempfile::tempdir().unwrap();
    let demo = workshop(
        dir.path(),
        &["demo", "--as-of", "2026-11-25T12:00:00+05:45"],
    );
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let conn = rusqlite::Connection::open(dir.path().join("workshop-desk.sqlite3")).unwrap();
    let (start, days_marked): (String, i64) = conn
        .query_row(
            "SELECT w.start_date, (SELECT COUNT(DISTINCT day) FROM attendance)
             FROM workshop w",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(start, "2026-11-23", "the week of that Wednesday");
    assert_eq!(days_marked, 3, "Monday, Tuesday and Wednesday morning");

    let bad = workshop(dir.path(), &["demo", "--as-of", "next Wednesday"]);
    assert!(!bad.status.success());
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("--as-of"), "{stderr}");
}

#[test]
fn the_environment_variable_chooses_the_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_workshop"))
        .args(["demo", "--participants", "3"])
        .env("WORKSHOP_DESK_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(dir.path().join("workshop-desk.sqlite3").is_file());
}

#[test]
fn a_newer_database_gives_a_message_and_a_failure_status() {
    let dir = tempfile::tempdir().unwrap();
    assert!(workshop(dir.path(), &["workshops"]).status.success());
    let conn = rusqlite::Connection::open(dir.path().join("workshop-desk.sqlite3")).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let output = workshop(dir.path(), &["workshops"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("newer version of Workshop Desk"),
        "{stderr}"
    );
}

/// The architecture's first invariant: the core never depends on tauri or a GUI library.
#[test]
fn the_core_depends_on_no_gui_library() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "-p",
            "workshop-core",
            "-e",
            "normal,build",
            "--prefix",
            "none",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8(output.stdout).unwrap();
    assert!(tree.contains("rusqlite"), "the tree was read: {tree}");
    for forbidden in ["tauri", "wry", "tao ", "gtk", "webkit", "winit"] {
        assert!(
            !tree.lines().any(|line| line.starts_with(forbidden)),
            "workshop-core must not depend on {forbidden}:\n{tree}"
        );
    }
}
