//! The first layer: what a file is, judged from its bytes before any parser sees it.
//!
//! [`inspect`] reads the file's first bytes, its zip central directory (entry by entry, never
//! trusting a declared count or size for an allocation) and at most [`SHARED_STRINGS_HEAD`] bytes
//! of the shared strings through a bounded decompressor. Declared sizes can lie; the zip reader
//! then stops at the declared size, and the child's memory limit catches the rest.

use super::{ImportCode, Limits, file_name, mb, refuse};
use crate::{Error, Result};
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// The start of every OLE2 compound file (`.xls`, and encrypted `.xlsx`, which Office wraps in one).
const OLE2_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// How much of an OLE2 file is scanned for its directory's names.
const OLE2_SCAN: u64 = 64 * 1024 * 1024;
/// How much of the decompressed shared strings is read to find their declared counts.
pub const SHARED_STRINGS_HEAD: u64 = 16 * 1024;
/// The fewest bytes one shared string takes (`<si/>`), and one cell's reference to it
/// (`<v>0</v>` inside its cell, at the very least).
const MIN_STRING_BYTES: u64 = 5;
const MIN_REFERENCE_BYTES: u64 = 8;

const LOCAL_HEADER: [u8; 4] = *b"PK\x03\x04";
const CENTRAL_HEADER: [u8; 4] = *b"PK\x01\x02";
const END_OF_DIRECTORY: [u8; 4] = *b"PK\x05\x06";
const ZIP64_LOCATOR: [u8; 4] = *b"PK\x06\x07";
const ZIP64_END: [u8; 4] = *b"PK\x06\x06";

/// Checks that `file` is an Excel workbook whose archive stays within `limits`, without
/// decompressing it (apart from the head of its shared strings). Each refusal is an
/// [`Error::Import`] with its own [`ImportCode`] and a message naming the file.
pub fn inspect(file: &Path, limits: &Limits) -> Result<()> {
    let name = file_name(file);
    let mut reader = open(file, &name)?;
    let len = reader
        .get_ref()
        .metadata()
        .map_err(|e| unreadable(file, &e))?
        .len();
    if len == 0 {
        return Err(refuse(
            ImportCode::Empty,
            file,
            format!(
                "{name} is empty (0 bytes). It may not have finished copying or downloading: \
                 copy it again, or export it again from Workshop Desk."
            ),
        ));
    }
    let mut start = [0u8; 8];
    let got = read_up_to(&mut reader, &mut start).map_err(|e| unreadable(file, &e))?;
    let start = &start[..got];
    if start == OLE2_MAGIC {
        let kind = ole2_kind(&mut reader).map_err(|e| unreadable(file, &e))?;
        return Err(ole2_refusal(file, &name, kind));
    }
    let entries = central_directory(&mut reader, len, start, limits)
        .map_err(|refusal| refusal.into_error(file, &name, limits))?;
    let workbook =
        find(&entries, "xl/workbook.xml").ok_or_else(|| not_a_workbook(file, &name, &entries))?;
    if workbook.method != STORED && workbook.method != DEFLATED {
        return Err(refuse(
            ImportCode::ZipNotExcel,
            file,
            format!(
                "{name} is a zip file compressed in a way Excel never uses, so it is not an Excel \
                 workbook. Choose a .xlsx file exported from Workshop Desk."
            ),
        ));
    }
    if limits.check_shared_strings
        && let Some(strings) = find(&entries, "xl/sharedStrings.xml")
    {
        let total: u64 = entries.iter().map(|e| e.uncompressed).sum();
        check_shared_strings(reader, file, &name, strings, total)?;
    }
    Ok(())
}

fn open(file: &Path, name: &str) -> Result<BufReader<File>> {
    match std::fs::metadata(file) {
        Ok(meta) if meta.is_dir() => Err(refuse(
            ImportCode::Unreadable,
            file,
            format!("{name} is a folder, not a workbook. Choose the .xlsx file itself."),
        )),
        // A pipe or a device would make `open` or `read` wait, or never end.
        Ok(meta) if !meta.is_file() => Err(refuse(
            ImportCode::Unreadable,
            file,
            format!("{name} is not a file but a device or a pipe. Choose a .xlsx file."),
        )),
        Ok(_) => File::open(file)
            .map(BufReader::new)
            .map_err(|e| unreadable(file, &e)),
        Err(e) => Err(unreadable(file, &e)),
    }
}

fn unreadable(file: &Path, error: &io::Error) -> Error {
    let name = file_name(file);
    let message = match error.kind() {
        io::ErrorKind::NotFound => {
            format!(
                "{name} could not be found. It may have been moved or renamed; choose it again."
            )
        }
        io::ErrorKind::PermissionDenied => format!(
            "{name} could not be opened: this account may not read it. Copy it somewhere you can \
             read, such as your Documents folder, and choose it there."
        ),
        _ => format!("{name} could not be read ({error}). Copy it again and choose the copy."),
    };
    refuse(ImportCode::Unreadable, file, message)
}

/// Reads until `buf` is full or the file ends; returns how many bytes were read.
fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

// ---------------------------------------------------------------------------------------------
// OLE2: .xls or encrypted

/// What an OLE2 container's directory names say it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ole2Kind {
    /// An `EncryptionInfo` or `EncryptedPackage` stream: a password-protected `.xlsx`.
    Encrypted,
    /// A `Workbook` (or BIFF5's `Book`) stream: an `.xls`.
    Xls,
    /// Neither name was found.
    Unknown,
}

/// Scans the directory entries of an OLE2 file for the names of its streams. Directory entries
/// are 128 bytes long and, since sectors are 512 or 4096 bytes after a header of the same size,
/// always start at a multiple of 128; each holds its name in UTF-16 (64 bytes), the name's length
/// in bytes with its terminator (2 bytes) and the entry's type (1 byte). Scanning every aligned
/// slot instead of following the FAT chain needs no trust in the header's sector counts.
fn ole2_kind(reader: &mut (impl Read + Seek)) -> io::Result<Ole2Kind> {
    reader.seek(SeekFrom::Start(512))?;
    let mut slot = [0u8; 128];
    let mut xls = false;
    let mut scanned = 512;
    while scanned < OLE2_SCAN && read_up_to(reader, &mut slot)? == slot.len() {
        scanned += 128;
        match ole2_entry_name(&slot).as_deref() {
            Some("EncryptionInfo" | "EncryptedPackage") => return Ok(Ole2Kind::Encrypted),
            Some("Workbook" | "Book") => xls = true,
            _ => {}
        }
    }
    Ok(if xls {
        Ole2Kind::Xls
    } else {
        Ole2Kind::Unknown
    })
}

/// The name of the directory entry in `slot`, if it looks like one (a storage, stream or root).
fn ole2_entry_name(slot: &[u8; 128]) -> Option<String> {
    let len = usize::from(u16::from_le_bytes([slot[64], slot[65]]));
    let kind = slot[66];
    if !(1..=5).contains(&kind) || !(4..=64).contains(&len) || len % 2 != 0 {
        return None;
    }
    let units: Vec<u16> = slot[..len - 2]
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    if slot[len - 2..len] != [0, 0] || units.contains(&0) {
        return None;
    }
    String::from_utf16(&units).ok()
}

fn ole2_refusal(file: &Path, name: &str, kind: Ole2Kind) -> Error {
    match kind {
        Ole2Kind::Xls => refuse(
            ImportCode::Xls,
            file,
            format!(
                "{name} is an old Excel 97–2003 file (.xls). Open it in a spreadsheet program and \
                 save it as .xlsx, or export it again from Workshop Desk."
            ),
        ),
        Ole2Kind::Encrypted => refuse(
            ImportCode::Encrypted,
            file,
            format!(
                "{name} is protected with a password, so Workshop Desk cannot read it. Open it in \
                 a spreadsheet program, remove the password, save it, and import it again."
            ),
        ),
        Ole2Kind::Unknown => refuse(
            ImportCode::XlsOrEncrypted,
            file,
            format!(
                "{name} is an old Excel 97–2003 file (.xls) or a password-protected workbook, and \
                 Workshop Desk reads neither. Open it in a spreadsheet program and save it as .xlsx \
                 without a password, or export it again from Workshop Desk."
            ),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// The zip central directory

/// The longest part name kept (longer ones are cut: none of the parts looked for is that long).
const MAX_NAME: usize = 255;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;

/// One part of the archive as its central directory declares it.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    method: u16,
    compressed: u64,
    uncompressed: u64,
}

/// Why the central directory was refused; turned into an error once the file's name is known.
#[derive(Debug)]
enum Refusal {
    NotZip,
    Truncated(&'static str),
    TooManyParts(u64),
    TooBig,
    ZipBomb { part: String, ratio: u64 },
    Encrypted,
    Io(io::Error),
}

impl From<io::Error> for Refusal {
    fn from(error: io::Error) -> Self {
        if error.kind() == io::ErrorKind::UnexpectedEof {
            Self::Truncated("the central directory ends early")
        } else {
            Self::Io(error)
        }
    }
}

impl Refusal {
    fn into_error(self, file: &Path, name: &str, limits: &Limits) -> Error {
        let (code, message) = match self {
            Self::NotZip => (
                ImportCode::NotExcel,
                format!(
                    "{name} is not an Excel workbook. Choose a .xlsx file exported from Workshop \
                     Desk."
                ),
            ),
            Self::Truncated(why) => (
                ImportCode::Truncated,
                format!(
                    "{name} is incomplete or damaged ({why}). It may have been cut off while \
                     copying or downloading: copy it again, or export it again from Workshop Desk."
                ),
            ),
            Self::TooManyParts(count) => (
                ImportCode::TooManyParts,
                format!(
                    "{name} is made of {count} parts, more than the {} a workshop workbook ever \
                     has, so it was not opened.",
                    limits.max_entries
                ),
            ),
            Self::TooBig => (
                ImportCode::TooBig,
                format!(
                    "{name} would unpack to more than {} MB, far more than a workshop workbook \
                     ever needs, so it was not opened.",
                    mb(limits.max_uncompressed)
                ),
            ),
            Self::ZipBomb { part, ratio } => (
                ImportCode::ZipBomb,
                format!(
                    "{name} has a part ({part}) that would unpack to {ratio} times its stored size; \
                     no real workbook does that (a \"zip bomb\"), so it was not opened."
                ),
            ),
            Self::Encrypted => (
                ImportCode::Encrypted,
                format!(
                    "{name} is a zip file protected with a password, so Workshop Desk cannot read \
                     it. Remove the password, or export it again from Workshop Desk."
                ),
            ),
            Self::Io(error) => return unreadable(file, &error),
        };
        refuse(code, file, message)
    }
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(bytes)
}

/// Where the central directory is and how many entries it declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Directory {
    entries: u64,
    offset: u64,
    size: u64,
    /// Where the records after the directory (zip64 or not) begin: the directory must end there.
    end: u64,
}

/// Finds the end-of-central-directory record in the last 64 KiB (plus its own 22 bytes), and the
/// zip64 one it points to when the 32-bit fields are saturated.
fn find_directory(
    reader: &mut (impl Read + Seek),
    len: u64,
    start: &[u8],
) -> Result<Directory, Refusal> {
    let tail_len = len.min(22 + 65_535);
    reader.seek(SeekFrom::Start(len - tail_len))?;
    let mut tail = vec![0u8; usize::try_from(tail_len).unwrap_or(0)];
    reader.read_exact(&mut tail)?;
    let found = (0..tail.len().saturating_sub(21)).rev().find(|&i| {
        tail[i..i + 4] == END_OF_DIRECTORY
            && i + 22 + usize::from(u16_at(&tail, i + 20)) <= tail.len()
    });
    let Some(at) = found else {
        // A zip file starts with a local header; one whose end is missing was cut short.
        return Err(if start.starts_with(&LOCAL_HEADER) {
            Refusal::Truncated("the end of the file is missing")
        } else {
            Refusal::NotZip
        });
    };
    let eocd = &tail[at..at + 22];
    let eocd_pos = len - tail_len + at as u64;
    let mut dir = Directory {
        entries: u64::from(u16_at(eocd, 10)),
        size: u64::from(u32_at(eocd, 12)),
        offset: u64::from(u32_at(eocd, 16)),
        end: eocd_pos,
    };
    let saturated = dir.entries == 0xFFFF || dir.size == 0xFFFF_FFFF || dir.offset == 0xFFFF_FFFF;
    if saturated && at >= 20 && tail[at - 20..at - 16] == ZIP64_LOCATOR {
        let record = u64_at(&tail, at - 20 + 8);
        if record.checked_add(56).is_none_or(|end| end > eocd_pos) {
            return Err(Refusal::Truncated(
                "its zip64 directory record is out of place",
            ));
        }
        reader.seek(SeekFrom::Start(record))?;
        let mut zip64 = [0u8; 56];
        reader.read_exact(&mut zip64)?;
        if zip64[..4] != ZIP64_END {
            return Err(Refusal::Truncated("its zip64 directory record is missing"));
        }
        dir = Directory {
            entries: u64_at(&zip64, 32),
            size: u64_at(&zip64, 40),
            offset: u64_at(&zip64, 48),
            end: record,
        };
    }
    Ok(dir)
}

/// Reads the central directory entry by entry, checking the count, the sizes and the ratios
/// against `limits` as it goes.
fn central_directory(
    reader: &mut (impl Read + Seek),
    len: u64,
    start: &[u8],
    limits: &Limits,
) -> Result<Vec<Entry>, Refusal> {
    let dir = find_directory(reader, len, start)?;
    if dir.entries > limits.max_entries {
        return Err(Refusal::TooManyParts(dir.entries));
    }
    if dir
        .offset
        .checked_add(dir.size)
        .is_none_or(|end| end > dir.end)
    {
        return Err(Refusal::Truncated("the central directory is missing"));
    }
    if dir.size < dir.entries.saturating_mul(46) {
        return Err(Refusal::Truncated("the central directory is too short"));
    }
    reader.seek(SeekFrom::Start(dir.offset))?;
    let mut directory = reader.take(dir.size);
    let mut entries = Vec::new();
    let mut total: u64 = 0;
    for _ in 0..dir.entries {
        let entry = read_entry(&mut directory, dir.offset)?;
        total = total.saturating_add(entry.uncompressed);
        if total > limits.max_uncompressed {
            return Err(Refusal::TooBig);
        }
        if entry.uncompressed > limits.ratio_above
            && entry.uncompressed > entry.compressed.saturating_mul(limits.max_ratio)
        {
            let ratio = entry.uncompressed / entry.compressed.max(1);
            return Err(Refusal::ZipBomb {
                part: entry.name,
                ratio,
            });
        }
        entries.push(entry);
    }
    Ok(entries)
}

/// Reads one central directory header (46 bytes, then the name, extra field and comment).
fn read_entry(directory: &mut impl Read, directory_start: u64) -> Result<Entry, Refusal> {
    let mut header = [0u8; 46];
    directory.read_exact(&mut header)?;
    if header[..4] != CENTRAL_HEADER {
        return Err(Refusal::Truncated("the central directory is unreadable"));
    }
    let flags = u16_at(&header, 8);
    let method = u16_at(&header, 10);
    let mut compressed = u64::from(u32_at(&header, 20));
    let mut uncompressed = u64::from(u32_at(&header, 24));
    let mut local_offset = u64::from(u32_at(&header, 42));
    let mut name = vec![0u8; usize::from(u16_at(&header, 28))];
    let mut extra = vec![0u8; usize::from(u16_at(&header, 30))];
    directory.read_exact(&mut name)?;
    directory.read_exact(&mut extra)?;
    io::copy(
        &mut directory.take(u64::from(u16_at(&header, 32))),
        &mut io::sink(),
    )?;
    // The zip64 extended information holds, in this order, whichever of the three 32-bit fields
    // are saturated.
    let mut rest = extra.as_slice();
    while rest.len() >= 4 {
        let (id, size) = (u16_at(rest, 0), usize::from(u16_at(rest, 2)));
        let data = &rest[4..rest.len().min(4 + size)];
        if id == 0x0001 {
            let mut values = data.chunks_exact(8).map(|c| u64_at(c, 0));
            for field in [&mut uncompressed, &mut compressed, &mut local_offset] {
                if *field == 0xFFFF_FFFF {
                    *field = values.next().unwrap_or(*field);
                }
            }
        }
        rest = &rest[(4 + size).min(rest.len())..];
    }
    if flags & 1 != 0 {
        return Err(Refusal::Encrypted);
    }
    // A part's data lies between its local header (30 bytes and its name) and the directory.
    if local_offset
        .checked_add(30 + compressed)
        .is_none_or(|end| end > directory_start)
    {
        return Err(Refusal::Truncated("a part lies beyond the end of the data"));
    }
    // Only short names matter (the parts looked for); a long one is kept cut, so that ten
    // thousand 64 KiB names cannot fill the app's memory.
    name.truncate(MAX_NAME);
    Ok(Entry {
        name: String::from_utf8_lossy(&name).into_owned(),
        method,
        compressed,
        uncompressed,
    })
}

/// The entry called `name`, compared as Excel does (case-insensitive, either slash).
fn find<'a>(entries: &'a [Entry], name: &str) -> Option<&'a Entry> {
    entries.iter().find(|e| {
        let stored = e.name.trim_start_matches('/').replace('\\', "/");
        stored.eq_ignore_ascii_case(name)
    })
}

/// A zip file without a workbook: say what it is when it is a well-known kind.
fn not_a_workbook(file: &Path, name: &str, entries: &[Entry]) -> Error {
    let message = if find(entries, "xl/workbook.bin").is_some() {
        format!(
            "{name} is an Excel binary workbook (.xlsb), which Workshop Desk does not read. Open it \
             in Excel and save it as an Excel Workbook (.xlsx)."
        )
    } else if find(entries, "content.xml").is_some() && find(entries, "mimetype").is_some() {
        format!(
            "{name} is an OpenDocument file (such as .ods), not an Excel workbook. Open it in a \
             spreadsheet program and save it as .xlsx."
        )
    } else {
        format!(
            "{name} is a zip file but not an Excel workbook. Choose a .xlsx file exported from \
             Workshop Desk."
        )
    };
    refuse(ImportCode::ZipNotExcel, file, message)
}

// ---------------------------------------------------------------------------------------------
// The shared strings' declared counts

/// Reads the first [`SHARED_STRINGS_HEAD`] bytes of the shared strings through a bounded
/// decompressor and refuses counts that cannot fit: calamine reserves `uniqueCount` strings
/// (24 bytes each) before reading any, and aborts the process when that fails.
fn check_shared_strings(
    reader: BufReader<File>,
    file: &Path,
    name: &str,
    strings: &Entry,
    total: u64,
) -> Result<()> {
    let damaged = |why: String| {
        refuse(
            ImportCode::Damaged,
            file,
            format!(
                "{name} is damaged: {why}. Export it again from Workshop Desk, or open it in a \
                 spreadsheet program and save it again."
            ),
        )
    };
    let mut zip = zip::ZipArchive::new(reader)
        .map_err(|e| damaged(format!("its list of parts cannot be read ({e})")))?;
    let part = zip
        .by_name(&strings.name)
        .map_err(|e| damaged(format!("its shared strings cannot be read ({e})")))?;
    let mut head = Vec::new();
    part.take(SHARED_STRINGS_HEAD)
        .read_to_end(&mut head)
        .map_err(|e| damaged(format!("its shared strings cannot be read ({e})")))?;
    let Some(counts) = shared_string_counts(&head) else {
        return Err(damaged(
            "its shared strings do not begin as a workbook's do".into(),
        ));
    };
    let absurd = |claim: u64, what: &str| {
        refuse(
            ImportCode::StringCount,
            file,
            format!(
                "{name} claims to hold {claim} {what}, far more than its size allows. The file is \
                 damaged or was made to crash spreadsheet programs, so it was not opened."
            ),
        )
    };
    if let Some(unique) = counts.unique
        && unique > strings.uncompressed / MIN_STRING_BYTES
    {
        return Err(absurd(unique, "different texts"));
    }
    if let Some(count) = counts.count
        && count > total / MIN_REFERENCE_BYTES
    {
        return Err(absurd(count, "texts in its cells"));
    }
    Ok(())
}

/// The `count` and `uniqueCount` attributes of the `<sst>` element, as far as they are digits
/// (calamine ignores anything else); `u64::MAX` for more digits than fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    count: Option<u64>,
    unique: Option<u64>,
}

/// Finds the `<sst …>` start tag in the head of the shared strings (UTF-8, or UTF-16 with its
/// byte-order mark) and reads its counts; `None` when there is no complete start tag.
fn shared_string_counts(head: &[u8]) -> Option<Counts> {
    let text = match head {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8_lossy(head).into_owned(),
    };
    let mut search = 0;
    let tag = loop {
        let at = search + text[search..].find('<')?;
        search = at + 1;
        let tag = &text[at + 1..];
        let end = tag.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
        let local = tag[..end].rsplit(':').next().unwrap_or_default();
        if local == "sst" {
            let close = tag.find('>')?;
            break &tag[end..close];
        }
    };
    let mut counts = Counts {
        count: None,
        unique: None,
    };
    for (attribute, value) in attributes(tag) {
        let digits = value.trim();
        let number = (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<u64>().unwrap_or(u64::MAX));
        match attribute.rsplit(':').next() {
            Some("count") => counts.count = number,
            Some("uniqueCount") => counts.unique = number,
            _ => {}
        }
    }
    Some(counts)
}

fn utf16(bytes: &[u8], decode: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| decode([c[0], c[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// The `name="value"` pairs of a start tag's attribute text.
fn attributes(mut text: &str) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    loop {
        text = text.trim_start();
        let Some(eq) = text.find('=') else {
            return pairs;
        };
        let attribute = text[..eq].trim();
        let rest = text[eq + 1..].trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            return pairs;
        };
        let Some(close) = rest[1..].find(quote) else {
            return pairs;
        };
        pairs.push((attribute, &rest[1..1 + close]));
        text = &rest[close + 2..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};
    use zip::write::SimpleFileOptions;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in parts {
            zip.start_file(*name, SimpleFileOptions::default()).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn directory_of(bytes: &[u8]) -> Result<Vec<Entry>, Refusal> {
        central_directory(
            &mut Cursor::new(bytes),
            bytes.len() as u64,
            &bytes[..bytes.len().min(8)],
            &Limits::default(),
        )
    }

    #[test]
    fn the_central_directory_lists_every_part_with_its_declared_sizes() {
        let zeros = vec![0u8; 100_000];
        let bytes = zip_of(&[("xl/workbook.xml", b"<workbook/>"), ("zeros", &zeros)]);
        let entries = directory_of(&bytes).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].name, "xl/workbook.xml");
        assert_eq!(entries[1].uncompressed, 100_000);
        assert!(entries[1].compressed < 1_000, "zeros compress well");
        assert!(
            find(&entries, "XL/Workbook.xml").is_some(),
            "names compare as Excel does"
        );
    }

    #[test]
    fn a_zip_without_its_end_is_truncated_and_other_bytes_are_not_a_zip() {
        let bytes = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
        let half = &bytes[..bytes.len() / 2];
        assert!(matches!(directory_of(half), Err(Refusal::Truncated(_))));
        assert!(matches!(
            directory_of(b"hello, world"),
            Err(Refusal::NotZip)
        ));
        // The end of the directory alone, pointing at a directory that is not there.
        let mut end = bytes[bytes.len() - 22..].to_vec();
        end[16..20].copy_from_slice(&1000u32.to_le_bytes());
        assert!(matches!(directory_of(&end), Err(Refusal::Truncated(_))));
    }

    #[test]
    fn a_declared_entry_count_over_the_limit_is_refused_before_reading_entries() {
        let mut bytes = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
        let at = bytes.len() - 22;
        bytes[at + 10..at + 12].copy_from_slice(&60_000u16.to_le_bytes());
        assert!(matches!(
            directory_of(&bytes),
            Err(Refusal::TooManyParts(60_000))
        ));
    }

    #[test]
    fn a_highly_compressed_large_part_is_a_zip_bomb_and_a_large_total_too_big() {
        let zeros = vec![0u8; 2 * 1024 * 1024];
        let bytes = zip_of(&[("xl/worksheets/sheet1.xml", &zeros)]);
        match directory_of(&bytes) {
            Err(Refusal::ZipBomb { part, ratio }) => {
                assert_eq!(part, "xl/worksheets/sheet1.xml");
                assert!(ratio > 200, "{ratio}");
            }
            other => panic!("expected a zip bomb, got {other:?}"),
        }
        let limits = Limits {
            max_uncompressed: 1024 * 1024,
            ..Limits::default()
        };
        let refused = central_directory(
            &mut Cursor::new(&bytes),
            bytes.len() as u64,
            &bytes[..8],
            &limits,
        );
        assert!(matches!(refused, Err(Refusal::TooBig)), "{refused:?}");
    }

    #[test]
    fn ole2_directory_names_tell_xls_from_encrypted() {
        fn ole2(names: &[&str]) -> Vec<u8> {
            let mut bytes = OLE2_MAGIC.to_vec();
            bytes.resize(512, 0);
            for name in names {
                let mut slot = [0u8; 128];
                let units: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
                slot[..units.len()].copy_from_slice(&units);
                slot[64..66].copy_from_slice(&(units.len() as u16 + 2).to_le_bytes());
                slot[66] = 2;
                bytes.extend_from_slice(&slot);
            }
            bytes
        }
        let kind = |names: &[&str]| ole2_kind(&mut Cursor::new(ole2(names))).unwrap();
        assert_eq!(kind(&["Root Entry", "Workbook"]), Ole2Kind::Xls);
        assert_eq!(
            kind(&["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
            Ole2Kind::Encrypted
        );
        assert_eq!(kind(&["Root Entry", "WordDocument"]), Ole2Kind::Unknown);
        assert_eq!(kind(&[]), Ole2Kind::Unknown);
    }

    #[test]
    fn shared_string_counts_are_read_from_the_start_tag() {
        let head = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="12" uniqueCount='7'><si><t>a</t></si>"#;
        assert_eq!(
            shared_string_counts(head),
            Some(Counts {
                count: Some(12),
                unique: Some(7)
            })
        );
        let prefixed = br#"<x:sst xmlns:x="urn" x:uniqueCount="99999999999999999999999">"#;
        assert_eq!(
            shared_string_counts(prefixed).unwrap().unique,
            Some(u64::MAX),
            "more digits than fit count as absurd"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "<sst uniqueCount=\"3\">"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert_eq!(shared_string_counts(&utf16).unwrap().unique, Some(3));
        assert_eq!(
            shared_string_counts(b"<sst uniqueCount=\"-4\"/>").unwrap(),
            Counts {
                count: None,
                unique: None
            },
            "what calamine would not parse as a number is ignored"
        );
        assert_eq!(shared_string_counts(b"<sst uniqueCount=\"4"), None);
        assert_eq!(shared_string_counts(b"<sstx/>"), None);
    }
}
