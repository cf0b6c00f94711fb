//! The meeting backup (`/export/meeting.json`): every row of every table,
//! column by column, so restoring it into an empty database gives back the
//! same meeting — identifiers, history, browser sessions (phones keep
//! working) and the change log included. Exact round trip: a backup taken
//! after a restore equals the one restored.

use super::Pool;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::{Row, TypeInfo, ValueRef};
use std::collections::BTreeMap;

pub const FORMAT: &str = "plenaria-backup";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    /// The newest database migration the data is shaped by.
    pub schema: i64,
    /// The meeting's slug (from its seed).
    pub meeting: String,
    pub tables: BTreeMap<String, TableRows>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableRows {
    pub columns: Vec<String>,
    /// Values in column order: null, integer, real, text, or {"blob": hex}.
    pub rows: Vec<Vec<Value>>,
}

/// Tables that hold the meeting's structure (rebuilt from the seed) or the
/// server's bookkeeping rather than work done in the meeting. Any other
/// table — including ones future migrations add — counts as meeting data.
const NOT_MEETING_DATA: [&str; 11] = [
    "meetings",
    "sessions",
    "agenda_blocks",
    "agenda_segments",
    "groups",
    "questions",
    "meeting_access",
    "meeting_clock",
    "browser_sessions",
    "changes",
    "projector",
];

/// Why a backup cannot be restored (all the user's to fix).
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    NotABackup,
    OtherSchema { backup: i64, here: i64 },
    OtherMeeting { backup: String, here: String },
    /// The database already holds meeting data (the table that has some).
    NotEmpty(String),
    /// The backup's rows break the database's rules (foreign keys, checks).
    Inconsistent,
}

pub async fn schema_version(pool: &Pool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success = 1").fetch_one(pool).await
}

async fn tables(pool: &Pool) -> Result<Vec<(String, Vec<String>)>, sqlx::Error> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx_%' ORDER BY name",
    )
    .fetch_all(pool)
    .await?;
    let mut out = Vec::new();
    for name in names {
        let columns = sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid").bind(&name).fetch_all(pool).await?;
        out.push((name, columns));
    }
    Ok(out)
}

/// Reads every table (rows in storage order).
pub async fn dump(pool: &Pool, meeting_slug: &str) -> Result<Backup, sqlx::Error> {
    let mut out = BTreeMap::new();
    // One read transaction: a consistent picture while writers go on.
    let mut conn = pool.begin().await?;
    for (name, columns) in tables(pool).await? {
        let rows = sqlx::query(&format!("SELECT * FROM \"{name}\" ORDER BY rowid")).fetch_all(&mut *conn).await?;
        let rows = rows.iter().map(|row| (0..row.columns().len()).map(|i| value(row, i)).collect::<Result<Vec<_>, _>>()).collect::<Result<_, _>>()?;
        out.insert(name, TableRows { columns, rows });
    }
    conn.commit().await?;
    Ok(Backup { format: FORMAT.to_string(), schema: schema_version(pool).await?, meeting: meeting_slug.to_string(), tables: out })
}

fn value(row: &sqlx::sqlite::SqliteRow, i: usize) -> Result<Value, sqlx::Error> {
    let raw = row.try_get_raw(i)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    let kind = raw.type_info().name().to_string();
    Ok(match kind.as_str() {
        "INTEGER" => Value::from(row.try_get::<i64, _>(i)?),
        "REAL" => Value::from(row.try_get::<f64, _>(i)?),
        "BLOB" => serde_json::json!({ "blob": hex::encode(row.try_get::<Vec<u8>, _>(i)?) }),
        _ => Value::from(row.try_get::<String, _>(i)?),
    })
}

/// Replaces the database's contents with the backup's, in one transaction,
/// when the database holds no meeting data yet. `meeting_slug` is the
/// meeting this server runs. Returns the number of rows restored.
pub async fn restore(pool: &Pool, meeting_slug: &str, backup: &Backup) -> Result<Result<usize, Refusal>, sqlx::Error> {
    if backup.format != FORMAT {
        return Ok(Err(Refusal::NotABackup));
    }
    let here = schema_version(pool).await?;
    if backup.schema != here {
        return Ok(Err(Refusal::OtherSchema { backup: backup.schema, here }));
    }
    if backup.meeting != meeting_slug {
        return Ok(Err(Refusal::OtherMeeting { backup: backup.meeting.clone(), here: meeting_slug.to_string() }));
    }
    let here_id: Option<i64> = sqlx::query_scalar("SELECT id FROM meetings WHERE slug = ?").bind(meeting_slug).fetch_optional(pool).await?;
    if backup_meeting_id(backup, meeting_slug) != here_id {
        return Ok(Err(Refusal::OtherMeeting { backup: backup.meeting.clone(), here: meeting_slug.to_string() }));
    }
    let current = tables(pool).await?;
    // Only tables and columns this database has are ever named in SQL.
    for (name, rows) in &backup.tables {
        let known = current.iter().find(|(n, _)| n == name);
        if known.is_none_or(|(_, cols)| *cols != rows.columns) || rows.rows.iter().any(|r| r.len() != rows.columns.len()) {
            return Ok(Err(Refusal::NotABackup));
        }
    }
    let mut tx = super::begin_write(pool).await?;
    for (name, _) in current.iter().filter(|(n, _)| !NOT_MEETING_DATA.contains(&n.as_str())) {
        let any: Option<i64> = sqlx::query_scalar(&format!("SELECT 1 FROM \"{name}\" LIMIT 1")).fetch_optional(&mut *tx).await?;
        if any.is_some() {
            return Ok(Err(Refusal::NotEmpty(name.clone())));
        }
    }
    sqlx::query("PRAGMA defer_foreign_keys = ON").execute(&mut *tx).await?;
    for (name, _) in &current {
        sqlx::query(&format!("DELETE FROM \"{name}\"")).execute(&mut *tx).await?;
    }
    let mut count = 0;
    for (name, table) in &backup.tables {
        let columns = table.columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
        let marks = vec!["?"; table.columns.len()].join(", ");
        let sql = format!("INSERT INTO \"{name}\" ({columns}) VALUES ({marks})");
        for row in &table.rows {
            let mut q = sqlx::query(&sql);
            for v in row {
                q = match v {
                    Value::Null => q.bind(None::<i64>),
                    Value::Bool(b) => q.bind(*b as i64),
                    Value::Number(n) if n.is_i64() => q.bind(n.as_i64()),
                    Value::Number(n) => q.bind(n.as_f64()),
                    Value::String(s) => q.bind(s.clone()),
                    Value::Object(o) => match o.get("blob").and_then(Value::as_str).and_then(|h| hex::decode(h).ok()) {
                        Some(bytes) => q.bind(bytes),
                        None => return Ok(Err(Refusal::NotABackup)),
                    },
                    Value::Array(_) => return Ok(Err(Refusal::NotABackup)),
                };
            }
            if q.execute(&mut *tx).await.is_err() {
                return Ok(Err(Refusal::Inconsistent));
            }
            count += 1;
        }
    }
    // Deferred foreign keys would only fail at COMMIT, which leaves the
    // transaction open; check first and roll back on any dangling reference.
    let dangling: Option<String> = sqlx::query_scalar("SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1").fetch_optional(&mut *tx).await?;
    if dangling.is_some() {
        return Ok(Err(Refusal::Inconsistent));
    }
    tx.commit().await?;
    Ok(Ok(count))
}

/// The id the backup gives the meeting `slug` (the server keeps its id).
fn backup_meeting_id(backup: &Backup, slug: &str) -> Option<i64> {
    let t = backup.tables.get("meetings")?;
    let (id, sl) = (t.columns.iter().position(|c| c == "id")?, t.columns.iter().position(|c| c == "slug")?);
    t.rows.iter().find(|r| r.get(sl).and_then(Value::as_str) == Some(slug))?.get(id)?.as_i64()
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
