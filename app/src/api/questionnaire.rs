//! Session 4's questionnaire starts from sessions 1–3: the coordinator of a
//! mixed group lists the matrix rows of the first groups (with their tags)
//! and pulls one into an answer. Editing the answers is `save_cell`.

use crate::domain::cells::SaveOutcome;
use crate::domain::pull::PullableRow;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

#[server(prefix = "/api/fn", endpoint = "pullable_rows")]
pub async fn pullable_rows(group: String) -> Result<Vec<PullableRow>, AppError> {
    let ctx = guard(Action::on_group(ActionKind::EditGroupWork, &group))?;
    reply(&ctx, service::questionnaire::pullable(&ctx, &group).await)
}

/// Appends row `row` of group `source`'s matrix to text item `item` of
/// `group`'s questionnaire. `op` makes a replay harmless, as for `save_cell`.
#[server(prefix = "/api/fn", endpoint = "pull_matrix_row")]
pub async fn pull_matrix_row(group: String, item: String, source: String, row: i64, op: String) -> Result<SaveOutcome, AppError> {
    let ctx = guard(Action::on_group(ActionKind::EditGroupWork, &group))?;
    reply(&ctx, service::questionnaire::pull(&ctx, &group, &item, &source, row, &op).await)
}
