//! A group's matrix rows (soft-deleted, ordered per dimension) and the
//! group lookups the group-work tables share.

use super::cells::CellRow;
use super::meeting::MeetingId;
use super::Pool;
use crate::domain::cells::CellKey;
use crate::domain::matrix_rules::MatrixRow;
use sqlx::{Sqlite, Transaction};
use std::collections::{BTreeMap, HashMap};

/// The row id of a group of this meeting, by its key.
pub async fn group_id(pool: &Pool, meeting: MeetingId, key: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM groups WHERE meeting_id = $1 AND key = $2").bind(meeting.0).bind(key).fetch_optional(pool).await
}

/// Every group of this meeting: key → row id. One query where a page walks
/// a whole group set (plenary, plan, timeboxes, pulls).
pub async fn group_ids(pool: &Pool, meeting: MeetingId) -> Result<BTreeMap<String, i64>, sqlx::Error> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT key, id FROM groups WHERE meeting_id = $1").bind(meeting.0).fetch_all(pool).await?;
    Ok(rows.into_iter().collect())
}

/// A matrix row as stored (its cells are `CellRow`s keyed "m/<row>/<field>").
#[derive(sqlx::FromRow)]
struct RowRow {
    group_id: i64,
    id: i64,
    dimension: String,
    position: i64,
    origin: Option<String>,
}

/// The group's live rows with their matrix cells.
pub async fn rows(pool: &Pool, group: i64) -> Result<Vec<MatrixRow>, sqlx::Error> {
    let rows: Vec<RowRow> = sqlx::query_as(
        "SELECT group_id, id, dimension, position, origin FROM matrix_rows
         WHERE group_id = $1 AND deleted_at IS NULL ORDER BY dimension, position, id",
    )
    .bind(group)
    .fetch_all(pool)
    .await?;
    let cells: Vec<CellRow> = sqlx::query_as(&format!("SELECT {} FROM cells WHERE group_id = $1 AND key LIKE 'm/%'", CellRow::COLUMNS))
        .bind(group)
        .fetch_all(pool)
        .await?;
    Ok(assemble(rows, cells).remove(&group).unwrap_or_default())
}

/// Every group's live rows with their cells (group row id → rows), in two
/// queries whatever the number of groups: what the plenary and the plan show.
pub async fn rows_of_meeting(pool: &Pool, meeting: MeetingId) -> Result<HashMap<i64, Vec<MatrixRow>>, sqlx::Error> {
    let rows = sqlx::query_as(
        "SELECT group_id, id, dimension, position, origin FROM matrix_rows
         WHERE group_id IN (SELECT id FROM groups WHERE meeting_id = $1) AND deleted_at IS NULL
         ORDER BY group_id, dimension, position, id",
    )
    .bind(meeting.0)
    .fetch_all(pool)
    .await?;
    let cells = sqlx::query_as(&format!(
        "SELECT {} FROM cells WHERE group_id IN (SELECT id FROM groups WHERE meeting_id = $1) AND key LIKE 'm/%'",
        CellRow::COLUMNS
    ))
    .bind(meeting.0)
    .fetch_all(pool)
    .await?;
    Ok(assemble(rows, cells))
}

/// Rows (ordered) and their cells, by group.
fn assemble(rows: Vec<RowRow>, cells: Vec<CellRow>) -> HashMap<i64, Vec<MatrixRow>> {
    let mut out: HashMap<i64, Vec<MatrixRow>> = HashMap::new();
    let mut at: HashMap<i64, (i64, usize)> = HashMap::new();
    for r in rows {
        let list = out.entry(r.group_id).or_default();
        at.insert(r.id, (r.group_id, list.len()));
        list.push(MatrixRow { id: r.id, dimension: r.dimension, position: r.position, origin: r.origin, cells: BTreeMap::new() });
    }
    for c in cells {
        if let Some(CellKey::Matrix { row, field }) = CellKey::parse(&c.key) {
            if let Some(&(g, i)) = at.get(&row).filter(|(g, _)| *g == c.group_id) {
                out.get_mut(&g).and_then(|l| l.get_mut(i)).map(|r| r.cells.insert(field, c.cell()));
            }
        }
    }
    out
}

/// Adds a row at the end of its dimension and returns its id.
pub async fn insert_row(
    tx: &mut Transaction<'_, Sqlite>,
    group: i64,
    dimension: &str,
    origin: Option<&str>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO matrix_rows (group_id, dimension, position, origin, created_at)
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), -1) + 1 FROM matrix_rows
                          WHERE group_id = $1 AND dimension = $2 AND deleted_at IS NULL), $3, $4)
         RETURNING id",
    )
    .bind(group)
    .bind(dimension)
    .bind(origin)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

/// Hides a row; `false` when the group has no such live row.
pub async fn delete_row(tx: &mut Transaction<'_, Sqlite>, group: i64, row: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE matrix_rows SET deleted_at = $3 WHERE id = $2 AND group_id = $1 AND deleted_at IS NULL")
        .bind(group)
        .bind(row)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// The dimension of a hidden row of the group (`None`: no such hidden row).
pub async fn hidden_row_dimension(tx: &mut Transaction<'_, Sqlite>, group: i64, row: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT dimension FROM matrix_rows WHERE id = $2 AND group_id = $1 AND deleted_at IS NOT NULL")
        .bind(group)
        .bind(row)
        .fetch_optional(&mut **tx)
        .await
}

/// Shows a hidden row again, in its old place, with its cells and history.
pub async fn restore_row(tx: &mut Transaction<'_, Sqlite>, group: i64, row: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE matrix_rows SET deleted_at = NULL WHERE id = $2 AND group_id = $1 AND deleted_at IS NOT NULL")
        .bind(group)
        .bind(row)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn set_positions(tx: &mut Transaction<'_, Sqlite>, group: i64, positions: &[(i64, i64)]) -> Result<(), sqlx::Error> {
    for (row, position) in positions {
        sqlx::query("UPDATE matrix_rows SET position = $3 WHERE id = $2 AND group_id = $1")
            .bind(group)
            .bind(row)
            .bind(position)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Whether the group has this live row (cells may only be written on those).
pub async fn row_is_live(tx: &mut Transaction<'_, Sqlite>, group: i64, row: i64) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM matrix_rows WHERE id = $2 AND group_id = $1 AND deleted_at IS NULL")
        .bind(group)
        .bind(row)
        .fetch_one(&mut **tx)
        .await?;
    Ok(n > 0)
}
