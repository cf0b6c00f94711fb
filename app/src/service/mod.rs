//! The server's logic, one module per feature (server only). A server
//! function (`crate::api`) checks its caller against the role table, then
//! calls one function here; the realtime handlers and the exports call the
//! same functions. Nothing here reads the HTTP request or imports `api`:
//! what a function needs of the request comes in its `Ctx`.
//!
//! Layers inside, each calling only those above it: `clock`, `links`, then
//! `scope` (a group's work), `cells` (saving any cell), then the features.

pub mod access;
pub mod action_plan;
pub mod answers;
pub mod cells;
pub mod clock;
pub mod committee;
pub mod delivery;
pub mod links;
pub mod matrix;
pub mod meeting;
pub mod mixed_groups;
pub mod plenary;
pub mod projector;
pub mod questionnaire;
pub mod scope;
pub mod timebox;

use crate::auth::RequestAuth;
use crate::domain::roles::{authorize, Action, Denied};
use crate::domain::Seed;
use crate::error::{AppError, Field, Problem};
use crate::state::AppState;
use std::sync::{Arc, Mutex};

/// Who is asking and what the service needs to know of their request.
pub struct Ctx {
    pub state: AppState,
    pub auth: RequestAuth,
    /// The reader's language (`crate::i18n::reader_locale`): seed texts are sent in it.
    pub lang: &'static str,
    /// The Host the request came to (links are built on it when the server
    /// has no public URL configured).
    pub host: Option<String>,
    /// Cookies to set on the reply (a session created or renewed): the
    /// server function writes them, so a service never touches the response.
    cookies: Mutex<Vec<String>>,
}

impl Ctx {
    pub fn new(state: AppState, auth: RequestAuth, lang: &'static str, host: Option<String>) -> Self {
        Ctx { state, auth, lang, host, cookies: Mutex::new(Vec::new()) }
    }

    /// The meeting's seed with its texts in the reader's language (and Spanish).
    pub async fn seed(&self) -> Result<Arc<Seed>, AppError> {
        Ok(self.state.seed_for(self.lang).await?)
    }

    pub fn set_cookie(&self, value: String) {
        self.cookies.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(value);
    }

    /// The cookies set so far, once.
    pub fn take_cookies(&self) -> Vec<String> {
        std::mem::take(&mut *self.cookies.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}

/// A second check a service makes once it knows more than the server
/// function did (the participant's own group, every group at once): the
/// role table's answer for `action`, 401 when nobody is signed in.
pub fn allowed(ctx: &Ctx, action: Action) -> Result<(), AppError> {
    authorize(&ctx.auth.caller, &action).map_err(|denied| match denied {
        Denied::NotSignedIn => AppError::Unauthorized,
        Denied::NotAllowed => AppError::Forbidden,
    })
}

/// A validation error on one field (422), in the function's own words.
pub fn invalid<T>(field: Field, problem: Problem) -> Result<T, AppError> {
    Err(AppError::Validation { field, problem })
}

/// Announces a `people` change that may change what some browsers are
/// allowed to do (a link issued or revoked, a promotion, a group moved): open
/// realtime connections read their roles again. A plain join announces with
/// `announce` — the joining browser reconnects itself, and ten thousand open
/// streams need not each ask the database who they are.
pub async fn announce_roles_changed(state: &AppState) -> Result<(), AppError> {
    state.hub.roles_changed();
    announce(state, crate::domain::change::PEOPLE).await
}

/// Announces a change that was committed on its own (not inside a larger
/// transaction): records its number, then tells connected browsers.
pub async fn announce(state: &AppState, topic: &str) -> Result<(), AppError> {
    let tx = crate::db::begin_write(&state.pool).await?;
    commit(state, tx, topic, crate::state::now_ms()).await
}

/// Records a change of `topic` (at `at`, unix ms) in the transaction that
/// made it, commits, and tells connected browsers.
pub async fn commit(state: &AppState, mut tx: sqlx::Transaction<'static, sqlx::Sqlite>, topic: &str, at: i64) -> Result<(), AppError> {
    let change = crate::db::changes::record(&mut tx, topic, at).await?;
    state.hub.commit(tx, vec![change]).await?;
    Ok(())
}

/// No module here may import the server functions (the layer is one-way).
#[cfg(test)]
mod tests {
    #[test]
    fn no_service_module_imports_the_server_functions() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/service");
        // Spelled in two halves so that this line does not match itself.
        let needle = ["crate", "::api"].concat();
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                assert!(!code.contains(&needle), "{}:{} imports the server functions: {line}", path.display(), n + 1);
            }
            checked += 1;
        }
        assert!(checked > 10, "read {checked} files in {}", dir.display());
    }
}
