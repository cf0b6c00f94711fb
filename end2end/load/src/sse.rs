//! A browser's realtime link: `GET /api/v1/events`, read as it arrives,
//! reconnecting like the browser does when the server goes away — naming
//! what its screens watch and resuming after the last change it heard.
//! Records when each change number arrived, and each (re)connection's
//! `hello` and whether it resumed (a greeting that did not means a browser
//! would refetch everything).

use crate::http::Browser;
use bytes::Bytes;
use http::{header, Request};
use http_body_util::{BodyExt, Full};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

/// Wall-clock microseconds (the simulator and the server share the machine's clock).
pub fn now_us() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_micros() as u64).unwrap_or(0)
}

#[derive(Default)]
pub struct Seen {
    /// (change id, topic as sent — empty when withheld, arrival µs).
    pub changes: Vec<(i64, String, u64)>,
    /// Arrival µs of every `hello` (one per connection).
    pub hellos: Vec<u64>,
    /// Greetings after the first that could not resume (full refetches).
    pub not_resumed: u64,
    /// The newest number at the first greeting: what the client starts from.
    pub first_latest: Option<i64>,
    pub resyncs: u64,
    /// The newest change number this client knows of.
    pub latest: i64,
}

pub type Shared = Arc<Mutex<Seen>>;

/// Waits until `ok` holds for every client's log (or `limit` passes); says whether it did.
pub async fn settle<'a>(seen: impl Iterator<Item = &'a Shared> + Clone, ok: impl Fn(&Seen) -> bool, limit: Duration) -> bool {
    let until = tokio::time::Instant::now() + limit;
    loop {
        if seen.clone().all(|s| ok(&s.lock().unwrap())) {
            return true;
        }
        if tokio::time::Instant::now() > until {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// How a client behaves on its link.
#[derive(Clone, Default)]
pub struct Habits {
    /// `?watch=`: the topics its screens show (none: everything it may see).
    pub watch: Option<String>,
    /// Stop reading after that long (a slow consumer), keeping the connection open.
    pub stall_after: Option<Duration>,
    /// Drop the link once, after the first duration, for the second (a phone
    /// losing the venue Wi-Fi), then reconnect and resume.
    pub drop_once: Option<(Duration, Duration)>,
}

/// Runs until `stop` turns true.
pub async fn follow(browser: Browser, seen: Shared, mut stop: watch::Receiver<bool>, habits: Habits) {
    let started = tokio::time::Instant::now();
    let mut backoff = Duration::from_millis(50);
    let mut dropped = false;
    while !*stop.borrow() {
        let mut query = Vec::new();
        if let Some(w) = &habits.watch {
            query.push(format!("watch={}", crate::http::enc(w)));
        }
        let resume = {
            let s = seen.lock().unwrap();
            s.first_latest.map(|_| s.latest)
        };
        if let Some(after) = resume {
            query.push(format!("after={after}"));
        }
        let url = format!("{}/api/v1/events?{}", browser.base, query.join("&"));
        let mut req = Request::get(url).header(header::HOST, &browser.host).header(header::ACCEPT, "text/event-stream");
        if let Some(c) = &browser.cookie {
            req = req.header(header::COOKIE, c);
        }
        let Ok(req) = req.body(Full::new(Bytes::new())) else { return };
        let res = tokio::select! {
            r = browser.http.request(req) => r,
            _ = stop.changed() => return,
        };
        let Ok(res) = res else {
            tokio::select! { _ = tokio::time::sleep(backoff) => {}, _ = stop.changed() => return }
            backoff = (backoff * 2).min(Duration::from_millis(500));
            continue;
        };
        backoff = Duration::from_millis(50);
        let mut body = res.into_body();
        let mut buffer = String::new();
        loop {
            if let Some((_, away)) = habits.drop_once.filter(|(at, _)| !dropped && started.elapsed() >= *at) {
                dropped = true;
                drop(body);
                tokio::select! { _ = tokio::time::sleep(away) => {}, _ = stop.changed() => return }
                break;
            }
            if habits.stall_after.is_some_and(|s| started.elapsed() >= s) {
                // Hold the connection without reading: the server's buffer fills.
                let _ = stop.changed().await;
                return;
            }
            let frame = tokio::select! {
                f = body.frame() => f,
                _ = stop.changed() => return,
            };
            let Some(Ok(frame)) = frame else { break };
            let Ok(data) = frame.into_data() else { continue };
            buffer.push_str(&String::from_utf8_lossy(&data));
            while let Some(end) = buffer.find("\n\n") {
                let event: String = buffer.drain(..end + 2).collect();
                record(&event, &seen);
            }
        }
    }
}

fn record(event: &str, seen: &Shared) {
    let at = now_us();
    let mut kind = "message";
    let mut data = "";
    for line in event.lines() {
        if let Some(v) = line.strip_prefix("event:") {
            kind = v.trim();
        } else if let Some(v) = line.strip_prefix("data:") {
            data = v.trim();
        }
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(data) else { return };
    let mut s = seen.lock().unwrap();
    match kind {
        "hello" => {
            let latest = value["latest"].as_i64().unwrap_or(0);
            if s.first_latest.is_none() {
                s.first_latest = Some(latest);
            } else if value["resumed"].as_bool() != Some(true) {
                s.not_resumed += 1;
            }
            s.hellos.push(at);
            s.latest = s.latest.max(latest);
        }
        "ping" => {
            if let Some(heard) = value["heard"].as_i64() {
                s.latest = s.latest.max(heard);
            }
        }
        "change" => {
            let id = value["id"].as_i64().unwrap_or(0);
            s.changes.push((id, value["topic"].as_str().unwrap_or("").to_string(), at));
            s.latest = s.latest.max(id);
        }
        "resync" => s.resyncs += 1,
        _ => {}
    }
}
