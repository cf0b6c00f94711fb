//! The clock's log per agenda block, and which block the meeting is in.

use super::meeting::MeetingId;
use super::Pool;
use crate::domain::clock::{Command, Event};
use sqlx::{Sqlite, Transaction};

/// An agenda block: its row id (the clock's log hangs on it) and its seed key.
#[derive(sqlx::FromRow)]
pub struct BlockRow {
    pub id: i64,
    pub key: String,
}

/// The agenda block every screen's clock shows: the one the committee
/// selected, else the first of the agenda.
pub async fn current_block(pool: &Pool, meeting: MeetingId) -> Result<BlockRow, sqlx::Error> {
    sqlx::query_as(
        "SELECT b.id, b.key FROM agenda_blocks b
         LEFT JOIN meeting_clock c ON c.meeting_id = b.meeting_id
         WHERE b.meeting_id = $1
         ORDER BY (b.id = c.current_block_id) DESC, b.position
         LIMIT 1",
    )
    .bind(meeting.0)
    .fetch_one(pool)
    .await
}

pub async fn block_id(tx: &mut Transaction<'_, Sqlite>, meeting: MeetingId, key: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM agenda_blocks WHERE meeting_id = $1 AND key = $2")
        .bind(meeting.0)
        .bind(key)
        .fetch_optional(&mut **tx)
        .await
}

pub async fn set_current_block(tx: &mut Transaction<'_, Sqlite>, meeting: MeetingId, block: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO meeting_clock (meeting_id, current_block_id) VALUES ($1, $2)
         ON CONFLICT (meeting_id) DO UPDATE SET current_block_id = excluded.current_block_id",
    )
    .bind(meeting.0)
    .bind(block)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One command of the clock's log.
#[derive(sqlx::FromRow)]
struct EventRow {
    command: String,
    minutes: Option<i64>,
    at_ms: i64,
}

fn event(r: EventRow) -> Option<Event> {
    let minutes = r.minutes;
    let command = match r.command.as_str() {
        "start" => Command::Start,
        "pause" => Command::Pause,
        "resume" => Command::Resume,
        "adjust" => Command::Adjust { minutes: minutes? as i32 },
        "next" => Command::Next,
        "end" => Command::End,
        _ => return None,
    };
    Some(Event { command, at: r.at_ms })
}

const EVENTS: &str = "SELECT command, minutes, at_ms FROM clock_events WHERE block_id = $1 AND undone = 0 ORDER BY id";

/// The block's log, undone commands left out.
pub async fn events(pool: &Pool, block: i64) -> Result<Vec<Event>, sqlx::Error> {
    let rows: Vec<EventRow> = sqlx::query_as(EVENTS).bind(block).fetch_all(pool).await?;
    Ok(rows.into_iter().filter_map(event).collect())
}

pub async fn events_in(tx: &mut Transaction<'_, Sqlite>, block: i64) -> Result<Vec<Event>, sqlx::Error> {
    let rows: Vec<EventRow> = sqlx::query_as(EVENTS).bind(block).fetch_all(&mut **tx).await?;
    Ok(rows.into_iter().filter_map(event).collect())
}

pub async fn append(tx: &mut Transaction<'_, Sqlite>, block: i64, e: Event) -> Result<(), sqlx::Error> {
    let (command, minutes) = match e.command {
        Command::Start => ("start", None),
        Command::Pause => ("pause", None),
        Command::Resume => ("resume", None),
        Command::Adjust { minutes } => ("adjust", Some(minutes as i64)),
        Command::Next => ("next", None),
        Command::End => ("end", None),
    };
    sqlx::query("INSERT INTO clock_events (block_id, command, minutes, at_ms) VALUES ($1, $2, $3, $4)")
        .bind(block)
        .bind(command)
        .bind(minutes)
        .bind(e.at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Marks the block's last command undone; `false` when there is none.
pub async fn undo_last(tx: &mut Transaction<'_, Sqlite>, block: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE clock_events SET undone = 1
         WHERE id = (SELECT MAX(id) FROM clock_events WHERE block_id = $1 AND undone = 0)",
    )
    .bind(block)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}
