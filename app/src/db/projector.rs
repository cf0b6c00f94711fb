//! The projector's stored state (one row per meeting; none: the default).

use super::meeting::MeetingId;
use super::Pool;
use crate::domain::projector::{Projector, Show};
use sqlx::{Sqlite, Transaction};

/// The committee's choice and, when frozen, the snapshot's JSON.
pub async fn get(pool: &Pool, meeting: MeetingId) -> Result<(Projector, Option<String>), sqlx::Error> {
    let row: Option<(String, Option<String>, Option<String>, Option<i64>)> =
        sqlx::query_as("SELECT mode, target, frozen_json, frozen_at FROM projector WHERE meeting_id = ?")
            .bind(meeting.0)
            .fetch_optional(pool)
            .await?;
    Ok(match row {
        None => (Projector::default(), None),
        Some((mode, target, json, at)) => {
            // A row this build cannot read shows the default, never fails the page.
            let show = Show::parse(&mode, target.as_deref()).unwrap_or_default();
            (Projector { show, frozen_at: at }, json)
        }
    })
}

pub async fn set_show(tx: &mut Transaction<'_, Sqlite>, meeting: MeetingId, show: &Show, now: i64) -> Result<(), sqlx::Error> {
    let (mode, target) = show.encode();
    sqlx::query(
        "INSERT INTO projector (meeting_id, mode, target, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET mode = excluded.mode, target = excluded.target, updated_at = excluded.updated_at",
    )
    .bind(meeting.0)
    .bind(mode)
    .bind(target)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Freezes on `snapshot` (JSON), or unfreezes with `None`.
pub async fn set_frozen(tx: &mut Transaction<'_, Sqlite>, meeting: MeetingId, snapshot: Option<&str>, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO projector (meeting_id, mode, frozen_json, frozen_at, updated_at) VALUES (?, 'groups', ?, ?, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET frozen_json = excluded.frozen_json, frozen_at = excluded.frozen_at, updated_at = excluded.updated_at",
    )
    .bind(meeting.0)
    .bind(snapshot)
    .bind(snapshot.map(|_| now))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
