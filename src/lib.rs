//! Workshop Desk's core: everything a facilitator can do, as plain functions over a SQLite
//! database, with the time passed in. The desktop shell (`src-tauri`) and the `workshop` CLI are
//! thin callers of this crate; it knows nothing of windows or Tauri.

pub mod attendance;
pub mod backup;
pub mod badge;
pub mod board;
pub mod certificates;
pub mod changelog;
pub mod consolidate;
pub mod countries;
pub mod db;
pub mod demo;
pub mod edit;
pub mod error;
pub mod exports;
pub mod groups;
pub mod ids;
pub mod import;
pub mod imports;
mod indic;
pub mod kiosk;
pub mod migrations;
pub mod names;
pub mod participant;
pub mod paths;
pub mod pin;
pub mod plans;
pub mod regions;
mod search;
pub mod settings;
pub mod sheets;
pub mod summary;
pub mod sync;
pub mod time;
pub mod validate;
pub mod workbook;
pub mod workshop;

pub use db::Database;
pub use error::{Error, InvalidCode, Result};

/// The version of the app, recorded in exports and shown in the interface.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
