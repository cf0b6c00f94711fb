//! Participants: joining, changing one's profile, and group rosters.

use super::meeting::MeetingId;
use super::now_ms_sql;
use super::Pool;
use crate::domain::group::Sector;
use crate::domain::participant::Profile;
use crate::domain::roster::{CoordinatorRank, Member};

/// Stores a new participant; `None` when the profile's group does not exist.
pub async fn insert(pool: &Pool, meeting: MeetingId, p: &Profile) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO participants (meeting_id, name, affiliation, sector, group_id)
         SELECT $1, $2, $3, $4, g.id FROM groups g WHERE g.meeting_id = $1 AND g.key = $5
         RETURNING id",
    )
    .bind(meeting.0)
    .bind(&p.name)
    .bind(&p.affiliation)
    .bind(p.sector.as_str())
    .bind(&p.group)
    .fetch_one(pool)
    .await
}

/// Changes a participant's profile. Moving to another group ends any
/// coordinator assignment they held in the old one.
pub async fn update(pool: &Pool, meeting: MeetingId, id: i64, p: &Profile) -> Result<(), sqlx::Error> {
    let mut tx = super::begin_write(pool).await?;
    sqlx::query(concat!(
        "UPDATE participants SET name = $3, affiliation = $4, sector = $5,
             group_id = (SELECT id FROM groups WHERE meeting_id = $2 AND key = $6),
             updated_at = ",
        now_ms_sql!(),
        "
         WHERE id = $1 AND meeting_id = $2"
    ))
    .bind(id)
    .bind(meeting.0)
    .bind(&p.name)
    .bind(&p.affiliation)
    .bind(p.sector.as_str())
    .bind(&p.group)
    .execute(&mut *tx)
    .await?;
    end_stale_assignments(&mut tx, id).await?;
    tx.commit().await
}

/// Ends the coordinator assignments a participant holds in a group they are
/// no longer in (neither their session 1–3 group nor their mixed one).
async fn end_stale_assignments(tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>, participant: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM coordinator_assignments WHERE participant_id = $1 AND group_id NOT IN
           (SELECT group_id FROM participants WHERE id = $1
            UNION SELECT mixed_group_id FROM participants WHERE id = $1 AND mixed_group_id IS NOT NULL)",
    )
    .bind(participant)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A participant with their groups' keys and coordinator ranks in them.
#[derive(sqlx::FromRow)]
struct MemberRow {
    id: i64,
    name: Option<String>,
    affiliation: String,
    sector: String,
    group_key: String,
    mixed_group_key: Option<String>,
    deputy: Option<i64>,
    mixed_deputy: Option<i64>,
}

const MEMBER_SELECT: &str = "SELECT p.id, p.name, p.affiliation, p.sector, g.key AS group_key, mg.key AS mixed_group_key,
         a.deputy, ma.deputy AS mixed_deputy
     FROM participants p
     JOIN groups g ON g.id = p.group_id
     LEFT JOIN groups mg ON mg.id = p.mixed_group_id
     LEFT JOIN coordinator_assignments a ON a.participant_id = p.id AND a.group_id = p.group_id
     LEFT JOIN coordinator_assignments ma ON ma.participant_id = p.id AND ma.group_id = p.mixed_group_id";

fn member(r: MemberRow) -> Member {
    let sector = match r.sector.as_str() {
        "ngo" => Sector::Ngo,
        "business" => Sector::Business,
        _ => Sector::Government,
    };
    let rank = |deputy: Option<i64>| deputy.map(|d| CoordinatorRank::from_deputy(d == 1));
    Member {
        id: r.id,
        name: r.name,
        affiliation: r.affiliation,
        sector,
        group: r.group_key,
        mixed_group: r.mixed_group_key,
        rank: rank(r.deputy),
        mixed_rank: rank(r.mixed_deputy),
    }
}

pub async fn get(pool: &Pool, meeting: MeetingId, id: i64) -> Result<Option<Member>, sqlx::Error> {
    let row: Option<MemberRow> = sqlx::query_as(&format!("{MEMBER_SELECT} WHERE p.id = $1 AND p.meeting_id = $2"))
        .bind(id)
        .bind(meeting.0)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(member))
}

/// Everyone who joined, in order of arrival.
pub async fn all(pool: &Pool, meeting: MeetingId) -> Result<Vec<Member>, sqlx::Error> {
    let rows: Vec<MemberRow> =
        sqlx::query_as(&format!("{MEMBER_SELECT} WHERE p.meeting_id = $1 ORDER BY p.id")).bind(meeting.0).fetch_all(pool).await?;
    Ok(rows.into_iter().map(member).collect())
}

/// The members of one group (by its session 1–3 or session-4 membership).
pub async fn of_group(pool: &Pool, meeting: MeetingId, group: &str) -> Result<Vec<Member>, sqlx::Error> {
    let rows: Vec<MemberRow> =
        sqlx::query_as(&format!("{MEMBER_SELECT} WHERE p.meeting_id = $1 AND (g.key = $2 OR mg.key = $2) ORDER BY p.id"))
            .bind(meeting.0)
            .bind(group)
            .fetch_all(pool)
            .await?;
    Ok(rows.into_iter().map(member).collect())
}

/// Puts participants in session-4 groups (`None`: no group), in one transaction.
/// Unknown participants or groups of another meeting are skipped.
pub async fn set_mixed_groups(pool: &Pool, meeting: MeetingId, moves: &[(i64, Option<String>)]) -> Result<u64, sqlx::Error> {
    let mut tx = super::begin_write(pool).await?;
    let mut changed = 0;
    for (id, group) in moves {
        let done = sqlx::query(concat!(
            "UPDATE participants SET mixed_group_id = (SELECT id FROM groups WHERE meeting_id = $2 AND key = $3),
                 updated_at = ",
            now_ms_sql!(),
            "
             WHERE id = $1 AND meeting_id = $2"
        ))
        .bind(id)
        .bind(meeting.0)
        .bind(group)
        .execute(&mut *tx)
        .await?;
        changed += done.rows_affected();
        end_stale_assignments(&mut tx, *id).await?;
    }
    tx.commit().await?;
    Ok(changed)
}
