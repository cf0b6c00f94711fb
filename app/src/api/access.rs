//! Joining the meeting and one's own browser session: who am I, join with the
//! code, change my profile, see my group, sign out.

pub use crate::domain::views::people::{GroupRoster, JoinForm, Me};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

#[server(prefix = "/api/fn", endpoint = "whoami")]
pub async fn whoami() -> Result<Me, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ManageOwnSession))?;
    reply(&ctx, service::access::me(&ctx).await)
}

#[server(prefix = "/api/fn", endpoint = "join_form")]
pub async fn get_join_form() -> Result<JoinForm, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadProgramme))?;
    reply(&ctx, service::access::join_form(&ctx).await)
}

/// Joins with the meeting code. An empty `group` means "the suggested one".
#[server(prefix = "/api/fn", endpoint = "join")]
pub async fn join_meeting(code: String, name: String, affiliation: String, sector: String, group: String) -> Result<Me, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::Join))?;
    let me = reply(&ctx, service::access::join(&ctx, &code, name, affiliation, sector, group).await)?;
    // Straight to the guiding questions: that is what a delegate joins for.
    leptos_axum::redirect("/answer");
    Ok(me)
}

#[server(prefix = "/api/fn", endpoint = "update_profile")]
pub async fn update_profile(name: String, affiliation: String, sector: String, group: String) -> Result<Me, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::UpdateOwnProfile))?;
    let me = reply(&ctx, service::access::update_profile(&ctx, name, affiliation, sector, group).await)?;
    leptos_axum::redirect("/me");
    Ok(me)
}

/// The groups this browser belongs to or coordinates, with their members.
#[server(prefix = "/api/fn", endpoint = "my_groups")]
pub async fn my_groups() -> Result<Vec<GroupRoster>, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ManageOwnSession))?;
    reply(&ctx, service::access::my_groups(&ctx).await)
}

#[server(prefix = "/api/fn", endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ManageOwnSession))?;
    reply(&ctx, service::access::sign_out(&ctx).await)?;
    leptos_axum::redirect("/");
    Ok(())
}
