//! `/export/plan.xlsx`: the consolidated plan, the common areas, a sheet per
//! group and the session-4 summary, with headers, wrapping and frozen titles.

use super::table::{common_lines, group_lines, group_name, plan_lines, summary_lines, COMMON_HEADERS, LINE_HEADERS, SUMMARY_HEADERS};
use crate::api::action_plan::PlanView;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

pub fn plan_xlsx(view: &PlanView) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    sheet(&mut book, "Plan regional", &LINE_HEADERS, &plan_lines(view))?;
    sheet(&mut book, "Áreas comunes", &COMMON_HEADERS, &common_lines(view))?;
    let mut used = vec!["Plan regional".to_string(), "Áreas comunes".to_string()];
    for g in &view.plan.groups {
        let name = unique(sheet_name(&group_name(view, &g.group.id)), &mut used);
        sheet(&mut book, &name, &LINE_HEADERS, &group_lines(view, &g.group.id))?;
    }
    if !view.plan.mixed.is_empty() {
        sheet(&mut book, "Sesión 4 (10YFP)", &SUMMARY_HEADERS, &summary_lines(view))?;
    }
    book.save_to_buffer()
}

fn sheet(book: &mut Workbook, name: &str, headers: &[&str], rows: &[Vec<String>]) -> Result<(), XlsxError> {
    let head = Format::new().set_bold().set_text_wrap().set_background_color("DCE6F1").set_align(FormatAlign::Top);
    let body = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &head)?;
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
