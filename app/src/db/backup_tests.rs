use super::*;
use crate::db::meeting::store_seed;
use crate::db::test_support::temp_db;
use crate::domain::parse_seed;

const SEED: &str = include_str!("../../../seeds/meeting.toml");

/// A database with the shipped seed and its access set up (as at start-up).
async fn fresh() -> (Pool, crate::db::test_support::TempDir) {
    let (pool, dir) = temp_db().await;
    let seed = parse_seed("seeds/meeting.toml", SEED).unwrap();
    let meeting = store_seed(&pool, &seed, "seeds/meeting.toml").await.unwrap();
    crate::db::access::ensure(&pool, meeting, Some("a-committee-token-long-enough")).await.unwrap();
    (pool, dir)
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
    assert!(restored > 10);
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
