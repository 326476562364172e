//! The charts of a workbook, read from its parts (`xl/charts/chart*.xml`) as a spreadsheet
//! program finds them: each chart's title and series, and the cells each series draws,
//! resolved on the sheet with calamine. Neither calamine nor openpyxl reads charts, and a chart
//! pointing one row off draws the wrong numbers without any error.

use crate::fixtures::number;
use calamine::{Data, Reader, Xlsx, open_workbook};
use std::io::Read;
use std::path::Path;

/// One series: its name (a literal), and the cells of its categories and values.
#[derive(Debug)]
pub struct Series {
    pub name: String,
    pub categories: Vec<Data>,
    pub values: Vec<Data>,
}

#[derive(Debug)]
pub struct Chart {
    pub title: String,
    pub series: Vec<Series>,
}

impl Chart {
    /// The values of every series added up, per category.
    pub fn totals(&self) -> Vec<f64> {
        let mut totals = vec![0.0; self.series[0].values.len()];
        for series in &self.series {
            for (total, value) in totals.iter_mut().zip(&series.values) {
                *total += number(value);
            }
        }
        totals
    }
}

/// The text between the first `<tag…>` and `</tag>` at or after `from`.
fn inner<'a>(xml: &'a str, tag: &str, from: usize) -> Option<(&'a str, usize)> {
    let open = xml[from..].find(&format!("<{tag}"))? + from;
    let body = xml[open..].find('>')? + open + 1;
    let close = xml[body..].find(&format!("</{tag}>"))? + body;
    Some((&xml[body..close], close))
}

/// `Summary!$A$41:$A$52` → ("Summary", (40, 0), (51, 0)), zero-based.
fn range(reference: &str) -> (String, (u32, u32), (u32, u32)) {
    let (sheet, cells) = reference.rsplit_once('!').unwrap();
    let sheet = sheet.trim_matches('\'').to_string();
    let cell = |text: &str| {
        let text = text.replace('$', "");
        let letters: String = text.chars().take_while(char::is_ascii_alphabetic).collect();
        let row: u32 = text[letters.len()..].parse().unwrap();
        let col = letters
            .bytes()
            .fold(0u32, |col, b| col * 26 + u32::from(b - b'A' + 1));
        (row - 1, col - 1)
    };
    let (first, last) = cells.split_once(':').unwrap_or((cells, cells));
    (sheet, cell(first), cell(last))
}

/// Every chart of the workbook at `path`, in the order of its parts.
pub fn read(path: &Path) -> Vec<Chart> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut names: Vec<String> = zip
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .filter(|n| n.starts_with("xl/charts/chart") && n.ends_with(".xml"))
        .collect();
    names.sort_by_key(|n| {
        n.trim_start_matches("xl/charts/chart")
            .trim_end_matches(".xml")
            .parse::<u32>()
            .unwrap()
    });
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let mut cells = |reference: &str| -> Vec<Data> {
        let (sheet, (r0, c0), (r1, c1)) = range(reference);
        let sheet = book.worksheet_range(&sheet).unwrap();
        (r0..=r1)
            .flat_map(|r| (c0..=c1).map(move |c| (r, c)))
            .map(|at| sheet.get_value(at).cloned().unwrap_or(Data::Empty))
            .collect()
    };
    names
        .iter()
        .map(|name| {
            let mut xml = String::new();
            zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
            let (title_xml, _) = inner(&xml, "c:title", 0).unwrap();
            let title = inner(title_xml, "a:t", 0).unwrap().0.to_string();
            let mut series = Vec::new();
            let mut from = 0;
            while let Some((ser, end)) = inner(&xml, "c:ser", from) {
                from = end;
                let name = inner(ser, "c:tx", 0)
                    .and_then(|(tx, _)| inner(tx, "c:v", 0))
                    .map_or_else(String::new, |(v, _)| v.to_string());
                let reference =
                    |tag: &str| inner(ser, tag, 0).and_then(|(x, _)| inner(x, "c:f", 0));
                series.push(Series {
                    name,
                    categories: reference("c:cat").map_or_else(Vec::new, |(f, _)| cells(f)),
                    values: cells(reference("c:val").unwrap().0),
                });
            }
            Chart { title, series }
        })
        .collect()
}

/// The chart with this title.
pub fn titled<'a>(charts: &'a [Chart], title: &str) -> &'a Chart {
    charts.iter().find(|c| c.title == title).unwrap_or_else(|| {
        panic!(
            "no chart {title:?} among {:?}",
            charts.iter().map(|c| &c.title).collect::<Vec<_>>()
        )
    })
}
