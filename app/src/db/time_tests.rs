//! One time representation (migration 0010): a database made before it, with
//! ISO-8601 text times, keeps every row and reference, each time the same
//! instant in unix ms; and what compares times keeps working on integers.

use super::test_support::TempDir;
use super::{connect, migrate, Pool};

/// A database migrated only as far as `version`, as an older build left it.
async fn migrated_to(version: i64) -> (Pool, TempDir) {
    let dir = TempDir::new();
    let pool = connect(&format!("sqlite://{}", dir.path().join("old.db").display())).await.unwrap();
    let mut migrator = sqlx::migrate!("./migrations");
    migrator.migrations = migrator.migrations.iter().filter(|m| m.version <= version).cloned().collect::<Vec<_>>().into();
    migrator.run(&pool).await.unwrap();
    (pool, dir)
}

async fn one(pool: &Pool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[tokio::test]
async fn iso_text_times_become_the_same_instants_in_ms_and_every_reference_holds() {
    let (pool, _dir) = migrated_to(9).await;
    for sql in [
        "INSERT INTO meetings (id, slug, seed_file, seed_json, created_at, updated_at)
         VALUES (1, 'm', 'seed.toml', '{}', '2007-10-18T09:00:00.000Z', '2007-10-19T17:30:00.250Z')",
        "INSERT INTO groups (id, meeting_id, key, group_set, number, sector) VALUES (1, 1, 'g', 's', 1, 'government')",
        "INSERT INTO participants (id, meeting_id, affiliation, sector, group_id, created_at, updated_at)
         VALUES (7, 1, 'X', 'government', 1, '2007-10-18T09:30:00.000Z', '2007-10-18T09:31:00.000Z')",
        "INSERT INTO coordinator_links (id, group_id, token, created_at, revoked_at)
         VALUES (3, 1, 'tok', '2007-10-18T08:00:00.000Z', '2007-10-18T10:00:00.000Z')",
        "INSERT INTO coordinator_assignments (group_id, participant_id) VALUES (1, 7)",
        "INSERT INTO browser_sessions (id, meeting_id, token_hash, participant_id, coordinator_link_id) VALUES (5, 1, x'01', 7, 3)",
        "INSERT INTO answers (group_id, participant_id, question, text, created_at, updated_at) VALUES (1, 7, 'q', 'kept', 1, 1)",
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }

    migrate(&pool).await.unwrap();

    assert_eq!(one(&pool, "SELECT created_at FROM meetings").await, 1_192_698_000_000, "2007-10-18T09:00:00Z");
    assert_eq!(one(&pool, "SELECT updated_at FROM meetings").await, 1_192_815_000_250, "milliseconds kept");
    assert_eq!(one(&pool, "SELECT created_at FROM participants WHERE id = 7").await, 1_192_699_800_000);
    assert_eq!(one(&pool, "SELECT revoked_at FROM coordinator_links WHERE id = 3").await, 1_192_701_600_000);
    for table in ["meetings", "meeting_access", "participants", "coordinator_links", "coordinator_assignments", "browser_sessions"] {
        let texts =
            one(&pool, &format!("SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name LIKE '%_at' AND type <> 'INTEGER'")).await;
        assert_eq!(texts, 0, "{table} has a time column that is not INTEGER ms");
    }
    // Rows, ids and references survived the rebuild (nothing cascaded away) …
    assert_eq!(one(&pool, "SELECT COUNT(*) FROM answers WHERE text = 'kept'").await, 1);
    assert_eq!(one(&pool, "SELECT participant_id FROM browser_sessions WHERE id = 5").await, 7);
    assert_eq!(one(&pool, "SELECT COUNT(*) FROM pragma_foreign_key_check").await, 0);
    // … and the references point at the rebuilt tables, enforced again.
    sqlx::query("DELETE FROM participants WHERE id = 7").execute(&pool).await.unwrap();
    assert_eq!(one(&pool, "SELECT COUNT(*) FROM answers").await, 0, "a participant's answers go with them");
    assert_eq!(one(&pool, "SELECT COUNT(*) FROM browser_sessions WHERE participant_id IS NULL").await, 1);
    let orphan =
        sqlx::query("INSERT INTO participants (meeting_id, affiliation, sector, group_id) VALUES (1, 'X', 'ngo', 99)").execute(&pool).await;
    assert!(orphan.is_err(), "a participant of no group is refused");
}

#[tokio::test]
async fn anonymous_sessions_are_forgotten_a_day_after_they_were_made() {
    let (pool, _dir) = super::test_support::temp_db().await;
    let seed = crate::domain::parse_seed("seeds/meeting.toml", include_str!("../../../seeds/meeting.toml")).unwrap();
    let meeting = super::meeting::store_seed(&pool, &seed, "seeds/meeting.toml").await.unwrap();
    let old = super::browser_sessions::create(&pool, meeting, "old-token").await.unwrap();
    let new = super::browser_sessions::create(&pool, meeting, "new-token").await.unwrap();
    let two_days_ago = crate::state::now_ms() - 2 * 86_400_000;
    sqlx::query("UPDATE browser_sessions SET created_at = $1 WHERE id = $2").bind(two_days_ago).bind(old.0).execute(&pool).await.unwrap();

    assert_eq!(super::browser_sessions::expire_anonymous(&pool, meeting).await.unwrap(), 1);
    let left: Vec<i64> = sqlx::query_scalar("SELECT id FROM browser_sessions ORDER BY id").fetch_all(&pool).await.unwrap();
    assert_eq!(left, vec![new.0], "the day-old one went, the new one stayed");
}
