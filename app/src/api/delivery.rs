//! Handing a group's result for a session to the committee (which locks it),
//! and the committee reopening it.

use crate::domain::delivery::Delivery;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api/fn", endpoint = "deliver_group_work")]
pub async fn deliver_group_work(group: String, session: u32) -> Result<(), AppError> {
    use crate::domain::roles::ActionKind;
    super::delivery_impl::set(ActionKind::EditGroupWork, &group, session, true).await
}

#[server(prefix = "/api/fn", endpoint = "reopen_group_work")]
pub async fn reopen_group_work(group: String, session: u32) -> Result<(), AppError> {
    use crate::domain::roles::ActionKind;
    super::delivery_impl::set(ActionKind::SuperviseGroupWork, &group, session, false).await
}

/// Every delivery of the meeting (for the committee's overview).
#[server(prefix = "/api/fn", endpoint = "deliveries")]
pub async fn deliveries() -> Result<Vec<Delivery>, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ReadCommitteeDashboard))?;
    Ok(crate::db::deliveries::all(&ctx.state.pool, ctx.state.meeting).await?)
}
