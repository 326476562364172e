//! `workshop`: the headless command line of Workshop Desk, for scripts, benchmarks and
//! headquarters. It works on the same data directory as the desktop app.

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use workshop_core::{
    Database, Result, backup, consolidate, demo, import, paths, summary, sync, workbook, workshop,
};

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
    /// Bring many workshops' workbooks into one for headquarters: every participant, their
    /// attendance, SWOT note and action with its workshop, a cross-workshop Summary, and the
    /// people reached (a returning participant counted once). The same workshop exported twice
    /// counts once (the newest export); a file that is not a Workshop Desk workbook is skipped,
    /// with the reason, and the others go on. Needs no data directory.
    Consolidate {
        /// Workbooks exported by Workshop Desk, or folders: a folder means every .xlsx file
        /// directly in it (not those in its subfolders).
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        inputs: Vec<PathBuf>,
        /// Where to write the consolidated workbook; a folder gets "Consolidated report DATE.xlsx".
        #[arg(short = 'o', long = "output", value_name = "OUT.xlsx")]
        output: PathBuf,
    },
    /// Import a workbook exported by Workshop Desk (a full transfer from another laptop, or a
    /// workbook corrected by hand): list what it adds and changes, with every conflict, then
    /// apply it in one transaction after a backup. Records merge by their stable IDs; importing
    /// the same file twice changes nothing.
    Import {
        /// The workbook (.xlsx).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Only list what the import would do.
        #[arg(long)]
        dry_run: bool,
        /// Settle every conflict for this side (by default the later change wins).
        #[arg(long, value_enum, value_name = "SIDE")]
        keep: Option<KeepSide>,
    },
}

/// Which side `import --keep` settles conflicts for.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum KeepSide {
    /// This laptop's values.
    Ours,
    /// The workbook's values.
    Theirs,
}

/// What `export` writes (see `workbook::Profile`).
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ExportProfile {
    Report,
    Full,
}

fn main() -> ExitCode {
    // Internal: an import reads its workbook in a child process (`--read-workbook FILE`).
    if let Some(code) = import::child::serve_if_asked() {
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
    let now = now();
    if let Command::Consolidate { inputs, output } = &cli.command {
        return run_consolidate(inputs, output, now);
    }
    let data_dir = paths::data_dir(cli.data_dir.as_deref());
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
        Command::Consolidate { .. } => {} // done above, without the database
        Command::Import {
            file,
            dry_run,
            keep,
        } => {
            let exe = import::child::this_executable()?;
            let incoming = sync::read_file(&exe, file, &import::Limits::default())?;
            let preview = sync::preview(db.conn(), &incoming)?;
            for text in describe_import(&preview) {
                line(text);
            }
            if !preview.can_apply() {
                // `apply` refuses with the first problems named.
                sync::apply(&mut db, &incoming, &sync::Choices::new(), None, now)?;
            }
            if *dry_run {
                line("Dry run: nothing was changed.".into());
                return Ok(());
            }
            let choices: sync::Choices = match keep {
                None => sync::Choices::new(),
                Some(side) => preview
                    .conflicts
                    .iter()
                    .map(|c| {
                        let side = match side {
                            KeepSide::Ours => sync::Side::Ours,
                            KeepSide::Theirs => sync::Side::Theirs,
                        };
                        (c.key.clone(), side)
                    })
                    .collect(),
            };
            let backups = paths::backups_dir(&data_dir);
            let report = sync::apply(&mut db, &incoming, &choices, Some(&backups), now)?;
            for note in &report.notes {
                line(format!("  {note}"));
            }
            let outcome = match (&report.applied, &report.backup_file) {
                (false, _) => {
                    "Nothing to import: this laptop has everything the workbook holds.".to_string()
                }
                (true, Some(backup)) => {
                    format!("Imported. The data as it was before is in the backup {backup}.")
                }
                (true, None) => "Imported.".to_string(),
            };
            line(outcome);
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

/// The lines `workshop import` prints about what an import does.
fn describe_import(preview: &sync::Preview) -> Vec<String> {
    let shown = |value: &serde_json::Value| match value {
        serde_json::Value::Null => "(empty)".to_string(),
        serde_json::Value::String(text) if text.is_empty() => "(empty)".to_string(),
        // In quotes as written: a debug format would escape the marks of Indic and Thai names.
        serde_json::Value::String(text) => format!("\"{}\"", text.replace('\n', " / ")),
        other => other.to_string(),
    };
    let about = &preview.about;
    let mut lines = vec![format!(
        "{}: {} \"{}\", exported {} by device {} ({} profile)",
        preview.file_name,
        if preview.workshop_exists {
            "merging into"
        } else {
            "new workshop"
        },
        about.workshop_title,
        about.exported_at,
        about.device,
        about.profile.as_str()
    )];
    for sheet in &preview.edited_sheets {
        lines.push(format!("  edited by hand since the export: {sheet}"));
    }
    for warning in &preview.warnings {
        lines.push(format!("  warning: {warning}"));
    }
    for problem in &preview.problems {
        lines.push(format!("  cannot read: {}", problem.describe()));
    }
    for counts in &preview.counts {
        if counts.new + counts.updated + counts.conflicts > 0 {
            lines.push(format!(
                "  {}: {} new, {} updated, {} with conflicts, {} unchanged",
                counts.sheet, counts.new, counts.updated, counts.conflicts, counts.unchanged
            ));
        }
    }
    for update in &preview.updates {
        let how = if update.hand_edited {
            "edited by hand"
        } else {
            "changed there"
        };
        lines.push(format!(
            "  update ({how}): {} \"{}\", {}: {} -> {}",
            update.entity,
            update.label,
            update.column,
            shown(&update.old),
            shown(&update.new)
        ));
    }
    for conflict in &preview.conflicts {
        let keeps = match conflict.default {
            sync::Side::Ours => "keeps this laptop's",
            sync::Side::Theirs => "takes the workbook's",
        };
        lines.push(format!(
            "  conflict: {} \"{}\", {}: here {} ({}), in the workbook {} ({}); {keeps} unless --keep says otherwise",
            conflict.entity,
            conflict.label,
            conflict.column,
            shown(&conflict.ours),
            conflict.ours_at,
            shown(&conflict.theirs),
            conflict.theirs_at
        ));
    }
    lines.push(format!(
        "  {} new records, {} values updated, {} conflicts, {} change-log entries to add",
        preview.new_records.len(),
        preview.updates.len(),
        preview.conflicts.len(),
        preview.log_entries
    ));
    lines
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

/// `workshop consolidate`: the consolidated workbook of `inputs` at `output` (or inside it when
/// it is a folder); prints the file, then what was included, dropped and skipped, and the people
/// reached.
fn run_consolidate(inputs: &[PathBuf], output: &std::path::Path, now: DateTime<Utc>) -> Result<()> {
    let exe = import::child::this_executable()?;
    let path = if output.is_dir() {
        output.join(consolidate::file_name(now))
    } else {
        output.to_path_buf()
    };
    let done = consolidate::consolidate(
        &exe,
        inputs,
        &path,
        &import::Limits::default(),
        now,
        &mut |_| {},
    )?;
    let mut out = std::io::stdout().lock();
    let mut line = |text: String| {
        let _ = writeln!(out, "{text}");
    };
    let name = |file: &std::path::Path| {
        file.file_name()
            .unwrap_or(file.as_os_str())
            .to_string_lossy()
            .into_owned()
    };
    line(done.path.display().to_string());
    for workshop in &done.included {
        let dates = match (workshop.start_date, workshop.end_date) {
            (Some(start), Some(end)) => format!(", {start} to {end}"),
            _ => String::new(),
        };
        line(format!(
            "  Included: {}: {}{dates}, {} participant{}",
            name(&workshop.file),
            workshop.title,
            workshop.participants,
            if workshop.participants == 1 { "" } else { "s" }
        ));
        if let Some(note) = workshop.edited_note() {
            line(format!("    {note}"));
        }
    }
    for dropped in &done.dropped {
        line(format!(
            "  Dropped: {}: {}",
            name(&dropped.file),
            dropped.reason
        ));
    }
    for skipped in &done.skipped {
        line(format!(
            "  Skipped: {}: {}",
            name(&skipped.file),
            skipped.reason
        ));
    }
    line(format!(
        "  People reached: {} ({} participant records; {} at more than one workshop)",
        done.people_reached, done.participants, done.returning
    ));
    Ok(())
}
