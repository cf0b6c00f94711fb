//! What every server function starts with (server only): the request's
//! state and caller, the authorization check, and setting cookies.

use crate::auth::RequestAuth;
use crate::domain::roles::{authorize, Action, Denied};
use crate::error::AppError;
use crate::state::AppState;
use leptos::prelude::*;

/// The state and caller of the current request.
pub struct Ctx {
    pub state: AppState,
    pub auth: RequestAuth,
}

/// Reads who is calling; does not check anything yet.
pub fn ctx() -> Result<Ctx, AppError> {
    let state = AppState::current()?;
    let auth = use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<RequestAuth>().cloned()).unwrap_or_default();
    Ok(Ctx { state, auth })
}

/// Set by `guard` on the request it serves: the server withholds a server
/// function's successful answer when its request was not checked against
/// the role table (see the server's `middleware::role_checked`). A flag in
/// the request, not a response header: SSR pages call server functions
/// in-process, and nothing here may wait on the response's lock.
#[derive(Clone, Debug, Default)]
pub struct RoleChecked(pub std::sync::Arc<std::sync::atomic::AtomicBool>);

impl RoleChecked {
    pub fn is_set(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::SeqCst)
    }
    pub fn set(&self) {
        self.0.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// Identifies the caller and checks the role × action table before anything
/// is touched. The answer is 401 when nobody is signed in, 403 otherwise.
pub fn guard(action: Action) -> Result<Ctx, AppError> {
    let ctx = ctx()?;
    if let Some(checked) = use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<RoleChecked>().cloned()) {
        checked.set();
    }
    authorize(&ctx.auth.caller, &action).map_err(|denied| {
        set_status(match denied {
            Denied::NotSignedIn => http::StatusCode::UNAUTHORIZED,
            Denied::NotAllowed => http::StatusCode::FORBIDDEN,
        });
        match denied {
            Denied::NotSignedIn => AppError::Unauthorized,
            Denied::NotAllowed => AppError::Forbidden,
        }
    })?;
    Ok(ctx)
}

/// Sets the HTTP status of the reply to match an error the function returns.
pub fn fail<T>(error: AppError) -> Result<T, AppError> {
    if let Ok(code) = http::StatusCode::from_u16(error.status()) {
        set_status(code);
    }
    Err(error)
}

/// Plain HTML form posts (no JavaScript) are answered with a redirect back
/// to the form carrying the error; a status here would replace that redirect.
fn set_status(code: http::StatusCode) {
    let from_html_form = use_context::<http::request::Parts>()
        .and_then(|p| p.headers.get(http::header::ACCEPT).and_then(|a| a.to_str().ok()).map(|a| a.contains("text/html")))
        .unwrap_or(false);
    if from_html_form {
        return;
    }
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(code);
    }
}

pub fn set_cookie(value: String) {
    if let (Some(res), Ok(v)) = (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(&value)) {
        res.append_header(http::header::SET_COOKIE, v);
    }
}

/// A validation error on one field (422), in the function's own words.
pub fn invalid<T>(field: crate::error::Field, problem: crate::error::Problem) -> Result<T, AppError> {
    fail(AppError::Validation { field, problem })
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
    let mut tx = crate::db::begin_write(&state.pool).await?;
    let change = crate::db::changes::record(&mut tx, topic, crate::state::now_ms()).await?;
    state.hub.commit(tx, vec![change]).await?;
    Ok(())
}

/// The reader's language, decided as the page's is (`i18n::reader_locale`):
/// the remembered choice, else the browser's `Accept-Language`, else the
/// meeting's own (Spanish). Server functions send seed texts in it only.
pub fn reader_lang() -> &'static str {
    match use_context::<http::request::Parts>() {
        Some(parts) => crate::i18n::lang_code(crate::i18n::reader_locale(&parts.headers)),
        None => "es",
    }
}

/// The meeting's seed with its texts in the reader's language (and Spanish).
pub async fn reader_seed(state: &AppState) -> Result<std::sync::Arc<crate::domain::Seed>, AppError> {
    Ok(state.seed_for(reader_lang()).await?)
}
