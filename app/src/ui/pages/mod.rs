//! One screen per file.

pub mod agenda;
pub mod committee;
mod committee_groups;
pub mod coordinate;
pub mod decisions;
pub mod ilac;
pub mod join;
pub mod matrix_template;
pub mod me;
pub mod not_found;
pub mod reference_index;
pub mod session;
pub mod strategy;
pub mod table2;
pub mod task_forces;

pub use agenda::AgendaPage;
pub use committee::CommitteePage;
pub use coordinate::CoordinatePage;
pub use decisions::DecisionsPage;
pub use ilac::IlacPage;
pub use join::JoinPage;
pub use matrix_template::MatrixTemplatePage;
pub use me::MePage;
pub use not_found::NotFoundPage;
pub use reference_index::ReferenceIndexPage;
pub use session::SessionPage;
pub use strategy::StrategyPage;
pub use table2::Table2Page;
pub use task_forces::TaskForcesPage;
