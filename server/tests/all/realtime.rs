//! The realtime channel and the clock over HTTP: hello, change announcements
//! after committed writes, topics withheld from those they do not concern,
//! resync for a receiver that falls behind, and the public clock JSON.

use crate::common;

use app::domain::change::Change;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use futures::StreamExt;
use tower::ServiceExt;

/// Opens the event stream as `browser` and returns a reader of its text.
async fn open_events(app: &TestApp, browser: &Browser) -> impl futures::Stream<Item = String> {
    let mut req = Request::get("/api/v1/events").header(header::HOST, HOST);
    if let Some(c) = &browser.cookie {
        req = req.header(header::COOKIE, c.clone());
    }
    let res = app.router.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "text/event-stream");
    res.into_body().into_data_stream().map(|chunk| String::from_utf8_lossy(&chunk.unwrap()).into_owned())
}

/// Reads events until one contains `needle` (bounded by the test timeout).
async fn until(events: &mut (impl futures::Stream<Item = String> + Unpin), needle: &str) -> String {
    let mut seen = String::new();
    while let Some(chunk) = events.next().await {
        seen.push_str(&chunk);
        if seen.contains(needle) {
            return seen;
        }
    }
    panic!("stream ended before {needle:?}; saw {seen}");
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
async fn people_changes_are_numbered_for_everyone_but_named_only_for_those_concerned() {
    let app = app().await;
    let mut anonymous = Box::pin(open_events(&app, &Browser::default()).await);
    until(&mut anonymous, "event: hello").await;
    let _ana = participant(&app, "Perú", "government", "andina").await;
    let seen = until(&mut anonymous, "event: change").await;
    assert!(seen.contains("\"topic\":\"\""), "the topic is withheld: {seen}");
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
    // The revocation itself, told as a people change (no longer named to it).
    until(&mut events, "event: change").await;
    // The group keeps working (its deputy); the stream still counts the
    // change but no longer names it.
    add_row(&app, &mut deputy, "andina", "politicas").await;
    let seen = until(&mut events, "event: change").await;
    assert!(!seen.contains("group:andina"), "{seen}");
    assert!(seen.contains("\"topic\":\"\""), "{seen}");
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
