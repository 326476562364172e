//! The consolidated Summary: one row per workshop (dates, venue, headcount, women, youth,
//! countries, attendance rate, actions by status) with a total, the people reached (each person
//! once), participants by country across the workshops, the files left out and why, and two
//! native charts (women's share per workshop, participants by country). Values only: unlike the
//! export's Summary, there is no formula here, so that the file holds none at all.

use super::Consolidated;
use super::format::sheet;
use super::people::People;
use super::read::Source;
use crate::error::Result;
use crate::workbook::charts::{self, fill, small_font};
use crate::workbook::format::{STATUS, date_serial};
use crate::workbook::style::{self, Report, WOMEN};
use crate::workbook::xlsx_error;
use chrono::{DateTime, Utc};
use rust_xlsxwriter::{Chart, ChartType, Format, Worksheet};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

/// The workshops table's columns: header, width, and whether it holds text (left-aligned).
const WORKSHOP_TABLE: [(&str, f64, bool); 18] = [
    ("Workshop", 50.0, true),
    ("Start date", 11.0, true),
    ("End date", 11.0, true),
    ("Venue", 16.0, true),
    ("Country", 16.0, true),
    ("Participants", 12.0, false),
    ("Women", 10.0, false),
    ("Women's share", 10.0, false),
    ("Youth", 10.0, false),
    ("Countries", 10.0, false),
    ("Attendance rate", 11.0, false),
    ("Planned", 10.0, false),
    ("In progress", 10.0, false),
    ("Done", 10.0, false),
    ("Dropped", 10.0, false),
    ("Actions", 10.0, false),
    ("Workshop ID", 38.0, true),
    ("Chart label", 24.0, true),
];
/// The column of each workshop's label in the charts: its venue and start date.
const CHART_LABEL: u16 = 17;
/// Where the status columns start in the workshops table.
const FIRST_STATUS: u16 = 11;
const WOMEN_SHARE: u16 = 7;
/// The narrower sections below use columns A to G; the charts go from column I.
const LAST_NARROW: u16 = 6;
const CHART_COL: u16 = 8;
/// Rows a chart of the default height covers.
const ROW_PIXELS: u32 = 20;
/// Shown for a rate of sessions nobody has signed in to (yet).
const NOT_YET: &str = "\u{2013}";

/// One country's participants across the workshops.
#[derive(Debug, Default, Clone)]
pub(crate) struct CountryRow {
    pub name: String,
    pub participants: u64,
    pub women: u64,
    pub men: u64,
    pub people: u64,
    pub workshops: u64,
}

/// What the Summary shows, worked out from the workshops read.
#[derive(Debug)]
pub(crate) struct Facts<'a> {
    pub sources: &'a [Source],
    pub result: &'a Consolidated,
    pub women_reached: u64,
    pub countries: u64,
    pub by_country: Vec<CountryRow>,
    pub path: &'a Path,
    pub now: DateTime<Utc>,
}

impl<'a> Facts<'a> {
    pub fn new(
        sources: &'a [Source],
        result: &'a Consolidated,
        people: &People,
        path: &'a Path,
        now: DateTime<Utc>,
    ) -> Self {
        let records: Vec<(usize, &super::read::Person)> = sources
            .iter()
            .enumerate()
            .flat_map(|(w, s)| s.people.iter().map(move |p| (w, p)))
            .collect();
        let women_reached = people
            .person_of
            .iter()
            .enumerate()
            .filter(|(i, first)| *i == **first && records[*i].1.sex == Some("woman"))
            .count() as u64;
        let mut countries: BTreeSet<&str> = BTreeSet::new();
        // By country: (row, its people, its workshops).
        let mut by_country: HashMap<Option<String>, (CountryRow, HashSet<usize>, HashSet<usize>)> =
            HashMap::new();
        for (i, (w, person)) in records.iter().enumerate() {
            if let Some(code) = &person.country_code {
                countries.insert(code);
            }
            let (row, persons, workshops) = by_country
                .entry(person.country_code.clone())
                .or_insert_with(|| {
                    let name = person
                        .country
                        .clone()
                        .or_else(|| person.country_code.clone())
                        .unwrap_or_else(|| "No country given".to_string());
                    (
                        CountryRow {
                            name,
                            ..CountryRow::default()
                        },
                        HashSet::new(),
                        HashSet::new(),
                    )
                });
            row.participants += 1;
            row.women += u64::from(person.sex == Some("woman"));
            row.men += u64::from(person.sex == Some("man"));
            persons.insert(people.person_of[i]);
            workshops.insert(*w);
        }
        let mut by_country: Vec<(bool, CountryRow)> = by_country
            .into_iter()
            .map(|(code, (mut row, persons, workshops))| {
                row.people = persons.len() as u64;
                row.workshops = workshops.len() as u64;
                (code.is_none(), row)
            })
            .collect();
        // Most participants first, "no country" last.
        by_country.sort_by(|(a_none, a), (b_none, b)| {
            (a_none, std::cmp::Reverse(a.participants), &a.name).cmp(&(
                b_none,
                std::cmp::Reverse(b.participants),
                &b.name,
            ))
        });
        Self {
            sources,
            result,
            women_reached,
            countries: countries.len() as u64,
            by_country: by_country.into_iter().map(|(_, row)| row).collect(),
            path,
            now,
        }
    }
}

/// A workshop in the charts: its venue and start date ("Kathmandu, 2026-11-23"), or its title.
fn chart_label(source: &Source) -> String {
    let venue = &source.workshop.venue;
    match source.workshop.start {
        Some(start) if !venue.is_empty() => format!("{venue}, {start}"),
        Some(start) => format!("{}, {start}", source.workshop.title),
        None => source.workshop.title.clone(),
    }
}

fn plural(count: u64, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The headline: "312 people reached (150 women) from 24 countries in 12 workshops; 18 came to
/// more than one".
pub(crate) fn headline(result: &Consolidated) -> String {
    format!(
        "{} reached in {}; {} came to more than one",
        plural(result.people_reached, "person", "people"),
        plural(result.included.len() as u64, "workshop", "workshops"),
        result.returning
    )
}

fn full_headline(facts: &Facts) -> String {
    let result = facts.result;
    format!(
        "{} reached ({}) from {} in {}; {} came to more than one",
        plural(result.people_reached, "person", "people"),
        plural(facts.women_reached, "woman", "women"),
        plural(facts.countries, "country", "countries"),
        plural(result.included.len() as u64, "workshop", "workshops"),
        result.returning
    )
}

struct Writer<'s> {
    sheet: &'s mut Worksheet,
    path: &'s Path,
    style: Report,
    row: u32,
    chart_row: u32,
}

impl Writer<'_> {
    fn text(&mut self, row: u32, col: u16, text: &str, format: &Format) -> Result<()> {
        self.sheet
            .write_string_with_format(row, col, text, format)
            .map_err(xlsx_error(self.path))?;
        Ok(())
    }

    fn number(&mut self, row: u32, col: u16, number: f64, format: &Format) -> Result<()> {
        self.sheet
            .write_number_with_format(row, col, number, format)
            .map_err(xlsx_error(self.path))?;
        Ok(())
    }

    fn blank(&mut self, row: u32, col: u16, format: &Format) -> Result<()> {
        self.sheet
            .write_blank(row, col, format)
            .map_err(xlsx_error(self.path))?;
        Ok(())
    }

    fn height(&mut self, row: u32, lines: usize) -> Result<()> {
        if lines > 1 {
            self.sheet
                .set_row_height(row, style::row_height(lines))
                .map_err(xlsx_error(self.path))?;
        }
        Ok(())
    }

    /// A section's title with a rule under columns A to `last`.
    fn section(&mut self, title: &str, last: u16) -> Result<u32> {
        self.row += 1;
        let row = self.row;
        let look = self.style.section.clone();
        for col in 0..=last {
            self.blank(row, col, &look)?;
        }
        self.text(row, 0, title, &look)?;
        self.sheet
            .set_row_height(row, 21)
            .map_err(xlsx_error(self.path))?;
        self.row += 2;
        Ok(row)
    }

    /// A header row: text columns left-aligned, number columns right-aligned.
    fn head(&mut self, labels: &[(&str, f64, bool)]) -> Result<u32> {
        let row = self.row;
        let (head, number) = (self.style.head.clone(), self.style.head_number.clone());
        let mut lines = 1;
        for (col, (label, width, text)) in labels.iter().enumerate() {
            lines = lines.max(style::word_lines(label, *width));
            self.text(row, col as u16, label, if *text { &head } else { &number })?;
        }
        self.sheet
            .set_row_height(row, style::row_height(lines))
            .map_err(xlsx_error(self.path))?;
        self.row += 1;
        Ok(row)
    }

    /// A note in italics across columns A to `last`.
    fn note(&mut self, text: &str, last: u16, width: f64) -> Result<()> {
        let row = self.row;
        let note = self.style.note.clone();
        self.sheet
            .merge_range(row, 0, row, last, text, &note)
            .map_err(xlsx_error(self.path))?;
        self.height(row, style::word_lines(text, width))?;
        self.row += 1;
        Ok(())
    }

    /// Places a chart in the chart column, level with `row` or below the chart before it.
    fn chart(&mut self, row: u32, chart: &mut Chart, height: u32) -> Result<()> {
        chart.set_width(600).set_height(height);
        let at = row.max(self.chart_row);
        self.sheet
            .insert_chart(at, CHART_COL, chart)
            .map_err(xlsx_error(self.path))?;
        self.chart_row = at + height.div_ceil(ROW_PIXELS) + 1;
        Ok(())
    }
}

fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The width of columns `first..=last` of the workshops table.
fn width(first: usize, last: usize) -> f64 {
    WORKSHOP_TABLE[first..=last].iter().map(|(_, w, _)| w).sum()
}

pub(crate) fn write(sheet: &mut Worksheet, facts: &Facts) -> Result<()> {
    let fail = xlsx_error(facts.path);
    sheet.set_name(sheet::SUMMARY).map_err(&fail)?;
    sheet.set_tab_color(style::STEEL);
    for (col, (_, width, _)) in WORKSHOP_TABLE.iter().enumerate() {
        sheet.set_column_width(col as u16, *width).map_err(&fail)?;
    }
    sheet.set_default_row_height(16);
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_footer("&L&8Workshop Desk&R&8Page &P of &N");
    sheet.set_screen_gridlines(false);
    let mut w = Writer {
        sheet,
        path: facts.path,
        style: Report::new(),
        row: 0,
        chart_row: 0,
    };
    let style = w.style.clone();
    let result = facts.result;
    let sources = facts.sources;
    // The banner and headline span the table's columns for people.
    let last_col = 15;

    // Title, the period, what this is, the headline.
    w.text(0, 0, "Consolidated report", &style.title)?;
    w.sheet.set_row_height(0, 24).map_err(&fail)?;
    let first = sources.iter().filter_map(|s| s.workshop.start).min();
    let last = sources.iter().filter_map(|s| s.workshop.end).max();
    let period = match (first, last) {
        (Some(first), Some(last)) => format!(", {first} to {last}"),
        _ => String::new(),
    };
    w.text(
        1,
        0,
        &format!(
            "{}{period}",
            plural(sources.len() as u64, "workshop", "workshops")
        ),
        &style.subtitle,
    )?;
    let banner = "Consolidated by Workshop Desk from the workshops' own workbooks. Contact \
        details are included only for participants who consented to be contacted. The sheets \
        after this one hold every participant, their attendance, every SWOT note and every \
        action, each with its workshop's columns first; a person who came to several workshops \
        has the same Person ID in each. \"About this file\" lists the source files.";
    w.sheet
        .merge_range(3, 0, 3, last_col, banner, &style.banner)
        .map_err(&fail)?;
    w.sheet.set_row_height(3, 36).map_err(&fail)?;
    w.sheet
        .merge_range(5, 0, 5, last_col, &full_headline(facts), &style.headline)
        .map_err(&fail)?;
    w.sheet.set_row_height(5, 26).map_err(&fail)?;
    w.row = 6;

    // One row per workshop, and the total.
    w.section("Workshops", CHART_LABEL)?;
    let mut head = WORKSHOP_TABLE;
    for (i, (_, label)) in STATUS.options.iter().enumerate() {
        head[usize::from(FIRST_STATUS) + i].0 = label;
    }
    w.head(&head)?;
    let first_row = w.row;
    let date = style.date.clone();
    let (number, percent) = (style.number.clone(), style.percent.clone());
    // Indented, so that the actions' count beside it does not read as part of the ID.
    let id_look = style.mono.clone().set_indent(1);
    let mut total = super::read::Stats::default();
    for source in sources {
        let row = w.row;
        let stats = &source.stats;
        let title_lines = style::word_lines(&source.workshop.title, WORKSHOP_TABLE[0].1);
        let look = if title_lines > 1 {
            &style.value_wrap
        } else {
            &style.value
        };
        w.text(row, 0, &source.workshop.title, look)?;
        w.height(row, title_lines)?;
        for (col, day) in [(1, source.workshop.start), (2, source.workshop.end)] {
            if let Some(day) = day {
                w.number(row, col, date_serial(day), &date)?;
            }
        }
        w.text(row, 3, &source.workshop.venue, &style.value)?;
        w.text(row, 4, &source.workshop.country, &style.value)?;
        w.number(row, 5, stats.participants as f64, &number)?;
        w.number(row, 6, stats.women as f64, &number)?;
        match share(stats.women, stats.participants) {
            Some(value) => w.number(row, WOMEN_SHARE, value, &percent)?,
            None => w.text(row, WOMEN_SHARE, NOT_YET, &percent)?,
        }
        w.number(row, 8, stats.youth as f64, &number)?;
        w.number(row, 9, stats.countries as f64, &number)?;
        match stats.attendance_rate() {
            Some(rate) => w.number(row, 10, rate, &percent)?,
            None => w.text(row, 10, NOT_YET, &percent)?,
        }
        for (i, count) in stats.actions.iter().enumerate() {
            w.number(row, FIRST_STATUS + i as u16, *count as f64, &number)?;
        }
        w.number(row, 15, stats.actions_total as f64, &number)?;
        w.text(row, 16, &source.meta.workshop_id.to_string(), &id_look)?;
        w.text(row, CHART_LABEL, &chart_label(source), &style.value)?;
        total.participants += stats.participants;
        total.women += stats.women;
        total.youth += stats.youth;
        total.attended += stats.attended;
        total.expected += stats.expected;
        for (sum, count) in total.actions.iter_mut().zip(stats.actions) {
            *sum += count;
        }
        total.actions_total += stats.actions_total;
        w.row += 1;
    }
    let last_row = w.row - 1;
    let row = w.row;
    let (label, sum, rate) = (
        style.total_label.clone(),
        style.total_number.clone(),
        style
            .total_percent
            .clone()
            .set_align(rust_xlsxwriter::FormatAlign::Right),
    );
    w.text(
        row,
        0,
        &format!(
            "Total, {}",
            plural(sources.len() as u64, "workshop", "workshops")
        ),
        &label,
    )?;
    for col in 1..=CHART_LABEL {
        w.blank(row, col, &sum)?;
    }
    w.number(row, 5, total.participants as f64, &sum)?;
    w.number(row, 6, total.women as f64, &sum)?;
    match share(total.women, total.participants) {
        Some(value) => w.number(row, WOMEN_SHARE, value, &rate)?,
        None => w.text(row, WOMEN_SHARE, NOT_YET, &rate)?,
    }
    w.number(row, 8, total.youth as f64, &sum)?;
    w.number(row, 9, facts.countries as f64, &sum)?;
    match total.attendance_rate() {
        Some(value) => w.number(row, 10, value, &rate)?,
        None => w.text(row, 10, NOT_YET, &rate)?,
    }
    for (i, count) in total.actions.iter().enumerate() {
        w.number(row, FIRST_STATUS + i as u16, *count as f64, &sum)?;
    }
    w.number(row, 15, total.actions_total as f64, &sum)?;
    w.row += 1;
    w.note(
        "Participants are each workshop's registered participants, so a person who came to two \
         workshops counts in both (the people reached below count each person once). Youth is \
         counted by each workshop's own age limit. The total's countries are distinct across \
         the workshops. Attendance rate: sessions attended of the sessions held (those with any \
         sign-in), over the participants; a dash means no session held yet.",
        last_col,
        width(0, usize::from(last_col)),
    )?;

    // The people reached, each once.
    let top = w.section("People reached", LAST_NARROW)?;
    let figures: [(&str, u64); 6] = [
        ("Workshops", result.included.len() as u64),
        (
            "Participant records (a person at two workshops counts twice)",
            result.participants,
        ),
        ("People reached (each person once)", result.people_reached),
        ("of whom women", facts.women_reached),
        (
            "Returning participants (in 2 or more workshops)",
            result.returning,
        ),
        ("Countries", facts.countries),
    ];
    for (label, value) in figures {
        let row = w.row;
        let lines = style::word_lines(label, WORKSHOP_TABLE[0].1);
        let look = if lines > 1 {
            &style.value_wrap
        } else {
            &style.value
        };
        w.text(row, 0, label, look)?;
        w.height(row, lines)?;
        w.number(row, 1, value as f64, &style.number)?;
        w.row += 1;
    }
    w.note(
        "A returning participant is recognised as registration recognises a duplicate: the same \
         email address, or the same name in any script, word order or spelling of its vowels. \
         Two participants of the same workshop are never taken for one person.",
        LAST_NARROW,
        width(0, usize::from(LAST_NARROW)),
    )?;
    w.chart_row = top;
    if !sources.is_empty() {
        let mut chart = charts::titled(ChartType::Bar, "Women's share per workshop");
        chart
            .add_series()
            .set_name("Women's share")
            .set_categories((
                sheet::SUMMARY,
                first_row,
                CHART_LABEL,
                last_row,
                CHART_LABEL,
            ))
            .set_values((
                sheet::SUMMARY,
                first_row,
                WOMEN_SHARE,
                last_row,
                WOMEN_SHARE,
            ))
            .set_format(&mut fill(WOMEN))
            .set_gap(50);
        chart.y_axis().set_reverse().set_font(&small_font());
        chart
            .x_axis()
            .set_num_format("0%")
            .set_min(0)
            .set_max(1)
            .set_major_unit(0.25);
        chart.legend().set_hidden();
        let height = (90 + 24 * sources.len() as u32).max(240);
        w.chart(top, &mut chart, height)?;
    }

    // Participants by country across the workshops.
    let top = w.section("Participants by country", LAST_NARROW)?;
    let widths = [50.0, 11.0, 11.0, 16.0, 16.0, 12.0, 10.0];
    let labels = [
        "Country",
        "Participants",
        "Women",
        "Men",
        "Other or not stated",
        "People reached",
        "Workshops",
    ];
    let head: Vec<(&str, f64, bool)> = labels
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (label, width))| (*label, width, i == 0))
        .collect();
    w.head(&head)?;
    let first_country = w.row;
    for country in &facts.by_country {
        let row = w.row;
        w.text(row, 0, &country.name, &style.value)?;
        let other = country.participants - country.women - country.men;
        for (col, value) in [
            country.participants,
            country.women,
            country.men,
            other,
            country.people,
            country.workshops,
        ]
        .into_iter()
        .enumerate()
        {
            w.number(row, 1 + col as u16, value as f64, &number)?;
        }
        w.row += 1;
    }
    let last_country = w.row.saturating_sub(1);
    let row = w.row;
    w.text(row, 0, "Total", &label)?;
    let women: u64 = facts.by_country.iter().map(|c| c.women).sum();
    let men: u64 = facts.by_country.iter().map(|c| c.men).sum();
    for (col, value) in [
        result.participants,
        women,
        men,
        result.participants - women - men,
        result.people_reached,
        result.included.len() as u64,
    ]
    .into_iter()
    .enumerate()
    {
        w.number(row, 1 + col as u16, value as f64, &sum)?;
    }
    w.row += 1;
    w.note(
        "People reached: each person once in each country they came from. The total is the \
         people reached and the workshops included.",
        LAST_NARROW,
        widths.iter().sum(),
    )?;
    if !facts.by_country.is_empty() {
        let (mut chart, height) = charts::by_country_and_sex(
            "Participants by country across workshops",
            sheet::SUMMARY,
            first_country,
            last_country,
            facts.by_country.len(),
        );
        w.chart(top, &mut chart, height)?;
    }

    // The files left out, and why.
    w.section("Files not included", LAST_NARROW)?;
    let left_out: Vec<(String, &str, &str)> = result
        .dropped
        .iter()
        .map(|d| (&d.file, super::outcome::DROPPED, d.reason.as_str()))
        .chain(
            result
                .skipped
                .iter()
                .map(|s| (&s.file, super::outcome::SKIPPED, s.reason.as_str())),
        )
        .map(|(file, outcome, reason)| {
            let name = file
                .file_name()
                .unwrap_or(file.as_os_str())
                .to_string_lossy()
                .into_owned();
            (name, outcome, reason)
        })
        .collect();
    if left_out.is_empty() {
        let row = w.row;
        w.text(row, 0, "Every file given was included.", &style.value)?;
        w.row += 1;
    } else {
        w.head(&[
            ("File", 50.0, true),
            ("Outcome", 11.0, true),
            ("Reason", 11.0, true),
        ])?;
        let reason_width = widths[2..].iter().sum();
        for (name, outcome, reason) in left_out {
            let row = w.row;
            w.text(row, 0, &name, &style.value_wrap)?;
            w.text(row, 1, outcome, &style.value_wrap)?;
            w.sheet
                .merge_range(row, 2, row, LAST_NARROW, reason, &style.value_wrap)
                .map_err(&fail)?;
            let lines = style::word_lines(reason, reason_width)
                .max(style::word_lines(&name, 50.0))
                .max(style::word_lines(outcome, 11.0));
            w.height(row, lines)?;
            w.row += 1;
        }
    }

    let row = w.row + 1;
    w.text(
        row,
        0,
        &format!(
            "Written by Workshop Desk {} at {} (UTC).",
            crate::APP_VERSION,
            crate::time::timestamp(facts.now)
        ),
        &style.subtitle,
    )?;
    Ok(())
}
