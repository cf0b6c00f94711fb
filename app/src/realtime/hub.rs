//! The server side (ssr): hands each committed change to the connections it
//! concerns. Every connection registers its `Scope` (who is listening and
//! which topics its screens show) with a queue of its own; publishing checks
//! the scope once per connection and queues the change only where it is
//! wanted, so a phone reading the programme is never woken by a group's
//! edits. A queue that fills up is marked lagged (the connection tells its
//! browser to resync), never silently dropped and never slowing the others.
//!
//! Changes are published in the order of their numbers: writers commit and
//! publish under one lock (`commit`), so a connection's stream is always
//! ascending and "everything up to N" is a meaningful resume point.

use crate::domain::change::{visible_to, Change, Interest, PEOPLE};
use crate::domain::roles::Caller;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::{mpsc, watch};

/// Changes queued per connection; beyond it a slow browser gets "resync".
pub const CAPACITY: usize = 1024;

/// Who is listening on one connection and what its screens show.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    pub caller: Caller,
    pub interest: Interest,
    /// The connection belongs to a signed-in browser whose roles can change
    /// under it: it hears every `people` change, to read its roles again.
    pub rechecks_roles: bool,
}

impl Scope {
    pub fn wants(&self, change: &Change) -> bool {
        visible_to(&change.topic, &self.caller) && self.interest.wants(&change.topic)
    }

    fn queues(&self, change: &Change) -> bool {
        self.wants(change) || (self.rechecks_roles && change.topic == PEOPLE)
    }
}

/// What a connection and the hub both see of it.
#[derive(Default)]
struct Marks {
    lagged: AtomicBool,
    /// The newest change published that this connection passed over.
    passed_over: AtomicI64,
}

struct Subscriber {
    scope: Scope,
    queue: mpsc::Sender<Arc<Change>>,
    marks: Arc<Marks>,
}

struct Inner {
    subscribers: Mutex<HashMap<u64, Subscriber>>,
    next_subscriber: AtomicU64,
    /// Held from a writer's commit to its publish: numbers go out in order.
    order: tokio::sync::Mutex<()>,
    /// Set when the server shuts down: open streams end so it can exit.
    closing: watch::Sender<bool>,
    /// The newest change announced (or recorded before start-up).
    latest: AtomicI64,
    /// The newest change announced per topic since start-up (read models).
    per_topic: Mutex<HashMap<String, i64>>,
    /// Moves when somebody's roles may have changed (see `roles_changed`).
    roles: AtomicU64,
}

#[derive(Clone)]
pub struct Hub {
    inner: Arc<Inner>,
}

impl Default for Hub {
    fn default() -> Self {
        let (closing, _) = watch::channel(false);
        Hub {
            inner: Arc::new(Inner {
                subscribers: Mutex::new(HashMap::new()),
                next_subscriber: AtomicU64::new(0),
                order: tokio::sync::Mutex::new(()),
                closing,
                latest: AtomicI64::new(0),
                per_topic: Mutex::new(HashMap::new()),
                roles: AtomicU64::new(0),
            }),
        }
    }
}

impl Hub {
    /// Commits `tx`, which recorded `changes`, and announces them, with no
    /// other writer's announcement in between.
    pub async fn commit(&self, tx: sqlx::Transaction<'_, sqlx::Sqlite>, changes: Vec<Change>) -> Result<(), sqlx::Error> {
        let _turn = self.inner.order.lock().await;
        tx.commit().await?;
        for change in changes {
            self.publish(change);
        }
        Ok(())
    }

    /// Queues a committed change for every connection it concerns.
    pub fn publish(&self, change: Change) {
        self.observe(change.id);
        self.inner.per_topic.lock().unwrap_or_else(|p| p.into_inner()).insert(change.topic.clone(), change.id);
        let change = Arc::new(change);
        let subscribers = self.inner.subscribers.lock().unwrap_or_else(|p| p.into_inner());
        for s in subscribers.values() {
            if !s.scope.queues(&change) {
                s.marks.passed_over.store(change.id, Ordering::SeqCst);
            } else if let Err(mpsc::error::TrySendError::Full(_)) = s.queue.try_send(change.clone()) {
                s.marks.lagged.store(true, Ordering::SeqCst);
            }
        }
    }

    /// Called before announcing a `people` change that may change what some
    /// browser may do; connections hearing that change read their roles
    /// again only if this moved since they last did.
    pub fn roles_changed(&self) {
        self.inner.roles.fetch_add(1, Ordering::SeqCst);
    }

    /// How many times roles may have changed (compare with an earlier value).
    pub fn roles_generation(&self) -> u64 {
        self.inner.roles.load(Ordering::SeqCst)
    }

    /// Raises the newest known change number to `id`.
    pub fn observe(&self, id: i64) {
        self.inner.latest.fetch_max(id, Ordering::SeqCst);
    }

    /// The newest change a page rendered now can already contain: pages carry
    /// it, so a browser whose realtime link opens later resumes from there.
    pub fn latest(&self) -> i64 {
        self.inner.latest.load(Ordering::SeqCst)
    }

    /// The newest change announced since start-up among the topics `of`
    /// accepts (0 if none): what a read model of those topics is as of.
    pub fn version(&self, of: impl Fn(&str) -> bool) -> i64 {
        let per_topic = self.inner.per_topic.lock().unwrap_or_else(|p| p.into_inner());
        per_topic.iter().filter(|(t, _)| of(t)).map(|(_, id)| *id).max().unwrap_or(0)
    }

    /// Registers a connection; it is forgotten when the subscription drops.
    pub fn subscribe(&self, scope: Scope) -> Subscription {
        let (queue, changes) = mpsc::channel(CAPACITY);
        let marks = Arc::new(Marks::default());
        let id = self.inner.next_subscriber.fetch_add(1, Ordering::Relaxed);
        let subscriber = Subscriber { scope, queue, marks: marks.clone() };
        self.inner.subscribers.lock().unwrap_or_else(|p| p.into_inner()).insert(id, subscriber);
        Subscription { id, changes, marks, hub: self.clone() }
    }

    /// Open connections (for the tests and the logs).
    pub fn connections(&self) -> usize {
        self.inner.subscribers.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// Ends every open stream (at shutdown).
    pub fn close(&self) {
        self.inner.closing.send_replace(true);
    }

    /// Resolves once `close` has been called.
    pub async fn closed(&self) {
        let mut rx = self.inner.closing.subscribe();
        let _ = rx.wait_for(|closing| *closing).await;
    }
}

/// One connection's place in the hub.
pub struct Subscription {
    id: u64,
    changes: mpsc::Receiver<Arc<Change>>,
    marks: Arc<Marks>,
    hub: Hub,
}

impl Subscription {
    /// The next change queued for this connection (`None` once the hub is gone).
    pub async fn next(&mut self) -> Option<Arc<Change>> {
        self.changes.recv().await
    }

    /// Whether changes were dropped since the last call (the queue was full).
    pub fn take_lagged(&self) -> bool {
        self.marks.lagged.swap(false, Ordering::SeqCst)
    }

    /// A number this connection has heard everything it wants up to, when
    /// nothing is left in its queue: its browser can resume from there.
    /// (Read before looking at the queue: a wanted change published earlier
    /// is then either in the queue or already taken.)
    pub fn heard_up_to(&self) -> Option<i64> {
        let passed = self.marks.passed_over.load(Ordering::SeqCst);
        (passed > 0 && self.changes.is_empty()).then_some(passed)
    }

    /// Changes who is listening (a role was granted or revoked).
    pub fn rescope(&self, scope: Scope) {
        let mut subscribers = self.hub.inner.subscribers.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(s) = subscribers.get_mut(&self.id) {
            s.scope = scope;
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.hub.inner.subscribers.lock().unwrap_or_else(|p| p.into_inner()).remove(&self.id);
    }
}

#[cfg(test)]
#[path = "hub_tests.rs"]
mod tests;
