//! The seed file: everything a meeting needs, read from TOML and validated.
//!
//! Errors name the file, the field (as a path such as `sessions[2].guide`) and
//! what is wrong, so a seed author can fix them without reading code.

use super::group::GroupSet;
use super::matrix::MatrixTemplate;
use super::meeting::{CoordinatorRole, Meeting};
use super::question::Guide;
use super::reference::{Decision, Dimension, IlacArea, Strategy, Table2, TaskForce};
use super::session::{AgendaBlock, Session};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The seed format this build reads.
pub const SEED_FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seed {
    pub format: u32,
    pub meeting: Meeting,
    pub coordinator: CoordinatorRole,
    pub agenda: Vec<AgendaBlock>,
    pub sessions: Vec<Session>,
    pub guides: Vec<Guide>,
    pub group_sets: Vec<GroupSet>,
    pub ilac_areas: Vec<IlacArea>,
    pub dimensions: Vec<Dimension>,
    pub table2: Table2,
    pub matrix: MatrixTemplate,
    pub strategy: Strategy,
    pub decisions: Vec<Decision>,
    pub task_forces: Vec<TaskForce>,
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
    let seed: Seed = toml::from_str(source).map_err(|e| vec![syntax_error(file, &e)])?;
    let problems = super::seed_rules::validate(&seed);
    if problems.is_empty() {
        Ok(seed)
    } else {
        Err(problems
            .into_iter()
            .map(|(field, message)| SeedError { file: file.to_string(), field, message })
            .collect())
    }
}

fn syntax_error(file: &str, e: &toml::de::Error) -> SeedError {
    // toml's message already names the key and shows the line; keep the first
    // line as the message and the rest (the excerpt) after it.
    SeedError { file: file.to_string(), field: String::new(), message: e.to_string().trim().to_string() }
}

#[cfg(test)]
#[path = "seed_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "seed_source_tests.rs"]
mod source_tests;
