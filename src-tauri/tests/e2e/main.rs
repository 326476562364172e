//! End-to-end tests of Workshop Desk through the real window: tauri-driver + WebKitWebDriver drive
//! the `workshop-desk` binary cargo built, each test on its own temporary data directory.
//!
//! Run them one at a time under a virtual display:
//! ```text
//! xvfb-run -a -s "-screen 0 1280x800x24" cargo test -p workshop-desk --test e2e -- --test-threads=1
//! ```
//! Screenshots of the key steps go to `target/e2e-screenshots/<test>-<step>.png`, and
//! tauri-driver's own output to `target/e2e-logs/`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod flows;
mod harness;

mod attendance;
mod backups;
mod board;
mod certificates;
mod consolidate;
mod data_unavailable;
mod first_run;
mod groups_plans;
mod import;
mod kiosk;
mod language;
mod registration;
mod restart;
mod search_and_delete;
mod sheets;
mod validation;
mod workbook;
mod workshops;
