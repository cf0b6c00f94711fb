//! Optional suggested minutes per guiding question (`domain::timebox`): the
//! group's coordinator sets them for the group, the committee for one group
//! or for every group of the same sessions at once.

use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

/// `minutes` as typed ("" or "0" clears the suggestion).
#[server(prefix = "/api/fn", endpoint = "set_timebox")]
pub async fn set_timebox(group: String, question: String, minutes: String, #[server(default)] every_group: bool) -> Result<(), AppError> {
    let ctx = guard(Action::on_group(ActionKind::PlanTime, &group))?;
    reply(&ctx, service::timebox::set(&ctx, &group, &question, &minutes, every_group).await)
}
