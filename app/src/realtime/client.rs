//! The browser side: one Server-Sent Events connection per page, shared
//! through context. Screens say what they show (`Live::watch(topic)` and its
//! prefix/suffix forms) and refetch when it moves; the connection asks the
//! server for exactly those topics. It opens once the page has hydrated, and
//! every (re)connection resumes after the last change it heard: the server
//! replays what was missed, or says it could not (then every watcher
//! refetches: a resync), as it does when this connection fell behind.
//!
//! During server rendering there is no connection: status is `Connecting` and
//! watchers never move.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

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
    /// The topic patterns the page's screens watch (`clock`, `group:x:*`,
    /// `*:delivery`): what the connection asks for.
    watched: StoredValue<BTreeSet<String>>,
    /// The newest change number this page has accounted for.
    last_id: StoredValue<Option<i64>>,
    /// Set when the connection is reopened for a new identity: what it may
    /// see changed, so the next greeting refetches everything.
    identity_changed: StoredValue<bool>,
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
    #[serde(default)]
    resumed: bool,
}

#[derive(Deserialize)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
struct PingData {
    heard: Option<i64>,
}

impl Live {
    fn new() -> Self {
        Live {
            status: RwSignal::new(LinkStatus::Connecting),
            per_topic: RwSignal::new(HashMap::new()),
            resyncs: RwSignal::new(0),
            watched: StoredValue::new(BTreeSet::new()),
            last_id: StoredValue::new(None),
            identity_changed: StoredValue::new(false),
        }
    }

    /// Moves whenever `topic` changes or everything must be refetched.
    pub fn watch(&self, topic: impl Into<String>) -> impl Fn() -> (u64, u64) + Clone + Send + Sync + 'static {
        let (per_topic, resyncs) = (self.per_topic, self.resyncs);
        let topic = topic.into();
        self.ask_for(topic.clone());
        move || (per_topic.with(|m| m.get(&topic).copied().unwrap_or(0)), resyncs.get())
    }

    /// Moves whenever a topic ending with `suffix` changes (e.g. any group's
    /// deliveries: ":delivery").
    pub fn watch_suffix(&self, suffix: &'static str) -> impl Fn() -> (u64, u64) + Clone + Send + Sync + 'static {
        let (per_topic, resyncs) = (self.per_topic, self.resyncs);
        self.ask_for(format!("*{suffix}"));
        move || {
            let sum = per_topic.with(|m| m.iter().filter(|(t, _)| t.ends_with(suffix)).map(|(_, n)| *n).sum());
            (sum, resyncs.get())
        }
    }

    /// Moves whenever any topic starting with `prefix` changes (e.g. every
    /// kind of change to one group: "group:<id>:").
    pub fn watch_prefix(&self, prefix: impl Into<String>) -> impl Fn() -> (u64, u64) + Clone + Send + Sync + 'static {
        let (per_topic, resyncs) = (self.per_topic, self.resyncs);
        let prefix = prefix.into();
        self.ask_for(format!("{prefix}*"));
        move || {
            let sum = per_topic.with(|m| m.iter().filter(|(t, _)| t.starts_with(&prefix)).map(|(_, n)| *n).sum());
            (sum, resyncs.get())
        }
    }

    /// Adds a pattern to what the connection asks for; a connection already
    /// open without it is reopened (resuming, so nothing is missed).
    fn ask_for(&self, pattern: String) {
        let added = self.watched.try_update_value(|w| w.insert(pattern)).unwrap_or(false);
        #[cfg(feature = "hydrate")]
        if added {
            connection::widen(*self);
        }
        let _ = added;
    }

    /// The endpoint with what this page watches and where it resumes.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn url(&self) -> String {
        let watch = self.watched.with_value(|w| w.iter().cloned().collect::<Vec<_>>().join(","));
        let mut url = format!("{EVENTS_URL}?watch={}", encode(&watch));
        if let Some(after) = self.last_id.get_value() {
            url.push_str(&format!("&after={after}"));
        }
        url
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn resync(&self) {
        self.resyncs.update(|n| *n += 1);
    }

    /// Each (re)connection ends its replay with a greeting: if the server
    /// could not replay what we missed, refetch everything.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn hello(&self, data: &str) {
        let Ok(h) = serde_json::from_str::<HelloData>(data) else { return };
        let missed = !h.resumed && self.last_id.get_value() != Some(h.latest);
        if missed || self.identity_changed.get_value() {
            self.resync();
        }
        self.identity_changed.set_value(false);
        self.last_id.set_value(Some(h.latest.max(self.last_id.get_value().unwrap_or(0))));
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn change(&self, data: &str) {
        let Ok(c) = serde_json::from_str::<ChangeData>(data) else { return };
        if self.last_id.get_value().is_some_and(|last| c.id <= last) {
            return; // already accounted for
        }
        self.last_id.set_value(Some(c.id));
        self.per_topic.update(|m| *m.entry(c.topic).or_insert(0) += 1);
    }

    /// A keep-alive says how far the connection has heard everything we watch.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn ping(&self, data: &str) {
        let Some(heard) = serde_json::from_str::<PingData>(data).ok().and_then(|p| p.heard) else { return };
        if self.last_id.get_value().is_some_and(|last| heard > last) {
            self.last_id.set_value(Some(heard));
        }
    }
}

/// Percent-encodes a query value (patterns hold `:`, `*` and seed ids).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'*' | b':' | b',' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Called once the whole page is hydrated: every screen has said what it
/// watches, so the connection opens now, resuming from the number the page
/// was rendered at (what happened in between is replayed).
#[cfg(feature = "hydrate")]
pub fn page_hydrated() {
    let Some(live) = use_context_from_root() else { return };
    let rendered = document()
        .query_selector(&format!("meta[name='{CHANGE_META}']"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .and_then(|c| c.parse::<i64>().ok());
    if live.last_id.get_value().is_none() {
        live.last_id.set_value(rendered);
    }
    connection::start(live);
}

#[cfg(feature = "hydrate")]
thread_local! {
    static PAGE_LIVE: std::cell::Cell<Option<Live>> = const { std::cell::Cell::new(None) };
}

#[cfg(feature = "hydrate")]
fn use_context_from_root() -> Option<Live> {
    PAGE_LIVE.with(std::cell::Cell::get)
}

/// Provides the page's connection (opened once the page has hydrated).
pub fn provide_live() -> Live {
    let live = Live::new();
    provide_context(live);
    #[cfg(feature = "hydrate")]
    PAGE_LIVE.with(|l| l.set(Some(live)));
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
#[path = "client_tests.rs"]
mod tests;
