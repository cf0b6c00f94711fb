//! Session 4 through the real router: the committee forms balanced mixed
//! groups, participants find their new group, and a mixed group's
//! coordinator fills the 10YFP questionnaire.

use crate::common;

use axum::http::StatusCode;
use common::*;

async fn save(app: &TestApp, b: &mut Browser, item: &str, text: &str, op: &str) -> Reply {
    let form = format!("group=mixto-1&key={}&base=0&text={}&op={op}", enc(&format!("q/{item}")), enc(text));
    b.call(app, "/api/fn/save_cell", &form).await
}

#[tokio::test]
async fn the_committee_forms_balanced_mixed_groups_and_people_find_theirs() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut people = Vec::new();
    for (aff, sector, group) in [
        ("Jamaica", "government", "caribe"),
        ("Barbados", "government", "caribe"),
        ("Per%C3%BA", "government", "andina"),
        ("Ecuador", "government", "andina"),
        ("Chile", "ngo", "ongs"),
        ("Brasil", "ngo", "ongs"),
        ("Colombia", "business", "empresas"),
        ("Guatemala", "business", "empresas"),
    ] {
        people.push(participant(&app, aff, sector, group).await);
    }
    let r = committee.call(&app, "/api/fn/assign_mixed_groups", "").await;
    assert_eq!((r.status, r.body.trim()), (StatusCode::OK, "8"), "{}", r.body);
    let r = committee.call(&app, "/api/fn/assign_mixed_groups", "").await;
    assert_eq!(r.body.trim(), "0", "nobody is left to place");

    // Each of the four groups got one of each pair: a government of each
    // subregion never shares a group with its neighbour, and so on.
    let pairs: Vec<(String, String)> = sqlx::query_as(
        "SELECT g.key, mg.key FROM participants p JOIN groups g ON g.id = p.group_id JOIN groups mg ON mg.id = p.mixed_group_id",
    )
    .fetch_all(&app.state.pool)
    .await
    .unwrap();
    for group in ["caribe", "andina", "ongs", "empresas"] {
        let mut mixed: Vec<&str> = pairs.iter().filter(|(g, _)| g == group).map(|(_, m)| m.as_str()).collect();
        mixed.dedup();
        assert_eq!(mixed.len(), 2, "{group}'s two people are in two different groups: {pairs:?}");
    }
    for m in ["mixto-1", "mixto-2", "mixto-3", "mixto-4"] {
        assert_eq!(pairs.iter().filter(|(_, x)| x == m).count(), 2, "{m} has two people");
    }

    // The committee moves someone; the participant finds the group in session 4.
    let r = committee.call(&app, "/api/fn/move_to_mixed_group", "participant=1&group=mixto-3").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = committee.call(&app, "/api/fn/move_to_mixed_group", "participant=1&group=caribe").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "not a mixed group: {}", r.body);
    committee.call(&app, "/api/fn/clock_select_block", "block=sesion-4").await;
    let sheet = json(&people[0].call(&app, "/api/fn/my_questions", "").await.body);
    assert_eq!(sheet["group"]["id"], "mixto-3");
    assert_eq!(sheet["guide"]["id"], "4.4");
    let r = people[0].call(&app, "/api/fn/add_answer", "group=mixto-3&question=4.4%2F1&text=PNUMA%2C%20CEPAL").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

#[tokio::test]
async fn the_committee_makes_a_member_of_a_mixed_group_its_coordinator() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut ana = participant(&app, "Jamaica", "government", "caribe").await;
    let r = committee.call(&app, "/api/fn/move_to_mixed_group", "participant=1&group=mixto-2").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // §4.1: each group, mixed ones too, chooses a coordinator.
    let r = committee.call(&app, "/api/fn/promote_participant", "group=mixto-2&participant=1&deputy=false").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let overview = json(&committee.call(&app, "/api/fn/committee_overview", "").await.body);
    let member = overview["participants"].as_array().unwrap().iter().find(|p| p["id"] == 1).unwrap().clone();
    assert_eq!((member["mixed_rank"].as_str(), member["rank"].as_str()), (Some("Coordinator"), None), "{member}");
    committee.call(&app, "/api/fn/clock_select_block", "block=sesion-4").await;
    let r =
        ana.call(&app, "/api/fn/save_cell", &format!("group=mixto-2&key={}&base=0&text=PNUMA&op=op-mixed-coord1", enc("q/4.4/1"))).await;
    assert!(r.body.contains("\"Saved\""), "she fills her group's questionnaire: {}", r.body);
    // Not in that group, not promoted there; moved away, the role ends.
    let r = committee.call(&app, "/api/fn/promote_participant", "group=mixto-3&participant=1&deputy=false").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    committee.call(&app, "/api/fn/move_to_mixed_group", "participant=1&group=mixto-3").await;
    let r =
        ana.call(&app, "/api/fn/save_cell", &format!("group=mixto-2&key={}&base=0&text=CEPAL&op=op-mixed-coord2", enc("q/4.4/2"))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
}

#[tokio::test]
async fn a_mixed_group_fills_the_questionnaire_in_session_4_only() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "mixto-1").await;
    let r = save(&app, &mut laptop, "4.4/1", "PNUMA y CEPAL", "op-q-early-01").await;
    assert_eq!(r.status, StatusCode::CONFLICT, "session 1 is in progress: {}", r.body);

    committee.call(&app, "/api/fn/clock_select_block", "block=sesion-4").await;
    assert!(save(&app, &mut laptop, "4.4/1", "PNUMA y CEPAL", "op-q-1-000001").await.body.contains("\"Saved\""));
    let r = save(&app, &mut laptop, "4.4/9/choice", "e,b", "op-q-9-choice1").await;
    assert!(r.body.contains("\"text\":\"b,e\""), "programmes kept in the document's order: {}", r.body);
    assert!(save(&app, &mut laptop, "4.4/9/b/c", "Ministerios de Hacienda", "op-q-9-b-c-01").await.body.contains("\"Saved\""));
    for bad in ["4.4/9/g/a", "4.4/10", "4.2/a"] {
        let r = save(&app, &mut laptop, bad, "x", "op-q-bad-00001").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {}", r.body);
    }
    let r = save(&app, &mut laptop, "4.4/9/choice", "z", "op-q-9-choice2").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);

    let v = json(&laptop.call(&app, "/api/fn/group_matrix", "group=mixto-1").await.body);
    assert_eq!(v["questionnaire"]["id"], "4.4");
    assert_eq!(v["questionnaire_open"], true);
    assert_eq!(v["answers"]["4.4/9/b/c"]["text"], "Ministerios de Hacienda");
}

#[tokio::test]
async fn a_mixed_group_starts_from_tagged_session_1_to_3_rows() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut andina = coordinator(&app, &mut committee, "andina").await;
    let r = andina.call(&app, "/api/fn/add_matrix_row", "group=andina&dimension=politicas").await;
    let row: i64 = r.body.trim().parse().expect(&r.body);
    for (field, text) in [("prioridades", "Compras públicas sustentables"), ("ilac", "6"), ("indicadores", "Leyes aprobadas")] {
        let form = format!("group=andina&key={}&base=0&text={}&op=op-andina-{field}", enc(&format!("m/{row}/{field}")), enc(text));
        assert!(andina.call(&app, "/api/fn/save_cell", &form).await.body.contains("\"Saved\""));
    }
    committee.call(&app, "/api/fn/clock_select_block", "block=sesion-4").await;
    let mut mixed = coordinator(&app, &mut committee, "mixto-1").await;

    let rows = json(&mixed.call(&app, "/api/fn/pullable_rows", "group=mixto-1").await.body);
    let pulled = rows.as_array().unwrap().iter().find(|r| r["row"] == row).expect("the Andean row is offered");
    assert_eq!(pulled["group"], "andina");
    assert_eq!(pulled["tags"], serde_json::json!([{ "field": "ilac", "id": "6" }]));

    let pull = |op: &'static str| format!("group=mixto-1&item=4.4%2F3&source=andina&row={row}&op={op}");
    for op in ["op-pull-000001", "op-pull-000002"] {
        let r = mixed.call(&app, "/api/fn/pull_matrix_row", &pull(op)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    let v = json(&mixed.call(&app, "/api/fn/group_matrix", "group=mixto-1").await.body);
    assert_eq!(
        v["answers"]["4.4/3"]["text"],
        "Compras públicas sustentables. Indicadores de resultados: Leyes aprobadas — Grupo 3: Subregión Andina",
        "pulled twice, written once"
    );

    // Only text answers take a line; only matrix groups' rows exist to pull.
    let r = mixed
        .call(&app, "/api/fn/pull_matrix_row", &format!("group=mixto-1&item=4.4%2F9%2Fchoice&source=andina&row={row}&op=op-pull-000003"))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = mixed
        .call(&app, "/api/fn/pull_matrix_row", &format!("group=mixto-1&item=4.4%2F3&source=mixto-2&row={row}&op=op-pull-000004"))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = mixed.call(&app, "/api/fn/pull_matrix_row", "group=mixto-1&item=4.4%2F3&source=caribe&row=999999&op=op-pull-000005").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    // Another group's coordinator may not pull into this questionnaire.
    let r = andina.call(&app, "/api/fn/pull_matrix_row", &pull("op-pull-000006")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = andina.call(&app, "/api/fn/pullable_rows", "group=mixto-1").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
}
