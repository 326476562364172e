//! Export of a large workshop to its workbook: `cargo bench --bench export`.
//!
//! A workshop of 10,000 participants with 50,000 sign-ins, 5,000 SWOT notes and 2,000 actions
//! (each answering a note), on disk. Measures the export's time and its peak memory growth, and
//! the time of writing the very same cells (read back from the export) with bare
//! rust_xlsxwriter, in the same run: the ratio is what the workbook layer costs on top of the
//! library (database reads, formats, tables, checksums, the Summary's charts). The targets
//! (BENCHMARKS.md) are goals to watch, never assertions in tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::DateTime;
use rust_xlsxwriter::{Format, Table, Workbook};
use std::path::Path;
use std::time::Instant;
use workshop_core::workbook::format::{self, DATE_FORMAT, TIMESTAMP_FORMAT};
use workshop_core::workbook::{self, ExportOptions, Profile};
use workshop_core::{Database, paths};

#[path = "common/big_workshop.rs"]
mod big_workshop;

use big_workshop::{build, median, memory_kb};

const RUNS: usize = 3;

/// Runs `work` and returns its time (s) and how far it raised the process's peak memory above
/// what was resident before (MB), resetting the peak first (`clear_refs` 5, Linux).
fn measure<R>(work: impl FnOnce() -> R) -> (R, f64, Option<f64>) {
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let before = memory_kb("VmRSS:");
    let started = Instant::now();
    let result = work();
    let seconds = started.elapsed().as_secs_f64();
    let growth = match (reset, before, memory_kb("VmHWM:")) {
        (true, Some(before), Some(peak)) => Some(peak.saturating_sub(before) as f64 / 1024.0),
        _ => None,
    };
    (result, seconds, growth)
}

/// Every cell of a workbook, read back: (sheet, rows of cells).
type Cells = Vec<(String, Vec<Vec<Data>>)>;

fn read_back(path: &Path) -> Cells {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let names = book.sheet_names().clone();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

/// The same cells with bare rust_xlsxwriter: the big sheets in constant memory, dates and times
/// with their number formats, nothing else (no tables, widths, charts or checksums).
fn write_bare(cells: &Cells, path: &Path, tables: bool) {
    let big: Vec<&str> = format::DATA_SHEETS
        .iter()
        .filter(|s| s.big)
        .map(|s| s.name)
        .collect();
    let date = Format::new().set_num_format(DATE_FORMAT);
    let time = Format::new().set_num_format(TIMESTAMP_FORMAT);
    let mut book = Workbook::new();
    book.set_tempdir(path.parent().unwrap()).unwrap();
    for (name, rows) in cells {
        let sheet = if big.contains(&name.as_str()) {
            book.add_worksheet_with_constant_memory().unwrap()
        } else {
            book.add_worksheet()
        };
        sheet.set_name(name).unwrap();
        let data_sheet = format::DATA_SHEETS.iter().any(|s| s.name == name);
        if tables && data_sheet && rows.len() > 1 {
            // The same Excel tables over the data, as the export makes them.
            let last_col = rows.iter().map(Vec::len).max().unwrap_or(1) as u16 - 1;
            let table = Table::new().set_name(name.replace([' ', '-'], ""));
            sheet
                .add_table(0, 0, rows.len() as u32 - 1, last_col, &table)
                .unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Data::Empty => {}
                    Data::String(text) => {
                        sheet.write_string(r, c, text).unwrap();
                    }
                    Data::Float(n) => {
                        sheet.write_number(r, c, *n).unwrap();
                    }
                    Data::Int(n) => {
                        sheet.write_number(r, c, *n as f64).unwrap();
                    }
                    Data::Bool(b) => {
                        sheet.write_boolean(r, c, *b).unwrap();
                    }
                    Data::DateTime(dt) => {
                        let serial = dt.as_f64();
                        let look = if serial.fract() == 0.0 { &date } else { &time };
                        sheet.write_number_with_format(r, c, serial, look).unwrap();
                    }
                    other => {
                        sheet.write_string(r, c, other.to_string()).unwrap();
                    }
                }
            }
        }
    }
    book.save(path).unwrap();
}

/// In a child process of its own (`--child PROFILE DATA_DIR OUT`): the database opened and its
/// tables read once (SQLite's page cache as warm as in the app), then one export; prints how far
/// it raised the process's peak memory above what was resident before, in kB.
fn child(args: &[String]) {
    let profile = Profile::parse(&args[0]).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-25T06:15:00Z")
        .unwrap()
        .to_utc();
    let db = Database::open(&paths::database_file(Path::new(&args[1])), now).unwrap();
    for table in [
        "participant",
        "attendance",
        "grouping",
        "work_group",
        "group_member",
        "board",
        "note",
        "action_plan",
        "action",
        "action_note",
        "change_log",
        "edit",
    ] {
        let mut statement = db
            .conn()
            .prepare(&format!("SELECT * FROM {table}"))
            .unwrap();
        let mut rows = statement.query([]).unwrap();
        while rows.next().unwrap().is_some() {}
    }
    let workshop = workshop_core::workshop::list(db.conn(), true).unwrap()[0].id;
    let before = memory_kb("VmRSS:").unwrap_or(0);
    let options = ExportOptions { profile, now };
    workbook::export(&db, workshop, &options, Path::new(&args[2]), &mut |_| {}).unwrap();
    let peak = memory_kb("VmHWM:").unwrap_or(0);
    println!("{}", peak.saturating_sub(before));
}

/// The export's peak memory growth in a fresh process, in MB.
fn growth_in_child(profile: Profile, data: &Path, out: &Path) -> Option<f64> {
    let output = std::process::Command::new(std::env::current_exe().ok()?)
        .arg("--child")
        .arg(profile.as_str())
        .arg(data)
        .arg(out)
        .output()
        .ok()?;
    let kb: f64 = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(&args[1..]);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-25T06:15:00Z")
        .unwrap()
        .to_utc();
    // `EXPORT_BENCH_DATA=DIR` keeps the built workshop there and reuses it on the next run.
    let data =
        std::env::var_os("EXPORT_BENCH_DATA").map_or_else(|| dir.path().to_path_buf(), Into::into);
    let mut db = Database::open(&paths::database_file(&data), now).unwrap();
    let started = Instant::now();
    let workshop = match workshop_core::workshop::list(db.conn(), true)
        .unwrap()
        .first()
    {
        Some(existing) => existing.id,
        None => build(&mut db, now),
    };
    let count = |sql: &str| -> i64 { db.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    println!(
        "workshop: {} participants, {} sign-ins, {} notes, {} actions ({} links), built in {:.0} s",
        count("SELECT count(*) FROM participant"),
        count("SELECT count(*) FROM attendance"),
        count("SELECT count(*) FROM note"),
        count("SELECT count(*) FROM action"),
        count("SELECT count(*) FROM action_note"),
        started.elapsed().as_secs_f64()
    );
    println!();
    println!("| measurement | result | target |");
    println!("|---|---|---|");

    let profiles = match std::env::var("EXPORT_BENCH_PROFILE").as_deref() {
        Ok("report") => vec![Profile::Report],
        Ok("full") => vec![Profile::FullTransfer],
        _ => vec![Profile::Report, Profile::FullTransfer],
    };
    for profile in profiles {
        let path = dir.path().join(format!("export-{}.xlsx", profile.as_str()));
        let options = ExportOptions { profile, now };
        // Once before measuring: SQLite's page cache (32 MB) is then as warm as in the app,
        // which reads these tables all day.
        workbook::export(&db, workshop, &options, &path, &mut |_| {}).unwrap();
        let mut times = Vec::new();
        let mut growths = Vec::new();
        let mut exported = None;
        for _ in 0..RUNS {
            let (result, seconds, growth) =
                measure(|| workbook::export(&db, workshop, &options, &path, &mut |_| {}).unwrap());
            times.push(seconds);
            growths.extend(growth);
            exported = Some(result);
        }
        let exported = exported.unwrap();
        // Peak memory in a fresh process: in this one, memory freed by earlier runs is reused
        // and the growth would read too low.
        drop(db);
        let fresh = growth_in_child(profile, &data, &dir.path().join("child.xlsx"));
        db = Database::open(&paths::database_file(&data), now).unwrap();
        let rows: u64 = exported.sheets.iter().map(|s| s.rows).sum();
        let cells = read_back(&path);
        let cell_count: usize = cells
            .iter()
            .map(|(_, rows)| {
                rows.iter()
                    .map(|r| r.iter().filter(|c| **c != Data::Empty).count())
                    .sum::<usize>()
            })
            .sum();
        let bare_path = dir.path().join(format!("bare-{}.xlsx", profile.as_str()));
        let mut bare_times = Vec::new();
        let mut bare_growths = Vec::new();
        let mut table_times = Vec::new();
        let mut table_growths = Vec::new();
        for _ in 0..RUNS {
            let ((), seconds, growth) = measure(|| write_bare(&cells, &bare_path, false));
            bare_times.push(seconds);
            bare_growths.extend(growth);
            let ((), seconds, growth) = measure(|| write_bare(&cells, &bare_path, true));
            table_times.push(seconds);
            table_growths.extend(growth);
        }
        drop(cells);
        let (time, bare, with_tables) = (
            median(times.clone()),
            median(bare_times.clone()),
            median(table_times.clone()),
        );
        let memory = |g: &[f64]| {
            if g.is_empty() {
                "n/a".to_string()
            } else {
                format!("{:.0} MB", g.iter().copied().fold(0.0, f64::max))
            }
        };
        println!(
            "| export, {} profile: {rows} rows, {cell_count} cells, {:.1} MB | {time:.2} s (runs {}) | — |",
            profile.as_str(),
            exported.bytes as f64 / 1_048_576.0,
            times
                .iter()
                .map(|t| format!("{t:.2}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        println!(
            "| the same cells with bare rust_xlsxwriter | {bare:.2} s (runs {}), {:.1} MB | — |",
            bare_times
                .iter()
                .map(|t| format!("{t:.2}"))
                .collect::<Vec<_>>()
                .join(", "),
            std::fs::metadata(&bare_path).map_or(0.0, |m| m.len() as f64 / 1_048_576.0)
        );
        println!(
            "| the same cells and Excel tables with bare rust_xlsxwriter | {with_tables:.2} s (runs {}) | — |",
            table_times
                .iter()
                .map(|t| format!("{t:.2}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        println!(
            "| ratio, {} profile | {:.2}× the bare cells, {:.2}× the bare cells and tables | ≤ 1.3× |",
            profile.as_str(),
            time / bare,
            time / with_tables
        );
        println!(
            "| peak memory growth, {} profile, in a process of its own (in this one, reusing freed memory: {}) | {} (bare cells: {}; with tables: {}) | ≤ 50 MB |",
            profile.as_str(),
            memory(&growths),
            fresh.map_or_else(|| "n/a".to_string(), |mb| format!("{mb:.0} MB")),
            memory(&bare_growths),
            memory(&table_growths)
        );
    }
}
