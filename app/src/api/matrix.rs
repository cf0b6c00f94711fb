//! A group's action-plan matrix: read it (the group, its coordinator, the
//! committee), and change it (its coordinator only, in the columns of the
//! session in progress, until the result is delivered).

use crate::domain::cells::{SaveOutcome, Version};
pub use crate::domain::views::work::{MatrixReference, MatrixView};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

#[server(prefix = "/api/fn", endpoint = "group_matrix")]
pub async fn group_matrix(group: String) -> Result<MatrixView, AppError> {
    let ctx = guard(Action::on_group(ActionKind::ReadGroupWork, &group))?;
    reply(&ctx, service::matrix::view(&ctx, &group).await)
}

/// Adds a row under `dimension`, empty or started from `origin` (the id of
/// a seed's proposal row or reference line).
#[server(prefix = "/api/fn", endpoint = "add_matrix_row")]
pub async fn add_matrix_row(group: String, dimension: String, #[server(default)] origin: Option<String>) -> Result<i64, AppError> {
    let ctx = guard(Action::on_group(ActionKind::EditGroupWork, &group))?;
    reply(&ctx, service::matrix::add_row(&ctx, &group, &dimension, origin.as_deref().filter(|o| !o.is_empty())).await)
}

#[server(prefix = "/api/fn", endpoint = "delete_matrix_row")]
pub async fn delete_matrix_row(group: String, row: i64) -> Result<(), AppError> {
    let ctx = guard(Action::on_group(ActionKind::EditGroupWork, &group))?;
    reply(&ctx, service::matrix::delete_row(&ctx, &group, row).await)
}

/// Brings back a row just deleted (the page's *Undo*).
#[server(prefix = "/api/fn", endpoint = "restore_matrix_row")]
pub async fn restore_matrix_row(group: String, row: i64) -> Result<(), AppError> {
    let ctx = guard(Action::on_group(ActionKind::EditGroupWork, &group))?;
    reply(&ctx, service::matrix::restore_row(&ctx, &group, row).await)
}

/// Moves a row one place up (`step` = -1) or down (1) in its dimension.
#[server(prefix = "/api/fn", endpoint = "move_matrix_row")]
pub async fn move_matrix_row(group: String, row: i64, step: i32) -> Result<(), AppError> {
    let ctx = guard(Action::on_group(ActionKind::EditGroupWork, &group))?;
    reply(&ctx, service::matrix::move_row(&ctx, &group, row, step).await)
}

/// Saves one cell (`key` as in `domain::cells::CellKey`), based on the
/// version the browser last saw. `op` identifies the edit: sending it again
/// (an offline replay) never applies it twice.
#[server(prefix = "/api/fn", endpoint = "save_cell")]
pub async fn save_cell(group: String, key: String, base: i64, text: String, op: String) -> Result<SaveOutcome, AppError> {
    let ctx = guard(Action::on_group(ActionKind::EditGroupWork, &group))?;
    reply(&ctx, service::cells::save(&ctx, &group, &key, base, &text, &op).await)
}

/// Checks this browser in as having the group's matrix open (every ~15 s
/// while it is) and returns who has it open now.
#[server(prefix = "/api/fn", endpoint = "matrix_presence")]
pub async fn matrix_presence(group: String) -> Result<Vec<String>, AppError> {
    let ctx = guard(Action::on_group(ActionKind::ReadGroupWork, &group))?;
    reply(&ctx, service::matrix::presence(&ctx, &group).await)
}

/// Every version of a cell, newest first.
#[server(prefix = "/api/fn", endpoint = "cell_history")]
pub async fn cell_history(group: String, key: String) -> Result<Vec<Version>, AppError> {
    let ctx = guard(Action::on_group(ActionKind::ReadGroupWork, &group))?;
    reply(&ctx, service::matrix::history(&ctx, &group, &key).await)
}

/// What the matrix screen shows beside the rows: columns and fields,
/// dimensions, proposal rows, and the reference material the meeting has
/// (names and lines; each part's page has the rest).
#[server(prefix = "/api/fn", endpoint = "matrix_reference")]
pub async fn get_matrix_reference() -> Result<MatrixReference, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadProgramme))?;
    reply(&ctx, service::meeting::matrix_reference(&ctx).await)
}
