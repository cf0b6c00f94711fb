//! The floor of the `screens` benchmark: the least a server can do for it —
//! bare axum + a tokio broadcast channel, every message to every stream, no
//! database, no sign-in, no scopes. Driven by the same simulated clients as
//! Plenaria in the same run, it shows what of Plenaria's latency is its own.
//!
//! `plenaria-load floor-server --port N` (the `screens` scenario starts it):
//! - `GET /api/v1/events`: `hello`, then one `change` per tick (SSE, as Plenaria's);
//! - `POST /tick`: announces the next change, answers its number;
//! - `POST /api/fn/save_cell`: answers at once (the coordinators' saves);
//! - `GET /healthz`.

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::{get, post};
use axum::Router;
use futures::stream::{self, Stream};
use std::convert::Infallible;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;

#[derive(Clone)]
struct Floor {
    tx: broadcast::Sender<i64>,
    latest: Arc<AtomicI64>,
}

pub async fn serve(port: u16) -> Result<(), String> {
    crate::server_proc::raise_open_file_limit();
    let (tx, _) = broadcast::channel(1024);
    let floor = Floor { tx, latest: Arc::default() };
    let app = Router::new()
        .route("/api/v1/events", get(events))
        .route("/tick", post(tick))
        .route("/api/fn/save_cell", post(|| async { "{}" }))
        .route("/healthz", get(|| async { "ok" }))
        .with_state(floor);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.map_err(|e| format!("floor: bind {port}: {e}"))?;
    axum::serve(listener, app).await.map_err(|e| format!("floor: {e}"))
}

async fn tick(State(f): State<Floor>) -> String {
    let id = f.latest.fetch_add(1, Ordering::SeqCst) + 1;
    let _ = f.tx.send(id);
    id.to_string()
}

async fn events(State(f): State<Floor>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let rx = f.tx.subscribe();
    let hello = Event::default().event("hello").data(format!(r#"{{"latest":{},"resumed":false}}"#, f.latest.load(Ordering::SeqCst)));
    let tail = stream::unfold(rx, |mut rx| async move {
        let event = match rx.recv().await {
            Ok(id) => Event::default().id(id.to_string()).event("change").data(format!(r#"{{"id":{id},"topic":"clock"}}"#)),
            Err(broadcast::error::RecvError::Lagged(_)) => Event::default().event("resync").data("{}"),
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        Some((Ok(event), rx))
    });
    let ping = Event::default().event("ping").data("{}");
    Sse::new(futures::StreamExt::chain(stream::once(async { Ok(hello) }), tail))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)).event(ping))
}
