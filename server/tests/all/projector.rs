//! The projector through the real router: only the committee drives it,
//! bad choices are refused by name, and a frozen projector keeps showing its
//! snapshot while the groups go on editing.

use crate::common;

use axum::http::StatusCode;
use common::*;

#[tokio::test]
async fn the_committee_chooses_what_the_projector_shows() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let r = committee.call(&app, "/api/fn/set_projector", "mode=focus&target=andina").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let view = json(&committee.call(&app, "/api/fn/plenary", "").await.body);
    assert_eq!(view["projector"]["show"]["Focus"], "andina");

    for (form, field) in [
        ("mode=zoom", "mode"),
        ("mode=focus&target=", "mode"),
        ("mode=focus&target=atlantis", "target"),
        ("mode=compare&target=colores", "target"),
    ] {
        let r = committee.call(&app, "/api/fn/set_projector", form).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{form}: {}", r.body);
        assert_eq!(json(&r.body)["Validation"]["field"], field, "{form}");
    }
    let view = json(&committee.call(&app, "/api/fn/plenary", "").await.body);
    assert_eq!(view["projector"]["show"]["Focus"], "andina", "a refused choice changes nothing");

    let mut person = participant(&app, "Chile", "government", "cono-sur").await;
    let mut coordinator = coordinator(&app, &mut committee, "andina").await;
    for b in [&mut person, &mut coordinator] {
        assert_eq!(b.call(&app, "/api/fn/set_projector", "mode=groups").await.status, StatusCode::FORBIDDEN);
        assert_eq!(b.call(&app, "/api/fn/freeze_projector", "frozen=true").await.status, StatusCode::FORBIDDEN);
    }
    assert_eq!(Browser::default().call(&app, "/api/fn/set_projector", "mode=groups").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_remote_turns_pages_and_another_view_starts_on_its_first() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let r = committee.call(&app, "/api/fn/page_projector", "page=2&every=20").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let paging = &json(&committee.call(&app, "/api/fn/plenary", "").await.body)["projector"]["paging"];
    assert_eq!((paging["page"].as_i64(), paging["every_secs"].as_i64()), (Some(2), Some(20)));
    assert!(paging["since"].as_i64().unwrap_or(0) > 0, "when it was chosen: {paging}");

    for (form, field) in [("page=1&every=7", "every"), ("page=99999&every=0", "page")] {
        let r = committee.call(&app, "/api/fn/page_projector", form).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{form}: {}", r.body);
        assert_eq!(json(&r.body)["Validation"]["field"], field, "{form}");
    }
    assert_eq!(committee.call(&app, "/api/fn/page_projector", "page=-1").await.status, StatusCode::UNPROCESSABLE_ENTITY);

    // The join slide and the clock are views too; a new view starts on page 1, still turning.
    for mode in ["join", "clock"] {
        let r = committee.call(&app, "/api/fn/set_projector", &format!("mode={mode}")).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    let projector = &json(&committee.call(&app, "/api/fn/plenary", "").await.body)["projector"];
    assert_eq!(projector["show"], "Clock");
    assert_eq!((projector["paging"]["page"].as_i64(), projector["paging"]["every_secs"].as_i64()), (Some(0), Some(20)));

    let card = json(&committee.call(&app, "/api/fn/join_card", "").await.body);
    assert!(card["link"]["qr_svg"].as_str().is_some_and(|s| s.contains("<svg")), "{card}");
    assert!(
        card["link"]["url"].as_str().is_some_and(|u| u.ends_with(&format!("/join?code={}", card["code"].as_str().unwrap_or("?")))),
        "{card}"
    );
    let mut person = participant(&app, "Chile", "government", "cono-sur").await;
    assert_eq!(person.call(&app, "/api/fn/page_projector", "page=0").await.status, StatusCode::FORBIDDEN);
    assert_eq!(person.call(&app, "/api/fn/join_card", "").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_frozen_projector_keeps_its_snapshot_while_groups_edit() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let row = add_row(&app, &mut laptop, "andina", "politicas").await;
    let key = format!("m/{row}/prioridades");
    save_cell(&app, &mut laptop, "andina", &key, 0, "Antes de congelar", "op-freeze-1").await;

    let r = committee.call(&app, "/api/fn/freeze_projector", "frozen=true").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = save_cell(&app, &mut laptop, "andina", &key, 1, "Después de congelar", "op-freeze-2").await;
    assert!(r.body.contains("Saved"), "the group keeps editing: {}", r.body);

    let frozen = committee.call(&app, "/api/fn/plenary", "").await.body;
    assert!(frozen.contains("Antes de congelar") && !frozen.contains("Después de congelar"), "{frozen}");
    assert!(json(&frozen)["projector"]["frozen_at"].is_i64());
    // The snapshot is stored in the database: asked again, it is the same.
    let again = committee.call(&app, "/api/fn/plenary", "").await.body;
    assert_eq!(json(&again)["work"], json(&frozen)["work"]);

    committee.call(&app, "/api/fn/freeze_projector", "frozen=false").await;
    let live = committee.call(&app, "/api/fn/plenary", "").await.body;
    assert!(live.contains("Después de congelar"), "{live}");
    assert!(json(&live)["projector"]["frozen_at"].is_null());
}

#[tokio::test]
async fn the_plenary_and_the_plan_are_computed_once_per_change_and_never_stale() {
    let app = app().await;
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let row = add_row(&app, &mut laptop, "andina", "politicas").await;
    let key = format!("m/{row}/prioridades");
    save_cell(&app, &mut laptop, "andina", &key, 0, "Primera versión", "op-cache-1").await;
    assert!(committee.call(&app, "/api/fn/plenary", "").await.body.contains("Primera versión"));
    assert!(committee.call(&app, "/api/fn/regional_plan", "").await.body.contains("Primera versión"));

    // Nothing announced since: both are served from memory (a hand edit of
    // the database, which announces nothing, does not show)…
    sqlx::query("UPDATE cells SET text = 'A mano' WHERE key = ?").bind(&key).execute(&app.state.pool).await.unwrap();
    assert!(committee.call(&app, "/api/fn/plenary", "").await.body.contains("Primera versión"));
    assert!(committee.call(&app, "/api/fn/regional_plan", "").await.body.contains("Primera versión"));

    // …and the next change of the group's work computes them again.
    let r = save_cell(&app, &mut laptop, "andina", &key, 1, "Segunda versión", "op-cache-2").await;
    assert!(r.body.contains("Saved"), "{}", r.body);
    assert!(committee.call(&app, "/api/fn/plenary", "").await.body.contains("Segunda versión"));
    assert!(committee.call(&app, "/api/fn/regional_plan", "").await.body.contains("Segunda versión"));
}
