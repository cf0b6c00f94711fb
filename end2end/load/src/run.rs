//! One simulated meeting from start to verdict.

use crate::actors::{self, Acked};
use crate::http::{client, Browser, HttpClient, Statuses};
use crate::report::cpu_percent;
use crate::server_proc::{usage, wait_ready, ServerSpec, TOKEN};
use crate::shape::Shape;
use crate::sse::{follow, now_us, settle, Habits, Seen, Shared};
use crate::verify::{integrity, percentiles, send_times};
use crate::{Opts, Scenario};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

/// A connected client: its realtime log, the group it writes for (a
/// coordinator's own edits are not counted as notifications to others) and
/// the group whose work it may hear of (`None`: every group, the committee).
struct Client {
    seen: Shared,
    writes_for: Option<String>,
    hears: Option<String>,
}

impl Client {
    /// Whether this client should hear of an edit of `group` by someone else.
    fn expects(&self, group: &str) -> bool {
        self.writes_for.as_deref() != Some(group) && self.hears.as_deref().is_none_or(|g| g == group)
    }
}

struct Meeting {
    http: HttpClient,
    base: String,
    statuses: Statuses,
    clients: Vec<Client>,
    acked: Arc<Acked>,
    /// Ends the writers (edits, answers, projectors, sampling)…
    writers: watch::Sender<bool>,
    /// …and, once the verdict is in, the realtime links.
    listeners: watch::Sender<bool>,
    code: String,
    /// (µs when the step began, clients connected) for the ramp…
    steps: Vec<(u64, usize)>,
    /// …and each step's figures.
    ramp: Vec<Value>,
}

impl Meeting {
    fn browser(&self) -> Browser {
        Browser::new(self.http.clone(), &self.base, self.statuses.clone())
    }

    fn listen(&mut self, b: &Browser, writes_for: Option<String>, hears: Option<String>, habits: Habits) -> Shared {
        let seen: Shared = Arc::new(Mutex::new(Seen::default()));
        tokio::spawn(follow(b.clone(), seen.clone(), self.listeners.subscribe(), habits));
        self.clients.push(Client { seen: seen.clone(), writes_for, hears });
        seen
    }

    /// Joins `count` participants, each answering and listening. The first
    /// one stops reading its realtime link after 2 s when `stall_first`.
    async fn add_participants(&mut self, shape: &Shape, from: usize, count: usize, every: f64, stall_first: bool) -> Result<(), String> {
        for n in from..from + count {
            let (b, group) = actors::participant(self.browser(), &self.code, n, shape).await?;
            let stall_after = (stall_first && n == 0).then_some(Duration::from_secs(2));
            self.listen(&b, None, Some(group.clone()), Habits { stall_after, ..Habits::default() });
            tokio::spawn(actors::answer(b, n, group, shape.questions.clone(), every, self.acked.clone(), self.writers.subscribe()));
        }
        Ok(())
    }
}

pub async fn run(opts: &Opts) -> Result<Value, String> {
    let spec = ServerSpec::fresh(opts, "load");
    let mut child = spec.start().await?;
    let pid = Arc::new(AtomicU32::new(child.id().unwrap_or(0)));
    let mut m = Meeting {
        http: client(),
        base: spec.base(),
        statuses: Statuses::default(),
        clients: vec![],
        acked: Arc::default(),
        writers: watch::channel(false).0,
        listeners: watch::channel(false).0,
        code: String::new(),
        steps: vec![],
        ramp: vec![],
    };
    wait_ready(&mut Browser::new(m.http.clone(), &m.base, Statuses::default())).await?;
    let mut committee = actors::committee(m.browser(), TOKEN).await?;
    m.code = actors::join_code(&mut committee).await?;
    committee.call("/api/fn/clock_command", "command=start").await?;

    // Set-up: coordinators with their line, participants, projectors.
    let mut editors = Vec::new();
    for (i, (group, _)) in opts.shape.groups.iter().enumerate().take(opts.coordinators) {
        let (b, key) = actors::coordinator(&mut committee, m.browser(), group, &opts.shape).await?;
        m.listen(&b, Some(group.to_string()), Some(group.to_string()), Habits::default());
        editors.push((i, group.to_string(), b, key));
    }
    let slow = opts.scenario == Scenario::SlowConsumer;
    let first = if opts.scenario == Scenario::Ramp { opts.ramp_step.min(opts.participants) } else { opts.participants };
    m.add_participants(&opts.shape, 0, first, opts.answer_every, slow).await?;
    let mut projectors = Vec::new();
    for _ in 0..opts.projectors {
        let b = actors::committee(m.browser(), TOKEN).await?;
        let seen = m.listen(&b, None, None, Habits::default());
        projectors.push((b, seen));
    }
    // CI: a phone that loses the Wi-Fi for 2 s must get exactly what it
    // missed on its return, with no full refetch (see `resume_check`).
    let resumer = match opts.scenario {
        Scenario::Ci => {
            let (b, group) = actors::participant(m.browser(), &m.code, opts.participants, &opts.shape).await?;
            let watch = format!("clock,group:{group}:*");
            let habits =
                Habits { watch: Some(watch), drop_once: Some((Duration::from_secs(5), Duration::from_secs(2))), ..Habits::default() };
            Some((m.listen(&b, None, Some(group.clone()), habits), group))
        }
        _ => None,
    };
    settle(m.clients.iter().map(|c| &c.seen), |s| !s.hellos.is_empty(), Duration::from_secs(30)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let setup_max = m.clients.iter().map(|c| c.seen.lock().unwrap().latest).max().unwrap_or(0);

    // The meeting: edits, answers, projectors; CPU and memory sampled.
    let started = now_us();
    m.steps.push((started, m.clients.len()));
    for (i, group, b, key) in editors {
        tokio::spawn(actors::edit(b, i, group, key, opts.save_rate, m.acked.clone(), m.writers.subscribe()));
    }
    for (b, seen) in projectors {
        tokio::spawn(actors::project(b, seen, m.writers.subscribe()));
    }
    let samples: Arc<Mutex<Vec<(f64, u64)>>> = Arc::default();
    tokio::spawn(sample(pid.clone(), samples.clone(), m.writers.subscribe()));

    let mut restart = Value::Null;
    match opts.scenario {
        Scenario::Restart | Scenario::Ci => {
            tokio::time::sleep(Duration::from_secs(opts.restart_after)).await;
            let before = clock(&mut committee).await;
            let killed = now_us();
            child.start_kill().map_err(|e| e.to_string())?;
            let _ = child.wait().await;
            child = spec.start().await?;
            pid.store(child.id().unwrap_or(0), Ordering::SeqCst);
            wait_ready(&mut Browser::new(m.http.clone(), &m.base, Statuses::default())).await?;
            let ready = now_us();
            let all_back =
                settle(m.clients.iter().map(|c| &c.seen), |s| s.hellos.iter().any(|&h| h > killed), Duration::from_secs(60)).await;
            let back =
                m.clients.iter().filter_map(|c| c.seen.lock().unwrap().hellos.iter().copied().find(|&h| h > killed)).max().unwrap_or(0);
            let after = clock(&mut committee).await;
            let drift = match (before, after) {
                (Some(b), Some(a)) => json!((a - b).abs()),
                _ => Value::Null,
            };
            restart = json!({
                "server_ready_ms": (ready - killed) / 1000,
                "every_client_live_ms": back.saturating_sub(killed) / 1000,
                "every_client_reconnected": all_back,
                "clock_deadline_drift_ms": drift,
            });
            let left = opts.seconds.saturating_sub(opts.restart_after);
            tokio::time::sleep(Duration::from_secs(left)).await;
        }
        Scenario::Ramp => {
            // Each step runs `ramp_every` seconds; its edits' p99 (a client
            // that never got one counts as too slow) decides whether to add more.
            let mut joined = first;
            loop {
                let from = m.steps.last().map(|s| s.0).unwrap_or(started);
                tokio::time::sleep(Duration::from_secs(opts.ramp_every)).await;
                let backup = backup(&mut committee).await?;
                let saves = m.acked.saves.lock().unwrap().clone();
                let (sent, _) = send_times(&backup, setup_max, &saves, 1);
                // Edits of the last second may still be on their way: judged next step.
                let sample = window(&m.clients, &sent, from, now_us().saturating_sub(1_000_000), true);
                let stats = percentiles(sample);
                let over = stats["p99"].as_u64().is_none_or(|p| p > opts.p99_limit_ms * 1000);
                m.ramp.push(json!({ "clients": m.clients.len(), "latency_us": stats, "within": !over }));
                if over || joined >= opts.ramp_max {
                    break;
                }
                let add = opts.ramp_step.min(opts.ramp_max - joined);
                m.add_participants(&opts.shape, joined, add, opts.answer_every, false).await?;
                joined += add;
                settle(m.clients.iter().map(|c| &c.seen), |s| !s.hellos.is_empty(), Duration::from_secs(60)).await;
                m.steps.push((now_us(), m.clients.len()));
            }
        }
        Scenario::Steady | Scenario::SlowConsumer | Scenario::Screens | Scenario::FloorServer => {
            tokio::time::sleep(Duration::from_secs(opts.seconds)).await
        }
    }
    let ended = now_us();

    // Verdict: writes stop, the backup is read, every client must catch up.
    let _ = m.writers.send(true);
    tokio::time::sleep(Duration::from_secs(1)).await;
    // A last clock change every client hears, whatever it watches.
    committee.call("/api/fn/clock_command", "command=adjust&minutes=1").await?;
    let backup = backup(&mut committee).await?;
    let latest = crate::verify::rows(&backup, "changes").iter().filter_map(|r| r.get("id").and_then(Value::as_i64)).max().unwrap_or(0);
    let readers: Vec<&Client> = m.clients.iter().enumerate().filter(|(i, _)| !(slow && *i == opts.coordinators)).map(|(_, c)| c).collect();
    let caught_up = settle(readers.iter().map(|c| &c.seen), |s| s.latest >= latest, Duration::from_secs(10)).await;
    let behind = readers.iter().filter(|c| c.seen.lock().unwrap().latest < latest).count();

    let check = integrity(&backup, &m.acked);
    let refetches: u64 = readers
        .iter()
        .map(|c| {
            let s = c.seen.lock().unwrap();
            s.not_resumed + s.resyncs
        })
        .sum();
    let resume = resumer.as_ref().map(|(seen, group)| crate::verify::resume_check(&backup, &seen.lock().unwrap(), group));
    let saves = m.acked.saves.lock().unwrap().clone();
    let (sent, skipped) = send_times(&backup, setup_max, &saves, 0);
    let ramp = match m.ramp.is_empty() {
        true => Value::Null,
        false => {
            let limit = opts.p99_limit_ms * 1000;
            let best = m.ramp.iter().take_while(|r| r["within"].as_bool() == Some(true)).filter_map(|r| r["clients"].as_u64()).max();
            json!({ "steps": m.ramp, "clients_within_limit": best, "limit_us": limit })
        }
    };
    let samples = samples.lock().unwrap().clone();
    let server_5xx = m.statuses.server_errors();
    let resumed_exactly = resume.as_ref().is_none_or(|r| r["exact"].as_bool() == Some(true));
    let no_refetch = opts.scenario != Scenario::Ci || refetches == 0;
    let pass = check.lost == 0 && check.duplicated == 0 && server_5xx == 0 && caught_up && resumed_exactly && no_refetch;
    let _ = m.listeners.send(true);
    let _ = child.start_kill();
    let _ = child.wait().await;
    let _ = std::fs::remove_dir_all(&spec.data_dir);
    Ok(json!({
        "scenario": format!("{:?}", opts.scenario),
        "clients": m.clients.len(),
        "participants": m.clients.len() - opts.coordinators - opts.projectors,
        "coordinators": opts.coordinators,
        "projectors": opts.projectors,
        "seconds": (ended - started) / 1_000_000,
        "writes": check,
        "latest_change": latest,
        "clients_behind_at_end": behind,
        "fanout_latency_us": percentiles(window(&m.clients, &sent, 0, u64::MAX, false)),
        "latency_groups_left_out": skipped,
        "http_statuses": m.statuses.snapshot(),
        "transport_errors_sample": m.statuses.transport_sample(),
        "server_5xx": server_5xx,
        "server_cpu_percent": cpu_percent(&samples, ended - started),
        "server_rss_kib_max": samples.iter().map(|s| s.1).max(),
        "restart": restart,
        "full_refetches": refetches,
        "resume": resume,
        "ramp": ramp,
        "pass": pass,
    }))
}

/// The running segment's deadline (server ms), to compare across a restart.
async fn clock(committee: &mut Browser) -> Option<i64> {
    let r = committee.get("/api/v1/clock").await.ok()?;
    serde_json::from_str::<Value>(&r.body).ok()?["segment_deadline"].as_i64()
}

async fn sample(pid: Arc<AtomicU32>, out: Arc<Mutex<Vec<(f64, u64)>>>, mut stop: watch::Receiver<bool>) {
    // CPU seconds accumulate per process: a restart starts a new count.
    let mut carried = 0.0;
    let mut last = (0u32, 0.0);
    loop {
        tokio::select! { _ = tokio::time::sleep(Duration::from_millis(500)) => {}, _ = stop.changed() => return }
        let p = pid.load(Ordering::SeqCst);
        if let Some((cpu, rss)) = usage(p) {
            if p != last.0 {
                carried += last.1;
            }
            last = (p, cpu);
            out.lock().unwrap().push((carried + cpu, rss));
        }
    }
}

/// Edit → notification latencies (µs) of the edits sent in [from, to), for
/// every client but the writer. With `missing`, a client that has not
/// received an edit counts as infinitely late (the ramp's measure).
fn window(clients: &[Client], sent: &std::collections::HashMap<i64, (String, u64)>, from: u64, to: u64, missing: bool) -> Vec<u64> {
    let mut out = Vec::new();
    let mut received: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for c in clients {
        for (id, _, at) in c.seen.lock().unwrap().changes.iter() {
            if let Some((group, t)) = sent.get(id) {
                if c.expects(group) && *t >= from && *t < to {
                    out.push(at.saturating_sub(*t));
                    *received.entry(*id).or_default() += 1;
                }
            }
        }
    }
    if missing {
        for (id, (group, t)) in sent.iter().filter(|(_, (_, t))| *t >= from && *t < to) {
            let expected =
                clients.iter().filter(|c| c.expects(group) && c.seen.lock().unwrap().hellos.first().is_some_and(|h| h <= t)).count();
            out.extend(std::iter::repeat_n(u64::MAX, expected.saturating_sub(received.get(id).copied().unwrap_or(0))));
        }
    }
    out
}

async fn backup(committee: &mut Browser) -> Result<Value, String> {
    let r = committee.get("/export/meeting.json").await?;
    serde_json::from_str(&r.body).map_err(|e| format!("backup ({}): {e}", r.status))
}
