//! The Regional Action Plan as plain tables of Spanish text, the one shape
//! every export format is written from: one line per matrix line, the common
//! areas, and the session-4 summary.

use crate::api::action_plan::PlanView;
use crate::domain::common_areas::{lines_in_common, CommonArea, LineRef, Shared};
use crate::domain::matrix_fields::Field;
use crate::i18n::Locale;
use crate::domain::matrix_rules::MatrixRow;

/// Columns of a matrix line, after the group and the dimension.
pub const LINE_HEADERS: [&str; 17] = [
    "Grupo",
    "Dimensión",
    "Prioridad ILAC",
    "Prioridades",
    "Resultados esperados (2 años)",
    "Resultados esperados (5–10 años)",
    "Indicadores",
    "Task Forces de Marrakech",
    "Actividades principales",
    "Responsables (tipo)",
    "Responsables",
    "Recursos económicos",
    "Recursos técnicos",
    "Participación de otros actores",
    "Entregado",
    "Área común",
    "Línea",
];

pub const COMMON_HEADERS: [&str; 4] = ["Comparten", "Grupos", "Las cuatro subregiones", "Líneas"];
pub const SUMMARY_HEADERS: [&str; 3] = ["Elemento", "Grupo", "Respuesta"];

/// The consolidated plan: every line by dimension, then ILAC area.
pub fn plan_lines(view: &PlanView) -> Vec<Vec<String>> {
    let common = lines_in_common(&view.plan.common);
    view.plan
        .dimensions
        .iter()
        .flat_map(|d| d.areas.iter().flat_map(|a| &a.lines))
        .map(|l| line(view, &l.group, &l.row, &common))
        .collect()
}

/// One group's matrix, in its own order.
pub fn group_lines(view: &PlanView, group: &str) -> Vec<Vec<String>> {
    let common = lines_in_common(&view.plan.common);
    let Some(g) = view.plan.groups.iter().find(|g| g.group.id == group) else { return Vec::new() };
    view.dimensions
        .iter()
        .flat_map(|d| crate::domain::matrix_rules::rows_of(&g.rows, &d.id))
        .map(|r| line(view, group, r, &common))
        .collect()
}

pub fn common_lines(view: &PlanView) -> Vec<Vec<String>> {
    view.plan
        .common
        .iter()
        .map(|a| {
            let lines: Vec<String> = a
                .lines
                .iter()
                .map(|l| {
                    let text = view.plan.line(&l.group, l.row).map(|r| r.text(Field::Prioridades).to_string()).unwrap_or_default();
                    format!("{}: {}", group_name(view, &l.group), text)
                })
                .collect();
            vec![
                shared_label(view, a),
                a.groups.iter().map(|g| group_name(view, g)).collect::<Vec<_>>().join(", "),
                if a.all_subregions { "Sí" } else { "No" }.to_string(),
                lines.join("\n"),
            ]
        })
        .collect()
}

pub fn summary_lines(view: &PlanView) -> Vec<Vec<String>> {
    view.plan
        .summary
        .iter()
        .flat_map(|item| item.answers.iter().map(move |(g, text)| vec![item.heading.clone(), group_name(view, g), text.clone()]))
        .collect()
}

/// What a common area shares, in words.
pub fn shared_label(view: &PlanView, area: &CommonArea) -> String {
    let n = &area.ilac;
    let title = view.ilac_areas.iter().find(|a| a.number.to_string() == *n).map(|a| a.title.spanish()).unwrap_or_default();
    let relation = match &area.shared {
        Shared::Origin(id) => view.origins.iter().find(|(o, _)| o == id).map(|(_, t)| t.clone()).unwrap_or_else(|| id.clone()),
        Shared::Wording => "Redacción cercana de la prioridad".to_string(),
    };
    format!("Área ILAC {n}. {title} — {relation}")
}

pub fn group_name(view: &PlanView, group: &str) -> String {
    view.plan.group(group).map(|g| g.name.spanish().to_string()).unwrap_or_else(|| group.to_string())
}

pub fn dimension_title(view: &PlanView, id: &str) -> String {
    view.dimensions.iter().find(|d| d.id == id).map(|d| format!("{}. {}", d.number, d.title.spanish())).unwrap_or_else(|| id.to_string())
}

pub fn ilac_title(view: &PlanView, area: Option<u32>) -> String {
    match area.and_then(|n| view.ilac_areas.iter().find(|a| a.number == n)) {
        Some(a) => format!("Área ILAC {}. {}", a.number, a.title.spanish()),
        None => "Sin área ILAC indicada".to_string(),
    }
}

fn line(view: &PlanView, group: &str, row: &MatrixRow, common: &std::collections::BTreeSet<LineRef>) -> Vec<String> {
    let delivered = view.plan.groups.iter().find(|g| g.group.id == group).is_some_and(|g| g.final_delivered);
    let in_common = common.contains(&LineRef { group: group.to_string(), row: row.id });
    let mut out = vec![group_name(view, group), dimension_title(view, &row.dimension)];
    out.extend(Field::ALL.into_iter().map(|f| field_text(view, row, f)));
    out.push(if delivered { "Sí" } else { "No" }.to_string());
    out.push(if in_common { "Sí" } else { "" }.to_string());
    out.push(row.id.to_string());
    out
}

/// A field as a Spanish reader sees it (the plan is a Spanish document).
pub fn field_text(view: &PlanView, row: &MatrixRow, field: Field) -> String {
    view.field_text(row, field, Locale::es)
}
