//! The action plan as plain tables of text in one language, the one
//! shape every export format is written from: one line per matrix line, the
//! common areas, and the questionnaire summary. Labels come from the UI
//! strings, the meeting's words (columns, fields, options) from the seed in
//! that language, and what the groups typed stays exactly as typed.

use crate::domain::common_areas::{lines_in_common, CommonArea, LineRef, Shared};
use crate::domain::matrix_fields::{FieldId, FieldKind};
use crate::domain::matrix_rules::MatrixRow;
use crate::domain::views::plenary::PlanView;
use crate::i18n::{lang_code, td_string, Locale};

/// The plan and the language it is written in.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    pub view: &'a PlanView,
    pub locale: Locale,
}

impl Doc<'_> {
    fn lang(&self) -> &'static str {
        lang_code(self.locale)
    }

    pub fn yes_no(&self, yes: bool) -> String {
        if yes { td_string!(self.locale, export_yes) } else { td_string!(self.locale, export_no) }.to_string()
    }
}

/// How much a column tends to hold: its width in the XLSX, in characters.
/// (The DOCX sizes its annex columns itself: `docx::lines_table`.)
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Width {
    /// Yes/no flags and line numbers.
    Narrow,
    /// Names: groups, dimensions, areas, chosen items.
    Name,
    /// What people typed.
    Text,
}

impl Width {
    pub fn chars(self) -> f64 {
        match self {
            Width::Narrow => 9.0,
            Width::Name => 18.0,
            Width::Text => 30.0,
        }
    }
}

/// The widths of `line_headers`' columns, in order.
pub fn line_widths(doc: Doc) -> Vec<Width> {
    let fields = doc.view.matrix.fields().map(|f| match f.kind {
        FieldKind::Text => Width::Text,
        FieldKind::Choice => Width::Name,
    });
    [Width::Name, Width::Name].into_iter().chain(fields).chain([Width::Narrow; 3]).collect()
}

/// The common-areas sheet has a yes/no column for the seed's highlighted set
/// of groups, headed by its badge, when the seed names one.
pub fn common_widths(doc: Doc) -> Vec<Width> {
    let highlight = doc.view.texts.highlight.is_some().then_some(Width::Narrow);
    [Some(Width::Text), Some(Width::Name), highlight, Some(Width::Text)].into_iter().flatten().collect()
}

pub fn summary_widths() -> Vec<Width> {
    vec![Width::Text, Width::Name, Width::Text]
}

/// Columns of a matrix line: the group, the dimension, each field (by its
/// full label), then flags.
pub fn line_headers(doc: Doc) -> Vec<String> {
    let locale = doc.locale;
    let fields = doc.view.matrix.fields().map(|f| doc.view.matrix.label(&f.id, doc.lang()));
    [td_string!(locale, export_group), td_string!(locale, export_dimension)]
        .into_iter()
        .map(str::to_string)
        .chain(fields)
        .chain(
            [td_string!(locale, export_delivered), td_string!(locale, export_common_area), td_string!(locale, export_line)]
                .map(str::to_string),
        )
        .collect()
}

pub fn common_headers(doc: Doc) -> Vec<String> {
    let locale = doc.locale;
    let badge = doc.view.texts.highlight.as_ref().map(|h| h.badge.get(doc.lang()).to_string());
    [
        Some(td_string!(locale, export_shared).to_string()),
        Some(td_string!(locale, export_groups).to_string()),
        badge,
        Some(td_string!(locale, export_lines).to_string()),
    ]
    .into_iter()
    .flatten()
    .collect()
}

pub fn summary_headers(locale: Locale) -> Vec<String> {
    [td_string!(locale, export_item), td_string!(locale, export_group), td_string!(locale, export_answer)].map(str::to_string).to_vec()
}

/// The consolidated plan: every line by dimension, then area.
pub fn plan_lines(doc: Doc) -> Vec<Vec<String>> {
    let common = lines_in_common(&doc.view.plan.common);
    doc.view
        .plan
        .dimensions
        .iter()
        .flat_map(|d| d.areas.iter().flat_map(|a| &a.lines))
        .map(|l| line(doc, &l.group, &l.row, &common))
        .collect()
}

/// One group's matrix, in its own order.
pub fn group_lines(doc: Doc, group: &str) -> Vec<Vec<String>> {
    let common = lines_in_common(&doc.view.plan.common);
    let Some(g) = doc.view.plan.groups.iter().find(|g| g.group.id == group) else { return Vec::new() };
    doc.view
        .dimensions
        .iter()
        .flat_map(|d| crate::domain::matrix_rules::rows_of(&g.rows, &d.id))
        .map(|r| line(doc, group, r, &common))
        .collect()
}

pub fn common_lines(doc: Doc) -> Vec<Vec<String>> {
    let view = doc.view;
    view.plan
        .common
        .iter()
        .map(|a| {
            let lines: Vec<String> = a
                .lines
                .iter()
                .map(|l| {
                    let text = view.plan.line(&l.group, l.row).map(|r| r.text(&view.matrix.heading).to_string()).unwrap_or_default();
                    format!("{}: {}", group_name(doc, &l.group), text)
                })
                .collect();
            let highlighted = view.texts.highlight.as_ref().map(|_| doc.yes_no(a.highlighted));
            [
                Some(shared_label(doc, a)),
                Some(a.groups.iter().map(|g| group_name(doc, g)).collect::<Vec<_>>().join(", ")),
                highlighted,
                Some(lines.join("\n")),
            ]
            .into_iter()
            .flatten()
            .collect()
        })
        .collect()
}

pub fn summary_lines(doc: Doc) -> Vec<Vec<String>> {
    doc.view
        .plan
        .summary
        .iter()
        .flat_map(|item| item.answers.iter().map(move |(g, text)| vec![item.heading.clone(), group_name(doc, g), text.clone()]))
        .collect()
}

/// What a common area shares, in words.
pub fn shared_label(doc: Doc, area: &CommonArea) -> String {
    let view = doc.view;
    let relation = match &area.shared {
        Shared::Origin(id) => view.origins.iter().find(|(o, _)| o == id).map(|(_, t)| t.clone()).unwrap_or_else(|| id.clone()),
        Shared::Wording => td_string!(doc.locale, common_wording).to_string(),
    };
    match view.matrix.area_heading(&area.area, doc.lang()) {
        Some(heading) => format!("{heading} — {relation}"),
        None => relation,
    }
}

pub fn group_name(doc: Doc, group: &str) -> String {
    doc.view.plan.group(group).map(|g| g.name.get(doc.lang()).to_string()).unwrap_or_else(|| group.to_string())
}

pub fn dimension_title(doc: Doc, id: &str) -> String {
    doc.view
        .dimensions
        .iter()
        .find(|d| d.id == id)
        .map(|d| format!("{}. {}", d.number, d.title.get(doc.lang())))
        .unwrap_or_else(|| id.to_string())
}

/// The heading over one area's lines: the area by name, or "no area given";
/// `None` when the seed has no area field.
pub fn area_title(doc: Doc, area: Option<&str>) -> Option<String> {
    doc.view.area_title(area, doc.lang(), td_string!(doc.locale, plan_no_area))
}

fn line(doc: Doc, group: &str, row: &MatrixRow, common: &std::collections::BTreeSet<LineRef>) -> Vec<String> {
    let view = doc.view;
    let delivered = view.plan.groups.iter().find(|g| g.group.id == group).is_some_and(|g| g.final_delivered);
    let in_common = common.contains(&LineRef { group: group.to_string(), row: row.id });
    let mut out = vec![group_name(doc, group), dimension_title(doc, &row.dimension)];
    out.extend(view.matrix.fields().map(|f| field_text(doc, row, &f.id)));
    out.push(doc.yes_no(delivered));
    out.push(if in_common { doc.yes_no(true) } else { String::new() });
    out.push(row.id.to_string());
    out
}

/// A field as a reader of the document's language sees it: typed text as
/// typed, chosen options by name (short where they have a short form).
pub fn field_text(doc: Doc, row: &MatrixRow, field: &FieldId) -> String {
    doc.view.field_text(row, field, doc.lang())
}
