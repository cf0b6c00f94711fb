//! The numbered log of changes (see `domain::change`). A change is recorded
//! in the same transaction as the write it announces, so a number exists
//! exactly when the write does.

use super::Pool;
use crate::domain::change::Change;
use sqlx::{Sqlite, Transaction};

pub async fn record(tx: &mut Transaction<'_, Sqlite>, topic: &str, at_ms: i64) -> Result<Change, sqlx::Error> {
    let id: i64 = sqlx::query_scalar("INSERT INTO changes (topic, at_ms) VALUES ($1, $2) RETURNING id")
        .bind(topic)
        .bind(at_ms)
        .fetch_one(&mut **tx)
        .await?;
    Ok(Change { id, topic: topic.to_string() })
}

/// The newest change number (0 before any).
pub async fn latest(pool: &Pool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM changes").fetch_one(pool).await
}

/// The most changes a resuming connection is replayed; further behind, a
/// full refetch is cheaper than reading the log.
pub const REPLAY_SPAN: i64 = 20_000;

/// The changes numbered in (`after`, `until`], oldest first, for a connection
/// resuming after `after`; `None` when the log no longer reaches back that
/// far (or it is more than `REPLAY_SPAN` behind): the browser refetches.
pub async fn replay(pool: &Pool, after: i64, until: i64) -> Result<Option<Vec<Change>>, sqlx::Error> {
    if after < 0 || after > until || until - after > REPLAY_SPAN {
        return Ok(None);
    }
    let oldest: Option<i64> = sqlx::query_scalar("SELECT MIN(id) FROM changes").fetch_one(pool).await?;
    if oldest.is_some_and(|o| o > after + 1) {
        return Ok(None);
    }
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, topic FROM changes WHERE id > $1 AND id <= $2 ORDER BY id")
        .bind(after)
        .bind(until)
        .fetch_all(pool)
        .await?;
    Ok(Some(rows.into_iter().map(|(id, topic)| Change { id, topic }).collect()))
}
