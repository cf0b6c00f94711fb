//! Results a group delivered to the committee, per session (locks them).

use super::meeting::MeetingId;
use super::Pool;
pub use crate::domain::delivery::Delivery;
use sqlx::{Sqlite, Transaction};

/// A delivery with its group's key.
#[derive(sqlx::FromRow)]
struct DeliveryRow {
    group_key: String,
    session_number: i64,
    delivered_at: i64,
    delivered_by: String,
}

pub async fn all(pool: &Pool, meeting: MeetingId) -> Result<Vec<Delivery>, sqlx::Error> {
    let rows: Vec<DeliveryRow> = sqlx::query_as(
        "SELECT g.key AS group_key, d.session_number, d.delivered_at, d.delivered_by FROM deliveries d
         JOIN groups g ON g.id = d.group_id WHERE g.meeting_id = $1 ORDER BY g.key, d.session_number",
    )
    .bind(meeting.0)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Delivery { group: r.group_key, session: r.session_number as u32, at: r.delivered_at, by: r.delivered_by })
        .collect())
}

pub async fn is_delivered(tx: &mut Transaction<'_, Sqlite>, group: i64, session: u32) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM deliveries WHERE group_id = $1 AND session_number = $2")
        .bind(group)
        .bind(session as i64)
        .fetch_one(&mut **tx)
        .await?;
    Ok(n > 0)
}

/// Records the delivery; `false` if it was already delivered.
pub async fn deliver(tx: &mut Transaction<'_, Sqlite>, group: i64, session: u32, by: &str, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO deliveries (group_id, session_number, delivered_at, delivered_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING",
    )
    .bind(group)
    .bind(session as i64)
    .bind(now)
    .bind(by)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Reopens a delivered result; `false` if it was not delivered.
pub async fn reopen(tx: &mut Transaction<'_, Sqlite>, group: i64, session: u32) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM deliveries WHERE group_id = $1 AND session_number = $2")
        .bind(group)
        .bind(session as i64)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}
