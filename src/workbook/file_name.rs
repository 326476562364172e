//! The workbook's file name, from the workshop's dates, venue and title: readable, sorted by
//! date in a folder, and safe on every file system (Windows, macOS, Linux, FAT on a USB stick).

use crate::workshop::Workshop;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// At most this many bytes before ".xlsx": well under every file system's 255, and short
/// enough for Windows' 260-character paths in a deep folder.
const MAX_STEM_BYTES: usize = 120;

/// Names Windows reserves for devices, whatever the extension ("CON.xlsx" cannot be created).
const RESERVED: [&str; 26] = [
    "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
    "COM8", "COM9", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    "CONIN$", "CONOUT$",
];

/// `2026-11-23 to 2026-11-27 Kathmandu - Trade Union Policy and Organising.xlsx`.
pub fn file_name(workshop: &Workshop) -> String {
    let dates = if workshop.start_date == workshop.end_date {
        workshop.start_date.to_string()
    } else {
        format!("{} to {}", workshop.start_date, workshop.end_date)
    };
    let place = [dates.as_str(), workshop.venue_city.trim()]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let title = workshop.title.trim();
    let stem = if title.is_empty() {
        place
    } else {
        format!("{place} - {title}")
    };
    format!("{}.xlsx", safe_stem(&stem))
}

/// A file name stem any file system accepts: NFC; no path separators, reserved punctuation,
/// control or direction-override characters; no leading or trailing dots and spaces; not a
/// Windows device name; at most [`MAX_STEM_BYTES`] bytes, cut between words where possible.
/// Letters of every script are kept.
pub fn safe_stem(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.nfc() {
        match c {
            '/' | '\\' | '|' => cleaned.push('-'),
            ':' => cleaned.push_str(" - "),
            '"' => cleaned.push('\''),
            '*' | '?' | '<' | '>' => cleaned.push(' '),
            // Bidirectional overrides and isolates can make "xlsx.exe" look like "exe.xlsx".
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
            c if c.is_control() || c.is_whitespace() => cleaned.push(' '),
            c => cleaned.push(c),
        }
    }
    let mut stem = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    // "a - - b" from a colon next to a dash.
    while stem.contains("- -") {
        stem = stem.replace("- -", "-");
    }
    let mut stem = trim_edges(&truncate(trim_edges(&stem), MAX_STEM_BYTES)).to_string();
    if stem.is_empty() {
        stem = "Workshop".to_string();
    }
    let device = stem
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_uppercase();
    let device = device.replace(['¹', '²', '³'], "1");
    if RESERVED.contains(&device.as_str()) {
        stem.insert(0, '_');
    }
    stem
}

/// Without leading or trailing dots, spaces and dashes (Windows drops trailing dots and spaces;
/// a leading dot hides the file on Linux and macOS).
fn trim_edges(text: &str) -> &str {
    text.trim_matches(|c: char| c == '.' || c == '-' || c.is_whitespace())
}

/// At most `max` bytes, cut at the last space if there is one in the second half, else before
/// a character that is not a combining mark (a vowel sign stays with its consonant).
fn truncate(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    while end > 0
        && text[end..]
            .chars()
            .next()
            .is_some_and(|c| is_combining_mark(c) || c == '\u{200d}' || c == '\u{200c}')
    {
        end -= 1;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
    }
    let cut = &text[..end];
    match cut.rfind(' ') {
        Some(space) if space >= max / 2 => cut[..space].to_string(),
        _ => cut.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn workshop(title: &str, venue: &str, start: &str, end: &str) -> Workshop {
        let start_date = NaiveDate::parse_from_str(start, "%Y-%m-%d").unwrap();
        let end_date = NaiveDate::parse_from_str(end, "%Y-%m-%d").unwrap();
        Workshop {
            id: uuid::Uuid::nil(),
            title: title.into(),
            venue_city: venue.into(),
            country: None,
            start_date,
            end_date,
            days: Vec::new(),
            sessions_per_day: 2,
            session_starts: Vec::new(),
            organisers: String::new(),
            programme_code: String::new(),
            working_languages: Vec::new(),
            youth_age_limit: 35,
            archived_at: None,
            created_at: String::new(),
            updated_at: String::new(),
            participant_count: 0,
        }
    }

    #[test]
    fn the_name_reads_dates_venue_and_title() {
        let name = file_name(&workshop(
            "Trade Union Policy and Organising on Labour Migration",
            "Kathmandu",
            "2026-11-23",
            "2026-11-27",
        ));
        assert_eq!(
            name,
            "2026-11-23 to 2026-11-27 Kathmandu - Trade Union Policy and Organising on Labour Migration.xlsx"
        );
        let one_day = file_name(&workshop("Opening", "", "2026-11-23", "2026-11-23"));
        assert_eq!(one_day, "2026-11-23 - Opening.xlsx");
    }

    #[test]
    fn letters_of_every_script_are_kept() {
        let name = file_name(&workshop(
            "Syndicats et migration : atelier régional",
            "Genève",
            "2026-03-02",
            "2026-03-06",
        ));
        assert_eq!(
            name,
            "2026-03-02 to 2026-03-06 Genève - Syndicats et migration - atelier régional.xlsx"
        );
        let name = file_name(&workshop(
            "श्रमिक प्रवास",
            "काठमाडौं",
            "2026-03-02",
            "2026-03-06",
        ));
        assert!(
            name.contains("श्रमिक प्रवास") && name.contains("काठमाडौं"),
            "{name}"
        );
        // Decomposed input is stored composed, as macOS and Windows would otherwise disagree.
        let decomposed = file_name(&workshop("Gene\u{300}ve", "", "2026-03-02", "2026-03-02"));
        assert_eq!(decomposed, "2026-03-02 - Genève.xlsx");
    }

    #[test]
    fn characters_no_file_system_accepts_are_replaced() {
        let name = file_name(&workshop(
            "ILO/ACTRAV \\ \"Decent\" work: <now>? *yes* | no\tTab\u{202e}xslx.exe...",
            "  .Kathmandu ",
            "2026-11-23",
            "2026-11-27",
        ));
        for bad in [
            '/', '\\', ':', '*', '?', '"', '<', '>', '|', '\t', '\u{202e}',
        ] {
            assert!(!name.contains(bad), "{bad:?} in {name}");
        }
        assert!(name.ends_with("xslx.exe.xlsx"), "{name}");
        assert!(
            !name.contains("..."),
            "trailing dots of the stem are dropped: {name}"
        );
        assert!(name.contains("ILO-ACTRAV"), "{name}");
    }

    #[test]
    fn windows_device_names_and_empty_names_are_avoided() {
        for reserved in ["CON", "con", "Nul.backup", "COM1", "lpt9 ", "COM¹", "AUX"] {
            let stem = safe_stem(reserved);
            assert!(stem.starts_with('_'), "{reserved:?} became {stem:?}");
        }
        assert_eq!(safe_stem("CONTACTS"), "CONTACTS");
        assert_eq!(safe_stem(" ... "), "Workshop");
        assert_eq!(safe_stem(".hidden"), "hidden");
    }

    #[test]
    fn long_names_are_cut_between_words_within_the_limit() {
        let title = "Trade union strategies ".repeat(20);
        let name = file_name(&workshop(&title, "Kathmandu", "2026-11-23", "2026-11-27"));
        let stem = name.strip_suffix(".xlsx").unwrap();
        assert!(stem.len() <= MAX_STEM_BYTES, "{} bytes", stem.len());
        assert!(
            stem.ends_with("strategies") || stem.ends_with("union") || stem.ends_with("Trade"),
            "{stem}"
        );
        // A script without spaces is cut on a character boundary, keeping vowel signs with
        // their consonants.
        let long = "कि".repeat(100);
        let stem = safe_stem(&long);
        assert!(stem.len() <= MAX_STEM_BYTES);
        assert!(stem.ends_with("कि"), "{stem}");
    }
}
