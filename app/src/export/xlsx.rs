//! `/export/plan.xlsx`: the consolidated plan, the common areas, a sheet per
//! group and the session-4 summary. Each sheet prints as a ministry expects:
//! A4 landscape, one page wide, the header row on every page, and rows tall
//! enough for their wrapped text (spreadsheets do not grow rows by
//! themselves when a file sets none; LibreOffice then draws lines over each
//! other). On screen: frozen header, a filter on every column.

use super::table::{
    common_headers, common_lines, common_widths, group_lines, group_name, line_headers, line_widths, plan_lines, summary_headers,
    summary_lines, summary_widths, Doc, Width,
};
use crate::i18n::{lang_code, td_string};
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Workbook, Worksheet, XlsxError};

/// Excel's A4 paper code.
const A4: u8 = 9;
/// Points per line of 11 pt text, and the most a row may be.
const LINE_POINTS: f64 = 15.0;
const MAX_ROW_POINTS: f64 = 409.0;

pub fn plan_xlsx(doc: Doc) -> Result<Vec<u8>, XlsxError> {
    let (view, locale, lang) = (doc.view, doc.locale, lang_code(doc.locale));
    let mut book = Workbook::new();
    let properties = DocProperties::new().set_title(view.texts.title.get(lang)).set_subject(view.meeting.get(lang)).set_comment(format!(
        "{}, {}",
        view.place.get(lang),
        view.dates.get(lang)
    ));
    book.set_properties(&properties);
    let footer = footer(view.short_title.get(lang));
    let (plan, common) = (sheet_name(td_string!(locale, export_sheet_plan)), sheet_name(td_string!(locale, export_sheet_common)));
    let lines = Sheet { headers: line_headers(doc), widths: line_widths(doc), footer: &footer };
    lines.write(&mut book, &plan, &plan_lines(doc))?;
    Sheet { headers: common_headers(doc), widths: common_widths(doc), footer: &footer }.write(&mut book, &common, &common_lines(doc))?;
    let mut used = vec![plan, common];
    for g in &view.plan.groups {
        let name = unique(sheet_name(&group_name(doc, &g.group.id)), &mut used);
        lines.write(&mut book, &name, &group_lines(doc, &g.group.id))?;
    }
    if !view.plan.mixed.is_empty() {
        let name = unique(sheet_name(td_string!(locale, export_sheet_session4)), &mut used);
        Sheet { headers: summary_headers(locale), widths: summary_widths(), footer: &footer }.write(
            &mut book,
            &name,
            &summary_lines(doc),
        )?;
    }
    book.save_to_buffer()
}

struct Sheet<'a> {
    headers: Vec<String>,
    widths: Vec<Width>,
    footer: &'a str,
}

impl Sheet<'_> {
    fn write(&self, book: &mut Workbook, name: &str, rows: &[Vec<String>]) -> Result<(), XlsxError> {
        let head = Format::new().set_bold().set_text_wrap().set_background_color("DCE6F1").set_align(FormatAlign::Top);
        let body = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let ws = book.add_worksheet();
        ws.set_name(name)?;
        let widths: Vec<f64> = self.widths.iter().map(|w| w.chars()).collect();
        for (c, h) in self.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &head)?;
            ws.set_column_width(c as u16, widths.get(c).copied().unwrap_or(Width::Text.chars()))?;
        }
        ws.set_row_height(0, row_points(&self.headers, &widths))?;
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                ws.write_string_with_format(r as u32 + 1, c as u16, value, &body)?;
            }
            ws.set_row_height(r as u32 + 1, row_points(row, &widths))?;
        }
        let (last_row, last_col) = (rows.len() as u32, self.headers.len().saturating_sub(1) as u16);
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, last_row, last_col)?;
        print_setup(ws, last_row, last_col, self.footer)?;
        Ok(())
    }
}

fn print_setup(ws: &mut Worksheet, last_row: u32, last_col: u16, footer: &str) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(A4);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    ws.set_print_area(0, 0, last_row, last_col)?;
    ws.set_print_gridlines(true);
    ws.set_footer(footer);
    Ok(())
}

/// The meeting's short title on the left, "page / pages" on the right (`&`
/// starts a code in a spreadsheet footer, so a title's own is doubled).
fn footer(short_title: &str) -> String {
    format!("&L{}&R&P / &N", short_title.replace('&', "&&"))
}

/// A row tall enough for its cells' text wrapped in their columns: each
/// paragraph takes its length over the characters a line holds (a column
/// width counts digits; text averages 1.2 characters per digit in Calibri and
/// its LibreOffice twin Carlito) in lines, plus a tenth as words wrap before
/// the edge, at least one.
fn row_points(cells: &[String], widths: &[f64]) -> f64 {
    let lines = cells
        .iter()
        .zip(widths)
        .map(|(text, width)| {
            let per_line = (width * 1.2).max(1.0);
            text.split('\n').map(|p| ((p.chars().count() as f64 * 1.1) / per_line).ceil().max(1.0)).sum::<f64>()
        })
        .fold(1.0, f64::max);
    (lines * LINE_POINTS + 3.0).min(MAX_ROW_POINTS)
}

/// Sheet names: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect()
}

/// Sheet names must differ (case-insensitively): a repeated name gets a number.
fn unique(name: String, used: &mut Vec<String>) -> String {
    let taken = |n: &str, used: &Vec<String>| used.iter().any(|u| u.to_lowercase() == n.to_lowercase());
    let mut candidate = name.clone();
    let mut n = 2;
    while taken(&candidate, used) {
        candidate = format!("{} {n}", name.chars().take(28).collect::<String>());
        n += 1;
    }
    used.push(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_grows_with_its_longest_wrapped_cell_and_its_line_breaks() {
        let widths = [10.0, 30.0];
        let one = row_points(&["Caribe".into(), "corto".into()], &widths);
        assert_eq!(one, LINE_POINTS + 3.0);
        let long = row_points(&["Caribe".into(), "x".repeat(100)], &widths);
        assert_eq!(long, 4.0 * LINE_POINTS + 3.0, "110 % of 100 characters over 36 per line: 4 lines");
        let breaks = row_points(&["a\nb\nc\n\nd".into(), String::new()], &widths);
        assert_eq!(breaks, 5.0 * LINE_POINTS + 3.0, "an empty paragraph is a line too");
        assert_eq!(row_points(&["y".repeat(100_000)], &widths), MAX_ROW_POINTS);
    }

    #[test]
    fn a_title_with_an_ampersand_stays_text_in_the_footer() {
        assert_eq!(footer("CPS & ALC"), "&LCPS && ALC&R&P / &N");
    }
}
