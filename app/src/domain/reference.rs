//! Reference material the groups work from, in five optional parts (a
//! numbered list of areas, a table of lines by dimension and source, working
//! groups abroad, a strategy, decisions), and the names the seed gives them.

use super::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IlacArea {
    pub number: u32,
    pub title: Text,
}

/// One of the dimensions that organise the reference table and the matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub number: u32,
    pub title: Text,
}

/// A column of the reference table: where its lines come from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table2Source {
    pub id: String,
    pub heading: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table2 {
    pub title: Text,
    pub intro: Vec<Text>,
    /// The table's columns, in order.
    #[serde(default)]
    pub sources: Vec<Table2Source>,
    pub lines: Vec<Table2Line>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table2Line {
    pub id: String,
    pub dimension: String,
    /// The `id` of its column (`sources`).
    pub source: String,
    pub text: Text,
}

/// A seed without a `[table2]` has an empty one: no lines to start from.
impl Default for Table2 {
    fn default() -> Self {
        Table2 { title: Text::es(""), intro: Vec::new(), sources: Vec::new(), lines: Vec::new() }
    }
}

/// A seed without a `[strategy]` has an empty one (no page, no link).
impl Default for Strategy {
    fn default() -> Self {
        Strategy { title: Text::es(""), sections: Vec::new() }
    }
}

impl Table2 {
    pub fn lines_of(&self, dimension: &str, source: &str) -> Vec<&Table2Line> {
        self.lines.iter().filter(|l| l.dimension == dimension && l.source == source).collect()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    pub title: Text,
    pub sections: Vec<StrategySection>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategySection {
    pub number: u32,
    pub title: Text,
    pub items: Vec<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// "12-2003", "12-2005".
    pub id: String,
    /// The annex that reproduces it: "ANEXO II".
    pub annex: Text,
    /// The Forum meeting as the annex heading names it.
    pub forum: Text,
    pub title: Text,
    pub subject: Text,
    pub rapporteur: Text,
    pub preamble: Vec<Text>,
    pub decides: Text,
    pub items: Vec<DecisionItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionItem {
    pub number: u32,
    /// The verb the document prints in bold: "Promover".
    pub verb: Text,
    /// The rest of the sentence after the verb.
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskForce {
    pub id: String,
    pub name: Text,
    pub host: Text,
    #[serde(default)]
    pub url: Option<String>,
    pub objectives: Vec<Text>,
    pub activities: Vec<Text>,
    pub members: Vec<Text>,
    /// Members from Latin America and the Caribbean (underlined in the annex).
    #[serde(default)]
    pub lac_members: Vec<Text>,
    pub meetings: Vec<Text>,
    /// The region's participation as Figura 3 of §2.6 lists it.
    #[serde(default)]
    pub regional_participation: Vec<Text>,
}

/// How one part of the reference material is named: its page's heading (also
/// its link) and the sentence that says what it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartTexts {
    pub heading: Text,
    pub summary: Text,
}

/// The seed's `[reference.*]` tables: one per part of the reference material it has.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ilac_areas: Option<PartTexts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table2: Option<PartTexts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_forces: Option<PartTexts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<PartTexts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decisions: Option<PartTexts>,
}

/// One part of the reference material.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferencePart {
    IlacAreas,
    Table2,
    TaskForces,
    Strategy,
    Decisions,
}

impl ReferencePart {
    pub const ALL: [ReferencePart; 5] =
        [ReferencePart::IlacAreas, ReferencePart::Table2, ReferencePart::TaskForces, ReferencePart::Strategy, ReferencePart::Decisions];

    /// The part's key in the seed (`[reference.<key>]`, and its own table).
    pub fn key(self) -> &'static str {
        match self {
            ReferencePart::IlacAreas => "ilac_areas",
            ReferencePart::Table2 => "table2",
            ReferencePart::TaskForces => "task_forces",
            ReferencePart::Strategy => "strategy",
            ReferencePart::Decisions => "decisions",
        }
    }
}

impl ReferenceTexts {
    /// Drops the names of the parts `keep` refuses.
    pub fn retain(&mut self, keep: impl Fn(ReferencePart) -> bool) {
        let parts = [
            (ReferencePart::IlacAreas, &mut self.ilac_areas),
            (ReferencePart::Table2, &mut self.table2),
            (ReferencePart::TaskForces, &mut self.task_forces),
            (ReferencePart::Strategy, &mut self.strategy),
            (ReferencePart::Decisions, &mut self.decisions),
        ];
        for (part, texts) in parts {
            if !keep(part) {
                *texts = None;
            }
        }
    }

    pub fn part(&self, part: ReferencePart) -> Option<&PartTexts> {
        match part {
            ReferencePart::IlacAreas => self.ilac_areas.as_ref(),
            ReferencePart::Table2 => self.table2.as_ref(),
            ReferencePart::TaskForces => self.task_forces.as_ref(),
            ReferencePart::Strategy => self.strategy.as_ref(),
            ReferencePart::Decisions => self.decisions.as_ref(),
        }
    }
}
