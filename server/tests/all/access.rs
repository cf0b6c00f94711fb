//! Roles and joining, end to end through the real router: every server
//! function checks its caller, joining is rate-limited per browser, and
//! changes must come from this site.

use crate::common;

use app::api::SERVER_FNS;
use app::domain::roles::{authorize, rule_for, Action, Caller, Who};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::*;
use std::collections::BTreeSet;

#[test]
fn every_registered_server_function_is_in_the_role_table() {
    let registered: BTreeSet<String> =
        leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path.to_string()).collect();
    let listed: BTreeSet<String> = SERVER_FNS.iter().map(|(p, _, _)| p.to_string()).collect();
    let missing: Vec<_> = registered.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(missing.is_empty(), "server functions missing from api::SERVER_FNS: {missing:?}");
    assert!(stale.is_empty(), "api::SERVER_FNS lists functions that do not exist: {stale:?}");
}

/// Everything a denied call could have changed.
async fn snapshot(app: &TestApp) -> Vec<String> {
    let mut out = Vec::new();
    for q in [
        "SELECT group_concat(id || ':' || coalesce(name,'') || ':' || affiliation || ':' || group_id || ':' || coalesce(mixed_group_id, 0), ',') FROM participants",
        "SELECT group_concat(id || ':' || coalesce(revoked_at,'live'), ',') FROM coordinator_links",
        "SELECT group_concat(group_id || ':' || participant_id || ':' || deputy, ',') FROM coordinator_assignments",
        "SELECT group_concat(hex(committee_token_hash) || join_code, ',') FROM meeting_access",
        "SELECT group_concat(id || ':' || committee || ':' || coalesce(participant_id,0), ',') FROM browser_sessions",
        "SELECT group_concat(id || ':' || coalesce(deleted_at,'live') || ':' || position, ',') FROM matrix_rows",
        "SELECT group_concat(key || ':' || version, ',') FROM cells",
        "SELECT group_concat(id || ':' || text || ':' || coalesce(deleted_at,'live'), ',') FROM answers",
        "SELECT group_concat(group_id || ':' || question, ',') FROM question_marks",
        "SELECT group_concat(group_id || ':' || session_number, ',') FROM deliveries",
        "SELECT group_concat(id || ':' || undone, ',') FROM clock_events",
    ] {
        let v: Option<String> = sqlx::query_scalar(q).fetch_one(&app.state.pool).await.unwrap();
        out.push(v.unwrap_or_default());
    }
    out
}

fn group_of(body: &str) -> Option<&str> {
    body.split('&').find_map(|kv| kv.strip_prefix("group=")).filter(|g| !g.is_empty())
}

#[tokio::test]
async fn no_server_function_does_anything_for_a_caller_without_its_role() {
    let app = app().await;
    // A participant of another group, and nobody at all.
    let mut outsider = participant(&app, "Jamaica", "government", "caribe").await;
    let outsider_caller = Caller { participant: Some(1), member_of: vec!["caribe".into()], ..Caller::default() };
    for (path, kind, body) in SERVER_FNS {
        if rule_for(*kind).who.contains(&Who::Anyone) {
            continue;
        }
        let before = snapshot(&app).await;
        let r = Browser::default().call(&app, path, body).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{path} anonymous: {}", r.body);
        let action = Action { kind: *kind, group: group_of(body) };
        if authorize(&outsider_caller, &action).is_err() {
            let r = outsider.call(&app, path, body).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{path} as a participant of another group: {}", r.body);
        }
        assert_eq!(snapshot(&app).await, before, "{path} changed something while refusing");
    }
}

#[tokio::test]
async fn joining_with_the_code_makes_a_participant_of_the_suggested_group() {
    let app = app().await;
    let code = join_code(&app).await;
    let mut b = Browser::default();
    let r = b.call(&app, "/api/fn/join", &format!("code={}&name=&affiliation=Per%C3%BA&sector=government&group=", code.to_lowercase())).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    let me = b.call(&app, "/api/fn/whoami", "").await;
    assert!(me.body.contains("\"group\":\"andina\""), "{}", me.body);
    assert!(me.body.contains("\"affiliation\":\"Perú\""), "{}", me.body);
}

#[tokio::test]
async fn wrong_codes_are_explained_then_rate_limited_per_browser_not_per_address() {
    let app = app().await;
    let mut guesser = Browser::default();
    let form = |code: &str| format!("code={code}&name=&affiliation=Chile&sector=ngo&group=");
    let r = guesser.call(&app, "/api/fn/join", &form("AB3K")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("code_format"), "{}", r.body);
    let wrong = if join_code(&app).await == "ZZZZZZ" { "YYYYYY" } else { "ZZZZZZ" };
    for attempt in 1..=5 {
        let r = guesser.call(&app, "/api/fn/join", &form(wrong)).await;
        let expected = if attempt < 5 { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::TOO_MANY_REQUESTS };
        assert_eq!(r.status, expected, "attempt {attempt}: {}", r.body);
    }
    // Even the right code waits now, in this browser…
    let right = join_code(&app).await;
    let r = guesser.call(&app, "/api/fn/join", &form(&right)).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains("retry_after_seconds"), "{}", r.body);
    // …but the next phone behind the same address joins at once.
    let r = Browser::default().call(&app, "/api/fn/join", &form(&right)).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
}

#[tokio::test]
async fn a_bad_profile_gets_a_field_error_and_stores_nothing() {
    let app = app().await;
    let code = join_code(&app).await;
    let before = snapshot(&app).await;
    let long = "x".repeat(200);
    let r = Browser::default()
        .call(&app, "/api/fn/join", &format!("code={code}&name={long}&affiliation=Chile&sector=ngo&group="))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("\"field\":\"name\"") && r.body.contains("too_long"), "{}", r.body);
    let r = Browser::default().call(&app, "/api/fn/join", &format!("code={code}&affiliation=Chile")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "missing arguments: {}", r.body);
    let after = snapshot(&app).await;
    assert_eq!(before[0], after[0], "no participant stored");
}

#[tokio::test]
async fn changes_from_another_site_are_refused() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let before = snapshot(&app).await;
    let req = Request::post("/api/fn/rotate_committee_token")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, "http://evil.example");
    let r = committee.send(&app, req, "").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(snapshot(&app).await, before);
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_413() {
    let app = app().await;
    let body = format!("code=ZZZZZZ&name={}", "x".repeat(70 * 1024));
    let req = Request::post("/api/fn/join")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, body.len());
    let r = Browser::default().send(&app, req, body).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_body_sent_in_chunks_over_the_limit_or_not_text_is_the_callers_mistake() {
    let app = app().await;
    // No length announced: the limit is only met while reading.
    let chunks: Vec<Result<String, std::io::Error>> = (0..70).map(|_| Ok("x".repeat(1024))).collect();
    let req = Request::post("/api/fn/join").header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    let r = Browser::default().send(&app, req, Body::from_stream(futures::stream::iter(chunks))).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    assert!(r.body.contains("too_large"), "{}", r.body);

    let req = Request::post("/api/fn/join").header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    let r = Browser::default().send(&app, req, b"code=\xff\xfe&name=x".to_vec()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("not_text"), "{}", r.body);
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_policy_the_hydration_script_uses() {
    let app = app().await;
    let r = Browser::default().get(&app, "/").await;
    assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(r.headers[header::REFERRER_POLICY], "same-origin");
    let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).expect("a nonce in the policy");
    assert!(r.body.contains(&format!("nonce=\"{nonce}\"")), "the hydration script carries the nonce");
}

#[tokio::test]
async fn signing_in_renews_the_session_and_sign_out_ends_it() {
    let app = app().await;
    let mut b = participant(&app, "Chile", "ngo", "ongs").await;
    let as_participant = b.cookie.clone().unwrap();
    let r = b.call(&app, "/api/fn/committee_sign_in", &format!("token={COMMITTEE_TOKEN}")).await;
    assert!(r.status.is_success() || r.status.is_redirection());
    assert_ne!(b.cookie.clone().unwrap(), as_participant, "a role grant renews the session id");
    let mut stale = Browser { cookie: Some(as_participant) };
    let r = stale.call(&app, "/api/fn/committee_overview", "").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "the old session id is worthless");
    assert_eq!(b.call(&app, "/api/fn/committee_overview", "").await.status, StatusCode::OK);
    b.call(&app, "/api/fn/sign_out", "").await;
    assert_eq!(b.call(&app, "/api/fn/committee_overview", "").await.status, StatusCode::UNAUTHORIZED);
}
