//! What the plenary projector shows, chosen by the committee from its own
//! laptop and stored on the server so the projector (another browser) and
//! any reload follow it; and whether it is frozen on a snapshot.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Show {
    /// Every group of the session side by side.
    #[default]
    Groups,
    /// One group alone, for its coordinator's presentation.
    Focus(String),
    /// One Anexo IV column across every group.
    Compare(String),
    /// The areas the groups have in common.
    Common,
}

impl Show {
    /// Stored and sent as (mode, target).
    pub fn encode(&self) -> (&'static str, Option<&str>) {
        match self {
            Show::Groups => ("groups", None),
            Show::Focus(g) => ("focus", Some(g)),
            Show::Compare(c) => ("compare", Some(c)),
            Show::Common => ("common", None),
        }
    }

    /// `None` for an unknown mode or a missing target.
    pub fn parse(mode: &str, target: Option<&str>) -> Option<Show> {
        let target = target.map(str::trim).filter(|t| !t.is_empty()).map(String::from);
        match (mode, target) {
            ("groups", _) => Some(Show::Groups),
            ("common", _) => Some(Show::Common),
            ("focus", Some(g)) => Some(Show::Focus(g)),
            ("compare", Some(c)) => Some(Show::Compare(c)),
            _ => None,
        }
    }

    /// What a page's query asks for (`?focus=`, `?compare=`, `?show=common`),
    /// overriding the committee's choice on that screen only.
    pub fn from_query(focus: Option<&str>, compare: Option<&str>, show: Option<&str>) -> Option<Show> {
        let some = |s: Option<&str>| s.map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        if let Some(g) = some(focus) {
            return Some(Show::Focus(g));
        }
        if let Some(c) = some(compare) {
            return Some(Show::Compare(c));
        }
        match show {
            Some("common") => Some(Show::Common),
            Some("groups") => Some(Show::Groups),
            _ => None,
        }
    }
}

/// The projector as the committee set it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Projector {
    pub show: Show,
    /// When it was frozen (unix ms); `None`: live.
    pub frozen_at: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_round_trip_through_their_stored_form() {
        for show in [Show::Groups, Show::Focus("andina".into()), Show::Compare("indicadores".into()), Show::Common] {
            let (mode, target) = show.encode();
            assert_eq!(Show::parse(mode, target), Some(show.clone()));
        }
    }

    #[test]
    fn a_focus_without_a_group_or_an_unknown_mode_is_refused() {
        assert_eq!(Show::parse("focus", None), None);
        assert_eq!(Show::parse("focus", Some("  ")), None);
        assert_eq!(Show::parse("zoom", Some("andina")), None);
    }

    #[test]
    fn the_query_overrides_in_a_fixed_order() {
        assert_eq!(Show::from_query(Some("andina"), Some("indicadores"), None), Some(Show::Focus("andina".into())));
        assert_eq!(Show::from_query(None, Some("indicadores"), Some("common")), Some(Show::Compare("indicadores".into())));
        assert_eq!(Show::from_query(None, None, Some("common")), Some(Show::Common));
        assert_eq!(Show::from_query(Some(""), None, Some("whatever")), None);
    }
}
