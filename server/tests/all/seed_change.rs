//! Starting again on a database whose seed file was edited: label changes
//! apply, a removed or re-identified item that work depends on stops the
//! start-up with a message naming it, and nothing recorded is lost.

use crate::common::{self, committee, coordinator, participant, shipped_seed, TestApp};

async fn start(dir: &common::TempDir, seed: &str) -> Result<app::state::AppState, String> {
    server::prepare(&common::config(dir, seed)).await
}

#[tokio::test]
async fn an_edited_seed_that_drops_a_group_in_use_is_refused_at_start_up_and_loses_nothing() {
    let dir = common::tempdir().unwrap();
    let state = start(&dir, &shipped_seed()).await.expect("first start");
    let cfg = common::config(&dir, &shipped_seed());
    let app = TestApp { router: server::routes::router(state.clone(), &cfg), state, _dir: common::tempdir().unwrap() };
    participant(&app, "Ministerio", "government", "andina").await;
    let mut c = committee(&app).await;
    coordinator(&app, &mut c, "andina").await;
    app.state.pool.close().await;

    let shipped = std::fs::read_to_string(shipped_seed()).unwrap();
    // Re-identified everywhere the seed names it (its highlighted set too).
    let renamed =
        shipped.replace("id = \"andina\"", "id = \"zona-andina\"").replace("\"andina\", \"cono-sur\"", "\"zona-andina\", \"cono-sur\"");
    assert_eq!(renamed.matches("zona-andina").count(), 2);
    let edited = dir.path().join("edited.toml");
    std::fs::write(&edited, &renamed).unwrap();
    let refused = start(&dir, edited.to_str().unwrap()).await.err().expect("the edited seed is refused");
    assert!(refused.contains("group `andina`: 1 participants, 1 coordinator links"), "{refused}");
    assert!(refused.contains("nothing was changed"), "{refused}");

    // A fixed typo in a label, with the group back, starts and keeps the work.
    let relabelled = shipped
        .replace("short_title = { es = \"4ª Reunión de Expertos CPS ALC\"", "short_title = { es = \"IV Reunión de Expertos CPS ALC\"");
    assert_ne!(relabelled, shipped);
    std::fs::write(&edited, &relabelled).unwrap();
    let state = start(&dir, edited.to_str().unwrap()).await.expect("a relabelled seed starts");
    let seed = app::db::meeting::load_seed(&state.pool, state.meeting).await.unwrap();
    assert_eq!(seed.meeting.short_title.spanish(), "IV Reunión de Expertos CPS ALC");
    let joined: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM participants p JOIN groups g ON g.id = p.group_id WHERE g.key = 'andina'")
        .fetch_one(&state.pool)
        .await
        .unwrap();
    assert_eq!(joined, 1, "the participant is still in the group");
}

#[test]
fn check_seed_prints_the_summary_of_a_valid_seed_and_fails_on_an_invalid_one() {
    let run = |path: &str| std::process::Command::new(env!("CARGO_BIN_EXE_server")).args(["check-seed", path]).output().unwrap();
    let ok = run(&shipped_seed());
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success(), "{out}");
    assert!(out.contains("Sessions (4):") && out.contains("Matrix: 8 columns"), "{out}");

    let dir = common::tempdir().unwrap();
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, std::fs::read_to_string(shipped_seed()).unwrap().replace("guide = \"4.3\"", "guide = \"4.9\"")).unwrap();
    let bad = run(broken.to_str().unwrap());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(bad.status.code(), Some(1), "{err}");
    assert!(err.contains("field `sessions[2].guide`: no guide has id \"4.9\""), "{err}");
    assert!(bad.stdout.is_empty(), "no summary for an invalid seed");
}
