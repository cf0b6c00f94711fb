//! The projector's stored state (one row per meeting; none: the default).

use super::meeting::MeetingId;
use super::Pool;
use crate::domain::projector::{Paging, Projector, Show};
use sqlx::{Sqlite, Transaction};

/// The committee's choice and, when frozen, the snapshot's JSON.
pub async fn get(pool: &Pool, meeting: MeetingId) -> Result<(Projector, Option<String>), sqlx::Error> {
    let row: Option<ProjectorRow> =
        sqlx::query_as("SELECT mode, target, frozen_json, frozen_at, page, page_since, every_secs FROM projector WHERE meeting_id = ?")
            .bind(meeting.0)
            .fetch_optional(pool)
            .await?;
    Ok(match row {
        None => (Projector::default(), None),
        Some(r) => {
            // A row this build cannot read shows the default, never fails the page.
            let show = Show::parse(&r.mode, r.target.as_deref()).unwrap_or_default();
            let paging = Paging {
                page: u32::try_from(r.page).unwrap_or(0),
                since: r.page_since,
                every_secs: u32::try_from(r.every_secs).unwrap_or(0),
            };
            (Projector { show, frozen_at: r.frozen_at, paging }, r.frozen_json)
        }
    })
}

#[derive(sqlx::FromRow)]
struct ProjectorRow {
    mode: String,
    target: Option<String>,
    frozen_json: Option<String>,
    frozen_at: Option<i64>,
    page: i64,
    page_since: i64,
    every_secs: i64,
}

/// Another view starts on its first page (pages keep turning if they did).
pub async fn set_show(tx: &mut Transaction<'_, Sqlite>, meeting: MeetingId, show: &Show, now: i64) -> Result<(), sqlx::Error> {
    let (mode, target) = show.encode();
    sqlx::query(
        "INSERT INTO projector (meeting_id, mode, target, updated_at, page, page_since) VALUES (?, ?, ?, ?, 0, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET mode = excluded.mode, target = excluded.target, updated_at = excluded.updated_at,
             page = 0, page_since = excluded.page_since",
    )
    .bind(meeting.0)
    .bind(mode)
    .bind(target)
    .bind(now)
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

/// The page shown from `now` on, and whether pages turn by themselves.
pub async fn set_page(
    tx: &mut Transaction<'_, Sqlite>,
    meeting: MeetingId,
    page: u32,
    every_secs: u32,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO projector (meeting_id, mode, updated_at, page, page_since, every_secs) VALUES (?, 'groups', ?, ?, ?, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET page = excluded.page, page_since = excluded.page_since,
             every_secs = excluded.every_secs, updated_at = excluded.updated_at",
    )
    .bind(meeting.0)
    .bind(now)
    .bind(i64::from(page))
    .bind(now)
    .bind(i64::from(every_secs))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
