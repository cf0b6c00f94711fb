//! The browser side: one Server-Sent Events connection per page, shared
//! through context. It counts changes per topic; resources use
//! `Live::watch(topic)` as their source and refetch when it moves. On a gap
//! in change numbers, a "resync" from the server, or a reconnection after
//! missed changes, every watcher refetches (a resync).
//!
//! During server rendering there is no connection: status is `Connecting` and
//! watchers never move.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The SSE endpoint.
pub const EVENTS_URL: &str = "/api/v1/events";
/// The `<meta>` in which the server writes the newest change number when it
/// renders a page: what the page's data already contains.
pub const CHANGE_META: &str = "plenaria-change";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkStatus {
    Connecting,
    Live,
    Reconnecting,
    Offline,
}

/// What the connection has seen; shared by every screen of the page.
#[derive(Clone, Copy)]
pub struct Live {
    pub status: RwSignal<LinkStatus>,
    per_topic: RwSignal<HashMap<String, u64>>,
    resyncs: RwSignal<u64>,
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    last_id: StoredValue<Option<i64>>,
    /// The change number the server rendered this page at.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    rendered_at: StoredValue<Option<i64>>,
    /// Set when the connection is reopened for a new identity: the old one
    /// may have counted changes whose topic it was not told, so the next
    /// greeting refetches everything whatever its number.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    identity_changed: StoredValue<bool>,
    /// Changes heard while the page was still hydrating, held back: a screen
    /// whose code arrives later must hydrate against the data the server
    /// drew it with (a resource refetching at that moment made hydration
    /// fail and left the page dead). One resync follows hydration instead.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    held_back: StoredValue<bool>,
}

#[derive(Deserialize)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
struct ChangeData {
    id: i64,
    topic: String,
}

#[derive(Deserialize)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
struct HelloData {
    latest: i64,
}

impl Live {
    fn new() -> Self {
        Live {
            status: RwSignal::new(LinkStatus::Connecting),
            per_topic: RwSignal::new(HashMap::new()),
            resyncs: RwSignal::new(0),
            last_id: StoredValue::new(None),
            rendered_at: StoredValue::new(None),
            identity_changed: StoredValue::new(false),
            held_back: StoredValue::new(false),
        }
    }

    /// Moves whenever `topic` changes or everything must be refetched.
    pub fn watch(&self, topic: impl Into<String>) -> impl Fn() -> (u64, u64) + Clone + Send + Sync + 'static {
        let (per_topic, resyncs) = (self.per_topic, self.resyncs);
        let topic = topic.into();
        move || (per_topic.with(|m| m.get(&topic).copied().unwrap_or(0)), resyncs.get())
    }

    /// Moves whenever a topic ending with `suffix` changes (e.g. any group's
    /// deliveries: ":delivery").
    pub fn watch_suffix(&self, suffix: &'static str) -> impl Fn() -> (u64, u64) + Clone + Send + Sync + 'static {
        let (per_topic, resyncs) = (self.per_topic, self.resyncs);
        move || {
            let sum = per_topic.with(|m| m.iter().filter(|(t, _)| t.ends_with(suffix)).map(|(_, n)| *n).sum());
            (sum, resyncs.get())
        }
    }

    /// Moves whenever any topic starting with `prefix` changes (e.g. every
    /// kind of change to one group: "group:andina:").
    pub fn watch_prefix(&self, prefix: impl Into<String>) -> impl Fn() -> (u64, u64) + Clone + Send + Sync + 'static {
        let (per_topic, resyncs) = (self.per_topic, self.resyncs);
        let prefix = prefix.into();
        move || {
            let sum = per_topic.with(|m| m.iter().filter(|(t, _)| t.starts_with(&prefix)).map(|(_, n)| *n).sum());
            (sum, resyncs.get())
        }
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn resync(&self) {
        if self.hydrating() {
            self.held_back.set_value(true);
            return;
        }
        self.resyncs.update(|n| *n += 1);
    }

    /// Whether the page is still hydrating (never on the server or in tests).
    fn hydrating(&self) -> bool {
        #[cfg(feature = "hydrate")]
        {
            !crate::ui::hydration::is_complete()
        }
        #[cfg(not(feature = "hydrate"))]
        {
            false
        }
    }

    /// The server greets every (re)connection with its latest change number:
    /// if it moved while we were away, refetch everything.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn hello(&self, data: &str) {
        let Ok(h) = serde_json::from_str::<HelloData>(data) else { return };
        // On the first connection, compare with what the page was rendered at:
        // changes between rendering and connecting would otherwise be missed.
        let seen = self.last_id.get_value().or(self.rendered_at.get_value());
        if seen.is_some_and(|s| s != h.latest) || self.identity_changed.get_value() {
            self.resync();
        }
        self.identity_changed.set_value(false);
        self.last_id.set_value(Some(h.latest));
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn change(&self, data: &str) {
        let Ok(c) = serde_json::from_str::<ChangeData>(data) else { return };
        match self.last_id.get_value() {
            Some(last) if c.id <= last => return, // already seen (replayed after a reconnect)
            Some(last) if c.id != last + 1 => self.resync(),
            _ => {}
        }
        self.last_id.set_value(Some(c.id));
        if self.hydrating() {
            self.held_back.set_value(true);
            return;
        }
        self.per_topic.update(|m| *m.entry(c.topic).or_insert(0) += 1);
    }
}

#[cfg(feature = "hydrate")]
thread_local! {
    static PAGE_LIVE: std::cell::Cell<Option<Live>> = const { std::cell::Cell::new(None) };
}

/// Called once the whole page is hydrated: what was held back is refetched.
#[cfg(feature = "hydrate")]
pub fn page_hydrated() {
    if let Some(live) = PAGE_LIVE.with(std::cell::Cell::get) {
        if live.held_back.get_value() {
            live.held_back.set_value(false);
            live.resync();
        }
    }
}

/// Provides the page's connection (and, in the browser, opens it).
pub fn provide_live() -> Live {
    let live = Live::new();
    provide_context(live);
    #[cfg(feature = "hydrate")]
    {
        let rendered = document()
            .query_selector(&format!("meta[name='{CHANGE_META}']"))
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .and_then(|c| c.parse::<i64>().ok());
        live.rendered_at.set_value(rendered);
        PAGE_LIVE.with(|l| l.set(Some(live)));
        connection::start(live);
    }
    live
}

impl Live {
    /// Opens the connection again, e.g. after signing in or joining: what a
    /// connection may hear depends on who the browser is when it opens.
    pub fn reconnect(&self) {
        self.identity_changed.set_value(true);
        #[cfg(feature = "hydrate")]
        connection::restart(*self);
    }
}

pub fn use_live() -> Live {
    use_context::<Live>().unwrap_or_else(provide_live)
}

#[cfg(feature = "hydrate")]
#[path = "connection.rs"]
mod connection;

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(live: &Live) -> (u64, u64) {
        (live.watch("clock"))()
    }

    #[test]
    fn consecutive_changes_move_their_topic_only() {
        let owner = Owner::new();
        owner.with(|| {
            let live = Live::new();
            live.hello(r#"{"latest":7}"#);
            live.change(r#"{"id":8,"topic":"clock"}"#);
            live.change(r#"{"id":9,"topic":"people"}"#);
            assert_eq!(counts(&live), (1, 0));
            live.change(r#"{"id":9,"topic":"clock"}"#);
            assert_eq!(counts(&live), (1, 0), "a number seen twice counts once");
        });
    }

    #[test]
    fn a_gap_in_numbers_or_a_missed_change_while_away_resyncs() {
        let owner = Owner::new();
        owner.with(|| {
            let live = Live::new();
            live.hello(r#"{"latest":7}"#);
            live.change(r#"{"id":10,"topic":"people"}"#);
            assert_eq!(counts(&live).1, 1, "8 and 9 went missing");
            live.hello(r#"{"latest":10}"#);
            assert_eq!(counts(&live).1, 1, "reconnected with nothing missed");
            live.hello(r#"{"latest":12}"#);
            assert_eq!(counts(&live).1, 2, "changes happened while away");
        });
    }

    #[test]
    fn reopening_for_a_new_identity_refetches_everything() {
        let owner = Owner::new();
        owner.with(|| {
            let live = Live::new();
            live.hello(r#"{"latest":7}"#);
            // Heard while anonymous: a group's change, its topic withheld.
            live.change(r#"{"id":8,"topic":""}"#);
            live.reconnect();
            live.hello(r#"{"latest":8}"#);
            assert_eq!(counts(&live).1, 1, "nothing numbered was missed, but the topic was");
            live.hello(r#"{"latest":8}"#);
            assert_eq!(counts(&live).1, 1, "only once");
        });
    }

    #[test]
    fn changes_between_rendering_the_page_and_connecting_resync() {
        let owner = Owner::new();
        owner.with(|| {
            let live = Live::new();
            live.rendered_at.set_value(Some(5));
            live.hello(r#"{"latest":5}"#);
            assert_eq!(counts(&live).1, 0, "nothing happened in between");
            let late = Live::new();
            late.rendered_at.set_value(Some(5));
            late.hello(r#"{"latest":6}"#);
            assert_eq!(counts(&late).1, 1);
        });
    }
}
