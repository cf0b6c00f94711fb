//! Session 4's mixed groups: the committee has the app place everyone who
//! joined (balanced across groups and sectors), then moves people by hand.

use crate::error::AppError;
use leptos::prelude::*;

/// Places every participant without a session-4 group (`redo`: everyone,
/// from scratch). Returns how many were placed.
#[server(prefix = "/api/fn", endpoint = "assign_mixed_groups")]
pub async fn assign_mixed_groups(#[server(default)] redo: bool) -> Result<usize, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::SuperviseGroupWork))?;
    super::mixed_groups_impl::assign(&ctx, redo).await
}

/// Moves one participant to a session-4 group (`group` empty: none).
#[server(prefix = "/api/fn", endpoint = "move_to_mixed_group")]
pub async fn move_to_mixed_group(participant: i64, group: String) -> Result<(), AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::SuperviseGroupWork))?;
    super::mixed_groups_impl::move_one(&ctx, participant, &group).await
}
