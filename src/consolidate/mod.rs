//! Consolidation at headquarters: many workshops' workbooks brought into one.
//!
//! Every input is read through [`import::child::read_workbook`] (a hostile file never takes the
//! process down), several at a time; a file that is not one of this app's workshop workbooks
//! is skipped with the reason and the others go on. The same workshop exported twice counts
//! once: the newest export wins and the other is listed as dropped. Returning participants are
//! recognised across workshops ([`people`]) and counted once in the people reached.
//!
//! The output ([`write`]) is a workbook in the export's house style: a cross-workshop Summary
//! with native charts, Participants, Attendance, SWOT and Action plans with each workshop's
//! columns first, and "About this file" listing every source file and what became of it. Text is
//! only ever written as text; there is no formula anywhere; the file appears in one rename.

mod format;
mod people;
mod read;
mod summary;
mod target;
mod write;

pub use format::{PROFILE, about, outcome, sheet};
pub use read::code;
pub use target::{Target, file_name, remember, remember_folder, target};

use crate::error::{Error, InvalidCode, Result};
use crate::import::{Limits, child};
use crate::workbook::SheetCount;
use chrono::{DateTime, NaiveDate, Utc};
use read::{Refusal, Source};
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use uuid::Uuid;

/// What consolidation is doing: reading the files, then writing the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Step {
    Reading,
    Writing,
}

/// How far consolidation is: files read of all files (`item` the file just read), then rows
/// written of all rows (`item` the sheet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub step: Step,
    pub done: u64,
    pub total: u64,
    pub item: String,
}

/// A workshop in the consolidated workbook.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Included {
    pub file: PathBuf,
    pub workshop_id: Uuid,
    pub title: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub exported_at: Option<DateTime<Utc>>,
    pub participants: u64,
    /// Sheets changed by hand after the export: included as they are, and said so.
    pub edited_sheets: Vec<String>,
}

impl Included {
    /// What the About sheet and the command line say of a workbook edited by hand.
    pub fn edited_note(&self) -> Option<String> {
        (!self.edited_sheets.is_empty()).then(|| {
            format!(
                "Changed by hand after its export ({}): included as it is.",
                self.edited_sheets.join(", ")
            )
        })
    }
}

/// An older export of a workshop that is included from a newer one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dropped {
    pub file: PathBuf,
    pub workshop_id: Uuid,
    pub title: String,
    pub exported_at: Option<DateTime<Utc>>,
    /// The file included instead.
    pub kept: PathBuf,
    pub reason: String,
}

/// A file that could not be consolidated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub file: PathBuf,
    /// An `import::ImportCode` (the reader refused it) or one of [`code`]'s.
    pub code: String,
    pub reason: String,
}

/// The consolidated workbook written, and what went into it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Consolidated {
    pub path: PathBuf,
    pub bytes: u64,
    /// In the workbook's order: by start date, then title.
    pub included: Vec<Included>,
    pub dropped: Vec<Dropped>,
    pub skipped: Vec<Skipped>,
    /// Participant records of the included workshops (a person in two counts twice).
    pub participants: u64,
    /// Distinct people among them.
    pub people_reached: u64,
    /// People in more than one workshop.
    pub returning: u64,
    pub sheets: Vec<SheetCount>,
}

/// The workbooks to read from what was given: each file as it is, and for a folder every
/// `.xlsx` directly inside it (not in its subfolders), by name, leaving out hidden files,
/// Excel's lock files (`~$…`) and `out`. A folder that cannot be listed is skipped. The same
/// file given twice is read once.
pub fn inputs(given: &[PathBuf], out: &Path) -> (Vec<PathBuf>, Vec<Skipped>) {
    // A file is known by its canonical path where it has one (the same file given twice, or
    // through a folder and by name), else by the path given.
    let key = |path: &Path| path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let out = key(out);
    let mut files: Vec<PathBuf> = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut skipped = Vec::new();
    for path in given {
        if !path.is_dir() {
            if seen.insert(key(path)) {
                files.push(path.clone());
            }
            continue;
        }
        let listing = match std::fs::read_dir(path) {
            Ok(listing) => listing,
            Err(error) => {
                skipped.push(Skipped {
                    file: path.clone(),
                    code: crate::import::ImportCode::Unreadable.as_str().to_string(),
                    reason: format!(
                        "The folder {} could not be read ({error}), so its workbooks were left \
                         out.",
                        path.display()
                    ),
                });
                continue;
            }
        };
        let mut found: Vec<PathBuf> = listing
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|file| {
                let name = file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let xlsx = file
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
                xlsx && !name.starts_with('.') && !name.starts_with("~$") && !file.is_dir()
            })
            .collect();
        found.sort();
        for file in found {
            let known = key(&file);
            if known != out && seen.insert(known) {
                files.push(file);
            }
        }
    }
    (files, skipped)
}

/// A file read: the workshop's rows, or why not.
type Read = std::result::Result<Source, Refusal>;

/// Reads every file through the child reader, several at a time (one child process each),
/// telling `progress` as each file is done; the results in the files' order.
fn read_all(
    exe: &Path,
    files: &[PathBuf],
    limits: &Limits,
    progress: &mut dyn FnMut(&Progress),
) -> Vec<Read> {
    let total = files.len() as u64;
    progress(&Progress {
        step: Step::Reading,
        done: 0,
        total,
        item: String::new(),
    });
    // Two readers a core: a child spends part of its life starting and being waited for, which
    // another child's parsing fills.
    let workers = (std::thread::available_parallelism().map_or(2, std::num::NonZero::get) * 2)
        .clamp(2, 8)
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Read>> = files.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel::<(usize, Read)>();
        for _ in 0..workers {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else {
                        break;
                    };
                    let result = match child::read_workbook(exe, file, limits) {
                        Ok(raw) => read::read(file, raw),
                        Err(error) => Err(Refusal {
                            code: error.code(),
                            message: error.to_string(),
                        }),
                    };
                    if sender.send((i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (done, (i, result)) in (1..).zip(receiver) {
            results[i] = Some(result);
            progress(&Progress {
                step: Step::Reading,
                done,
                total,
                item: files[i]
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            });
        }
    });
    results
        .into_iter()
        .map(|result| {
            result.unwrap_or_else(|| {
                Err(Refusal {
                    code: crate::import::ImportCode::ReaderFailed.as_str(),
                    message: "The file's reader stopped before answering.".into(),
                })
            })
        })
        .collect()
}

fn when(at: Option<DateTime<Utc>>) -> String {
    at.map_or_else(
        || "at an unknown time".to_string(),
        |at| format!("on {} UTC", at.format("%Y-%m-%d %H:%M:%S")),
    )
}

fn name_of(file: &Path) -> String {
    file.file_name()
        .unwrap_or(file.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// Consolidates the workbooks `inputs` (files, or folders of `.xlsx` files, see [`inputs`]) into
/// one workbook at `out`, reading each through the child reader started from `exe` (the app's
/// own executable) within `limits`. `progress` hears as each file is read and every thousand
/// rows written. Fails when no file could be consolidated or `out` cannot be written; a file
/// that cannot be consolidated is otherwise only listed as skipped.
pub fn consolidate(
    exe: &Path,
    inputs: &[PathBuf],
    out: &Path,
    limits: &Limits,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Consolidated> {
    let directory = crate::workbook::atomic::directory_of(out);
    if !directory.is_dir() {
        return Err(Error::io(
            out,
            std::io::Error::new(std::io::ErrorKind::NotFound, "the folder does not exist"),
        ));
    }
    let (files, mut skipped) = self::inputs(inputs, out);
    if files.is_empty() {
        return Err(Error::invalid(
            InvalidCode::Required,
            "inputs",
            if inputs.is_empty() {
                "Choose the workbooks to consolidate.".to_string()
            } else {
                let given: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
                format!(
                    "There is no .xlsx workbook in {}, so there was nothing to consolidate.",
                    given.join(", ")
                )
            },
        ));
    }
    let limits = Limits {
        only_sheets: read::SHEETS.iter().map(|s| (*s).to_string()).collect(),
        ..limits.clone()
    };
    let results = read_all(exe, &files, &limits, progress);

    // The newest export of each workshop wins; a tie goes to the file given first.
    let mut read: Vec<(usize, Source)> = Vec::new();
    for (i, result) in results.into_iter().enumerate() {
        match result {
            Ok(source) => read.push((i, source)),
            Err(refusal) => skipped.push(Skipped {
                file: files[i].clone(),
                code: refusal.code.to_string(),
                reason: refusal.message,
            }),
        }
    }
    let mut winners: Vec<(usize, Source)> = Vec::new();
    let mut losers: Vec<(usize, Source)> = Vec::new();
    for (i, source) in read {
        match winners
            .iter_mut()
            .find(|(_, w)| w.meta.workshop_id == source.meta.workshop_id)
        {
            Some(winner) if source.meta.exported_at > winner.1.meta.exported_at => {
                losers.push(std::mem::replace(winner, (i, source)));
            }
            Some(_) => losers.push((i, source)),
            None => winners.push((i, source)),
        }
    }
    let dropped: Vec<Dropped> = losers
        .into_iter()
        .map(|(i, source)| {
            let Some((k, kept)) = winners
                .iter()
                .find(|(_, w)| w.meta.workshop_id == source.meta.workshop_id)
            else {
                return Err(Error::Internal("a dropped export has no winner".into()));
            };
            let reason = if kept.meta.exported_at == source.meta.exported_at {
                format!(
                    "The same export of “{}” as {} (exported {}): counted once.",
                    source.workshop.title,
                    name_of(&files[*k]),
                    when(source.meta.exported_at)
                )
            } else {
                format!(
                    "An older export of “{}” (exported {}): {} is newer (exported {}) and is \
                     the one included.",
                    source.workshop.title,
                    when(source.meta.exported_at),
                    name_of(&files[*k]),
                    when(kept.meta.exported_at)
                )
            };
            Ok(Dropped {
                file: files[i].clone(),
                workshop_id: source.meta.workshop_id,
                title: source.workshop.title,
                exported_at: source.meta.exported_at,
                kept: files[*k].clone(),
                reason,
            })
        })
        .collect::<Result<_>>()?;
    if winners.is_empty() {
        let reasons: Vec<String> = skipped.iter().map(|s| s.reason.clone()).collect();
        return Err(Error::invalid(
            InvalidCode::Required,
            "inputs",
            format!(
                "None of the {} file(s) could be consolidated, so nothing was written.\n{}",
                files.len(),
                reasons.join("\n")
            ),
        ));
    }
    winners.sort_by(|(_, a), (_, b)| {
        (a.workshop.start, &a.workshop.title, a.meta.workshop_id).cmp(&(
            b.workshop.start,
            &b.workshop.title,
            b.meta.workshop_id,
        ))
    });
    // Skipped files in the order they were given.
    skipped.sort_by_key(|s| files.iter().position(|f| *f == s.file));

    let records: Vec<people::Record<'_>> = winners
        .iter()
        .enumerate()
        .flat_map(|(w, (_, source))| {
            source.people.iter().map(move |p| people::Record {
                workshop: w,
                name: &p.name,
                email: &p.email,
            })
        })
        .collect();
    let people = people::recognise(&records);
    drop(records);

    let included: Vec<Included> = winners
        .iter()
        .map(|(i, source)| Included {
            file: files[*i].clone(),
            workshop_id: source.meta.workshop_id,
            title: source.workshop.title.clone(),
            start_date: source.workshop.start,
            end_date: source.workshop.end,
            exported_at: source.meta.exported_at,
            participants: source.stats.participants,
            edited_sheets: source.edited_sheets.clone(),
        })
        .collect();
    let mut result = Consolidated {
        path: out.to_path_buf(),
        bytes: 0,
        participants: people.person_of.len() as u64,
        people_reached: people.count as u64,
        returning: people.returning as u64,
        included,
        dropped,
        skipped,
        sheets: Vec::new(),
    };
    let sources: Vec<Source> = winners.into_iter().map(|(_, s)| s).collect();
    let (bytes, sheets) = write::write(
        out,
        &write::Input {
            files: &files,
            result: &result,
            people: &people,
        },
        sources,
        now,
        progress,
    )?;
    result.bytes = bytes;
    result.sheets = sheets;
    Ok(result)
}
