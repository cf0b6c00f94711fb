//! The seed file: everything a meeting needs, read from TOML and validated.
//!
//! Errors name the file, the field (as a path such as `sessions[2].guide`) and
//! what is wrong, so a seed author can fix them without reading code.

use super::action_plan::PlanTexts;
use super::group::GroupSet;
use super::matrix::MatrixTemplate;
use super::meeting::{CoordinatorRole, Meeting};
use super::question::Guide;
use super::reference::{Dimension, Reference};
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
    pub dimensions: Vec<Dimension>,
    pub matrix: MatrixTemplate,
    pub plan: PlanTexts,
    /// The reference material, in the order the index lists it (a meeting may have none).
    #[serde(default)]
    pub reference: Vec<Reference>,
}

impl Seed {
    /// What a seed leaves implicit, made explicit once after reading: the one
    /// text field of a column that lists none, and the options of a choice
    /// field drawn `from` a reference list.
    pub fn fill_in(&mut self) {
        self.matrix.fill_default_fields();
        for c in &mut self.matrix.columns {
            for f in &mut c.fields {
                if let Some(list) = f.from.as_ref().and_then(|from| super::reference::list(&self.reference, from)) {
                    f.options = list.choice_options();
                }
            }
        }
    }

    /// The list a choice field may draw its options `from`, by its id.
    pub fn reference_list(&self, id: &str) -> Option<&Reference> {
        super::reference::list(&self.reference, id)
    }

    pub fn reference_part(&self, id: &str) -> Option<&Reference> {
        self.reference.iter().find(|r| r.id == id)
    }

    /// Whether a matrix line can start from `origin`: a proposal row, a
    /// table line or a list entry.
    pub fn knows_origin(&self, origin: &str) -> bool {
        self.matrix.rows.iter().any(|r| r.id == origin) || super::reference::reference_origin(&self.reference, origin).is_some()
    }
}

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

#[cfg(test)]
#[path = "seed_reference_tests.rs"]
mod reference_tests;
