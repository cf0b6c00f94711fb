//! The group matrix through the real router: rows under dimensions with the
//! "no more than 4" rule, versioned cells with visible conflicts, history,
//! offline replays applied once, the session's columns, and delivery locks.

use crate::common;

use axum::http::{header, Request, StatusCode};
use common::*;

async fn add_row(app: &TestApp, b: &mut Browser, group: &str, extra: &str) -> Reply {
    b.call(app, "/api/fn/add_matrix_row", &format!("group={group}&dimension=politicas{extra}")).await
}

async fn save(app: &TestApp, b: &mut Browser, key: &str, base: i64, text: &str, op: &str) -> Reply {
    let form = format!("group=andina&key={}&base={base}&text={}&op={op}", enc(key), enc(text));
    b.call(app, "/api/fn/save_cell", &form).await
}

#[tokio::test]
async fn a_stale_save_becomes_a_conflict_showing_the_other_text_and_nothing_is_lost() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let mut deputy = deputy(&app, &mut committee, "andina").await;
    let r = add_row(&app, &mut laptop, "andina", "").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let key = format!("m/{}/prioridades", r.body.trim());

    let first = save(&app, &mut laptop, &key, 0, "Compras públicas sustentables", "op-laptop-0001").await;
    assert!(first.body.contains("\"Saved\"") && first.body.contains("\"version\":1"), "{}", first.body);
    // The second browser still thinks the cell is empty (version 0).
    let stale = save(&app, &mut deputy, &key, 0, "Etiquetado ecológico", "op-deputy-0001").await;
    assert_eq!(stale.status, StatusCode::OK);
    let v = json(&stale.body);
    assert_eq!(v["Conflict"]["text"], "Compras públicas sustentables", "{}", stale.body);
    assert_eq!(v["Conflict"]["version"], 1);
    // Choosing to keep one's own text is a save based on the version seen.
    let resolved = save(&app, &mut deputy, &key, 1, "Compras públicas y etiquetado", "op-deputy-0002").await;
    assert!(resolved.body.contains("\"version\":2"), "{}", resolved.body);

    let history = laptop.call(&app, "/api/fn/cell_history", &format!("group=andina&key={}", enc(&key))).await;
    let h = json(&history.body);
    let texts: Vec<&str> = h.as_array().unwrap().iter().map(|v| v["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Compras públicas y etiquetado", "Compras públicas sustentables"]);
    // Authorship is data (the role and its group), named in each reader's language.
    assert_eq!(h[1]["by"], "\u{1f}coordinator:andina");
}

#[tokio::test]
async fn replaying_an_offline_edit_applies_it_once() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let row = add_row(&app, &mut laptop, "andina", "").await.body;
    let key = format!("m/{}/indicadores", row.trim());
    for _ in 0..3 {
        let r = save(&app, &mut laptop, &key, 0, "Número de países con programas de CPS", "op-offline-42").await;
        assert!(r.body.contains("\"Saved\""), "a replay answers as the first time did: {}", r.body);
    }
    let versions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cell_history").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(versions, 1);
}

#[tokio::test]
async fn a_fifth_line_in_one_dimension_is_refused_with_a_clear_reason() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    for n in 1..=4 {
        let r = add_row(&app, &mut laptop, "andina", &format!("&origin=tpl-{n}")).await;
        assert_eq!(r.status, StatusCode::OK, "row {n}: {}", r.body);
    }
    let r = add_row(&app, &mut laptop, "andina", "").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("dimension_full"), "{}", r.body);
    let r = laptop.call(&app, "/api/fn/add_matrix_row", "group=andina&dimension=cooperacion").await;
    assert_eq!(r.status, StatusCode::OK, "other dimensions still have room: {}", r.body);
    // A row started from the annex carries its proposal texts.
    let m = json(&laptop.call(&app, "/api/fn/group_matrix", "group=andina").await.body);
    let first = m["rows"].as_array().unwrap().iter().find(|r| r["dimension"] == "politicas" && r["position"] == 0).unwrap();
    assert_eq!(first["origin"], "tpl-1");
    assert!(first["cells"]["prioridades"]["text"].as_str().unwrap().starts_with("Promover la elaboración de políticas"));
}

#[tokio::test]
async fn a_row_started_from_the_annex_or_table_2_is_written_in_the_coordinator_s_language() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "cono-sur").await;
    // The coordinator reads Portuguese (chosen with the switch: the cookie).
    let in_portuguese = || {
        Request::post("/api/fn/add_matrix_row")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, format!("http://{HOST}"))
            .header(header::COOKIE, "i18n_pref_locale=pt")
    };
    for origin in ["tpl-1", "t2-politicas-estrategia-1"] {
        let r = laptop.send(&app, in_portuguese(), format!("group=cono-sur&dimension=politicas&origin={origin}")).await;
        assert_eq!(r.status, StatusCode::OK, "{origin}: {}", r.body);
    }
    let m = json(&laptop.call(&app, "/api/fn/group_matrix", "group=cono-sur").await.body);
    let rows = m["rows"].as_array().unwrap();
    let text = |origin: &str, field: &str| {
        rows.iter().find(|r| r["origin"] == origin).unwrap()["cells"][field]["text"].as_str().unwrap_or_default().to_string()
    };
    assert!(text("tpl-1", "prioridades").starts_with("Promover a elaboração"), "{}", text("tpl-1", "prioridades"));
    assert!(text("tpl-1", "resultados_corto").starts_with("Os países da região contam"), "{}", text("tpl-1", "resultados_corto"));
    assert!(
        text("t2-politicas-estrategia-1", "prioridades").starts_with("Implementação de políticas"),
        "{}",
        text("t2-politicas-estrategia-1", "prioridades")
    );
}

#[tokio::test]
async fn only_the_columns_of_the_session_in_progress_can_change() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let row = add_row(&app, &mut laptop, "andina", "").await.body.trim().to_string();
    let r = save(&app, &mut laptop, &format!("m/{row}/actividades"), 0, "Talleres", "op-s1-actividad").await;
    assert_eq!(r.status, StatusCode::CONFLICT, "session 3's column during session 1: {}", r.body);
    assert!(r.body.contains("column_closed"));

    committee.call(&app, "/api/fn/clock_select_block", "block=sesion-3").await;
    let r = save(&app, &mut laptop, &format!("m/{row}/actividades"), 0, "Talleres", "op-s3-actividad").await;
    assert!(r.body.contains("\"Saved\""), "{}", r.body);
    let r = save(&app, &mut laptop, &format!("m/{row}/prioridades"), 0, "Otra", "op-s3-prioridad").await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let r = add_row(&app, &mut laptop, "andina", "").await;
    assert_eq!(r.status, StatusCode::CONFLICT, "rows are set in sessions 1–2: {}", r.body);
    let r = save(&app, &mut laptop, &format!("m/{row}/responsables_tipo"), 0, "consejo,gobiernos,nadie", "op-s3-resp-bad").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = save(&app, &mut laptop, &format!("m/{row}/responsables_tipo"), 0, "consejo,gobiernos", "op-s3-resp-ok").await;
    assert!(r.body.contains("\"text\":\"gobiernos,consejo\""), "choices are kept in the document's order: {}", r.body);
}

#[tokio::test]
async fn another_group_s_coordinator_and_participants_cannot_touch_the_matrix() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut andina = coordinator(&app, &mut committee, "andina").await;
    let mut caribe = coordinator(&app, &mut committee, "caribe").await;
    let mut member = participant(&app, "Perú", "government", "andina").await;
    let row = add_row(&app, &mut andina, "andina", "").await.body.trim().to_string();
    let key = format!("m/{row}/prioridades");
    assert_eq!(save(&app, &mut caribe, &key, 0, "x", "op-caribe-0001").await.status, StatusCode::FORBIDDEN);
    assert_eq!(save(&app, &mut member, &key, 0, "x", "op-member-0001").await.status, StatusCode::FORBIDDEN);
    assert_eq!(save(&app, &mut committee, &key, 0, "x", "op-committee-1").await.status, StatusCode::FORBIDDEN);
    // Members read their group's matrix; others do not.
    assert_eq!(member.call(&app, "/api/fn/group_matrix", "group=andina").await.status, StatusCode::OK);
    assert_eq!(caribe.call(&app, "/api/fn/group_matrix", "group=andina").await.status, StatusCode::FORBIDDEN);
    // A row of another group cannot be reached through one's own group.
    let r = caribe.call(&app, "/api/fn/save_cell", &format!("group=caribe&key={}&base=0&text=x&op=op-cross-0001", enc(&key))).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
}

#[tokio::test]
async fn a_delivered_result_is_locked_until_the_committee_reopens_it() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let row = add_row(&app, &mut laptop, "andina", "").await.body.trim().to_string();
    let key = format!("m/{row}/prioridades");
    let r = laptop.call(&app, "/api/fn/deliver_group_work", "group=andina&session=1").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = save(&app, &mut laptop, &key, 0, "Tarde", "op-late-00001").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("delivered"));
    let deliveries = committee.call(&app, "/api/fn/deliveries", "").await.body;
    assert!(deliveries.contains("\"group\":\"andina\""), "{deliveries}");
    assert_eq!(laptop.call(&app, "/api/fn/reopen_group_work", "group=andina&session=1").await.status, StatusCode::FORBIDDEN);
    assert_eq!(committee.call(&app, "/api/fn/reopen_group_work", "group=andina&session=1").await.status, StatusCode::OK);
    let r = save(&app, &mut laptop, &key, 0, "A tiempo", "op-late-00002").await;
    assert!(r.body.contains("\"Saved\""), "{}", r.body);
}

#[tokio::test]
async fn bad_input_gets_a_validation_error_not_a_500() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let row = add_row(&app, &mut laptop, "andina", "").await.body.trim().to_string();
    let key = format!("m/{row}/prioridades");
    for (form, why) in [
        (format!("group=andina&key={}&base=0&text={}&op=op-long-0001", enc(&key), "a".repeat(2001)), "too long"),
        (format!("group=andina&key=m%2F{row}%2Fnada&base=0&text=x&op=op-bad-00001"), "unknown field"),
        (format!("group=andina&key={}&base=0&text=x&op=no", enc(&key)), "bad op id"),
        (format!("group=andina&key={}&base=zero&text=x&op=op-bad-00002", enc(&key)), "bad number"),
    ] {
        let r = laptop.call(&app, "/api/fn/save_cell", &form).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{why}: {}", r.body);
    }
    let r = laptop.call(&app, "/api/fn/add_matrix_row", "group=andina&dimension=otra").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = laptop.call(&app, "/api/fn/group_matrix", "group=nadie").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "not a group this browser coordinates: {}", r.body);
}

#[tokio::test]
async fn a_deleted_line_comes_back_with_its_cells_when_undone() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let row = add_row(&app, &mut laptop, "andina", "").await.body.trim().to_string();
    let key = format!("m/{row}/prioridades");
    save(&app, &mut laptop, &key, 0, "Compras públicas", "op-undo-0001").await;
    let r = laptop.call(&app, "/api/fn/delete_matrix_row", &format!("group=andina&row={row}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(!laptop.call(&app, "/api/fn/group_matrix", "group=andina").await.body.contains("Compras públicas"));

    let r = laptop.call(&app, "/api/fn/restore_matrix_row", &format!("group=andina&row={row}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(laptop.call(&app, "/api/fn/group_matrix", "group=andina").await.body.contains("Compras públicas"));
    // Undoing twice, or a line that was never deleted, finds nothing to bring back.
    let r = laptop.call(&app, "/api/fn/restore_matrix_row", &format!("group=andina&row={row}")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
}

#[tokio::test]
async fn an_undone_line_does_not_overfill_its_dimension() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let first = add_row(&app, &mut laptop, "andina", "").await.body.trim().to_string();
    laptop.call(&app, "/api/fn/delete_matrix_row", &format!("group=andina&row={first}")).await;
    for _ in 0..4 {
        assert_eq!(add_row(&app, &mut laptop, "andina", "").await.status, StatusCode::OK);
    }
    let r = laptop.call(&app, "/api/fn/restore_matrix_row", &format!("group=andina&row={first}")).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert!(r.body.contains("dimension_full"), "{}", r.body);
}
