//! Handing a group's result for a session to the committee (which locks it),
//! and the committee reopening it.

use crate::domain::delivery::Delivery;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

#[server(prefix = "/api/fn", endpoint = "deliver_group_work")]
pub async fn deliver_group_work(group: String, session: u32) -> Result<(), AppError> {
    let ctx = guard(Action::on_group(ActionKind::EditGroupWork, &group))?;
    reply(&ctx, service::delivery::set(&ctx, &group, session, true).await)
}

#[server(prefix = "/api/fn", endpoint = "reopen_group_work")]
pub async fn reopen_group_work(group: String, session: u32) -> Result<(), AppError> {
    let ctx = guard(Action::on_group(ActionKind::SuperviseGroupWork, &group))?;
    reply(&ctx, service::delivery::set(&ctx, &group, session, false).await)
}

/// Every delivery of the meeting (for the committee's overview).
#[server(prefix = "/api/fn", endpoint = "deliveries")]
pub async fn deliveries() -> Result<Vec<Delivery>, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadCommitteeDashboard))?;
    reply(&ctx, service::delivery::all(&ctx).await)
}
