//! Coordinator grants: links the committee issues (and revokes), and joined
//! participants it promotes.

use super::meeting::MeetingId;
use super::now_ms_sql;
use super::Pool;
use crate::domain::roster::{CoordinatorLink, CoordinatorRank};

/// A coordinator link with its group's key and the browsers signed in through it.
#[derive(sqlx::FromRow)]
struct LinkRow {
    id: i64,
    group_key: String,
    deputy: i64,
    token: String,
    created_at: i64,
    browsers: i64,
}

const LINK_SELECT: &str = "SELECT l.id, g.key AS group_key, l.deputy, l.token, l.created_at,
         (SELECT COUNT(*) FROM browser_sessions s WHERE s.coordinator_link_id = l.id) AS browsers
     FROM coordinator_links l JOIN groups g ON g.id = l.group_id";

fn link(r: LinkRow) -> CoordinatorLink {
    let rank = CoordinatorRank::from_deputy(r.deputy == 1);
    CoordinatorLink { id: r.id, group: r.group_key, rank, token: r.token, created_at: r.created_at, browsers: r.browsers }
}

/// Issues a new link for the group and rank, revoking the one it replaces
/// (so "re-issue" signs out whoever used the old link).
pub async fn issue(
    pool: &Pool,
    meeting: MeetingId,
    group: &str,
    rank: CoordinatorRank,
    token: &str,
) -> Result<Option<CoordinatorLink>, sqlx::Error> {
    let deputy = i64::from(rank == CoordinatorRank::Deputy);
    let mut tx = super::begin_write(pool).await?;
    let group_id: Option<i64> = sqlx::query_scalar("SELECT id FROM groups WHERE meeting_id = $1 AND key = $2")
        .bind(meeting.0)
        .bind(group)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(group_id) = group_id else { return Ok(None) };
    revoke_in(&mut tx, group_id, deputy).await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO coordinator_links (group_id, token, deputy) VALUES ($1, $2, $3) RETURNING id")
        .bind(group_id)
        .bind(token)
        .bind(deputy)
        .fetch_one(&mut *tx)
        .await?;
    let row: LinkRow = sqlx::query_as(&format!("{LINK_SELECT} WHERE l.id = $1")).bind(id).fetch_one(&mut *tx).await?;
    tx.commit().await?;
    Ok(Some(link(row)))
}

async fn revoke_in(tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>, group_id: i64, deputy: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(concat!(
        "UPDATE coordinator_links SET revoked_at = ",
        now_ms_sql!(),
        "
         WHERE group_id = $1 AND deputy = $2 AND revoked_at IS NULL"
    ))
    .bind(group_id)
    .bind(deputy)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}

/// Revokes the group's live link of that rank; returns whether one existed.
pub async fn revoke(pool: &Pool, meeting: MeetingId, group: &str, rank: CoordinatorRank) -> Result<bool, sqlx::Error> {
    let mut tx = super::begin_write(pool).await?;
    let group_id: Option<i64> = sqlx::query_scalar("SELECT id FROM groups WHERE meeting_id = $1 AND key = $2")
        .bind(meeting.0)
        .bind(group)
        .fetch_optional(&mut *tx)
        .await?;
    let revoked = match group_id {
        Some(id) => revoke_in(&mut tx, id, i64::from(rank == CoordinatorRank::Deputy)).await? > 0,
        None => false,
    };
    tx.commit().await?;
    Ok(revoked)
}

/// The live links of the meeting.
pub async fn live_links(pool: &Pool, meeting: MeetingId) -> Result<Vec<CoordinatorLink>, sqlx::Error> {
    let rows: Vec<LinkRow> =
        sqlx::query_as(&format!("{LINK_SELECT} WHERE g.meeting_id = $1 AND l.revoked_at IS NULL ORDER BY g.id, l.deputy"))
            .bind(meeting.0)
            .fetch_all(pool)
            .await?;
    Ok(rows.into_iter().map(link).collect())
}

/// A live link by its token.
pub async fn find_live(pool: &Pool, meeting: MeetingId, token: &str) -> Result<Option<CoordinatorLink>, sqlx::Error> {
    let row: Option<LinkRow> = sqlx::query_as(&format!("{LINK_SELECT} WHERE l.token = $1 AND g.meeting_id = $2 AND l.revoked_at IS NULL"))
        .bind(token)
        .bind(meeting.0)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(link))
}

/// Makes a member of `group` its coordinator or deputy. `false` when the
/// participant is not a member of that group.
pub async fn promote(pool: &Pool, meeting: MeetingId, group: &str, participant: i64, rank: CoordinatorRank) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO coordinator_assignments (group_id, participant_id, deputy)
         SELECT g.id, p.id, $4 FROM participants p JOIN groups g ON g.id IN (p.group_id, p.mixed_group_id)
         WHERE p.id = $3 AND g.key = $2 AND g.meeting_id = $1
         ON CONFLICT (group_id, participant_id) DO UPDATE SET deputy = excluded.deputy",
    )
    .bind(meeting.0)
    .bind(group)
    .bind(participant)
    .bind(i64::from(rank == CoordinatorRank::Deputy))
    .execute(pool)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn demote(pool: &Pool, meeting: MeetingId, group: &str, participant: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM coordinator_assignments WHERE participant_id = $3
           AND group_id = (SELECT id FROM groups WHERE meeting_id = $1 AND key = $2)",
    )
    .bind(meeting.0)
    .bind(group)
    .bind(participant)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() > 0)
}
