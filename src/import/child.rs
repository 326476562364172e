//! The second layer: calamine in a child process, with memory and time limits.
//!
//! The parent ([`read_workbook`]) inspects the file ([`super::archive::inspect`]), then runs an
//! executable of this app (its own, [`this_executable`]) with the internal arguments
//! `--read-workbook FILE LIMITS` (`LIMITS` is the [`Limits`] as JSON). Both binaries, `workshop`
//! and `workshop-desk`, call [`serve_if_asked`] first thing in `main`, so that run does nothing
//! but [`serve`]: lower its own limits (address space, CPU time, no core dump), inspect the file
//! again, read it with calamine and write one JSON message per line to stdout — each sheet as it
//! is read, then `{"end":{"sheets":N}}`, or `{"error":{"code":…,"message":…}}` when it refuses.
//!
//! The parent reads those messages as they come, up to [`Limits::max_output`] bytes, kills the
//! child when [`Limits::timeout`] has passed, and turns a child that died (over its memory limit,
//! killed by a signal, exited without an answer) into an [`Error::Import`]. The app itself never
//! runs calamine on a file from outside.

use super::raw::{self, RawSheet, RawWorkbook};
use super::{ImportCode, Limits, archive, file_name, mb, refuse};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// The internal argument that makes either binary read one workbook and exit. Not for people.
pub const ARGUMENT: &str = "--read-workbook";

/// How much of the child's standard error is kept, from its start and from its end, to explain
/// how it ended.
const STDERR_KEPT: usize = 16 * 1024;
/// The longest pause between two looks at whether the child has ended.
const LONGEST_PAUSE: Duration = Duration::from_millis(20);
/// The first pause once the child's answer is read: it is exiting.
const PAUSE_AFTER_ANSWER: Duration = Duration::from_micros(100);

/// One line of the child's answer.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Message {
    Sheet(RawSheet),
    End { sheets: usize },
    Error { code: String, message: String },
}

// ---------------------------------------------------------------------------------------------
// The parent

/// The program to pass to [`read_workbook`] as `exe`: this one. On Linux that is
/// `/proc/self/exe`, which still runs this program after an update replaced or removed its file
/// while it was running (the path `current_exe` gives would then be gone, or a newer build).
pub fn this_executable() -> Result<PathBuf> {
    let own = Path::new("/proc/self/exe");
    if cfg!(target_os = "linux") && own.exists() {
        return Ok(own.to_path_buf());
    }
    std::env::current_exe().map_err(|error| Error::io("the program's own file", error))
}

/// Reads `file` safely: checks its archive here, then parses it in a child process started from
/// `exe` (the app's own executable; in integration tests the built `workshop` binary) within
/// `limits`. Every way the file or the child can fail is an [`Error::Import`] naming the file.
pub fn read_workbook(exe: &Path, file: &Path, limits: &Limits) -> Result<RawWorkbook> {
    archive::inspect(file, limits)?;
    let limits_json = serde_json::to_string(limits).map_err(|e| Error::Internal(e.to_string()))?;
    let mut command = Command::new(exe);
    command.arg(ARGUMENT).arg(file).arg(limits_json);
    run(command, file, limits)
}

/// How the child ended, as the parent saw it.
#[derive(Debug)]
enum Ended {
    Exited(ExitStatus),
    /// Killed by the parent when the time was up.
    TimedOut,
    /// Killed by the parent because its answer was over the limit or made no sense.
    Stopped,
    /// The parent could no longer tell (an error from the operating system).
    Lost(io::Error),
}

/// What the child said on its standard output.
#[derive(Debug)]
enum Output {
    Workbook(RawWorkbook),
    Refused {
        code: String,
        message: String,
    },
    /// More than the limit.
    TooLarge,
    /// It ended before the last line: the child died or is dying (how it ended tells why).
    CutShort,
    /// Something that is not a message.
    Broken(String),
}

/// Runs `command` (the child, with its arguments) and reads its answer within `limits`.
fn run(mut command: Command, file: &Path, limits: &Limits) -> Result<RawWorkbook> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // A backtrace would only slow a dying child down; its first line says enough.
        .env("RUST_BACKTRACE", "0");
    let mut child = command
        .spawn()
        .map_err(|e| reader_failed(file, &format!("the reader could not be started: {e}")))?;
    let deadline = Instant::now()
        .checked_add(limits.timeout)
        .unwrap_or_else(|| Instant::now() + Duration::from_secs(86_400));
    let (Some(stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) else {
        stop(&mut child);
        return Err(Error::Internal(
            "the reader's output was not captured".into(),
        ));
    };
    let give_up = AtomicBool::new(false);
    let (answered, heard) = mpsc::channel::<()>();
    let (ended, output, stderr) = thread::scope(|scope| {
        let output = scope.spawn(|| {
            let output = receive(stdout, limits.max_output);
            // A child that talks nonsense or too much is stopped at once. One whose answer was cut
            // short is ending anyway, and how it ends (its exit status) says why.
            if matches!(output, Output::TooLarge | Output::Broken(_)) {
                give_up.store(true, Ordering::Relaxed);
            }
            // The watcher looks at the child at once rather than at the end of its pause.
            let _ = answered.send(());
            output
        });
        let stderr = scope.spawn(|| keep_stderr(stderr));
        let ended = watch(&mut child, deadline, &give_up, &heard);
        (ended, output.join(), stderr.join())
    });
    let output =
        output.map_err(|_| Error::Internal("reading the reader's answer failed".into()))?;
    let stderr = stderr.unwrap_or_default();
    match (ended, output) {
        (Ended::TimedOut, _) => Err(timed_out(file, limits)),
        (_, Output::TooLarge) => Err(refuse(
            ImportCode::TooBig,
            file,
            format!(
                "{} holds more than {} MB of cells, far more than a workshop workbook ever does, \
                 so reading it was stopped.",
                file_name(file),
                mb(limits.max_output)
            ),
        )),
        (_, Output::Refused { code, message }) => Err(match ImportCode::from_code(&code) {
            Some(code) => refuse(code, file, message),
            None => reader_failed(file, &message),
        }),
        (Ended::Exited(status), Output::Workbook(workbook)) if status.success() => Ok(workbook),
        (Ended::Exited(status), output) => Err(diagnose(file, limits, status, &stderr, &output)),
        (Ended::Stopped, Output::Broken(why)) => Err(reader_failed(
            file,
            &format!("its answer could not be understood: {why}"),
        )),
        (Ended::Stopped, _) => Err(reader_failed(file, "it was stopped")),
        (Ended::Lost(error), _) => Err(reader_failed(file, &error.to_string())),
    }
}

/// Waits for the child to end, killing it when `deadline` passes or `give_up` is set. Polls,
/// since the standard library cannot wait with a timeout; the pause grows to 20 ms. Once its
/// answer has been read (`answered` hears, or its sender is gone) the child is ending: the
/// pauses start again from a tenth of a millisecond, so that a child of a few milliseconds is
/// not waited for twice as long as it ran.
fn watch(
    child: &mut Child,
    deadline: Instant,
    give_up: &AtomicBool,
    answered: &mpsc::Receiver<()>,
) -> Ended {
    let mut pause = Duration::from_millis(1);
    let mut heard = false;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ended::Exited(status),
            Ok(None) => {}
            Err(error) => {
                stop(child);
                return Ended::Lost(error);
            }
        }
        let now = Instant::now();
        if now >= deadline {
            stop(child);
            return Ended::TimedOut;
        }
        if give_up.load(Ordering::Relaxed) {
            stop(child);
            return Ended::Stopped;
        }
        let wait = pause.min(deadline - now);
        if heard {
            thread::sleep(wait);
        } else {
            match answered.recv_timeout(wait) {
                Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                    heard = true;
                    pause = PAUSE_AFTER_ANSWER;
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
        }
        pause = (pause * 2).min(LONGEST_PAUSE);
    }
}

fn stop(child: &mut Child) {
    // It may have ended meanwhile; either way `wait` reaps it.
    let _ = child.kill();
    let _ = child.wait();
}

/// Reads the child's messages as they come, never more than `max` bytes.
fn receive(stdout: impl Read, max: u64) -> Output {
    let mut input = BufReader::with_capacity(
        64 * 1024,
        Bounded {
            inner: stdout,
            left: max,
            over: false,
        },
    );
    // One message a line, parsed from the whole line at once: serde_json's reader would take
    // the pipe a byte at a time, which is a good part of a large workbook's reading.
    let output = {
        let mut line = Vec::new();
        let mut sheets = Vec::new();
        loop {
            match input.read_until(b'\n', &mut line) {
                Ok(0) => break Output::CutShort,
                // A line cut off by the child's end is as cut short as a missing one.
                Ok(_) if line.last() != Some(&b'\n') => break Output::CutShort,
                Ok(_) => {}
                Err(error) => break Output::Broken(error.to_string()),
            }
            let message = serde_json::from_slice::<Message>(&line);
            line.clear();
            match message {
                Ok(Message::Sheet(sheet)) => sheets.push(sheet),
                Ok(Message::End { sheets: count }) if count == sheets.len() => {
                    break Output::Workbook(RawWorkbook { sheets });
                }
                Ok(Message::End { sheets: count }) => {
                    break Output::Broken(format!(
                        "it announced {count} sheets and sent {}",
                        sheets.len()
                    ));
                }
                Ok(Message::Error { code, message }) => {
                    break Output::Refused { code, message };
                }
                Err(error) => break Output::Broken(error.to_string()),
            }
        }
    };
    if input.get_ref().over {
        Output::TooLarge
    } else {
        output
    }
}

/// A reader that ends after `left` bytes and notes whether there was more.
struct Bounded<R> {
    inner: R,
    left: u64,
    over: bool,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            let mut probe = [0u8; 1];
            self.over |= self.inner.read(&mut probe)? > 0;
            return Ok(0);
        }
        let room = usize::try_from(self.left)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let read = self.inner.read(&mut buf[..room])?;
        self.left -= read as u64;
        Ok(read)
    }
}

/// The first and the last [`STDERR_KEPT`] bytes of the child's standard error (what Rust says
/// when it aborts comes first, a backtrace may follow; a panic's message comes last).
fn keep_stderr(mut stderr: impl Read) -> String {
    let mut head = Vec::new();
    let mut kept = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match stderr.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let room = STDERR_KEPT.saturating_sub(head.len()).min(n);
                head.extend_from_slice(&buf[..room]);
                kept.extend_from_slice(&buf[room..n]);
                if kept.len() > 2 * STDERR_KEPT {
                    kept.drain(..kept.len() - STDERR_KEPT);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    head.extend_from_slice(&kept[kept.len().saturating_sub(STDERR_KEPT)..]);
    String::from_utf8_lossy(&head).into_owned()
}

#[cfg(unix)]
mod signal {
    pub const KILL: i32 = 9;
    /// Sent when the CPU-time limit (`RLIMIT_CPU`) is reached; 24 on Linux and macOS.
    pub const XCPU: i32 = 24;
}

/// Explains a child that ended without a complete answer.
fn diagnose(
    file: &Path,
    limits: &Limits,
    status: ExitStatus,
    stderr: &str,
    output: &Output,
) -> Error {
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(&status);
    #[cfg(not(unix))]
    let signal: Option<i32> = None;
    // Rust reports a failed allocation as "memory allocation of N bytes failed" before it aborts,
    // and an impossible one as "capacity overflow"; the kernel's OOM killer sends SIGKILL.
    let out_of_memory = ["memory allocation of", "capacity overflow", "out of memory"]
        .iter()
        .any(|sign| stderr.contains(sign));
    if out_of_memory || signal == Some(signal::KILL) {
        return refuse(
            ImportCode::OutOfMemory,
            file,
            format!(
                "{} could not be read: it needs more memory than a workshop workbook ever does \
                 (over {} MB), so reading it was stopped. It may be damaged, or made to crash \
                 spreadsheet programs.",
                file_name(file),
                mb(limits.memory)
            ),
        );
    }
    if signal == Some(signal::XCPU) {
        return timed_out(file, limits);
    }
    let how = match (signal, status.code()) {
        (Some(signal), _) => format!("signal {signal}"),
        (None, Some(code)) => format!("exit status {code}"),
        (None, None) => status.to_string(),
    };
    let last_line = stderr.lines().rev().find(|l| !l.trim().is_empty());
    let detail = match (last_line, output) {
        (Some(line), _) => format!("{how}: {}", line.chars().take(200).collect::<String>()),
        (None, Output::Broken(why)) => format!("{how}: {why}"),
        (None, Output::CutShort) => format!("{how}: its answer was cut short"),
        (None, _) => how,
    };
    reader_failed(file, &detail)
}

fn timed_out(file: &Path, limits: &Limits) -> Error {
    let took = if limits.timeout < Duration::from_secs(1) {
        format!("{} ms", limits.timeout.as_millis())
    } else {
        format!("{} seconds", limits.timeout.as_secs())
    };
    refuse(
        ImportCode::TimedOut,
        file,
        format!(
            "{} could not be read within {took}, far longer than a workshop workbook ever takes, \
             so reading it was stopped. It may be damaged, or made to hang spreadsheet programs.",
            file_name(file)
        ),
    )
}

fn reader_failed(file: &Path, detail: &str) -> Error {
    refuse(
        ImportCode::ReaderFailed,
        file,
        format!(
            "{} could not be read: the reader stopped unexpectedly ({detail}). The file may be \
             damaged; export it again from Workshop Desk. Nothing was changed.",
            file_name(file)
        ),
    )
}

// ---------------------------------------------------------------------------------------------
// The child

/// If this process was started to read a workbook (`EXE --read-workbook FILE [LIMITS]`), reads
/// it, writes the answer to stdout and returns the exit code; otherwise returns `None` at once,
/// having looked at nothing but the first argument. Call it first thing in `main`.
pub fn serve_if_asked() -> Option<ExitCode> {
    let mut args = std::env::args_os().skip(1);
    if args.next()?.as_os_str() != ARGUMENT {
        return None;
    }
    let Some(file) = args.next() else {
        return Some(answer_refusal(&Error::Internal(format!(
            "{ARGUMENT} needs a file"
        ))));
    };
    let limits = match args.next() {
        None => Limits::default(),
        Some(json) => match serde_json::from_str(&json.to_string_lossy()) {
            Ok(limits) => limits,
            Err(e) => {
                return Some(answer_refusal(&Error::Internal(format!(
                    "{ARGUMENT}: the limits are not understood ({e})"
                ))));
            }
        },
    };
    Some(serve(Path::new(&file), &limits))
}

/// The child's whole work: lower this process's limits, inspect `file`, read it with calamine
/// and write the answer to stdout (see the module's documentation).
pub fn serve(file: &Path, limits: &Limits) -> ExitCode {
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let result = confine(limits)
        .map_err(|e| Error::Internal(format!("the reader could not limit its memory: {e}")))
        .and_then(|()| archive::inspect(file, limits))
        .and_then(|()| {
            raw::read_sheets(file, limits.max_cells, &limits.only_sheets, |sheet| {
                send(&mut out, &Message::Sheet(sheet))
            })
        });
    let (last, code) = match result {
        Ok(sheets) => (Message::End { sheets }, ExitCode::SUCCESS),
        Err(error) => (refusal(&error), ExitCode::from(2)),
    };
    match send(&mut out, &last) {
        Ok(()) => code,
        // The parent has gone (or stopped listening): nobody to tell.
        Err(_) => ExitCode::FAILURE,
    }
}

fn refusal(error: &Error) -> Message {
    Message::Error {
        code: error.code().to_owned(),
        message: error.to_string(),
    }
}

fn answer_refusal(error: &Error) -> ExitCode {
    let mut out = io::stdout().lock();
    let _ = send(&mut out, &refusal(error));
    ExitCode::from(2)
}

/// Writes one message as a line, and flushes it, so that the parent has every finished sheet
/// even if reading the next one kills this process.
fn send(out: &mut impl Write, message: &Message) -> Result<()> {
    serde_json::to_writer(&mut *out, message).map_err(|e| Error::io("stdout", e.into()))?;
    out.write_all(b"\n")
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("stdout", e))
}

/// Lowers this process's own limits before it reads anything: no core dump, CPU time one second
/// past the timeout (`SIGXCPU`, should the parent be gone) and, on Linux, an address space of
/// what it maps already plus `limits.memory` (an allocation beyond it fails, and Rust aborts).
/// Limits are only ever lowered, soft and hard alike, so nothing in the child can raise them.
/// macOS refuses a lower `RLIMIT_AS` (`EINVAL` since macOS 12) and never enforced it, so there
/// the timeout and the output limit are what hold.
#[cfg(unix)]
fn confine(limits: &Limits) -> io::Result<()> {
    use rlimit::Resource;
    let lower = |resource: Resource, soft: u64, hard: u64| -> io::Result<()> {
        let (_, current) = rlimit::getrlimit(resource)?;
        rlimit::setrlimit(resource, soft.min(current), hard.min(current))
    };
    let cpu = limits
        .timeout
        .as_secs()
        .saturating_add(u64::from(limits.timeout.subsec_nanos() > 0))
        .saturating_add(1);
    lower(Resource::CORE, 0, 0)?;
    lower(Resource::CPU, cpu, cpu.saturating_add(1))?;
    #[cfg(target_os = "linux")]
    {
        let memory = address_space_in_use().saturating_add(limits.memory);
        lower(Resource::AS, memory, memory)?;
    }
    Ok(())
}

/// The address space this process maps already (`VmSize`), so that [`Limits::memory`] is what
/// the reading may add: the desktop app maps some 450 MB of WebKit's libraries before `main`,
/// the `workshop` binary some 15 MB.
#[cfg(target_os = "linux")]
fn address_space_in_use() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmSize:"))
        .and_then(|size| {
            size.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .map_or(0, |kib| kib * 1024)
}

/// Windows has no `setrlimit`: there the parent's timeout and output limit are what hold (a job
/// object would be needed for memory).
#[cfg(not(unix))]
fn confine(_limits: &Limits) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use crate::import::RawCell;

    /// A stand-in child: `sh -c SCRIPT`, given the same arguments as the real one.
    fn run_script(script: &str, limits: &Limits) -> Result<RawWorkbook> {
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(script)
            .arg(ARGUMENT)
            .arg("report.xlsx");
        run(command, Path::new("/somewhere/report.xlsx"), limits)
    }

    fn code_of(result: Result<RawWorkbook>) -> (&'static str, String) {
        let error = result.expect_err("the reader should fail");
        (error.code(), error.to_string())
    }

    #[test]
    fn a_complete_answer_is_the_workbook() {
        let script = r#"printf '%s\n' '{"sheet":{"name":"People","rows":[["Name",1.5,true,null,{"d":46000.5}]]}}' '{"end":{"sheets":1}}'"#;
        let workbook = run_script(script, &Limits::default()).unwrap();
        assert_eq!(workbook.sheets.len(), 1);
        let sheet = workbook.sheet("People").unwrap();
        assert_eq!(sheet.cell(0, 0), &RawCell::Text("Name".into()));
        assert_eq!(sheet.cell(0, 4), &RawCell::DateTime(46000.5));
        assert_eq!(sheet.cell(7, 7), &RawCell::Empty);
    }

    #[test]
    fn a_refusal_from_the_child_keeps_its_code_and_message() {
        let script = r#"echo '{"error":{"code":"workbook_damaged","message":"report.xlsx is damaged"}}'; exit 2"#;
        let (code, message) = code_of(run_script(script, &Limits::default()));
        assert_eq!(code, "workbook_damaged");
        assert_eq!(message, "report.xlsx is damaged");
    }

    #[test]
    fn a_child_that_hangs_is_killed_at_the_timeout() {
        let limits = Limits {
            timeout: Duration::from_millis(50),
            ..Limits::default()
        };
        let (code, message) = code_of(run_script("exec sleep 30", &limits));
        assert_eq!(code, "workbook_timed_out");
        assert!(
            message.starts_with("report.xlsx could not be read within 50 ms"),
            "{message}"
        );
    }

    #[test]
    fn an_abort_after_a_failed_allocation_is_out_of_memory() {
        let script = "echo 'memory allocation of 96000000000 bytes failed' >&2; kill -ABRT $$";
        let (code, message) = code_of(run_script(script, &Limits::default()));
        assert_eq!(code, "workbook_out_of_memory", "{message}");
        assert!(
            message.contains("more memory than a workshop workbook ever does (over 1024 MB)"),
            "{message}"
        );
    }

    #[test]
    fn the_cpu_limit_counts_as_a_timeout_and_other_signals_as_a_crash() {
        let (code, _) = code_of(run_script("kill -XCPU $$", &Limits::default()));
        assert_eq!(code, "workbook_timed_out");
        let (code, message) = code_of(run_script("kill -SEGV $$", &Limits::default()));
        assert_eq!(code, "workbook_reader_failed");
        assert!(message.contains("signal 11"), "{message}");
    }

    #[test]
    fn an_answer_cut_short_or_too_long_is_refused() {
        let (code, message) = code_of(run_script("exit 0", &Limits::default()));
        assert_eq!(code, "workbook_reader_failed");
        assert!(
            message.contains("exit status 0: its answer was cut short"),
            "{message}"
        );

        let cut = r#"printf '{"sheet":{"name":"a","rows":[[1,'; kill -ABRT $$"#;
        let (code, message) = code_of(run_script(cut, &Limits::default()));
        assert_eq!(code, "workbook_reader_failed");
        assert!(
            message.contains("signal 6: its answer was cut short"),
            "{message}"
        );

        let limits = Limits {
            max_output: 4096,
            ..Limits::default()
        };
        let endless = r#"printf '{"sheet":{"name":"a","rows":[['; exec tr '\0' 1 < /dev/zero"#;
        let (code, message) = code_of(run_script(endless, &limits));
        assert_eq!(code, "workbook_too_big");
        assert!(message.contains("more than 1 MB of cells"), "{message}");

        let (code, message) = code_of(run_script(
            "echo 'not json'; exec sleep 30",
            &Limits::default(),
        ));
        assert_eq!(code, "workbook_reader_failed", "{message}");
    }

    #[test]
    fn a_missing_executable_is_a_reader_failure() {
        let command = Command::new("/nonexistent/workshop");
        let (code, message) = code_of(run(command, Path::new("a.xlsx"), &Limits::default()));
        assert_eq!(code, "workbook_reader_failed");
        assert!(message.contains("could not be started"), "{message}");
    }
}
