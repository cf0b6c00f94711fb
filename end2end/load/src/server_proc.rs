//! The server under test, as a child process on a fresh data directory:
//! start, wait until healthy, kill -9, and its CPU time and memory from /proc.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;
use tokio::process::{Child, Command};

pub struct ServerSpec {
    pub bin: PathBuf,
    pub seed: PathBuf,
    pub site_root: PathBuf,
    pub data_dir: PathBuf,
    pub port: u16,
    pub committee_token: String,
}

/// The committee token every simulated meeting starts its server with.
pub const TOKEN: &str = "load-simulator-committee-token-0123";

impl ServerSpec {
    /// The release server the options name, on a fresh data directory
    /// (`label` names it under the system's temporary one).
    pub fn fresh(opts: &crate::Opts, label: &str) -> ServerSpec {
        let stamp = crate::sse::now_us();
        ServerSpec {
            bin: opts.server.clone(),
            seed: opts.seed.clone(),
            site_root: opts.site_root.clone(),
            data_dir: std::env::temp_dir().join(format!("plenaria-{label}-{}-{stamp}", std::process::id())),
            port: opts.port,
            committee_token: TOKEN.into(),
        }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub async fn start(&self) -> Result<Child, String> {
        Command::new(&self.bin)
            .args(["--addr", &format!("127.0.0.1:{}", self.port)])
            .arg("--data-dir")
            .arg(&self.data_dir)
            .arg("--seed")
            .arg(&self.seed)
            .arg("--site-root")
            .arg(&self.site_root)
            .args(["--log", "error", "--committee-token", &self.committee_token])
            // Every simulated device connects from 127.0.0.1: lift the
            // per-address cap that protects a real server from one client.
            .args(["--max-connections-per-address", "1000000"])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", self.bin.display()))
    }
}

/// Polls `/healthz` until the server answers (or 60 s pass). Give it a
/// browser of its own: refused connections here are not request failures.
pub async fn wait_ready(browser: &mut crate::http::Browser) -> Result<(), String> {
    for _ in 0..1200 {
        if browser.get("/healthz").await.is_ok_and(|r| r.status.is_success()) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err("the server did not become healthy within 60 s".into())
}

/// CPU seconds used so far (user + system) and resident memory in KiB.
pub fn usage(pid: u32) -> Option<(f64, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may contain spaces) start at ')'.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let rss = status.lines().find(|l| l.starts_with("VmRSS:"))?.split_whitespace().nth(1)?.parse().ok()?;
    // Linux reports CPU time in clock ticks of 1/100 s (USER_HZ).
    Some((ticks / 100.0, rss))
}

/// Raises this process's soft open-file limit to the hard one: 10,000 open
/// screens need 10,000 sockets on each side (the server does the same).
pub fn raise_open_file_limit() {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: plain system calls on a local struct.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}
