//! The meeting clock: everyone reads it; the committee runs it.

use crate::domain::clock_view::ClockView;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

#[server(prefix = "/api/fn", endpoint = "clock")]
pub async fn get_clock() -> Result<ClockView, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadProgramme))?;
    reply(&ctx, service::clock::view(&ctx.state, ctx.lang).await)
}

/// Runs a clock command on the current block: `start`, `pause`, `resume`,
/// `adjust` (with `minutes`, negative to shorten), `next`, `end`.
#[server(prefix = "/api/fn", endpoint = "clock_command")]
pub async fn clock_command(command: String, #[server(default)] minutes: Option<i32>) -> Result<ClockView, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::RunClock))?;
    reply(&ctx, service::clock::command(&ctx, &command, minutes).await)
}

/// Takes back the last clock command of the current block.
#[server(prefix = "/api/fn", endpoint = "clock_undo")]
pub async fn clock_undo() -> Result<ClockView, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::RunClock))?;
    reply(&ctx, service::clock::undo(&ctx).await)
}

/// Makes `block` the agenda block every screen's clock shows.
#[server(prefix = "/api/fn", endpoint = "clock_select_block")]
pub async fn clock_select_block(block: String) -> Result<ClockView, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::RunClock))?;
    reply(&ctx, service::clock::select_block(&ctx, &block).await)
}
