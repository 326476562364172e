//! The Summary sheet: the workshop's details, the headline line, the tables headquarters asks
//! for and four native charts. Every number comes from the core's own aggregates
//! (`summary::summarize`, `attendance::grid`, `board::list`/`get`, `plans::rollup`); the only
//! formulas in the whole workbook are this sheet's totals and rates, each with its value cached.

use super::charts::{self, fill, small_font};
use super::format::{QUADRANT, STATUS, sheet};
use super::style::{self, MEN, OTHER, Report, SESSIONS, WOMEN};
use super::{Context, Profile, xlsx_error};
use crate::board::{self, Quadrant};
use crate::error::Result;
use crate::participant::Sex;
use crate::{countries, plans, summary, time};
use chrono::NaiveDate;
use rust_xlsxwriter::utility::{row_col_to_cell, row_col_to_cell_absolute};
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartLegendPosition, ChartPoint, ChartType, Format, Formula, Worksheet,
};

/// The columns of the Summary's tables (A to H); charts go from column J.
const LAST_TABLE_COL: u16 = 7;
const CHART_COL: u16 = 9;
/// The widths of column A (labels) and of columns B to H (numbers, a board's group): room for
/// headers such as "Women's share" and "Age not known" on one line, with a gap between them.
const LABEL_WIDTH: f64 = 36.0;
const NUMBER_WIDTH: f64 = 15.0;
/// Shown for a rate of sessions nobody has signed in to (yet): an en dash.
const NOT_YET: &str = "\u{2013}";
/// Rows a chart of the default height covers.
const ROW_PIXELS: u32 = 20;

pub(crate) const FULL_WARNING: &str = "FULL TRANSFER: THIS FILE CONTAINS PERSONAL DATA. It holds \
    every participant's contact details, birth year and notes, deleted records and the history \
    of every change. It is meant only for moving this workshop to another laptop with Workshop \
    Desk: keep it on an encrypted disk, do not send it by email or share it, and delete it once \
    it has been imported.";

pub(crate) const REPORT_NOTE: &str = "Report for headquarters. Contact details are included \
    only for participants who consented to be contacted. The sheets after this one hold every \
    participant, sign-in, group, SWOT note and action, each with its ID; \"About this file\" \
    records how and when it was written.";

struct Writer<'s, 'c> {
    sheet: &'s mut Worksheet,
    ctx: &'c Context<'c>,
    style: Report,
    row: u32,
    /// The first row free of charts in the chart column.
    chart_row: u32,
}

impl Writer<'_, '_> {
    fn text(&mut self, row: u32, col: u16, text: &str, format: &Format) -> Result<()> {
        self.sheet
            .write_string_with_format(row, col, text, format)
            .map_err(xlsx_error(self.ctx.path))?;
        Ok(())
    }

    fn number(&mut self, row: u32, col: u16, number: f64, format: &Format) -> Result<()> {
        self.sheet
            .write_number_with_format(row, col, number, format)
            .map_err(xlsx_error(self.ctx.path))?;
        Ok(())
    }

    /// A formula of this sheet's own numbers, with its value for readers that do not compute.
    fn formula(
        &mut self,
        row: u32,
        col: u16,
        formula: &str,
        value: f64,
        format: &Format,
    ) -> Result<()> {
        let formula = Formula::new(formula).set_result(super::checksum::canonical_real(value));
        self.sheet
            .write_formula_with_format(row, col, formula, format)
            .map_err(xlsx_error(self.ctx.path))?;
        Ok(())
    }

    /// Makes a row tall enough for `lines` lines of text (rows of one line keep the default).
    fn lines(&mut self, row: u32, lines: usize) -> Result<()> {
        if lines > 1 {
            self.sheet
                .set_row_height(row, style::row_height(lines))
                .map_err(xlsx_error(self.ctx.path))?;
        }
        Ok(())
    }

    /// A label in column A, wrapped (and its row made taller) when it is too long for it.
    fn label(&mut self, row: u32, label: &str) -> Result<usize> {
        let lines = style::word_lines(label, LABEL_WIDTH);
        let format = if lines > 1 {
            self.style.value_wrap.clone()
        } else {
            self.style.value.clone()
        };
        self.text(row, 0, label, &format)?;
        Ok(lines)
    }

    fn section(&mut self, title: &str) -> Result<u32> {
        self.row += 1;
        let row = self.row;
        let style = self.style.section.clone();
        for col in 0..=LAST_TABLE_COL {
            self.sheet
                .write_blank(row, col, &style)
                .map_err(xlsx_error(self.ctx.path))?;
        }
        self.text(row, 0, title, &style)?;
        self.sheet
            .set_row_height(row, 21)
            .map_err(xlsx_error(self.ctx.path))?;
        self.row += 2;
        Ok(row)
    }

    /// A table's header row: the first `text_cols` columns left-aligned (their cells are text),
    /// the others right-aligned over numbers; as tall as its longest header wraps to
    /// ("Other or not stated", "Priorities without action").
    fn head(&mut self, labels: &[&str], text_cols: usize) -> Result<u32> {
        let row = self.row;
        let (head, number) = (self.style.head.clone(), self.style.head_number.clone());
        let mut lines = 1;
        for (col, label) in labels.iter().enumerate() {
            let width = if col == 0 { LABEL_WIDTH } else { NUMBER_WIDTH };
            lines = lines.max(style::word_lines(label, width));
            self.text(
                row,
                col as u16,
                label,
                if col < text_cols { &head } else { &number },
            )?;
        }
        self.sheet
            .set_row_height(row, style::row_height(lines))
            .map_err(xlsx_error(self.ctx.path))?;
        self.row += 1;
        Ok(row)
    }

    /// A row of a label and numbers.
    fn counts(&mut self, label: &str, numbers: &[f64]) -> Result<u32> {
        let row = self.row;
        let lines = self.label(row, label)?;
        self.lines(row, lines)?;
        let number = self.style.number.clone();
        for (i, n) in numbers.iter().enumerate() {
            self.number(row, 1 + i as u16, *n, &number)?;
        }
        self.row += 1;
        Ok(row)
    }

    /// The total row below data rows `first..=last` for the columns `cols` (each a SUM).
    fn totals(&mut self, first: u32, last: u32, cols: &[(u16, f64)]) -> Result<u32> {
        let row = self.row;
        let (label, number) = (
            self.style.total_label.clone(),
            self.style.total_number.clone(),
        );
        self.text(row, 0, "Total", &label)?;
        for col in 1..=cols.iter().map(|(c, _)| *c).max().unwrap_or(1) {
            self.sheet
                .write_blank(row, col, &number)
                .map_err(xlsx_error(self.ctx.path))?;
        }
        for (col, value) in cols {
            let formula = if last >= first {
                format!(
                    "=SUM({}:{})",
                    row_col_to_cell(first, *col),
                    row_col_to_cell(last, *col)
                )
            } else {
                "=0".to_string()
            };
            self.formula(row, *col, &formula, *value, &number)?;
        }
        self.row += 1;
        Ok(row)
    }

    /// `part / whole` as a formula (0 when the whole is 0).
    fn rate(
        &mut self,
        row: u32,
        col: u16,
        part: (u32, u16),
        whole: (u32, u16),
        values: (f64, f64),
        total: bool,
    ) -> Result<()> {
        let format = if total {
            self.style.total_percent.clone()
        } else {
            self.style.percent.clone()
        };
        let whole_ref = row_col_to_cell_absolute(whole.0, whole.1);
        let formula = format!(
            "=IF({whole_ref}=0,0,{}/{whole_ref})",
            row_col_to_cell(part.0, part.1)
        );
        let value = if values.1 == 0.0 {
            0.0
        } else {
            values.0 / values.1
        };
        self.formula(row, col, &formula, value, &format)
    }

    /// Places a chart in the chart column, level with `row` or below the chart before it.
    fn chart(&mut self, row: u32, chart: &mut Chart, height: u32) -> Result<()> {
        chart.set_width(540).set_height(height);
        let at = row.max(self.chart_row);
        self.sheet
            .insert_chart(at, CHART_COL, chart)
            .map_err(xlsx_error(self.ctx.path))?;
        self.chart_row = at + height.div_ceil(ROW_PIXELS) + 1;
        Ok(())
    }

    fn note(&mut self, text: &str) -> Result<()> {
        let row = self.row;
        let note = self.style.note.clone();
        self.sheet
            .merge_range(row, 0, row, LAST_TABLE_COL, text, &note)
            .map_err(xlsx_error(self.ctx.path))?;
        let width = LABEL_WIDTH + NUMBER_WIDTH * f64::from(LAST_TABLE_COL);
        self.lines(row, style::word_lines(text, width))?;
        self.row += 1;
        Ok(())
    }
}

/// The Summary's rows by sex: "Women", "Men", "Another", "Not stated".
fn plural(sex: Sex) -> &'static str {
    match sex {
        Sex::Woman => "Women",
        Sex::Man => "Men",
        Sex::Another => "Another",
        Sex::NotStated => "Not stated",
    }
}

fn day_label(day: NaiveDate) -> String {
    day.format("%a %-d %b").to_string()
}

pub(crate) fn write(sheet: &mut Worksheet, ctx: &Context) -> Result<()> {
    let fail = xlsx_error(ctx.path);
    sheet.set_name(sheet::SUMMARY).map_err(&fail)?;
    sheet.set_tab_color(style::STEEL);
    sheet.set_column_width(0, LABEL_WIDTH).map_err(&fail)?;
    sheet
        .set_column_range_width(1, LAST_TABLE_COL, NUMBER_WIDTH)
        .map_err(&fail)?;
    sheet.set_column_width(8, 3).map_err(&fail)?;
    // A point above Excel's 15, so that a row's text clears the rule of a total below it where
    // a wider font stands in for Calibri (LibreOffice).
    sheet.set_default_row_height(16);
    // Landscape, one page wide: the tables and the charts beside them.
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_footer("&L&8Workshop Desk&R&8Page &P of &N");
    sheet.set_screen_gridlines(false);
    let mut w = Writer {
        sheet,
        ctx,
        style: Report::new(),
        row: 0,
        chart_row: 0,
    };
    let workshop = ctx.workshop;
    let counts = summary::summarize(ctx.conn, workshop.id)?;

    // Title, dates and place, what this file is, the headline.
    let style = w.style.clone();
    w.text(0, 0, &workshop.title, &style.title)?;
    w.sheet.set_row_height(0, 24).map_err(&fail)?;
    let country = workshop
        .country
        .as_deref()
        .and_then(countries::by_code)
        .map(|c| c.en);
    let place = [
        Some(workshop.venue_city.as_str()).filter(|v| !v.is_empty()),
        country,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let dates = format!("{} to {}", workshop.start_date, workshop.end_date);
    let subtitle = if place.is_empty() {
        dates.clone()
    } else {
        format!("{dates} · {place}")
    };
    w.text(1, 0, &subtitle, &style.subtitle)?;
    let (banner, banner_format, height) = match ctx.profile {
        Profile::FullTransfer => (FULL_WARNING, &style.warning, 64),
        Profile::Report => (REPORT_NOTE, &style.banner, 48),
    };
    w.sheet
        .merge_range(3, 0, 3, LAST_TABLE_COL, banner, banner_format)
        .map_err(&fail)?;
    w.sheet.set_row_height(3, height).map_err(&fail)?;
    w.sheet
        .merge_range(5, 0, 5, LAST_TABLE_COL, &counts.headline, &style.headline)
        .map_err(&fail)?;
    w.sheet.set_row_height(5, 26).map_err(&fail)?;
    w.row = 6;
    w.chart_row = 7;

    // The workshop's details.
    w.section("Workshop")?;
    let details: Vec<(&str, String)> = vec![
        ("Title", workshop.title.clone()),
        ("Venue", place.clone()),
        ("Dates", format!("{dates} ({} days)", workshop.days.len())),
        ("Organisers", workshop.organisers.clone()),
        ("Programme code", workshop.programme_code.clone()),
        ("Working languages", workshop.working_languages.join(", ")),
        (
            "Youth",
            format!(
                "under {} in {}",
                workshop.youth_age_limit,
                workshop.age_rule().year
            ),
        ),
        ("Workshop ID", workshop.id.to_string()),
        (
            "Contents",
            match ctx.profile {
                Profile::Report => "Report (contact details with consent only)".to_string(),
                Profile::FullTransfer => "Full transfer (all personal data)".to_string(),
            },
        ),
    ];
    // Columns B to H: a value that does not fit there wraps (it would run into the charts).
    let value_width = NUMBER_WIDTH * f64::from(LAST_TABLE_COL);
    for (label, value) in details {
        let row = w.row;
        w.text(row, 0, label, &style.label)?;
        // User text, written as text.
        let lines = style::word_lines(&value, value_width);
        if lines > 1 {
            w.sheet
                .merge_range(row, 1, row, LAST_TABLE_COL, &value, &style.value_wrap)
                .map_err(&fail)?;
            w.lines(row, lines)?;
        } else {
            w.text(row, 1, &value, &style.value)?;
        }
        w.row += 1;
    }
    let row = w.row;
    w.text(row, 0, "Sessions per day", &style.label)?;
    w.number(
        row,
        1,
        f64::from(workshop.sessions_per_day),
        &style.number_left,
    )?;
    w.row += 1;
    let row = w.row;
    w.text(row, 0, "Exported", &style.label)?;
    let exported = format!("{} UTC", ctx.now.format("%Y-%m-%d %H:%M"));
    w.text(row, 1, &exported, &style.value)?;
    w.row += 1;

    // By sex.
    let top = w.section("Participants by sex")?;
    w.head(&["Sex", "Participants", "Share"], 1)?;
    let first = w.row;
    let by_sex = [
        (Sex::Woman, counts.women),
        (Sex::Man, counts.men),
        (Sex::Another, counts.another),
        (Sex::NotStated, counts.not_stated),
    ];
    for (sex, count) in by_sex {
        w.counts(plural(sex), &[f64::from(count)])?;
    }
    let last = w.row - 1;
    let total = w.totals(first, last, &[(1, f64::from(counts.total))])?;
    for (i, (_, count)) in by_sex.iter().enumerate() {
        let row = first + i as u32;
        w.rate(
            row,
            2,
            (row, 1),
            (total, 1),
            (f64::from(*count), f64::from(counts.total)),
            false,
        )?;
    }
    w.rate(
        total,
        2,
        (total, 1),
        (total, 1),
        (f64::from(counts.total), f64::from(counts.total)),
        true,
    )?;
    let mut chart = charts::titled(ChartType::Pie, "Participants by sex");
    let points: Vec<ChartPoint> = [WOMEN, MEN, OTHER, 0xD9D9D9]
        .iter()
        .map(|color| ChartPoint::new().set_format(&mut fill(*color)))
        .collect();
    let mut labels = ChartDataLabel::new();
    labels.show_value();
    chart
        .add_series()
        .set_name("Participants")
        .set_categories((sheet::SUMMARY, first, 0, last, 0))
        .set_values((sheet::SUMMARY, first, 1, last, 1))
        .set_points(&points)
        .set_data_label(&labels);
    chart.legend().set_position(ChartLegendPosition::Right);
    w.chart(top, &mut chart, 260)?;

    // By role.
    w.section("Participants by role")?;
    w.head(&["Role", "Participants", "Women", "Women's share"], 1)?;
    let first = w.row;
    for role in &counts.by_role {
        w.counts(
            super::format::ROLE.label(role.role.as_str()),
            &[f64::from(role.total), f64::from(role.women)],
        )?;
    }
    let last = w.row.saturating_sub(1);
    let total = w.totals(
        first,
        last,
        &[(1, f64::from(counts.total)), (2, f64::from(counts.women))],
    )?;
    for (i, role) in counts.by_role.iter().enumerate() {
        let row = first + i as u32;
        w.rate(
            row,
            3,
            (row, 2),
            (row, 1),
            (f64::from(role.women), f64::from(role.total)),
            false,
        )?;
    }
    w.rate(
        total,
        3,
        (total, 2),
        (total, 1),
        (f64::from(counts.women), f64::from(counts.total)),
        true,
    )?;

    // By country and sex.
    let limit = workshop.youth_age_limit;
    let top = w.section("Participants by country and sex")?;
    let youth_header = format!("Under {limit}");
    w.head(
        &[
            "Country",
            "Participants",
            "Women",
            "Men",
            "Other or not stated",
            &youth_header,
        ],
        1,
    )?;
    let first = w.row;
    for country in &counts.by_country {
        let name = match (&country.country_name, &country.country) {
            (Some(name), _) => (*name).to_string(),
            (None, Some(code)) => code.clone(),
            (None, None) => "No country given".to_string(),
        };
        let other = country.total - country.women - country.men;
        w.counts(
            &name,
            &[
                f64::from(country.total),
                f64::from(country.women),
                f64::from(country.men),
                f64::from(other),
                f64::from(country.youth),
            ],
        )?;
    }
    let last = w.row.saturating_sub(1);
    w.totals(
        first,
        last,
        &[
            (1, f64::from(counts.total)),
            (2, f64::from(counts.women)),
            (3, f64::from(counts.men)),
            (4, f64::from(counts.total - counts.women - counts.men)),
            (5, f64::from(counts.youth)),
        ],
    )?;
    if !counts.by_country.is_empty() {
        let (mut chart, height) = charts::by_country_and_sex(
            "Participants by country and sex",
            sheet::SUMMARY,
            first,
            last,
            counts.by_country.len(),
        );
        w.chart(top, &mut chart, height)?;
    }

    // Youth by sex.
    w.section(&format!("Youth (under {limit}) by sex"))?;
    let older = format!("{limit} or older");
    w.head(&["Sex", &youth_header, &older, "Age not known", "Total"], 1)?;
    let youth = youth_by_sex(ctx)?;
    let first = w.row;
    for (sex, (young, old, unknown)) in &youth {
        let row = w.counts(plural(*sex), &[*young, *old, *unknown])?;
        let sum = young + old + unknown;
        let formula = format!(
            "=SUM({}:{})",
            row_col_to_cell(row, 1),
            row_col_to_cell(row, 3)
        );
        let number = w.style.number.clone();
        w.formula(row, 4, &formula, sum, &number)?;
    }
    let last = w.row - 1;
    let young: f64 = youth.iter().map(|(_, y)| y.0).sum();
    let old: f64 = youth.iter().map(|(_, y)| y.1).sum();
    let unknown: f64 = youth.iter().map(|(_, y)| y.2).sum();
    w.totals(
        first,
        last,
        &[
            (1, young),
            (2, old),
            (3, unknown),
            (4, young + old + unknown),
        ],
    )?;

    // Attendance per day, and per session.
    let grid = ctx.grid;
    let registered = grid.rows.len() as f64;
    let per_day = workshop.sessions_per_day;
    let top = w.section("Attendance per day")?;
    let session_names: Vec<String> = (1..=per_day)
        .map(|s| super::format::session_name(s, per_day))
        .collect();
    let mut head: Vec<&str> = vec!["Day"];
    head.extend(session_names.iter().map(String::as_str));
    head.push("Average rate");
    w.head(&head, 1)?;
    let first = w.row;
    let registered_row = {
        // The registered participants, which the rates divide by.
        first + workshop.days.len() as u32 + 1
    };
    for day in &workshop.days {
        let row = w.row;
        let date = w.style.date.clone().set_num_format("ddd d mmm yyyy");
        w.number(row, 0, super::format::date_serial(*day), &date)?;
        let mut present = 0.0;
        let mut held = 0;
        for session in 1..=per_day {
            let total = grid
                .slots
                .iter()
                .position(|s| s.day == *day && s.session == session)
                .map_or(0, |i| grid.totals[i].total);
            present += f64::from(total);
            held += u32::from(total > 0);
            let number = w.style.number.clone();
            w.number(row, u16::from(session), f64::from(total), &number)?;
        }
        // The average over the sessions held (with anyone present); a dash before the first.
        let sessions = format!(
            "{}:{}",
            row_col_to_cell(row, 1),
            row_col_to_cell(row, u16::from(per_day))
        );
        let formula = format!(
            "=IF(OR({reg}=0,COUNTIF({sessions},\">0\")=0),\"{NOT_YET}\",AVERAGEIF({sessions},\">0\")/{reg})",
            reg = row_col_to_cell_absolute(registered_row, 1)
        );
        let percent = w.style.percent.clone();
        if held == 0 || registered == 0.0 {
            w.text(row, u16::from(per_day) + 1, NOT_YET, &percent)?;
        } else {
            let value = present / f64::from(held) / registered;
            w.formula(row, u16::from(per_day) + 1, &formula, value, &percent)?;
        }
        w.row += 1;
    }
    let last = w.row - 1;
    w.row += 1;
    let row = w.row;
    w.text(row, 0, "Registered participants", &style.label)?;
    w.number(row, 1, registered, &style.number)?;
    debug_assert_eq!(row, registered_row);
    w.row += 1;
    w.note(&format!(
        "Rates are of the registered participants; a day's rate averages the sessions held that \
         day. A dash ({NOT_YET}) means no session held yet: nobody has signed in."
    ))?;
    if !workshop.days.is_empty() {
        let mut chart = charts::titled(ChartType::Column, "Attendance per day");
        for session in 1..=per_day {
            let col = u16::from(session);
            chart
                .add_series()
                .set_name((sheet::SUMMARY, first - 1, col))
                .set_categories((sheet::SUMMARY, first, 0, last, 0))
                .set_values((sheet::SUMMARY, first, col, last, col))
                .set_format(&mut fill(
                    SESSIONS[usize::from(session - 1) % SESSIONS.len()],
                ));
        }
        chart.x_axis().set_num_format("ddd d mmm");
        chart.legend().set_position(ChartLegendPosition::Bottom);
        w.chart(top, &mut chart, 280)?;
    }

    w.section("Attendance per session")?;
    w.head(&["Day and session", "Present", "Women", "Men", "Rate"], 1)?;
    for (slot, totals) in grid.slots.iter().zip(&grid.totals) {
        let label = format!(
            "{}, {}",
            day_label(slot.day),
            super::format::session_name(slot.session, per_day).to_lowercase()
        );
        let row = w.counts(
            &label,
            &[
                f64::from(totals.total),
                f64::from(totals.women),
                f64::from(totals.men),
            ],
        )?;
        // A dash for a session nobody has come to (yet).
        let formula = format!(
            "=IF(OR({reg}=0,{present}=0),\"{NOT_YET}\",{present}/{reg})",
            reg = row_col_to_cell_absolute(registered_row, 1),
            present = row_col_to_cell(row, 1)
        );
        let percent = w.style.percent.clone();
        if totals.total == 0 || registered == 0.0 {
            w.text(row, 4, NOT_YET, &percent)?;
        } else {
            let value = f64::from(totals.total) / registered;
            w.formula(row, 4, &formula, value, &percent)?;
        }
    }

    // SWOT boards.
    w.section("SWOT boards")?;
    let mut labels = vec!["Question", "Group"];
    labels.extend(QUADRANT.options.iter().map(|(_, label)| *label));
    labels.extend(["Notes", "Priorities without action"]);
    w.head(&labels, 2)?;
    let first = w.row;
    let boards = board::list(ctx.conn, workshop.id)?;
    let mut sums = [0.0_f64; 6];
    for summary in &boards {
        let full = board::get(ctx.conn, summary.id)?;
        let row = w.row;
        let wrap = w.style.value_wrap.clone();
        w.text(row, 0, &summary.question, &wrap)?;
        // The group's name wraps in its narrower column ("Mekong and Myanmar").
        let group = summary.group_name.as_deref().unwrap_or("");
        w.text(row, 1, group, &wrap)?;
        let lines = style::word_lines(&summary.question, LABEL_WIDTH)
            .max(style::word_lines(group, NUMBER_WIDTH));
        w.lines(row, lines)?;
        let number = w.style.number.clone();
        for (i, quadrant) in Quadrant::ALL.iter().enumerate() {
            let n = full
                .notes
                .iter()
                .filter(|note| note.quadrant == *quadrant && !note.is_heading)
                .count() as f64;
            sums[i] += n;
            w.number(row, 2 + i as u16, n, &number)?;
        }
        let formula = format!(
            "=SUM({}:{})",
            row_col_to_cell(row, 2),
            row_col_to_cell(row, 5)
        );
        w.formula(row, 6, &formula, f64::from(summary.notes), &number)?;
        sums[4] += f64::from(summary.notes);
        w.number(
            row,
            7,
            f64::from(summary.priorities_without_action),
            &number,
        )?;
        sums[5] += f64::from(summary.priorities_without_action);
        w.row += 1;
    }
    let last = w.row.saturating_sub(1);
    w.totals(
        first,
        last,
        &[
            (2, sums[0]),
            (3, sums[1]),
            (4, sums[2]),
            (5, sums[3]),
            (6, sums[4]),
            (7, sums[5]),
        ],
    )?;
    w.note("Notes exclude headings. A priority has at least the board's number of votes.")?;

    // Actions by status and theme.
    let rollup = plans::rollup(ctx.conn, workshop.id)?;
    w.section("Actions by status")?;
    w.head(&["Status", "Actions"], 1)?;
    let first = w.row;
    let mut all = 0.0;
    for count in &rollup.by_status {
        all += f64::from(count.count);
        w.counts(STATUS.label(&count.key), &[f64::from(count.count)])?;
    }
    let last = w.row - 1;
    w.totals(first, last, &[(1, all)])?;

    let top = w.section("Actions by theme")?;
    w.head(&["Theme", "Actions"], 1)?;
    let first = w.row;
    for count in &rollup.by_theme {
        w.counts(&count.key, &[f64::from(count.count)])?;
    }
    let last = w.row.saturating_sub(1);
    w.note("An action may have several themes, so these do not add up to the number of actions.")?;
    if !rollup.by_theme.is_empty() {
        let mut chart = charts::titled(ChartType::Bar, "Actions by theme");
        chart
            .add_series()
            .set_name("Actions")
            .set_categories((sheet::SUMMARY, first, 0, last, 0))
            .set_values((sheet::SUMMARY, first, 1, last, 1))
            .set_format(&mut fill(style::STEEL))
            .set_gap(50);
        chart.y_axis().set_reverse().set_font(&small_font());
        // Whole actions only.
        chart.x_axis().set_major_unit(1).set_min(0);
        chart.legend().set_hidden();
        let height = (80 + 24 * rollup.by_theme.len() as u32).max(240);
        w.chart(top, &mut chart, height)?;
    }

    let row = w.row + 1;
    let note = style.subtitle.clone();
    w.text(
        row,
        0,
        &format!(
            "Written by Workshop Desk {} at {} (UTC).",
            crate::APP_VERSION,
            time::timestamp(ctx.now)
        ),
        &note,
    )?;
    Ok(())
}

/// Under the youth age limit, at or over it, age not known.
type AgeCounts = (f64, f64, f64);

/// Young people, others and unknown ages, per sex, by the workshop's own age rule (the rule
/// `summary::summarize` counts `youth` and `youth_women` with).
fn youth_by_sex(ctx: &Context) -> Result<Vec<(Sex, AgeCounts)>> {
    let rule = ctx.workshop.age_rule();
    let mut counts: Vec<(Sex, AgeCounts)> =
        Sex::ALL.iter().map(|sex| (*sex, (0.0, 0.0, 0.0))).collect();
    let mut statement = ctx.conn.prepare(
        "SELECT sex, birth_year FROM participant WHERE workshop_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut rows = statement.query([ctx.workshop_key()])?;
    while let Some(row) = rows.next()? {
        let sex = Sex::parse(&row.get::<_, String>(0)?).unwrap_or_default();
        let entry = counts.iter_mut().find(|(s, _)| *s == sex).map(|(_, c)| c);
        if let Some(count) = entry {
            match rule.is_youth(row.get(1)?) {
                Some(true) => count.0 += 1.0,
                Some(false) => count.1 += 1.0,
                None => count.2 += 1.0,
            }
        }
    }
    Ok(counts)
}
