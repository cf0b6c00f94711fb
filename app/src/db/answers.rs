//! Participants' answers, questions marked as discussed, and deliveries.

use super::Pool;
use crate::domain::answers::Answer;
use sqlx::{Sqlite, Transaction};

const SELECT: &str = "SELECT a.id, a.question, a.text, a.participant_id AS participant, p.name AS author, p.affiliation,
         a.updated_at AS at
     FROM answers a JOIN participants p ON p.id = a.participant_id";

/// An answer with its author's name and affiliation.
#[derive(sqlx::FromRow)]
struct AnswerRow {
    id: i64,
    question: String,
    text: String,
    participant: i64,
    author: Option<String>,
    affiliation: String,
    at: i64,
}

fn answer(r: AnswerRow) -> Answer {
    Answer {
        id: r.id,
        question: r.question,
        text: r.text,
        participant: r.participant,
        author: r.author,
        affiliation: r.affiliation,
        at: r.at,
    }
}

/// A group's live answers to the questions of one guide ("4.2/…").
pub async fn of_group(pool: &Pool, group: i64, guide: &str) -> Result<Vec<Answer>, sqlx::Error> {
    let rows: Vec<AnswerRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE a.group_id = $1 AND a.deleted_at IS NULL AND a.question LIKE $2 ORDER BY a.updated_at, a.id"
    ))
    .bind(group)
    .bind(format!("{guide}/%"))
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(answer).collect())
}

/// One participant's live answers in a group.
pub async fn of_participant(pool: &Pool, group: i64, participant: i64) -> Result<Vec<Answer>, sqlx::Error> {
    let rows: Vec<AnswerRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE a.group_id = $1 AND a.participant_id = $2 AND a.deleted_at IS NULL ORDER BY a.created_at, a.id"
    ))
    .bind(group)
    .bind(participant)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(answer).collect())
}

pub async fn get(pool: &Pool, group: i64, id: i64) -> Result<Option<Answer>, sqlx::Error> {
    let row: Option<AnswerRow> = sqlx::query_as(&format!("{SELECT} WHERE a.group_id = $1 AND a.id = $2 AND a.deleted_at IS NULL"))
        .bind(group)
        .bind(id)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(answer))
}

pub async fn count_for(tx: &mut Transaction<'_, Sqlite>, group: i64, participant: i64, question: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM answers WHERE group_id = $1 AND participant_id = $2 AND question = $3 AND deleted_at IS NULL")
        .bind(group)
        .bind(participant)
        .bind(question)
        .fetch_one(&mut **tx)
        .await
}

/// Stores a new answer; `op` is the browser's id for this write (see `by_op`).
pub async fn insert(
    tx: &mut Transaction<'_, Sqlite>,
    group: i64,
    participant: i64,
    question: &str,
    text: &str,
    op: Option<&str>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO answers (group_id, participant_id, question, text, created_at, updated_at, op_id)
         VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id",
    )
    .bind(group)
    .bind(participant)
    .bind(question)
    .bind(text)
    .bind(now)
    .bind(op)
    .fetch_one(&mut **tx)
    .await
}

/// The answer a participant's earlier write `op` added, if it arrived: a
/// replayed write returns it instead of adding a second copy.
pub async fn by_op(tx: &mut Transaction<'_, Sqlite>, participant: i64, op: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM answers WHERE participant_id = $1 AND op_id = $2")
        .bind(participant)
        .bind(op)
        .fetch_optional(&mut **tx)
        .await
}

/// Changes one's own answer; `false` when it is not theirs or is gone.
pub async fn update(tx: &mut Transaction<'_, Sqlite>, participant: i64, id: i64, text: &str, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE answers SET text = $3, updated_at = $4 WHERE id = $2 AND participant_id = $1 AND deleted_at IS NULL")
        .bind(participant)
        .bind(id)
        .bind(text)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn delete(tx: &mut Transaction<'_, Sqlite>, participant: i64, id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE answers SET deleted_at = $3 WHERE id = $2 AND participant_id = $1 AND deleted_at IS NULL")
        .bind(participant)
        .bind(id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Questions of the group marked as discussed.
pub async fn discussed(pool: &Pool, group: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT question FROM question_marks WHERE group_id = $1 ORDER BY question").bind(group).fetch_all(pool).await
}

pub async fn mark(tx: &mut Transaction<'_, Sqlite>, group: i64, question: &str, discussed: bool, now: i64) -> Result<(), sqlx::Error> {
    let q = if discussed {
        "INSERT INTO question_marks (group_id, question, discussed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
    } else {
        "DELETE FROM question_marks WHERE group_id = $1 AND question = $2 AND $3 = $3"
    };
    sqlx::query(q).bind(group).bind(question).bind(now).execute(&mut **tx).await?;
    Ok(())
}
