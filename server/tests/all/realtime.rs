//! The realtime channel and the clock over HTTP: change announcements after
//! committed writes, only to the connections they concern and whose screens
//! show them, replay of what a resuming connection missed, resync for a
//! receiver that falls behind, and the public clock JSON.

use crate::common;

use app::domain::change::Change;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use futures::StreamExt;
use tower::ServiceExt;

/// Opens the event stream as `browser` and returns a reader of its text.
async fn open_events(app: &TestApp, browser: &Browser) -> impl futures::Stream<Item = String> {
    open_events_at(app, browser, "").await
}

/// The same with a query (`?after=…&watch=…`).
async fn open_events_at(app: &TestApp, browser: &Browser, query: &str) -> impl futures::Stream<Item = String> {
    let mut req = Request::get(format!("/api/v1/events{query}")).header(header::HOST, HOST);
    if let Some(c) = &browser.cookie {
        req = req.header(header::COOKIE, c.clone());
    }
    let res = app.router.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "text/event-stream");
    res.into_body().into_data_stream().map(|chunk| String::from_utf8_lossy(&chunk.unwrap()).into_owned())
}

/// How long a test waits for an event it expects: a missing event fails the
/// test (cargo test has no time limit of its own, so it would hang CI).
const EVENT_WITHIN: std::time::Duration = std::time::Duration::from_secs(10);

/// Reads events until one contains `needle`, for at most `EVENT_WITHIN`.
async fn until(events: &mut (impl futures::Stream<Item = String> + Unpin), needle: &str) -> String {
    let deadline = tokio::time::Instant::now() + EVENT_WITHIN;
    let mut seen = String::new();
    loop {
        match tokio::time::timeout_at(deadline, events.next()).await {
            Ok(Some(chunk)) => seen.push_str(&chunk),
            Ok(None) => panic!("stream ended before {needle:?}; saw {seen}"),
            Err(_) => panic!("no {needle:?} within {EVENT_WITHIN:?}; saw {seen}"),
        }
        if seen.contains(needle) {
            return seen;
        }
    }
}

#[tokio::test]
async fn a_clock_command_is_announced_to_every_open_stream() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut anyone = Box::pin(open_events(&app, &Browser::default()).await);
    let hello = until(&mut anyone, "event: hello").await;
    assert!(hello.contains("\"latest\""), "{hello}");

    let r = committee.call(&app, "/api/fn/clock_command", "command=start").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let seen = until(&mut anyone, "event: change").await;
    assert!(seen.contains("\"topic\":\"clock\""), "{seen}");
}

#[tokio::test]
async fn a_stream_hears_nothing_of_what_it_may_not_see_or_does_not_watch() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut anonymous = Box::pin(open_events(&app, &Browser::default()).await);
    let mut clock_only = Box::pin(open_events_at(&app, &committee, "?watch=clock").await);
    until(&mut anonymous, "event: hello").await;
    until(&mut clock_only, "event: hello").await;
    let _ana = participant(&app, "Perú", "government", "andina").await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    add_row(&app, &mut laptop, "andina", "politicas").await;
    committee.call(&app, "/api/fn/clock_command", "command=start").await;
    let seen = until(&mut anonymous, "event: change").await;
    assert!(seen.contains("\"topic\":\"clock\"") && !seen.contains("people") && !seen.contains("group:"), "{seen}");
    let seen = until(&mut clock_only, "event: change").await;
    assert!(seen.contains("\"topic\":\"clock\"") && !seen.contains("group:"), "{seen}");
}

/// The number of every `change` event in `text`, in order.
fn change_ids(text: &str) -> Vec<i64> {
    text.split("\n\n")
        .filter(|e| e.contains("event: change"))
        .filter_map(|e| e.lines().find_map(|l| l.strip_prefix("id: ")).and_then(|n| n.trim().parse().ok()))
        .collect()
}

#[tokio::test]
async fn a_resuming_stream_is_replayed_exactly_what_it_missed_and_may_see() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let mut caribe = coordinator(&app, &mut committee, "caribe").await;
    let start = app::db::changes::latest(&app.state.pool).await.unwrap();
    // While this browser is away: its group, another group, the clock.
    add_row(&app, &mut laptop, "andina", "politicas").await;
    add_row(&app, &mut caribe, "caribe", "politicas").await;
    committee.call(&app, "/api/fn/clock_command", "command=start").await;
    let latest = app::db::changes::latest(&app.state.pool).await.unwrap();
    let mut back = Box::pin(open_events_at(&app, &laptop, &format!("?after={start}&watch=clock,group:andina:*")).await);
    let seen = until(&mut back, "event: hello").await;
    assert!(seen.contains(&format!("{{\"latest\":{latest},\"resumed\":true}}")), "{seen}");
    let replayed = change_ids(&seen);
    assert_eq!(replayed.len(), 2, "its group's row and the clock, not caribe's: {seen}");
    assert!(seen.contains("group:andina:matrix") && seen.contains("\"clock\"") && !seen.contains("caribe"), "{seen}");
    assert!(replayed.windows(2).all(|w| w[0] < w[1]) && replayed.iter().all(|&n| n > start && n <= latest));

    // The browser's own reconnection says the same with Last-Event-ID.
    let req = Request::get("/api/v1/events?watch=clock")
        .header(header::HOST, HOST)
        .header("last-event-id", start.to_string())
        .body(Body::empty())
        .unwrap();
    let res = app.router.clone().oneshot(req).await.unwrap();
    let mut native = Box::pin(res.into_body().into_data_stream().map(|c| String::from_utf8_lossy(&c.unwrap()).into_owned()));
    let seen = until(&mut native, "event: hello").await;
    assert_eq!(change_ids(&seen).len(), 1, "only the clock: {seen}");
}

#[tokio::test]
async fn a_stream_that_cannot_resume_says_so_and_a_malformed_request_is_not_an_error() {
    let app = app().await;
    let mut committee = committee(&app).await;
    committee.call(&app, "/api/fn/clock_command", "command=start").await;
    let latest = app::db::changes::latest(&app.state.pool).await.unwrap();
    for query in [format!("?after={}", latest + 50), "?after=-3".to_string(), "?after=x&watch=**,".to_string(), String::new()] {
        let mut s = Box::pin(open_events_at(&app, &committee, &query).await);
        let seen = until(&mut s, "event: hello").await;
        assert!(seen.contains("\"resumed\":false"), "{query}: {seen}");
        assert!(change_ids(&seen).is_empty(), "{query}: {seen}");
    }
}

#[tokio::test]
async fn a_revoked_coordinator_stops_hearing_the_group_on_the_stream_already_open() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let mut deputy = deputy(&app, &mut committee, "andina").await;
    let mut events = Box::pin(open_events(&app, &laptop).await);
    until(&mut events, "event: hello").await;
    add_row(&app, &mut laptop, "andina", "politicas").await;
    let seen = until(&mut events, "group:andina:matrix").await;
    assert!(seen.contains("\"topic\":\"group:andina:matrix\""), "{seen}");

    let r = committee.call(&app, "/api/fn/revoke_coordinator_link", "group=andina&deputy=false").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // The revocation itself is a people change, which it no longer hears;
    // the group keeps working (its deputy) and this stream hears none of it.
    add_row(&app, &mut deputy, "andina", "politicas").await;
    committee.call(&app, "/api/fn/clock_command", "command=start").await;
    let seen = until(&mut events, "event: change").await;
    assert!(!seen.contains("group:andina") && seen.contains("\"clock\""), "{seen}");
}

#[tokio::test]
async fn a_stream_that_falls_behind_is_told_to_resync() {
    let app = app().await;
    let mut slow = Box::pin(open_events(&app, &Browser::default()).await);
    until(&mut slow, "event: hello").await;
    for id in 0..(app::realtime::hub::CAPACITY as i64 + 10) {
        app.state.hub.publish(Change { id: 10_000 + id, topic: "clock".into() });
    }
    until(&mut slow, "event: resync").await;
}

#[tokio::test]
async fn the_public_clock_reports_state_deadlines_and_remaining_time() {
    let app = app().await;
    let r = Browser::default().get(&app, "/api/v1/clock").await;
    assert_eq!(r.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["state"], "not_started");
    assert_eq!(v["block"], "sesiones-1-2");
    assert_eq!(v["block_remaining_seconds"], 165 * 60);
    assert!(v["segment_deadline"].is_null());

    let mut committee = committee(&app).await;
    committee.call(&app, "/api/fn/clock_command", "command=start").await;
    committee.call(&app, "/api/fn/clock_command", "command=next").await;
    let v: serde_json::Value = serde_json::from_str(&Browser::default().get(&app, "/api/v1/clock").await.body).unwrap();
    assert_eq!(v["state"], "break");
    assert_eq!(v["segment_kind"], "break");
    assert!(v["session"].is_null());
    let now = v["now"].as_i64().unwrap();
    let deadline = v["segment_deadline"].as_i64().unwrap();
    assert!((deadline - now - 15 * 60_000).abs() < 2_000, "the break counts its own 15 minutes");
}

#[tokio::test]
async fn clock_commands_that_do_not_apply_are_refused_with_409_and_undo_takes_one_back() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let r = committee.call(&app, "/api/fn/clock_command", "command=pause").await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert!(r.body.contains("not_started"));
    let r = committee.call(&app, "/api/fn/clock_command", "command=adjust&minutes=0").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = committee.call(&app, "/api/fn/clock_command", "command=dance").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    committee.call(&app, "/api/fn/clock_command", "command=start").await;
    let r = committee.call(&app, "/api/fn/clock_command", "command=adjust&minutes=10").await;
    assert!(r.body.contains("\"block_remaining_ms\":10"), "175 minutes now: {}", r.body);
    let r = committee.call(&app, "/api/fn/clock_undo", "").await;
    assert_eq!(r.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert!(v["block_remaining_ms"].as_i64().unwrap() <= 165 * 60_000);
    assert_eq!(v["status"], "Running");
}
