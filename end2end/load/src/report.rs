//! What a run prints and reports: the human summary of the JSON report.

use serde_json::{json, Value};

/// Server CPU over the run: CPU seconds used / wall seconds (100 = one core).
pub fn cpu_percent(samples: &[(f64, u64)], span_us: u64) -> Value {
    match (samples.first(), samples.last()) {
        (Some(a), Some(b)) if span_us > 0 => json!(((b.0 - a.0) / (span_us as f64 / 1e6) * 100.0).round()),
        _ => Value::Null,
    }
}

/// The human summary.
pub fn summary(r: &Value) -> String {
    if r["scenario"] == "Screens" {
        return screens_summary(r);
    }
    let l = &r["fanout_latency_us"];
    let ms = |v: &Value| match v.as_u64() {
        Some(u64::MAX) => "not received".to_string(),
        Some(u) => format!("{:.1} ms", u as f64 / 1000.0),
        None => "-".into(),
    };
    let mut s = format!(
        "{} · {} clients ({} participants, {} coordinators, {} projectors) · {} s\n\
         writes acknowledged: {} saves, {} answers · lost {} · duplicated {}\n\
         edit → notification: p50 {} · p95 {} · p99 {} · max {} ({} notifications)\n\
         server: CPU {}% of one core · RSS max {} KiB · 5xx {} · statuses {}\n\
         clients behind at the end: {}",
        r["scenario"].as_str().unwrap_or(""),
        r["clients"],
        r["participants"],
        r["coordinators"],
        r["projectors"],
        r["seconds"],
        r["writes"]["acked_saves"],
        r["writes"]["acked_answers"],
        r["writes"]["lost"],
        r["writes"]["duplicated"],
        ms(&l["p50"]),
        ms(&l["p95"]),
        ms(&l["p99"]),
        ms(&l["max"]),
        l["count"],
        r["server_cpu_percent"],
        r["server_rss_kib_max"],
        r["server_5xx"],
        r["http_statuses"],
        r["clients_behind_at_end"],
    );
    if !r["restart"].is_null() {
        s += &format!(
            "\nrestart: server ready after {} ms, every client live after {} ms, clock deadline drift {} ms",
            r["restart"]["server_ready_ms"], r["restart"]["every_client_live_ms"], r["restart"]["clock_deadline_drift_ms"]
        );
    }
    s += &format!("\nfull refetches (greetings that could not resume, resyncs): {}", r["full_refetches"]);
    if !r["resume"].is_null() {
        let x = &r["resume"];
        s += &format!(
            "\nresume after a 2 s drop: {} expected, {} missing, {} twice, {} unexpected, {} connections, exact: {}",
            x["expected"], x["missing"], x["twice"], x["unexpected"], x["connections"], x["exact"]
        );
    }
    if !r["ramp"].is_null() {
        s += &format!(
            "\nramp: most clients with p99 ≤ {} ms: {}",
            r["ramp"]["limit_us"].as_u64().unwrap_or(0) / 1000,
            r["ramp"]["clients_within_limit"]
        );
    }
    s + &format!("\n{}", if r["pass"].as_bool() == Some(true) { "PASS" } else { "FAIL" })
}

fn screens_summary(r: &Value) -> String {
    let ms = |v: &Value| v.as_u64().map_or("-".to_string(), |u| format!("{:.1} ms", u as f64 / 1000.0));
    let mut s = String::from("screens: clock change → every screen\n");
    for p in r["phases"].as_array().into_iter().flatten() {
        let l = &p["latency_us"];
        s += &format!(
            "{:<8} {:>6} screens ({} connected): p50 {} · p95 {} · p99 {} · max {} · missed {} · 5xx {} · CPU {}% · RSS max {} KiB\n",
            p["target"].as_str().unwrap_or(""),
            p["screens"],
            p["connected"],
            ms(&l["p50"]),
            ms(&l["p95"]),
            ms(&l["p99"]),
            ms(&l["max"]),
            p["missed"],
            p["server_5xx"],
            p["server_cpu_percent"],
            p["server_rss_kib_max"],
        );
    }
    for x in r["ratios"].as_array().into_iter().flatten() {
        s += &format!("p99 ratio to the floor at {} screens: {}\n", x["screens"], x["p99_ratio_to_floor"]);
    }
    s + if r["pass"].as_bool() == Some(true) { "PASS" } else { "FAIL" }
}
