//! The projector through the real router: only the committee drives it,
//! bad choices are refused by name, and a frozen projector keeps showing its
//! snapshot while the groups go on editing.

mod common;

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

    for (form, field) in [("mode=zoom", "mode"), ("mode=focus&target=", "mode"), ("mode=focus&target=atlantis", "target"), ("mode=compare&target=colores", "target")] {
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
