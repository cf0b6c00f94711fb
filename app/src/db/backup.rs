//! The meeting backup (`/export/meeting.json`): every row of every table,
//! column by column, so restoring it into an empty database gives back the
//! same meeting — identifiers, history, browser sessions (phones keep
//! working) and the change log included. Exact round trip: a backup taken
//! after a restore equals the one restored.
//!
//! A restore accepts only a whole backup of this meeting and schema (every
//! table, consistent references, the meeting's access and structure rows)
//! into a database without meeting data, and trusts the backup's sign-ins
//! (sessions, coordinator links, committee token, join code) only when its
//! integrity tag verifies (`backup_key`); otherwise it keeps this server's.

use super::{backup_key, Pool};
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
    /// HMAC of the above under the server's backup key (hex); none when the
    /// server did not know its committee token yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrity: Option<String>,
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
    OtherSchema {
        backup: i64,
        here: i64,
    },
    OtherMeeting {
        backup: String,
        here: String,
    },
    /// The database already holds meeting data (the table that has some).
    NotEmpty(String),
    /// The backup's rows break the database's rules (foreign keys, checks),
    /// or leave the meeting without its access or structure rows.
    Inconsistent,
    /// Tables of this database the backup does not have.
    MissingTables(Vec<String>),
}

/// What a restore did.
#[derive(Debug, PartialEq, Eq)]
pub struct Restored {
    pub rows: usize,
    /// The backup's integrity tag did not verify: its sign-ins were left out
    /// (this server's committee token, join code and sessions kept; the
    /// backup's coordinator links revoked).
    pub signed_out: bool,
}

/// Tables that say who may sign in with what; from an unverified backup,
/// this server's rows are kept instead.
const SIGN_INS: [&str; 2] = ["meeting_access", "browser_sessions"];

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
    for name in names.into_iter().filter(|n| !backup_key::tables_never_backed_up().contains(&n.as_str())) {
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
        let rows = rows_of(&mut conn, &name).await?;
        out.insert(name, TableRows { columns, rows });
    }
    let meeting: Option<i64> =
        sqlx::query_scalar("SELECT id FROM meetings WHERE slug = ?").bind(meeting_slug).fetch_optional(&mut *conn).await?;
    let key = match meeting {
        Some(id) => backup_key::key(&mut *conn, id).await?,
        None => None,
    };
    conn.commit().await?;
    let mut backup = Backup {
        format: FORMAT.to_string(),
        schema: schema_version(pool).await?,
        meeting: meeting_slug.to_string(),
        tables: out,
        integrity: None,
    };
    backup.integrity = key.map(|k| backup_key::tag(&k, &backup));
    Ok(backup)
}

async fn rows_of(conn: &mut sqlx::SqliteConnection, table: &str) -> Result<Vec<Vec<Value>>, sqlx::Error> {
    let rows = sqlx::query(&format!("SELECT * FROM \"{table}\" ORDER BY rowid")).fetch_all(conn).await?;
    rows.iter().map(|row| (0..row.columns().len()).map(|i| value(row, i)).collect()).collect()
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
/// meeting this server runs.
pub async fn restore(pool: &Pool, meeting_slug: &str, backup: &Backup) -> Result<Result<Restored, Refusal>, sqlx::Error> {
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
    let Some(here_id) = here_id.filter(|id| backup_meeting_id(backup, meeting_slug) == Some(*id)) else {
        return Ok(Err(Refusal::OtherMeeting { backup: backup.meeting.clone(), here: meeting_slug.to_string() }));
    };
    let current = tables(pool).await?;
    // Only tables and columns this database has are ever named in SQL.
    for (name, rows) in &backup.tables {
        let known = current.iter().find(|(n, _)| n == name);
        if known.is_none_or(|(_, cols)| *cols != rows.columns) || rows.rows.iter().any(|r| r.len() != rows.columns.len()) {
            return Ok(Err(Refusal::NotABackup));
        }
    }
    let missing: Vec<String> = current.iter().map(|(n, _)| n.clone()).filter(|n| !backup.tables.contains_key(n)).collect();
    if !missing.is_empty() {
        return Ok(Err(Refusal::MissingTables(missing)));
    }
    let mut tx = super::begin_write(pool).await?;
    for (name, _) in current.iter().filter(|(n, _)| !NOT_MEETING_DATA.contains(&n.as_str())) {
        let any: Option<i64> = sqlx::query_scalar(&format!("SELECT 1 FROM \"{name}\" LIMIT 1")).fetch_optional(&mut *tx).await?;
        if any.is_some() {
            return Ok(Err(Refusal::NotEmpty(name.clone())));
        }
    }
    let trusted = backup_key::verifies(backup_key::key(&mut *tx, here_id).await?.as_deref(), backup);
    let mut backup = std::borrow::Cow::Borrowed(backup);
    if !trusted {
        keep_own_sign_ins(&mut tx, backup.to_mut()).await?;
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
    let dangling: Option<String> =
        sqlx::query_scalar("SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1").fetch_optional(&mut *tx).await?;
    if dangling.is_some() || !complete(&mut tx, here_id).await? {
        return Ok(Err(Refusal::Inconsistent));
    }
    tx.commit().await?;
    Ok(Ok(Restored { rows: count, signed_out: !trusted }))
}

/// An unverified backup's sign-ins are replaced by this server's own (read
/// before anything is deleted), and its coordinator links arrive revoked.
async fn keep_own_sign_ins(conn: &mut sqlx::SqliteConnection, backup: &mut Backup) -> Result<(), sqlx::Error> {
    for table in SIGN_INS {
        let own = rows_of(conn, table).await?;
        if let Some(t) = backup.tables.get_mut(table) {
            t.rows = own;
        }
    }
    if let Some(links) = backup.tables.get_mut("coordinator_links") {
        if let Some(at) = links.columns.iter().position(|c| c == "revoked_at") {
            let now: i64 = sqlx::query_scalar(concat!("SELECT ", super::now_ms_sql!())).fetch_one(&mut *conn).await?;
            for row in links.rows.iter_mut().filter(|r| r[at].is_null()) {
                row[at] = Value::from(now);
            }
        }
    }
    Ok(())
}

/// What every screen needs after a restore: the meeting's access row, an
/// agenda, groups, and a stored seed the server can read.
async fn complete(conn: &mut sqlx::SqliteConnection, meeting: i64) -> Result<bool, sqlx::Error> {
    let (access, blocks, groups): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM meeting_access WHERE meeting_id = $1),
                (SELECT COUNT(*) FROM agenda_blocks WHERE meeting_id = $1),
                (SELECT COUNT(*) FROM groups WHERE meeting_id = $1)",
    )
    .bind(meeting)
    .fetch_one(&mut *conn)
    .await?;
    let seed: Option<String> =
        sqlx::query_scalar("SELECT seed_json FROM meetings WHERE id = $1").bind(meeting).fetch_optional(&mut *conn).await?;
    let seed_reads = seed.is_some_and(|json| serde_json::from_str::<crate::domain::Seed>(&json).is_ok());
    Ok(access == 1 && blocks > 0 && groups > 0 && seed_reads)
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
