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

/// Changes after `after`, oldest first, at most `limit`.
pub async fn since(pool: &Pool, after: i64, limit: i64) -> Result<Vec<Change>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, topic FROM changes WHERE id > $1 ORDER BY id LIMIT $2")
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|(id, topic)| Change { id, topic }).collect())
}
