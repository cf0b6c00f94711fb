//! Changes the realtime channel announces: a number and a topic, never the
//! data itself. Screens refetch what they show; the topic says who may hear
//! of it (a group's changes only reach that group and the committee).

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

/// The topic of changes to one group's work: "group:andina:matrix".
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
}
