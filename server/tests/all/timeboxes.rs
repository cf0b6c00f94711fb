//! Suggested minutes per guiding question: a coordinator sets them for the
//! group, the committee for one group or every group of the same sessions;
//! participants see them with their questions.

use crate::common;

use axum::http::StatusCode;
use common::*;

#[tokio::test]
async fn coordinators_plan_their_group_and_the_committee_every_group() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let mut phone = participant(&app, "Per%C3%BA", "government", "andina").await;

    let r = laptop.call(&app, "/api/fn/set_timebox", "group=andina&question=4.2%2Fa&minutes=15").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let sheet = json(&phone.call(&app, "/api/fn/my_questions", "").await.body);
    assert_eq!(sheet["timeboxes"], serde_json::json!({ "4.2/a": 15 }));

    // Mistakes are explained and change nothing.
    for (form, field) in [
        ("group=andina&question=4.2%2Fa&minutes=diez", "minutes"),
        ("group=andina&question=4.2%2Fa&minutes=241", "minutes"),
        ("group=andina&question=4.9%2Fz&minutes=5", "question"),
    ] {
        let r = laptop.call(&app, "/api/fn/set_timebox", form).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{form}: {}", r.body);
        assert!(r.body.contains(field), "{form}: {}", r.body);
    }
    // Only the committee plans for every group; participants plan nothing.
    let r = laptop.call(&app, "/api/fn/set_timebox", "group=andina&question=4.2%2Fb&minutes=10&every_group=true").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = phone.call(&app, "/api/fn/set_timebox", "group=andina&question=4.2%2Fb&minutes=10").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = laptop.call(&app, "/api/fn/set_timebox", "group=caribe&question=4.2%2Fb&minutes=10").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "another group's plan: {}", r.body);
    let sheet = json(&phone.call(&app, "/api/fn/my_questions", "").await.body);
    assert_eq!(sheet["timeboxes"], serde_json::json!({ "4.2/a": 15 }));

    let r = committee.call(&app, "/api/fn/set_timebox", "group=caribe&question=4.2%2Fb&minutes=20&every_group=true").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    for group in ["caribe", "mesoamerica", "andina", "cono-sur", "ongs", "empresas"] {
        let v = json(&committee.call(&app, "/api/fn/group_answers", &format!("group={group}")).await.body);
        assert_eq!(v["timeboxes"]["4.2/b"], 20, "{group}");
    }
    let v = json(&committee.call(&app, "/api/fn/group_answers", "group=mixto-1").await.body);
    assert_eq!(v["timeboxes"], serde_json::json!({}), "session 4's groups are another set");

    // Empty clears.
    let r = laptop.call(&app, "/api/fn/set_timebox", "group=andina&question=4.2%2Fa&minutes=").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let sheet = json(&phone.call(&app, "/api/fn/my_questions", "").await.body);
    assert_eq!(sheet["timeboxes"], serde_json::json!({ "4.2/b": 20 }));
}
