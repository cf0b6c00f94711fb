//! Joining the meeting and one's own browser session: who am I, join with the
//! code, change my profile, see my group, sign out.

use crate::domain::group::GroupSet;
use crate::domain::roster::Member;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What this browser is, for the header and the pages that adapt to it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub committee: bool,
    pub participant: Option<Member>,
    pub coordinates: Vec<String>,
    /// Names of the groups above (key, name), to show them.
    pub group_names: Vec<(String, crate::domain::Text)>,
}

impl Me {
    pub fn group_name(&self, key: &str) -> Option<&crate::domain::Text> {
        self.group_names.iter().find(|(k, _)| k == key).map(|(_, n)| n)
    }

    pub fn signed_in(&self) -> bool {
        self.committee || self.participant.is_some() || !self.coordinates.is_empty()
    }
}

/// What the join form offers: the groups of sessions 1–3 (with their
/// countries, so the browser can suggest one) and the known affiliations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoinForm {
    pub groups: GroupSet,
    /// The sessions those groups work in ("1–3"); empty when they work in
    /// every session, so the group needs no qualifier.
    pub sessions: String,
    pub affiliations: Vec<String>,
    /// Filled from `?code=` links and QR codes.
    pub me: Me,
}

/// A group as its members see it: who coordinates and who is in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupRoster {
    pub group: crate::domain::group::Group,
    pub members: Vec<Member>,
    /// Coordinators through a committee link (they may not have joined).
    pub link_coordinators: Vec<crate::domain::roster::CoordinatorRank>,
}

#[server(prefix = "/api/fn", endpoint = "whoami")]
pub async fn whoami() -> Result<Me, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ManageOwnSession))?;
    super::access_impl::me(&ctx).await
}

#[server(prefix = "/api/fn", endpoint = "join_form")]
pub async fn get_join_form() -> Result<JoinForm, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ReadProgramme))?;
    super::access_impl::join_form(&ctx).await
}

/// Joins with the meeting code. An empty `group` means "the suggested one".
#[server(prefix = "/api/fn", endpoint = "join")]
pub async fn join_meeting(code: String, name: String, affiliation: String, sector: String, group: String) -> Result<Me, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::Join))?;
    let me = super::access_impl::join(&ctx, &code, name, affiliation, sector, group).await?;
    // Straight to the guiding questions: that is what a delegate joins for.
    leptos_axum::redirect("/answer");
    Ok(me)
}

#[server(prefix = "/api/fn", endpoint = "update_profile")]
pub async fn update_profile(name: String, affiliation: String, sector: String, group: String) -> Result<Me, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::UpdateOwnProfile))?;
    let me = super::access_impl::update_profile(&ctx, name, affiliation, sector, group).await?;
    leptos_axum::redirect("/me");
    Ok(me)
}

/// The groups this browser belongs to or coordinates, with their members.
#[server(prefix = "/api/fn", endpoint = "my_groups")]
pub async fn my_groups() -> Result<Vec<GroupRoster>, AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ManageOwnSession))?;
    super::access_impl::my_groups(&ctx).await
}

#[server(prefix = "/api/fn", endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::domain::roles::{Action, ActionKind};
    let ctx = super::context::guard(Action::on_meeting(ActionKind::ManageOwnSession))?;
    super::access_impl::sign_out(&ctx).await?;
    leptos_axum::redirect("/");
    Ok(())
}
