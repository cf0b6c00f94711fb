//! `/export/plan.docx`: the action plan as a document a ministry can
//! circulate (in the language asked for, Spanish by default): a title page
//! (meeting, place, dates, status), a table of contents, the common areas,
//! each dimension with a table per area, and the questionnaire summary. A4
//! landscape so the matrix columns fit at 9 pt; the meeting's short title and
//! the page number on every page; table headers repeat on each page.

use super::docx_parts::{finish, lines_run, Headings, Part};
use super::table::{area_title, dimension_title, field_text, group_name, shared_label, Doc};
use crate::domain::action_plan::label;
use crate::domain::matrix_fields::{FieldId, FieldKind};
use crate::domain::matrix_rules::MatrixRow;
use crate::i18n::{lang_code, td_string};
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, LineSpacing, PageMargin, PageNum, PageOrientationType, Paragraph, Run, RunFonts,
    Shading, Style, StyleType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

/// A4 landscape in twentieths of a point, and margins of 1.5 cm.
const PAGE: (u32, u32) = (16838, 11906);
const MARGIN: i32 = 850;
const TEXT_WIDTH: usize = PAGE.0 as usize - 2 * MARGIN as usize;
/// Font sizes in half points: body 10 pt, tables 9 pt, header and footer 8 pt.
const BODY: usize = 20;
const TABLE: usize = 18;
const SMALL: usize = 16;
/// The group column and a column of chosen items (room for a 9 pt bold
/// word such as "Prioridad"); the other columns share the rest.
const NARROW_COLUMN: usize = 1300;

pub fn plan_docx(d: Doc) -> Result<Vec<u8>, String> {
    let (view, locale, lang) = (d.view, d.locale, lang_code(d.locale));
    let mut headings = Headings::default();
    let mut parts = Vec::new();

    parts.push(Part::P(headings.add(1, td_string!(locale, export_sheet_common))));
    if view.plan.common.is_empty() {
        parts.push(Part::P(text(td_string!(locale, common_none))));
    }
    for area in &view.plan.common {
        let who = area.groups.iter().map(|g| group_name(d, g)).collect::<Vec<_>>().join(", ");
        let mark =
            view.texts.highlight.as_ref().filter(|_| area.highlighted).map(|h| format!(" — {}", h.mark.get(lang))).unwrap_or_default();
        parts.push(Part::P(bold_lead(&shared_label(d, area), &format!(" ({who}){mark}"))));
        for l in &area.lines {
            let heading = view.plan.line(&l.group, l.row).map(|r| r.text(&view.matrix.heading).to_string()).unwrap_or_default();
            parts.push(Part::P(text(&format!("• {}: {heading}", group_name(d, &l.group)))));
        }
    }
    for dimension in &view.plan.dimensions {
        parts.push(Part::P(headings.add(1, &dimension_title(d, &dimension.dimension))));
        if dimension.areas.is_empty() {
            parts.push(Part::P(text(td_string!(locale, plan_no_lines))));
        }
        for area in &dimension.areas {
            if let Some(title) = area_title(d, area.area.as_deref()) {
                parts.push(Part::P(headings.add(2, &title).keep_next(true)));
            }
            parts.push(Part::T(lines_table(d, area.lines.iter().map(|l| (l.group.as_str(), &l.row)))));
        }
    }
    if !view.plan.summary.is_empty() {
        parts.push(Part::P(headings.add(1, td_string!(locale, plan_summary))));
        for item in &view.plan.summary {
            parts.push(Part::P(headings.add(2, &item.heading)));
            for (g, answer) in &item.answers {
                parts.push(Part::P(bold_lead(&format!("{}: ", group_name(d, g)), answer)));
            }
        }
    }

    let short = view.short_title.get(lang);
    let mut doc = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(PageMargin { top: MARGIN, left: MARGIN, bottom: MARGIN, right: MARGIN, header: 425, footer: 425, gutter: 0 })
        .default_size(BODY)
        // A sans-serif every office suite has or maps (LibreOffice: Liberation Sans).
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .add_style(Style::new("Title", StyleType::Paragraph).name("Title").size(52).bold().line_spacing(LineSpacing::new().after(240)))
        .add_style(heading_style(1, 32, 360))
        .add_style(heading_style(2, 24, 240))
        .header(Header::new().add_paragraph(Paragraph::new().align(AlignmentType::Right).add_run(small(short))))
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(small(&format!("{} · {} ", view.texts.title.get(lang), td_string!(locale, export_page))))
                    .add_page_num(PageNum::new()),
            ),
        );
    // Title page.
    doc = doc
        .add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::TextWrapping).add_break(BreakType::TextWrapping)))
        .add_paragraph(Paragraph::new().style("Title").add_run(lines_run(Run::new(), view.texts.title.get(lang))))
        .add_paragraph(Paragraph::new().add_run(lines_run(Run::new().size(32), view.meeting.get(lang))))
        .add_paragraph(
            Paragraph::new().add_run(lines_run(Run::new().size(28), &format!("{} · {}", view.place.get(lang), view.dates.get(lang)))),
        )
        .add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::TextWrapping)))
        .add_paragraph(Paragraph::new().add_run(lines_run(Run::new().size(24).italic(), &status(d))))
        .add_paragraph(page_break());
    // Contents (written by `finish`), then the body.
    doc = doc
        .add_paragraph(Paragraph::new().style("Heading1").add_run(Run::new().add_text(td_string!(locale, export_contents))))
        .add_paragraph(Headings::placeholder())
        .add_paragraph(page_break());
    for part in parts {
        doc = match part {
            Part::P(p) => doc.add_paragraph(p),
            Part::T(t) => doc.add_table(t),
        };
    }
    finish(doc.build(), &headings)
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

/// The lines of one dimension and area: the group, then each matrix column.
/// Fixed column widths that fill the page (the group and a column of chosen
/// options only narrow; the rest share); the header row repeats on every
/// page the table runs onto. A column of several fields labels each part.
fn lines_table<'a>(d: Doc, lines: impl Iterator<Item = (&'a str, &'a MatrixRow)>) -> Table {
    let (view, lang) = (d.view, lang_code(d.locale));
    let matrix = &view.matrix;
    let fields: Vec<Vec<FieldId>> = matrix.columns.iter().map(|c| c.fields.iter().map(|f| f.id.clone()).collect()).collect();
    let narrow: Vec<bool> = matrix.columns.iter().map(|c| c.fields.iter().all(|f| f.kind == FieldKind::Choice)).collect();
    let wide = narrow.iter().filter(|n| !**n).count().max(1);
    let share = (TEXT_WIDTH - NARROW_COLUMN * (1 + narrow.iter().filter(|n| **n).count())) / wide;
    let grid: Vec<usize> = std::iter::once(NARROW_COLUMN).chain(narrow.iter().map(|n| if *n { NARROW_COLUMN } else { share })).collect();
    let cell = |i: usize| TableCell::new().width(grid[i], WidthType::Dxa);
    let titles = std::iter::once(td_string!(d.locale, export_group)).chain(matrix.columns.iter().map(|c| c.title.get(lang)));
    let head = titles.enumerate().map(|(i, h)| {
        cell(i).shading(Shading::new().fill("DCE6F1")).add_paragraph(Paragraph::new().add_run(lines_run(Run::new().bold().size(TABLE), h)))
    });
    // `cant_split` marks the header row; `finish` makes it repeat.
    let mut rows = vec![TableRow::new(head.collect()).cant_split()];
    for (group, row) in lines {
        let mut cells = vec![cell(0).add_paragraph(sized(&group_name(d, group)))];
        for (i, fields) in fields.iter().enumerate() {
            let mut c = cell(i + 1);
            let parts: Vec<(&FieldId, String)> = fields.iter().map(|f| (f, field_text(d, row, f))).filter(|(_, t)| !t.is_empty()).collect();
            if parts.is_empty() {
                c = c.add_paragraph(Paragraph::new());
            }
            for (field, text) in parts {
                let p = Paragraph::new();
                let p = if fields.len() > 1 {
                    p.add_run(lines_run(Run::new().bold().size(TABLE), &format!("{}: ", label(&matrix.part_label(field, lang)))))
                } else {
                    p
                };
                c = c.add_paragraph(p.add_run(lines_run(Run::new().size(TABLE), &text)));
            }
            cells.push(c);
        }
        rows.push(TableRow::new(cells));
    }
    Table::new(rows).set_grid(grid).layout(TableLayoutType::Fixed).width(TEXT_WIDTH, WidthType::Dxa)
}

/// A heading level: its size and the space above it (twentieths of a point).
fn heading_style(level: usize, size: usize, before: u32) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("Heading {level}"))
        .size(size)
        .bold()
        .color("1F3B5A")
        .outline_lvl(level - 1)
        .line_spacing(LineSpacing::new().before(before).after(120))
}

fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}

fn small(s: &str) -> Run {
    lines_run(Run::new().size(SMALL).color("555555"), s)
}

/// A paragraph keeping the text's line breaks.
fn text(s: &str) -> Paragraph {
    Paragraph::new().add_run(lines_run(Run::new(), s))
}

/// Table text: 9 pt.
fn sized(s: &str) -> Paragraph {
    Paragraph::new().add_run(lines_run(Run::new().size(TABLE), s))
}

/// A labelled paragraph with a little space after it.
fn bold_lead(lead: &str, rest: &str) -> Paragraph {
    Paragraph::new()
        .line_spacing(LineSpacing::new().after(100))
        .add_run(lines_run(Run::new().bold(), lead))
        .add_run(lines_run(Run::new(), rest))
}
