//! Coordinator links and promotions through the real router.

use crate::common;

use axum::http::StatusCode;
use common::*;

fn token_of(body: &str) -> String {
    let start = body.find("\"token\":\"").expect("a token in the reply") + 9;
    body[start..start + 32].to_string()
}

#[tokio::test]
async fn a_coordinator_link_makes_a_browser_coordinator_of_exactly_that_group() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let r = committee.call(&app, "/api/fn/issue_coordinator_link", "group=andina&deputy=false").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("/coordinate/") && r.body.contains("<svg"), "a URL and its QR code");
    let token = token_of(&r.body);

    let mut laptop = Browser::default();
    let r = laptop.call(&app, "/api/fn/coordinator_sign_in", &format!("token={token}")).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    let me = laptop.call(&app, "/api/fn/whoami", "").await.body;
    assert!(me.contains("\"coordinates\":[\"andina\"]"), "{me}");
    let groups = laptop.call(&app, "/api/fn/my_groups", "").await.body;
    assert!(groups.contains("\"id\":\"andina\"") && !groups.contains("\"id\":\"caribe\""), "{groups}");
    // Coordinating a group is not being the committee.
    let r = laptop.call(&app, "/api/fn/issue_coordinator_link", "group=andina&deputy=true").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Revoking the link ends it at once.
    let r = committee.call(&app, "/api/fn/revoke_coordinator_link", "group=andina&deputy=false").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let me = laptop.call(&app, "/api/fn/whoami", "").await.body;
    assert!(me.contains("\"coordinates\":[]"), "{me}");
    let r = Browser::default().call(&app, "/api/fn/coordinator_sign_in", &format!("token={token}")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn reissuing_a_link_revokes_the_old_one() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let old = token_of(&committee.call(&app, "/api/fn/issue_coordinator_link", "group=ongs&deputy=true").await.body);
    let new = token_of(&committee.call(&app, "/api/fn/issue_coordinator_link", "group=ongs&deputy=true").await.body);
    assert_ne!(old, new);
    let r = Browser::default().call(&app, "/api/fn/coordinator_sign_in", &format!("token={old}")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = Browser::default().call(&app, "/api/fn/coordinator_sign_in", &format!("token={new}")).await;
    assert!(r.status.is_success() || r.status.is_redirection());
}

#[tokio::test]
async fn the_committee_promotes_a_member_of_the_group_only() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut ana = participant(&app, "Ecuador", "government", "andina").await;
    let jamaica = participant(&app, "Jamaica", "government", "caribe").await;
    drop(jamaica);
    let r = committee.call(&app, "/api/fn/promote_participant", "group=andina&participant=1&deputy=false").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(ana.call(&app, "/api/fn/whoami", "").await.body.contains("\"coordinates\":[\"andina\"]"));
    // The Caribbean delegate cannot be made coordinator of the Andean group.
    let r = committee.call(&app, "/api/fn/promote_participant", "group=andina&participant=2&deputy=true").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = committee.call(&app, "/api/fn/demote_participant", "group=andina&participant=1").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(ana.call(&app, "/api/fn/whoami", "").await.body.contains("\"coordinates\":[]"));
}

#[tokio::test]
async fn rotating_the_committee_token_retires_the_old_link_and_other_browsers() {
    let app = app().await;
    let mut desk = committee(&app).await;
    let mut laptop = committee(&app).await;
    let r = desk.call(&app, "/api/fn/rotate_committee_token", "").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("/committee?token="), "{}", r.body);
    assert_eq!(desk.call(&app, "/api/fn/committee_overview", "").await.status, StatusCode::OK);
    assert_eq!(laptop.call(&app, "/api/fn/committee_overview", "").await.status, StatusCode::UNAUTHORIZED);
    let r = Browser::default().call(&app, "/api/fn/committee_sign_in", &format!("token={COMMITTEE_TOKEN}")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "the old token no longer signs in");
}
