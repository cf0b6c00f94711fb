//! Versioned cells and their history (see `domain::cells`). A write happens
//! inside the caller's transaction, after `domain::cells::decide` said so.

use super::Pool;
use crate::domain::cells::{Cell, Version};
use sqlx::{Sqlite, Transaction};
use std::collections::BTreeMap;

/// A cell as stored: its row id, group, key and current state.
#[derive(sqlx::FromRow)]
pub(super) struct CellRow {
    pub id: i64,
    pub group_id: i64,
    pub key: String,
    pub text: String,
    pub version: i64,
    pub author: String,
    pub at_ms: i64,
}

impl CellRow {
    pub(super) const COLUMNS: &'static str = "id, group_id, key, text, version, author, at_ms";

    pub(super) fn cell(self) -> Cell {
        Cell { text: self.text, version: self.version, by: self.author, at: self.at_ms }
    }
}

/// One version of a cell.
#[derive(sqlx::FromRow)]
struct VersionRow {
    version: i64,
    text: String,
    author: String,
    at_ms: i64,
}

/// The cell as it is now (an empty version-0 cell if never written), with its row id.
pub async fn current(tx: &mut Transaction<'_, Sqlite>, group: i64, key: &str) -> Result<(Option<i64>, Cell), sqlx::Error> {
    let row: Option<CellRow> = sqlx::query_as(&format!("SELECT {} FROM cells WHERE group_id = $1 AND key = $2", CellRow::COLUMNS))
        .bind(group)
        .bind(key)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match row {
        Some(row) => (Some(row.id), row.cell()),
        None => (None, Cell::empty()),
    })
}

/// Whether the edit `op` was already stored on this cell (a replay).
pub async fn op_applied(tx: &mut Transaction<'_, Sqlite>, cell: Option<i64>, op: &str) -> Result<bool, sqlx::Error> {
    let Some(cell) = cell else { return Ok(false) };
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cell_history WHERE cell_id = $1 AND op_id = $2")
        .bind(cell)
        .bind(op)
        .fetch_one(&mut **tx)
        .await?;
    Ok(n > 0)
}

/// Stores `cell` as the new state of `key` and appends it to the history.
pub async fn write(tx: &mut Transaction<'_, Sqlite>, group: i64, key: &str, cell: &Cell, op: Option<&str>) -> Result<(), sqlx::Error> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO cells (group_id, key, text, version, author, at_ms) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (group_id, key) DO UPDATE SET text = excluded.text, version = excluded.version,
             author = excluded.author, at_ms = excluded.at_ms
         RETURNING id",
    )
    .bind(group)
    .bind(key)
    .bind(&cell.text)
    .bind(cell.version)
    .bind(&cell.by)
    .bind(cell.at)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query("INSERT INTO cell_history (cell_id, version, text, author, at_ms, op_id) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(id)
        .bind(cell.version)
        .bind(&cell.text)
        .bind(&cell.by)
        .bind(cell.at)
        .bind(op)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Every version of a cell, newest first.
pub async fn history(pool: &Pool, group: i64, key: &str) -> Result<Vec<Version>, sqlx::Error> {
    let rows: Vec<VersionRow> = sqlx::query_as(
        "SELECT h.version, h.text, h.author, h.at_ms FROM cell_history h JOIN cells c ON c.id = h.cell_id
         WHERE c.group_id = $1 AND c.key = $2 ORDER BY h.version DESC",
    )
    .bind(group)
    .bind(key)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| Version { version: r.version, text: r.text, by: r.author, at: r.at_ms }).collect())
}

/// The group's questionnaire cells, by item.
pub async fn questionnaire(pool: &Pool, group: i64) -> Result<BTreeMap<String, Cell>, sqlx::Error> {
    let rows: Vec<CellRow> = sqlx::query_as(&format!("SELECT {} FROM cells WHERE group_id = $1 AND key LIKE 'q/%'", CellRow::COLUMNS))
        .bind(group)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|r| (r.key[2..].to_string(), r.cell())).collect())
}

/// Every group's questionnaire cells (group row id → item → cell), in one
/// query whatever the number of groups.
pub async fn questionnaires_of_meeting(
    pool: &Pool,
    meeting: crate::db::meeting::MeetingId,
) -> Result<std::collections::HashMap<i64, BTreeMap<String, Cell>>, sqlx::Error> {
    let rows: Vec<CellRow> = sqlx::query_as(&format!(
        "SELECT {} FROM cells WHERE group_id IN (SELECT id FROM groups WHERE meeting_id = $1) AND key LIKE 'q/%'",
        CellRow::COLUMNS
    ))
    .bind(meeting.0)
    .fetch_all(pool)
    .await?;
    let mut out: std::collections::HashMap<i64, BTreeMap<String, Cell>> = std::collections::HashMap::new();
    for r in rows {
        out.entry(r.group_id).or_default().insert(r.key[2..].to_string(), r.cell());
    }
    Ok(out)
}
