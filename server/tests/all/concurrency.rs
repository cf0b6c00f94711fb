//! Many browsers writing at once (as in a room of 100 phones): every write
//! waits its turn for the database instead of failing with "locked".

use crate::common;

use axum::http::StatusCode;
use common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_joins_links_and_saves_all_succeed() {
    let app = std::sync::Arc::new(app().await);
    let mut committee = committee(&app).await;
    let mut laptop = coordinator(&app, &mut committee, "andina").await;
    let row = laptop.call(&app, "/api/fn/add_matrix_row", "group=andina&dimension=politicas").await.body;
    let row = row.trim().to_string();
    let code = join_code(&app).await;

    let mut tasks = Vec::new();
    for i in 0..40 {
        let app = app.clone();
        let (code, row, mut committee, mut laptop) = (code.clone(), row.clone(), committee.clone(), laptop.clone());
        tasks.push(tokio::spawn(async move {
            let r = match i % 4 {
                0 => {
                    Browser::default()
                        .call(&app, "/api/fn/join", &format!("code={code}&name=P{i}&affiliation=Chile&sector=ngo&group="))
                        .await
                }
                1 => committee.call(&app, "/api/fn/issue_coordinator_link", &format!("group=caribe&deputy={}", i % 8 == 1)).await,
                2 => {
                    let form = format!("group=andina&key=m%2F{row}%2Fm{i}&base=0&text=t&op=op-concurrent-{i:04}");
                    // An unknown field is refused, but only after the same checks a save makes.
                    let _ = laptop.call(&app, "/api/fn/save_cell", &form).await;
                    laptop
                        .call(
                            &app,
                            "/api/fn/save_cell",
                            &format!("group=andina&key=m%2F{row}%2Findicadores&base=0&text=t{i}&op=op-concurrent-{i:04}"),
                        )
                        .await
                }
                _ => committee.call(&app, "/api/fn/clock_select_block", "block=sesiones-1-2").await,
            };
            (i, r.status, r.body)
        }));
    }
    for t in tasks {
        let (i, status, body) = t.await.unwrap();
        assert!(status != StatusCode::INTERNAL_SERVER_ERROR, "request {i} failed: {body}");
    }
}
