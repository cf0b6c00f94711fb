//! `/export/plan.docx`: the Regional Action Plan as a report (in the language
//! asked for, Spanish by default) for
//! the Forum of Ministers: title, status, the common areas, each dimension
//! with a table per ILAC area, and the session-4 summary. A4 landscape so
//! the eight Anexo IV columns fit.

use super::table::{dimension_title, field_text, group_name, ilac_title, shared_label, Doc};
use crate::i18n::{lang_code, td_string};
use crate::domain::matrix_fields::Field;
use crate::domain::matrix_rules::MatrixRow;
use docx_rs::{
    BreakType, Docx, PageOrientationType, Paragraph, Run, Shading, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

pub fn plan_docx(d: Doc) -> Result<Vec<u8>, String> {
    let (view, locale) = (d.view, d.locale);
    let mut doc = Docx::new()
        .page_size(16838, 11906)
        .page_orient(PageOrientationType::Landscape)
        .default_size(20)
        .add_style(Style::new("Title", StyleType::Paragraph).name("Title").size(40).bold())
        .add_style(Style::new("Heading1", StyleType::Paragraph).name("Heading 1").size(32).bold().outline_lvl(0))
        .add_style(Style::new("Heading2", StyleType::Paragraph).name("Heading 2").size(26).bold().outline_lvl(1))
        .add_paragraph(styled("Title", td_string!(locale, export_title)))
        .add_paragraph(text(view.meeting.get(lang_code(locale))))
        .add_paragraph(text(&status(d)));

    doc = doc.add_paragraph(styled("Heading1", td_string!(locale, export_sheet_common)));
    if view.plan.common.is_empty() {
        doc = doc.add_paragraph(text(td_string!(locale, common_none)));
    }
    for area in &view.plan.common {
        let who = area.groups.iter().map(|g| group_name(d, g)).collect::<Vec<_>>().join(", ");
        let mark = if area.all_subregions { format!(" — {}", td_string!(locale, export_common_to_all)) } else { String::new() };
        doc = doc.add_paragraph(bold_lead(&shared_label(d, area), &format!(" ({who}){mark}")));
        for l in &area.lines {
            let priority = view.plan.line(&l.group, l.row).map(|r| r.text(Field::Prioridades).to_string()).unwrap_or_default();
            doc = doc.add_paragraph(text(&format!("• {}: {priority}", group_name(d, &l.group))));
        }
    }

    for dimension in &view.plan.dimensions {
        doc = doc.add_paragraph(styled("Heading1", &dimension_title(d, &dimension.dimension)));
        if dimension.areas.is_empty() {
            doc = doc.add_paragraph(text(td_string!(locale, plan_no_lines)));
        }
        for area in &dimension.areas {
            doc = doc.add_paragraph(styled("Heading2", &ilac_title(d, area.ilac)));
            doc = doc.add_table(lines_table(d, area.lines.iter().map(|l| (l.group.as_str(), &l.row))));
        }
    }

    if !view.plan.summary.is_empty() {
        doc = doc.add_paragraph(styled("Heading1", td_string!(locale, plan_summary)));
        for item in &view.plan.summary {
            doc = doc.add_paragraph(styled("Heading2", &item.heading));
            for (g, answer) in &item.answers {
                doc = doc.add_paragraph(bold_lead(&format!("{}: ", group_name(d, g)), answer));
            }
        }
    }

    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

fn status(d: Doc) -> String {
    let (view, locale) = (d.view, d.locale);
    let done: Vec<String> = view.plan.groups.iter().filter(|g| g.final_delivered).map(|g| group_name(d, &g.group.id)).collect();
    let pending: Vec<String> = view.plan.groups.iter().filter(|g| !g.final_delivered).map(|g| group_name(d, &g.group.id)).collect();
    match (done.is_empty(), pending.is_empty()) {
        (_, true) => td_string!(locale, export_all_delivered).to_string(),
        (true, false) => format!("{} ({}).", td_string!(locale, export_none_delivered), pending.join(", ")),
        (false, false) => format!(
            "{} {}. {} {}.",
            td_string!(locale, export_delivered_by),
            done.join(", "),
            td_string!(locale, export_pending),
            pending.join(", ")
        ),
    }
}

fn lines_table<'a>(d: Doc, lines: impl Iterator<Item = (&'a str, &'a MatrixRow)>) -> Table {
    let (view, lang) = (d.view, lang_code(d.locale));
    let head = std::iter::once(td_string!(d.locale, export_group)).chain(view.columns.iter().map(|c| c.title.get(lang))).map(|h| {
        TableCell::new().shading(Shading::new().fill("DCE6F1")).add_paragraph(Paragraph::new().add_run(lines_run(Run::new().bold(), h)))
    });
    let mut rows = vec![TableRow::new(head.collect())];
    for (group, row) in lines {
        let mut cells = vec![TableCell::new().add_paragraph(text(&group_name(d, group)))];
        for column in &view.columns {
            let parts: Vec<String> = Field::of_column(&column.id).into_iter().map(|f| field_text(d, row, f)).filter(|t| !t.is_empty()).collect();
            cells.push(TableCell::new().add_paragraph(text(&parts.join("\n"))));
        }
        rows.push(TableRow::new(cells));
    }
    Table::new(rows).width(5000, WidthType::Pct)
}

fn styled(style: &str, s: &str) -> Paragraph {
    Paragraph::new().style(style).add_run(lines_run(Run::new(), s))
}

/// A paragraph keeping the text's line breaks.
fn text(s: &str) -> Paragraph {
    Paragraph::new().add_run(lines_run(Run::new(), s))
}

fn bold_lead(lead: &str, rest: &str) -> Paragraph {
    Paragraph::new().add_run(lines_run(Run::new().bold(), lead)).add_run(lines_run(Run::new(), rest))
}

/// A run of text with its line breaks. Cleaned on the way out too: a
/// control character (Word's Shift+Enter pastes `\x0b`) makes the whole
/// document unreadable, and text saved before cleaning existed may hold one.
fn lines_run(mut run: Run, s: &str) -> Run {
    let s = crate::domain::typed_text::clean(s);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}
