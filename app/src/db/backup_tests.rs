use super::*;
use crate::db::meeting::store_seed;
use crate::db::test_support::temp_db;
use crate::domain::parse_seed;

const SEED: &str = include_str!("../../../seeds/meeting.toml");

const TOKEN: &str = "a-committee-token-long-enough";

/// A database with the shipped seed and its access set up (as at start-up).
async fn fresh() -> (Pool, crate::db::test_support::TempDir) {
    fresh_with(TOKEN).await
}

async fn fresh_with(token: &str) -> (Pool, crate::db::test_support::TempDir) {
    let (pool, dir) = temp_db().await;
    let seed = parse_seed("seeds/meeting.toml", SEED).unwrap();
    let meeting = store_seed(&pool, &seed, "seeds/meeting.toml").await.unwrap();
    crate::db::access::ensure(&pool, meeting, Some(token)).await.unwrap();
    (pool, dir)
}

async fn count(pool: &Pool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

fn slug() -> String {
    parse_seed("seeds/meeting.toml", SEED).unwrap().meeting.slug
}

/// Some meeting data: a participant, a matrix line with a cell and its
/// history (text with accents and a line break), a delivery.
async fn work(pool: &Pool) {
    for sql in [
        "INSERT INTO participants (id, meeting_id, name, affiliation, sector, group_id) SELECT 7, 1, 'Ana', 'Perú', 'government', id FROM groups WHERE key = 'andina'",
        "INSERT INTO matrix_rows (id, group_id, dimension, position, origin, created_at) SELECT 3, id, 'politicas', 0, 'tpl-1', 1000 FROM groups WHERE key = 'andina'",
        "INSERT INTO cells (id, group_id, key, text, version, author, at_ms) SELECT 5, id, 'm/3/prioridades', 'Políticas\nnacionales', 2, 'Ana', 2000 FROM groups WHERE key = 'andina'",
        "INSERT INTO cell_history (cell_id, version, text, author, at_ms, op_id) VALUES (5, 1, 'Políticas', 'Ana', 1500, 'op-1'), (5, 2, 'Políticas\nnacionales', 'Ana', 2000, NULL)",
        "INSERT INTO deliveries (group_id, session_number, delivered_at, delivered_by) SELECT id, 1, 3000, 'Ana' FROM groups WHERE key = 'andina'",
    ] {
        sqlx::query(sql).execute(pool).await.unwrap();
    }
}

#[tokio::test]
async fn a_backup_restored_into_an_empty_database_gives_the_same_backup() {
    let (old, _d1) = fresh().await;
    work(&old).await;
    let backup = dump(&old, &slug()).await.unwrap();
    assert_eq!(backup.tables["cell_history"].rows.len(), 2);
    // Blobs (the committee token's hash) survive as hex.
    assert!(backup.tables["meeting_access"].rows[0].iter().any(|v| v.get("blob").is_some()));

    let (new, _d2) = fresh().await;
    let json = serde_json::to_string(&backup).unwrap();
    let parsed: Backup = serde_json::from_str(&json).unwrap();
    let restored = restore(&new, &slug(), &parsed).await.unwrap().expect("restored");
    assert!(restored.rows > 10);
    assert!(!restored.signed_out, "the same committee token: the backup's sign-ins come back");
    assert!(backup.integrity.is_some());
    assert_eq!(dump(&new, &slug()).await.unwrap(), backup);
}

#[tokio::test]
async fn a_database_with_meeting_data_is_never_overwritten() {
    let (old, _d1) = fresh().await;
    work(&old).await;
    let backup = dump(&old, &slug()).await.unwrap();
    let (busy, _d2) = fresh().await;
    sqlx::query("INSERT INTO participants (meeting_id, affiliation, sector, group_id) SELECT 1, 'Chile', 'government', id FROM groups WHERE key = 'cono-sur'")
        .execute(&busy)
        .await
        .unwrap();
    let before = dump(&busy, &slug()).await.unwrap();
    assert_eq!(restore(&busy, &slug(), &backup).await.unwrap(), Err(Refusal::NotEmpty("participants".into())));
    assert_eq!(dump(&busy, &slug()).await.unwrap(), before, "nothing changed");
}

#[tokio::test]
async fn other_meetings_schemas_and_broken_files_are_refused_without_changes() {
    let (old, _d1) = fresh().await;
    work(&old).await;
    let good = dump(&old, &slug()).await.unwrap();
    let (new, _d2) = fresh().await;
    let before = dump(&new, &slug()).await.unwrap();

    let mut other = good.clone();
    other.meeting = "another-meeting".into();
    assert!(matches!(restore(&new, &slug(), &other).await.unwrap(), Err(Refusal::OtherMeeting { .. })));

    let mut older = good.clone();
    older.schema -= 1;
    assert!(matches!(restore(&new, &slug(), &older).await.unwrap(), Err(Refusal::OtherSchema { .. })));

    let mut unknown_table = good.clone();
    unknown_table.tables.insert("users; DROP TABLE cells".into(), TableRows { columns: vec![], rows: vec![] });
    assert_eq!(restore(&new, &slug(), &unknown_table).await.unwrap(), Err(Refusal::NotABackup));

    // A cell whose group does not exist: a dangling reference.
    let mut dangling = good.clone();
    let cells = dangling.tables.get_mut("cells").unwrap();
    let at = cells.columns.iter().position(|c| c == "group_id").unwrap();
    cells.rows[0][at] = Value::from(999);
    assert_eq!(restore(&new, &slug(), &dangling).await.unwrap(), Err(Refusal::Inconsistent));

    assert_eq!(dump(&new, &slug()).await.unwrap(), before, "nothing changed");
}

/// Some sign-ins: a coordinator link and a committee browser.
async fn sign_ins(pool: &Pool) {
    for sql in [
        "INSERT INTO coordinator_links (id, group_id, token, deputy) SELECT 4, id, 'coordinator-link-token-1', 0 FROM groups WHERE key = 'andina'",
        "INSERT INTO browser_sessions (meeting_id, token_hash, committee) VALUES (1, x'0102', 1)",
    ] {
        sqlx::query(sql).execute(pool).await.unwrap();
    }
}

#[tokio::test]
async fn a_backup_without_a_whole_table_is_refused_and_changes_nothing() {
    let (old, _d1) = fresh().await;
    work(&old).await;
    let mut backup = dump(&old, &slug()).await.unwrap();
    backup.tables.remove("meeting_access");
    backup.tables.remove("changes");
    let (new, _d2) = fresh().await;
    let before = dump(&new, &slug()).await.unwrap();
    assert_eq!(
        restore(&new, &slug(), &backup).await.unwrap(),
        Err(Refusal::MissingTables(vec!["changes".into(), "meeting_access".into()]))
    );
    assert_eq!(dump(&new, &slug()).await.unwrap(), before, "nothing changed");
}

#[tokio::test]
async fn a_backup_without_the_meetings_own_rows_or_a_readable_seed_is_inconsistent() {
    let (old, _d1) = fresh().await;
    work(&old).await;
    let good = dump(&old, &slug()).await.unwrap();
    let (new, _d2) = fresh().await;
    let before = dump(&new, &slug()).await.unwrap();

    let mut no_agenda = good.clone();
    no_agenda.tables.get_mut("agenda_segments").unwrap().rows.clear();
    no_agenda.tables.get_mut("agenda_blocks").unwrap().rows.clear();
    assert_eq!(restore(&new, &slug(), &no_agenda).await.unwrap(), Err(Refusal::Inconsistent));

    let mut bad_seed = good.clone();
    let meetings = bad_seed.tables.get_mut("meetings").unwrap();
    let at = meetings.columns.iter().position(|c| c == "seed_json").unwrap();
    meetings.rows[0][at] = Value::from("{}");
    assert_eq!(restore(&new, &slug(), &bad_seed).await.unwrap(), Err(Refusal::Inconsistent));

    assert_eq!(dump(&new, &slug()).await.unwrap(), before, "nothing changed");
}

#[tokio::test]
async fn a_hand_edited_backup_restores_the_work_but_smuggles_in_no_sign_in() {
    let (old, _d1) = fresh().await;
    work(&old).await;
    sign_ins(&old).await;
    let mut edited = dump(&old, &slug()).await.unwrap();
    // Someone adds a committee session whose cookie they hold.
    let sessions = edited.tables.get_mut("browser_sessions").unwrap();
    let mut smuggled = sessions.rows[0].clone();
    let (id, hash) =
        (sessions.columns.iter().position(|c| c == "id").unwrap(), sessions.columns.iter().position(|c| c == "token_hash").unwrap());
    smuggled[id] = Value::from(99);
    smuggled[hash] = serde_json::json!({ "blob": hex::encode(crate::secrets::hash("smuggled-cookie")) });
    sessions.rows.push(smuggled);

    let (new, _d2) = fresh().await;
    sqlx::query("INSERT INTO browser_sessions (meeting_id, token_hash, committee) VALUES (1, x'0909', 1)").execute(&new).await.unwrap();
    let restored = restore(&new, &slug(), &edited).await.unwrap().expect("the work is restored");
    assert!(restored.signed_out);
    assert_eq!(count(&new, "SELECT COUNT(*) FROM cell_history").await, 2, "the work is all there");
    assert_eq!(count(&new, "SELECT COUNT(*) FROM browser_sessions WHERE id = 99").await, 0, "no smuggled session");
    assert_eq!(count(&new, "SELECT COUNT(*) FROM browser_sessions WHERE token_hash = x'0102'").await, 0, "nor the backup's own");
    assert_eq!(
        count(&new, "SELECT COUNT(*) FROM browser_sessions WHERE token_hash = x'0909'").await,
        1,
        "this server's committee stays signed in"
    );
    assert_eq!(
        count(&new, "SELECT COUNT(*) FROM coordinator_links WHERE revoked_at IS NULL").await,
        0,
        "the backup's links no longer sign anyone in"
    );
    let meeting = crate::db::meeting::MeetingId(1);
    assert!(crate::db::access::committee_token_matches(&new, meeting, TOKEN).await.unwrap());
}

#[tokio::test]
async fn an_untouched_backup_of_a_server_with_another_committee_token_keeps_this_servers_sign_ins() {
    let (old, _d1) = fresh_with("the-old-servers-committee-token").await;
    work(&old).await;
    sign_ins(&old).await;
    let backup = dump(&old, &slug()).await.unwrap();
    let (new, _d2) = fresh().await;
    let code_here = crate::db::access::join_code(&new, crate::db::meeting::MeetingId(1)).await.unwrap();
    let restored = restore(&new, &slug(), &backup).await.unwrap().expect("restored");
    assert!(restored.signed_out);
    let meeting = crate::db::meeting::MeetingId(1);
    assert!(crate::db::access::committee_token_matches(&new, meeting, TOKEN).await.unwrap(), "this server's token");
    assert!(!crate::db::access::committee_token_matches(&new, meeting, "the-old-servers-committee-token").await.unwrap());
    assert_eq!(crate::db::access::join_code(&new, meeting).await.unwrap(), code_here, "this server's meeting code");

    // Started with the old token, the same backup is trusted.
    let (same, _d3) = fresh_with("the-old-servers-committee-token").await;
    assert!(!restore(&same, &slug(), &backup).await.unwrap().expect("restored").signed_out);
    assert_eq!(count(&same, "SELECT COUNT(*) FROM coordinator_links WHERE revoked_at IS NULL").await, 1);
}
