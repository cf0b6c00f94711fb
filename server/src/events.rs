//! The realtime channel over HTTP: Server-Sent Events at `/api/v1/events`
//! ("change N: topic" after each committed write), and the public JSON clock
//! at `/api/v1/clock` for integrations and checks.

use app::auth::RequestAuth;
use app::db::{browser_sessions, changes};
use app::domain::change::{Change, Interest, PEOPLE};
use app::domain::clock::Status;
use app::domain::roles::Caller;
use app::realtime::hub::{Scope, Subscription};
use app::realtime::KEEPALIVE_SECONDS;
use app::state::AppState;
use axum::extract::{Extension, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures::stream;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;

/// `?after=N` (the last change this browser heard; the `Last-Event-ID`
/// header says the same for a browser's own reconnection) and
/// `?watch=clock,group:andina:*` (what its screens show).
#[derive(serde::Deserialize, Default)]
pub struct Resume {
    after: Option<String>,
    watch: Option<String>,
}

fn change_event(change: &Change) -> Event {
    Event::default()
        .id(change.id.to_string())
        .event("change")
        .data(serde_json::json!({ "id": change.id, "topic": change.topic }).to_string())
}

/// A connection replays what its browser missed (the changes after `after`
/// it may see and watches, from the log), then says `hello` (the latest
/// number, and whether it resumed: if not, the browser refetches what it
/// shows), then sends one `change` per committed write it concerns, or
/// `resync` if it fell behind. Who is listening is read again after every
/// `people` change (roles change only with one): a coordinator whose link is
/// revoked stops hearing the group at once, on the stream already open.
pub async fn events(
    State(state): State<AppState>,
    Extension(auth): Extension<RequestAuth>,
    headers: HeaderMap,
    Query(resume): Query<Resume>,
) -> Response {
    let last_event_id = headers.get("last-event-id").and_then(|v| v.to_str().ok());
    let after = resume.after.as_deref().or(last_event_id).and_then(|a| a.trim().parse::<i64>().ok());
    let has_role = auth.caller != Caller::default();
    let scope = Scope {
        caller: auth.caller.clone(),
        interest: Interest::parse(resume.watch.as_deref()),
        rechecks_roles: auth.session.is_some() && has_role,
    };
    // Subscribe before reading the latest number, so nothing falls between.
    let subscription = state.hub.subscribe(scope.clone());
    let first = match opening(&state, after, &scope).await {
        Ok(events) => events,
        Err(e) => {
            tracing::error!(error = %e, "events: cannot read the change log");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let roles_seen = state.hub.roles_generation();
    let link = Link { subscription, scope, session: auth.session, roles_seen, state, first, latest: 0 };
    Sse::new(stream::unfold(link, Link::next)).into_response()
}

/// The replayed changes and the greeting.
async fn opening(state: &AppState, after: Option<i64>, scope: &Scope) -> Result<(VecDeque<Event>, i64), sqlx::Error> {
    let latest = changes::latest(&state.pool).await?;
    let replayed = match after {
        Some(after) => changes::replay(&state.pool, after, latest).await?,
        None => None,
    };
    let resumed = replayed.is_some();
    let mut events: VecDeque<Event> = replayed.unwrap_or_default().iter().filter(|c| scope.wants(c)).map(change_event).collect();
    events.push_back(Event::default().event("hello").data(serde_json::json!({ "latest": latest, "resumed": resumed }).to_string()));
    Ok((events, latest))
}

/// One open stream.
struct Link {
    subscription: Subscription,
    scope: Scope,
    session: Option<app::db::browser_sessions::SessionId>,
    /// `Hub::roles_generation` when this connection last read its roles.
    roles_seen: u64,
    state: AppState,
    first: (VecDeque<Event>, i64),
    latest: i64,
}

impl Link {
    async fn next(mut self) -> Option<(Result<Event, Infallible>, Link)> {
        if let Some(event) = self.first.0.pop_front() {
            self.latest = self.first.1;
            return Some((Ok(event), self));
        }
        let period = Duration::from_secs(KEEPALIVE_SECONDS);
        let closing = self.state.hub.clone();
        loop {
            if self.subscription.take_lagged() {
                // Fell behind its queue: never drop silently, tell it to resync.
                return Some((Ok(Event::default().event("resync").data("{}")), self));
            }
            let change = tokio::select! {
                biased;
                _ = closing.closed() => return None,
                change = self.subscription.next() => change?,
                _ = tokio::time::sleep(period) => return Some((Ok(self.ping()), self)),
            };
            // Published between subscribing and reading the latest number:
            // already replayed, or counted in the greeting.
            if change.id <= self.latest {
                continue;
            }
            if change.topic == PEOPLE && self.scope.rechecks_roles && self.state.hub.roles_generation() != self.roles_seen {
                self.read_roles_again().await;
            }
            if self.scope.wants(&change) {
                return Some((Ok(change_event(&change)), self));
            }
        }
    }

    /// A `ping` every `KEEPALIVE_SECONDS` of silence keeps the connection
    /// open through proxies and lets the browser's watchdog hear the link
    /// (an SSE comment reaches no script); it carries how far this
    /// connection has heard, so a browser that watches little resumes from
    /// a recent number instead of replaying what it never wanted.
    fn ping(&self) -> Event {
        let heard = self.subscription.heard_up_to();
        let mut ping = Event::default().event("ping");
        if let Some(n) = heard {
            ping = ping.id(n.to_string());
        }
        ping.data(serde_json::json!({ "heard": heard }).to_string())
    }

    async fn read_roles_again(&mut self) {
        self.roles_seen = self.state.hub.roles_generation();
        let caller = match self.session {
            Some(s) => browser_sessions::caller(&self.state.pool, s).await.unwrap_or_default(),
            None => Caller::default(),
        };
        if caller != self.scope.caller {
            self.scope.caller = caller;
            self.subscription.rescope(self.scope.clone());
        }
    }
}

/// `GET /api/v1/clock`: the current block's clock as JSON.
pub async fn clock(State(state): State<AppState>) -> Response {
    // Only ids and times leave here, so the language of the block titles
    // does not matter (the meeting's own is read).
    match app::service::clock::view(&state, "es").await {
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
