use super::*;
use crate::db::test_support::temp_db;
use crate::domain::parse_seed;

const SEED: &str = include_str!("../../../seeds/meeting.toml");

fn seed() -> Seed {
    parse_seed("seeds/meeting.toml", SEED).expect("the shipped seed is valid")
}

async fn count(pool: &Pool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(pool).await.unwrap()
}

async fn counts(pool: &Pool) -> Vec<i64> {
    let mut out = Vec::new();
    for t in ["meetings", "sessions", "agenda_blocks", "agenda_segments", "groups", "questions"] {
        out.push(count(pool, t).await);
    }
    out
}

#[tokio::test]
async fn storing_the_seed_creates_its_anchors() {
    let (pool, _dir) = temp_db().await;
    store_seed(&pool, &seed(), "seeds/meeting.toml").await.unwrap();
    let c = counts(&pool).await;
    // 1 meeting, 4 sessions, 3 blocks, 5 segments (75+15+75, 120, 60), 6+4 groups.
    assert_eq!(&c[..5], &[1, 4, 3, 5, 10]);
    let question_rows: i64 = seed().guides.iter().map(|g| g.question_keys().len() as i64).sum();
    assert_eq!(c[5], question_rows);
}

#[tokio::test]
async fn storing_the_same_seed_twice_duplicates_nothing() {
    let (pool, _dir) = temp_db().await;
    let first = store_seed(&pool, &seed(), "seeds/meeting.toml").await.unwrap();
    let before = counts(&pool).await;
    let second = store_seed(&pool, &seed(), "seeds/meeting.toml").await.unwrap();
    assert_eq!(first, second);
    assert_eq!(counts(&pool).await, before);
}

#[tokio::test]
async fn the_stored_seed_reads_back_identical() {
    let (pool, _dir) = temp_db().await;
    let id = store_seed(&pool, &seed(), "seeds/meeting.toml").await.unwrap();
    assert_eq!(load_seed(&pool, id).await.unwrap(), seed());
}

#[tokio::test]
async fn an_edited_seed_updates_in_place() {
    let (pool, _dir) = temp_db().await;
    let mut edited = seed();
    store_seed(&pool, &edited, "seeds/meeting.toml").await.unwrap();
    edited.agenda[1].segments[0].minutes = 90;
    edited.group_sets[1].groups.pop();
    let id = store_seed(&pool, &edited, "seeds/meeting.toml").await.unwrap();
    let minutes: i64 = sqlx::query_scalar(
        "SELECT s.minutes FROM agenda_segments s JOIN agenda_blocks b ON b.id = s.block_id
         WHERE b.key = $1 AND s.position = 0",
    )
    .bind(&edited.agenda[1].id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(minutes, 90);
    assert_eq!(count(&pool, "groups").await, 9);
    assert_eq!(load_seed(&pool, id).await.unwrap(), edited);
}

/// A participant in `group` with one matrix line holding one saved cell.
async fn record_work(pool: &Pool, group: &str) {
    let gid: i64 =
        sqlx::query_scalar("SELECT id FROM groups WHERE key = $1 ORDER BY id LIMIT 1").bind(group).fetch_one(pool).await.unwrap();
    sqlx::query("INSERT INTO participants (meeting_id, affiliation, sector, group_id) SELECT meeting_id, 'X', 'government', id FROM groups WHERE id = $1")
        .bind(gid)
        .execute(pool)
        .await
        .unwrap();
    let row: i64 = sqlx::query_scalar(
        "INSERT INTO matrix_rows (group_id, dimension, position, created_at) VALUES ($1, 'politicas', 1, 0) RETURNING id",
    )
    .bind(gid)
    .fetch_one(pool)
    .await
    .unwrap();
    let cell: i64 = sqlx::query_scalar(
        "INSERT INTO cells (group_id, key, text, version, author, at_ms) VALUES ($1, $2, 'Texto', 1, 'a', 0) RETURNING id",
    )
    .bind(gid)
    .bind(format!("m/{row}/prioridades"))
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO cell_history (cell_id, version, text, author, at_ms) VALUES ($1, 1, 'Texto', 'a', 0)")
        .bind(cell)
        .execute(pool)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_seed_dropping_a_group_with_work_is_refused_and_changes_nothing() {
    let (pool, _dir) = temp_db().await;
    let id = store_seed(&pool, &seed(), "seeds/meeting.toml").await.unwrap();
    record_work(&pool, "andina").await;
    let before = counts(&pool).await;
    let mut edited = seed();
    edited.group_sets[0].groups.retain(|g| g.id != "andina");
    edited.agenda[1].segments[0].minutes = 90;
    let Err(StoreSeedError::Refused(items)) = store_seed(&pool, &edited, "seeds/meeting.toml").await else { panic!("the seed was stored") };
    assert_eq!(items, ["group `andina`: 1 participants, 1 matrix lines, 1 cell versions"]);
    assert_eq!(counts(&pool).await, before);
    assert_eq!(load_seed(&pool, id).await.unwrap(), seed(), "not even the harmless edit is applied");
    // Before the check, the unused group went and its work with it, or
    // start-up failed on a bare foreign-key error; the message says the same
    // of every group that holds work, and an unused one still goes.
    edited.group_sets[0].groups.push(seed().group_sets[0].groups.iter().find(|g| g.id == "andina").unwrap().clone());
    edited.group_sets[0].groups.retain(|g| g.id != "caribe");
    store_seed(&pool, &edited, "seeds/meeting.toml").await.unwrap();
    assert_eq!(count(&pool, "groups").await, 9);
}

#[tokio::test]
async fn a_seed_for_another_meeting_is_refused_while_this_one_holds_work() {
    let (pool, _dir) = temp_db().await;
    store_seed(&pool, &seed(), "seeds/meeting.toml").await.unwrap();
    let mut other = seed();
    other.meeting.slug = "otra-reunion".into();
    store_seed(&pool, &other, "seeds/other.toml").await.expect("an empty meeting keeps nothing alive");
    record_work(&pool, "andina").await;
    let Err(StoreSeedError::Refused(items)) = store_seed(&pool, &other, "seeds/other.toml").await else { panic!("stored") };
    assert_eq!(items.len(), 1);
    assert!(items[0].starts_with("meeting `cps-alc-2007`") && items[0].ends_with("1 participants, 1 saved cells"), "{items:?}");
}

#[tokio::test]
async fn the_connection_uses_wal_full_sync_and_foreign_keys() {
    let (pool, _dir) = temp_db().await;
    let mut conn = pool.acquire().await.unwrap();
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut *conn).await.unwrap();
    let sync: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(&mut *conn).await.unwrap();
    let fks: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(&mut *conn).await.unwrap();
    assert_eq!(journal.to_lowercase(), "wal");
    assert_eq!(sync, 2, "synchronous=FULL");
    assert_eq!(fks, 1);
}

#[tokio::test]
async fn a_writer_waits_for_the_write_lock_instead_of_failing() {
    let (pool, _dir) = temp_db().await;
    let first = crate::db::begin_write(&pool).await.unwrap();
    let mut second = tokio::spawn({
        let pool = pool.clone();
        async move { crate::db::begin_write(&pool).await.map(|_| ()).map_err(|e| e.to_string()) }
    });
    let early = tokio::time::timeout(std::time::Duration::from_millis(300), &mut second).await;
    assert!(early.is_err(), "the second writer must wait for the lock, not give up: {early:?}");
    first.commit().await.unwrap();
    let later = tokio::time::timeout(std::time::Duration::from_secs(5), second).await;
    assert_eq!(later.ok().map(|r| r.unwrap()), Some(Ok(())));
}
