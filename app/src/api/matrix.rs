//! A group's action-plan matrix: read it (the group, its coordinator, the
//! committee), and change it (its coordinator only, in the columns of the
//! session in progress, until the result is delivered).

use crate::domain::cells::{SaveOutcome, Version};
use crate::domain::group::Group;
use crate::domain::matrix_fields::FieldId;
use crate::domain::matrix_rules::MatrixRow;
use crate::domain::session::Session;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The live part of a group's matrix (reference material comes separately,
/// from `matrix_reference`, as it never changes during the meeting).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixView {
    pub group: Group,
    /// The session in progress, if this group works in it.
    pub session: Option<Session>,
    /// Whether this browser coordinates the group.
    pub coordinator: bool,
    /// Fields this browser may change now (empty when read-only).
    pub editable: Vec<FieldId>,
    /// Whether rows may be added, moved or deleted now.
    pub rows_editable: bool,
    /// Sessions whose result the group delivered.
    pub delivered: Vec<u32>,
    pub rows: Vec<MatrixRow>,
    /// For groups whose sessions fill no matrix columns (session 4): the
    /// guide whose questionnaire they fill instead, and its cells by item.
    pub questionnaire: Option<crate::domain::question::Guide>,
    pub answers: std::collections::BTreeMap<String, crate::domain::cells::Cell>,
    /// Whether this browser may change the questionnaire now.
    pub questionnaire_open: bool,
}

#[server(prefix = "/api/fn", endpoint = "group_matrix")]
pub async fn group_matrix(group: String) -> Result<MatrixView, AppError> {
    super::matrix_impl::view(&group).await
}

/// Adds a row under `dimension`, empty or started from `origin` (the id of
/// a seed's proposal row or reference line).
#[server(prefix = "/api/fn", endpoint = "add_matrix_row")]
pub async fn add_matrix_row(group: String, dimension: String, #[server(default)] origin: Option<String>) -> Result<i64, AppError> {
    super::matrix_impl::add_row(&group, &dimension, origin.as_deref().filter(|o| !o.is_empty())).await
}

#[server(prefix = "/api/fn", endpoint = "delete_matrix_row")]
pub async fn delete_matrix_row(group: String, row: i64) -> Result<(), AppError> {
    super::matrix_impl::delete_row(&group, row).await
}

/// Brings back a row just deleted (the page's *Undo*).
#[server(prefix = "/api/fn", endpoint = "restore_matrix_row")]
pub async fn restore_matrix_row(group: String, row: i64) -> Result<(), AppError> {
    super::matrix_impl::restore_row(&group, row).await
}

/// Moves a row one place up (`step` = -1) or down (1) in its dimension.
#[server(prefix = "/api/fn", endpoint = "move_matrix_row")]
pub async fn move_matrix_row(group: String, row: i64, step: i32) -> Result<(), AppError> {
    super::matrix_impl::move_row(&group, row, step).await
}

/// Saves one cell (`key` as in `domain::cells::CellKey`), based on the
/// version the browser last saw. `op` identifies the edit: sending it again
/// (an offline replay) never applies it twice.
#[server(prefix = "/api/fn", endpoint = "save_cell")]
pub async fn save_cell(group: String, key: String, base: i64, text: String, op: String) -> Result<SaveOutcome, AppError> {
    super::matrix_impl::save(&group, &key, base, &text, &op).await
}

/// Checks this browser in as having the group's matrix open (every ~15 s
/// while it is) and returns who has it open now.
#[server(prefix = "/api/fn", endpoint = "matrix_presence")]
pub async fn matrix_presence(group: String) -> Result<Vec<String>, AppError> {
    super::matrix_impl::presence(&group).await
}

/// Every version of a cell, newest first.
#[server(prefix = "/api/fn", endpoint = "cell_history")]
pub async fn cell_history(group: String, key: String) -> Result<Vec<Version>, AppError> {
    super::matrix_impl::history(&group, &key).await
}

/// What the matrix screen shows beside the rows: columns and fields,
/// dimensions, proposal rows, and the reference material the meeting has
/// (names and lines; each part's page has the rest).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixReference {
    pub template: crate::domain::views::MatrixTemplateView,
    pub references: Vec<crate::domain::reference::Reference>,
}

#[server(prefix = "/api/fn", endpoint = "matrix_reference")]
pub async fn get_matrix_reference() -> Result<MatrixReference, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ReadProgramme))?;
    let seed = super::context::reader_seed(&ctx.state).await?;
    Ok(MatrixReference {
        template: crate::domain::views::matrix_template(&seed),
        references: seed.reference.iter().map(|r| r.outline()).collect(),
    })
}
