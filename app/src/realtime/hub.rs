//! The server side (ssr): a tokio broadcast of change announcements. Writers
//! publish after their transaction commits; each SSE connection subscribes.
//! A receiver that falls behind is told to resync, never silently dropped.

use crate::domain::change::Change;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use tokio::sync::{broadcast, watch};

/// Buffer per subscriber; beyond it a slow browser gets "resync".
pub const CAPACITY: usize = 1024;

#[derive(Clone)]
pub struct Hub {
    tx: broadcast::Sender<Change>,
    /// Set when the server shuts down: open streams end so it can exit.
    closing: watch::Sender<bool>,
    /// The newest change announced (or recorded before start-up).
    latest: Arc<AtomicI64>,
}

impl Default for Hub {
    fn default() -> Self {
        let (tx, _) = broadcast::channel(CAPACITY);
        let (closing, _) = watch::channel(false);
        Hub { tx, closing, latest: Arc::new(AtomicI64::new(0)) }
    }
}

impl Hub {
    /// Announces a committed change to every connected browser.
    pub fn publish(&self, change: Change) {
        self.observe(change.id);
        // No subscribers is fine: nobody is watching.
        let _ = self.tx.send(change);
    }

    /// Raises the newest known change number to `id`.
    pub fn observe(&self, id: i64) {
        self.latest.fetch_max(id, Ordering::SeqCst);
    }

    /// The newest change a page rendered now can already contain: pages carry
    /// it, so a browser whose realtime link opens later knows what it missed.
    pub fn latest(&self) -> i64 {
        self.latest.load(Ordering::SeqCst)
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Change> {
        self.tx.subscribe()
    }

    /// Ends every open stream (at shutdown).
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// Resolves once `close` has been called.
    pub async fn closed(&self) {
        let mut rx = self.closing.subscribe();
        let _ = rx.wait_for(|closing| *closing).await;
    }
}
