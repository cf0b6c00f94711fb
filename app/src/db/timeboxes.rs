//! Suggested minutes per guiding question, per group.

use super::Pool;
use sqlx::{Sqlite, Transaction};
use std::collections::BTreeMap;

/// The group's suggestions by question key.
pub async fn of_group(pool: &Pool, group: i64) -> Result<BTreeMap<String, u32>, sqlx::Error> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT question_key, minutes FROM timeboxes WHERE group_id = $1").bind(group).fetch_all(pool).await?;
    Ok(rows.into_iter().map(|(k, m)| (k, m as u32)).collect())
}

/// Sets (or with `None` clears) the suggestion for one question.
pub async fn set(
    tx: &mut Transaction<'_, Sqlite>,
    group: i64,
    question: &str,
    minutes: Option<u32>,
    by: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    match minutes {
        Some(m) => {
            sqlx::query(
                "INSERT INTO timeboxes (group_id, question_key, minutes, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (group_id, question_key) DO UPDATE SET minutes = excluded.minutes,
                 set_by = excluded.set_by, set_at = excluded.set_at",
            )
            .bind(group)
            .bind(question)
            .bind(m as i64)
            .bind(by)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM timeboxes WHERE group_id = $1 AND question_key = $2")
                .bind(group)
                .bind(question)
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}
