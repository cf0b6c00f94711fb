//! The Regional Action Plan (§4.1): the groups' matrices consolidated by
//! Tabla 2 dimension and ILAC area — the four subregional plans first, then
//! the NGO and business contributions — with the areas common to the
//! subregions ahead of everything, plus the session-4 summary of 10YFP
//! elements. Built from data alone, so the page and every export agree.

use super::cells::Cell;
use super::common_areas::{common_areas, CommonArea, Highlight};
use super::group::Group;
use super::matrix_fields::{choices, Field};
use super::matrix_rules::{rows_of, MatrixRow};
use super::question::Guide;
use super::questionnaire::choice_parts;
use super::{Seed, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One group's matrix as it stands, and which sessions it delivered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanGroup {
    pub group: Group,
    pub rows: Vec<MatrixRow>,
    pub delivered: Vec<u32>,
    /// It delivered the last session that fills the matrix: its plan is final.
    pub final_delivered: bool,
}

/// One line of the plan and the group it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanLine {
    pub group: String,
    pub row: MatrixRow,
}

/// The lines under one ILAC area (`None`: lines without an area).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaLines {
    pub ilac: Option<u32>,
    pub lines: Vec<PlanLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionPlan {
    pub dimension: String,
    pub areas: Vec<AreaLines>,
}

/// A session-4 group's questionnaire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MixedGroup {
    pub group: Group,
    pub answers: BTreeMap<String, Cell>,
    pub delivered: bool,
}

/// One element of the 10YFP summary: a question (or a chosen programme) and
/// what each mixed group answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummaryItem {
    pub heading: String,
    /// (group id, answer), groups that answered only.
    pub answers: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionPlan {
    pub groups: Vec<PlanGroup>,
    pub common: Vec<CommonArea>,
    pub dimensions: Vec<DimensionPlan>,
    pub mixed: Vec<MixedGroup>,
    pub summary: Vec<SummaryItem>,
}

impl ActionPlan {
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().map(|g| &g.group).chain(self.mixed.iter().map(|m| &m.group)).find(|g| g.id == id)
    }

    pub fn line(&self, group: &str, row: i64) -> Option<&MatrixRow> {
        self.groups.iter().find(|g| g.group.id == group)?.rows.iter().find(|r| r.id == row)
    }
}

/// What the seed calls its plan, and which groups' shared areas it puts first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanTexts {
    /// The plan page's heading: "Plan de Acción Regional".
    pub heading: Text,
    /// The documents' full title.
    pub title: Text,
    #[serde(default)]
    pub highlight: Option<Highlight>,
}

/// Consolidates the plan. `groups` are the matrix groups in seed order;
/// `questionnaire` is the session-4 guide, if the meeting has one.
pub fn consolidate(seed: &Seed, groups: Vec<PlanGroup>, mixed: Vec<MixedGroup>, questionnaire: Option<&Guide>, lang: &str) -> ActionPlan {
    let pairs: Vec<(Group, Vec<MatrixRow>)> = groups.iter().map(|g| (g.group.clone(), g.rows.clone())).collect();
    let common = common_areas(&pairs, seed.plan.highlight.as_ref());
    let dimensions = seed
        .dimensions
        .iter()
        .map(|d| {
            let mut by_area: BTreeMap<Option<u32>, Vec<PlanLine>> = BTreeMap::new();
            for g in &groups {
                for row in rows_of(&g.rows, &d.id) {
                    by_area.entry(first_area(row)).or_default().push(PlanLine { group: g.group.id.clone(), row: row.clone() });
                }
            }
            // Areas in number order; lines without an area last.
            let mut areas: Vec<AreaLines> = by_area.into_iter().map(|(ilac, lines)| AreaLines { ilac, lines }).collect();
            areas.sort_by_key(|a| a.ilac.unwrap_or(u32::MAX));
            DimensionPlan { dimension: d.id.clone(), areas }
        })
        .collect();
    let summary = questionnaire.map(|g| summarise(g, &mixed, lang)).unwrap_or_default();
    ActionPlan { groups, common, dimensions, mixed, summary }
}

/// The lowest ILAC area a line names: where it is filed in the plan.
fn first_area(row: &MatrixRow) -> Option<u32> {
    choices(row.text(Field::Ilac)).iter().filter_map(|a| a.parse().ok()).min()
}

/// Each question's answers across the mixed groups; for a question with
/// choices (the 10YFP programmes), one item per programme some group chose,
/// with that group's per-programme aspects (support, actors, indicators…).
/// Headings and labels in `lang`.
pub fn summarise(guide: &Guide, mixed: &[MixedGroup], lang: &str) -> Vec<SummaryItem> {
    let text = |g: &MixedGroup, key: &str| g.answers.get(key).map(|c| c.text.trim().to_string()).unwrap_or_default();
    let mut items = Vec::new();
    for q in &guide.questions {
        let base = format!("{}/{}", guide.id, q.id);
        let answers: Vec<(String, String)> =
            mixed.iter().map(|g| (g.group.id.clone(), text(g, &base))).filter(|(_, t)| !t.is_empty()).collect();
        if !answers.is_empty() {
            items.push(SummaryItem { heading: format!("{} {}", q.label, heading(q.text.get(lang))), answers });
        }
        let Some((programmes, aspects)) = choice_parts(q) else { continue };
        for p in &programmes.items {
            let chose = |g: &&MixedGroup| choices(&text(g, &format!("{base}/choice"))).contains(&p.id.as_str());
            let answers: Vec<(String, String)> = mixed
                .iter()
                .filter(chose)
                .map(|g| {
                    let lines: Vec<String> = aspects
                        .map(|a| a.items.as_slice())
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|a| {
                            let t = text(g, &format!("{base}/{}/{}", p.id, a.id));
                            (!t.is_empty()).then(|| format!("{}: {t}", label(a.text.get(lang))))
                        })
                        .collect();
                    (g.group.id.clone(), if lines.is_empty() { "—".to_string() } else { lines.join("\n") })
                })
                .collect();
            if !answers.is_empty() {
                items.push(SummaryItem { heading: format!("{} {} {}", q.label, p.label, heading(p.text.get(lang))), answers });
            }
        }
    }
    items
}

/// A seed text as a label followed by our own colon: without its own closing
/// punctuation ("Actores clave:" + ":" would print "Actores clave::").
pub fn label(text: &str) -> &str {
    text.trim_end_matches(|c: char| matches!(c, ';' | ':' | '?' | '.' | ',') || c.is_whitespace())
}

/// A seed text as a heading: a list item's closing `;` or `:` dropped, a
/// question's `?` kept.
pub fn heading(text: &str) -> &str {
    text.trim_end_matches(|c: char| matches!(c, ';' | ':' | ',') || c.is_whitespace())
}

#[cfg(test)]
#[path = "action_plan_tests.rs"]
mod tests;
