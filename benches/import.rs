//! Import of a large workbook into an empty database: `cargo bench --bench import`.
//!
//! The workshop of `benches/export.rs` (10,000 participants, 50,000 sign-ins, 5,000 SWOT notes,
//! 2,000 actions each answering a note), exported with the full profile, then imported as
//! `workshop import` does it, into an empty database on disk: the file read by the release
//! `workshop` binary in a child process and checked (`sync::read_file`), the merge planned
//! (`sync::preview`), then applied after a backup (`sync::apply`). Each import runs in a fresh
//! process of its own (`--child`), so that its peak memory is not hidden by memory an earlier
//! run freed. The cells of the workbook (every non-empty cell of every sheet) are counted from a
//! bare calamine read of the same file in this process (`RawWorkbook::read_in_process`), which
//! is also timed, in the same run, for the ratio. The targets (BENCHMARKS.md) are goals to
//! watch, never assertions in tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use chrono::{DateTime, Duration, Utc};
use std::path::{Path, PathBuf};
use std::time::Instant;
use workshop_core::import::{self, Limits, RawCell, RawSheet, RawWorkbook};
use workshop_core::sync::{self, Choices};
use workshop_core::workbook::{self, ExportOptions, Profile};
use workshop_core::{Database, paths};

#[path = "common/big_workshop.rs"]
mod big_workshop;

use big_workshop::{build, median, memory_kb};

const RUNS: usize = 3;

/// The export's moment: Wednesday noon in Kathmandu.
fn wednesday() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-25T06:15:00Z")
        .unwrap()
        .to_utc()
}

/// One phase of an import: its time (s), how far it raised the process's peak memory above
/// what was resident when it began, and that peak (kB; the peak is reset first with
/// `clear_refs` 5, Linux).
#[derive(Debug, Clone, Copy, Default)]
struct Phase {
    seconds: f64,
    growth_kb: Option<u64>,
    peak_kb: u64,
}

fn measure<R>(work: impl FnOnce() -> R) -> (R, Phase) {
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let before = memory_kb("VmRSS:");
    let started = Instant::now();
    let result = work();
    let seconds = started.elapsed().as_secs_f64();
    let peak = memory_kb("VmHWM:");
    let growth_kb = match (reset, before, peak) {
        (true, Some(before), Some(peak)) => Some(peak.saturating_sub(before)),
        _ => None,
    };
    let phase = Phase {
        seconds,
        growth_kb,
        peak_kb: peak.unwrap_or(0),
    };
    (result, phase)
}

/// The phases of one import, in the order `workshop import` runs them, and the process's
/// resident memory before it began (kB).
#[derive(Debug, Clone, Default)]
struct Run {
    /// The child's answer alone (`import::child::read_workbook`: archive checks, calamine in
    /// the child, the cells as JSON through a pipe), measured separately just before `read`.
    child: Phase,
    read: Phase,
    preview: Phase,
    /// `sync::preview` once more, warm: what `sync::apply` repeats before it writes.
    replan: Phase,
    apply: Phase,
    /// The same workbook planned again once it is in: a merge in which nothing changed, every
    /// record and field compared (`sync::preview`; `workshop import` would say "nothing to
    /// import").
    again: Phase,
    resident_before_kb: u64,
}

impl Run {
    fn total(&self) -> f64 {
        self.read.seconds + self.preview.seconds + self.apply.seconds
    }

    /// The process's peak resident memory over the whole import (kB).
    fn peak_kb(&self) -> u64 {
        [
            self.child,
            self.read,
            self.preview,
            self.replan,
            self.apply,
            self.again,
        ]
        .iter()
        .map(|p| p.peak_kb)
        .max()
        .unwrap_or(0)
    }

    fn line(&self) -> String {
        let phase = |p: &Phase| {
            format!(
                "{} {} {}",
                p.seconds,
                p.growth_kb.unwrap_or(u64::MAX),
                p.peak_kb
            )
        };
        format!(
            "{} {} {} {} {} {} {}",
            phase(&self.child),
            phase(&self.read),
            phase(&self.preview),
            phase(&self.replan),
            phase(&self.apply),
            phase(&self.again),
            self.resident_before_kb
        )
    }

    fn parse(line: &str) -> Option<Self> {
        let words: Vec<&str> = line.split_whitespace().collect();
        let phase = |i: usize| -> Option<Phase> {
            let growth: u64 = words.get(i + 1)?.parse().ok()?;
            Some(Phase {
                seconds: words.get(i)?.parse().ok()?,
                growth_kb: (growth != u64::MAX).then_some(growth),
                peak_kb: words.get(i + 2)?.parse().ok()?,
            })
        };
        Some(Self {
            child: phase(0)?,
            read: phase(3)?,
            preview: phase(6)?,
            replan: phase(9)?,
            apply: phase(12)?,
            again: phase(15)?,
            resident_before_kb: words.get(18)?.parse().ok()?,
        })
    }
}

/// In a process of its own (`--child FILE DATA_DIR`): one import of FILE into an empty
/// database in DATA_DIR, as `workshop import` does it; prints a [`Run`].
fn child(args: &[String]) {
    let file = Path::new(&args[0]);
    let data = Path::new(&args[1]);
    let exe = Path::new(env!("CARGO_BIN_EXE_workshop"));
    let limits = Limits::default();
    let now = wednesday() + Duration::hours(3);
    let mut db = Database::open(&paths::database_file(data), now).unwrap();
    let resident_before_kb = memory_kb("VmRSS:").unwrap_or(0);
    let (raw, child) = measure(|| import::child::read_workbook(exe, file, &limits).unwrap());
    drop(raw);
    let (incoming, read) = measure(|| sync::read_file(exe, file, &limits).unwrap());
    let (preview, preview_phase) = measure(|| sync::preview(db.conn(), &incoming).unwrap());
    assert!(!preview.workshop_exists && preview.problems.is_empty());
    let (again, replan) = measure(|| sync::preview(db.conn(), &incoming).unwrap());
    assert_eq!(again, preview);
    drop(again);
    let backups = paths::backups_dir(data);
    let (report, apply) =
        measure(|| sync::apply(&mut db, &incoming, &Choices::new(), Some(&backups), now).unwrap());
    assert!(report.applied);
    let (nothing, again) = measure(|| sync::preview(db.conn(), &incoming).unwrap());
    assert!(nothing.is_empty(), "{:?}", nothing.counts);
    let run = Run {
        child,
        read,
        preview: preview_phase,
        replan,
        apply,
        again,
        resident_before_kb,
    };
    println!("{}", run.line());
}

fn import_in_child(file: &Path, data: &Path) -> Run {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .arg("--child")
        .arg(file)
        .arg(data)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the import failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Run::parse(String::from_utf8_lossy(&output.stdout).trim()).unwrap()
}

/// The child reader's own peak memory (its maximum resident set, kB), when GNU time is there
/// to tell: the reader is started through a wrapper that runs it under `/usr/bin/time`.
fn reader_peak_kb(file: &Path, dir: &Path) -> Option<u64> {
    use std::os::unix::fs::PermissionsExt;
    let time = Path::new("/usr/bin/time");
    if !time.is_file() {
        return None;
    }
    let report = dir.join("reader-peak.txt");
    let wrapper = dir.join("timed-workshop");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec {} -f %M -o '{}' '{}' \"$@\"\n",
            time.display(),
            report.display(),
            env!("CARGO_BIN_EXE_workshop")
        ),
    )
    .ok()?;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).ok()?;
    import::child::read_workbook(&wrapper, file, &Limits::default()).ok()?;
    std::fs::read_to_string(&report).ok()?.trim().parse().ok()
}

fn sheet_cells(sheet: &RawSheet) -> u64 {
    sheet
        .rows
        .iter()
        .flatten()
        .filter(|c| **c != RawCell::Empty)
        .count() as u64
}

fn cells(book: &RawWorkbook) -> u64 {
    book.sheets.iter().map(sheet_cells).sum()
}

fn runs(values: &[f64]) -> String {
    values
        .iter()
        .map(|t| format!("{t:.2}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn mb(kb: u64) -> String {
    format!("{:.0} MB", kb as f64 / 1024.0)
}

fn growths(runs: &[Run], phase: impl Fn(&Run) -> Phase) -> String {
    let values: Vec<u64> = runs.iter().filter_map(|r| phase(r).growth_kb).collect();
    match (values.iter().min(), values.iter().max()) {
        (Some(low), Some(high)) if mb(*low) == mb(*high) => mb(*low),
        (Some(low), Some(high)) => format!("{}–{}", mb(*low), mb(*high)),
        _ => "n/a".into(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(&args[1..]);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // `IMPORT_BENCH_DATA=DIR` keeps the built workshop and its workbook there for the next run.
    let data: PathBuf =
        std::env::var_os("IMPORT_BENCH_DATA").map_or_else(|| dir.path().to_path_buf(), Into::into);
    let file = data.join("full-transfer.xlsx");
    let started = Instant::now();
    if !file.is_file() {
        let source = data.join("source");
        let mut db = Database::open(&paths::database_file(&source), wednesday()).unwrap();
        let workshop = match workshop_core::workshop::list(db.conn(), true)
            .unwrap()
            .first()
        {
            Some(existing) => existing.id,
            None => build(&mut db, wednesday()),
        };
        let options = ExportOptions {
            profile: Profile::FullTransfer,
            now: wednesday() + Duration::hours(1),
        };
        workbook::export(&db, workshop, &options, &file, &mut |_| {}).unwrap();
    }
    let bytes = std::fs::metadata(&file).unwrap().len();
    println!(
        "full transfer workbook ready in {:.0} s: {:.1} MB",
        started.elapsed().as_secs_f64(),
        bytes as f64 / 1_048_576.0
    );

    // Bare calamine, in this process: once to count the cells (and warm the page cache), then
    // timed; the imports' runs alternate with these reads.
    let book = RawWorkbook::read_in_process(&file).unwrap();
    let cell_count = cells(&book);
    let sheets: Vec<(String, u64)> = book
        .sheets
        .iter()
        .map(|s| (s.name.clone(), sheet_cells(s)))
        .collect();
    drop(book);
    let mut bare = Vec::new();
    let mut imports = Vec::new();
    for run in 0..RUNS {
        let t = Instant::now();
        let book = RawWorkbook::read_in_process(&file).unwrap();
        bare.push(t.elapsed().as_secs_f64());
        drop(book);
        let target = dir.path().join(format!("import-{run}"));
        imports.push(import_in_child(&file, &target));
    }
    let reader_peak = reader_peak_kb(&file, dir.path());

    // What arrived, from the last run's database.
    let last = dir.path().join(format!("import-{}", RUNS - 1));
    let db = Database::open(
        &paths::database_file(&last),
        wednesday() + Duration::hours(4),
    )
    .unwrap();
    let count = |sql: &str| -> i64 { db.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    println!(
        "imported: {} participants, {} sign-ins, {} notes, {} actions ({} links), {} change-log entries",
        count("SELECT count(*) FROM participant"),
        count("SELECT count(*) FROM attendance"),
        count("SELECT count(*) FROM note"),
        count("SELECT count(*) FROM action"),
        count("SELECT count(*) FROM action_note"),
        count("SELECT count(*) FROM change_log"),
    );
    println!(
        "cells by sheet: {}",
        sheets
            .iter()
            .map(|(name, n)| format!("{name} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );

    let seconds = |phase: fn(&Run) -> Phase| -> Vec<f64> {
        imports.iter().map(|r| phase(r).seconds).collect()
    };
    let child_times = seconds(|r| r.child);
    let read_times = seconds(|r| r.read);
    let preview_times = seconds(|r| r.preview);
    let replan_times = seconds(|r| r.replan);
    let apply_times = seconds(|r| r.apply);
    let again_times = seconds(|r| r.again);
    let totals: Vec<f64> = imports.iter().map(Run::total).collect();
    let (total, bare_time) = (median(totals.clone()), median(bare.clone()));
    let read_time = median(read_times.clone());
    println!();
    println!("| measurement | result | target |");
    println!("|---|---|---|");
    println!(
        "| workbook: full profile, {:.1} MB, {cell_count} non-empty cells | — | — |",
        bytes as f64 / 1_048_576.0
    );
    println!(
        "| bare calamine read in this process (`RawWorkbook::read_in_process`) | {bare_time:.2} s (runs {}), {:.2} M cells/s | — |",
        runs(&bare),
        cell_count as f64 / bare_time / 1e6
    );
    println!(
        "| (a) read and check (`sync::read_file`) | {read_time:.2} s (runs {}), {:.2} M cells/s | — |",
        runs(&read_times),
        cell_count as f64 / read_time / 1e6
    );
    println!(
        "| of which the child's answer (`import::child::read_workbook`, timed on its own) | {:.2} s (runs {}) | — |",
        median(child_times.clone()),
        runs(&child_times)
    );
    println!(
        "| (b) merge planning (`sync::preview`) | {:.2} s (runs {}) | — |",
        median(preview_times.clone()),
        runs(&preview_times)
    );
    println!(
        "| (c) apply after a backup (`sync::apply`, which plans again) | {:.2} s (runs {}) | — |",
        median(apply_times.clone()),
        runs(&apply_times)
    );
    println!(
        "| of which planning again (`sync::preview` a second time, warm, timed on its own) | {:.2} s (runs {}) | — |",
        median(replan_times.clone()),
        runs(&replan_times)
    );
    println!(
        "| total, (a) + (b) + (c) | {total:.2} s (runs {}) | — |",
        runs(&totals)
    );
    println!(
        "| (d) the same workbook planned again once imported (a merge with nothing to change) | {:.2} s (runs {}) | — |",
        median(again_times.clone()),
        runs(&again_times)
    );
    println!(
        "| cells per second, whole import | {:.2} M/s | ≥ 1 M/s |",
        cell_count as f64 / total / 1e6
    );
    println!(
        "| ratio to bare calamine | {:.2}× for (a); {:.2}× for the whole import | — |",
        read_time / bare_time,
        total / bare_time
    );
    println!(
        "| peak memory growth of the importing process, (a) / (b) / (c) | {} / {} / {} | — |",
        growths(&imports, |r| r.read),
        growths(&imports, |r| r.preview),
        growths(&imports, |r| r.apply)
    );
    let peaks: Vec<u64> = imports.iter().map(Run::peak_kb).collect();
    let before: Vec<u64> = imports.iter().map(|r| r.resident_before_kb).collect();
    println!(
        "| peak resident memory of the importing process | {} (resident before: {}) | — |",
        mb(peaks.iter().copied().max().unwrap_or(0)),
        mb(before.iter().copied().max().unwrap_or(0))
    );
    println!(
        "| peak resident memory of the child reader | {} | — |",
        reader_peak.map_or_else(|| "n/a".to_string(), mb)
    );
}
