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
    /// One matrix column across every group.
    Compare(String),
    /// The areas the groups have in common.
    Common,
    /// The session's clock, full screen.
    Clock,
    /// The join code and its QR code, full screen, for latecomers.
    Join,
}

impl Show {
    /// Stored and sent as (mode, target).
    pub fn encode(&self) -> (&'static str, Option<&str>) {
        match self {
            Show::Groups => ("groups", None),
            Show::Focus(g) => ("focus", Some(g)),
            Show::Compare(c) => ("compare", Some(c)),
            Show::Common => ("common", None),
            Show::Clock => ("clock", None),
            Show::Join => ("join", None),
        }
    }

    /// `None` for an unknown mode or a missing target.
    pub fn parse(mode: &str, target: Option<&str>) -> Option<Show> {
        let target = target.map(str::trim).filter(|t| !t.is_empty()).map(String::from);
        match (mode, target) {
            ("groups", _) => Some(Show::Groups),
            ("common", _) => Some(Show::Common),
            ("clock", _) => Some(Show::Clock),
            ("join", _) => Some(Show::Join),
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
            Some("clock") => Some(Show::Clock),
            Some("join") => Some(Show::Join),
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
    #[serde(default)]
    pub paging: Paging,
}

/// Which page of what is shown: chosen by the remote (or the projector's
/// own clicker), or turning by itself every `every_secs` seconds. Stored as
/// a page and when it was chosen, so every screen computes the same page
/// from its clock without the server ticking.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paging {
    pub page: u32,
    /// When `page` was chosen (unix ms).
    pub since: i64,
    /// 0: turned by hand.
    pub every_secs: u32,
}

/// What the remote offers for turning pages by themselves (0: by hand).
pub const ADVANCE_SECONDS: [u32; 5] = [0, 10, 20, 30, 60];

impl Paging {
    /// The page shown now, of `pages` (the last one if fewer pages are left
    /// than the page chosen; from the start again after the last one when
    /// turning by itself).
    pub fn current(&self, pages: usize, now: i64) -> usize {
        let pages = pages.max(1);
        let chosen = (self.page as usize).min(pages - 1);
        match self.every_secs {
            0 => chosen,
            every => {
                let turned = (now - self.since).max(0) / (i64::from(every) * 1000);
                (chosen + turned as usize) % pages
            }
        }
    }

    /// The page `step` pages from the current one, kept within `pages`.
    pub fn step(&self, pages: usize, now: i64, step: i64) -> u32 {
        let to = self.current(pages, now) as i64 + step;
        to.clamp(0, pages.max(1) as i64 - 1) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_round_trip_through_their_stored_form() {
        for show in [Show::Groups, Show::Focus("andina".into()), Show::Compare("indicadores".into()), Show::Common, Show::Clock, Show::Join]
        {
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

    #[test]
    fn a_page_chosen_by_hand_stays_and_is_kept_within_the_pages_left() {
        let p = Paging { page: 4, since: 1_000, every_secs: 0 };
        assert_eq!(p.current(6, 999_999), 4);
        assert_eq!(p.current(3, 0), 2, "fewer pages now: the last");
        assert_eq!(p.current(0, 0), 0);
        assert_eq!(p.step(6, 0, 1), 5);
        assert_eq!(p.step(6, 0, 5), 5);
        assert_eq!(p.step(6, 0, -9), 0);
    }

    #[test]
    fn pages_turn_by_themselves_from_when_they_were_chosen_and_start_again() {
        let p = Paging { page: 1, since: 10_000, every_secs: 20 };
        assert_eq!(p.current(3, 10_000), 1);
        assert_eq!(p.current(3, 29_999), 1);
        assert_eq!(p.current(3, 30_000), 2);
        assert_eq!(p.current(3, 50_000), 0, "after the last, the first");
        assert_eq!(p.current(3, 5_000), 1, "a clock behind the server's never goes back");
        assert_eq!(p.step(3, 30_000, 1), 2);
    }
}
