//! Scenarios of the core, run without any window: one test binary whose modules mirror `src/`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod attendance;
mod backups;
mod capture;
mod certificates;
mod charts;
mod cli;
mod consolidate;
mod exchange;
mod export;
mod fixtures;
mod hand_edit;
mod hostile;
mod import_cli;
mod kiosk;
mod paper;
mod participants;
mod plans;
mod storage;
mod sync;
mod sync_cases;
mod workshops;
