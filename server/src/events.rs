//! The realtime channel over HTTP: Server-Sent Events at `/api/v1/events`
//! ("change N: topic" after each committed write), and the public JSON clock
//! at `/api/v1/clock` for integrations and checks.

use app::auth::RequestAuth;
use app::db::{browser_sessions, changes};
use app::domain::change::{visible_to, Change, PEOPLE};
use app::domain::roles::Caller;
use app::domain::clock::Status;
use app::realtime::KEEPALIVE_SECONDS;
use app::state::AppState;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures::stream::{self, Stream, StreamExt};
use std::convert::Infallible;
use std::time::Duration;
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;
use tokio_stream::wrappers::BroadcastStream;

fn change_event(change: &Change, caller: &Caller) -> Event {
    // Every number is sent, so a browser can tell a lost message from one it
    // may not see; the topic is withheld from people it does not concern.
    let topic = if visible_to(&change.topic, caller) { change.topic.as_str() } else { "" };
    Event::default()
        .id(change.id.to_string())
        .event("change")
        .data(serde_json::json!({ "id": change.id, "topic": topic }).to_string())
}

/// Each connection starts with `hello` (the latest change number: a browser
/// that saw an older one while away refetches everything), then one `change`
/// per committed write, or `resync` if this connection fell behind. Who is
/// listening is read again after every `people` change (roles change only
/// with one): a coordinator whose link is revoked stops hearing the group's
/// topics at once, on the stream already open.
pub async fn events(State(state): State<AppState>, Extension(auth): Extension<RequestAuth>) -> Response {
    // Subscribe before reading the latest number, so nothing falls between.
    let live = BroadcastStream::new(state.hub.subscribe());
    let latest = match changes::latest(&state.pool).await {
        Ok(n) => n,
        Err(e) => {
            tracing::error!(error = %e, "events: cannot read the change log");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let hello = Event::default().event("hello").data(serde_json::json!({ "latest": latest }).to_string());
    let listener = std::sync::Arc::new(tokio::sync::Mutex::new(auth.caller.clone()));
    let (pool, session) = (state.pool.clone(), auth.session);
    let tail = live.filter_map(move |msg| {
        let (listener, pool) = (listener.clone(), pool.clone());
        async move {
            match msg {
                Ok(change) if change.id > latest => {
                    let mut caller = listener.lock().await;
                    if change.topic == PEOPLE {
                        *caller = match session {
                            Some(s) => browser_sessions::caller(&pool, s).await.unwrap_or_default(),
                            None => Caller::default(),
                        };
                    }
                    Some(Ok(change_event(&change, &caller)))
                }
                Ok(_) => None,
                // Fell behind the buffer: never drop silently, tell it to resync.
                Err(BroadcastStreamRecvError::Lagged(_)) => Some(Ok(Event::default().event("resync").data("{}"))),
            }
        }
    });
    let hub = state.hub.clone();
    let until_shutdown = async move { hub.closed().await };
    sse(stream::once(async { Ok::<_, Infallible>(hello) }).chain(tail).take_until(until_shutdown)).into_response()
}

/// A `ping` event every `KEEPALIVE_SECONDS` keeps idle connections open
/// through proxies and lets browsers notice a stalled link: an SSE comment
/// would reach no script, so the browser's watchdog could not hear it.
fn sse<S: Stream<Item = Result<Event, Infallible>> + Send + 'static>(s: S) -> impl IntoResponse {
    let ping = Event::default().event("ping").data("{}");
    Sse::new(s).keep_alive(KeepAlive::new().interval(Duration::from_secs(KEEPALIVE_SECONDS)).event(ping))
}

/// `GET /api/v1/clock`: the current block's clock as JSON.
pub async fn clock(State(state): State<AppState>) -> Response {
    match app::api::clock_impl::view(&state).await {
        Ok(v) => {
            let status = match v.status {
                Status::NotStarted => "not_started",
                Status::Running => "running",
                Status::Paused => "paused",
                Status::Break => "break",
                Status::Ended => "ended",
            };
            let kind = v.current().map(|s| s.kind);
            Json(serde_json::json!({
                "now": v.server_now,
                "block": v.block,
                "session": v.current_session(),
                "segment": v.segment,
                "segment_kind": kind,
                "state": status,
                "segment_deadline": v.segment_deadline,
                "block_deadline": v.block_deadline,
                "segment_remaining_seconds": v.segment_remaining_ms.div_euclid(1000),
                "block_remaining_seconds": v.block_remaining_ms.div_euclid(1000),
            }))
            .into_response()
        }
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}
