//! The numbered log of changes (see `domain::change`). A change is recorded
//! in the same transaction as the write it announces, so a number exists
//! exactly when the write does.

use super::Pool;
use crate::domain::change::Change;
use sqlx::{Sqlite, Transaction};

pub async fn record(tx: &mut Transaction<'_, Sqlite>, topic: &str, at_ms: i64) -> Result<Change, sqlx::Error> {
    let id: i64 = sqlx::query_scalar("INSERT INTO changes (topic, at_ms) VALUES ($1, $2) RETURNING id")
        .bind(topic)
        .bind(at_ms)
        .fetch_one(&mut **tx)
        .await?;
    prune_if_due(tx, id, PRUNE_EVERY, KEEP).await?;
    Ok(Change { id, topic: topic.to_string() })
}

/// How many of the newest changes the log keeps. Only a resuming browser
/// reads old changes, and never more than `REPLAY_SPAN` of them (further
/// behind, it refetches), so five times that keeps every replay possible with
/// room to spare while the log stays a few megabytes over a whole meeting.
pub const KEEP: i64 = 5 * REPLAY_SPAN;

/// The log is pruned once every this many changes (and at start-up): one
/// range delete of the oldest rows, in the transaction of the change that
/// makes it due, so it needs no task of its own.
pub const PRUNE_EVERY: i64 = 10_000;

/// Forgets the changes older than the newest `keep` when `id` is a multiple
/// of `every`. Numbers are never reused (AUTOINCREMENT), and `replay` answers
/// `None` for a connection further back than the oldest kept change, so a
/// pruned log changes nothing a browser receives.
pub async fn prune_if_due(tx: &mut Transaction<'_, Sqlite>, id: i64, every: i64, keep: i64) -> Result<(), sqlx::Error> {
    if id % every == 0 {
        prune(tx, id, keep).await?;
    }
    Ok(())
}

async fn prune(tx: &mut Transaction<'_, Sqlite>, latest: i64, keep: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM changes WHERE id <= $1").bind(latest - keep).execute(&mut **tx).await?;
    Ok(done.rows_affected())
}

/// Start-up: prunes the log to the newest `keep` changes (`KEEP`); returns
/// how many were forgotten.
pub async fn prune_at_start(pool: &Pool, keep: i64) -> Result<u64, sqlx::Error> {
    let mut tx = super::begin_write(pool).await?;
    let latest: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM changes").fetch_one(&mut *tx).await?;
    let forgotten = prune(&mut tx, latest, keep).await?;
    tx.commit().await?;
    Ok(forgotten)
}

/// The newest change number (0 before any).
pub async fn latest(pool: &Pool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM changes").fetch_one(pool).await
}

/// One entry of the log.
#[derive(sqlx::FromRow)]
struct ChangeRow {
    id: i64,
    topic: String,
}

/// The most changes a resuming connection is replayed; further behind, a
/// full refetch is cheaper than reading the log.
pub const REPLAY_SPAN: i64 = 20_000;

/// The changes numbered in (`after`, `until`], oldest first, for a connection
/// resuming after `after`; `None` when the log no longer reaches back that
/// far (or it is more than `REPLAY_SPAN` behind): the browser refetches.
pub async fn replay(pool: &Pool, after: i64, until: i64) -> Result<Option<Vec<Change>>, sqlx::Error> {
    if after < 0 || after > until || until - after > REPLAY_SPAN {
        return Ok(None);
    }
    let oldest: Option<i64> = sqlx::query_scalar("SELECT MIN(id) FROM changes").fetch_one(pool).await?;
    if oldest.is_some_and(|o| o > after + 1) {
        return Ok(None);
    }
    let rows: Vec<ChangeRow> = sqlx::query_as("SELECT id, topic FROM changes WHERE id > $1 AND id <= $2 ORDER BY id")
        .bind(after)
        .bind(until)
        .fetch_all(pool)
        .await?;
    Ok(Some(rows.into_iter().map(|r| Change { id: r.id, topic: r.topic }).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::test_support::temp_db;

    async fn add(pool: &Pool, n: usize, every: i64, keep: i64) {
        for _ in 0..n {
            let mut tx = crate::db::begin_write(pool).await.unwrap();
            let id: i64 = sqlx::query_scalar("INSERT INTO changes (topic, at_ms) VALUES ('clock', 0) RETURNING id")
                .fetch_one(&mut *tx)
                .await
                .unwrap();
            prune_if_due(&mut tx, id, every, keep).await.unwrap();
            tx.commit().await.unwrap();
        }
    }

    #[tokio::test]
    async fn a_pruned_log_keeps_the_newest_changes_and_refuses_to_replay_what_it_forgot() {
        let (pool, _dir) = temp_db().await;
        add(&pool, 25, 10, 8).await;
        // Pruned at 10 (kept 3..) and at 20 (kept 13..); 21–25 added since.
        let oldest: i64 = sqlx::query_scalar("SELECT MIN(id) FROM changes").fetch_one(&pool).await.unwrap();
        assert_eq!(oldest, 13);
        assert_eq!(latest(&pool).await.unwrap(), 25, "numbers carry on");
        assert_eq!(replay(&pool, 11, 25).await.unwrap(), None, "12 was forgotten: the browser refetches");
        let resumed = replay(&pool, 12, 25).await.unwrap().expect("everything after 12 is kept");
        assert_eq!(resumed.iter().map(|c| c.id).collect::<Vec<_>>(), (13..=25).collect::<Vec<_>>());
        add(&pool, 1, 10, 8).await;
        assert_eq!(latest(&pool).await.unwrap(), 26, "a number is never reused after pruning");
    }

    #[tokio::test]
    async fn start_up_pruning_keeps_the_newest_keep_changes() {
        let (pool, _dir) = temp_db().await;
        add(&pool, 30, i64::MAX, 0).await;
        assert_eq!(prune_at_start(&pool, KEEP).await.unwrap(), 0, "30 changes are far fewer than KEEP");
        assert_eq!(prune_at_start(&pool, 10).await.unwrap(), 20);
        let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM changes ORDER BY id").fetch_all(&pool).await.unwrap();
        assert_eq!(ids, (21..=30).collect::<Vec<_>>());
    }
}
