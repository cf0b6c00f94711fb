//! Whether a seed may replace the one a meeting's database was started with.
//!
//! The rule is not a diff of two seeds but a check of the recorded work
//! against the new seed: everything a person recorded (a participant in a
//! group, a matrix line under a dimension, an answer to a question, a clock
//! event of an agenda block, a choice in a cell…) must still find what it
//! refers to. Additions and changed texts always pass; an item that was
//! removed or given another id passes only if nothing refers to it. This also
//! holds when the stored seed was written by an older build in another format.

use super::cells::CellKey;
use super::matrix_fields::{choices, FieldKind};
use super::questionnaire::{self, ItemKind};
use super::Seed;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// How much of each kind of record depends on one seed item, in the order
/// added; kinds with none are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts(Vec<(&'static str, usize)>);

impl Counts {
    /// Adds `n` records of a kind, named in the plural ("matrix lines").
    pub fn add(&mut self, kind: &'static str, n: usize) -> &mut Self {
        if n > 0 {
            match self.0.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, m)) => *m += n,
                None => self.0.push((kind, n)),
            }
        }
        self
    }

    fn add_all(&mut self, other: &Counts) -> &mut Self {
        for (kind, n) in &other.0 {
            self.add(kind, *n);
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|(kind, n)| format!("{n} {kind}")).collect();
        f.write_str(&parts.join(", "))
    }
}

/// A matrix line as recorded: where it sits and what it was started from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineUse {
    pub row: i64,
    pub dimension: String,
    pub origin: Option<String>,
}

/// A cell as recorded: its key, current text and how many versions it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellUse {
    pub key: String,
    pub text: String,
    pub versions: usize,
}

/// What a meeting's database holds, gathered per seed item it refers to.
#[derive(Clone, Debug, Default)]
pub struct Usage {
    /// Per group id, everything recorded in or for the group.
    pub groups: BTreeMap<String, Counts>,
    /// Per agenda block id, its clock history.
    pub blocks: BTreeMap<String, Counts>,
    /// Per session number, the results delivered for it.
    pub sessions: BTreeMap<u32, Counts>,
    /// Per question ("guide/question"), answers, marks and time boxes.
    pub questions: BTreeMap<String, Counts>,
    /// Matrix lines still shown (hidden ones keep no seed reference alive).
    pub lines: Vec<LineUse>,
    pub cells: Vec<CellUse>,
}

/// One seed item the new seed drops although work depends on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// What the item is and its id, as the seed author wrote it: "group `<id>`".
    pub item: String,
    pub dependents: Counts,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.item, self.dependents)
    }
}

/// Every item the recorded work needs that `seed` no longer has, each with
/// what depends on it; empty when the seed may be applied.
pub fn refusals(seed: &Seed, usage: &Usage) -> Vec<Refusal> {
    let mut out = Vec::new();
    let groups: BTreeSet<&str> = seed.group_sets.iter().flat_map(|s| &s.groups).map(|g| g.id.as_str()).collect();
    missing(&mut out, "group", &usage.groups, |id| groups.contains(id.as_str()));
    let blocks: BTreeSet<&str> = seed.agenda.iter().map(|b| b.id.as_str()).collect();
    missing(&mut out, "agenda block", &usage.blocks, |id| blocks.contains(id.as_str()));
    missing(&mut out, "session", &usage.sessions, |n| seed.sessions.iter().any(|s| s.number == *n));
    questions(&mut out, seed, usage);
    lines(&mut out, seed, usage);
    matrix_choices(&mut out, seed, usage);
    out
}

fn missing<K: Ord + fmt::Display>(out: &mut Vec<Refusal>, kind: &str, used: &BTreeMap<K, Counts>, kept: impl Fn(&K) -> bool) {
    for (id, counts) in used {
        if !counts.is_empty() && !kept(id) {
            out.push(Refusal { item: format!("{kind} `{id}`"), dependents: counts.clone() });
        }
    }
}

/// Answers, marks and time boxes need their question; a questionnaire cell
/// needs its item (and each option it chose) to still exist.
fn questions(out: &mut Vec<Refusal>, seed: &Seed, usage: &Usage) {
    let known: BTreeSet<String> = seed.guides.iter().flat_map(|g| g.questions.iter().map(move |q| format!("{}/{}", g.id, q.id))).collect();
    let mut by_question: BTreeMap<String, Counts> = BTreeMap::new();
    for (key, counts) in &usage.questions {
        if !known.contains(key) {
            by_question.entry(key.clone()).or_default().add_all(counts);
        }
    }
    for cell in &usage.cells {
        let Some(CellKey::Questionnaire { item }) = CellKey::parse(&cell.key) else { continue };
        let fits = seed.guides.iter().find_map(|g| questionnaire::item_kind(g, &item)).is_some_and(|kind| match kind {
            ItemKind::Text => true,
            ItemKind::Choice(options) => choices(&cell.text).iter().all(|c| options.iter().any(|o| o == c)),
        });
        if !fits {
            by_question.entry(question_of(&item)).or_default().add("cell versions", cell.versions);
        }
    }
    for (question, counts) in by_question {
        out.push(Refusal { item: format!("question `{question}`"), dependents: counts });
    }
}

/// "4.4/9/b/e" belongs to question "4.4/9".
fn question_of(item: &str) -> String {
    item.splitn(3, '/').take(2).collect::<Vec<_>>().join("/")
}

/// A line needs its dimension and the row or line it was started from.
fn lines(out: &mut Vec<Refusal>, seed: &Seed, usage: &Usage) {
    let versions = versions_by_row(usage);
    let mut dimensions: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut origins: BTreeMap<&str, Counts> = BTreeMap::new();
    for line in &usage.lines {
        let on_line = versions.get(&line.row).copied().unwrap_or(0);
        if !seed.dimensions.iter().any(|d| d.id == line.dimension) {
            dimensions.entry(&line.dimension).or_default().add("matrix lines", 1).add("cell versions", on_line);
        }
        if let Some(origin) = line.origin.as_deref().filter(|o| !o.is_empty()) {
            let known = seed.knows_origin(origin);
            if !known {
                origins.entry(origin).or_default().add("matrix lines started from it", 1);
            }
        }
    }
    out.extend(dimensions.into_iter().map(|(id, dependents)| Refusal { item: format!("dimension `{id}`"), dependents }));
    out.extend(origins.into_iter().map(|(id, dependents)| Refusal { item: format!("reference line `{id}`"), dependents }));
}

fn versions_by_row(usage: &Usage) -> BTreeMap<i64, usize> {
    let mut out = BTreeMap::new();
    for cell in &usage.cells {
        if let Some(CellKey::Matrix { row, .. }) = CellKey::parse(&cell.key) {
            *out.entry(row).or_default() += cell.versions;
        }
    }
    out
}

/// A matrix cell needs its field, and a choice made in it the option it names.
fn matrix_choices(out: &mut Vec<Refusal>, seed: &Seed, usage: &Usage) {
    let mut fields: BTreeMap<String, Counts> = BTreeMap::new();
    let mut gone: BTreeMap<(String, String), Counts> = BTreeMap::new();
    for cell in &usage.cells {
        let Some(CellKey::Matrix { field, .. }) = CellKey::parse(&cell.key) else { continue };
        let Some(def) = seed.matrix.field(&field) else {
            fields.entry(field.to_string()).or_default().add("matrix cells", 1).add("cell versions", cell.versions);
            continue;
        };
        if def.kind != FieldKind::Choice {
            continue;
        }
        let options = def.option_ids();
        for chosen in choices(&cell.text).into_iter().filter(|c| !options.iter().any(|o| o == c)) {
            gone.entry((field.to_string(), chosen.to_string())).or_default().add("matrix cells choosing it", 1);
        }
    }
    out.extend(fields.into_iter().map(|(id, dependents)| Refusal { item: format!("matrix field `{id}`"), dependents }));
    out.extend(
        gone.into_iter().map(|((field, id), dependents)| Refusal { item: format!("option `{id}` of matrix field `{field}`"), dependents }),
    );
}

#[cfg(test)]
#[path = "seed_change_tests.rs"]
mod tests;
