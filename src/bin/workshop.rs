//! `workshop`: the headless command line of Workshop Desk, for scripts, benchmarks and
//! headquarters. It works on the same data directory as the desktop app.

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use workshop_core::{Database, Result, backup, demo, paths, summary, workshop};

#[derive(Debug, Parser)]
#[command(
    name = "workshop",
    version,
    about = "Workshop Desk from the command line"
)]
struct Cli {
    /// The data directory (default: $WORKSHOP_DESK_DATA_DIR, else the app's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a realistic demo workshop and print its ID.
    Demo {
        /// How many participants (the first 18 are a curated roster from twelve countries).
        #[arg(long, default_value_t = demo::DEFAULT_PARTICIPANTS)]
        participants: usize,
        /// Seed for the generated names, birth years and badge codes.
        #[arg(long, default_value_t = demo::DEFAULT_SEED)]
        seed: u64,
        /// Create it as it stands at this time (RFC 3339, e.g. 2026-11-25T12:00:00+05:45): its
        /// week is the one of that day, and the sessions before it carry their attendance.
        #[arg(long, value_parser = parse_time)]
        as_of: Option<DateTime<Utc>>,
    },
    /// List the workshops with their headcount line.
    Workshops {
        /// Include archived workshops.
        #[arg(long)]
        archived: bool,
    },
    /// List the backups beside the database, newest first.
    Backups,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("workshop: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The CLI's one reading of the clock; the core takes the time as an argument.
#[allow(clippy::disallowed_methods)]
fn now() -> DateTime<Utc> {
    Utc::now()
}

fn parse_time(text: &str) -> std::result::Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.to_utc())
        .map_err(|e| format!("not a time like 2026-11-25T12:00:00+05:45 ({e})"))
}

fn run(cli: &Cli) -> Result<()> {
    let data_dir = paths::data_dir(cli.data_dir.as_deref());
    let now = now();
    let mut db = Database::open(&paths::database_file(&data_dir), now)?;
    let mut out = std::io::stdout().lock();
    let mut line = |text: String| {
        // A closed pipe (`workshop workshops | head`) is not an error worth reporting.
        let _ = writeln!(out, "{text}");
    };
    match &cli.command {
        Command::Demo {
            participants,
            seed,
            as_of,
        } => {
            let workshop = demo::create(&mut db, *participants, *seed, as_of.unwrap_or(now))?;
            line(workshop.id.to_string());
        }
        Command::Workshops { archived } => {
            for workshop in workshop::list(db.conn(), *archived)? {
                let headcount = summary::summarize(db.conn(), workshop.id)?;
                let archived = if workshop.archived_at.is_some() {
                    " [archived]"
                } else {
                    ""
                };
                line(format!(
                    "{}  {} to {}  {}, {}{archived}\n    {}\n    {}",
                    workshop.id,
                    workshop.start_date,
                    workshop.end_date,
                    workshop.venue_city,
                    workshop.country.as_deref().unwrap_or("-"),
                    workshop.title,
                    headcount.headline,
                ));
            }
        }
        Command::Backups => {
            for backup in backup::list(&paths::backups_dir(&data_dir))? {
                line(format!(
                    "{}  {:>10} bytes  {}",
                    backup.taken_at, backup.size_bytes, backup.file
                ));
            }
        }
    }
    Ok(())
}
