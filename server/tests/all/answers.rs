//! Participants' answers through the real router: answering in one's own
//! group, the coordinator reading them by question, marking discussed,
//! promoting one into the matrix with attribution, and answers closing when
//! the committee ends the block.

use crate::common;

use axum::http::StatusCode;
use common::*;

#[tokio::test]
async fn a_participant_answers_and_the_coordinator_promotes_it_into_the_matrix() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let mut ana = participant(&app, "Per%C3%BA", "government", "andina").await;

    let sheet = json(&ana.call(&app, "/api/fn/my_questions", "").await.body);
    assert_eq!(sheet["group"]["id"], "andina");
    assert_eq!(sheet["guide"]["id"], "4.2");
    assert_eq!(sheet["open"], true);

    let r = ana.call(&app, "/api/fn/add_answer", &format!("group=andina&question=4.2%2Fa&text={}", enc("Compras públicas verdes"))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let answer: i64 = r.body.trim().parse().unwrap();
    let r = ana.call(&app, "/api/fn/add_answer", "group=andina&question=4.2%2Fz&text=x").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "no question z: {}", r.body);
    let r = ana.call(&app, "/api/fn/add_answer", "group=andina&question=4.2%2Fa&text=%20%20").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "empty: {}", r.body);

    let seen = json(&laptop.call(&app, "/api/fn/group_answers", "group=andina").await.body);
    assert_eq!(seen["coordinator"], true);
    let (question, answers) = (&seen["guides"][0]["by_question"][0][0], &seen["guides"][0]["by_question"][0][1]);
    assert_eq!(question, "4.2/a");
    assert_eq!(answers[0]["text"], "Compras públicas verdes");
    assert_eq!(answers[0]["author"], "Ana");

    let r = laptop.call(&app, "/api/fn/mark_discussed", "group=andina&question=4.2%2Fa&discussed=true").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(ana.call(&app, "/api/fn/my_questions", "").await.body.contains("\"discussed\":[\"4.2/a\"]"));

    let row = laptop.call(&app, "/api/fn/add_matrix_row", "group=andina&dimension=politicas").await.body;
    let key = enc(&format!("m/{}/prioridades", row.trim()));
    let r = laptop.call(&app, "/api/fn/promote_answer", &format!("group=andina&answer={answer}&key={key}&op=op-promote-1")).await;
    let v = json(&r.body);
    assert_eq!(v["Saved"]["text"], "Compras públicas verdes — Ana (Perú)", "{}", r.body);
    // Promoting it again adds nothing.
    let r = laptop.call(&app, "/api/fn/promote_answer", &format!("group=andina&answer={answer}&key={key}&op=op-promote-2")).await;
    assert_eq!(json(&r.body)["Saved"]["version"], 1, "{}", r.body);
}

#[tokio::test]
async fn participants_change_only_their_own_answers_in_their_own_group() {
    let app = app().await;
    let mut ana = participant(&app, "Per%C3%BA", "government", "andina").await;
    let mut luis = participant(&app, "Chile", "government", "cono-sur").await;
    let mut pedro = participant(&app, "Bolivia", "government", "andina").await;
    let id = ana.call(&app, "/api/fn/add_answer", "group=andina&question=4.2%2Fc&text=Experiencia").await.body;
    let r = luis.call(&app, "/api/fn/add_answer", "group=andina&question=4.2%2Fc&text=Intruso").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = pedro.call(&app, "/api/fn/edit_answer", &format!("group=andina&id={}&text=Cambiada", id.trim())).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "not Pedro's answer: {}", r.body);
    let r = ana.call(&app, "/api/fn/edit_answer", &format!("group=andina&id={}&text=Experiencia%20regional", id.trim())).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = ana.call(&app, "/api/fn/delete_answer", &format!("group=andina&id={}", id.trim())).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(ana.call(&app, "/api/fn/my_questions", "").await.body.contains("\"mine\":[]"));
}

#[tokio::test]
async fn answers_close_when_the_committee_ends_the_block() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut ana = participant(&app, "Per%C3%BA", "government", "andina").await;
    committee.call(&app, "/api/fn/clock_command", "command=start").await;
    committee.call(&app, "/api/fn/clock_command", "command=end").await;
    assert!(ana.call(&app, "/api/fn/my_questions", "").await.body.contains("\"open\":false"));
    let r = ana.call(&app, "/api/fn/add_answer", "group=andina&question=4.2%2Fa&text=Tarde").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("answers_closed"), "{}", r.body);
}

#[tokio::test]
async fn an_answer_sent_again_with_the_same_operation_id_is_stored_once() {
    let app = app().await;
    let mut ana = participant(&app, "Per%C3%BA", "government", "andina").await;
    // A phone whose reply was lost replays its outbox: same op, same answer.
    let form = "group=andina&question=4.2%2Fb&text=Etiquetado&op=op-ana-0001";
    let first = ana.call(&app, "/api/fn/add_answer", form).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let again = ana.call(&app, "/api/fn/add_answer", form).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(first.body.trim(), again.body.trim(), "the replay names the answer already stored");
    let sheet = json(&ana.call(&app, "/api/fn/my_questions", "").await.body);
    assert_eq!(sheet["mine"].as_array().unwrap().len(), 1, "{sheet}");
    // Another write (another op) is another answer; a malformed op is refused.
    let r = ana.call(&app, "/api/fn/add_answer", "group=andina&question=4.2%2Fb&text=Etiquetado&op=op-ana-0002").await;
    assert_ne!(r.body.trim(), first.body.trim());
    let r = ana.call(&app, "/api/fn/add_answer", "group=andina&question=4.2%2Fb&text=x&op=has%20space").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
}

#[tokio::test]
async fn typed_text_stays_inside_its_box_on_the_server_s_page_exactly_as_typed() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let mut ana = participant(&app, "Per%C3%BA", "government", "andina").await;
    let typed = "</textarea><b>fuera</b> &amp; R&D";
    let r = ana.call(&app, "/api/fn/add_answer", &format!("group=andina&question=4.2%2Fa&text={}", enc(typed))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let page = ana.get(&app, "/answer").await.body;
    assert!(page.contains("&lt;/textarea&gt;&lt;b&gt;fuera&lt;/b&gt; &amp;amp; R&amp;D"), "answer box on /answer");
    assert!(!page.contains("<b>fuera</b>"), "the answer broke out of its box");

    let row = add_row(&app, &mut laptop, "andina", "politicas").await;
    let r = save_cell(&app, &mut laptop, "andina", &format!("m/{row}/prioridades"), 0, typed, "op-escape-0001").await;
    assert!(r.body.contains("\"Saved\""), "{}", r.body);
    let page = laptop.get(&app, "/groups/andina/matrix").await.body;
    assert!(page.contains("&lt;/textarea&gt;&lt;b&gt;fuera&lt;/b&gt; &amp;amp; R&amp;D"), "matrix cell box");
    assert!(!page.contains("<b>fuera</b>"), "the cell's text broke out of its box");
}
