//! Browser sessions: the cookie's token (hashed) and what the browser may act
//! as. The `Caller` is rebuilt from the database on every request, so a
//! revoked link or a demotion takes effect at once.

use super::meeting::MeetingId;
use super::now_ms_sql;
use super::Pool;
use crate::domain::roles::Caller;
use crate::secrets;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionId(pub i64);

/// Creates a session for `token` and returns its id.
pub async fn create(pool: &Pool, meeting: MeetingId, token: &str) -> Result<SessionId, sqlx::Error> {
    let id: i64 = sqlx::query_scalar("INSERT INTO browser_sessions (meeting_id, token_hash) VALUES ($1, $2) RETURNING id")
        .bind(meeting.0)
        .bind(secrets::hash(token))
        .fetch_one(pool)
        .await?;
    Ok(SessionId(id))
}

pub async fn find(pool: &Pool, meeting: MeetingId, token: &str) -> Result<Option<SessionId>, sqlx::Error> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM browser_sessions WHERE token_hash = $1 AND meeting_id = $2")
        .bind(secrets::hash(token))
        .bind(meeting.0)
        .fetch_optional(pool)
        .await?;
    Ok(id.map(SessionId))
}

/// Gives the session a new token (after a role is granted, so a token seen
/// before sign-in is worthless after it).
pub async fn renew(pool: &Pool, session: SessionId, new_token: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE browser_sessions SET token_hash = $2 WHERE id = $1")
        .bind(session.0)
        .bind(secrets::hash(new_token))
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn grant_committee(pool: &Pool, session: SessionId) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE browser_sessions SET committee = 1 WHERE id = $1").bind(session.0).execute(pool).await?;
    Ok(())
}

/// After a new committee token: every committee browser but `keep` (the one
/// that rotated it, if any) loses the grant.
pub async fn revoke_committee_except(pool: &Pool, meeting: MeetingId, keep: Option<SessionId>) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("UPDATE browser_sessions SET committee = 0 WHERE meeting_id = $1 AND id IS NOT $2 AND committee = 1")
        .bind(meeting.0)
        .bind(keep.map(|k| k.0))
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

pub async fn set_participant(pool: &Pool, session: SessionId, participant: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE browser_sessions SET participant_id = $2 WHERE id = $1").bind(session.0).bind(participant).execute(pool).await?;
    Ok(())
}

pub async fn set_coordinator_link(pool: &Pool, session: SessionId, link: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE browser_sessions SET coordinator_link_id = $2 WHERE id = $1").bind(session.0).bind(link).execute(pool).await?;
    Ok(())
}

/// Forgets sessions that give nothing (no committee, no participant, no live
/// coordinator link: signed out by a new token, a revoked link) a day after
/// they were made, so they cannot pile up.
pub async fn expire_anonymous(pool: &Pool, meeting: MeetingId) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(concat!(
        "DELETE FROM browser_sessions WHERE meeting_id = $1 AND committee = 0 AND participant_id IS NULL
           AND (coordinator_link_id IS NULL
                OR coordinator_link_id IN (SELECT id FROM coordinator_links WHERE revoked_at IS NOT NULL))
           AND created_at < ",
        now_ms_sql!(),
        " - 86400000"
    ))
    .bind(meeting.0)
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

pub async fn delete(pool: &Pool, session: SessionId) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM browser_sessions WHERE id = $1").bind(session.0).execute(pool).await?;
    Ok(())
}

/// Until when (unix ms) this browser must wait before trying another code.
pub async fn join_blocked_until(pool: &Pool, session: SessionId) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT join_blocked_until FROM browser_sessions WHERE id = $1").bind(session.0).fetch_one(pool).await
}

/// Counts a wrong code; returns the number of failures so far.
pub async fn record_failed_join(pool: &Pool, session: SessionId, blocked_until: impl Fn(u32) -> Option<i64>) -> Result<u32, sqlx::Error> {
    let failures: i64 =
        sqlx::query_scalar("UPDATE browser_sessions SET failed_joins = failed_joins + 1 WHERE id = $1 RETURNING failed_joins")
            .bind(session.0)
            .fetch_one(pool)
            .await?;
    let failures = failures as u32;
    sqlx::query("UPDATE browser_sessions SET join_blocked_until = $2 WHERE id = $1")
        .bind(session.0)
        .bind(blocked_until(failures))
        .execute(pool)
        .await?;
    Ok(failures)
}

pub async fn reset_failed_joins(pool: &Pool, session: SessionId) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE browser_sessions SET failed_joins = 0, join_blocked_until = NULL WHERE id = $1")
        .bind(session.0)
        .execute(pool)
        .await?;
    Ok(())
}

/// What a session was granted directly (the rest comes from its links and groups).
#[derive(sqlx::FromRow)]
struct RolesRow {
    committee: i64,
    participant_id: Option<i64>,
}

/// What the session may act as now: committee flag, participant and their
/// groups, and the groups coordinated through a live link or an assignment.
pub async fn caller(pool: &Pool, session: SessionId) -> Result<Caller, sqlx::Error> {
    let row: Option<RolesRow> =
        sqlx::query_as("SELECT committee, participant_id FROM browser_sessions WHERE id = $1").bind(session.0).fetch_optional(pool).await?;
    let Some(RolesRow { committee, participant_id: participant }) = row else {
        return Ok(Caller::default());
    };
    let member_of: Vec<String> = sqlx::query_scalar(
        "SELECT g.key FROM participants p JOIN groups g ON g.id IN (p.group_id, p.mixed_group_id)
         WHERE p.id = $1 ORDER BY g.id",
    )
    .bind(participant)
    .fetch_all(pool)
    .await?;
    let coordinates: Vec<String> = sqlx::query_scalar(
        "SELECT g.key FROM browser_sessions s
           JOIN coordinator_links l ON l.id = s.coordinator_link_id AND l.revoked_at IS NULL
           JOIN groups g ON g.id = l.group_id
         WHERE s.id = $1
         UNION
         SELECT g.key FROM coordinator_assignments a JOIN groups g ON g.id = a.group_id
         WHERE a.participant_id = $2
         ORDER BY 1",
    )
    .bind(session.0)
    .bind(participant)
    .fetch_all(pool)
    .await?;
    Ok(Caller { committee: committee == 1, participant, member_of, coordinates })
}
