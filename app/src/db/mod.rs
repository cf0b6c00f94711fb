//! Database access (server only): the SQLite pool, migrations and repository
//! functions, one file per area. Functions take the pool or a transaction
//! explicitly and return domain types.

pub mod access;
pub mod answers;
pub mod backup;
pub mod backup_key;
pub mod browser_sessions;
pub mod cells;
pub mod changes;
pub mod clock;
pub mod coordinators;
pub mod deliveries;
pub mod matrix;
pub mod meeting;
pub mod participants;
pub mod projector;
pub mod seed_usage;
pub mod timeboxes;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::str::FromStr;
use std::time::Duration;

pub type Pool = SqlitePool;

/// Opens (creating if needed) the database with the settings live data needs:
/// WAL so readers never block the writer, `synchronous=FULL` so an acknowledged
/// write survives a power cut, a busy timeout instead of immediate "locked"
/// errors, and foreign keys enforced.
pub async fn connect(url: &str) -> Result<Pool, sqlx::Error> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true);
    SqlitePoolOptions::new()
        .max_connections(8)
        .after_connect(|conn, _| {
            Box::pin(async move {
                let mut handle = conn.lock_handle().await?;
                // SAFETY: the handle is this open connection's, locked for us.
                unsafe { libsqlite3_sys::sqlite3_busy_handler(handle.as_raw_handle().as_ptr(), Some(retry_soon), std::ptr::null_mut()) };
                Ok(())
            })
        })
        .connect_with(options)
        .await
}

/// SQLite's own busy handler (what `busy_timeout` installs) sleeps 1, 2, 5,
/// 10, 15, 20, 25 … ms between tries, so under a steady stream of saves a
/// writer that found the lock taken often slept 40–60 ms for a lock that had
/// been free for most of that time. This one tries again every 0.2 ms (on
/// the connection's own worker thread), for the same 5 s at most.
extern "C" fn retry_soon(_: *mut std::ffi::c_void, tries: std::ffi::c_int) -> std::ffi::c_int {
    const EVERY: Duration = Duration::from_micros(200);
    const TRIES: std::ffi::c_int = 25_000; // × 0.2 ms = 5 s
    if tries >= TRIES {
        return 0;
    }
    std::thread::sleep(EVERY);
    1
}

/// A transaction that takes the write lock at once. In WAL mode a deferred
/// transaction that reads and then writes fails at once with SQLITE_BUSY when
/// another writer committed in between (the busy timeout does not apply);
/// taking the lock first makes concurrent writers wait their turn instead.
pub async fn begin_write(pool: &Pool) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await
}

/// SQL for the current time as every time column stores it, unix
/// milliseconds (the migrations' defaults use the same expression), for
/// `concat!` into a query.
macro_rules! now_ms_sql {
    () => {
        "CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)"
    };
}
pub(crate) use now_ms_sql;

/// Applies the migrations in `app/migrations` (embedded at build time), on
/// one connection with foreign-key enforcement off: SQLite changes a column's
/// type only by rebuilding the table, and dropping a table others refer to
/// with enforcement on would cascade its deletes (SQLite's own procedure for
/// altering a table). Every reference is checked afterwards; a migration that
/// left one dangling fails the start.
pub async fn migrate(pool: &Pool) -> Result<(), sqlx::migrate::MigrateError> {
    let mut conn = pool.acquire().await?;
    sqlx::query("PRAGMA foreign_keys = OFF").execute(&mut *conn).await?;
    let applied = sqlx::migrate!("./migrations").run(&mut *conn).await;
    sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
    applied?;
    let dangling: Option<String> =
        sqlx::query_scalar("SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1").fetch_optional(&mut *conn).await?;
    match dangling {
        Some(table) => {
            Err(sqlx::migrate::MigrateError::Execute(sqlx::Error::Protocol(format!("a migration left a dangling reference in {table}"))))
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod time_tests;

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// A directory of its own under the system's temporary one, removed with
    /// the guard. (Not the `tempfile` crate: as a dev-dependency it turns on
    /// features of shared crates, and the tests would then compile the whole
    /// dependency tree a second time, apart from the release build.)
    pub struct TempDir(std::path::PathBuf);

    impl TempDir {
        pub fn new() -> TempDir {
            use std::sync::atomic::{AtomicU64, Ordering};
            static NEXT: AtomicU64 = AtomicU64::new(0);
            let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
            let name = format!("plenaria-test-{}-{nanos}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
            let path = std::env::temp_dir().join(name);
            std::fs::create_dir_all(&path).expect("temp dir");
            TempDir(path)
        }

        pub fn path(&self) -> &std::path::Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// A fresh, migrated database in a temporary directory (kept alive by the guard).
    pub async fn temp_db() -> (Pool, TempDir) {
        let dir = TempDir::new();
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        let pool = connect(&url).await.expect("connect");
        migrate(&pool).await.expect("migrate");
        (pool, dir)
    }
}
