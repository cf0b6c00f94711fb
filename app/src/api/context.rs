//! What every server function starts with and ends with (server only):
//! reading the request into a `service::Ctx`, the authorization check, and
//! writing the service's answer into the response (status, cookies).

use crate::auth::RequestAuth;
use crate::domain::roles::Action;
use crate::error::AppError;
use crate::service::Ctx;
use crate::state::AppState;
use leptos::prelude::*;

/// Reads who is calling, in which language (decided as the page's is,
/// `i18n::reader_locale`: the remembered choice, else `Accept-Language`,
/// else the meeting's own) and at which host; checks nothing yet.
fn ctx(parts: Option<&http::request::Parts>) -> Result<Ctx, AppError> {
    let state = AppState::current()?;
    let auth = parts.and_then(|p| p.extensions.get::<RequestAuth>().cloned()).unwrap_or_default();
    let host = parts.and_then(|p| p.headers.get(http::header::HOST).and_then(|h| h.to_str().ok()).map(str::to_string));
    let lang = parts.map_or("es", |p| crate::i18n::lang_code(crate::i18n::reader_locale(&p.headers)));
    Ok(Ctx::new(state, auth, lang, host))
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
    // One copy of the request's head serves the caller, language, host and flag.
    let parts = use_context::<http::request::Parts>();
    let ctx = ctx(parts.as_ref())?;
    if let Some(checked) = parts.as_ref().and_then(|p| p.extensions.get::<RoleChecked>()) {
        checked.set();
    }
    crate::service::allowed(&ctx, action).or_else(fail)?;
    Ok(ctx)
}

/// Sets the HTTP status of the reply to match an error the function returns.
fn fail<T>(error: AppError) -> Result<T, AppError> {
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

/// The end of every server function: the cookies the service set, and
/// the HTTP status of its error, written into the response.
pub fn reply<T>(ctx: &Ctx, result: Result<T, AppError>) -> Result<T, AppError> {
    for cookie in ctx.take_cookies() {
        set_cookie(cookie);
    }
    result.or_else(fail)
}

fn set_cookie(value: String) {
    if let (Some(res), Ok(v)) = (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(&value)) {
        res.append_header(http::header::SET_COOKIE, v);
    }
}
