//! Server-side state shared by every request (ssr only): the database pool and
//! which meeting this server runs. Provided to server functions as context.

use crate::db::meeting::MeetingId;
use crate::db::Pool;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: Pool,
    pub meeting: MeetingId,
    /// The address people reach the site at (for links and QR codes), when the
    /// operator set one; otherwise links use the Host of the request.
    pub public_url: Option<String>,
    /// Wrong join codes and wrong sign-in links per client address (see `crate::attempts`).
    #[from_ref(skip)]
    pub wrong_codes: std::sync::Arc<crate::attempts::Attempts>,
    #[from_ref(skip)]
    pub wrong_sign_ins: std::sync::Arc<crate::attempts::Attempts>,
    /// Announces committed changes to connected browsers.
    pub hub: crate::realtime::hub::Hub,
    /// Who has each group's matrix open.
    pub presence: std::sync::Arc<crate::realtime::presence::Presence>,
    /// The parsed seed, per reader language.
    #[from_ref(skip)]
    pub seeds: std::sync::Arc<crate::cache::Seeds>,
    /// Read models shared by many screens.
    #[from_ref(skip)]
    pub views: std::sync::Arc<crate::cache::Views>,
}

/// The server's clock, in unix milliseconds: the one time every screen's
/// countdown is measured against.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

impl AppState {
    /// The seed with its texts in `lang` (and Spanish), parsed once.
    pub async fn seed_for(&self, lang: &str) -> Result<std::sync::Arc<crate::domain::Seed>, sqlx::Error> {
        self.seeds.get(&self.pool, self.meeting, Some(lang)).await
    }

    /// The seed with every language's texts (exports, backups), parsed once.
    pub async fn seed(&self) -> Result<std::sync::Arc<crate::domain::Seed>, sqlx::Error> {
        self.seeds.get(&self.pool, self.meeting, None).await
    }

    /// Cookies get `Secure` when the site is served over TLS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }
}

impl AppState {
    /// The state of the current request, from Leptos context.
    pub fn current() -> Result<AppState, crate::error::AppError> {
        leptos::prelude::use_context::<AppState>().ok_or_else(|| {
            tracing::error!("AppState missing from the server function context");
            crate::error::AppError::Internal
        })
    }
}
