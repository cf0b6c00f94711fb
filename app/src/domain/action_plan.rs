//! The consolidated action plan: the groups' matrices by dimension and by
//! option of the seed's area field, in the seed's group order, with the
//! areas common to several groups ahead of everything, plus the summary of
//! the questionnaire sessions. Built from data alone, so the page and every
//! export agree.

use super::cells::Cell;
use super::common_areas::{common_areas, CommonArea, Highlight};
use super::group::Group;
use super::matrix_fields::{choices, FieldDef};
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

/// The lines under one option of the area field (`None`: lines without
/// one, or every line when the seed has no area field).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaLines {
    pub area: Option<String>,
    pub lines: Vec<PlanLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionPlan {
    pub dimension: String,
    pub areas: Vec<AreaLines>,
}

/// A questionnaire group's answers (the groups of a session without matrix columns).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MixedGroup {
    pub group: Group,
    pub answers: BTreeMap<String, Cell>,
    pub delivered: bool,
}

/// One element of the questionnaire summary: a question (or a chosen option) and
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
    /// The plan page's heading.
    pub heading: Text,
    /// The documents' full title.
    pub title: Text,
    #[serde(default)]
    pub highlight: Option<Highlight>,
}

/// Consolidates the plan. `groups` are the matrix groups in seed order;
/// `questionnaire` is the guide the questionnaire groups fill, if any.
pub fn consolidate(seed: &Seed, groups: Vec<PlanGroup>, mixed: Vec<MixedGroup>, questionnaire: Option<&Guide>, lang: &str) -> ActionPlan {
    let pairs: Vec<(Group, Vec<MatrixRow>)> = groups.iter().map(|g| (g.group.clone(), g.rows.clone())).collect();
    let common = common_areas(&pairs, &seed.matrix, seed.plan.highlight.as_ref());
    let area_field = seed.matrix.area_field();
    let dimensions = seed
        .dimensions
        .iter()
        .map(|d| {
            let mut by_area: Vec<AreaLines> = Vec::new();
            for g in &groups {
                for row in rows_of(&g.rows, &d.id) {
                    let area = area_field.and_then(|f| first_area(f, row));
                    let line = PlanLine { group: g.group.id.clone(), row: row.clone() };
                    match by_area.iter_mut().find(|a| a.area == area) {
                        Some(a) => a.lines.push(line),
                        None => by_area.push(AreaLines { area, lines: vec![line] }),
                    }
                }
            }
            // Areas in option order; lines without an area last.
            let rank = |a: &AreaLines| a.area.as_deref().map_or(usize::MAX, |id| area_field.map_or(0, |f| f.option_rank(id)));
            by_area.sort_by_key(rank);
            let areas = by_area;
            DimensionPlan { dimension: d.id.clone(), areas }
        })
        .collect();
    let summary = questionnaire.map(|g| summarise(g, &mixed, lang)).unwrap_or_default();
    ActionPlan { groups, common, dimensions, mixed, summary }
}

/// The first option (in the seed's order) a line chose in the area field:
/// where it is filed in the plan.
fn first_area(field: &FieldDef, row: &MatrixRow) -> Option<String> {
    choices(row.text(&field.id))
        .into_iter()
        .filter(|id| field.option_rank(id) != usize::MAX)
        .min_by_key(|id| field.option_rank(id))
        .map(String::from)
}

/// Each question's answers across the mixed groups; for a question with
/// choices, one item per option some group chose, with that group's
/// answers about that option.
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
