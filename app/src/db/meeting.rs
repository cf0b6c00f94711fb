//! Storing a validated seed and reading it back.
//!
//! Loading is an upsert keyed by natural keys (meeting slug, session number,
//! group key, …) in one transaction, so restarting with the same seed changes
//! nothing and an edited seed updates in place instead of duplicating. A seed
//! that drops an item recorded work refers to is refused before anything is
//! written (see `domain::seed_change`).

use super::now_ms_sql;
use super::Pool;
use crate::domain::session::SegmentKind;
use crate::domain::Seed;
use sqlx::{Sqlite, Transaction};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeetingId(pub i64);

/// Why a seed was not stored.
#[derive(Debug)]
pub enum StoreSeedError {
    /// Items the seed drops although recorded work depends on them, one line
    /// each ("group `x`: 9 matrix lines, …"). Nothing was written.
    Refused(Vec<String>),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for StoreSeedError {
    fn from(e: sqlx::Error) -> Self {
        StoreSeedError::Database(e)
    }
}

impl std::fmt::Display for StoreSeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreSeedError::Refused(items) => {
                writeln!(f, "the seed drops items that recorded work depends on, so nothing was changed.")?;
                writeln!(f, "Put each back (with its old id), or start on a new database:")?;
                write!(f, "{}", items.iter().map(|i| format!("  {i}")).collect::<Vec<_>>().join("\n"))
            }
            StoreSeedError::Database(e) => write!(f, "{e}"),
        }
    }
}

/// Writes `seed` (and its structural anchors) and returns the meeting's id.
pub async fn store_seed(pool: &Pool, seed: &Seed, seed_file: &str) -> Result<MeetingId, StoreSeedError> {
    let json = serde_json::to_string(seed).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let mut tx = super::begin_write(pool).await?;
    let refused = refusals(&mut tx, seed).await?;
    if !refused.is_empty() {
        return Err(StoreSeedError::Refused(refused));
    }
    let id: i64 = sqlx::query_scalar(concat!(
        "INSERT INTO meetings (slug, seed_file, seed_json) VALUES ($1, $2, $3)
         ON CONFLICT (slug) DO UPDATE SET seed_file = excluded.seed_file,
             seed_json = excluded.seed_json,
             updated_at = ",
        now_ms_sql!(),
        "
         RETURNING id"
    ))
    .bind(&seed.meeting.slug)
    .bind(seed_file)
    .bind(&json)
    .fetch_one(&mut *tx)
    .await?;
    store_sessions(&mut tx, id, seed).await?;
    store_agenda(&mut tx, id, seed).await?;
    store_groups(&mut tx, id, seed).await?;
    store_questions(&mut tx, id, seed).await?;
    tx.commit().await?;
    Ok(MeetingId(id))
}

/// What `seed` would take away from work recorded in this database: its own
/// meeting's items, and any other meeting (a changed `meeting.slug`).
async fn refusals(tx: &mut Transaction<'_, Sqlite>, seed: &Seed) -> Result<Vec<String>, sqlx::Error> {
    let mut out: Vec<String> = super::seed_usage::other_meetings_with_work(tx, &seed.meeting.slug)
        .await?
        .into_iter()
        .map(|(slug, counts)| format!("meeting `{slug}` (the seed's meeting.slug is `{}`): {counts}", seed.meeting.slug))
        .collect();
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT id FROM meetings WHERE slug = $1").bind(&seed.meeting.slug).fetch_optional(&mut **tx).await?;
    if let Some(id) = existing {
        let usage = super::seed_usage::usage(tx, id).await?;
        out.extend(crate::domain::seed_change::refusals(seed, &usage).iter().map(ToString::to_string));
    }
    Ok(out)
}

async fn store_sessions(tx: &mut Transaction<'_, Sqlite>, meeting: i64, seed: &Seed) -> Result<(), sqlx::Error> {
    for s in &seed.sessions {
        sqlx::query(
            "INSERT INTO sessions (meeting_id, number, guide, group_set) VALUES ($1, $2, $3, $4)
             ON CONFLICT (meeting_id, number) DO UPDATE SET guide = excluded.guide, group_set = excluded.group_set",
        )
        .bind(meeting)
        .bind(s.number as i64)
        .bind(&s.guide)
        .bind(&s.group_set)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query("DELETE FROM sessions WHERE meeting_id = $1 AND number > $2")
        .bind(meeting)
        .bind(seed.sessions.len() as i64)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn store_agenda(tx: &mut Transaction<'_, Sqlite>, meeting: i64, seed: &Seed) -> Result<(), sqlx::Error> {
    let keys: Vec<&str> = seed.agenda.iter().map(|b| b.id.as_str()).collect();
    delete_missing_keys(tx, "agenda_blocks", meeting, &keys).await?;
    for (position, block) in seed.agenda.iter().enumerate() {
        let block_id: i64 = sqlx::query_scalar(
            "INSERT INTO agenda_blocks (meeting_id, key, position) VALUES ($1, $2, $3)
             ON CONFLICT (meeting_id, key) DO UPDATE SET position = excluded.position
             RETURNING id",
        )
        .bind(meeting)
        .bind(&block.id)
        .bind(position as i64)
        .fetch_one(&mut **tx)
        .await?;
        for (pos, seg) in block.segments.iter().enumerate() {
            let kind = match seg.kind {
                SegmentKind::Work => "work",
                SegmentKind::Break => "break",
            };
            sqlx::query(
                "INSERT INTO agenda_segments (block_id, position, kind, session_number, minutes)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (block_id, position) DO UPDATE SET kind = excluded.kind,
                     session_number = excluded.session_number, minutes = excluded.minutes",
            )
            .bind(block_id)
            .bind(pos as i64)
            .bind(kind)
            .bind(seg.session.map(i64::from))
            .bind(seg.minutes as i64)
            .execute(&mut **tx)
            .await?;
        }
        sqlx::query("DELETE FROM agenda_segments WHERE block_id = $1 AND position >= $2")
            .bind(block_id)
            .bind(block.segments.len() as i64)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn store_groups(tx: &mut Transaction<'_, Sqlite>, meeting: i64, seed: &Seed) -> Result<(), sqlx::Error> {
    let groups: Vec<_> = seed.group_sets.iter().flat_map(|set| set.groups.iter().map(move |g| (set, g))).collect();
    let keys: Vec<&str> = groups.iter().map(|(_, g)| g.id.as_str()).collect();
    delete_missing_keys(tx, "groups", meeting, &keys).await?;
    for (set, g) in groups {
        sqlx::query(
            "INSERT INTO groups (meeting_id, key, group_set, number, sector) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (meeting_id, key) DO UPDATE SET group_set = excluded.group_set,
                 number = excluded.number, sector = excluded.sector",
        )
        .bind(meeting)
        .bind(&g.id)
        .bind(&set.id)
        .bind(g.number as i64)
        .bind(g.sector.as_str())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// A stored guiding question (its key within its guide).
#[derive(sqlx::FromRow)]
struct QuestionRow {
    id: i64,
    guide: String,
    key: String,
}

async fn store_questions(tx: &mut Transaction<'_, Sqlite>, meeting: i64, seed: &Seed) -> Result<(), sqlx::Error> {
    let mut wanted: Vec<(String, String)> = Vec::new();
    for guide in &seed.guides {
        let mut position = 0i64;
        for q in &guide.questions {
            upsert_question(tx, meeting, &guide.id, &q.id, None, position).await?;
            wanted.push((guide.id.clone(), q.id.clone()));
            position += 1;
            for (p, part) in q.parts.iter().enumerate() {
                for item in &part.items {
                    let key = format!("{}/{}.{}", q.id, p + 1, item.id);
                    upsert_question(tx, meeting, &guide.id, &key, Some(&q.id), position).await?;
                    wanted.push((guide.id.clone(), key));
                    position += 1;
                }
            }
        }
    }
    let existing: Vec<QuestionRow> =
        sqlx::query_as("SELECT id, guide, key FROM questions WHERE meeting_id = $1").bind(meeting).fetch_all(&mut **tx).await?;
    for q in existing {
        if !wanted.iter().any(|(g, k)| *g == q.guide && *k == q.key) {
            sqlx::query("DELETE FROM questions WHERE id = $1").bind(q.id).execute(&mut **tx).await?;
        }
    }
    Ok(())
}

async fn upsert_question(
    tx: &mut Transaction<'_, Sqlite>,
    meeting: i64,
    guide: &str,
    key: &str,
    parent: Option<&str>,
    position: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO questions (meeting_id, guide, key, parent_key, position) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (meeting_id, guide, key) DO UPDATE SET parent_key = excluded.parent_key,
             position = excluded.position",
    )
    .bind(meeting)
    .bind(guide)
    .bind(key)
    .bind(parent)
    .bind(position)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Removes rows of `table` whose key is no longer in the seed. Once live data
/// refers to them, foreign keys make this fail loudly instead of losing data.
async fn delete_missing_keys(tx: &mut Transaction<'_, Sqlite>, table: &str, meeting: i64, keys: &[&str]) -> Result<(), sqlx::Error> {
    let existing: Vec<(i64, String)> =
        sqlx::query_as(&format!("SELECT id, key FROM {table} WHERE meeting_id = $1")).bind(meeting).fetch_all(&mut **tx).await?;
    for (id, key) in existing {
        if !keys.contains(&key.as_str()) {
            sqlx::query(&format!("DELETE FROM {table} WHERE id = $1")).bind(id).execute(&mut **tx).await?;
        }
    }
    Ok(())
}

/// The meeting's seed as stored.
pub async fn load_seed(pool: &Pool, meeting: MeetingId) -> Result<Seed, sqlx::Error> {
    let json = seed_json(pool, meeting).await?;
    serde_json::from_str(&json).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

async fn seed_json(pool: &Pool, meeting: MeetingId) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT seed_json FROM meetings WHERE id = $1").bind(meeting.0).fetch_one(pool).await
}

/// The meeting's seed with each text in Spanish and `lang` only: what one
/// reader's screens need (see `Text`, `keeping`).
pub async fn load_seed_for(pool: &Pool, meeting: MeetingId, lang: &str) -> Result<Seed, sqlx::Error> {
    let json = seed_json(pool, meeting).await?;
    crate::domain::text::keeping(lang, || serde_json::from_str(&json)).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

#[cfg(test)]
#[path = "meeting_tests.rs"]
mod tests;
