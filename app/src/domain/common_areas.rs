//! The areas common to several groups: lines of different groups' matrices
//! filed under the same option of the seed's area field (`matrix.area`)
//! whose headings are related — started from the same reference line or
//! proposal row, or saying nearly the same thing. Sharing an area alone does
//! not count: nearly every line is in one of a handful of areas. Without an
//! area field, related lines are common whatever they are filed under.
//! Areas shared by every group of the seed's highlighted set
//! (`plan.highlight`) come first.

use super::group::Group;
use super::matrix::MatrixTemplate;
use super::matrix_fields::choices;
use super::matrix_rules::MatrixRow;
use super::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How the priorities of a common area's lines are related.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Shared {
    /// The same reference line or proposal row (its id).
    Origin(String),
    /// Close wording of the heading.
    Wording,
}

/// One line of one group's matrix.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LineRef {
    pub group: String,
    pub row: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommonArea {
    /// The option of the area field the lines are filed under (its id;
    /// empty when the seed has no area field).
    pub area: String,
    pub shared: Shared,
    /// The lines in it, in group order then matrix order.
    pub lines: Vec<LineRef>,
    /// The groups those lines belong to, in seed order.
    pub groups: Vec<String>,
    /// Every group of the highlighted set has a line in it.
    pub highlighted: bool,
}

/// The groups whose shared areas the plan puts first, and how it says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    /// Group ids; an area with a line of each is highlighted.
    pub groups: Vec<String>,
    /// The badge on such an area.
    pub badge: Text,
    /// The same after an area's groups in the documents: "común a …".
    pub mark: Text,
}

/// Two headings are "close" when their significant words overlap this
/// much (Dice coefficient) and share at least two of them.
const CLOSE: f64 = 0.5;

/// The common areas of the groups' matrices: for each set of related
/// headings, the lines of each area they are in, when those lines
/// come from at least two groups. The same lines related two ways (the same
/// proposal row, also worded alike) are listed once.
pub fn common_areas(groups: &[(Group, Vec<MatrixRow>)], matrix: &MatrixTemplate, highlight: Option<&Highlight>) -> Vec<CommonArea> {
    let area_field = matrix.area_field();
    let mut by_origin: BTreeMap<String, BTreeSet<At>> = BTreeMap::new();
    let mut areas_of: BTreeMap<At, Vec<String>> = BTreeMap::new();
    for (g, (_, rows)) in groups.iter().enumerate() {
        for r in rows {
            let at = (g, r.position, r.id);
            if let Some(origin) = r.origin.as_ref().filter(|o| !o.is_empty()) {
                by_origin.entry(origin.clone()).or_default().insert(at);
            }
            let areas = match area_field {
                Some(f) => choices(r.text(&f.id)).into_iter().map(String::from).collect(),
                None => vec![String::new()],
            };
            areas_of.insert(at, areas);
        }
    }
    let mut related: Vec<(Shared, BTreeSet<At>)> = by_origin.into_iter().map(|(id, lines)| (Shared::Origin(id), lines)).collect();
    related.extend(wording_clusters(groups, matrix).into_iter().map(|c| (Shared::Wording, c)));

    let wanted = highlight.map(|h| h.groups.as_slice()).unwrap_or_default();
    let highlighted_groups: Vec<usize> = groups.iter().enumerate().filter(|(_, (g, _))| wanted.contains(&g.id)).map(|(i, _)| i).collect();
    let mut seen: BTreeSet<(String, Vec<At>)> = BTreeSet::new();
    let mut areas = Vec::new();
    for (shared, members) in related {
        let mut by_area: BTreeMap<&str, BTreeSet<At>> = BTreeMap::new();
        for m in &members {
            for area in areas_of.get(m).into_iter().flatten() {
                by_area.entry(area).or_default().insert(*m);
            }
        }
        for (area, lines) in by_area {
            let in_groups: BTreeSet<usize> = lines.iter().map(|m| m.0).collect();
            if in_groups.len() < 2 || !seen.insert((area.to_string(), lines.iter().copied().collect())) {
                continue;
            }
            areas.push(CommonArea {
                area: area.to_string(),
                shared: shared.clone(),
                lines: lines.iter().map(|&(g, _, row)| LineRef { group: groups[g].0.id.clone(), row }).collect(),
                groups: in_groups.iter().map(|&g| groups[g].0.id.clone()).collect(),
                highlighted: !highlighted_groups.is_empty() && highlighted_groups.iter().all(|s| in_groups.contains(s)),
            });
        }
    }
    let rank = |area: &str| area_field.map_or(0, |f| f.option_rank(area));
    let key = |a: &CommonArea| (!a.highlighted, std::cmp::Reverse(a.groups.len()), rank(&a.area), a.area.clone(), a.shared.clone());
    areas.sort_by_key(key);
    areas
}

/// A line: its group's index, its position and its id.
type At = (usize, i64, i64);

/// Every line that is in some common area (to highlight them).
pub fn lines_in_common(areas: &[CommonArea]) -> BTreeSet<LineRef> {
    areas.iter().flat_map(|a| a.lines.iter().cloned()).collect()
}

/// Lines of different groups whose headings are worded alike, joined
/// transitively (A≈B and B≈C puts A, B and C together).
fn wording_clusters(groups: &[(Group, Vec<MatrixRow>)], matrix: &MatrixTemplate) -> Vec<BTreeSet<At>> {
    let lines: Vec<(At, BTreeSet<String>)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, (_, rows))| rows.iter().map(move |r| ((g, r.position, r.id), significant_words(r.text(&matrix.heading)))))
        .filter(|(_, words)| words.len() >= 2)
        .collect();
    let mut parent: Vec<usize> = (0..lines.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..lines.len() {
        for j in i + 1..lines.len() {
            if lines[i].0 .0 != lines[j].0 .0 && close(&lines[i].1, &lines[j].1) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut clusters: BTreeMap<usize, BTreeSet<At>> = BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        let r = root(&mut parent, i);
        clusters.entry(r).or_default().insert(line.0);
    }
    clusters.into_values().filter(|c| c.len() >= 2).collect()
}

fn close(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shared = a.intersection(b).count();
    shared >= 2 && (2 * shared) as f64 / (a.len() + b.len()) as f64 >= CLOSE
}

/// Words that carry meaning, folded so spelling variants meet: lower case,
/// no accents, no short function words, cut to a crude stem of 6 letters
/// ("sustentable"/"sustentables", "política"/"políticas").
pub fn significant_words(text: &str) -> BTreeSet<String> {
    const STOP: [&str; 14] =
        ["para", "como", "entre", "sobre", "desde", "hacia", "mediante", "otros", "otras", "todos", "todas", "cada", "este", "esta"];
    text.split(|c: char| !c.is_alphanumeric())
        .map(|w| w.chars().map(fold).collect::<String>())
        .filter(|w| w.chars().count() >= 4 && !STOP.contains(&w.as_str()))
        .map(|w| w.chars().take(6).collect())
        .collect()
}

fn fold(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'á' | 'à' | 'â' | 'ã' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

#[cfg(test)]
#[path = "common_areas_tests.rs"]
mod tests;
