//! Who is in a group and who coordinates it, as the screens show it.

use super::group::Sector;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CoordinatorRank {
    Coordinator,
    Deputy,
}

impl CoordinatorRank {
    pub fn from_deputy(deputy: bool) -> Self {
        if deputy {
            CoordinatorRank::Deputy
        } else {
            CoordinatorRank::Coordinator
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: i64,
    pub name: Option<String>,
    pub affiliation: String,
    pub sector: Sector,
    /// The session 1–3 group and, once assigned, the session-4 group.
    pub group: String,
    pub mixed_group: Option<String>,
    /// Set when the committee made this participant coordinator of `group`.
    pub rank: Option<CoordinatorRank>,
    /// The same for `mixed_group` (§4.1: every group, mixed ones too, has a coordinator).
    #[serde(default)]
    pub mixed_rank: Option<CoordinatorRank>,
}

impl Member {
    /// Their role in `group` (their session 1–3 group or their mixed one).
    pub fn rank_in(&self, group: &str) -> Option<CoordinatorRank> {
        if self.group == group {
            self.rank
        } else if self.mixed_group.as_deref() == Some(group) {
            self.mixed_rank
        } else {
            None
        }
    }

    /// How to show someone who gave no name: their affiliation.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.affiliation)
    }
}

/// A coordinator link the committee issued for a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoordinatorLink {
    pub id: i64,
    pub group: String,
    pub rank: CoordinatorRank,
    pub token: String,
    /// Unix ms.
    pub created_at: i64,
    /// Browsers signed in through this link.
    pub browsers: i64,
}
