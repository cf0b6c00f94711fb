//! A meeting-wide brake on guessing the join code (server only). Each browser
//! session has its own lockout (in the database); this caps wrong codes from
//! all browsers together, so discarding cookies does not buy more guesses.
//! It is in memory on purpose: it protects a running server, it is not data.

use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct JoinGuard {
    limit: u32,
    window: Duration,
    state: Mutex<(Instant, u32)>,
}

impl JoinGuard {
    /// At most `limit` wrong codes per `window`, meeting-wide.
    pub fn new(limit: u32, window: Duration) -> Self {
        JoinGuard { limit, window, state: Mutex::new((Instant::now(), 0)) }
    }

    /// Whether codes may be checked right now.
    pub fn open(&self, now: Instant) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if now.duration_since(s.0) >= self.window {
            *s = (now, 0);
        }
        s.1 < self.limit
    }

    pub fn record_wrong(&self, now: Instant) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if now.duration_since(s.0) >= self.window {
            *s = (now, 0);
        }
        s.1 += 1;
    }
}

impl Default for JoinGuard {
    fn default() -> Self {
        JoinGuard::new(300, Duration::from_secs(60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brake_closes_after_the_limit_and_reopens_next_window() {
        let g = JoinGuard::new(2, Duration::from_secs(60));
        let t0 = Instant::now();
        assert!(g.open(t0));
        g.record_wrong(t0);
        g.record_wrong(t0);
        assert!(!g.open(t0 + Duration::from_secs(1)));
        assert!(g.open(t0 + Duration::from_secs(61)));
    }
}
