//! The meeting as plain Rust: types, rules and seed parsing. No web framework,
//! no database, no async runtime here, so everything is unit-testable.

pub mod action_plan;
pub mod answers;
pub mod author;
pub mod balance;
pub mod cells;
pub mod change;
pub mod clock;
pub mod clock_view;
pub mod common_areas;
pub mod delivery;
pub mod group;
pub mod join_code;
pub mod matrix;
pub mod matrix_fields;
pub mod matrix_rules;
pub mod meeting;
pub mod participant;
pub mod problem;
pub mod projector;
pub mod pull;
pub mod question;
pub mod questionnaire;
pub mod reference;
pub mod roles;
pub mod roster;
pub mod seed;
pub mod seed_change;
mod seed_rules;
pub mod seed_summary;
pub mod session;
pub mod slides;
pub mod text;
pub mod timebox;
pub mod typed_text;
pub mod views;

pub use seed::{parse_seed, Seed, SeedError};
pub use text::Text;
