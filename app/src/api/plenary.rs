//! The plenary projector (committee): every group of the session in
//! progress side by side with its results, live, with the join code for
//! latecomers.

pub use crate::domain::views::plenary::{PlenaryGroup, PlenaryView, PlenaryWork};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

#[server(prefix = "/api/fn", endpoint = "plenary")]
pub async fn plenary() -> Result<PlenaryView, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadCommitteeDashboard))?;
    reply(&ctx, service::plenary::view(&ctx).await)
}
