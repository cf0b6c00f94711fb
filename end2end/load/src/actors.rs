//! The people of the meeting as the server sees their browsers: the
//! committee, coordinators saving matrix cells, participants answering the
//! guiding questions, projectors refetching the plenary on each change.

use crate::http::{enc, Browser};
use crate::sse::{now_us, Shared};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

use crate::shape::Shape;

/// A save the server acknowledged.
#[derive(Clone, Debug)]
pub struct Save {
    pub group: String,
    pub op: String,
    pub text: String,
    pub sent_us: u64,
}

/// Every write the server acknowledged, to check against the database.
#[derive(Default)]
pub struct Acked {
    pub saves: Mutex<Vec<Save>>,
    /// (answer id, its text).
    pub answers: Mutex<Vec<(i64, String)>>,
}

pub async fn committee(mut b: Browser, token: &str) -> Result<Browser, String> {
    let r = b.call("/api/fn/committee_sign_in", &format!("token={}", enc(token))).await?;
    if !r.status.is_success() {
        return Err(format!("committee sign-in: {} {}", r.status, r.body));
    }
    Ok(b)
}

pub async fn join_code(committee: &mut Browser) -> Result<String, String> {
    let r = committee.call("/api/fn/committee_overview", "").await?;
    let v: serde_json::Value = serde_json::from_str(&r.body).map_err(|e| format!("overview: {e}: {}", r.body))?;
    v["join_code"].as_str().map(String::from).ok_or_else(|| format!("no join code: {}", r.body))
}

pub async fn participant(mut b: Browser, code: &str, n: usize, shape: &Shape) -> Result<(Browser, String), String> {
    let (group, sector) = &shape.groups[n % shape.groups.len()];
    let form = format!("code={code}&name=P{n}&affiliation=Sim{n}&sector={sector}&group={group}");
    let r = b.call("/api/fn/join", &form).await?;
    if !r.status.is_success() {
        return Err(format!("join: {} {}", r.status, r.body));
    }
    Ok((b, group.to_string()))
}

/// Signs a browser in through a fresh coordinator link of `group` and adds
/// the matrix line it will edit; returns the browser and the cell's key.
pub async fn coordinator(committee: &mut Browser, mut b: Browser, group: &str, shape: &Shape) -> Result<(Browser, String), String> {
    let r = committee.call("/api/fn/issue_coordinator_link", &format!("group={group}&deputy=false")).await?;
    let start = r.body.find("\"token\":\"").ok_or_else(|| format!("no link: {}", r.body))? + 9;
    let token = r.body.get(start..start + 32).ok_or("short token")?.to_string();
    b.call("/api/fn/coordinator_sign_in", &format!("token={token}")).await?;
    let r = b.call("/api/fn/add_matrix_row", &format!("group={group}&dimension={}", enc(&shape.dimension))).await?;
    let row: i64 = r.body.trim().parse().map_err(|_| format!("add row: {} {}", r.status, r.body))?;
    Ok((b, format!("m/{row}/{}", shape.heading)))
}

/// Saves the cell `rate` times a second with a new text each time. A save
/// that gets no answer is sent again with the same operation id, as the
/// browser's offline queue does: it must be applied once.
pub async fn edit(mut b: Browser, who: usize, group: String, key: String, rate: f64, acked: Arc<Acked>, mut stop: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut base = 0i64;
    for n in 0u64.. {
        tokio::select! { _ = tick.tick() => {}, _ = stop.changed() => return }
        let (op, text) = (format!("op-c{who}-{n:08}"), format!("Línea de {group}, versión {n}"));
        let form = format!("group={group}&key={}&base={base}&text={}&op={op}", enc(&key), enc(&text));
        let sent_us = now_us();
        loop {
            if *stop.borrow() {
                return;
            }
            match b.call("/api/fn/save_cell", &form).await {
                Ok(r) if r.status.is_success() => {
                    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap_or_default();
                    if let Some(version) = v["Saved"]["version"].as_i64() {
                        base = version;
                        acked.saves.lock().unwrap().push(Save { group: group.clone(), op: op.clone(), text: text.clone(), sent_us });
                    } else if let Some(version) = v["Conflict"]["version"].as_i64() {
                        base = version;
                    }
                    break;
                }
                // Refused (4xx/5xx): counted by status; go on with the next edit.
                Ok(_) => break,
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }
}

/// Adds an answer every `every` seconds (first one at a random-ish offset).
pub async fn answer(
    mut b: Browser,
    who: usize,
    group: String,
    questions: Vec<String>,
    every: f64,
    acked: Arc<Acked>,
    mut stop: watch::Receiver<bool>,
) {
    let offset = Duration::from_secs_f64(every * ((who * 7919) % 1000) as f64 / 1000.0);
    tokio::select! { _ = tokio::time::sleep(offset) => {}, _ = stop.changed() => return }
    let mut tick = tokio::time::interval(Duration::from_secs_f64(every));
    for n in 0usize.. {
        tokio::select! { _ = tick.tick() => {}, _ = stop.changed() => return }
        let text = format!("Respuesta {n} de P{who}");
        let q = &questions[(who + n) % questions.len()];
        let form = format!("group={group}&question={}&text={}", enc(q), enc(&text));
        if let Ok(r) = b.call("/api/fn/add_answer", &form).await {
            if let (true, Ok(id)) = (r.status.is_success(), r.body.trim().parse::<i64>()) {
                acked.answers.lock().unwrap().push((id, text));
            }
        }
    }
}

/// A projector: on every group change, refetch the plenary (one request in
/// flight at a time; changes meanwhile fold into the next one).
pub async fn project(mut b: Browser, seen: Shared, mut stop: watch::Receiver<bool>) {
    let mut done = 0usize;
    loop {
        tokio::select! { _ = tokio::time::sleep(Duration::from_millis(20)) => {}, _ = stop.changed() => return }
        let count = seen.lock().unwrap().changes.iter().filter(|(_, t, _)| t.starts_with("group:")).count();
        if count > done {
            done = count;
            let _ = b.call("/api/fn/plenary", "").await;
        }
    }
}
