//! A browser's realtime link: `GET /api/v1/events`, read as it arrives,
//! reconnecting like the browser does when the server goes away. Records
//! when each change number arrived, and each (re)connection's `hello`.

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
    pub resyncs: u64,
    /// The newest change number this client knows of.
    pub latest: i64,
}

pub type Shared = Arc<Mutex<Seen>>;

/// Runs until `stop` turns true. `stall_after`: stop reading after that long
/// (a slow consumer), keeping the connection open.
pub async fn follow(browser: Browser, seen: Shared, mut stop: watch::Receiver<bool>, stall_after: Option<Duration>) {
    let started = tokio::time::Instant::now();
    let mut backoff = Duration::from_millis(50);
    while !*stop.borrow() {
        let mut req = Request::get(format!("{}/api/v1/events", browser.base)).header(header::HOST, &browser.host).header(header::ACCEPT, "text/event-stream");
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
            if stall_after.is_some_and(|s| started.elapsed() >= s) {
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
            s.hellos.push(at);
            s.latest = s.latest.max(value["latest"].as_i64().unwrap_or(0));
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
