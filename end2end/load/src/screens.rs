//! The `screens` benchmark: many open screens reading the programme (each
//! stream watches the clock only), 6 coordinators saving 4 times a second
//! and the committee changing the clock every second. Measures, at every
//! screen, the time from the committee sending a clock change to the screen
//! receiving it — against Plenaria and against the floor (`floor.rs`), at
//! each size in `--screens`, so the report gives Plenaria's p99 as a ratio
//! to the floor's.

use crate::actors::{self, Acked};
use crate::http::{client, Browser, Statuses};
use crate::server_proc::{usage, wait_ready, ServerSpec, TOKEN};
use crate::sse::{follow, now_us, settle, Habits, Seen, Shared};
use crate::verify::{percentiles, rows};
use crate::Opts;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::process::{Child, Command};
use tokio::sync::watch;

#[derive(Clone, Copy, Debug)]
enum Target {
    Floor,
    Plenaria,
}

pub async fn run(opts: &Opts) -> Result<Value, String> {
    let mut phases = Vec::new();
    let mut ratios = Vec::new();
    for &n in &opts.screens {
        let floor = phase(opts, n, Target::Floor).await?;
        println!("floor    · {n} screens · p99 {} µs · missed {}", floor["latency_us"]["p99"], floor["missed"]);
        let plenaria = phase(opts, n, Target::Plenaria).await?;
        println!("plenaria · {n} screens · p99 {} µs · missed {}", plenaria["latency_us"]["p99"], plenaria["missed"]);
        let ratio = match (plenaria["latency_us"]["p99"].as_f64(), floor["latency_us"]["p99"].as_f64()) {
            (Some(p), Some(f)) if f > 0.0 => json!((p / f * 100.0).round() / 100.0),
            _ => Value::Null,
        };
        ratios.push(json!({ "screens": n, "p99_ratio_to_floor": ratio }));
        phases.push(floor);
        phases.push(plenaria);
    }
    let plenaria = phases.iter().filter(|p| p["target"] == "Plenaria");
    let pass = plenaria.clone().all(|p| p["missed"] == 0 && p["server_5xx"] == 0);
    Ok(json!({ "scenario": "Screens", "phases": phases, "ratios": ratios, "pass": pass }))
}

/// One target at one size, on a fresh server.
async fn phase(opts: &Opts, screens: usize, target: Target) -> Result<Value, String> {
    let spec = ServerSpec::fresh(opts, "screens");
    let mut child = match target {
        Target::Plenaria => spec.start().await?,
        Target::Floor => floor_process(opts.port)?,
    };
    let http = client();
    let statuses = Statuses::default();
    let browser = || Browser::new(http.clone(), &spec.base(), statuses.clone());
    wait_ready(&mut Browser::new(http.clone(), &spec.base(), Statuses::default())).await?;

    // The committee and the coordinators (the floor only absorbs their saves).
    let mut committee = browser();
    let (writers, _) = watch::channel(false);
    let acked = Arc::new(Acked::default());
    if let Target::Plenaria = target {
        committee = actors::committee(browser(), TOKEN).await?;
        committee.call("/api/fn/clock_command", "command=start").await?;
    }
    for (i, (group, _)) in opts.shape.groups.iter().enumerate().take(opts.coordinators) {
        let (b, key) = match target {
            Target::Plenaria => actors::coordinator(&mut committee, browser(), group, &opts.shape).await?,
            Target::Floor => (browser(), "m/1/x".to_string()),
        };
        tokio::spawn(actors::edit(b, i, group.to_string(), key, opts.save_rate, acked.clone(), writers.subscribe()));
    }

    // The screens, opened in batches the way a room fills.
    let (listeners, _) = watch::channel(false);
    let mut seen: Vec<Shared> = Vec::with_capacity(screens);
    for batch in (0..screens).collect::<Vec<_>>().chunks(500) {
        for _ in batch {
            let s: Shared = Arc::new(Mutex::new(Seen::default()));
            let habits = Habits { watch: Some("clock".into()), ..Habits::default() };
            tokio::spawn(follow(browser(), s.clone(), listeners.subscribe(), habits));
            seen.push(s);
        }
        settle(seen.iter(), |s| !s.hellos.is_empty(), Duration::from_secs(60)).await;
    }
    let connected = seen.iter().filter(|s| !s.lock().unwrap().hellos.is_empty()).count();

    // The committee changes the clock every second.
    let pid = child.id().unwrap_or(0);
    let cpu_before = usage(pid);
    let mut rss_max = 0;
    let mut sent: Vec<(Option<i64>, u64)> = Vec::new();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let started = now_us();
    for k in 0..opts.seconds {
        tick.tick().await;
        let at = now_us();
        let reply = match target {
            Target::Plenaria => {
                committee.call("/api/fn/clock_command", &format!("command=adjust&minutes={}", if k % 2 == 0 { 1 } else { -1 })).await
            }
            Target::Floor => committee.call("/tick", "").await,
        };
        let id = match target {
            Target::Floor => reply.ok().and_then(|r| r.body.trim().parse().ok()),
            Target::Plenaria => None, // numbered from the change log below
        };
        sent.push((id, at));
        rss_max = rss_max.max(usage(pid).map(|u| u.1).unwrap_or(0));
    }
    let span = now_us() - started;
    let cpu = match (cpu_before, usage(pid)) {
        (Some(a), Some(b)) => json!(((b.0 - a.0) / (span as f64 / 1e6) * 100.0).round()),
        _ => Value::Null,
    };
    let _ = writers.send(true);

    // Which number each clock change got.
    let ids: Vec<i64> = match target {
        Target::Floor => sent.iter().filter_map(|s| s.0).collect(),
        Target::Plenaria => {
            let r = committee.get("/export/meeting.json").await?;
            let backup: Value = serde_json::from_str(&r.body).map_err(|e| format!("backup: {e}"))?;
            let clock: Vec<i64> = rows(&backup, "changes")
                .iter()
                .filter(|r| r.get("topic").and_then(Value::as_str) == Some("clock"))
                .filter_map(|r| r.get("id").and_then(Value::as_i64))
                .collect();
            clock[clock.len().saturating_sub(sent.len())..].to_vec()
        }
    };
    let sent_at: HashMap<i64, u64> = ids.iter().copied().zip(sent.iter().map(|s| s.1)).collect();
    let last = ids.iter().copied().max().unwrap_or(0);
    settle(seen.iter(), |s| s.latest >= last, Duration::from_secs(30)).await;

    let mut latencies = Vec::new();
    let mut missed = 0usize;
    for s in &seen {
        let s = s.lock().unwrap();
        let got: HashMap<i64, u64> = s.changes.iter().map(|c| (c.0, c.2)).collect();
        for (id, t) in &sent_at {
            match got.get(id) {
                Some(at) => latencies.push(at.saturating_sub(*t)),
                None => missed += 1,
            }
        }
    }
    let _ = listeners.send(true);
    let _ = child.start_kill();
    let _ = child.wait().await;
    let _ = std::fs::remove_dir_all(&spec.data_dir);
    Ok(json!({
        "target": format!("{target:?}"),
        "screens": screens,
        "connected": connected,
        "clock_changes": sent_at.len(),
        "saves_acknowledged": acked.saves.lock().unwrap().len(),
        "latency_us": percentiles(latencies),
        "missed": missed,
        "server_5xx": statuses.server_errors(),
        "http_statuses": statuses.snapshot(),
        "server_cpu_percent": cpu,
        "server_rss_kib_max": rss_max,
    }))
}

fn floor_process(port: u16) -> Result<Child, String> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    Command::new(me)
        .args(["floor-server", "--port", &port.to_string()])
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| format!("cannot start the floor server: {e}"))
}
