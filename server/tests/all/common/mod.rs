//! Shared by the integration tests: the real router on a fresh database, and
//! a tiny client that keeps one browser's cookie.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use clap::Parser;
use server::config::Config;
use tower::ServiceExt;

pub const COMMITTEE_TOKEN: &str = "test-committee-token-0123456789";
pub const HOST: &str = "127.0.0.1:3000";

/// A directory of its own under the system's temporary one, removed with the
/// guard (not the `tempfile` crate: see `app::db::test_support`; as a
/// dev-dependency it would make `cargo test` rebuild every shared crate).
pub struct TempDir(std::path::PathBuf);

impl TempDir {
    pub fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn tempdir() -> std::io::Result<TempDir> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let name = format!("plenaria-server-test-{}-{nanos}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
    let path = std::env::temp_dir().join(name);
    std::fs::create_dir_all(&path)?;
    Ok(TempDir(path))
}

pub fn config(dir: &TempDir, seed: &str) -> Config {
    let root = env!("CARGO_MANIFEST_DIR");
    Config::parse_from([
        "server",
        "--data-dir",
        dir.path().to_str().unwrap(),
        "--seed",
        seed,
        "--site-root",
        &format!("{root}/../target/site"),
        "--committee-token",
        COMMITTEE_TOKEN,
    ])
}

pub fn shipped_seed() -> String {
    format!("{}/../seeds/meeting.toml", env!("CARGO_MANIFEST_DIR"))
}

pub struct TestApp {
    pub router: axum::Router,
    pub state: app::state::AppState,
    pub _dir: TempDir,
}

pub async fn app() -> TestApp {
    app_on(&shipped_seed()).await
}

/// The router on a fresh database started from the seed file `seed`.
pub async fn app_on(seed: &str) -> TestApp {
    let dir = tempdir().unwrap();
    let cfg = config(&dir, seed);
    let state = server::prepare(&cfg).await.expect("start-up");
    let router = server::routes::router(state.clone(), &cfg);
    TestApp { router, state, _dir: dir }
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body as sent (files).
    pub bytes: Vec<u8>,
}

/// One browser: remembers the session cookie the server sets.
#[derive(Clone, Default)]
pub struct Browser {
    pub cookie: Option<String>,
    /// The address the server sees this browser at (none: unknown).
    pub address: Option<std::net::SocketAddr>,
}

/// The longest a request of these tests may take (they take milliseconds).
const REPLY_WITHIN: std::time::Duration = std::time::Duration::from_secs(60);

impl Browser {
    pub async fn send(&mut self, app: &TestApp, req: axum::http::request::Builder, body: impl Into<Body>) -> Reply {
        let mut req = req.header(header::HOST, HOST);
        if let Some(a) = self.address {
            req = req.extension(axum::extract::ConnectInfo(a));
        }
        if let Some(c) = &self.cookie {
            req = req.header(header::COOKIE, c.clone());
        }
        let req = req.body(body.into()).unwrap();
        let what = format!("{} {}", req.method(), req.uri());
        // A request that never answers fails the test, naming itself, instead
        // of hanging the run (one did, once, in CI: see the README's tests).
        let res = tokio::time::timeout(REPLY_WITHIN, app.router.clone().oneshot(req))
            .await
            .unwrap_or_else(|_| panic!("{what}: no reply within {REPLY_WITHIN:?}"))
            .unwrap();
        for v in res.headers().get_all(header::SET_COOKIE) {
            let v = v.to_str().unwrap();
            if let Some(pair) = v.split(';').next().filter(|p| p.starts_with("plenaria_session=")) {
                self.cookie = if pair == "plenaria_session=" { None } else { Some(pair.to_string()) };
            }
        }
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = tokio::time::timeout(REPLY_WITHIN, axum::body::to_bytes(res.into_body(), 64 << 20))
            .await
            .unwrap_or_else(|_| panic!("{what}: the body did not end within {REPLY_WITHIN:?}"))
            .unwrap();
        Reply { status, headers, body: String::from_utf8_lossy(&bytes).into_owned(), bytes: bytes.to_vec() }
    }

    pub async fn get(&mut self, app: &TestApp, uri: &str) -> Reply {
        self.send(app, Request::get(uri), Body::empty()).await
    }

    /// A server-function call as the hydrated app makes it (same origin).
    pub async fn call(&mut self, app: &TestApp, path: &str, form: &str) -> Reply {
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, format!("http://{HOST}"));
        self.send(app, req, form.to_string()).await
    }
}

pub async fn committee(app: &TestApp) -> Browser {
    let mut b = Browser::default();
    let r = b.call(app, "/api/fn/committee_sign_in", &format!("token={COMMITTEE_TOKEN}")).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "committee sign-in: {} {}", r.status, r.body);
    b
}

pub async fn join_code(app: &TestApp) -> String {
    app::db::access::join_code(&app.state.pool, app.state.meeting).await.unwrap().to_string()
}

/// A participant who joined the given group.
pub async fn participant(app: &TestApp, affiliation: &str, sector: &str, group: &str) -> Browser {
    let mut b = Browser::default();
    let code = join_code(app).await;
    let form = format!("code={code}&name=Ana&affiliation={affiliation}&sector={sector}&group={group}");
    let r = b.call(app, "/api/fn/join", &form).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "join: {} {}", r.status, r.body);
    b
}

/// A browser signed in through a coordinator link of `group` issued by `committee`.
pub async fn coordinator(app: &TestApp, committee: &mut Browser, group: &str) -> Browser {
    coordinator_link(app, committee, group, false).await
}

/// The same through the deputy's link (issuing a link again revokes the old one).
pub async fn deputy(app: &TestApp, committee: &mut Browser, group: &str) -> Browser {
    coordinator_link(app, committee, group, true).await
}

async fn coordinator_link(app: &TestApp, committee: &mut Browser, group: &str, deputy: bool) -> Browser {
    let r = committee.call(app, "/api/fn/issue_coordinator_link", &format!("group={group}&deputy={deputy}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let start = r.body.find("\"token\":\"").expect("a token") + 9;
    let token = &r.body[start..start + 32];
    let mut b = Browser::default();
    let r = b.call(app, "/api/fn/coordinator_sign_in", &format!("token={token}")).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    b
}

/// Adds a line under `dimension` of `group`'s matrix; returns its id.
pub async fn add_row(app: &TestApp, b: &mut Browser, group: &str, dimension: &str) -> i64 {
    let r = b.call(app, "/api/fn/add_matrix_row", &format!("group={group}&dimension={dimension}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.body.trim().parse().unwrap_or_else(|_| panic!("a row id: {}", r.body))
}

/// Saves a cell of `group` ("m/<row>/<field>" or "q/<item>") based on `base`.
pub async fn save_cell(app: &TestApp, b: &mut Browser, group: &str, key: &str, base: i64, text: &str, op: &str) -> Reply {
    let form = format!("group={group}&key={}&base={base}&text={}&op={op}", enc(key), enc(text));
    b.call(app, "/api/fn/save_cell", &form).await
}

/// Form-encodes a value for a request body.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("JSON ({e}): {body}"))
}
