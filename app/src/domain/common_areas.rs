//! "The areas common to the four subregions" (§4.1): lines of different
//! groups' matrices that share an ILAC priority area, started from the same
//! Tabla 2 line or annex proposal, or say nearly the same thing. Areas shared
//! by every subregional (government) group come first.

use super::group::{Group, Sector};
use super::matrix_fields::{choices, Field};
use super::matrix_rules::MatrixRow;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What the lines of a common area share.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Shared {
    /// The same Tabla 2 line or annex proposal row (its id).
    Origin(String),
    /// The same ILAC priority area (its number).
    Ilac(String),
    /// Close wording of the priority.
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
    pub shared: Shared,
    /// The lines in it, in group order then matrix order.
    pub lines: Vec<LineRef>,
    /// The groups those lines belong to, in seed order.
    pub groups: Vec<String>,
    /// Every subregional (government) group has a line in it.
    pub all_subregions: bool,
}

/// Two priorities are "close" when their significant words overlap this
/// much (Dice coefficient) and share at least two of them.
const CLOSE: f64 = 0.5;

/// The common areas of the groups' matrices: areas with lines from at least
/// two groups; an area whose lines are exactly those of an earlier one (e.g.
/// the same proposal row also worded alike) is listed once.
pub fn common_areas(groups: &[(Group, Vec<MatrixRow>)]) -> Vec<CommonArea> {
    let mut by_key: BTreeMap<Shared, BTreeSet<(usize, i64, i64)>> = BTreeMap::new();
    for (g, (_, rows)) in groups.iter().enumerate() {
        for r in rows {
            let at = (g, r.position, r.id);
            if let Some(origin) = r.origin.as_ref().filter(|o| !o.is_empty()) {
                by_key.entry(Shared::Origin(origin.clone())).or_default().insert(at);
            }
            for area in choices(r.text(Field::Ilac)) {
                by_key.entry(Shared::Ilac(area.to_string())).or_default().insert(at);
            }
        }
    }
    let mut candidates: Vec<(Shared, BTreeSet<(usize, i64, i64)>)> = by_key.into_iter().collect();
    candidates.extend(wording_clusters(groups).into_iter().map(|c| (Shared::Wording, c)));

    let subregions: Vec<usize> = groups.iter().enumerate().filter(|(_, (g, _))| g.sector == Sector::Government).map(|(i, _)| i).collect();
    let mut seen: BTreeSet<Vec<(usize, i64, i64)>> = BTreeSet::new();
    let mut areas = Vec::new();
    for (shared, members) in candidates {
        let in_groups: BTreeSet<usize> = members.iter().map(|m| m.0).collect();
        if in_groups.len() < 2 || !seen.insert(members.iter().copied().collect()) {
            continue;
        }
        areas.push(CommonArea {
            shared,
            lines: members.iter().map(|&(g, _, row)| LineRef { group: groups[g].0.id.clone(), row }).collect(),
            groups: in_groups.iter().map(|&g| groups[g].0.id.clone()).collect(),
            all_subregions: !subregions.is_empty() && subregions.iter().all(|s| in_groups.contains(s)),
        });
    }
    areas.sort_by(|a, b| {
        (!a.all_subregions, std::cmp::Reverse(a.groups.len()), rank(&a.shared), natural(&a.shared))
            .cmp(&(!b.all_subregions, std::cmp::Reverse(b.groups.len()), rank(&b.shared), natural(&b.shared)))
    });
    areas
}

/// Every line that is in some common area (to highlight them).
pub fn lines_in_common(areas: &[CommonArea]) -> BTreeSet<LineRef> {
    areas.iter().flat_map(|a| a.lines.iter().cloned()).collect()
}

fn rank(s: &Shared) -> u8 {
    match s {
        Shared::Origin(_) => 0,
        Shared::Ilac(_) => 1,
        Shared::Wording => 2,
    }
}

/// ILAC areas in number order ("2" before "10"), origins by id.
fn natural(s: &Shared) -> (u64, String) {
    match s {
        Shared::Ilac(n) => (n.parse().unwrap_or(u64::MAX), n.clone()),
        Shared::Origin(id) => (0, id.clone()),
        Shared::Wording => (0, String::new()),
    }
}

/// Lines of different groups whose priorities are worded alike, joined
/// transitively (A≈B and B≈C puts A, B and C together).
fn wording_clusters(groups: &[(Group, Vec<MatrixRow>)]) -> Vec<BTreeSet<(usize, i64, i64)>> {
    let lines: Vec<((usize, i64, i64), BTreeSet<String>)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, (_, rows))| rows.iter().map(move |r| ((g, r.position, r.id), significant_words(r.text(Field::Prioridades)))))
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
    let mut clusters: BTreeMap<usize, BTreeSet<(usize, i64, i64)>> = BTreeMap::new();
    for i in 0..lines.len() {
        let r = root(&mut parent, i);
        clusters.entry(r).or_default().insert(lines[i].0);
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
