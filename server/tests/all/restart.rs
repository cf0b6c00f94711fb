//! The real server binary, killed (SIGKILL) mid-session and started again on
//! the same database: the clock carries on from the same deadline.

use crate::common;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const TOKEN: &str = "restart-test-committee-token";

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start(port: u16, data: &std::path::Path) -> Child {
    start_with(port, data, Command::new(env!("CARGO_BIN_EXE_server")))
}

/// Starts the binary `command` (flags of its own may be set) on `port` and
/// `data`, and returns once it answers.
pub(crate) fn start_with(port: u16, data: &std::path::Path, mut command: Command) -> Child {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut child = command
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .args(["--data-dir", data.to_str().unwrap()])
        .args(["--seed", &format!("{root}/../seeds/meeting.toml")])
        .args(["--site-root", &format!("{root}/../target/site")])
        .args(["--committee-token", TOKEN, "--log", "warn"])
        .stdout(Stdio::null())
        .spawn()
        .expect("the server binary starts");
    // Ready when it answers; the wait is bounded, not a fixed sleep.
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Ok(r) = request(port, "GET", "/healthz", None, "") {
            if r.starts_with("HTTP/1.1 200") {
                return child;
            }
        }
        std::thread::yield_now();
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("server did not become ready");
}

/// A bare HTTP/1.1 request: enough for a few calls without a client library.
fn request(port: u16, method: &str, path: &str, cookie: Option<&str>, body: &str) -> std::io::Result<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    let cookie = cookie.map(|c| format!("Cookie: {c}\r\n")).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n{cookie}\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut out = String::new();
    s.read_to_string(&mut out)?;
    Ok(out)
}

fn session_cookie(reply: &str) -> String {
    reply
        .lines()
        .filter_map(|l| l.strip_prefix("set-cookie: ").or_else(|| l.strip_prefix("Set-Cookie: ")))
        .filter_map(|v| v.split(';').next())
        .rfind(|pair| pair.starts_with("plenaria_session="))
        .expect("a session cookie")
        .to_string()
}

fn json_number(reply: &str, key: &str) -> i64 {
    let body = &reply[reply.find("\r\n\r\n").unwrap() + 4..];
    let at = body.find(&format!("\"{key}\":")).unwrap_or_else(|| panic!("{key} in {body}")) + key.len() + 3;
    body[at..].chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect::<String>().parse().unwrap()
}

fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as i64
}

#[test]
fn after_kill_9_and_restart_the_clock_continues_from_the_same_deadline() {
    let data = common::tempdir().unwrap();
    let port = free_port();
    let mut server = start(port, data.path());

    let signed_in = request(port, "POST", "/api/fn/committee_sign_in", None, &format!("token={TOKEN}")).unwrap();
    let cookie = session_cookie(&signed_in);
    let started = request(port, "POST", "/api/fn/clock_command", Some(&cookie), "command=start").unwrap();
    assert!(started.starts_with("HTTP/1.1 200"), "{started}");
    let before = request(port, "GET", "/api/v1/clock", None, "").unwrap();
    let deadline = json_number(&before, "block_deadline");
    assert!(before.contains("\"state\":\"running\""), "{before}");

    server.kill().unwrap(); // SIGKILL: no shutdown, no flush beyond what was committed
    server.wait().unwrap();
    let mut server = start(port, data.path());

    let after = request(port, "GET", "/api/v1/clock", None, "").unwrap();
    assert!(after.contains("\"state\":\"running\""), "{after}");
    assert_eq!(json_number(&after, "block_deadline"), deadline, "same deadline after the restart");
    let remaining = json_number(&after, "block_remaining_seconds");
    let expected = (deadline - now_ms()) / 1000;
    assert!((remaining - expected).abs() <= 1, "remaining {remaining}s, expected {expected}s (±1 s)");
    assert!(remaining > 164 * 60 && remaining <= 165 * 60, "165 minutes minus the seconds this test took: {remaining}");

    // The committee's session survived too: it can pause without signing in again.
    let paused = request(port, "POST", "/api/fn/clock_command", Some(&cookie), "command=pause").unwrap();
    assert!(paused.starts_with("HTTP/1.1 200"), "{paused}");
    server.kill().unwrap();
    server.wait().unwrap();
}
