//! One screen per file.

pub mod agenda;
pub mod answer;
pub mod clock;
pub mod committee;
mod committee_groups;
mod committee_mixed;
pub mod coordinate;
pub mod group_answers;
pub mod join;
pub mod matrix;
pub mod matrix_template;
pub mod me;
pub mod not_found;
pub mod plan;
pub mod plenary;
pub mod plenary_control;
pub mod reference_index;
pub mod reference_part;
pub mod session;

pub use agenda::AgendaPage;
pub use answer::AnswerPage;
pub use clock::ClockPage;
pub use committee::CommitteePage;
pub use coordinate::CoordinatePage;
pub use group_answers::GroupAnswersPage;
pub use join::JoinPage;
pub use matrix::MatrixPage;
pub use matrix_template::MatrixTemplatePage;
pub use me::MePage;
pub use not_found::NotFoundPage;
pub use plan::PlanPage;
pub use plenary::PlenaryPage;
pub use plenary_control::PlenaryControlPage;
pub use reference_index::ReferenceIndexPage;
pub use reference_part::ReferencePartPage;
pub use session::SessionPage;
