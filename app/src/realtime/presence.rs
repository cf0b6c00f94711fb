//! Who has a group's matrix open right now (server only). Presence is
//! ephemeral by nature, so it lives in memory: each open matrix page checks
//! in every few seconds; an entry not renewed within `TTL` is gone.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a check-in counts: a little over two check-in intervals.
pub const TTL: Duration = Duration::from_secs(40);

/// Browser session → (name shown, last check-in), for one group.
type Present = HashMap<i64, (String, Instant)>;

#[derive(Default)]
pub struct Presence {
    /// Per group, who is there.
    groups: Mutex<HashMap<String, Present>>,
}

impl Presence {
    /// Records a check-in and returns the names present (sorted) and whether
    /// the set of people changed (someone arrived or left).
    pub fn check_in(&self, group: &str, session: i64, name: &str, now: Instant) -> (Vec<String>, bool) {
        let mut groups = self.groups.lock().unwrap_or_else(|p| p.into_inner());
        let here = groups.entry(group.to_string()).or_default();
        let before = here.len();
        here.retain(|_, (_, seen)| now.duration_since(*seen) < TTL);
        let left = here.len() != before;
        let arrived = here.insert(session, (name.to_string(), now)).is_none();
        let mut names: Vec<String> = here.values().map(|(n, _)| n.clone()).collect();
        names.sort();
        (names, arrived || left)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_appear_on_check_in_and_disappear_when_they_stop() {
        let p = Presence::default();
        let t0 = Instant::now();
        assert_eq!(p.check_in("andina", 1, "Ana", t0), (vec!["Ana".to_string()], true));
        assert_eq!(p.check_in("andina", 2, "Luis", t0), (vec!["Ana".to_string(), "Luis".to_string()], true));
        assert!(!p.check_in("andina", 1, "Ana", t0 + Duration::from_secs(30)).1, "a renewal changes nothing");
        let (names, changed) = p.check_in("andina", 1, "Ana", t0 + Duration::from_secs(50));
        assert_eq!((names, changed), (vec!["Ana".to_string()], true), "Luis stopped checking in");
        assert_eq!(p.check_in("caribe", 3, "Eva", t0).0, vec!["Eva".to_string()], "groups are separate");
    }
}
