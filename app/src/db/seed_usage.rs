//! What a meeting's recorded work refers to in its seed, gathered for the
//! check that a changed seed removes nothing in use (`domain::seed_change`).

use crate::domain::seed_change::{CellUse, Counts, LineUse, Usage};
use sqlx::{Sqlite, Transaction};
use std::collections::BTreeMap;

/// Per group, how many records of each kind every table that refers to a
/// group holds (a group's removal would delete or orphan each of them).
const GROUP_RECORDS: [(&str, &str); 10] = [
    ("participants", "SELECT group_id, COUNT(*) FROM participants GROUP BY group_id"),
    ("participants", "SELECT mixed_group_id, COUNT(*) FROM participants WHERE mixed_group_id IS NOT NULL GROUP BY mixed_group_id"),
    ("coordinator links", "SELECT group_id, COUNT(*) FROM coordinator_links GROUP BY group_id"),
    ("coordinators", "SELECT group_id, COUNT(*) FROM coordinator_assignments GROUP BY group_id"),
    ("matrix lines", "SELECT group_id, COUNT(*) FROM matrix_rows GROUP BY group_id"),
    ("cell versions", "SELECT c.group_id, COUNT(*) FROM cell_history h JOIN cells c ON c.id = h.cell_id GROUP BY c.group_id"),
    ("answers", "SELECT group_id, COUNT(*) FROM answers GROUP BY group_id"),
    ("question marks", "SELECT group_id, COUNT(*) FROM question_marks GROUP BY group_id"),
    ("deliveries", "SELECT group_id, COUNT(*) FROM deliveries GROUP BY group_id"),
    ("time boxes", "SELECT group_id, COUNT(*) FROM timeboxes GROUP BY group_id"),
];

/// Per question ("guide/question"), what refers to it by key.
const QUESTION_RECORDS: [(&str, &str); 3] = [
    ("answers", "SELECT a.question, COUNT(*) FROM answers a JOIN groups g ON g.id = a.group_id WHERE g.meeting_id = $1 GROUP BY a.question"),
    ("question marks", "SELECT m.question, COUNT(*) FROM question_marks m JOIN groups g ON g.id = m.group_id WHERE g.meeting_id = $1 GROUP BY m.question"),
    ("time boxes", "SELECT t.question_key, COUNT(*) FROM timeboxes t JOIN groups g ON g.id = t.group_id WHERE g.meeting_id = $1 GROUP BY t.question_key"),
];

pub async fn usage(tx: &mut Transaction<'_, Sqlite>, meeting: i64) -> Result<Usage, sqlx::Error> {
    let mut usage = Usage::default();
    let keys: BTreeMap<i64, String> =
        sqlx::query_as("SELECT id, key FROM groups WHERE meeting_id = $1").bind(meeting).fetch_all(&mut **tx).await?.into_iter().collect();
    for (kind, sql) in GROUP_RECORDS {
        let rows: Vec<(i64, i64)> = sqlx::query_as(sql).fetch_all(&mut **tx).await?;
        for (group, n) in rows {
            if let Some(key) = keys.get(&group) {
                usage.groups.entry(key.clone()).or_default().add(kind, n as usize);
            }
        }
    }
    for (kind, sql) in QUESTION_RECORDS {
        add_all(&mut usage.questions, kind, sqlx::query_as(sql).bind(meeting).fetch_all(&mut **tx).await?);
    }
    let events = sqlx::query_as(
        "SELECT b.key, COUNT(*) FROM clock_events e JOIN agenda_blocks b ON b.id = e.block_id WHERE b.meeting_id = $1 GROUP BY b.key",
    )
    .bind(meeting)
    .fetch_all(&mut **tx)
    .await?;
    add_all(&mut usage.blocks, "clock events", events);
    let current =
        sqlx::query_as("SELECT b.key, 1 FROM meeting_clock c JOIN agenda_blocks b ON b.id = c.current_block_id WHERE c.meeting_id = $1")
            .bind(meeting)
            .fetch_all(&mut **tx)
            .await?;
    add_all(&mut usage.blocks, "clock resting on it", current);
    let delivered: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT d.session_number, COUNT(*) FROM deliveries d JOIN groups g ON g.id = d.group_id WHERE g.meeting_id = $1 GROUP BY d.session_number",
    )
    .bind(meeting)
    .fetch_all(&mut **tx)
    .await?;
    add_all(&mut usage.sessions, "deliveries", delivered.into_iter().map(|(s, n)| (s as u32, n)).collect());
    usage.lines = lines(tx, meeting).await?;
    usage.cells = cells(tx, meeting).await?;
    Ok(usage)
}

fn add_all<K: Ord>(into: &mut BTreeMap<K, Counts>, kind: &'static str, rows: Vec<(K, i64)>) {
    for (key, n) in rows {
        into.entry(key).or_default().add(kind, n as usize);
    }
}

#[derive(sqlx::FromRow)]
struct LineRow {
    id: i64,
    dimension: String,
    origin: Option<String>,
}

async fn lines(tx: &mut Transaction<'_, Sqlite>, meeting: i64) -> Result<Vec<LineUse>, sqlx::Error> {
    let rows: Vec<LineRow> = sqlx::query_as(
        "SELECT r.id, r.dimension, r.origin FROM matrix_rows r JOIN groups g ON g.id = r.group_id
         WHERE g.meeting_id = $1 AND r.deleted_at IS NULL",
    )
    .bind(meeting)
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.into_iter().map(|r| LineUse { row: r.id, dimension: r.dimension, origin: r.origin }).collect())
}

#[derive(sqlx::FromRow)]
struct CellRow {
    key: String,
    text: String,
    versions: i64,
}

async fn cells(tx: &mut Transaction<'_, Sqlite>, meeting: i64) -> Result<Vec<CellUse>, sqlx::Error> {
    let rows: Vec<CellRow> = sqlx::query_as(
        "SELECT c.key, c.text, (SELECT COUNT(*) FROM cell_history h WHERE h.cell_id = c.id) AS versions
         FROM cells c JOIN groups g ON g.id = c.group_id WHERE g.meeting_id = $1",
    )
    .bind(meeting)
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.into_iter().map(|r| CellUse { key: r.key, text: r.text, versions: r.versions as usize }).collect())
}

#[derive(sqlx::FromRow)]
struct MeetingWorkRow {
    slug: String,
    participants: i64,
    cells: i64,
}

/// The other meetings this database holds that have work recorded, by slug:
/// a seed with a new slug would start an empty meeting beside them.
pub async fn other_meetings_with_work(tx: &mut Transaction<'_, Sqlite>, slug: &str) -> Result<Vec<(String, Counts)>, sqlx::Error> {
    let rows: Vec<MeetingWorkRow> = sqlx::query_as(
        "SELECT m.slug,
                (SELECT COUNT(*) FROM participants p WHERE p.meeting_id = m.id) AS participants,
                (SELECT COUNT(*) FROM cells c JOIN groups g ON g.id = c.group_id WHERE g.meeting_id = m.id) AS cells
         FROM meetings m WHERE m.slug <> $1 ORDER BY m.id",
    )
    .bind(slug)
    .fetch_all(&mut **tx)
    .await?;
    let mut out = Vec::new();
    for r in rows {
        let mut counts = Counts::default();
        counts.add("participants", r.participants as usize).add("saved cells", r.cells as usize);
        if !counts.is_empty() {
            out.push((r.slug, counts));
        }
    }
    Ok(out)
}
