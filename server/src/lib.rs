//! The server's wiring, as a library so integration tests can build the same
//! app the binary serves: configuration, start-up (database, migrations, seed)
//! and the router.

pub mod config;
pub mod events;
pub mod listener;
pub mod middleware;
pub mod routes;

use app::db;
use app::domain::parse_seed;
use app::state::AppState;
use config::Config;

/// `check-seed PATH`: the seed's summary, or every problem found in it, one
/// per line.
pub fn check_seed(path: &std::path::Path) -> Result<String, String> {
    let label = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|e| format!("cannot read seed file {label}: {e}"))?;
    let seed = parse_seed(&label, &source).map_err(|errors| errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))?;
    Ok(format!("{label}: valid\n{}", app::domain::seed_summary::summary(&seed)))
}

/// Reads and validates the seed, opens and migrates the database, stores the
/// seed, and returns the state every request shares. Errors are one readable
/// message (an invalid seed names file, field and problem).
pub async fn prepare(config: &Config) -> Result<AppState, String> {
    let seed_label = config.seed.display().to_string();
    let source = std::fs::read_to_string(&config.seed).map_err(|e| format!("cannot read seed file {seed_label}: {e}"))?;
    let seed = parse_seed(&seed_label, &source).map_err(|errors| errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))?;

    if config.database_url.is_none() {
        std::fs::create_dir_all(&config.data_dir)
            .map_err(|e| format!("cannot create data directory {}: {e}", config.data_dir.display()))?;
    }
    let url = config.database_url();
    let pool = db::connect(&url).await.map_err(|e| format!("cannot open database {url}: {e}"))?;
    db::migrate(&pool).await.map_err(|e| format!("database migration failed: {e}"))?;
    let meeting = db::meeting::store_seed(&pool, &seed, &seed_label).await.map_err(|e| format!("cannot apply seed {seed_label}: {e}"))?;
    tracing::info!(seed = %seed_label, meeting = meeting.0, "seed loaded");

    let given = config.committee_token.as_deref().map(str::trim).filter(|t| !t.is_empty());
    if given.is_some_and(|t| t.chars().count() < 16) {
        return Err("the committee token must have at least 16 characters".into());
    }
    let access = db::access::ensure(&pool, meeting, given).await.map_err(|e| format!("cannot set up access: {e}"))?;
    let base = config.public_url.clone().unwrap_or_else(|| format!("http://{}", config.addr));
    let base = base.trim_end_matches('/');
    println!("Meeting code: {}   (participants join at {base}/join)", access.join_code);
    if let Some(token) = &access.generated_committee_token {
        println!("Committee sign-in link (shown once; keep it private): {base}/committee?token={token}");
    }
    let forgotten = db::changes::prune_at_start(&pool, db::changes::KEEP).await.map_err(|e| format!("cannot prune the change log: {e}"))?;
    tracing::info!(forgotten, "change log pruned");
    let hub = app::realtime::hub::Hub::default();
    hub.observe(db::changes::latest(&pool).await.map_err(|e| format!("cannot read the change log: {e}"))?);
    Ok(AppState {
        leptos_options: routes::leptos_options(config),
        pool,
        meeting,
        public_url: config.public_url.clone(),
        wrong_codes: std::sync::Arc::new(app::attempts::Attempts::for_codes()),
        wrong_sign_ins: std::sync::Arc::new(app::attempts::Attempts::for_sign_in()),
        hub,
        presence: Default::default(),
        seeds: Default::default(),
        views: Default::default(),
    })
}
