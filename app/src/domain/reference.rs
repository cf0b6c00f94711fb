//! Reference material the groups work from: any number of parts, each a
//! *list* (entries with a name and, optionally, labelled facts) or a *table*
//! (lines by dimension and column, each of which can start a matrix line).
//! The seed names every part; the code knows only these two kinds.

use super::matrix_fields::ChoiceOption;
use super::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One of the dimensions that organise the reference tables and the matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub number: u32,
    pub title: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceKind {
    List,
    Table,
}

/// One part of the reference material (`[[reference]]`). A list fills
/// `numbered`, `facets` and `entries`; a table `columns`, `lines` and `about`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Names its page (`/reference/<id>`) and, for a list, the choice
    /// fields that draw their options `from` it.
    pub id: String,
    pub kind: ReferenceKind,
    /// The page's heading, also its link.
    pub heading: Text,
    /// The sentence that says what the part holds.
    pub summary: Text,
    /// A line under the heading: the document's own title for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Text>,
    /// List: entries read "1. name" (and a choice reads by the number).
    #[serde(default, skip_serializing_if = "is_false")]
    pub numbered: bool,
    /// List: what an entry may tell, in the order shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facets: Vec<Facet>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Entry>,
    /// Table: its columns, in order; its rows are the meeting's dimensions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<TableColumn>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<TableLine>,
    /// Table: how to read it, folded under a heading below it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<About>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Something an entry of a list may tell (a host, objectives, members…).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facet {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    pub show: Show,
}

/// How a facet's texts are shown on the part's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Show {
    /// One muted line under the name, joined by " · " (after "Label: ").
    Line,
    /// A label of its own, in small capitals.
    Label,
    /// Highlighted chips under the label.
    Chips,
    /// A bulleted list under the label.
    List,
    /// A numbered list under the label.
    Numbered,
    /// A bulleted list folded under the label, opened on demand.
    Folded,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Names the entry as a choice option (the text a cell stores).
    pub id: String,
    pub name: Text,
    /// A small line above the name (the annex that reproduces it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eyebrow: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Texts by facet id; a facet an entry lacks is not shown for it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub facts: BTreeMap<String, Vec<Text>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableColumn {
    pub id: String,
    pub heading: Text,
}

/// A line of a table: a group may start a matrix line from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableLine {
    pub id: String,
    pub dimension: String,
    /// The `id` of its column.
    pub column: String,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct About {
    pub heading: Text,
    pub paragraphs: Vec<Text>,
}

impl Reference {
    /// An entry's name as read in `lang`: "3. Name" in a numbered list.
    pub fn entry_name(&self, index: usize, entry: &Entry) -> Text {
        if self.numbered {
            entry.name.map(|t| format!("{}. {t}", index + 1))
        } else {
            entry.name.clone()
        }
    }

    /// The list's entries as the options of a choice field: a numbered list
    /// gives each its number as the short name.
    pub fn choice_options(&self) -> Vec<ChoiceOption> {
        let short = |i: usize| self.numbered.then(|| (i + 1).to_string());
        self.entries
            .iter()
            .enumerate()
            .map(|(i, e)| ChoiceOption { id: e.id.clone(), name: self.entry_name(i, e), short: short(i) })
            .collect()
    }

    pub fn lines_of(&self, dimension: &str, column: &str) -> Vec<&TableLine> {
        self.lines.iter().filter(|l| l.dimension == dimension && l.column == column).collect()
    }

    /// The part without its details: names and lines, for the panel beside
    /// the matrix and the index (the page fetches the rest).
    pub fn outline(&self) -> Reference {
        let entries = self.entries.iter().map(|e| Entry { facts: BTreeMap::new(), ..e.clone() }).collect();
        Reference { facets: Vec::new(), entries, about: None, ..self.clone() }
    }
}

/// The part `id` when it is a list (what a choice draws `from`, and what a
/// line can start from an entry of).
pub fn list<'a>(references: &'a [Reference], id: &str) -> Option<&'a Reference> {
    references.iter().find(|r| r.id == id && r.kind == ReferenceKind::List)
}

/// Every line of every table, where a matrix line can start.
pub fn table_lines(references: &[Reference]) -> impl Iterator<Item = &TableLine> {
    references.iter().flat_map(|r| &r.lines)
}

/// A list entry as the origin of a matrix line: "<list id>/<entry id>" (table
/// lines and proposal rows are named by their own ids, which have no "/").
pub fn entry_origin(list: &str, entry: &str) -> String {
    format!("{list}/{entry}")
}

/// What a matrix line started from a part of the reference material begins
/// with: the dimension it belongs to (a table line's; `None` for a list
/// entry, which starts a line in whichever dimension it is added to) and the
/// text that heads it.
pub fn reference_origin<'a>(references: &'a [Reference], origin: &str) -> Option<(Option<&'a str>, &'a Text)> {
    if let Some(line) = table_lines(references).find(|l| l.id == origin) {
        return Some((Some(line.dimension.as_str()), &line.text));
    }
    let (list_id, entry) = origin.split_once('/')?;
    list(references, list_id)?.entries.iter().find(|e| e.id == entry).map(|e| (None, &e.name))
}
