//! The house style of the Summaries' charts, shared by a workshop's export and headquarters'
//! consolidated workbook: titles, fills, a small axis font, and the chart both draw of
//! participants by country and sex.

use super::style::{MEN, OTHER, WOMEN};
use rust_xlsxwriter::{Chart, ChartFont, ChartLegendPosition, ChartSolidFill, ChartType};

/// A chart of this kind, with its title, in the workbooks' chart style.
pub(crate) fn titled(kind: ChartType, title: &str) -> Chart {
    let mut chart = Chart::new(kind);
    chart.title().set_name(title);
    chart.set_style(2);
    chart
}

pub(crate) fn fill(color: u32) -> ChartSolidFill {
    let mut fill = ChartSolidFill::new();
    fill.set_color(color);
    fill
}

/// For category axes with many labels (countries, workshops).
pub(crate) fn small_font() -> ChartFont {
    let mut font = ChartFont::new();
    font.set_size(8);
    font
}

/// Stacked bars of women, men and the others for each country, from a table on `sheet` whose
/// rows `first..=last` have the country in column A and those three counts in columns C to E.
/// Returns the chart and the height it needs for `countries` bars.
pub(crate) fn by_country_and_sex(
    title: &str,
    sheet: &str,
    first: u32,
    last: u32,
    countries: usize,
) -> (Chart, u32) {
    let mut chart = titled(ChartType::BarStacked, title);
    for (col, name, color) in [
        (2, "Women", WOMEN),
        (3, "Men", MEN),
        (4, "Other or not stated", OTHER),
    ] {
        chart
            .add_series()
            .set_name(name)
            .set_categories((sheet, first, 0, last, 0))
            .set_values((sheet, first, col, last, col))
            .set_format(&mut fill(color))
            .set_gap(60);
    }
    chart.y_axis().set_reverse().set_font(&small_font());
    chart.legend().set_position(ChartLegendPosition::Bottom);
    let bars = u32::try_from(countries).unwrap_or(u32::MAX);
    let height = 90u32.saturating_add(bars.saturating_mul(26)).max(260);
    (chart, height)
}
