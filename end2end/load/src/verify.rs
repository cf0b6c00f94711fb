//! After the run: every acknowledged write checked against the meeting's
//! backup (lost = acknowledged but absent, duplicated = present twice), and
//! the edit → notification latency of every other client.

use crate::actors::{Acked, Save};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// The rows of one table of `/export/meeting.json`, by column name.
pub fn rows(backup: &Value, table: &str) -> Vec<BTreeMap<String, Value>> {
    let t = &backup["tables"][table];
    let columns: Vec<String> =
        t["columns"].as_array().map(|c| c.iter().filter_map(|v| v.as_str().map(String::from)).collect()).unwrap_or_default();
    t["rows"]
        .as_array()
        .map(|rows| rows.iter().map(|r| columns.iter().cloned().zip(r.as_array().cloned().unwrap_or_default()).collect()).collect())
        .unwrap_or_default()
}

#[derive(Debug, Default, serde::Serialize)]
pub struct Integrity {
    pub acked_saves: usize,
    pub acked_answers: usize,
    pub lost: usize,
    pub duplicated: usize,
}

pub fn integrity(backup: &Value, acked: &Acked) -> Integrity {
    // Operation id → (times stored, the text stored with it).
    let mut ops: HashMap<String, (usize, String)> = HashMap::new();
    for r in rows(backup, "cell_history") {
        if let Some(op) = r.get("op_id").and_then(Value::as_str) {
            let entry = ops.entry(op.to_string()).or_default();
            entry.0 += 1;
            entry.1 = r.get("text").and_then(Value::as_str).unwrap_or_default().to_string();
        }
    }
    let mut texts: HashMap<String, usize> = HashMap::new();
    let mut by_id: HashMap<i64, String> = HashMap::new();
    for r in rows(backup, "answers").into_iter().filter(|r| r.get("deleted_at").is_none_or(Value::is_null)) {
        let text = r.get("text").and_then(Value::as_str).unwrap_or_default().to_string();
        *texts.entry(text.clone()).or_default() += 1;
        if let Some(id) = r.get("id").and_then(Value::as_i64) {
            by_id.insert(id, text);
        }
    }
    let saves = acked.saves.lock().unwrap();
    let answers = acked.answers.lock().unwrap();
    let mut out = Integrity { acked_saves: saves.len(), acked_answers: answers.len(), ..Default::default() };
    for s in saves.iter() {
        match ops.get(&s.op) {
            None => out.lost += 1,
            Some((_, text)) if *text != s.text => out.lost += 1,
            Some((1, _)) => {}
            Some(_) => out.duplicated += 1,
        }
    }
    for (id, text) in answers.iter() {
        if by_id.get(id) != Some(text) {
            out.lost += 1;
        }
        if texts.get(text).copied().unwrap_or(0) > 1 {
            out.duplicated += 1;
        }
    }
    out
}

/// Change number → when its edit was sent (µs). The server numbers each
/// group's matrix changes in commit order, and one coordinator per group
/// saves one at a time, so the k-th matrix change of a group after set-up is
/// its k-th acknowledged save. Groups where the counts differ by more than
/// `slack` (a save committed but never acknowledged, e.g. cut by a restart)
/// are left out; `slack` allows for the one save whose answer is still on
/// its way when the backup is read mid-run.
pub fn send_times(backup: &Value, after: i64, saves: &[Save], slack: usize) -> (HashMap<i64, (String, u64)>, Vec<String>) {
    let mut by_group: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for r in rows(backup, "changes") {
        let (Some(id), Some(topic)) = (r.get("id").and_then(Value::as_i64), r.get("topic").and_then(Value::as_str)) else { continue };
        if let Some(group) = topic.strip_prefix("group:").and_then(|t| t.strip_suffix(":matrix")) {
            if id > after {
                by_group.entry(group.to_string()).or_default().push(id);
            }
        }
    }
    let mut map = HashMap::new();
    let mut skipped = Vec::new();
    for (group, mut ids) in by_group {
        ids.sort_unstable();
        let sent: Vec<&Save> = saves.iter().filter(|s| s.group == group).collect();
        if ids.len().abs_diff(sent.len()) > slack {
            skipped.push(group);
            continue;
        }
        for (id, s) in ids.into_iter().zip(sent) {
            map.insert(id, (group.clone(), s.sent_us));
        }
    }
    (map, skipped)
}

/// Percentiles of a sample (in the sample's unit).
pub fn percentiles(mut v: Vec<u64>) -> Value {
    if v.is_empty() {
        return Value::Null;
    }
    v.sort_unstable();
    let at = |p: f64| v[((v.len() as f64 - 1.0) * p).round() as usize];
    serde_json::json!({ "count": v.len(), "p50": at(0.5), "p95": at(0.95), "p99": at(0.99), "max": v[v.len() - 1] })
}

/// The CI resume case: a client watching the clock and its group dropped
/// its link for 2 s. It must have received exactly the changes of those
/// topics after its first greeting (none missing, none twice), every
/// reconnection resuming (no full refetch).
pub fn resume_check(backup: &Value, seen: &crate::sse::Seen, group: &str) -> Value {
    let from = seen.first_latest.unwrap_or(i64::MAX);
    let prefix = format!("group:{group}:");
    let expected: Vec<i64> = rows(backup, "changes")
        .iter()
        .filter(|r| r.get("topic").and_then(Value::as_str).is_some_and(|t| t == "clock" || t.starts_with(&prefix)))
        .filter_map(|r| r.get("id").and_then(Value::as_i64))
        .filter(|&id| id > from)
        .collect();
    let mut received: Vec<i64> = seen.changes.iter().map(|c| c.0).collect();
    let total = received.len();
    received.sort_unstable();
    received.dedup();
    let twice = total - received.len();
    let missing = expected.iter().filter(|id| received.binary_search(id).is_err()).count();
    let unexpected = received.iter().filter(|id| !expected.contains(id)).count();
    let exact = missing == 0 && twice == 0 && unexpected == 0 && seen.not_resumed == 0 && seen.resyncs == 0 && seen.hellos.len() >= 2;
    serde_json::json!({
        "expected": expected.len(), "missing": missing, "twice": twice, "unexpected": unexpected,
        "connections": seen.hellos.len(), "not_resumed": seen.not_resumed, "resyncs": seen.resyncs, "exact": exact,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backup(history: &[(&str, &str)], answers: &[(i64, &str)], changes: &[(i64, &str)]) -> Value {
        serde_json::json!({ "tables": {
            "cell_history": { "columns": ["op_id", "text"], "rows": history.iter().map(|(o, t)| serde_json::json!([o, t])).collect::<Vec<_>>() },
            "answers": { "columns": ["id", "text", "deleted_at"], "rows": answers.iter().map(|(i, t)| serde_json::json!([i, t, null])).collect::<Vec<_>>() },
            "changes": { "columns": ["id", "topic", "at_ms"], "rows": changes.iter().map(|(i, t)| serde_json::json!([i, t, 0])).collect::<Vec<_>>() },
        }})
    }

    fn save(group: &str, op: &str, text: &str, sent_us: u64) -> Save {
        Save { group: group.into(), op: op.into(), text: text.into(), sent_us }
    }

    #[test]
    fn a_missing_a_changed_and_a_doubled_write_are_each_counted() {
        let acked = Acked::default();
        acked.saves.lock().unwrap().extend([
            save("andina", "op-1", "uno", 0),
            save("andina", "op-2", "dos", 0),
            save("andina", "op-3", "tres", 0),
        ]);
        acked.answers.lock().unwrap().extend([(1, "a".to_string()), (2, "b".to_string()), (3, "c".to_string())]);
        // op-2 is absent, op-3 stored with other text; answer 2 missing, "c" stored twice.
        let b = backup(&[("op-1", "uno"), ("op-3", "otro")], &[(1, "a"), (3, "c"), (4, "c")], &[]);
        let r = integrity(&b, &acked);
        assert_eq!((r.acked_saves, r.acked_answers, r.lost, r.duplicated), (3, 3, 3, 1));
        let clean = backup(&[("op-1", "uno"), ("op-2", "dos"), ("op-3", "tres")], &[(1, "a"), (2, "b"), (3, "c")], &[]);
        let r = integrity(&clean, &acked);
        assert_eq!((r.lost, r.duplicated), (0, 0));
    }

    #[test]
    fn matrix_changes_map_to_saves_in_order_and_mismatched_groups_are_left_out() {
        let saves = [save("andina", "op-1", "x", 100), save("caribe", "op-2", "y", 200), save("andina", "op-3", "z", 300)];
        let changes = [
            (5, "group:andina:matrix"),
            (6, "group:caribe:matrix"),
            (7, "group:caribe:matrix"),
            (8, "group:andina:matrix"),
            (9, "group:andina:answers"),
            (3, "group:andina:matrix"),
        ];
        let (map, skipped) = send_times(&backup(&[], &[], &changes), 4, &saves, 0);
        assert_eq!(map.get(&5), Some(&("andina".to_string(), 100)));
        assert_eq!(map.get(&8), Some(&("andina".to_string(), 300)));
        assert_eq!(skipped, ["caribe"], "two changes, one acknowledged save");
        assert!(!map.contains_key(&3), "set-up changes are not edits");
        // Mid-run, one save may be committed before its answer arrives.
        let (map, skipped) = send_times(&backup(&[], &[], &changes), 4, &saves, 1);
        assert!(skipped.is_empty());
        assert_eq!(map.get(&6), Some(&("caribe".to_string(), 200)));
        assert!(!map.contains_key(&7), "the unanswered one is not timed");
    }

    #[test]
    fn percentiles_pick_ranks() {
        let p = percentiles((1..=100).collect());
        assert_eq!((p["p50"].as_u64(), p["p99"].as_u64(), p["max"].as_u64()), (Some(51), Some(99), Some(100)));
        assert!(percentiles(vec![]).is_null());
    }
}
