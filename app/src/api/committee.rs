//! The organizing committee: signing in, the overview of groups and people,
//! coordinator links and promotions, and rotating the committee's token.
//! Also the coordinator's own sign-in through a link.

use crate::domain::group::GroupSet;
use crate::domain::roster::{CoordinatorLink, Member};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A link with the full address to share and its QR code (inline SVG).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedLink {
    pub url: String,
    pub qr_svg: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IssuedLink {
    pub link: CoordinatorLink,
    pub shared: SharedLink,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommitteeView {
    pub join_code: String,
    pub join: SharedLink,
    /// Group sets with the sessions that use them.
    pub group_sets: Vec<(GroupSet, Vec<u32>)>,
    pub links: Vec<IssuedLink>,
    pub participants: Vec<Member>,
}

/// Signs this browser in as the committee with the token of its sign-in link.
#[server(prefix = "/api/fn", endpoint = "committee_sign_in")]
pub async fn committee_sign_in(token: String) -> Result<(), AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ManageOwnSession))?;
    super::committee_impl::sign_in(&ctx, &token).await?;
    leptos_axum::redirect("/committee");
    Ok(())
}

/// Signs this browser in as coordinator of the link's group.
#[server(prefix = "/api/fn", endpoint = "coordinator_sign_in")]
pub async fn coordinator_sign_in(token: String) -> Result<(), AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ManageOwnSession))?;
    super::committee_impl::coordinator_sign_in(&ctx, &token).await?;
    leptos_axum::redirect("/me");
    Ok(())
}

#[server(prefix = "/api/fn", endpoint = "committee_overview")]
pub async fn committee_overview() -> Result<CommitteeView, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ReadCommitteeDashboard))?;
    super::committee_impl::overview(&ctx).await
}

/// Issues (or re-issues, revoking the old one) the group's coordinator or
/// deputy link.
#[server(prefix = "/api/fn", endpoint = "issue_coordinator_link")]
pub async fn issue_coordinator_link(group: String, deputy: bool) -> Result<IssuedLink, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_group(ActionKind::ManageCoordinators, &group))?;
    super::committee_impl::issue_link(&ctx, &group, deputy).await
}

#[server(prefix = "/api/fn", endpoint = "revoke_coordinator_link")]
pub async fn revoke_coordinator_link(group: String, deputy: bool) -> Result<(), AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_group(ActionKind::ManageCoordinators, &group))?;
    super::committee_impl::revoke_link(&ctx, &group, deputy).await
}

/// Makes a joined participant of `group` its coordinator (or deputy).
#[server(prefix = "/api/fn", endpoint = "promote_participant")]
pub async fn promote_participant(group: String, participant: i64, deputy: bool) -> Result<(), AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_group(ActionKind::ManageCoordinators, &group))?;
    super::committee_impl::promote(&ctx, &group, participant, deputy).await
}

#[server(prefix = "/api/fn", endpoint = "demote_participant")]
pub async fn demote_participant(group: String, participant: i64) -> Result<(), AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_group(ActionKind::ManageCoordinators, &group))?;
    super::committee_impl::demote(&ctx, &group, participant).await
}

/// A new committee token; every other committee browser is signed out.
/// Returns the new sign-in link (shown once).
#[server(prefix = "/api/fn", endpoint = "rotate_committee_token")]
pub async fn rotate_committee_token() -> Result<SharedLink, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::RotateCommitteeToken))?;
    super::committee_impl::rotate_token(&ctx).await
}
