//! One simulated browser over HTTP/1.1: its cookie, server-function calls
//! (form-encoded, as the hydrated app sends them) and status counts.

use bytes::Bytes;
use http::{header, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::{connect::HttpConnector, Client};
use hyper_util::rt::TokioExecutor;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub type HttpClient = Client<HttpConnector, Full<Bytes>>;

pub fn client() -> HttpClient {
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    // Below the server's 20 s header deadline, which also closes idle
    // keep-alive connections: the client drops them first, as browsers do.
    Client::builder(TokioExecutor::new()).pool_idle_timeout(Duration::from_secs(15)).build(connector)
}

/// HTTP outcomes of every request: status code → count ("transport" when
/// no answer came back, e.g. while the server restarts).
#[derive(Clone, Default)]
pub struct Statuses(Arc<Mutex<BTreeMap<String, u64>>>, Arc<Mutex<Vec<String>>>);

impl Statuses {
    pub fn count(&self, what: String) {
        *self.0.lock().unwrap().entry(what).or_default() += 1;
    }

    /// A request that got no answer, with why (the first few are kept).
    fn failed(&self, why: String) {
        self.count("transport".into());
        let mut sample = self.1.lock().unwrap();
        if sample.len() < 5 {
            sample.push(why);
        }
    }

    pub fn transport_sample(&self) -> Vec<String> {
        self.1.lock().unwrap().clone()
    }

    pub fn snapshot(&self) -> BTreeMap<String, u64> {
        self.0.lock().unwrap().clone()
    }

    pub fn server_errors(&self) -> u64 {
        self.snapshot().iter().filter(|(k, _)| k.starts_with('5')).map(|(_, v)| v).sum()
    }
}

#[derive(Clone)]
pub struct Browser {
    pub http: HttpClient,
    pub base: String,
    pub host: String,
    pub cookie: Option<String>,
    pub statuses: Statuses,
}

pub struct Reply {
    pub status: StatusCode,
    pub body: String,
}

impl Browser {
    pub fn new(http: HttpClient, base: &str, statuses: Statuses) -> Self {
        let host = base.trim_start_matches("http://").to_string();
        Browser { http, base: base.to_string(), host, cookie: None, statuses }
    }

    /// A server-function call; keeps the session cookie the server sets.
    pub async fn call(&mut self, path: &str, form: &str) -> Result<Reply, String> {
        let mut req = Request::post(format!("{}{path}", self.base))
            .header(header::HOST, &self.host)
            .header(header::ORIGIN, &self.base)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(c) = &self.cookie {
            req = req.header(header::COOKIE, c);
        }
        self.send(req.body(Full::new(Bytes::from(form.to_string()))).map_err(|e| e.to_string())?).await
    }

    pub async fn get(&mut self, path: &str) -> Result<Reply, String> {
        let mut req = Request::get(format!("{}{path}", self.base)).header(header::HOST, &self.host);
        if let Some(c) = &self.cookie {
            req = req.header(header::COOKIE, c);
        }
        self.send(req.body(Full::new(Bytes::new())).map_err(|e| e.to_string())?).await
    }

    async fn send(&mut self, req: Request<Full<Bytes>>) -> Result<Reply, String> {
        let res = match tokio::time::timeout(Duration::from_secs(30), self.http.request(req)).await {
            Ok(Ok(res)) => res,
            Ok(Err(e)) => {
                let why = format!("{e:?}");
                self.statuses.failed(why.clone());
                return Err(why);
            }
            Err(_) => {
                self.statuses.count("timeout".into());
                return Err("timeout".into());
            }
        };
        for v in res.headers().get_all(header::SET_COOKIE) {
            if let Some(pair) = v.to_str().ok().and_then(|v| v.split(';').next()).filter(|p| p.starts_with("plenaria_session=")) {
                self.cookie = Some(pair.to_string());
            }
        }
        let status = res.status();
        self.statuses.count(status.as_u16().to_string());
        let bytes = res.into_body().collect().await.map_err(|e| e.to_string())?.to_bytes();
        Ok(Reply { status, body: String::from_utf8_lossy(&bytes).into_owned() })
    }
}

/// Form-encodes a value.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
