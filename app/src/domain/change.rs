//! Changes the realtime channel announces: a number and a topic, never the
//! data itself. Screens refetch what they show; the topic says who may hear
//! of it (a group's changes only reach that group and the committee), and a
//! connection's `Interest` says which topics its screens show: it hears a
//! change only when both agree.

use super::roles::Caller;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Strictly increasing, never reused (also across restarts).
    pub id: i64,
    pub topic: String,
}

pub const CLOCK: &str = "clock";
/// Joins, coordinator links and promotions (the committee's page).
pub const PEOPLE: &str = "people";
/// What the plenary projector shows (the committee's choice).
pub const PROJECTOR: &str = "projector";

/// What changed in a group's work (the last part of its topic).
pub const MATRIX: &str = "matrix";
pub const ANSWERS: &str = "answers";
pub const PRESENCE: &str = "presence";
/// Deliveries concern the committee's overview as well as the group.
pub const DELIVERY: &str = "delivery";

/// The topic of changes to one group's work: "group:<id>:matrix".
pub fn group_topic(group: &str, what: &str) -> String {
    format!("group:{group}:{what}")
}

/// The group a topic concerns, if it is a group topic.
pub fn group_of(topic: &str) -> Option<&str> {
    let rest = topic.strip_prefix("group:")?;
    Some(rest.split_once(':').map_or(rest, |(g, _)| g))
}

/// Whether `caller` may be told that `topic` changed.
pub fn visible_to(topic: &str, caller: &Caller) -> bool {
    match group_of(topic) {
        Some(group) => {
            caller.committee
                || caller.coordinates.iter().any(|g| g == group)
                || (caller.participant.is_some() && caller.member_of.iter().any(|g| g == group))
        }
        None if topic == PROJECTOR => caller.committee,
        None if topic == PEOPLE => caller.committee || caller.participant.is_some() || !caller.coordinates.is_empty(),
        None => true,
    }
}

/// The most patterns one connection may name (a page watches a handful).
pub const MAX_PATTERNS: usize = 32;

/// One topic pattern a screen watches: `clock` (that topic), `group:<id>:*`
/// (every topic starting so), `*:delivery` (every topic ending so).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pattern {
    Exact(String),
    Prefix(String),
    Suffix(String),
}

impl Pattern {
    pub fn parse(text: &str) -> Option<Pattern> {
        let text = text.trim();
        if text.is_empty() || text.len() > 100 {
            return None;
        }
        match (text.strip_prefix('*'), text.strip_suffix('*')) {
            (Some(rest), _) if !rest.contains('*') => Some(Pattern::Suffix(rest.to_string())),
            (_, Some(rest)) if !rest.contains('*') => Some(Pattern::Prefix(rest.to_string())),
            _ if !text.contains('*') => Some(Pattern::Exact(text.to_string())),
            _ => None,
        }
    }

    pub fn matches(&self, topic: &str) -> bool {
        match self {
            Pattern::Exact(t) => topic == t,
            Pattern::Prefix(p) => topic.starts_with(p.as_str()),
            Pattern::Suffix(s) => topic.ends_with(s.as_str()),
        }
    }
}

/// What a connection's screens show. `All` when it did not say (a client
/// that names no patterns hears everything it may see, as before).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Interest {
    #[default]
    All,
    Only(Vec<Pattern>),
}

impl Interest {
    /// Reads a comma-separated list; unreadable patterns are skipped, and a
    /// list with none readable (or too many) means `All`: a client is never
    /// left deaf by a malformed request.
    pub fn parse(list: Option<&str>) -> Interest {
        let Some(list) = list else { return Interest::All };
        let patterns: Vec<Pattern> = list.split(',').filter_map(Pattern::parse).collect();
        if patterns.is_empty() || patterns.len() > MAX_PATTERNS {
            return Interest::All;
        }
        Interest::Only(patterns)
    }

    pub fn wants(&self, topic: &str) -> bool {
        match self {
            Interest::All => true,
            Interest::Only(patterns) => patterns.iter().any(|p| p.matches(topic)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_is_for_everyone_and_a_group_for_its_people() {
        let anyone = Caller::default();
        let andino = Caller { participant: Some(1), member_of: vec!["andina".into()], ..Caller::default() };
        let committee = Caller { committee: true, ..Caller::default() };
        assert!(visible_to(CLOCK, &anyone));
        assert!(!visible_to(&group_topic("andina", MATRIX), &anyone));
        assert!(visible_to(&group_topic("andina", MATRIX), &andino));
        assert!(!visible_to(&group_topic("caribe", ANSWERS), &andino));
        assert!(visible_to(&group_topic("caribe", MATRIX), &committee));
        assert_eq!(group_of("group:mixto-1:answers"), Some("mixto-1"));
        assert_eq!(group_of("clock"), None);
        assert!(!visible_to(PEOPLE, &anyone));
        assert!(visible_to(PEOPLE, &andino));
        assert!(!visible_to(PROJECTOR, &andino) && visible_to(PROJECTOR, &committee));
    }

    #[test]
    fn a_connection_hears_the_topics_its_screens_watch() {
        let i = Interest::parse(Some("clock,group:andina:*,*:delivery"));
        assert!(i.wants(CLOCK));
        assert!(i.wants("group:andina:matrix"));
        assert!(i.wants("group:caribe:delivery"));
        assert!(!i.wants("group:caribe:matrix"));
        assert!(!i.wants(PEOPLE));
        assert!(!i.wants("clockwork"), "exact means exact");
    }

    #[test]
    fn malformed_or_missing_interest_means_everything_visible() {
        assert_eq!(Interest::parse(None), Interest::All);
        assert_eq!(Interest::parse(Some("")), Interest::All);
        assert_eq!(Interest::parse(Some("a*b,**")), Interest::All);
        let many = vec!["clock"; MAX_PATTERNS + 1].join(",");
        assert_eq!(Interest::parse(Some(&many)), Interest::All);
        assert_eq!(Interest::parse(Some(" clock ,x*y")), Interest::Only(vec![Pattern::Exact("clock".into())]));
    }
}
