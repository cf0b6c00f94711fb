//! The organizing committee: signing in, the overview of groups and people,
//! coordinator links and promotions, and rotating the committee's token.
//! Also the coordinator's own sign-in through a link.

pub use crate::domain::views::people::{CommitteeView, IssuedLink, SharedLink};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::context::{guard, reply},
    crate::domain::roles::{Action, ActionKind},
    crate::service,
};

/// Signs this browser in as the committee with the token of its sign-in link.
#[server(prefix = "/api/fn", endpoint = "committee_sign_in")]
pub async fn committee_sign_in(token: String) -> Result<(), AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ManageOwnSession))?;
    reply(&ctx, service::committee::sign_in(&ctx, &token).await)?;
    leptos_axum::redirect("/committee");
    Ok(())
}

/// Signs this browser in as coordinator of the link's group.
#[server(prefix = "/api/fn", endpoint = "coordinator_sign_in")]
pub async fn coordinator_sign_in(token: String) -> Result<(), AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ManageOwnSession))?;
    reply(&ctx, service::committee::coordinator_sign_in(&ctx, &token).await)?;
    leptos_axum::redirect("/me");
    Ok(())
}

#[server(prefix = "/api/fn", endpoint = "committee_overview")]
pub async fn committee_overview() -> Result<CommitteeView, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::ReadCommitteeDashboard))?;
    reply(&ctx, service::committee::overview(&ctx).await)
}

/// Issues (or re-issues, revoking the old one) the group's coordinator or
/// deputy link.
#[server(prefix = "/api/fn", endpoint = "issue_coordinator_link")]
pub async fn issue_coordinator_link(group: String, deputy: bool) -> Result<IssuedLink, AppError> {
    let ctx = guard(Action::on_group(ActionKind::ManageCoordinators, &group))?;
    reply(&ctx, service::committee::issue_link(&ctx, &group, deputy).await)
}

#[server(prefix = "/api/fn", endpoint = "revoke_coordinator_link")]
pub async fn revoke_coordinator_link(group: String, deputy: bool) -> Result<(), AppError> {
    let ctx = guard(Action::on_group(ActionKind::ManageCoordinators, &group))?;
    reply(&ctx, service::committee::revoke_link(&ctx, &group, deputy).await)
}

/// Makes a joined participant of `group` its coordinator (or deputy).
#[server(prefix = "/api/fn", endpoint = "promote_participant")]
pub async fn promote_participant(group: String, participant: i64, deputy: bool) -> Result<(), AppError> {
    let ctx = guard(Action::on_group(ActionKind::ManageCoordinators, &group))?;
    reply(&ctx, service::committee::promote(&ctx, &group, participant, deputy).await)
}

#[server(prefix = "/api/fn", endpoint = "demote_participant")]
pub async fn demote_participant(group: String, participant: i64) -> Result<(), AppError> {
    let ctx = guard(Action::on_group(ActionKind::ManageCoordinators, &group))?;
    reply(&ctx, service::committee::demote(&ctx, &group, participant).await)
}

/// A new committee token; every other committee browser is signed out.
/// Returns the new sign-in link (shown once).
#[server(prefix = "/api/fn", endpoint = "rotate_committee_token")]
pub async fn rotate_committee_token() -> Result<SharedLink, AppError> {
    let ctx = guard(Action::on_meeting(ActionKind::RotateCommitteeToken))?;
    reply(&ctx, service::committee::rotate_token(&ctx).await)
}
