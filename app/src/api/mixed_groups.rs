//! Session 4's mixed groups: the committee has the app place everyone who
//! joined (balanced across groups and sectors), then moves people by hand.

use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

/// Places every participant without a session-4 group (`redo`: everyone,
/// from scratch). Returns how many were placed.
#[server(prefix = "/api/fn", endpoint = "assign_mixed_groups")]
pub async fn assign_mixed_groups(#[server(default)] redo: bool) -> Result<usize, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::SuperviseGroupWork))?;
    reply(&ctx, service::mixed_groups::assign(&ctx, redo).await)
}

/// Moves one participant to a session-4 group (`group` empty: none).
#[server(prefix = "/api/fn", endpoint = "move_to_mixed_group")]
pub async fn move_to_mixed_group(participant: i64, group: String) -> Result<(), AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::SuperviseGroupWork))?;
    reply(&ctx, service::mixed_groups::move_one(&ctx, participant, &group).await)
}
