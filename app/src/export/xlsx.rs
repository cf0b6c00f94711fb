//! `/export/plan.xlsx`: the consolidated plan, the common areas, a sheet per
//! group and the session-4 summary, with headers, wrapping and frozen titles.

use super::table::{common_headers, common_lines, group_lines, group_name, line_headers, plan_lines, summary_headers, summary_lines, Doc};
use crate::i18n::td_string;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

pub fn plan_xlsx(doc: Doc) -> Result<Vec<u8>, XlsxError> {
    let (view, locale) = (doc.view, doc.locale);
    let mut book = Workbook::new();
    let (plan, common) = (sheet_name(td_string!(locale, export_sheet_plan)), sheet_name(td_string!(locale, export_sheet_common)));
    sheet(&mut book, &plan, &line_headers(locale), &plan_lines(doc))?;
    sheet(&mut book, &common, &common_headers(locale), &common_lines(doc))?;
    let mut used = vec![plan, common];
    for g in &view.plan.groups {
        let name = unique(sheet_name(&group_name(doc, &g.group.id)), &mut used);
        sheet(&mut book, &name, &line_headers(locale), &group_lines(doc, &g.group.id))?;
    }
    if !view.plan.mixed.is_empty() {
        let name = unique(sheet_name(td_string!(locale, export_sheet_session4)), &mut used);
        sheet(&mut book, &name, &summary_headers(locale), &summary_lines(doc))?;
    }
    book.save_to_buffer()
}

fn sheet(book: &mut Workbook, name: &str, headers: &[String], rows: &[Vec<String>]) -> Result<(), XlsxError> {
    let head = Format::new().set_bold().set_text_wrap().set_background_color("DCE6F1").set_align(FormatAlign::Top);
    let body = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
        // Long texts get wide columns; flags and ids narrow ones.
        let width = if headers.len() > 4 && c >= headers.len() - 3 { 10.0 } else { 28.0 };
        ws.set_column_width(c as u16, width)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            ws.write_string_with_format(r as u32 + 1, c as u16, value, &body)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
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
