//! The server as a whole, on a fresh database per test: start-up, health,
//! pages, 404s, the language form, and rejection of a broken seed.

use crate::common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{config, shipped_seed};
use tower::ServiceExt;

async fn app(dir: &common::TempDir) -> axum::Router {
    let cfg = config(dir, &shipped_seed());
    let state = server::prepare(&cfg).await.expect("start-up");
    server::routes::router(state, &cfg)
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, String) {
    let res = app.clone().oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), 4 << 20).await.unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn health_check_answers_ok() {
    let dir = common::tempdir().unwrap();
    let (status, body) = get(&app(&dir).await, "/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, r#"{"status":"ok"}"#);
}

#[tokio::test]
async fn the_agenda_is_rendered_on_the_server() {
    let dir = common::tempdir().unwrap();
    let (status, body) = get(&app(&dir).await, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("4° Reunión de Expertos sobre Consumo y Producción Sustentable"));
    assert!(body.contains("2 h 45 min"));
    assert!(body.contains("Coffee break"));
}

#[tokio::test]
async fn unknown_pages_and_sessions_answer_404() {
    let dir = common::tempdir().unwrap();
    let app = app(&dir).await;
    let (status, body) = get(&app, "/nothing/here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Página no encontrada"));
    let (status, _) = get(&app, "/sessions/9").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = get(&app, "/sessions/abc").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn restarting_on_the_same_database_loads_the_seed_once() {
    let dir = common::tempdir().unwrap();
    let cfg = config(&dir, &shipped_seed());
    let first = server::prepare(&cfg).await.unwrap();
    let second = server::prepare(&cfg).await.unwrap();
    assert_eq!(first.meeting, second.meeting);
    let meetings: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM meetings").fetch_one(&second.pool).await.unwrap();
    let groups: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM groups").fetch_one(&second.pool).await.unwrap();
    assert_eq!((meetings, groups), (1, 10));
}

#[tokio::test]
async fn a_broken_seed_stops_start_up_naming_file_and_field() {
    let dir = common::tempdir().unwrap();
    let source = std::fs::read_to_string(shipped_seed()).unwrap().replacen("guide = \"4.3\"", "guide = \"4.9\"", 1);
    let path = dir.path().join("broken.toml");
    std::fs::write(&path, source).unwrap();
    let err = server::prepare(&config(&dir, path.to_str().unwrap())).await.err().expect("start-up must fail");
    assert!(err.contains("broken.toml"), "{err}");
    assert!(err.contains("sessions[2].guide"), "{err}");
    assert!(err.contains("4.9"), "{err}");
}

#[tokio::test]
async fn the_language_form_sets_the_cookie_and_goes_back() {
    let dir = common::tempdir().unwrap();
    let app = app(&dir).await;
    let req = Request::post("/lang")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("lang=en&redirect=%2Fsessions%2F2"))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/sessions/2");
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("i18n_pref_locale=en;"), "{cookie}");

    let req = Request::get("/sessions/2").header(header::COOKIE, "i18n_pref_locale=en").body(Body::empty()).unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let body = axum::body::to_bytes(res.into_body(), 4 << 20).await.unwrap();
    assert!(String::from_utf8_lossy(&body).contains("Second Working Group Session"));

    let bad = Request::post("/lang").header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(Body::from("lang=xx")).unwrap();
    assert_eq!(app.clone().oneshot(bad).await.unwrap().status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A tab or line break in the way back would lead to another site or break the header: home instead.
    for redirect in ["%2F%09%2Fevil.example", "%2F%0D%0ASet-Cookie%3A%20x%3D1", "%0d%0a"] {
        let req = Request::post("/lang")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!("lang=en&redirect={redirect}")))
            .unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{redirect}");
        assert_eq!(res.headers()[header::LOCATION], "/", "{redirect}");
    }
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it_but_the_realtime_stream_is_not() {
    let dir = common::tempdir().unwrap();
    let app = app(&dir).await;
    let encoding = |res: &axum::http::Response<Body>| res.headers().get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap().to_string());
    let req = |uri: &str, accept: &str| Request::get(uri).header(header::ACCEPT_ENCODING, accept).body(Body::empty()).unwrap();

    let page = app.clone().oneshot(req("/join", "gzip, br")).await.unwrap();
    assert_eq!(encoding(&page).as_deref(), Some("br"));
    let plain = app.clone().oneshot(req("/join", "identity")).await.unwrap();
    assert_eq!(encoding(&plain), None);
    let bytes = axum::body::to_bytes(plain.into_body(), 4 << 20).await.unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("<html"), "an uncompressed page still comes whole");

    let stream = app.clone().oneshot(req("/api/v1/events", "gzip, br")).await.unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    assert_eq!(encoding(&stream), None, "each change must reach the browser at once");
}

#[tokio::test]
async fn content_hashed_code_is_cached_for_good_and_other_files_are_revalidated() {
    let (dir, site) = (common::tempdir().unwrap(), common::tempdir().unwrap());
    std::fs::create_dir(site.path().join("pkg")).unwrap();
    std::fs::write(site.path().join("pkg/plenaria.Vb2Xo0P5kmLvJj3Fx-7q_A.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(site.path().join("pkg/plenaria.js"), b"export {};").unwrap();
    let mut cfg = config(&dir, &shipped_seed());
    cfg.site_root = site.path().to_path_buf();
    let app = server::routes::router(server::prepare(&cfg).await.expect("start-up"), &cfg);
    let cache = |uri: &'static str| {
        let app = app.clone();
        async move {
            let res = app.oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
            (res.status(), res.headers().get(header::CACHE_CONTROL).map(|v| v.to_str().unwrap().to_string()))
        }
    };

    let (status, hashed) = cache("/pkg/plenaria.Vb2Xo0P5kmLvJj3Fx-7q_A.wasm").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(hashed.as_deref(), Some("public, max-age=31536000, immutable"));
    let (status, plain) = cache("/pkg/plenaria.js").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(plain.as_deref(), Some("no-cache"), "an unhashed name may change content on the next deploy");
    let (status, missing) = cache("/pkg/chunk_1.Vb2Xo0P5kmLvJj3Fx-7q_A.wasm").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(missing, None, "a 404 is never cached for good");
}

#[tokio::test]
async fn a_rebuilt_page_policy_is_the_app_s() {
    // The server rebuilds a page's policy from its nonce when the app's header
    // went missing (see `middleware::page_policy_from_nonce`): the two must agree.
    let dir = common::tempdir().unwrap();
    let app = app(&dir).await;
    let res = app.clone().oneshot(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
    let csp = res.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_string();
    let html = axum::body::to_bytes(res.into_body(), 4 << 20).await.unwrap();
    let nonce = server::middleware::page_nonce(&html).expect("the page carries its nonce");
    assert_eq!(csp, server::middleware::page_policy(nonce));
}

/// The reader's language (remembered, else `Accept-Language`) picks the seed
/// texts a server answer carries: Spanish, the original, and that language only.
#[tokio::test]
async fn seed_texts_come_in_the_reader_s_language_and_spanish_only() {
    let dir = common::tempdir().unwrap();
    let app = app(&dir).await;
    let fetch = |headers: Vec<(header::HeaderName, &'static str)>| {
        let app = app.clone();
        async move {
            let mut req = Request::post("/api/fn/session")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::HOST, "127.0.0.1:3000")
                .header(header::ORIGIN, "http://127.0.0.1:3000");
            for (k, v) in headers {
                req = req.header(k, v);
            }
            let res = app.oneshot(req.body(Body::from("number=1")).unwrap()).await.unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            String::from_utf8(axum::body::to_bytes(res.into_body(), 4 << 20).await.unwrap().to_vec()).unwrap()
        }
    };
    let (es, pt, en) = ("Primera Sesión de Grupos de Trabajo", "Primeira Sessão dos Grupos de Trabalho", "First Working Group Session");
    let fr = "Première séance des groupes de travail";
    let by_cookie = fetch(vec![(header::COOKIE, "i18n_pref_locale=pt")]).await;
    assert!(by_cookie.contains(es) && by_cookie.contains(pt), "{by_cookie:.300}");
    assert!(!by_cookie.contains(en) && !by_cookie.contains(fr), "other languages stay on the server");
    let by_browser = fetch(vec![(header::ACCEPT_LANGUAGE, "fr-HT,fr;q=0.9,en;q=0.5")]).await;
    assert!(by_browser.contains(fr) && !by_browser.contains(pt) && !by_browser.contains(en));
    let cookie_wins = fetch(vec![(header::COOKIE, "i18n_pref_locale=en"), (header::ACCEPT_LANGUAGE, "pt-BR")]).await;
    assert!(cookie_wins.contains(en) && !cookie_wins.contains(pt));
    let neither = fetch(vec![]).await;
    assert!(neither.contains(es) && !neither.contains(en) && !neither.contains(pt) && !neither.contains(fr));

    // The page itself is in the language too, with one `lang` on <html>.
    let req = Request::get("/sessions/1").header(header::ACCEPT_LANGUAGE, "pt-BR,pt;q=0.9").body(Body::empty()).unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let page = String::from_utf8(axum::body::to_bytes(res.into_body(), 4 << 20).await.unwrap().to_vec()).unwrap();
    let html_tag = &page[page.find("<html").unwrap()..][..page[page.find("<html").unwrap()..].find('>').unwrap()];
    assert_eq!(html_tag.matches("lang=").count(), 1, "{html_tag}");
    assert!(html_tag.contains("lang=\"pt\""), "{html_tag}");
    assert!(page.contains(pt));
}
