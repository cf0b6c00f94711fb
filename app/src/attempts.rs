//! Failed attempts per client address (server only): wrong meeting codes,
//! wrong committee or coordinator links. Each address has its own allowance
//! per window; one that used it up waits until the window ends. Never
//! meeting-wide: someone guessing from their own connection cannot stop
//! another phone from joining. The allowance for codes is the venue's size
//! (every phone behind the venue's one address may mistype a few times); it is
//! the last resort behind each browser's own lockout (in the database). In
//! memory on purpose: it protects a running server, it is not data.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Addresses remembered at most (older windows are forgotten first).
const MAX_ADDRESSES: usize = 10_000;

pub struct Attempts {
    limit: u32,
    window: Duration,
    seen: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Attempts {
    /// At most `limit` failures per `window` from one address.
    pub fn new(limit: u32, window: Duration) -> Self {
        Attempts { limit, window, seen: Mutex::new(HashMap::new()) }
    }

    /// Wrong meeting codes: 300 per 10 minutes from one address (120 phones
    /// behind the venue's router, each allowed a couple of typos).
    pub fn for_codes() -> Self {
        Attempts::new(300, Duration::from_secs(600))
    }

    /// Wrong sign-in links: 20 per 10 minutes from one address.
    pub fn for_sign_in() -> Self {
        Attempts::new(20, Duration::from_secs(600))
    }

    /// Seconds `address` must wait before it may try again; `None` if it may now.
    pub fn wait(&self, address: &str, now: Instant) -> Option<u64> {
        let seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let (start, failures) = *seen.get(address)?;
        let elapsed = now.duration_since(start);
        (failures >= self.limit && elapsed < self.window).then(|| (self.window - elapsed).as_secs().max(1))
    }

    pub fn record_failure(&self, address: &str, now: Instant) {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() >= MAX_ADDRESSES {
            seen.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = seen.entry(address.to_string()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_waits_after_its_allowance_and_others_do_not() {
        let a = Attempts::new(2, Duration::from_secs(60));
        let t0 = Instant::now();
        assert_eq!(a.wait("10.0.0.1", t0), None);
        a.record_failure("10.0.0.1", t0);
        assert_eq!(a.wait("10.0.0.1", t0), None);
        a.record_failure("10.0.0.1", t0);
        assert_eq!(a.wait("10.0.0.1", t0 + Duration::from_secs(20)), Some(40));
        assert_eq!(a.wait("10.0.0.2", t0 + Duration::from_secs(20)), None, "another address");
        assert_eq!(a.wait("10.0.0.1", t0 + Duration::from_secs(60)), None, "the next window");
        a.record_failure("10.0.0.1", t0 + Duration::from_secs(61));
        assert_eq!(a.wait("10.0.0.1", t0 + Duration::from_secs(61)), None, "counting again from one");
    }

    #[test]
    fn memory_stays_bounded_under_a_flood_of_addresses() {
        let a = Attempts::new(1, Duration::from_secs(60));
        let t0 = Instant::now();
        for i in 0..MAX_ADDRESSES {
            a.record_failure(&format!("a{i}"), t0);
        }
        a.record_failure("late", t0 + Duration::from_secs(61));
        assert_eq!(a.seen.lock().unwrap().len(), 1);
    }
}
