//! The committee drives the plenary projector from its own laptop: what it
//! shows (all groups, one group, one column compared, the common areas) and
//! freezing it on a snapshot while the groups keep editing.

pub use crate::domain::views::people::JoinDetails;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

/// `mode`: groups, focus (target: a group), compare (target: a column),
/// common, clock, join.
#[server(prefix = "/api/fn", endpoint = "set_projector")]
pub async fn set_projector(mode: String, #[server(default)] target: String) -> Result<(), AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::DriveProjector))?;
    reply(&ctx, service::projector::set_show(&ctx, &mode, &target).await)
}

/// Freezes the projector on what it shows now (`frozen=true`) or goes live again.
#[server(prefix = "/api/fn", endpoint = "freeze_projector")]
pub async fn freeze_projector(frozen: bool) -> Result<(), AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::DriveProjector))?;
    reply(&ctx, service::projector::freeze(&ctx, frozen).await)
}

/// Shows `page` (counted from 0) from now on; `every` seconds > 0 turns the
/// pages by themselves (one of `ADVANCE_SECONDS`).
#[server(prefix = "/api/fn", endpoint = "page_projector")]
pub async fn page_projector(page: u32, #[server(default)] every: u32) -> Result<(), AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::DriveProjector))?;
    reply(&ctx, service::projector::set_page(&ctx, page, every).await)
}

/// For the committee's screens (the projector's clock shows it in a corner).
#[server(prefix = "/api/fn", endpoint = "join_card")]
pub async fn join_card() -> Result<JoinDetails, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadCommitteeDashboard))?;
    reply(&ctx, service::projector::join_card(&ctx).await)
}
