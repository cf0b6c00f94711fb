//! Command-line flags, each with an environment-variable fallback. The
//! defaults run out of the box: SQLite under ./data, the shipped seed.

use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone, Parser)]
#[command(name = "plenaria", version, about = "Runs the working-group sessions of an expert meeting, live.")]
pub struct Config {
    /// Without a command: serve the meeting.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Address and port to listen on.
    #[arg(long, env = "PLENARIA_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// Directory for the database and other data (created if missing).
    #[arg(long, env = "PLENARIA_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Database URL [default: sqlite://<data-dir>/plenaria.db].
    #[arg(long, env = "PLENARIA_DATABASE_URL")]
    pub database_url: Option<String>,

    /// The meeting's seed file (TOML); loaded and validated at every start.
    #[arg(long, env = "PLENARIA_SEED", default_value = "seeds/meeting.toml")]
    pub seed: PathBuf,

    /// Log filter, e.g. `info`, `debug`, `app=debug,sqlx=warn`.
    #[arg(long, env = "PLENARIA_LOG", default_value = "info")]
    pub log: String,

    /// The committee's sign-in token (at least 16 characters). Without it, the
    /// first start makes one up and prints the sign-in link once.
    #[arg(long, env = "PLENARIA_COMMITTEE_TOKEN", hide_env_values = true)]
    pub committee_token: Option<String>,

    /// The address people reach the site at, for links and QR codes
    /// (e.g. http://192.168.1.20:3000). Default: the address the committee's
    /// browser used. An https:// address also marks cookies Secure.
    #[arg(long, env = "PLENARIA_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Folder with the built site (JS, wasm, CSS, public files).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,

    /// Milliseconds a client has to send a request's headers; a keep-alive
    /// connection idle that long is closed too (slow or stalled clients).
    #[arg(long, env = "PLENARIA_HEADER_TIMEOUT_MS", default_value_t = 20_000)]
    pub header_timeout_ms: u64,

    /// Open connections allowed from one client address. A venue's phones may
    /// all reach the server from one address: allow each about three.
    #[arg(long, env = "PLENARIA_MAX_CONNECTIONS_PER_ADDRESS", default_value_t = 1_000)]
    pub max_connections_per_address: usize,

    /// Open connections allowed in all [default: what the open-file limit
    /// allows, less 256 kept for the database and files].
    #[arg(long, env = "PLENARIA_MAX_CONNECTIONS")]
    pub max_connections: Option<usize>,
}

impl Config {
    pub fn database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("plenaria.db").display()))
    }
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Validates a seed file without touching any database and prints what it
    /// describes (sessions, groups, questions, matrix columns); exit status 1
    /// and one line per problem if it is invalid.
    CheckSeed {
        /// The seed file (TOML) to check.
        path: PathBuf,
    },
}
