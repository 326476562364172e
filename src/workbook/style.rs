//! The workbook's look: a restrained palette (navy and steel blue, grey for what only the app
//! needs), and the cell formats of each kind of column.

use super::format::{Column, DATE_FORMAT, Kind, TIMESTAMP_FORMAT};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, TableStyle};

pub(crate) const NAVY: u32 = 0x1F3A5F;
pub(crate) const STEEL: u32 = 0x2F5D8A;
pub(crate) const SKY: u32 = 0x8DB3D9;
pub(crate) const PALE: u32 = 0xE8EEF5;
pub(crate) const GREY: u32 = 0x7F7F7F;
pub(crate) const WOMEN: u32 = 0xB5446E;
pub(crate) const MEN: u32 = STEEL;
pub(crate) const OTHER: u32 = 0xA6A6A6;
pub(crate) const PRESENT_FILL: u32 = 0xE2EFDA;
pub(crate) const PRESENT_TEXT: u32 = 0x375623;
pub(crate) const WARNING_FILL: u32 = 0xFBE3E1;
pub(crate) const WARNING_TEXT: u32 = 0x8E1B12;
/// The colours of the sessions of a day, in the attendance chart.
pub(crate) const SESSIONS: [u32; 3] = [STEEL, SKY, NAVY];

/// Every data sheet's table style: a plain header band and light rules.
pub(crate) const TABLE_STYLE: TableStyle = TableStyle::Light9;

fn cell() -> Format {
    Format::new().set_align(FormatAlign::Top)
}

fn text() -> Format {
    // "@": what someone types into the cell later stays text too (no formula, no date).
    cell().set_num_format("@")
}

/// Whether a column only serves the app (IDs, sort keys, record times): shown in grey.
pub(crate) fn is_technical(column: &Column) -> bool {
    matches!(column.kind, Kind::Id | Kind::Real)
        || ["Created at", "Updated at", "Deleted at", "Sequence"]
            .iter()
            .any(|start| column.header.starts_with(start))
}

/// How a data column looks: its cells (the column's format, which unformatted cells and cells
/// typed in later take), the format of cells that look different (a mark in the attendance
/// grid), and its header.
#[derive(Debug, Clone)]
pub(crate) struct ColumnStyle {
    pub cell: Format,
    pub own: Option<Format>,
    pub header: Format,
}

pub(crate) fn column_style(column: &Column) -> ColumnStyle {
    let mut body = match column.kind {
        Kind::Id => text().set_font_size(9),
        Kind::Text | Kind::Choice(_) => text(),
        Kind::LongText | Kind::List => text().set_text_wrap(),
        Kind::Integer => cell().set_num_format("0"),
        Kind::Real => cell().set_num_format("General"),
        Kind::Percent => cell().set_num_format("0%"),
        Kind::Date => cell()
            .set_num_format(DATE_FORMAT)
            .set_align(FormatAlign::Left),
        Kind::Timestamp => cell()
            .set_num_format(TIMESTAMP_FORMAT)
            .set_align(FormatAlign::Left),
        // Excel shows TRUE/FALSE; programs that keep booleans as numbers show Yes/No.
        Kind::Bool => cell()
            .set_align(FormatAlign::Center)
            .set_num_format("\"Yes\";\"Yes\";\"No\""),
        Kind::Mark => text().set_align(FormatAlign::Center),
    };
    let mut header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter)
        .set_font_color(Color::White)
        .set_background_color(NAVY)
        .set_border_bottom(FormatBorder::Thin)
        .set_border_bottom_color(NAVY);
    if is_technical(column) {
        body = body.set_font_color(GREY);
        header = header
            .set_background_color(GREY)
            .set_border_bottom_color(GREY);
    }
    let mut own = None;
    if matches!(column.kind, Kind::Mark) {
        header = header.set_align(FormatAlign::Center);
        // A mark stands out; an empty cell (absent) stays plain.
        own = Some(
            body.clone()
                .set_background_color(PRESENT_FILL)
                .set_font_color(PRESENT_TEXT)
                .set_bold(),
        );
    }
    ColumnStyle {
        cell: body,
        own,
        header,
    }
}

/// Lines a text needs in a column this wide (in Excel's character units), roughly as a
/// spreadsheet wraps it: for rows of wrapped text, whose height a reader may not adjust itself.
pub(crate) fn wrapped_lines(text: &str, width: f64) -> usize {
    let per_line = (width - 1.0).max(4.0);
    text.split('\n')
        .map(|line| ((line.chars().count() as f64 / per_line).ceil() as usize).max(1))
        .sum()
}

/// Lines a text needs in a column this wide (in Excel's character units) when it wraps at
/// spaces, as a spreadsheet does: for the Summary's labels and headers. A width unit is a digit,
/// wider than most letters, so a line holds one character less than the width.
pub(crate) fn word_lines(text: &str, width: f64) -> usize {
    let per_line = ((width - 1.0).floor() as usize).max(4);
    text.split('\n')
        .map(|line| {
            let (mut lines, mut used) = (1, 0);
            for word in line.split(' ') {
                let len = word.chars().count();
                if used > 0 && used + 1 + len > per_line {
                    lines += 1;
                    used = 0;
                }
                used += if used > 0 { 1 + len } else { len };
                // A word longer than a line breaks inside itself.
                while used > per_line {
                    lines += 1;
                    used -= per_line;
                }
            }
            lines
        })
        .sum()
}

/// The height in points of a row of `lines` lines of the default font.
pub(crate) fn row_height(lines: usize) -> f64 {
    (15.0 * lines as f64 + 2.0).min(409.0)
}

/// The formats of the Summary and "About this file".
#[derive(Debug, Clone)]
pub(crate) struct Report {
    pub title: Format,
    pub subtitle: Format,
    pub banner: Format,
    pub warning: Format,
    pub headline: Format,
    pub section: Format,
    pub label: Format,
    pub value: Format,
    pub value_wrap: Format,
    pub date: Format,
    pub timestamp: Format,
    pub head: Format,
    pub head_number: Format,
    pub number: Format,
    pub number_left: Format,
    pub percent: Format,
    pub total_label: Format,
    pub total_number: Format,
    pub total_percent: Format,
    pub note: Format,
    pub mono: Format,
}

impl Report {
    pub fn new() -> Self {
        let rule = |f: Format| {
            f.set_border_top(FormatBorder::Thin)
                .set_border_top_color(NAVY)
        };
        Self {
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_font_color(NAVY),
            subtitle: Format::new().set_font_size(11).set_font_color(GREY),
            banner: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(PALE)
                .set_font_color(NAVY),
            warning: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(WARNING_FILL)
                .set_font_color(WARNING_TEXT),
            headline: Format::new()
                .set_bold()
                .set_font_size(13)
                .set_font_color(NAVY)
                .set_background_color(PALE)
                .set_align(FormatAlign::VerticalCenter),
            section: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_font_color(NAVY)
                .set_border_bottom(FormatBorder::Medium)
                .set_border_bottom_color(NAVY),
            label: Format::new()
                .set_font_color(GREY)
                .set_align(FormatAlign::Top),
            value: text(),
            value_wrap: text().set_text_wrap(),
            date: cell()
                .set_num_format(DATE_FORMAT)
                .set_align(FormatAlign::Left),
            timestamp: cell()
                .set_num_format(TIMESTAMP_FORMAT)
                .set_align(FormatAlign::Left),
            head: Format::new()
                .set_bold()
                .set_font_color(NAVY)
                .set_text_wrap()
                .set_align(FormatAlign::Bottom)
                .set_border_bottom(FormatBorder::Thin)
                .set_border_bottom_color(NAVY),
            head_number: Format::new()
                .set_bold()
                .set_font_color(NAVY)
                .set_text_wrap()
                .set_align(FormatAlign::Bottom)
                .set_align(FormatAlign::Right)
                .set_border_bottom(FormatBorder::Thin)
                .set_border_bottom_color(NAVY),
            // Numbers top-aligned like the labels beside them (a row of wrapped text).
            number: cell().set_num_format("#,##0"),
            number_left: cell().set_num_format("#,##0").set_align(FormatAlign::Left),
            // Right-aligned, so that the text "–" of a rate not known yet lines up too.
            percent: cell().set_num_format("0.0%").set_align(FormatAlign::Right),
            total_label: rule(Format::new().set_bold()),
            total_number: rule(Format::new().set_bold().set_num_format("#,##0")),
            total_percent: rule(Format::new().set_bold().set_num_format("0.0%")),
            note: Format::new()
                .set_italic()
                .set_font_color(GREY)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            mono: text().set_font_name("Consolas").set_font_size(9),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::word_lines;

    #[test]
    fn word_lines_wraps_at_spaces_with_room_to_spare() {
        // 15 wide: 14 characters a line.
        assert_eq!(word_lines("Women's share", 15.0), 1);
        assert_eq!(word_lines("Mekong and Myanmar", 15.0), 2);
        assert_eq!(word_lines("Priorities without action", 15.0), 2);
        assert_eq!(word_lines("", 15.0), 1);
        // A word longer than a line breaks inside itself.
        assert_eq!(word_lines(&"x".repeat(30), 15.0), 3);
        assert_eq!(word_lines(&"x".repeat(28), 15.0), 2);
        assert_eq!(word_lines("a\nb", 15.0), 2);
    }
}
