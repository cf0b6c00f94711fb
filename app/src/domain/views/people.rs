//! What the people screens receive: this browser's own roles, the join
//! form, a group's roster, the committee's overview and the links it shares.

use crate::domain::group::{Group, GroupSet};
use crate::domain::roster::{CoordinatorLink, CoordinatorRank, Member};
use crate::domain::Text;
use serde::{Deserialize, Serialize};

/// What this browser is, for the header and the pages that adapt to it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub committee: bool,
    pub participant: Option<Member>,
    pub coordinates: Vec<String>,
    /// Names of the groups above (key, name), to show them.
    pub group_names: Vec<(String, Text)>,
}

impl Me {
    pub fn group_name(&self, key: &str) -> Option<&Text> {
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
    pub group: Group,
    pub members: Vec<Member>,
    /// Coordinators through a committee link (they may not have joined).
    pub link_coordinators: Vec<CoordinatorRank>,
}

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

/// The join code, its link and QR code, for a slide or a corner of one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoinDetails {
    pub code: String,
    pub link: SharedLink,
}
