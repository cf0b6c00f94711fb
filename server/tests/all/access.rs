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
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path.to_string()).collect();
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

/// A role-table request body with the shipped meeting's ids filled in.
fn body_for(template: &str) -> String {
    [
        ("{group}", "andina"),
        ("{dimension}", "politicas"),
        ("{field}", "prioridades"),
        ("{question}", "4.2%2Fa"),
        ("{mixed}", "mixto-1"),
        ("{item}", "4.4%2F1"),
        ("{reference}", "ilac"),
    ]
    .into_iter()
    .fold(template.to_string(), |body, (slot, id)| body.replace(slot, id))
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
        let body = &body_for(body);
        assert!(!body.contains('{'), "{path}: a slot the test does not fill: {body}");
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
async fn every_public_server_function_answers_through_the_role_table() {
    let app = app().await;
    // Anyone may read the programme, join, see their own session: each such
    // function answers a stranger, and only because it checked (an answer
    // without the check is withheld, see below).
    for (path, kind, body) in SERVER_FNS.iter().filter(|(_, k, _)| rule_for(*k).who.contains(&Who::Anyone)) {
        let r = Browser::default().call(&app, path, &body_for(body)).await;
        assert_ne!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{path} ({kind:?}): {}", r.body);
    }
    let page = Browser::default().get(&app, "/sessions/1").await;
    assert_eq!(page.status, StatusCode::OK, "a page rendered with server functions");
}

#[tokio::test]
async fn a_server_function_that_skips_the_role_check_cannot_answer() {
    use app::api::context::RoleChecked;
    use axum::routing::post;
    use tower::ServiceExt;
    let checking = |axum::Extension(checked): axum::Extension<RoleChecked>| async move {
        checked.set();
        "fine"
    };
    let unchecked = axum::Router::new()
        .route("/api/fn/forgot_the_check", post(|| async { "the group's matrix" }))
        .route("/api/fn/checked", post(checking))
        .layer(axum::middleware::from_fn(server::middleware::role_checked));
    let call = |path: &str| unchecked.clone().oneshot(Request::post(path).body(Body::empty()).unwrap());
    let r = call("/api/fn/forgot_the_check").await.unwrap();
    assert_eq!(r.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = axum::body::to_bytes(r.into_body(), 1 << 16).await.unwrap();
    assert!(!String::from_utf8_lossy(&body).contains("matrix"), "nothing of the answer leaves");
    let r = call("/api/fn/checked").await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn joining_with_the_code_makes_a_participant_of_the_suggested_group() {
    let app = app().await;
    let code = join_code(&app).await;
    let mut b = Browser::default();
    let r =
        b.call(&app, "/api/fn/join", &format!("code={}&name=&affiliation=Per%C3%BA&sector=government&group=", code.to_lowercase())).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    let me = b.call(&app, "/api/fn/whoami", "").await;
    assert!(me.body.contains("\"group\":\"andina\""), "{}", me.body);
    assert!(me.body.contains("\"affiliation\":\"Perú\""), "{}", me.body);
}

/// A browser at `ip`, without a cookie yet.
fn at(ip: &str) -> Browser {
    Browser { address: Some(format!("{ip}:40000").parse().unwrap()), ..Browser::default() }
}

async fn sessions(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM browser_sessions").fetch_one(&app.state.pool).await.unwrap()
}

#[tokio::test]
async fn wrong_codes_are_explained_then_rate_limited_per_browser_not_per_address() {
    let app = app().await;
    let form = |code: &str| format!("code={code}&name=&affiliation=Chile&sector=ngo&group=");
    let wrong = if join_code(&app).await == "ZZZZZZ" { "YYYYYY" } else { "ZZZZZZ" };
    let right = join_code(&app).await;
    // A wrong code is explained, and stores nothing: no session for a browser
    // that has nothing to keep.
    let r = at("10.0.0.9").call(&app, "/api/fn/join", &form("AB3K")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("code_format"), "{}", r.body);
    let r = at("10.0.0.9").call(&app, "/api/fn/join", &form(wrong)).await;
    assert!(r.body.contains("wrong_code"), "{}", r.body);
    assert_eq!(sessions(&app).await, 0, "no session for a wrong code");

    // A browser that has a session (it joined) is locked out after five wrong codes…
    let mut guesser = at("10.0.0.9");
    let r = guesser.call(&app, "/api/fn/join", &form(&right)).await;
    assert!(r.status.is_success(), "{} {}", r.status, r.body);
    for attempt in 1..=5 {
        let r = guesser.call(&app, "/api/fn/join", &form(wrong)).await;
        let expected = if attempt < 5 { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::TOO_MANY_REQUESTS };
        assert_eq!(r.status, expected, "attempt {attempt}: {}", r.body);
    }
    // …even with the right code, in this browser…
    let r = guesser.call(&app, "/api/fn/join", &form(&right)).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains("retry_after_seconds"), "{}", r.body);
    // …but the next phone behind the same address joins at once.
    let r = at("10.0.0.9").call(&app, "/api/fn/join", &form(&right)).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
}

#[tokio::test]
async fn a_guesser_without_cookies_never_stops_the_meeting_from_joining() {
    let app = app().await;
    let form = |code: &str| format!("code={code}&name=&affiliation=Chile&sector=ngo&group=");
    let wrong = if join_code(&app).await == "ZZZZZZ" { "YYYYYY" } else { "ZZZZZZ" };
    let right = join_code(&app).await;
    // 300 wrong codes from one address, each from a fresh browser (the
    // venue's allowance), then that address waits…
    for attempt in 1..=300 {
        let r = at("203.0.113.7").call(&app, "/api/fn/join", &form(wrong)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "attempt {attempt}: {}", r.body);
    }
    let r = at("203.0.113.7").call(&app, "/api/fn/join", &form(wrong)).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    assert_eq!(sessions(&app).await, 0, "301 requests, no session row");
    // …and a phone anywhere else, with the right code, joins at once.
    let r = at("198.51.100.20").call(&app, "/api/fn/join", &form(&right)).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    assert_eq!(sessions(&app).await, 1);
}

#[tokio::test]
async fn sign_in_links_cannot_be_guessed_from_one_address() {
    let app = app().await;
    for attempt in 1..=20 {
        let r = at("203.0.113.8").call(&app, "/api/fn/committee_sign_in", &format!("token=guess-{attempt:04}-of-the-committee")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "attempt {attempt}: {}", r.body);
    }
    let r = at("203.0.113.8").call(&app, "/api/fn/coordinator_sign_in", "token=00000000000000000000000000000000").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "coordinator links share the allowance: {}", r.body);
    let r = at("203.0.113.8").call(&app, "/api/fn/committee_sign_in", &format!("token={COMMITTEE_TOKEN}")).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "not even checked now: {}", r.body);
    let mut committee = at("198.51.100.21");
    let r = committee.call(&app, "/api/fn/committee_sign_in", &format!("token={COMMITTEE_TOKEN}")).await;
    assert!(r.status.is_success(), "the committee elsewhere: {} {}", r.status, r.body);
}

#[tokio::test]
async fn a_bad_profile_gets_a_field_error_and_stores_nothing() {
    let app = app().await;
    let code = join_code(&app).await;
    let before = snapshot(&app).await;
    let long = "x".repeat(200);
    let r = Browser::default().call(&app, "/api/fn/join", &format!("code={code}&name={long}&affiliation=Chile&sector=ngo&group=")).await;
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
    let mut stale = Browser { cookie: Some(as_participant), ..Browser::default() };
    let r = stale.call(&app, "/api/fn/committee_overview", "").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "the old session id is worthless");
    assert_eq!(b.call(&app, "/api/fn/committee_overview", "").await.status, StatusCode::OK);
    b.call(&app, "/api/fn/sign_out", "").await;
    assert_eq!(b.call(&app, "/api/fn/committee_overview", "").await.status, StatusCode::UNAUTHORIZED);
}
