//! Broken and hostile files given to the import's reader (`import::child::read_workbook`, with
//! the built `workshop` binary as the child). Every file is made here, in the test. Each case
//! checks its error code and its message, and then that this process still reads a good
//! workbook: a hostile file never takes the app down.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;
use workshop_core::import::{Limits, RawCell, RawWorkbook, archive, child};
use zip::write::SimpleFileOptions;

const MIB: u64 = 1024 * 1024;

fn exe() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_workshop"))
}

fn read(file: &Path, limits: &Limits) -> workshop_core::Result<RawWorkbook> {
    child::read_workbook(exe(), file, limits)
}

// ---------------------------------------------------------------------------------------------
// A small real workbook, written part by part

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Participants" sheetId="1" r:id="rId1"/><sheet name="About this file" sheetId="2" r:id="rId2"/></sheets></workbook>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Style 1 is a date (built-in number format 14).
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#;

const SHARED_STRINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>Name</t></si><si><t>सीता शर्मा</t></si><si><t>=1+2</t></si><si><t>format</t></si></sst>"#;

/// Row 1 headers, row 2 one participant (text, a date, a number, a boolean, an error), row 3
/// empty, and a lone number in C4.
const SHEET1: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E4"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Joined</t></is></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>46000.5</v></c><c r="C2"><v>42.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c></row><row r="4"><c r="C4"><v>7</v></c></row></sheetData></worksheet>"#;

const SHEET2: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>3</v></c><c r="B1"><v>1</v></c></row></sheetData></worksheet>"#;

/// The parts of the good workbook, with `replace` put in place of (or added to) them.
fn parts_with(replace: &[(&str, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    let mut parts: Vec<(String, Vec<u8>)> = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/styles.xml", STYLES),
        ("xl/sharedStrings.xml", SHARED_STRINGS),
        ("xl/worksheets/sheet1.xml", SHEET1),
        ("xl/worksheets/sheet2.xml", SHEET2),
    ]
    .into_iter()
    .map(|(name, text)| (name.to_string(), text.as_bytes().to_vec()))
    .collect();
    for (name, data) in replace {
        match parts.iter_mut().find(|(n, _)| n == name) {
            Some(part) => part.1 = data.clone(),
            None => parts.push((name.to_string(), data.clone())),
        }
    }
    parts
}

fn zip_of(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        zip.start_file(name.as_str(), SimpleFileOptions::default())
            .unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn good_bytes() -> Vec<u8> {
    zip_of(&parts_with(&[]))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Sets the uncompressed size that part `name` declares, in its local and central headers alike.
fn declare_size(bytes: &mut [u8], name: &str, size: u32) {
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(46) {
        let (header, name_at, size_at) = match &bytes[at..at + 4] {
            b"PK\x03\x04" => ("local", at + 30, at + 22),
            b"PK\x01\x02" => ("central", at + 46, at + 24),
            _ => continue,
        };
        let len_at = if header == "local" { at + 26 } else { at + 28 };
        let len = usize::from(u16::from_le_bytes([bytes[len_at], bytes[len_at + 1]]));
        if bytes.get(name_at..name_at + len) == Some(name.as_bytes()) {
            bytes[size_at..size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "{name} has one local and one central header");
}

/// An OLE2 compound file whose directory holds streams called `names`.
fn ole2(names: &[&str]) -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    bytes[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
    bytes[30..32].copy_from_slice(&9u16.to_le_bytes());
    for (i, name) in ["Root Entry"].iter().chain(names).enumerate() {
        let mut entry = [0u8; 128];
        let units: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        entry[..units.len()].copy_from_slice(&units);
        entry[64..66].copy_from_slice(&(units.len() as u16 + 2).to_le_bytes());
        entry[66] = if i == 0 { 5 } else { 2 };
        bytes.extend_from_slice(&entry);
    }
    bytes.resize(bytes.len().next_multiple_of(512) + 512, 0);
    bytes
}

/// A sheet of `rows` rows of five cells.
fn big_sheet(rows: usize) -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for r in 1..=rows {
        xml.push_str(&format!(
            r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Participant {r}</t></is></c><c r="B{r}"><v>{r}</v></c><c r="C{r}" s="1"><v>46000</v></c><c r="D{r}" t="b"><v>0</v></c><c r="E{r}"><v>0.5</v></c></row>"#
        ));
    }
    xml.push_str("</sheetData></worksheet>");
    xml.into_bytes()
}

fn shared_strings_claiming(count: &str, unique: &str) -> Vec<u8> {
    SHARED_STRINGS
        .replace(
            r#"count="4" uniqueCount="4""#,
            &format!(r#"count="{count}" uniqueCount="{unique}""#),
        )
        .into_bytes()
}

// ---------------------------------------------------------------------------------------------
// Checks

/// Reading `file` fails with `code`, and the message starts with the file's name and holds
/// `says`; then this process still reads a good workbook.
#[track_caller]
fn assert_refused(file: &Path, limits: &Limits, code: &str, says: &str) -> String {
    let error = read(file, limits).expect_err("a hostile file is refused");
    let message = error.to_string();
    assert_eq!(error.code(), code, "{message}");
    let name = file.file_name().unwrap().to_string_lossy();
    assert!(
        message.starts_with(&*name),
        "the message names the file first: {message}"
    );
    assert!(message.contains(says), "expected {says:?} in: {message}");
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["code"], code, "the code crosses IPC as it is");
    assert_still_reads_a_good_workbook();
    message
}

fn assert_still_reads_a_good_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.xlsx", &good_bytes());
    let workbook = read(&good, &Limits::default()).expect("a good workbook is read afterwards");
    assert_eq!(workbook.sheets.len(), 2);
}

// ---------------------------------------------------------------------------------------------
// A good workbook

#[test]
fn a_good_workbook_is_read_in_the_child_cell_for_cell() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "Workshop 2026-11-23 Kathmandu.xlsx",
        &good_bytes(),
    );
    let workbook = read(&file, &Limits::default()).unwrap();

    let names: Vec<_> = workbook.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Participants", "About this file"],
        "sheets in order"
    );
    let sheet = workbook.sheet("Participants").unwrap();
    let text = |t: &str| RawCell::Text(t.into());
    assert_eq!(
        sheet.rows,
        vec![
            vec![text("Name"), text("Joined"), text("=1+2")],
            vec![
                text("सीता शर्मा"),
                RawCell::DateTime(46000.5),
                RawCell::Number(42.5),
                RawCell::Bool(true),
                RawCell::Error("#N/A".into()),
            ],
            vec![],
            vec![RawCell::Empty, RawCell::Empty, RawCell::Number(7.0)],
        ],
        "every cell typed, at its place from A1; text that looks like a formula stays text"
    );
    assert_eq!(
        workbook,
        RawWorkbook::read_in_process(&file).unwrap(),
        "the child reads what calamine reads in-process"
    );
}

#[test]
fn the_hidden_argument_answers_in_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "good.xlsx", &good_bytes());
    let output = std::process::Command::new(exe())
        .arg(child::ARGUMENT)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "two sheets and the end: {stdout}");
    assert_eq!(lines[0]["sheet"]["name"], "Participants");
    assert_eq!(lines[2], serde_json::json!({"end": {"sheets": 2}}));
}

// ---------------------------------------------------------------------------------------------
// Files that are not workbooks

#[test]
fn a_text_file_and_a_picture_are_not_excel_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    let text = write(
        dir.path(),
        "participants.csv",
        b"Name,Country\nSita Sharma,NP\n",
    );
    let message = assert_refused(&text, &Limits::default(), "workbook_not_excel", "");
    assert_eq!(
        message,
        "participants.csv is not an Excel workbook. Choose a .xlsx file exported from Workshop Desk."
    );
    let png = write(
        dir.path(),
        "photo.xlsx",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0",
    );
    assert_refused(
        &png,
        &Limits::default(),
        "workbook_not_excel",
        "is not an Excel workbook",
    );
}

#[test]
fn an_empty_file_a_missing_one_and_a_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.xlsx", b"");
    assert_refused(
        &empty,
        &Limits::default(),
        "workbook_empty",
        "is empty (0 bytes)",
    );
    let missing = dir.path().join("moved.xlsx");
    assert_refused(
        &missing,
        &Limits::default(),
        "workbook_unreadable",
        "could not be found",
    );
    let folder = dir.path().join("exports.xlsx");
    std::fs::create_dir(&folder).unwrap();
    assert_refused(
        &folder,
        &Limits::default(),
        "workbook_unreadable",
        "is a folder",
    );
}

#[cfg(unix)]
#[test]
fn a_device_is_refused_without_being_opened() {
    // Reading /dev/zero would never end, and opening a pipe would wait for a writer.
    assert_refused(
        Path::new("/dev/zero"),
        &Limits::default(),
        "workbook_unreadable",
        "is not a file but a device or a pipe",
    );
}

#[test]
fn an_old_xls_file_is_told_apart_from_a_password_protected_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let xls = write(
        dir.path(),
        "budget-2026.xls",
        &ole2(&["Workbook", "\u{5}SummaryInformation"]),
    );
    let message = assert_refused(&xls, &Limits::default(), "workbook_xls", "");
    assert_eq!(
        message,
        "budget-2026.xls is an old Excel 97–2003 file (.xls). Open it in a spreadsheet program and \
         save it as .xlsx, or export it again from Workshop Desk."
    );
    let encrypted = write(
        dir.path(),
        "report.xlsx",
        &ole2(&["\u{6}DataSpaces", "EncryptionInfo", "EncryptedPackage"]),
    );
    assert_refused(
        &encrypted,
        &Limits::default(),
        "workbook_encrypted",
        "is protected with a password",
    );
    let unknown = write(dir.path(), "minutes.xlsx", &ole2(&["WordDocument"]));
    assert_refused(
        &unknown,
        &Limits::default(),
        "workbook_xls_or_encrypted",
        "is an old Excel 97–2003 file (.xls) or a password-protected workbook",
    );
}

#[test]
fn a_zip_that_is_not_a_workbook_is_refused_and_an_ods_file_named() {
    let dir = tempfile::tempdir().unwrap();
    let photos = zip_of(&[("photos/day1.jpg".into(), vec![0xFF, 0xD8, 0xFF])]);
    let file = write(dir.path(), "photos.xlsx", &photos);
    assert_refused(
        &file,
        &Limits::default(),
        "workbook_zip_not_excel",
        "is a zip file but not an Excel workbook",
    );
    let ods = zip_of(&[
        (
            "mimetype".into(),
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ),
        ("content.xml".into(), b"<office:document-content/>".to_vec()),
    ]);
    let file = write(dir.path(), "report.ods", &ods);
    assert_refused(
        &file,
        &Limits::default(),
        "workbook_zip_not_excel",
        "is an OpenDocument file",
    );
}

// ---------------------------------------------------------------------------------------------
// Broken workbooks

#[test]
fn a_workbook_cut_in_half_is_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = good_bytes();
    let file = write(dir.path(), "half.xlsx", &bytes[..bytes.len() / 2]);
    assert_refused(
        &file,
        &Limits::default(),
        "workbook_truncated",
        "is incomplete or damaged",
    );
}

#[test]
fn a_workbook_whose_sheet_is_not_xml_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let broken = parts_with(&[(
        "xl/worksheets/sheet1.xml",
        b"<worksheet><sheetData><row r=\"x\">".to_vec(),
    )]);
    let file = write(dir.path(), "edited.xlsx", &zip_of(&broken));
    assert_refused(
        &file,
        &Limits::default(),
        "workbook_damaged",
        "is damaged and could not be read",
    );
}

// ---------------------------------------------------------------------------------------------
// Zip bombs

#[test]
fn a_gibibyte_of_zeros_is_refused_before_it_is_decompressed() {
    let dir = tempfile::tempdir().unwrap();
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts_with(&[]) {
        zip.start_file(name, SimpleFileOptions::default()).unwrap();
        zip.write_all(&data).unwrap();
    }
    zip.start_file("xl/media/image1.png", SimpleFileOptions::default())
        .unwrap();
    let zeros = vec![0u8; MIB as usize];
    for _ in 0..1024 {
        zip.write_all(&zeros).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(
        bytes.len() < 8 * MIB as usize,
        "{} bytes on disk",
        bytes.len()
    );
    let file = write(dir.path(), "bomb.xlsx", &bytes);
    assert_refused(
        &file,
        &Limits::default(),
        "workbook_too_big",
        "would unpack to more than 512 MB",
    );
}

#[test]
fn a_part_compressed_beyond_any_real_workbook_is_a_zip_bomb() {
    let dir = tempfile::tempdir().unwrap();
    let zeros = vec![0u8; 64 * MIB as usize];
    let bytes = zip_of(&parts_with(&[("xl/media/image1.png", zeros)]));
    let file = write(dir.path(), "bomb.xlsx", &bytes);
    assert_refused(
        &file,
        &Limits::default(),
        "workbook_zip_bomb",
        "has a part (xl/media/image1.png)",
    );
}

#[test]
fn a_part_larger_than_it_declares_is_stopped_at_its_declared_size() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = big_sheet(20_000);
    assert!(sheet.len() as u64 > 2 * MIB);
    let mut bytes = zip_of(&parts_with(&[("xl/worksheets/sheet1.xml", sheet)]));
    declare_size(&mut bytes, "xl/worksheets/sheet1.xml", 10_000);
    let file = write(dir.path(), "liar.xlsx", &bytes);
    archive::inspect(&file, &Limits::default()).expect("its declared sizes are harmless");
    let message = assert_refused(&file, &Limits::default(), "workbook_damaged", "is damaged");
    assert!(message.contains("larger than its declared"), "{message}");
}

#[test]
fn a_workbook_of_too_many_parts_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut parts = parts_with(&[]);
    parts.extend((0..10_000).map(|i| (format!("xl/media/image{i}.png"), Vec::new())));
    let file = write(dir.path(), "many.xlsx", &zip_of(&parts));
    assert_refused(
        &file,
        &Limits::default(),
        "workbook_too_many_parts",
        "is made of 10008 parts",
    );
}

// ---------------------------------------------------------------------------------------------
// The shared-strings count that aborts calamine (tafia/calamine#684)

#[test]
fn an_absurd_shared_string_count_is_refused_and_without_the_check_the_child_dies_alone() {
    let dir = tempfile::tempdir().unwrap();
    let strings = shared_strings_claiming("4", "4000000000");
    let file = write(
        dir.path(),
        "crash.xlsx",
        &zip_of(&parts_with(&[("xl/sharedStrings.xml", strings)])),
    );
    assert_refused(
        &file,
        &Limits::default(),
        "workbook_string_count",
        "claims to hold 4000000000 different texts",
    );

    // Without the check, calamine reserves 4e9 strings (96 GB) and the child aborts; the parent
    // reports it and goes on. (The memory limit is Linux's: elsewhere the reservation may pass.)
    #[cfg(target_os = "linux")]
    let unchecked = Limits {
        check_shared_strings: false,
        ..Limits::default()
    };
    #[cfg(target_os = "linux")]
    assert_refused(
        &file,
        &unchecked,
        "workbook_out_of_memory",
        "needs more memory than a workshop workbook ever does (over 1024 MB)",
    );

    let strings = shared_strings_claiming("99999999999", "4");
    let file = write(
        dir.path(),
        "count.xlsx",
        &zip_of(&parts_with(&[("xl/sharedStrings.xml", strings)])),
    );
    assert_refused(
        &file,
        &Limits::default(),
        "workbook_string_count",
        "texts in its cells",
    );
}

#[cfg(target_os = "linux")]
#[test]
fn the_childs_memory_limit_holds_with_the_allocator() {
    // 20 million strings fit in the 128 MiB the part declares (so the check lets it through),
    // and calamine reserves 480 MB for them before reading one.
    let dir = tempfile::tempdir().unwrap();
    let strings = shared_strings_claiming("4", "20000000");
    let mut bytes = zip_of(&parts_with(&[("xl/sharedStrings.xml", strings)]));
    declare_size(&mut bytes, "xl/sharedStrings.xml", 128 * MIB as u32);
    let file = write(dir.path(), "reserve.xlsx", &bytes);
    let lenient = Limits {
        max_ratio: u64::MAX,
        ..Limits::default()
    };
    let workbook = read(&file, &lenient).expect("480 MB fit in the default 1 GiB");
    assert_eq!(workbook.sheets.len(), 2);

    let small = Limits {
        memory: 256 * MIB,
        ..lenient
    };
    assert_refused(&file, &small, "workbook_out_of_memory", "(over 256 MB)");
}

// ---------------------------------------------------------------------------------------------
// Time and output limits

#[test]
fn a_child_that_takes_too_long_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = zip_of(&parts_with(&[(
        "xl/worksheets/sheet1.xml",
        big_sheet(100_000),
    )]));
    let file = write(dir.path(), "slow.xlsx", &bytes);
    let hurried = Limits {
        timeout: Duration::from_millis(1),
        ..Limits::default()
    };
    assert_refused(
        &file,
        &hurried,
        "workbook_timed_out",
        "could not be read within 1 ms",
    );
}

#[test]
fn far_apart_cells_that_would_lay_out_millions_of_empty_ones_are_refused() {
    // 200 KB of XML: one cell in column XFD on each of 5,000 rows, which laid out from A1 are
    // 82 million cells.
    let dir = tempfile::tempdir().unwrap();
    let mut xml = String::from(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for r in 1..=5_000 {
        xml.push_str(&format!(r#"<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>"#));
    }
    xml.push_str("</sheetData></worksheet>");
    let bytes = zip_of(&parts_with(&[(
        "xl/worksheets/sheet1.xml",
        xml.into_bytes(),
    )]));
    let file = write(dir.path(), "sparse.xlsx", &bytes);
    assert_refused(
        &file,
        &Limits::default(),
        "workbook_too_big",
        "has more than 10000000 cells",
    );
}

#[test]
fn more_cells_than_the_parent_takes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "good.xlsx", &good_bytes());
    let stingy = Limits {
        max_output: 100,
        ..Limits::default()
    };
    assert_refused(
        &file,
        &stingy,
        "workbook_too_big",
        "holds more than 1 MB of cells",
    );
}

/// A reader asked for some sheets parses and sends those only (consolidation's six of
/// seventeen), in the workbook's order.
#[test]
fn only_the_sheets_asked_for_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "good.xlsx", &good_bytes());
    let all = read(&file, &Limits::default()).unwrap();
    assert_eq!(all.sheets.len(), 2);
    let limits = Limits {
        only_sheets: vec!["About this file".into(), "Not a sheet".into()],
        ..Limits::default()
    };
    let some = read(&file, &limits).unwrap();
    let names: Vec<&str> = some.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["About this file"]);
    assert_eq!(some.sheets[0], all.sheets[1]);
}
