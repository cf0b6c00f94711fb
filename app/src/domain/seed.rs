//! The seed file: everything a meeting needs, read from TOML and validated.
//!
//! Errors name the file, the field (as a path such as `sessions[2].guide`) and
//! what is wrong, so a seed author can fix them without reading code.

use super::action_plan::PlanTexts;
use super::group::GroupSet;
use super::matrix::MatrixTemplate;
use super::matrix_fields::ChoiceOption;
use super::meeting::{CoordinatorRole, Meeting};
use super::question::Guide;
use super::reference::{Decision, Dimension, IlacArea, ReferenceTexts, Strategy, Table2, TaskForce};
use super::session::{AgendaBlock, Session};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The seed format this build reads.
pub const SEED_FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seed {
    pub format: u32,
    /// The languages every text a person reads carries, Spanish (the
    /// document's, the authority) first. A seed without the list is Spanish only.
    #[serde(default = "spanish_only")]
    pub languages: Vec<String>,
    pub meeting: Meeting,
    pub coordinator: CoordinatorRole,
    pub agenda: Vec<AgendaBlock>,
    pub sessions: Vec<Session>,
    pub guides: Vec<Guide>,
    pub group_sets: Vec<GroupSet>,
    // Reference material: each part optional (a meeting may have none).
    #[serde(default)]
    pub ilac_areas: Vec<IlacArea>,
    pub dimensions: Vec<Dimension>,
    #[serde(default)]
    pub table2: Table2,
    pub matrix: MatrixTemplate,
    #[serde(default)]
    pub strategy: Strategy,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub task_forces: Vec<TaskForce>,
    pub plan: PlanTexts,
    /// The names of the reference material's parts.
    #[serde(default)]
    pub reference: ReferenceTexts,
}

impl Seed {
    /// What a seed leaves implicit, made explicit once after reading: the one
    /// text field of a column that lists none, and the options of a choice
    /// field drawn `from` a reference list.
    pub fn fill_in(&mut self) {
        self.matrix.fill_default_fields();
        let lists: Vec<(String, Vec<ChoiceOption>)> =
            REFERENCE_LISTS.iter().map(|name| (name.to_string(), self.reference_list(name).unwrap_or_default())).collect();
        for c in &mut self.matrix.columns {
            for f in &mut c.fields {
                if let Some((_, options)) = f.from.as_ref().and_then(|from| lists.iter().find(|(n, _)| n == from)) {
                    f.options = options.clone();
                }
            }
        }
    }

    /// A reference list of the seed as choice options, by its seed key.
    fn reference_list(&self, name: &str) -> Option<Vec<ChoiceOption>> {
        match name {
            "ilac_areas" => Some(
                self.ilac_areas
                    .iter()
                    .map(|a| ChoiceOption {
                        id: a.number.to_string(),
                        name: a.title.map(|t| format!("{}. {t}", a.number)),
                        short: Some(a.number.to_string()),
                    })
                    .collect(),
            ),
            "task_forces" => {
                Some(self.task_forces.iter().map(|t| ChoiceOption { id: t.id.clone(), name: t.name.clone(), short: None }).collect())
            }
            _ => None,
        }
    }
}

/// The reference lists a choice field may draw its options `from`.
pub const REFERENCE_LISTS: [&str; 2] = ["ilac_areas", "task_forces"];

fn spanish_only() -> Vec<String> {
    vec!["es".to_string()]
}

/// The head of a seed file, read first: which languages its texts must carry.
#[derive(Deserialize)]
struct Head {
    #[serde(default = "spanish_only")]
    languages: Vec<String>,
}

/// Why a seed was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedError {
    pub file: String,
    /// Path of the offending field, e.g. `sessions[2].guide`; empty for syntax errors.
    pub field: String,
    pub message: String,
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "invalid seed {}: {}", self.file, self.message)
        } else {
            write!(f, "invalid seed {}: field `{}`: {}", self.file, self.field, self.message)
        }
    }
}

impl std::error::Error for SeedError {}

/// Parses and validates a seed. `file` only labels errors.
pub fn parse_seed(file: &str, source: &str) -> Result<Seed, Vec<SeedError>> {
    let head: Head = toml::from_str(source).map_err(|e| vec![syntax_error(file, &e)])?;
    let language_problems = super::seed_rules::languages(&head.languages);
    if !language_problems.is_empty() {
        return Err(language_problems
            .into_iter()
            .map(|message| SeedError { file: file.to_string(), field: "languages".into(), message })
            .collect());
    }
    let seed: Seed = super::text::requiring(&head.languages, || {
        let de = toml::Deserializer::parse(source).map_err(|e| syntax_error(file, &e))?;
        serde_path_to_error::deserialize(de).map_err(|e| field_error(file, e))
    })
    .map_err(|e| vec![e])?;
    let mut seed = seed;
    seed.fill_in();
    let problems = super::seed_rules::validate(&seed);
    if problems.is_empty() {
        Ok(seed)
    } else {
        Err(problems.into_iter().map(|(field, message)| SeedError { file: file.to_string(), field, message }).collect())
    }
}

/// A value that does not fit its field (a missing translation among them),
/// named by its path, e.g. `guides[0].questions[2].text`.
fn field_error(file: &str, e: serde_path_to_error::Error<toml::de::Error>) -> SeedError {
    let field = e.path().to_string();
    let inner = e.into_inner();
    let field = if field == "." { String::new() } else { field };
    SeedError { file: file.to_string(), field, message: inner.to_string().trim().to_string() }
}

fn syntax_error(file: &str, e: &toml::de::Error) -> SeedError {
    // toml's message already names the key and shows the line; keep the first
    // line as the message and the rest (the excerpt) after it.
    SeedError { file: file.to_string(), field: String::new(), message: e.to_string().trim().to_string() }
}

#[cfg(test)]
#[path = "seed_tests.rs"]
pub(crate) mod tests;

#[cfg(test)]
#[path = "seed_source_tests.rs"]
mod source_tests;
