//! `workshop`: the headless command line of Workshop Desk, for scripts, benchmarks and
//! headquarters. It works on the same data directory as the desktop app.

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use workshop_core::{Database, Result, backup, demo, paths, summary, workbook, workshop};

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
    /// Write a workshop's workbook (.xlsx): a report for headquarters, or a full transfer.
    #[command(group(clap::ArgGroup::new("which").required(true).args(["workshop", "latest"])))]
    Export {
        /// The workshop's ID (see `workshops`).
        #[arg(long, value_name = "ID")]
        workshop: Option<uuid::Uuid>,
        /// The workshop that starts last (archived ones included).
        #[arg(long)]
        latest: bool,
        /// `report`: contact details only with consent; `full`: everything (personal data).
        #[arg(long, value_enum, default_value_t = ExportProfile::Report)]
        profile: ExportProfile,
        /// Where to write the workbook; a folder gets the usual file name.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
}

/// What `export` writes (see `workbook::Profile`).
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ExportProfile {
    Report,
    Full,
}

fn main() -> ExitCode {
    // Internal: an import reads its workbook in a child process (`--read-workbook FILE`).
    if let Some(code) = workshop_core::import::child::serve_if_asked() {
        return code;
    }
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
        // clap requires --workshop or --latest: no ID means the latest.
        Command::Export {
            workshop,
            profile,
            output,
            ..
        } => {
            let exported = export(&db, *workshop, *profile, output, now)?;
            line(exported.path.display().to_string());
            for sheet in &exported.sheets {
                let rows = if sheet.rows == 1 { "row" } else { "rows" };
                line(format!("  {}: {} {rows}", sheet.name, sheet.rows));
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

/// `workshop export`: the workbook of workshop `id` (else of the one that starts last) at
/// `output`, or inside it when it is a folder.
fn export(
    db: &Database,
    id: Option<uuid::Uuid>,
    profile: ExportProfile,
    output: &std::path::Path,
    now: DateTime<Utc>,
) -> Result<workbook::Exported> {
    let chosen = match id {
        Some(id) => workshop::get(db.conn(), id)?,
        None => workshop::list(db.conn(), true)?
            .into_iter()
            .next()
            .ok_or_else(|| {
                workshop_core::Error::invalid(
                    workshop_core::InvalidCode::Required,
                    "workshop",
                    "There is no workshop in this data directory to export",
                )
            })?,
    };
    let path = if output.is_dir() {
        output.join(workbook::file_name(&chosen))
    } else {
        output.to_path_buf()
    };
    let profile = match profile {
        ExportProfile::Report => workbook::Profile::Report,
        ExportProfile::Full => workbook::Profile::FullTransfer,
    };
    let options = workbook::ExportOptions { profile, now };
    workbook::export(db, chosen.id, &options, &path, &mut |_| {})
}
