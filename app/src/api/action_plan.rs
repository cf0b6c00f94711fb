//! The consolidated action plan (committee): every group's matrix
//! by dimension and area, the common areas first, and the session-4
//! summary. The exports (`crate::export`) are built from the same value.

pub use crate::domain::views::plenary::PlanView;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

#[server(prefix = "/api/fn", endpoint = "regional_plan")]
pub async fn regional_plan() -> Result<PlanView, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadCommitteeDashboard))?;
    reply(&ctx, service::action_plan::plan_view(&ctx.state, ctx.lang).await)
}
